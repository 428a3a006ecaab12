"""Processing algorithms ``landcover:train``, ``landcover:classify`` and ``landcover:vectorize``.

They build the same requests as the dock and run them through the same engine runner, reporting to
QgsProcessingFeedback and stopping the engine when the user cancels.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from qgis.core import (
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExtent,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorDestination,
    QgsProcessingParameterVectorLayer,
    QgsRasterLayer,
    QgsVectorLayer,
)

from landcover_qgis.class_scheme import LandClass, classes_from_summary
from landcover_qgis.engine_commands import ARCHITECTURES, WEIGHT_CHOICES, EngineCall, PredictRequest, TrainRequest, \
    VectorizeRequest
from landcover_qgis.engine_runner import EngineFailure, EngineListener, EngineResult, run_engine
from landcover_qgis.layer_io import LayerExportError, RasterInput, raster_input, vector_input
from landcover_qgis.settings import engine_location
from landcover_qgis.styling import style_class_polygons, style_class_raster


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
    """Common parts: grouping, engine calls, errors as QgsProcessingException."""

    def __init__(self) -> None:
        super().__init__()
        self._post_processors: List[ClassStylePostProcessor] = []  # Processing keeps no reference of its own

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
            return run_engine(engine_location().python, call.command, call.args, FeedbackListener(feedback))
        except EngineFailure as failure:
            raise QgsProcessingException(f"{failure.kind}: {failure.message}") from None

    def style_output(self, context: QgsProcessingContext, path: str, classes: List[LandClass]) -> None:
        """Applies the class colours to an output that Processing will load."""
        if classes and path and context.willLoadLayerOnCompletion(path):
            processor = ClassStylePostProcessor(classes)
            self._post_processors.append(processor)
            context.layerToLoadOnCompletionDetails(path).setPostProcessor(processor)

    @staticmethod
    def raster(algorithm: QgsProcessingAlgorithm, parameters, name: str, context) -> QgsRasterLayer:
        layer = algorithm.parameterAsRasterLayer(parameters, name, context)
        if layer is None:
            raise QgsProcessingException(f"Invalid raster layer for {name}.")
        return layer


class TrainAlgorithm(EngineAlgorithm):
    """``landcover:train`` — trains a model from a raster and labelled polygons."""

    def name(self) -> str:
        return "train"

    def displayName(self) -> str:  # noqa: N802
        return "Train land-cover model"

    def shortHelpString(self) -> str:  # noqa: N802
        return ("Trains a DeepLabV3 model from an image and sparse labels (polygons with a class field) "
                "in the landcover engine, and saves it as a .pt model file.")

    def initAlgorithm(self, config=None) -> None:  # noqa: N802
        self.addParameter(QgsProcessingParameterRasterLayer("INPUT", "Image raster"))
        self.addParameter(QgsProcessingParameterString("BANDS", "Bands (e.g. 1,2,3; empty = all but alpha)", optional=True))
        self.addParameter(QgsProcessingParameterVectorLayer("LABELS", "Label polygons", [QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterField("CLASS_FIELD", "Class field", parentLayerParameterName="LABELS"))
        self.addParameter(QgsProcessingParameterBoolean("SELECTED_ONLY", "Selected label features only", False))
        self.addParameter(QgsProcessingParameterEnum("ARCH", "Architecture", list(ARCHITECTURES), defaultValue=0))
        self.addParameter(QgsProcessingParameterEnum("WEIGHTS", "Backbone weights", list(WEIGHT_CHOICES), defaultValue=0))
        self.addParameter(QgsProcessingParameterFile("FINETUNE", "Fine-tune this model file", optional=True,
                                                     fileFilter="landcover models (*.pt)"))
        self.addParameter(QgsProcessingParameterNumber("EPOCHS", "Epochs", defaultValue=30, minValue=1))
        self.addParameter(QgsProcessingParameterNumber("BATCH_SIZE", "Batch size", defaultValue=8, minValue=1))
        self.addParameter(QgsProcessingParameterNumber("TILE_SIZE", "Tile size (pixels)", defaultValue=256, minValue=16))
        self.addParameter(QgsProcessingParameterNumber("LR", "Learning rate", QgsProcessingParameterNumber.Double,
                                                       defaultValue=1e-3, minValue=1e-7))
        self.addParameter(QgsProcessingParameterNumber("SAMPLES_PER_EPOCH", "Training tiles per epoch (0 = engine default)",
                                                       defaultValue=0, minValue=0))
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
                arch=ARCHITECTURES[self.parameterAsEnum(parameters, "ARCH", context)],
                weights=WEIGHT_CHOICES[self.parameterAsEnum(parameters, "WEIGHTS", context)],
                epochs=self.parameterAsInt(parameters, "EPOCHS", context),
                batch_size=self.parameterAsInt(parameters, "BATCH_SIZE", context),
                tile_size=self.parameterAsInt(parameters, "TILE_SIZE", context),
                lr=self.parameterAsDouble(parameters, "LR", context),
                finetune=self.parameterAsFile(parameters, "FINETUNE", context) or None,
                samples_per_epoch=self.parameterAsInt(parameters, "SAMPLES_PER_EPOCH", context) or None,
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

    def name(self) -> str:
        return "classify"

    def displayName(self) -> str:  # noqa: N802
        return "Classify raster"

    def shortHelpString(self) -> str:  # noqa: N802
        return ("Classifies a raster with a landcover model file (several files: an ensemble). Writes a class "
                "GeoTIFF (pixel values are class codes), optionally a confidence raster and polygons.")

    def initAlgorithm(self, config=None) -> None:  # noqa: N802
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
        request = PredictRequest(
            models=models, image=RasterInput(source.path), extent=extent,
            out=self.parameterAsOutputLayer(parameters, "OUTPUT", context),
            confidence=self.parameterAsOutputLayer(parameters, "CONFIDENCE", context) or None,
            vector=self.parameterAsOutputLayer(parameters, "VECTOR", context) or None,
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

    def name(self) -> str:
        return "vectorize"

    def displayName(self) -> str:  # noqa: N802
        return "Vectorize classes"

    def shortHelpString(self) -> str:  # noqa: N802
        return "Turns a landcover class raster into polygons with class_id, class_name and area."

    def initAlgorithm(self, config=None) -> None:  # noqa: N802
        self.addParameter(QgsProcessingParameterRasterLayer("INPUT", "Class raster"))
        self.addParameter(QgsProcessingParameterNumber("MIN_AREA", "Minimum polygon area (m²)",
                                                       QgsProcessingParameterNumber.Double, defaultValue=0, minValue=0))
        self.addParameter(QgsProcessingParameterNumber("SIMPLIFY", "Simplification tolerance (map units)",
                                                       QgsProcessingParameterNumber.Double, defaultValue=0, minValue=0))
        self.addParameter(QgsProcessingParameterVectorDestination("OUTPUT", "Polygons", QgsProcessing.TypeVectorPolygon))

    def processAlgorithm(self, parameters, context, feedback) -> Dict[str, Any]:  # noqa: N802
        classes_layer = self.raster(self, parameters, "INPUT", context)
        try:
            source = raster_input(classes_layer)
        except LayerExportError as problem:
            raise QgsProcessingException(str(problem)) from None
        request = VectorizeRequest(
            classes_raster=source.path, out=self.parameterAsOutputLayer(parameters, "OUTPUT", context),
            min_area=self.parameterAsDouble(parameters, "MIN_AREA", context) or None,
            simplify=self.parameterAsDouble(parameters, "SIMPLIFY", context) or None,
        )
        result = self.run_call(request.call(), feedback)
        output = result.outputs.get("vector") or result.outputs.get("polygons") or request.out
        self.style_output(context, output, classes_from_summary(result.summary.get("classes", [])))
        return {"OUTPUT": output}
