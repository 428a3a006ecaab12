"""``--resample model``: classify a raster at the model's training ground resolution, write on the raster's grid.

A model sees objects at the size in pixels it learnt them; imagery of another pixel size is read through a
virtual warp (GDAL's WarpedVRT: same CRS and extent, the model's pixel size), so tiles are still read window
by window and nothing is resampled in memory as a whole. Bands are resampled bilinearly (GDAL widens the
kernel when it reduces, so no pixel is skipped), paletted (categorical) bands by nearest neighbour. The
outputs made on that grid are then brought back to the raster's own grid by nearest neighbour (each pixel
takes the class, confidence and uncertainty of the model-grid pixel it falls in), block by block.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import rasterio
from affine import Affine
from rasterio.enums import ColorInterp, Resampling
from rasterio.vrt import WarpedVRT
from rasterio.windows import Window

from landcover_core.common.classes import ClassScheme
from landcover_core.common.raster import ground_resolution
from landcover_core.errors import InputError
from landcover_core.models.modelfile import ModelSpec
from landcover_core.outputs.geotiff import open_class_raster, open_confidence_raster, open_uncertainty_raster
from landcover_core.progress import Reporter

#: Pixel sizes closer than this (relative) to the model's are read as they are.
SAME_RESOLUTION = 1e-3
#: Side of the blocks copied back onto the raster's grid (bounds memory whatever the raster's size).
COPY_BLOCK = 1024


def band_resampling(dataset: rasterio.DatasetReader, bands: list[int]) -> Resampling:
    """Nearest neighbour when a band is paletted (codes, not measurements), else bilinear."""
    paletted = any(dataset.colorinterp[band - 1] == ColorInterp.palette for band in bands)
    return Resampling.nearest if paletted else Resampling.bilinear


@contextlib.contextmanager
def at_model_resolution(dataset: rasterio.DatasetReader, spec: ModelSpec, model: str | Path, bands: list[int],
                        reporter: Reporter) -> Iterator[rasterio.DatasetReader | WarpedVRT]:
    """The raster seen at the model's training ground resolution (a WarpedVRT), or itself when already at it.

    Args:
        dataset: the raster to classify.
        spec: the model's description (its ``ground_resolution`` in metres).
        model: the model file, for messages.
        bands: the bands the models read (their type chooses the resampling).
        reporter: where the resampling is logged.

    Raises:
        InputError: the model file does not record its training resolution, or the raster has no CRS.
    """
    if spec.ground_resolution is None:
        raise InputError(f"{model}: this model file does not record its training resolution; retrain or omit "
                         "--resample.")
    here = ground_resolution(dataset)
    if here is None:
        raise InputError(f"{dataset.name} has no CRS, so its ground resolution is unknown and --resample model "
                         f"cannot bring it to the model's ({spec.ground_resolution:.3g} m); assign its CRS or omit "
                         "--resample.")
    factor = spec.ground_resolution / here
    if abs(factor - 1) < SAME_RESOLUTION:
        yield dataset
        return
    width, height = max(1, round(dataset.width / factor)), max(1, round(dataset.height / factor))
    # The exact extent of the raster: pixels are factor times larger, up to the rounding of the sizes.
    transform = dataset.transform * Affine.scale(dataset.width / width, dataset.height / height)
    resampling = band_resampling(dataset, bands)
    reporter.log(f"Reading {dataset.name} at the model's ground resolution ({spec.ground_resolution:.3g} m, "
                 f"{here:.3g} m here): {width}x{height} px, {resampling.name}; the outputs are written on its grid.")
    with WarpedVRT(dataset, crs=dataset.crs, transform=transform, width=width, height=height,
                   resampling=resampling) as vrt:
        yield vrt


def blocks(width: int, height: int, size: int = COPY_BLOCK) -> Iterator[Window]:
    """Windows of at most ``size`` x ``size`` covering ``width`` x ``height``, row by row."""
    for row in range(0, height, size):
        for col in range(0, width, size):
            yield Window(col, row, min(size, width - col), min(size, height - row))


def write_on_grid(made: dict[str, Path], final: dict[str, Path], width: int, height: int, transform: Affine,
                  crs: rasterio.crs.CRS | None, scheme: ClassScheme, tags: dict[str, str]) -> np.ndarray:
    """Copies outputs made on the model's grid onto the raster's grid (nearest neighbour), block by block.

    Args:
        made: the outputs on the model's grid, by kind (``classes``, ``confidence``, ``uncertainty``).
        final: where to write each of them on the raster's grid (the vector is not in either).
        width: columns of the raster's grid (the region classified).
        height: rows of it.
        transform: its transform.
        crs: its CRS.
        scheme: the classes.
        tags: extra metadata tags of the class raster.

    Returns:
        Pixels per class (in the scheme's order) on the raster's grid.
    """
    counts = np.zeros(len(scheme), np.int64)
    index = np.full(256, len(scheme), np.int64)  # a code's class index; nodata counts in an extra bin
    index[np.asarray(scheme.codes)] = np.arange(len(scheme))
    with contextlib.ExitStack() as stack:
        pairs = []
        for kind, path in made.items():
            source = stack.enter_context(rasterio.open(path))
            view = stack.enter_context(WarpedVRT(source, crs=crs, transform=transform, width=width, height=height,
                                                 resampling=Resampling.nearest))
            if kind == "classes":
                target = open_class_raster(final[kind], width, height, transform, crs, scheme, tags=tags)
            elif kind == "confidence":
                target = open_confidence_raster(final[kind], width, height, transform, crs)
            else:
                target = open_uncertainty_raster(final[kind], width, height, transform, crs, source.count == 2)
            pairs.append((kind, view, stack.enter_context(target)))
        for window in blocks(width, height):
            for kind, view, target in pairs:
                data = view.read(window=window)
                target.write(data, window=window)
                if kind == "classes":
                    counts += np.bincount(index[data[0]].ravel(), minlength=len(scheme) + 1)[:len(scheme)]
    return counts


def model_window(view: rasterio.DatasetReader | WarpedVRT, dataset: rasterio.DatasetReader, region: Window) -> Window:
    """The window of ``view`` (the raster at the model's resolution) covering ``region`` of the raster."""
    left, bottom, right, top = dataset.window_bounds(region)
    inverse = ~view.transform
    cols, rows = zip(*(inverse * corner for corner in ((left, top), (right, bottom))), strict=True)
    col0, row0 = max(math.floor(min(cols) + 1e-6), 0), max(math.floor(min(rows) + 1e-6), 0)
    col1 = min(math.ceil(max(cols) - 1e-6), view.width)
    row1 = min(math.ceil(max(rows) - 1e-6), view.height)
    return Window(col0, row0, max(col1 - col0, 1), max(row1 - row0, 1))
