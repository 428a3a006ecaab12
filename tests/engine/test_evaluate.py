"""Evaluate: numbers against a hand-computed confusion matrix, references, reports, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
from inference_fixtures import CRS, PIXEL, save_mobilenet, write_codes, write_image
from shapely.geometry import box

from landcover_core import cli
from landcover_core.classes import ClassScheme
from landcover_core.config import PredictOptions
from landcover_core.errors import InputError
from landcover_core.evaluate import evaluate_model, evaluate_prediction
from landcover_core.synthetic import DEMO_SCHEME

SCHEME = ClassScheme.from_codes([1, 2, 3], ["water", "forest", "field"])


@pytest.fixture()
def pair(tmp_path: Path) -> tuple[Path, Path]:
    """A 4x5 prediction and reference: 255 is nodata in both."""
    prediction = np.array([
        [1, 1, 2, 2, 3],
        [1, 1, 2, 3, 3],
        [1, 2, 2, 3, 3],
        [255, 1, 2, 3, 3],
    ])
    reference = np.array([
        [1, 1, 2, 2, 2],
        [1, 2, 2, 3, 3],
        [1, 2, 2, 255, 3],
        [1, 1, 2, 3, 3],
    ])
    return (write_codes(tmp_path / "pred.tif", prediction, scheme=SCHEME),
            write_codes(tmp_path / "ref.tif", reference))


def test_scores_match_a_hand_computed_confusion_matrix(pair: tuple[Path, Path]) -> None:
    result = evaluate_prediction(pair[0], reference_raster=pair[1])
    # Pixels with a reference and a prediction (18): reference rows, prediction columns.
    expected = np.array([
        [5, 0, 0],
        [1, 6, 1],
        [0, 0, 5],
    ])
    assert np.array_equal(result["confusion_matrix"], expected)
    assert result["unpredicted"] == 1  # reference 1 under the prediction's nodata
    assert result["pixels"] == 18
    assert result["overall_accuracy"] == pytest.approx(16 / 18)
    pe = (5 * 6 + 8 * 6 + 5 * 6) / 18**2
    assert result["kappa"] == pytest.approx((16 / 18 - pe) / (1 - pe))
    ious = [5 / 6, 6 / 8, 5 / 6]
    assert [c["iou"] for c in result["per_class"]] == pytest.approx(ious)
    assert result["miou"] == pytest.approx(np.mean(ious))
    forest = result["per_class"][1]
    assert (forest["precision"], forest["recall"]) == pytest.approx((1.0, 6 / 8))
    assert forest["f1"] == pytest.approx(2 * 6 / 8 / (1 + 6 / 8))
    assert [c["name"] for c in result["per_class"]] == SCHEME.names


def test_polygon_reference_and_cli_report(pair: tuple[Path, Path], tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    x0, y1 = 500000.0, 4500000.0
    frame = gpd.GeoDataFrame({"cover": ["water", "forest"]}, crs=CRS, geometry=[
        box(x0, y1 - 3 * PIXEL, x0 + PIXEL, y1),  # column 0, rows 0-2: predicted 1, 1, 1
        box(x0 + 2 * PIXEL, y1 - 2 * PIXEL, x0 + 4 * PIXEL, y1),  # rows 0-1, cols 2-3: predicted 2, 2, 2, 3
    ])
    frame.to_file(tmp_path / "ref.gpkg")
    code = cli.main(["evaluate", "--prediction", str(pair[0]), "--reference-vector", str(tmp_path / "ref.gpkg"),
                     "--class-field", "cover", "--out-json", str(tmp_path / "e.json"), "--out-png",
                     str(tmp_path / "cm.png")])
    assert code == 0
    table = capsys.readouterr().out
    assert "overall accuracy" in table and "forest" in table
    report = json.loads((tmp_path / "e.json").read_text())
    assert report["confusion_matrix"] == [[3, 0, 0], [0, 3, 1], [0, 0, 0]]
    assert report["per_class"][2]["iou"] is None  # field is absent from the reference: NaN, left out of the mean
    assert report["miou"] == pytest.approx((1.0 + 3 / 4) / 2)
    assert (tmp_path / "cm.png").read_bytes()[:4] == b"\x89PNG"


def test_reference_with_other_classes_is_refused(pair: tuple[Path, Path], tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    foreign = write_codes(tmp_path / "foreign.tif", np.array([[1, 7], [2, 9]]))
    with pytest.raises(InputError, match="do not match"):
        evaluate_prediction(pair[0], reference_raster=foreign)
    frame = gpd.GeoDataFrame({"cover": ["glacier"]}, crs=CRS, geometry=[box(500000, 4499980, 500020, 4500000)])
    frame.to_file(tmp_path / "foreign.gpkg")
    assert cli.main(["evaluate", "--prediction", str(pair[0]), "--reference-vector", str(tmp_path / "foreign.gpkg"),
                     "--class-field", "cover", "--out-json", str(tmp_path / "e.json")]) == 2
    assert "not in the class scheme" in capsys.readouterr().err
    assert not (tmp_path / "e.json").exists()


def test_evaluate_a_model_on_an_image(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANDCOVER_CACHE_DIR", str(tmp_path / "cache"))
    image = write_image(tmp_path / "img.tif", 100, 120, holes=False)
    truth = np.tile(np.repeat(np.array(DEMO_SCHEME.codes, np.uint8), 30), (100, 1))
    reference = write_codes(tmp_path / "truth.tif", truth, nodata=None)
    model = save_mobilenet(tmp_path / "m.pt")
    result = evaluate_model([model], image, reference_raster=reference,
                            options=PredictOptions(tile_size=64, backend="torch"))
    assert result["pixels"] == 100 * 120
    assert np.asarray(result["confusion_matrix"]).sum(axis=1).tolist() == [3000] * 4
    other = save_mobilenet(tmp_path / "other.pt", scheme=ClassScheme.from_codes([1, 2]))
    with pytest.raises(InputError, match="do not match"):
        evaluate_model([other], image, reference_raster=reference,
                           options=PredictOptions(tile_size=64, backend="torch"))
