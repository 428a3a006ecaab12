"""DeepGlobe Land Cover folders: ``<id>_sat.jpg`` images with RGB-coded ``<id>_mask.png`` masks."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
from rasterio.windows import Window

from landcover_core.common.classes import DEEPGLOBE, DEEPGLOBE_COLOURS, IGNORE_INDEX, ClassScheme
from landcover_core.common.raster import inner_part, iter_windows, open_raster
from landcover_core.errors import InputError
from landcover_core.labels.base import Grid


@dataclass(frozen=True)
class DeepGlobePair:
    """One DeepGlobe tile: its satellite image and its mask."""

    tile_id: str
    image: Path
    mask: Path


def find_deepglobe_pairs(folder: str | Path) -> list[DeepGlobePair]:
    """Lists the image/mask pairs of a DeepGlobe folder (images without a mask are skipped)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(f"DeepGlobe folder {folder} does not exist.")
    pairs = []
    for image in sorted(folder.glob("*_sat.jpg")):
        tile_id = image.name[: -len("_sat.jpg")]
        mask = folder / f"{tile_id}_mask.png"
        if mask.is_file():
            pairs.append(DeepGlobePair(tile_id, image, mask))
    if not pairs:
        raise InputError(f"{folder} holds no DeepGlobe pair (<id>_sat.jpg with <id>_mask.png).")
    return pairs


def decode_deepglobe_mask(rgb: np.ndarray) -> np.ndarray:
    """Turns a (3, H, W) RGB mask into class indices; 'unknown' and stray colours become unlabeled.

    Channels are thresholded at 128 first, as DeepGlobe's masks carry JPEG-like noise at edges.
    """
    bits = (np.asarray(rgb)[:3] >= 128).astype(np.uint8)
    key = bits[0] * 4 + bits[1] * 2 + bits[2]
    lut = np.full(8, IGNORE_INDEX, dtype=np.int16)
    for index, (_, colour) in enumerate(DEEPGLOBE_COLOURS):
        r, g, b = (int(v >= 128) for v in colour)
        lut[r * 4 + g * 2 + b] = index
    return lut[key]


class DeepGlobeMaskLabels:
    """Labels of one DeepGlobe tile, read from its RGB mask."""

    def __init__(self, pair: DeepGlobePair, grid: Grid) -> None:
        self.pair = pair
        self.grid = grid
        self.scheme: ClassScheme = DEEPGLOBE
        with open_raster(pair.mask, "DeepGlobe mask") as src:
            if src.count < 3:
                raise InputError(f"DeepGlobe mask {pair.mask} has {src.count} band(s); masks are RGB.")
            if (src.width, src.height) != (grid.width, grid.height):
                raise InputError(
                    f"DeepGlobe mask {pair.mask} is {src.width}x{src.height} but its image is "
                    f"{grid.width}x{grid.height}."
                )

    def read(self, window: Window) -> np.ndarray:
        """Class indices in a window, decoded from the RGB mask (outside the mask: unlabeled)."""
        rgb = np.zeros((3, int(window.height), int(window.width)), dtype=np.uint8)
        part = inner_part(window, self.grid.height, self.grid.width)
        if part is not None:
            inner, (rows, cols) = part
            with open_raster(self.pair.mask, "DeepGlobe mask") as src:
                rgb[:, rows, cols] = src.read([1, 2, 3], window=inner)
        return decode_deepglobe_mask(rgb)

    def candidate_windows(self, size: int) -> list[Window]:
        """Every window of the grid (a mask may be labeled anywhere)."""
        return list(iter_windows(self.grid.height, self.grid.width, size))
