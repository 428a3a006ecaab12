"""The training loop: partial cross-entropy on sampled tiles, validation on disjoint blocks, best model kept.

One process, or several under ``torchrun`` (see :mod:`landcover_core.training.distributed`): each process trains a
DistributedDataParallel replica on its share of every global batch, validates its share of the
validation blocks, and the sums are combined, so every process takes the same decisions (best epoch,
early stop); only rank 0 writes files and reports progress.

Guards against the known small-batch failure: the head (and a randomly initialised backbone) use
GroupNorm head (see :mod:`landcover_core.models.networks`); a BatchNorm backbone either keeps frozen statistics
(pretrained, small batches) or has its statistics re-estimated over training tiles with the final
weights before every validation; and validation flags a model whose eval-mode predictions collapse.
"""

from __future__ import annotations

import contextlib
import itertools
import math
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, cast

import numpy as np
import torch

from landcover_core.assessment.metrics import ConfusionAccumulator
from landcover_core.common.classes import ClassScheme
from landcover_core.common.device import pick_device, seed_everything
from landcover_core.common.resources import check_tile_memory
from landcover_core.config import TrainConfig
from landcover_core.data.loader import BATCHNORM_STREAM, TileOrder, TrainingTiles, loader_workers, tile_loader
from landcover_core.data.sampling import TRAIN, VAL, BlockIndex, TileSampler, band_statistics, validation_tiles
from landcover_core.data.scenes import Scene
from landcover_core.data.sources import TrainingData
from landcover_core.errors import Cancelled, InputError, tell_leftovers
from landcover_core.models.modelfile import ModelSpec, save_model
from landcover_core.models.networks import LandcoverNet, freeze_batchnorm_stats, has_batchnorm
from landcover_core.outputs.files import check_output_paths
from landcover_core.progress import Reporter
from landcover_core.training.averaging import WeightAverage
from landcover_core.training.checkpoints import Resumable, checkpoint_path, resume, save_checkpoint
from landcover_core.training.distributed import DistContext, local_world_size, training_group
from landcover_core.training.keeper import BestEpoch
from landcover_core.training.logs import EpochLog, epoch_logs, metrics_path
from landcover_core.training.losses import PartialCrossEntropy
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
from landcover_core.training.run import match_scenes, prepare_run, training_blocks, training_outputs
from landcover_core.training.validation import validation_record, warn_zero_iou


def hash_seed(*parts: int) -> int:
    """A 63-bit seed derived from several integers (different for each combination)."""
    return int(np.random.SeedSequence(list(parts)).generate_state(2, np.uint32).view(np.uint64)[0] >> 1)


@dataclass
class TrainResult:
    """What a training run produced.

    Attributes:
        model: the model file.
        best_epoch: the epoch whose weights were kept.
        best_val_miou: its validation mIoU (NaN without validation).
        history: one record per epoch (losses, metrics, seconds).
        spec: the model's description as saved in the file.
        curves: the training-curves figure, when written.
    """

    model: Path
    best_epoch: int
    best_val_miou: float
    history: list[dict[str, Any]]
    spec: ModelSpec
    curves: Path | None = None

    def summary(self) -> dict[str, Any]:
        """The JSON-ready summary reported by ``landcover train``."""
        return {
            "classes": self.spec.scheme.to_list(),
            "best_epoch": self.best_epoch,
            "best_val_miou": self.best_val_miou,
            "epochs_run": len(self.history),
            "bands": self.spec.bands,
            "arch": self.spec.arch,
            "backbone_norm": self.spec.backbone_norm,
        }


def train_model(config: TrainConfig, data: TrainingData, reporter: Reporter | None = None) -> TrainResult:
    """Trains (or fine-tunes) a model on the given labels and writes the model file.

    Writes ``config.out`` (the model), ``OUT.metrics.jsonl`` and ``OUT.curves.png``. A run cancelled or
    failed after an epoch keeps ``OUT.ckpt`` alone, for ``config.resume``; before that, nothing. Under
    ``torchrun`` every process trains and rank 0 alone writes them. ``config`` and ``data`` are left as they are.

    Args:
        config: training settings (``config.out`` is the model file to write).
        data: where the labels come from.
        reporter: progress, logs and cancellation (default: quiet).

    Raises:
        InputError: bad labels, images, options or output path.
        Cancelled: cancelled; no model file is written. Its message and ``kept`` say whether the checkpoint
            was kept (errors after an epoch say so in a note, see :func:`~landcover_core.errors.tell_leftovers`).
    """
    from landcover_core.outputs.figures import plot_training_curves

    reporter = reporter or Reporter(quiet=True)
    if config.threads:
        torch.set_num_threads(config.threads)
    trainer: Trainer | None = None
    try:
        with training_group(config.device) as group:
            if group.is_main:  # the writer checks and locks the outputs
                check_output_paths(training_outputs(config.out), [*data.files(), config.finetune])
            run = prepare_run(config, data)
            processes = f" in {group.world} processes ({group.backend})" if group.active else ""
            reporter.log(f"Training {config.arch} on {len(run.scenes)} scene(s){processes}, classes: "
                         f"{', '.join(run.scheme.names)}")
            try:
                reference = match_scenes(run.scenes, run.config, reporter)
                trainer = Trainer(run.config, run.scenes, run.scheme, reporter,
                                  scheme_from_labels=run.scheme_from_labels, reference=reference, group=group)
                result = trainer.run()
            finally:
                for scene in run.scenes:
                    scene.close()
    except (Cancelled, KeyboardInterrupt):
        note, kept = leftover_note(config, trainer)
        stage = trainer.stage if trainer and trainer.stage else "before training started"
        raise Cancelled(f"Cancelled {stage}. {note}", kept=kept, resumable=bool(kept)) from None
    except Exception as exc:
        if trainer and trainer.stage:  # the run had started: say what it left
            note, kept = leftover_note(config, trainer)
            tell_leftovers(exc, note, kept, resumable=bool(kept))
        raise
    # The model is written: a cancellation from here on finds the run complete (the CLI says so).
    if group.is_main:
        try:
            result.curves = plot_training_curves(result.history, Path(config.out).with_suffix(".curves.png"))
        except KeyboardInterrupt:  # a second Ctrl+C while drawing: the model is complete, say what is kept
            kept = [Path(config.out), metrics_path(config.out)]
            raise Cancelled(f"Cancelled after the model was saved: kept {kept[0]} and {kept[1]}; the training "
                            "curves figure was not drawn.", kept=kept) from None
    return result


def leftover_note(config: TrainConfig, trainer: Trainer | None) -> tuple[str, list[Path]]:
    """What a stopped run left: a sentence for the user, and the checkpoint when it is kept for ``--resume``.

    The run's other outputs are gone by then (the model is written last, the logs are removed, see
    :meth:`Trainer.run`). Its checkpoint is the one it resumed from or saved after an epoch; a checkpoint of an
    earlier run, which a run without ``--resume`` replaces at the end of its first epoch, is not its output.
    """
    ckpt = checkpoint_path(config.out)
    saved = trainer.saved_epoch if trainer else 0
    if not ckpt.is_file():
        return "No partial output was kept.", []
    if saved or config.resume:
        epoch = f" (epoch {saved} of {config.epochs})" if saved else ""
        return (f"Kept the checkpoint {ckpt}{epoch}: run the same command with --resume to continue, or delete it.",
                [ckpt])
    return f"No partial output was kept; the checkpoint {ckpt} of an earlier run is left as it was.", []


@dataclass
class EpochLoop:
    """What the epochs of a run work with, built before the first (see :meth:`Trainer.run`).

    Attributes:
        parts: the model and the optimisation's state (what a checkpoint restores).
        trained: the module the steps run (the model, or its DistributedDataParallel wrapper).
        judged: what is validated, recalibrated and kept: the weight average with ``--ema``, else the model.
        spec: the model's description for the model file.
        index: the labelled blocks and their split.
        loss_fn: the loss.
        precision: the dtype of mixed-precision passes (float32: none).
        frozen_bn: BatchNorm statistics stay as they are (else re-estimated after each epoch).
        loader: the batches of training tiles.
        order: which tiles each step of an epoch takes.
        steps: optimizer steps per epoch.
        keeper: the best epoch so far and early stopping.
        history: one record per epoch run.
        first_epoch: the epoch to start from (after a resumed run's last).
    """

    parts: Resumable
    trained: torch.nn.Module
    judged: LandcoverNet
    spec: ModelSpec
    index: BlockIndex
    loss_fn: PartialCrossEntropy
    precision: torch.dtype
    frozen_bn: bool
    loader: Iterable[tuple[torch.Tensor, torch.Tensor]]
    order: TileOrder
    steps: int
    keeper: BestEpoch
    history: list[dict[str, Any]]
    first_epoch: int = 1


def check_finite(config: TrainConfig, epoch: int, train_loss: float, model: torch.nn.Module) -> None:
    """Stops a diverged run: a NaN or infinite training loss, or weights, after an epoch.

    Raises:
        InputError: naming the epoch and the likely causes. The epoch is not saved: the checkpoint, if any, is
            the last good epoch's.
    """
    broken = next((name for name, tensor in model.state_dict().items()
                   if tensor.is_floating_point() and not bool(torch.isfinite(tensor).all())), None)
    if math.isfinite(train_loss) and broken is None:
        return
    what = f"the training loss is {train_loss}" if not math.isfinite(train_loss) else \
        f"the model's weights hold NaN or infinite values ('{broken}')"
    raise InputError(f"Training diverged in epoch {epoch}/{config.epochs}: {what}. Likely causes: a learning "
                     f"rate too high (--lr {config.lr}: try it 10 times lower), extreme --class-weights "
                     f"({config.class_weights}), or an unstable --precision ({config.precision}).")


def training_ground(scenes: list[Scene]) -> tuple[float | None, str | None]:
    """The training imagery's pixel size in metres (median over the scenes) and CRS, for the model file.

    Prediction warns on imagery of another ground resolution (see
    :func:`~landcover_core.inference.input_check.check_ground_resolution`). None, None without CRS.
    """
    import rasterio

    from landcover_core.common.raster import ground_resolution

    sizes, crs = [], None
    for scene in scenes:
        with rasterio.open(scene.image) as src:
            size = ground_resolution(src)
            if size is not None:
                sizes.append(size)
                crs = crs or src.crs.to_string()
    return (float(np.median(sizes)) if sizes else None), crs


def check_unlabeled_pixels(config: TrainConfig, index: BlockIndex) -> None:
    """Refuses ``--consistency-weight`` when every pixel of the training blocks is labelled (it would do nothing).

    Raises:
        InputError: a consistency weight without unlabelled pixels to learn from.
    """
    blocks = index.of_state(TRAIN)
    if config.consistency_weight > 0 and sum(int(b.counts.sum()) for b in blocks) >= len(blocks) * index.size ** 2:
        raise InputError("--consistency-weight learns from unlabelled pixels, but every training pixel is labelled: "
                         "use it with sparse labels (points, scribbles, polygons) or set it to 0.")


class Trainer:
    """Trains one model on a list of scenes sharing a class scheme."""

    def __init__(self, config: TrainConfig, scenes: list[Scene], scheme: ClassScheme, reporter: Reporter,
                 scheme_from_labels: bool = True, reference: dict[str, Any] | None = None,
                 index: BlockIndex | None = None, pseudo_weight: float = 1.0, group: DistContext | None = None) -> None:
        """See the class.

        Args:
            config: training settings.
            scenes: the scenes, on ``scheme``.
            scheme: the classes.
            reporter: progress, logs and cancellation.
            scheme_from_labels: the classes were found in the labels (a class without labels is an error).
            reference: the histogram reference stored in the model, or None.
            index: labeled blocks already split (self-training keeps one split for all rounds); None
                finds and splits them.
            pseudo_weight: loss weight of pseudo-labeled pixels.
            group: the processes training together (default: this one, on ``config.device``).
        """
        check_tile_memory(config.tile_size, config.batch_size, len(scenes[0].bands), len(scheme), training=True)
        self.config = config
        self.index = index
        self.pseudo_weight = pseudo_weight
        self.scenes = scenes
        self.scheme = scheme
        self.reporter = reporter
        self.scheme_from_labels = scheme_from_labels
        self.reference = reference
        self.group = group or DistContext(pick_device(config.device))
        self.device = self.group.device
        seed_everything(config.seed)
        self.rng = np.random.default_rng(config.seed)
        #: Where the run is, for a cancellation message ("during epoch 3/10"); None until the epochs start.
        self.stage: str | None = None
        #: The epoch of the checkpoint this run holds (resumed from or saved), 0 when none.
        self.saved_epoch = 0

    def run(self) -> TrainResult:
        """Trains, validates every epoch, keeps the best epoch and writes the model file (rank 0)."""
        loop = self._set_up()
        out = Path(self.config.out)
        with epoch_logs(out, loop.history, self.reporter, self.group.is_main) as log, \
                contextlib.ExitStack() as hooks:
            # Cancellation stops a step mid-pass (a CPU step can take a minute), validation and BatchNorm
            # recalibration too.
            hooks.enter_context(self.reporter.cancel.interrupting(loop.parts.model, loop.judged))
            for epoch in range(loop.first_epoch, self.config.epochs + 1):
                self._epoch(loop, epoch, log)
                if loop.keeper.should_stop():
                    self.reporter.log(f"Early stop: validation mIoU did not improve for {self.config.patience} "
                                      "epochs.")
                    break
            hooks.close()  # before the save: model files, state dicts and exports never hold them
            return self._finish(loop, out)

    # -- set-up -------------------------------------------------------------------------------------
    def _set_up(self) -> EpochLoop:
        """Builds the model, the optimisation and the tile stream; restores an interrupted run's state."""
        cfg, group = self.config, self.group
        index = training_blocks(self.scenes, self.scheme, cfg, self.reporter, self.scheme_from_labels, self.index)
        check_unlabeled_pixels(cfg, index)
        stats = band_statistics(self.scenes, index, self.rng)
        model, spec = build_training_model(cfg, self.scenes[0].bands, self.scheme, stats.mean, stats.std,
                                           self.reference, self.reporter)
        spec.input_dtype = stats.dtype
        spec.input_range = [list(pair) for pair in zip(stats.low, stats.high, strict=True)]
        spec.ground_resolution, spec.crs = training_ground(self.scenes)
        frozen_bn = batchnorm_frozen(cfg)
        model.to(self.device)
        self.norm = (torch.tensor(spec.mean).view(1, -1, 1, 1), torch.tensor(spec.std).view(1, -1, 1, 1))
        trained = self._parallel(model, frozen_bn)
        parts, steps = self._optimisation(model)
        loss_fn = training_loss(cfg, self.scheme, torch.from_numpy(index.counts(TRAIN).astype(np.int64)),
                                self.pseudo_weight).to(self.device)
        order = TileOrder(steps, cfg.batch_size, group.world, group.rank)
        loop = EpochLoop(parts, trained, cast(LandcoverNet, parts.average.model) if parts.average else model, spec,
                         index, loss_fn, autocast_dtype(cfg.precision, self.device), frozen_bn,
                         self._tile_loader(index, spec, order), order, steps,
                         BestEpoch(cfg.patience, index.counts(VAL).sum() > 0), [])
        if cfg.resume:
            self._resume(loop)
        return loop

    def _optimisation(self, model: LandcoverNet) -> tuple[Resumable, int]:
        """The weight average (``--ema``), optimizer, schedule and loss scaling; the steps per epoch."""
        cfg = self.config
        # With --ema the average is what is validated, recalibrated and kept; else the model itself.
        average = WeightAverage(model, cfg.ema) if cfg.ema > 0 else None
        optimizer = training_optimizer(cfg, model)
        # --samples-per-epoch counts tiles over all processes; --batch-size is per process.
        steps = max(1, cfg.samples_per_epoch // (cfg.batch_size * self.group.world))
        scheduler = torch.optim.lr_scheduler.OneCycleLR(
            optimizer, max_lr=cfg.lr, total_steps=cfg.epochs * steps, pct_start=0.1, div_factor=10.0,
            final_div_factor=100.0)
        scaler = grad_scaler(autocast_dtype(cfg.precision, self.device), self.device)
        return Resumable(model, optimizer, scheduler, scaler, average), steps

    def _tile_loader(self, index: BlockIndex, spec: ModelSpec,
                     order: TileOrder) -> Iterable[tuple[torch.Tensor, torch.Tensor]]:
        """The batches of training tiles; logs the share of tiles drawn around each class."""
        cfg = self.config
        sampler = TileSampler(self.scenes, index, cfg.tile_size, cfg.class_balance, spread=cfg.superpixel_weight > 0)
        shares = ", ".join(f"{name} {share:.0%}" for name, share in zip(self.scheme.names, sampler.class_shares(),
                                                                         strict=True))
        self.reporter.log(f"Training tiles drawn around the classes: {shares} (--class-balance {cfg.class_balance}).")
        self.tiles = TrainingTiles(sampler, spec.mean, spec.std, cfg.seed, cfg.color_jitter)
        workers = loader_workers(cfg.loader_workers, self.device, local_world_size())
        return tile_loader(self.tiles, order, workers, pin_memory=self.device.type == "cuda")

    def _resume(self, loop: EpochLoop) -> None:
        """Continues an interrupted run: its state, history and best epoch, from its checkpoint."""
        path = checkpoint_path(self.config.out)
        epoch, loop.history, best = resume(path, self.config, self.group.world, loop.parts)
        self.reporter.log(f"Resuming after epoch {epoch} from {path}")
        loop.keeper = BestEpoch(self.config.patience, loop.keeper.validated, best, last_epoch=epoch)
        loop.first_epoch, self.saved_epoch = epoch + 1, epoch

    # -- epochs -------------------------------------------------------------------------------------
    def _epoch(self, loop: EpochLoop, epoch: int, log: EpochLog) -> None:
        """Trains one epoch, validates, keeps it when it is the best, logs it and saves the checkpoint."""
        cfg, group = self.config, self.group
        self.stage = f"during epoch {epoch}/{cfg.epochs}"
        started = time.perf_counter()
        loss_sum = self._train_steps(loop, epoch)
        train_seconds = time.perf_counter() - started
        # Each process's loss is its share of the global batch's mean: their sum is that mean.
        train_loss = float(group.all_sum(loss_sum.double()).item()) / loop.steps / group.world
        check_finite(cfg, epoch, train_loss, loop.parts.model)  # before this epoch is validated or saved
        if not loop.frozen_bn and has_batchnorm(loop.judged):
            self._recalibrate_batchnorm(loop.judged, epoch, batches=min(16, loop.steps + 1))
        record = {"epoch": epoch, "epochs": cfg.epochs, "train_loss": train_loss,
                  "lr": loop.parts.scheduler.get_last_lr()[0]}
        if loop.keeper.validated:
            record.update(self._validate(loop.judged, loop.index, loop.loss_fn))
        record["train_seconds"] = round(train_seconds, 3)
        record["seconds"] = round(time.perf_counter() - started, 2)
        loop.history.append(record)
        loop.keeper.update(record, loop.judged)
        if group.is_main:
            log.write(record)
            save_checkpoint(checkpoint_path(cfg.out), epoch, cfg, group.world, loop.parts, loop.history,
                            loop.keeper.state_dict())
        self.saved_epoch = epoch

    def _train_steps(self, loop: EpochLoop, epoch: int) -> torch.Tensor:
        """The optimizer steps of one epoch; returns the sum of their losses (on the device)."""
        parts, precision, device = loop.parts, loop.precision, self.device
        # Dropout draws per epoch and process: a resumed run continues exactly.
        torch.manual_seed(hash_seed(self.config.seed, epoch, self.group.rank))
        loop.trained.train()
        if loop.frozen_bn:
            freeze_batchnorm_stats(parts.model)
        loop.order.set_epoch(epoch)
        loss_sum = torch.zeros((), device=device)
        for images, labels in self.reporter.track(loop.loader, loop.steps, "train",
                                                  f"epoch {epoch}/{self.config.epochs}", (epoch, self.config.epochs)):
            images = images.to(device, non_blocking=True)
            labels = labels.to(device, non_blocking=True)
            logits = forward(loop.trained, images, precision)
            loss = loop.loss_fn(logits, labels, self._global_weight(loop.loss_fn, labels, logits.shape[1]))
            loss = with_consistency(self.config, loss, loop.trained, images, logits, labels, precision)
            optimizer_step(loss, parts.optimizer, parts.scaler)
            parts.scheduler.step()
            if parts.average:
                parts.average.update(parts.model)
            loss_sum += loss.detach()
        return loss_sum

    def _finish(self, loop: EpochLoop, out: Path) -> TrainResult:
        """Warns about classes the kept epoch never gets right, then writes its weights as the model file."""
        cfg, keeper, spec = self.config, loop.keeper, loop.spec
        warn_zero_iou(self.reporter, keeper.epoch, keeper.metrics)
        self.stage = f"before the model was saved (after epoch {len(loop.history)}/{cfg.epochs})"
        self.reporter.cancel.check()  # the last check: from here the run completes
        loop.parts.model.load_state_dict(keeper.weights)
        spec.config = {**asdict(cfg), "processes": self.group.world}
        spec.metrics = {**keeper.metrics, "best_epoch": keeper.epoch}
        if self.group.is_main:
            save_model(out, loop.parts.model, spec)
            checkpoint_path(out).unlink(missing_ok=True)
        return TrainResult(out, keeper.epoch, keeper.val_miou, loop.history, spec)

    def _parallel(self, model: LandcoverNet, frozen_bn: bool) -> torch.nn.Module:
        """The module the training steps run: ``model``, or its DistributedDataParallel wrapper."""
        group = self.group
        if not group.active:
            return model
        if has_batchnorm(model) and not frozen_bn:
            if self.device.type == "cuda":  # BatchNorm statistics over the global batch
                model = cast(LandcoverNet, torch.nn.SyncBatchNorm.convert_sync_batchnorm(model))
            else:
                self.reporter.warning(
                    "BatchNorm statistics are per process on CPU (SyncBatchNorm needs GPUs): each process normalises "
                    f"its own {self.config.batch_size} tiles. --backbone-norm group does not depend on the batch.")
        from torch.nn.parallel import DistributedDataParallel

        return DistributedDataParallel(model, device_ids=[self.device.index] if self.device.type == "cuda" else None)

    def _global_weight(self, loss_fn: PartialCrossEntropy, labels: torch.Tensor,
                       num_classes: int) -> torch.Tensor | None:
        """What each process divides its weighted loss sum by (None: its own weight sum, in one process)."""
        if not self.group.active:
            return None
        total = self.group.all_sum(loss_fn.pixel_weights(labels, num_classes).sum().float())
        return total / self.group.world

    def _recalibrate_batchnorm(self, model: LandcoverNet, epoch: int, batches: int = 16) -> None:
        """Re-estimates BatchNorm running statistics with the final weights (precise BN).

        Tiles of their own stream (not jittered), each process its own; synchronised BatchNorm combines them on
        GPUs, and rank 0's statistics are given to every process.
        """
        size, group = self.config.batch_size, self.group
        first = (epoch - 1) * batches * size * group.world + group.rank * size

        def keys(batch: int) -> list[tuple[int, int]]:
            start = first + batch * size * group.world
            return [(BATCHNORM_STREAM, n) for n in range(start, start + size)]

        torch.optim.swa_utils.update_bn(
            (self.tiles.batch(keys(b))[0].to(self.device) for b in range(batches)), model)
        group.broadcast_buffers(model)

    @torch.no_grad()
    def _validate(self, model: LandcoverNet, index: BlockIndex, loss_fn: PartialCrossEntropy) -> dict[str, Any]:
        """Scores on the validation blocks; each process scores its share and the sums are combined."""
        model.eval()
        group = self.group
        confusion = ConfusionAccumulator(len(self.scheme))
        loss_total = torch.zeros(2, dtype=torch.float64)  # sum of pixel losses, labelled pixels
        tiles = validation_tiles(self.scenes, index, self.config.tile_size, part=(group.rank, group.world))
        while chunk := list(itertools.islice(tiles, self.config.batch_size)):
            self.reporter.cancel.check()
            images = torch.from_numpy(np.stack([t[0] for t in chunk]))
            images = ((images - self.norm[0]) / self.norm[1]).to(self.device)
            labels = torch.from_numpy(np.stack([t[1] for t in chunk]).astype(np.int64)).to(self.device)
            logits = model(images).float()
            labeled = int((labels >= 0).sum())
            if labeled:
                loss_total += torch.tensor([float(loss_fn(logits, labels)) * labeled, labeled], dtype=torch.float64)
            confusion.update(labels.cpu().numpy(), logits.argmax(1).cpu().numpy())
        if group.active:
            confusion.matrix = group.all_sum(torch.from_numpy(confusion.matrix)).numpy()
            group.all_sum(loss_total)
        loss = float(loss_total[0] / loss_total[1]) if loss_total[1] else float("nan")
        return validation_record(confusion.matrix, self.scheme.names, loss, self.reporter)
