"""Self-training: rounds of training on the true labels plus the current best model's pseudo-labels.

Round 0 is ordinary supervised training. Each later round pseudo-labels (see
:mod:`landcover_core.training.pseudolabels`) the unlabeled scenes and the unlabeled parts of the labeled
scenes with the best model so far, then trains a new model from the same initialisation and seed on
the true labels plus the pseudo-labels, which weigh ``--pseudo-weight`` in the loss and never
override a true label (:class:`~landcover_core.labels.pseudo.WithPseudoLabels`).

Every round is validated on the one spatially disjoint split made in round 0: pseudo-labels are never
placed on a validation block (nor anywhere in a validation scene when whole scenes were held out), so
they neither leak into validation nor are scored. The best round by validation mIoU is kept as the
model file; ``OUT.selftrain.jsonl`` (one record per round), a table and ``OUT.selftrain.png`` report
the rounds.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from rasterio.windows import Window

from landcover_core.common.classes import IGNORE_INDEX, ClassScheme
from landcover_core.common.raster import iter_windows
from landcover_core.config import (
    PredictOptions,
    PseudoLabelConfig,
    SelfTrainConfig,
    SelfTrainPseudoLabels,
    TrainConfig,
)
from landcover_core.data.sampling import (
    TRAIN,
    UNUSED,
    VAL,
    Block,
    BlockIndex,
    in_state,
    index_blocks,
    scan_blocks,
    split_blocks,
)
from landcover_core.data.scenes import Scene, image_grid
from landcover_core.data.sources import TrainingData
from landcover_core.errors import InputError
from landcover_core.labels import Grid, RasterLabels
from landcover_core.labels.pseudo import WithPseudoLabels
from landcover_core.outputs.files import atomic_output, check_output_paths
from landcover_core.progress import Reporter, json_safe
from landcover_core.training.pseudolabels import Allowed, label_with_confidence


@dataclass
class SelfTrainResult:
    """What a self-training run produced.

    Attributes:
        model: the model file (the best round's model).
        best_round: the round kept (0: supervised only).
        rounds: one record per round (see :func:`self_train`).
        report: the per-round JSONL report.
        curves: the per-round figure.
        round_models: the rounds' models, when kept.
    """

    model: Path
    best_round: int
    rounds: list[dict[str, Any]]
    report: Path
    curves: Path | None = None
    round_models: list[Path] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        """The JSON-ready summary reported by ``landcover self-train``."""
        return json_safe({"best_round": self.best_round,
                          "best_val_miou": self.rounds[self.best_round]["val_miou"],
                          "rounds": [{k: r[k] for k in ("round", "val_miou", "pseudo_pixels")} for r in self.rounds]})


def report_path(out: str | Path) -> Path:
    """The per-round report of a self-training run writing ``out``: ``OUT.selftrain.jsonl``."""
    return Path(str(out) + ".selftrain.jsonl")


def curves_path(out: str | Path) -> Path:
    """The per-round figure: ``OUT_STEM.selftrain.png``."""
    return Path(out).with_suffix(".selftrain.png")


def round_model_path(out: str | Path, round_number: int) -> Path:
    """Where ``--keep-rounds`` keeps a round's model: ``OUT_STEM.roundN.pt``."""
    return Path(out).with_suffix(f".round{round_number}.pt")


def expand_unlabeled(paths: Sequence[str | Path]) -> list[Path]:
    """Unlabeled images; a folder stands for its DeepGlobe images without a mask (``*_sat.jpg``) and GeoTIFFs.

    Raises:
        InputError: a missing path, or a folder without images.
    """
    images: list[Path] = []
    for item in map(Path, paths):
        if item.is_dir():
            found = [p for p in sorted(item.glob("*_sat.jpg"))
                     if not (item / p.name.replace("_sat.jpg", "_mask.png")).exists()]
            found += sorted(item.glob("*.tif"))
            if not found:
                raise InputError(f"--unlabeled folder {item} holds no image (*_sat.jpg without a mask, or *.tif).")
            images.extend(found)
        elif item.is_file():
            images.append(item)
        else:
            raise InputError(f"--unlabeled {item} does not exist.")
    return images


def unlabeled_scenes(paths: Sequence[Path], bands: list[int], requested: list[int] | None) -> list[Scene]:
    """Opens the unlabeled images (labels come later), checking they give the labeled scenes' bands.

    Raises:
        InputError: naming an image whose bands differ from the model's.
    """
    scenes = []
    for path in paths:
        try:
            grid, chosen, nbytes = image_grid(path, requested)
        except InputError as exc:
            raise InputError(f"Unlabeled scene {path}: {exc}") from None
        if chosen != bands:
            raise InputError(f"The unlabeled scene {path} gives bands {chosen} but the labeled scenes (and the model) "
                             f"use bands {bands}; pick the same bands with --bands or use images of the same sensor.")
        scenes.append(Scene(path, chosen, _NoLabels(grid), nbytes))
    return scenes


class _NoLabels:
    """The labels of an unlabeled scene before its first pseudo-labels (nothing)."""

    def __init__(self, grid: Grid) -> None:
        self.grid = grid
        self.scheme = ClassScheme.from_codes([0])  # never read: an unlabeled scene trains on its pseudo-labels

    def read(self, window: Window) -> np.ndarray:
        return np.full((int(window.height), int(window.width)), IGNORE_INDEX, dtype=np.int16)

    def candidate_windows(self, size: int) -> list[Window]:
        return []


def pseudo_allowed(index: BlockIndex, scene: int) -> Allowed:
    """Where a labeled scene may get pseudo-labels: outside validation blocks, nowhere in a validation scene."""
    states = index.states[scene]
    if index.by_scene and (states == VAL).any():
        return lambda window: np.zeros((int(window.height), int(window.width)), dtype=bool)
    allowed = (states != VAL).astype(np.uint8)
    return lambda window: in_state((int(window.height), int(window.width)), window, allowed, index.size, 1)


def has_unlabeled_pixel(scenes: Sequence[Scene], index: BlockIndex, extra: Sequence[Scene]) -> bool:
    """Whether a valid pixel without a true label lies where pseudo-labels may go (an unlabeled scene counts)."""
    if extra:
        return True
    for number, scene in enumerate(scenes):
        allowed = pseudo_allowed(index, number)
        for window in iter_windows(scene.grid.height, scene.grid.width, 1024):
            image, labels = scene.read(window)
            valid = np.any(image != 0, axis=0)
            if np.any(valid & (labels < 0) & allowed(window)):
                return True
    return False


def extend_index(base: BlockIndex, scenes: list[Scene], num_classes: int, reporter: Reporter) -> BlockIndex:
    """The blocks of the round's scenes (true and pseudo-labels) on the base split.

    The base's validation and training blocks keep their state; newly labeled blocks (pseudo-labels
    only) train. Scenes beyond the base's (the unlabeled ones) train wholly.
    """
    blocks = scan_blocks(scenes, num_classes, base.size, reporter)
    states = [s.copy() for s in base.states]
    for scene in scenes[len(base.states):]:
        states.append(np.zeros((-(-scene.grid.height // base.size), -(-scene.grid.width // base.size)), np.uint8))
    for block in blocks:
        if states[block.scene][block.row, block.col] == UNUSED:
            states[block.scene][block.row, block.col] = TRAIN
    kept: list[Block] = [b for b in blocks if states[b.scene][b.row, b.col] in (TRAIN, VAL)]
    return BlockIndex(base.size, kept, states, base.by_scene)


def self_train(
    config: TrainConfig,
    data: TrainingData,
    unlabeled: Sequence[str | Path],
    settings: SelfTrainConfig | None = None,
    pseudo: PseudoLabelConfig | None = None,
    options: PredictOptions | None = None,
    reporter: Reporter | None = None,
) -> SelfTrainResult:
    """Trains with rounds of pseudo-labels and writes the best round's model to ``config.out``.

    Args:
        config: training settings, used by every round (``config.out``: the model file to write).
        data: the labeled scenes.
        unlabeled: images (or folders of images) without labels: the pool beside the labeled scenes'
            unlabeled pixels.
        settings: rounds, pseudo-label weight, whether to keep every round's model.
        pseudo: which predictions become pseudo-labels.
        options: how the pseudo-labeling prediction runs (tile size, TTA...).
        reporter: progress, logs and cancellation.

    Returns:
        The result; each round's record holds ``round``, ``val_miou``, ``val_accuracy``, ``per_class_iou``,
        ``best_epoch``, ``pseudo_pixels`` (pseudo-labels written, per class), ``thresholds`` and ``seconds``.

    Raises:
        InputError: bad labels, options or outputs; an unlabeled image with other bands than the labeled
            scenes; no unlabeled pixel to pseudo-label. Nothing is written then.
        Cancelled: cancelled; no model file is written.
    """
    from landcover_core.training.run import match_scenes, prepare_run, training_outputs

    settings = settings or SelfTrainConfig()
    pseudo = pseudo or SelfTrainPseudoLabels()
    options = options or PredictOptions()
    reporter = reporter or Reporter(quiet=True)
    pool = expand_unlabeled(unlabeled)
    inputs: list[str | Path | None] = [*data.files(), config.finetune, *pool]
    out = check_output_paths(training_outputs(config.out), inputs)["--out"]
    if config.resume:
        raise InputError("--resume is not available with self-training.")
    run = prepare_run(config, data, unlabeled=pool)
    config, scenes, scheme, from_labels = run.config, run.scenes, run.scheme, run.scheme_from_labels
    extra: list[Scene] = []
    try:
        extra = unlabeled_scenes(pool, scenes[0].bands, data.bands)
        index = index_blocks(scenes, len(scheme), config.tile_size, reporter)
        split_blocks(index, len(scenes), config.val_fraction, config.seed, config.val_split)
        if not has_unlabeled_pixel(scenes, index, extra):
            raise InputError("Self-training needs unlabeled pixels: every valid pixel outside validation is labeled. "
                             "Add images without labels with --unlabeled.")
        reference = match_scenes(scenes, config, reporter)
        if reference is not None:
            _match_extra(extra, reference, reporter)
        with tempfile.TemporaryDirectory(prefix=".landcover-selftrain-", dir=out.parent) as folder:
            work = Path(folder)
            rounds, models = _run_rounds(config, settings, pseudo, options, scenes, extra, scheme, index, reference,
                                         from_labels, work, reporter)
            best = _best_round(rounds, reporter)
            with atomic_output(out) as tmp:
                shutil.copyfile(models[best], tmp)
            kept = []
            if settings.keep_rounds:
                for number, model in enumerate(models):
                    with atomic_output(round_model_path(out, number)) as tmp:
                        shutil.copyfile(model, tmp)
                    kept.append(round_model_path(out, number))
    finally:
        for scene in [*scenes, *extra]:
            scene.close()
    report = write_report(rounds, report_path(out))
    reporter.log(format_rounds(rounds, best))
    curves = plot_rounds(rounds, best, curves_path(out))
    return SelfTrainResult(out, best, rounds, report, curves, kept)


def _match_extra(extra: list[Scene], reference: dict[str, Any], reporter: Reporter) -> None:
    from landcover_core.radiometry.histograms import RasterHistogram
    from landcover_core.radiometry.matching import matcher_for_raster

    histogram = RasterHistogram.from_dict(reference)
    for scene in extra:
        scene.matcher = matcher_for_raster(scene.image, histogram, scene.bands, reporter)


def _run_rounds(config: TrainConfig, settings: SelfTrainConfig, pseudo: PseudoLabelConfig, options: PredictOptions,
                scenes: list[Scene], extra: list[Scene], scheme: ClassScheme, index: BlockIndex,
                reference: dict[str, Any] | None, from_labels: bool, work: Path,
                reporter: Reporter) -> tuple[list[dict[str, Any]], list[Path]]:
    """Round 0 on the true labels, then ``settings.rounds`` rounds with pseudo-labels."""
    from landcover_core.inference.predict import load_ensemble
    from landcover_core.training import trainer as training

    rounds: list[dict[str, Any]] = []
    models: list[Path] = []
    allowed: list[Allowed | None] = [pseudo_allowed(index, i) for i in range(len(scenes))]
    allowed += [None] * len(extra)
    for number in range(settings.rounds + 1):
        started = time.perf_counter()
        model = work / f"round{number}.pt"
        round_config = dataclasses.replace(config, out=str(model))
        round_scenes, round_index, summary = scenes, index, None
        owned: list[Any] = []  # what this round opened, closed after it
        try:
            if number:
                best = _best_round(rounds, reporter, quiet=True)
                reporter.log(f"Round {number}/{settings.rounds}: pseudo-labeling with round {best}'s model.")
                ensemble = load_ensemble([models[best]], options, reporter)
                everything = [*scenes, *extra]
                outs = [work / f"round{number}-{i}.tif" for i in range(len(everything))]
                summary = label_with_confidence(ensemble, [s.image for s in everything], outs, pseudo, options,
                                                bands=scenes[0].bands, allowed=allowed, reporter=reporter)
                round_scenes, owned = _with_pseudo_labels(scenes, extra, outs, summary, scheme)
                round_index = extend_index(index, round_scenes, len(scheme), reporter)
            else:
                reporter.log(f"Round 0/{settings.rounds}: supervised training on the true labels.")
            trainer = training.Trainer(round_config, round_scenes, scheme, reporter, scheme_from_labels=from_labels,
                                       reference=reference, index=round_index,
                                       pseudo_weight=settings.pseudo_weight if number else 1.0)
            result = trainer.run()
        finally:
            for scene in owned:
                scene.close()
        best_record: dict[str, Any] = next((r for r in result.history if r["epoch"] == result.best_epoch), {})
        rounds.append(json_safe({
            "round": number,
            "val_miou": result.best_val_miou,
            "val_accuracy": best_record.get("val_accuracy"),
            "per_class_iou": best_record.get("per_class_iou"),
            "best_epoch": result.best_epoch,
            "pseudo_pixels": summary["kept"] if summary else {name: 0 for name in scheme.names},
            "thresholds": summary["thresholds"] if summary else None,
            "seconds": round(time.perf_counter() - started, 1),
            "history": result.history,
        }))
        models.append(model)
        reporter.metrics(stage="self-train", **{k: v for k, v in rounds[-1].items() if k != "history"})
    return rounds, models


def _with_pseudo_labels(scenes: list[Scene], extra: list[Scene], outs: list[Path], summary: dict[str, Any],
                        scheme: ClassScheme) -> tuple[list[Scene], list[Any]]:
    """The round's scenes: labeled scenes whose labels are completed, and the unlabeled scenes that got any.

    Returns:
        The scenes to train on, and those this round opened (to close after it).
    """
    round_scenes: list[Scene] = []
    owned: list[Any] = []
    for number, (scene, out, record) in enumerate(zip([*scenes, *extra], outs, summary["scenes"], strict=True)):
        labeled = number < len(scenes)
        if not sum(record["kept"].values()):
            if labeled:
                round_scenes.append(scene)
            continue
        labels = WithPseudoLabels(RasterLabels(out, scene.grid, scheme=scheme), scene.labels if labeled else None)
        if labeled:
            # Same image, same key: the round shares the scene's cached pixels and open file.
            round_scenes.append(dataclasses.replace(scene, labels=labels))
            owned.append(labels)  # its close() leaves the true labels (and the scene) open
        else:
            opened = Scene(scene.image, scene.bands, labels, scene.nbytes, matcher=scene.matcher)
            round_scenes.append(opened)
            owned.append(opened)
    return round_scenes, owned


def _best_round(rounds: list[dict[str, Any]], reporter: Reporter, quiet: bool = False) -> int:
    """The round with the best validation mIoU (the last round when there is no validation)."""
    scores = [r["val_miou"] for r in rounds]
    if all(s is None for s in scores):
        if not quiet:
            reporter.warning("No validation labels: the last round is kept, whether or not it is better.")
        return len(rounds) - 1
    return int(np.nanargmax([np.nan if s is None else s for s in scores]))


def write_report(rounds: list[dict[str, Any]], path: Path) -> Path:
    """One JSON line per round."""
    with atomic_output(path) as tmp:
        tmp.write_text("".join(json.dumps(json_safe(r)) + "\n" for r in rounds))
    return path


def format_rounds(rounds: list[dict[str, Any]], best: int) -> str:
    """The per-round table: validation mIoU and accuracy, pseudo-labeled pixels, seconds."""
    lines = [f"{'round':>5}  {'val mIoU':>8}  {'val acc':>7}  {'pseudo px':>10}  {'seconds':>7}"]
    for r in rounds:
        miou = "n/a" if r["val_miou"] is None else f"{r['val_miou']:.3f}"
        acc = "n/a" if r["val_accuracy"] is None else f"{r['val_accuracy']:.3f}"
        mark = "  <- kept" if r["round"] == best else ""
        lines.append(f"{r['round']:>5}  {miou:>8}  {acc:>7}  {sum(r['pseudo_pixels'].values()):>10}  "
                     f"{r['seconds']:>7}{mark}")
    return "\n".join(lines)


def plot_rounds(rounds: list[dict[str, Any]], best: int, path: Path) -> Path:
    """Validation mIoU per round (left) and pseudo-labeled pixels per class and round (right)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    numbers = [r["round"] for r in rounds]
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
    left.plot(numbers, [np.nan if r["val_miou"] is None else r["val_miou"] for r in rounds], marker="o")
    if rounds[best]["val_miou"] is not None:
        left.plot([best], [rounds[best]["val_miou"]], marker="*", markersize=14, color="tab:red", label="kept")
        left.legend()
    left.set_xlabel("round")
    left.set_ylabel("validation mIoU")
    left.set_xticks(numbers)
    left.set_title("Validation per round")
    names = list(rounds[0]["pseudo_pixels"])
    bottom = np.zeros(len(rounds))
    for name in names:
        values = np.array([r["pseudo_pixels"][name] for r in rounds], dtype=float)
        right.bar(numbers, values, bottom=bottom, label=name)
        bottom += values
    right.set_xlabel("round")
    right.set_xticks(numbers)
    right.set_title("Pseudo-labeled pixels")
    right.legend(fontsize=8)
    fig.tight_layout()
    with atomic_output(path) as tmp:
        fig.savefig(tmp, dpi=100, format="png")
    plt.close(fig)
    return path
