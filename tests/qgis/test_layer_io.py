"""Layers leave as files: file layers by path, other layers and selections through exports written later.

The exports are snapshots taken at request time and written by ``prepare`` (in the dock: on the task's
worker thread), so a test calls ``prepare`` itself.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from osgeo import gdal
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsProject,
    QgsRasterLayer,
    QgsRectangle,
    QgsVectorLayer,
)
from scene_data import EPSG, ORIGIN, PIXEL, SIZE

from landcover_qgis.engine_commands import TrainRequest
from landcover_qgis.engine_schema import current_schema
from landcover_qgis.layer_io import LayerExportError, extent_in_layer_crs, raster_input, vector_input


def test_file_layers_are_passed_by_path(scene_layers, scene_files, engine_python: str) -> None:
    image = raster_input(scene_layers["image"], [1, 2, 3])
    labels = vector_input(scene_layers["labels"])
    assert image.prepare is None and labels.prepare is None
    assert image.path == str(scene_files["image"]) and image.band_argument() == "1,2,3"
    assert labels.path == str(scene_files["labels"]) and labels.layer_name == "labels"
    schema = current_schema(engine_python)
    args = TrainRequest(image=image, out="/m.pt", labels=labels, class_field="landcover").call(schema).args
    assert args[args.index("--bands") + 1] == "1,2,3" and args[args.index("--layer") + 1] == "labels"


def test_memory_layer_is_exported_to_geopackage(scene_layers) -> None:
    source = scene_layers["labels"]
    memory = QgsVectorLayer(f"Polygon?crs=EPSG:{EPSG}&field=landcover:string", "drawn", "memory")
    features = []
    for original in source.getFeatures():
        feature = QgsFeature(memory.fields())
        feature.setGeometry(original.geometry())
        feature.setAttribute("landcover", original["landcover"])
        features.append(feature)
    memory.dataProvider().addFeatures(features)
    exported = vector_input(memory)
    assert not Path(exported.path).exists()  # only a snapshot so far
    memory.dataProvider().truncate()  # edits after the request do not reach its snapshot
    exported.prepare()
    copy = QgsVectorLayer(f"{exported.path}|layername={exported.layer_name}", "copy", "ogr")
    assert exported.path.endswith(".gpkg") and copy.featureCount() == source.featureCount()
    assert copy.crs().postgisSrid() == EPSG


def test_selected_features_only_exports_the_selection(scene_layers) -> None:
    labels = scene_layers["labels"]
    with pytest.raises(LayerExportError, match="no feature"):
        vector_input(labels, selected_only=True)
    labels.selectByIds([f.id() for f in labels.getFeatures()][:2])
    exported = vector_input(labels, selected_only=True)
    labels.removeSelection()  # the selection was taken with the snapshot
    exported.prepare()
    copy = QgsVectorLayer(f"{exported.path}|layername={exported.layer_name}", "copy", "ogr")
    assert copy.featureCount() == 2


def test_filtered_geopackage_layer_is_exported_with_its_filter(scene_layers) -> None:
    labels = scene_layers["labels"]
    labels.setSubsetString("landcover = 'water'")
    exported = vector_input(labels)
    exported.prepare()
    copy = QgsVectorLayer(f"{exported.path}|layername={exported.layer_name}", "copy", "ogr")
    assert copy.featureCount() == 2 and {f["landcover"] for f in copy.getFeatures()} == {"water"}
    labels.setSubsetString("")


def test_non_file_raster_is_exported_to_geotiff(qgis_app, scene_files) -> None:
    gdal.Translate("/vsimem/scene.tif", str(scene_files["image"]))
    layer = QgsRasterLayer("/vsimem/scene.tif", "in memory")
    assert layer.isValid()
    exported = raster_input(layer)
    assert exported.path.endswith(".tif") and exported.path != "/vsimem/scene.tif"
    exported.prepare()
    copy = QgsRasterLayer(exported.path, "copy")
    assert copy.bandCount() == 3 and copy.width() == SIZE and copy.crs().postgisSrid() == EPSG
    gdal.Unlink("/vsimem/scene.tif")


def test_map_extent_is_transformed_to_the_raster_crs_and_clipped(scene_layers) -> None:
    image = scene_layers["image"]
    wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
    from qgis.core import QgsCoordinateTransform

    to_wgs84 = QgsCoordinateTransform(image.crs(), wgs84, QgsProject.instance())
    half = QgsRectangle(ORIGIN[0], ORIGIN[1] - SIZE * PIXEL / 2, ORIGIN[0] + SIZE * PIXEL * 2, ORIGIN[1] + 500)
    extent = extent_in_layer_crs(to_wgs84.transformBoundingBox(half), wgs84, image)
    assert extent.xMaximum() == pytest.approx(ORIGIN[0] + SIZE * PIXEL)  # clipped to the raster
    assert extent.yMinimum() == pytest.approx(ORIGIN[1] - SIZE * PIXEL / 2, abs=30)
    with pytest.raises(LayerExportError, match="does not overlap"):
        extent_in_layer_crs(QgsRectangle(0, 0, 1, 1), wgs84, image)
