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
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import rasterio
from rasterio.windows import Window

from landcover_core.assessment.metrics import ConfusionAccumulator
from landcover_core.assessment.sample_assessment import evaluate_sample
from landcover_core.assessment.sample_design import read_design
from landcover_core.common.classes import DEEPGLOBE, IGNORE_INDEX, ClassScheme
from landcover_core.common.raster import open_raster
from landcover_core.config import PredictOptions
from landcover_core.errors import InputError
from landcover_core.labels import LabelSource, PolygonLabels, RasterLabels
from landcover_core.labels.base import Grid
from landcover_core.outputs.files import atomic_output, check_output_paths
from landcover_core.outputs.geotiff import CLASSES_TAG, read_scheme_tag
from landcover_core.progress import Reporter, json_safe

if TYPE_CHECKING:
    from landcover_core.inference.model_set import ModelSet

#: Window size of the evaluation scan.
BLOCK = 1024


def reference_labels(grid: Grid, raster: str | Path | None = None, vector: str | Path | None = None,
                     class_field: str | None = None, layer: str | None = None,
                     classes: ClassScheme | None = None) -> LabelSource:
    """Reads a reference label raster or polygon layer onto ``grid``, in the reference's own classes.

    Args:
        grid: the prediction's grid.
        raster: raster of reference class codes.
        vector: polygon layer with a class field.
        class_field: the polygon layer's field: names, or integer codes.
        layer: layer of ``vector`` (default: the first).
        classes: the reference's classes (``--reference-classes``): they name the raster's codes or the
            field's integer codes. Default: the raster's ``LANDCOVER_CLASSES`` tag, else the codes found
            (named ``class <code>``), or the field's names.

    Raises:
        InputError: no or two references, or a reference raster with codes that its classes do not list.
    """
    if (raster is None) == (vector is None):
        raise InputError("Give exactly one reference: --reference-raster, or --reference-vector with --class-field.")
    if vector is not None:
        if not class_field:
            raise InputError(
                f"--class-field is required with --reference-vector: which field of {vector} holds the classes?")
        return PolygonLabels(vector, class_field, grid, layer=layer, scheme=classes)  # unknown classes raise
    if raster is None:
        raise InputError("Give a reference: --reference-raster, or --reference-vector with --class-field.")
    source = "given with --reference-classes"
    if classes is None:
        with open_raster(raster, "reference raster") as src:
            classes = read_scheme_tag(src)
        source = f"its {CLASSES_TAG} tag"
    labels = RasterLabels(raster, grid, scheme=classes)
    extra = sorted(set(labels.codes_found) - set(labels.scheme.codes))
    if extra:  # only with given classes: without, the scheme is the codes found
        raise InputError(
            f"The reference {raster} has class codes {extra} that its classes ({source}: {_listing(labels.scheme)}) "
            "do not list; give --reference-classes FILE.json naming every code of the reference."
        )
    return labels


def has_names(scheme: ClassScheme) -> bool:
    """Whether a scheme names its classes: ``class <code>`` (see ``ClassScheme.from_codes``) is no name."""
    return any(_name_key(c.name) != f"class {c.code}" for c in scheme.classes)


@dataclass(frozen=True)
class ClassMatch:
    """How the reference's classes line up with the prediction's.

    Attributes:
        scheme: the prediction's classes: the rows and columns of the confusion matrix.
        reference: the reference's classes.
        mapping: for each reference class index, the prediction's class index, or ``IGNORE_INDEX`` for a
            reference class the prediction lacks.
        matched_by: ``"name"`` when both sides name their classes, else ``"code"``.
        only_in_reference: names of the reference's classes the prediction lacks (by name only).
        only_in_prediction: names of the prediction's classes the reference lacks (by name only).
        warnings: what the comparison had to assume.
    """

    scheme: ClassScheme
    reference: ClassScheme
    mapping: np.ndarray
    matched_by: Literal["name", "code"]
    only_in_reference: list[str] = field(default_factory=list)
    only_in_prediction: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def match_classes(prediction: ClassScheme | None, reference: ClassScheme, reference_codes: Sequence[int],
                  prediction_name: str, reference_name: str) -> ClassMatch:
    """Lines up the reference's classes with the prediction's: by name when both name them, else by code.

    Names are compared trimmed and case-insensitively. Comparing codes while only one side has names
    is what a mismatched legend looks like, so the reading assumed is returned as a warning.

    Args:
        prediction: the prediction's classes; None when it carries none (its codes are read as the reference's).
        reference: the reference's classes.
        reference_codes: the codes the reference holds (each must be a prediction code when comparing by code).
        prediction_name: the prediction, for messages.
        reference_name: the reference, for messages.

    Raises:
        InputError: the two share no class name, or (by code) the reference holds codes the prediction lacks.
    """
    if prediction is None:
        warnings = [_assumed_reading("prediction", prediction_name, reference, reference.codes, "--classes")]
        return ClassMatch(reference, reference, np.arange(len(reference)), "code",
                          warnings=warnings if has_names(reference) else [])
    if has_names(prediction) and has_names(reference):
        return _match_by_name(prediction, reference, prediction_name, reference_name)
    index = {code: i for i, code in enumerate(prediction.codes)}
    extra = sorted(set(reference_codes) - set(index))
    if extra:
        raise InputError(
            f"The reference {reference_name} has class codes {extra} that the prediction's classes do not have "
            f"({_listing(prediction)}); the classes do not match."
        )
    warnings = []
    if has_names(prediction):
        warnings.append(_assumed_reading("reference", reference_name, prediction, reference.codes,
                                         "--reference-classes"))
    elif has_names(reference):
        warnings.append(_assumed_reading("prediction", prediction_name, reference, prediction.codes, "--classes"))
    mapping = np.array([index.get(code, IGNORE_INDEX) for code in reference.codes], dtype=np.int64)
    return ClassMatch(prediction, reference, mapping, "code", warnings=warnings)


def _match_by_name(prediction: ClassScheme, reference: ClassScheme, prediction_name: str,
                   reference_name: str) -> ClassMatch:
    index = {_name_key(name): i for i, name in enumerate(prediction.names)}
    mapping = np.array([index.get(_name_key(name), IGNORE_INDEX) for name in reference.names], dtype=np.int64)
    if (mapping < 0).all():
        raise InputError(
            f"The reference's classes ({', '.join(reference.names)}) share no name with the prediction's "
            f"({', '.join(prediction.names)}): {reference_name} and {prediction_name} do not describe the same "
            "classes. Check the reference; if its codes mean the prediction's classes, name them with "
            "--reference-classes FILE.json."
        )
    matched = set(mapping.tolist())
    return ClassMatch(
        prediction, reference, mapping, "name",
        only_in_reference=[name for name, i in zip(reference.names, mapping, strict=True) if i < 0],
        only_in_prediction=[name for i, name in enumerate(prediction.names) if i not in matched],
    )


def _name_key(name: str) -> str:
    return name.strip().lower()


def _listing(scheme: ClassScheme, codes: Sequence[int] | None = None) -> str:
    """``1=water, 2=forest``: the classes of ``scheme`` (those of ``codes`` only, if given)."""
    return ", ".join(f"{c.code}={c.name}" for c in scheme.classes if codes is None or c.code in codes)


def _assumed_reading(side: str, path: str, named: ClassScheme, codes: Sequence[int], option: str) -> str:
    other = "prediction" if side == "reference" else "reference"
    return (f"The {side} {path} carries no class names; its codes were read as the {other}'s: "
            f"{_listing(named, codes)}. Give {option} FILE.json to compare by name.")


class MatchedLabels:
    """A reference read in the prediction's class indices (see :class:`ClassMatch`).

    Labels of reference classes the prediction lacks become unlabeled: the model cannot predict them,
    so they are left out of the confusion matrix; ``left_out`` counts them per reference class.
    """

    def __init__(self, labels: LabelSource, match: ClassMatch) -> None:
        self.grid = labels.grid
        self.scheme = match.scheme
        self._labels = labels
        self._mapping = match.mapping
        self.left_out = np.zeros(len(match.mapping), dtype=np.int64)

    def read(self, window: Window) -> np.ndarray:
        """The prediction's class indices of the reference labels in ``window``."""
        reference = self._labels.read(window)
        labeled = reference >= 0
        indices = reference[labeled]
        out = np.full(reference.shape, IGNORE_INDEX, dtype=np.int16)
        out[labeled] = self._mapping[indices]
        self.left_out += np.bincount(indices[out[labeled] < 0], minlength=len(self._mapping))
        return out

    def candidate_windows(self, size: int) -> list[Window]:
        """The reference's candidate windows."""
        return self._labels.candidate_windows(size)


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
    reference_classes: ClassScheme | None = None,
    area_adjusted: bool | None = None,
) -> dict[str, Any]:
    """Scores a class raster against a reference label raster or polygon layer.

    Classes are compared by name when both sides name them (see :func:`match_classes`), else by code.

    Args:
        prediction: class raster (codes; nodata = not predicted).
        reference_raster: raster of reference class codes (nodata = unlabeled).
        reference_vector: polygon layer with a class field (outside every polygon = unlabeled).
        class_field: the polygon layer's class field (names or codes).
        layer: layer of ``reference_vector`` (default: the first).
        scheme: classes of the prediction; default: the raster's ``LANDCOVER_CLASSES`` tag, else the
            reference's classes.
        reporter: progress and cancellation; the comparison's warnings go through it too.
        reference_classes: classes of the reference's codes (raster codes, or integer field values);
            default: the reference raster's ``LANDCOVER_CLASSES`` tag.
        area_adjusted: score ``reference_vector`` as a stratified sample of points with the area-adjusted
            estimates (:func:`~landcover_core.assessment.sample_assessment.evaluate_sample`); None: when the
            layer carries a sample design.

    Returns:
        The scores of :func:`landcover_core.assessment.metrics.scores_from_confusion` plus ``confusion_matrix``
        (rows: reference, columns: prediction), ``classes`` (the prediction's), ``unpredicted`` and the
        class matching of :func:`_result`; with ``area_adjusted``, also ``area_adjusted``.
    """
    reporter = reporter or Reporter(quiet=True)
    if reference_vector is not None and (area_adjusted or (area_adjusted is None and read_design(reference_vector,
                                                                                                 layer))):
        return evaluate_sample(prediction, reference_vector, class_field, layer, scheme, reporter)
    reference = str(reference_raster or reference_vector)
    with open_raster(prediction, "prediction") as src:
        if src.count != 1 or np.dtype(src.dtypes[0]).kind not in "iu":
            raise InputError(f"The prediction {prediction} must be a single-band raster of integer class codes.")
        scheme = scheme or read_scheme_tag(src)
        labels = reference_labels(Grid.of(src), reference_raster, reference_vector, class_field, layer,
                                  reference_classes)
        found = labels.codes_found if isinstance(labels, RasterLabels) else labels.scheme.codes
        match = match_classes(scheme, labels.scheme, found, str(prediction), reference)
        _warn(match, reporter)
        matched = MatchedLabels(labels, match)
        accumulator = ConfusionAccumulator(len(match.scheme))
        unpredicted = confusion_on_grid(src, matched, match.scheme, accumulator, reporter)
    return _result(accumulator, match, unpredicted, matched.left_out, prediction=str(prediction), reference=reference)


def evaluate_model(
    models: Sequence[str | Path] | ModelSet,
    image: str | Path,
    reference_raster: str | Path | None = None,
    reference_vector: str | Path | None = None,
    class_field: str | None = None,
    layer: str | None = None,
    reporter: Reporter | None = None,
    options: PredictOptions | None = None,
    reference_classes: ClassScheme | None = None,
) -> dict[str, Any]:
    """Predicts ``image`` into a temporary class raster, then scores it (see :func:`evaluate_prediction`).

    ``models``: one model file, or several (an ensemble); or a set of them loaded with
    :func:`~landcover_core.inference.model_set.load_models`.
    """
    from landcover_core.inference.model_set import load_models
    from landcover_core.inference.predict import Outputs, predict_raster

    model_set = load_models(models, options)
    with tempfile.TemporaryDirectory(prefix="landcover-evaluate-") as folder:
        out = Path(folder) / "prediction.tif"
        predict_raster(model_set, image, Outputs(out), options, reporter=reporter)
        result = evaluate_prediction(out, reference_raster, reference_vector, class_field, layer, model_set.scheme,
                                     reporter, reference_classes)
    result.update(prediction=None, image=str(image), models=[str(m) for m in model_set.paths])
    return result


def evaluate_deepglobe(models: Sequence[str | Path] | ModelSet, folder: str | Path, reporter: Reporter | None = None,
                       options: PredictOptions | None = None) -> dict[str, Any]:
    """Predicts every tile of a DeepGlobe folder and scores the tiles together against their masks.

    The model's classes are matched with DeepGlobe's by name (see :func:`match_classes`). ``models``: as for
    :func:`evaluate_model`.
    """
    from landcover_core.inference.model_set import load_models
    from landcover_core.inference.predict import Outputs, classify_raster
    from landcover_core.labels.deepglobe import DeepGlobeMaskLabels, find_deepglobe_pairs

    reporter = reporter or Reporter(quiet=True)
    model_set = load_models(models, options)
    match = match_classes(model_set.scheme, DEEPGLOBE, DEEPGLOBE.codes, str(model_set.paths[0]),
                          f"deepglobe:{folder}")
    pairs = find_deepglobe_pairs(folder)
    _warn(match, reporter)
    ensemble = model_set.ensemble(options, reporter)
    accumulator = ConfusionAccumulator(len(match.scheme))
    unpredicted = 0
    left_out = np.zeros(len(DEEPGLOBE), dtype=np.int64)
    quiet = Reporter(json_mode=False, quiet=True, cancel=reporter.cancel)
    with tempfile.TemporaryDirectory(prefix="landcover-evaluate-") as tmp:
        for pair in reporter.track(pairs, len(pairs), "evaluate", "Predicting DeepGlobe tiles"):
            out = Path(tmp) / f"{pair.tile_id}.tif"
            classify_raster(ensemble, pair.image, Outputs(out), options, reporter=quiet)
            with rasterio.open(out) as src:
                labels = MatchedLabels(DeepGlobeMaskLabels(pair, Grid.of(src)), match)
                unpredicted += confusion_on_grid(src, labels, match.scheme, accumulator, quiet)
                left_out += labels.left_out
            out.unlink()
    return _result(accumulator, match, unpredicted, left_out, dataset=f"deepglobe:{folder}", tiles=len(pairs),
                   models=[str(m) for m in model_set.paths])


def _warn(match: ClassMatch, reporter: Reporter) -> None:
    for message in match.warnings:
        reporter.warning(message)


def _result(accumulator: ConfusionAccumulator, match: ClassMatch, unpredicted: int, left_out: np.ndarray,
            **extra: Any) -> dict[str, Any]:
    """The report: scores, the matrix and how the classes were matched.

    Besides the scores: ``matched_by`` (``"name"`` or ``"code"``), ``only_in_reference`` and
    ``only_in_prediction`` (class names), ``reference_only_pixels`` (labeled pixels of each
    reference-only class, left out of the matrix), ``reference_classes`` and ``warnings``.
    """
    if accumulator.matrix.sum() == 0:
        raise InputError("No reference label falls on a predicted pixel: check that the reference and the "
                         "prediction cover the same area (and CRS).")
    scheme = match.scheme
    scores = accumulator.scores(scheme.names)
    for item, land in zip(scores["per_class"], scheme.classes, strict=True):
        item["code"] = land.code
    return {**extra, **scores, "unpredicted": unpredicted, "classes": scheme.to_list(),
            "confusion_matrix": accumulator.matrix.tolist(), "matched_by": match.matched_by,
            "only_in_reference": match.only_in_reference, "only_in_prediction": match.only_in_prediction,
            "reference_only_pixels": {name: int(left_out[match.reference.names.index(name)])
                                      for name in match.only_in_reference},
            "reference_classes": match.reference.to_list(), "warnings": list(match.warnings)}


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
    if result.get("matched_by"):  # reports written before classes were matched by name have none
        lines.append(f"Classes were compared by {result['matched_by']}.")
    if result.get("only_in_reference"):
        pixels = result.get("reference_only_pixels", {})
        counted = ", ".join(f"{name} ({pixels.get(name, 0)} labeled pixels)" for name in result["only_in_reference"])
        lines.append(f"Reference classes the prediction lacks, left out (the model cannot predict them): {counted}.")
    if result.get("only_in_prediction"):
        lines.append(f"Prediction classes the reference lacks: {', '.join(result['only_in_prediction'])}.")
    lines.extend(f"warning: {message}" for message in result.get("warnings", []))
    return "\n".join(lines)


def write_report(result: dict[str, Any], out_json: str | Path, out_png: str | Path | None = None) -> dict[str, str]:
    """Writes the JSON report (NaN as null) and optionally the confusion-matrix PNG."""
    from landcover_core.outputs.figures import plot_confusion_matrix

    with atomic_output(out_json) as tmp:
        Path(tmp).write_text(json.dumps(json_safe(result), indent=2))
    outputs = {"json": str(out_json)}
    if out_png is not None and "area_adjusted" in result:  # a stratified sample: its matrix of area proportions
        from landcover_core.outputs.figures import plot_area_matrix

        plot_area_matrix(result["area_adjusted"], out_png)
        outputs["png"] = str(out_png)
    elif out_png is not None:
        names = [c["name"] for c in result["classes"]]
        plot_confusion_matrix(result["confusion_matrix"], names, out_png,
                              title=f"OA {result['overall_accuracy']:.3f}, mIoU {result['miou']:.3f}")
        outputs["png"] = str(out_png)
    return outputs


def check_report_paths(out_json: str | Path, out_png: str | Path | None, inputs: Sequence[Any]) -> None:
    """Checks and locks the report's outputs (see :func:`~landcover_core.outputs.files.check_output_paths`)."""
    check_output_paths({"--out-json": out_json, "--out-png": out_png}, inputs)
