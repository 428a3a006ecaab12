"""``landcover:evaluate`` — accuracy of a class raster (or of models on an image) against reference data."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Dict, Optional

from qgis.core import (  # type: ignore[attr-defined]  # the stubs lack SIP's exception classes
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterRasterLayer,
)

from landcover_qgis.class_scheme import find_scheme_beside
from landcover_qgis.engine_commands import EvaluateRequest
from landcover_qgis.i18n import Deferred, translate
from landcover_qgis.layer_io import VectorInput
from landcover_qgis.processing.base import VECTOR_EXTENSIONS, EngineAlgorithm
from landcover_qgis.processing.engine_parameters import EngineOption
from landcover_qgis.processing.layer_checks import (
    field_problem,
    model_files_problem,
    models_problem,
    overlap_problem,
)
from landcover_qgis.processing.model_parameters import ModelFilesParameter
from landcover_qgis.processing.output_layers import RunOutputs, models_name
from landcover_qgis.processing.report import PER_CLASS_FIGURES, evaluation_html
from landcover_qgis.qt_compat import NO_GEOMETRY_WKB, SOURCE_VECTOR, SOURCE_VECTOR_POLYGON, field_type
from landcover_qgis.table_export import write_text

#: Headline figures of the report, as algorithm outputs.
HEADLINES = (("OVERALL_ACCURACY", "overall_accuracy", Deferred.translate("EvaluateAlgorithm", "Overall accuracy")),
             ("MIOU", "miou", Deferred.translate("EvaluateAlgorithm", "mIoU")),
             ("KAPPA", "kappa", Deferred.translate("EvaluateAlgorithm", "Cohen's kappa")))


class EvaluateAlgorithm(EngineAlgorithm):
    """Confusion matrix, per-class IoU/precision/recall/F1, mIoU, accuracy and kappa as a table, JSON and HTML."""

    engine_command = "evaluate"
    options = (
        EngineOption("TILE_SIZE", "tile_size",
                     Deferred.translate("EngineOption", "Tile size when predicting (pixels; empty: the model's)"),
                     advanced=True),
        EngineOption("OVERLAP", "overlap", Deferred.translate("EngineOption", "Tile overlap when predicting (pixels)"),
                     advanced=True),
        EngineOption("TTA", "tta", Deferred.translate("EngineOption", "Test-time augmentation when predicting"),
                     advanced=True),
        EngineOption("HISTMATCH", "histmatch",
                     Deferred.translate("EngineOption", "Match the image to the model's histogram reference"),
                     advanced=True),
        EngineOption("DEVICE", "device", Deferred.translate("EngineOption", "Compute device"), advanced=True),
    )
    help_text = Deferred.translate(
        "EngineAlgorithm",
        "Assesses a class raster — or the prediction of model file(s) on an image — against reference "
        "data: a raster of class codes, or polygons with a class field. Writes a per-class table layer, "
        "the engine's JSON report and an HTML report (confusion matrix and per-class figures) shown in "
        "the Processing results viewer."
    )

    def name(self) -> str:
        """The algorithm id within the provider."""
        return "evaluate"

    def displayName(self) -> str:
        """The algorithm's name in the toolbox."""
        return translate("EvaluateAlgorithm", "Evaluate accuracy")

    def add_parameters(self) -> None:
        """Declares the class raster or model(s) and image, the reference raster or polygons, options and reports."""
        self.addParameter(QgsProcessingParameterRasterLayer("PREDICTION", translate(
                "EvaluateAlgorithm", "Class raster to assess"), optional=True))
        self.addParameter(ModelFilesParameter("MODEL", translate(
                "EvaluateAlgorithm", "…or model file(s) to predict with"), optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer("INPUT", translate(
                "EvaluateAlgorithm", "…on this image raster"), optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer("REFERENCE_RASTER", translate(
                "EvaluateAlgorithm", "Reference raster (class codes)"),
                                                            optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource("REFERENCE_VECTOR", translate(
                "EvaluateAlgorithm", "…or reference polygons"),
                                                              [SOURCE_VECTOR_POLYGON], optional=True))
        self.addParameter(QgsProcessingParameterField("CLASS_FIELD", translate(
                "EvaluateAlgorithm", "Class field of the reference polygons"),
                                                      parentLayerParameterName="REFERENCE_VECTOR", optional=True))
        self.addParameter(QgsProcessingParameterFile(
            "REFERENCE_CLASSES", translate("EvaluateAlgorithm", "Class scheme of the reference raster (JSON; "
                                                                "default: its tags, or the scheme JSON found beside "
                                                                "it)"), extension="json", optional=True))
        self.add_options()
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT", translate(
                "EvaluateAlgorithm", "Per-class accuracy"), SOURCE_VECTOR))
        self.addParameter(QgsProcessingParameterFileDestination("OUTPUT_JSON", translate(
                "EvaluateAlgorithm", "Report (JSON)"), translate(
                "EvaluateAlgorithm", "JSON files (*.json)")))
        self.addParameter(QgsProcessingParameterFileDestination("OUTPUT_HTML", translate(
                "EvaluateAlgorithm", "Report (HTML)"), translate(
                "EvaluateAlgorithm", "HTML files (*.html)")))
        for name, _key, description in HEADLINES:
            self.addOutput(QgsProcessingOutputNumber(name, translate("EvaluateAlgorithm", description)))

    def problem(self, parameters: Dict[str, Any], context: QgsProcessingContext) -> Optional[str]:
        """Checks that one thing to assess and one reference are chosen, that they overlap and the models exist."""
        prediction = self.parameterAsRasterLayer(parameters, "PREDICTION", context)
        models = self.files(parameters, "MODEL", context)
        image = self.parameterAsRasterLayer(parameters, "INPUT", context)
        if (prediction is None) == (not models):
            return translate("EvaluateAlgorithm", "Choose either a class raster to assess, or model file(s) and an "
                                                  "image to predict.")
        if models and image is None:
            return translate("EvaluateAlgorithm", "Choose the image raster the model file(s) should classify.")
        assessed = prediction or image
        raster = self.parameterAsRasterLayer(parameters, "REFERENCE_RASTER", context)
        vector = self.parameterAsSource(parameters, "REFERENCE_VECTOR", context)
        if assessed is None or (raster is None) == (vector is None):
            return translate("EvaluateAlgorithm", "Choose one reference: a raster of class codes, or polygons with a "
                                                  "class field.")
        if vector is not None:
            problem = field_problem(vector.fields(), self.parameterAsString(parameters, "CLASS_FIELD", context),
                                    vector.sourceName())
            extent, crs, name = vector.sourceExtent(), vector.sourceCrs(), vector.sourceName()
        elif raster is not None:
            problem, extent, crs, name = None, raster.extent(), raster.crs(), raster.name()
        problem = problem or overlap_problem(assessed.extent(), assessed.crs(), assessed.name(), extent, crs, name,
                                             context)
        if problem is None and models:
            problem = model_files_problem(models)
        return problem

    def engine_problem(self, parameters: Dict[str, Any], context: QgsProcessingContext) -> Optional[str]:
        """Asks the engine whether the model file(s), if any, can classify the image."""
        models = self.files(parameters, "MODEL", context)
        image = self.parameterAsRasterLayer(parameters, "INPUT", context)
        return models_problem(models, image, []) if models else None

    def run_algorithm(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                      feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        """Runs the engine's ``evaluate``, writes the HTML report and per-class table, returns them and the figures."""
        prediction = self.parameterAsRasterLayer(parameters, "PREDICTION", context)
        out_json = self.output_file(parameters, "OUTPUT_JSON", context)
        out_html = self.output_file(parameters, "OUTPUT_HTML", context)
        request = EvaluateRequest(prediction=None, out_json=out_json, out_png=str(Path(out_html).with_suffix(".png")))
        assessed = self.engine_raster(prediction) if prediction is not None else None
        if assessed is not None:
            request.prediction = assessed.path
        else:
            request.models = self.files(parameters, "MODEL", context)
            request.image = self.engine_raster(self.raster(parameters, "INPUT", context))
            request.settings = self.engine_settings(parameters, context)
        if parameters.get("REFERENCE_RASTER"):
            request.reference_raster = self.engine_raster(self.raster(parameters, "REFERENCE_RASTER", context))
            scheme = self.parameterAsFile(parameters, "REFERENCE_CLASSES", context)
            # Codes are compared by class name when the reference's names are known (see landcover evaluate).
            request.reference_classes = scheme or find_scheme_beside(request.reference_raster.path)
        else:
            path, layer_name = self.parameterAsCompatibleSourceLayerPathAndLayerName(
                parameters, "REFERENCE_VECTOR", context, VECTOR_EXTENSIONS, "gpkg", feedback)
            request.reference_vector = VectorInput(os.path.abspath(path), layer_name or None)
            request.class_field = self.parameterAsString(parameters, "CLASS_FIELD", context)
        call = self.engine_call(request)
        if assessed is not None and assessed.prepare is not None:
            call.prepare.insert(0, assessed.prepare)  # a class raster that is not a file is exported first
        result = self.run_call(call, feedback)
        report = json.loads(Path(result.outputs.get("json", out_json)).read_text(encoding="utf-8"))
        png = result.outputs.get("png", request.out_png)
        write_text(out_html, evaluation_html(report, png))
        outputs: Dict[str, Any] = {"OUTPUT": self.write_table(parameters, context, report),
                                   "OUTPUT_JSON": out_json, "OUTPUT_HTML": out_html}
        assessed_name = prediction.name() if prediction is not None else models_name(request.models)
        RunOutputs(assessed_name).add(context, outputs["OUTPUT"], translate("EvaluateAlgorithm", "accuracy per class"))
        outputs.update({name: report.get(key) for name, key, _description in HEADLINES})
        return outputs

    def write_table(self, parameters: Dict[str, Any], context: QgsProcessingContext, report: Dict[str, Any]) -> str:
        """Writes the per-class figures as a table layer (no geometry); returns its id."""
        fields = QgsFields()
        fields.append(QgsField("code", field_type("Int")))
        fields.append(QgsField("class_name", field_type("QString")))
        for key in PER_CLASS_FIGURES:
            fields.append(QgsField(key, field_type("Int") if key == "support" else field_type("Double")))
        sink, sink_id = self.parameterAsSink(parameters, "OUTPUT", context, fields, NO_GEOMETRY_WKB)
        if sink is None:
            raise QgsProcessingException(translate("EvaluateAlgorithm", "Cannot create the per-class table."))
        for item in report.get("per_class") or []:
            feature = QgsFeature(fields)
            feature.setAttributes([item.get("code"), item.get("name"), *(item.get(key) for key in PER_CLASS_FIGURES)])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        return sink_id
