"""DeepLabV3 models (torchvision) for any number of input bands.

Normalisation layers are the known weak spot of DeepLabV3 trained on small batches: BatchNorm's running
statistics drift away from the batch statistics seen in training, and the model collapses to one class in
eval mode (measured on real imagery, and on our generated scenes). The worst offender is the batch norm
after the head's global pooling branch, which normalises over a handful of values per batch. So the head
always uses GroupNorm (it is randomly initialised in every case). The backbone keeps BatchNorm, whose
statistics the trainer re-estimates with the final weights before each validation (precise BN), or
freezes when pretrained and batches are small. A GroupNorm backbone is an option: batch-independent,
but measured to learn about 2.5x slower from scratch on CPU-sized batches.

ResNet18 and ResNet34 (BasicBlock backbones, a fraction of ResNet50's work per pixel) are for CPUs: torchvision
cannot dilate their blocks, so :func:`_dilate_basic_layer` turns layer4's stride into a dilation (output
stride 16, as DeepLabV3+ and MobileNetV3 here; stride 8 would quadruple layer4's cost on a CPU).

DeepLabV3 predicts at 1/8 (ResNet50/101) or 1/16 (MobileNetV3, ResNet18/34) of the input resolution and
upsamples the logits, which blurs away what is one to three pixels wide: roads and buildings at 10 m. The ``plus``
decoder (DeepLabV3+, Chen et al. 2018) upsamples the ASPP features to 1/4 and fuses them with the
backbone's stride-4 features before classifying.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any, cast

import torch
from torch import nn

from landcover_core.config import ARCHS, Arch, Decoder, Norm
from landcover_core.errors import InputError
from landcover_core.models.weights import load_backbone_weights
from landcover_core.progress import Reporter

#: The backbone's state-dict key of the first convolution's weight.
FIRST_CONV = {"resnet50": "conv1.weight", "resnet101": "conv1.weight", "resnet18": "conv1.weight",
              "resnet34": "conv1.weight", "mobilenet_v3_large": "0.0.weight"}
#: The backbone stage giving stride-4 features for the ``plus`` decoder.
LOW_LEVEL_LAYER = {"resnet50": "layer1", "resnet101": "layer1", "resnet18": "layer1", "resnet34": "layer1",
                   "mobilenet_v3_large": "3"}
#: Channels the stride-4 features are projected to before fusion (DeepLabV3+'s choice).
LOW_LEVEL_PROJECTION = 48
#: Below this batch size, a pretrained backbone's BatchNorm statistics are frozen rather than re-estimated.
MIN_BATCH_FOR_BATCHNORM = 16


def separable_conv(in_channels: int, out_channels: int) -> list[nn.Module]:
    """A 3x3 depthwise then 1x1 pointwise convolution, each normalised and rectified (DeepLabV3+'s decoder).

    Measured on a 2-core CPU (MobileNetV3, batch 8 of 128 px): a decoder of plain 3x3 convolutions made a
    training step 2.1x as long as DeepLabV3's, separable ones 1.2x.
    """
    return [nn.Conv2d(in_channels, in_channels, 3, padding=1, groups=in_channels, bias=False),
            nn.BatchNorm2d(in_channels), nn.ReLU(inplace=True),
            nn.Conv2d(in_channels, out_channels, 1, bias=False), nn.BatchNorm2d(out_channels), nn.ReLU(inplace=True)]


class PlusDecoder(nn.Module):
    """DeepLabV3+ head: ASPP features upsampled to stride 4, fused with projected stride-4 backbone features."""

    def __init__(self, aspp: nn.Module, low_channels: int, num_classes: int, width: int = 256) -> None:
        """See the class.

        Args:
            aspp: torchvision's ASPP module (``width`` output channels).
            low_channels: channels of the stride-4 backbone features.
            num_classes: output classes.
            width: channels of the ASPP output and the fusion convolutions.
        """
        super().__init__()
        self.aspp = aspp
        self.project = nn.Sequential(nn.Conv2d(low_channels, LOW_LEVEL_PROJECTION, 1, bias=False),
                                     nn.BatchNorm2d(LOW_LEVEL_PROJECTION), nn.ReLU(inplace=True))
        self.fuse = nn.Sequential(*separable_conv(width + LOW_LEVEL_PROJECTION, width), *separable_conv(width, width))
        self.out = nn.Conv2d(width, num_classes, 1)

    def forward(self, high: torch.Tensor, low: torch.Tensor) -> torch.Tensor:
        """Logits at the resolution of ``low``."""
        context = nn.functional.interpolate(self.aspp(high), size=low.shape[-2:], mode="bilinear",
                                            align_corners=False)
        return self.out(self.fuse(torch.cat([context, self.project(low)], dim=1)))


class LandcoverNet(nn.Module):
    """DeepLabV3 (or DeepLabV3+) returning the logits tensor (N, K, H, W) instead of torchvision's dict."""

    def __init__(self, deeplab: nn.Module) -> None:
        super().__init__()
        self.net = deeplab
        #: What pretrained weights were loaded (:func:`~landcover_core.models.weights.load_backbone_weights`), or None.
        self.pretrained: dict[str, Any] | None = None

    @property
    def backbone(self) -> nn.Module:
        """The DeepLabV3 backbone (ResNet or MobileNetV3 features)."""
        return cast(nn.Module, self.net.backbone)

    @property
    def decoder(self) -> Decoder:
        """``plus`` when the head fuses stride-4 features, else ``none``."""
        return "plus" if isinstance(self.net.classifier, PlusDecoder) else "none"

    @property
    def output_layer(self) -> nn.Conv2d:
        """The final 1x1 convolution (one output channel per class)."""
        head = self.net.classifier
        return cast(nn.Conv2d, head.out if isinstance(head, PlusDecoder) else cast(nn.Sequential, head)[-1])

    def replace_output_layer(self, layer: nn.Conv2d) -> None:
        """Puts ``layer`` in the final convolution's place.

        A method, not a property setter: ``nn.Module`` registers an assigned module under the attribute's name
        and never runs the setter.
        """
        head = self.net.classifier
        if isinstance(head, PlusDecoder):
            head.out = layer
        else:
            cast(nn.Sequential, head)[-1] = layer

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Logits (N, K, H, W) of a normalised batch (N, C, H, W)."""
        features = cast(nn.Module, self.net.backbone)(x)
        head = cast(nn.Module, self.net.classifier)
        logits = head(features["out"], features["low"]) if isinstance(head, PlusDecoder) else head(features["out"])
        # As torchvision's DeepLabV3.forward: logits upsampled to the input size.
        return nn.functional.interpolate(logits, size=x.shape[-2:], mode="bilinear", align_corners=False)


def build_model(
    arch: Arch,
    in_channels: int,
    num_classes: int,
    weights: str = "none",
    backbone_norm: Norm = "batch",
    bands: Sequence[int] | None = None,
    reporter: Reporter | None = None,
    decoder: Decoder = "none",
) -> LandcoverNet:
    """Builds a DeepLabV3 (or DeepLabV3+) for ``in_channels`` bands and ``num_classes`` classes.

    With pretrained weights, the first convolution is adapted to the bands by band number (see
    :mod:`landcover_core.models.weights`); what was loaded is in the model's ``pretrained`` attribute (None
    for ``none``), for the model file.

    Args:
        arch: backbone architecture.
        in_channels: number of input bands; the first convolution is adapted when it is not 3.
        num_classes: number of output classes.
        weights: ``none`` (random init), ``imagenet`` (torchvision's ImageNet backbone weights, from torch's
            cache or downloaded into it) or the path of a backbone state-dict file.
        backbone_norm: normalisation layers of the backbone (the head always uses GroupNorm).
        bands: the 1-based raster band numbers of the input channels (default 1..in_channels); they pick
            the pretrained first-convolution filters.
        reporter: where downloads and what was loaded are reported (default: quiet).
        decoder: ``none`` (DeepLabV3) or ``plus`` (DeepLabV3+ decoder with stride-4 features).

    Raises:
        InputError: unknown architecture, missing or unusable weights, a failed download.
    """
    from torchvision.models.segmentation import (
        deeplabv3_mobilenet_v3_large,
        deeplabv3_resnet50,
        deeplabv3_resnet101,
    )

    builders = {
        "resnet50": deeplabv3_resnet50,
        "resnet101": deeplabv3_resnet101,
        "resnet18": deeplabv3_basic_resnet,
        "resnet34": deeplabv3_basic_resnet,
        "mobilenet_v3_large": deeplabv3_mobilenet_v3_large,
    }
    if arch not in builders:
        raise InputError(f"Unknown architecture '{arch}'; choose one of {', '.join(ARCHS)}.")
    if in_channels < 1:
        raise InputError("The model needs at least one input band.")
    bands = list(bands) if bands is not None else list(range(1, in_channels + 1))
    if len(bands) != in_channels:
        raise InputError(f"{len(bands)} band numbers given for a model of {in_channels} bands.")
    extra = {"arch": arch} if builders[arch] is deeplabv3_basic_resnet else {}
    deeplab = builders[arch](weights=None, weights_backbone=None, num_classes=num_classes, aux_loss=False, **extra)
    pretrained = None
    if weights == "none":
        _adapt_first_conv(deeplab.backbone, arch, in_channels)
    else:
        _replace_first_conv(deeplab.backbone, arch, in_channels)
        pretrained = load_backbone_weights(deeplab.backbone, arch, weights, bands, FIRST_CONV[arch], reporter)
    if decoder == "plus":
        backbone = cast(Any, deeplab.backbone)  # torchvision's IntermediateLayerGetter
        low = LOW_LEVEL_LAYER[arch]
        backbone.return_layers[low] = "low"
        stage = backbone[low]
        low_channels = stage.out_channels if arch.startswith("mobilenet") else _block_channels(stage[-1])
        deeplab.classifier = PlusDecoder(cast(nn.Sequential, deeplab.classifier)[0], low_channels, num_classes)
    elif decoder != "none":
        raise InputError(f"Unknown decoder '{decoder}'; choose none or plus.")
    _to_group_norm(deeplab.classifier)
    if backbone_norm == "group":
        _to_group_norm(deeplab.backbone)
    model = LandcoverNet(deeplab)
    model.pretrained = pretrained
    return model


def deeplabv3_basic_resnet(arch: Arch, num_classes: int, **_: Any) -> nn.Module:
    """DeepLabV3 (torchvision's) on a ResNet18 or ResNet34 (output stride 16), randomly initialised.

    Keyword arguments of torchvision's builders (``weights``, ``aux_loss``...) are accepted and ignored:
    weights are loaded by :func:`build_model`, there is no auxiliary head.
    """
    from torchvision.models import resnet18, resnet34
    from torchvision.models._utils import IntermediateLayerGetter
    from torchvision.models.segmentation.deeplabv3 import DeepLabHead, DeepLabV3

    resnet = {"resnet18": resnet18, "resnet34": resnet34}[arch](weights=None)
    _dilate_basic_layer(resnet.layer4, dilation=2)
    backbone = IntermediateLayerGetter(resnet, return_layers={"layer4": "out"})
    return DeepLabV3(backbone, DeepLabHead(_block_channels(resnet.layer4[-1]), num_classes), None)


def _dilate_basic_layer(layer: nn.Sequential, dilation: int) -> None:
    """A BasicBlock stage that keeps its input's resolution: stride 1, 3x3 convolutions dilated instead."""
    for block in layer.modules():
        if isinstance(block, nn.Conv2d):
            block.stride = (1, 1)
            if block.kernel_size == (3, 3):
                block.dilation, block.padding = (dilation, dilation), (dilation, dilation)


def _block_channels(block: nn.Module) -> int:
    """Output channels of a ResNet block (Bottleneck's conv3, BasicBlock's conv2)."""
    last = cast(nn.Conv2d, getattr(block, "conv3", None) or block.conv2)
    return last.out_channels


def _first_conv(backbone: nn.Module, arch: Arch) -> tuple[nn.Module, str]:
    """The module holding the first convolution and that convolution's attribute name."""
    if arch.startswith("mobilenet"):
        return cast(nn.ModuleDict, backbone)["0"], "0"
    return backbone, "conv1"


def _replace_first_conv(backbone: nn.Module, arch: Arch, in_channels: int) -> nn.Conv2d:
    """Puts a freshly initialised first convolution for ``in_channels`` bands in place; returns the old one."""
    parent, name = _first_conv(backbone, arch)
    old: nn.Conv2d = getattr(parent, name)
    if old.in_channels != in_channels:
        pair = tuple[int, int]  # torchvision's first convolutions are 2-D
        setattr(parent, name, nn.Conv2d(in_channels, old.out_channels, cast(pair, old.kernel_size),
                                        cast(pair, old.stride), cast(pair, old.padding), cast(pair, old.dilation),
                                        old.groups, old.bias is not None))
    return old


def _adapt_first_conv(backbone: nn.Module, arch: Arch, in_channels: int) -> None:
    """Random init: the first convolution's (random) RGB filters cycled over the bands, rescaled."""
    old = _replace_first_conv(backbone, arch, in_channels)
    if old.in_channels == in_channels:
        return
    parent, name = _first_conv(backbone, arch)
    new: nn.Conv2d = getattr(parent, name)
    with torch.no_grad():
        # Cycle the RGB filters over the new bands and rescale, so pretrained activations keep their size.
        for band in range(in_channels):
            new.weight[:, band] = old.weight[:, band % old.in_channels] * (old.in_channels / in_channels)


def _to_group_norm(module: nn.Module) -> None:
    """Replaces every BatchNorm2d below ``module`` by a GroupNorm (batch-size independent)."""
    for name, child in module.named_children():
        if isinstance(child, nn.BatchNorm2d):
            channels = child.num_features
            setattr(module, name, nn.GroupNorm(math.gcd(channels, 32), channels, eps=child.eps))
        else:
            _to_group_norm(child)


def set_dropout(module: nn.Module, rate: float) -> None:
    """Sets the rate of every dropout layer (DeepLabV3 has one, in its ASPP head)."""
    for layer in module.modules():
        if isinstance(layer, nn.Dropout):
            layer.p = rate


def freeze_batchnorm_stats(module: nn.Module) -> None:
    """Puts BatchNorm layers in eval mode (running statistics frozen) inside a training model."""
    for child in module.modules():
        if isinstance(child, nn.modules.batchnorm._BatchNorm):
            child.eval()


def has_batchnorm(module: nn.Module) -> bool:
    """Whether any BatchNorm layer is left in the module."""
    return any(isinstance(m, nn.modules.batchnorm._BatchNorm) for m in module.modules())
