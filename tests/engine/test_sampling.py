"""Where training tiles come from: labeled blocks, the spatially disjoint split, seeded sampling, scene reads."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import rasterio
import torch
from rasterio.windows import Window

from landcover_core.common.raster import read_window
from landcover_core.config import SCENE_SPLIT_MIN
from landcover_core.data import scenes as scenes_module
from landcover_core.data.loader import TRAIN_STREAM, TileOrder, TrainingTiles, tile_loader
from landcover_core.data.sampling import (
    MIN_BLOCK_SIZE,
    TRAIN,
    VAL,
    Block,
    BlockIndex,
    TileSampler,
    index_blocks,
    mask_to_state,
    split_blocks,
    validation_tiles,
)
from landcover_core.data.sources import TrainingData, load_training_scenes
from landcover_core.errors import InputError
from landcover_core.progress import Reporter

QUIET = Reporter(quiet=True)


def _scenes(scene, **extra):
    return load_training_scenes(TrainingData(images=[str(scene.image)], label_rasters=[str(scene.truth)], **extra))


def _split(scenes, scheme, seed=0, tile=64, fraction=0.3):
    index = index_blocks(scenes, len(scheme), tile, QUIET)
    split_blocks(index, len(scenes), fraction, seed)
    return index


def test_split_is_spatially_disjoint_and_validation_counts_each_pixel_once(scene) -> None:
    scenes, scheme = _scenes(scene)
    index = _split(scenes, scheme)
    states = index.states[0]
    assert (states == TRAIN).any() and (states == VAL).any()
    # Training reads never see a validation pixel: every labeled pixel left lies in a training block.
    for row in range(-16, 192, 40):
        window = Window(row, row // 2, 64, 64)
        _, labels = scenes[0].read(window)
        kept = mask_to_state(labels, window, states, index.size, TRAIN)
        rows, cols = np.nonzero(kept >= 0)
        blocks = states[(rows + int(window.row_off)) // index.size, (cols + int(window.col_off)) // index.size]
        assert (blocks == TRAIN).all()
    # Validation tiles hold each validation pixel exactly once.
    counted = sum(int((labels >= 0).sum()) for _, labels in validation_tiles(scenes, index, 64))
    assert counted == int(index.counts(VAL).sum())
    # Every class held by two or more blocks is in validation.
    held = np.sum([b.counts > 0 for b in index.blocks], axis=0)
    assert all(index.counts(VAL)[k] > 0 for k in np.flatnonzero(held >= 2))
    scenes[0].close()


def _copies(scene, count: int):
    return load_training_scenes(TrainingData(images=[str(scene.image)] * count,
                                             label_rasters=[str(scene.truth)] * count))


def test_few_scenes_give_blocks_of_every_scene_to_validation(scene) -> None:
    scenes, scheme = _copies(scene, 3)
    index = index_blocks(scenes, len(scheme), 32, QUIET)
    split_blocks(index, len(scenes), 0.3, seed=0)  # auto: 3 < SCENE_SPLIT_MIN scenes
    assert not index.by_scene
    for states in index.states:  # every scene trains and validates, in about the asked share
        labelled = np.count_nonzero(states)
        assert 0.15 <= np.count_nonzero(states == VAL) / labelled <= 0.45
    split_blocks(index, len(scenes), 0.3, seed=0, unit="scenes")
    assert index.by_scene
    kinds = [set(np.unique(states[states > 0])) for states in index.states]
    assert all(len(kind) == 1 for kind in kinds) and {TRAIN} in kinds and {VAL} in kinds
    for item in scenes:
        item.close()


def test_many_scenes_hold_out_whole_scenes_and_one_scene_cannot(scene) -> None:
    scenes, scheme = _copies(scene, SCENE_SPLIT_MIN)
    index = index_blocks(scenes, len(scheme), 64, QUIET)
    split_blocks(index, len(scenes), 0.3, seed=0)
    assert index.by_scene
    assert 2 <= sum(bool((states == VAL).any()) for states in index.states) <= 4
    for item in scenes:
        item.close()
    scenes, scheme = _scenes(scene)
    index = index_blocks(scenes, len(scheme), 64, QUIET)
    with pytest.raises(InputError, match="--val-split scenes holds out whole scenes, but only 1 scene has labels"):
        split_blocks(index, 1, 0.3, seed=0, unit="scenes")
    scenes[0].close()


def test_split_and_tiles_are_reproducible_per_seed(scene) -> None:
    def draw(seed: int):
        scenes, scheme = _scenes(scene)
        index = _split(scenes, scheme, seed=seed)
        tiles_of = TrainingTiles(TileSampler(scenes, index, 64), [0.0] * 4, [1.0] * 4, seed)
        tiles = [tiles_of[(TRAIN_STREAM, n)] for n in range(4)]
        scenes[0].close()
        return index.states[0].copy(), tiles

    states_a, tiles_a = draw(0)
    states_b, tiles_b = draw(0)
    states_c, tiles_c = draw(7)
    assert np.array_equal(states_a, states_b)
    assert all(np.array_equal(a[0], b[0]) and np.array_equal(a[1], b[1]) for a, b in zip(tiles_a, tiles_b, strict=True))
    assert not np.array_equal(states_a, states_c) or any(
        not np.array_equal(a[0], c[0]) for a, c in zip(tiles_a, tiles_c, strict=True))


def test_few_labels_shrink_the_blocks_so_a_split_stays_possible(scene, tmp_path: Path) -> None:
    with rasterio.open(scene.truth) as src:
        profile, truth = src.profile, src.read(1)
    sparse = np.zeros_like(truth)
    sparse[40:56, 40:56] = truth[40:56, 40:56]  # one small labeled patch
    sparse[120:136, 100:116] = truth[120:136, 100:116]
    path = tmp_path / "few.tif"
    with rasterio.open(path, "w", **{**profile, "nodata": 0}) as dst:
        dst.write(sparse, 1)
    scenes, scheme = load_training_scenes(TrainingData(images=[str(scene.image)], label_rasters=[str(path)]))
    index = index_blocks(scenes, len(scheme), 128, QUIET)
    assert MIN_BLOCK_SIZE <= index.size < 128
    assert sum(int(b.counts.sum()) for b in index.blocks) == int((sparse > 0).sum())
    scenes[0].close()


@pytest.mark.parametrize("window", [Window(0, 0, 64, 64), Window(-10, 150, 64, 64), Window(170, -5, 40, 80)])
def test_large_scenes_stream_and_read_like_cached_ones(scene, monkeypatch: pytest.MonkeyPatch, window: Window) -> None:
    scenes, _ = _scenes(scene)
    cached = scenes[0].read(window)
    scenes[0].close()
    monkeypatch.setattr(scenes_module._CACHE, "budget", 1024)  # every scene is now "too large" to keep
    scenes, _ = _scenes(scene)
    streamed = scenes[0].read(window)
    assert scenes[0].key not in scenes_module._CACHE._items
    np.testing.assert_array_equal(cached[0], streamed[0])
    np.testing.assert_array_equal(cached[1], streamed[1])
    scenes[0].close()


def test_a_closed_scene_never_serves_its_pixels_to_another(scene, tmp_path: Path) -> None:
    with rasterio.open(scene.image) as src:
        profile, pixels = src.profile, src.read()
    other = tmp_path / "other.tif"
    with rasterio.open(other, "w", **profile) as dst:
        dst.write(pixels[:, ::-1, :])  # same grid, other pixels
    window = Window(20, 20, 32, 32)
    for _ in range(5):  # ids of dead objects are reused; the cache must not be fooled by that
        first, _ = _scenes(scene)
        first[0].read(window)
        first[0].close()
        assert first[0].key not in scenes_module._CACHE._items
        del first
        second, _ = load_training_scenes(TrainingData(images=[str(other)], label_rasters=[str(scene.truth)]))
        image, _ = second[0].read(window)
        with rasterio.open(other) as src:
            expected, valid = read_window(src, second[0].bands, window)
        np.testing.assert_array_equal(image[:, valid], expected[:, valid])
        second[0].close()


@pytest.mark.parametrize("balance", [0.25, 0.5, 1.0])
def test_class_balance_draws_rare_classes_more_often(balance: float) -> None:
    # 99 blocks of a common class (1000 px each) and 1 block holding a rare class (10 px) beside it.
    counts = [np.array([1000, 0]) for _ in range(99)] + [np.array([990, 10])]
    blocks = [Block(0, i // 10, i % 10, c) for i, c in enumerate(counts)]
    index = BlockIndex(32, blocks, [np.full((10, 10), TRAIN)])
    sampler = TileSampler([], index, 64, class_balance=balance)
    common, rare = 99_990.0, 10.0
    expected = rare ** (1 - balance) / (rare ** (1 - balance) + common ** (1 - balance))
    assert sampler.class_shares()[1] == pytest.approx(expected)
    rng = np.random.default_rng(0)
    draws = [sampler.draw_block(rng) for _ in range(4000)]
    rare_block = sum(b.counts[1] > 0 for b in draws) / len(draws)
    # The rare block is drawn for the rare class, and (by the root of its 990 px) for the common one.
    common_share = np.sqrt(990) / (99 * np.sqrt(1000) + np.sqrt(990))
    assert rare_block == pytest.approx(expected + (1 - expected) * common_share, abs=0.02)


@pytest.mark.parametrize("balance", [0.0, 1.0])
def test_the_logged_class_shares_are_the_drawn_ones(balance: float) -> None:
    # Blocks of mixed classes: a tile drawn "for" a class is one whose block holds it.
    counts = [np.array([900, 100, 0]), np.array([0, 50, 50]), np.array([400, 0, 10]), np.array([20, 0, 0])]
    blocks = [Block(0, 0, i, c) for i, c in enumerate(counts)]
    sampler = TileSampler([], BlockIndex(32, blocks, [np.full((1, 4), TRAIN)]), 64, class_balance=balance)
    rng = np.random.default_rng(1)
    draws = [sampler.draw(rng) for _ in range(20_000)]
    drawn = np.bincount([label for _, label in draws], minlength=3) / len(draws)
    np.testing.assert_allclose(drawn, sampler.class_shares(), atol=0.015)
    assert all(block.counts[label] > 0 for block, label in draws)
    if balance == 0:
        # Blocks still come by the square root of their labelled pixels, and the shares are the mix those
        # blocks hold (the expected labelled-pixel share of each class in a drawn block).
        roots = np.sqrt([c.sum() for c in counts])
        np.testing.assert_allclose(sampler.block_p @ sampler.class_p, roots / roots.sum())
        mix = sum(p * c / c.sum() for p, c in zip(roots / roots.sum(), counts, strict=True))
        np.testing.assert_allclose(sampler.class_shares(), mix)
    else:
        np.testing.assert_allclose(sampler.class_shares(), [1 / 3] * 3)


def test_process_shares_of_global_batches_are_the_single_process_batches() -> None:
    """W processes with batch B take, step by step, exactly the tiles of one process with batch W*B."""
    for epoch in (1, 3):
        single = TileOrder(steps=5, batch_size=6)
        single.set_epoch(epoch)
        shares = [TileOrder(steps=5, batch_size=2, world=3, rank=rank) for rank in range(3)]
        for order in shares:
            order.set_epoch(epoch)
        per_rank = [list(order) for order in shares]
        one = list(single)
        for step in range(5):
            together = [key for keys in per_rank for key in keys[step * 2:(step + 1) * 2]]
            assert together == one[step * 6:(step + 1) * 6]
        assert len(one) == len(single) == 30
    first, third = TileOrder(5, 6), TileOrder(5, 6)
    third.set_epoch(3)
    assert not set(first) & set(third)


def test_tiles_do_not_depend_on_loader_workers_or_reading_order(scene) -> None:
    scenes, scheme = _scenes(scene)
    index = _split(scenes, scheme, seed=0)
    tiles = TrainingTiles(TileSampler(scenes, index, 64), [100.0] * 4, [50.0] * 4, seed=3, color_jitter=0.2)
    order = TileOrder(steps=3, batch_size=2)
    in_process = [batch for batch in tile_loader(tiles, order, workers=0, pin_memory=False)]
    with_workers = [batch for batch in tile_loader(tiles, order, workers=2, pin_memory=False)]
    backwards = [tiles[key] for key in reversed(list(order))][::-1]
    for (a_image, a_labels), (b_image, b_labels) in zip(in_process, with_workers, strict=True):
        assert torch.equal(a_image, b_image) and torch.equal(a_labels, b_labels)
    assert all(torch.equal(in_process[n // 2][0][n % 2], backwards[n][0]) for n in range(6))
    # Different tiles differ (a generator shared by mistake would repeat or shift them).
    assert not torch.equal(in_process[0][0][0], in_process[0][0][1])
    scenes[0].close()


def test_validation_shares_cover_every_block_once(scene) -> None:
    scenes, scheme = _scenes(scene)
    index = _split(scenes, scheme, seed=0)
    whole = sum(int((labels >= 0).sum()) for _, labels in validation_tiles(scenes, index, 64))
    shares = [sum(int((labels >= 0).sum()) for _, labels in validation_tiles(scenes, index, 64, part=(r, 3)))
              for r in range(3)]
    assert sum(shares) == whole == int(index.counts(VAL).sum())
    assert all(shares)
    scenes[0].close()
