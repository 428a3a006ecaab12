"""The sliding-window grid, blending weights and the strip accumulator that blends overlapping tiles.

Tiles of size T step by T - overlap; the last tile of a row or column is moved back to end on the
region's edge (less padding). Each tile's probabilities are weighted by a pyramid window that ramps
linearly over the overlap, so two neighbours' weights sum to 1 in their overlap and the weight falls
towards tile edges, where convolutions see padding. Only a strip of one tile row is accumulated:
rows that no later tile touches are handed out as soon as their tile row is done.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import numpy as np


def tile_starts(length: int, tile: int, overlap: int) -> list[int]:
    """Tile origins along one axis of ``length`` pixels (one tile when the axis is shorter than a tile)."""
    if length <= tile:
        return [0]
    stride = tile - overlap
    starts = list(range(0, length - tile, stride))
    starts.append(length - tile)
    return starts


def ramp(tile: int, overlap: int) -> np.ndarray:
    """1-D weights: a linear ramp over ``overlap`` pixels at both ends, 1 in between (never 0)."""
    if overlap <= 0:
        return np.ones(tile, dtype=np.float32)
    index = np.arange(tile, dtype=np.float32) + 0.5
    return np.minimum(1.0, np.minimum(index, tile - index) / overlap).astype(np.float32)


def blend_weights(tile: int, overlap: int) -> np.ndarray:
    """2-D (T, T) blending weights, the outer product of two ramps."""
    weights = ramp(tile, overlap)
    return np.outer(weights, weights)


@dataclass(frozen=True)
class Tile:
    """A tile: its origin in region pixels and the tile row it belongs to."""

    row: int
    col: int
    tile_row: int


@dataclass(frozen=True)
class TileGrid:
    """Tiles covering a ``height`` x ``width`` region.

    Attributes:
        height: region height in pixels.
        width: region width in pixels.
        tile: tile size in pixels.
        overlap: overlap between neighbouring tiles in pixels (less than ``tile``).
    """

    height: int
    width: int
    tile: int
    overlap: int

    def __post_init__(self) -> None:
        if not 0 <= self.overlap < self.tile:
            raise ValueError(f"overlap must be in [0, tile): {self.overlap} for tile {self.tile}")

    @property
    def row_starts(self) -> list[int]:
        return tile_starts(self.height, self.tile, self.overlap)

    @property
    def col_starts(self) -> list[int]:
        return tile_starts(self.width, self.tile, self.overlap)

    def __len__(self) -> int:
        return len(self.row_starts) * len(self.col_starts)

    def __iter__(self) -> Iterator[Tile]:
        """Tiles in row-major order (the order the strip accumulator expects)."""
        cols = self.col_starts
        for index, row in enumerate(self.row_starts):
            for col in cols:
                yield Tile(row, col, index)


class StripBlender:
    """Blends tile probabilities into a strip one tile row high and hands out finished rows.

    Memory: (K + 1) x T x width float32, whatever the region's height.
    """

    def __init__(self, grid: TileGrid, num_classes: int) -> None:
        self.grid = grid
        self.weights = blend_weights(grid.tile, grid.overlap)
        self._starts = grid.row_starts
        self._rows = min(grid.tile, grid.height)
        self._probs = np.zeros((num_classes, self._rows, grid.width), dtype=np.float32)
        self._weight = np.zeros((self._rows, grid.width), dtype=np.float32)
        self._tile_row = 0
        self._top = 0  # region row of the strip's first row

    def add(self, tile: Tile, probs: np.ndarray | None, valid: np.ndarray | None) -> Iterator[tuple[int, np.ndarray, np.ndarray]]:
        """Adds a tile's (K, T, T) probabilities (None: a tile without valid pixel).

        Tiles must come in row-major order. Yields the rows finished before this tile, as
        ``(first region row, probability sums (K, h, W), weight sums (h, W))``; a pixel whose weight
        sum is 0 had no valid input.
        """
        while tile.tile_row > self._tile_row:
            yield self._advance()
        if probs is None:
            return
        size = self.grid.tile
        r0 = tile.row - self._top
        h = min(size, self._rows - r0)
        w = min(size, self.grid.width - tile.col)
        weights = self.weights[:h, :w] * valid[:h, :w]
        self._probs[:, r0:r0 + h, tile.col:tile.col + w] += probs[:, :h, :w] * weights
        self._weight[r0:r0 + h, tile.col:tile.col + w] += weights

    def finish(self) -> Iterator[tuple[int, np.ndarray, np.ndarray]]:
        """Yields the remaining rows once the last tile was added."""
        while self._tile_row < len(self._starts):
            yield self._advance()

    def _advance(self) -> tuple[int, np.ndarray, np.ndarray]:
        index = self._tile_row
        last = index + 1 >= len(self._starts)
        next_top = self.grid.height if last else self._starts[index + 1]
        done = next_top - self._top
        out = (self._top, self._probs[:, :done].copy(), self._weight[:done].copy())
        keep = self._rows - done
        # Rows the next tile row overlaps move to the top of the strip; the rest starts empty.
        self._probs[:, :keep] = self._probs[:, done:done + keep]
        self._probs[:, keep:] = 0.0
        self._weight[:keep] = self._weight[done:done + keep]
        self._weight[keep:] = 0.0
        self._top = next_top
        self._tile_row += 1
        return out
