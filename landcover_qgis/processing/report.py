"""The HTML accuracy report of ``landcover:evaluate``: headline figures, per-class table, confusion matrix."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any, Dict, List, Optional

from landcover_qgis.i18n import translate

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
    alt = html.escape(translate("EvaluationReport", "confusion matrix"), quote=True)
    figure = (f'<p><img src="{Path(figure_png).resolve().as_uri()}" alt="{alt}"/></p>'  # no-i18n: markup
              if figure_png and Path(figure_png).is_file() else "")
    title = translate("EvaluationReport", "landcover accuracy report")
    headline = translate("EvaluationReport", "Overall accuracy <b>{accuracy}</b>, mIoU <b>{miou}</b>, kappa "
                                             "<b>{kappa}</b>, {pixels} reference pixels.").format(
        accuracy=_figure(report.get("overall_accuracy")), miou=_figure(report.get("miou")),
        kappa=_figure(report.get("kappa")), pixels=_figure(report.get("pixels")))
    per_class_title = translate("EvaluationReport", "Per class")
    code, name = translate("EvaluationReport", "code"), translate("EvaluationReport", "class")
    matrix_title = translate("EvaluationReport", "Confusion matrix (rows: reference, columns: prediction)")
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{title}</title>
<style>table{{border-collapse:collapse}} td,th{{border:1px solid #999;padding:2px 6px;text-align:right}}</style>
</head><body>
<h2>{title}</h2>
<p>{headline}</p>
<h3>{per_class_title}</h3>
<table><tr><th>{code}</th><th>{name}</th>{''.join(f'<th>{key}</th>' for key in PER_CLASS_FIGURES)}</tr>{rows}</table>
<h3>{matrix_title}</h3>
<table><tr><th></th>{''.join(f'<th>{html.escape(n)}</th>' for n in names)}</tr>{matrix_rows}</table>
{figure}
</body></html>
"""
