"""How Processing runs report and leave things: no unclosed pipes, progress on the bar, outputs in the group."""

from __future__ import annotations

import gc
import shutil
import warnings
from pathlib import Path
from typing import Iterator, List

import pytest
from conftest import train_parameters
from fake_engine import fake_engine_python, launched_commands, recording_engine
from qgis.core import (
    QgsApplication,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsSettings,
)


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

    def setProgressText(self, text: str) -> None:
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
    assert not any("Checking" in line for line in feedback.lines), "train asks the engine nothing before it starts"
    assert len(progress) >= 100 and max(progress) == 100.0
    assert only_resource_warnings(resource_warnings) == []


def test_the_dock_task_path_leaves_no_unclosed_pipe(qgis_app, tmp_path: Path, resource_warnings) -> None:
    from conftest import wait_for

    from landcover_qgis.engine_commands import EngineCall
    from landcover_qgis.tasks import EngineTask

    python = fake_engine_python(tmp_path, MANY_PROGRESS_EVENTS)
    outcomes = []
    task = EngineTask("test", python, [EngineCall("train", ["--out", str(tmp_path / "m.pt")])], outcomes.append)
    QgsApplication.taskManager().addTask(task)
    assert wait_for(lambda: bool(outcomes), 60)
    assert outcomes[0].ok and outcomes[0].results[0].outputs == {"model": str(tmp_path / "m.pt")}
    assert only_resource_warnings(resource_warnings) == []


def test_the_engine_checks_the_model_files_in_the_run_not_in_the_dialog_checks(plugin, scene_files, engine_python: str,
                                                                              tmp_path: Path) -> None:
    """The dialog calls checkParameterValues and prepare on the GUI thread: asking the engine there froze QGIS."""
    import processing

    QgsSettings().setValue("landcover/engine_python", recording_engine(tmp_path, engine_python))
    not_a_model = tmp_path / "notes.pt"
    not_a_model.write_bytes(b"not a model")
    parameters = {"INPUT": str(scene_files["image"]), "MODEL": [str(not_a_model)], "OUTPUT": str(tmp_path / "c.tif")}
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("landcover:classify")
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    assert algorithm.checkParameterValues(parameters, context) == (True, "")
    assert algorithm.prepare(parameters, context, QgsProcessingFeedback())
    assert "info" not in launched_commands(tmp_path)
    with pytest.raises(QgsProcessingException, match="ModelFileError"):
        processing.run("landcover:classify", parameters)
    assert launched_commands(tmp_path)[-1] == "info", "the run asked the engine, and went no further"


def test_loaded_outputs_go_into_the_landcover_group_named_after_the_model(plugin, scene_files, tiny_model: Path,
                                                                          tmp_path: Path) -> None:
    import processing

    model = Path(shutil.copy(tiny_model, tmp_path / "forest2024.pt"))
    processing.runAndLoadResults("landcover:classify", {
        "INPUT": str(scene_files["image"]), "MODEL": [str(model)], "OUTPUT": str(tmp_path / "classes.tif"),
        "CONFIDENCE": str(tmp_path / "confidence.tif")}, feedback=QgsProcessingFeedback())
    root = QgsProject.instance().layerTreeRoot()
    group = root.findGroup("landcover")
    try:
        assert group is not None
        assert [node.name() for node in group.children()] == ["forest2024 classes", "forest2024 confidence"]
        at_root = {node.name() for node in root.children() if node is not group}
        assert not at_root & {"forest2024 classes", "forest2024 confidence", "Classes", "Confidence"}, at_root
        assert group.children()[0].layer().renderer().type() == "paletted", "styled as well"
    finally:
        QgsProject.instance().clear()
