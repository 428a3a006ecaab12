"""What every landcover Processing algorithm shares.

Engine options as parameters, checks before the engine starts, engine calls reporting to the feedback, and
styled outputs.
"""

from __future__ import annotations

import os
from typing import Any, Dict, List, Optional, Sequence, Tuple

from qgis.core import (  # type: ignore[attr-defined]  # the stubs lack SIP's exception classes
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsRasterLayer,
)
from qgis.PyQt.QtGui import QIcon

from landcover_qgis.command_line import EngineOptionError
from landcover_qgis.engine_commands import EngineCall, EngineRequest, Settings
from landcover_qgis.engine_runner import EngineFailure, EngineListener, EngineResult, run_engine, training_fraction
from landcover_qgis.engine_schema import EngineSchema, OptionSpec, current_schema
from landcover_qgis.i18n import Deferred, translate
from landcover_qgis.layer_io import LayerExportError, RasterInput, raster_input
from landcover_qgis.processing.engine_parameters import EngineOption, option_parameter, option_value
from landcover_qgis.settings import engine_location

#: Why an algorithm refuses to run without the engine's description, and how to set the engine up.
ENGINE_NOT_SET_UP = Deferred.translate(
    "EngineAlgorithm",
    "The landcover engine is not set up, or could not describe its options. In QGIS: open the "
    "landcover panel, use 'Set up engine…' (create the managed environment, then install the engine) "
    "and reopen this algorithm. For qgis_process: set the LANDCOVER_PYTHON environment variable to "
    "a Python that has the engine (landcover_core) installed."
)
#: The user documentation; each algorithm links to its section.
HELP_URL = "https://github.com/landcover-project/landcover#qgis-plugin"
#: Progress advance (a fraction) between two progress texts, each one a log line in the dialog.
PROGRESS_TEXT_STEP = 0.1
#: Extensions the engine reads vector labels from (others are converted by Processing).
VECTOR_EXTENSIONS = ["gpkg", "shp", "geojson", "json", "fgb", "sqlite"]


class FeedbackListener(EngineListener):
    """Forwards engine events to Processing feedback."""

    def __init__(self, feedback: QgsProcessingFeedback) -> None:
        self.feedback = feedback
        self._text_at: Optional[float] = None  # the fraction of the last progress text

    def on_progress(self, fraction: float, message: str, epoch: Optional[Tuple[int, int]] = None) -> None:
        """Moves the feedback's progress bar; the progress text only every :data:`PROGRESS_TEXT_STEP`.

        The algorithm dialog and qgis_process log every progress text as a line, and the engine sends up to
        ~200 progress events per stage. A fraction lower than the last text's starts a new stage. Training
        epochs are placed within the whole run, so the bar does not restart at every epoch.
        """
        if epoch is not None:
            fraction = training_fraction(fraction, epoch)
        self.feedback.setProgress(100.0 * fraction)
        last = self._text_at
        if message and (last is None or fraction < last or fraction >= last + PROGRESS_TEXT_STEP):
            self._text_at = fraction
            self.feedback.setProgressText(f"{message} ({100.0 * fraction:.0f}%)")

    def on_metrics(self, metrics: Dict[str, Any]) -> None:
        """Logs an epoch's losses and validation mIoU (with its self-training round) as an info line."""
        parts = [f"{key} {metrics[key]:.4f}" for key in ("train_loss", "val_loss", "val_miou")
                 if isinstance(metrics.get(key), (int, float))]
        where = f"round {metrics['round']}, " if metrics.get("round") is not None else ""
        self.feedback.pushInfo(f"{where}epoch {metrics.get('epoch')}/{metrics.get('epochs')}: " + ", ".join(parts))
        if metrics.get("missed_classes"):
            self.feedback.pushWarning(translate("FeedbackListener", "never predicted on validation although labelled "
                                                                    "there (IoU 0): {classes}").format(
                classes=", ".join(str(name) for name in metrics["missed_classes"])))

    def on_log(self, level: str, message: str) -> None:
        """Pushes a log line as a warning, console output (the engine's stderr) or info."""
        if level == "warning":
            self.feedback.pushWarning(message)
        elif level == "stderr":
            self.feedback.pushConsoleInfo(message)
        else:
            self.feedback.pushInfo(message)

    def is_cancelled(self) -> bool:
        """Whether the user cancelled the Processing run."""
        return self.feedback.isCanceled()


class EngineAlgorithm(QgsProcessingAlgorithm):
    """Common parts: grouping, help, engine-described parameters, checks, engine calls.

    Subclasses declare :meth:`add_parameters`, may add checks in :meth:`problem` (run by
    ``checkParameterValues`` and again by ``prepareAlgorithm``, on the GUI thread in the dialog: quick checks
    only, no engine process) and checks the engine answers in :meth:`engine_problem` (on Processing's worker
    thread, before the work starts), and run the engine in :meth:`run_algorithm`.

    Attributes:
        engine_command: The engine command whose options :attr:`options` stand for.
        options: Parameters declared by engine option; their kind, bounds, default and choices are the engine's.
        help_text: The algorithm's short help.
        group_name, group_key: Its Processing group.
    """

    engine_command = ""
    options: Tuple[EngineOption, ...] = ()
    help_text = ""
    group_name, group_key = Deferred.translate("EngineAlgorithm", "Land cover"), "landcover"

    def __init__(self) -> None:
        super().__init__()
        self.schema: Optional[EngineSchema] = None

    # -- identity -----------------------------------------------------------------------------------------------

    def createInstance(self) -> EngineAlgorithm:
        """A new instance of the same algorithm class."""
        return type(self)()

    def group(self) -> str:
        """The Processing group's display name."""
        return translate("EngineAlgorithm", self.group_name)

    def groupId(self) -> str:
        """The Processing group's id."""
        return self.group_key

    def shortHelpString(self) -> str:
        """The algorithm's short help (:attr:`help_text`, marked with ``Deferred.translate("EngineAlgorithm", …)``)."""
        return translate("EngineAlgorithm", self.help_text) if self.help_text else ""

    def helpUrl(self) -> str:
        """The user documentation's address."""
        return HELP_URL

    def icon(self) -> QIcon:
        """The provider's icon (QGIS's default without a provider)."""
        provider = self.provider()
        return provider.icon() if provider is not None else super().icon()

    # -- parameters ---------------------------------------------------------------------------------------------

    def initAlgorithm(self, config: Optional[Dict[str, Any]] = None) -> None:
        """Reads the engine's description (cached), then declares the parameters."""
        self.schema = current_schema()
        self.add_parameters()

    def add_parameters(self) -> None:
        """Declares the algorithm's parameters (``self.schema`` may be None)."""
        raise NotImplementedError

    def option(self, dest: str, command: Optional[str] = None) -> Optional[OptionSpec]:
        """The engine's description of an option of :attr:`engine_command` (or ``command``), or None."""
        return self.schema.option(command or self.engine_command, dest) if self.schema is not None else None

    def add_options(self, options: Optional[Sequence[EngineOption]] = None) -> None:
        """Adds the parameters of engine options (default :attr:`options`) the engine has."""
        for option in self.options if options is None else options:
            parameter = option_parameter(option, self.option(option.dest), placeholder=self.schema is None)
            if parameter is not None:
                self.addParameter(parameter)

    def engine_settings(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                        options: Optional[Sequence[EngineOption]] = None) -> Settings:
        """The engine options' values by flag; options left unset are the engine's to choose."""
        settings: Settings = {}
        for option in self.options if options is None else options:
            spec, parameter = self.option(option.dest), self.parameterDefinition(option.name)
            if spec is None or parameter is None or parameters.get(option.name) is None:
                continue
            if isinstance(parameter, QgsProcessingParameterNumber):
                value: Any = (self.parameterAsInt if spec.is_integer else self.parameterAsDouble)(
                    parameters, option.name, context)
            elif isinstance(parameter, QgsProcessingParameterBoolean):
                value = self.parameterAsBoolean(parameters, option.name, context)
            elif isinstance(parameter, QgsProcessingParameterEnum):
                value = self.parameterAsEnum(parameters, option.name, context)
            elif isinstance(parameter, QgsProcessingParameterString):
                value = self.parameterAsString(parameters, option.name, context).strip()
            else:
                continue
            settings.update(spec.setting(option_value(parameter, spec, value)))
        return settings

    def files(self, parameters: Dict[str, Any], name: str, context: QgsProcessingContext) -> List[str]:
        """The absolute files of a multiple-layers (files) parameter; none chosen is ``[]``, not ``['']``.

        Paths are made absolute: the engine runs in its own working folder (relative paths come from
        ``qgis_process`` command lines).
        """
        return [os.path.abspath(path) for path in self.parameterAsFileList(parameters, name, context) if path]

    def rasters(self, parameters: Dict[str, Any], name: str, context: QgsProcessingContext) -> List[QgsRasterLayer]:
        """The layers of a multiple-layers parameter of rasters.

        Raises:
            QgsProcessingException: One of them is not a raster layer.
        """
        layers = self.parameterAsLayerList(parameters, name, context)
        rasters = [layer for layer in layers if isinstance(layer, QgsRasterLayer)]
        if len(rasters) != len(layers):
            raise QgsProcessingException(
                translate("EngineAlgorithm", "{name} takes raster layers only.").format(name=name))
        return rasters

    def file(self, parameters: Dict[str, Any], name: str, context: QgsProcessingContext) -> str:
        """A file parameter's absolute path, or ``""``."""
        path = self.parameterAsFile(parameters, name, context)
        return os.path.abspath(path) if path else ""

    def output_layer(self, parameters: Dict[str, Any], name: str, context: QgsProcessingContext) -> str:
        """A layer destination's absolute path, or ``""`` when it is not wanted."""
        path = self.parameterAsOutputLayer(parameters, name, context)
        return os.path.abspath(path) if path else ""

    def output_file(self, parameters: Dict[str, Any], name: str, context: QgsProcessingContext) -> str:
        """A file or folder destination's absolute path, or ``""`` when it is not wanted."""
        path = self.parameterAsFileOutput(parameters, name, context)
        return os.path.abspath(path) if path else ""

    def enum_id(self, parameters: Dict[str, Any], name: str, context: QgsProcessingContext) -> str:
        """The engine id chosen in an enum parameter (its options are engine ids)."""
        parameter = self.parameterDefinition(name)
        if not isinstance(parameter, QgsProcessingParameterEnum):
            raise QgsProcessingException(translate("EngineAlgorithm", "{name} is not a choice parameter of this "
                                                                      "algorithm.").format(name=name))
        return parameter.options()[self.parameterAsEnum(parameters, name, context)]

    # -- checks before the engine starts ------------------------------------------------------------------------

    def problem(self, parameters: Dict[str, Any], context: QgsProcessingContext) -> Optional[str]:
        """Why these parameters cannot run (a clear message), or None. Runs before any engine process."""
        return None

    def engine_problem(self, parameters: Dict[str, Any], context: QgsProcessingContext) -> Optional[str]:
        """Why the engine refuses these inputs (model files against the raster), or None.

        Asking the engine takes seconds (it imports torch), so this runs from ``processAlgorithm`` on
        Processing's worker thread, never from the dialog's checks on the GUI thread.
        """
        return None

    def engine_missing(self) -> Optional[str]:
        """Why the configured engine cannot run this algorithm (none set up, or one without its command), or None."""
        if self.schema is None:
            return translate("EngineAlgorithm", "{problem}\nEngine Python tried: {python}").format(
                problem=translate("EngineAlgorithm", ENGINE_NOT_SET_UP), python=engine_location().python)
        if not self.schema.has_command(self.engine_command):
            return (translate("EngineAlgorithm", "The configured landcover engine ({version}) has no "
                                                 "'{command}' command: install the engine that comes with the "
                                                 "plugin ('Set up engine…' → 'Install engine' in the landcover "
                                                 "panel).").format(
                                                     version=self.schema.version, command=self.engine_command))
        return None

    def checkParameterValues(self, parameters: Dict[str, Any], context: QgsProcessingContext) -> Tuple[bool, str]:
        """Refuses to run without a suitable engine, or with parameters :meth:`problem` rejects."""
        missing = self.engine_missing()
        if missing:
            return False, missing
        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, message or ""
        problem = self.problem(parameters, context)
        if problem:
            return False, problem
        return True, ""

    def prepareAlgorithm(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                         feedback: Optional[QgsProcessingFeedback]) -> bool:
        """Checks again (batch runs and models reach here without ``checkParameterValues``)."""
        problem = self.engine_missing() or self.problem(parameters, context)
        if problem:
            raise QgsProcessingException(problem)
        return True

    # -- running ------------------------------------------------------------------------------------------------

    def processAlgorithm(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                         feedback: Optional[QgsProcessingFeedback]) -> Dict[str, Any]:
        """Worker thread: the engine's checks (:meth:`engine_problem`), then the work (:meth:`run_algorithm`)."""
        feedback = feedback or QgsProcessingFeedback()  # run without one (scripts): progress goes nowhere
        if type(self).engine_problem is not EngineAlgorithm.engine_problem:  # says so only when it asks the engine
            feedback.setProgressText(translate("EngineAlgorithm", "Checking the model file(s) with the engine…"))
        problem = self.engine_problem(parameters, context)
        if problem:
            raise QgsProcessingException(problem)
        return self.run_algorithm(parameters, context, feedback)

    def run_algorithm(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                      feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        """Runs the engine and returns the outputs (the inputs passed every check)."""
        raise NotImplementedError

    def raster(self, parameters: Dict[str, Any], name: str, context: QgsProcessingContext) -> QgsRasterLayer:
        """A raster layer parameter's layer (required)."""
        layer = self.parameterAsRasterLayer(parameters, name, context)
        if layer is None or not layer.isValid():
            raise QgsProcessingException(
                translate("EngineAlgorithm", "Invalid raster layer for {name}.").format(name=name))
        return layer

    @staticmethod
    def engine_raster(layer: QgsRasterLayer, bands: Optional[Sequence[int]] = None) -> RasterInput:
        """A raster as the engine reads it (a file, or an export written just before the engine starts)."""
        try:
            return raster_input(layer, bands)
        except LayerExportError as problem:
            raise QgsProcessingException(str(problem)) from None

    def engine_call(self, request: EngineRequest) -> EngineCall:
        """The request's command line for this algorithm's engine.

        Raises:
            QgsProcessingException: No engine description, or the engine lacks an option the request sets.
        """
        if self.schema is None:
            raise QgsProcessingException(translate("EngineAlgorithm", ENGINE_NOT_SET_UP))
        try:
            return request.call(self.schema)
        except EngineOptionError as problem:
            raise QgsProcessingException(str(problem)) from None

    def run_call(self, call: EngineCall, feedback: QgsProcessingFeedback, partial: bool = False) -> EngineResult:
        """Runs one engine call; failures (and cancelling) become QgsProcessingException with the engine's message.

        Args:
            call: The engine call.
            feedback: Receives the engine's progress and logs.
            partial: Accept a partial failure (some scenes of a batch failed): its message is reported as an
                error and the result of what completed is returned.
        """
        feedback.pushCommandInfo(f"landcover {call.command} {' '.join(call.args)}")
        try:
            call.prepare_inputs()  # exports of non-file layers (already on Processing's worker thread)
            return run_engine(engine_location().python, call.command, call.args, FeedbackListener(feedback))
        except EngineFailure as failure:
            if partial and failure.kind == "PartialFailure" and failure.result is not None:
                feedback.reportError(failure.message, fatalError=False)
                return failure.result
            raise QgsProcessingException(f"{failure.kind}: {failure.message}") from None
