"""Accuracy assessment of a class raster (or of a model) against reference labels.

The reference (label raster, polygons with a class field, or a DeepGlobe folder) is read onto the
prediction's grid by windows, so memory does not grow with the raster; only windows that may hold
reference labels are read. Pixels without a reference label are left out; labeled pixels the
prediction left as nodata are counted apart (``unpredicted``).
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import rasterio

from landcover_core.classes import DEEPGLOBE, ClassScheme
from landcover_core.config import PredictOptions
from landcover_core.errors import InputError
from landcover_core.files import atomic_output, check_output_paths
from landcover_core.geotiff import read_scheme_tag
from landcover_core.labels import LabelSource
from landcover_core.labels.base import Grid
from landcover_core.metrics import ConfusionAccumulator
from landcover_core.progress import Reporter, json_safe
from landcover_core.raster import open_raster

#: Window size of the evaluation scan.
BLOCK = 1024


def reference_labels(grid: Grid, scheme: ClassScheme | None, raster: str | Path | None = None,
                     vector: str | Path | None = None, class_field: str | None = None,
                     layer: str | None = None) -> LabelSource:
    """Reads a reference label raster or polygon layer onto ``grid``, checking its classes.

    Raises:
        InputError: the reference holds classes that are not in ``scheme``.
    """
    from landcover_core.labels import PolygonLabels, RasterLabels

    if (raster is None) == (vector is None):
        raise InputError("Give exactly one reference: --reference-raster, or --reference-vector with --class-field.")
    if vector is not None:
        if not class_field:
            raise InputError(
                f"--class-field is required with --reference-vector: which field of {vector} holds the classes?")
        return PolygonLabels(vector, class_field, grid, layer=layer, scheme=scheme)  # unknown classes raise
    if raster is None:
        raise InputError("Give a reference: --reference-raster, or --reference-vector with --class-field.")
    labels = RasterLabels(raster, grid, scheme=scheme)
    extra = sorted(set(labels.codes_found) - set(labels.scheme.codes))
    if extra:
        raise InputError(
            f"The reference {raster} has class codes {extra} that the prediction's classes do not have "
            f"({', '.join(f'{c.code}={c.name}' for c in labels.scheme.classes)}); the classes do not match."
        )
    return labels


def confusion_on_grid(prediction: rasterio.DatasetReader, labels: LabelSource, scheme: ClassScheme,
                      accumulator: ConfusionAccumulator, reporter: Reporter) -> int:
    """Adds (reference, prediction) pairs of one class raster; returns labeled pixels without prediction."""
    windows = labels.candidate_windows(BLOCK)
    unpredicted = 0
    for window in reporter.track(windows, len(windows), "evaluate", "Comparing with the reference"):
        codes = prediction.read(1, window=window)
        valid = prediction.read_masks(1, window=window) > 0
        predicted = scheme.codes_to_indices(codes, valid)
        reference = labels.read(window)
        unpredicted += int(np.count_nonzero((reference >= 0) & (predicted < 0)))
        accumulator.update(reference, predicted)
    return unpredicted


def evaluate_prediction(
    prediction: str | Path,
    reference_raster: str | Path | None = None,
    reference_vector: str | Path | None = None,
    class_field: str | None = None,
    layer: str | None = None,
    scheme: ClassScheme | None = None,
    reporter: Reporter | None = None,
) -> dict[str, Any]:
    """Scores a class raster against a reference label raster or polygon layer.

    Args:
        prediction: class raster (codes; nodata = not predicted).
        reference_raster: raster of reference class codes (nodata = unlabeled).
        reference_vector: polygon layer with a class field (outside every polygon = unlabeled).
        class_field: the polygon layer's class field (names or codes).
        layer: layer of ``reference_vector`` (default: the first).
        scheme: classes of the prediction; default: the raster's ``LANDCOVER_CLASSES`` tag, else the
            reference's classes.
        reporter: progress and cancellation.

    Returns:
        The scores of :func:`landcover_core.metrics.scores_from_confusion` plus ``confusion_matrix``
        (rows: reference, columns: prediction), ``classes`` and ``unpredicted``.
    """
    reporter = reporter or Reporter(quiet=True)
    with open_raster(prediction, "prediction") as src:
        if src.count != 1 or np.dtype(src.dtypes[0]).kind not in "iu":
            raise InputError(f"The prediction {prediction} must be a single-band raster of integer class codes.")
        scheme = scheme or read_scheme_tag(src)
        labels = reference_labels(Grid.of(src), scheme, reference_raster, reference_vector, class_field, layer)
        scheme = labels.scheme
        accumulator = ConfusionAccumulator(len(scheme))
        unpredicted = confusion_on_grid(src, labels, scheme, accumulator, reporter)
    return _result(accumulator, scheme, unpredicted, prediction=str(prediction),
                   reference=str(reference_raster or reference_vector))


def evaluate_model(
    models: Sequence[str | Path],
    image: str | Path,
    reference_raster: str | Path | None = None,
    reference_vector: str | Path | None = None,
    class_field: str | None = None,
    layer: str | None = None,
    reporter: Reporter | None = None,
    options: PredictOptions | None = None,
) -> dict[str, Any]:
    """Predicts ``image`` into a temporary class raster, then scores it (see :func:`evaluate_prediction`)."""
    from landcover_core.inference.predict import Outputs, predict_raster
    from landcover_core.modelfile import load_spec

    scheme = load_spec(models[0]).scheme
    with tempfile.TemporaryDirectory(prefix="landcover-evaluate-") as folder:
        out = Path(folder) / "prediction.tif"
        predict_raster(models, image, Outputs(out), options, reporter=reporter)
        result = evaluate_prediction(out, reference_raster, reference_vector, class_field, layer, scheme, reporter)
    result.update(prediction=None, image=str(image), models=[str(m) for m in models])
    return result


def evaluate_deepglobe(models: Sequence[str | Path], folder: str | Path, reporter: Reporter | None = None,
                       options: PredictOptions | None = None) -> dict[str, Any]:
    """Predicts every tile of a DeepGlobe folder and scores the tiles together against their masks."""
    from landcover_core.inference.predict import Outputs, classify_raster, load_ensemble
    from landcover_core.labels.deepglobe import DeepGlobeMaskLabels, find_deepglobe_pairs
    from landcover_core.modelfile import load_spec

    reporter = reporter or Reporter(quiet=True)
    scheme = load_spec(models[0]).scheme
    if [c.name.lower() for c in scheme.classes] != [n for n in DEEPGLOBE.names] or scheme.codes != DEEPGLOBE.codes:
        raise InputError(
            f"{models[0]} predicts {', '.join(f'{c.code}={c.name}' for c in scheme.classes)}, not the DeepGlobe "
            f"classes ({', '.join(f'{c.code}={c.name}' for c in DEEPGLOBE.classes)}); the classes do not match."
        )
    pairs = find_deepglobe_pairs(folder)
    ensemble = load_ensemble(models, options, reporter)
    accumulator = ConfusionAccumulator(len(scheme))
    unpredicted = 0
    quiet = Reporter(json_mode=False, quiet=True, cancel=reporter.cancel)
    with tempfile.TemporaryDirectory(prefix="landcover-evaluate-") as tmp:
        for pair in reporter.track(pairs, len(pairs), "evaluate", "Predicting DeepGlobe tiles"):
            out = Path(tmp) / f"{pair.tile_id}.tif"
            classify_raster(ensemble, pair.image, Outputs(out), options, reporter=quiet)
            with rasterio.open(out) as src:
                labels = DeepGlobeMaskLabels(pair, Grid.of(src))
                unpredicted += confusion_on_grid(src, labels, scheme, accumulator, quiet)
            out.unlink()
    return _result(accumulator, scheme, unpredicted, dataset=f"deepglobe:{folder}", tiles=len(pairs),
                   models=[str(m) for m in models])


def _result(accumulator: ConfusionAccumulator, scheme: ClassScheme, unpredicted: int, **extra: Any) -> dict[str, Any]:
    if accumulator.matrix.sum() == 0:
        raise InputError("No reference label falls on a predicted pixel: check that the reference and the "
                         "prediction cover the same area (and CRS).")
    scores = accumulator.scores(scheme.names)
    for item, land in zip(scores["per_class"], scheme.classes, strict=True):
        item["code"] = land.code
    return {**extra, **scores, "unpredicted": unpredicted, "classes": scheme.to_list(),
            "confusion_matrix": accumulator.matrix.tolist()}


def format_table(result: dict[str, Any]) -> str:
    """A readable table of the per-class scores and the overall figures."""

    def num(value: float | None) -> str:
        return "   n/a" if value is None or not np.isfinite(value) else f"{value:6.3f}"

    width = max(12, *(len(item["name"]) for item in result["per_class"]))
    lines = [f"{'class':<{width}}  {'code':>4}  {'support':>10}  {'IoU':>6}  {'prec.':>6}  {'recall':>6}  {'F1':>6}"]
    for item in result["per_class"]:
        lines.append(f"{item['name']:<{width}}  {item['code']:>4}  {item['support']:>10}  {num(item['iou'])}  "
                     f"{num(item['precision'])}  {num(item['recall'])}  {num(item['f1'])}")
    lines.append("")
    lines.append(f"overall accuracy {num(result['overall_accuracy']).strip()}   mean IoU {num(result['miou']).strip()}"
                 f" (classes present)   kappa {num(result['kappa']).strip()}   pixels {result['pixels']}")
    if result.get("unpredicted"):
        lines.append(f"{result['unpredicted']} labeled pixel(s) had no prediction (nodata) and were left out.")
    return "\n".join(lines)


def write_report(result: dict[str, Any], out_json: str | Path, out_png: str | Path | None = None) -> dict[str, str]:
    """Writes the JSON report (NaN as null) and optionally the confusion-matrix PNG."""
    from landcover_core.plots import plot_confusion_matrix

    with atomic_output(out_json) as tmp:
        Path(tmp).write_text(json.dumps(json_safe(result), indent=2))
    outputs = {"json": str(out_json)}
    if out_png is not None:
        names = [c["name"] for c in result["classes"]]
        plot_confusion_matrix(result["confusion_matrix"], names, out_png,
                              title=f"OA {result['overall_accuracy']:.3f}, mIoU {result['miou']:.3f}")
        outputs["png"] = str(out_png)
    return outputs


def check_report_paths(out_json: str | Path, out_png: str | Path | None, inputs: Sequence[Any]) -> None:
    """Checks and locks the report's outputs (see :func:`~landcover_core.files.check_output_paths`)."""
    check_output_paths({"--out-json": out_json, "--out-png": out_png}, inputs)
