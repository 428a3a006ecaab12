"""Consistency between weak and strong views of a tile (``--consistency-weight``): the loss and its guard."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from landcover_core.config import TrainConfig
from landcover_core.data.sampling import TRAIN, Block, BlockIndex
from landcover_core.errors import InputError
from landcover_core.training.consistency import consistency_loss, strong_view
from landcover_core.training.trainer import check_unlabeled_pixels


def test_consistency_loss_is_zero_for_identical_views_and_teaches_only_confident_unlabelled_pixels():
    torch.manual_seed(0)
    weak = torch.randn(2, 4, 8, 8) * 5
    unlabeled = torch.ones(2, 8, 8, dtype=torch.bool)
    assert float(consistency_loss(weak, weak.clone(), unlabeled, 0.5)) == pytest.approx(0.0, abs=1e-6)
    strong = torch.randn(2, 4, 8, 8, requires_grad=True)
    loss = consistency_loss(weak, strong, unlabeled, 0.5)
    assert loss.item() > 0
    loss.backward()
    assert strong.grad is not None and strong.grad.abs().sum() > 0
    # Labelled pixels, or a threshold no prediction reaches, teach nothing.
    assert consistency_loss(weak, strong, ~unlabeled, 0.5).item() == 0.0
    assert consistency_loss(torch.zeros(2, 4, 8, 8), strong, unlabeled, 0.5).item() == 0.0  # all at 1/4


def test_the_weak_view_is_a_fixed_target():
    weak = torch.randn(1, 3, 4, 4, requires_grad=True)
    strong = torch.randn(1, 3, 4, 4, requires_grad=True)
    consistency_loss(weak, strong, torch.ones(1, 4, 4, dtype=torch.bool), 0.1).backward()
    assert weak.grad is None and strong.grad is not None


def test_strong_view_perturbs_colours_reproducibly_and_keeps_pixels_in_place():
    images = torch.zeros(2, 3, 16, 16)
    images[:, :, :, 8:] = 1.0
    first = strong_view(images, torch.Generator().manual_seed(1))
    again = strong_view(images, torch.Generator().manual_seed(1))
    assert torch.equal(first, again) and first.shape == images.shape and not torch.equal(first, images)
    # Colour only: the edge between the halves stays where it was.
    assert (first[:, :, :, 8:].mean((2, 3)) > first[:, :, :, :8].mean((2, 3))).all()


def test_consistency_weight_trains_on_sparse_labels(scene, tmp_path, run):
    code, _out, err = run("train", "--image", scene.image, "--label-raster", scene.truth, "--sparse", "points:0.05",
                          "--out", tmp_path / "m.pt", "--arch", "mobilenet_v3_large", "--tile-size", "64",
                          "--batch-size", "2", "--epochs", "1", "--samples-per-epoch", "4", "--device", "cpu",
                          "--quiet", "--consistency-weight", "1", "--consistency-threshold", "0.5")
    assert code == 0, err


def test_consistency_weight_is_refused_when_every_training_pixel_is_labelled():
    full = BlockIndex(size=4, blocks=[Block(0, 0, 0, np.array([10, 6])), Block(0, 0, 1, np.array([16, 0]))],
                      states=[np.array([[TRAIN, TRAIN]])])
    with pytest.raises(InputError, match="every training pixel is labelled"):
        check_unlabeled_pixels(TrainConfig(out="m.pt", consistency_weight=1.0), full)
    check_unlabeled_pixels(TrainConfig(out="m.pt"), full)  # off: nothing to check
    sparse = BlockIndex(size=4, blocks=[Block(0, 0, 0, np.array([1, 0]))], states=[np.array([[TRAIN]])])
    check_unlabeled_pixels(TrainConfig(out="m.pt", consistency_weight=1.0), sparse)
