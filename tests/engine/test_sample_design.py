"""sample-design: the sample size formula, the allocation, points drawn by windows, the design record, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
import rasterio
from conftest import run_process
from inference_fixtures import write_codes
from shapely.geometry import box

from landcover_core.assessment import strata
from landcover_core.assessment.sample_design import allocate, design_sample, sample_size
from landcover_core.common.classes import ClassScheme
from landcover_core.errors import InputError

SCHEME = ClassScheme.from_codes([1, 2, 3], ["water", "forest", "field"])


def test_sample_size_is_olofssons_equation_13() -> None:
    # The paper's example (section 5.1): W = .02/.015/.32/.645, U = .7/.6/.9/.95, S(Ô) = 0.01 → n = 641.
    weights, users = [0.02, 0.015, 0.32, 0.645], [0.7, 0.6, 0.9, 0.95]
    by_hand = (sum(w * (u * (1 - u)) ** 0.5 for w, u in zip(weights, users, strict=True)) / 0.01) ** 2
    assert by_hand == pytest.approx(640.5, abs=0.1)
    assert sample_size(weights, users, 0.01) == 641
    assert sample_size([0.5, 0.5], [0.8, 0.8], 0.02) == 400  # (0.4 / 0.02)²
    for bad in (0.0, 0.5, -0.1, 0.7):
        with pytest.raises(InputError, match=r"outside \(0, 0\.5\)"):
            sample_size(weights, users, bad)


def test_allocation_is_proportional_with_a_minimum_and_a_cap() -> None:
    weights = [0.02, 0.015, 0.32, 0.645]
    # 641 points, at least 50: the two small strata take 50, the rest (541) is shared .32 : .645.
    assert allocate(641, weights, [10**6] * 4, 50).tolist() == [50, 50, 179, 362]
    assert allocate(1000, weights, [10**6] * 4, 0).tolist() == [20, 15, 320, 645]
    # A stratum of 30 pixels holds 30 points at most, the 20 it cannot hold go to the others (561 = 186 + 375);
    # a stratum without pixels gets none.
    assert allocate(641, weights, [30, 10**6, 10**6, 10**6], 50).tolist() == [30, 50, 186, 375]
    assert allocate(100, [0.0, 0.5, 0.5], [0, 10, 10**6], 20).tolist() == [0, 10, 90]
    assert allocate(100, [0.5, 0.5], [10, 20], 5).tolist() == [10, 20]  # the map holds fewer pixels
    # Minimums alone exceeding the total: every stratum gets its minimum.
    assert allocate(50, [0.25] * 4, [10**6] * 4, 20).tolist() == [20, 20, 20, 20]


@pytest.fixture()
def big_map(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, np.ndarray]:
    """A 300x280 map counted and sampled by windows of 64 pixels (5 x 5 windows, clipped at the edges)."""
    monkeypatch.setattr(strata, "BLOCK", 64)
    rng = np.random.default_rng(1)
    codes = rng.choice([1, 2, 3], size=(300, 280), p=[0.03, 0.27, 0.7]).astype(np.uint8)
    codes[:, :5] = 255  # nodata is no stratum
    return write_codes(tmp_path / "map.tif", codes, scheme=SCHEME), codes


def sampled_codes(sample: Path, prediction: Path) -> tuple[gpd.GeoDataFrame, np.ndarray, np.ndarray, np.ndarray]:
    frame = gpd.read_file(sample)
    with rasterio.open(prediction) as src:
        rows, cols = rasterio.transform.rowcol(src.transform, frame.geometry.x, frame.geometry.y)
        codes = src.read(1)
    rows, cols = np.asarray(rows), np.asarray(cols)
    return frame, codes[rows, cols], rows, cols


def test_a_sample_streams_over_the_windows_of_a_raster(tmp_path: Path, big_map) -> None:
    prediction, codes = big_map
    design = design_sample(prediction, tmp_path / "s.gpkg", expected_ua="Water=0.7", min_per_class=60, seed=4)
    pixels = [int((codes == c).sum()) for c in SCHEME.codes]
    weights = np.array(pixels) / sum(pixels)
    expected_n = sample_size(weights, [0.7, 0.8, 0.8], 0.01)
    assert design["sample_size"] == expected_n
    wanted = allocate(expected_n, weights, pixels, 60)
    assert [s["n"] for s in design["strata"]] == wanted.tolist()
    assert [s["pixels"] for s in design["strata"]] == pixels
    assert [s["area_ha"] for s in design["strata"]] == pytest.approx([p * 0.01 for p in pixels])  # 10 m pixels
    frame, under, rows, cols = sampled_codes(tmp_path / "s.gpkg", prediction)
    assert len(frame) == wanted.sum()
    assert (under == frame["stratum_code"].to_numpy()).all()  # each point on its stratum's class, at a pixel centre
    assert frame["stratum"].tolist() == [SCHEME.names[SCHEME.codes.index(c)] for c in under]
    assert len(set(zip(rows.tolist(), cols.tolist(), strict=True))) == len(frame)  # distinct pixels
    assert frame["reference"].isna().all()
    assert frame["sample_id"].tolist() == list(range(1, len(frame) + 1))
    windows = {(r // 64, c // 64) for r, c in zip(rows.tolist(), cols.tolist(), strict=True)}
    assert len(windows) == 25  # points from every window
    again = design_sample(prediction, tmp_path / "t.gpkg", expected_ua="water=0.7", min_per_class=60, seed=4)
    assert again["strata"] == design["strata"]
    assert gpd.read_file(tmp_path / "t.gpkg").geometry.equals(frame.geometry)  # the seed gives the same points
    other = design_sample(prediction, tmp_path / "u.gpkg", expected_ua="water=0.7", min_per_class=60, seed=5)
    assert not gpd.read_file(tmp_path / "u.gpkg").geometry.equals(frame.geometry)
    assert other["total"] == design["total"]


def test_points_are_drawn_uniformly_within_a_stratum(tmp_path: Path, big_map) -> None:
    """Over 40 seeds, each window's share of a stratum's points is its share of the stratum's pixels."""
    prediction, codes = big_map
    forest = codes == 2
    share = np.array([[forest[r:r + 64, c:c + 64].sum() for c in range(0, 280, 64)] for r in range(0, 300, 64)])
    share = share / share.sum()
    hits = np.zeros_like(share, dtype=float)
    for seed in range(40):
        design_sample(prediction, tmp_path / f"s{seed}.gpkg", total=400, min_per_class=0, seed=seed)
        _, under, rows, cols = sampled_codes(tmp_path / f"s{seed}.gpkg", prediction)
        keep = under == 2
        np.add.at(hits, (rows[keep] // 64, cols[keep] // 64), 1)
    draws = hits.sum()
    expected = share * draws
    chi2 = float(((hits - expected) ** 2 / expected).sum())
    assert chi2 < 60  # 24 degrees of freedom: p < 1e-4 above 60; points all drawn in some windows give thousands


def test_a_mask_restricts_the_strata(tmp_path: Path, big_map) -> None:
    prediction, codes = big_map
    with rasterio.open(prediction) as src:
        left, top = src.transform * (0, 0)
        right, bottom = src.transform * (140, 100)
    gpd.GeoDataFrame(geometry=[box(left, bottom, right, top)], crs="EPSG:32633").to_crs("EPSG:4326").to_file(
        tmp_path / "aoi.gpkg")
    design = design_sample(prediction, tmp_path / "s.gpkg", total=120, min_per_class=10, mask=tmp_path / "aoi.gpkg")
    inside = codes[:100, :140]
    counted = sum(s["pixels"] for s in design["strata"])
    assert counted == pytest.approx((inside != 255).sum(), abs=140)  # the box's edges bend when reprojected
    _, _, rows, cols = sampled_codes(tmp_path / "s.gpkg", prediction)
    assert rows.max() < 101 and cols.max() < 141


def test_the_command_writes_the_layer_and_its_design(tmp_path: Path, big_map) -> None:
    prediction, _ = big_map
    code, events, stderr = run_process("sample-design", "--prediction", prediction, "--out", tmp_path / "s.gpkg",
                                       "--target-se", 0.02, "--min-per-class", 30, "--seed", 9)
    assert code == 0, stderr
    result = next(e for e in events if e["event"] == "result")
    assert result["outputs"] == {"gpkg": str(tmp_path / "s.gpkg"), "design": str(tmp_path / "s.design.json")}
    design = json.loads((tmp_path / "s.design.json").read_text())
    assert design["seed"] == 9 and design["target_se"] == 0.02 and design["map"] == str(prediction.resolve())
    assert sum(s["weight"] for s in design["strata"]) == pytest.approx(1)
    assert result["summary"]["total"] == design["total"] == len(gpd.read_file(tmp_path / "s.gpkg"))
    frame = gpd.read_file(tmp_path / "s.gpkg")
    assert frame.crs.to_epsg() == 32633
    assert list(frame.columns) == ["sample_id", "stratum", "stratum_code", "reference", "geometry"]


@pytest.mark.parametrize(("argv", "expected"), [
    (["--target-se", "0.5"], "--target-se"),
    (["--expected-ua", "wetland=0.9"], "'wetland', not a class of the map (water, forest, field)"),
    (["--expected-ua", "water=1.2"], "water=1.2 is outside (0, 1)"),
    (["--expected-ua", "water"], "is not NAME=ACCURACY"),
])
def test_bad_options_are_named(tmp_path: Path, big_map, argv: list[str], expected: str) -> None:
    code, events, _ = run_process("sample-design", "--prediction", big_map[0], "--out", tmp_path / "s.gpkg", *argv)
    assert code == 2
    assert expected in next(e for e in events if e["event"] == "error")["message"]
    assert not (tmp_path / "s.gpkg").exists()


def test_a_map_that_is_not_a_class_raster_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "float.tif"
    with rasterio.open(path, "w", driver="GTiff", width=8, height=8, count=1, dtype="float32") as dst:
        dst.write(np.zeros((1, 8, 8), dtype=np.float32))
    with pytest.raises(InputError, match="single-band raster of integer class codes"):
        design_sample(path, tmp_path / "s.gpkg")
