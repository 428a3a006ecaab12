"""The dock with the real engine: train from polygons, classify, cancel, and survive a broken engine."""

from __future__ import annotations

from pathlib import Path

from conftest import answer_with, run_job, wait_for
from fake_engine import SEGFAULT, fake_engine_python
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsPalettedRasterRenderer,
    QgsProject,
    QgsRasterLayer,
    QgsSettings,
    QgsVectorLayer,
)
from scene_data import EPSG, ZONES

from landcover_qgis.dock_form import EXTENT_CANVAS, EXTENT_LAYER
from landcover_qgis.option_widgets import select_id


def test_train_from_polygons_then_classify(dock, tmp_path: Path) -> None:
    model = tmp_path / "model.pt"
    dock.form.model_out.setFilePath(str(model))
    run_job(dock, dock.train_button)
    assert dock.last_outcome.ok, dock.message.text() + dock.log.toPlainText()[-3000:]
    assert model.is_file() and dock.last_model == str(model)
    assert dock.metrics_table.rowCount() == 1
    assert {c.name for c in dock.classes} == set(ZONES)

    select_id(dock.form.extent_mode, EXTENT_LAYER)
    dock.form.evaluation_layer.setLayer(QgsProject.instance().mapLayersByName("labels")[0])
    run_job(dock, dock.classify_button)
    assert dock.last_outcome.ok, dock.message.text() + dock.log.toPlainText()[-3000:]
    assert dock.evaluation_table.rowCount() == len(ZONES) and "mIoU" in dock.evaluation_summary.text()
    group = QgsProject.instance().layerTreeRoot().findGroup("landcover")
    layers = {layer.layer().name().rsplit(" ", 1)[1]: layer.layer() for layer in group.findLayers()}
    assert all(layer.name().startswith("scene model ") for layer in layers.values())  # image, model and time
    classes_layer = layers["classes"]
    polygons = layers["polygons"]
    assert isinstance(classes_layer, QgsRasterLayer) and isinstance(polygons, QgsVectorLayer)
    assert "confidence" in layers
    assert Path(classes_layer.source()).parent.parent == tmp_path / "out"  # in the output folder, not /tmp
    for layer in layers.values():
        assert layer.crs().postgisSrid() == EPSG
    renderer = classes_layer.renderer()
    assert isinstance(renderer, QgsPalettedRasterRenderer)
    assert {c.label for c in renderer.classes()} == set(ZONES)
    categorized = polygons.renderer()
    assert isinstance(categorized, QgsCategorizedSymbolRenderer) and categorized.classAttribute() == "class_id"
    assert {c.label() for c in categorized.categories()} == set(ZONES)
    assert polygons.featureCount() > 0


def test_classify_the_map_view_only(dock, scene_layers, tmp_path: Path) -> None:
    """The canvas extent (in another CRS) reaches the engine as --extent in the raster's CRS."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsRectangle
    from scene_data import ORIGIN, PIXEL, SIZE

    canvas = dock.iface.mapCanvas()
    wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
    canvas.setDestinationCrs(wgs84)
    half = SIZE * PIXEL / 2
    top_left_quarter = QgsRectangle(ORIGIN[0], ORIGIN[1] - half, ORIGIN[0] + half, ORIGIN[1])
    canvas.setExtent(QgsCoordinateTransform(scene_layers["image"].crs(), wgs84, QgsProject.instance())
                     .transformBoundingBox(top_left_quarter))
    select_id(dock.form.extent_mode, EXTENT_CANVAS)
    dock.last_model = str(tmp_path / "model.pt")
    Path(dock.last_model).touch()  # only the command line is built here, nothing runs
    calls = dock.classification_calls()
    args = calls[0].args
    xmin, ymin, xmax, ymax = (float(v) for v in args[args.index("--extent") + 1].split(","))
    assert xmin == ORIGIN[0] and ymax == ORIGIN[1]  # clipped to the raster
    # It covers the quarter shown (the canvas pads it to its aspect ratio), not the whole raster.
    assert xmax >= ORIGIN[0] + half - PIXEL and ymin <= ORIGIN[1] - half + PIXEL
    assert (xmax - xmin) * (ymax - ymin) < 0.75 * (SIZE * PIXEL) ** 2


def test_cancel_during_training_stops_the_engine_and_keeps_no_model(dock, tmp_path: Path) -> None:
    model = tmp_path / "cancelled.pt"
    dock.form.model_out.setFilePath(str(model))
    dock.form.numbers["epochs"].setValue(500)
    finished = []
    dock.jobFinished.connect(finished.append)
    dock.long_training_s = 0.0  # as for a long training on a slow machine: the dock asks first
    answer_with("Train anyway")
    dock.train_button.click()
    # Cancel once the engine is really at work (it logs before training starts).
    assert wait_for(lambda: "Training mobilenet_v3_large" in dock.log.toPlainText(), 120), dock.log.toPlainText()
    assert dock.cancel_button.isEnabled()
    dock.cancel_button.click()
    assert wait_for(lambda: bool(finished), 60)
    assert finished == [False] and dock.last_outcome.failure.cancelled
    assert "Cancelled" in dock.message.text()
    assert not model.exists()
    assert dock.train_button.isEnabled() and not dock.cancel_button.isEnabled()


def test_missing_engine_gives_a_message_in_the_panel(dock, tmp_path: Path) -> None:
    QgsSettings().setValue("landcover/engine_python", str(tmp_path / "nowhere" / "python"))
    run_job(dock, dock.train_button, 30)
    assert "cannot be started" in dock.message.text() and "Set up engine" in dock.message.text()
    assert not dock.busy and dock.train_button.isEnabled()


def test_crashing_engine_gives_a_message_and_qgis_goes_on(dock, tmp_path: Path) -> None:
    QgsSettings().setValue("landcover/engine_python", fake_engine_python(tmp_path, SEGFAULT))
    run_job(dock, dock.train_button, 30)
    assert "Crashed" in dock.message.text() and "SIGSEGV" in dock.message.text()
    # QGIS and the panel still work: the next job runs.
    run_job(dock, dock.train_button, 30)
    assert "Crashed" in dock.message.text()


def test_impossible_choices_give_messages_not_tracebacks(dock) -> None:
    dock.form.class_field.setField("")
    dock.train_button.click()
    assert "field" in dock.message.text() and not dock.busy
    dock.form.image_layer.setLayer(None)
    dock.train_button.click()
    assert "image raster layer" in dock.message.text()
    dock.form.image_layer.setLayer(QgsProject.instance().mapLayersByName("scene")[0])
    dock.classify_button.click()
    assert "Train a model first" in dock.message.text() and not dock.busy

