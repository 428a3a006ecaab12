"""The accuracy workflow in the dock, with the real engine: design a sample of the classified map, label it point by
point in the panel, assess accuracy and areas; the table and its CSV hold the engine's own figures."""

from __future__ import annotations

import csv
import json
import math
from pathlib import Path
from typing import Dict, List

import pytest
from conftest import answer_with, run_job, wait_for
from qgis.core import Qgis, QgsApplication, QgsProject, QgsVectorLayer
from scene_data import EPSG, ORIGIN, PIXEL, SIZE, ZONES, zone_of_column
from test_accuracy import class_map, column_of  # noqa: F401 - class_map: the fixture of a tagged class map
from test_dock_trust import use_model

from landcover_qgis.accuracy_panel import NO_MAP
from landcover_qgis.area_assessment import CLASS_KEYS, CSV_HEADER, OVERALL_KEYS, OVERALL_ROW
from landcover_qgis.engine_runner import run_engine


def design(dock, map_path: Path, total: int = 12) -> None:
    """Designs a small sample of the class map ``map_path`` from the panel (as after Classify), seeded."""
    panel = dock.accuracy
    panel.set_class_map(str(map_path))
    panel.total.setValue(total)
    panel.min_per_class.setValue(3)
    panel.seed.setValue(4)
    run_job(dock, panel.design_button, 120)
    assert dock.last_outcome.ok, dock.message.text() + dock.log.toPlainText()[-3000:]


def truth_of(feature) -> str:
    return zone_of_column(column_of(feature.geometry().asPoint().x()))


def label(panel, positions: range, wrong_forest: int = 1) -> List[str]:
    """Labels the points at ``positions`` through the review widget: the truth, except the first ``wrong_forest``
    forest points called urban (the map's error); returns the labels given."""
    given = []
    for position in positions:
        panel.review.go_to(position)
        truth = truth_of(panel.review.current_feature())
        name = "urban" if truth == "forest" and given.count("urban-forest") < wrong_forest else truth
        given.append("urban-forest" if name != truth else name)
        panel.review.set_label(name)
    return given


def cells(table) -> Dict[str, List[str]]:
    return {table.item(row, 0).text(): [table.item(row, column).text() for column in range(1, table.columnCount())]
            for row in range(table.rowCount())}


def expected_cells(area: dict) -> Dict[str, List[str]]:
    """The table's text of the engine's figures: hectares with 2 decimals, accuracies with 3, spreads under them."""
    def pm(value: float, spread: float, digits: int, grouping: str = "") -> str:
        text = f"{value:{grouping}.{digits}f}"
        return text if math.isnan(spread) else f"{text}\n± {spread:{grouping}.{digits}f}"
    return {name: [f"{item['mapped_area_ha']:,.2f}", pm(item["area_ha"], item["area_ci95_ha"], 2, ","),
                   pm(item["users_accuracy"], item["users_accuracy_se"], 3),
                   pm(item["producers_accuracy"], item["producers_accuracy_se"], 3)]
            for name, item in area["per_class"].items()}


def same(cell: str, value) -> bool:
    """A CSV cell read back equals the engine's figure (NaN: undefined; empty: none)."""
    if value is None:
        return cell == ""
    return math.isnan(float(cell)) if math.isnan(value) else float(cell) == value


def test_without_a_classification_the_sample_cannot_be_designed(dock) -> None:
    panel = dock.accuracy
    assert not panel.design_button.isEnabled() and panel.design_button.toolTip() == NO_MAP
    assert not panel.assess_button.isEnabled() and "Design an accuracy sample" in panel.assess_button.toolTip()
    assert panel.map_label.text() == NO_MAP
    panel.design_sample()  # from a script: said why, nothing started
    assert not dock.busy and dock.message.text() == NO_MAP
    assert not dock.results.area_assessment.export_button.isEnabled()


def test_design_label_point_by_point_and_assess_shows_the_engines_estimate(dock, class_map: Path,  # noqa: F811
                                                                          tmp_path: Path) -> None:
    panel = dock.accuracy
    design(dock, class_map)
    layer = panel.sample_layer
    assert layer is not None and QgsProject.instance().mapLayer(layer.id()) is layer
    count = layer.featureCount()
    assert count == 12 and Path(panel.sample_path).parent == class_map.parent
    assert layer.editorWidgetSetup(layer.fields().indexOf("reference")).type() == "ValueMap"
    assert layer.renderer().type() == "categorizedSymbol"
    assert panel.progress.text() == f"0 / {count} labelled" and not panel.assess_button.isEnabled()
    assert panel.review.isVisibleTo(dock.results)
    # With the review open the section still fits a 360 px panel (its page scrolls down, never sideways).
    assert panel.minimumSizeHint().width() <= 330, panel.minimumSizeHint().width()

    label(panel, range(5))
    assert panel.progress.text() == f"5 / {count} labelled" and panel.assess_button.isEnabled()
    assert f"{count - 5} of {count} points have no label" in panel.assess_button.toolTip()
    answer_with("Keep labelling")
    panel.assess_button.click()
    assert not dock.busy and "still to label" in dock.message.text()

    # Partly labelled, assessed anyway: the engine skips the rest and says so (amber).
    answer_with("Assess anyway")
    run_job(dock, panel.assess_button, 120)
    assert dock.last_outcome.ok, dock.message.text()
    partial = dock.last_outcome.results[-1].summary["area_adjusted"]
    assert partial["skipped_unlabelled"] == count - 5
    assert dock.message.level == Qgis.MessageLevel.Warning and "skipped" in dock.message.text()
    assert f"({count - 5} without a label skipped)" in dock.results.area_assessment.overall.text()
    assert "nan" not in str(cells(dock.results.area_assessment.table)).lower()  # undefined figures: a dash

    given = label(panel, range(count))
    assert panel.progress.text() == f"{count} / {count} labelled"
    assert "Every point is labelled" in panel.assess_button.toolTip()
    run_job(dock, panel.assess_button, 120)
    assert dock.last_outcome.ok, dock.message.text()
    report = Path(dock.last_outcome.results[-1].outputs["json"])
    area = json.loads(report.read_text())["area_adjusted"]
    assert area["points_used"] == count and area["skipped_unlabelled"] == 0
    forest_n = sum(1 for name in given if name in ("forest", "urban-forest"))
    assert area["per_class"]["forest"]["users_accuracy"] == pytest.approx((forest_n - 1) / forest_n)

    shown = dock.results.area_assessment
    assert cells(shown.table) == expected_cells(area)
    overall = f"{area['overall_accuracy']:.3f} ± {area['overall_accuracy_se']:.3f}"
    assert f"Overall accuracy {overall}" in shown.overall.text() and overall in dock.message.text()
    assert report.with_suffix(".html").is_file() and "estimated area (ha)" in report.with_suffix(".html").read_text()
    assert dock.results.area_table is not None and dock.results.area_assessment.isVisibleTo(dock.results)

    shown.save_csv(str(tmp_path / "estimate.csv"))
    with open(tmp_path / "estimate.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert tuple(rows[0]) == CSV_HEADER
    by_class = {row[0]: dict(zip(CSV_HEADER, row, strict=True)) for row in rows[1:]}
    assert set(by_class) == {*area["per_class"], OVERALL_ROW}
    for name, item in area["per_class"].items():
        assert all(same(by_class[name][key], item[key]) for key in CLASS_KEYS), (name, by_class[name], item)
    assert all(same(by_class[OVERALL_ROW][key], area[key]) for key in OVERALL_KEYS)


def test_a_sample_layer_removed_mid_review_can_be_opened_again(dock, class_map: Path) -> None:  # noqa: F811
    panel = dock.accuracy
    design(dock, class_map, total=9)
    label(panel, range(2), wrong_forest=0)
    name = panel.sample_layer.name()
    QgsProject.instance().removeMapLayer(panel.sample_layer.id())
    assert panel.review is None and not panel.assess_button.isEnabled() and panel.reopen_button.isVisibleTo(panel)
    assert wait_for(lambda: f"'{name}' was removed" in dock.message.text(), 5)
    assert dock.message.level == Qgis.MessageLevel.Warning
    panel.assess()  # from a script: no job, the reason said
    assert not dock.busy and "No accuracy sample" in dock.message.text()
    panel.reopen_button.click()
    assert panel.review is not None and panel.progress.text() == "2 / 9 labelled"  # the labels were in the file
    assert QgsProject.instance().mapLayer(panel.sample_layer.id()) is panel.sample_layer


def test_a_saved_project_goes_on_with_its_sample(dock, class_map: Path, tmp_path: Path) -> None:  # noqa: F811
    panel = dock.accuracy
    design(dock, class_map, total=9)
    label(panel, range(3), wrong_forest=0)
    sample, project = panel.sample_path, QgsProject.instance()
    assert project.write(str(tmp_path / "labelling.qgz"))
    dock.show_message("Saved.")
    project.clear()  # closing the project: no sample, and no word of a removed layer
    assert wait_for(lambda: panel.review is None, 5) and panel.sample_path is None
    QgsApplication.processEvents()
    assert "was removed" not in dock.message.text() and not panel.reopen_button.isVisibleTo(panel)
    assert project.read(str(tmp_path / "labelling.qgz"))
    assert panel.review is not None and panel.sample_path == sample and panel.sample_map == str(class_map)
    assert project.mapLayer(panel.sample_layer.id()) is panel.sample_layer  # the project's own layer, not a copy
    assert len([layer for layer in project.mapLayers().values() if layer.name() == panel.sample_layer.name()]) == 1
    assert panel.progress.text() == "3 / 9 labelled" and panel.assess_button.isEnabled()


def test_a_sample_designed_earlier_opens_against_the_map_its_design_names(dock, class_map: Path,  # noqa: F811
                                                                         engine_python: str, tmp_path: Path) -> None:
    earlier = tmp_path / "earlier.gpkg"
    run_engine(engine_python, "sample-design", ["--prediction", str(class_map), "--out", str(earlier), "--total", "6",
                                                "--min-per-class", "1"])
    panel = dock.accuracy
    assert panel.open_button.isEnabled() and not panel.design_button.isEnabled()  # no classification needed
    panel.open_sample_file(str(earlier))
    assert panel.review is not None and Path(panel.sample_map).resolve() == class_map.resolve()
    assert "0 / 6 labelled" in dock.message.text() and panel.progress.text() == "0 / 6 labelled"
    label(panel, range(6))
    run_job(dock, panel.assess_button, 120)
    assert dock.last_outcome.ok, dock.message.text()
    assert dock.results.area_assessment.table.rowCount() == 3

    without_design = tmp_path / "copied.gpkg"
    without_design.write_bytes(earlier.read_bytes())
    panel.open_sample_file(str(without_design))
    assert dock.message.level == Qgis.MessageLevel.Warning and "copied.design.json" in dock.message.text()
    assert panel.sample_path == str(earlier)  # the sample under review stays


def test_an_engine_error_is_shown_in_red_and_nothing_is_written(dock, class_map: Path) -> None:  # noqa: F811
    panel = dock.accuracy
    design(dock, class_map, total=9)
    label(panel, range(9), wrong_forest=0)
    layer = panel.sample_layer
    # A label that is not a class of the map (typed in the attribute table): the engine refuses it.
    layer.startEditing()
    layer.changeAttributeValue(next(layer.getFeatures()).id(), layer.fields().indexOf("reference"), "banana")
    panel.assess()  # the engine reads the file: unsaved edits are refused first
    assert not dock.busy and "unsaved edits" in dock.message.text()
    assert layer.commitChanges()
    folder = Path(panel.sample_path).parent
    before = set(folder.iterdir())
    run_job(dock, panel.assess_button, 120)
    assert not dock.last_outcome.ok
    assert dock.message.level == Qgis.MessageLevel.Critical and "'banana'" in dock.message.text()
    assert "forest" in dock.message.text()  # the engine's message names the map's classes
    assert set(folder.iterdir()) == before  # no report, no figure, no half-written file
    assert dock.results.area_assessment.table.rowCount() == 0
    assert not dock.results.area_assessment.export_button.isEnabled()
    assert "did not finish" in dock.results.area_assessment.overall.text()


def test_after_classify_a_sample_is_drawn_from_the_new_map(dock, tiny_model: Path) -> None:
    use_model(dock, tiny_model)
    run_job(dock, dock.classify_button)
    assert dock.last_outcome.ok, dock.message.text()
    classes = dock.last_outcome.results[0].outputs["classes"]
    panel = dock.accuracy
    assert panel.class_map == classes and panel.design_button.isEnabled()
    assert Path(classes).name in panel.map_label.text()
    panel.total.setValue(6)
    panel.min_per_class.setValue(1)
    run_job(dock, panel.design_button, 120)
    assert dock.last_outcome.ok, dock.message.text()
    assert panel.sample_map == classes and panel.progress.text() == f"0 / {panel.point_count()} labelled"
    assert set(panel.review.class_names) == set(ZONES)  # the map's classes, from the sample's design


def test_only_the_area_of_interest_is_sampled(dock, class_map: Path, tmp_path: Path) -> None:  # noqa: F811
    from osgeo import ogr, osr

    aoi_path = tmp_path / "aoi.gpkg"  # the left half of the map: the water zone and part of the forest
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)
    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(aoi_path))
    polygons = source.CreateLayer("aoi", srs, ogr.wkbPolygon)
    right, bottom = ORIGIN[0] + 64 * PIXEL, ORIGIN[1] - SIZE * PIXEL
    feature = ogr.Feature(polygons.GetLayerDefn())
    feature.SetGeometry(ogr.CreateGeometryFromWkt(f"POLYGON(({ORIGIN[0]} {bottom},{right} {bottom},{right} {ORIGIN[1]},"
                                                  f"{ORIGIN[0]} {ORIGIN[1]},{ORIGIN[0]} {bottom}))"))
    polygons.CreateFeature(feature)
    source = None
    memory = QgsVectorLayer(f"Polygon?crs=EPSG:{EPSG}", "drawn", "memory")
    aoi = QgsVectorLayer(str(aoi_path), "aoi", "ogr")
    QgsProject.instance().addMapLayers([memory, aoi])
    panel = dock.accuracy
    panel.aoi.setLayer(memory)
    panel.set_class_map(str(class_map))
    panel.design_sample()
    assert not dock.busy and "'drawn' is not a file layer" in dock.message.text()
    panel.aoi.setLayer(aoi)
    design(dock, class_map, total=8)
    columns = {column_of(f.geometry().asPoint().x()) for f in panel.sample_layer.getFeatures()}
    assert columns and max(columns) < 64
    assert "urban" not in {f["stratum"] for f in panel.sample_layer.getFeatures()}
