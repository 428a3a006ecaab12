"""A label raster of class codes (codes need not be contiguous; nodata = unlabeled)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import numpy as np
import rasterio
from rasterio.enums import Resampling
from rasterio.vrt import WarpedVRT
from rasterio.windows import Window

from landcover_core.common.classes import IGNORE_INDEX, ClassScheme, check_codes
from landcover_core.common.raster import inner_part, iter_windows, open_raster
from landcover_core.errors import InputError
from landcover_core.labels.base import Grid
from landcover_core.outputs.geotiff import read_scheme_tag

_SCAN_BLOCK = 1024


class RasterLabels:
    """Labels from a single-band raster of integer codes, resampled (nearest) onto the image grid.

    Codes are found by a windowed scan; pixels equal to the raster's nodata, or whose code is not in
    the scheme (when a scheme is given), are unlabeled.
    """

    def __init__(self, path: str | Path, grid: Grid, scheme: ClassScheme | None = None,
                 nodata: int | None = None) -> None:
        self.path = Path(path)
        self.grid = grid
        with open_raster(self.path, "label raster") as src:
            if src.count != 1:
                raise InputError(
                    f"The label raster {self.path} has {src.count} bands; it must have one band of class codes.")
            if np.dtype(src.dtypes[0]).kind not in "iu":
                raise InputError(
                    f"The label raster {self.path} is of type {src.dtypes[0]}; class codes must be integers.")
            if (src.crs is None) != (grid.crs is None):
                raise InputError(
                    f"The label raster {self.path} and the image must both have a CRS or both have none "
                    f"(label raster: {src.crs}, image: {grid.crs})."
                )
            self.nodata = nodata if nodata is not None else (None if src.nodata is None else int(src.nodata))
            self.aligned = (src.crs == grid.crs and src.transform == grid.transform
                            and (src.width, src.height) == (grid.width, grid.height))
            tagged = read_scheme_tag(src)
            outside = _no_overlap(src, grid)
        if outside:
            raise InputError(
                f"The label raster {self.path} does not overlap the image or prediction it labels: {outside}")
        self._handles: tuple[rasterio.DatasetReader, Any] | None = None
        self._pid = 0
        codes = self._scan_codes()
        if not codes:
            raise InputError(f"The label raster {self.path} has no labeled pixel over the image (all nodata).")
        check_codes(codes, f"The label raster {self.path}", "gdal_calc.py")
        if scheme is None:
            # A class raster of this engine (e.g. pseudo-labels) names its classes: keep the names of those present.
            named = [c for c in tagged.classes if c.code in codes] if tagged else []
            scheme = ClassScheme(tuple(named)) if named and len(named) == len(codes) else ClassScheme.from_codes(codes)
        elif not set(codes) & set(scheme.codes):
            raise InputError(
                f"None of the codes in {self.path} ({codes}) is in the class scheme ({scheme.codes})."
            )
        self.scheme = scheme
        self.codes_found = codes
        self._lut = scheme.code_lut(max(max(codes, default=0), max(scheme.codes)))

    @property
    def _view(self) -> Any:
        """The label raster on the image grid (warped when it is not aligned), opened by this process.

        A forked tile-loading worker opens its own: GDAL handles must not be shared between processes.
        """
        if self._handles is None or self._pid != os.getpid():
            dataset = rasterio.open(self.path)
            view = dataset if self.aligned else WarpedVRT(
                dataset, crs=self.grid.crs, transform=self.grid.transform, width=self.grid.width,
                height=self.grid.height, resampling=Resampling.nearest,
                nodata=self.nodata if self.nodata is not None else 0,
            )
            self._handles, self._pid = (dataset, view), os.getpid()
        return self._handles[1]

    def _scan_codes(self) -> list[int]:
        found: set[int] = set()
        for window in iter_windows(self.grid.height, self.grid.width, _SCAN_BLOCK):
            block = self._view.read(1, window=window)
            if not self.aligned:  # outside the label raster the warped view holds its fill value, not a code
                block = block[self._view.read_masks(1, window=window) > 0]
            values = np.unique(block)
            found.update(int(v) for v in values if v != self.nodata)
        return sorted(found)

    def read(self, window: Window) -> np.ndarray:
        """Class indices in a window (nodata and unknown codes: unlabeled; outside: unlabeled)."""
        fill = self.nodata if self.nodata is not None else 0
        codes = np.full((int(window.height), int(window.width)), fill, dtype=np.int64)
        footprint = np.zeros(codes.shape, dtype=bool)
        part = inner_part(window, self.grid.height, self.grid.width)
        if part is not None:
            inner, (rows, cols) = part
            codes[rows, cols] = self._view.read(1, window=inner)
            footprint[rows, cols] = self._view.read_masks(1, window=inner) > 0 if not self.aligned else True
        valid = footprint & (codes >= 0) & (codes < len(self._lut))
        if self.nodata is not None:
            valid &= codes != self.nodata
        out = np.full(codes.shape, IGNORE_INDEX, dtype=np.int16)
        out[valid] = self._lut[codes[valid]]
        return out

    def candidate_windows(self, size: int) -> list[Window]:
        """Every window of the grid (a label raster may be labeled anywhere)."""
        return list(iter_windows(self.grid.height, self.grid.width, size))

    def close(self) -> None:
        """Closes the label raster (and its warped view)."""
        if self._handles is not None:
            dataset, view = self._handles
            if view is not dataset:
                view.close()
            dataset.close()
            self._handles = None



def _no_overlap(src: rasterio.DatasetReader, grid: Grid) -> str | None:
    """Why a label raster lies wholly outside the grid (both extents and CRSs), or None when they overlap."""
    from rasterio.transform import array_bounds
    from rasterio.warp import transform_bounds

    west, south, east, north = array_bounds(grid.height, grid.width, grid.transform)
    bounds = tuple(src.bounds)
    if src.crs is not None and grid.crs is not None and src.crs != grid.crs:
        try:
            bounds = transform_bounds(src.crs, grid.crs, *bounds)
        except Exception:  # noqa: BLE001 - not transformable (outside a projection's domain): no verdict
            return None
    if _overlap(bounds, (west, south, east, north)):
        return None
    other = "" if src.crs == grid.crs else " (a different CRS: reproject one onto the other, e.g. gdalwarp -t_srs)"
    grid_bounds = _rounded((west, south, east, north))
    return (f"its bounds {_rounded(src.bounds)} in {_crs_name(src.crs)}, the image's {grid_bounds} in "
            f"{_crs_name(grid.crs)}{other}.")


def _overlap(a: Any, b: Any) -> bool:
    """Whether two ``(x0, y0, x1, y1)`` boxes overlap (either axis may run backwards: a raster without CRS)."""
    return all(max(min(a[i], a[i + 2]), min(b[i], b[i + 2])) < min(max(a[i], a[i + 2]), max(b[i], b[i + 2]))
               for i in (0, 1))


def _rounded(bounds: Any) -> tuple[float, ...]:
    return tuple(round(float(v), 3) for v in bounds)


def _crs_name(crs: Any) -> str:
    return "no CRS" if crs is None else crs.to_string()
