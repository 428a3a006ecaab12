"""Evaluate: numbers against a hand-computed confusion matrix, references, reports, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
import rasterio
from inference_fixtures import CRS, PIXEL, save_mobilenet, write_codes, write_image
from PIL import Image
from shapely.geometry import box

from landcover_core import cli
from landcover_core.assessment.evaluate import evaluate_deepglobe, evaluate_model, evaluate_prediction, format_table
from landcover_core.common.classes import DEEPGLOBE, DEEPGLOBE_COLOURS, ClassScheme
from landcover_core.config import PredictOptions
from landcover_core.demo.synthetic import DEMO_SCHEME, make_scene
from landcover_core.errors import InputError
from landcover_core.outputs.geotiff import read_scheme_tag

SCHEME = ClassScheme.from_codes([1, 2, 3], ["water", "forest", "field"])
#: The codes a model trained from polygons of class names gets: field=1, forest=2, urban=3, water=4.
ALPHABETICAL = ClassScheme.from_names(DEMO_SCHEME.names)


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
    assert "The reference's classes (glacier) share no name with the prediction's (water, forest, field)" in (
        capsys.readouterr().err)
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


# -- classes compared by name ------------------------------------------------------------------------------------


def _recode(codes: np.ndarray, source: ClassScheme, target: ClassScheme) -> np.ndarray:
    """``codes`` of ``source`` turned into the codes that ``target`` gives the same class names."""
    lut = np.full(256, 255, dtype=np.uint8)
    for land in source.classes:
        lut[land.code] = target.codes[target.names.index(land.name)]
    return lut[codes]


@pytest.fixture()
def demo_codes() -> np.ndarray:
    """A 4x12 truth in the demo's codes (water=1, forest=2, field=3, urban=4), three columns per class."""
    return np.tile(np.repeat(np.array(DEMO_SCHEME.codes, dtype=np.uint8), 3), (4, 1))


@pytest.fixture()
def right_by_name(tmp_path: Path, demo_codes: np.ndarray) -> Path:
    """A prediction in alphabetical codes (tagged) that is right by name everywhere, wrong by code but forest."""
    return write_codes(tmp_path / "pred.tif", _recode(demo_codes, DEMO_SCHEME, ALPHABETICAL), scheme=ALPHABETICAL)


def test_a_tagged_reference_is_compared_by_name(right_by_name: Path, demo_codes: np.ndarray, tmp_path: Path) -> None:
    reference = write_codes(tmp_path / "truth.tif", demo_codes, scheme=DEMO_SCHEME)
    result = evaluate_prediction(right_by_name, reference_raster=reference)
    assert result["matched_by"] == "name"
    assert result["overall_accuracy"] == 1.0  # by code only forest (2) would agree: 0.25
    assert np.array_equal(result["confusion_matrix"], np.diag([12, 12, 12, 12]))
    assert [c["name"] for c in result["per_class"]] == ["field", "forest", "urban", "water"]  # the prediction's
    assert result["only_in_reference"] == result["only_in_prediction"] == result["warnings"] == []


def test_reference_classes_name_an_untagged_reference(right_by_name: Path, demo_codes: np.ndarray, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    reference = write_codes(tmp_path / "truth.tif", demo_codes)
    classes = tmp_path / "classes.json"  # other spelling: names are compared trimmed and case-insensitively
    classes.write_text(json.dumps([{"code": c.code, "name": f" {c.name.upper()} "} for c in DEMO_SCHEME.classes]))
    code = cli.main(["evaluate", "--prediction", str(right_by_name), "--reference-raster", str(reference),
                     "--reference-classes", str(classes), "--out-json", str(tmp_path / "e.json"), "--json-progress"])
    assert code == 0
    events = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    summary = next(e for e in events if e["event"] == "result")["summary"]
    assert (summary["matched_by"], summary["overall_accuracy"], summary["warnings"]) == ("name", 1.0, [])
    assert summary["per_class"][0]["name"] == "field"
    # The option wins over a tag; an integer class field is named by it too.
    wrong = write_codes(tmp_path / "tagged.tif", demo_codes, scheme=ALPHABETICAL)
    named = ClassScheme.load(str(classes))
    assert evaluate_prediction(right_by_name, reference_raster=wrong,
                               reference_classes=named)["overall_accuracy"] == 1.0
    x0, y1 = 500000.0, 4500000.0
    frame = gpd.GeoDataFrame({"code": [1, 4]}, crs=CRS, geometry=[  # water (columns 0-2), urban (columns 9-11)
        box(x0, y1 - 4 * PIXEL, x0 + 3 * PIXEL, y1), box(x0 + 9 * PIXEL, y1 - 4 * PIXEL, x0 + 12 * PIXEL, y1)])
    frame.to_file(tmp_path / "codes.gpkg")
    result = evaluate_prediction(right_by_name, reference_vector=tmp_path / "codes.gpkg", class_field="code",
                                 reference_classes=named)
    assert (result["matched_by"], result["overall_accuracy"], result["pixels"]) == ("name", 1.0, 24)
    stray = demo_codes.copy()
    stray[0, 0] = 9
    with pytest.raises(InputError, match=r"has class codes \[9\] that its classes \(given with --reference-classes: "
                                         r"1=WATER, .*\) do not list"):  # names are trimmed
        evaluate_prediction(right_by_name, reference_raster=write_codes(tmp_path / "stray.tif", stray),
                            reference_classes=named)


def test_an_untagged_reference_is_compared_by_code_with_a_warning(right_by_name: Path, demo_codes: np.ndarray,
                                                                   tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    reference = write_codes(tmp_path / "truth.tif", demo_codes)
    result = evaluate_prediction(right_by_name, reference_raster=reference)
    assert result["matched_by"] == "code"
    assert result["overall_accuracy"] == pytest.approx(0.25)
    reading = "its codes were read as the prediction's: 1=field, 2=forest, 3=urban, 4=water"
    assert len(result["warnings"]) == 1 and reading in result["warnings"][0]
    assert "--reference-classes" in result["warnings"][0]
    code = cli.main(["evaluate", "--prediction", str(right_by_name), "--reference-raster", str(reference),
                     "--out-json", str(tmp_path / "e.json"), "--json-progress"])
    assert code == 0
    events = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    warnings = [e["message"] for e in events if e["event"] == "log" and e["level"] == "warning"]
    assert len(warnings) == 1 and f"The reference {reference} carries no class names; {reading}" in warnings[0]
    summary = next(e for e in events if e["event"] == "result")["summary"]
    assert summary["matched_by"] == "code" and summary["warnings"] == warnings
    assert json.loads((tmp_path / "e.json").read_text())["warnings"] == warnings
    # For people: the warning on stderr, and in the table.
    assert cli.main(["evaluate", "--prediction", str(right_by_name), "--reference-raster", str(reference),
                     "--out-json", str(tmp_path / "e2.json")]) == 0
    printed = capsys.readouterr()
    assert reading in printed.err and f"warning: The reference {reference}" in printed.out
    assert "Classes were compared by code." in printed.out


def test_classes_of_one_side_only_are_listed_and_left_out(right_by_name: Path, demo_codes: np.ndarray,
                                                          tmp_path: Path) -> None:
    codes = demo_codes.copy()
    codes[:, 9:] = 7  # urban's columns are glacier in this reference
    scheme = ClassScheme.from_codes([1, 2, 3, 7], ["water", "forest", "field", "glacier"])
    result = evaluate_prediction(right_by_name, reference_raster=write_codes(tmp_path / "truth.tif", codes,
                                                                             scheme=scheme))
    assert result["matched_by"] == "name"
    assert (result["only_in_reference"], result["only_in_prediction"]) == (["glacier"], ["urban"])
    assert result["reference_only_pixels"] == {"glacier": 12}
    assert result["pixels"] == 36 and result["overall_accuracy"] == 1.0  # glacier cannot be predicted: left out
    assert result["per_class"][2]["name"] == "urban" and result["per_class"][2]["support"] == 0
    table = format_table(result)
    assert "Reference classes the prediction lacks, left out (the model cannot predict them): glacier (12" in table
    assert "Prediction classes the reference lacks: urban." in table


def test_schemes_without_a_shared_name_are_refused(right_by_name: Path, demo_codes: np.ndarray,
                                                   tmp_path: Path) -> None:
    scheme = ClassScheme.from_codes([1, 2, 3, 4], ["snow", "ice", "rock", "moraine"])
    reference = write_codes(tmp_path / "truth.tif", demo_codes, scheme=scheme)
    with pytest.raises(InputError, match=r"The reference's classes \(snow, ice, rock, moraine\) share no name with "
                                         r"the prediction's \(field, forest, urban, water\)"):
        evaluate_prediction(right_by_name, reference_raster=reference)


def test_a_text_class_field_is_compared_by_name(tmp_path: Path, demo_codes: np.ndarray) -> None:
    # The demo's codes are not in alphabetical order: a field of names read as codes 1..K would be wrong.
    prediction = write_codes(tmp_path / "pred.tif", demo_codes, scheme=DEMO_SCHEME)
    x0, y1 = 500000.0, 4500000.0
    frame = gpd.GeoDataFrame({"cover": ["Water", "urban ", "wetland"]}, crs=CRS, geometry=[
        box(x0, y1 - 2 * PIXEL, x0 + 3 * PIXEL, y1),  # columns 0-2: water
        box(x0 + 9 * PIXEL, y1 - 2 * PIXEL, x0 + 12 * PIXEL, y1),  # columns 9-11: urban
        box(x0 + 3 * PIXEL, y1 - 4 * PIXEL, x0 + 6 * PIXEL, y1 - 2 * PIXEL),  # a class the model does not know
    ])
    frame.to_file(tmp_path / "ref.gpkg")
    result = evaluate_prediction(prediction, reference_vector=tmp_path / "ref.gpkg", class_field="cover")
    assert result["matched_by"] == "name" and result["overall_accuracy"] == 1.0 and result["pixels"] == 12
    assert [c["support"] for c in result["per_class"]] == [6, 0, 0, 6]
    assert result["only_in_reference"] == ["wetland"] and result["reference_only_pixels"] == {"wetland": 6}
    assert result["only_in_prediction"] == ["forest", "field"]


def test_the_demo_truth_carries_its_classes(tmp_path: Path) -> None:
    scene = make_scene(tmp_path, size=64, bands=3, seed=1, polygons_per_class=0)
    with rasterio.open(scene.truth) as src:
        assert read_scheme_tag(src) == DEMO_SCHEME
        truth, profile = src.read(1), src.profile
    # A model trained from the demo's polygons numbers the classes alphabetically: scored by name, it is right.
    prediction = tmp_path / "classes.tif"
    with rasterio.open(prediction, "w", **profile) as dst:
        dst.write(np.where(truth == 0, 0, _recode(truth, DEMO_SCHEME, ALPHABETICAL)), 1)
        dst.update_tags(LANDCOVER_CLASSES=json.dumps(ALPHABETICAL.to_list()))
    result = evaluate_prediction(prediction, reference_raster=scene.truth)
    assert (result["matched_by"], result["overall_accuracy"], result["warnings"]) == ("name", 1.0, [])


def test_a_deepglobe_folder_is_matched_by_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANDCOVER_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "dg"
    folder.mkdir()
    rgb = dict(DEEPGLOBE_COLOURS)
    mask = np.zeros((64, 64, 3), dtype=np.uint8)  # unknown (black) except:
    mask[:, :32] = rgb["water"]
    mask[:, 32:48] = rgb["urban"]
    Image.fromarray(mask).save(folder / "1_mask.png")
    Image.fromarray(np.random.default_rng(0).integers(0, 255, (64, 64, 3), dtype=np.uint8)).save(folder / "1_sat.jpg")
    # The DeepGlobe classes in another order and spelling, with other codes.
    scheme = ClassScheme.from_list([{"code": 10 + i, "name": name.upper()}
                                    for i, name in enumerate(reversed(DEEPGLOBE.names))])
    model = save_mobilenet(tmp_path / "m.pt", scheme=scheme)
    result = evaluate_deepglobe([model], folder, options=PredictOptions(tile_size=64, backend="torch"))
    assert result["matched_by"] == "name" and result["only_in_reference"] == result["only_in_prediction"] == []
    support = {c["name"]: c["support"] for c in result["per_class"]}
    assert support == {"BARREN": 0, "WATER": 64 * 32, "FOREST": 0, "RANGELAND": 0, "AGRICULTURE": 0,
                       "URBAN": 64 * 16}
