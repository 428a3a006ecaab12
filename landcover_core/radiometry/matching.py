"""Histogram matching: make a raster's per-band value distribution match a reference's (issue #8).

The distributions come from :mod:`landcover_core.radiometry.histograms`; this module maps one onto the other
(:class:`HistogramMatcher`, :func:`build_mapping`) and writes whole matched GeoTIFFs (:func:`match_raster`).

Special cases, by design:

* A constant source band (one distinct valid value) maps to the reference's median (the CDF of a
  single value is a step, and any one quantile of the reference would do; the median is the most
  representative).
* A constant reference band maps every valid source value to that constant.
* The output keeps the source's data type: values are mapped into the reference's value range, then
  rounded and clipped for integer types. A reference whose values the source type cannot hold (a
  uint16 reference for a uint8 source with values above 255) is refused with an :class:`InputError`
  rather than clipped, which would silently pile values up at the type's limit. The reverse is not
  refused: a float reference of reflectances in 0..1 for a uint16 source gives a source of 0s and 1s.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import rasterio
from rasterio.enums import Resampling

from landcover_core.common.raster import open_raster, resolve_bands
from landcover_core.errors import InputError
from landcover_core.outputs.files import atomic_output, check_output_path
from landcover_core.progress import Reporter
from landcover_core.radiometry.histograms import (
    COUNTS,
    GDAL_STREAM_ENV,
    WINDOW,
    BandHistogram,
    RasterHistogram,
    cdf_distance,
    compute_histogram,
    read_native,
    scan_dataset,
    stream_windows,
)


# -- matching -------------------------------------------------------------------------------------------
def _dtype_range(dtype: np.dtype) -> tuple[float, float]:
    """The smallest and largest value of a numeric type."""
    if dtype.kind in "iu":
        integers = np.iinfo(dtype)
        return float(integers.min), float(integers.max)
    floats = np.finfo(dtype)
    return float(floats.min), float(floats.max)


def _cast(values: np.ndarray, dtype: np.dtype) -> np.ndarray:
    """Values in ``dtype``: rounded and clipped for integer types."""
    if dtype.kind in "iu":
        low, high = _dtype_range(dtype)
        return np.clip(np.rint(values), low, high).astype(dtype)
    return values.astype(dtype)


@dataclass(frozen=True)
class BandMapping:
    """Source value -> matched value for one band.

    Either a lookup table (``lut[value - offset]``, 8/16-bit integer sources) or knots of a
    piecewise-linear map (``np.interp(value, xs, ys)``, other sources). Results are in ``dtype``,
    the source's data type.
    """

    dtype: str
    lut: np.ndarray | None = None
    offset: int = 0
    xs: np.ndarray | None = None
    ys: np.ndarray | None = None

    def __call__(self, band: np.ndarray) -> np.ndarray:
        """Maps an (H, W) band of source values, in any numeric type (float32 tiles included)."""
        if self.lut is not None:
            if band.dtype.kind in "iu" and band.dtype.itemsize <= 2 and band.dtype == np.dtype(self.dtype):
                index = band.astype(np.intp) - self.offset if self.offset else band
            else:  # e.g. a float32 tile holding integer values: round and clip into the table
                # fmax/fmin (not clip) send NaN to the table's first entry instead of an invalid index.
                index = np.fmin(np.fmax(np.rint(band), self.offset), self.offset + len(self.lut) - 1)
                index = index.astype(np.intp) - self.offset
            return self.lut[index]
        if self.xs is None or self.ys is None:
            raise ValueError("a BandMapping needs a lookup table or interpolation knots")
        return _cast(np.interp(band, self.xs, self.ys), np.dtype(self.dtype))

    def transform(self, source: BandHistogram) -> BandHistogram:
        """The distribution of the mapped source (exact: a monotone map moves counts and quantiles)."""
        values = np.asarray(source.values)
        mapped = self(values)
        if source.kind == COUNTS:
            unique, inverse = np.unique(mapped, return_inverse=True)
            counts = np.bincount(inverse.ravel(), weights=np.asarray(source.counts, np.float64))
            return BandHistogram.from_counts(self.dtype, unique, counts.astype(np.int64))
        return BandHistogram.from_quantiles(self.dtype, mapped.astype(np.float64), source.pixels)


def build_mapping(source: BandHistogram, reference: BandHistogram, source_name: str = "source",
                  reference_name: str = "reference", band: int | None = None) -> BandMapping:
    """The map that gives ``source`` the distribution of ``reference``, in the source's data type.

    Integer sources of 8/16 bits get a lookup table over their whole type's range, equal to
    ``skimage.exposure.match_histograms`` up to rounding; others get the exact composition of the
    source CDF and the reference's inverse CDF (both piecewise linear) as interpolation knots.

    Raises:
        InputError: an integer source type that cannot hold the reference's values.
    """
    dtype = np.dtype(source.dtype)
    ref_values, ref_cdf = reference.support()
    low, high = _dtype_range(dtype)
    if ref_values[0] < low - 0.5 or ref_values[-1] > high + 0.5:
        raise InputError(
            f"The {reference_name} has values from {ref_values[0]:g} to {ref_values[-1]:g}"
            f"{f' in band {band}' if band else ''}, which the {source_name}'s data type {dtype.name} cannot hold. "
            f"Convert the {source_name} to a wider type (e.g. gdal_translate -ot Float32) or use a reference of "
            "the same type.")
    src_values, support_cdf = source.support()
    # A constant band's CDF is one step: it maps to the reference's median.
    src_cdf: np.ndarray | None = None if len(src_values) == 1 else support_cdf
    target = np.array([reference.quantile(0.5)])
    if source.kind == COUNTS:
        lut_low, lut_high = (int(v) for v in _dtype_range(dtype))
        if src_cdf is None:
            lut = np.full(lut_high - lut_low + 1, target[0])
        else:
            # skimage: every value of the type's range gets the inclusive CDF of the values <= it.
            full = np.zeros(lut_high - lut_low + 1)
            full[src_values.astype(np.int64) - lut_low] = np.asarray(source.counts, np.float64)
            lut = np.interp(np.cumsum(full) / full.sum(), ref_cdf, ref_values)
        return BandMapping(dtype.name, lut=_cast(lut, dtype), offset=lut_low)
    if src_cdf is None:
        return BandMapping(dtype.name, xs=src_values, ys=target)
    # Knots of the composition: the source's, plus where the source CDF reaches a reference knot.
    xs = np.union1d(src_values, np.interp(ref_cdf, src_cdf, src_values))
    ys = np.interp(np.interp(xs, src_values, src_cdf), ref_cdf, ref_values)
    return BandMapping(dtype.name, xs=xs, ys=ys)


class HistogramMatcher:
    """Band mappings that match a source raster to a reference, applied window by window."""

    def __init__(self, mappings: Sequence[BandMapping]) -> None:
        self.mappings = list(mappings)

    @classmethod
    def fit(cls, source: RasterHistogram, reference: RasterHistogram) -> HistogramMatcher:
        """Mappings for each band pair (``source.bands[i]`` to ``reference.bands[i]``).

        Raises:
            InputError: different numbers of bands, or a reference the source type cannot hold.
        """
        if len(source.bands) != len(reference.bands):
            raise InputError(
                f"The source {source.source} (bands {list(source.bands)}) and the reference {reference.source} "
                f"(bands {list(reference.bands)}) have different numbers of bands; choose as many bands of each "
                "(--bands, --reference-bands).")
        return cls([build_mapping(s, r, f"source {source.source}", f"reference {reference.source}", band)
                    for s, r, band in zip(source.histograms, reference.histograms, source.bands, strict=True)])

    def apply(self, array: np.ndarray, valid: np.ndarray | None = None) -> np.ndarray:
        """Maps a (C, H, W) window of the source's bands; pixels where ``valid`` is False keep their values.

        ``array`` may be in the source's type or float32 (as ``read_window`` gives; integer sources are
        rounded and clipped into their lookup table). The result has ``array``'s type.
        """
        if len(array) != len(self.mappings):
            raise ValueError(f"{len(array)} bands given, {len(self.mappings)} expected")
        everything = valid is None or bool(valid.all())  # skip the selection where nothing is masked
        out = np.empty_like(array)
        for i, mapping in enumerate(self.mappings):
            mapped = mapping(array[i])
            out[i] = mapped if everything or valid is None else np.where(valid, mapped, array[i])
        return out

    def transform(self, source: RasterHistogram) -> RasterHistogram:
        """The distributions the source will have once matched."""
        return RasterHistogram(source.source, source.bands,
                               tuple(m.transform(h) for m, h in zip(self.mappings, source.histograms, strict=True)))


def matcher_for_raster(path: str | Path, reference: RasterHistogram, bands: Sequence[int] | None = None,
                       reporter: Reporter | None = None, window: int = WINDOW) -> HistogramMatcher:
    """Scans a new source raster and fits it to a stored reference (the model-file case)."""
    return HistogramMatcher.fit(compute_histogram(path, bands, reporter, window, "source"), reference)


# -- whole rasters --------------------------------------------------------------------------------------
def match_raster(source: str | Path, reference: str | Path | RasterHistogram, out: str | Path,
                 bands: Sequence[int] | None = None, reference_bands: Sequence[int] | None = None,
                 plot: str | Path | None = None, reporter: Reporter | None = None,
                 window: int = WINDOW) -> dict[str, Any]:
    """Writes ``source`` with its selected bands matched to ``reference`` (a raster or a stored histogram).

    Streaming: one pass for the source's statistics (and one for the reference raster's), one pass
    mapping and writing windows. The output keeps the source's type, CRS, transform, nodata, bands
    (unselected ones copied unchanged), colour interpretation and block layout; it is written under a
    temporary name and renamed when complete (no file is left on error or cancellation).

    Returns:
        ``{"outputs": {"raster", "plot"}, "summary": {...}}``; the summary has per band the mean and median
        of source, reference and result and the largest CDF distance to the reference before and after.
    """
    reporter = reporter or Reporter(quiet=True)
    inputs = [source] + ([] if isinstance(reference, RasterHistogram) else [reference])
    out = check_output_path(out, inputs)
    if plot is not None:
        plot = check_output_path(plot, inputs)
        if plot.resolve() == out.resolve():
            raise InputError(f"The plot and the output raster are both {out}; give them different names.")
    with open_raster(source, "source") as dataset:
        selected = resolve_bands(dataset, bands)
        ref_hist = _reference_histogram(reference, reference_bands, dataset.name, selected, reporter, window)
        src_hist = scan_dataset(dataset, selected, reporter, window, "source")
        matcher = HistogramMatcher.fit(src_hist, ref_hist)
        with atomic_output(out) as tmp:
            _write_matched(dataset, selected, matcher, tmp, reporter, window)
    result_hist = matcher.transform(src_hist)
    if plot is not None:
        from landcover_core.radiometry.plot import plot_histograms

        plot_histograms(src_hist, ref_hist, result_hist, plot)
    return {"outputs": {"raster": str(out), "plot": str(plot) if plot else None},
            "summary": match_summary(src_hist, ref_hist, result_hist)}


def _reference_histogram(reference: str | Path | RasterHistogram, bands: Sequence[int] | None, source: str,
                         source_bands: list[int], reporter: Reporter, window: int) -> RasterHistogram:
    """The reference's distribution, after checking its band count against the source's (before any long scan)."""
    if isinstance(reference, RasterHistogram):
        if bands is not None:
            raise InputError("Reference bands apply to a reference raster, not to a stored histogram.")
        name, selected = reference.source, list(reference.bands)
    else:
        with open_raster(reference, "reference") as dataset:
            name, selected = dataset.name, resolve_bands(dataset, bands)
    if len(selected) != len(source_bands):
        raise InputError(
            f"The source {source} (bands {source_bands}) and the reference {name} (bands {selected}) have "
            "different numbers of bands; choose as many bands of each (--bands, --reference-bands).")
    if isinstance(reference, RasterHistogram):
        return reference
    return compute_histogram(reference, selected, reporter, window, "reference")


def output_profile(dataset: rasterio.DatasetReader) -> dict[str, Any]:
    """The source's profile for the output: same blocks (tiles or strips), deflate-compressed."""
    profile = dict(dataset.profile)
    for key in ("blockxsize", "blockysize", "tiled", "compress", "photometric", "predictor"):
        profile.pop(key, None)
    block_h, block_w = dataset.block_shapes[0]
    floating = np.dtype(dataset.dtypes[0]).kind == "f"
    profile.update(driver="GTiff", compress="deflate", predictor=3 if floating else 2, BIGTIFF="IF_SAFER")
    if dataset.profile.get("tiled"):
        profile.update(tiled=True, blockxsize=block_w, blockysize=block_h)
    else:
        profile.update(tiled=False, blockysize=block_h)
    return profile


def _write_matched(dataset: rasterio.DatasetReader, bands: list[int], matcher: HistogramMatcher, path: Path,
                   reporter: Reporter, window: int) -> None:
    """Maps the selected bands window by window; other bands are copied unchanged."""
    windows = stream_windows(dataset, window)
    selected = [i for i in range(dataset.count) if i + 1 in bands]
    order = [bands.index(i + 1) for i in selected]  # position of each output band in the matcher
    with rasterio.Env(**GDAL_STREAM_ENV), rasterio.open(path, "w", **output_profile(dataset)) as dst:
        _copy_metadata(dataset, dst)
        for win in reporter.track(windows, len(windows), "matching", f"matching {Path(dataset.name).name}"):
            data, valid = read_native(dataset, bands, win)
            matched = matcher.apply(data, valid)
            if order == list(range(dataset.count)):  # every band, in order
                block = matched
            else:
                block = dataset.read(window=win) if len(bands) < dataset.count else np.empty_like(matched)
                for i, j in zip(selected, order, strict=True):
                    block[i] = matched[j]
            dst.write(block, window=win)
        if dataset.overviews(1):
            dst.build_overviews(dataset.overviews(1), Resampling.average)


def _copy_metadata(dataset: rasterio.DatasetReader, dst: rasterio.io.DatasetWriter) -> None:
    dst.colorinterp = dataset.colorinterp
    dst.update_tags(**dataset.tags())
    for i in range(1, dataset.count + 1):
        if dataset.descriptions[i - 1]:
            dst.set_band_description(i, dataset.descriptions[i - 1])
        if dataset.units[i - 1]:
            dst.set_band_unit(i, dataset.units[i - 1])
        dst.update_tags(i, **dataset.tags(i))


def match_summary(source: RasterHistogram, reference: RasterHistogram, result: RasterHistogram) -> dict[str, Any]:
    """Per band: mean and median of source, reference and result; largest CDF distance before and after."""
    per_band = []
    for band, ref_band, src, ref, res in zip(source.bands, reference.bands, source.histograms,
                                             reference.histograms, result.histograms, strict=True):
        per_band.append({
            "band": band, "reference_band": ref_band,
            **{f"{name}_mean": h.mean() for name, h in (("source", src), ("reference", ref), ("result", res))},
            **{f"{name}_median": h.quantile(0.5) for name, h in (("source", src), ("reference", ref), ("result", res))},
            "cdf_distance_before": cdf_distance(src, ref), "cdf_distance_after": cdf_distance(res, ref),
            "constant_source": src.distinct() == 1,
        })
    return {"source": source.source, "reference": reference.source, "bands": per_band}
