"""Pseudo-labels: a model's (or an ensemble's) confident predictions, written as label rasters.

Each scene is predicted by the streaming pipeline into a temporary class raster and confidence
raster; a windowed scan gathers, per predicted class, a histogram of confidences over all scenes
together; the per-class thresholds follow (see :class:`~landcover_core.config.PseudoLabelConfig`);
a second windowed scan writes each label raster: the class code where the confidence reaches the
class's threshold, nodata (= unlabeled) elsewhere. Label rasters are class GeoTIFFs (codes, colour
table, ``LANDCOVER_CLASSES`` tag), so ``train --label-raster`` reads them as they are. Memory stays
bounded whatever the rasters' size.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import rasterio
from rasterio.windows import Window

from landcover_core.common.classes import ClassScheme
from landcover_core.common.raster import iter_windows, open_raster
from landcover_core.config import PredictOptions, PseudoLabelConfig
from landcover_core.errors import InputError
from landcover_core.inference.ensemble import Ensemble
from landcover_core.outputs.files import atomic_output, check_output_paths
from landcover_core.outputs.geotiff import open_class_raster
from landcover_core.progress import Reporter, WarningsOnly, json_safe

if TYPE_CHECKING:
    from landcover_core.inference.model_set import ModelSet

#: Confidence histogram bins (quantiles are resolved to 0.001).
BINS = 1000
#: Window edge of the scans over the temporary rasters (a multiple of the GeoTIFF block size).
SCAN = 1024
#: Name of the summary written beside the label rasters.
SUMMARY = "pseudo_labels.json"

#: Where pseudo-labels may be placed in a window of a scene: (H, W) bool (e.g. not on validation blocks).
Allowed = Callable[[Window], np.ndarray]


class ConfidenceHistograms:
    """Per predicted class, a histogram of confidences in [0, 1] (``BINS`` bins)."""

    def __init__(self, classes: int) -> None:
        self.counts = np.zeros((classes, BINS), dtype=np.int64)

    def add(self, index: np.ndarray, confidence: np.ndarray) -> None:
        """Adds pixels: class indices (int) and their confidences, both flat."""
        bins = np.clip((confidence * BINS).astype(np.int64), 0, BINS - 1)
        flat = index.astype(np.int64) * BINS + bins
        self.counts += np.bincount(flat, minlength=self.counts.size).reshape(self.counts.shape)

    def quantile(self, q: float) -> np.ndarray:
        """Per class, the lower edge of the bin holding the ``q`` quantile (NaN for a class without pixel).

        The lower edge errs low, so a threshold set there keeps at least a ``1 - q`` share of the class.
        """
        out = np.full(len(self.counts), np.nan)
        for k, counts in enumerate(self.counts):
            if counts.sum():
                position = int(np.searchsorted(np.cumsum(counts), q * counts.sum(), side="left"))
                out[k] = min(position, BINS - 1) / BINS
        return out


def parse_class_thresholds(text: str | None, scheme: ClassScheme) -> dict[int, float]:
    """Parses ``--class-thresholds`` (``name=T`` or ``code=T``, comma-separated) into {class index: T}.

    Raises:
        InputError: an unknown class, or a threshold outside (0, 1].
    """
    out: dict[int, float] = {}
    for item in filter(None, (part.strip() for part in (text or "").split(","))):
        key, sep, value = item.partition("=")
        names = [n.lower() for n in scheme.names]
        if key.strip().lower() in names:
            index = names.index(key.strip().lower())
        elif key.strip().isdigit() and int(key) in scheme.codes:
            index = scheme.codes.index(int(key))
        else:
            raise InputError(f"--class-thresholds: '{key}' is not a class of the model "
                             f"({', '.join(f'{c.code}={c.name}' for c in scheme.classes)}).")
        try:
            threshold = float(value) if sep else float("nan")
        except ValueError:
            threshold = float("nan")
        if not 0 < threshold <= 1:
            raise InputError(f"--class-thresholds: the threshold of '{key}' must be a number in (0, 1], not '{value}'.")
        out[index] = threshold
    return out


def class_thresholds(histograms: ConfidenceHistograms, config: PseudoLabelConfig, scheme: ClassScheme) -> np.ndarray:
    """The confidence each class's pixels must reach: ``min(threshold, (1 - share) quantile)``, or as given."""
    thresholds = np.full(len(scheme), config.threshold, dtype=np.float64)
    if config.class_share > 0:
        quantiles = histograms.quantile(1.0 - config.class_share)
        thresholds = np.where(np.isfinite(quantiles), np.minimum(thresholds, quantiles), thresholds)
    for index, value in parse_class_thresholds(config.class_thresholds, scheme).items():
        thresholds[index] = value
    return thresholds


def _windows(path: Path) -> tuple[rasterio.DatasetReader, list[Window]]:
    src = rasterio.open(path)
    return src, list(iter_windows(src.height, src.width, SCAN))


def _read_prediction(classes: rasterio.DatasetReader, confidence: rasterio.DatasetReader, window: Window,
                     scheme: ClassScheme, allowed: Allowed | None) -> tuple[np.ndarray, np.ndarray]:
    """Class indices (-1: no prediction or not allowed) and confidences of a window."""
    codes = classes.read(1, window=window)
    index = scheme.codes_to_indices(codes, classes.read_masks(1, window=window) > 0)
    if allowed is not None:
        index = np.where(allowed(window), index, -1)
    return index, confidence.read(1, window=window)


def label_with_confidence(
    ensemble: Ensemble,
    images: Sequence[str | Path],
    outs: Sequence[str | Path],
    config: PseudoLabelConfig,
    options: PredictOptions | None = None,
    *,
    bands: Sequence[int] | None = None,
    allowed: Sequence[Allowed | None] | None = None,
    reporter: Reporter | None = None,
) -> dict[str, Any]:
    """Predicts every image and writes its pseudo-label raster (thresholds pooled over all images).

    Args:
        ensemble: the loaded model(s), with their TTA and weights.
        images: rasters to label.
        outs: one label raster per image.
        config: threshold, class balancing and per-class thresholds.
        options: prediction options (tile size, overlap, batch size...).
        bands: raster bands fed to the models (default: each model's).
        allowed: per image, where pseudo-labels may be placed (None: everywhere).
        reporter: progress; a warning when no pixel passes.

    Returns:
        The summary: thresholds per class, and per image and in total the pixels predicted and kept.
    """
    from landcover_core.inference.predict import Outputs, classify_raster

    reporter = reporter or Reporter(quiet=True)
    scheme = ensemble.spec.scheme
    allowed = list(allowed) if allowed is not None else [None] * len(images)
    quiet = WarningsOnly(reporter)  # an image's warnings (range, resolution) reach the user
    histograms = ConfidenceHistograms(len(scheme))
    folder = Path(outs[0]).parent if outs else Path.cwd()
    with tempfile.TemporaryDirectory(prefix=".landcover-pseudo-", dir=folder) as tmp:
        predictions = []
        for i, image in enumerate(reporter.track(images, len(images), "pseudo-label", "Predicting scenes")):
            paths = (Path(tmp) / f"{i}.classes.tif", Path(tmp) / f"{i}.confidence.tif")
            classify_raster(ensemble, image, Outputs(*paths), options, bands=bands, reporter=quiet)
            predictions.append(paths)
            with ExitStack() as stack:
                classes, windows = _windows(paths[0])
                confidence = stack.enter_context(rasterio.open(paths[1]))
                stack.enter_context(classes)
                for window in windows:
                    index, conf = _read_prediction(classes, confidence, window, scheme, allowed[i])
                    histograms.add(index[index >= 0], conf[index >= 0])
        thresholds = class_thresholds(histograms, config, scheme)
        by_class = dict(zip(scheme.names, thresholds.round(4).tolist(), strict=True))
        tags = {"LANDCOVER_PSEUDO_THRESHOLDS": json.dumps(by_class)}
        scenes: list[dict[str, Any]] = []
        kept_total = np.zeros(len(scheme), dtype=np.int64)
        for image, out, (classes_path, confidence_path), where in zip(images, outs, predictions, allowed, strict=True):
            kept = _write_labels(classes_path, confidence_path, Path(out), thresholds, scheme, where, tags)
            kept_total += kept
            scenes.append({"image": str(image), "labels": str(out),
                           "kept": dict(zip(scheme.names, kept.tolist(), strict=True))})
    predicted = histograms.counts.sum(axis=1)
    total = kept_total
    if not total.sum():
        listed = ", ".join(f"{n} {t:.3f}" for n, t in zip(scheme.names, thresholds, strict=True))
        reporter.warning(f"No predicted pixel reached the confidence thresholds ({listed}): the label "
                         "rasters hold no label. Lower --threshold or raise --class-share.")
    return json_safe({
        "threshold": config.threshold,
        "class_share": config.class_share,
        "thresholds": dict(zip(scheme.names, thresholds.tolist(), strict=True)),
        "predicted": dict(zip(scheme.names, predicted.tolist(), strict=True)),
        "kept": dict(zip(scheme.names, total.tolist(), strict=True)),
        "kept_share": float(total.sum() / max(predicted.sum(), 1)),
        "classes": scheme.to_list(),
        "scenes": scenes,
    })


def _write_labels(classes_path: Path, confidence_path: Path, out: Path, thresholds: np.ndarray, scheme: ClassScheme,
                  allowed: Allowed | None, tags: dict[str, str]) -> np.ndarray:
    """Writes one label raster; returns the kept pixels per class."""
    kept = np.zeros(len(scheme), dtype=np.int64)
    codes = np.asarray(scheme.codes, dtype=np.uint8)
    with ExitStack() as stack:
        classes, windows = _windows(classes_path)
        stack.enter_context(classes)
        confidence = stack.enter_context(rasterio.open(confidence_path))
        tmp = stack.enter_context(atomic_output(out))
        dst = stack.enter_context(open_class_raster(tmp, classes.width, classes.height, classes.transform,
                                                    classes.crs, scheme, tags=tags))
        for window in windows:
            index, conf = _read_prediction(classes, confidence, window, scheme, allowed)
            keep = (index >= 0) & (conf >= thresholds[np.maximum(index, 0)])
            kept += np.bincount(index[keep], minlength=len(scheme))
            dst.write(np.where(keep, codes[np.maximum(index, 0)], np.uint8(scheme.nodata_code)), 1, window=window)
    return kept


def pseudo_label_rasters(
    models: Sequence[str | Path] | ModelSet,
    images: Sequence[str | Path],
    out_dir: str | Path,
    config: PseudoLabelConfig,
    options: PredictOptions | None = None,
    *,
    bands: Sequence[int] | None = None,
    reporter: Reporter | None = None,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """``landcover pseudo-label``: writes ``OUT_DIR/<image stem>.pseudo.tif`` per image and ``pseudo_labels.json``.

    Everything is checked before any model runs or any file is written.

    Args:
        models: one model file, or several (an ensemble); or a set of them loaded with
            :func:`~landcover_core.inference.model_set.load_models`.
        images: rasters to label.
        out_dir: the folder of the label rasters (made if missing; its parent must exist).
        config: threshold, class balancing and per-class thresholds.
        options: prediction options.
        bands: raster bands fed to the models (default: each model's).
        reporter: progress and cancellation.

    Returns:
        ``(outputs, summary)`` (see :func:`label_with_confidence` for the summary).

    Raises:
        InputError: models without a common class scheme, bad thresholds or weights, images without the
            models' bands, an output folder that cannot be made, or two images with the same name.
    """
    from landcover_core.inference.model_set import load_models

    options = options or PredictOptions()
    reporter = reporter or Reporter(quiet=True)
    model_set = load_models(models, options)
    if not images:
        raise InputError("Give at least one image to label (--image).")
    parse_class_thresholds(config.class_thresholds, model_set.scheme)
    folder = Path(out_dir)
    if folder.exists() and not folder.is_dir():
        raise InputError(f"--out {folder} is a file; give a folder for the label rasters.")
    if not folder.parent.is_dir():
        raise InputError(f"The parent folder of --out {folder} does not exist.")
    outs = [folder / f"{Path(image).stem}.pseudo.tif" for image in images]
    if len(set(outs)) != len(outs):
        raise InputError("Two --image files have the same name; their label rasters would overwrite each other.")
    for image in images:
        with open_raster(image, "image") as src:
            model_set.raster_bands(src.count, src.name, bands)
    if folder.is_dir():
        check_output_paths({str(out): out for out in [*outs, folder / SUMMARY]}, [*images, *model_set.paths])
    folder.mkdir(exist_ok=True)
    ensemble = model_set.ensemble(options, reporter)
    summary = label_with_confidence(ensemble, images, outs, config, options, bands=bands, reporter=reporter)
    summary["models"] = [str(m) for m in model_set.paths]
    with atomic_output(folder / SUMMARY) as tmp:
        tmp.write_text(json.dumps(summary, indent=2))
    reporter.log("Kept " + ", ".join(f"{name} {n} px (threshold {summary['thresholds'][name]:.3f})"
                                     for name, n in summary["kept"].items()))
    outputs = {"folder": folder, "summary": folder / SUMMARY, **{f"labels_{i + 1}": out for i, out in enumerate(outs)}}
    return outputs, {k: summary[k] for k in ("thresholds", "predicted", "kept", "kept_share")}
