"""Figures as text in the panel's tables, and the tables (and reports) out as files written whole or not at all."""

from __future__ import annotations

import csv
import io
import math
import os
import tempfile
from pathlib import Path
from typing import Iterable, Optional, Sequence

from qgis.PyQt.QtWidgets import QFileDialog, QMessageBox, QWidget

from landcover_qgis.i18n import translate


def number_text(value: object, digits: int = 3, grouping: str = "") -> str:
    """A figure with ``digits`` decimals, or an en dash when there is none (None, or NaN: undefined).

    Args:
        value: The figure.
        digits: Decimals shown.
        grouping: Thousands separator (``","`` for areas in hectares), none by default.
    """
    if not isinstance(value, (int, float)) or isinstance(value, bool) or math.isnan(value):
        return "–"
    return f"{value:{grouping}.{digits}f}"


def write_text(path: str, text: str) -> None:
    """Writes a text file atomically: a temporary file beside ``path``, renamed over it once complete.

    Raises:
        OSError: The folder cannot be written.
    """
    target = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=str(target.parent))
    try:
        with os.fdopen(handle, "w", newline="", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_csv(path: str, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """Writes a CSV file atomically (see :func:`write_text`).

    Raises:
        OSError: The folder cannot be written.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(list(header))
    writer.writerows(list(row) for row in rows)
    write_text(path, buffer.getvalue())


def export_csv(parent: QWidget, title: str, default_name: str, header: Sequence[str],
               rows: Iterable[Sequence[object]]) -> Optional[str]:
    """Asks where to save a table as CSV and writes it there; says so when the file cannot be written.

    Returns:
        The file written, or None (cancelled, or not written).
    """
    path, _filter = QFileDialog.getSaveFileName(parent, title, default_name, translate("TableExport", "CSV (*.csv)"))
    if not path:
        return None
    try:
        write_csv(path, header, rows)
    except OSError as problem:
        QMessageBox.warning(
            parent,
            title,
            translate("TableExport", "{path} could not be written ({problem}): choose another folder.").format(
                path=path, problem=problem.strerror or problem
            ),
        )
        return None
    return path
