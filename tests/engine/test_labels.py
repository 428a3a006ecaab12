import json

import geopandas as gpd
import numpy as np
import pytest
import rasterio
from rasterio.transform import from_origin
from rasterio.windows import Window
from shapely.geometry import LineString, box

from landcover_core.common.classes import DEEPGLOBE, IGNORE_INDEX, ClassScheme
from landcover_core.errors import InputError
from landcover_core.labels import (
    Grid,
    PolygonLabels,
    RasterLabels,
    SparseLabels,
    decode_deepglobe_mask,
    find_deepglobe_pairs,
    parse_sparse,
)

GRID = Grid(100, 80, from_origin(1000.0, 2000.0, 10.0, 10.0), rasterio.crs.CRS.from_epsg(32633))
FULL = Window(0, 0, 100, 80)


def _polygons(path, rows, crs="EPSG:32633"):
    gpd.GeoDataFrame(rows, geometry="geometry", crs=crs).to_file(path, driver="GPKG")
    return path


def test_polygons_label_only_their_pixels_and_small_ones_win(tmp_path):
    path = _polygons(tmp_path / "p.gpkg", [
        {"cls": "field", "geometry": box(1000, 1500, 1500, 2000)},   # cols 0-49, rows 0-49
        {"cls": "water", "geometry": box(1100, 1800, 1200, 1900)},   # inside the field: cols 10-19, rows 10-19
    ])
    labels = PolygonLabels(path, "cls", GRID)
    assert labels.scheme.names == ["field", "water"]
    array = labels.read(FULL)
    assert (array[12, 12], array[30, 30], array[60, 60]) == (1, 0, IGNORE_INDEX)
    assert (array == 1).sum() == 100 and (array == 0).sum() == 2500 - 100
    # A window read agrees with the full read.
    assert np.array_equal(labels.read(Window(5, 7, 30, 20)), array[7:27, 5:35])
    assert len(labels.candidate_windows(32)) == 4


def test_polygons_are_reprojected_to_the_raster_crs(tmp_path):
    utm = gpd.GeoDataFrame({"cls": [1]}, geometry=[box(1100, 1800, 1300, 1900)], crs="EPSG:32633")
    path = _polygons(tmp_path / "wgs84.gpkg", utm.to_crs("EPSG:4326").to_dict("records"), crs="EPSG:4326")
    array = PolygonLabels(path, "cls", GRID).read(FULL)
    assert abs(int((array == 0).sum()) - 200) <= 12  # 20 x 10 pixels, give or take the reprojected edges


def test_lines_burn_every_touched_pixel(tmp_path):
    path = _polygons(tmp_path / "l.gpkg", [{"cls": 3, "geometry": LineString([(1005, 1995), (1495, 1995)])}])
    labels = PolygonLabels(path, "cls", GRID)
    assert labels.scheme.codes == [3]
    assert (labels.read(FULL) == 0).sum() == 50


@pytest.mark.parametrize("rows,field,crs,message", [
    ([{"cls": "a", "geometry": box(1100, 1800, 1200, 1900)}], "missing", "EPSG:32633", "has no field 'missing'"),
    ([{"cls": "a", "geometry": box(9000, 9000, 9100, 9100)}], "cls", "EPSG:32633", "overlaps the raster"),
    ([{"cls": None, "geometry": box(1100, 1800, 1200, 1900)}], "cls", "EPSG:32633", "no feature with a geometry"),
    ([{"cls": 1.5, "geometry": box(1100, 1800, 1200, 1900)}], "cls", "EPSG:32633", "fractional"),
])
def test_bad_polygon_layers(tmp_path, rows, field, crs, message):
    path = _polygons(tmp_path / "bad.gpkg", rows, crs)
    with pytest.raises(InputError, match=message):
        PolygonLabels(path, field, GRID)


def test_crs_mismatch_and_unreadable_file(tmp_path):
    path = _polygons(tmp_path / "p.gpkg", [{"cls": "a", "geometry": box(1100, 1800, 1200, 1900)}])
    with pytest.raises(InputError, match="raster has no CRS"):
        PolygonLabels(path, "cls", Grid(100, 80, GRID.transform, None))
    junk = tmp_path / "junk.gpkg"
    junk.write_text("not a geopackage")
    with pytest.raises(InputError, match="not a readable vector file"):
        PolygonLabels(junk, "cls", GRID)


def _label_raster(path, array, transform=GRID.transform, nodata=0):
    with rasterio.open(path, "w", driver="GTiff", width=array.shape[1], height=array.shape[0], count=1,
                       dtype="uint8", crs=GRID.crs, transform=transform, nodata=nodata) as dst:
        dst.write(array, 1)
    return path


def test_label_raster_with_non_contiguous_codes_and_nodata(tmp_path):
    array = np.zeros((80, 100), dtype=np.uint8)
    array[:40, :50], array[40:, 50:], array[:10, 90:] = 10, 50, 30
    labels = RasterLabels(_label_raster(tmp_path / "l.tif", array), GRID)
    assert labels.scheme.codes == [10, 30, 50]
    out = labels.read(FULL)
    assert (out[0, 0], out[0, 95], out[79, 99], out[79, 0]) == (0, 1, 2, IGNORE_INDEX)
    named = ClassScheme.from_list([{"code": 10, "name": "building"}, {"code": 50, "name": "field"}])
    out = RasterLabels(tmp_path / "l.tif", GRID, scheme=named).read(FULL)
    assert out[0, 95] == IGNORE_INDEX and out[79, 99] == 1  # codes outside the scheme are unlabeled


def test_label_raster_on_another_grid_is_resampled(tmp_path):
    coarse = np.full((40, 50), 7, dtype=np.uint8)  # 20 m pixels over the same area
    labels = RasterLabels(_label_raster(tmp_path / "c.tif", coarse, from_origin(1000.0, 2000.0, 20.0, 20.0)), GRID)
    assert not labels.aligned
    assert np.all(labels.read(FULL) == 0)


def test_all_nodata_label_raster_is_refused(tmp_path):
    with pytest.raises(InputError, match="no labeled pixel"):
        RasterLabels(_label_raster(tmp_path / "e.tif", np.zeros((80, 100), np.uint8)), GRID)


def test_deepglobe_colours_thresholds_and_strays():
    colours = [(0, 255, 255), (255, 255, 0), (255, 0, 255), (0, 255, 0), (0, 0, 255), (255, 255, 255), (0, 0, 0)]
    rgb = np.array([*colours, (200, 30, 40)], dtype=np.uint8).T.reshape(3, 1, 8)
    rgb[:, 0, 0] = (20, 200, 140)  # noisy urban still reads as urban after thresholding at 128
    decoded = decode_deepglobe_mask(rgb)[0]
    assert decoded.tolist() == [0, 1, 2, 3, 4, 5, IGNORE_INDEX, IGNORE_INDEX]  # unknown, stray red


def test_deepglobe_pairs(tmp_path):
    (tmp_path / "1_sat.jpg").write_bytes(b"")
    (tmp_path / "1_mask.png").write_bytes(b"")
    (tmp_path / "2_sat.jpg").write_bytes(b"")  # no mask: skipped
    assert [p.tile_id for p in find_deepglobe_pairs(tmp_path)] == ["1"]
    with pytest.raises(InputError, match="no DeepGlobe pair"):
        find_deepglobe_pairs(tmp_path / "..")
    assert DEEPGLOBE.names == ["urban", "agriculture", "rangeland", "forest", "water", "barren"]


def test_sparse_points_keep_the_fraction_and_are_window_independent(tmp_path):
    array = np.full((80, 100), 5, dtype=np.uint8)
    dense = RasterLabels(_label_raster(tmp_path / "d.tif", array), GRID)
    sparse = SparseLabels(dense, parse_sparse("points:0.1"), seed=1)
    full = sparse.read(FULL)
    assert 0.07 < (full >= 0).mean() < 0.13
    assert np.array_equal(sparse.read(Window(13, 9, 40, 30)), full[9:39, 13:53])
    assert not np.array_equal(SparseLabels(dense, parse_sparse("points:0.1"), seed=2).read(FULL), full)


def test_sparse_scribbles_are_thin_lines_inside_regions(tmp_path):
    array = np.zeros((80, 100), dtype=np.uint8)
    array[10:70, 10:45], array[10:70, 55:90] = 1, 2
    dense = RasterLabels(_label_raster(tmp_path / "s.tif", array), GRID)
    scribbles = SparseLabels(dense, parse_sparse("scribbles"), seed=0).read(FULL)
    kept = scribbles >= 0
    assert 0 < kept.sum() < 0.1 * (array > 0).sum()
    assert set(np.unique(scribbles[kept])) == {0, 1}
    assert np.all(dense.read(FULL)[kept] == scribbles[kept])


@pytest.mark.parametrize("text", ["lines:0.1", "points:2", "points:x"])
def test_bad_sparse_specs(text):
    with pytest.raises(InputError):
        parse_sparse(text)


def test_class_scheme_file_and_nodata_code(tmp_path):
    path = tmp_path / "scheme.json"
    path.write_text(json.dumps([{"code": 254, "name": "cloud", "color": "#ffffff"}, {"code": 0, "name": "x"}]))
    scheme = ClassScheme.load(str(path))
    assert scheme.names == ["cloud", "x"] and scheme.colours[0] == (255, 255, 255)
    assert scheme.nodata_code == 255
    with pytest.raises(InputError, match="0 to 254"):
        ClassScheme.from_codes([255])
    with pytest.raises(InputError, match="neither a preset"):
        ClassScheme.load(str(tmp_path / "missing.json"))
