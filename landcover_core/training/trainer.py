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
import copy
import itertools
import json
import pickle
import re
import shutil
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, cast

import numpy as np
import torch

from landcover_core.assessment.metrics import ConfusionAccumulator
from landcover_core.common.classes import ClassScheme
from landcover_core.common.device import pick_device, seed_everything
from landcover_core.common.resources import check_tile_memory
from landcover_core.config import Precision, TrainConfig
from landcover_core.data.loader import (
    BATCHNORM_STREAM,
    TileOrder,
    TrainingTiles,
    loader_workers,
    tile_loader,
)
from landcover_core.data.sampling import (
    VAL,
    BlockIndex,
    TileSampler,
    band_statistics,
    index_blocks,
    split_blocks,
    validation_tiles,
)
from landcover_core.data.scenes import Scene
from landcover_core.data.sources import TrainingData, load_training_scenes
from landcover_core.errors import Cancelled, InputError, tell_leftovers
from landcover_core.models.modelfile import ModelSpec, load_model, load_spec, save_model
from landcover_core.models.networks import (
    MIN_BATCH_FOR_BATCHNORM,
    LandcoverNet,
    build_model,
    freeze_batchnorm_stats,
    has_batchnorm,
    set_dropout,
)
from landcover_core.outputs.files import atomic_output, check_output_paths
from landcover_core.progress import Reporter, json_safe
from landcover_core.training.averaging import WeightAverage
from landcover_core.training.distributed import DistContext, local_world_size, training_group
from landcover_core.training.losses import CLASS_WEIGHT_POWERS, PartialCrossEntropy, inverse_frequency_weights

#: Share of one class in eval-mode predictions above which the model counts as collapsed.
COLLAPSE_SHARE = 0.98


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
    ``torchrun`` every process trains and rank 0 alone writes them.

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
            # Fine-tuning keeps the model's classes unless --classes names others.
            base_scheme = load_spec(config.finetune).scheme if config.finetune and not data.classes else None
            scenes, scheme = load_training_scenes(data, config.seed, base_scheme)
            config.sparse = data.sparse
            config.sources = data.record(scenes[0].bands)
            processes = f" in {group.world} processes ({group.backend})" if group.active else ""
            reporter.log(f"Training {config.arch} on {len(scenes)} scene(s){processes}, classes: "
                         f"{', '.join(scheme.names)}")
            try:
                reference = match_scenes(scenes, config, reporter)
                from_labels = not (data.classes or config.finetune or data.dataset)
                trainer = Trainer(config, scenes, scheme, reporter, scheme_from_labels=from_labels,
                                  reference=reference, group=group)
                result = trainer.run()
            finally:
                for scene in scenes:
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
        result.curves = plot_training_curves(result.history, Path(config.out).with_suffix(".curves.png"))
    return result


def match_scenes(scenes: list[Scene], config: TrainConfig, reporter: Reporter) -> dict[str, Any] | None:
    """Matches every scene's histograms to ``config.reference`` (or a fine-tuned model's reference).

    Returns:
        The reference as stored in the model file, or None when nothing is matched.
    """
    from landcover_core.radiometry.histograms import RasterHistogram, compute_histogram
    from landcover_core.radiometry.matching import matcher_for_raster

    if config.reference:
        reference = compute_histogram(config.reference, scenes[0].bands, reporter, what="reference")
        reference = RasterHistogram(Path(config.reference).name, reference.bands, reference.histograms)
    elif config.finetune and load_spec(config.finetune).histogram:
        reference = RasterHistogram.from_dict(load_spec(config.finetune).histogram or {})
        reporter.log(f"Matching the scenes to the fine-tuned model's reference ({reference.source}).")
    else:
        return None
    for scene in scenes:
        scene.matcher = matcher_for_raster(scene.image, reference, scene.bands, reporter)
    return reference.to_dict()


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


def checkpoint_path(out: str | Path) -> Path:
    """Where an unfinished run keeps its state for ``--resume``."""
    return Path(str(out) + ".ckpt")


def metrics_path(out: str | Path) -> Path:
    """Where the per-epoch metrics of a run are logged (JSON lines)."""
    return Path(str(out) + ".metrics.jsonl")


def tensorboard_path(out: str | Path) -> Path:
    """The TensorBoard folder of a run (written when tensorboard is installed)."""
    return Path(str(out) + ".tensorboard")


def training_outputs(out: str | Path) -> dict[str, Path]:
    """Every file a training run writes, by name (checked and locked before the run starts)."""
    out = Path(out)
    return {"--out": out, "checkpoint": checkpoint_path(out), "metrics": metrics_path(out),
            "curves": out.with_suffix(".curves.png")}


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

    # -- set-up -------------------------------------------------------------------------------------
    def _prepare_data(self) -> BlockIndex:
        index = self.index
        if index is None:
            index = index_blocks(self.scenes, len(self.scheme), self.config.tile_size, self.reporter)
            split_blocks(index, len(self.scenes), self.config.val_fraction, self.config.seed,
                         self.config.val_split)
        totals = np.sum([b.counts for b in index.blocks], axis=0)
        if np.count_nonzero(totals) < 2:
            only = ", ".join(self.scheme.names[i] for i in np.flatnonzero(totals)) or "none"
            raise InputError(
                f"The labels hold a single class ({only}): one class cannot be segmented (the loss would be 0 and "
                "the accuracy 1 whatever the model does). Label at least two classes, e.g. add 'other' areas."
            )
        missing = [self.scheme.names[i] for i in np.flatnonzero(totals == 0)]
        if missing and self.scheme_from_labels:
            raise InputError(
                f"Class(es) {', '.join(missing)} have no labeled pixel on valid image pixels. Add labels for them, "
                "or remove them from the class scheme."
            )
        if missing:  # a preset or given scheme may name classes these labels lack
            self.reporter.warning(f"Class(es) {', '.join(missing)} have no labeled pixel; the model cannot learn them.")
        train_counts, val_counts = index.counts(1), index.counts(VAL)
        held_out = [n + 1 for n, states in enumerate(index.states) if (states == VAL).any()]
        where = (f"whole scene(s) {', '.join(map(str, held_out))}" if index.by_scene
                 else f"blocks of {len(held_out)} of {len(index.states)} scene(s)")
        self.reporter.log(
            f"{len(index.blocks)} labeled blocks of {index.size}px: {int(train_counts.sum())} training and "
            f"{int(val_counts.sum())} validation pixels labeled (validation: {where}, --val-split "
            f"{self.config.val_split})"
        )
        if val_counts.sum() == 0 and self.config.val_fraction > 0:
            self.reporter.warning(
                "Labels are too few to hold out a validation set; the model is chosen on training loss.")
        elif val_counts.sum() > 0:
            unjudged = [self.scheme.names[i] for i in np.flatnonzero((train_counts > 0) & (val_counts == 0))]
            if unjudged:
                place = "scene" if index.by_scene else "block"
                self.reporter.warning(
                    f"Class(es) {', '.join(unjudged)} are labelled in only one {place}: it went to training, so "
                    "validation cannot judge them (their IoU is not measured and the kept epoch ignores them). "
                    f"Label them in another {place} too.")
        return index

    def _build_model(self, mean: list[float], std: list[float]) -> tuple[LandcoverNet, ModelSpec]:
        cfg = self.config
        bands = self.scenes[0].bands
        if cfg.finetune:
            model, base = load_model(cfg.finetune)
            if base.in_channels != len(bands):
                raise InputError(
                    f"Model {cfg.finetune} takes {base.in_channels} bands but {len(bands)} are selected ({bands})."
                )
            model = _extend_classes(model, base.scheme, self.scheme)
            spec = ModelSpec(base.arch, bands, self.scheme, base.mean, base.std, base.backbone_norm, cfg.tile_size,
                             histogram=self.reference, backbone_weights=base.backbone_weights, decoder=model.decoder)
            return model, spec
        model = build_model(cfg.arch, len(bands), len(self.scheme), cfg.weights, cfg.backbone_norm, bands=bands,
                            reporter=self.reporter, decoder=cfg.decoder)
        return model, ModelSpec(cfg.arch, bands, self.scheme, mean, std, cfg.backbone_norm, cfg.tile_size,
                                histogram=self.reference, backbone_weights=model.pretrained, decoder=model.decoder)

    # -- training -----------------------------------------------------------------------------------
    def run(self) -> TrainResult:
        """Trains, validates every epoch, keeps the best epoch and writes the model file (rank 0)."""
        cfg, group = self.config, self.group
        out = Path(cfg.out)
        index = self._prepare_data()
        stats = band_statistics(self.scenes, index, self.rng)
        model, spec = self._build_model(stats.mean, stats.std)
        spec.input_dtype = stats.dtype
        spec.input_range = [list(pair) for pair in zip(stats.low, stats.high, strict=True)]
        set_dropout(model, cfg.dropout)
        if cfg.freeze_backbone:
            for p in model.backbone.parameters():
                p.requires_grad_(False)
        frozen_bn = cfg.freeze_backbone or (cfg.weights != "none" and cfg.batch_size < MIN_BATCH_FOR_BATCHNORM) \
            or (cfg.finetune is not None and cfg.batch_size < MIN_BATCH_FOR_BATCHNORM)
        model.to(self.device)
        self.norm = (torch.tensor(spec.mean).view(1, -1, 1, 1), torch.tensor(spec.std).view(1, -1, 1, 1))
        trained = self._parallel(model, frozen_bn)
        # With --ema the average is what is validated, recalibrated and kept; else the model itself.
        average = WeightAverage(model, cfg.ema) if cfg.ema > 0 else None
        judged = cast(LandcoverNet, average.model) if average else model
        loss_fn = PartialCrossEntropy(self._class_weights(index), cfg.focal_gamma, cfg.dice_weight,
                                      self.pseudo_weight).to(self.device)
        params = [p for p in model.parameters() if p.requires_grad]
        optimizer = torch.optim.AdamW(params, lr=cfg.lr, weight_decay=cfg.weight_decay)
        # --samples-per-epoch counts tiles over all processes; --batch-size is per process.
        steps_per_epoch = max(1, cfg.samples_per_epoch // (cfg.batch_size * group.world))
        scheduler = torch.optim.lr_scheduler.OneCycleLR(
            optimizer, max_lr=cfg.lr, total_steps=cfg.epochs * steps_per_epoch, pct_start=0.1, div_factor=10.0,
            final_div_factor=100.0)
        precision = autocast_dtype(cfg.precision, self.device)
        scaler = torch.amp.GradScaler(self.device.type, enabled=precision == torch.float16)
        sampler = TileSampler(self.scenes, index, cfg.tile_size, cfg.class_balance)
        shares = ", ".join(f"{name} {share:.0%}" for name, share in zip(self.scheme.names, sampler.class_shares(),
                                                                         strict=True))
        self.reporter.log(f"Training tiles drawn around the classes: {shares} (--class-balance {cfg.class_balance}).")
        self.tiles = TrainingTiles(sampler, spec.mean, spec.std, cfg.seed, cfg.color_jitter)
        order = TileOrder(steps_per_epoch, cfg.batch_size, group.world, group.rank)
        workers = loader_workers(cfg.loader_workers, self.device, local_world_size())
        loader = tile_loader(self.tiles, order, workers,
                             pin_memory=self.device.type == "cuda")
        history: list[dict[str, Any]] = []
        # A plain dict, as it is stored in the checkpoint (loadable with weights_only=True).
        best: dict[str, Any] = {"epoch": 0, "miou": -1.0, "loss": float("inf"), "state": None, "metrics": {}}
        start_epoch = 1
        ckpt = checkpoint_path(out)
        if cfg.resume:
            start_epoch, history, best = self._resume(ckpt, model, optimizer, scheduler, scaler, average)
            self.saved_epoch = start_epoch - 1
        stale = 0 if not history else start_epoch - 1 - best["epoch"]
        has_val = index.counts(VAL).sum() > 0
        with self._epoch_logs(out, history) as (log, writer), contextlib.ExitStack() as hooks:
            # Cancellation stops a step mid-pass (a CPU step can take a minute), validation and BatchNorm
            # recalibration too.
            hooks.enter_context(self.reporter.cancel.interrupting(model, judged))
            for epoch in range(start_epoch, cfg.epochs + 1):
                self.stage = f"during epoch {epoch}/{cfg.epochs}"
                started = time.perf_counter()
                # Dropout draws per epoch and process: a resumed run continues exactly.
                torch.manual_seed(hash_seed(cfg.seed, epoch, group.rank))
                trained.train()
                if frozen_bn:
                    freeze_batchnorm_stats(model)
                order.set_epoch(epoch)
                loss_sum = torch.zeros((), device=self.device)
                batches = self.reporter.track(loader, steps_per_epoch, "train", f"epoch {epoch}/{cfg.epochs}")
                for images, labels in batches:
                    images = images.to(self.device, non_blocking=True)
                    labels = labels.to(self.device, non_blocking=True)
                    with torch.autocast(self.device.type, dtype=precision, enabled=precision != torch.float32):
                        logits = trained(images)
                    loss = loss_fn(logits, labels, self._global_weight(loss_fn, labels, logits.shape[1]))
                    optimizer.zero_grad(set_to_none=True)
                    scaler.scale(loss).backward()
                    scaler.step(optimizer)
                    scaler.update()
                    scheduler.step()
                    if average:
                        average.update(model)
                    loss_sum += loss.detach()
                train_seconds = time.perf_counter() - started
                if not frozen_bn and has_batchnorm(judged):
                    self._recalibrate_batchnorm(judged, epoch, batches=min(16, steps_per_epoch + 1))
                # Each process's loss is its share of the global batch's mean: their sum is that mean.
                record = {"epoch": epoch, "epochs": cfg.epochs,
                          "train_loss": float(group.all_sum(loss_sum.double()).item()) / steps_per_epoch / group.world,
                          "lr": scheduler.get_last_lr()[0]}
                if has_val:
                    record.update(self._validate(judged, index, loss_fn))
                record["train_seconds"] = round(train_seconds, 3)
                record["seconds"] = round(time.perf_counter() - started, 2)
                history.append(record)
                improved = (record["val_miou"] > best["miou"]) if has_val else (record["train_loss"] < best["loss"])
                if improved:
                    best = {"epoch": epoch, "miou": record.get("val_miou", float("nan")),
                            "loss": record["train_loss"], "metrics": record,
                            "state": copy.deepcopy({k: v.cpu() for k, v in judged.state_dict().items()})}
                    stale = 0
                else:
                    stale += 1
                if group.is_main:
                    self._log_epoch(record, log, writer)
                    self._save_checkpoint(ckpt, epoch, model, optimizer, scheduler, scaler, history, best, average)
                self.saved_epoch = epoch
                if stale >= cfg.patience:
                    self.reporter.log(f"Early stop: validation mIoU did not improve for {cfg.patience} epochs.")
                    break
            hooks.close()  # before the save: model files, state dicts and exports never hold them
            missed = best["metrics"].get("missed_classes")
            if missed:
                self.reporter.warning(
                    f"The kept model (epoch {best['epoch']}) never predicts {', '.join(missed)} on the validation "
                    "blocks although they are labelled there (IoU 0). Label more of them, train longer, or try "
                    "--class-weights auto."
                )
            self.stage = f"before the model was saved (after epoch {len(history)}/{cfg.epochs})"
            self.reporter.cancel.check()  # the last check: from here the run completes
            model.load_state_dict(best["state"])
            spec.config = {**asdict(cfg), "processes": group.world}
            spec.metrics = {**{k: v for k, v in best["metrics"].items()}, "best_epoch": best["epoch"]}
            if group.is_main:
                save_model(out, model, spec)
                ckpt.unlink(missing_ok=True)
        return TrainResult(out, best["epoch"], best["miou"], history, spec)

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

    def _class_weights(self, index: BlockIndex) -> torch.Tensor | None:
        spec = self.config.class_weights
        if spec == "none":
            return None
        if spec in CLASS_WEIGHT_POWERS:
            counts = torch.from_numpy(index.counts(1).astype(np.int64))
            return inverse_frequency_weights(counts, CLASS_WEIGHT_POWERS[spec])
        try:
            weights = [float(v) for v in spec.split(",")]
        except ValueError:
            raise InputError(
                f"--class-weights must be none, sqrt, auto or {len(self.scheme)} numbers, not '{spec}'.") from None
        if len(weights) != len(self.scheme):
            raise InputError(f"--class-weights has {len(weights)} values but there are {len(self.scheme)} classes "
                             f"({', '.join(self.scheme.names)}).")
        return torch.tensor(weights, dtype=torch.float32)

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
        scores = confusion.scores(self.scheme.names)
        predicted = confusion.matrix.sum(axis=0)
        reference = confusion.matrix.sum(axis=1)
        collapsed = bool(
            predicted.sum() and (reference > 0).sum() >= 2
            and predicted.max() / predicted.sum() >= COLLAPSE_SHARE
            and reference.max() / reference.sum() < COLLAPSE_SHARE
        )
        if collapsed:
            self.reporter.warning(
                "The model predicts a single class on validation (collapse). More epochs, a larger batch, "
                "or --class-weights auto usually help."
            )
        # A class with labels that is never predicted scores IoU 0, which a decent mean IoU can hide.
        missed = [name for name, seen, got in zip(self.scheme.names, reference, predicted, strict=True)
                  if seen > 0 and got == 0]
        return {
            "val_loss": float(loss_total[0] / loss_total[1]) if loss_total[1] else float("nan"),
            "val_miou": scores["miou"],
            "val_accuracy": scores["overall_accuracy"],
            "per_class_iou": {c["name"]: c["iou"] for c in scores["per_class"]},
            "collapsed": collapsed,
            "missed_classes": missed,
        }

    @contextlib.contextmanager
    def _epoch_logs(self, out: Path, history: list[dict[str, Any]]) -> Iterator[tuple[Path, Any]]:
        """The run's per-epoch logs: ``OUT.metrics.jsonl`` and the TensorBoard writer (None without it).

        Both start from ``history`` (a resumed run's epochs, from the checkpoint: epochs logged after the
        last checkpoint by a crashed run are not listed twice). A run that stops on an error or a cancellation
        removes them: they are partial, and ``--resume`` writes them again. Rank 0 alone writes them.
        """
        log, writer = metrics_path(out), None
        if self.group.is_main:
            log.write_text("".join(json.dumps(json_safe(record)) + "\n" for record in history))
            writer = _tensorboard_writer(out, history)
        completed = False
        try:
            yield log, writer
            completed = True
        finally:
            if writer is not None:
                writer.close()
            if self.group.is_main and not completed:
                log.unlink(missing_ok=True)
                shutil.rmtree(tensorboard_path(out), ignore_errors=True)

    def _log_epoch(self, record: dict[str, Any], log: Path, writer: Any) -> None:
        self.reporter.metrics(**record)
        with log.open("a") as handle:
            handle.write(json.dumps(json_safe(record)) + "\n")
        if writer is not None:
            _add_scalars(writer, record)
        if not self.reporter.json_mode:
            val = (f", val mIoU {record['val_miou']:.3f}, val acc {record['val_accuracy']:.3f}"
                   if "val_miou" in record else "")
            if record.get("missed_classes"):
                val += f" (never predicted: {', '.join(record['missed_classes'])})"
            self.reporter.log(f"epoch {record['epoch']}: loss {record['train_loss']:.4f}{val}")

    def _save_checkpoint(self, path: Path, epoch: int, model: LandcoverNet, optimizer: torch.optim.Optimizer,
                         scheduler: torch.optim.lr_scheduler.LRScheduler, scaler: torch.amp.GradScaler,
                         history: list[dict[str, Any]], best: dict[str, Any], average: WeightAverage | None) -> None:
        # Tensors, numbers, strings, lists and dicts only: loadable with weights_only=True, so --resume never
        # runs code from the file. No generator state: tiles and dropout draws follow from the epoch.
        state = {
            "epoch": epoch, "config": asdict(self.config), "model": model.state_dict(),
            "optimizer": optimizer.state_dict(), "scheduler": scheduler.state_dict(), "scaler": scaler.state_dict(),
            "history": history, "best": best, "processes": self.group.world,
            **({"average": average.state_dict()} if average else {}),
        }
        with atomic_output(path) as tmp:
            torch.save(state, tmp)

    def _resume(self, path: Path, model: LandcoverNet, optimizer: torch.optim.Optimizer,
                scheduler: torch.optim.lr_scheduler.LRScheduler, scaler: torch.amp.GradScaler,
                average: WeightAverage | None) -> tuple[int, list[dict[str, Any]], dict[str, Any]]:
        """Restores the state of an interrupted run; returns (next epoch, history, best)."""
        state = load_checkpoint(path)
        keys = ("arch", "tile_size", "batch_size", "samples_per_epoch", "sources", "sparse", "seed", "reference",
                "val_fraction", "val_split", "ema")
        try:
            changed = [k for k in keys if state["config"].get(k) != asdict(self.config).get(k)]
            if "batch_size" in changed and state["config"]["batch_size"] * state.get("processes", 1) == \
                    self.config.batch_size * self.group.world:
                changed.remove("batch_size")  # the same global batch over another number of processes
            if changed:
                raise InputError(
                    f"Cannot resume {path}: settings differ from the interrupted run ({', '.join(changed)}).")
            model.load_state_dict(state["model"])
            optimizer.load_state_dict(state["optimizer"])
            scheduler.load_state_dict(state["scheduler"])
            scaler.load_state_dict(state["scaler"])
            if average:
                average.load_state_dict(state["average"])
            epoch, history, best = int(state["epoch"]), list(state["history"]), dict(state["best"])
        except InputError:
            raise
        except (KeyError, TypeError, ValueError, AttributeError, RuntimeError) as exc:
            raise InputError(f"Cannot resume from {path}: it is damaged or was written by another version "
                             f"({type(exc).__name__}: {exc}). Delete it to start over.") from None
        self.reporter.log(f"Resuming after epoch {epoch} from {path}")
        return epoch + 1, history, best


def load_checkpoint(path: Path) -> dict[str, Any]:
    """Reads a checkpoint with ``weights_only=True``: tensors and plain values only, no code runs.

    Raises:
        InputError: no checkpoint, an unreadable one, or one holding other objects (refused: it may be crafted).
    """
    if not path.is_file():
        raise InputError(f"Nothing to resume: no checkpoint {path} (it is kept when a run is interrupted).")
    try:
        state = torch.load(path, map_location="cpu", weights_only=True)
    except Exception as exc:  # noqa: BLE001 - crafted, truncated, not a checkpoint at all...
        # torch's own text advises weights_only=False (unsafe); keep only what the file holds.
        found = re.search(r"GLOBAL (\S+)", str(exc)) if isinstance(exc, pickle.UnpicklingError) else None
        if found:
            raise InputError(
                f"Refusing to resume from {path}: it holds objects other than tensors and plain values (such as "
                f"{found.group(1)}), which landcover never writes; it may have been crafted to run code. Delete it "
                "to start over."
            ) from None
        raise InputError(f"Cannot resume from {path}: not a readable checkpoint ({type(exc).__name__}); it may be "
                         "damaged or incomplete. Delete it to start over.") from None
    if not isinstance(state, dict):
        raise InputError(f"Cannot resume from {path}: not a landcover checkpoint. Delete it to start over.")
    return state


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
    model.output_layer = replacement
    return model


def _tensorboard_writer(out: Path, history: list[dict[str, Any]]) -> Any:
    """A TensorBoard writer beside the model file, or None when tensorboard is not installed.

    The folder is replaced, as ``OUT.metrics.jsonl`` is, and starts with ``history`` (a resumed run's epochs).
    """
    try:
        from torch.utils.tensorboard import SummaryWriter
    except ImportError:
        return None
    shutil.rmtree(tensorboard_path(out), ignore_errors=True)
    writer = SummaryWriter(log_dir=str(tensorboard_path(out)))
    for record in history:
        _add_scalars(writer, record)
    return writer


def _add_scalars(writer: Any, record: dict[str, Any]) -> None:
    """Logs the numbers of one epoch's record to TensorBoard."""
    for key, value in record.items():
        if isinstance(value, float):
            writer.add_scalar(key, value, record["epoch"])

