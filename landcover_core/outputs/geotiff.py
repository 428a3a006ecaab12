"""GeoTIFF outputs: class rasters (uint8 codes, colour table, class scheme tag) and confidence rasters.

Both are tiled, deflate-compressed and get overviews; they are written by windows, so a caller can
stream rows of blocks into them without holding the raster.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Literal

import rasterio
from affine import Affine
from rasterio.crs import CRS
from rasterio.enums import Resampling

from landcover_core.common.classes import ClassScheme

#: GeoTIFF metadata tag holding the class scheme as JSON (read back by ``vectorize`` and ``evaluate``).
CLASSES_TAG = "LANDCOVER_CLASSES"

#: Nodata of confidence rasters: a max class probability is never 0 (it is at least 1/K).
CONFIDENCE_NODATA = 0.0
#: Nodata of uncertainty rasters: their values lie in [0, 1], 0 included (a certain prediction).
UNCERTAINTY_NODATA = -1.0

BLOCK = 256

#: GDAL block cache for streaming jobs: enough for a row of blocks of a very wide raster; GDAL's
#: default (5% of RAM) would let memory grow with the raster until the cache is full.
GDAL_ENV = {"GDAL_CACHEMAX": 128 * 1024 * 1024}

RasterKind = Literal["classes", "confidence", "uncertainty"]


def _profile(kind: RasterKind, width: int, height: int, transform: Affine, crs: CRS | None,
             nodata: float, count: int = 1) -> dict:
    profile = dict(driver="GTiff", width=width, height=height, count=count, crs=crs, transform=transform,
                   nodata=nodata, compress="deflate", BIGTIFF="IF_SAFER")
    if kind == "classes":
        profile.update(dtype="uint8", predictor=1)
    else:
        profile.update(dtype="float32", predictor=3)
    if width >= BLOCK and height >= BLOCK:  # GDAL refuses tiles larger than a tiny raster
        profile.update(tiled=True, blockxsize=BLOCK, blockysize=BLOCK)
    return profile


@contextmanager
def open_class_raster(path: str | Path, width: int, height: int, transform: Affine, crs: CRS | None,
                      scheme: ClassScheme, tags: dict[str, str] | None = None) -> Iterator[rasterio.io.DatasetWriter]:
    """Opens a uint8 class raster for window writes; overviews (mode) are built when the block closes."""
    profile = _profile("classes", width, height, transform, crs, scheme.nodata_code)
    with rasterio.open(path, "w", **profile) as dst:
        write_class_metadata(dst, scheme, tags)
        yield dst
        build_overviews(dst, Resampling.mode)


def write_class_metadata(dst: rasterio.io.DatasetWriter, scheme: ClassScheme,
                         tags: dict[str, str] | None = None) -> None:
    """Gives band 1 of a class raster its colour table, description and class scheme tag (``CLASSES_TAG``).

    Every class raster the engine writes carries its scheme, so ``evaluate``, ``vectorize`` and
    ``train --label-raster`` read its classes by name (see :func:`read_scheme_tag`).
    """
    dst.write_colormap(1, scheme.colour_map())
    dst.update_tags(**{CLASSES_TAG: json.dumps(scheme.to_list())}, **(tags or {}))
    dst.set_band_description(1, "land-cover class code")


@contextmanager
def open_confidence_raster(path: str | Path, width: int, height: int, transform: Affine,
                           crs: CRS | None) -> Iterator[rasterio.io.DatasetWriter]:
    """Opens a float32 confidence raster (max class probability, nodata 0) for window writes."""
    profile = _profile("confidence", width, height, transform, crs, CONFIDENCE_NODATA)
    with rasterio.open(path, "w", **profile) as dst:
        dst.set_band_description(1, "max class probability")
        yield dst
        build_overviews(dst, Resampling.average)


@contextmanager
def open_uncertainty_raster(path: str | Path, width: int, height: int, transform: Affine, crs: CRS | None,
                            disagreement: bool) -> Iterator[rasterio.io.DatasetWriter]:
    """Opens a float32 uncertainty raster (nodata -1) for window writes.

    Band 1 is the normalised entropy of the (averaged) class probabilities; with ``disagreement``,
    band 2 is the members' disagreement (see :mod:`landcover_core.inference.predict`).
    """
    count = 2 if disagreement else 1
    profile = _profile("uncertainty", width, height, transform, crs, UNCERTAINTY_NODATA, count)
    with rasterio.open(path, "w", **profile) as dst:
        dst.set_band_description(1, "normalised entropy of the class probabilities")
        if disagreement:
            dst.set_band_description(2, "members' disagreement: Jensen-Shannon divergence / ln(classes)")
        yield dst
        build_overviews(dst, Resampling.average)


def overview_factors(width: int, height: int, smallest: int = BLOCK) -> list[int]:
    """Factors 2, 4, 8... until the overview fits in one block."""
    factors, factor = [], 2
    while max(width, height) / factor >= smallest / 2 and max(width, height) > smallest:
        factors.append(factor)
        factor *= 2
    return factors


def build_overviews(dst: rasterio.io.DatasetWriter, resampling: Resampling) -> None:
    """Builds internal overviews (factors 2, 4, 8...) down to about one block."""
    factors = overview_factors(dst.width, dst.height)
    if factors:
        dst.build_overviews(factors, resampling)
        dst.update_tags(ns="rio_overview", resampling=resampling.name)


def read_scheme_tag(dataset: rasterio.DatasetReader) -> ClassScheme | None:
    """The class scheme stored in a class raster's tags, if any."""
    text = dataset.tags().get(CLASSES_TAG)
    if not text:
        return None
    try:
        return ClassScheme.from_list(json.loads(text))
    except (ValueError, TypeError):
        return None
