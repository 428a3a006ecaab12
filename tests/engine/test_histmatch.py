"""Histogram matching: CDFs match the reference, skimage equivalence, nodata, types, streaming, errors."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import rasterio
import torch
from conftest import files_in, run_process
from rasterio.enums import ColorInterp
from rasterio.transform import from_origin
from skimage.exposure import match_histograms

from landcover_core.errors import Cancelled
from landcover_core.progress import CancelToken, Reporter
from landcover_core.radiometry.histograms import SAMPLE_SIZE, RasterHistogram, array_histogram, compute_histogram
from landcover_core.radiometry.matching import HistogramMatcher, match_raster

TRANSFORM = from_origin(500000.0, 4500000.0, 10.0, 10.0)


def write(path: Path, array: np.ndarray, **profile) -> Path:
    """A GeoTIFF of a (C, H, W) array (EPSG:32633, 10 m pixels) with extra creation options."""
    options = dict(driver="GTiff", width=array.shape[2], height=array.shape[1], count=array.shape[0],
                   dtype=array.dtype, crs="EPSG:32633", transform=TRANSFORM)
    with rasterio.open(path, "w", **{**options, **profile}) as dst:
        dst.write(array)
    return path


def read(path: Path) -> np.ndarray:
    with rasterio.open(path) as src:
        return src.read()


def integer_image(rng: np.random.Generator, shape: tuple[int, ...], mean: float, spread: float, dtype: str,
                  skew: bool = False) -> np.ndarray:
    """Smooth-ish random values of many distinct levels (normal, or gamma when ``skew``)."""
    values = rng.gamma(3.0, spread, shape) if skew else rng.normal(mean, spread, shape)
    info = np.iinfo(dtype)
    return np.clip(np.rint(values), info.min, info.max).astype(dtype)


def max_cdf_difference(a: np.ndarray, b: np.ndarray) -> float:
    """Largest difference between the empirical CDFs of two 1-D samples, at every value either holds."""
    points = np.union1d(a, b)
    cdf_a = np.searchsorted(np.sort(a), points, side="right") / a.size
    cdf_b = np.searchsorted(np.sort(b), points, side="right") / b.size
    return float(np.max(np.abs(cdf_a - cdf_b)))


@pytest.fixture(scope="module")
def rgb(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, np.ndarray, np.ndarray]:
    """A tiled uint8 source (nodata 0, a nodata square) and an untiled reference with a skewed distribution."""
    rng = np.random.default_rng(5)
    folder = tmp_path_factory.mktemp("histmatch")
    source = integer_image(rng, (3, 150, 200), 90, 25, "uint8")
    source = np.maximum(source, 1)  # 0 is nodata
    source[:, 20:60, 30:80] = 0
    reference = np.maximum(integer_image(rng, (3, 120, 130), 0, 25, "uint8", skew=True), 1)
    src = write(folder / "source.tif", source, nodata=0, tiled=True, blockxsize=32, blockysize=32,
                photometric="RGB")
    ref = write(folder / "reference.tif", reference, nodata=0)
    return src, ref, source, reference


def test_cli_matches_reference_cdf_keeps_nodata_and_layout(rgb, tmp_path: Path, run) -> None:
    src, ref, source, reference = rgb
    out, plot = tmp_path / "matched.tif", tmp_path / "histograms.png"
    code, stdout, stderr = run("histmatch", "--image", src, "--reference", ref, "--out", out, "--plot", plot, "--quiet")
    assert code == 0, stderr
    assert f"raster: {out}" in stdout and plot.stat().st_size > 1000
    result = read(out)
    valid = source[0] != 0
    assert np.array_equal(result[:, ~valid], source[:, ~valid])  # nodata untouched
    for band in range(3):
        assert max_cdf_difference(result[band][valid], reference[band].ravel()) < 0.02
        assert max_cdf_difference(source[band][valid], reference[band].ravel()) > 0.3
    with rasterio.open(src) as a, rasterio.open(out) as b:
        assert (b.crs, b.transform, b.nodata, b.dtypes, b.count) == (a.crs, a.transform, a.nodata, a.dtypes, a.count)
        assert b.block_shapes == a.block_shapes and b.profile["tiled"]
        assert b.colorinterp == (ColorInterp.red, ColorInterp.green, ColorInterp.blue)
        assert b.compression.name == "deflate"
    assert files_in(tmp_path) == {"matched.tif", "histograms.png"}


def test_equals_skimage_on_uint8() -> None:
    rng = np.random.default_rng(11)
    source = integer_image(rng, (3, 64, 80), 100, 30, "uint8")
    reference = integer_image(rng, (3, 50, 70), 0, 30, "uint8", skew=True)
    matcher = HistogramMatcher.fit(array_histogram(source), array_histogram(reference))
    ours = matcher.apply(source)
    theirs = match_histograms(source, reference, channel_axis=0)
    assert ours.dtype == np.uint8
    assert np.abs(ours.astype(int) - theirs.astype(int)).max() <= 1  # skimage truncates where we round


def test_raster_path_equals_skimage_and_ignores_reference_nodata(tmp_path: Path) -> None:
    """A reference with a large nodata area of value 0: counting it would push dark values everywhere."""
    rng = np.random.default_rng(2)
    source = np.maximum(integer_image(rng, (2, 90, 70), 120, 20, "uint8"), 1)
    reference = np.maximum(integer_image(rng, (2, 80, 80), 80, 15, "uint8"), 1)
    with_nodata = reference.copy()
    with_nodata[:, :40, :] = 0
    src = write(tmp_path / "s.tif", source, nodata=0)
    ref = write(tmp_path / "r.tif", with_nodata, nodata=0)
    match_raster(src, ref, tmp_path / "out.tif")
    theirs = match_histograms(source, reference[:, 40:, :], channel_axis=0)
    assert np.abs(read(tmp_path / "out.tif").astype(int) - theirs).max() <= 1


def test_streaming_windows_smaller_than_raster_give_the_same_result(rgb, tmp_path: Path) -> None:
    src, ref, _, _ = rgb
    small = match_raster(src, ref, tmp_path / "small.tif", window=40)  # 32 px blocks: 32 px windows
    large = match_raster(src, ref, tmp_path / "large.tif", window=4096)
    assert np.array_equal(read(tmp_path / "small.tif"), read(tmp_path / "large.tif"))
    assert small["summary"] == large["summary"]
    assert compute_histogram(src, window=32) == compute_histogram(src, window=1024)


def test_uint16_strips_and_unselected_band(tmp_path: Path) -> None:
    """uint16, a striped layout, and a fourth band left out of the matching (copied unchanged)."""
    rng = np.random.default_rng(4)
    source = integer_image(rng, (4, 130, 90), 3000, 600, "uint16")
    reference = integer_image(rng, (2, 100, 100), 0, 500, "uint16", skew=True)
    src = write(tmp_path / "s.tif", source, nodata=65535, blockysize=8)
    ref = write(tmp_path / "r.tif", reference)
    result = match_raster(src, ref, tmp_path / "out.tif", bands=[3, 1], window=24)
    matched = read(tmp_path / "out.tif")
    assert matched.dtype == np.uint16
    assert np.array_equal(matched[[1, 3]], source[[1, 3]])
    assert max_cdf_difference(matched[2].ravel(), reference[0].ravel()) < 0.02
    assert max_cdf_difference(matched[0].ravel(), reference[1].ravel()) < 0.02
    assert [b["band"] for b in result["summary"]["bands"]] == [3, 1]
    with rasterio.open(src) as a, rasterio.open(tmp_path / "out.tif") as b:
        assert not b.profile.get("tiled") and b.block_shapes == a.block_shapes and b.nodata == 65535


def test_uint16_source_with_uint8_reference(tmp_path: Path) -> None:
    rng = np.random.default_rng(6)
    source = integer_image(rng, (1, 80, 80), 2000, 400, "uint16")
    reference = integer_image(rng, (1, 60, 60), 120, 30, "uint8")
    match_raster(write(tmp_path / "s.tif", source), write(tmp_path / "r.tif", reference), tmp_path / "o.tif")
    matched = read(tmp_path / "o.tif")
    assert matched.dtype == np.uint16 and matched.max() <= 255
    assert max_cdf_difference(matched.ravel(), reference.ravel()) < 0.02


def test_float32_with_nan_and_sampled_quantiles(tmp_path: Path) -> None:
    """Float rasters: NaN nodata kept, quantile matching, a sample that is window-independent."""
    rng = np.random.default_rng(8)
    side = int(np.sqrt(SAMPLE_SIZE)) + 100  # more pixels than the sample holds
    source = rng.normal(0.3, 0.1, (1, side, side)).astype(np.float32)
    source[0, :10, :10] = np.nan
    reference = rng.gamma(2.0, 0.1, (1, 200, 210)).astype(np.float32)
    src = write(tmp_path / "s.tif", source, nodata=np.nan, tiled=True, blockxsize=64, blockysize=64)
    ref = write(tmp_path / "r.tif", reference)
    sampled = compute_histogram(src, window=128)
    assert sampled == compute_histogram(src, window=4096)
    assert sampled.histograms[0].pixels == source[0].size - 100
    match_raster(src, ref, tmp_path / "o.tif", window=256)
    matched = read(tmp_path / "o.tif")
    assert matched.dtype == np.float32 and np.isnan(matched[0, :10, :10]).all()
    values = matched[np.isfinite(matched)]
    assert max_cdf_difference(values, reference.ravel()) < 0.01
    assert np.allclose(np.quantile(values, [0.05, 0.5, 0.95]), np.quantile(reference, [0.05, 0.5, 0.95]), atol=0.005)


def test_to_dict_round_trip_through_torch_weights_only(rgb, tmp_path: Path) -> None:
    src, _, _, _ = rgb
    rng = np.random.default_rng(1)
    floats = array_histogram(rng.normal(size=(2, 40, 40)).astype(np.float32), name="floats.tif")
    for histogram in (compute_histogram(src), floats):
        data = histogram.to_dict()
        torch.save({"histmatch": data}, tmp_path / "model.pt")
        loaded = torch.load(tmp_path / "model.pt", weights_only=True)["histmatch"]
        assert loaded == data
        assert RasterHistogram.from_dict(loaded) == histogram


def test_stored_reference_matches_like_the_raster(rgb, tmp_path: Path) -> None:
    """The model-file case: only the reference's histogram is at hand when matching."""
    src, ref, _, _ = rgb
    stored = RasterHistogram.from_dict(compute_histogram(ref).to_dict())
    match_raster(src, stored, tmp_path / "a.tif")
    match_raster(src, ref, tmp_path / "b.tif")
    assert np.array_equal(read(tmp_path / "a.tif"), read(tmp_path / "b.tif"))


@pytest.mark.parametrize("dtype", ["uint8", "uint16", "int16"])
def test_apply_on_float32_tiles_equals_the_lookup_table(dtype: str) -> None:
    rng = np.random.default_rng(3)
    source = integer_image(rng, (2, 40, 50), 100, 40, dtype)
    reference = integer_image(rng, (2, 40, 40), 50, 20, dtype, skew=True)
    matcher = HistogramMatcher.fit(array_histogram(source), array_histogram(reference))
    valid = np.ones(source.shape[1:], bool)
    valid[:5] = False
    tile = source.astype(np.float32)
    tile[:, :5] = np.nan  # invalid pixels may hold anything
    matched = matcher.apply(tile, valid)
    expected = matcher.apply(source)
    assert matched.dtype == np.float32
    assert np.array_equal(matched[:, 5:], expected[:, 5:].astype(np.float32))
    assert np.isnan(matched[:, :5]).all()


def test_constant_source_band_maps_to_the_reference_median(tmp_path: Path, run) -> None:
    rng = np.random.default_rng(9)
    source = integer_image(rng, (2, 40, 40), 100, 20, "uint8")
    source[1] = 77
    reference = integer_image(rng, (2, 50, 50), 60, 10, "uint8")
    reference[0] = 42  # constant reference: everything maps to it
    out = tmp_path / "out.tif"
    code, _, stderr = run("histmatch", "--image", write(tmp_path / "s.tif", source), "--reference",
                          write(tmp_path / "r.tif", reference), "--out", out, "--quiet")
    assert code == 0, stderr
    matched = read(out)
    assert (matched[0] == 42).all()
    assert (matched[1] == np.sort(reference[1].ravel())[(reference[1].size - 1) // 2]).all()


def test_child_process_json_events(rgb, tmp_path: Path) -> None:
    src, ref, _, _ = rgb
    out = tmp_path / "out.tif"
    code, events, stderr = run_process("histmatch", "--image", src, "--reference", ref, "--out", out,
                                       "--bands", "1,2,3", "--reference-bands", "3,2,1", timeout=120)
    assert code == 0, stderr
    result = events[-1]
    assert result["event"] == "result" and result["outputs"] == {"raster": str(out)}
    bands = result["summary"]["bands"]
    assert [b["reference_band"] for b in bands] == [3, 2, 1]
    assert all(b["cdf_distance_after"] < 0.02 < b["cdf_distance_before"] for b in bands)
    assert {e["stage"] for e in events if e["event"] == "progress"} == {"statistics", "matching"}


def _all_nodata(folder: Path) -> Path:
    return write(folder / "empty.tif", np.zeros((3, 30, 30), np.uint8), nodata=0)


@pytest.mark.parametrize("case", ["bands", "nodata_reference", "nodata_source", "output_is_input", "wide_reference",
                                  "band_range"])
def test_bad_input_exits_2_naming_the_file(rgb, tmp_path: Path, run, case: str) -> None:
    src, ref, _, _ = rgb
    out = tmp_path / "out.tif"
    options = {"--image": src, "--reference": ref, "--out": out}
    named = src
    if case == "bands":
        options["--reference-bands"] = "1,2"
        named = ref
    elif case == "nodata_reference":
        options["--reference"] = named = _all_nodata(tmp_path)
    elif case == "nodata_source":
        options["--image"] = named = _all_nodata(tmp_path)
    elif case == "output_is_input":
        options["--out"] = named = out = ref
    elif case == "wide_reference":
        wide = np.full((3, 20, 20), 1000, np.uint16)
        wide[:, :10] = 300
        options["--reference"] = named = write(tmp_path / "wide.tif", wide)
    else:
        options["--bands"] = "1,4"
    before = files_in(tmp_path)
    code, _, stderr = run("histmatch", *[x for item in options.items() for x in item], "--quiet")
    assert code == 2
    assert str(named) in stderr, stderr
    assert files_in(tmp_path) == before
    if case == "output_is_input":
        assert np.array_equal(read(ref), read(rgb[1]))


class CancelWhileWriting(Reporter):
    """Requests cancellation (as SIGINT does) after a few windows have been written."""

    def track(self, items, total, stage, message=""):
        for done, item in enumerate(super().track(items, total, stage, message)):
            if stage == "matching" and done == 2:
                self.cancel.cancel()
            yield item


def test_cancellation_leaves_no_file(rgb, tmp_path: Path) -> None:
    src, ref, _, _ = rgb
    reporter = CancelWhileWriting(quiet=True, cancel=CancelToken())
    with pytest.raises(Cancelled):
        match_raster(src, ref, tmp_path / "out.tif", reporter=reporter, window=32)
    assert files_in(tmp_path) == set()
