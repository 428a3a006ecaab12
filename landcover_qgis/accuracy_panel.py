"""The dock's accuracy workflow: design a sample of the classified map, label it point by point, assess it.

Good practice (Olofsson et al. 2014): a stratified random sample of the map (``landcover sample-design``), the
analyst's reference class for each point (:class:`~landcover_qgis.sample_review.SampleReviewWidget`, in the
panel), then the stratified estimates of accuracy and area (``landcover evaluate --area-adjusted``), shown
beside the map's pixel counts (:class:`~landcover_qgis.area_assessment.AreaAssessmentTable`) and written as an
HTML report beside the engine's JSON. The jobs run like the dock's others, through its ``start_job``: one at
a time, with progress and cancel, and the engine's message in the status line (red) when one fails.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional

from qgis.core import Qgis, QgsVectorLayer
from qgis.gui import QgsCollapsibleGroupBox, QgsMapCanvas, QgsMapLayerComboBox
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import (
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from landcover_qgis.accuracy_commands import (
    MIN_PER_CLASS,
    SAMPLE_DESIGN,
    SEED,
    TARGET_SE,
    TOTAL,
    SampleDesignRequest,
    area_assessment_request,
)
from landcover_qgis.accuracy_sample import (
    SAMPLE_LAYER,
    load_sample,
    project_layer_of,
    remember_sample,
    remembered_sample,
)
from landcover_qgis.area_assessment import AreaAssessmentTable, overall_text
from landcover_qgis.dock_form import FormError
from landcover_qgis.engine_commands import EngineCall
from landcover_qgis.engine_schema import EngineSchema
from landcover_qgis.i18n import Deferred, translate
from landcover_qgis.layer_io import RasterInput, VectorInput, add_result_layers, vector_file, vector_input
from landcover_qgis.option_widgets import OptionSpinBox, panel_form
from landcover_qgis.output_files import fresh_path, safe_name
from landcover_qgis.processing.area_report import area_html
from landcover_qgis.qgis_singletons import current_project
from landcover_qgis.qt_compat import LAYERS_POLYGON
from landcover_qgis.sample_review import SampleReviewWidget
from landcover_qgis.status_line import StatusLine
from landcover_qgis.table_export import write_text
from landcover_qgis.tasks import TaskOutcome

#: The dock's job runner: ``start_job(title, build_calls, on_done)``.
StartJob = Callable[[str, Callable[[], List[EngineCall]], Callable[[TaskOutcome], None]], None]
#: Why nothing can be sampled yet.
NO_MAP = Deferred.translate("AccuracyPanel",
                            "Classify first: the sample is drawn from the classified map (its classes are the strata).")


class AccuracyPanel(QWidget):
    """Design an accuracy sample, review it point by point, assess accuracy and areas.

    Args:
        canvas: The map canvas the review zooms (None: a canvas of its own, for scripts without QGIS's window).
        start_job: The dock's job runner.
        require_schema: The engine's description (raises ``FormError`` before the engine is checked).
        status: The dock's status line.
        table: Where the area-adjusted estimate is shown.
        parent: The parent widget.

    Attributes:
        class_map: The newest classified map (None: no classification yet).
        sample_map: The map the current sample was drawn from (the one it is assessed against).
        sample_path: The current sample's GPKG.
        sample_layer: The current sample's layer while it is in the project.
        review: The point-by-point review of the current sample, while there is one.
    """

    def __init__(self, canvas: Optional[QgsMapCanvas], start_job: StartJob, require_schema: Callable[[], EngineSchema],
                 status: StatusLine, table: AreaAssessmentTable, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.canvas = canvas if canvas is not None else QgsMapCanvas()
        self.start_job, self.require_schema, self.status, self.table = start_job, require_schema, status, table
        self.class_map: Optional[str] = None
        self.sample_map: Optional[str] = None
        self.sample_path: Optional[str] = None
        self.sample_layer: Optional[QgsVectorLayer] = None
        self.sample_layer_id = ""
        self.review: Optional[SampleReviewWidget] = None
        self.busy = False
        self.has_design_command = False
        self._designing: Optional[str] = None
        self._assessing = False
        self._build()
        project = current_project()
        project.layersWillBeRemoved.connect(self._layers_removed)
        project.readProject.connect(self._project_read)
        project.cleared.connect(self._project_cleared)
        self._update()

    # -- layout ---------------------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.target_se = OptionSpinBox(SAMPLE_DESIGN, TARGET_SE)
        self.min_per_class = OptionSpinBox(SAMPLE_DESIGN, MIN_PER_CLASS)
        self.total = OptionSpinBox(SAMPLE_DESIGN, TOTAL)
        self.seed = OptionSpinBox(SAMPLE_DESIGN, SEED)
        self.aoi = QgsMapLayerComboBox()
        self.aoi.setFilters(LAYERS_POLYGON)
        self.aoi.setAllowEmptyLayer(True)
        self.aoi.setLayer(None)
        self.aoi.setToolTip(translate("AccuracyPanel", "Only pixels inside these polygons are sampled and counted "
                                                       "(none: the whole map)."))
        settings = QgsCollapsibleGroupBox(translate("AccuracyPanel", "Sample settings"))
        form = panel_form(settings)
        form.addRow(translate("AccuracyPanel", "Target SE of overall accuracy"), self.target_se)
        form.addRow(translate("AccuracyPanel", "Points per class, at least"), self.min_per_class)
        form.addRow(translate("AccuracyPanel", "Points in all"), self.total)
        form.addRow(translate("AccuracyPanel", "Seed"), self.seed)
        form.addRow(translate("AccuracyPanel", "Area of interest"), self.aoi)
        self.map_label = QLabel()
        self.map_label.setWordWrap(True)
        self.design_button = QPushButton(translate("AccuracyPanel", "Design an accuracy sample…"))
        self.design_button.clicked.connect(self.design_sample)
        self.review_slot = QVBoxLayout()
        self.progress = QLabel()
        self.reopen_button = QPushButton(translate("AccuracyPanel", "Open the sample again"))
        self.reopen_button.clicked.connect(self.reopen_sample)
        self.open_button = QPushButton(translate("AccuracyPanel", "Open a sample…"))
        self.open_button.setToolTip(translate("AccuracyPanel", "Go on labelling or assess a sample designed earlier "
                                                               "(a GPKG from 'Design a sample', with its "
                                                               "NAME.design.json beside it)."))
        self.open_button.clicked.connect(self._choose_sample)
        self.assess_button = QPushButton(translate("AccuracyPanel", "Assess accuracy and areas"))
        self.assess_button.clicked.connect(self.assess)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        design_row = QVBoxLayout()  # stacked: side by side they need more than a 360 px panel
        design_row.addWidget(self.design_button)
        design_row.addWidget(self.open_button)
        for widget in (self.map_label, settings):
            layout.addWidget(widget)
        layout.addLayout(design_row)
        layout.addLayout(self.review_slot)
        for widget in (self.progress, self.reopen_button, self.assess_button):
            layout.addWidget(widget)

    def apply_schema(self, schema: EngineSchema) -> None:
        """Takes the design options' ranges and defaults from the engine; 'Points in all' gets an 'auto' setting."""
        self.has_design_command = schema.has_command(SAMPLE_DESIGN)
        for box in (self.target_se, self.min_per_class, self.total, self.seed):
            box.apply_option(schema.option(SAMPLE_DESIGN, box.dest))
        if self.total.spec is not None:  # below the engine's minimum: no --total, the size comes from the target SE
            self.total.setMinimum(self.total.minimum() - 1)
            self.total.setSpecialValueText(translate("AccuracyPanel", "auto (from the target SE)"))
            self.total.setValue(self.total.minimum())
        self._update()

    def set_class_map(self, path: Optional[str]) -> None:
        """The newest classified map (the dock calls this after Classify); a sample under review keeps its map."""
        self.class_map = path or None
        self._update()

    def set_busy(self, busy: bool) -> None:
        """Disables the actions while any job of the dock runs."""
        self.busy = busy
        self._update()

    def job_finished(self, ok: bool) -> None:
        """The dock's job ended: an assessment that failed leaves no estimate shown (the status line says why)."""
        if self._assessing and not ok:
            self.table.clear(translate("AccuracyPanel", "No estimate: the assessment did not finish (see the status "
                                                        "line); nothing was written."))
        self._assessing = False
        self._designing = None

    def shutdown(self) -> None:
        """Stops following the project (the dock goes away)."""
        project = current_project()
        for signal, slot in ((project.layersWillBeRemoved, self._layers_removed),
                             (project.readProject, self._project_read), (project.cleared, self._project_cleared)):
            with contextlib.suppress(TypeError):  # already disconnected
                signal.disconnect(slot)

    # -- state ----------------------------------------------------------------------------------------------------

    def labelled(self) -> int:
        """How many points of the sample under review have a label (0 without one)."""
        return self.review.labelled_count() if self.review is not None else 0

    def point_count(self) -> int:
        """How many points the sample under review has."""
        return len(self.review.feature_ids) if self.review is not None else 0

    def _update(self) -> None:
        self.map_label.setText(translate("AccuracyPanel", "Map: {name}").format(
            name=Path(self.class_map).name) if self.class_map else translate("AccuracyPanel", NO_MAP))
        self.map_label.setToolTip(self.class_map or "")
        can_design = bool(self.class_map) and self.has_design_command
        self.design_button.setEnabled(can_design and not self.busy)
        self.design_button.setToolTip(
            translate("AccuracyPanel", NO_MAP)
            if not self.class_map
            else translate("AccuracyPanel", "Not available: this engine has no 'sample-design' command.")
            if not self.has_design_command
            else translate(
                "AccuracyPanel",
                "Draws stratified random points of the map (its classes as strata) to label here, one by one."
            )
        )
        labelled, total = self.labelled(), self.point_count()
        self.assess_button.setEnabled(self.review is not None and labelled > 0 and not self.busy)
        self.assess_button.setToolTip(self._assess_hint(labelled, total))
        self.progress.setVisible(self.review is not None)
        other_map = bool(self.sample_map and self.class_map) and \
            Path(str(self.sample_map)).resolve() != Path(str(self.class_map)).resolve()
        # A sample is assessed against the map it came from.
        self.progress.setText(
            translate("AccuracyPanel", "{labelled} / {total} labelled (a sample of {map})").format(
                labelled=labelled, total=total, map=Path(str(self.sample_map)).name) if other_map else
            translate("AccuracyPanel", "{labelled} / {total} labelled").format(labelled=labelled, total=total))
        self.reopen_button.setVisible(self.review is None and bool(self.sample_path)
                                      and Path(str(self.sample_path)).is_file())

    def _assess_hint(self, labelled: int, total: int) -> str:
        if self.review is None:
            return translate("AccuracyPanel", "Design an accuracy sample and label its points first.")
        if labelled == 0:
            return translate("AccuracyPanel", "Label the sample's points first: set each point's reference class "
                                              "above.")
        if labelled < total:
            return translate(
                "AccuracyPanel",
                "{missing} of {total} points have no label yet: the engine skips them "
                "(a class with fewer than 2 labelled points gets no standard error)."
            ).format(missing=total - labelled, total=total)
        return translate("AccuracyPanel", "Every point is labelled: estimate the accuracy and the area of each class.")

    # -- designing ------------------------------------------------------------------------------------------------

    def design_sample(self) -> None:
        """Draws a sample of the newest classified map in the background, then opens it for review."""
        self.start_job(translate("AccuracyPanel", "Designing an accuracy sample"), self.design_calls, self._designed)

    def design_calls(self) -> List[EngineCall]:
        """The ``sample-design`` call for the newest map, the sample written beside it.

        Raises:
            FormError: No classified map, or it is gone.
            LayerExportError: The area-of-interest layer cannot be handed to the engine.
        """
        if not self.class_map:
            raise FormError(translate("AccuracyPanel", NO_MAP))
        if not Path(self.class_map).is_file():
            raise FormError(translate("AccuracyPanel", "The classified map {class_map} no longer exists: classify "
                                                       "again.").format(class_map=self.class_map))
        total = self.total.option_value()
        settings: Dict[str, object] = {TARGET_SE: self.target_se.option_value(),
                                       MIN_PER_CLASS: self.min_per_class.option_value(),
                                       TOTAL: None if self.total.value() == self.total.minimum() else total,
                                       SEED: self.seed.option_value()}
        mask = self._area_of_interest()
        folder, stem = Path(self.class_map).parent, safe_name(Path(self.class_map).stem, 60)
        out = fresh_path(folder, f"{stem}_sample", ".gpkg")
        call = SampleDesignRequest(RasterInput(self.class_map), str(out), mask, settings).call(self.require_schema())
        self._designing = self.class_map
        return [call]

    def _area_of_interest(self) -> Optional[VectorInput]:
        """The area-of-interest file, or None for the whole map.

        Raises:
            FormError: The layer is not a plain file: the design keeps its path and the assessment reads it again,
                so a temporary copy would not do.
        """
        layer = self.aoi.currentLayer()
        if not isinstance(layer, QgsVectorLayer):
            return None
        mask = vector_file(layer)
        if mask is None:
            raise FormError(
                translate(
                    "AccuracyPanel",
                    "The area of interest '{name}' is not a file layer (or is "
                    "filtered): save it as a GeoPackage and choose that, since "
                    "the assessment reads it again where the sample was drawn."
                ).format(name=layer.name())
            )
        return mask

    def _designed(self, outcome: TaskOutcome) -> None:
        result = outcome.results[-1]
        path = str(result.outputs.get("gpkg") or "")
        try:
            layer = self.open_sample(path, self._designing or str(self.class_map))
        except FormError as problem:
            self.status.finish(str(problem), Qgis.MessageLevel.Critical)
            return
        self.status.finish(
            translate(
                "AccuracyPanel",
                "Accuracy sample: {count} points added as '{name}'. Set "
                "each point's reference class below, then assess accuracy and "
                "areas."
            ).format(count=layer.featureCount(), name=layer.name()),
            Qgis.MessageLevel.Success,
        )

    def open_sample(self, path: str, class_map: Optional[str] = None) -> QgsVectorLayer:
        """Adds a sample GPKG to the project, styled and with its class names on ``reference``, and reviews it.

        Args:
            path: The sample (from ``sample-design``).
            class_map: The map it was drawn from; default: the one its design (``NAME.design.json``) names.

        Raises:
            FormError: QGIS cannot open it, or its map is unknown or gone.
        """
        layer, class_map = load_sample(path, class_map)
        add_result_layers([layer])
        self._review(layer, path, class_map)
        return layer

    def _review(self, layer: QgsVectorLayer, path: str, class_map: str) -> None:
        """Reviews a sample layer of the project; the project remembers it (a saved project goes on with it)."""
        self._close_review()
        self.sample_layer, self.sample_layer_id = layer, layer.id()
        self.sample_path, self.sample_map = path, class_map
        remember_sample(path, class_map)
        self.review = SampleReviewWidget(self.canvas, layer, parent=self)  # gives 'reference' its value map
        self.review.labelChanged.connect(self._labels_changed)
        layer.attributeValueChanged.connect(self._labels_changed)  # edits in the attribute table
        layer.afterCommitChanges.connect(self._labels_changed)
        self.review_slot.addWidget(self.review)
        self._update()

    def _project_read(self, *_args: object) -> None:
        """Goes on with the sample the project was reviewing: its layer when the project holds it, else offers it."""
        path, class_map = remembered_sample()
        if not path:
            return
        self.sample_path, self.sample_map = path, class_map or None
        layer = project_layer_of(path)
        if layer is not None and class_map:
            self._review(layer, path, class_map)
        self._update()

    def _project_cleared(self) -> None:
        """A new or another project: no sample, no estimate."""
        self._close_review()
        self.sample_path = self.sample_map = None
        self.table.clear()
        self._update()

    def reopen_sample(self) -> None:
        """Adds the sample again after its layer was removed (its labels are in its file)."""
        if self.sample_path:
            self.open_sample_file(self.sample_path, self.sample_map)

    def _choose_sample(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            translate("AccuracyPanel", "Open an accuracy sample"),
            "",
            translate("AccuracyPanel", "GeoPackage (*.gpkg)"),
        )
        if path:
            self.open_sample_file(path, None)

    def open_sample_file(self, path: str, class_map: Optional[str] = None) -> None:
        """Opens a sample for review ('Open a sample…'); the status line says how far its labelling is, or why not.

        See :meth:`open_sample`.
        """
        try:
            layer = self.open_sample(path, class_map)
        except FormError as problem:
            self.status.report(str(problem), Qgis.MessageLevel.Warning)
            return
        self.status.report(
            translate(
                "AccuracyPanel",
                "Sample '{name}' opened: {labelled} / {total} labelled; it is assessed against {sample_map}."
            ).format(name=layer.name(), labelled=self.labelled(), total=self.point_count(), sample_map=self.sample_map)
        )

    def _labels_changed(self, *_args: Any) -> None:
        self._update()

    def _layers_removed(self, layer_ids: List[str]) -> None:
        if self.review is None or self.sample_layer_id not in layer_ids:
            return
        name = self.sample_layer.name() if self.sample_layer is not None else SAMPLE_LAYER
        self._close_review()
        # Said once the removal is over: a project being closed removes every layer, then forgets the sample.
        QTimer.singleShot(0, lambda: self._say_removed(name))

    def _say_removed(self, name: str) -> None:
        with contextlib.suppress(RuntimeError):  # the panel is gone
            if self.sample_path and self.review is None:
                self.status.report(
                    translate(
                        "AccuracyPanel",
                        "The sample layer '{name}' was removed from the "
                        "project. The labels set so far are saved in "
                        "{sample_path}: 'Open the sample again' to go on."
                    ).format(name=name, sample_path=self.sample_path),
                    Qgis.MessageLevel.Warning,
                )

    def _close_review(self) -> None:
        if self.review is not None:
            self.review_slot.removeWidget(self.review)
            self.review.deleteLater()
        self.review, self.sample_layer, self.sample_layer_id = None, None, ""
        self._update()

    # -- assessing ------------------------------------------------------------------------------------------------

    def assess(self) -> None:
        """Runs the area-adjusted assessment of the labelled sample; asks first while points lack a label."""
        labelled, total = self.labelled(), self.point_count()
        if 0 < labelled < total and not self._assess_partial(total - labelled, total):
            self.status.report(translate("AccuracyPanel", "Assessment not started: {missing} of {total} points still "
                                                          "to label.").format(missing=total - labelled, total=total))
            return
        self.start_job(translate("AccuracyPanel", "Assessing accuracy and areas"), self.assessment_calls,
                       self._assessed)

    def _assess_partial(self, missing: int, total: int) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, translate("AccuracyPanel", "Points without a label"),
                          translate("AccuracyPanel", "{missing} of {total} sample points have no reference label "
                                                     "yet. The engine skips them and says so; a class with fewer "
                                                     "than 2 labelled points gets no standard error, one with none "
                                                     "no estimate at all.").format(
                                                         missing=missing, total=total), parent=self)
        go = box.addButton(translate("AccuracyPanel", "Assess anyway"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(translate("AccuracyPanel", "Keep labelling"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is go

    def assessment_calls(self) -> List[EngineCall]:
        """The ``evaluate --area-adjusted`` call of the sample under review against the map it was drawn from.

        Raises:
            FormError: No sample in the project, unsaved edits, or no label yet.
        """
        layer = self.sample_layer
        if layer is None or self.review is None or not self.sample_path or not self.sample_map:
            raise FormError(translate("AccuracyPanel", "No accuracy sample to assess: design one (or open the sample "
                                                       "again)."))
        if layer.isModified():
            raise FormError(translate("AccuracyPanel", "The sample layer '{name}' has unsaved edits: save them first "
                                                       "(the engine reads {sample_path}).").format(
                                                           name=layer.name(), sample_path=self.sample_path))
        if self.labelled() == 0:
            raise FormError(translate("AccuracyPanel", "No point of the sample has a reference label yet: label the "
                                                       "points first."))
        sample = Path(self.sample_path)
        out_json = fresh_path(sample.parent, f"{sample.stem}_assessment", ".json")
        request = area_assessment_request(self.sample_map, vector_input(layer), str(out_json),
                                          str(out_json.with_suffix(".png")))
        call = request.call(self.require_schema())
        self.table.clear(translate("AccuracyPanel", "Assessing accuracy and areas…"))
        self._assessing = True
        return [call]

    def _assessed(self, outcome: TaskOutcome) -> None:
        result = outcome.results[-1]
        report = str(result.outputs.get("json") or "")
        try:
            area = json.loads(Path(report).read_text(encoding="utf-8"))["area_adjusted"]
        except (OSError, ValueError, KeyError, TypeError) as problem:
            self.table.clear(translate("AccuracyPanel", "No estimate: the engine's report could not be read."))
            self.status.finish(
                translate(
                    "AccuracyPanel",
                    "The engine's report {report} holds no area-adjusted "
                    "estimate ({problem}): update the engine ('Set up "
                    "engine…')."
                ).format(report=report, problem=problem),
                Qgis.MessageLevel.Critical,
            )
            return
        page: Optional[str] = str(Path(report).with_suffix(".html"))
        try:
            write_text(str(page), area_html(area, result.outputs.get("png")))
        except OSError as problem:
            self.status.warn(
                translate("AccuracyPanel", "The HTML report {page} could not be written: {problem}.").format(
                    page=page, problem=problem
                )
            )
            page = None
        self.table.show_area(area, page)
        self.status.finish(translate("AccuracyPanel", "Accuracy and areas assessed. {overall} Report: {report}").format(
            overall=overall_text(area), report=page or report),
                           Qgis.MessageLevel.Success)
