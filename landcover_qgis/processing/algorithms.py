"""Processing algorithms ``landcover:train``, ``landcover:classify`` and ``landcover:vectorize``.

They build the same requests as the dock and run them through the same engine runner, reporting to
QgsProcessingFeedback and stopping the engine when the user cancels. Their number parameters (type,
bounds, default) and choices come from the engine's description (:func:`current_schema`).
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Tuple

from qgis.core import (
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterExtent,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorDestination,
    QgsProcessingParameterVectorLayer,
    QgsRasterLayer,
    QgsVectorLayer,
)

from landcover_qgis.class_scheme import LandClass, classes_from_summary
from landcover_qgis.engine_commands import EngineCall, PredictRequest, Settings, TrainRequest, VectorizeRequest
from landcover_qgis.engine_runner import EngineFailure, EngineListener, EngineResult, run_engine
from landcover_qgis.engine_schema import EngineSchema, current_schema
from landcover_qgis.layer_io import LayerExportError, raster_input, vector_input
from landcover_qgis.processing.engine_parameters import EngineNumber, enum_parameter, number_parameter
from landcover_qgis.settings import engine_location
from landcover_qgis.styling import style_class_polygons, style_class_raster

#: Why an algorithm refuses to run without the engine's description.
ENGINE_NOT_SET_UP = ("The landcover engine is not set up, or could not describe its options: open the landcover "
                     "panel and use 'Set up engine…', then reopen this algorithm.")


class FeedbackListener(EngineListener):
    """Forwards engine events to Processing feedback."""

    def __init__(self, feedback: QgsProcessingFeedback) -> None:
        self.feedback = feedback

    def on_progress(self, fraction: float, message: str) -> None:
        self.feedback.setProgress(100.0 * fraction)
        if message:
            self.feedback.setProgressText(message)

    def on_metrics(self, metrics: Dict[str, Any]) -> None:
        parts = [f"{key} {metrics[key]:.4f}" for key in ("train_loss", "val_loss", "val_miou")
                 if isinstance(metrics.get(key), (int, float))]
        self.feedback.pushInfo(f"epoch {metrics.get('epoch')}/{metrics.get('epochs')}: " + ", ".join(parts))

    def on_log(self, level: str, message: str) -> None:
        if level == "warning":
            self.feedback.pushWarning(message)
        elif level == "stderr":
            self.feedback.pushConsoleInfo(message)
        else:
            self.feedback.pushInfo(message)

    def is_cancelled(self) -> bool:
        return self.feedback.isCanceled()


class ClassStylePostProcessor(QgsProcessingLayerPostProcessorInterface):
    """Styles an output layer with the class colours once Processing has loaded it."""

    def __init__(self, classes: List[LandClass]) -> None:
        super().__init__()
        self.classes = classes

    def postProcessLayer(self, layer, context, feedback) -> None:  # noqa: N802 - QGIS API
        if isinstance(layer, QgsRasterLayer):
            style_class_raster(layer, self.classes)
        elif isinstance(layer, QgsVectorLayer):
            style_class_polygons(layer, self.classes)


class EngineAlgorithm(QgsProcessingAlgorithm):
    """Common parts: grouping, engine-described parameters, engine calls, errors as QgsProcessingException.

    Attributes:
        engine_command: The engine command whose options :attr:`numbers` stand for.
        numbers: Number parameters declared by engine option; their type, bounds and default are the engine's.
    """

    engine_command = ""
    numbers: Tuple[EngineNumber, ...] = ()

    def __init__(self) -> None:
        super().__init__()
        self._post_processors: List[ClassStylePostProcessor] = []  # Processing keeps no reference of its own
        self.schema: Optional[EngineSchema] = None

    def initAlgorithm(self, config=None) -> None:  # noqa: N802
        """Reads the engine's description (cached), then declares the parameters."""
        self.schema = current_schema()
        self.add_parameters()

    def add_parameters(self) -> None:
        """Declares the algorithm's parameters (``self.schema`` may be None)."""
        raise NotImplementedError

    def option(self, dest: str):
        """The engine's description of an option of :attr:`engine_command`, or None."""
        return self.schema.option(self.engine_command, dest) if self.schema is not None else None

    def add_numbers(self) -> None:
        """Adds the :attr:`numbers` parameters from the engine's options."""
        for number in self.numbers:
            self.addParameter(number_parameter(number.name, number.description, self.option(number.dest)))

    def engine_settings(self, parameters, context) -> Settings:
        """The :attr:`numbers` as engine options by flag; unset optional numbers are left to the engine."""
        settings: Settings = {}
        for number in self.numbers:
            spec = self.option(number.dest)
            if spec is None or parameters.get(number.name) is None:
                continue
            read = self.parameterAsInt if spec.is_integer else self.parameterAsDouble
            settings[spec.flag] = read(parameters, number.name, context)
        return settings

    def checkParameterValues(self, parameters, context) -> Tuple[bool, str]:  # noqa: N802
        """Refuses to run without the engine's description, with a message saying what to do."""
        if self.schema is None:
            return False, ENGINE_NOT_SET_UP
        return super().checkParameterValues(parameters, context)

    def createInstance(self):  # noqa: N802
        return type(self)()

    def group(self) -> str:
        return "Land cover"

    def groupId(self) -> str:  # noqa: N802
        return "landcover"

    def run_call(self, call: EngineCall, feedback: QgsProcessingFeedback) -> EngineResult:
        """Runs one engine call; failures become QgsProcessingException with the engine's message."""
        feedback.pushInfo(f"landcover {call.command} {' '.join(call.args)}")
        try:
            call.prepare_inputs()  # exports of non-file layers (already on Processing's worker thread)
            return run_engine(engine_location().python, call.command, call.args, FeedbackListener(feedback))
        except EngineFailure as failure:
            raise QgsProcessingException(f"{failure.kind}: {failure.message}") from None

    def style_output(self, context: QgsProcessingContext, path: str, classes: List[LandClass]) -> None:
        """Applies the class colours to an output that Processing will load."""
        if classes and path and context.willLoadLayerOnCompletion(path):
            processor = ClassStylePostProcessor(classes)
            self._post_processors.append(processor)
            context.layerToLoadOnCompletionDetails(path).setPostProcessor(processor)

    def enum_id(self, parameters, name: str, context) -> str:
        """The engine id chosen in an enum parameter (its options are engine ids)."""
        return self.parameterDefinition(name).options()[self.parameterAsEnum(parameters, name, context)]

    @staticmethod
    def raster(algorithm: QgsProcessingAlgorithm, parameters, name: str, context) -> QgsRasterLayer:
        layer = algorithm.parameterAsRasterLayer(parameters, name, context)
        if layer is None:
            raise QgsProcessingException(f"Invalid raster layer for {name}.")
        return layer


class TrainAlgorithm(EngineAlgorithm):
    """``landcover:train`` — trains a model from a raster and labelled polygons."""

    engine_command = "train"
    numbers = (
        EngineNumber("EPOCHS", "epochs", "Epochs"),
        EngineNumber("BATCH_SIZE", "batch_size", "Batch size"),
        EngineNumber("TILE_SIZE", "tile_size", "Tile size (pixels)"),
        EngineNumber("LR", "lr", "Learning rate"),
        EngineNumber("SAMPLES_PER_EPOCH", "samples_per_epoch", "Training tiles per epoch"),
    )

    def name(self) -> str:
        return "train"

    def displayName(self) -> str:  # noqa: N802
        return "Train land-cover model"

    def shortHelpString(self) -> str:  # noqa: N802
        return ("Trains a DeepLabV3 model from an image and sparse labels (polygons with a class field) "
                "in the landcover engine, and saves it as a .pt model file.")

    def add_parameters(self) -> None:
        self.addParameter(QgsProcessingParameterRasterLayer("INPUT", "Image raster"))
        self.addParameter(QgsProcessingParameterString("BANDS", "Bands (e.g. 1,2,3; empty = all but alpha)", optional=True))
        self.addParameter(QgsProcessingParameterVectorLayer("LABELS", "Label polygons", [QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterField("CLASS_FIELD", "Class field", parentLayerParameterName="LABELS"))
        self.addParameter(QgsProcessingParameterBoolean("SELECTED_ONLY", "Selected label features only", False))
        for name, description, dest in (("ARCH", "Architecture", "arch"), ("WEIGHTS", "Backbone weights", "weights")):
            spec = self.option(dest)
            ids = (self.schema.architectures if dest == "arch" else self.schema.weights) if self.schema else ()
            self.addParameter(enum_parameter(name, description, ids, spec.default if spec else None))
        self.addParameter(QgsProcessingParameterFile("FINETUNE", "Fine-tune this model file", optional=True,
                                                     fileFilter="landcover models (*.pt)"))
        self.add_numbers()
        self.addParameter(QgsProcessingParameterFileDestination("OUTPUT", "Model file", "landcover model (*.pt)"))
        self.addOutput(QgsProcessingOutputNumber("BEST_VAL_MIOU", "Best validation mIoU"))

    def processAlgorithm(self, parameters, context, feedback) -> Dict[str, Any]:  # noqa: N802
        image = self.raster(self, parameters, "INPUT", context)
        labels = self.parameterAsVectorLayer(parameters, "LABELS", context)
        bands_text = self.parameterAsString(parameters, "BANDS", context).strip()
        try:
            bands = [int(b) for b in bands_text.split(",")] if bands_text else None
            request = TrainRequest(
                image=raster_input(image, bands),
                out=self.parameterAsFileOutput(parameters, "OUTPUT", context),
                labels=vector_input(labels, self.parameterAsBoolean(parameters, "SELECTED_ONLY", context)),
                class_field=self.parameterAsString(parameters, "CLASS_FIELD", context),
                arch=self.enum_id(parameters, "ARCH", context),
                weights=self.enum_id(parameters, "WEIGHTS", context),
                finetune=self.parameterAsFile(parameters, "FINETUNE", context) or None,
                settings=self.engine_settings(parameters, context),
            )
        except ValueError:
            raise QgsProcessingException(f"Bands must be numbers separated by commas, not '{bands_text}'.") from None
        except LayerExportError as problem:
            raise QgsProcessingException(str(problem)) from None
        problem = request.validate()
        if problem:
            raise QgsProcessingException(problem)
        result = self.run_call(request.call(), feedback)
        return {"OUTPUT": result.outputs.get("model", request.out),
                "BEST_VAL_MIOU": result.summary.get("best_val_miou")}


class ClassifyAlgorithm(EngineAlgorithm):
    """``landcover:classify`` — applies one model (or an ensemble) to a raster."""

    engine_command = "predict"
    numbers = (
        EngineNumber("MIN_AREA", "min_area", "Minimum polygon area (map units²)"),
        EngineNumber("SIMPLIFY", "simplify", "Polygon simplification tolerance (map units)"),
    )

    def name(self) -> str:
        return "classify"

    def displayName(self) -> str:  # noqa: N802
        return "Classify raster"

    def shortHelpString(self) -> str:  # noqa: N802
        return ("Classifies a raster with a landcover model file (several files: an ensemble). Writes a class "
                "GeoTIFF (pixel values are class codes), optionally a confidence raster and polygons.")

    def add_parameters(self) -> None:
        self.addParameter(QgsProcessingParameterRasterLayer("INPUT", "Image raster"))
        self.addParameter(QgsProcessingParameterFile("MODEL", "Model file", fileFilter="landcover models (*.pt)"))
        self.addParameter(QgsProcessingParameterString("MORE_MODELS", "More model files for an ensemble (separated by ;)",
                                                       optional=True))
        self.addParameter(QgsProcessingParameterExtent("EXTENT", "Area to classify (empty = whole raster)", optional=True))
        self.addParameter(QgsProcessingParameterRasterDestination("OUTPUT", "Classes"))
        self.addParameter(QgsProcessingParameterRasterDestination("CONFIDENCE", "Confidence", optional=True,
                                                                  createByDefault=False))
        self.addParameter(QgsProcessingParameterVectorDestination("VECTOR", "Polygons", QgsProcessing.TypeVectorPolygon,
                                                                  optional=True, createByDefault=False))
        self.add_numbers()

    def processAlgorithm(self, parameters, context, feedback) -> Dict[str, Any]:  # noqa: N802
        image = self.raster(self, parameters, "INPUT", context)
        models = [self.parameterAsFile(parameters, "MODEL", context)]
        models += [p.strip() for p in self.parameterAsString(parameters, "MORE_MODELS", context).split(";") if p.strip()]
        extent = None
        if parameters.get("EXTENT"):
            rectangle = self.parameterAsExtent(parameters, "EXTENT", context, image.crs())
            if not rectangle.isNull():
                extent = (rectangle.xMinimum(), rectangle.yMinimum(), rectangle.xMaximum(), rectangle.yMaximum())
        try:
            source = raster_input(image)
        except LayerExportError as problem:
            raise QgsProcessingException(str(problem)) from None
        vector = self.parameterAsOutputLayer(parameters, "VECTOR", context) or None
        request = PredictRequest(
            models=models, image=source, extent=extent,
            out=self.parameterAsOutputLayer(parameters, "OUTPUT", context),
            confidence=self.parameterAsOutputLayer(parameters, "CONFIDENCE", context) or None,
            vector=vector, settings=self.engine_settings(parameters, context) if vector else {},
        )
        problem = request.validate()
        if problem:
            raise QgsProcessingException(problem)
        result = self.run_call(request.call(), feedback)
        classes = classes_from_summary(result.summary.get("classes", []))
        outputs: Dict[str, Optional[str]] = {"OUTPUT": result.outputs.get("classes", request.out)}
        self.style_output(context, outputs["OUTPUT"], classes)
        if request.confidence:
            outputs["CONFIDENCE"] = result.outputs.get("confidence", request.confidence)
        if request.vector:
            outputs["VECTOR"] = result.outputs.get("vector", request.vector)
            self.style_output(context, outputs["VECTOR"], classes)
        return outputs


class VectorizeAlgorithm(EngineAlgorithm):
    """``landcover:vectorize`` — turns a class raster into class polygons."""

    engine_command = "vectorize"
    numbers = (
        EngineNumber("MIN_AREA", "min_area", "Minimum polygon area (map units²)"),
        EngineNumber("SIMPLIFY", "simplify", "Simplification tolerance (map units)"),
    )

    def name(self) -> str:
        return "vectorize"

    def displayName(self) -> str:  # noqa: N802
        return "Vectorize classes"

    def shortHelpString(self) -> str:  # noqa: N802
        return "Turns a landcover class raster into polygons with class_id, class_name and area."

    def add_parameters(self) -> None:
        self.addParameter(QgsProcessingParameterRasterLayer("INPUT", "Class raster"))
        self.add_numbers()
        self.addParameter(QgsProcessingParameterVectorDestination("OUTPUT", "Polygons", QgsProcessing.TypeVectorPolygon))

    def processAlgorithm(self, parameters, context, feedback) -> Dict[str, Any]:  # noqa: N802
        classes_layer = self.raster(self, parameters, "INPUT", context)
        try:
            source = raster_input(classes_layer)
        except LayerExportError as problem:
            raise QgsProcessingException(str(problem)) from None
        request = VectorizeRequest(classes_raster=source, out=self.parameterAsOutputLayer(parameters, "OUTPUT", context),
                                   settings=self.engine_settings(parameters, context))
        result = self.run_call(request.call(), feedback)
        output = result.outputs.get("vector") or result.outputs.get("polygons") or request.out
        self.style_output(context, output, classes_from_summary(result.summary.get("classes", [])))
        return {"OUTPUT": output}
