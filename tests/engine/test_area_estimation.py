"""Stratified estimators of accuracy and area (Olofsson et al. 2014): the paper's example, hand computations,
coverage of the 95% confidence interval, and ``evaluate`` on a labelled sample through the engine's CLI."""

from __future__ import annotations

import json
import math
from pathlib import Path

import geopandas as gpd
import numpy as np
import pyogrio
import pytest
import rasterio
from conftest import run_process
from inference_fixtures import PIXEL, write_codes
from shapely.geometry import box

from landcover_core.assessment.area_estimation import format_area_table, stratified_estimate
from landcover_core.assessment.sample_design import DESIGN_KEY
from landcover_core.common.classes import ClassScheme

PAPER_NAMES = ["deforestation", "forest gain", "stable forest", "stable non-forest"]
#: Olofsson et al. 2014, section 5, Table 8: sample counts, rows: map (strata), columns: reference. (The same
#: counts with rows as reference are its transpose; only this reading gives the published 21,158 ha.)
PAPER_COUNTS = np.array([[66, 0, 5, 4], [0, 55, 8, 12], [1, 0, 153, 11], [2, 1, 9, 313]])
#: Mapped pixels of 30 m (0.09 ha): W = 0.0200, 0.0150, 0.3200, 0.6450.
PAPER_PIXELS = np.array([200_000, 150_000, 3_200_000, 6_450_000])
PAPER_HA = PAPER_PIXELS * 0.09
SCHEME = ClassScheme.from_codes([1, 2, 3], ["water", "forest", "field"])


def paper_estimate() -> dict:
    return stratified_estimate(PAPER_COUNTS, PAPER_HA, PAPER_NAMES, PAPER_HA)


def test_the_papers_example_gives_its_published_figures() -> None:
    result = paper_estimate()
    rows = result["per_class"]
    # Published (section 5): areas ± 95% CI in ha; user's and producer's accuracies ± 95% CI; OA 0.95 ± 0.02.
    published_area = {"deforestation": (21_158, 6_158), "forest gain": (11_686, 3_756),
                      "stable forest": (285_770, 15_510), "stable non-forest": (581_386, 16_282)}
    published_users = {"deforestation": (0.88, 0.07), "forest gain": (0.73, 0.10), "stable forest": (0.93, 0.04),
                       "stable non-forest": (0.96, 0.02)}
    published_producers = {"deforestation": (0.75, 0.21), "forest gain": (0.85, 0.25), "stable forest": (0.93, 0.03),
                           "stable non-forest": (0.96, 0.02)}
    for name, (area, ci) in published_area.items():
        assert round(rows[name]["area_ha"]) == area
        assert round(rows[name]["area_ci95_ha"]) == ci
        assert rows[name]["area_ci95_ha"] == pytest.approx(1.96 * rows[name]["area_se_ha"])
    for name, (value, ci) in published_users.items():
        assert round(rows[name]["users_accuracy"], 2) == value
        assert round(1.96 * rows[name]["users_accuracy_se"], 2) == ci
    for name, (value, ci) in published_producers.items():
        assert round(rows[name]["producers_accuracy"], 2) == value
        assert round(1.96 * rows[name]["producers_accuracy_se"], 2) == ci
    assert round(result["overall_accuracy"], 2) == 0.95
    assert round(1.96 * result["overall_accuracy_se"], 2) == 0.02
    assert [round(r["mapped_area_ha"]) for r in rows.values()] == [18_000, 13_500, 288_000, 580_500]
    assert result["weights"] == pytest.approx([0.02, 0.015, 0.32, 0.645])
    assert result["warnings"] == []


def test_the_papers_example_against_a_hand_computation() -> None:
    rows = paper_estimate()["per_class"]
    w = [0.02, 0.015, 0.32, 0.645]
    n = [75, 75, 165, 325]
    total_ha = 10_000_000 * 0.09
    # Deforestation (column 0): p̂_·1 = Σ W_i n_i1 / n_i·, eq. 9; its SE, eq. 10.
    share = 0.02 * 66 / 75 + 0.32 * 1 / 165 + 0.645 * 2 / 325
    se = math.sqrt(0.02**2 * (66 / 75) * (9 / 75) / 74 + 0.32**2 * (1 / 165) * (164 / 165) / 164
                   + 0.645**2 * (2 / 325) * (323 / 325) / 324)
    assert rows["deforestation"]["area_proportion"] == pytest.approx(share)
    assert rows["deforestation"]["area_ha"] == pytest.approx(total_ha * share)
    assert rows["deforestation"]["area_se_ha"] == pytest.approx(total_ha * se)
    # Overall accuracy: Σ W_i n_ii / n_i·, eq. 1; V = Σ W_i² U_i (1 - U_i) / (n_i· - 1), eq. 5.
    users = [66 / 75, 55 / 75, 153 / 165, 313 / 325]
    result = paper_estimate()
    assert result["overall_accuracy"] == pytest.approx(sum(wi * u for wi, u in zip(w, users, strict=True)))
    variance = sum(wi**2 * u * (1 - u) / (ni - 1) for wi, u, ni in zip(w, users, n, strict=True))
    assert result["overall_accuracy_se"] == pytest.approx(math.sqrt(variance))
    # Producer's accuracy of forest gain (column 1), eq. 7 written out: N_i· pixels, N̂_·j = Σ N_i· n_ij / n_i·.
    big_n = PAPER_PIXELS.astype(float)
    estimated = sum(big_n[i] * PAPER_COUNTS[i, 1] / n[i] for i in range(4))
    producers = big_n[1] * 55 / 75 / estimated
    u = 55 / 75
    others = sum(big_n[i] ** 2 * (PAPER_COUNTS[i, 1] / n[i]) * (1 - PAPER_COUNTS[i, 1] / n[i]) / (n[i] - 1)
                 for i in (0, 2, 3))
    variance = (big_n[1] ** 2 * (1 - producers) ** 2 * u * (1 - u) / 74 + producers**2 * others) / estimated**2
    assert rows["forest gain"]["producers_accuracy"] == pytest.approx(producers)
    assert rows["forest gain"]["producers_accuracy_se"] == pytest.approx(math.sqrt(variance))
    assert "21158 ± 6158" in format_area_table(result)


def test_a_stratum_with_one_or_no_point_gives_nan_and_says_why() -> None:
    counts = np.array([[5, 1, 0], [0, 1, 0], [0, 0, 0]])  # forest: one point; field: none
    result = stratified_estimate(counts, [10, 30, 60], ["water", "forest", "field"], None)
    rows = result["per_class"]
    assert rows["water"]["users_accuracy"] == pytest.approx(5 / 6)
    assert math.isfinite(rows["water"]["users_accuracy_se"])
    assert rows["forest"]["users_accuracy"] == 1.0
    assert math.isnan(rows["forest"]["users_accuracy_se"])
    assert math.isnan(result["overall_accuracy"])  # field's 60% of the map is unaccounted for
    assert rows["water"]["area_ha"] is None  # no ground area given: proportions only
    assert any("forest have only 1 labelled" in m for m in result["warnings"])
    assert any("field have no labelled sample point" in m for m in result["warnings"])


def test_the_95_percent_interval_covers_the_true_area_about_95_percent_of_the_time() -> None:
    """Repeated stratified samples of a generated map and truth: the CI must cover the true area ~95% of the
    time. 2000 samples put the observed coverage within ±0.02 of 0.95 (4 standard deviations); an interval
    from half the variance covers ~83%, one from twice the variance ~99%: both fail."""
    rng = np.random.default_rng(7)
    mapped = rng.choice(3, size=200_000, p=[0.1, 0.3, 0.6])
    confusion = np.array([[0.8, 0.15, 0.05], [0.05, 0.85, 0.1], [0.04, 0.06, 0.9]])  # truth | map class
    truth = np.array([rng.choice(3, p=confusion[m]) for m in range(3) for _ in range((mapped == m).sum())])
    order = np.concatenate([np.flatnonzero(mapped == m) for m in range(3)])
    truth_of = np.empty_like(mapped)
    truth_of[order] = truth
    strata = [truth_of[mapped == m] for m in range(3)]
    pixels = np.array([len(s) for s in strata])
    true_area = np.bincount(truth_of, minlength=3) * 0.01  # 10 m pixels: 0.01 ha
    per_stratum = [60, 80, 120]
    hits = {"right": 0, "half": 0, "double": 0}
    trials = 2000
    for _ in range(trials):
        counts = np.array([np.bincount(rng.choice(s, size=n, replace=False), minlength=3)
                           for s, n in zip(strata, per_stratum, strict=True)])
        rows = stratified_estimate(counts, pixels, ["a", "b", "c"], pixels * 0.01)["per_class"]
        for j, item in enumerate(rows.values()):
            error = abs(item["area_ha"] - true_area[j])
            hits["right"] += error <= item["area_ci95_ha"]
            hits["half"] += error <= item["area_ci95_ha"] / math.sqrt(2)
            hits["double"] += error <= item["area_ci95_ha"] * math.sqrt(2)
    coverage = {key: value / (3 * trials) for key, value in hits.items()}
    assert 0.93 <= coverage["right"] <= 0.97, coverage
    assert not 0.93 <= coverage["half"] <= 0.97, coverage  # the tolerance tells a wrong variance apart
    assert not 0.93 <= coverage["double"] <= 0.97, coverage


# -- evaluate on a labelled sample, through the engine's CLI -------------------------------------------------

@pytest.fixture()
def scene(tmp_path: Path) -> tuple[Path, np.ndarray]:
    """A 300x260 map of three classes (20% of its pixels wrong against a truth kept in memory)."""
    rng = np.random.default_rng(5)
    truth = rng.choice([1, 2, 3], size=(300, 260), p=[0.08, 0.35, 0.57])
    mapped = truth.copy()
    wrong = rng.random(truth.shape) < 0.2
    mapped[wrong] = rng.choice([1, 2, 3], size=int(wrong.sum()))
    return write_codes(tmp_path / "map.tif", mapped, scheme=SCHEME), truth


def label_sample(sample: Path, truth: np.ndarray, out: Path, blank: int = 0, crs: str | None = None) -> Path:
    """The analyst's work: each point's true class name in ``reference`` (the first ``blank`` left empty)."""
    frame = gpd.read_file(sample)
    with rasterio.open(sample.with_name("map.tif")) as src:
        rows, cols = rasterio.transform.rowcol(src.transform, frame.geometry.x, frame.geometry.y)
    names = np.array(SCHEME.names, dtype=object)
    frame["reference"] = names[truth[np.asarray(rows), np.asarray(cols)] - 1]
    if blank:
        frame.loc[: blank - 1, "reference"] = None
    if crs:
        frame = frame.to_crs(crs)
    metadata = pyogrio.read_info(sample)["layer_metadata"]
    pyogrio.write_dataframe(frame, out, layer="sample", layer_metadata=metadata)
    return out


def design(tmp_path: Path, prediction: Path, *extra: object) -> Path:
    code, _, stderr = run_process("sample-design", "--prediction", prediction, "--out", tmp_path / "sample.gpkg",
                                  "--total", 300, "--min-per-class", 40, "--seed", 2, *extra)
    assert code == 0, stderr
    return tmp_path / "sample.gpkg"


def test_evaluate_a_labelled_sample_gives_area_adjusted_estimates(tmp_path: Path, scene) -> None:
    prediction, truth = scene
    labelled = label_sample(design(tmp_path, prediction), truth, tmp_path / "labelled.gpkg", blank=7)
    code, events, stderr = run_process("evaluate", "--prediction", prediction, "--reference-vector", labelled,
                                       "--class-field", "reference", "--out-json", tmp_path / "r.json",
                                       "--out-png", tmp_path / "r.png")  # no --area-adjusted: the design says so
    assert code == 0, stderr
    report = json.loads((tmp_path / "r.json").read_text())
    area = report["area_adjusted"]
    assert area["skipped_unlabelled"] == 7 and area["points_used"] == 293
    assert area["weights_from"] == "design"
    assert set(area["per_class"]) == {"water", "forest", "field"}
    keys = {"users_accuracy", "users_accuracy_se", "producers_accuracy", "producers_accuracy_se", "mapped_area_ha",
            "area_ha", "area_se_ha", "area_ci95_ha"}
    pixel_ha = PIXEL * PIXEL / 10_000
    true_ha = {name: float((truth == code).sum()) * pixel_ha for code, name in zip(SCHEME.codes, SCHEME.names,
                                                                                 strict=True)}
    with rasterio.open(prediction) as src:
        mapped = src.read(1)
    for code_, name in zip(SCHEME.codes, SCHEME.names, strict=True):
        item = area["per_class"][name]
        assert keys <= set(item)
        assert item["mapped_area_ha"] == pytest.approx((mapped == code_).sum() * pixel_ha)
        assert abs(item["area_ha"] - true_ha[name]) < 3 * item["area_se_ha"]  # estimates, not the mapped areas
    assert sum(item["area_ha"] for item in area["per_class"].values()) == pytest.approx(300 * 260 * pixel_ha)
    assert 0.7 < area["overall_accuracy"] < 0.95 and 0 < area["overall_accuracy_se"] < 0.05
    assert any("7 of 300 sample point(s) have no reference label" in w for w in area["warnings"])
    result = next(e for e in events if e["event"] == "result")
    assert result["summary"]["area_adjusted"]["per_class"]["water"]["area_ha"] == area["per_class"]["water"]["area_ha"]
    assert (tmp_path / "r.png").read_bytes()[:4] == b"\x89PNG"
    # The same sample saved in another CRS is reprojected onto the map: the same estimate.
    moved = label_sample(tmp_path / "sample.gpkg", truth, tmp_path / "wgs84.gpkg", blank=7, crs="EPSG:4326")
    code, _, stderr = run_process("evaluate", "--prediction", prediction, "--reference-vector", moved,
                                  "--class-field", "reference", "--out-json", tmp_path / "r2.json")
    assert code == 0, stderr
    again = json.loads((tmp_path / "r2.json").read_text())["area_adjusted"]
    assert again["per_class"]["water"]["area_ha"] == pytest.approx(area["per_class"]["water"]["area_ha"])


def test_area_adjusted_without_a_design_counts_the_map(tmp_path: Path, scene) -> None:
    prediction, truth = scene
    labelled = label_sample(design(tmp_path, prediction), truth, tmp_path / "labelled.gpkg")
    frame = gpd.read_file(labelled)  # saved again without metadata and sidecar: no design
    (tmp_path / "sample.design.json").unlink()
    frame.to_file(tmp_path / "bare.gpkg")
    code, _, stderr = run_process("evaluate", "--prediction", prediction, "--reference-vector", tmp_path / "bare.gpkg",
                                  "--class-field", "reference", "--out-json", tmp_path / "r.json", "--area-adjusted")
    assert code == 0, stderr
    area = json.loads((tmp_path / "r.json").read_text())["area_adjusted"]
    assert area["weights_from"] == "map"
    with rasterio.open(prediction) as src:
        mapped = src.read(1)
    assert area["weights"] == pytest.approx([(mapped == c).mean() for c in SCHEME.codes])


def test_a_stratum_with_one_labelled_point_gives_null_standard_errors(tmp_path: Path, scene) -> None:
    prediction, truth = scene
    labelled = label_sample(design(tmp_path, prediction), truth, tmp_path / "labelled.gpkg")
    frame = gpd.read_file(labelled)
    water = np.flatnonzero(frame["stratum"].to_numpy() == "water")
    frame.loc[water[1:], "reference"] = None  # one water point left labelled
    pyogrio.write_dataframe(frame, tmp_path / "one.gpkg", layer="sample",
                            layer_metadata=pyogrio.read_info(labelled)["layer_metadata"])
    code, events, stderr = run_process("evaluate", "--prediction", prediction, "--reference-vector",
                                       tmp_path / "one.gpkg", "--class-field", "reference",
                                       "--out-json", tmp_path / "r.json")
    assert code == 0, stderr
    area = json.loads((tmp_path / "r.json").read_text())["area_adjusted"]
    assert area["per_class"]["water"]["users_accuracy_se"] is None  # NaN in JSON
    assert area["overall_accuracy_se"] is None
    assert area["per_class"]["water"]["users_accuracy"] is not None
    warnings = [e["message"] for e in events if e["event"] == "log" and e["level"] == "warning"]
    assert any("water have only 1 labelled sample point" in w for w in warnings)


def test_labels_that_are_not_map_classes_are_named(tmp_path: Path, scene) -> None:
    prediction, truth = scene
    labelled = label_sample(design(tmp_path, prediction), truth, tmp_path / "labelled.gpkg")
    frame = gpd.read_file(labelled)
    frame.loc[3, "reference"] = "wetland"
    frame.loc[4, "reference"] = " Forest "  # trimmed, any case: a class name
    pyogrio.write_dataframe(frame, tmp_path / "bad.gpkg", layer="sample",
                            layer_metadata=pyogrio.read_info(labelled)["layer_metadata"])
    code, events, _ = run_process("evaluate", "--prediction", prediction, "--reference-vector", tmp_path / "bad.gpkg",
                                  "--class-field", "reference", "--out-json", tmp_path / "r.json")
    error = next(e for e in events if e["event"] == "error")
    assert code == 2
    assert "'wetland'" in error["message"] and "' Forest '" not in error["message"]
    assert "water, forest, field" in error["message"]


def test_a_design_that_does_not_match_the_map_says_what_differs(tmp_path: Path, scene) -> None:
    prediction, truth = scene
    labelled = label_sample(design(tmp_path, prediction), truth, tmp_path / "labelled.gpkg")
    with rasterio.open(prediction) as src:
        codes = src.read(1)
    other = codes.copy()
    other[:10, :10] = 1  # the same grid, other class counts
    write_codes(tmp_path / "other.tif", other, scheme=SCHEME)
    code, events, _ = run_process("evaluate", "--prediction", tmp_path / "other.tif", "--reference-vector", labelled,
                                  "--class-field", "reference", "--out-json", tmp_path / "r.json")
    message = next(e for e in events if e["event"] == "error")["message"]
    assert code == 2
    assert "class pixel counts differ" in message and "water:" in message
    write_codes(tmp_path / "small.tif", codes[:200], scheme=SCHEME)
    code, events, _ = run_process("evaluate", "--prediction", tmp_path / "small.tif", "--reference-vector", labelled,
                                  "--class-field", "reference", "--out-json", tmp_path / "r.json")
    assert code == 2
    assert "260x300 pixels" in next(e for e in events if e["event"] == "error")["message"]
    with rasterio.open(prediction) as src:
        profile = {**src.profile, "crs": "EPSG:32634"}
        with rasterio.open(tmp_path / "moved.tif", "w", **profile) as dst:
            dst.write(codes, 1)
            dst.update_tags(**src.tags())
    code, events, _ = run_process("evaluate", "--prediction", tmp_path / "moved.tif", "--reference-vector", labelled,
                                  "--class-field", "reference", "--out-json", tmp_path / "r.json")
    message = next(e for e in events if e["event"] == "error")["message"]
    assert code == 2
    assert "designed on a map in EPSG:32633" in message and "moved.tif is in EPSG:32634" in message


def test_the_design_travels_in_the_layer_metadata(tmp_path: Path, scene) -> None:
    sample = design(tmp_path, scene[0])
    stored = json.loads(pyogrio.read_info(sample)["layer_metadata"][DESIGN_KEY])
    assert stored == json.loads((tmp_path / "sample.design.json").read_text())


def test_a_design_inside_a_mask_counts_the_strata_inside_it_again(tmp_path: Path, scene) -> None:
    prediction, truth = scene
    with rasterio.open(prediction) as src:
        left, top = src.transform * (0, 0)
        right, bottom = src.transform * (130, 150)  # the top-left quarter of the map
        mapped = src.read(1)
    gpd.GeoDataFrame(geometry=[box(left, bottom, right, top)], crs="EPSG:32633").to_file(tmp_path / "aoi.gpkg",
                                                                                         layer="aoi")
    sample = design(tmp_path, prediction, "--mask", tmp_path / "aoi.gpkg", "--mask-layer", "aoi")
    labelled = label_sample(sample, truth, tmp_path / "labelled.gpkg")
    code, _, stderr = run_process("evaluate", "--prediction", prediction, "--reference-vector", labelled,
                                  "--class-field", "reference", "--out-json", tmp_path / "r.json")
    assert code == 0, stderr
    area = json.loads((tmp_path / "r.json").read_text())["area_adjusted"]
    inside = mapped[:150, :130]
    assert [item["mapped_area_ha"] for item in area["per_class"].values()] == pytest.approx(
        [(inside == c).sum() * 0.01 for c in SCHEME.codes])
    (tmp_path / "aoi.gpkg").unlink()
    code, events, _ = run_process("evaluate", "--prediction", prediction, "--reference-vector", labelled,
                                  "--class-field", "reference", "--out-json", tmp_path / "r.json")
    assert code == 2
    assert "aoi.gpkg, which no longer exists" in next(e for e in events if e["event"] == "error")["message"]
