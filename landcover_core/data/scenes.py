"""Scenes: an image raster (with band selection) paired with a label source on the image's grid."""

from __future__ import annotations

import itertools
import os
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import rasterio
from rasterio.windows import Window

from landcover_core.common.classes import IGNORE_INDEX, ClassScheme
from landcover_core.common.raster import inner_part, open_raster, read_window, resolve_bands
from landcover_core.errors import InputError
from landcover_core.labels import LabelSource, PolygonLabels, RasterLabels
from landcover_core.labels.base import Grid
from landcover_core.labels.deepglobe import DeepGlobeMaskLabels, find_deepglobe_pairs
from landcover_core.radiometry.matching import HistogramMatcher

#: Scenes up to this size (bytes, native dtype) are read once and kept in memory; larger ones are
#: read window by window, so memory never grows with the raster.
CACHE_BUDGET = 1_500_000_000


#: Keys of scenes, unique for the process's life.
_KEYS = itertools.count()


@dataclass
class Scene:
    """An image with labels on its grid."""

    image: Path
    bands: list[int]
    labels: LabelSource
    nbytes: int
    _dataset: rasterio.DatasetReader | None = field(default=None, repr=False)
    _pid: int = field(default=0, repr=False, compare=False)  # the process that opened _dataset
    #: Histogram matching applied to every read (to a training reference), or None.
    matcher: HistogramMatcher | None = field(default=None, repr=False)
    # A key no other scene ever gets (``id()`` is reused once a scene is gone, and would serve its pixels).
    key: int = field(default_factory=lambda: next(_KEYS), repr=False, compare=False)

    @property
    def grid(self) -> Grid:
        """The image grid (the labels are read on it)."""
        return self.labels.grid

    @property
    def name(self) -> str:
        """The image's file name (for messages)."""
        return self.image.name

    @property
    def dtype(self) -> str:
        """Data type of the image's selected bands."""
        return str(np.result_type(*(self._open().dtypes[band - 1] for band in self.bands)))

    def _open(self) -> rasterio.DatasetReader:
        # A forked tile-loading worker opens its own handle: GDAL handles must not be shared between processes.
        if self._dataset is None or self._pid != os.getpid():
            self._dataset = rasterio.open(self.image)
            self._pid = os.getpid()
        return self._dataset

    def read(self, window: Window) -> tuple[np.ndarray, np.ndarray]:
        """Image (float32 C,H,W; 0 on nodata) and labels (int16 H,W; unlabeled on nodata) in a window."""
        cached = _CACHE.get(self)
        if cached is not None:
            image, valid = _slice(cached[0], window), _slice(cached[1], window)
            image = image.astype(np.float32)
        else:
            image, valid = read_window(self._open(), self.bands, window)
        if self.matcher is not None:
            image = self.matcher.apply(image, valid)
        labels = self.labels.read(window)
        labels[~valid] = IGNORE_INDEX
        return image, labels

    def close(self) -> None:
        """Closes the image, drops its cached pixels and closes the label source's open files (if it holds any)."""
        _CACHE.drop(self)
        if self._dataset is not None:
            self._dataset.close()
            self._dataset = None
        close_labels = getattr(self.labels, "close", None)
        if close_labels is not None:
            close_labels()


def _slice(array: np.ndarray, window: Window) -> np.ndarray:
    """A boundless slice of an in-memory (..., H, W) array, zero-padded outside."""
    out = np.zeros((*array.shape[:-2], int(window.height), int(window.width)), dtype=array.dtype)
    part = inner_part(window, array.shape[-2], array.shape[-1])
    if part is not None:
        inner, (rows, cols) = part
        inner_rows, inner_cols = inner.toslices()
        out[..., rows, cols] = array[..., inner_rows, inner_cols]
    return out


class _SceneCache:
    """Whole-scene arrays for small scenes, least recently used dropped first."""

    def __init__(self, budget: int) -> None:
        self.budget = budget
        self._items: OrderedDict[int, tuple[np.ndarray, np.ndarray]] = OrderedDict()
        self._used = 0

    def get(self, scene: Scene) -> tuple[np.ndarray, np.ndarray] | None:
        """The scene's whole image and validity mask, read on first use; None for scenes too large to keep."""
        key = scene.key
        if key in self._items:
            self._items.move_to_end(key)
            return self._items[key]
        if scene.nbytes > self.budget // 4:
            return None
        dataset = scene._open()
        image = dataset.read(scene.bands)
        valid = np.all(dataset.read_masks(scene.bands) > 0, axis=0)
        if image.dtype.kind == "f":
            valid &= np.all(np.isfinite(image), axis=0)
            image = np.nan_to_num(image)
        image[:, ~valid] = 0
        while self._items and self._used + scene.nbytes > self.budget:
            _, (old, _) = self._items.popitem(last=False)
            self._used -= old.nbytes
        self._items[key] = (image, valid)
        self._used += image.nbytes
        return image, valid

    def drop(self, scene: Scene) -> None:
        """Forgets a scene's arrays (it was closed)."""
        item = self._items.pop(scene.key, None)
        if item is not None:
            self._used -= item[0].nbytes



_CACHE = _SceneCache(CACHE_BUDGET)


def image_grid(path: Path, bands: list[int] | None) -> tuple[Grid, list[int], int]:
    """An image's grid, its bands (checked; default all) and the bytes of those bands in memory."""
    with open_raster(path, "image") as src:
        chosen = resolve_bands(src, bands)
        nbytes = src.width * src.height * len(chosen) * np.dtype(src.dtypes[0]).itemsize
        return Grid.of(src), chosen, nbytes


def scene_from_polygons(image: str | Path, vector: str | Path, class_field: str, bands: list[int] | None = None,
                        layer: str | None = None, scheme: ClassScheme | None = None) -> Scene:
    """A scene labeled by a polygon (or point/line) layer and a class field."""
    grid, chosen, nbytes = image_grid(Path(image), bands)
    return Scene(Path(image), chosen, PolygonLabels(vector, class_field, grid, layer=layer, scheme=scheme), nbytes)


def scene_from_label_raster(image: str | Path, label_raster: str | Path, bands: list[int] | None = None,
                            scheme: ClassScheme | None = None) -> Scene:
    """A scene labeled by a raster of class codes."""
    grid, chosen, nbytes = image_grid(Path(image), bands)
    return Scene(Path(image), chosen, RasterLabels(label_raster, grid, scheme=scheme), nbytes)


def scenes_from_deepglobe(folder: str | Path, bands: list[int] | None = None) -> list[Scene]:
    """One scene per DeepGlobe tile."""
    scenes = []
    for pair in find_deepglobe_pairs(folder):
        grid, chosen, nbytes = image_grid(pair.image, bands)
        scenes.append(Scene(pair.image, chosen, DeepGlobeMaskLabels(pair, grid), nbytes))
    return scenes


def check_same_scheme(scenes: list[Scene]) -> ClassScheme:
    """The scenes' common class scheme and band count (error if they differ)."""
    if not scenes:
        raise InputError("No training scene was given.")
    scheme, count = scenes[0].labels.scheme, len(scenes[0].bands)
    for scene in scenes[1:]:
        if scene.labels.scheme != scheme:
            raise InputError(f"{scene.name} has classes {scene.labels.scheme.names}, others have {scheme.names}.")
        if len(scene.bands) != count:
            raise InputError(f"{scene.name} has {len(scene.bands)} bands selected, others have {count}.")
    return scheme
