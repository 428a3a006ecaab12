"""Raster algorithms: ``landcover:classify``, ``landcover:vectorize`` and ``landcover:histmatch``."""

from __future__ import annotations

from typing import Any, Dict, Optional

from qgis.core import (  # type: ignore[attr-defined]  # the stubs lack SIP's exception classes
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterBand,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterVectorDestination,
)

from landcover_qgis.class_scheme import classes_from_summary
from landcover_qgis.engine_commands import HistogramMatchRequest, PredictRequest, VectorizeRequest
from landcover_qgis.engine_options import BAND, UNCERTAINTY
from landcover_qgis.i18n import Deferred, translate
from landcover_qgis.processing.base import EngineAlgorithm
from landcover_qgis.processing.engine_parameters import EngineOption
from landcover_qgis.processing.layer_checks import chosen_bands_problem, model_files_problem, models_problem
from landcover_qgis.processing.model_parameters import ModelFilesParameter
from landcover_qgis.processing.output_layers import RunOutputs, models_name
from landcover_qgis.qt_compat import SOURCE_VECTOR_POLYGON
from landcover_qgis.styling import OutputKind

#: Polygon options shared by classify (with polygons) and vectorize.
POLYGON_OPTIONS = (
    EngineOption("MIN_AREA", "min_area", Deferred.translate("EngineOption", "Minimum polygon area (map units²)")),
    EngineOption("SIMPLIFY", "simplify",
                 Deferred.translate("EngineOption", "Polygon simplification tolerance (map units)")),
)


#: Prediction options shared by classify and classify folder.
PREDICTION_OPTIONS = (
    EngineOption("TILE_SIZE", "tile_size",
                 Deferred.translate("EngineOption", "Tile size (pixels; empty: the model's)")),
    EngineOption("OVERLAP", "overlap", Deferred.translate("EngineOption", "Tile overlap (pixels; empty: half a tile)")),
    EngineOption("TTA", "tta", Deferred.translate("EngineOption", "Test-time augmentation")),
    EngineOption("MODEL_WEIGHTS", "model_weights",
                 Deferred.translate("EngineOption", "Ensemble weights (one per model)"), advanced=True),
    EngineOption("HISTMATCH", "histmatch",
                 Deferred.translate("EngineOption",
                                    "Match the image to the model's histogram reference (if it has one)")),
    EngineOption("RESAMPLE", "resample",
                 Deferred.translate("EngineOption", "Resampling (model: read the raster at the model's ground "
                                                    "resolution)")),
    EngineOption("BATCH_SIZE", "batch_size", Deferred.translate("EngineOption", "Tiles per forward pass"),
                 advanced=True),
    EngineOption("DEVICE", "device", Deferred.translate("EngineOption", "Compute device"), advanced=True),
    EngineOption("BACKEND", "backend", Deferred.translate("EngineOption", "Inference backend"), advanced=True),
)


class ClassifyAlgorithm(EngineAlgorithm):
    """``landcover:classify`` — applies one model (or an ensemble) to a raster."""

    engine_command = "predict"
    options = (*PREDICTION_OPTIONS, *POLYGON_OPTIONS)
    help_text = Deferred.translate(
        "EngineAlgorithm",
        "Classifies a raster with a landcover model file, or several (an ensemble: probabilities are "
        "averaged). Writes a class GeoTIFF (pixel values are class codes, styled with the class colours), "
        "optionally a confidence raster, an uncertainty raster (where to label next) and polygons. Tiles "
        "overlap to avoid seams; test-time augmentation and histogram matching are the engine's options."
    )

    def name(self) -> str:
        """The algorithm id within the provider."""
        return "classify"

    def displayName(self) -> str:
        """The algorithm's name in the toolbox."""
        return translate("ClassifyAlgorithm", "Classify raster")

    def add_parameters(self) -> None:
        """Declares the image, model(s), bands, area, options and the class/confidence/uncertainty/polygon outputs."""
        self.addParameter(QgsProcessingParameterRasterLayer("INPUT", translate("ClassifyAlgorithm", "Image raster")))
        self.addParameter(ModelFilesParameter("MODEL", translate(
                "ClassifyAlgorithm", "Model file(s) (several: an ensemble)")))
        self.addParameter(QgsProcessingParameterBand("BANDS", translate(
                "ClassifyAlgorithm", "Bands (none chosen: the model's)"), None, "INPUT",
                                                     optional=True, allowMultiple=True))
        self.addParameter(QgsProcessingParameterExtent("EXTENT", translate(
                "ClassifyAlgorithm", "Area to classify (empty: whole raster)"),
                                                       optional=True))
        self.add_options()
        self.addParameter(QgsProcessingParameterRasterDestination("OUTPUT", translate("ClassifyAlgorithm", "Classes")))
        self.addParameter(
            QgsProcessingParameterRasterDestination(
                "CONFIDENCE", translate("ClassifyAlgorithm", "Confidence"), optional=True, createByDefault=False
            )
        )
        uncertainty = self.option(UNCERTAINTY)
        if uncertainty is not None:
            parameter = QgsProcessingParameterRasterDestination("UNCERTAINTY", translate(
                    "ClassifyAlgorithm", "Uncertainty (where to label next)"),
                                                                optional=True, createByDefault=False)
            parameter.setHelp(uncertainty.help)
            self.addParameter(parameter)
        self.addParameter(
            QgsProcessingParameterVectorDestination(
                "VECTOR",
                translate("ClassifyAlgorithm", "Polygons"),
                SOURCE_VECTOR_POLYGON,
                optional=True,
                createByDefault=False,
            )
        )

    def problem(self, parameters: Dict[str, Any], context: QgsProcessingContext) -> Optional[str]:
        """Checks the image, its chosen bands, that the model file(s) exist and that the area overlaps the image."""
        image = self.parameterAsRasterLayer(parameters, "INPUT", context)
        if image is None:
            return translate("ClassifyAlgorithm", "Choose the image raster.")
        problem = chosen_bands_problem(image, self.parameterAsInts(parameters, "BANDS", context))
        problem = problem or model_files_problem(self.files(parameters, "MODEL", context))
        if problem is None and parameters.get("EXTENT"):
            extent = self.parameterAsExtent(parameters, "EXTENT", context, image.crs())
            if not extent.isNull() and not extent.intersects(image.extent()):
                problem = translate("ClassifyAlgorithm", "The area to classify does not overlap '{name}'.").format(
                    name=image.name())
        return problem

    def engine_problem(self, parameters: Dict[str, Any], context: QgsProcessingContext) -> Optional[str]:
        """Asks the engine whether the model file(s) can classify the image's chosen bands."""
        return models_problem(self.files(parameters, "MODEL", context),
                              self.parameterAsRasterLayer(parameters, "INPUT", context),
                              self.parameterAsInts(parameters, "BANDS", context))

    def run_algorithm(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                      feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        """Runs the engine's ``predict`` and returns the written outputs, styled for loading."""
        image = self.raster(parameters, "INPUT", context)
        extent = None
        if parameters.get("EXTENT"):
            rectangle = self.parameterAsExtent(parameters, "EXTENT", context, image.crs())
            if not rectangle.isNull():
                extent = (rectangle.xMinimum(), rectangle.yMinimum(), rectangle.xMaximum(), rectangle.yMaximum())
        vector = self.output_layer(parameters, "VECTOR", context) or None
        settings = self.engine_settings(parameters, context, PREDICTION_OPTIONS)
        if vector:
            settings.update(self.engine_settings(parameters, context, POLYGON_OPTIONS))
        request = PredictRequest(
            models=self.files(parameters, "MODEL", context),
            image=self.engine_raster(image, self.parameterAsInts(parameters, "BANDS", context)), extent=extent,
            out=self.output_layer(parameters, "OUTPUT", context),
            confidence=self.output_layer(parameters, "CONFIDENCE", context) or None,
            uncertainty=(self.output_layer(parameters, "UNCERTAINTY", context) or None)
            if self.parameterDefinition("UNCERTAINTY") else None,
            vector=vector, settings=settings,
        )
        problem = request.validate()
        if problem:
            raise QgsProcessingException(problem)
        result = self.run_call(self.engine_call(request), feedback)
        classes = classes_from_summary(result.summary.get("classes", []))
        outputs: Dict[str, Optional[str]] = {"OUTPUT": result.outputs.get("classes", request.out)}
        loaded = RunOutputs(models_name(request.models))
        loaded.add(context, outputs["OUTPUT"], OutputKind.CLASSES.value, OutputKind.CLASSES, classes)
        for name, kind, path in (("CONFIDENCE", OutputKind.CONFIDENCE, request.confidence),
                                 ("UNCERTAINTY", OutputKind.UNCERTAINTY, request.uncertainty),
                                 ("VECTOR", OutputKind.POLYGONS, request.vector)):
            if path:
                outputs[name] = result.outputs.get(kind.value if kind is not OutputKind.POLYGONS else "vector", path)
                loaded.add(context, outputs[name], kind.value, kind, classes)
        return outputs


class VectorizeAlgorithm(EngineAlgorithm):
    """``landcover:vectorize`` — turns a class raster into class polygons."""

    engine_command = "vectorize"
    options = POLYGON_OPTIONS
    help_text = Deferred.translate("EngineAlgorithm", "Turns a landcover class raster into polygons with class_id, "
                                                      "class_name and area.")

    def name(self) -> str:
        """The algorithm id within the provider."""
        return "vectorize"

    def displayName(self) -> str:
        """The algorithm's name in the toolbox."""
        return translate("VectorizeAlgorithm", "Vectorize classes")

    def add_parameters(self) -> None:
        """Declares the class raster, its band of class codes (when the engine has ``--band``), options and polygons."""
        self.addParameter(QgsProcessingParameterRasterLayer("INPUT", translate("VectorizeAlgorithm", "Class raster")))
        band = self.option(BAND)
        if band is not None:
            parameter = QgsProcessingParameterBand("BAND", translate("VectorizeAlgorithm", "Band of class codes"), None,
                                                   "INPUT", optional=True)
            parameter.setHelp(band.help)
            self.addParameter(parameter)
        self.add_options()
        self.addParameter(QgsProcessingParameterVectorDestination("OUTPUT", translate("VectorizeAlgorithm", "Polygons"),
                                                                  SOURCE_VECTOR_POLYGON))

    def run_algorithm(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                      feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        """Runs the engine's ``vectorize`` and returns the styled polygon layer."""
        layer = self.raster(parameters, "INPUT", context)
        source = self.engine_raster(layer)
        settings = self.engine_settings(parameters, context)
        band, chosen = self.option(BAND), parameters.get("BAND") not in (None, "", 0)
        if band is not None and self.parameterDefinition("BAND") is not None and chosen:
            settings.update(band.setting(self.parameterAsInt(parameters, "BAND", context)))
        request = VectorizeRequest(classes_raster=source, settings=settings,
                                   out=self.output_layer(parameters, "OUTPUT", context))
        result = self.run_call(self.engine_call(request), feedback)
        output = result.outputs.get("vector") or result.outputs.get("polygons") or request.out
        RunOutputs(layer.name()).add(context, output, OutputKind.POLYGONS.value, OutputKind.POLYGONS,
                                     classes_from_summary(result.summary.get("classes", [])))
        return {"OUTPUT": output}


class HistogramMatchAlgorithm(EngineAlgorithm):
    """``landcover:histmatch`` — matches each band's histogram of a raster to a reference raster."""

    engine_command = "histmatch"
    help_text = Deferred.translate(
        "EngineAlgorithm",
        "Matches the histogram of each chosen band of a raster to the matching band of a reference raster "
        "(keeps the data type, georeferencing and nodata), e.g. to bring a new scene close to the one a "
        "model was trained on. Optionally plots each band's histograms before and after."
    )

    def name(self) -> str:
        """The algorithm id within the provider."""
        return "histmatch"

    def displayName(self) -> str:
        """The algorithm's name in the toolbox."""
        return translate("HistogramMatchAlgorithm", "Histogram match")

    def add_parameters(self) -> None:
        """Declares the raster to adjust, the reference raster, the bands of each, the matched raster and the plot."""
        self.addParameter(QgsProcessingParameterRasterLayer("INPUT", translate(
                "HistogramMatchAlgorithm", "Raster to adjust")))
        self.addParameter(QgsProcessingParameterRasterLayer("REFERENCE", translate(
                "HistogramMatchAlgorithm", "Reference raster")))
        self.addParameter(QgsProcessingParameterBand("BANDS", translate(
                "HistogramMatchAlgorithm", "Bands to match (none chosen: all but alpha)"), None,
                                                     "INPUT", optional=True, allowMultiple=True))
        self.addParameter(QgsProcessingParameterBand("REFERENCE_BANDS", translate(
                "HistogramMatchAlgorithm", "Reference bands, one per matched band"),
                                                     None, "REFERENCE", optional=True, allowMultiple=True))
        self.addParameter(QgsProcessingParameterRasterDestination("OUTPUT", translate(
                "HistogramMatchAlgorithm", "Matched raster")))
        self.addParameter(QgsProcessingParameterFileDestination("PLOT", translate(
                "HistogramMatchAlgorithm", "Histogram plot"), translate(
                "HistogramMatchAlgorithm", "PNG files (*.png)"),
                                                                optional=True, createByDefault=False))

    def problem(self, parameters: Dict[str, Any], context: QgsProcessingContext) -> Optional[str]:
        """Checks both rasters, their chosen bands and that there is one reference band per matched band."""
        image = self.parameterAsRasterLayer(parameters, "INPUT", context)
        reference = self.parameterAsRasterLayer(parameters, "REFERENCE", context)
        if image is None or reference is None:
            return translate("HistogramMatchAlgorithm", "Choose the raster to adjust and the reference raster.")
        bands = self.parameterAsInts(parameters, "BANDS", context)
        reference_bands = self.parameterAsInts(parameters, "REFERENCE_BANDS", context)
        problem = chosen_bands_problem(image, bands) or chosen_bands_problem(reference, reference_bands)
        if problem is None and bands and reference_bands and len(bands) != len(reference_bands):
            problem = (translate("HistogramMatchAlgorithm", "Choose one reference band per matched band: {count} "
                                                            "band(s) to match, {references} reference band(s).").format(
                                                                count=len(bands), references=len(reference_bands)))
        return problem

    def run_algorithm(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                      feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        """Runs the engine's ``histmatch`` and returns the matched raster and, when asked for, the histogram plot."""
        layer = self.raster(parameters, "INPUT", context)
        request = HistogramMatchRequest(
            image=self.engine_raster(layer, self.parameterAsInts(parameters, "BANDS", context)),
            reference=self.engine_raster(self.raster(parameters, "REFERENCE", context),
                                         self.parameterAsInts(parameters, "REFERENCE_BANDS", context)),
            out=self.output_layer(parameters, "OUTPUT", context),
            plot=self.output_file(parameters, "PLOT", context) or None,
        )
        result = self.run_call(self.engine_call(request), feedback)
        outputs = {"OUTPUT": result.outputs.get("raster") or result.outputs.get("out") or request.out}
        RunOutputs(layer.name()).add(context, outputs["OUTPUT"], "matched")
        if request.plot:
            outputs["PLOT"] = result.outputs.get("plot", request.plot)
        return outputs
