"""What a :class:`~landcover_core.config.TrainConfig` builds: the model, its frozen parts, the loss, the optimizer.

The training loop and the training benchmark's bare step (``benchmarks/training.py``) both build from here,
so the benchmark times the step the loop runs.
"""

from __future__ import annotations

from typing import Any

import torch

from landcover_core.common.classes import IGNORE_INDEX, ClassScheme
from landcover_core.config import Precision, TrainConfig
from landcover_core.errors import InputError
from landcover_core.models.modelfile import ModelSpec, load_model
from landcover_core.models.networks import MIN_BATCH_FOR_BATCHNORM, LandcoverNet, build_model, set_dropout
from landcover_core.progress import Reporter
from landcover_core.training.consistency import consistency_loss, strong_view
from landcover_core.training.losses import PartialCrossEntropy, check_class_weights, class_weights_for


def build_training_model(config: TrainConfig, bands: list[int], scheme: ClassScheme, mean: list[float],
                         std: list[float], reference: dict[str, Any] | None = None,
                         reporter: Reporter | None = None) -> tuple[LandcoverNet, ModelSpec]:
    """The model ``config`` trains (``--finetune``'s, or a new one), with its dropout and frozen backbone.

    Args:
        config: training settings.
        bands: the image bands the model reads.
        scheme: the classes it predicts (a fine-tuned model's new classes are added to its head).
        mean: per-band mean of the inputs (a fine-tuned model keeps its own).
        std: per-band standard deviation of the inputs (likewise).
        reference: the histogram reference stored in the model, or None.
        reporter: where pretrained weights report their download (default: quiet).

    Returns:
        The model on the CPU, and its description for the model file.

    Raises:
        InputError: a fine-tuned model that reads another number of bands.
    """
    if config.finetune:
        model, base = load_model(config.finetune)
        if base.in_channels != len(bands):
            raise InputError(
                f"Model {config.finetune} takes {base.in_channels} bands but {len(bands)} are selected ({bands}).")
        model = _extend_classes(model, base.scheme, scheme)
        spec = ModelSpec(base.arch, bands, scheme, base.mean, base.std, base.backbone_norm, config.tile_size,
                         histogram=reference, backbone_weights=base.backbone_weights, decoder=model.decoder)
    else:
        model = build_model(config.arch, len(bands), len(scheme), config.weights, config.backbone_norm, bands=bands,
                            reporter=reporter, decoder=config.decoder)
        spec = ModelSpec(config.arch, bands, scheme, mean, std, config.backbone_norm, config.tile_size,
                         histogram=reference, backbone_weights=model.pretrained, decoder=model.decoder)
    set_dropout(model, config.dropout)
    if config.freeze_backbone:
        for parameter in model.backbone.parameters():
            parameter.requires_grad_(False)
    return model, spec


def batchnorm_frozen(config: TrainConfig) -> bool:
    """Whether BatchNorm statistics stay as they are while training (re-estimated after each epoch otherwise).

    A frozen backbone keeps them; so does a pretrained or fine-tuned one on batches too small to estimate them.
    """
    small = config.batch_size < MIN_BATCH_FOR_BATCHNORM
    return config.freeze_backbone or (small and (config.weights != "none" or config.finetune is not None))


def training_loss(config: TrainConfig, scheme: ClassScheme, counts: torch.Tensor,
                  pseudo_weight: float = 1.0) -> PartialCrossEntropy:
    """The loss of ``config``: class weights, focal and Dice terms, the weight of labels spread to superpixels.

    ``counts`` (labelled pixels per class) set the weights of the frequency presets (``--class-weights sqrt``).

    Raises:
        InputError: ``--class-weights`` numbers that are not one per class.
    """
    check_class_weights(config.class_weights, scheme.names)
    return PartialCrossEntropy(class_weights_for(config.class_weights, counts), config.focal_gamma,
                               config.dice_weight, pseudo_weight, config.superpixel_weight)


def training_optimizer(config: TrainConfig, model: torch.nn.Module) -> torch.optim.Optimizer:
    """AdamW over the parameters that train (a frozen backbone's do not)."""
    params = [p for p in model.parameters() if p.requires_grad]
    return torch.optim.AdamW(params, lr=config.lr, weight_decay=config.weight_decay)


def autocast_dtype(precision: Precision, device: torch.device) -> torch.dtype:
    """The dtype of mixed-precision passes (float32: none) for ``--precision`` on ``device``.

    Raises:
        InputError: a half precision the device cannot train in.
    """
    if precision == "auto":
        if device.type != "cuda":
            return torch.float32  # CPUs without bf16 units run it slower than fp32
        return torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16
    if precision == "bf16" and device.type == "cuda" and not torch.cuda.is_bf16_supported():
        raise InputError(f"--precision bf16: {torch.cuda.get_device_name(device)} has no bfloat16 support; "
                         "use fp16 or auto.")
    return {"fp32": torch.float32, "bf16": torch.bfloat16, "fp16": torch.float16}[precision]


def grad_scaler(precision: torch.dtype, device: torch.device) -> torch.amp.GradScaler:
    """Loss scaling for fp16 passes (float16 gradients underflow without it); a no-op otherwise."""
    return torch.amp.GradScaler(device.type, enabled=precision == torch.float16)


def forward(model: torch.nn.Module, images: torch.Tensor, precision: torch.dtype) -> torch.Tensor:
    """The model's logits for ``images``, in ``precision`` under autocast (float32: autocast off)."""
    with torch.autocast(images.device.type, dtype=precision, enabled=precision != torch.float32):
        return model(images)


def with_consistency(config: TrainConfig, loss: torch.Tensor, model: torch.nn.Module, images: torch.Tensor,
                     logits: torch.Tensor, labels: torch.Tensor, precision: torch.dtype) -> torch.Tensor:
    """``loss`` plus the consistency term (``--consistency-weight``), if any.

    The term teaches a strong view of the unlabeled pixels with ``logits``. With a weight of 0 the loss is
    returned unchanged, so the second forward pass is only paid for when asked.
    """
    if config.consistency_weight <= 0:
        return loss
    strong = forward(model, strong_view(images), precision)
    term = consistency_loss(logits, strong, labels == IGNORE_INDEX, config.consistency_threshold)
    return loss + config.consistency_weight * term


def optimizer_step(loss: torch.Tensor, optimizer: torch.optim.Optimizer, scaler: torch.amp.GradScaler) -> None:
    """Backward pass of ``loss`` and one optimizer step, with fp16 loss scaling (``scaler``)."""
    optimizer.zero_grad(set_to_none=True)
    scaler.scale(loss).backward()
    scaler.step(optimizer)
    scaler.update()


def _extend_classes(model: LandcoverNet, old: ClassScheme, new: ClassScheme) -> LandcoverNet:
    """Maps the classifier of a model to a new scheme, reusing the rows of classes it already knows."""
    if old == new:
        return model
    head = model.output_layer
    replacement = torch.nn.Conv2d(head.in_channels, len(new), kernel_size=1)
    with torch.no_grad():
        for i, land_class in enumerate(new.classes):
            if land_class.name in old.names and head.bias is not None and replacement.bias is not None:
                j = old.names.index(land_class.name)
                replacement.weight[i] = head.weight[j]
                replacement.bias[i] = head.bias[j]
    model.replace_output_layer(replacement)
    return model
