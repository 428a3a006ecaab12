"""The dock's input form: its widgets, their engine-given ranges and choices, and the requests they make.

The form builds widgets, configures them from the engine's description (:meth:`DockForm.apply_schema`),
turns them into engine requests and remembers them per project (as stable ids, not display text);
running things is the job of :mod:`landcover_qgis.dock`.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

from qgis.core import QgsMapLayer, QgsRasterLayer, QgsVectorLayer
from qgis.gui import (
    QgsCheckableComboBox,
    QgsCollapsibleGroupBox,
    QgsFieldComboBox,
    QgsFileWidget,
    QgsMapCanvas,
    QgsMapLayerComboBox,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from landcover_qgis.class_scheme import (
    LandClass,
    SchemeError,
    check_label_values,
    find_scheme_beside,
    load_scheme_file,
)
from landcover_qgis.engine_commands import (
    EvaluateRequest,
    PredictRequest,
    PseudoLabelRequest,
    SelfTrainRequest,
    TrainRequest,
)
from landcover_qgis.engine_options import (
    ARCH,
    DECODER,
    HISTMATCH,
    HISTOGRAM_REFERENCE,
    REFERENCE_CLASSES,
    RESAMPLE,
    RESAMPLE_TO_MODEL,
    TTA,
    UNCERTAINTY,
)
from landcover_qgis.engine_schema import EngineSchema
from landcover_qgis.i18n import Deferred, translate
from landcover_qgis.layer_io import extent_in_layer_crs, layer_file, raster_input, vector_input
from landcover_qgis.model_facts import ModelFacts
from landcover_qgis.option_widgets import Choice, OptionSpinBox, choice_combo, panel_form, select_id, set_choices
from landcover_qgis.output_files import OutputFolderError, default_output_folder, usable_output_folder
from landcover_qgis.qgis_singletons import current_project
from landcover_qgis.qt_compat import LAYERS_POLYGON, LAYERS_RASTER, LAYERS_VECTOR
from landcover_qgis.self_training_form import SelfTrainingGroup
from landcover_qgis.settings import read_project_value, write_project_value

# Stable ids of the form's choices (stored in projects; the display texts may change).
LABELS_POLYGONS, LABELS_RASTER = "polygons", "raster"
SCHEME_LABELS, SCHEME_MODEL = "labels", "model"  # between them: the engine's class presets, by name
SCHEME_FILE = "file"  # the scheme JSON loaded with 'Load scheme…' or found beside the labels
MODEL_NEW, MODEL_EXISTING = "new", "existing"
WEIGHTS_FILE = "file"
EXTENT_CANVAS, EXTENT_LAYER = "canvas", "layer"
#: How a remembered widget is read and set: (getter, setter of the stored text).
_Entry = Tuple[Callable[[], object], Callable[[str], object]]

#: ``train`` options shown as number boxes in the Model group, as (engine option, label). Range, step,
#: default and help come from the engine; this line is all an engine option needs to appear in the dock.
TRAIN_NUMBERS: Tuple[Tuple[str, str], ...] = (
    ("epochs", Deferred.translate("DockForm", "Epochs")),
    ("batch_size", Deferred.translate("DockForm", "Batch size")),
    ("tile_size", Deferred.translate("DockForm", "Tile size")),
    ("samples_per_epoch", Deferred.translate("DockForm", "Tiles per epoch")),
    ("lr", Deferred.translate("DockForm", "Learning rate")),
    ("class_balance", Deferred.translate("DockForm", "Rare-class sampling")),
)

#: The "Custom" choice of the preset combo, and the engine's presets the form picks by default (CPU / GPU).
PRESET_CUSTOM, PRESET_CPU, PRESET_FULL = "custom", "cpu-quick", "full"
#: The number boxes always shown; the others are under "Advanced training settings".
SHOWN_NUMBERS = ("epochs",)

#: Why Train/Classify cannot run before the engine described itself.
ENGINE_NOT_CHECKED = Deferred.translate("DockForm", "The landcover engine has not been checked yet, so its options are "
                                                 "unknown: use 'Set up engine…' to choose or install it.")


class FormError(Exception):
    """A choice in the form that cannot run; the message is shown in the panel."""


def scrolling_page(*widgets: QWidget) -> QScrollArea:
    """A tab page that scrolls vertically and never asks for more width than the panel has."""
    content = QWidget()
    layout = QVBoxLayout(content)
    for widget in widgets:
        layout.addWidget(widget)
    layout.addStretch(1)
    page = QScrollArea()
    page.setWidgetResizable(True)
    page.setFrameShape(QScrollArea.Shape.NoFrame)
    page.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    page.setWidget(content)
    return page


def narrow(combo: QComboBox) -> QComboBox:
    """Lets a combo box be narrower than its longest entry (the panel is 360 px wide)."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(8)
    return combo


class DockForm(QTabWidget):
    """Input widgets of the landcover panel, in the order an analyst walks through them: one tab per step.

    Data (image, labels and classes, output folder) → Model (new or existing, training settings, self-training)
    → Classify; the dock adds a Results tab.
    """

    #: Tab indices.
    DATA, MODEL, CLASSIFY = 0, 1, 2

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        #: The engine's description the widgets follow; None until :meth:`apply_schema`.
        self.schema: Optional[EngineSchema] = None
        self.self_training = SelfTrainingGroup()
        self.self_training.setEnabled(False)
        self.addTab(scrolling_page(self._build_image_group(), self._build_labels_group(),
                                   self._build_outputs_group()), translate("DockForm", "Data"))
        self.addTab(scrolling_page(self._build_model_group(), self.self_training), translate("DockForm", "Model"))
        self.addTab(scrolling_page(self._build_classify_group()), translate("DockForm", "Classify"))
        for combo in self.findChildren(QComboBox):
            narrow(combo)
        self._update_visibility()

    # -- construction -----------------------------------------------------------------------------------

    def _build_image_group(self) -> QGroupBox:
        group = QGroupBox(translate("DockForm", "Image"))
        form = panel_form(group)
        self.image_layer = QgsMapLayerComboBox()
        self.image_layer.setFilters(LAYERS_RASTER)
        self.image_layer.setAllowEmptyLayer(True)
        self.bands = QgsCheckableComboBox()
        self.bands.setToolTip(translate("DockForm", "Bands fed to the model (passed as --bands)."))
        self.histogram_reference = QgsMapLayerComboBox()
        self.histogram_reference.setFilters(LAYERS_RASTER)
        self.histogram_reference.setAllowEmptyLayer(True)
        self.histogram_reference.setEnabled(False)
        form.addRow(translate("DockForm", "Raster layer"), self.image_layer)
        form.addRow(translate("DockForm", "Bands"), self.bands)
        form.addRow(translate("DockForm", "Histogram reference"), self.histogram_reference)
        self.image_layer.layerChanged.connect(self._fill_bands)
        return group

    def _build_labels_group(self) -> QGroupBox:
        group = QGroupBox(translate("DockForm", "Labels and classes"))
        form = panel_form(group)
        self.labels_kind = choice_combo(((LABELS_POLYGONS, translate("DockForm", "Polygon layer + class field")),
                                         (LABELS_RASTER, translate("DockForm", "Label raster"))))
        self.labels_layer = QgsMapLayerComboBox()
        self.labels_layer.setFilters(LAYERS_VECTOR)
        self.labels_layer.setAllowEmptyLayer(True)
        self.class_field = QgsFieldComboBox()
        self.class_field.setAllowEmptyFieldName(True)
        self.selected_only = QCheckBox(translate("DockForm", "Selected features only"))
        self.label_raster = QgsMapLayerComboBox()
        self.label_raster.setFilters(LAYERS_RASTER)
        self.label_raster.setAllowEmptyLayer(True)
        #: The scheme JSON behind the SCHEME_FILE choice, its classes, and whether it was found (not picked).
        self.scheme_file: Optional[str] = None
        self.scheme_classes: List[LandClass] = []
        self._scheme_found = False
        self.scheme = choice_combo(self._scheme_choices())
        self.load_scheme_button = QPushButton(translate("DockForm", "Load scheme…"))
        self.load_scheme_button.setToolTip(translate("DockForm", "A JSON list of {code, name, color}: names and "
                                                                 "colours for the class values of the labels (e.g. "
                                                                 "the scene_classes.json of the demo)."))
        self.load_scheme_button.clicked.connect(self._pick_scheme)
        self.scheme_info = QLabel()
        self.scheme_info.setWordWrap(True)
        self.evaluation_layer = QgsMapLayerComboBox()
        # Any: the stubs describe QGIS >= 3.34 (Qgis.LayerFilters); QGIS 3.22 takes QgsMapLayerProxyModel's filters.
        references: Any = LAYERS_RASTER | LAYERS_POLYGON
        self.evaluation_layer.setFilters(references)
        self.evaluation_layer.setAllowEmptyLayer(True)
        self.evaluation_layer.setToolTip(translate("DockForm", "Reference for the evaluation table after classifying "
                                                               "(a class raster, or polygons with the same class "
                                                               "field)."))
        form.addRow(translate("DockForm", "Labels from"), self.labels_kind)
        form.addRow(translate("DockForm", "Label layer"), self.labels_layer)
        form.addRow(translate("DockForm", "Class field"), self.class_field)
        form.addRow("", self.selected_only)
        form.addRow(translate("DockForm", "Label raster"), self.label_raster)
        form.addRow(translate("DockForm", "Class scheme"), self.scheme)
        form.addRow("", self.load_scheme_button)
        form.addRow("", self.scheme_info)
        form.addRow(translate("DockForm", "Evaluate against"), self.evaluation_layer)
        self._label_rows = form
        self.labels_kind.currentIndexChanged.connect(self._update_visibility)
        self.labels_layer.layerChanged.connect(lambda layer: self.class_field.setLayer(layer))
        self.labels_layer.layerChanged.connect(self._find_scheme)
        self.label_raster.layerChanged.connect(self._find_scheme)
        self.labels_kind.currentIndexChanged.connect(self._find_scheme)
        self.class_field.fieldChanged.connect(self.describe_scheme)
        self.scheme.currentIndexChanged.connect(self.describe_scheme)
        return group

    def _build_outputs_group(self) -> QGroupBox:
        group = QGroupBox(translate("DockForm", "Outputs"))
        form = panel_form(group)
        self.output_folder = QgsFileWidget()
        self.output_folder.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        self.output_folder.setToolTip(translate("DockForm", "Where models, classifications and pseudo-labels are "
                                                            "written (remembered in the project)."))
        _set_placeholder(self.output_folder, self._output_placeholder())
        form.addRow(translate("DockForm", "Output folder"), self.output_folder)
        return group

    @staticmethod
    def _output_placeholder() -> str:
        default = default_output_folder()
        return f"{default}" if default is not None else translate("DockForm", "choose a folder (asked at the first "
                                                                              "run)")

    def _build_model_group(self) -> QGroupBox:
        group = QGroupBox(translate("DockForm", "Model"))
        form = panel_form(group)
        self.model_mode = choice_combo(((MODEL_NEW, translate("DockForm", "New model")), (MODEL_EXISTING, translate(
                "DockForm", "Existing model file(s)"))))
        #: The engine's training presets (filled by apply_schema) and "Custom" once a setting is changed by hand.
        self.preset = choice_combo()
        self.preset.setToolTip(translate("DockForm", "A starting point for the settings below; changing one of them "
                                                     "makes it 'Custom'."))
        self._setting_preset = False
        self.arch = choice_combo()  # filled by apply_schema
        self.decoder = choice_combo()  # filled by apply_schema (engines with a decoder choice)
        self.weights = choice_combo(self._weight_choices())
        self.weights_file = QgsFileWidget()
        self.weights_file.setFilter(translate("DockForm", "Weights (*.pt *.pth)"))
        #: The number boxes of TRAIN_NUMBERS, by engine option.
        self.numbers: Dict[str, OptionSpinBox] = {dest: OptionSpinBox("train", dest) for dest, _label in TRAIN_NUMBERS}
        self.model_files = QgsFileWidget()
        self.model_files.setStorageMode(QgsFileWidget.StorageMode.GetMultipleFiles)
        self.model_files.setFilter(translate("DockForm", "landcover models (*.pt)"))
        self.model_files.setToolTip(translate("DockForm", "One model to apply or fine-tune; several models are "
                                                          "applied as an ensemble."))
        self.finetune = QCheckBox(translate("DockForm", "Train fine-tunes the (first) model file"))
        self.model_out = QgsFileWidget()
        self.model_out.setStorageMode(QgsFileWidget.StorageMode.SaveFile)
        self.model_out.setFilter(translate("DockForm", "landcover model (*.pt)"))
        _set_placeholder(self.model_out, translate("DockForm", "image_architecture_time.pt in the output folder"))
        rows = [
            (translate("DockForm", "Model"), self.model_mode),
            (translate("DockForm", "Preset"), self.preset),
            (translate("DockForm", "Architecture"), self.arch),
            (translate("DockForm", "Decoder"), self.decoder),
            (translate("DockForm", "Weights"), self.weights),
            (translate("DockForm", "Weights file"), self.weights_file),
            (translate("DockForm", "Model file(s)"), self.model_files),
            ("", self.finetune),
        ]
        rows += [(translate("DockForm", label), self.numbers[dest]) for dest, label in TRAIN_NUMBERS
                 if dest in SHOWN_NUMBERS]
        rows.append((translate("DockForm", "Save model as"), self.model_out))
        for label, widget in rows:
            form.addRow(label, widget)
        #: Settings an analyst rarely changes, folded away (their defaults come from the engine).
        self.advanced = QgsCollapsibleGroupBox(translate("DockForm", "Advanced training settings"))
        self.advanced.setCollapsed(True)
        advanced = panel_form(self.advanced)
        for dest, label in TRAIN_NUMBERS:
            if dest not in SHOWN_NUMBERS:
                advanced.addRow(translate("DockForm", label), self.numbers[dest])
        form.addRow(self.advanced)
        self._model_rows = form
        self.model_mode.currentIndexChanged.connect(self._update_visibility)
        self.weights.currentIndexChanged.connect(self._update_visibility)
        self.preset.activated.connect(self.apply_preset)  # the user's pick only, not apply_schema's
        for combo in (self.arch, self.decoder):
            combo.activated.connect(self._setting_changed)
        for box in self.numbers.values():
            box.valueChanged.connect(self._setting_changed)
        #: The newest training-time estimate, in words (empty until Train measured one).
        self.estimate_info = QLabel()
        self.estimate_info.setWordWrap(True)
        form.addRow(self.estimate_info)
        return group

    def _build_classify_group(self) -> QGroupBox:
        group = QGroupBox(translate("DockForm", "Classification"))
        form = panel_form(group)
        self.extent_mode = choice_combo(
            (
                (EXTENT_CANVAS, translate("DockForm", "Current map view")),
                (EXTENT_LAYER, translate("DockForm", "Whole layer")),
            )
        )
        self.make_polygons = QCheckBox(translate("DockForm", "Also make polygons"))
        self.make_polygons.setChecked(True)
        self.make_confidence = QCheckBox(translate("DockForm", "Also make a confidence raster"))
        self.make_confidence.setChecked(True)
        #: Engine options of ``predict`` shown only when the engine has them (see :meth:`_apply_predict_options`).
        self.tta = choice_combo()
        self.make_uncertainty = QCheckBox(translate("DockForm", "Also make an uncertainty raster"))
        self.make_uncertainty.setToolTip(translate("DockForm", "Bright where the model hesitates: where to draw new "
                                                               "labels next."))
        self.histmatch = QCheckBox(translate("DockForm", "Match histograms to the model's reference"))
        self.histmatch.setChecked(True)
        self.resample = QCheckBox(translate("DockForm", "Read at the model's ground resolution"))
        self.model_reference = QLabel()
        self.model_reference.setWordWrap(True)
        form.addRow(translate("DockForm", "Area"), self.extent_mode)
        # Switches span the whole row: under the label column their text was cut in a 360 px panel.
        for switch in (self.make_polygons, self.make_confidence, self.make_uncertainty):
            form.addRow(switch)
        form.addRow(translate("DockForm", "Test-time augmentation"), self.tta)
        form.addRow(self.histmatch)
        form.addRow(self.resample)
        form.addRow(self.model_reference)
        return group

    def _update_visibility(self) -> None:
        polygons = self.uses_polygon_labels()
        for widget in (self.labels_layer, self.class_field, self.selected_only):
            self._set_row_visible(self._label_rows, widget, polygons)
        self._set_row_visible(self._label_rows, self.label_raster, not polygons)
        new_model = self.uses_new_model()
        for widget in (self.preset, self.arch, self.weights):
            self._set_row_visible(self._model_rows, widget, new_model)
        self._set_row_visible(self._model_rows, self.decoder, new_model and self.decoder.count() > 0)
        self._set_row_visible(self._model_rows, self.weights_file,
                              new_model and self.weights.currentData() == WEIGHTS_FILE)
        self._set_row_visible(self._model_rows, self.model_files, not new_model)
        self._set_row_visible(self._model_rows, self.finetune, not new_model)

    @staticmethod
    def _set_row_visible(form: QFormLayout, field: QWidget, visible: bool) -> None:
        """Shows or hides a form row (Qt 5 has no QFormLayout.setRowVisible)."""
        field.setVisible(visible)
        label = form.labelForField(field)
        if label is not None:
            label.setVisible(visible)

    def _fill_bands(self, layer: Optional[QgsMapLayer]) -> None:
        """Lists the raster's bands, checking all but alpha bands."""
        self.bands.clear()
        if not isinstance(layer, QgsRasterLayer):
            return
        provider = layer.dataProvider()
        if provider is None:  # an invalid layer: no bands to offer
            return
        for band in range(1, layer.bandCount() + 1):
            is_alpha = provider.colorInterpretation(band) == 6  # 6 = GDAL alpha band
            self.bands.addItemWithCheckState(
                layer.bandName(band), Qt.CheckState.Unchecked if is_alpha else Qt.CheckState.Checked, band
            )

    # -- class schemes -------------------------------------------------------------------------------------------

    def _pick_scheme(self) -> None:
        start = self.scheme_file or layer_file(self._label_source()) or ""
        path, _filter = QFileDialog.getOpenFileName(
            self,
            translate("DockForm", "Load a class scheme"),
            str(Path(start).parent) if start else "",
            translate("DockForm", "Class schemes (*.json);;All files (*)"),
        )
        if path:
            self.set_scheme_file(path)

    def set_scheme_file(self, path: Optional[str], found: bool = False) -> None:
        """Uses a scheme JSON for the labels (None: none); a bad file is shown under the combo, not used.

        Args:
            path: The JSON file.
            found: True when it was found beside the labels rather than picked by the user.
        """
        classes: List[LandClass] = []
        problem = ""
        if path:
            try:
                classes = load_scheme_file(path)
            except SchemeError as error:
                problem, path = str(error), None
        self.scheme_file, self.scheme_classes, self._scheme_found = path, classes, found and bool(path)
        set_choices(self.scheme, self._scheme_choices())
        if path:
            select_id(self.scheme, SCHEME_FILE)
        self.describe_scheme()
        if problem:
            self._show_scheme_info(problem, error=True)

    def _label_source(self) -> Optional[QgsMapLayer]:
        return self.labels_layer.currentLayer() if self.uses_polygon_labels() else self.label_raster.currentLayer()

    def _find_scheme(self, *_args: object) -> None:
        """Uses the scheme JSON found beside the labels (e.g. ``scene_classes.json``), unless one was picked."""
        if self.scheme_file and not self._scheme_found:
            return  # the user's choice wins
        found = find_scheme_beside(layer_file(self._label_source()) or "")
        if found != self.scheme_file:
            self.set_scheme_file(found, found=True)

    def label_values(self) -> List[object]:
        """The distinct values of the label layer's class field (empty for a label raster or no field)."""
        layer = self.labels_layer.currentLayer()
        field = self.class_field.currentField()
        if not self.uses_polygon_labels() or not isinstance(layer, QgsVectorLayer) or not field:
            return []
        index = layer.fields().indexOf(field)
        return sorted((v for v in layer.uniqueValues(index) if v is not None and str(v) != "NULL"), key=str)

    def scheme_problems(self) -> List[str]:
        """What does not match between the scheme file and the label values (empty: all is well)."""
        if self.scheme.currentData() != SCHEME_FILE or not self.scheme_classes:
            return []
        return check_label_values(self.scheme_classes, self.label_values())

    def describe_scheme(self, *_args: object) -> None:
        """Says which classes the scheme file gives, or why the labels and the scheme do not match."""
        if self.scheme.currentData() == SCHEME_FILE and self.scheme_classes:
            problems = self.scheme_problems()
            if problems:
                self._show_scheme_info(" ".join(problems), error=True)
                return
            listed = ", ".join(f"{c.code} {c.name}" for c in self.scheme_classes)
            info = (translate("DockForm", "{count} classes (found beside the labels): {classes}.") if self._scheme_found
                    else translate("DockForm", "{count} classes: {classes}."))
            self._show_scheme_info(info.format(count=len(self.scheme_classes), classes=listed))
        elif self.scheme.currentData() == SCHEME_LABELS and any(_is_code(v) for v in self.label_values()):
            self._show_scheme_info(translate("DockForm", "The class field holds numbers: without a scheme they are "
                                                         "named 'class N'. Load a scheme to give them names and "
                                                         "colours."))
        else:
            self._show_scheme_info("")

    def _show_scheme_info(self, text: str, error: bool = False) -> None:
        self.scheme_info.setText(text)
        self.scheme_info.setStyleSheet("color: #b00020" if error else "")
        self.scheme_info.setVisible(bool(text))

    def reference_scheme(self, reference: QgsMapLayer) -> Optional[str]:
        """The scheme JSON naming a reference raster's codes: found beside it, else None."""
        return find_scheme_beside(layer_file(reference) or "")

    # -- outputs -------------------------------------------------------------------------------------------------

    def output_folder_path(self) -> Optional[Path]:
        """The chosen output folder, else the default one (beside the project, or picked once); None if neither."""
        chosen = self.output_folder.filePath().strip()
        return Path(chosen) if chosen else default_output_folder()

    def usable_output_folder(self) -> Path:
        """The output folder, created and checked writable.

        Raises:
            FormError: No folder is known yet, or it cannot be written.
        """
        folder = self.output_folder_path()
        if folder is None:
            raise FormError(translate("DockForm", "Choose an output folder for the results (under 'Outputs')."))
        try:
            return usable_output_folder(folder)
        except OutputFolderError as problem:
            raise FormError(str(problem)) from None

    # -- the engine's description ------------------------------------------------------------------------------

    def _scheme_choices(self) -> List[Choice]:
        presets = [(name, f"{name} preset") for name in (self.schema.class_presets if self.schema else {})]
        loaded = [(SCHEME_FILE, translate("DockForm", "{name} (scheme file)").format(
            name=Path(self.scheme_file).name))] if self.scheme_file else []
        return [
            (SCHEME_LABELS, translate("DockForm", "From label values")),
            *loaded,
            *presets,
            (SCHEME_MODEL, translate("DockForm", "From the loaded model")),
        ]

    def _weight_choices(self) -> List[Choice]:
        presets = [(name, name) for name in (self.schema.weights if self.schema else ())]
        return [*presets, (WEIGHTS_FILE, translate("DockForm", "file…"))]

    def apply_schema(self, schema: EngineSchema) -> None:
        """Configures the widgets from the engine's description, keeping the user's choices.

        Number boxes get the engine's ranges, steps and defaults; architecture, weights and class-scheme
        combos the engine's lists; the histogram reference is enabled only when ``train`` has that option.
        Then the choices are re-applied: the project's on the first call (so that a stored value is not
        overwritten by a default), the widgets' own afterwards.
        """
        remembered = self._widget_values() if self.schema is not None else self._project_values()
        self.schema = schema
        set_choices(self.arch, [(arch, arch) for arch in schema.architectures])
        decoder = schema.option("train", DECODER)
        set_choices(self.decoder, [(choice, choice) for choice in (decoder.choices or ())] if decoder else [])
        set_choices(self.weights, self._weight_choices())
        set_choices(self.scheme, self._scheme_choices())
        set_choices(self.preset, [(str(p["name"]), str(p.get("label") or p["name"])) for p in self._presets()]
                    + [(PRESET_CUSTOM, translate("DockForm", "Custom"))])
        for box in self.numbers.values():
            box.apply_option(schema.option(box.command, box.dest))
        for combo, dest in ((self.arch, "arch"), (self.decoder, "decoder"), (self.weights, "weights")):
            spec = schema.option("train", dest)
            if spec is not None and spec.default is not None:
                select_id(combo, str(spec.default))
            combo.setToolTip(spec.help if spec is not None else "")
        self._apply_histogram_reference(schema)
        self._apply_predict_options(schema)
        self.self_training.apply_schema(schema)
        self._apply_values(remembered)
        if not remembered.get("preset"):
            self._choose_first_preset(schema, remembered)
        self._update_visibility()

    # -- training presets --------------------------------------------------------------------------------

    def _presets(self) -> List[Dict[str, object]]:
        """The engine's training presets (``landcover schema``'s ``train_presets``; none from older engines)."""
        presets = self.schema.description.get("train_presets") if self.schema is not None else None
        return [p for p in presets or [] if isinstance(p, dict) and p.get("name")]

    def _choose_first_preset(self, schema: EngineSchema, remembered: Dict[str, str]) -> None:
        """A new project starts from the CPU preset when the engine has no GPU, the full one when it has."""
        names = [str(p["name"]) for p in self._presets()]
        if any(remembered.get(dest) for dest in self.numbers) or not names:
            select_id(self.preset, PRESET_CUSTOM)  # an older project's own settings
            return
        gpu = bool(schema.environment.get("cuda"))
        select_id(self.preset, PRESET_FULL if gpu and PRESET_FULL in names else
                  (PRESET_CPU if PRESET_CPU in names else names[0]))
        self.apply_preset()

    def apply_preset(self, *_args: object) -> None:
        """Sets the architecture and the number boxes to the chosen preset (the engine's default where it says none)."""
        chosen = next((p for p in self._presets() if p["name"] == self.preset.currentData()), None)
        if chosen is None or self.schema is None:
            return
        settings = chosen.get("settings") if isinstance(chosen.get("settings"), dict) else {}
        assert isinstance(settings, dict)
        self._setting_preset = True
        try:
            for combo, dest in ((self.arch, ARCH), (self.decoder, DECODER)):
                spec = self.schema.option("train", dest)
                value = settings.get(dest, spec.default if spec is not None else None)
                if value is not None:
                    select_id(combo, str(value))
            for dest, box in self.numbers.items():
                value = settings.get(dest, box.spec.default if box.spec is not None else None)
                if isinstance(value, (int, float)) and box.spec is not None:
                    box.setValue(float(value))
        finally:
            self._setting_preset = False
        self.preset.setToolTip(str(chosen.get("help") or ""))

    def _setting_changed(self, *_args: object) -> None:
        """A setting changed by hand: the settings are no longer the preset's."""
        if not self._setting_preset and self.preset.count():
            select_id(self.preset, PRESET_CUSTOM)

    def quick_preset_label(self) -> Optional[str]:
        """The label of the engine's quick CPU preset to offer, or None: the engine has none, or it is in use."""
        if self.preset.currentData() == PRESET_CPU:
            return None  # offering it again would change nothing
        return next((str(p.get("label") or p["name"]) for p in self._presets() if p["name"] == PRESET_CPU), None)

    def use_quick_preset(self) -> None:
        """Switches the settings to the quick CPU preset (offered when a training would be long)."""
        if select_id(self.preset, PRESET_CPU):
            self.apply_preset()

    def show_estimate(self, text: str) -> None:
        """Shows the newest training-time estimate under the settings."""
        self.estimate_info.setText(text)

    def _apply_histogram_reference(self, schema: EngineSchema) -> None:
        spec = schema.option("train", HISTOGRAM_REFERENCE)
        self.histogram_reference.setEnabled(spec is not None)
        self.histogram_reference.setToolTip(
            f"{spec.help} ({spec.flag})" if spec is not None else
            translate("DockForm", "Not available: this engine's 'landcover train' has no '{option}' "
                                  "option.").format(option=HISTOGRAM_REFERENCE))
        if spec is None:
            self.histogram_reference.setLayer(None)

    def _apply_predict_options(self, schema: EngineSchema) -> None:
        """TTA, uncertainty, histogram matching and resampling follow ``predict``'s options: absent ones are off."""
        tta = schema.option("predict", TTA)
        set_choices(self.tta, [(choice, choice) for choice in (tta.choices or ())] if tta else [])
        if tta is not None and tta.default is not None:
            select_id(self.tta, str(tta.default))
        for widget, spec in ((self.tta, tta), (self.make_uncertainty, schema.option("predict", UNCERTAINTY)),
                             (self.histmatch, schema.option("predict", HISTMATCH)),
                             (self.resample, schema.option("predict", RESAMPLE))):
            widget.setEnabled(spec is not None)
            widget.setToolTip(f"{spec.help} ({spec.flag})" if spec is not None else
                              translate("DockForm", "Not available: this engine's 'landcover predict' has no such "
                                                    "option."))
        histmatch = schema.option("predict", HISTMATCH)
        if histmatch is not None and histmatch.default is not None:
            self.histmatch.setChecked(bool(histmatch.default))

    def show_model_reference(self, facts: Optional[ModelFacts]) -> None:
        """Says whether the (first) chosen model carries a histogram reference that Classify matches to."""
        reference = facts.histogram_reference if facts is not None else None
        if facts is None:
            self.model_reference.clear()
        elif reference:
            self.model_reference.setText(
                translate(
                    "DockForm",
                    "The model carries a histogram reference ({source}); "
                    "uncheck the box above to feed the image as it is."
                ).format(source=reference.get("source"))
            )
        else:
            self.model_reference.setText(translate("DockForm", "The model carries no histogram reference: images are "
                                                               "used as they are."))

    def predict_settings(self) -> Dict[str, object]:
        """The engine settings of the classification options the engine has (TTA, histogram matching, resampling)."""
        schema = self.require_schema()
        settings: Dict[str, object] = {}
        # Resampling unchecked: no option, the engine's default (the raster as it is).
        for dest, value in ((TTA, self.tta.currentData()), (HISTMATCH, self.histmatch.isChecked()),
                            (RESAMPLE, RESAMPLE_TO_MODEL if self.resample.isChecked() else None)):
            spec = schema.option("predict", dest)
            if spec is not None:
                settings.update(spec.setting(value))
        return settings

    def require_schema(self) -> EngineSchema:
        """The engine's description the form follows.

        Raises:
            FormError: The engine has not been checked yet.
        """
        if self.schema is None:
            raise FormError(translate("DockForm", ENGINE_NOT_CHECKED))
        return self.schema

    # -- reading -----------------------------------------------------------------------------------------

    def image(self) -> QgsRasterLayer:
        """The image layer. Raises FormError when none is chosen."""
        layer = self.image_layer.currentLayer()
        if not isinstance(layer, QgsRasterLayer):
            raise FormError(translate("DockForm", "Choose the image raster layer first."))
        return layer

    def selected_bands(self) -> List[int]:
        """Checked band numbers. Raises FormError when none is checked."""
        bands = [int(b) for b in self.bands.checkedItemsData()]
        if not bands:
            raise FormError(translate("DockForm", "Check at least one band of the image."))
        return sorted(bands)

    def uses_polygon_labels(self) -> bool:
        """Whether the labels are a polygon layer with a class field (else a label raster)."""
        return self.labels_kind.currentData() == LABELS_POLYGONS

    def label_layer(self) -> QgsVectorLayer:
        """The polygon label layer. Raises FormError when missing or without class field."""
        layer = self.labels_layer.currentLayer()
        if not isinstance(layer, QgsVectorLayer):
            raise FormError(translate("DockForm", "Choose the label layer (polygons with a class field)."))
        if not self.class_field.currentField():
            raise FormError(translate("DockForm", "Choose the field of '{name}' that holds the class of each "
                                                  "polygon.").format(name=layer.name()))
        return layer

    def label_raster_layer(self) -> QgsRasterLayer:
        """The label raster. Raises FormError when none is chosen."""
        layer = self.label_raster.currentLayer()
        if not isinstance(layer, QgsRasterLayer):
            raise FormError(translate("DockForm", "Choose the label raster (class codes, 0/nodata = unlabeled)."))
        return layer

    def model_paths(self) -> List[str]:
        """Existing model files chosen in the form (may be empty)."""
        text = self.model_files.filePath()
        paths = QgsFileWidget.splitFilePaths(text) if text else []
        missing = [p for p in paths if not Path(p).is_file()]
        if missing:
            raise FormError(translate("DockForm", "Model file not found: {missing}").format(missing=missing[0]))
        return paths

    def uses_new_model(self) -> bool:
        """Whether a new model is trained (else existing model files are used)."""
        return self.model_mode.currentData() == MODEL_NEW

    def weights_choice(self) -> str:
        """A weights preset of the engine (``none``, ``imagenet``...) or the weights file path.

        Raises:
            FormError: 'file' without an existing file.
        """
        choice = str(self.weights.currentData() or "")
        if choice != WEIGHTS_FILE:
            return choice
        path = self.weights_file.filePath()
        if not path or not Path(path).is_file():
            raise FormError(translate("DockForm", "Choose an existing weights file, or one of the engine's weight "
                                                  "presets."))
        return path

    # -- requests -------------------------------------------------------------------------------------------------

    def train_request(self, out: str) -> TrainRequest:
        """The ``train`` request the form describes, writing the model to ``out``.

        Raises:
            FormError, LayerExportError: A choice that cannot run (or the engine is not checked yet).
        """
        schema = self.require_schema()
        request = TrainRequest(image=raster_input(self.image(), self.selected_bands()), out=out,
                               settings={box.spec.dest: box.option_value() for box in self.numbers.values()
                                         if box.spec is not None})
        if self.uses_polygon_labels():
            request.labels = vector_input(self.label_layer(), self.selected_only.isChecked())
            request.class_field = self.class_field.currentField()
        else:
            request.label_raster = raster_input(self.label_raster_layer())
        if self.uses_new_model():
            request.arch = self.arch.currentData()
            decoder = schema.option("train", DECODER)
            if decoder is not None and self.decoder.currentData():
                request.settings[DECODER] = self.decoder.currentData()
            request.weights = self.weights_choice()
        else:
            models = self.model_paths()
            if not models or not self.finetune.isChecked():
                raise FormError(translate("DockForm", "To train from existing model files, pick a model and check "
                                                      "'Train fine-tunes the (first) model file' — or choose 'New "
                                                      "model'."))
            request.finetune = models[0]
        scheme = self.scheme.currentData()
        if scheme == SCHEME_MODEL and not request.finetune:
            raise FormError(translate("DockForm", "'From the loaded model' needs an existing model file to fine-tune."))
        if scheme in schema.class_presets:
            request.classes = scheme
        elif scheme == SCHEME_FILE and self.scheme_file:
            problems = self.scheme_problems()
            if problems:
                raise FormError(
                    translate("DockForm", "The labels do not match the class scheme {name}: {problems}").format(
                        name=Path(self.scheme_file).name, problems=" ".join(problems)
                    )
                )
            request.classes = self.scheme_file
        reference = self.histogram_reference.currentLayer()
        if isinstance(reference, QgsRasterLayer) and self.histogram_reference.isEnabled():
            request.reference = raster_input(reference)
        problem = request.validate()
        if problem:
            raise FormError(problem)
        return request

    def predict_request(self, models: Sequence[str], folder: Path,
                        canvas: Optional[QgsMapCanvas] = None) -> PredictRequest:
        """The ``predict`` request the form describes, writing into ``folder``.

        Args:
            models: Model files (several: an ensemble).
            folder: Where the class raster, confidence raster and polygons go.
            canvas: The map canvas, for 'Current map view' (None: the whole layer).

        Raises:
            FormError, LayerExportError: A choice that cannot run.
        """
        self.require_schema()
        layer = self.image()
        request = PredictRequest(models=list(models), image=raster_input(layer, self.selected_bands()),
                                 out=str(folder / "classes.tif"), settings=self.predict_settings())
        if self.make_confidence.isChecked():
            request.confidence = str(folder / "confidence.tif")
        if self.make_uncertainty.isChecked() and self.make_uncertainty.isEnabled():
            request.uncertainty = str(folder / "uncertainty.tif")
        if self.make_polygons.isChecked():
            request.vector = str(folder / "polygons.gpkg")
        if self.extent_mode.currentData() == EXTENT_CANVAS and canvas is not None:
            extent = extent_in_layer_crs(canvas.extent(), canvas.mapSettings().destinationCrs(), layer)
            request.extent = (extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum())
        problem = request.validate()
        if problem:
            raise FormError(problem)
        return request

    def evaluation_request(self, prediction: str, out_json: Path) -> Optional[EvaluateRequest]:
        """The ``evaluate`` request against the 'Evaluate against' layer, or None when none is chosen.

        Raises:
            FormError, LayerExportError: The reference polygons lack the class field.
        """
        reference = self.evaluation_layer.currentLayer()
        if isinstance(reference, QgsRasterLayer):
            option = self.schema.option("evaluate", REFERENCE_CLASSES) if self.schema else None
            return EvaluateRequest(prediction, str(out_json), reference_raster=raster_input(reference),
                                   out_png=str(out_json.with_suffix(".png")),
                                   reference_classes=self.reference_scheme(reference) if option else None)
        if isinstance(reference, QgsVectorLayer):
            field = self.class_field.currentField()
            if not field or reference.fields().indexOf(field) < 0:
                raise FormError(translate("DockForm", "The evaluation layer '{name}' needs the class field '{field}' "
                                                      "of the label layer.").format(
                    name=reference.name(), field=field or translate("DockForm", "(none chosen)")))
            return EvaluateRequest(prediction, str(out_json), reference_vector=vector_input(reference),
                                   out_png=str(out_json.with_suffix(".png")), class_field=field)
        return None

    def pseudo_label_request(self, models: Sequence[str], out: str) -> PseudoLabelRequest:
        """The ``pseudo-label`` request for the checked unlabeled layers (none: the image layer) into ``out``.

        Raises:
            FormError, LayerExportError: A choice that cannot run.
        """
        self.require_schema()
        return self.self_training.pseudo_label_request(models, raster_input(self.image()), out)

    def self_train_request(self, out: str) -> SelfTrainRequest:
        """The ``self-train`` request: the training the form describes plus the checked unlabeled layers.

        Raises:
            FormError, LayerExportError: A choice that cannot run, or no unlabeled layer checked.
        """
        request = self.self_training.self_train_request(self.train_request(out))
        if not request.unlabeled:
            raise FormError(translate("DockForm", "Check at least one unlabeled layer for self-training."))
        return request

    # -- per-project memory ------------------------------------------------------------------------------------

    def _persisted(self) -> Dict[str, _Entry]:
        """(getter, setter) of every remembered widget, by project key; combos store ids."""
        def layer_entry(combo: QgsMapLayerComboBox) -> _Entry:
            def layer_id() -> str:
                layer = combo.currentLayer()
                return layer.id() if layer is not None else ""
            return layer_id, lambda value: combo.setLayer(current_project().mapLayer(value))

        def id_entry(combo: QComboBox) -> _Entry:
            return (lambda: combo.currentData() or "", lambda value: select_id(combo, value))

        def number_entry(box: OptionSpinBox) -> _Entry:
            return (box.option_value, lambda value: box.setValue(float(value)) if box.spec is not None else None)

        entries = {
            "image_layer": layer_entry(self.image_layer),
            "labels_layer": layer_entry(self.labels_layer),
            "label_raster": layer_entry(self.label_raster),
            "evaluation_layer": layer_entry(self.evaluation_layer),
            "histogram_reference": layer_entry(self.histogram_reference),
            "class_field": (self.class_field.currentField, self.class_field.setField),
            "labels_kind": id_entry(self.labels_kind),
            "scheme": id_entry(self.scheme),
            "model_mode": id_entry(self.model_mode),
            "preset": id_entry(self.preset),
            "arch": id_entry(self.arch),
            "decoder": id_entry(self.decoder),
            "weights": id_entry(self.weights),
            "extent_mode": id_entry(self.extent_mode),
            "model_files": (self.model_files.filePath, self.model_files.setFilePath),
            "model_out": (self.model_out.filePath, self.model_out.setFilePath),
            "output_folder": (self.output_folder.filePath, self.output_folder.setFilePath),
            "scheme_file": (lambda: self.scheme_file if not self._scheme_found else "", self.set_scheme_file),
        }
        entries.update({dest: number_entry(box) for dest, box in self.numbers.items()})
        return entries

    def _widget_values(self) -> Dict[str, str]:
        return {key: "" if getter() is None else str(getter()) for key, (getter, _setter) in self._persisted().items()}

    def _project_values(self) -> Dict[str, str]:
        return {key: read_project_value(key) for key in self._persisted()}

    def _apply_values(self, values: Dict[str, str]) -> None:
        """Sets the widgets to stored values; empty or missing entries keep the widget's value."""
        entries = self._persisted()
        self._setting_preset = True  # remembered values are no edit by hand (the preset is remembered too)
        try:
            for key, value in values.items():
                if value and key in entries:
                    with contextlib.suppress(ValueError):  # an unreadable stored number keeps the engine's default
                        entries[key][1](value)
        finally:
            self._setting_preset = False

    def save_to_project(self) -> None:
        """Writes the choices into the current project."""
        for key, value in self._widget_values().items():
            write_project_value(key, value)

    def restore_from_project(self) -> None:
        """Restores the choices stored in the current project (missing entries keep their widget value)."""
        self._apply_values(self._project_values())
        _set_placeholder(self.output_folder, self._output_placeholder())
        self._update_visibility()


def _is_code(value: object) -> bool:
    """Whether a class-field value is a number (a class code) rather than a name."""
    return isinstance(value, int) or (isinstance(value, str) and value.strip().isdigit())


def _set_placeholder(widget: QgsFileWidget, text: str) -> None:
    """Sets the grey hint of a file widget's text field (which the stubs type as optional)."""
    line = widget.lineEdit()
    if line is not None:
        line.setPlaceholderText(text)
