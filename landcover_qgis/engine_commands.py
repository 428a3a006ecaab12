"""Engine command lines built from typed requests, shared by the dock and the Processing algorithms.

Requests hold no defaults or limits of their own: settings left out are the engine's defaults, and the
engine validates every value (the plugin's widgets already carry the engine's ranges). A request names
options by identifier (:mod:`landcover_qgis.engine_options`); :func:`engine_args` spells them as the
engine's description says, so no flag is written here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import List, Optional, Protocol, Sequence, Tuple

from landcover_qgis.command_line import Settings, engine_args
from landcover_qgis.engine_options import (
    ARCH,
    BANDS,
    CLASS_FIELD,
    CLASSES,
    CONFIDENCE,
    EXTENT,
    FINETUNE,
    HISTOGRAM_REFERENCE,
    HISTOGRAM_REFERENCE_BANDS,
    IMAGE,
    IMAGES,
    LABEL_RASTERS,
    LABELS,
    LAYER,
    MODEL,
    OUT,
    OUT_DIR,
    OUT_JSON,
    OUT_PNG,
    PLOT,
    PREDICTION,
    RASTER,
    REFERENCE_CLASSES,
    REFERENCE_RASTER,
    REFERENCE_VECTOR,
    UNCERTAINTY,
    UNLABELED,
    VECTOR,
    WEIGHTS,
)
from landcover_qgis.engine_runner import EngineFailure
from landcover_qgis.engine_schema import EngineSchema
from landcover_qgis.i18n import Deferred, translate
from landcover_qgis.layer_io import LayerExportError, Preparation, RasterInput, VectorInput, preparations

#: Why a request that applies models cannot run without one.
NO_MODEL = Deferred.translate("EngineCommands", "Choose a model file (train one first, or pick existing model files).")


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


class EngineRequest(Protocol):
    """Anything that becomes one engine call for a given engine."""

    def call(self, schema: EngineSchema) -> EngineCall:
        """The command line for the engine ``schema`` describes.

        Raises:
            EngineOptionError: The engine lacks an option the request sets.
        """


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
        reference: Raster to histogram-match the image to (only if the engine has that option).
        settings: Further options by identifier (epochs, batch size, ...).
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
            return translate("TrainRequest", "Choose labels: a polygon layer with a class field, or a label raster.")
        if self.labels is not None and not self.class_field:
            return translate("TrainRequest", "Choose the field of the label layer that holds the classes.")
        if not self.out:
            return translate("TrainRequest", "Choose where to save the model file.")
        return None

    def all_settings(self) -> Settings:
        """Every option of the training by identifier: inputs, model choice, then :attr:`settings`."""
        options: Settings = {IMAGE: self.image.path, OUT: self.out, BANDS: self.image.band_argument()}
        if self.labels is not None:
            options.update({LABELS: self.labels.path, CLASS_FIELD: str(self.class_field),
                            LAYER: self.labels.layer_name})
        elif self.label_raster is not None:
            options[LABEL_RASTERS] = self.label_raster.path
        options[CLASSES] = self.classes
        if self.finetune:
            options[FINETUNE] = self.finetune
        else:  # a fine-tuned model keeps its architecture and weights
            options.update({ARCH: self.arch, WEIGHTS: self.weights})
        options[HISTOGRAM_REFERENCE] = self.reference.path if self.reference else None
        options.update(self.settings)
        return options

    def inputs(self) -> List[Preparation]:
        """The exports of the layers the training reads that are not files yet."""
        return preparations(self.image, self.labels, self.label_raster, self.reference)

    def call(self, schema: EngineSchema) -> EngineCall:
        """The ``train`` command line."""
        return EngineCall("train", engine_args(schema, "train", self.all_settings()),
                          translate("TrainRequest", "Training"), self.inputs())


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
        settings: Further options by identifier (tile size, minimum polygon area, ...).
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
            return translate("EngineCommands", NO_MODEL)
        if not self.out:
            return translate("PredictRequest", "Choose where to save the classified raster.")
        return None

    def call(self, schema: EngineSchema) -> EngineCall:
        """The ``predict`` command line; several models make an ensemble."""
        extent = ",".join(repr(float(v)) for v in self.extent) if self.extent is not None else None
        options: Settings = {MODEL: list(self.models), IMAGE: self.image.path, OUT: self.out,
                             BANDS: self.image.band_argument(), CONFIDENCE: self.confidence,
                             UNCERTAINTY: self.uncertainty, VECTOR: self.vector, EXTENT: extent, **self.settings}
        return EngineCall("predict", engine_args(schema, "predict", options),
                          translate("PredictRequest", "Classifying"), preparations(self.image))


@dataclass
class PredictBatchRequest:
    """What ``landcover predict-batch`` needs (engines that have the command).

    Attributes:
        models: One model file, or several for an ensemble.
        images: Folders (their rasters matching ``--pattern``), raster files or glob patterns.
        out_dir: Folder of the outputs (per scene, and the summary of class areas).
        settings: Further options by identifier (``pattern``, ``confidence``, ``workers``, ``cluster``...).
    """

    models: Sequence[str]
    images: Sequence[str]
    out_dir: str
    settings: Settings = field(default_factory=dict)

    def validate(self) -> Optional[str]:
        """A message explaining why this request cannot run, or None."""
        if not self.models:
            return translate("EngineCommands", NO_MODEL)
        if not self.images:
            return translate("PredictBatchRequest", "Choose the folder of images to classify.")
        if not self.out_dir:
            return translate("PredictBatchRequest", "Choose the output folder.")
        return None

    def call(self, schema: EngineSchema) -> EngineCall:
        """The ``predict-batch`` command line."""
        options: Settings = {MODEL: list(self.models), IMAGES: list(self.images), OUT_DIR: self.out_dir,
                             **self.settings}
        return EngineCall("predict-batch", engine_args(schema, "predict-batch", options), translate(
                "PredictBatchRequest", "Classifying scenes"))


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
        reference_classes: Scheme JSON naming the reference raster's codes (engines with that option), or None.
        settings: Further options by identifier (prediction options with ``models``).
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

    def call(self, schema: EngineSchema) -> EngineCall:
        """The ``evaluate`` command line."""
        options: Settings = {OUT_JSON: self.out_json}
        if self.prediction:
            options[PREDICTION] = self.prediction
        else:
            options.update({MODEL: list(self.models), IMAGE: self.image.path if self.image is not None else None})
        options[OUT_PNG] = self.out_png
        if self.reference_raster is not None:
            options.update({REFERENCE_RASTER: self.reference_raster.path, REFERENCE_CLASSES: self.reference_classes})
        elif self.reference_vector is not None:
            options.update({REFERENCE_VECTOR: self.reference_vector.path, CLASS_FIELD: str(self.class_field),
                            LAYER: self.reference_vector.layer_name})
        options.update(self.settings)
        return EngineCall(
            "evaluate",
            engine_args(schema, "evaluate", options),
            translate("EvaluateRequest", "Evaluating"),
            preparations(self.image, self.reference_raster, self.reference_vector),
        )


@dataclass
class VectorizeRequest:
    """What ``landcover vectorize`` needs."""

    classes_raster: RasterInput
    out: str
    settings: Settings = field(default_factory=dict)

    def call(self, schema: EngineSchema) -> EngineCall:
        """The ``vectorize`` command line."""
        options: Settings = {RASTER: self.classes_raster.path, OUT: self.out, **self.settings}
        return EngineCall(
            "vectorize",
            engine_args(schema, "vectorize", options),
            translate("VectorizeRequest", "Vectorizing"),
            preparations(self.classes_raster),
        )


@dataclass
class HistogramMatchRequest:
    """What ``landcover histmatch`` needs: an image matched band by band to a reference raster."""

    image: RasterInput
    reference: RasterInput
    out: str
    plot: Optional[str] = None

    def call(self, schema: EngineSchema) -> EngineCall:
        """The ``histmatch`` command line."""
        options: Settings = {IMAGE: self.image.path, HISTOGRAM_REFERENCE: self.reference.path, OUT: self.out,
                             BANDS: self.image.band_argument(),
                             HISTOGRAM_REFERENCE_BANDS: self.reference.band_argument(), PLOT: self.plot}
        return EngineCall("histmatch", engine_args(schema, "histmatch", options), translate(
                "HistogramMatchRequest", "Matching histograms"),
                          preparations(self.image, self.reference))


@dataclass
class PseudoLabelRequest:
    """What ``landcover pseudo-label`` needs (engines that have the command).

    Confident predictions of ``models`` on unlabeled ``images`` become label rasters in the folder ``out``.

    Attributes:
        settings: Further options by identifier (``threshold``, ``class_thresholds``...).
    """

    models: Sequence[str]
    images: Sequence[RasterInput]
    out: str
    settings: Settings = field(default_factory=dict)

    def call(self, schema: EngineSchema) -> EngineCall:
        """The ``pseudo-label`` command line."""
        options: Settings = {MODEL: list(self.models), IMAGE: [image.path for image in self.images], OUT: self.out,
                             **self.settings}
        return EngineCall(
            "pseudo-label",
            engine_args(schema, "pseudo-label", options),
            translate("PseudoLabelRequest", "Pseudo-labelling"),
            preparations(*self.images),
        )


@dataclass
class SelfTrainRequest:
    """What ``landcover self-train`` needs (engines that have the command).

    A training request plus unlabeled scenes; the engine trains in rounds on its own confident predictions.

    Attributes:
        train: The labelled part, as for ``train`` (its settings hold the ``self-train`` options too).
        unlabeled: The unlabeled scenes.
    """

    train: TrainRequest
    unlabeled: Sequence[RasterInput]

    def call(self, schema: EngineSchema) -> EngineCall:
        """The ``self-train`` command line."""
        options: Settings = {**self.train.all_settings(), UNLABELED: [image.path for image in self.unlabeled]}
        return EngineCall(
            "self-train",
            engine_args(schema, "self-train", options),
            translate("SelfTrainRequest", "Self-training"),
            self.train.inputs() + preparations(*self.unlabeled),
        )
