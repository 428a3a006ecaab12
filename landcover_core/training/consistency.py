"""Learning from unlabelled pixels every step (FixMatch-style, Sohn et al. 2020), for ``--consistency-weight``.

The model's confident predictions on a tile (the weak view: the training tile as drawn) teach it the same
tile seen through a strong photometric perturbation (per band gain and offset, pixel noise). The views
differ in colour only, so their pixels stay aligned and no geometric bookkeeping is needed.
"""

from __future__ import annotations

import torch

#: Strong view: per tile and band, gain in 1 ± this and offset in ± this (in band standard deviations).
STRONG_JITTER = 0.3
#: Strong view: standard deviation of the per-pixel Gaussian noise (in band standard deviations).
STRONG_NOISE = 0.1


def strong_view(images: torch.Tensor, generator: torch.Generator | None = None) -> torch.Tensor:
    """A strongly perturbed copy of a normalised batch (N, C, H, W): per tile and band gain, offset, and noise."""
    n, c = images.shape[:2]

    def uniform(low: float, high: float) -> torch.Tensor:
        draw = torch.rand((n, c, 1, 1), generator=generator, device=images.device, dtype=images.dtype)
        return low + (high - low) * draw

    gain, offset = uniform(1 - STRONG_JITTER, 1 + STRONG_JITTER), uniform(-STRONG_JITTER, STRONG_JITTER)
    noise = torch.randn(images.shape, generator=generator, device=images.device, dtype=images.dtype)
    return images * gain + offset + STRONG_NOISE * noise


def consistency_loss(weak_logits: torch.Tensor, strong_logits: torch.Tensor, unlabeled: torch.Tensor,
                     threshold: float) -> torch.Tensor:
    """FixMatch-style consistency: the strong view's KL divergence from the weak view's confident predictions.

    Args:
        weak_logits: (N, K, H, W) of the weak view; a fixed target (no gradient flows through it).
        strong_logits: (N, K, H, W) of the strong view of the same tiles (same pixel positions).
        unlabeled: (N, H, W) pixels without a label; only they are taught.
        threshold: the weak view's top probability a pixel needs to teach.

    Returns:
        Summed KL over the confident unlabelled pixels divided by all unlabelled pixels (fewer confident
        pixels weigh less); 0 for identical views and for a batch without unlabelled pixels.
    """
    target = weak_logits.detach().float().softmax(dim=1)
    confident = unlabeled & (target.amax(dim=1) >= threshold)
    log_strong = strong_logits.float().log_softmax(dim=1)
    divergence = (target * (target.clamp_min(1e-12).log() - log_strong)).sum(dim=1)
    return (divergence * confident).sum() / unlabeled.sum().clamp_min(1)
