"""The panel's Results section: what a job found, at a glance.

After training, the training curves and the validation scores per epoch; after an evaluation, the scores and
the confusion matrix (the engine's figure, class names on both axes); after classifying, the area of each
class (ha and %) for the classified extent, exportable as CSV, and what the uncertainty layer is for; beside
it, the accuracy sample's workflow (put in :attr:`ResultsPanel.accuracy_slot` by the dock) and the area-adjusted
estimate it gives (:class:`~landcover_qgis.area_assessment.AreaAssessmentTable`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Sequence

from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QPixmap
from qgis.PyQt.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from landcover_qgis.area_assessment import AreaAssessmentTable
from landcover_qgis.class_scheme import LandClass
from landcover_qgis.i18n import Deferred, translate
from landcover_qgis.table_export import export_csv, number_text, write_csv

_METRIC_COLUMNS = ((Deferred.translate("ResultsPanel", "Round"), "round"),
                   (Deferred.translate("ResultsPanel", "Epoch"), "epoch"),
                   (Deferred.translate("ResultsPanel", "Train loss"), "train_loss"),
                   (Deferred.translate("ResultsPanel", "Val loss"), "val_loss"),
                   (Deferred.translate("ResultsPanel", "Val mIoU"), "val_miou"),
                   (Deferred.translate("ResultsPanel", "Never predicted"), "missed_classes"))
_EVALUATION_COLUMNS = (Deferred.translate("ResultsPanel", "Class"), Deferred.translate("ResultsPanel", "IoU"),
                       Deferred.translate("ResultsPanel", "Precision"), Deferred.translate("ResultsPanel", "Recall"),
                       Deferred.translate("ResultsPanel", "F1"))
_AREA_COLUMNS = (Deferred.translate("ResultsPanel", "Class"), Deferred.translate("ResultsPanel", "Area (ha)"),
                 Deferred.translate("ResultsPanel", "Share (%)"))
#: Width of the figures in the panel; the full-size PNG opens from its tooltip path.
FIGURE_WIDTH = 340
UNCERTAINTY_HINT = Deferred.translate("ResultsPanel", "The uncertainty layer is bright where the model hesitates "
                                                     "between classes: draw new label polygons there first, then "
                                                     "train again.")


def class_areas(summary: Mapping[str, Any], classes: Sequence[LandClass]) -> List[Dict[str, Any]]:
    """Rows of (class name, hectares, percent) from a ``predict`` summary's pixel counts and pixel area.

    Args:
        summary: The engine's summary: ``pixels`` by class code and ``pixel_area_m2`` (absent from engines
            that do not report it: then the hectares are None and only the shares are given).
        classes: The class scheme, to name the codes.

    Returns:
        One row per class with pixels, in the scheme's order: ``{"name", "code", "pixels", "hectares", "percent"}``.
    """
    pixels = {str(code): int(count) for code, count in (summary.get("pixels") or {}).items()}
    total = sum(pixels.values())
    area = summary.get("pixel_area_m2")
    names = {str(c.code): c.name for c in classes}
    rows = []
    for code, count in pixels.items():
        if count <= 0:
            continue
        rows.append({"name": names.get(code, f"class {code}"), "code": code, "pixels": count,
                     "hectares": count * float(area) / 10_000 if isinstance(area, (int, float)) else None,
                     "percent": 100.0 * count / total if total else 0.0})
    return rows


#: The columns of the class-area CSV.
AREA_CSV_HEADER = ("class", "code", "pixels", "hectares", "percent")


def area_csv_rows(rows: Sequence[Mapping[str, Any]]) -> List[List[object]]:
    """The class-area table as CSV rows (see :data:`AREA_CSV_HEADER`)."""
    return [[row["name"], row["code"], row["pixels"], "" if row["hectares"] is None else f"{row['hectares']:.4f}",
             f"{row['percent']:.4f}"] for row in rows]


def write_area_csv(rows: Sequence[Mapping[str, Any]], path: str) -> None:
    """Writes the area table as CSV (class, code, pixels, hectares, percent), whole or not at all."""
    write_csv(path, AREA_CSV_HEADER, area_csv_rows(rows))


class ResultsPanel(QWidget):
    """Training metrics and curves, evaluation scores and confusion matrix, area per class, and the log.

    Signals:
        zoomToUncertainty(): The user asked to see the most uncertain part of the newest result.
    """

    zoomToUncertainty = pyqtSignal()

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.metrics_table = self._table([title for title, _key in _METRIC_COLUMNS])
        self.curves = self._figure()
        self.evaluation_summary = QLabel("")
        self.evaluation_summary.setWordWrap(True)
        self.evaluation_table = self._table(list(_EVALUATION_COLUMNS))
        self.confusion = self._figure()
        self.area_table = self._table(list(_AREA_COLUMNS))
        self.area_note = QLabel("")
        self.area_note.setWordWrap(True)
        self.export_areas_button = QPushButton(translate("ResultsPanel", "Export areas as CSV…"))
        self.export_areas_button.clicked.connect(self._export_areas)
        self.uncertainty_hint = QLabel(translate("ResultsPanel", UNCERTAINTY_HINT))
        self.uncertainty_hint.setWordWrap(True)
        self.zoom_button = QPushButton(translate("ResultsPanel", "Zoom to the most uncertain area"))
        self.zoom_button.clicked.connect(self.zoomToUncertainty.emit)
        self.log = QPlainTextEdit()
        self.log.setReadOnly(True)
        self.log.setMaximumBlockCount(2000)
        self.log.setMinimumHeight(80)
        self.area_rows: List[Dict[str, Any]] = []
        export_row = QHBoxLayout()
        export_row.addWidget(self.export_areas_button)
        export_row.addStretch(1)
        for widget in (
            QLabel(translate("ResultsPanel", "<b>Training</b>")),
            self.metrics_table,
            self.curves,
            QLabel(translate("ResultsPanel", "<b>Evaluation</b>")),
            self.evaluation_summary,
            self.evaluation_table,
            self.confusion,
            QLabel(translate("ResultsPanel", "<b>Area per class</b>")),
            self.area_table,
            self.area_note,
        ):
            layout.addWidget(widget)
        layout.addLayout(export_row)
        # The estimate from a labelled sample sits right under the pixel counts, so the two can be compared.
        heading = QLabel(translate("ResultsPanel", "<b>Accuracy and area from a sample</b>"))
        heading.setWordWrap(True)  # translated, it can be wider than the panel
        layout.addWidget(heading)
        self.accuracy_slot = QVBoxLayout()
        layout.addLayout(self.accuracy_slot)
        self.area_assessment = AreaAssessmentTable()
        layout.addWidget(self.area_assessment)
        log_title = QLabel(translate("ResultsPanel", "<b>Log</b>"))
        for widget in (self.uncertainty_hint, self.zoom_button, log_title, self.log):
            layout.addWidget(widget)
        self.clear_training()
        self.clear_evaluation()
        self.show_areas({}, [], None)

    @staticmethod
    def _table(headers: Sequence[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels([translate("ResultsPanel", header) for header in headers])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        # Fit the panel, no sideways scroll.
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.setMaximumHeight(160)
        return table

    @staticmethod
    def _figure() -> QLabel:
        label = QLabel()
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        label.setVisible(False)
        return label

    @staticmethod
    def _show_figure(label: QLabel, path: Optional[str]) -> bool:
        """Shows a PNG scaled to the panel (its path in the tooltip); hides the label when there is none."""
        pixmap = QPixmap(path) if path and Path(path).is_file() else QPixmap()
        if pixmap.isNull():
            label.clear()
            label.setVisible(False)
            return False
        width = min(FIGURE_WIDTH, pixmap.width())
        label.setPixmap(pixmap.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation))
        label.setToolTip(path)
        label.setVisible(True)
        return True

    # -- training -------------------------------------------------------------------------------------------

    def clear_training(self) -> None:
        """Empties the metrics table and the curves (a new training starts)."""
        self.metrics_table.setRowCount(0)
        self.metrics_table.setColumnHidden(0, True)  # the round column only for self-training
        self._show_figure(self.curves, None)

    def add_metrics(self, metrics: Mapping[str, Any]) -> None:
        """Adds an epoch's (or a self-training round's) scores."""
        row = self.metrics_table.rowCount()
        self.metrics_table.insertRow(row)
        if metrics.get("round") is not None:
            self.metrics_table.setColumnHidden(0, False)
        for column, (_title, key) in enumerate(_METRIC_COLUMNS):
            value = metrics.get(key)
            if key == "missed_classes":  # labelled classes the model never predicts on validation (IoU 0)
                text = ", ".join(str(name) for name in value or [])
            elif key in ("epoch", "round"):
                text = "" if value is None else str(value)
            else:
                text = number_text(value)
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            self.metrics_table.setItem(row, column, item)
        self.metrics_table.scrollToBottom()

    def show_training(self, outputs: Mapping[str, Any]) -> None:
        """Shows the training curves the engine drew."""
        self._show_figure(self.curves, outputs.get("curves"))

    # -- evaluation -----------------------------------------------------------------------------------------

    def clear_evaluation(self) -> None:
        """Empties the evaluation (a new classification starts)."""
        self.evaluation_table.setRowCount(0)
        self.evaluation_summary.setText(translate("ResultsPanel", "No evaluation yet: choose 'Evaluate against' "
                                                                  "before Classify."))
        self._show_figure(self.confusion, None)

    def show_evaluation(self, summary: Mapping[str, Any], outputs: Mapping[str, Any]) -> List[str]:
        """Fills the scores and the confusion matrix; returns the classes the map never gets right (IoU 0)."""
        rows = summary.get("per_class") or []
        lines = [translate("ResultsPanel", "Overall accuracy {accuracy} · mIoU {miou} · kappa {kappa}").format(
            accuracy=number_text(summary.get("overall_accuracy")), miou=number_text(summary.get("miou")),
            kappa=number_text(summary.get("kappa")))]
        matched_by = summary.get("matched_by")
        if matched_by == "name":
            lines.append(translate("ResultsPanel", "Classes compared by name."))
        elif matched_by == "code":
            lines.append(translate("ResultsPanel", "Classes compared by code (the reference names none)."))
        for key, text in (
            ("only_in_reference", translate("ResultsPanel", "Classes only in the reference: {names}.")),
            ("only_in_prediction", translate("ResultsPanel", "Classes never in the reference: {names}.")),
        ):
            names = summary.get(key) or []
            if names:
                lines.append(text.format(names=", ".join(str(n) for n in names)))
        self.evaluation_summary.setText("\n".join(lines))
        self.evaluation_table.setRowCount(len(rows))
        for row, entry in enumerate(rows):
            values = [str(entry.get("name", ""))] + [number_text(entry.get(k)) for k in ("iou", "precision",
                                                                                          "recall", "f1")]
            for column, text in enumerate(values):
                self.evaluation_table.setItem(row, column, QTableWidgetItem(text))
        self._show_figure(self.confusion, outputs.get("png"))
        return [str(entry.get("name")) for entry in rows if entry.get("support") and entry.get("iou") == 0]

    # -- areas ----------------------------------------------------------------------------------------------

    def show_areas(self, summary: Mapping[str, Any], classes: Sequence[LandClass],
                   uncertainty: Optional[str]) -> None:
        """Fills the area table from a ``predict`` summary; shows the uncertainty hint when that layer exists."""
        self.area_rows = class_areas(summary, classes)
        self.area_table.setRowCount(len(self.area_rows))
        for row, entry in enumerate(self.area_rows):
            hectares = entry["hectares"]
            values = (entry["name"], "–" if hectares is None else f"{hectares:,.2f}", f"{entry['percent']:.1f}")
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter))
                self.area_table.setItem(row, column, item)
        note = summary.get("area_note")
        if not self.area_rows:
            note = translate("ResultsPanel", "Classify to see the area of each class.")
        self.area_note.setText(str(note or translate("ResultsPanel", "Pixel counts of the classified extent (nodata "
                                                                      "left out).")))
        self.export_areas_button.setEnabled(bool(self.area_rows))
        self.uncertainty_hint.setVisible(bool(uncertainty))
        self.zoom_button.setVisible(bool(uncertainty))

    def _export_areas(self) -> None:
        export_csv(self, translate("ResultsPanel", "Export the area per class"), "areas.csv", AREA_CSV_HEADER,
                   area_csv_rows(self.area_rows))
