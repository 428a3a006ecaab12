"""Good-practice accuracy assessment in QGIS: 'Design a sample' and 'Assess accuracy and areas' by algorithm id
with the real engine, the value-map editor on the loaded sample, and the sample review widget."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Dict, List

import pytest
from osgeo import gdal
from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject, QgsVectorLayer
from qgis.gui import QgsMapCanvas
from scene_data import ORIGIN, PIXEL, SIZE, TRUTH_CODES, write_scheme, write_truth, zone_of_column

#: The map's classes in code order.
NAMES = list(TRUTH_CODES)


@pytest.fixture()
def class_map(tmp_path: Path) -> Path:
    """The scene's truth as a class map carrying its classes (as every map the engine writes does)."""
    path = write_truth(tmp_path / "map.tif", scheme_beside=False)
    scheme = write_scheme(tmp_path / "scheme.json", TRUTH_CODES).read_text()
    dataset = gdal.Open(str(path), gdal.GA_Update)
    dataset.SetMetadataItem("LANDCOVER_CLASSES", scheme)
    dataset = None
    return path


def design(class_map: Path, out: Path, load: bool = False) -> Dict:
    import processing

    parameters = {"PREDICTION": str(class_map), "TARGET_SE": 0.03, "MIN_PER_CLASS": 10, "SEED": 1, "OUTPUT": str(out)}
    run = processing.runAndLoadResults if load else processing.run
    return run("landcover:sample_design", parameters)


def column_of(x: float) -> int:
    return int((x - ORIGIN[0]) // PIXEL)


def test_design_a_sample_then_assess_accuracy_and_areas(plugin, class_map: Path, tmp_path: Path) -> None:
    import processing

    result = design(class_map, tmp_path / "sample.gpkg")
    layer = QgsVectorLayer(str(tmp_path / "sample.gpkg"), "sample", "ogr")
    assert layer.isValid() and layer.featureCount() == result["POINTS"] == 178  # (0.4 / 0.03)² rounded up
    assert Path(result["DESIGN"]).is_file() and json.loads(Path(result["DESIGN"]).read_text())["seed"] == 1
    # Label: the truth under each point, except every 6th forest point called urban (the map's error).
    strata: List[str] = []
    forest_seen = 0
    layer.startEditing()
    for feature in layer.getFeatures():
        truth = zone_of_column(column_of(feature.geometry().asPoint().x()))
        assert feature["stratum"] == truth  # points on their stratum's class
        strata.append(truth)
        label = truth
        if truth == "forest":
            forest_seen += 1
            label = "urban" if forest_seen % 6 == 0 else truth
        layer.changeAttributeValue(feature.id(), layer.fields().indexOf("reference"), label)
    assert layer.commitChanges()
    assessed = processing.run("landcover:assess_areas", {
        "PREDICTION": str(class_map), "SAMPLE": str(tmp_path / "sample.gpkg"), "CLASS_FIELD": "reference",
        "OUTPUT_JSON": str(tmp_path / "report.json"), "OUTPUT_HTML": str(tmp_path / "report.html")})
    area = json.loads(assessed["AREA_ADJUSTED"])
    # By hand: the strata's weights are the zones' shares of the 128 columns; only forest has errors.
    weights = {"water": 43 / SIZE, "forest": 43 / SIZE, "urban": 42 / SIZE}
    forest_n = strata.count("forest")
    wrong = forest_n // 6
    forest_users = (forest_n - wrong) / forest_n
    assert area["per_class"]["forest"]["users_accuracy"] == pytest.approx(forest_users)
    assert assessed["OVERALL_ACCURACY"] == pytest.approx(weights["water"] + weights["forest"] * forest_users
                                                         + weights["urban"])
    hectares = SIZE * SIZE * PIXEL * PIXEL / 10_000
    assert area["per_class"]["urban"]["area_ha"] == pytest.approx(
        hectares * (weights["urban"] + weights["forest"] * wrong / forest_n))
    assert area["per_class"]["forest"]["mapped_area_ha"] == pytest.approx(hectares * weights["forest"])
    assert assessed["OVERALL_ACCURACY_SE"] == pytest.approx(area["overall_accuracy_se"]) and \
        assessed["OVERALL_ACCURACY_SE"] > 0
    page = Path(assessed["OUTPUT_HTML"]).read_text()
    assert "estimated area (ha)" in page and "mapped area (ha)" in page and "forest" in page
    assert json.loads(Path(assessed["OUTPUT_JSON"]).read_text())["area_adjusted"]["weights_from"] == "design"


def test_the_loaded_sample_offers_the_class_names_on_reference(plugin, class_map: Path, tmp_path: Path) -> None:
    design(class_map, tmp_path / "sample.gpkg", load=True)
    layer = next(item for item in QgsProject.instance().mapLayers().values() if "sample.gpkg" in item.source())
    setup = layer.editorWidgetSetup(layer.fields().indexOf("reference"))
    assert setup.type() == "ValueMap"
    assert [next(iter(entry.values())) for entry in setup.config()["map"]] == NAMES
    QgsProject.instance().clear()


def test_the_review_widget_zooms_to_each_point_and_writes_its_label(plugin, class_map: Path, tmp_path: Path) -> None:
    from landcover_qgis.sample_review import NO_LABEL, SampleReviewWidget

    design(class_map, tmp_path / "sample.gpkg")
    layer = QgsVectorLayer(str(tmp_path / "sample.gpkg"), "sample", "ogr")
    canvas = QgsMapCanvas()
    canvas.resize(400, 400)
    canvas.show()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:3857"))  # another CRS than the sample's
    review = SampleReviewWidget(canvas, layer, scale=1500)
    assert [review.label.itemText(i) for i in range(review.label.count())] == [NO_LABEL, *NAMES]
    shown, labelled = [], []
    review.currentChanged.connect(lambda position, fid: shown.append((position, fid)))
    review.labelChanged.connect(lambda fid, name: labelled.append((fid, name)))
    review.next()
    feature = review.current_feature()
    assert feature["sample_id"] == 2 and shown == [(1, feature.id())]
    assert review.stratum.text() == feature["stratum"]
    assert layer.selectedFeatureIds() == [feature.id()]
    point = feature.geometry().asPoint()
    expected = QgsCoordinateTransform(layer.crs(), canvas.mapSettings().destinationCrs(),
                                      QgsProject.instance()).transform(point)
    assert canvas.center().distance(expected) < 1.0
    assert canvas.scale() == pytest.approx(1500, rel=0.01)
    review.set_label("urban")
    assert labelled == [(feature.id(), "urban")] and review.labelled_count() == 1
    reread = QgsVectorLayer(str(tmp_path / "sample.gpkg"), "again", "ogr")  # written to the file at once
    assert reread.getFeature(feature.id())["reference"] == "urban"
    review.previous()
    review.set_label("water")
    review.next_unlabelled()  # points 1 and 2 are labelled: the third is next
    assert review.position == 2 and review.label.currentText() == NO_LABEL
    review.go_to(1)
    assert review.label.currentText() == "urban"
    review.set_label("")  # cleared
    assert review.labelled_count() == 1 and labelled[-1] == (feature.id(), "")
    canvas.close()


def test_the_review_widget_refuses_a_layer_without_reference(plugin, tmp_path: Path) -> None:
    from landcover_qgis.sample_review import SampleReviewWidget

    layer = QgsVectorLayer("Point?crs=EPSG:32633&field=name:string", "points", "memory")
    with pytest.raises(ValueError, match="no 'reference' field"):
        SampleReviewWidget(QgsMapCanvas(), layer)
