"""A training run's start, shared by ``train`` and ``self-train``: scenes, classes, the run's own settings."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from landcover_core.common.classes import ClassScheme
from landcover_core.config import TrainConfig
from landcover_core.data.sampling import TRAIN, VAL, BlockIndex, index_blocks, split_blocks
from landcover_core.data.scenes import Scene
from landcover_core.data.sources import TrainingData, load_training_scenes
from landcover_core.errors import InputError
from landcover_core.models.modelfile import load_spec
from landcover_core.progress import Reporter
from landcover_core.training.checkpoints import checkpoint_path
from landcover_core.training.logs import metrics_path
from landcover_core.training.losses import check_class_weights


@dataclass
class PreparedRun:
    """The scenes and classes of a run, and its settings as the model file records them.

    Attributes:
        config: the caller's settings with ``sparse`` and ``sources`` filled in (a copy).
        scenes: the labelled scenes, open (the caller closes them).
        scheme: the classes.
        scheme_from_labels: the classes were found in the labels (a class without labels is an error).
    """

    config: TrainConfig
    scenes: list[Scene]
    scheme: ClassScheme
    scheme_from_labels: bool


def prepare_run(config: TrainConfig, data: TrainingData, unlabeled: Sequence[Path] | None = None) -> PreparedRun:
    """Opens the labelled scenes and finds the classes; changes neither ``config`` nor ``data``.

    Fine-tuning keeps the model's classes unless ``data.classes`` names others.

    Args:
        config: training settings.
        data: where the labels come from.
        unlabeled: self-training's unlabeled images (recorded in the sources), or None for plain training.

    Raises:
        InputError: bad labels or images; ``--class-weights`` numbers that are not one per class.
    """
    base_scheme = load_spec(config.finetune).scheme if config.finetune and not data.classes else None
    scenes, scheme = load_training_scenes(data, config.seed, base_scheme)
    try:
        check_class_weights(config.class_weights, scheme.names)  # as soon as the classes are known
    except Exception:
        for scene in scenes:
            scene.close()
        raise
    sources = data.record(scenes[0].bands)
    if unlabeled is not None:
        sources["unlabeled"] = [str(path) for path in unlabeled] or None
    return PreparedRun(dataclasses.replace(config, sparse=data.sparse, sources=sources), scenes, scheme,
                       scheme_from_labels=not (data.classes or config.finetune or data.dataset))


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


def training_blocks(scenes: list[Scene], scheme: ClassScheme, config: TrainConfig, reporter: Reporter,
                    scheme_from_labels: bool, index: BlockIndex | None = None) -> BlockIndex:
    """The labelled blocks split into training and validation, checked and described to the user.

    Args:
        scenes: the scenes, on ``scheme``.
        scheme: the classes.
        config: training settings (tile size, validation share and split, seed).
        reporter: logs and warnings.
        scheme_from_labels: the classes were found in the labels (a class without labels is an error).
        index: blocks already split (self-training keeps one split for all rounds); None finds and splits them.

    Raises:
        InputError: labels of a single class, or a class of the labels' own scheme without a labelled pixel.
    """
    if index is None:
        index = index_blocks(scenes, len(scheme), config.tile_size, reporter)
        split_blocks(index, len(scenes), config.val_fraction, config.seed, config.val_split)
    totals = np.sum([b.counts for b in index.blocks], axis=0)
    if np.count_nonzero(totals) < 2:
        only = ", ".join(scheme.names[i] for i in np.flatnonzero(totals)) or "none"
        raise InputError(
            f"The labels hold a single class ({only}): one class cannot be segmented (the loss would be 0 and "
            "the accuracy 1 whatever the model does). Label at least two classes, e.g. add 'other' areas."
        )
    missing = [scheme.names[i] for i in np.flatnonzero(totals == 0)]
    if missing and scheme_from_labels:
        raise InputError(
            f"Class(es) {', '.join(missing)} have no labeled pixel on valid image pixels. Add labels for them, "
            "or remove them from the class scheme."
        )
    if missing:  # a preset or given scheme may name classes these labels lack
        reporter.warning(f"Class(es) {', '.join(missing)} have no labeled pixel; the model cannot learn them.")
    _describe_split(index, scheme, config, reporter)
    return index


def _describe_split(index: BlockIndex, scheme: ClassScheme, config: TrainConfig, reporter: Reporter) -> None:
    """Logs the split; warns when there is no validation, or classes validation cannot judge."""
    train_counts, val_counts = index.counts(TRAIN), index.counts(VAL)
    held_out = [n + 1 for n, states in enumerate(index.states) if (states == VAL).any()]
    where = (f"whole scene(s) {', '.join(map(str, held_out))}" if index.by_scene
             else f"blocks of {len(held_out)} of {len(index.states)} scene(s)")
    reporter.log(
        f"{len(index.blocks)} labeled blocks of {index.size}px: {int(train_counts.sum())} training and "
        f"{int(val_counts.sum())} validation pixels labeled (validation: {where}, --val-split {config.val_split})"
    )
    if val_counts.sum() == 0 and config.val_fraction > 0:
        reporter.warning("Labels are too few to hold out a validation set; the model is chosen on training loss.")
    elif val_counts.sum() > 0:
        unjudged = [scheme.names[i] for i in np.flatnonzero((train_counts > 0) & (val_counts == 0))]
        if unjudged:
            place = "scene" if index.by_scene else "block"
            reporter.warning(
                f"Class(es) {', '.join(unjudged)} are labelled in only one {place}: it went to training, so "
                "validation cannot judge them (their IoU is not measured and the kept epoch ignores them). "
                f"Label them in another {place} too.")


def training_outputs(out: str | Path) -> dict[str, Path]:
    """Every file a training run writes, by name (checked and locked before the run starts)."""
    out = Path(out)
    return {"--out": out, "checkpoint": checkpoint_path(out), "metrics": metrics_path(out),
            "curves": out.with_suffix(".curves.png")}
