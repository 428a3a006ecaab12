import torch
from torch.nn import functional

from landcover_core.common.classes import IGNORE_INDEX
from landcover_core.training.losses import PartialCrossEntropy, inverse_frequency_weights


def _batch(seed=0, k=4):
    g = torch.Generator().manual_seed(seed)
    return torch.randn(2, k, 8, 8, generator=g, requires_grad=True), torch.randint(0, k, (2, 8, 8), generator=g)


def test_equals_cross_entropy_when_all_pixels_are_labeled():
    logits, target = _batch()
    assert torch.allclose(PartialCrossEntropy()(logits, target), functional.cross_entropy(logits, target))


def test_unlabeled_pixels_change_neither_loss_nor_gradient():
    logits, target = _batch()
    target[:, :4] = IGNORE_INDEX
    loss = PartialCrossEntropy()(logits, target)
    loss.backward()
    assert torch.all(logits.grad[:, :, :4] == 0)
    assert torch.any(logits.grad[:, :, 4:] != 0)
    other = logits.detach().clone()
    other[:, :, :4] = torch.randn_like(other[:, :, :4]) * 10
    assert torch.allclose(PartialCrossEntropy()(other, target), loss)
    labeled = target != IGNORE_INDEX
    expected = functional.cross_entropy(logits.detach().permute(0, 2, 3, 1)[labeled], target[labeled])
    assert torch.allclose(loss, expected)


def test_batch_without_labels_gives_zero_not_nan():
    logits, target = _batch()
    target[:] = IGNORE_INDEX
    loss = PartialCrossEntropy(class_weights=torch.ones(4), focal_gamma=2.0, dice_weight=1.0)(logits, target)
    assert loss.item() == 0.0
    loss.backward()
    assert torch.all(logits.grad == 0)


def test_class_weights_match_torch_weighted_mean():
    logits, target = _batch(1)
    target[0, 0] = IGNORE_INDEX
    weights = torch.tensor([1.0, 2.0, 0.5, 3.0])
    expected = functional.cross_entropy(logits, target, weight=weights, ignore_index=IGNORE_INDEX)
    assert torch.allclose(PartialCrossEntropy(class_weights=weights)(logits, target), expected)


def test_focal_modulation_down_weights_easy_pixels():
    logits, target = _batch(2)
    plain = PartialCrossEntropy()(logits, target)
    focal = PartialCrossEntropy(focal_gamma=2.0)(logits, target)
    assert 0 < focal < plain


def test_dice_term_is_added_and_perfect_prediction_scores_near_zero():
    target = torch.randint(0, 3, (1, 6, 6))
    perfect = functional.one_hot(target, 3).permute(0, 3, 1, 2).float() * 50
    assert PartialCrossEntropy(dice_weight=1.0)(perfect, target) < 1e-3
    logits, target = _batch(3)
    assert PartialCrossEntropy(dice_weight=1.0)(logits, target) > PartialCrossEntropy()(logits, target)


def test_inverse_frequency_weights():
    weights = inverse_frequency_weights(torch.tensor([100, 300, 0, 200]))
    assert weights[2] == 0
    assert weights[0] > weights[3] > weights[1]
    assert torch.isclose(weights[3], torch.tensor(1.0))  # the median class gets weight 1
    tempered = inverse_frequency_weights(torch.tensor([100, 300, 0, 200]), power=0.5)  # --class-weights sqrt
    assert torch.allclose(tempered, weights.sqrt())
    assert 1 < tempered[0] < weights[0]
