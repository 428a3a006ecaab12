"""Sparse labels spread to superpixels: only where a superpixel's labels agree, weighed below true labels."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from rasterio.windows import Window

from landcover_core.common.classes import IGNORE_INDEX
from landcover_core.data.sampling import TRAIN, TileSampler, index_blocks, mask_to_state, split_blocks
from landcover_core.data.sources import TrainingData, load_training_scenes
from landcover_core.labels.superpixels import SPREAD_OFFSET, spread_labels, superpixels
from landcover_core.progress import Reporter
from landcover_core.training.losses import PartialCrossEntropy

K = 3
SPREAD = SPREAD_OFFSET * K
_ = IGNORE_INDEX


def test_a_superpixel_takes_a_label_only_where_its_points_agree():
    segments = np.array([[0, 0, 1, 1], [0, 0, 1, 1], [2, 2, 3, 3]])
    labels = np.array([[1, _, 0, _], [1, _, _, 2], [K + 2, _, _, _]], dtype=np.int16)
    spread = spread_labels(labels, segments, K)
    # Superpixel 0: two points of class 1 agree, so its unlabelled pixels read the spread code of class 1.
    assert spread[0, 1] == spread[1, 1] == SPREAD + 1
    # Superpixel 1: classes 0 and 2 disagree: nothing spreads, the points stay.
    assert spread[0, 3] == spread[1, 2] == _ and spread[0, 2] == 0 and spread[1, 3] == 2
    # A pseudo-label is no true label: it neither spreads nor is overwritten; superpixel 3 has no label.
    assert spread[2, 0] == K + 2 and spread[2, 1] == _ and (spread[2, 2:] == _).all()
    assert spread.dtype == labels.dtype


def test_superpixels_follow_colour_edges_and_survive_a_flat_band():
    image = np.zeros((4, 32, 32), dtype=np.float32)
    image[:3, :, 16:] = 100.0  # left and right halves of two colours; band 4 flat (an alpha band)
    segments = superpixels(image)
    assert segments.shape == (32, 32)
    assert not set(np.unique(segments[:, :16])) & set(np.unique(segments[:, 16:]))


def test_spread_pixels_weigh_the_spread_weight_in_the_loss():
    logits = torch.randn(1, K, 2, 2)
    target = torch.tensor([[[0, SPREAD + 1], [K + 2, _]]])
    loss = PartialCrossEntropy(pseudo_weight=0.5, spread_weight=0.25)
    assert loss.pixel_weights(target, K).tolist() == [[[1.0, 0.25], [0.5, 0.0]]]
    off = PartialCrossEntropy(spread_weight=0.0)
    only_true = PartialCrossEntropy()(logits, torch.tensor([[[0, _], [_, _]]]))
    assert off(logits, torch.tensor([[[0, SPREAD + 1], [_, _]]])) == pytest.approx(float(only_true))


def test_training_tiles_spread_labels_inside_training_blocks_only(scene):
    scenes, scheme = load_training_scenes(TrainingData(images=[str(scene.image)], label_rasters=[str(scene.truth)],
                                                       sparse="points:0.02"))
    index = index_blocks(scenes, len(scheme), 64, Reporter(quiet=True))
    split_blocks(index, len(scenes), 0.3, 0)
    plain = TileSampler(scenes, index, 64)
    spreading = TileSampler(scenes, index, 64, spread=True)
    for seed in range(4):
        before = plain.sample(np.random.default_rng(seed))[1]
        after = spreading.sample(np.random.default_rng(seed))[1]
        true = (before >= 0) & (before < len(scheme))
        assert (after[true] == before[true]).all()  # true points are kept as they are
        assert ((after == _) | (after == before) | (after >= SPREAD_OFFSET * len(scheme))).all()
    # Spread labels lie in training blocks only: a whole-scene tile read the sampler's way keeps VAL blocks empty.
    window = Window(0, 0, 192, 192)  # the whole session scene
    image, labels = scenes[0].read(window)
    masked = mask_to_state(labels, window, index.states[0], index.size, TRAIN)
    spread = mask_to_state(spread_labels(masked, superpixels(image), len(scheme)), window, index.states[0],
                           index.size, TRAIN)
    assert (spread >= SPREAD_OFFSET * len(scheme)).sum() > (masked >= 0).sum()  # it spreads a lot
    rows, cols = np.nonzero(spread >= 0)
    assert (index.states[0][rows // index.size, cols // index.size] == TRAIN).all()


def test_train_with_superpixel_weight_through_the_cli(scene, tmp_path, run):
    code, _out, err = run("train", "--image", scene.image, "--label-raster", scene.truth, "--sparse", "points:0.02",
                          "--superpixel-weight", "0.5", "--out", tmp_path / "m.pt", "--arch", "mobilenet_v3_large",
                          "--tile-size", "64", "--batch-size", "2", "--epochs", "1", "--samples-per-epoch", "4",
                          "--device", "cpu", "--quiet")
    assert code == 0, err
    code, _out, err = run("train", "--image", scene.image, "--label-raster", scene.truth,
                          "--superpixel-weight", "2", "--out", tmp_path / "n.pt")
    assert code == 2 and "--superpixel-weight" in err
