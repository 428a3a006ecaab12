"""Training polygons (and points or lines) with a class field, rasterized onto the image's grid."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import shapely
from rasterio.features import rasterize
from rasterio.windows import Window
from shapely import STRtree, box

from landcover_core.common.classes import IGNORE_INDEX, ClassScheme, check_codes
from landcover_core.common.raster import iter_windows
from landcover_core.errors import InputError, LandcoverWarning
from landcover_core.labels.base import Grid

if TYPE_CHECKING:  # imported lazily at run time (geopandas is slow to import)
    import geopandas as gpd
    import pandas as pd


class PolygonLabels:
    """Labels from a vector layer: pixels inside a feature get its class, all others are unlabeled.

    Polygons are burnt by pixel centre; points and lines (scribbles) burn every pixel they touch.
    Where features overlap, the smaller one wins, so a small polygon drawn inside a large one counts.
    """

    def __init__(self, vector: str | Path, class_field: str, grid: Grid, layer: str | None = None,
                 scheme: ClassScheme | None = None) -> None:
        self.path = Path(vector)
        self.grid = grid
        frame = _read_layer(self.path, layer)
        if class_field not in frame.columns:
            fields = ", ".join(c for c in frame.columns if c != frame.geometry.name) or "none"
            raise InputError(f"{self.path} has no field '{class_field}'. Available fields: {fields}.")
        frame = _usable_features(frame, class_field, self.path)
        if frame.empty:
            raise InputError(f"{self.path} has no feature with a geometry and a value in '{class_field}'.")
        frame = _to_grid_crs(frame, grid, self.path)
        self.scheme, indices = _class_indices(frame[class_field], scheme, self.path, class_field)
        inside = frame.geometry.intersects(box(*grid.bounds)).to_numpy()
        if not inside.any():
            raise InputError(
                f"No feature of {self.path} overlaps the raster "
                f"(raster bounds {tuple(round(v, 2) for v in grid.bounds)}, "
                f"features' bounds {tuple(round(v, 2) for v in frame.total_bounds)} in {grid.crs}). "
                "Check that both are in the right place and CRS."
            )
        geometries = frame.geometry.to_numpy()[inside]
        indices = indices[inside]
        order = np.argsort(-geometries_area(geometries), kind="stable")  # large first: small ones drawn last win
        self._geometries = geometries[order]
        self._indices = indices[order]
        self._lines = np.array([g.geom_type not in ("Polygon", "MultiPolygon") for g in self._geometries])
        self._tree = STRtree(self._geometries)

    def read(self, window: Window) -> np.ndarray:
        """Class indices in a window: the features that overlap it, burned by pixel centre."""
        shape = (int(window.height), int(window.width))
        out = np.full(shape, IGNORE_INDEX, dtype=np.int16)
        hits = np.sort(self._tree.query(box(*self.grid.window_bounds(window))))
        if len(hits) == 0:
            return out
        transform = self.grid.window_transform(window)
        for lines in (False, True):
            chosen = hits[self._lines[hits] == lines]
            if len(chosen):
                rasterize(zip(self._geometries[chosen], self._indices[chosen].tolist(), strict=True), out_shape=shape,
                          transform=transform, out=out, all_touched=lines, dtype=np.int16)
        return out

    def candidate_windows(self, size: int) -> list[Window]:
        """Windows that touch at least one feature."""
        windows = []
        for window in iter_windows(self.grid.height, self.grid.width, size):
            if len(self._tree.query(box(*self.grid.window_bounds(window)))):
                windows.append(window)
        return windows


def _usable_features(frame: gpd.GeoDataFrame, class_field: str, path: Path) -> gpd.GeoDataFrame:
    """Drops features without a geometry or a class and repairs invalid polygons, saying how many of each."""
    no_geometry = frame.geometry.isna() | frame.geometry.is_empty
    no_class = frame[class_field].isna() & ~no_geometry
    dropped = []
    if no_geometry.any():
        dropped.append(f"{int(no_geometry.sum())} without a geometry")
    if no_class.any():
        dropped.append(f"{int(no_class.sum())} without a value in '{class_field}'")
    if dropped:
        warnings.warn(f"{path}: dropped {' and '.join(dropped)} of {len(frame)} feature(s).", LandcoverWarning,
                      stacklevel=2)
    frame = frame[~no_geometry & ~no_class].copy()
    polygonal = frame.geometry.geom_type.isin(["Polygon", "MultiPolygon"]).to_numpy()
    invalid = polygonal & ~frame.geometry.is_valid.to_numpy()
    if invalid.any():
        column = frame.geometry.name
        # "structure" keeps the area a self-intersecting ring encloses, as a polygon (no stray lines).
        frame.loc[invalid, column] = shapely.make_valid(frame.geometry.to_numpy()[invalid], method="structure",
                                                        keep_collapsed=False)
        warnings.warn(f"{path}: repaired {int(invalid.sum())} invalid (e.g. self-intersecting) polygon(s) with "
                      "make_valid; check them if the labels look wrong.", LandcoverWarning, stacklevel=2)
        frame = frame[~frame.geometry.is_empty]
    return frame


def geometries_area(geometries: np.ndarray) -> np.ndarray:
    """Areas of shapes in CRS units² (0 for points and lines)."""
    import shapely

    return shapely.area(geometries)


def _read_layer(path: Path, layer: str | None) -> gpd.GeoDataFrame:
    """Reads one layer of a vector file (the first by default), with a clear error for a missing one."""
    import geopandas as gpd
    import pyogrio

    if not path.exists():
        raise InputError(f"Label file {path} does not exist.")
    try:
        layers = [name for name, _ in pyogrio.list_layers(path)]
    except Exception as exc:  # noqa: BLE001 - GDAL says why in its own words
        raise InputError(f"{path} is not a readable vector file (GPKG, Shapefile, GeoJSON...): {exc}") from None
    if layer is not None and layer not in layers:
        raise InputError(f"{path} has no layer '{layer}'. Layers: {', '.join(layers)}.")
    if layer is None and len(layers) > 1:
        layer = layers[0]
    try:
        return gpd.read_file(path, layer=layer)
    except Exception as exc:  # noqa: BLE001
        raise InputError(f"Cannot read {path}: {exc}") from None


def _to_grid_crs(frame: gpd.GeoDataFrame, grid: Grid, path: Path) -> gpd.GeoDataFrame:
    """The features in the raster's CRS; refuses a CRS on only one side."""
    if frame.crs is None and grid.crs is not None:
        raise InputError(f"{path} has no CRS but the raster is in {grid.crs}; assign the layer's CRS and save it.")
    if frame.crs is not None and grid.crs is None:
        raise InputError(
            f"The raster has no CRS but {path} is in {frame.crs}; assign the raster's CRS (e.g. gdal_edit.py -a_srs) "
            "so the polygons can be placed on it."
        )
    if frame.crs is not None and frame.crs != grid.crs:
        frame = frame.to_crs(grid.crs)
    return frame


def _class_indices(values: pd.Series, scheme: ClassScheme | None, path: Path,
                   field: str) -> tuple[ClassScheme, np.ndarray]:
    """Maps a class field (names or integer codes) to class indices, building the scheme if none is given."""
    numeric = values.dtype.kind in "iuf"
    if numeric:
        if not np.all(np.equal(np.mod(values.to_numpy(dtype=float), 1), 0)):
            raise InputError(f"Field '{field}' of {path} holds fractional numbers; class codes must be integers.")
        keys = values.astype(int).to_numpy()
        check_codes(set(keys.tolist()), f"Field '{field}' of {path}", "the field calculator")
    else:
        keys = values.astype(str).str.strip().to_numpy()
    uniques = sorted(set(keys.tolist()))
    if scheme is None:
        scheme = ClassScheme.from_codes(uniques) if numeric else ClassScheme.from_names(uniques)
    lookup: dict[int | str, int] = (
        {c.code: i for i, c in enumerate(scheme.classes)} if numeric
        else {c.name.lower(): i for i, c in enumerate(scheme.classes)})
    unknown = [u for u in uniques if (u if numeric else str(u).lower()) not in lookup]
    if unknown:
        raise InputError(
            f"Field '{field}' of {path} has values {unknown} that are not in the class scheme "
            f"({', '.join(scheme.names)})."
        )
    indices = np.array([lookup[k if numeric else str(k).lower()] for k in keys], dtype=np.int16)
    return scheme, indices
