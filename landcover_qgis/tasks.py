"""QgsTasks running engine calls, the engine check and set-up commands in the background.

They report to the GUI through signals; every child process is started by the one launcher in
:mod:`landcover_qgis.engine_runner`.
"""

from __future__ import annotations

import shutil
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Deque, Dict, List, Optional, Sequence, Tuple

from qgis.core import QgsTask
from qgis.PyQt.QtCore import pyqtSignal

from landcover_qgis.engine_check import EngineCapabilities, check_engine
from landcover_qgis.engine_commands import EngineCall
from landcover_qgis.engine_runner import (
    CANCEL_GRACE_S,
    EngineFailure,
    EngineListener,
    EngineResult,
    describe_exit,
    run_engine,
    run_process,
)
from landcover_qgis.i18n import translate

#: Output lines of a failed set-up command quoted in the failure message (pip's error is at its end).
FAILURE_TAIL_LINES = 15


@dataclass
class TaskOutcome:
    """What a task produced: the results of the calls that succeeded and the failure that stopped it, if any."""

    results: List[EngineResult] = field(default_factory=list)
    failure: Optional[EngineFailure] = None
    capabilities: Optional[EngineCapabilities] = None

    @property
    def ok(self) -> bool:
        """Whether no failure stopped the task."""
        return self.failure is None


class _TaskListener(EngineListener):
    """Forwards engine events of call ``index`` of ``count`` to the task's signals."""

    def __init__(self, task: EngineTask, index: int, count: int) -> None:
        self.task, self.index, self.count = task, index, count

    def on_progress(self, fraction: float, message: str, epoch: Optional[Tuple[int, int]] = None) -> None:
        self.task.setProgress(100.0 * (self.index + fraction) / self.count)
        number, epochs = epoch or (0, 0)
        self.task.progressMessage.emit(message, number, epochs)

    def on_metrics(self, metrics: Dict[str, Any]) -> None:
        self.task.metricsReceived.emit(metrics)

    def on_log(self, level: str, message: str) -> None:
        self.task.logReceived.emit(level, message)

    def is_cancelled(self) -> bool:
        return self.task.isCanceled()


class EngineTask(QgsTask):
    """Runs engine calls one after the other; ``on_finished`` gets a :class:`TaskOutcome` on the GUI thread.

    Each call's input exports (``EngineCall.prepare``) are written here, on the worker thread, just
    before the engine starts.

    Signals (emitted from the worker thread, delivered queued to GUI receivers):
        progressMessage(str message, int epoch, int epochs) (epochs 0 outside a training stage),
        metricsReceived(dict), logReceived(str level, str message).
    """

    progressMessage = pyqtSignal(str, int, int)
    metricsReceived = pyqtSignal(dict)
    logReceived = pyqtSignal(str, str)

    def __init__(self, description: str, python: str, calls: Sequence[EngineCall],
                 on_finished: Callable[[TaskOutcome], None]) -> None:
        super().__init__(description, QgsTask.Flag.CanCancel)
        self.python = python
        self.calls = list(calls)
        self.on_finished = on_finished
        self.outcome = TaskOutcome()

    def run(self) -> bool:
        """Worker thread: runs the calls; never raises (a failure is kept in the outcome)."""
        try:
            for index, call in enumerate(self.calls):
                self.logReceived.emit("info", f"{call.label or call.command}…")
                call.prepare_inputs()
                if self.isCanceled():
                    raise EngineFailure(
                        "Cancelled",
                        translate("EngineTask", "landcover {command} was cancelled.").format(command=call.command),
                    )
                listener = _TaskListener(self, index, len(self.calls))
                self.outcome.results.append(run_engine(self.python, call.command, call.args, listener))
        except EngineFailure as failure:
            self.outcome.failure = failure
        except Exception as exc:  # noqa: BLE001 - a task must never take QGIS down
            self.outcome.failure = EngineFailure("InternalError", f"{type(exc).__name__}: {exc}")
        return self.outcome.ok

    def finished(self, result: bool) -> None:
        """GUI thread: hands the outcome over."""
        if self.outcome.failure is None and self.isCanceled():
            self.outcome.failure = EngineFailure("Cancelled", translate("EngineTask", "Cancelled."))
        self.on_finished(self.outcome)


class EngineCheckTask(QgsTask):
    """Checks the engine (``schema --probe``: versions, options, optional features) without blocking QGIS."""

    def __init__(self, python: str, on_finished: Callable[[TaskOutcome], None]) -> None:
        super().__init__(translate("EngineCheckTask", "Checking the landcover engine"), QgsTask.Flag.CanCancel)
        self.python = python
        self.on_finished = on_finished
        self.outcome = TaskOutcome()

    def run(self) -> bool:
        """Worker thread: checks the engine; never raises (an error becomes an unavailable engine)."""
        try:
            self.outcome.capabilities = check_engine(self.python)
        except Exception as exc:  # noqa: BLE001 - a task must never take QGIS down
            self.outcome.capabilities = EngineCapabilities(available=False, message=f"{type(exc).__name__}: {exc}")
        return True

    def finished(self, result: bool) -> None:
        """GUI thread: hands the outcome over."""
        self.on_finished(self.outcome)


class ProcessTask(QgsTask):
    """Runs plain commands (venv creation, pip, ``doctor``) one after the other, stopping at the first failure.

    Signals (emitted from the worker thread, delivered queued to GUI receivers):
        lineReceived(str): One output line of the running command (or ``$ command`` before it starts).

    ``on_finished`` gets, on the GUI thread, None when every command succeeded, else what went wrong (a failed
    command's last output lines included).

    Args:
        description: The task's name in QGIS's task list.
        commands: The command lines.
        on_finished: Receives the outcome.
        cleanup: A folder removed when a command fails or is cancelled (a half-built environment).
        grace_s: Seconds between SIGTERM and SIGKILL when cancelled.
    """

    lineReceived = pyqtSignal(str)

    def __init__(self, description: str, commands: Sequence[Sequence[str]],
                 on_finished: Callable[[Optional[str]], None], cleanup: Optional[Path] = None,
                 grace_s: float = CANCEL_GRACE_S) -> None:
        super().__init__(description, QgsTask.Flag.CanCancel)
        self.commands = [list(argv) for argv in commands]
        self.on_finished = on_finished
        self.cleanup = cleanup
        self.grace_s = grace_s
        self.problem: Optional[str] = None

    def run(self) -> bool:
        """Worker thread: runs the commands through the shared launcher, cleans up after a failure; never raises."""
        try:
            for argv in self.commands:
                self.problem = self._run_command(argv)
                if self.problem:
                    break
        except EngineFailure as failure:
            self.problem = failure.message
        except Exception as exc:  # noqa: BLE001 - a task must never take QGIS down
            self.problem = f"{type(exc).__name__}: {exc}"
        if self.problem and self.cleanup is not None and self.cleanup.exists():
            shutil.rmtree(self.cleanup, ignore_errors=True)
            self.problem += translate("ProcessTask", "\nRemoved the unfinished environment {cleanup}.").format(
                cleanup=self.cleanup)
        return self.problem is None

    def _run_command(self, argv: List[str]) -> Optional[str]:
        """Runs one command; what went wrong, or None."""
        self.lineReceived.emit("$ " + " ".join(argv))
        tail: Deque[str] = deque(maxlen=FAILURE_TAIL_LINES)

        def on_line(_stream: str, line: str) -> None:
            tail.append(line)
            self.lineReceived.emit(line)

        exit_code, cancelled = run_process(argv, on_line, self.isCanceled, self.grace_s)
        if cancelled:
            return translate("ProcessTask", "Cancelled.")
        if exit_code != 0:
            last = "\n".join(line for line in tail if line.strip())
            return translate("ProcessTask", "Failed: the command {exit}.").format(exit=describe_exit(exit_code)) + (
                translate("ProcessTask", "\nLast output:\n{last}").format(last=last) if last else ""
            )
        return None

    def finished(self, result: bool) -> None:
        """GUI thread: hands the outcome over."""
        self.on_finished(self.problem)
