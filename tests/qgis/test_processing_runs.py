"""How Processing runs report and leave things: no unclosed pipes, progress on the bar, outputs in the group."""

from __future__ import annotations

import gc
import warnings
from pathlib import Path
from typing import Iterator, List

import pytest
from conftest import train_parameters
from fake_engine import fake_engine_python
from qgis.core import QgsProcessingFeedback, QgsSettings


@pytest.fixture()
def resource_warnings() -> Iterator[List[warnings.WarningMessage]]:
    """Every ResourceWarning raised while the test runs (unclosed pipes, files), collected after a full GC."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ResourceWarning)
        yield caught
        gc.collect()


def only_resource_warnings(caught: List[warnings.WarningMessage]) -> List[str]:
    return [str(item.message) for item in caught if issubclass(item.category, ResourceWarning)]


class DialogFeedback(QgsProcessingFeedback):
    """Feedback that logs each progress text as one line, as the algorithm dialog and qgis_process do."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: List[str] = []

    def setProgressText(self, text: str) -> None:  # noqa: N802 - QGIS API
        self.lines.append(text)
        super().setProgressText(text)


#: A fake engine that trains with many progress events of one message, then reports a result.
MANY_PROGRESS_EVENTS = """
out = sys.argv[sys.argv.index("--out") + 1]
open(out, "wb").close()
for step in range(1, 201):
    emit(event="progress", stage="train", fraction=step / 200, current=step, total=200, message="Training tiles")
emit(event="result", command="train", outputs={"model": out}, summary={"best_val_miou": 0.5})
"""


def test_progress_goes_to_the_bar_and_the_log_gets_a_line_per_tenth(plugin, scene_files, engine_python: str,
                                                                     tmp_path: Path, resource_warnings) -> None:
    import processing

    QgsSettings().setValue("landcover/engine_python",
                           fake_engine_python(tmp_path, MANY_PROGRESS_EVENTS, schema_from=engine_python))
    feedback = DialogFeedback()
    progress: List[float] = []
    feedback.progressChanged.connect(progress.append)
    processing.run("landcover:train", train_parameters(scene_files, tmp_path / "m.pt"), feedback=feedback)
    lines = [line for line in feedback.lines if "Training tiles" in line]
    assert 5 <= len(lines) <= 11, lines
    assert len(progress) >= 100 and max(progress) == 100.0
    assert only_resource_warnings(resource_warnings) == []


def test_the_dock_task_path_leaves_no_unclosed_pipe(qgis_app, tmp_path: Path, resource_warnings) -> None:
    from conftest import wait_for
    from qgis.core import QgsApplication

    from landcover_qgis.engine_commands import EngineCall
    from landcover_qgis.tasks import EngineTask

    python = fake_engine_python(tmp_path, MANY_PROGRESS_EVENTS)
    outcomes = []
    task = EngineTask("test", python, [EngineCall("train", ["--out", str(tmp_path / "m.pt")])], outcomes.append)
    QgsApplication.taskManager().addTask(task)
    assert wait_for(lambda: bool(outcomes), 60)
    assert outcomes[0].ok and outcomes[0].results[0].outputs == {"model": str(tmp_path / "m.pt")}
    assert only_resource_warnings(resource_warnings) == []
