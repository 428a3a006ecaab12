"""Good-practice accuracy assessment (Olofsson et al. 2014): a sample to label, then accuracies and areas.

``landcover:sample_design`` draws a stratified random sample of a class map to label;
``landcover:assess_areas`` estimates accuracies and areas from the labelled sample.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Dict, List, Optional

from qgis.core import (
    QgsMapLayer,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterVectorDestination,
    QgsVectorLayer,
)

from landcover_qgis.accuracy_commands import REFERENCE_FIELD, SampleDesignRequest, area_assessment_request
from landcover_qgis.i18n import Deferred, translate
from landcover_qgis.layer_io import VectorInput
from landcover_qgis.processing.area_report import area_html
from landcover_qgis.processing.base import VECTOR_EXTENSIONS, EngineAlgorithm
from landcover_qgis.processing.engine_parameters import EngineOption
from landcover_qgis.processing.layer_checks import field_problem, overlap_problem
from landcover_qgis.processing.output_layers import RunOutputs
from landcover_qgis.qt_compat import SOURCE_VECTOR_POINT, SOURCE_VECTOR_POLYGON
from landcover_qgis.sample_layer import configure_sample_layer
from landcover_qgis.table_export import write_text


class DesignSampleAlgorithm(EngineAlgorithm):
    """Stratified random sample points of a class map, sized for a target standard error of overall accuracy."""

    engine_command = "sample-design"
    options = (
        EngineOption("TARGET_SE", "target_se",
                     Deferred.translate("EngineOption", "Target standard error of the overall accuracy")),
        EngineOption("EXPECTED_UA", "expected_ua",
                     Deferred.translate("EngineOption", "Expected user's accuracy per class (e.g. forest=0.9,"
                                                        "water=0.95; others 0.8)")),
        EngineOption("MIN_PER_CLASS", "min_per_class", Deferred.translate("EngineOption", "Least points per class")),
        EngineOption("TOTAL", "total",
                     Deferred.translate("EngineOption", "Sample size (empty: from the target standard error)"),
                     advanced=True),
        EngineOption("SEED", "seed",
                     Deferred.translate("EngineOption", "Random seed (the same seed gives the same points)"),
                     advanced=True),
    )
    help_text = Deferred.translate(
        "EngineAlgorithm",
        "Draws a stratified random sample of a class map for accuracy assessment and area estimation "
        "(Olofsson et al. 2014): the map's classes are the strata, the sample size follows from the target "
        "standard error of overall accuracy and the expected user's accuracies, shared in proportion to the "
        "classes' areas with a minimum per class. Writes a point GeoPackage with 'stratum' and an empty "
        "'reference' field (offering the map's class names) to label, and the design beside it. Label the "
        "points, then run 'Assess accuracy and areas'."
    )

    def name(self) -> str:
        """The algorithm id within the provider."""
        return "sample_design"

    def displayName(self) -> str:
        """The algorithm's name in the toolbox."""
        return translate("DesignSampleAlgorithm", "Design a sample")

    def add_parameters(self) -> None:
        """Declares the class map, the area of interest, the design's options and the point layer."""
        self.addParameter(QgsProcessingParameterRasterLayer("PREDICTION", translate(
                "DesignSampleAlgorithm", "Class map to assess")))
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                "MASK",
                translate("DesignSampleAlgorithm", "Area of interest (only the map inside is sampled)"),
                [SOURCE_VECTOR_POLYGON],
                optional=True,
            )
        )
        self.add_options()
        self.addParameter(QgsProcessingParameterVectorDestination(
            "OUTPUT", translate("DesignSampleAlgorithm", "Sample points (GeoPackage)"), SOURCE_VECTOR_POINT))
        self.addOutput(QgsProcessingOutputFile("DESIGN", translate("DesignSampleAlgorithm", "Sample design (JSON)")))
        self.addOutput(QgsProcessingOutputNumber("POINTS", translate(
                "DesignSampleAlgorithm", "Number of sample points")))

    def problem(self, parameters: Dict[str, Any], context: QgsProcessingContext) -> Optional[str]:
        """The sample is written as a GeoPackage (its design travels in the layer's metadata)."""
        out = self.parameterAsOutputLayer(parameters, "OUTPUT", context)
        if out and not out.lower().endswith(".gpkg"):
            return translate(
                "DesignSampleAlgorithm", "Save the sample points as a GeoPackage (.gpkg), not {name}."
            ).format(name=Path(out).name)
        return None

    def run_algorithm(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                      feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        """Runs the engine's ``sample-design``; the loaded points get the class names on ``reference``."""
        layer = self.raster(parameters, "PREDICTION", context)
        request = SampleDesignRequest(self.engine_raster(layer), self.output_layer(parameters, "OUTPUT", context),
                                      settings=self.engine_settings(parameters, context))
        if parameters.get("MASK"):
            path, layer_name = self.parameterAsCompatibleSourceLayerPathAndLayerName(
                parameters, "MASK", context, VECTOR_EXTENSIONS, "gpkg", feedback)
            request.mask = VectorInput(os.path.abspath(path), layer_name or None)
        result = self.run_call(self.engine_call(request), feedback)
        names = [str(item["name"]) for item in result.summary.get("strata") or []]
        RunOutputs(layer.name()).add(context, request.out, "sample")
        label_on_load(context, request.out, names)
        return {"OUTPUT": request.out, "DESIGN": result.outputs.get("design"), "POINTS": result.summary.get("total")}


class AssessAreasAlgorithm(EngineAlgorithm):
    """Stratified estimates of accuracy (with standard errors) and error-adjusted class areas from a labelled sample."""

    engine_command = "evaluate"
    help_text = Deferred.translate(
        "EngineAlgorithm",
        "Estimates the accuracy of a class map and its classes' areas from a labelled stratified sample "
        "(from 'Design a sample'), as good practice asks (Olofsson et al. 2014): overall, user's and "
        "producer's accuracies with standard errors, and for each class its mapped area and its "
        "error-adjusted area in hectares with a 95% confidence interval. Points without a label are skipped. "
        "Writes the engine's JSON report and an HTML report; returns the area-adjusted figures as JSON."
    )

    def name(self) -> str:
        """The algorithm id within the provider."""
        return "assess_areas"

    def displayName(self) -> str:
        """The algorithm's name in the toolbox."""
        return translate("AssessAreasAlgorithm", "Assess accuracy and areas")

    def add_parameters(self) -> None:
        """Declares the class map, the labelled sample and its field, and the reports."""
        self.addParameter(QgsProcessingParameterRasterLayer("PREDICTION", translate(
                "AssessAreasAlgorithm", "Class map the sample was drawn from")))
        self.addParameter(QgsProcessingParameterFeatureSource("SAMPLE", translate(
                "AssessAreasAlgorithm", "Labelled sample points"),
                                                              [SOURCE_VECTOR_POINT]))
        self.addParameter(QgsProcessingParameterField("CLASS_FIELD", translate(
                "AssessAreasAlgorithm", "Field with the reference class names"),
                                                      defaultValue=REFERENCE_FIELD, parentLayerParameterName="SAMPLE"))
        self.addParameter(QgsProcessingParameterFileDestination("OUTPUT_JSON", translate(
                "AssessAreasAlgorithm", "Report (JSON)"), translate(
                "AssessAreasAlgorithm", "JSON files (*.json)")))
        self.addParameter(QgsProcessingParameterFileDestination("OUTPUT_HTML", translate(
                "AssessAreasAlgorithm", "Report (HTML)"), translate(
                "AssessAreasAlgorithm", "HTML files (*.html)")))
        self.addOutput(QgsProcessingOutputNumber("OVERALL_ACCURACY", translate(
                "AssessAreasAlgorithm", "Overall accuracy (area-adjusted)")))
        self.addOutput(QgsProcessingOutputNumber("OVERALL_ACCURACY_SE", translate(
                "AssessAreasAlgorithm", "Standard error of the overall accuracy")))
        self.addOutput(QgsProcessingOutputString("AREA_ADJUSTED", translate(
                "AssessAreasAlgorithm", "Area-adjusted figures (JSON)")))

    def problem(self, parameters: Dict[str, Any], context: QgsProcessingContext) -> Optional[str]:
        """Checks the class field and that the sample lies on the map."""
        prediction = self.parameterAsRasterLayer(parameters, "PREDICTION", context)
        sample = self.parameterAsSource(parameters, "SAMPLE", context)
        if prediction is None or sample is None:
            return translate("AssessAreasAlgorithm", "Choose the class map and the labelled sample points.")
        return field_problem(sample.fields(), self.parameterAsString(parameters, "CLASS_FIELD", context),
                             sample.sourceName()) or overlap_problem(
            prediction.extent(), prediction.crs(), prediction.name(), sample.sourceExtent(), sample.sourceCrs(),
            sample.sourceName(), context)

    def run_algorithm(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                      feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        """Runs the engine's ``evaluate`` on the sample with the stratified estimates; writes the HTML report."""
        prediction = self.engine_raster(self.raster(parameters, "PREDICTION", context))
        path, layer_name = self.parameterAsCompatibleSourceLayerPathAndLayerName(
            parameters, "SAMPLE", context, VECTOR_EXTENSIONS, "gpkg", feedback)
        out_json = self.output_file(parameters, "OUTPUT_JSON", context)
        out_html = self.output_file(parameters, "OUTPUT_HTML", context)
        request = area_assessment_request(prediction.path, VectorInput(os.path.abspath(path), layer_name or None),
                                          out_json, str(Path(out_html).with_suffix(".png")),
                                          self.parameterAsString(parameters, "CLASS_FIELD", context))
        call = self.engine_call(request)
        if prediction.prepare is not None:
            call.prepare.insert(0, prediction.prepare)  # a class map that is not a file is exported first
        result = self.run_call(call, feedback)
        report = json.loads(Path(result.outputs.get("json", out_json)).read_text(encoding="utf-8"))
        area = report.get("area_adjusted") or {}
        write_text(out_html, area_html(area, result.outputs.get("png", request.out_png)))
        return {"OUTPUT_JSON": out_json, "OUTPUT_HTML": out_html, "OVERALL_ACCURACY": area.get("overall_accuracy"),
                "OVERALL_ACCURACY_SE": area.get("overall_accuracy_se"), "AREA_ADJUSTED": json.dumps(area)}


def label_on_load(context: QgsProcessingContext, path: str, names: List[str]) -> None:
    """Once Processing loads the sample, its ``reference`` field offers ``names`` (then the run's placing applies)."""
    if not path or not context.willLoadLayerOnCompletion(path):
        return
    details = context.layerToLoadOnCompletionDetails(path)
    processor = _SampleLayerLabels(details.postProcessor(), names)
    _live_processors.append(processor)
    details.setPostProcessor(processor)


class _SampleLayerLabels(QgsProcessingLayerPostProcessorInterface):
    """Gives a loaded sample layer its value-map editor, then runs the post-processor it replaces."""

    def __init__(self, inner: Optional[QgsProcessingLayerPostProcessorInterface], names: List[str]) -> None:
        super().__init__()
        self.inner, self.names = inner, list(names)

    def postProcessLayer(self, layer: Optional[QgsMapLayer], context: QgsProcessingContext,
                         feedback: Optional[QgsProcessingFeedback]) -> None:
        """GUI thread, after Processing added the layer to the project."""
        if isinstance(layer, QgsVectorLayer):
            configure_sample_layer(layer, self.names or None)
        if self.inner is not None:
            self.inner.postProcessLayer(layer, context, feedback)


#: Post-processors handed to Processing, which keeps only a C++ pointer (see ``output_layers``).
_live_processors: List[_SampleLayerLabels] = []
