"""Partial cross-entropy: the loss only over labeled pixels, so sparse labels are enough; its class weights."""

from __future__ import annotations

from typing import cast

import torch
from torch import nn
from torch.nn import functional

from landcover_core.common.classes import IGNORE_INDEX
from landcover_core.config import CLASS_WEIGHT_PRESETS, parse_class_weights
from landcover_core.errors import InputError
from landcover_core.labels.superpixels import SPREAD_OFFSET


class PartialCrossEntropy(nn.Module):
    """Mean cross-entropy over labeled pixels, with optional focal modulation, class weights and Dice.

    Unlabeled pixels (``IGNORE_INDEX``) contribute neither loss nor gradient. A batch without any labeled
    pixel gives a zero loss (connected to the graph), never NaN. Pseudo-labels arrive as ``K + index``
    (see :mod:`landcover_core.labels.pseudo`) and weigh ``pseudo_weight`` where a true label weighs 1;
    labels spread to superpixels arrive as ``2K + index`` (:mod:`landcover_core.labels.superpixels`) and
    weigh ``spread_weight``.

    Args:
        class_weights: per-class weights (K,), or None. The weighted mean divides by the weights' sum.
        focal_gamma: focal-loss exponent; 0 is plain cross-entropy.
        dice_weight: weight of a Dice term computed over labeled pixels only; 0 disables it.
        pseudo_weight: weight of a pseudo-labeled pixel.
        spread_weight: weight of a pixel labelled by its superpixel.
    """

    def __init__(self, class_weights: torch.Tensor | None = None, focal_gamma: float = 0.0,
                 dice_weight: float = 0.0, pseudo_weight: float = 1.0, spread_weight: float = 0.0) -> None:
        super().__init__()
        self.register_buffer("class_weights", class_weights if class_weights is not None else None)
        self.focal_gamma = focal_gamma
        self.dice_weight = dice_weight
        self.pseudo_weight = pseudo_weight
        self.spread_weight = spread_weight

    def pixel_weights(self, target: torch.Tensor, num_classes: int) -> torch.Tensor:
        """Each pixel's weight in the mean (N, H, W): 0 unlabelled, else its class and pseudo or spread weights."""
        labeled = target != IGNORE_INDEX
        kind = torch.where(target >= SPREAD_OFFSET * num_classes, self.spread_weight, self.pseudo_weight)
        weights = labeled * torch.where(target >= num_classes, kind, 1.0)
        if self.class_weights is not None:
            safe_target = torch.where(labeled, target.remainder(num_classes), torch.zeros_like(target))
            weights = cast(torch.Tensor, self.class_weights)[safe_target] * weights
        return weights

    def forward(self, logits: torch.Tensor, target: torch.Tensor,
                total_weight: torch.Tensor | None = None) -> torch.Tensor:
        """The loss of a batch.

        Args:
            logits: (N, K, H, W).
            target: (N, H, W) int64 class indices, K + index (pseudo) or IGNORE_INDEX.
            total_weight: what the weighted sum is divided by, instead of this batch's own weight sum: under
                data parallelism, the global batch's sum divided by the process count, so the averaged
                gradients equal those of one process holding the whole batch.
        """
        labeled = target != IGNORE_INDEX
        if not bool(labeled.any()):
            return logits.sum() * 0.0
        num_classes = logits.shape[1]
        safe_target = torch.where(labeled, target.remainder(num_classes), torch.zeros_like(target))
        logits = logits.float()
        ce = functional.cross_entropy(logits, safe_target, reduction="none")
        if self.focal_gamma > 0:
            ce = (1.0 - torch.exp(-ce)).pow(self.focal_gamma) * ce
        weights = self.pixel_weights(target, num_classes)
        divisor = weights.sum() if total_weight is None else total_weight
        loss = (ce * weights).sum() / divisor.clamp_min(1e-12)
        if self.dice_weight > 0:
            loss = loss + self.dice_weight * soft_dice_loss(logits, safe_target, labeled)
        return loss


def soft_dice_loss(logits: torch.Tensor, target: torch.Tensor, labeled: torch.Tensor) -> torch.Tensor:
    """1 - mean soft Dice over the classes present in the labeled pixels of the batch."""
    num_classes = logits.shape[1]
    probs = logits.softmax(dim=1).permute(0, 2, 3, 1)[labeled]  # (P, K)
    one_hot = functional.one_hot(target[labeled], num_classes).to(probs.dtype)
    intersection = (probs * one_hot).sum(dim=0)
    denominator = probs.sum(dim=0) + one_hot.sum(dim=0)
    present = one_hot.sum(dim=0) > 0
    dice = (2 * intersection + 1.0) / (denominator + 1.0)
    return 1.0 - dice[present].mean()


def check_class_weights(text: str, names: list[str]) -> None:
    """Checks that ``--class-weights`` gives one number per class, once the classes are known (a preset always fits).

    Raises:
        InputError: another count of numbers, or not a ``--class-weights`` value at all.
    """
    try:
        value = parse_class_weights(text)
    except ValueError as exc:
        raise InputError(f"--class-weights: {exc}.") from None
    if isinstance(value, list) and len(value) != len(names):
        raise InputError(f"--class-weights has {len(value)} values but there are {len(names)} classes "
                         f"({', '.join(names)}): give one weight per class, in this order, or a preset "
                         f"({', '.join(CLASS_WEIGHT_PRESETS)}).")


def class_weights_for(text: str, counts: torch.Tensor) -> torch.Tensor | None:
    """The loss's class weights for ``--class-weights`` (None: unweighted), presets from the labelled ``counts``.

    ``text`` is valid and fits the classes (see :func:`check_class_weights`).
    """
    value = parse_class_weights(text)
    if isinstance(value, list):
        return torch.tensor(value, dtype=torch.float32)
    power = CLASS_WEIGHT_PRESETS[value]
    return None if power is None else inverse_frequency_weights(counts, power)


def inverse_frequency_weights(counts: torch.Tensor, power: float = 1.0) -> torch.Tensor:
    """Median-frequency class weights: (median(freq) / freq) ** power, 0 for classes without pixels.

    ``power`` 0.5 (the square root) tempers the weights: a class of 0.5% of the labels gets ~6x the weight of a
    median class instead of ~40x, enough to be learnt without being painted over its neighbours.
    """
    counts = counts.double()
    freq = counts / counts.sum()
    present = counts > 0
    weights = torch.zeros_like(freq)
    weights[present] = (freq[present].median() / freq[present]) ** power
    return weights.float()
