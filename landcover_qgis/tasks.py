"""QgsTask running one or more engine calls in the background, reporting to the GUI through signals."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Optional, Sequence

from qgis.core import QgsTask
from qgis.PyQt.QtCore import pyqtSignal

from landcover_qgis.engine_commands import EngineCall, EngineCapabilities
from landcover_qgis.engine_check import check_engine
from landcover_qgis.engine_runner import EngineFailure, EngineListener, EngineResult, run_engine


@dataclass
class TaskOutcome:
    """What a task produced: the results of the calls that succeeded and the failure that stopped it, if any."""

    results: List[EngineResult] = field(default_factory=list)
    failure: Optional[EngineFailure] = None
    capabilities: Optional[EngineCapabilities] = None

    @property
    def ok(self) -> bool:
        return self.failure is None


class _TaskListener(EngineListener):
    """Forwards engine events of call ``index`` of ``count`` to the task's signals."""

    def __init__(self, task: "EngineTask", index: int, count: int) -> None:
        self.task, self.index, self.count = task, index, count

    def on_progress(self, fraction: float, message: str) -> None:
        self.task.setProgress(100.0 * (self.index + fraction) / self.count)
        self.task.progressMessage.emit(message)

    def on_metrics(self, metrics: Dict[str, Any]) -> None:
        self.task.metricsReceived.emit(metrics)

    def on_log(self, level: str, message: str) -> None:
        self.task.logReceived.emit(level, message)

    def is_cancelled(self) -> bool:
        return self.task.isCanceled()


class EngineTask(QgsTask):
    """Runs engine calls one after the other; ``on_finished`` gets a :class:`TaskOutcome` on the GUI thread.

    Signals (emitted from the worker thread, delivered queued to GUI receivers):
        progressMessage(str), metricsReceived(dict), logReceived(str level, str message).
    """

    progressMessage = pyqtSignal(str)
    metricsReceived = pyqtSignal(dict)
    logReceived = pyqtSignal(str, str)

    def __init__(self, description: str, python: str, calls: Sequence[EngineCall],
                 on_finished: Callable[[TaskOutcome], None]) -> None:
        super().__init__(description, QgsTask.CanCancel)
        self.python = python
        self.calls = list(calls)
        self.on_finished = on_finished
        self.outcome = TaskOutcome()

    def run(self) -> bool:
        """Worker thread: runs the calls; never raises (a failure is kept in the outcome)."""
        try:
            for index, call in enumerate(self.calls):
                self.logReceived.emit("info", f"{call.label or call.command}…")
                listener = _TaskListener(self, index, len(self.calls))
                self.outcome.results.append(run_engine(self.python, call.command, call.args, listener))
        except EngineFailure as failure:
            self.outcome.failure = failure
        except Exception as exc:  # noqa: BLE001 - a task must never take QGIS down
            self.outcome.failure = EngineFailure("InternalError", f"{type(exc).__name__}: {exc}")
        return self.outcome.ok

    def finished(self, result: bool) -> None:  # noqa: ARG002 - the outcome says more than the flag
        """GUI thread: hands the outcome over."""
        if self.outcome.failure is None and self.isCanceled():
            self.outcome.failure = EngineFailure("Cancelled", "Cancelled.")
        self.on_finished(self.outcome)


class EngineCheckTask(QgsTask):
    """Checks the engine (doctor + optional features) without blocking QGIS."""

    def __init__(self, python: str, on_finished: Callable[[TaskOutcome], None]) -> None:
        super().__init__("Checking the landcover engine", QgsTask.CanCancel)
        self.python = python
        self.on_finished = on_finished
        self.outcome = TaskOutcome()

    def run(self) -> bool:
        try:
            self.outcome.capabilities = check_engine(self.python)
        except Exception as exc:  # noqa: BLE001 - a task must never take QGIS down
            self.outcome.capabilities = EngineCapabilities(available=False, message=f"{type(exc).__name__}: {exc}")
        return True

    def finished(self, result: bool) -> None:  # noqa: ARG002
        self.on_finished(self.outcome)
