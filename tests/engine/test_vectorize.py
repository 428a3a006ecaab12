"""Vectorize: one polygon per region, areas, sieve, gap-free simplification, strip merging."""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
import shapely
from inference_fixtures import PIXEL, write_codes
from skimage.measure import label

from landcover_core import cli
from landcover_core.demo.synthetic import DEMO_SCHEME, class_map
from landcover_core.errors import InputError
from landcover_core.outputs.vectorize import sieve, vectorize_raster

AREA = PIXEL * PIXEL


@pytest.fixture(scope="module")
def codes() -> np.ndarray:
    rng = np.random.default_rng(3)
    values = DEMO_SCHEME.indices_to_codes(class_map(200, 4, rng, smoothness=0.03))[:180, :]
    values[0:10, 0:30] = 255  # nodata
    values[90:95, 50:58] = 255
    values[120:122, 120:121] = 4  # a two-pixel region for the sieve
    return values


@pytest.fixture(scope="module")
def raster(tmp_path_factory: pytest.TempPathFactory, codes: np.ndarray) -> Path:
    return write_codes(tmp_path_factory.mktemp("vec") / "classes.tif", codes, scheme=DEMO_SCHEME)


def _regions(codes: np.ndarray) -> int:
    valid = codes != 255
    return int(label(np.where(valid, codes.astype(int) + 1, 0), background=0, connectivity=1).max())


@pytest.mark.parametrize("strip_rows", [512, 17])
def test_one_polygon_per_region_with_fields_and_areas(raster: Path, codes: np.ndarray, tmp_path: Path,
                                                      strip_rows: int) -> None:
    result = vectorize_raster(raster, tmp_path / "p.gpkg", strip_rows=strip_rows)
    frame = gpd.read_file(tmp_path / "p.gpkg")
    valid = codes != 255
    assert len(frame) == _regions(codes) == result["summary"]["features"]
    assert list(frame.columns[:3]) == ["class_id", "class_name", "area"]
    assert frame.crs.to_epsg() == 32633
    assert frame.geometry.is_valid.all() and (frame.geom_type == "Polygon").all()
    names = {c.code: c.name for c in DEMO_SCHEME.classes}
    assert all(names[c] == n for c, n in zip(frame.class_id, frame.class_name, strict=True))
    assert np.allclose(frame["area"], frame.area)
    assert frame["area"].sum() == pytest.approx(valid.sum() * AREA)  # polygons cover the classified area
    for code in DEMO_SCHEME.codes:
        assert frame.loc[frame.class_id == code, "area"].sum() == pytest.approx((codes == code).sum() * AREA)


def test_sieve_removes_small_regions_without_gaps(raster: Path, codes: np.ndarray, tmp_path: Path) -> None:
    vectorize_raster(raster, tmp_path / "p.gpkg", min_area=30 * AREA, strip_rows=23)
    frame = gpd.read_file(tmp_path / "p.gpkg")
    assert frame.area.min() >= 30 * AREA - 1e-6
    assert len(frame) < _regions(codes)
    assert frame.area.sum() == pytest.approx((codes != 255).sum() * AREA)
    assert shapely.union_all(frame.geometry.values).area == pytest.approx(frame.area.sum())  # no overlap


def test_sieve_array() -> None:
    codes = np.ones((8, 8), np.uint8)
    codes[3:5, 3:5] = 2  # 4 px, inside
    codes[0, 7] = 3  # 1 px at the top edge of an open strip: may continue above, kept
    valid = np.ones((8, 8), bool)
    out = sieve(codes, valid, 5, open_top=True, open_bottom=False)
    assert (out[3:5, 3:5] == 1).all() and out[0, 7] == 3
    assert sieve(codes, valid, 5, open_top=False, open_bottom=False)[0, 7] == 1


def test_simplification_keeps_a_gap_free_coverage(raster: Path, codes: np.ndarray, tmp_path: Path) -> None:
    vectorize_raster(raster, tmp_path / "raw.gpkg", strip_rows=40)
    vectorize_raster(raster, tmp_path / "simple.gpkg", simplify=2.5 * PIXEL, strip_rows=40)
    raw, simple = gpd.read_file(tmp_path / "raw.gpkg"), gpd.read_file(tmp_path / "simple.gpkg")
    assert len(simple) == len(raw)
    vertices = lambda f: int(shapely.get_num_coordinates(f.geometry.values).sum())  # noqa: E731
    assert vertices(simple) < 0.8 * vertices(raw)
    assert simple.geometry.is_valid.all()
    total = (codes != 255).sum() * AREA
    assert simple.area.sum() == pytest.approx(total)  # boundary fixed, shared edges shared: no gap, no overlap
    assert shapely.union_all(simple.geometry.values).area == pytest.approx(total)


def test_cli_vectorize_with_class_names_from_a_file(raster: Path, codes: np.ndarray, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    plain = write_codes(tmp_path / "plain.tif", codes)
    scheme_file = tmp_path / "scheme.json"
    scheme_file.write_text(json.dumps([{"code": c, "name": f"n{c}"} for c in DEMO_SCHEME.codes]))
    assert cli.main(["vectorize", str(plain), "--out", str(tmp_path / "p.gpkg"), "--classes", str(scheme_file),
                     "--json-progress"]) == 0
    result = json.loads(capsys.readouterr().out.splitlines()[-1])
    assert result["summary"]["features"] == _regions(codes)
    assert set(gpd.read_file(tmp_path / "p.gpkg").class_name) == {f"n{c}" for c in DEMO_SCHEME.codes}


def test_all_nodata_raster_is_refused(tmp_path: Path) -> None:
    blank = write_codes(tmp_path / "blank.tif", np.full((20, 20), 255, np.uint8))
    with pytest.raises(InputError, match="all nodata"):
        vectorize_raster(blank, tmp_path / "p.gpkg")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["blank.tif"]
