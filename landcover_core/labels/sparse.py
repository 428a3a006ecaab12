"""Sparse-label simulation: keep random points or thin scribbles of dense labels, the rest unlabeled.

This measures how much labelling an analyst can save. The kept pixels are a fixed function of the pixel's
position and the seed, so every window read (and every epoch) sees the same sparse labels.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import numpy as np
from rasterio.windows import Window

from landcover_core.common.classes import IGNORE_INDEX
from landcover_core.errors import InputError
from landcover_core.labels.base import LabelSource

SparseMode = Literal["points", "scribbles"]
_SCRIBBLE_BLOCK = 256


@dataclass(frozen=True)
class SparseSpec:
    """A sparse-label simulation: which pixels of dense labels are kept.

    ``points:F`` keeps a fraction F of labeled pixels; ``scribbles:F`` keeps the skeleton of a fraction
    F of the labeled regions (one-pixel-wide lines along each region's medial axis).
    """

    mode: SparseMode
    fraction: float


def parse_sparse(text: str | None) -> SparseSpec | None:
    """Parses ``points:0.01`` or ``scribbles[:0.5]``.

    Raises:
        InputError: another mode, ``points`` without its fraction (``points:``: no default is guessed), a
            fraction that is not a number in (0, 1].
    """
    if not text:
        return None
    mode, colon, value = text.partition(":")
    if mode not in ("points", "scribbles"):
        raise InputError(f"--sparse must be points:FRACTION or scribbles[:FRACTION], not '{text}'.")
    if (mode == "points" or colon) and not value:
        raise InputError(f"--sparse {text}: give the fraction of labeled pixels to keep, e.g. {mode}:0.01.")
    try:
        fraction = float(value) if value else 1.0
    except ValueError:
        raise InputError(f"--sparse fraction must be a number, not '{value}'.") from None
    if not 0 < fraction <= 1:
        raise InputError(f"--sparse fraction must be in (0, 1], not {fraction}.")
    return SparseSpec(mode, fraction)  # type: ignore[arg-type]


def pixel_hash(rows: np.ndarray, cols: np.ndarray, seed: int) -> np.ndarray:
    """A uniform [0, 1) value per absolute pixel position (splitmix64 finaliser)."""
    salt = np.uint64(seed * 0x9E3779B97F4A7C15 % 2**64)
    x = (rows.astype(np.uint64) << np.uint64(32)) ^ cols.astype(np.uint64) ^ salt
    with np.errstate(over="ignore"):
        x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        x = x ^ (x >> np.uint64(31))
    return (x >> np.uint64(11)).astype(np.float64) / float(2**53)


class SparseLabels:
    """Wraps a dense label source and keeps only sparse points or scribbles of it."""

    def __init__(self, source: LabelSource, spec: SparseSpec, seed: int = 0) -> None:
        self.source = source
        self.spec = spec
        self.seed = seed
        self.scheme = source.scheme
        self.grid = source.grid
        self._block = lru_cache(maxsize=64)(self._scribble_block)

    def candidate_windows(self, size: int) -> list[Window]:
        """The wrapped source's windows (sparse labels are a subset of them)."""
        return self.source.candidate_windows(size)

    def close(self) -> None:
        """Closes the wrapped source."""
        close_source = getattr(self.source, "close", None)
        if close_source is not None:
            close_source()

    def read(self, window: Window) -> np.ndarray:
        """The kept part of the wrapped source's labels in a window (fixed per pixel and seed)."""
        if self.spec.mode == "points":
            labels = self.source.read(window)
            rows, cols = np.mgrid[0:labels.shape[0], 0:labels.shape[1]]
            keep = pixel_hash(rows + int(window.row_off), cols + int(window.col_off), self.seed) < self.spec.fraction
            return np.where(keep, labels, IGNORE_INDEX).astype(np.int16)
        return self._read_scribbles(window)

    def _read_scribbles(self, window: Window) -> np.ndarray:
        row0, col0 = int(window.row_off), int(window.col_off)
        height, width = int(window.height), int(window.width)
        out = np.full((height, width), IGNORE_INDEX, dtype=np.int16)
        b = _SCRIBBLE_BLOCK
        for block_row in range(row0 // b, (row0 + height - 1) // b + 1):
            for block_col in range(col0 // b, (col0 + width - 1) // b + 1):
                block = self._block(block_row, block_col)
                r0, c0 = block_row * b, block_col * b
                rs, re = max(r0, row0), min(r0 + b, row0 + height)
                cs, ce = max(c0, col0), min(c0 + b, col0 + width)
                out[rs - row0:re - row0, cs - col0:ce - col0] = block[rs - r0:re - r0, cs - c0:ce - c0]
        return out

    def _scribble_block(self, block_row: int, block_col: int) -> np.ndarray:
        """Skeletons of (a fraction of) the class regions of one fixed block."""
        from skimage.measure import label as connected
        from skimage.morphology import skeletonize

        b = _SCRIBBLE_BLOCK
        dense = self.source.read(Window(block_col * b, block_row * b, b, b))
        out = np.full(dense.shape, IGNORE_INDEX, dtype=np.int16)
        for index in np.unique(dense[dense >= 0]):
            regions = connected(dense == index, connectivity=1)
            skeleton = skeletonize(regions > 0)
            if self.spec.fraction < 1:
                ids = np.arange(1, regions.max() + 1)
                draw = pixel_hash(ids + block_row * 7919, ids + block_col * 104729 + int(index), self.seed)
                chosen = draw < self.spec.fraction
                skeleton &= np.isin(regions, ids[chosen])
            out[skeleton] = index
        return out
