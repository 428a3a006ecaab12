"""Tile grid, blending weights and the strip accumulator."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from landcover_core.inference.tiling import StripBlender, TileGrid, blend_weights, ramp, tile_starts


@pytest.mark.parametrize(("length", "tile", "overlap"),
                         [(50, 64, 8), (64, 64, 8), (300, 64, 8), (301, 64, 16), (1000, 128, 0)])
def test_tile_starts_cover_the_axis(length: int, tile: int, overlap: int) -> None:
    starts = tile_starts(length, tile, overlap)
    covered = np.zeros(length, bool)
    for start in starts:
        covered[start:start + tile] = True
    assert covered.all()
    assert starts[0] == 0
    assert starts == sorted(set(starts))
    if length > tile:
        assert starts[-1] == length - tile  # the last tile ends on the edge: no padding
        assert all(b - a <= tile - overlap for a, b in itertools.pairwise(starts))


def test_ramps_of_neighbours_sum_to_one_in_the_overlap() -> None:
    tile, overlap = 64, 16
    weights = ramp(tile, overlap)
    stride = tile - overlap
    assert np.allclose(weights[stride:] + weights[:overlap], 1.0)
    assert weights.min() > 0 and weights.max() == 1.0
    assert np.allclose(blend_weights(tile, overlap), np.outer(weights, weights))


def test_strip_blender_hands_out_each_row_once_with_normalised_probabilities() -> None:
    grid = TileGrid(height=150, width=130, tile=64, overlap=16)
    rng = np.random.default_rng(0)
    truth = rng.random((3, 150, 130)).astype(np.float32)
    blender = StripBlender(grid, 3)
    rows_seen = []
    out = np.zeros_like(truth)

    def take(block):
        top, left, probs, weight = block
        assert left == 0 and (weight > 0).all()
        out[:, top:top + probs.shape[1]] = probs / weight
        rows_seen.extend(range(top, top + probs.shape[1]))

    for tile in grid:
        patch = np.zeros((3, 64, 64), np.float32)
        part = truth[:, tile.row:tile.row + 64, tile.col:tile.col + 64]
        patch[:, :part.shape[1], :part.shape[2]] = part
        for rows in blender.add(tile, patch, np.ones((64, 64), bool)):
            take(rows)
    for rows in blender.finish():
        take(rows)
    assert rows_seen == list(range(150))
    # Every tile saw the same values, so blending must give them back exactly.
    assert np.allclose(out, truth, atol=1e-5)


def test_strip_blender_leaves_pixels_without_valid_input_at_zero_weight() -> None:
    grid = TileGrid(height=64, width=64, tile=64, overlap=8)
    blender = StripBlender(grid, 2)
    valid = np.ones((64, 64), bool)
    valid[10:20, 30:40] = False
    assert list(blender.add(next(iter(grid)), np.full((2, 64, 64), 0.5, np.float32), valid)) == []
    top, left, _probs, weight = next(blender.finish())  # a view: inspect before resuming the generator
    assert top == left == 0 and (weight[10:20, 30:40] == 0).all() and (weight[valid] > 0).all()


def _blend(grid: TileGrid, per_tile: dict[tuple[int, int], np.ndarray]) -> tuple[np.ndarray, np.ndarray, list]:
    """Blends one fixed (2, T, T) array per tile origin; returns the probability and weight sums."""
    probs, weight = np.zeros((2, grid.height, grid.width), np.float32), np.zeros((grid.height, grid.width), np.float32)
    covered = []

    def take(block):
        top, left, p, w = block
        probs[:, top:top + p.shape[1], left:left + p.shape[2]] += p
        weight[top:top + w.shape[0], left:left + w.shape[1]] += w
        covered.append((top, left, w.shape[0], w.shape[1]))

    blender = StripBlender(grid, 2)
    valid = np.ones((grid.tile, grid.tile), bool)
    for tile in grid:
        for block in blender.add(tile, per_tile[tile.row, tile.col], valid):
            take(block)
    for block in blender.finish():
        take(block)
    return probs, weight, covered


@pytest.mark.parametrize(("chunk_columns", "origin"), [(50, 0), (100, 7), (130, 3), (64, 0), (1000, 0)])
def test_column_chunks_blend_every_pixel_as_the_whole_strip_does(chunk_columns: int, origin: int) -> None:
    grid = TileGrid(height=150, width=300, tile=64, overlap=16)
    rng = np.random.default_rng(1)
    # Each tile predicts something else, so a dropped or doubled tile changes the blend.
    per_tile = {(t.row, t.col): rng.random((2, 64, 64)).astype(np.float32) for t in grid}
    probs, weight, _ = _blend(grid, per_tile)
    chunked = TileGrid(150, 300, 64, 16, chunk_columns, origin)
    chunk_probs, chunk_weight, blocks = _blend(chunked, per_tile)
    assert len(chunked.chunks) == len(range(origin + chunk_columns, 300, chunk_columns)) + 1
    # Each pixel is handed out exactly once, by one chunk.
    seen = np.zeros((150, 300), int)
    for top, left, h, w in blocks:
        seen[top:top + h, left:left + w] += 1
    assert (seen == 1).all() and len(chunked) >= len(grid)
    assert np.allclose(chunk_weight, weight, rtol=1e-6) and np.allclose(chunk_probs, probs, rtol=1e-6)
