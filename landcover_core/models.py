"""DeepLabV3 models (torchvision) for any number of input bands.

Normalisation layers are the known weak spot of DeepLabV3 trained on small batches: BatchNorm's running
statistics drift away from the batch statistics seen in training, and the model collapses to one class in
eval mode (measured on real imagery, and on our generated scenes). The worst offender is the batch norm
after the head's global pooling branch, which normalises over a handful of values per batch. So the head
always uses GroupNorm (it is randomly initialised in every case). The backbone keeps BatchNorm, whose
statistics the trainer re-estimates with the final weights before each validation (precise BN), or
freezes when pretrained and batches are small. A GroupNorm backbone is an option: batch-independent,
but measured to learn about 2.5x slower from scratch on CPU-sized batches.
"""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import cast

import torch
from torch import nn

from landcover_core.config import ARCHS, Arch, Norm
from landcover_core.errors import InputError

#: Below this batch size, a pretrained backbone's BatchNorm statistics are frozen rather than re-estimated.
MIN_BATCH_FOR_BATCHNORM = 16


class LandcoverNet(nn.Module):
    """DeepLabV3 returning the logits tensor (N, K, H, W) instead of torchvision's dict."""

    def __init__(self, deeplab: nn.Module) -> None:
        super().__init__()
        self.net = deeplab

    @property
    def backbone(self) -> nn.Module:
        """The DeepLabV3 backbone (ResNet or MobileNetV3 features)."""
        return cast(nn.Module, self.net.backbone)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Logits (N, K, H, W) of a normalised batch (N, C, H, W)."""
        return self.net(x)["out"]


def build_model(
    arch: Arch,
    in_channels: int,
    num_classes: int,
    weights: str = "none",
    backbone_norm: Norm = "batch",
) -> LandcoverNet:
    """Builds a DeepLabV3 for ``in_channels`` bands and ``num_classes`` classes.

    Args:
        arch: backbone architecture.
        in_channels: number of input bands; the first convolution is adapted when it is not 3.
        num_classes: number of output classes.
        weights: ``none`` (random init), ``imagenet`` (torchvision's cached ImageNet backbone weights;
            never downloaded) or the path of a backbone state-dict file.
        backbone_norm: normalisation layers of the backbone (the head always uses GroupNorm).

    Raises:
        InputError: unknown architecture, missing or unusable weights.
    """
    from torchvision.models.segmentation import (
        deeplabv3_mobilenet_v3_large,
        deeplabv3_resnet50,
        deeplabv3_resnet101,
    )

    builders = {
        "resnet50": deeplabv3_resnet50,
        "resnet101": deeplabv3_resnet101,
        "mobilenet_v3_large": deeplabv3_mobilenet_v3_large,
    }
    if arch not in builders:
        raise InputError(f"Unknown architecture '{arch}'; choose one of {', '.join(ARCHS)}.")
    if in_channels < 1:
        raise InputError("The model needs at least one input band.")
    deeplab = builders[arch](weights=None, weights_backbone=None, num_classes=num_classes, aux_loss=False)
    if weights != "none":
        _load_backbone_weights(deeplab.backbone, arch, weights)
    _adapt_first_conv(deeplab.backbone, arch, in_channels)
    _to_group_norm(deeplab.classifier)
    if backbone_norm == "group":
        _to_group_norm(deeplab.backbone)
    return LandcoverNet(deeplab)


def imagenet_weights_path(arch: Arch) -> Path:
    """Where torchvision caches the ImageNet weights of ``arch``'s backbone."""
    from torchvision.models import MobileNet_V3_Large_Weights, ResNet50_Weights, ResNet101_Weights

    enum = {
        "resnet50": ResNet50_Weights.IMAGENET1K_V1,
        "resnet101": ResNet101_Weights.IMAGENET1K_V1,
        "mobilenet_v3_large": MobileNet_V3_Large_Weights.IMAGENET1K_V1,
    }[arch]
    return Path(torch.hub.get_dir()) / "checkpoints" / os.path.basename(enum.url)


def _load_backbone_weights(backbone: nn.Module, arch: Arch, weights: str) -> None:
    if weights == "imagenet":
        path = imagenet_weights_path(arch)
        if not path.is_file():
            raise InputError(
                f"ImageNet weights for {arch} are not in torchvision's cache ({path}) and this tool never "
                "downloads them. Copy the file there from a connected machine, pass --weights PATH, "
                "or train from scratch with --weights none."
            )
    else:
        path = Path(weights)
        if not path.is_file():
            raise InputError(f"Weights file {path} does not exist (use --weights none|imagenet|PATH).")
    try:
        state = torch.load(path, map_location="cpu", weights_only=True)
    except Exception as exc:  # noqa: BLE001 - any unreadable file gets the same message
        raise InputError(f"Cannot read weights file {path}: {exc}") from None
    if isinstance(state, dict) and "state_dict" in state and isinstance(state["state_dict"], dict):
        state = state["state_dict"]
    if not isinstance(state, dict):
        raise InputError(f"Weights file {path} does not hold a state dict.")
    own = backbone.state_dict()
    matched = {}
    for key, value in state.items():
        for prefix in ("net.backbone.", "backbone.", "features." if arch.startswith("mobilenet") else "\0", ""):
            name = key[len(prefix):] if key.startswith(prefix) else None
            if name in own and own[name].shape == value.shape:
                matched[name] = value
                break
    if len(matched) < len(own) // 2:
        raise InputError(
            f"Weights file {path} does not fit a {arch} backbone: only {len(matched)} of {len(own)} tensors match."
        )
    backbone.load_state_dict(matched, strict=False)


def _first_conv(backbone: nn.Module, arch: Arch) -> tuple[nn.Module, str]:
    """The module holding the first convolution and that convolution's attribute name."""
    if arch.startswith("mobilenet"):
        return cast(nn.ModuleDict, backbone)["0"], "0"
    return backbone, "conv1"


def _adapt_first_conv(backbone: nn.Module, arch: Arch, in_channels: int) -> None:
    parent, name = _first_conv(backbone, arch)
    old: nn.Conv2d = getattr(parent, name)
    if old.in_channels == in_channels:
        return
    pair = tuple[int, int]  # torchvision's first convolutions are 2-D
    new = nn.Conv2d(in_channels, old.out_channels, cast(pair, old.kernel_size), cast(pair, old.stride),
                    cast(pair, old.padding), cast(pair, old.dilation), old.groups, old.bias is not None)
    with torch.no_grad():
        # Cycle the RGB filters over the new bands and rescale, so pretrained activations keep their size.
        for band in range(in_channels):
            new.weight[:, band] = old.weight[:, band % old.in_channels] * (old.in_channels / in_channels)
    setattr(parent, name, new)


def _to_group_norm(module: nn.Module) -> None:
    """Replaces every BatchNorm2d below ``module`` by a GroupNorm (batch-size independent)."""
    for name, child in module.named_children():
        if isinstance(child, nn.BatchNorm2d):
            channels = child.num_features
            setattr(module, name, nn.GroupNorm(math.gcd(channels, 32), channels, eps=child.eps))
        else:
            _to_group_norm(child)


def freeze_batchnorm_stats(module: nn.Module) -> None:
    """Puts BatchNorm layers in eval mode (running statistics frozen) inside a training model."""
    for child in module.modules():
        if isinstance(child, nn.modules.batchnorm._BatchNorm):
            child.eval()


def has_batchnorm(module: nn.Module) -> bool:
    """Whether any BatchNorm layer is left in the module."""
    return any(isinstance(m, nn.modules.batchnorm._BatchNorm) for m in module.modules())
