"""The grid labels are read on, and the interface every label source implements."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import numpy as np
import rasterio
from affine import Affine
from rasterio.crs import CRS
from rasterio.windows import Window
from rasterio.windows import bounds as window_bounds
from rasterio.windows import transform as window_transform

from landcover_core.common.classes import ClassScheme


@dataclass(frozen=True)
class Grid:
    """A raster grid: size, transform and CRS (the image's; labels are read onto it)."""

    width: int
    height: int
    transform: Affine
    crs: CRS | None

    @classmethod
    def of(cls, dataset: rasterio.DatasetReader) -> Grid:
        """The grid of an open raster."""
        return cls(dataset.width, dataset.height, dataset.transform, dataset.crs)

    def window_transform(self, window: Window) -> Affine:
        """The affine transform of a window of the grid."""
        return window_transform(window, self.transform)

    def window_bounds(self, window: Window) -> tuple[float, float, float, float]:
        """``(xmin, ymin, xmax, ymax)`` of a window in the grid's CRS."""
        return window_bounds(window, self.transform)

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        """``(xmin, ymin, xmax, ymax)`` of the whole grid."""
        return self.window_bounds(Window(0, 0, self.width, self.height))


class LabelSource(Protocol):
    """Class-index labels on a grid."""

    scheme: ClassScheme
    grid: Grid

    def read(self, window: Window) -> np.ndarray:
        """int16 (H, W) class indices in ``window`` (boundless), IGNORE_INDEX where unlabeled."""
        ...

    def candidate_windows(self, size: int) -> list[Window]:
        """Grid-aligned windows of ``size`` that may hold labels (a superset; cheap to compute)."""
        ...
