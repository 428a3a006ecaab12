"""How long a training will take here: real steps of its model on this machine's device, timed before it starts.

``landcover train --estimate`` opens the scenes (checking the inputs as the training would), builds the model
the settings describe and times its optimizer steps on random tiles of the configured size. The run's
duration is its steps, plus each epoch's BatchNorm re-estimation, at that pace. Validation is not counted
(it reads the labelled blocks, whose number is only known once they are indexed).

On a GPU the configured batch is timed. On a CPU a step is first timed at a batch of
:data:`CPU_MEASURED_BATCH` and scaled to the batch (a large model's step costs about its batch times a
one-tile step); when that predicts a short step (:data:`FULL_BATCH_TIMING_S`), the real batch is timed too,
as small steps carry fixed costs that scaling would multiply.
"""

from __future__ import annotations

import dataclasses
import math
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import torch

from landcover_core.common.classes import ClassScheme
from landcover_core.common.device import pick_device
from landcover_core.config import TrainConfig
from landcover_core.data.sources import TrainingData
from landcover_core.models.networks import freeze_batchnorm_stats, has_batchnorm
from landcover_core.progress import Reporter
from landcover_core.training.recipe import (
    autocast_dtype,
    batchnorm_frozen,
    build_training_model,
    forward,
    grad_scaler,
    optimizer_step,
    training_loss,
    training_optimizer,
    with_consistency,
)
from landcover_core.training.run import prepare_run

#: Batch timed on a CPU (then scaled to the configured batch): the smallest BatchNorm can train on.
CPU_MEASURED_BATCH = 2
#: A CPU step estimated at most this long from the small batch is timed again at its real batch.
FULL_BATCH_TIMING_S = 5.0
#: Timed steps at most, and the seconds after which timing stops early (a slow model needs one step).
TIMED_STEPS, TIMING_BUDGET_S = 3, 4.0
#: BatchNorm re-estimation after an epoch: this many forward passes, each about a third of a training step.
RECALIBRATION_BATCHES, FORWARD_SHARE = 16, 1 / 3


@dataclass(frozen=True)
class TrainingStep:
    """A training step ready to run again and again, and the model it trains."""

    run: Callable[[], None]
    model: torch.nn.Module


def training_step(config: TrainConfig, images: torch.Tensor, labels: torch.Tensor, scheme: ClassScheme,
                  device: torch.device) -> TrainingStep:
    """One step of forward, loss, backward and optimizer on a batch held on ``device``, as ``config`` trains.

    The model, its frozen parts, the loss (class weights from ``labels``' counts, as the loop's from its
    training blocks), AdamW settings, precision and loss scaling come from the training recipe; the tiles,
    the scheduler and the weight average (``--ema``) are the training loop's own work, not the step's.
    The returned step has run once (a warm-up: allocations, kernels).
    """
    torch.manual_seed(config.seed)
    bands = list(range(1, images.shape[1] + 1))
    # The batch is normalised already: the model file's mean and std (the second value) are not needed.
    model = build_training_model(config, bands, scheme, [0.0] * len(bands), [1.0] * len(bands))[0]
    model = model.to(device).train()
    if batchnorm_frozen(config):
        freeze_batchnorm_stats(model)
    counts = torch.bincount(labels[labels >= 0].flatten(), minlength=len(scheme))
    loss_fn = training_loss(config, scheme, counts).to(device)
    optimizer = training_optimizer(config, model)
    precision = autocast_dtype(config.precision, device)
    scaler = grad_scaler(precision, device)
    images, labels = images.to(device), labels.to(device)

    def step() -> None:
        logits = forward(model, images, precision)
        loss = with_consistency(config, loss_fn(logits, labels), model, images, logits, labels, precision)
        optimizer_step(loss, optimizer, scaler)

    step()
    return TrainingStep(step, model)


@dataclass(frozen=True)
class TrainingEstimate:
    """A training's expected duration on this machine.

    Attributes:
        device: where it was measured and will run (``cpu``, ``cuda``...).
        seconds_per_step: one optimizer step at the configured batch size.
        steps: optimizer steps of the whole run.
        epoch_extra_seconds: BatchNorm re-estimation after each epoch (0 when the statistics are frozen).
        epochs: epochs of the run.
        measured_batch: the batch size that was timed.
    """

    device: str
    seconds_per_step: float
    steps: int
    epoch_extra_seconds: float
    epochs: int
    measured_batch: int

    @property
    def seconds(self) -> float:
        """The run's steps and re-estimations (validation not counted)."""
        return self.steps * self.seconds_per_step + self.epochs * self.epoch_extra_seconds

    def summary(self) -> dict[str, Any]:
        """The estimate as the command's result summary."""
        return {**dataclasses.asdict(self), "seconds": round(self.seconds, 1)}


def run_steps(config: TrainConfig) -> tuple[int, int]:
    """(steps per epoch, steps of the run) of a one-process training with ``config``."""
    per_epoch = max(1, config.samples_per_epoch // config.batch_size)
    return per_epoch, per_epoch * config.epochs


def estimate_training(config: TrainConfig, data: TrainingData, reporter: Reporter | None = None) -> TrainingEstimate:
    """Times ``config``'s training step on this machine and extrapolates to the whole run.

    Raises:
        InputError: the inputs or settings the training itself would refuse (they are checked the same way).
    """
    reporter = reporter or Reporter(quiet=True)
    prepared = prepare_run(config, data)
    try:
        bands, scheme = len(prepared.scenes[0].bands), prepared.scheme
    finally:
        for scene in prepared.scenes:
            scene.close()
    device = pick_device(config.device)
    measured = config.batch_size if device.type == "cuda" else min(config.batch_size, CPU_MEASURED_BATCH)
    reporter.log(f"Timing {config.arch} training steps on {device.type} ({config.tile_size} px tiles)…")
    step = _timed_step(config, bands, scheme, device, measured)
    per_step = _seconds_per_call(step.run, device) * config.batch_size / measured
    if measured < config.batch_size and per_step <= FULL_BATCH_TIMING_S:
        # Small steps are not proportional to their batch (fixed costs per step): time the real batch.
        measured = config.batch_size
        step = _timed_step(config, bands, scheme, device, measured)
        per_step = _seconds_per_call(step.run, device)
    per_epoch, steps = run_steps(config)
    extra = 0.0
    if has_batchnorm(step.model) and not batchnorm_frozen(config):  # as the loop re-estimates after each epoch
        extra = min(RECALIBRATION_BATCHES, per_epoch + 1) * FORWARD_SHARE * per_step
    estimate = TrainingEstimate(device.type, per_step, steps, extra, config.epochs, measured)
    reporter.log(f"About {math.ceil(estimate.seconds / 60)} min on {device.type}: {steps} steps of "
                 f"{per_step:.2f} s (validation not counted).")
    return estimate


def _timed_step(config: TrainConfig, bands: int, scheme: ClassScheme, device: torch.device,
                batch: int) -> TrainingStep:
    """``config``'s training step on ``batch`` random tiles (pretrained weights change no step's cost: none read)."""
    timed = dataclasses.replace(config, batch_size=batch, weights="none" if not config.finetune else config.weights)
    generator = torch.Generator().manual_seed(config.seed)
    images = torch.randn(batch, bands, config.tile_size, config.tile_size, generator=generator)
    labels = torch.randint(0, len(scheme), (batch, config.tile_size, config.tile_size), generator=generator)
    return training_step(timed, images, labels, scheme, device)


def _seconds_per_call(step: Callable[[], None], device: torch.device) -> float:
    """Seconds per call of ``step``: the median of up to :data:`TIMED_STEPS` calls within the timing budget."""
    times: list[float] = []
    started = time.perf_counter()
    while len(times) < TIMED_STEPS and (not times or time.perf_counter() - started < TIMING_BUDGET_S):
        if device.type == "cuda":
            torch.cuda.synchronize()  # nothing earlier is counted in this call
        before = time.perf_counter()
        step()
        if device.type == "cuda":
            torch.cuda.synchronize()
        times.append(time.perf_counter() - before)
    return statistics.median(times)
