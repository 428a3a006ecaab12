"""Pseudo-labels, self-training, TTA, uncertainty and histogram matching as they appear once the engine has them.

The engine's ``pseudo-label``/``self-train`` commands and predict's ``--tta``/``--uncertainty``/``--model-weights``
are being added: these tests describe them with the real engine's description plus those entries (a recording
stand-in answers ``schema`` with it and simulates the new commands; everything else runs in the real engine).
"""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path
from typing import Any, Dict, List

import pytest
from qgis.core import QgsApplication, QgsProcessingFeedback, QgsProcessingParameterEnum, QgsProject, QgsSettings

from conftest import wait_for
from fake_engine import recording_engine
from landcover_qgis.engine_runner import run_engine
from landcover_qgis.engine_check import EngineCapabilities
from landcover_qgis.engine_schema import EngineSchema, current_schema
from landcover_qgis.model_facts import model_facts
from landcover_qgis.settings import ENGINE_PYTHON_KEY
from scene_data import CLASS_FIELD

TTA_CHOICES = ["none", "flips", "d4"]


def option(flag: str, type_: str = "str", **more: Any) -> Dict[str, Any]:
    entry = {"flag": flag, "dest": flag.lstrip("-").replace("-", "_"), "type": type_, "default": None,
             "required": False, "repeatable": False, "positional": False, "choices": None, "metavar": None,
             "group": "", "help": f"{flag} (test description)", "minimum": None, "maximum": None,
             "exclusive_minimum": False, "exclusive_maximum": False, "multiple_of": None}
    entry.update(more)
    return entry


def future_description(real: Dict[str, Any]) -> Dict[str, Any]:
    """The real description plus pseudo-label, self-train and predict's TTA, ensemble weights and uncertainty."""
    described = copy.deepcopy(real)
    commands = described["commands"]
    threshold = option("--threshold", "float", default=0.9, minimum=0.0, maximum=1.0, exclusive_minimum=True)
    commands["predict"]["options"] += [option("--tta", choices=TTA_CHOICES, default="none"),
                                       option("--model-weights"), option("--uncertainty")]
    commands["pseudo-label"] = {"help": "pseudo-labels", "options": [
        option("--model", repeatable=True, required=True), option("--image", repeatable=True, required=True),
        option("--out", required=True), threshold, option("--class-thresholds")]}
    commands["self-train"] = {"help": "self-training", "options": [
        *[o for o in commands["train"]["options"] if o["dest"] not in ("reference",)],
        option("--unlabeled", repeatable=True), option("--rounds", "int", default=3, minimum=1, maximum=20),
        threshold]}
    return described


#: The stand-in's handling of the commands the engine does not have yet (recording_engine's body).
SIMULATION = """
def value(flag):
    return args[args.index(flag) + 1]
if command == "pseudo-label":
    os.makedirs(value("--out"), exist_ok=True)
    emit(event="result", command=command, outputs={"folder": value("--out")}, summary={})
    sys.exit(0)
if command == "self-train":
    for round_ in range(1, int(value("--rounds")) + 1):
        emit(event="metrics", round=round_, epoch=1, epochs=1, train_loss=1.0, val_loss=1.0, val_miou=0.1 * round_)
    open(value("--out"), "wb").close()
    emit(event="result", command=command, outputs={"model": value("--out")}, summary={"best_val_miou": 0.3})
    sys.exit(0)
if command == "predict":  # TTA/weights are the engine's business; the uncertainty file: its confidence
    for flag in ("--tta", "--model-weights"):
        if flag in args:
            del args[args.index(flag):args.index(flag) + 2]
    if "--uncertainty" in args:
        args[args.index("--uncertainty")] = "--confidence"
    os.execv(REAL, [REAL, "-m", "landcover_core", command, *args])
"""


@pytest.fixture(scope="module")
def real_description(engine_python: str) -> Dict[str, Any]:
    return run_engine(engine_python, "schema", []).summary


@pytest.fixture(scope="module")
def model_file(tiny_model: Path) -> Path:
    return tiny_model


@pytest.fixture()
def future_engine(plugin, real_description, engine_python: str, tmp_path: Path) -> Path:
    """The plugin configured with the stand-in engine; returns its folder (``launches.txt``)."""
    description_file = tmp_path / "description.json"
    description_file.write_text(json.dumps(future_description(real_description)))
    python = recording_engine(tmp_path, engine_python, description_file,
                              body=f"REAL = {engine_python!r}\n" + SIMULATION)
    QgsSettings().setValue(ENGINE_PYTHON_KEY, python)
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

    def pushInfo(self, info: str) -> None:  # noqa: N802 - QGIS API
        self.infos.append(info)


def test_new_engine_commands_and_options_appear_as_algorithms_and_parameters(future_engine: Path) -> None:
    registry = QgsApplication.processingRegistry()
    pseudo, selftrain = registry.algorithmById("landcover:pseudolabel"), registry.algorithmById("landcover:selftrain")
    assert pseudo is not None and selftrain is not None
    threshold = pseudo.parameterDefinition("THRESHOLD")
    assert threshold.defaultValue() == 0.9 and threshold.maximum() == 1.0 and 0 < threshold.minimum() < 1e-5
    assert pseudo.parameterDefinition("CLASS_THRESHOLDS").help() == "--class-thresholds (test description)"
    rounds = selftrain.parameterDefinition("ROUNDS")
    assert (rounds.defaultValue(), rounds.minimum(), rounds.maximum()) == (3, 1, 20)
    classify = registry.algorithmById("landcover:classify")
    tta = classify.parameterDefinition("TTA")
    assert isinstance(tta, QgsProcessingParameterEnum) and tta.options() == TTA_CHOICES
    assert classify.parameterDefinition("UNCERTAINTY") is not None
    assert classify.parameterDefinition("MODEL_WEIGHTS") is not None


def test_the_real_engine_shows_none_of_them_yet(plugin, real_description) -> None:
    registry = QgsApplication.processingRegistry()
    classify = registry.algorithmById("landcover:classify")
    has = {name: name in real_description["commands"] for name in ("pseudo-label", "self-train")}
    assert (registry.algorithmById("landcover:pseudolabel") is not None) == has["pseudo-label"]
    assert (registry.algorithmById("landcover:selftrain") is not None) == has["self-train"]
    predict = {o["dest"] for o in real_description["commands"]["predict"]["options"]}
    assert (classify.parameterDefinition("TTA") is not None) == ("tta" in predict)
    assert (classify.parameterDefinition("UNCERTAINTY") is not None) == ("uncertainty" in predict)


def test_pseudo_label_and_self_train_run_by_id(future_engine: Path, scene_files, model_file: Path,
                                               tmp_path: Path) -> None:
    import processing

    out = tmp_path / "pseudo"
    result = processing.run("landcover:pseudolabel", {"MODEL": [str(model_file)], "INPUT": [str(scene_files["image"])],
                                                       "THRESHOLD": 0.8, "OUTPUT": str(out)})
    assert result["OUTPUT"] == str(out) and out.is_dir()
    args = launched(future_engine, "pseudo-label")
    assert args[args.index("--threshold") + 1] == "0.8" and args[args.index("--model") + 1] == str(model_file)

    feedback = InfoKept()
    trained = processing.run("landcover:selftrain", {
        "INPUT": str(scene_files["image"]), "LABELS": f"{scene_files['labels']}|layername=labels",
        "CLASS_FIELD": CLASS_FIELD, "UNLABELED": [str(scene_files["image"])], "ROUNDS": 2,
        "OUTPUT": str(tmp_path / "self.pt")}, feedback=feedback)
    assert trained["OUTPUT"] == str(tmp_path / "self.pt") and trained["BEST_VAL_MIOU"] == 0.3
    args = launched(future_engine, "self-train")
    assert args[args.index("--unlabeled") + 1] == str(scene_files["image"]) and args[args.index("--rounds") + 1] == "2"
    assert [info for info in feedback.infos if info.startswith("round 2")], "per-round metrics reach the log"


def test_classify_with_tta_and_uncertainty_loads_a_ramp_styled_layer(future_engine: Path, scene_files,
                                                                     model_file: Path, tmp_path: Path) -> None:
    import processing

    processing.runAndLoadResults("landcover:classify", {
        "INPUT": str(scene_files["image"]), "MODEL": [str(model_file)], "TTA": TTA_CHOICES.index("d4"),
        "HISTMATCH": False, "OUTPUT": str(tmp_path / "classes.tif"), "UNCERTAINTY": str(tmp_path / "uncertainty.tif")})
    args = launched(future_engine, "predict")
    assert args[args.index("--tta") + 1] == "d4" and args[args.index("--uncertainty") + 1] == str(
        tmp_path / "uncertainty.tif")
    assert "--no-histmatch" in args, "switching matching off reaches the engine"
    layer = next(loaded for loaded in QgsProject.instance().mapLayers().values()
                 if "uncertainty.tif" in loaded.source())
    assert layer.renderer().type() == "singlebandpseudocolor"
    QgsProject.instance().clear()


def test_the_dock_follows_the_new_options_and_reaches_the_engine(dock, real_description, model_file: Path,
                                                                  tmp_path: Path) -> None:
    form = dock.form
    assert not form.self_training.isEnabled() and form.histmatch.isEnabled() == any(
        o["dest"] == "histmatch" for o in real_description["commands"]["predict"]["options"])
    form.apply_schema(EngineSchema.from_description(future_description(real_description)))
    assert form.self_training.isEnabled() and form.tta.isEnabled() and form.make_uncertainty.isEnabled()
    assert [form.tta.itemData(i) for i in range(form.tta.count())] == TTA_CHOICES
    assert form.self_training.threshold.value() == 0.9 and form.self_training.rounds.value() == 3

    form.tta.setCurrentIndex(TTA_CHOICES.index("flips"))
    form.histmatch.setChecked(False)
    form.make_uncertainty.setChecked(True)
    args = form.predict_request([str(model_file)], tmp_path).call().args
    assert args[args.index("--tta") + 1] == "flips" and "--no-histmatch" in args and "--uncertainty" in args

    scene = form.image_layer.currentLayer()
    form.self_training.refresh_layers()
    form.self_training.unlabeled.setItemCheckState(form.self_training.unlabeled.findData(scene.id()), 2)
    form.self_training.rounds.setValue(4)
    call = form.self_train_request(str(tmp_path / "self.pt")).call()
    assert call.command == "self-train" and call.args[call.args.index("--unlabeled") + 1] == scene.source()
    assert call.args[call.args.index("--rounds") + 1] == "4" and "--threshold" in call.args
    pseudo = form.pseudo_label_request([str(model_file)], str(tmp_path / "pl")).call()
    assert pseudo.args[pseudo.args.index("--image") + 1] == scene.source() and "--threshold" in pseudo.args


def test_the_dock_says_whether_the_model_carries_a_histogram_reference(dock, model_file: Path) -> None:
    from landcover_qgis.option_widgets import select_id

    form = dock.form
    dock.apply_capabilities(EngineCapabilities(available=True, schema=current_schema()))
    assert select_id(form.model_mode, "existing")
    form.model_files.setFilePath(str(model_file))
    assert wait_for(lambda: form.model_reference.text() != "", 60)
    carries = model_facts(str(model_file), os.environ["LANDCOVER_PYTHON"]).histogram_reference is not None
    assert ("carries a histogram reference" in form.model_reference.text()) == carries
