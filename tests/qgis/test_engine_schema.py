"""One source of truth: the plugin's ranges, defaults and choices are the engine's own description.

The contract tests read the real engine's ``landcover schema`` output (raw JSON, not through the plugin's
parser) and compare it with the dock's widgets and the Processing parameters. The other tests change the
description and watch the plugin follow, and check the per-engine cache.
"""

from __future__ import annotations

import copy
import json
import threading
from pathlib import Path
from typing import Any, Dict

import pytest
from conftest import wait_for
from fake_engine import fake_engine_python
from qgis.core import (
    QgsApplication,
    QgsFeature,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterNumber,
    QgsProject,
    QgsSettings,
    QgsVectorLayer,
)
from qgis.PyQt.QtWidgets import QAbstractSpinBox
from scene_data import CLASS_FIELD, EPSG, ZONES

from landcover_qgis.dock_form import ENGINE_NOT_CHECKED, PRESET_FULL, DockForm, FormError
from landcover_qgis.engine_check import check_engine
from landcover_qgis.engine_runner import EngineFailure, run_engine
from landcover_qgis.engine_schema import (
    FLOAT_DECIMALS,
    EngineSchema,
    cached_schema,
    current_schema,
    fetch_schema,
    forget_schemas,
)
from landcover_qgis.option_widgets import select_id
from landcover_qgis.processing.training import WEIGHTS_FILE_CHOICE
from landcover_qgis.qt_compat import NUMBER_INTEGER
from landcover_qgis.settings import ENGINE_PYTHON_KEY, read_project_value, write_project_value
from landcover_qgis.tasks import EngineTask

#: Smallest change a float widget shows; an exclusive engine bound sits this far inside.
RESOLUTION = 10.0 ** -FLOAT_DECIMALS


@pytest.fixture(scope="module")
def description(engine_python: str) -> Dict[str, Any]:
    """The real engine's description, as JSON straight from ``landcover schema``."""
    return run_engine(engine_python, "schema", []).summary


def raw_options(description: Dict[str, Any], command: str) -> Dict[str, Dict[str, Any]]:
    return {option["dest"]: option for option in description["commands"][command]["options"]}


def combo_ids(combo) -> list:
    return [combo.itemData(index) for index in range(combo.count())]


def assert_bounds_match(low: float, high: float, option: Dict[str, Any]) -> None:
    """Inclusive engine bounds are taken as they are; exclusive ones move inwards by one step."""
    inward = 1 if option["type"] == "int" else RESOLUTION
    if option["minimum"] is not None:
        expected = option["minimum"] + (inward if option["exclusive_minimum"] else 0)
        assert low == pytest.approx(expected, abs=RESOLUTION / 10), option
    if option["maximum"] is not None:
        expected = option["maximum"] - (inward if option["exclusive_maximum"] else 0)
        assert high == pytest.approx(expected, abs=RESOLUTION / 10), option


def fake_engine_describing(folder: Path, description: Dict[str, Any]) -> str:
    """A stand-in engine whose ``schema`` answers with ``folder/description.json`` and logs every launch."""
    (folder / "description.json").write_text(json.dumps(description))
    return fake_engine_python(folder, f"""
        with open({str(folder / 'launches.txt')!r}, "a") as launches:
            launches.write(" ".join(sys.argv[3:]) + "\\n")
        with open({str(folder / 'description.json')!r}) as handle:
            emit(event="result", command="schema", outputs={{}}, summary=json.load(handle))
    """)


def launches(folder: Path) -> int:
    path = folder / "launches.txt"
    return len(path.read_text().splitlines()) if path.exists() else 0


# -- the contract ------------------------------------------------------------------------------------------------------


def test_dock_ranges_defaults_and_choices_are_the_engines(plugin, description) -> None:
    form = plugin.dock.form
    assert form.schema is not None, "the dock knows the engine's description from the start"
    form.apply_schema(EngineSchema.from_description(description))
    assert select_id(form.preset, PRESET_FULL)  # the preset of the engine's own defaults
    form.apply_preset()
    options = raw_options(description, "train")
    assert form.numbers, "the dock shows engine options as numbers"
    for dest, box in form.numbers.items():
        option = options[dest]
        assert box.isEnabled() and box.command == "train"
        assert_bounds_match(box.minimum(), box.maximum(), option)
        assert box.value() == pytest.approx(option["default"]) and box.option_value() == option["default"]
        assert box.decimals() == (0 if option["type"] == "int" else FLOAT_DECIMALS)
        if option["multiple_of"]:
            assert box.singleStep() == option["multiple_of"]
        elif option["type"] == "int":
            assert box.singleStep() == 1
        else:
            assert box.stepType() == QAbstractSpinBox.StepType.AdaptiveDecimalStepType
        assert option["flag"] in box.toolTip()
    assert combo_ids(form.arch) == description["architectures"]
    assert form.arch.currentData() == options["arch"]["default"]
    assert combo_ids(form.decoder) == options["decoder"]["choices"]
    assert form.decoder.currentData() == options["decoder"]["default"]
    assert combo_ids(form.weights) == description["weights"] + ["file"]
    assert form.weights.currentData() == options["weights"]["default"]
    assert combo_ids(form.scheme) == ["labels", *description["class_presets"], "model"]
    assert form.histogram_reference.isEnabled() == ("reference" in options)


def test_processing_parameters_are_the_engines(plugin, description) -> None:
    registry = QgsApplication.processingRegistry()
    algorithms = [a for a in registry.providerById("landcover").algorithms()]
    assert {a.name() for a in algorithms} >= {"train", "finetune", "classify", "vectorize", "evaluate", "histmatch"}
    for algorithm in algorithms:
        options = raw_options(description, algorithm.engine_command)
        numbers = {p.name() for p in algorithm.parameterDefinitions() if isinstance(p, QgsProcessingParameterNumber)}
        by_name = {option.name: option.dest for option in algorithm.options if option.dest in options}
        assert numbers <= set(by_name), "every number parameter stands for an engine option"
        for parameter_name, dest in by_name.items():
            parameter, option = algorithm.parameterDefinition(parameter_name), options[dest]
            assert parameter is not None and parameter.help() == option["help"], parameter_name
            if option["type"] in ("int", "float"):
                integer = parameter.dataType() == NUMBER_INTEGER
                assert integer == (option["type"] == "int"), parameter_name
                assert parameter.defaultValue() == option["default"], parameter_name
                assert_bounds_match(parameter.minimum(), parameter.maximum(), option)
            elif option.get("choices"):
                assert parameter.options() == option["choices"], parameter_name
                assert parameter.options()[parameter.defaultValue()] == option["default"], parameter_name
            elif option["type"] == "bool":
                assert parameter.defaultValue() == bool(option["default"]), parameter_name
        absent = [option.name for option in algorithm.options if option.dest not in options]
        assert not any(algorithm.parameterDefinition(name) for name in absent), "no parameter without an engine option"
    train = registry.createAlgorithmById("landcover:train")
    options = raw_options(description, "train")
    for parameter_name, listed, dest, extra in (("ARCH", "architectures", "arch", []),
                                                 ("WEIGHTS", "weights", "weights", [WEIGHTS_FILE_CHOICE])):
        parameter = train.parameterDefinition(parameter_name)
        assert isinstance(parameter, QgsProcessingParameterEnum)
        assert parameter.options() == description[listed] + extra  # 'file': --weights PATH from WEIGHTS_FILE
        assert parameter.options()[parameter.defaultValue()] == options[dest]["default"]


def test_the_dock_and_processing_follow_a_changed_description(plugin, description, tmp_path: Path) -> None:
    """No copy in the plugin: another description (e.g. a tile minimum of 64) changes the widgets and parameters."""
    changed = copy.deepcopy(description)
    changed["version"] = "9.9.9"
    changed["architectures"].append("vit_tiny")
    changed["class_presets"]["wetlands"] = [{"code": 1, "name": "marsh", "color": "#336655"}]
    train = changed["commands"]["train"]["options"]
    tile = next(option for option in train if option["dest"] == "tile_size")
    tile.update(minimum=64, default=128, multiple_of=16)
    train.append(dict(tile, flag="--reference", dest="reference", type="str", default=None, minimum=None,
                      maximum=None, multiple_of=None, help="raster to match the image's histograms to"))
    QgsSettings().setValue(ENGINE_PYTHON_KEY, fake_engine_describing(tmp_path, changed))
    dock, form = plugin.dock, plugin.dock.form
    form.numbers["epochs"].setValue(3)  # the user's choice survives the new description
    refreshed = []
    dock.schemaChanged.connect(lambda: refreshed.append(True))
    dock.check_engine()
    assert wait_for(lambda: dock.capabilities.available and dock._check_task is None, 30), dock.engine_status.text()
    tile_box = form.numbers["tile_size"]
    assert (tile_box.minimum(), tile_box.singleStep()) == (64, 16)
    assert form.numbers["epochs"].value() == 3
    fresh = DockForm()  # a form without earlier values shows the new default (under the engine-defaults preset)
    fresh.apply_schema(dock.capabilities.schema)
    assert select_id(fresh.preset, PRESET_FULL)
    fresh.apply_preset()
    assert fresh.numbers["tile_size"].value() == 128
    fresh.deleteLater()
    assert "vit_tiny" in combo_ids(form.arch) and "wetlands" in combo_ids(form.scheme)
    assert form.histogram_reference.isEnabled() and dock.capabilities.histogram_reference
    assert refreshed and "landcover 9.9.9" in dock.engine_status.text()
    parameter = QgsApplication.processingRegistry().algorithmById("landcover:train").parameterDefinition("TILE_SIZE")
    assert (parameter.minimum(), parameter.defaultValue()) == (64, 128)


# -- before the engine is known ----------------------------------------------------------------------------------------


def test_without_a_description_train_and_classify_say_to_set_up_the_engine(qgis_app) -> None:
    form = DockForm()
    assert form.schema is None and not any(box.isEnabled() for box in form.numbers.values())
    assert form.arch.count() == 0 and [form.weights.itemData(0)] == ["file"]
    with pytest.raises(FormError, match="Set up engine"):
        form.train_request("/tmp/model.pt")
    with pytest.raises(FormError) as problem:
        form.predict_request(["/tmp/model.pt"], Path("/tmp"))
    assert str(problem.value) == ENGINE_NOT_CHECKED
    form.deleteLater()


def test_processing_without_an_engine_registers_and_says_to_set_it_up(plugin, scene_files, tmp_path: Path) -> None:
    import processing

    QgsSettings().setValue(ENGINE_PYTHON_KEY, str(tmp_path / "nowhere" / "python"))
    plugin.provider.refreshAlgorithms()
    algorithm = QgsApplication.processingRegistry().algorithmById("landcover:train")
    assert algorithm is not None and algorithm.parameterDefinition("TILE_SIZE").minimum() < 0  # no engine range
    with pytest.raises(QgsProcessingException, match="Set up engine"):
        processing.run("landcover:train", {"INPUT": str(scene_files["image"]), "OUTPUT": str(tmp_path / "m.pt")})
    QgsSettings().remove(ENGINE_PYTHON_KEY)
    plugin.provider.refreshAlgorithms()


# -- the cache ---------------------------------------------------------------------------------------------------------


def test_the_description_is_cached_per_engine_and_refreshed_when_the_version_changes(qgis_app, description,
                                                                                   tmp_path: Path) -> None:
    python = fake_engine_describing(tmp_path, description)
    first = current_schema(python)
    assert first is not None and first.version == description["version"] and launches(tmp_path) == 1
    assert current_schema(python) is first and launches(tmp_path) == 1  # memory
    forget_schemas()  # as after a QGIS restart
    assert current_schema(python).version == description["version"] and launches(tmp_path) == 1  # disk

    newer = dict(description, version="0.2.0")
    (tmp_path / "description.json").write_text(json.dumps(newer))
    checked = check_engine(python)  # the engine check asks the engine (schema --probe) ...
    last = (tmp_path / "launches.txt").read_text().splitlines()[-1]
    assert launches(tmp_path) == 2 and last == "schema --probe --json-progress"
    assert checked.available and checked.schema_changed and checked.schema.version == "0.2.0"
    assert current_schema(python).version == "0.2.0" and cached_schema(python).version == "0.2.0"  # ... and refreshes
    assert not check_engine(python).schema_changed
    forget_schemas()
    assert current_schema(python).version == "0.2.0" and launches(tmp_path) == 3


def test_an_old_engine_without_schema_is_reported(tmp_path: Path) -> None:
    python = fake_engine_python(tmp_path, """
        emit(event="error", kind="InputError", message="landcover: invalid choice: 'schema'")
        sys.exit(2)
    """)
    capabilities = check_engine(python)
    assert not capabilities.available and "Install engine" in capabilities.message
    with pytest.raises(EngineFailure, match="cannot describe itself"):
        fetch_schema(python)


# -- project memory ----------------------------------------------------------------------------------------------------


def test_the_project_stores_ids_and_reads_old_display_texts(dock, tmp_path: Path) -> None:
    form = dock.form
    for combo, item_id in ((form.labels_kind, "raster"), (form.scheme, "deepglobe"), (form.model_mode, "existing"),
                           (form.arch, "resnet101"), (form.weights, "imagenet"), (form.extent_mode, "layer")):
        assert select_id(combo, item_id), item_id
    form.numbers["epochs"].setValue(7)
    form.save_to_project()
    stored = {key: read_project_value(key) for key in ("labels_kind", "scheme", "model_mode", "arch", "weights",
                                                       "extent_mode", "epochs", "lr")}
    assert stored == {"labels_kind": "raster", "scheme": "deepglobe", "model_mode": "existing", "arch": "resnet101",
                      "weights": "imagenet", "extent_mode": "layer", "epochs": "7",
                      "lr": str(form.numbers["lr"].option_value())}

    project_file = tmp_path / "project.qgz"
    assert QgsProject.instance().write(str(project_file))
    QgsProject.instance().clear()
    for combo in (form.labels_kind, form.scheme, form.model_mode, form.arch, form.extent_mode):
        combo.setCurrentIndex(0)
    form.numbers["epochs"].setValue(99)
    assert QgsProject.instance().read(str(project_file))  # the dock restores on readProject
    assert [combo.currentData() for combo in (form.labels_kind, form.scheme, form.model_mode, form.arch,
                                              form.weights, form.extent_mode)] == \
        ["raster", "deepglobe", "existing", "resnet101", "imagenet", "layer"]
    assert form.numbers["epochs"].value() == 7 and form.image_layer.currentLayer().name() == "scene"

    # Projects saved by earlier versions hold display texts.
    write_project_value("extent_mode", "Current map view")
    write_project_value("scheme", "DeepGlobe preset")
    select_id(form.scheme, "labels")
    form.restore_from_project()
    assert form.extent_mode.currentData() == "canvas" and form.scheme.currentData() == "deepglobe"


# -- exports off the GUI thread ----------------------------------------------------------------------------------------


def test_a_memory_layer_is_exported_inside_the_task(dock, engine_python: str) -> None:
    labels = QgsProject.instance().mapLayersByName("labels")[0]
    memory = QgsVectorLayer(f"Polygon?crs=EPSG:{EPSG}&field={CLASS_FIELD}:string", "drawn labels", "memory")
    copies = []
    for original in labels.getFeatures():
        feature = QgsFeature(memory.fields())
        feature.setGeometry(original.geometry())
        feature.setAttribute(CLASS_FIELD, original[CLASS_FIELD])
        copies.append(feature)
    memory.dataProvider().addFeatures(copies)
    QgsProject.instance().addMapLayer(memory)
    dock.form.labels_layer.setLayer(memory)
    dock.form.class_field.setField(CLASS_FIELD)

    calls = dock.training_calls()
    export = Path(calls[0].args[calls[0].args.index("--labels") + 1])
    assert not export.exists(), "building the request must not write the layer (GUI thread)"
    threads = []
    calls[0].prepare.append(lambda: threads.append(threading.current_thread()))
    outcomes = []
    task = EngineTask("landcover: test export", engine_python, calls, outcomes.append)
    QgsApplication.taskManager().addTask(task)
    assert wait_for(lambda: bool(outcomes), 240)
    assert outcomes[0].ok, outcomes[0].failure and outcomes[0].failure.message
    assert export.is_file() and threads and threads[0] is not threading.main_thread()
    assert {c["name"] for c in outcomes[0].results[0].summary["classes"]} == set(ZONES)
