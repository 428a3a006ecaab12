"""``landcover:classify_folder`` — every raster of a folder classified by the engine's ``predict-batch``.

Appears only when the engine has the ``predict-batch`` command.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Dict, List, Optional

from qgis.core import (  # type: ignore[attr-defined]  # the stubs lack SIP's exception classes
    QgsFeatureSink,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputMultipleLayers,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsVectorLayer,
)

from landcover_qgis.class_scheme import classes_from_summary
from landcover_qgis.engine_commands import PredictBatchRequest
from landcover_qgis.i18n import Deferred, translate
from landcover_qgis.processing.base import EngineAlgorithm
from landcover_qgis.processing.engine_parameters import EngineOption
from landcover_qgis.processing.inference import POLYGON_OPTIONS, PREDICTION_OPTIONS
from landcover_qgis.processing.layer_checks import model_files_problem, models_problem
from landcover_qgis.processing.model_parameters import ModelFilesParameter
from landcover_qgis.processing.output_layers import RunOutputs, models_name
from landcover_qgis.qt_compat import FILE_FOLDER, SOURCE_VECTOR_POLYGON
from landcover_qgis.styling import OutputKind

#: The engine's layer of scene footprints with their class areas (in ``OUT_DIR/summary.gpkg``).
SUMMARY_LAYER = "scenes"
#: The end of each scene's class raster name (``NAME.classes.tif``).
CLASSES_SUFFIX = ".classes.tif"
#: Scene counts of the engine's summary, as algorithm outputs.
COUNTS = (("DONE", "done", Deferred.translate("ClassifyFolderAlgorithm", "Scenes classified")),
          ("SKIPPED", "skipped", Deferred.translate("ClassifyFolderAlgorithm", "Scenes already complete (skipped)")))


class ClassifyFolderAlgorithm(EngineAlgorithm):
    """``landcover:classify_folder`` — classifies every raster of a folder, scenes in parallel on Dask workers."""

    engine_command = "predict-batch"
    options = (
        EngineOption("PATTERN", "pattern",
                     Deferred.translate("EngineOption", "File name patterns of the images (comma-separated)")),
        *PREDICTION_OPTIONS,
        EngineOption("CONFIDENCE", "confidence",
                     Deferred.translate("EngineOption", "Also write a confidence raster per scene")),
        EngineOption("UNCERTAINTY", "uncertainty",
                     Deferred.translate("EngineOption", "Also write an uncertainty raster per scene")),
        EngineOption("VECTOR", "vector", Deferred.translate("EngineOption", "Also write polygons per scene")),
        *POLYGON_OPTIONS,
        EngineOption("WORKERS", "workers",
                     Deferred.translate("EngineOption", "Workers (empty: sized to this machine)"), advanced=True),
        EngineOption("THREADS_PER_WORKER", "threads_per_worker",
                     Deferred.translate("EngineOption", "CPU threads per worker"), advanced=True),
        EngineOption("RETRIES", "retries", Deferred.translate("EngineOption", "Retries of a failed scene"),
                     advanced=True),
        EngineOption("FORCE", "force",
                     Deferred.translate("EngineOption", "Classify again the scenes a previous run completed"),
                     advanced=True),
        EngineOption("CLUSTER", "cluster",
                     Deferred.translate("EngineOption", "Dask scheduler address (empty: a local cluster)"),
                     advanced=True),
    )
    help_text = Deferred.translate(
        "EngineAlgorithm",
        "Classifies every raster of a folder with a landcover model file, or several (an ensemble), one "
        "scene per task on parallel workers (a local Dask cluster, or an existing one). Writes "
        "NAME.classes.tif per scene (and optionally confidence, uncertainty and polygons) into the output "
        "folder, and a table of class areas per scene (hectares, shares) with each scene's footprint. A "
        "scene that fails is reported and the others go on; running again into the same folder skips "
        "the scenes already complete."
    )

    def name(self) -> str:
        """The algorithm id within the provider."""
        return "classify_folder"

    def displayName(self) -> str:
        """The algorithm's name in the toolbox."""
        return translate("ClassifyFolderAlgorithm", "Classify folder of rasters")

    def add_parameters(self) -> None:
        """Declares the folder, model(s), options, the output folder, the table of class areas and loading."""
        self.addParameter(QgsProcessingParameterFile("INPUT", translate("ClassifyFolderAlgorithm", "Folder of images"),
                                                     behavior=FILE_FOLDER))
        self.addParameter(ModelFilesParameter("MODEL", translate(
                "ClassifyFolderAlgorithm", "Model file(s) (several: an ensemble)")))
        self.add_options()
        self.addParameter(QgsProcessingParameterFolderDestination("OUTPUT", translate(
                "ClassifyFolderAlgorithm", "Output folder")))
        self.addParameter(QgsProcessingParameterFeatureSink("SUMMARY", translate(
                "ClassifyFolderAlgorithm", "Class areas per scene"),
                                                            SOURCE_VECTOR_POLYGON))
        load = QgsProcessingParameterBoolean("LOAD_RASTERS", translate(
                "ClassifyFolderAlgorithm", "Open the class rasters (one layer per scene)"),
                                             defaultValue=False)
        load.setHelp(translate("ClassifyFolderAlgorithm", "Leave off for many scenes: the table of class areas is "
                                                          "always opened."))
        self.addParameter(load)
        self.addOutput(QgsProcessingOutputMultipleLayers("CLASS_RASTERS", translate(
                "ClassifyFolderAlgorithm", "Class rasters")))
        for name, _key, description in (*COUNTS, ("FAILED", "failed", Deferred.translate(
                "ClassifyFolderAlgorithm", "Scenes that failed"))):
            self.addOutput(QgsProcessingOutputNumber(name, translate("ClassifyFolderAlgorithm", description)))

    def problem(self, parameters: Dict[str, Any], context: QgsProcessingContext) -> Optional[str]:
        """Checks that the folder and the model file(s) exist."""
        folder = self.file(parameters, "INPUT", context)
        if not folder or not os.path.isdir(folder):
            return translate("ClassifyFolderAlgorithm", "Choose an existing folder of images.")
        return model_files_problem(self.files(parameters, "MODEL", context))

    def engine_problem(self, parameters: Dict[str, Any], context: QgsProcessingContext) -> Optional[str]:
        """Asks the engine whether the model file(s) form a valid ensemble."""
        return models_problem(self.files(parameters, "MODEL", context), None, [])

    def run_algorithm(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                      feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        """Runs the engine's ``predict-batch``; returns the folder, the table of class areas and the class rasters."""
        request = PredictBatchRequest(
            models=self.files(parameters, "MODEL", context), images=[self.file(parameters, "INPUT", context)],
            out_dir=self.output_file(parameters, "OUTPUT", context), settings=self.engine_settings(parameters, context),
        )
        problem = request.validate()
        if problem:
            raise QgsProcessingException(problem)
        result = self.run_call(self.engine_call(request), feedback, partial=True)
        summary = result.summary
        rasters: List[str] = list(summary.get("class_rasters") or [])
        loaded = RunOutputs(models_name(request.models))
        if self.parameterAsBoolean(parameters, "LOAD_RASTERS", context):
            classes = classes_from_summary(summary.get("classes", []))
            for path in rasters:
                scene = Path(path).name.replace(CLASSES_SUFFIX, "")
                context.addLayerToLoadOnCompletion(path, QgsProcessingContext.LayerDetails(
                    scene, context.project(), "CLASS_RASTERS"))
                loaded.add(context, path, f"{scene} {OutputKind.CLASSES.value}", OutputKind.CLASSES, classes)
        outputs: Dict[str, Any] = {
            "OUTPUT": result.outputs.get("folder", request.out_dir), "CLASS_RASTERS": rasters,
            "SUMMARY": self.copy_summary(parameters, context, result.outputs.get("footprints", "")),
            "FAILED": len(summary.get("failed") or []),
        }
        loaded.add(context, outputs["SUMMARY"], translate("ClassifyFolderAlgorithm", "class areas per scene"))
        outputs.update({name: summary.get(key) for name, key, _description in COUNTS})
        return outputs

    def copy_summary(self, parameters: Dict[str, Any], context: QgsProcessingContext, footprints: str) -> str:
        """Copies the engine's scene footprints with their class areas into the ``SUMMARY`` sink; returns its id."""
        source = QgsVectorLayer(f"{footprints}|layername={SUMMARY_LAYER}", translate(
                "ClassifyFolderAlgorithm", "class areas"), "ogr")
        if not source.isValid():
            raise QgsProcessingException(
                translate(
                    "ClassifyFolderAlgorithm", "The engine's table of class areas {footprints} cannot be read."
                ).format(footprints=footprints)
            )
        sink, sink_id = self.parameterAsSink(parameters, "SUMMARY", context, source.fields(), source.wkbType(),
                                             source.crs())
        if sink is None:
            raise QgsProcessingException(translate("ClassifyFolderAlgorithm", "Cannot create the table of class "
                                                                              "areas."))
        for feature in source.getFeatures():
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        return sink_id
