"""The landcover panel: runs training, classification and pseudo-labelling as background tasks.

Every problem ends as a message in the panel (never a traceback dialog); QGIS stays responsive
because the engine runs in a child process watched by a QgsTask.
"""

from __future__ import annotations

import contextlib
import threading
import time
from pathlib import Path
from typing import Callable, Dict, List, Optional, Sequence

from qgis.core import Qgis, QgsApplication, QgsRasterLayer
from qgis.gui import QgisInterface, QgsDockWidget
from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtGui import QCloseEvent
from qgis.PyQt.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from landcover_qgis.accuracy_panel import AccuracyPanel
from landcover_qgis.action_bar import ActionBar, duration_text
from landcover_qgis.class_scheme import LandClass, classes_from_summary
from landcover_qgis.command_line import EngineOptionError, engine_args
from landcover_qgis.dock_form import DockForm, FormError, scrolling_page
from landcover_qgis.engine_check import EngineCapabilities, describe_versions
from landcover_qgis.engine_commands import EngineCall
from landcover_qgis.engine_options import HISTMATCH, RESUME
from landcover_qgis.engine_runner import EngineFailure
from landcover_qgis.engine_schema import current_schema
from landcover_qgis.i18n import translate
from landcover_qgis.layer_io import LayerExportError, add_result_layers, load_prediction_layers
from landcover_qgis.model_facts import ModelFacts, model_facts
from landcover_qgis.most_uncertain import most_uncertain_extent
from landcover_qgis.output_files import fresh_path, remember_fallback_folder, remove_if_empty, safe_name, stamp
from landcover_qgis.qgis_singletons import current_project, task_manager
from landcover_qgis.results_panel import ResultsPanel, number_text
from landcover_qgis.settings import engine_location
from landcover_qgis.tasks import EngineCheckTask, EngineTask, TaskOutcome
from landcover_qgis.training_time import (
    LONG_TRAINING_S,
    LongTrainingChoice,
    TrainingTime,
    ask_about_long_training,
    can_estimate,
    estimate_call,
)


class LandcoverDock(QgsDockWidget):
    """The landcover dock widget.

    Signals:
        jobFinished(bool): A training/classification/pseudo-label job ended (True when it succeeded).
        engineChecked(): The engine check finished and the panel shows its versions.
        schemaChanged(): The engine check found a description other than the cached one (new version...).
    """

    jobFinished = pyqtSignal(bool)
    engineChecked = pyqtSignal()
    schemaChanged = pyqtSignal()
    modelDescribed = pyqtSignal(str, object)

    def __init__(self, iface: Optional[QgisInterface], open_setup: Callable[[], None],
                 parent: Optional[QWidget] = None) -> None:
        super().__init__("landcover", parent)
        self.setObjectName("LandcoverDock")
        self.iface = iface
        self.open_setup = open_setup
        self.capabilities = EngineCapabilities()
        self.last_model: Optional[str] = None
        self.classes: List[LandClass] = []
        self.last_outcome: Optional[TaskOutcome] = None
        #: The training call a cancelled or failed run can continue with --resume, when the engine kept its checkpoint.
        self.resumable_call: Optional[EngineCall] = None
        #: Layer ids of the newest and of the previous classification (the latter offered for removal).
        self.result_layer_ids: List[str] = []
        self.previous_result_ids: List[str] = []
        #: The newest result's uncertainty layer, for "Zoom to the most uncertain area".
        self.uncertainty_layer_id: Optional[str] = None
        #: A result folder made for the running job, removed again if the job leaves it empty.
        self._job_folder: Optional[Path] = None
        self._task: Optional[EngineTask] = None
        self._result_name = ""
        self._check_task: Optional[EngineCheckTask] = None
        self._recheck = False
        #: The training calls waiting for their estimate; trainings estimated longer than this ask first.
        self._pending_training: List[EngineCall] = []
        self.long_training_s = LONG_TRAINING_S
        self._build()
        schema = current_schema()  # cached per engine: no process at start-up once known
        if schema is not None:
            self.form.apply_schema(schema)
            self.accuracy.apply_schema(schema)
        else:
            self.form.restore_from_project()
        current_project().readProject.connect(self._on_project_read)

    # -- layout ----------------------------------------------------------------------------------------------

    def _build(self) -> None:
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(4, 4, 4, 4)
        engine_row = QHBoxLayout()
        self.engine_status = QLabel(translate("LandcoverDock", "Engine: not checked yet"))
        self.engine_status.setWordWrap(True)
        self.setup_button = QPushButton(translate("LandcoverDock", "Set up engine…"))
        self.setup_button.clicked.connect(self.open_setup)
        engine_row.addWidget(self.engine_status, 1)
        engine_row.addWidget(self.setup_button)
        layout.addLayout(engine_row)

        self.form = DockForm()
        self.results = ResultsPanel()
        self.remove_previous_button = QPushButton(translate("LandcoverDock", "Remove the previous result's layers"))
        self.remove_previous_button.setVisible(False)
        self.remove_previous_button.clicked.connect(self.remove_previous_result)
        self.results_tab = self.form.addTab(scrolling_page(self.remove_previous_button, self.results),
                                            translate("LandcoverDock", "Results"))
        layout.addWidget(self.form, 1)
        # The action bar stays below the tabs: always visible, never moved by what the tabs show.
        self.action_bar = ActionBar()  # not "actions": that would hide QWidget.actions()
        layout.addWidget(self.action_bar)
        self.accuracy = AccuracyPanel(self.iface.mapCanvas() if self.iface is not None else None, self._start,
                                      self.form.require_schema, self.action_bar.status, self.results.area_assessment)
        self.results.accuracy_slot.addWidget(self.accuracy)
        self.jobFinished.connect(self.accuracy.job_finished)
        self.setWidget(content)

        # Short names for what tests and the plugin reach most.
        self.train_button, self.classify_button = self.action_bar.train_button, self.action_bar.classify_button
        self.pseudo_label_button, self.self_train_button = self.action_bar.pseudo_label_button, \
            self.action_bar.self_train_button
        self.cancel_button, self.resume_button = self.action_bar.cancel_button, self.action_bar.resume_button
        self.progress, self.message = self.action_bar.progress, self.action_bar.status
        self.metrics_table, self.log = self.results.metrics_table, self.results.log
        self.evaluation_table, self.evaluation_summary = self.results.evaluation_table, \
            self.results.evaluation_summary

        self.resume_button.clicked.connect(self.resume_training)
        self.train_button.clicked.connect(self.start_training)
        self.classify_button.clicked.connect(self.start_classification)
        self.pseudo_label_button.clicked.connect(self.start_pseudo_labelling)
        self.self_train_button.clicked.connect(self.start_self_training)
        self.cancel_button.clicked.connect(self.cancel)
        self.results.zoomToUncertainty.connect(self.zoom_to_uncertainty)
        self.form.model_files.fileChanged.connect(self.describe_model)
        self.form.model_mode.currentIndexChanged.connect(self.describe_model)
        self.modelDescribed.connect(self._model_described)

    # -- messages -------------------------------------------------------------------------------------------

    def show_message(self, text: str, level: Qgis.MessageLevel = Qgis.MessageLevel.Info) -> None:
        """Shows a fresh message in the panel's status line (red for errors) and in the QGIS log."""
        self.message.report(text, level)

    def finish_message(self, text: str, level: Qgis.MessageLevel) -> None:
        """Closes the job's status: ``text``, amber rather than green when the engine warned during the job."""
        self.message.finish(text, level)

    def append_log(self, level: str, text: str) -> None:
        """Appends an engine log line; a warning is repeated in the status line."""
        self.log.appendPlainText(f"[{level}] {text}" if level not in ("info", "stderr") else text)
        if level == "warning":
            self.message.warn(text)

    def confirm(self, title: str, text: str) -> bool:
        """Asks a yes/no question (e.g. before replacing a file); True for yes."""
        yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
        answer = QMessageBox.question(self, title, text, yes | no, no)
        return answer == yes

    # -- engine check ------------------------------------------------------------------------------------------

    def check_engine(self) -> None:
        """Starts the background engine check (versions, optional features).

        Asked again while a check runs (a new engine was just set up), the running check's result is dropped
        and the configured engine is checked once that one ends.
        """
        if self._check_task is not None:
            self._recheck = self._check_task.python != engine_location().python
            return
        location = engine_location()
        self.engine_status.setText(translate("LandcoverDock", "Engine: checking {python} ({origin})…").format(
            python=location.python, origin=location.origin))
        self._check_task = EngineCheckTask(location.python, self._engine_checked)
        task_manager().addTask(self._check_task)

    def _engine_checked(self, outcome: TaskOutcome) -> None:
        self._check_task = None
        if self._recheck:  # the result is about an engine no longer configured
            self._recheck = False
            self.check_engine()
            return
        capabilities = outcome.capabilities or EngineCapabilities(message=translate(
                "LandcoverDock", "Engine check failed."))
        self.apply_capabilities(capabilities)
        if capabilities.schema_changed:
            self.schemaChanged.emit()
        self.engineChecked.emit()

    def apply_capabilities(self, capabilities: EngineCapabilities) -> None:
        """Shows the engine versions; the form follows the engine's description; enables what the engine offers."""
        self.capabilities = capabilities
        text = describe_versions(capabilities)
        self.engine_status.setText(
            translate("LandcoverDock", "Engine: {versions}").format(versions=text) if capabilities.available else
            translate("LandcoverDock", "Engine not ready: {problem}").format(problem=text))
        if capabilities.schema is not None:
            self.form.apply_schema(capabilities.schema)
            self.accuracy.apply_schema(capabilities.schema)
        self.pseudo_label_button.setEnabled(capabilities.pseudo_label and not self.busy)
        self.pseudo_label_button.setToolTip(
            translate("LandcoverDock", "Make pseudo-labels of the unlabeled layers with the model.")
            if capabilities.pseudo_label
            else translate("LandcoverDock", "Not available: this engine has no 'pseudo-label' command.")
        )
        self.self_train_button.setEnabled(capabilities.self_train and not self.busy)
        self.self_train_button.setToolTip(
            translate("LandcoverDock", "Train in rounds, adding confident predictions on the unlabeled layers.")
            if capabilities.self_train
            else translate("LandcoverDock", "Not available: this engine has no 'self-train' command.")
        )

    # -- jobs ----------------------------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        """True while a job runs."""
        return self._task is not None

    def start_training(self) -> None:
        """Validates the form, asks the engine how long the training will take here, then trains (or asks first)."""
        if not can_estimate(self.form.schema):
            self._start(translate("LandcoverDock", "Training"), self.training_calls, self._training_finished)
            return
        self._start(translate("LandcoverDock", "Estimating the training time"), self.estimate_calls, self._estimated)

    def estimate_calls(self) -> List[EngineCall]:
        """The training's calls, kept for after the estimate, and the estimate's call."""
        calls = self.training_calls()
        schema = self.form.schema
        if not calls or schema is None:
            return []
        self._pending_training = calls
        return [estimate_call(schema, calls[-1])]

    def _estimated(self, outcome: TaskOutcome) -> None:
        calls, self._pending_training = self._pending_training, []
        time = TrainingTime.from_summary(outcome.results[-1].summary)
        if time is None:  # advisory only: train without it
            self.append_log("warning", translate("LandcoverDock", "The engine gave no training-time estimate; "
                                                                  "training without one."))
            self._start(translate("LandcoverDock", "Training"), lambda: calls, self._training_finished)
            return
        self.form.show_estimate(time.text())
        if time.seconds > self.long_training_s:
            quick = self.form.quick_preset_label()
            choice = ask_about_long_training(self, time, quick)
            if choice is LongTrainingChoice.CANCEL:
                self.finish_message(translate("LandcoverDock", "Training not started. {text}").format(
                    text=time.text()), Qgis.MessageLevel.Info)
                return
            if choice is LongTrainingChoice.QUICK_PRESET:
                self.form.use_quick_preset()
                self.finish_message(translate("LandcoverDock", "Settings set to '{quick}': press Train again to "
                                                               "estimate and train.").format(quick=quick),
                                    Qgis.MessageLevel.Info)
                return
        self._start(translate("LandcoverDock", "Training (about {duration})").format(
            duration=duration_text(time.seconds)), lambda: calls, self._training_finished)

    def start_classification(self) -> None:
        """Validates the form and starts classification (and evaluation, with a reference) in the background."""
        self._start(translate("LandcoverDock", "Classifying"), self.classification_calls, self._classification_finished)

    def start_pseudo_labelling(self) -> None:
        """Starts the engine's pseudo-label command, when it has one."""
        self._start(translate("LandcoverDock", "Pseudo-labelling"), self.pseudo_label_calls,
                    self._pseudo_labelling_finished)

    def cancel(self) -> None:
        """Asks the running job to stop; the engine gets a grace period to clean up."""
        if self._task is not None:
            self.show_message(translate("LandcoverDock", "Cancelling…"), Qgis.MessageLevel.Warning)
            self._task.cancel()

    def wait_until_idle(self, timeout_s: float) -> bool:
        """Processes events until no job runs (for scripts and tests). Returns False on timeout."""
        deadline = time.monotonic() + timeout_s
        while (self.busy or self._check_task is not None) and time.monotonic() < deadline:
            QgsApplication.processEvents()
            time.sleep(0.02)
        return not self.busy

    def _start(self, title: str, build_calls: Callable[[], List[EngineCall]],
               on_done: Callable[[TaskOutcome], None]) -> None:
        if self.busy:
            self.show_message(translate("LandcoverDock", "A job is already running: wait for it or cancel it."),
                              Qgis.MessageLevel.Warning)
            return
        self._job_folder = None
        try:
            calls = build_calls()
        except (FormError, LayerExportError, EngineOptionError) as problem:
            self.show_message(str(problem), Qgis.MessageLevel.Warning)
            return
        if not calls:  # the user declined (e.g. to replace a file): nothing started
            return
        self.form.save_to_project()
        self.action_bar.start_job(training=any(call.command in ("train", "self-train") for call in calls))
        self.resume_button.setVisible(False)
        self.show_message(f"{title}…")
        task = EngineTask(translate("LandcoverDock", "landcover: {message}").format(
            message=title.lower()), engine_location().python, calls,
                          lambda outcome: self._job_done(outcome, on_done, calls))
        # The task sets its progress, then sends the message: both reach the bar with the message.
        task.progressMessage.connect(lambda text, epoch, epochs: self.action_bar.show_progress(
            task.progress() / 100, text, (epoch, epochs) if epochs else None))
        task.metricsReceived.connect(self.results.add_metrics)
        task.logReceived.connect(self.append_log)
        self._task = task
        self._set_running(True)
        task_manager().addTask(task)

    def _job_done(self, outcome: TaskOutcome, on_done: Callable[[TaskOutcome], None], calls: List[EngineCall]) -> None:
        self._task = None
        self.last_outcome = outcome
        self._set_running(False)
        failure = outcome.failure
        self.action_bar.end_job(failure is None)
        if failure is None:
            on_done(outcome)
        else:
            remove_if_empty(self._job_folder)  # a failed run leaves no empty result folder behind
            self.resumable_call = calls[-1] if failure.resumable and calls[-1].command == "train" else None
            if failure.cancelled:
                self.finish_message(self._cancel_text(failure), Qgis.MessageLevel.Warning)
            else:
                self.finish_message(f"{failure.kind}: {failure.message}", Qgis.MessageLevel.Critical)
            self.resume_button.setVisible(self.resumable_call is not None)
        self._job_folder = None
        if self._task is None:  # a step that starts the next (an estimate, then the training) is not the end
            self.jobFinished.emit(outcome.ok)

    @staticmethod
    def _cancel_text(failure: EngineFailure) -> str:
        """What a cancelled job left, in the engine's words when it said so."""
        text = failure.message or translate("LandcoverDock", "Cancelled.")
        if failure.resumable:
            # The engine's words stay English; the dock's own advice is translated.
            text = translate("LandcoverDock", "{message} Use Resume to continue it.").format(message=text)
        return text

    def _set_running(self, running: bool) -> None:
        for button in (self.train_button, self.classify_button, self.setup_button):
            button.setEnabled(not running)
        self.pseudo_label_button.setEnabled(not running and self.capabilities.pseudo_label)
        self.self_train_button.setEnabled(not running and self.capabilities.self_train)
        self.cancel_button.setEnabled(running)
        self.accuracy.set_busy(running)

    # -- training ----------------------------------------------------------------------------------------------

    def training_calls(self) -> List[EngineCall]:
        """The engine calls for Train, from the form (none when the user declines to replace the model file).

        Raises:
            FormError, LayerExportError: A choice that cannot run.
        """
        out = self._model_output()
        if out is None:
            return []
        call = self.form.train_request(out).call(self.form.require_schema())
        self.results.clear_training()
        return [call]

    def resume_training(self) -> None:
        """Continues the interrupted training from the checkpoint the engine kept (``--resume``)."""
        call, schema = self.resumable_call, self.form.schema
        if call is None or schema is None:
            return
        resume = engine_args(schema, call.command, {RESUME: True})
        resumed = EngineCall(call.command, call.args if resume[0] in call.args else [*call.args, *resume],
                             translate("LandcoverDock", "Resuming training"), call.prepare)
        self.results.clear_training()
        self._start(translate("LandcoverDock", "Resuming training"), lambda: [resumed], self._training_finished)

    def ensure_output_folder(self) -> Path:
        """The output folder, asking the user once when neither the dock nor the project gives one.

        Raises:
            FormError: No folder was chosen, or it cannot be written.
        """
        if self.form.output_folder_path() is None:
            chosen = QFileDialog.getExistingDirectory(self, translate("LandcoverDock", "Folder for landcover results"))
            if not chosen:
                raise FormError(translate("LandcoverDock", "Choose an output folder for the results (under "
                                                           "'Outputs')."))
            remember_fallback_folder(chosen)
            self.form.output_folder.setFilePath(chosen)
        return self.form.usable_output_folder()

    def _model_output(self) -> Optional[str]:
        """The model file to write: 'Save model as' (after asking before replacing a file), else a fresh name.

        The fresh name says what and when: ``<image>_<architecture>_<date-time>.pt`` in the output folder.
        """
        chosen = self.form.model_out.filePath().strip()
        if chosen:
            path = Path(chosen if chosen.endswith(".pt") else chosen + ".pt")
            if path.exists() and not self.confirm(translate("LandcoverDock", "Replace model?"), translate(
                    "LandcoverDock", "{path} already exists. Replace it?").format(
                                                                                                   path=path)):
                self.show_message(translate("LandcoverDock", "Training not started: {path} was kept.").format(
                    path=path), Qgis.MessageLevel.Info)
                return None
            return str(path)
        image = self.form.image_layer.currentLayer()
        arch = self.form.arch.currentData() if self.form.uses_new_model() else "finetuned"
        stem = "_".join(safe_name(str(part)) for part in (image.name() if image else "model", arch or "model", stamp()))
        return str(fresh_path(self.ensure_output_folder(), stem, ".pt"))

    def _training_finished(self, outcome: TaskOutcome) -> None:
        result = outcome.results[-1]
        self.resumable_call = None
        self.last_model = result.outputs.get("model")
        classes = classes_from_summary(result.summary.get("classes", []))
        self.classes = classes or self.classes
        best = result.summary.get("best_val_miou")
        self.results.show_training(result.outputs)
        self.form.setCurrentIndex(self.results_tab)
        text = (translate("LandcoverDock", "Model saved: {model} (best validation mIoU {miou}). Classes: {classes}.")
                if classes else translate("LandcoverDock", "Model saved: {model} (best validation mIoU {miou})."))
        text = text.format(model=self.last_model, miou=number_text(best),
                           classes=", ".join(c.name for c in classes))
        self.finish_message(text, Qgis.MessageLevel.Success)
        self.describe_model()

    # -- classification -------------------------------------------------------------------------------------------

    def describe_model(self, *_args: object) -> None:
        """Finds out in the background whether the model Classify would use carries a histogram reference."""
        try:
            model = self._models_for_prediction()[0]
        except (FormError, IndexError):
            model = ""
        schema = self.capabilities.schema
        if not model or schema is None or schema.option("predict", HISTMATCH) is None:
            self.form.show_model_reference(None)
            return
        python = engine_location().python

        def look_up() -> None:
            try:
                facts = model_facts(model, python)
            except EngineFailure:
                facts = None
            with contextlib.suppress(RuntimeError):  # the dock is gone
                self.modelDescribed.emit(model, facts)  # delivered on the GUI thread

        threading.Thread(target=look_up, name="landcover-model-info", daemon=True).start()

    def _model_described(self, model: str, facts: Optional[ModelFacts]) -> None:
        try:
            current = self._models_for_prediction()[0]
        except (FormError, IndexError):
            current = ""
        if current == model:
            self.form.show_model_reference(facts)

    def _models_for_prediction(self) -> List[str]:
        if self.form.uses_new_model():
            if not self.last_model or not Path(self.last_model).is_file():
                raise FormError(translate("LandcoverDock", "Train a model first, or choose 'Existing model file(s)'."))
            return [self.last_model]
        models = self.form.model_paths()
        if not models:
            raise FormError(translate("LandcoverDock", "Choose one or more model files to classify with."))
        return models

    def classification_calls(self) -> List[EngineCall]:
        """The engine calls for Classify (predict, then evaluate with a reference).

        Raises:
            FormError: A choice in the form cannot run.
            LayerExportError: An input layer cannot be handed to the engine.
        """
        models = self._models_for_prediction()
        folder = self._result_folder(self._name_of_result(models))
        canvas = self.iface.mapCanvas() if self.iface is not None else None
        request = self.form.predict_request(models, folder, canvas)
        evaluation = self.form.evaluation_request(request.out, folder / "evaluation.json")
        folder.mkdir(parents=True, exist_ok=True)
        self.results.clear_evaluation()
        schema = self.form.require_schema()
        return [request.call(schema)] + ([evaluation.call(schema)] if evaluation is not None else [])

    def _result_folder(self, name: str) -> Path:
        """A new folder for the job's result in the output folder; the result's layers are named after it.

        A name already taken (two runs in one second) gets a number, in the folder and in the layer names.
        The folder is removed again if the job fails and leaves it empty.
        """
        stem = safe_name(name.replace(" ", "_"), 80)
        folder = fresh_path(self.ensure_output_folder(), stem)
        number = folder.name[len(stem) + 1:]
        self._result_name = f"{name} ({number})" if number else name
        self._job_folder = folder
        return folder

    def _name_of_result(self, models: Sequence[str]) -> str:
        """``<image> <model> <date-time>``: which model made the result, and when (an ensemble: its first model +N).

        The image is left out when the model's own name starts with it (the dock's model names do).
        """
        image = self.form.image_layer.currentLayer()
        model = Path(models[0]).stem + (f"+{len(models) - 1}" if len(models) > 1 else "")
        image_name = image.name() if image else ""
        if image_name and model.startswith(safe_name(image_name)):
            image_name = ""
        return " ".join(part for part in (image_name, model, stamp()) if part)

    def _classification_finished(self, outcome: TaskOutcome) -> None:
        prediction = outcome.results[0]
        classes = classes_from_summary(prediction.summary.get("classes", [])) or self.classes
        layers = load_prediction_layers(prediction.outputs, classes, self._result_name)
        if not layers:
            self.finish_message(
                translate("LandcoverDock", "The engine reported outputs QGIS cannot open: {outputs}").format(
                    outputs=prediction.outputs
                ),
                Qgis.MessageLevel.Critical,
            )
            return
        earlier = [layer_id for layer_id in self.result_layer_ids if current_project().mapLayer(layer_id)]
        self.result_layer_ids = add_result_layers(layers)
        self.previous_result_ids = earlier
        self.remove_previous_button.setVisible(bool(earlier))
        self.uncertainty_layer_id = next((layer.id() for layer in layers if layer.name().endswith("uncertainty")),
                                         None)
        self.results.show_areas(prediction.summary, classes, prediction.outputs.get("uncertainty"))
        self.accuracy.set_class_map(prediction.outputs.get("classes"))
        self.form.setCurrentIndex(self.results_tab)
        if len(outcome.results) > 1:
            self.show_evaluation(outcome.results[1].summary, outcome.results[1].outputs)
        text = (translate("LandcoverDock", "Classified: '{name}' added at the top of the 'landcover' group "
                                           "({count} layers). The previous result is still below it.") if earlier else
                translate("LandcoverDock", "Classified: '{name}' added at the top of the 'landcover' group "
                                           "({count} layers)."))
        self.finish_message(text.format(name=self._result_name, count=len(layers)), Qgis.MessageLevel.Success)

    def zoom_to_uncertainty(self) -> None:
        """Zooms the map to the part of the newest result where the model is least sure (where to label next)."""
        layer = current_project().mapLayer(self.uncertainty_layer_id or "")
        if not isinstance(layer, QgsRasterLayer):
            self.show_message(translate("LandcoverDock", "The uncertainty layer of the newest result is no longer in "
                                                         "the project."),
                              Qgis.MessageLevel.Warning)
            return
        extent = most_uncertain_extent(layer)
        canvas = self.iface.mapCanvas() if self.iface is not None else None
        if extent is None or canvas is None:
            return
        canvas.setExtent(canvas.mapSettings().layerExtentToOutputExtent(layer, extent))
        canvas.refresh()

    def remove_previous_result(self) -> None:
        """Removes the layers of the classification before the newest one (the files stay on disk)."""
        present = [layer_id for layer_id in self.previous_result_ids if current_project().mapLayer(layer_id)]
        current_project().removeMapLayers(present)
        self.previous_result_ids = []
        self.remove_previous_button.setVisible(False)

    def show_evaluation(self, summary: Dict, outputs: Optional[Dict] = None) -> None:
        """Shows an ``evaluate`` result in the Results tab; classes never right (IoU 0) are also warned about."""
        never_right = self.results.show_evaluation(summary, outputs or {})
        if never_right:
            self.message.warn(
                translate("LandcoverDock", "The map never gets {names} right on the reference (IoU 0).").format(
                    names=", ".join(never_right)
                )
            )

    # -- pseudo-labels -------------------------------------------------------------------------------------------

    def pseudo_label_calls(self) -> List[EngineCall]:
        """The engine call for Pseudo-label. Raises FormError/LayerExportError."""
        if not self.capabilities.pseudo_label:
            raise FormError(translate("LandcoverDock", "This engine has no 'pseudo-label' command."))
        models = self._models_for_prediction()
        out = self._result_folder(f"pseudo-labels {Path(models[0]).stem} {stamp()}")
        return [self.form.pseudo_label_request(models, str(out)).call(self.form.require_schema())]

    def _pseudo_labelling_finished(self, outcome: TaskOutcome) -> None:
        result = outcome.results[-1]
        kept = result.summary.get("kept")
        kept = kept if isinstance(kept, dict) else {}
        total = sum(int(n) for n in kept.values() if isinstance(n, (int, float)))
        if kept and total == 0:
            self.finish_message(translate("LandcoverDock", "No pseudo-labels: no predicted pixel reached the "
                                                           "confidence threshold, so no layer was added. Lower the "
                                                           "threshold or train the model further."),
                                Qgis.MessageLevel.Warning)
            return
        classes = classes_from_summary(result.summary.get("classes", [])) or self.classes
        rasters = [path for value in result.outputs.values() for path in (value if isinstance(value, list) else [value])
                   if isinstance(path, str) and path.lower().endswith((".tif", ".tiff"))]
        layers = [layer for index, path in enumerate(rasters)
                  for layer in load_prediction_layers({"classes": path}, classes, f"{self._result_name} {index + 1}")]
        add_result_layers(layers)
        counts = ", ".join(f"{name} {int(n)} px" for name, n in kept.items())
        self.finish_message(translate("LandcoverDock", "Pseudo-labels added: {count} layer(s)").format(
            count=len(layers)) + (f" ({counts})." if counts else "."),
                            Qgis.MessageLevel.Success)

    # -- self-training --------------------------------------------------------------------------------------------

    def start_self_training(self) -> None:
        """Validates the form and starts self-training in the background (it ends like training)."""
        self._start(translate("LandcoverDock", "Self-training"), self.self_training_calls, self._training_finished)

    def self_training_calls(self) -> List[EngineCall]:
        """The engine call for Self-train; its per-round metrics fill the metrics table live."""
        if not self.capabilities.self_train:
            raise FormError(translate("LandcoverDock", "This engine has no 'self-train' command."))
        out = self._model_output()
        if out is None:  # the user kept an existing model file: nothing starts
            return []
        call = self.form.self_train_request(out).call(self.form.require_schema())
        self.results.clear_training()
        return [call]

    # -- project memory -------------------------------------------------------------------------------------------

    def _on_project_read(self, *_args: object) -> None:
        self.form.restore_from_project()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Saves the form's choices into the project, then closes."""
        self.form.save_to_project()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Cancels running work and disconnects from the project (plugin unload)."""
        self.form.self_training.shutdown()
        self.accuracy.shutdown()
        with contextlib.suppress(TypeError):
            current_project().readProject.disconnect(self._on_project_read)
        for task in (self._task, self._check_task):
            if task is not None:
                task.on_finished = lambda outcome: None  # this dock is going away
                task.cancel()
        self._task = self._check_task = None
