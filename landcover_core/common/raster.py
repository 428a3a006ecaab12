"""Raster input: opening with clear errors, band selection, windowed reads with validity masks."""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import rasterio
from rasterio.enums import ColorInterp, MaskFlags
from rasterio.errors import RasterioIOError
from rasterio.windows import Window

from landcover_core.errors import InputError
from landcover_core.options import parse_bands

__all__ = [
    "default_bands", "inner_part", "iter_windows", "open_raster", "parse_bands", "read_window", "resolve_bands",
]


@contextmanager
def open_raster(path: str | Path, what: str = "raster") -> Iterator[rasterio.DatasetReader]:
    """Opens a raster for reading, turning GDAL's errors into a specific message.

    Raises:
        InputError: missing, unreadable, empty, or complex-valued (e.g. SAR SLC: no land-cover input).
    """
    path = Path(path)
    if not path.exists():
        raise InputError(f"The {what} {path} does not exist.")
    try:
        dataset = rasterio.open(path)
    except RasterioIOError as exc:
        raise InputError(f"The {what} {path} is not a readable raster ({exc}).") from None
    try:
        if dataset.width == 0 or dataset.height == 0 or dataset.count == 0:
            raise InputError(f"The {what} {path} is empty ({dataset.width}x{dataset.height}, {dataset.count} bands).")
        check_real_valued(dataset, what)
        yield dataset
    finally:
        dataset.close()


def check_real_valued(dataset: rasterio.DatasetReader, what: str = "raster") -> None:
    """Refuses complex-valued bands, which every computation here would silently cut to their real part.

    Raises:
        InputError: naming the file, the bands and their type.
    """
    complex_bands = [i + 1 for i, dtype in enumerate(dataset.dtypes) if np.dtype(dtype).kind == "c"]
    if complex_bands:
        raise InputError(
            f"The {what} {dataset.name} holds complex values ({dataset.dtypes[complex_bands[0] - 1]}, band(s) "
            f"{complex_bands}); give real-valued bands, e.g. the amplitude (gdal_translate -ot Float32 of a "
            "derived VRT, or gdal_calc.py with abs()).")


def default_bands(dataset: rasterio.DatasetReader) -> list[int]:
    """All bands except alpha bands (e.g. a constant 255 alpha band carries no information)."""
    bands = [i + 1 for i, ci in enumerate(dataset.colorinterp) if ci != ColorInterp.alpha]
    return bands or list(range(1, dataset.count + 1))


def resolve_bands(dataset: rasterio.DatasetReader, bands: Sequence[int] | None) -> list[int]:
    """Checks band indices against the raster, or picks the default bands."""
    if bands is None:
        return default_bands(dataset)
    for band in bands:
        if not 1 <= band <= dataset.count:
            raise InputError(
                f"Band {band} is out of range for {dataset.name}, which has {dataset.count} band(s) "
                f"(use 1..{dataset.count})."
            )
    return list(bands)


def inner_part(window: Window, height: int, width: int) -> tuple[Window, tuple[slice, slice]] | None:
    """The part of ``window`` inside a ``height`` x ``width`` grid, and where it lands in a window-sized array.

    Windows are read this way (inner part, then padding) rather than with rasterio's boundless reads,
    which go through a VRT (~5x slower) and are not available on a WarpedVRT.

    Returns:
        ``(inner window, (row slice, column slice))``, or None when the window lies wholly outside.
    """
    row, col = int(window.row_off), int(window.col_off)
    r0, c0 = max(row, 0), max(col, 0)
    r1, c1 = min(row + int(window.height), height), min(col + int(window.width), width)
    if r1 <= r0 or c1 <= c0:
        return None
    return Window(c0, r0, c1 - c0, r1 - r0), (slice(r0 - row, r1 - row), slice(c0 - col, c1 - col))


def read_window(
    dataset: rasterio.DatasetReader, bands: Sequence[int], window: Window
) -> tuple[np.ndarray, np.ndarray]:
    """Reads bands in a window (padded with zeros outside the raster).

    Returns:
        ``(image, valid)``: image float32 (C, H, W) and a boolean (H, W) mask that is False on nodata,
        masked (alpha) pixels, non-finite values and outside the raster.
    """
    image = np.zeros((len(bands), int(window.height), int(window.width)), dtype=np.float32)
    valid = np.zeros(image.shape[1:], dtype=bool)
    part = inner_part(window, dataset.height, dataset.width)
    if part is not None:
        inner, (rows, cols) = part
        with read_errors(dataset):
            pixels = dataset.read(list(bands), window=inner, out_dtype="float32")
            ok = valid_pixels(dataset, bands, inner, pixels)
        pixels[:, ~ok] = 0.0
        image[:, rows, cols] = pixels
        valid[rows, cols] = ok
    return image, valid


@contextmanager
def read_errors(dataset: rasterio.DatasetReader) -> Iterator[None]:
    """Turns a failed read of ``dataset`` into a clear error naming the file.

    Raises:
        InputError: the file is truncated or damaged, or a file it refers to (a VRT's source) is missing.
    """
    try:
        yield
    except RasterioIOError as exc:
        raise InputError(f"Cannot read {dataset.name}: the file is truncated or damaged, or a file it refers to is "
                         f"missing ({exc.__cause__ or exc}).") from None


def iter_windows(height: int, width: int, size: int) -> Iterator[Window]:
    """Non-overlapping windows of ``size`` covering the raster (edge windows are clipped)."""
    for row in range(0, height, size):
        for col in range(0, width, size):
            yield Window(col, row, min(size, width - col), min(size, height - row))


def valid_pixels(dataset: rasterio.DatasetReader, bands: Sequence[int], window: Window, data: np.ndarray) -> np.ndarray:
    """The (H, W) mask of pixels valid in every band: not nodata, not masked (alpha, mask band), finite.

    Args:
        dataset: the open raster.
        bands: 1-based bands that must all be valid.
        window: the window ``data`` was read from.
        data: the bands already read in ``window`` (C, H, W), for the finiteness test.
    """
    ok = np.ones(data.shape[1:], dtype=bool)
    # Bands without nodata or mask need no mask read (GDAL would return a constant 255 array).
    if any(dataset.mask_flag_enums[band - 1] != [MaskFlags.all_valid] for band in bands):
        ok &= np.all(dataset.read_masks(list(bands), window=window) > 0, axis=0)
    if data.dtype.kind == "f":
        ok &= np.all(np.isfinite(data), axis=0)
    return ok


#: Metres per degree of latitude, and of longitude at the equator (WGS 84, spherical approximation).
_METRES_PER_DEGREE = 111_320.0


def pixel_area(dataset: rasterio.DatasetReader, window: Window | None = None) -> tuple[float | None, str]:
    """The ground area of one pixel in m², and how it was found (for the area table's note).

    A projected CRS gives it exactly from the pixel size and the CRS's linear unit. A geographic CRS gives
    it at the latitude of the window's centre (pixels shrink towards the poles, so areas over a large
    extent are approximate). A raster without CRS has no ground area.

    Returns:
        (square metres or None, a sentence saying how it was computed).
    """
    transform = dataset.transform if window is None else dataset.window_transform(window)
    width, height = abs(transform.a), abs(transform.e)
    crs = dataset.crs
    if crs is None:
        return None, "The raster has no CRS: areas are not known, only the shares of the pixels."
    if crs.is_projected:
        factor = float(crs.linear_units_factor[1])
        return width * height * factor * factor, f"Areas from the pixel size in {crs.to_string()}."
    rows, cols = (window.height, window.width) if window is not None else (dataset.height, dataset.width)
    latitude = (transform * (cols / 2, rows / 2))[1]
    metres_x = width * _METRES_PER_DEGREE * float(np.cos(np.radians(latitude)))
    return metres_x * height * _METRES_PER_DEGREE, (
        f"Approximate areas: geographic CRS, pixel size taken at latitude {latitude:.2f}°; reproject to an "
        "equal-area CRS for exact figures.")


def ground_resolution(dataset: rasterio.DatasetReader) -> float | None:
    """The side of a pixel on the ground in metres (the root of :func:`pixel_area`), or None without CRS."""
    area, _ = pixel_area(dataset)
    return math.sqrt(area) if area is not None else None
