"""The Results tab's area-adjusted table: per class its mapped and error-adjusted area, its accuracies.

It shows the ``area_adjusted`` part of the engine's ``evaluate --area-adjusted`` report as the engine wrote it
(Olofsson et al. 2014's stratified estimates): it formats and exports the figures, it never computes them.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any, List, Mapping, Optional, Sequence

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from landcover_qgis.i18n import Deferred, translate
from landcover_qgis.table_export import export_csv, number_text, write_csv

#: The table's columns: a class, its areas, its accuracies.
COLUMNS = (
    Deferred.translate("AreaAssessmentTable", "Class"),
    Deferred.translate("AreaAssessmentTable", "Mapped\n(ha)"),
    Deferred.translate("AreaAssessmentTable", "Adjusted (ha)\n± 95% CI"),
    Deferred.translate("AreaAssessmentTable", "User's acc.\n± SE"),
    Deferred.translate("AreaAssessmentTable", "Producer's\nacc. ± SE"),
)
#: What each column holds, as its header's tooltip.
COLUMN_HINTS = (
    Deferred.translate("AreaAssessmentTable", "The map's class (a stratum of the sample)"),
    Deferred.translate("AreaAssessmentTable", "Area mapped as the class (pixel counting)"),
    Deferred.translate(
        "AreaAssessmentTable",
        "Error-adjusted area estimated from the sample, ± the half-width of its 95% confidence interval"
    ),
    Deferred.translate(
        "AreaAssessmentTable",
        "User's accuracy (how often a pixel mapped as the class is that class) ± its standard error"
    ),
    Deferred.translate(
        "AreaAssessmentTable",
        "Producer's accuracy (how much of the class's true area the map finds) ± its standard error"
    ),
)
#: The per-class keys of the engine's report exported, in the CSV's column order (after ``class``).
CLASS_KEYS = ("n", "mapped_area_ha", "area_ha", "area_se_ha", "area_ci95_ha", "users_accuracy", "users_accuracy_se",
              "producers_accuracy", "producers_accuracy_se")
#: The report's overall keys, filled in the CSV's last row (``class``: :data:`OVERALL_ROW`).
OVERALL_KEYS = ("overall_accuracy", "overall_accuracy_se")
OVERALL_ROW = "overall"
CSV_HEADER = ("class", *CLASS_KEYS, *OVERALL_KEYS)
EMPTY_NOTE = Deferred.translate("AreaAssessmentTable",
                                "No estimate yet: design an accuracy sample of the classified map, label its points, "
                                "then assess accuracy and areas.")


def csv_value(value: Any) -> str:
    """A figure for the CSV in full precision, as Python reads it back (``nan``: undefined; empty: none)."""
    if value is None:
        return ""
    return repr(float(value)) if isinstance(value, float) else str(value)


def csv_rows(area: Mapping[str, Any]) -> List[List[str]]:
    """The CSV's rows: one per class of the report's ``per_class``, then the overall accuracy."""
    rows = [[str(name), *(csv_value(item.get(key)) for key in CLASS_KEYS), "", ""]
            for name, item in (area.get("per_class") or {}).items()]
    rows.append([OVERALL_ROW, *([""] * len(CLASS_KEYS)), *(csv_value(area.get(key)) for key in OVERALL_KEYS)])
    return rows


def plus_minus(value: Any, spread: Any, digits: int, grouping: str = "", joiner: str = " ") -> str:
    """``value ± spread``; the value alone when the spread is undefined (a stratum with fewer than 2 points).

    Args:
        value: The figure.
        spread: Its standard error, or the half-width of its confidence interval.
        digits: Decimals shown.
        grouping: Thousands separator (``","`` for hectares).
        joiner: What comes between the value and ``±`` (a line break: on two lines, in the panel's narrow table).
    """
    text = number_text(value, digits, grouping)
    if text == "–" or not isinstance(spread, (int, float)) or math.isnan(spread):
        return text
    return f"{text}{joiner}± {number_text(spread, digits, grouping)}"


def overall_text(area: Mapping[str, Any]) -> str:
    """The overall accuracy with its standard error, and how many points it rests on."""
    accuracy = plus_minus(area.get("overall_accuracy"), area.get("overall_accuracy_se"), 3)
    used, skipped = area.get("points_used"), area.get("skipped_unlabelled")
    # Whole sentences, one per case, for the translators.
    if not isinstance(used, int):
        text = translate("AreaAssessment", "Overall accuracy {accuracy} (± SE).")
    elif skipped:
        text = (translate("AreaAssessment", "Overall accuracy {accuracy} (± SE), from 1 labelled point ({skipped} "
                                            "without a label skipped).") if used == 1 else
                translate("AreaAssessment", "Overall accuracy {accuracy} (± SE), from {used} labelled points "
                                            "({skipped} without a label skipped)."))
    else:
        text = (translate("AreaAssessment", "Overall accuracy {accuracy} (± SE), from 1 labelled point.") if used == 1
                else translate("AreaAssessment", "Overall accuracy {accuracy} (± SE), from {used} labelled points."))
    return text.format(accuracy=accuracy, used=used, skipped=skipped)


class AreaAssessmentTable(QWidget):
    """Area-adjusted accuracies and areas from a labelled sample, exportable as CSV.

    Attributes:
        area: The engine's ``area_adjusted`` report shown (empty: none).
    """

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.area: Mapping[str, Any] = {}
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([translate("AreaAssessmentTable", column) for column in COLUMNS])
        for column, hint in enumerate(COLUMN_HINTS):
            header = self.table.horizontalHeaderItem(column)
            if header is not None:
                header.setToolTip(translate("AreaAssessmentTable", hint))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        # Fits the panel with no sideways scroll: the figures stretch, each with its ± on a second line.
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMaximumHeight(220)
        self.overall = QLabel()
        self.overall.setWordWrap(True)
        self.report = QLabel()
        self.report.setOpenExternalLinks(True)
        self.report.setWordWrap(True)
        self.export_button = QPushButton(translate("AreaAssessmentTable", "Export the estimate as CSV…"))
        self.export_button.clicked.connect(self._export)
        export_row = QHBoxLayout()
        export_row.addWidget(self.export_button)
        export_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.table, self.overall, self.report):
            layout.addWidget(widget)
        layout.addLayout(export_row)
        self.clear()

    def clear(self, note: str = "") -> None:
        """Shows no estimate (none yet, or a new assessment runs), with ``note`` (default: :data:`EMPTY_NOTE`)."""
        self.area = {}
        self.table.setRowCount(0)
        self.overall.setText(note or translate("AreaAssessmentTable", EMPTY_NOTE))
        self.report.clear()
        self.export_button.setEnabled(False)

    def show_area(self, area: Mapping[str, Any], report_html: Optional[str] = None) -> None:
        """Fills the table from the engine's ``area_adjusted`` report; links the HTML report when there is one."""
        self.area = area
        classes: Sequence[tuple] = list((area.get("per_class") or {}).items())
        self.table.setRowCount(len(classes))
        for row, (name, item) in enumerate(classes):
            values = (str(name), number_text(item.get("mapped_area_ha"), 2, ","),
                      plus_minus(item.get("area_ha"), item.get("area_ci95_ha"), 2, ",", "\n"),
                      plus_minus(item.get("users_accuracy"), item.get("users_accuracy_se"), 3, "", "\n"),
                      plus_minus(item.get("producers_accuracy"), item.get("producers_accuracy_se"), 3, "", "\n"))
            for column, text in enumerate(values):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                if column:
                    cell.setTextAlignment(int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter))
                self.table.setItem(row, column, cell)
        self.table.resizeRowsToContents()
        self.overall.setText(overall_text(area))
        if report_html:
            self.report.setText(
                translate("AreaAssessmentTable", '<a href="{url}">Open the report</a> ({name})').format(
                    url=Path(report_html).resolve().as_uri(), name=Path(report_html).name
                )
            )
        self.export_button.setEnabled(bool(classes))

    def save_csv(self, path: str) -> None:
        """Writes the estimate as CSV: the engine's figures in full precision (see :data:`CSV_HEADER`)."""
        write_csv(path, CSV_HEADER, csv_rows(self.area))

    def _export(self) -> None:
        export_csv(self, translate("AreaAssessmentTable", "Export the area-adjusted estimate"), "area_estimate.csv",
                   CSV_HEADER, csv_rows(self.area))
