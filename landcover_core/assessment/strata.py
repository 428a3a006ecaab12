"""The strata of a class map: its classes' pixel counts and areas, counted by windows.

A stratified sample (see :mod:`landcover_core.assessment.sample_design`) takes the map's classes as
strata; their sizes give the weights ``W_i`` of the estimators (:mod:`.area_estimation`). Counting reads
the map window by window, so memory does not grow with the raster; the per-window counts are kept
(windows x classes integers) for the second pass that draws the points.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from rasterio.windows import Window

from landcover_core.common.classes import ClassScheme
from landcover_core.common.raster import iter_windows, open_raster, pixel_area
from landcover_core.errors import InputError
from landcover_core.outputs.geotiff import GDAL_ENV, read_scheme_tag
from landcover_core.progress import Reporter

if TYPE_CHECKING:
    import geopandas as gpd
    import rasterio

#: Window size of the counting and drawing passes.
BLOCK = 1024
#: Square metres per hectare.
M2_PER_HA = 10_000.0


@dataclass
class Strata:
    """The map's classes as strata.

    Attributes:
        scheme: the map's classes (strata in this order).
        pixels: pixels of each class (inside the mask, if any).
        area_ha: hectares of each class; None when the map has no CRS (no ground area).
        windows: the counting windows.
        window_counts: pixels of each class in each window (windows x classes).
        area_note: how areas were computed.
    """

    scheme: ClassScheme
    pixels: np.ndarray
    area_ha: np.ndarray | None
    windows: list[Window]
    window_counts: np.ndarray
    area_note: str

    @property
    def weights(self) -> np.ndarray:
        """``W_i``: each class's share of the mapped area (of its pixels without a ground area)."""
        size = self.area_ha if self.area_ha is not None else self.pixels
        return size / size.sum()


@contextmanager
def open_class_map(path: str | Path) -> Iterator[tuple[rasterio.DatasetReader, ClassScheme | None]]:
    """Opens a map of class codes and reads its classes (``LANDCOVER_CLASSES`` tag), refusing other rasters.

    GDAL's block cache is bounded (:data:`~landcover_core.outputs.geotiff.GDAL_ENV`): each window is read once,
    and GDAL's default cache (5% of RAM) would otherwise grow with the raster.
    """
    import rasterio

    with rasterio.Env(**GDAL_ENV), open_raster(path, "map") as src:
        if src.count != 1 or np.dtype(src.dtypes[0]).kind not in "iu":
            raise InputError(f"The map {path} must be a single-band raster of integer class codes "
                             "(e.g. from landcover predict).")
        yield src, read_scheme_tag(src)


def count_strata(src: rasterio.DatasetReader, scheme: ClassScheme | None, reporter: Reporter,
                 mask: gpd.GeoDataFrame | None = None) -> Strata:
    """Counts each class's pixels and area by windows (nodata and pixels outside ``mask`` left out).

    Args:
        src: the open class map.
        scheme: its classes; None: the codes found, named ``class <code>`` (with a warning).
        reporter: progress and cancellation.
        mask: area of interest, polygons in the map's CRS: only pixels whose centre falls inside count.

    Raises:
        InputError: the map (inside the mask) holds no class pixel, or codes its classes do not list.
    """
    windows = list(iter_windows(src.height, src.width, BLOCK))
    found: dict[int, np.ndarray] = {}  # code -> pixels per window
    areas: dict[int, float] = {}
    note = pixel_area(src)[1]
    for w, window in enumerate(reporter.track(windows, len(windows), "strata", "Counting the map's classes")):
        values, counts = _tally(class_codes(src, window, mask))
        area, _ = pixel_area(src, window)  # per window: a geographic CRS shrinks pixels towards the poles
        for code, count in zip(values.tolist(), counts.tolist(), strict=True):
            found.setdefault(code, np.zeros(len(windows), dtype=np.int64))[w] = count
            areas[code] = areas.get(code, 0.0) + (count * area / M2_PER_HA if area is not None else 0.0)
    if not found:
        where = " inside the mask" if mask is not None else ""
        raise InputError(f"The map {src.name} has no classified pixel{where}: nothing to sample.")
    if scheme is None:
        scheme = ClassScheme.from_codes(sorted(found))
        reporter.warning(f"The map {src.name} carries no class names (no LANDCOVER_CLASSES tag): its strata are "
                         f"named by code ({', '.join(scheme.names)}).")
    extra = sorted(set(found) - set(scheme.codes))
    if extra:
        raise InputError(f"The map {src.name} holds class codes {extra} that its classes do not list "
                         f"({', '.join(f'{c.code}={c.name}' for c in scheme.classes)}).")
    zeros = np.zeros(len(windows), dtype=np.int64)
    window_counts = np.stack([found.get(code, zeros) for code in scheme.codes], axis=1)
    area_ha = np.array([areas.get(code, 0.0) for code in scheme.codes]) if src.crs is not None else None
    return Strata(scheme, window_counts.sum(axis=0), area_ha, windows, window_counts, note)


def _tally(codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The codes found (>= 0) and their pixel counts; bincount (no sort) for the usual small codes."""
    valid = codes[codes >= 0]
    if valid.size == 0:
        return valid, valid
    if int(valid.max()) < 65536:
        counts = np.bincount(valid)
        values = np.flatnonzero(counts)
        return values, counts[values]
    return np.unique(valid, return_counts=True)


def class_codes(src: rasterio.DatasetReader, window: Window, mask: gpd.GeoDataFrame | None) -> np.ndarray:
    """The map's codes in ``window`` as int32, -1 where nodata or outside ``mask``."""
    codes = src.read(1, window=window).astype(np.int32)
    valid = src.read_masks(1, window=window) > 0
    if mask is not None:
        valid &= inside(mask, src.window_transform(window), codes.shape)
    codes[~valid] = -1
    return codes


def inside(mask: gpd.GeoDataFrame, transform: object, shape: tuple[int, int]) -> np.ndarray:
    """Pixels of a window whose centre falls in one of ``mask``'s polygons."""
    from rasterio.features import geometry_mask
    from rasterio.windows import bounds

    height, width = shape
    window_bounds = bounds(Window(0, 0, width, height), transform)
    near = mask.geometry.iloc[mask.sindex.query(_box(window_bounds))]
    if near.empty:
        return np.zeros(shape, dtype=bool)
    return geometry_mask(list(near), out_shape=shape, transform=transform, invert=True)


def _box(bounds: tuple[float, float, float, float]) -> object:
    from shapely.geometry import box

    left, bottom, right, top = bounds
    return box(min(left, right), min(bottom, top), max(left, right), max(bottom, top))


def read_layer_in_crs(path: str | Path, what: str, crs: object, layer: str | None = None) -> gpd.GeoDataFrame:
    """Reads a vector layer and reprojects it to ``crs`` (the map's).

    Args:
        path: the vector file.
        what: what it is, for messages (e.g. "sample", "mask").
        crs: the map's CRS; None when the map has none.
        layer: the layer (default: the first).

    Raises:
        InputError: a missing or unreadable file, a missing layer, or a CRS on only one side.
    """
    import geopandas as gpd
    import pyogrio

    path = Path(path)
    if not path.exists():
        raise InputError(f"The {what} {path} does not exist.")
    try:
        layers = [name for name, _ in pyogrio.list_layers(path)]
    except Exception as exc:  # noqa: BLE001 - GDAL says why in its own words
        raise InputError(
            f"The {what} {path} is not a readable vector file (GPKG, Shapefile, GeoJSON...): {exc}") from None
    if layer is not None and layer not in layers:
        raise InputError(f"The {what} {path} has no layer '{layer}'. Layers: {', '.join(layers)}.")
    frame = gpd.read_file(path, layer=layer or layers[0])
    if frame.crs is None and crs is not None:
        raise InputError(f"The {what} {path} has no CRS but the map is in {crs}; assign the layer's CRS and save it.")
    if frame.crs is not None and crs is None:
        raise InputError(f"The map has no CRS but the {what} {path} is in {frame.crs}; assign the map's CRS.")
    if frame.crs is not None and frame.crs != crs:
        frame = frame.to_crs(crs)  # a layer saved in another CRS is placed on the map where it lies
    return frame[~(frame.geometry.isna() | frame.geometry.is_empty)]
