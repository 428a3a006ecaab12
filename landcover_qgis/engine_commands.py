"""Engine command lines built from typed requests, shared by the dock and the Processing algorithms.

Requests hold no defaults or limits of their own: settings left out are the engine's defaults, and the
engine validates every value (the plugin's widgets already carry the engine's ranges).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple

from landcover_qgis.engine_runner import EngineFailure
from landcover_qgis.layer_io import LayerExportError, Preparation, RasterInput, VectorInput, preparations

#: Engine settings of a request: option flag -> value, e.g. ``{"--epochs": 30, "--lr": 0.001}``.
Settings = Dict[str, object]


def _option(args: List[str], name: str, value: object) -> None:
    """Appends ``name value`` when the value is set (a flag alone for True; nothing for False)."""
    if value is None or value == "" or value is False:
        return
    if value is True:
        args.append(name)
    else:
        args.extend([name, repr(float(value)) if isinstance(value, float) else str(value)])


#: Why a request that applies models cannot run without one.
NO_MODEL = "Choose a model file (train one first, or pick existing model files)."


def _repeated(flag: str, values: Sequence[str]) -> List[str]:
    """``flag value`` for each value (a repeatable option such as ``--model``)."""
    return [arg for value in values for arg in (flag, value)]


def _settings(args: List[str], settings: Settings) -> None:
    for flag, value in settings.items():
        _option(args, flag, value)


@dataclass
class EngineCall:
    """One engine command and its arguments (``--json-progress`` is added by the runner).

    Attributes:
        command: The engine command.
        args: Its arguments.
        label: Text for the progress display.
        prepare: Writes the input files the command reads (exports of non-file layers); run them with
            :meth:`prepare_inputs` on the worker thread, just before the engine starts.
    """

    command: str
    args: List[str]
    label: str = ""
    prepare: List[Preparation] = field(default_factory=list)

    def prepare_inputs(self) -> None:
        """Writes the pending input files.

        Raises:
            EngineFailure: ``ExportError`` when a layer cannot be written.
        """
        for write in self.prepare:
            try:
                write()
            except LayerExportError as problem:
                raise EngineFailure("ExportError", str(problem)) from None


@dataclass
class TrainRequest:
    """What ``landcover train`` needs; exactly one of ``labels``/``label_raster`` is set.

    Attributes:
        image: The image raster and bands.
        out: Model file to write.
        labels: Polygon layer file with ``class_field``.
        class_field: Field of ``labels`` holding the classes.
        label_raster: Raster of class codes instead of polygons.
        classes: A class preset name, a scheme JSON, or None to derive the classes from the labels.
        arch, weights: Model choices (None: the engine's default); ignored when fine-tuning.
        finetune: Existing model file to start from.
        reference: Raster to histogram-match the image to (only if the engine has ``--reference``).
        settings: Further options by flag (epochs, batch size, ...).
    """

    image: RasterInput
    out: str
    labels: Optional[VectorInput] = None
    class_field: Optional[str] = None
    label_raster: Optional[RasterInput] = None
    classes: Optional[str] = None
    arch: Optional[str] = None
    weights: Optional[str] = None
    finetune: Optional[str] = None
    reference: Optional[RasterInput] = None
    settings: Settings = field(default_factory=dict)

    def validate(self) -> Optional[str]:
        """A message explaining why this request cannot run, or None (values are the engine's to check)."""
        if self.labels is None and self.label_raster is None:
            return "Choose labels: a polygon layer with a class field, or a label raster."
        if self.labels is not None and not self.class_field:
            return "Choose the field of the label layer that holds the classes."
        if not self.out:
            return "Choose where to save the model file."
        return None

    def call(self) -> EngineCall:
        """The ``train`` command line."""
        args = ["--image", self.image.path, "--out", self.out]
        _option(args, "--bands", self.image.band_argument())
        if self.labels is not None:
            args.extend(["--labels", self.labels.path, "--class-field", str(self.class_field)])
            _option(args, "--layer", self.labels.layer_name)
        elif self.label_raster is not None:
            args.extend(["--label-raster", self.label_raster.path])
        _option(args, "--classes", self.classes)
        if self.finetune:
            args.extend(["--finetune", self.finetune])
        else:
            _option(args, "--arch", self.arch)
            _option(args, "--weights", self.weights)
        _option(args, "--reference", self.reference.path if self.reference else None)
        _settings(args, self.settings)
        return EngineCall("train", args, "Training",
                          preparations(self.image, self.labels, self.label_raster, self.reference))


@dataclass
class PredictRequest:
    """What ``landcover predict`` needs.

    Attributes:
        models: One model file, or several for an ensemble.
        image: The image raster; its bands (if any) override the model's bands.
        out: Class GeoTIFF to write.
        confidence: Confidence GeoTIFF to write, or None.
        uncertainty: Uncertainty GeoTIFF to write (engines with ``--uncertainty``), or None.
        vector: Polygon GeoPackage to write, or None.
        extent: ``(xmin, ymin, xmax, ymax)`` in the raster's CRS, or None for the whole raster.
        settings: Further options by flag (tile size, minimum polygon area, ...).
    """

    models: Sequence[str]
    image: RasterInput
    out: str
    confidence: Optional[str] = None
    uncertainty: Optional[str] = None
    vector: Optional[str] = None
    extent: Optional[Tuple[float, float, float, float]] = None
    settings: Settings = field(default_factory=dict)

    def validate(self) -> Optional[str]:
        """A message explaining why this request cannot run, or None."""
        if not self.models:
            return NO_MODEL
        if not self.out:
            return "Choose where to save the classified raster."
        return None

    def call(self) -> EngineCall:
        """The ``predict`` command line; several models make an ensemble."""
        args = _repeated("--model", self.models)
        args.extend(["--image", self.image.path, "--out", self.out])
        _option(args, "--bands", self.image.band_argument())
        _option(args, "--confidence", self.confidence)
        _option(args, "--uncertainty", self.uncertainty)
        _option(args, "--vector", self.vector)
        if self.extent is not None:
            args.extend(["--extent", ",".join(repr(float(v)) for v in self.extent)])
        _settings(args, self.settings)
        return EngineCall("predict", args, "Classifying", preparations(self.image))


@dataclass
class PredictBatchRequest:
    """What ``landcover predict-batch`` needs (engines that have the command).

    Attributes:
        models: One model file, or several for an ensemble.
        images: Folders (their rasters matching ``--pattern``), raster files or glob patterns.
        out_dir: Folder of the outputs (per scene, and the summary of class areas).
        settings: Further options by flag (``--pattern``, ``--confidence``, ``--workers``, ``--cluster``...).
    """

    models: Sequence[str]
    images: Sequence[str]
    out_dir: str
    settings: Settings = field(default_factory=dict)

    def validate(self) -> Optional[str]:
        """A message explaining why this request cannot run, or None."""
        if not self.models:
            return NO_MODEL
        if not self.images:
            return "Choose the folder of images to classify."
        if not self.out_dir:
            return "Choose the output folder."
        return None

    def call(self) -> EngineCall:
        """The ``predict-batch`` command line."""
        args = _repeated("--model", self.models) + _repeated("--images", self.images)
        args.extend(["--out-dir", self.out_dir])
        _settings(args, self.settings)
        return EngineCall("predict-batch", args, "Classifying scenes")


@dataclass
class EvaluateRequest:
    """What ``landcover evaluate`` needs: a prediction and a reference.

    The prediction is a class raster, or models and an image to predict; the reference a raster of class
    codes, or polygons with a class field.

    Attributes:
        prediction: Class raster to assess, or None to predict with ``models`` on ``image`` first.
        out_json: Report to write.
        models: Model files (several: an ensemble) when there is no ``prediction``.
        image: The raster to predict with ``models``.
        out_png: Confusion-matrix figure to write, or None.
        reference_classes: Scheme JSON naming the reference raster's codes (engines with
            ``--reference-classes``), or None.
        settings: Further options by flag (prediction options with ``models``).
    """

    prediction: Optional[str]
    out_json: str
    reference_raster: Optional[RasterInput] = None
    reference_vector: Optional[VectorInput] = None
    class_field: Optional[str] = None
    models: Sequence[str] = ()
    image: Optional[RasterInput] = None
    out_png: Optional[str] = None
    reference_classes: Optional[str] = None
    settings: Settings = field(default_factory=dict)

    def call(self) -> EngineCall:
        """The ``evaluate`` command line."""
        args = ["--out-json", self.out_json]
        if self.prediction:
            args.extend(["--prediction", self.prediction])
        else:
            args.extend(_repeated("--model", self.models))
            if self.image is not None:
                args.extend(["--image", self.image.path])
        _option(args, "--out-png", self.out_png)
        if self.reference_raster is not None:
            args.extend(["--reference-raster", self.reference_raster.path])
            _option(args, "--reference-classes", self.reference_classes)
        elif self.reference_vector is not None:
            args.extend(["--reference-vector", self.reference_vector.path, "--class-field", str(self.class_field)])
            _option(args, "--layer", self.reference_vector.layer_name)
        _settings(args, self.settings)
        return EngineCall("evaluate", args, "Evaluating",
                          preparations(self.image, self.reference_raster, self.reference_vector))


@dataclass
class VectorizeRequest:
    """What ``landcover vectorize`` needs."""

    classes_raster: RasterInput
    out: str
    settings: Settings = field(default_factory=dict)

    def call(self) -> EngineCall:
        """The ``vectorize`` command line."""
        args = [self.classes_raster.path, "--out", self.out]
        _settings(args, self.settings)
        return EngineCall("vectorize", args, "Vectorizing", preparations(self.classes_raster))


@dataclass
class HistogramMatchRequest:
    """What ``landcover histmatch`` needs: an image matched band by band to a reference raster."""

    image: RasterInput
    reference: RasterInput
    out: str
    plot: Optional[str] = None

    def call(self) -> EngineCall:
        """The ``histmatch`` command line."""
        args = ["--image", self.image.path, "--reference", self.reference.path, "--out", self.out]
        _option(args, "--bands", self.image.band_argument())
        _option(args, "--reference-bands", self.reference.band_argument())
        _option(args, "--plot", self.plot)
        return EngineCall("histmatch", args, "Matching histograms", preparations(self.image, self.reference))


@dataclass
class PseudoLabelRequest:
    """What ``landcover pseudo-label`` needs (engines that have the command).

    Confident predictions of ``models`` on unlabeled ``images`` become label rasters in the folder ``out``.

    Attributes:
        settings: Further options by flag (``--threshold``, ``--class-thresholds``...).
    """

    models: Sequence[str]
    images: Sequence[RasterInput]
    out: str
    settings: Settings = field(default_factory=dict)

    def call(self) -> EngineCall:
        """The ``pseudo-label`` command line."""
        args = _repeated("--model", self.models)
        args.extend(_repeated("--image", [image.path for image in self.images]))
        args.extend(["--out", self.out])
        _settings(args, self.settings)
        return EngineCall("pseudo-label", args, "Pseudo-labelling", preparations(*self.images))


@dataclass
class SelfTrainRequest:
    """What ``landcover self-train`` needs (engines that have the command).

    A training request plus unlabeled scenes; the engine trains in rounds on its own confident predictions.

    Attributes:
        train: The labelled part, as for ``train`` (its settings hold every option by flag).
        unlabeled: The unlabeled scenes.
        unlabeled_flag: The engine's flag for them (from its description).
    """

    train: TrainRequest
    unlabeled: Sequence[RasterInput]
    unlabeled_flag: str = "--unlabeled"

    def call(self) -> EngineCall:
        """The ``self-train`` command line."""
        base = self.train.call()
        args = list(base.args)
        args.extend(_repeated(self.unlabeled_flag, [image.path for image in self.unlabeled]))
        return EngineCall("self-train", args, "Self-training", base.prepare + preparations(*self.unlabeled))
