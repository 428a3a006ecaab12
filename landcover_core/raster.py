"""Raster input: opening with clear errors, band selection, windowed reads with validity masks."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Sequence

import numpy as np
import rasterio
from rasterio.enums import ColorInterp
from rasterio.errors import RasterioIOError
from rasterio.windows import Window

from landcover_core.errors import InputError


@contextmanager
def open_raster(path: str | Path, what: str = "raster") -> Iterator[rasterio.DatasetReader]:
    """Opens a raster for reading, turning GDAL's errors into a specific message."""
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
        yield dataset
    finally:
        dataset.close()


def parse_bands(text: str | None) -> list[int] | None:
    """Parses ``"1,2,3"`` into ``[1, 2, 3]`` (1-based band indices)."""
    if text is None or text == "":
        return None
    try:
        bands = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise InputError(f"Bands must be comma-separated 1-based integers such as 1,2,3, not '{text}'.") from None
    if not bands:
        raise InputError("No band given.")
    return bands


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
                f"Band {band} is out of range for {dataset.name}, which has {dataset.count} band(s) (use 1..{dataset.count})."
            )
    return list(bands)


def read_window(
    dataset: rasterio.DatasetReader, bands: Sequence[int], window: Window
) -> tuple[np.ndarray, np.ndarray]:
    """Reads bands in a window (padded with zeros outside the raster).

    Returns:
        ``(image, valid)``: image float32 (C, H, W) and a boolean (H, W) mask that is False on nodata,
        masked (alpha) pixels, non-finite values and outside the raster.
    """
    height, width = int(window.height), int(window.width)
    row, col = int(window.row_off), int(window.col_off)
    image = np.zeros((len(bands), height, width), dtype=np.float32)
    valid = np.zeros((height, width), dtype=bool)
    # Read the part inside the raster and pad: rasterio's boundless reads go through a VRT (~5x slower).
    r0, c0 = max(row, 0), max(col, 0)
    r1, c1 = min(row + height, dataset.height), min(col + width, dataset.width)
    if r1 > r0 and c1 > c0:
        inner = Window(c0, r0, c1 - c0, r1 - r0)
        part, masks = _read(dataset, bands, inner)
        ok = np.all(masks > 0, axis=0) & np.all(np.isfinite(part), axis=0)
        part[:, ~ok] = 0.0
        image[:, r0 - row:r1 - row, c0 - col:c1 - col] = part
        valid[r0 - row:r1 - row, c0 - col:c1 - col] = ok
    return image, valid


def _read(dataset: rasterio.DatasetReader, bands: Sequence[int], window: Window) -> tuple[np.ndarray, np.ndarray]:
    """Bands (float32) and their masks in a window inside the raster."""
    with read_errors(dataset):
        return (dataset.read(list(bands), window=window, out_dtype="float32"),
                dataset.read_masks(list(bands), window=window))


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
