"""Reviewing an accuracy sample point by point: zoom to a point, see its stratum, label it, go on.

:class:`SampleReviewWidget` is a plain ``QWidget``; embed it in the dock (or a dialog) like any widget::

    from landcover_qgis.sample_review import SampleReviewWidget

    review = SampleReviewWidget(iface.mapCanvas(), sample_layer)   # class names: from the sample's design
    review.labelChanged.connect(lambda fid, name: ...)              # e.g. refresh a progress count
    layout.addWidget(review)

It writes each label at once into the layer's ``reference`` field (through the edit buffer when the layer is
being edited, else straight to its file), so the work survives QGIS closing; nothing else needs saving. The
points are visited in ``sample_id`` order (the engine writes them in a random order, so strata are mixed).
"""

from __future__ import annotations

from typing import Dict, List, Optional, Sequence

from qgis.core import (
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureRequest,
    QgsPointXY,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.gui import QgsMapCanvas
from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import QComboBox, QGridLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget

from landcover_qgis.i18n import Deferred, translate
from landcover_qgis.option_widgets import panel_form
from landcover_qgis.qgis_singletons import current_project
from landcover_qgis.qt_compat import NO_GEOMETRY_REQUEST
from landcover_qgis.sample_layer import REFERENCE_FIELD, STRATUM_FIELD, configure_sample_layer, sample_class_names

#: The combo's entry for a point without a label.
NO_LABEL = Deferred.translate("SampleReview", "— not labelled —")
#: The scale points are shown at unless chosen otherwise (1:2000: a few hundred metres across).
DEFAULT_SCALE = 2000


class SampleReviewWidget(QWidget):
    """Steps through the points of a sample layer: zooms the canvas to each, shows its stratum, sets its label.

    Signals:
        currentChanged(int, int): the position (0-based) and feature id of the point now shown.
        labelChanged(int, str): a point's feature id and its new label (``""`` when cleared).

    Args:
        canvas: The map canvas to zoom (e.g. ``iface.mapCanvas()``).
        layer: The sample points (with ``reference``; ``stratum`` and ``sample_id`` when from ``sample-design``).
        class_names: The labels offered; default: the sample's design, else the value map on ``reference``,
            else the strata found (:func:`~landcover_qgis.sample_layer.sample_class_names`).
        scale: The scale denominator points are shown at.
        parent: The parent widget.

    Raises:
        ValueError: The layer has no ``reference`` field.
    """

    currentChanged = pyqtSignal(int, int)
    labelChanged = pyqtSignal(int, str)

    def __init__(self, canvas: QgsMapCanvas, layer: QgsVectorLayer, class_names: Optional[Sequence[str]] = None,
                 scale: int = DEFAULT_SCALE, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.canvas, self.layer = canvas, layer
        self.field_index = layer.fields().indexOf(REFERENCE_FIELD)
        if self.field_index < 0:
            raise ValueError(f"The layer '{layer.name()}' has no '{REFERENCE_FIELD}' field: it is not a sample to "
                             "label (draw one with 'Design a sample').")
        self.class_names: List[str] = configure_sample_layer(
            layer, list(class_names) if class_names is not None else sample_class_names(layer))
        self.feature_ids = self._ordered_ids()
        self.position = -1
        self._build(scale)
        if self.feature_ids:
            self.go_to(0)

    # -- building -------------------------------------------------------------------------------------------------

    def _ordered_ids(self) -> List[int]:
        order = self.layer.fields().indexOf("sample_id")
        features = list(self.layer.getFeatures(QgsFeatureRequest().setFlags(NO_GEOMETRY_REQUEST)))
        if order >= 0:
            features.sort(key=lambda feature: (feature.attribute(order) is None, feature.attribute(order) or 0))
        return [feature.id() for feature in features]

    def _build(self, scale: int) -> None:
        self.status = QLabel()
        self.stratum = QLabel()
        self.label = QComboBox()
        self.label.addItems([translate("SampleReview", NO_LABEL), *self.class_names])
        self.label.activated.connect(self._label_chosen)
        self.scale = QSpinBox()
        self.scale.setRange(100, 10_000_000)
        self.scale.setSingleStep(500)
        self.scale.setPrefix("1:")
        self.scale.setValue(int(scale))
        self.scale.editingFinished.connect(lambda: self.go_to(self.position))
        self.previous_button = QPushButton(translate("SampleReviewWidget", "◀ Previous"))
        self.next_button = QPushButton(translate("SampleReviewWidget", "Next ▶"))
        self.unlabelled_button = QPushButton(translate("SampleReviewWidget", "Next unlabelled"))
        self.previous_button.clicked.connect(self.previous)
        self.next_button.clicked.connect(self.next)
        self.unlabelled_button.clicked.connect(self.next_unlabelled)
        form = panel_form()
        form.addRow(translate("SampleReviewWidget", "Map class (stratum)"), self.stratum)
        form.addRow(translate("SampleReviewWidget", "Reference class"), self.label)
        form.addRow(translate("SampleReviewWidget", "Scale"), self.scale)
        buttons = QGridLayout()  # two rows: three buttons in one need more than a 360 px panel
        buttons.addWidget(self.previous_button, 0, 0)
        buttons.addWidget(self.next_button, 0, 1)
        buttons.addWidget(self.unlabelled_button, 1, 0, 1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addLayout(form)
        layout.addLayout(buttons)

    # -- navigating -----------------------------------------------------------------------------------------------

    def current_feature(self) -> Optional[QgsFeature]:
        """The point shown, or None for an empty sample."""
        if not 0 <= self.position < len(self.feature_ids):
            return None
        return self.layer.getFeature(self.feature_ids[self.position])

    def go_to(self, position: int) -> None:
        """Shows the point at ``position`` (clamped to the sample): zooms, selects it, shows its stratum and label."""
        if not self.feature_ids:
            return
        self.position = max(0, min(position, len(self.feature_ids) - 1))
        feature = self.current_feature()
        if feature is None:
            return
        if feature.hasGeometry():
            point = feature.geometry().asPoint()
            to_canvas = QgsCoordinateTransform(self.layer.crs(), self.canvas.mapSettings().destinationCrs(),
                                               current_project())
            centre = to_canvas.transform(QgsPointXY(point))
            # An extent around the point, then the scale: setCenter does nothing on a canvas with no extent yet.
            self.canvas.setExtent(QgsRectangle(centre.x() - 1, centre.y() - 1, centre.x() + 1, centre.y() + 1))
            self.canvas.zoomScale(self.scale.value())
            self.canvas.refresh()
        self.layer.selectByIds([feature.id()])
        stratum = self.layer.fields().indexOf(STRATUM_FIELD)
        self.stratum.setText(str(feature.attribute(stratum)) if stratum >= 0 else "–")
        current = _text(feature.attribute(self.field_index))
        self.label.setCurrentIndex(max(self.label.findText(current), 0) if current else 0)
        self._update_status()
        self.currentChanged.emit(self.position, feature.id())

    def next(self) -> None:
        """Shows the next point."""
        self.go_to(self.position + 1)

    def previous(self) -> None:
        """Shows the previous point."""
        self.go_to(self.position - 1)

    def next_unlabelled(self) -> None:
        """Shows the next point without a label after the current one (wrapping round); stays when all have one."""
        labels = self.labels()
        count = len(self.feature_ids)
        for step in range(1, count + 1):
            position = (self.position + step) % count
            if not labels.get(self.feature_ids[position]):
                self.go_to(position)
                return

    # -- labelling ------------------------------------------------------------------------------------------------

    def set_label(self, name: str) -> None:
        """Sets the shown point's reference class (``""`` clears it) and writes it to the layer at once."""
        feature = self.current_feature()
        if feature is None:
            return
        value = name or None
        if self.layer.isEditable():
            self.layer.changeAttributeValue(feature.id(), self.field_index, value)
        else:  # straight to the file: the analyst's work is never left in an unsaved edit buffer
            provider = self.layer.dataProvider()
            if provider is None:  # an invalid layer: nothing can be written
                raise RuntimeError(f"The sample layer '{self.layer.name()}' is invalid: the label cannot be saved.")
            provider.changeAttributeValues({feature.id(): {self.field_index: value}})
            self.layer.triggerRepaint()
        self.label.setCurrentIndex(max(self.label.findText(name), 0) if name else 0)
        self._update_status()
        self.labelChanged.emit(feature.id(), name)

    def labels(self) -> Dict[int, str]:
        """Every point's label by feature id (``""``: none), read in one pass over the layer."""
        request = QgsFeatureRequest().setFlags(NO_GEOMETRY_REQUEST).setSubsetOfAttributes([self.field_index])
        return {feature.id(): _text(feature.attribute(self.field_index)) for feature in self.layer.getFeatures(request)}

    def labelled_count(self) -> int:
        """How many points have a label."""
        return sum(1 for label in self.labels().values() if label)

    def _label_chosen(self, index: int) -> None:
        self.set_label("" if index <= 0 else self.label.itemText(index))

    def _update_status(self) -> None:
        total = len(self.feature_ids)
        self.status.setText(translate("SampleReviewWidget", "Point {number} of {total} — {labelled} labelled").format(
            number=self.position + 1, total=total, labelled=self.labelled_count()))
        self.previous_button.setEnabled(self.position > 0)
        self.next_button.setEnabled(self.position < total - 1)


def _text(value: object) -> str:
    """An attribute as a label: ``""`` for NULL (None, or QGIS's NULL variant) and blanks."""
    return "" if value is None or str(value).strip() in ("", "NULL") else str(value).strip()
