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
        vector: Polygon GeoPackage to write, or None.
        extent: ``(xmin, ymin, xmax, ymax)`` in the raster's CRS, or None for the whole raster.
        settings: Further options by flag (tile size, minimum polygon area, ...).
    """

    models: Sequence[str]
    image: RasterInput
    out: str
    confidence: Optional[str] = None
    vector: Optional[str] = None
    extent: Optional[Tuple[float, float, float, float]] = None
    settings: Settings = field(default_factory=dict)

    def validate(self) -> Optional[str]:
        """A message explaining why this request cannot run, or None."""
        if not self.models:
            return "Choose a model file (train one first, or pick existing model files)."
        if not self.out:
            return "Choose where to save the classified raster."
        return None

    def call(self) -> EngineCall:
        """The ``predict`` command line; several models make an ensemble."""
        args: List[str] = []
        for model in self.models:
            args.extend(["--model", model])
        args.extend(["--image", self.image.path, "--out", self.out])
        _option(args, "--bands", self.image.band_argument())
        _option(args, "--confidence", self.confidence)
        _option(args, "--vector", self.vector)
        if self.extent is not None:
            args.extend(["--extent", ",".join(repr(float(v)) for v in self.extent)])
        _settings(args, self.settings)
        return EngineCall("predict", args, "Classifying", preparations(self.image))


@dataclass
class EvaluateRequest:
    """What ``landcover evaluate`` needs to compare a prediction with a reference raster or polygons."""

    prediction: str
    out_json: str
    reference_raster: Optional[RasterInput] = None
    reference_vector: Optional[VectorInput] = None
    class_field: Optional[str] = None

    def call(self) -> EngineCall:
        """The ``evaluate`` command line."""
        args = ["--prediction", self.prediction, "--out-json", self.out_json]
        if self.reference_raster is not None:
            args.extend(["--reference-raster", self.reference_raster.path])
        elif self.reference_vector is not None:
            args.extend(["--reference-vector", self.reference_vector.path, "--class-field", str(self.class_field)])
            _option(args, "--layer", self.reference_vector.layer_name)
        return EngineCall("evaluate", args, "Evaluating", preparations(self.reference_raster, self.reference_vector))


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
class PseudoLabelRequest:
    """What ``landcover pseudo-label`` needs (engines that have the command)."""

    models: Sequence[str]
    image: RasterInput
    out: str

    def call(self) -> EngineCall:
        """The ``pseudo-label`` command line."""
        args = [arg for model in self.models for arg in ("--model", model)]
        args.extend(["--image", self.image.path, "--out", self.out])
        return EngineCall("pseudo-label", args, "Pseudo-labelling", preparations(self.image))
