"""Pseudo-labels, self-training, TTA, uncertainty and histogram matching in Processing and the dock.

Every run goes to the real engine (behind a recorder of its command lines); parameters are compared with
the engine's own description, so a change of an option in the engine shows here.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Dict, List

import pytest
from conftest import train_parameters, wait_for
from fake_engine import recording_engine
from qgis.core import (
    QgsApplication,
    QgsProcessingFeedback,
    QgsProcessingParameterEnum,
    QgsProject,
    QgsRasterLayer,
    QgsSettings,
)

from landcover_qgis.engine_check import EngineCapabilities
from landcover_qgis.engine_runner import run_engine
from landcover_qgis.engine_schema import EngineSchema, current_schema
from landcover_qgis.model_facts import model_facts
from landcover_qgis.settings import ENGINE_PYTHON_KEY


@pytest.fixture(scope="module")
def real_description(engine_python: str) -> Dict[str, Any]:
    return run_engine(engine_python, "schema", []).summary


def engine_option(description: Dict[str, Any], command: str, dest: str) -> Dict[str, Any]:
    return next(o for o in description["commands"][command]["options"] if o["dest"] == dest)


@pytest.fixture(scope="module")
def model_file(tiny_model: Path) -> Path:
    return tiny_model


@pytest.fixture()
def recorded_engine(plugin, engine_python: str, tmp_path: Path) -> Path:
    """The plugin configured with the real engine behind a launch recorder; returns its folder (``launches.txt``)."""
    QgsSettings().setValue(ENGINE_PYTHON_KEY, recording_engine(tmp_path, engine_python))
    plugin.provider.refreshAlgorithms()
    yield tmp_path
    QgsSettings().remove(ENGINE_PYTHON_KEY)
    plugin.provider.refreshAlgorithms()


def launched(folder: Path, command: str) -> List[str]:
    lines = (folder / "launches.txt").read_text().splitlines()
    return next(line.split() for line in reversed(lines) if line.startswith(command + " "))


class InfoKept(QgsProcessingFeedback):
    def __init__(self) -> None:
        super().__init__()
        self.infos: List[str] = []

    def pushInfo(self, info: str) -> None:
        self.infos.append(info)


def test_engine_commands_and_options_appear_as_algorithms_and_parameters(plugin, real_description) -> None:
    registry = QgsApplication.processingRegistry()
    pseudo, selftrain = registry.algorithmById("landcover:pseudolabel"), registry.algorithmById("landcover:selftrain")
    assert pseudo is not None and selftrain is not None
    threshold, engine_threshold = pseudo.parameterDefinition("THRESHOLD"), engine_option(
        real_description, "pseudo-label", "threshold")
    assert threshold.defaultValue() == engine_threshold["default"]
    assert threshold.maximum() == engine_threshold["maximum"]
    assert engine_threshold["exclusive_minimum"] and engine_threshold["minimum"] < threshold.minimum() < 1e-5
    assert pseudo.parameterDefinition("CLASS_THRESHOLDS").help() == engine_option(
        real_description, "pseudo-label", "class_thresholds")["help"]
    rounds, engine_rounds = selftrain.parameterDefinition("ROUNDS"), engine_option(real_description, "self-train",
                                                                                   "rounds")
    assert (rounds.defaultValue(), rounds.minimum(), rounds.maximum()) == (
        engine_rounds["default"], engine_rounds["minimum"], engine_rounds["maximum"])
    classify = registry.algorithmById("landcover:classify")
    tta = classify.parameterDefinition("TTA")
    assert isinstance(tta, QgsProcessingParameterEnum)
    assert tta.options() == engine_option(real_description, "predict", "tta")["choices"]
    assert classify.parameterDefinition("UNCERTAINTY") is not None
    assert classify.parameterDefinition("MODEL_WEIGHTS") is not None


def test_algorithms_follow_the_engine_commands(plugin, real_description) -> None:
    registry = QgsApplication.processingRegistry()
    classify = registry.algorithmById("landcover:classify")
    has = {name: name in real_description["commands"] for name in ("pseudo-label", "self-train")}
    assert (registry.algorithmById("landcover:pseudolabel") is not None) == has["pseudo-label"]
    assert (registry.algorithmById("landcover:selftrain") is not None) == has["self-train"]
    predict = {o["dest"] for o in real_description["commands"]["predict"]["options"]}
    assert (classify.parameterDefinition("TTA") is not None) == ("tta" in predict)
    assert (classify.parameterDefinition("UNCERTAINTY") is not None) == ("uncertainty" in predict)


def test_pseudo_label_and_self_train_run_by_id(recorded_engine: Path, scene_files, model_file: Path,
                                               tmp_path: Path) -> None:
    import processing

    out = tmp_path / "pseudo"
    result = processing.run("landcover:pseudolabel", {"MODEL": [str(model_file)], "INPUT": [str(scene_files["image"])],
                                                       "THRESHOLD": 0.5, "OUTPUT": str(out)})
    assert result["OUTPUT"] == str(out)
    labels = out / f"{Path(scene_files['image']).stem}.pseudo.tif"
    assert labels.is_file() and (out / "pseudo_labels.json").is_file()
    assert QgsRasterLayer(str(labels), "labels", "gdal").isValid()
    args = launched(recorded_engine, "pseudo-label")
    assert args[args.index("--threshold") + 1] == "0.5" and args[args.index("--model") + 1] == str(model_file)

    feedback = InfoKept()
    model = tmp_path / "self.pt"
    trained = processing.run("landcover:selftrain", {**train_parameters(scene_files, model),
                                                     "UNLABELED": [str(scene_files["image"])], "ROUNDS": 1,
                                                     "THRESHOLD": 0.5}, feedback=feedback)
    assert trained["OUTPUT"] == str(model) and model.is_file()
    assert 0.0 <= trained["BEST_VAL_MIOU"] <= 1.0
    args = launched(recorded_engine, "self-train")
    assert args[args.index("--unlabeled") + 1] == str(scene_files["image"]) and args[args.index("--rounds") + 1] == "1"
    assert [info for info in feedback.infos if info.startswith("round 1")], "per-round metrics reach the log"


def test_classify_with_tta_and_uncertainty_loads_a_ramp_styled_layer(recorded_engine: Path, scene_files,
                                                                     model_file: Path, tmp_path: Path,
                                                                     real_description) -> None:
    import processing

    choices = engine_option(real_description, "predict", "tta")["choices"]
    uncertainty = tmp_path / "uncertainty.tif"
    processing.runAndLoadResults("landcover:classify", {
        "INPUT": str(scene_files["image"]), "MODEL": [str(model_file)], "TTA": choices.index("d4"),
        "HISTMATCH": False, "OUTPUT": str(tmp_path / "classes.tif"), "UNCERTAINTY": str(uncertainty)})
    args = launched(recorded_engine, "predict")
    assert args[args.index("--tta") + 1] == "d4" and args[args.index("--uncertainty") + 1] == str(uncertainty)
    assert "--no-histmatch" in args, "switching matching off reaches the engine"
    assert uncertainty.is_file()
    layer = next(loaded for loaded in QgsProject.instance().mapLayers().values()
                 if "uncertainty.tif" in loaded.source())
    assert layer.renderer().type() == "singlebandpseudocolor"
    del layer
    QgsProject.instance().clear()


def test_the_dock_follows_the_engine_options_and_reaches_the_engine(dock, real_description, model_file: Path,
                                                                     tmp_path: Path) -> None:
    form = dock.form
    form.apply_schema(EngineSchema.from_description(real_description))
    assert form.histmatch.isEnabled() == any(
        o["dest"] == "histmatch" for o in real_description["commands"]["predict"]["options"])
    assert form.self_training.isEnabled() and form.tta.isEnabled() and form.make_uncertainty.isEnabled()
    choices = engine_option(real_description, "predict", "tta")["choices"]
    assert [form.tta.itemData(i) for i in range(form.tta.count())] == choices
    assert form.self_training.threshold.value() == engine_option(real_description, "self-train", "threshold")["default"]
    assert form.self_training.rounds.value() == engine_option(real_description, "self-train", "rounds")["default"]

    form.tta.setCurrentIndex(choices.index("flips"))
    form.histmatch.setChecked(False)
    form.make_uncertainty.setChecked(True)
    args = form.predict_request([str(model_file)], tmp_path).call(form.require_schema()).args
    assert args[args.index("--tta") + 1] == "flips" and "--no-histmatch" in args and "--uncertainty" in args
    assert "--resample" not in args  # unchecked: the engine's default
    form.resample.setChecked(True)
    args = form.predict_request([str(model_file)], tmp_path).call(form.require_schema()).args
    assert form.resample.isEnabled() and args[args.index("--resample") + 1] == "model"

    scene = form.image_layer.currentLayer()
    form.self_training.refresh_layers()
    form.self_training.unlabeled.setItemCheckState(form.self_training.unlabeled.findData(scene.id()), 2)
    form.self_training.rounds.setValue(4)
    form.decoder.setCurrentIndex(form.decoder.findData("none"))
    call = form.self_train_request(str(tmp_path / "self.pt")).call(form.require_schema())
    assert call.args[call.args.index("--decoder") + 1] == "none"  # the dock's decoder choice reaches the engine
    assert call.command == "self-train" and call.args[call.args.index("--unlabeled") + 1] == scene.source()
    assert call.args[call.args.index("--rounds") + 1] == "4" and "--threshold" in call.args
    pseudo = form.pseudo_label_request([str(model_file)], str(tmp_path / "pl")).call(form.require_schema())
    assert pseudo.args[pseudo.args.index("--image") + 1] == scene.source() and "--threshold" in pseudo.args
    del scene


def test_the_dock_says_whether_the_model_carries_a_histogram_reference(dock, model_file: Path) -> None:
    from landcover_qgis.option_widgets import select_id

    form = dock.form
    dock.apply_capabilities(EngineCapabilities(available=True, schema=current_schema()))
    assert select_id(form.model_mode, "existing")
    form.model_files.setFilePath(str(model_file))
    assert wait_for(lambda: form.model_reference.text() != "", 60)
    carries = model_facts(str(model_file), os.environ["LANDCOVER_PYTHON"]).histogram_reference is not None
    assert ("carries a histogram reference" in form.model_reference.text()) == carries
