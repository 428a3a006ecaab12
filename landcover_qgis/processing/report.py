"""The HTML accuracy report of ``landcover:evaluate``: headline figures, per-class table, confusion matrix."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any, Dict, List, Optional

#: Per-class figures of the engine's report, in table order.
PER_CLASS_FIGURES = ("support", "iou", "precision", "recall", "f1")


def _figure(value: Any) -> str:
    if value is None:
        return "–"
    return f"{value:.3f}" if isinstance(value, float) else html.escape(str(value))


def evaluation_html(report: Dict[str, Any], figure_png: Optional[str] = None) -> str:
    """The report as a self-contained HTML page (the Processing results viewer shows it).

    Args:
        report: The engine's JSON report (``overall_accuracy``, ``miou``, ``kappa``, ``per_class``,
            ``confusion_matrix``, ``classes``).
        figure_png: The engine's confusion-matrix figure, linked when given.
    """
    per_class: List[Dict[str, Any]] = list(report.get("per_class") or [])
    names = [str(item.get("name")) for item in per_class]
    rows = "".join(
        "<tr><td>{}</td><td>{}</td>{}</tr>".format(
            html.escape(str(item.get("code", ""))), html.escape(str(item.get("name"))),
            "".join(f"<td>{_figure(item.get(key))}</td>" for key in PER_CLASS_FIGURES))
        for item in per_class)
    matrix = report.get("confusion_matrix") or []
    matrix_rows = "".join(
        "<tr><th>{}</th>{}</tr>".format(html.escape(names[i] if i < len(names) else str(i)),
                                        "".join(f"<td>{int(count)}</td>" for count in row))
        for i, row in enumerate(matrix))
    figure = (f'<p><img src="{Path(figure_png).resolve().as_uri()}" alt="confusion matrix"/></p>'
              if figure_png and Path(figure_png).is_file() else "")
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>landcover accuracy report</title>
<style>table{{border-collapse:collapse}} td,th{{border:1px solid #999;padding:2px 6px;text-align:right}}</style>
</head><body>
<h2>landcover accuracy report</h2>
<p>Overall accuracy <b>{_figure(report.get('overall_accuracy'))}</b>, mIoU <b>{_figure(report.get('miou'))}</b>,
kappa <b>{_figure(report.get('kappa'))}</b>, {_figure(report.get('pixels'))} reference pixels.</p>
<h3>Per class</h3>
<table><tr><th>code</th><th>class</th>{''.join(f'<th>{key}</th>' for key in PER_CLASS_FIGURES)}</tr>{rows}</table>
<h3>Confusion matrix (rows: reference, columns: prediction)</h3>
<table><tr><th></th>{''.join(f'<th>{html.escape(n)}</th>' for n in names)}</tr>{matrix_rows}</table>
{figure}
</body></html>
"""
