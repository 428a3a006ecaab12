"""Histogram matching: make a raster's per-band value distribution match a reference's (issue #8).

Three steps, each usable alone (``train``/``predict`` store the reference in the model file and
match every new scene to it, tile by tile):

1. :func:`compute_histogram`: the distribution of selected bands of a raster, by streaming windows
   (memory is bounded by the window, never the raster), ignoring nodata, masked and non-finite
   pixels. The result, a :class:`RasterHistogram`, is plain data (:meth:`RasterHistogram.to_dict`)
   that survives ``torch.save`` and ``torch.load(weights_only=True)``.
2. :class:`HistogramMatcher.fit` (or :func:`build_mapping` per band): maps each source value's
   quantile to the reference's value at the same quantile.
3. :meth:`HistogramMatcher.apply`: maps a (C, H, W) window; :func:`match_raster` does all three for a
   whole GeoTIFF.

Distributions:

* 8- and 16-bit integer bands keep exact per-value counts. Matching them builds a lookup table equal
  to ``skimage.exposure.match_histograms`` (each source value's inclusive CDF is interpolated
  linearly in the reference's CDF over its distinct values), rounded to the nearest integer where
  skimage truncates.
* Other bands (floats, 32-bit integers) keep :data:`QUANTILES` quantiles of a sample of at most
  :data:`SAMPLE_SIZE` valid pixels per band. The sample is the pixels with the smallest values of a
  fixed hash of their position (seeded), so it is deterministic and does not depend on the window
  size; a band with no more valid pixels than that is used whole. The CDF is piecewise linear between
  quantiles, so matching is piecewise-linear interpolation (CDF error about ``1/sqrt(SAMPLE_SIZE)``).

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
from rasterio.windows import Window

from landcover_core.errors import InputError
from landcover_core.files import atomic_output, check_output_path
from landcover_core.progress import Reporter
from landcover_core.raster import open_raster, resolve_bands, valid_pixels

#: Quantile points kept per band for float (and 32/64-bit integer) data.
QUANTILES = 4096
#: Most pixels sampled per band to compute those quantiles (about 4 MB per band while scanning).
SAMPLE_SIZE = 2**18
#: Seed of the pixel-position hash that picks the sample.
SAMPLE_SEED = 8
#: Target window side in pixels for streaming (rounded to whole blocks of the raster).
WINDOW = 1024
#: GDAL block cache while streaming: windows are made of whole blocks, each read and written once, so the
#: cache only needs to hold a window's blocks (GDAL's default, 5% of RAM, would grow with the raster).
GDAL_STREAM_ENV = {"GDAL_CACHEMAX": 16 * 1024 * 1024}
#: Version of :meth:`RasterHistogram.to_dict`'s layout.
FORMAT_VERSION = 1

COUNTS, QUANTILE = "counts", "quantiles"


def exact_dtype(dtype: str | np.dtype) -> bool:
    """Whether a data type keeps exact per-value counts (8- and 16-bit integers)."""
    dtype = np.dtype(dtype)
    return dtype.kind in "iu" and dtype.itemsize <= 2


# -- distributions -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class BandHistogram:
    """The distribution of one band's valid pixels.

    Attributes:
        dtype: numpy name of the band's data type (``"uint8"``, ``"float32"``...).
        kind: ``"counts"`` (exact: distinct ``values`` and their ``counts``) or ``"quantiles"``
            (``values`` are quantiles at evenly spaced levels 0..1; ``counts`` is empty).
        values: distinct values (increasing) or quantile points (non-decreasing).
        counts: pixels per value (``"counts"`` only).
        pixels: valid pixels of the band.
    """

    dtype: str
    kind: str
    values: tuple[float, ...]
    counts: tuple[int, ...]
    pixels: int

    @classmethod
    def from_counts(cls, dtype: str, values: np.ndarray, counts: np.ndarray) -> BandHistogram:
        """An exact histogram: distinct values and their pixel counts."""
        keep = counts > 0
        return cls(dtype, COUNTS, tuple(values[keep].tolist()), tuple(int(c) for c in counts[keep]),
                   int(counts.sum()))

    @classmethod
    def from_quantiles(cls, dtype: str, quantiles: np.ndarray, pixels: int) -> BandHistogram:
        """A sampled distribution: evenly spaced quantiles of ``pixels`` valid pixels."""
        return cls(dtype, QUANTILE, tuple(float(q) for q in quantiles), (), int(pixels))

    def support(self) -> tuple[np.ndarray, np.ndarray]:
        """``(values, cdf)``: increasing distinct values and the fraction of pixels <= each (ends at 1)."""
        values = np.asarray(self.values, dtype=np.float64)
        if self.kind == COUNTS:
            counts = np.asarray(self.counts, dtype=np.float64)
            return values, np.cumsum(counts) / counts.sum()
        levels = np.linspace(0.0, 1.0, len(values))
        # Tied quantiles are one value whose CDF is the highest of its levels (right-continuous).
        last = np.r_[values[1:] != values[:-1], True]
        return values[last], levels[last]

    def cdf_at(self, x: np.ndarray) -> np.ndarray:
        """Fraction of pixels <= x: a step function for counts, piecewise linear for quantiles."""
        values, cdf = self.support()
        if self.kind == COUNTS:
            index = np.searchsorted(values, x, side="right") - 1
            return np.where(index >= 0, cdf[np.maximum(index, 0)], 0.0)
        return np.interp(x, values, cdf, left=0.0, right=1.0)

    def quantile(self, p: float) -> float:
        """The value at CDF level ``p`` (the lower median for ``p=0.5`` on counts)."""
        values, cdf = self.support()
        if self.kind == COUNTS:
            return float(values[min(int(np.searchsorted(cdf, p - 1e-12)), len(values) - 1)])
        return float(np.interp(p, np.linspace(0.0, 1.0, len(self.values)), self.values))

    def mean(self) -> float:
        """The mean value."""
        values = np.asarray(self.values, dtype=np.float64)
        if self.kind == COUNTS:
            return float(np.average(values, weights=np.asarray(self.counts, dtype=np.float64)))
        return float(np.mean((values[1:] + values[:-1]) / 2)) if len(values) > 1 else float(values[0])

    def distinct(self) -> int:
        """Distinct values (for quantiles: distinct quantile points)."""
        return len(self.support()[0])

    def to_dict(self) -> dict[str, Any]:
        """Plain data (str, int, float, lists) for the model file."""
        return {"dtype": self.dtype, "kind": self.kind, "values": list(self.values), "counts": list(self.counts),
                "pixels": self.pixels}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> BandHistogram:
        """The inverse of :meth:`to_dict`."""
        return cls(str(data["dtype"]), str(data["kind"]), tuple(float(v) for v in data["values"]),
                   tuple(int(c) for c in data["counts"]), int(data["pixels"]))


def cdf_distance(a: BandHistogram, b: BandHistogram) -> float:
    """Largest difference between two CDFs, at the values either distribution holds (Kolmogorov-Smirnov)."""
    points = np.union1d(a.support()[0], b.support()[0])
    return float(np.max(np.abs(a.cdf_at(points) - b.cdf_at(points))))


@dataclass(frozen=True)
class RasterHistogram:
    """Per-band distributions of a raster's selected bands; the reference stored in a model file.

    Attributes:
        source: the raster's path as it was opened (for messages).
        bands: 1-based band indices, one per histogram.
        histograms: one per band.
    """

    source: str
    bands: tuple[int, ...]
    histograms: tuple[BandHistogram, ...]

    def to_dict(self) -> dict[str, Any]:
        """Plain data only (str, int, float, lists, dicts): loadable with ``torch.load(weights_only=True)``."""
        return {"format_version": FORMAT_VERSION, "source": self.source, "bands": list(self.bands),
                "histograms": [h.to_dict() for h in self.histograms]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RasterHistogram:
        """The inverse of :meth:`to_dict` (raises InputError for damaged or newer data)."""
        try:
            if int(data.get("format_version", 0)) > FORMAT_VERSION:
                raise InputError(f"The histogram of {data.get('source')} has format {data['format_version']}, "
                                 f"newer than this landcover reads ({FORMAT_VERSION}); update landcover.")
            return cls(str(data["source"]), tuple(int(b) for b in data["bands"]),
                       tuple(BandHistogram.from_dict(h) for h in data["histograms"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise InputError(f"Stored histogram data is incomplete or damaged ({type(exc).__name__}: {exc}).") from None


# -- streaming statistics -------------------------------------------------------------------------------
def stream_windows(dataset: rasterio.DatasetReader, size: int = WINDOW) -> list[Window]:
    """Windows of whole blocks, about ``size``² pixels each: every block is read (and written) once, whole.

    Tiles: about ``size`` x ``size`` pixels; strips: whole strips, as many as make about ``size``² pixels.
    """
    block_h, block_w = dataset.block_shapes[0]
    if block_w >= dataset.width:
        rows, cols = max(block_h, size * size // dataset.width // block_h * block_h), dataset.width
    else:
        rows, cols = max(block_h, size // block_h * block_h), max(block_w, size // block_w * block_w)
    return [Window(col, row, min(cols, dataset.width - col), min(rows, dataset.height - row))
            for row in range(0, dataset.height, rows) for col in range(0, dataset.width, cols)]


def read_native(dataset: rasterio.DatasetReader, bands: Sequence[int], window: Window) -> tuple[np.ndarray, np.ndarray]:
    """Bands in their own data type (C, H, W) and the mask of pixels valid in all of them."""
    data = dataset.read(list(bands), window=window)
    return data, valid_pixels(dataset, bands, window, data)


def _position_keys(window: Window, width: int) -> np.ndarray:
    """A fixed pseudo-random 64-bit key per pixel (splitmix64 of its position): the sample takes the smallest."""
    rows = np.arange(window.row_off, window.row_off + window.height, dtype=np.uint64)[:, None]
    cols = np.arange(window.col_off, window.col_off + window.width, dtype=np.uint64)[None, :]
    z = rows * np.uint64(width) + cols + np.uint64(SAMPLE_SEED * 0x9E3779B97F4A7C15 % 2**64)
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return z ^ (z >> np.uint64(31))


class _Counts:
    """Exact per-value counts of an 8/16-bit integer band."""

    def __init__(self, dtype: np.dtype) -> None:
        info = np.iinfo(dtype)
        self.dtype, self.offset = dtype, int(info.min)
        self.counts = np.zeros(int(info.max) - int(info.min) + 1, dtype=np.int64)

    def add(self, values: np.ndarray, keys: np.ndarray | None) -> None:
        if self.offset:
            values = values.astype(np.int32) - self.offset
        self.counts += np.bincount(values.ravel(), minlength=len(self.counts))

    def result(self) -> BandHistogram:
        return BandHistogram.from_counts(self.dtype.name, np.arange(len(self.counts)) + self.offset, self.counts)


class _Sample:
    """A bounded sample of a band's values: those with the :data:`SAMPLE_SIZE` smallest position keys."""

    def __init__(self, dtype: np.dtype, size: int = SAMPLE_SIZE) -> None:
        self.dtype, self.size, self.pixels = dtype, size, 0
        self.keys = np.empty(0, dtype=np.uint64)
        self.values = np.empty(0, dtype=np.float64)
        self.limit: np.uint64 | None = None  # largest key kept once the sample is full

    def add(self, values: np.ndarray, keys: np.ndarray | None) -> None:
        assert keys is not None
        self.pixels += values.size
        if self.limit is not None:
            below = keys < self.limit
            values, keys = values[below], keys[below]
        self.keys = np.concatenate([self.keys, keys.ravel()])
        self.values = np.concatenate([self.values, values.ravel().astype(np.float64)])
        if len(self.keys) > 2 * self.size:  # trim now and then: amortised linear time
            self._trim()

    def _trim(self) -> None:
        if len(self.keys) > self.size:
            keep = np.argpartition(self.keys, self.size - 1)[:self.size]
            self.keys, self.values = self.keys[keep], self.values[keep]
            self.limit = self.keys.max()

    def result(self) -> BandHistogram:
        self._trim()
        quantiles = np.quantile(self.values, np.linspace(0.0, 1.0, QUANTILES))
        return BandHistogram.from_quantiles(self.dtype.name, quantiles, self.pixels)


def _accumulator(dtype: np.dtype) -> _Counts | _Sample:
    return _Counts(dtype) if exact_dtype(dtype) else _Sample(dtype)


def compute_histogram(path: str | Path, bands: Sequence[int] | None = None, reporter: Reporter | None = None,
                      window: int = WINDOW, what: str = "raster") -> RasterHistogram:
    """The distribution of a raster's bands, streaming by windows of whole blocks.

    Pixels count when valid in all selected bands (as :func:`landcover_core.raster.read_window` sees them).

    Args:
        path: the raster.
        bands: 1-based bands (default: all but alpha bands).
        reporter: progress and cancellation (default: quiet).
        window: window side in pixels (rounded to whole blocks).
        what: how messages name the raster ("source", "reference"...).

    Raises:
        InputError: unreadable raster, band out of range, or no valid pixel.
    """
    with open_raster(path, what) as dataset:
        return _scan(dataset, resolve_bands(dataset, bands), reporter or Reporter(quiet=True), window, what)


def _scan(dataset: rasterio.DatasetReader, bands: list[int], reporter: Reporter, window: int,
          what: str) -> RasterHistogram:
    name = dataset.name
    accumulators = [_accumulator(np.dtype(dataset.dtypes[band - 1])) for band in bands]
    windows = stream_windows(dataset, window)
    with rasterio.Env(**GDAL_STREAM_ENV):
        for win in reporter.track(windows, len(windows), "statistics", f"statistics of {Path(name).name}"):
            _accumulate(accumulators, *read_native(dataset, bands, win), win, dataset.width)
    return _finish(accumulators, name, bands, f"The {what} {dataset.name}")


def array_histogram(array: np.ndarray, valid: np.ndarray | None = None, name: str = "array",
                    bands: Sequence[int] | None = None) -> RasterHistogram:
    """The distribution of an in-memory (C, H, W) array, by the same rules as :func:`compute_histogram`.

    Args:
        array: the (C, H, W) bands.
        valid: (H, W) mask of the pixels to count (default: all finite pixels).
        name: how messages and the result name the data.
        bands: band numbers to record (default 1..C).
    """
    height, width = array.shape[1:]
    ok = np.all(np.isfinite(array), axis=0) if array.dtype.kind == "f" else np.ones((height, width), bool)
    accumulators = [_accumulator(array.dtype) for _ in array]
    _accumulate(accumulators, array, ok if valid is None else ok & valid, Window(0, 0, width, height), width)
    return _finish(accumulators, name, list(bands or range(1, len(array) + 1)), f"The {name}")


def _accumulate(accumulators: list[_Counts | _Sample], data: np.ndarray, valid: np.ndarray, window: Window,
                width: int) -> None:
    """Adds a window's valid pixels (``window`` and the raster's ``width`` place the sampling keys)."""
    everything = bool(valid.all())  # skip the copies of a boolean selection
    keys = None
    if any(isinstance(acc, _Sample) for acc in accumulators):
        keys = _position_keys(window, width)
        keys = keys.ravel() if everything else keys[valid]
    for acc, band in zip(accumulators, data, strict=True):
        acc.add(band.ravel() if everything else band[valid], keys)


def _finish(accumulators: list[_Counts | _Sample], name: str, bands: list[int], what: str) -> RasterHistogram:
    if _pixels(accumulators[0]) == 0:
        raise InputError(f"{what} has no valid pixel in band(s) {bands}: all are nodata, masked or not finite. "
                         "Check its nodata value and mask, or choose another raster.")
    return RasterHistogram(name, tuple(bands), tuple(acc.result() for acc in accumulators))


def _pixels(acc: _Counts | _Sample) -> int:
    return int(acc.counts.sum()) if isinstance(acc, _Counts) else acc.pixels


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
        src_hist = _scan(dataset, selected, reporter, window, "source")
        matcher = HistogramMatcher.fit(src_hist, ref_hist)
        with atomic_output(out) as tmp:
            _write_matched(dataset, selected, matcher, tmp, reporter, window)
    result_hist = matcher.transform(src_hist)
    if plot is not None:
        from landcover_core.histmatch_plot import plot_histograms

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
