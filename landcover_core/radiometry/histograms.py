"""Per-band value distributions of rasters, computed by streaming windows (for histogram matching, issue #8).

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
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import rasterio
from rasterio.windows import Window

from landcover_core.common.raster import open_raster, resolve_bands, valid_pixels
from landcover_core.errors import InputError
from landcover_core.progress import Reporter

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

    Pixels count when valid in all selected bands (as :func:`landcover_core.common.raster.read_window` sees them).

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
        return scan_dataset(dataset, resolve_bands(dataset, bands), reporter or Reporter(quiet=True), window, what)


def scan_dataset(dataset: rasterio.DatasetReader, bands: list[int], reporter: Reporter, window: int,
          what: str) -> RasterHistogram:
    """The distribution of ``bands`` of an open raster, by streaming windows of about ``window`` pixels."""
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
