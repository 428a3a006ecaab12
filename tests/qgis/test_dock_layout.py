"""The dock's layout and results at a glance: it fits 360 px, one progress bar with an ETA, areas, figures."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pytest
from osgeo import gdal, osr
from qgis.core import QgsRasterLayer

from landcover_qgis.action_bar import JobProgress, duration_text
from landcover_qgis.class_scheme import LandClass
from landcover_qgis.most_uncertain import most_uncertain_extent
from landcover_qgis.results_panel import ResultsPanel, class_areas, write_area_csv

CLASSES = [LandClass(1, "water", "#1f78b4"), LandClass(2, "forest", "#33a02c"), LandClass(3, "urban", "#e31a1c")]


class Clock:
    """A clock the test moves by hand (the ETA is a function of elapsed time)."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_the_bar_runs_once_over_all_epochs_with_an_eta() -> None:
    clock = Clock()
    job = JobProgress(training=True, clock=clock)
    job.update(1.0, "finding labeled pixels")
    assert job.fraction == 0.0  # the data scan's 100 % is not the job's
    job.update(0.0, "epoch 1/4", (1, 4))
    clock.now += 60
    job.update(1.0, "any text: the epoch comes from the event's fields", (1, 4))
    assert job.fraction == pytest.approx(0.25)
    assert job.remaining() == pytest.approx(180.0)  # 60 s an epoch, three to go
    clock.now += 30
    job.update(0.5, "epoch 2/4", (2, 4))
    assert job.fraction == pytest.approx(0.375)
    job.update(1.0, "validating")
    assert job.fraction == pytest.approx(0.375)  # a stage between steps does not move the bar
    text = job.text("validating")
    assert text.startswith("38%  epoch 2/4") and "about 2 min left" in text


def test_a_job_without_epochs_follows_its_stages() -> None:
    job = JobProgress(clock=Clock())
    job.update(0.4, "Predicting tiles")
    assert job.fraction == pytest.approx(0.4) and job.remaining() is None
    assert job.text("Predicting tiles").startswith("40%  Predicting tiles")
    job.update(0.5, "a message that says epoch 3/10 is not an epoch")
    assert job.fraction == pytest.approx(0.5) and not job.epoch


@pytest.mark.parametrize(("seconds", "text"), [(12, "12 s"), (400, "7 min"), (7500, "2 h 05 min")])
def test_durations_read_as_an_analyst_says_them(seconds: float, text: str) -> None:
    assert duration_text(seconds) == text


def test_area_per_class_in_hectares_and_percent_exported_as_csv(tmp_path: Path) -> None:
    summary = {"pixels": {"1": 300, "2": 100, "3": 0, "7": 100}, "pixel_area_m2": 100.0}
    rows = class_areas(summary, CLASSES)
    assert [(r["name"], r["hectares"], r["percent"]) for r in rows] == [
        ("water", 3.0, 60.0), ("forest", 1.0, 20.0), ("class 7", 1.0, 20.0)]  # no urban pixel: no row
    path = tmp_path / "areas.csv"
    write_area_csv(rows, str(path))
    with open(path, newline="", encoding="utf-8") as handle:
        table = list(csv.reader(handle))
    assert table[0] == ["class", "code", "pixels", "hectares", "percent"]
    assert table[1] == ["water", "1", "300", "3.0000", "60.0000"]


def test_without_a_pixel_area_only_shares_are_given() -> None:
    rows = class_areas({"pixels": {"1": 1, "2": 3}}, CLASSES)
    assert [r["hectares"] for r in rows] == [None, None] and [r["percent"] for r in rows] == [25.0, 75.0]


def png(path: Path, width: int = 40, height: int = 30) -> Path:
    """A real PNG written by GDAL."""
    memory = gdal.GetDriverByName("MEM").Create("", width, height, 1, gdal.GDT_Byte)
    gdal.GetDriverByName("PNG").CreateCopy(str(path), memory)
    return path


def test_results_panel_shows_the_figures_and_areas_the_engine_wrote(qgis_app, tmp_path: Path) -> None:
    panel = ResultsPanel()
    assert panel.curves.isHidden() and panel.confusion.isHidden() and not panel.export_areas_button.isEnabled()
    panel.show_training({"curves": str(png(tmp_path / "curves.png"))})
    assert not panel.curves.isHidden() and not panel.curves.pixmap().isNull()
    never = panel.show_evaluation({"overall_accuracy": 0.9, "miou": 0.5, "kappa": 0.8, "matched_by": "name",
                                   "per_class": [{"name": "water", "iou": 0.9, "support": 10},
                                                 {"name": "urban", "iou": 0.0, "support": 5}]},
                                  {"png": str(png(tmp_path / "confusion.png"))})
    assert never == ["urban"] and not panel.confusion.isHidden()
    assert "Classes compared by name." in panel.evaluation_summary.text()
    panel.show_areas({"pixels": {"1": 10}, "pixel_area_m2": 1000.0}, CLASSES, uncertainty=None)
    assert panel.area_table.item(0, 0).text() == "water" and panel.area_table.item(0, 1).text() == "1.00"
    assert panel.export_areas_button.isEnabled() and panel.zoom_button.isHidden()
    panel.show_areas({"pixels": {"1": 10}}, CLASSES, uncertainty=str(tmp_path / "u.tif"))
    assert not panel.zoom_button.isHidden() and "label" in panel.uncertainty_hint.text()
    panel.show_evaluation({}, {"png": str(tmp_path / "missing.png")})
    assert panel.confusion.isHidden()  # no stale figure of an earlier run


def test_the_most_uncertain_cell_is_found(qgis_app, tmp_path: Path) -> None:
    path = tmp_path / "uncertainty.tif"
    dataset = gdal.GetDriverByName("GTiff").Create(str(path), 80, 80, 1, gdal.GDT_Float32)
    dataset.SetGeoTransform((1000.0, 10.0, 0.0, 5000.0, 0.0, -10.0))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32633)
    dataset.SetProjection(srs.ExportToWkt())
    band = dataset.GetRasterBand(1)
    band.Fill(0.1)
    band.WriteArray(np.full((10, 10), 0.9, dtype="float32"), 30, 50)  # rows 50-59, cols 30-39
    band.FlushCache()
    dataset = None
    layer = QgsRasterLayer(str(path), "u", "gdal")
    extent = most_uncertain_extent(layer)
    del layer
    assert extent is not None
    assert (extent.xMinimum(), extent.xMaximum()) == (1300.0, 1400.0)
    assert (extent.yMinimum(), extent.yMaximum()) == (4400.0, 4500.0)


def test_the_dock_fits_a_360_px_panel_with_its_actions_outside_the_scrolling_tabs(dock) -> None:
    assert dock.widget().minimumSizeHint().width() <= 360
    assert [dock.form.tabText(i) for i in range(dock.form.count())] == ["Data", "Model", "Classify", "Results"]
    for button in (dock.train_button, dock.classify_button, dock.cancel_button):
        assert not dock.form.isAncestorOf(button)  # in the fixed bar, not inside a tab
    assert dock.form.advanced.isCollapsed()  # advanced settings folded away


def test_an_engine_set_up_during_a_check_is_the_one_shown(dock, tmp_path: Path) -> None:
    from conftest import wait_for
    from qgis.core import QgsSettings

    checked: list = []
    dock.engineChecked.connect(lambda: checked.append(dock.engine_status.text()))
    dock.check_engine()  # the configured (real) engine
    QgsSettings().setValue("landcover/engine_python", str(tmp_path / "new-env" / "bin" / "python"))
    dock.check_engine()  # asked while the first check runs
    assert wait_for(lambda: bool(checked), 120)
    assert len(checked) == 1 and not dock.capabilities.available  # only the new engine's result is shown
