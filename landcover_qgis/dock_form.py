"""The dock's input form: layers, labels, classes and model choices, turned into engine requests.

The form only builds widgets, reads them and remembers them per project; running things is the
job of :mod:`landcover_qgis.dock`.
"""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

from qgis.core import QgsMapLayerProxyModel, QgsRasterLayer, QgsVectorLayer
from qgis.gui import QgsCheckableComboBox, QgsFieldComboBox, QgsFileWidget, QgsMapLayerComboBox
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from landcover_qgis.engine_commands import ARCHITECTURES, EngineCapabilities
from landcover_qgis.settings import read_project_value, write_project_value

LABELS_FROM_POLYGONS = "Polygon layer + class field"
LABELS_FROM_RASTER = "Label raster"
SCHEME_FROM_LABELS = "From label values"
SCHEME_DEEPGLOBE = "DeepGlobe preset"
SCHEME_FROM_MODEL = "From the loaded model"
MODEL_NEW = "New model"
MODEL_EXISTING = "Existing model file(s)"
WEIGHTS_FILE = "file"
EXTENT_CANVAS = "Current map view"
EXTENT_LAYER = "Whole layer"


class FormError(Exception):
    """A choice in the form that cannot run; the message is shown in the panel."""


def _spin(minimum: int, maximum: int, value: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(minimum, maximum)
    box.setValue(value)
    return box


def _combo(items) -> QComboBox:
    box = QComboBox()
    box.addItems(list(items))
    return box


class DockForm(QWidget):
    """Input widgets of the landcover panel."""

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._build_image_group())
        layout.addWidget(self._build_labels_group())
        layout.addWidget(self._build_model_group())
        layout.addWidget(self._build_classify_group())
        self._update_visibility()

    # -- construction -----------------------------------------------------------------------------------

    def _build_image_group(self) -> QGroupBox:
        group = QGroupBox("Image")
        form = QFormLayout(group)
        self.image_layer = QgsMapLayerComboBox()
        self.image_layer.setFilters(QgsMapLayerProxyModel.RasterLayer)
        self.image_layer.setAllowEmptyLayer(True)
        self.bands = QgsCheckableComboBox()
        self.bands.setToolTip("Bands fed to the model (passed as --bands).")
        self.match_reference = QgsMapLayerComboBox()
        self.match_reference.setFilters(QgsMapLayerProxyModel.RasterLayer)
        self.match_reference.setAllowEmptyLayer(True)
        form.addRow("Raster layer", self.image_layer)
        form.addRow("Bands", self.bands)
        form.addRow("Histogram reference", self.match_reference)
        self.image_layer.layerChanged.connect(self._fill_bands)
        return group

    def _build_labels_group(self) -> QGroupBox:
        group = QGroupBox("Labels and classes")
        form = QFormLayout(group)
        self.labels_kind = _combo((LABELS_FROM_POLYGONS, LABELS_FROM_RASTER))
        self.labels_layer = QgsMapLayerComboBox()
        self.labels_layer.setFilters(QgsMapLayerProxyModel.VectorLayer)
        self.labels_layer.setAllowEmptyLayer(True)
        self.class_field = QgsFieldComboBox()
        self.class_field.setAllowEmptyFieldName(True)
        self.selected_only = QCheckBox("Selected features only")
        self.label_raster = QgsMapLayerComboBox()
        self.label_raster.setFilters(QgsMapLayerProxyModel.RasterLayer)
        self.label_raster.setAllowEmptyLayer(True)
        self.scheme = _combo((SCHEME_FROM_LABELS, SCHEME_DEEPGLOBE, SCHEME_FROM_MODEL))
        self.evaluation_layer = QgsMapLayerComboBox()
        self.evaluation_layer.setFilters(QgsMapLayerProxyModel.RasterLayer | QgsMapLayerProxyModel.PolygonLayer)
        self.evaluation_layer.setAllowEmptyLayer(True)
        self.evaluation_layer.setToolTip("Reference for the evaluation table after classifying "
                                         "(a class raster, or polygons with the same class field).")
        form.addRow("Labels from", self.labels_kind)
        form.addRow("Label layer", self.labels_layer)
        form.addRow("Class field", self.class_field)
        form.addRow("", self.selected_only)
        form.addRow("Label raster", self.label_raster)
        form.addRow("Class scheme", self.scheme)
        form.addRow("Evaluate against", self.evaluation_layer)
        self._label_rows = form
        self.labels_kind.currentIndexChanged.connect(self._update_visibility)
        self.labels_layer.layerChanged.connect(lambda layer: self.class_field.setLayer(layer))
        return group

    def _build_model_group(self) -> QGroupBox:
        group = QGroupBox("Model")
        form = QFormLayout(group)
        self.model_mode = _combo((MODEL_NEW, MODEL_EXISTING))
        self.arch = _combo(ARCHITECTURES)
        self.weights = _combo(("none", "imagenet", WEIGHTS_FILE))
        self.weights.setToolTip("Backbone start: none, ImageNet (from torchvision's local cache, never downloaded) or a file.")
        self.weights_file = QgsFileWidget()
        self.weights_file.setFilter("Weights (*.pt *.pth)")
        self.epochs = _spin(1, 10000, 30)
        self.batch_size = _spin(1, 1024, 8)
        self.tile_size = _spin(16, 4096, 256)
        self.tile_size.setSingleStep(32)
        self.samples_per_epoch = _spin(1, 1000000, 512)
        self.samples_per_epoch.setToolTip("Training tiles drawn per epoch.")
        self.lr = QDoubleSpinBox()
        self.lr.setDecimals(6)
        self.lr.setRange(1e-6, 1.0)
        self.lr.setSingleStep(1e-4)
        self.lr.setValue(1e-3)
        self.model_files = QgsFileWidget()
        self.model_files.setStorageMode(QgsFileWidget.GetMultipleFiles)
        self.model_files.setFilter("landcover models (*.pt)")
        self.model_files.setToolTip("One model to apply or fine-tune; several models are applied as an ensemble.")
        self.finetune = QCheckBox("Train fine-tunes the (first) model file")
        self.model_out = QgsFileWidget()
        self.model_out.setStorageMode(QgsFileWidget.SaveFile)
        self.model_out.setFilter("landcover model (*.pt)")
        self.model_out.lineEdit().setPlaceholderText("temporary file")
        for label, widget in (("Model", self.model_mode), ("Architecture", self.arch), ("Weights", self.weights),
                              ("Weights file", self.weights_file), ("Model file(s)", self.model_files),
                              ("", self.finetune), ("Epochs", self.epochs), ("Batch size", self.batch_size),
                              ("Tile size", self.tile_size), ("Tiles per epoch", self.samples_per_epoch), ("Learning rate", self.lr), ("Save model as", self.model_out)):
            form.addRow(label, widget)
        self._model_rows = form
        self.model_mode.currentIndexChanged.connect(self._update_visibility)
        self.weights.currentIndexChanged.connect(self._update_visibility)
        return group

    def _build_classify_group(self) -> QGroupBox:
        group = QGroupBox("Classification")
        form = QFormLayout(group)
        self.extent_mode = _combo((EXTENT_CANVAS, EXTENT_LAYER))
        self.make_polygons = QCheckBox("Also make polygons")
        self.make_polygons.setChecked(True)
        self.make_confidence = QCheckBox("Also make a confidence raster")
        self.make_confidence.setChecked(True)
        form.addRow("Area", self.extent_mode)
        form.addRow("", self.make_polygons)
        form.addRow("", self.make_confidence)
        return group

    def _update_visibility(self) -> None:
        polygons = self.labels_kind.currentText() == LABELS_FROM_POLYGONS
        for widget in (self.labels_layer, self.class_field, self.selected_only):
            self._set_row_visible(self._label_rows, widget, polygons)
        self._set_row_visible(self._label_rows, self.label_raster, not polygons)
        new_model = self.model_mode.currentText() == MODEL_NEW
        for widget in (self.arch, self.weights):
            self._set_row_visible(self._model_rows, widget, new_model)
        self._set_row_visible(self._model_rows, self.weights_file, new_model and self.weights.currentText() == WEIGHTS_FILE)
        self._set_row_visible(self._model_rows, self.model_files, not new_model)
        self._set_row_visible(self._model_rows, self.finetune, not new_model)

    @staticmethod
    def _set_row_visible(form: QFormLayout, field: QWidget, visible: bool) -> None:
        """Shows or hides a form row (Qt 5 has no QFormLayout.setRowVisible)."""
        field.setVisible(visible)
        label = form.labelForField(field)
        if label is not None:
            label.setVisible(visible)

    def _fill_bands(self, layer) -> None:
        """Lists the raster's bands, checking all but alpha bands."""
        self.bands.clear()
        if not isinstance(layer, QgsRasterLayer):
            return
        provider = layer.dataProvider()
        for band in range(1, layer.bandCount() + 1):
            self.bands.addItemWithCheckState(
                layer.bandName(band),
                Qt.Unchecked if provider.colorInterpretation(band) == 6 else Qt.Checked,  # 6 = GDAL alpha band
                band,
            )

    # -- engine capabilities ------------------------------------------------------------------------------

    def apply_capabilities(self, capabilities: EngineCapabilities) -> None:
        """Enables the histogram reference only when the engine's ``train`` offers ``--match-reference``."""
        supported = capabilities.match_reference
        self.match_reference.setEnabled(supported)
        self.match_reference.setToolTip(
            "Raster whose histogram the image is matched to (--match-reference)." if supported else
            "Not available: this engine's 'landcover train' has no --match-reference option.")
        if not supported:
            self.match_reference.setLayer(None)

    # -- reading -----------------------------------------------------------------------------------------

    def image(self) -> QgsRasterLayer:
        """The image layer. Raises FormError when none is chosen."""
        layer = self.image_layer.currentLayer()
        if not isinstance(layer, QgsRasterLayer):
            raise FormError("Choose the image raster layer first.")
        return layer

    def selected_bands(self) -> List[int]:
        """Checked band numbers. Raises FormError when none is checked."""
        bands = [int(b) for b in self.bands.checkedItemsData()]
        if not bands:
            raise FormError("Check at least one band of the image.")
        return sorted(bands)

    def uses_polygon_labels(self) -> bool:
        return self.labels_kind.currentText() == LABELS_FROM_POLYGONS

    def label_layer(self) -> QgsVectorLayer:
        """The polygon label layer. Raises FormError when missing or without class field."""
        layer = self.labels_layer.currentLayer()
        if not isinstance(layer, QgsVectorLayer):
            raise FormError("Choose the label layer (polygons with a class field).")
        if not self.class_field.currentField():
            raise FormError(f"Choose the field of '{layer.name()}' that holds the class of each polygon.")
        return layer

    def label_raster_layer(self) -> QgsRasterLayer:
        layer = self.label_raster.currentLayer()
        if not isinstance(layer, QgsRasterLayer):
            raise FormError("Choose the label raster (class codes, 0/nodata = unlabeled).")
        return layer

    def model_paths(self) -> List[str]:
        """Existing model files chosen in the form (may be empty)."""
        text = self.model_files.filePath()
        paths = QgsFileWidget.splitFilePaths(text) if text else []
        missing = [p for p in paths if not Path(p).is_file()]
        if missing:
            raise FormError(f"Model file not found: {missing[0]}")
        return paths

    def uses_new_model(self) -> bool:
        return self.model_mode.currentText() == MODEL_NEW

    def weights_choice(self) -> str:
        """``none``, ``imagenet`` or the weights file path. Raises FormError for a missing file."""
        choice = self.weights.currentText()
        if choice != WEIGHTS_FILE:
            return choice
        path = self.weights_file.filePath()
        if not path or not Path(path).is_file():
            raise FormError("Choose an existing weights file, or weights 'none'/'imagenet'.")
        return path

    # -- per-project memory --------------------------------------------------------------------------------

    def _persisted(self):
        """(key, getter, setter) for every remembered widget."""
        def layer_entry(combo: QgsMapLayerComboBox):
            from qgis.core import QgsProject

            return (lambda: combo.currentLayer().id() if combo.currentLayer() else "",
                    lambda value: combo.setLayer(QgsProject.instance().mapLayer(value)) if value else None)

        def text_entry(combo: QComboBox):
            return (combo.currentText, lambda value: combo.setCurrentText(value) if value else None)

        def spin_entry(box, cast):
            return (lambda: box.value(), lambda value: box.setValue(cast(value)) if value else None)

        return {
            "image_layer": layer_entry(self.image_layer),
            "labels_layer": layer_entry(self.labels_layer),
            "label_raster": layer_entry(self.label_raster),
            "evaluation_layer": layer_entry(self.evaluation_layer),
            "class_field": (self.class_field.currentField,
                            lambda value: self.class_field.setField(value) if value else None),
            "labels_kind": text_entry(self.labels_kind),
            "scheme": text_entry(self.scheme),
            "model_mode": text_entry(self.model_mode),
            "arch": text_entry(self.arch),
            "weights": text_entry(self.weights),
            "extent_mode": text_entry(self.extent_mode),
            "epochs": spin_entry(self.epochs, int),
            "batch_size": spin_entry(self.batch_size, int),
            "tile_size": spin_entry(self.tile_size, int),
            "samples_per_epoch": spin_entry(self.samples_per_epoch, int),
            "lr": spin_entry(self.lr, float),
            "model_files": (self.model_files.filePath, lambda value: self.model_files.setFilePath(value)),
            "model_out": (self.model_out.filePath, lambda value: self.model_out.setFilePath(value)),
        }

    def save_to_project(self) -> None:
        """Writes the choices into the current project."""
        for key, (getter, _setter) in self._persisted().items():
            write_project_value(key, getter())

    def restore_from_project(self) -> None:
        """Restores the choices stored in the current project (missing entries keep their widget value)."""
        for key, (_getter, setter) in self._persisted().items():
            value = read_project_value(key)
            if value:
                setter(value)
        self._update_visibility()
