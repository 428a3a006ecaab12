"""The sliding-window grid, blending weights and the strip accumulator that blends overlapping tiles.

Tiles of size T step by T - overlap; the last tile of a row or column is moved back to end on the
region's edge (less padding). Each tile's probabilities are weighted by a pyramid window that ramps
linearly over the overlap, so two neighbours' weights sum to 1 in their overlap and the weight falls
towards tile edges, where convolutions see padding. The region is blended by column chunks, one
after the other, each top to bottom in a strip of one tile row: rows that no later tile touches are
handed out as soon as their tile row is done. A chunk takes every tile that touches its columns, so
a tile straddling a cut is predicted for both chunks and each pixel gets the same tile contributions
as without chunks.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass

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
    """A tile: its origin in region pixels, its tile row and the column chunk it is blended in."""

    row: int
    col: int
    tile_row: int
    chunk: int = 0


@dataclass(frozen=True)
class ColumnChunk:
    """Region columns ``[left, right)`` and the tile columns that touch them.

    Attributes:
        left: first region column handed out.
        right: region column after the last one handed out.
        col_starts: origins of the tile columns touching ``[left, right)``.
        end: region column after the last of these tiles (clipped to the region).
    """

    left: int
    right: int
    col_starts: tuple[int, ...]
    end: int


@dataclass(frozen=True)
class TileGrid:
    """Tiles covering a ``height`` x ``width`` region.

    Attributes:
        height: region height in pixels.
        width: region width in pixels.
        tile: tile size in pixels.
        overlap: overlap between neighbouring tiles in pixels (less than ``tile``).
        chunk_columns: width of the column chunks blended one after the other (None: one chunk).
        chunk_origin: the chunks are cut at columns ``chunk_origin + k * chunk_columns``, k >= 1.
    """

    height: int
    width: int
    tile: int
    overlap: int
    chunk_columns: int | None = None
    chunk_origin: int = 0

    def __post_init__(self) -> None:
        if not 0 <= self.overlap < self.tile:
            raise ValueError(f"overlap must be in [0, tile): {self.overlap} for tile {self.tile}")
        if self.chunk_columns is not None and self.chunk_columns < 1:
            raise ValueError(f"chunk_columns must be positive, not {self.chunk_columns}")

    @property
    def row_starts(self) -> list[int]:
        """Tile origins along the rows."""
        return tile_starts(self.height, self.tile, self.overlap)

    @property
    def col_starts(self) -> list[int]:
        """Tile origins along the columns."""
        return tile_starts(self.width, self.tile, self.overlap)

    @property
    def chunks(self) -> list[ColumnChunk]:
        """The column chunks, left to right."""
        cuts = [0, self.width]
        if self.chunk_columns:
            cuts[1:1] = range(self.chunk_origin + self.chunk_columns, self.width, self.chunk_columns)
        starts = self.col_starts
        chunks = []
        for left, right in itertools.pairwise(cuts):
            touching = tuple(s for s in starts if s < right and s + self.tile > left)
            chunks.append(ColumnChunk(left, right, touching, min(touching[-1] + self.tile, self.width)))
        return chunks

    def __len__(self) -> int:
        """Tiles predicted: a tile straddling a chunk cut counts once per chunk."""
        return len(self.row_starts) * sum(len(chunk.col_starts) for chunk in self.chunks)

    def __iter__(self) -> Iterator[Tile]:
        """Tiles chunk by chunk, row-major within a chunk (the order the strip accumulator expects)."""
        for index, chunk in enumerate(self.chunks):
            for tile_row, row in enumerate(self.row_starts):
                for col in chunk.col_starts:
                    yield Tile(row, col, tile_row, index)


#: A finished block: (first region row, first region column, probability sums (K, h, w), weight sums (h, w)).
Block = tuple[int, int, np.ndarray, np.ndarray]


class StripBlender:
    """Blends tile probabilities into a strip one tile row high and one column chunk wide.

    Finished blocks of rows are handed out as soon as no later tile can add to them.
    Memory: (K + 1) x T x (chunk width + up to 2 T) float32, whatever the region's size.
    """

    def __init__(self, grid: TileGrid, num_classes: int) -> None:
        self.grid = grid
        self.weights = blend_weights(grid.tile, grid.overlap)
        self._chunks = grid.chunks
        self._starts = grid.row_starts
        self._rows = min(grid.tile, grid.height)
        span = max(chunk.end - chunk.col_starts[0] for chunk in self._chunks)
        self._probs = np.zeros((num_classes, self._rows, span), dtype=np.float32)
        self._weight = np.zeros((self._rows, span), dtype=np.float32)
        self._chunk = 0
        self._tile_row = 0
        self._top = 0  # region row of the strip's first row

    def add(self, tile: Tile, probs: np.ndarray | None, valid: np.ndarray | None) -> Iterator[Block]:
        """Adds a tile's (K, T, T) probabilities (None: a tile without valid pixel).

        Tiles must come in the grid's order. Yields the blocks finished before this tile (see
        :data:`Block`); a pixel whose weight sum is 0 had no valid input.
        """
        while (tile.chunk, tile.tile_row) > (self._chunk, self._tile_row):
            yield from self._advance()
        if probs is None or valid is None:
            return
        size, chunk = self.grid.tile, self._chunks[self._chunk]
        r0, c0 = tile.row - self._top, tile.col - chunk.col_starts[0]
        h = min(size, self._rows - r0)
        w = min(size, chunk.end - tile.col)
        weights = self.weights[:h, :w] * valid[:h, :w]
        self._probs[:, r0:r0 + h, c0:c0 + w] += probs[:, :h, :w] * weights
        self._weight[r0:r0 + h, c0:c0 + w] += weights

    def finish(self) -> Iterator[Block]:
        """Yields the remaining blocks once the last tile was added."""
        while self._chunk < len(self._chunks):
            yield from self._advance()

    def _advance(self) -> Iterator[Block]:
        chunk = self._chunks[self._chunk]
        last = self._tile_row + 1 >= len(self._starts)
        next_top = self.grid.height if last else self._starts[self._tile_row + 1]
        done = next_top - self._top
        # Only the chunk's own columns: the tiles reaching beyond them are blended again by the neighbour.
        cols = slice(chunk.left - chunk.col_starts[0], chunk.right - chunk.col_starts[0])
        # A view, not a copy (the strip is the pipeline's largest buffer); the consumer may modify it.
        yield self._top, chunk.left, self._probs[:, :done, cols], self._weight[:done, cols]
        keep = self._rows - done  # 0 after the last tile row: the next chunk starts empty
        # Rows the next tile row overlaps move to the top of the strip; the rest starts empty.
        self._probs[:, :keep] = self._probs[:, done:done + keep]
        self._probs[:, keep:] = 0.0
        self._weight[:keep] = self._weight[done:done + keep]
        self._weight[keep:] = 0.0
        if last:
            self._chunk, self._tile_row, self._top = self._chunk + 1, 0, 0
        else:
            self._top, self._tile_row = next_top, self._tile_row + 1
