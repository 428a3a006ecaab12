"""A dock an analyst can trust: accuracy by class name, honest status, cancel and resume, their own files."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import run_job, wait_for
from fake_engine import fake_engine_python
from qgis.core import Qgis, QgsProject, QgsSettings, QgsVectorLayer
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication, QMessageBox
from scene_data import TRUTH_CODES, ZONES, write_coded_labels, write_scheme, write_truth

from landcover_qgis.dock_form import EXTENT_LAYER, MODEL_EXISTING, SCHEME_FILE, SCHEME_LABELS
from landcover_qgis.engine_runner import run_engine
from landcover_qgis.option_widgets import select_id


def use_model(dock, model: Path) -> None:
    """Classify with an existing model file, the whole layer, no polygons (quick)."""
    select_id(dock.form.model_mode, MODEL_EXISTING)
    dock.form.model_files.setFilePath(str(model))
    select_id(dock.form.extent_mode, EXTENT_LAYER)
    dock.form.make_polygons.setChecked(False)


def add_layer(path: Path, name: str, provider: str = "gdal"):
    from qgis.core import QgsRasterLayer

    layer = QgsRasterLayer(str(path), name) if provider == "gdal" else QgsVectorLayer(str(path), name, provider)
    assert layer.isValid(), path
    QgsProject.instance().addMapLayer(layer)
    return layer


def answer_next_question(button: QMessageBox.StandardButton) -> None:
    """Clicks ``button`` of the next modal question box, as a user would."""
    def click() -> None:
        box = QApplication.activeModalWidget()
        choice = box.button(button) if isinstance(box, QMessageBox) else None
        if choice is not None:
            choice.click()
        else:
            QTimer.singleShot(50, click)
    QTimer.singleShot(50, click)


# -- evaluation by class --------------------------------------------------------------------------------------


def test_the_truth_is_evaluated_by_class_name_as_the_engine_does(dock, tiny_model: Path, engine_python: str,
                                                                 tmp_path: Path) -> None:
    # The model learnt names (codes forest=1, urban=2, water=3); the truth codes water=1, forest=2, urban=3.
    truth = write_truth(tmp_path / "scene_truth.tif", scheme_beside=True)
    dock.form.evaluation_layer.setLayer(add_layer(truth, "truth"))
    use_model(dock, tiny_model)
    run_job(dock, dock.classify_button)
    assert dock.last_outcome.ok, dock.message.text() + dock.log.toPlainText()[-3000:]
    summary = dock.last_outcome.results[1].summary
    assert summary["matched_by"] == "name"
    assert "compared by name" in dock.evaluation_summary.text()
    # The engine's own by-name figure for the same map.
    classes = dock.last_outcome.results[0].outputs["classes"]
    engine = run_engine(engine_python, "evaluate", [
        "--prediction", classes, "--reference-raster", str(truth),
        "--reference-classes", str(tmp_path / "scene_classes.json"), "--out-json", str(tmp_path / "engine.json")])
    assert summary["overall_accuracy"] == pytest.approx(engine.summary["overall_accuracy"])
    by_code = run_engine(engine_python, "evaluate", [
        "--prediction", classes, "--reference-raster", str(truth), "--classes", str(tmp_path / "scene_classes.json"),
        "--out-json", str(tmp_path / "by_code.json")])
    assert by_code.summary["overall_accuracy"] != pytest.approx(summary["overall_accuracy"])
    rows = {dock.evaluation_table.item(row, 0).text() for row in range(dock.evaluation_table.rowCount())}
    assert rows == set(ZONES)


def test_a_reference_without_names_gives_a_warning_in_the_panel(dock, tiny_model: Path, tmp_path: Path) -> None:
    truth = write_truth(tmp_path / "truth.tif", scheme_beside=False)
    dock.form.evaluation_layer.setLayer(add_layer(truth, "truth"))
    use_model(dock, tiny_model)
    run_job(dock, dock.classify_button)
    assert dock.last_outcome.ok, dock.message.text()
    assert dock.last_outcome.results[1].summary["matched_by"] == "code"
    assert dock.message.level == Qgis.MessageLevel.Warning  # amber, not green
    assert dock.message.warnings and "truth.tif" in dock.message.text()
    assert "compared by code" in dock.evaluation_summary.text()


# -- class schemes ----------------------------------------------------------------------------------------------


def test_a_scheme_beside_numeric_labels_names_the_classes(dock, scene_files, tmp_path: Path) -> None:
    labels = write_coded_labels(scene_files["labels"], tmp_path / "coded.gpkg", TRUTH_CODES)
    write_scheme(tmp_path / "coded_classes.json", TRUTH_CODES)
    layer = add_layer(f"{labels}|layername=labels", "coded", "ogr")
    dock.form.labels_layer.setLayer(layer)
    dock.form.class_field.setField("code")
    assert dock.form.scheme.currentData() == SCHEME_FILE  # found beside the labels
    assert "found beside the labels" in dock.form.scheme_info.text()
    dock.form.model_out.setFilePath(str(tmp_path / "named.pt"))
    run_job(dock, dock.train_button)
    assert dock.last_outcome.ok, dock.message.text() + dock.log.toPlainText()[-3000:]
    assert {(c.code, c.name) for c in dock.classes} == {(code, name) for name, code in TRUTH_CODES.items()}
    assert "Classes: " in dock.message.text() and "class 1" not in dock.message.text()


def test_labels_the_scheme_lacks_are_shown_before_training(dock, scene_files, tmp_path: Path) -> None:
    labels = write_coded_labels(scene_files["labels"], tmp_path / "partial.gpkg", {"water": 1, "forest": 2})
    layer = add_layer(f"{labels}|layername=labels", "partial", "ogr")
    dock.form.labels_layer.setLayer(layer)
    dock.form.class_field.setField("code")
    assert dock.form.scheme.currentData() == SCHEME_LABELS  # nothing beside it
    assert "class N" in dock.form.scheme_info.text()  # numbers without a scheme: said so
    dock.form.set_scheme_file(str(write_scheme(tmp_path / "two.json", {"water": 1, "forest": 2})))
    assert "99" in dock.form.scheme_info.text()
    dock.train_button.click()
    assert not dock.busy and "99" in dock.message.text() and "two.json" in dock.message.text()

    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps([{"code": 1, "name": "water"}, {"code": 1, "name": "forest"}]))
    dock.form.set_scheme_file(str(bad))
    assert dock.form.scheme_file is None and "bad.json" in dock.form.scheme_info.text()


# -- honest status ------------------------------------------------------------------------------------------------

WARNING_THEN_RESULT = """
out = sys.argv[sys.argv.index("--out") + 1]
open(out, "w").close()
emit(event="log", level="warning", message="The kept model (epoch 1) never predicts field, urban, water.")
emit(event="result", command="train", outputs={"model": out}, summary={"classes": [], "best_val_miou": 0.035})
"""


def test_an_engine_warning_turns_the_status_amber_and_is_shown(dock, tmp_path: Path) -> None:
    QgsSettings().setValue("landcover/engine_python", fake_engine_python(tmp_path, WARNING_THEN_RESULT))
    dock.form.model_out.setFilePath(str(tmp_path / "collapsed.pt"))
    run_job(dock, dock.train_button, 30)
    assert dock.last_outcome.ok
    assert dock.message.level == Qgis.MessageLevel.Warning
    text = dock.message.text()
    assert "Model saved" in text and "never predicts field, urban, water" in text
    assert "Classes: ." not in text and "Classes:" not in text  # never an empty class list


# -- cancel and resume ---------------------------------------------------------------------------------------------


def test_cancel_keeps_what_it_says_and_resume_finishes(dock, tmp_path: Path) -> None:
    folder = tmp_path / "models"
    folder.mkdir()
    model = folder / "model.pt"
    dock.form.model_out.setFilePath(str(model))
    dock.form.numbers["epochs"].setValue(8)  # enough to cancel in the middle, few enough to resume on a busy CPU
    finished = []
    dock.jobFinished.connect(finished.append)
    dock.train_button.click()
    assert wait_for(lambda: dock.metrics_table.rowCount() >= 1 or bool(finished), 180), dock.log.toPlainText()
    dock.cancel_button.click()
    assert wait_for(lambda: bool(finished), 30)
    failure = dock.last_outcome.failure
    assert failure is not None and failure.cancelled and failure.resumable
    left = sorted(p.name for p in folder.iterdir())
    assert left == ["model.pt.ckpt"]  # what the message says, nothing else (no lock, no metrics, no model)
    assert "model.pt.ckpt" in dock.message.text() and not dock.resume_button.isHidden()
    finished.clear()
    dock.resume_button.click()
    assert wait_for(lambda: bool(finished), 480), dock.log.toPlainText()[-2000:]
    assert dock.last_outcome.ok, dock.message.text() + dock.log.toPlainText()[-3000:]
    assert model.is_file() and not (folder / "model.pt.ckpt").exists() and dock.resume_button.isHidden()


# -- outputs ---------------------------------------------------------------------------------------------------------


def test_reclassifying_puts_the_new_result_on_top_and_offers_to_remove_the_old(dock, tiny_model: Path) -> None:
    use_model(dock, tiny_model)
    run_job(dock, dock.classify_button)
    assert dock.last_outcome.ok, dock.message.text()
    first = list(dock.result_layer_ids)
    assert dock.remove_previous_button.isHidden()
    run_job(dock, dock.classify_button)
    assert dock.last_outcome.ok, dock.message.text()
    second = list(dock.result_layer_ids)
    group = QgsProject.instance().layerTreeRoot().findGroup("landcover")
    order = [node.layerId() for node in group.findLayers()]
    assert order[:len(second)] == second and order[len(second):] == first  # newest on top
    names = {QgsProject.instance().mapLayer(i).name() for i in first + second}
    assert len(names) == len(first + second)  # named by model and time: never two alike
    assert not dock.remove_previous_button.isHidden()
    dock.remove_previous_button.click()
    assert [node.layerId() for node in group.findLayers()] == second


def test_an_existing_model_is_not_replaced_without_asking(dock, tmp_path: Path) -> None:
    model = tmp_path / "precious.pt"
    model.write_bytes(b"an analyst's model")
    dock.form.model_out.setFilePath(str(model))
    answer_next_question(QMessageBox.StandardButton.No)
    dock.train_button.click()
    assert not dock.busy and model.read_bytes() == b"an analyst's model"
    assert "kept" in dock.message.text()


def test_results_go_to_the_output_folder_and_a_bad_one_is_named(dock, tiny_model: Path, tmp_path: Path) -> None:
    use_model(dock, tiny_model)
    blocker = tmp_path / "a_file"
    blocker.write_text("not a folder")
    dock.form.output_folder.setFilePath(str(blocker / "results"))
    dock.classify_button.click()
    assert not dock.busy and "results" in dock.message.text() and "Output folder" in dock.message.text()
    if os.geteuid() != 0:  # root writes anywhere: a read-only folder can only be shown to other users
        readonly = tmp_path / "readonly"
        readonly.mkdir(mode=0o500)
        dock.form.output_folder.setFilePath(str(readonly))
        dock.classify_button.click()
        assert not dock.busy and "readonly" in dock.message.text()


def test_a_failed_classification_leaves_no_folder(dock, tiny_model: Path, tmp_path: Path) -> None:
    from fake_engine import SEGFAULT

    use_model(dock, tiny_model)
    out = tmp_path / "results"
    dock.form.output_folder.setFilePath(str(out))
    QgsSettings().setValue("landcover/engine_python", fake_engine_python(tmp_path, SEGFAULT))
    run_job(dock, dock.classify_button, 30)
    assert not dock.last_outcome.ok
    assert list(out.iterdir()) == []
