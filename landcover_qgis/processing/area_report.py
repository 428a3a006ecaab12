"""The HTML report of ``landcover:assess_areas``: area-adjusted accuracies and mapped vs estimated areas."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any, Dict, Optional

from landcover_qgis.i18n import translate

#: Half-width of a 95% confidence interval in standard errors.
Z95 = 1.96


def _number(value: Any, digits: int = 3) -> str:
    return "–" if not isinstance(value, (int, float)) else f"{value:,.{digits}f}"


def _plus_minus(value: Any, se: Any, digits: int = 3) -> str:
    half = se * Z95 if isinstance(se, (int, float)) else None
    return f"{_number(value, digits)} ± {_number(half, digits)}"


def area_html(area: Dict[str, Any], figure_png: Optional[str] = None) -> str:
    """The ``area_adjusted`` part of the engine's report as a self-contained HTML page.

    Args:
        area: The engine's ``area_adjusted`` report: ``overall_accuracy(_se)``, ``per_class`` (by class name),
            ``points_used``, ``skipped_unlabelled``, ``warnings``.
        figure_png: The engine's figure of the error matrix of area proportions, linked when given.
    """
    rows = "".join(
        "<tr><td style='text-align:left'>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>"
        "<td>{}</td></tr>".format(
            html.escape(name), item.get("n", ""),
            _plus_minus(item.get("users_accuracy"), item.get("users_accuracy_se")),
            _plus_minus(item.get("producers_accuracy"), item.get("producers_accuracy_se")),
            _number(item.get("mapped_area_ha"), 1), _number(item.get("area_ha"), 1),
            _number(item.get("area_ci95_ha"), 1))
        for name, item in (area.get("per_class") or {}).items())
    warnings = "".join(f"<li>{html.escape(str(message))}</li>" for message in area.get("warnings") or [])
    alt = html.escape(translate("AreaReport", "error matrix of area proportions"), quote=True)
    figure = (f'<p><img src="{Path(figure_png).resolve().as_uri()}" alt="{alt}"/></p>'  # no-i18n: markup
              if figure_png and Path(figure_png).is_file() else "")
    title = translate("AreaReport", "landcover accuracy and area report")
    heading = translate("AreaReport", "Accuracy and area estimation (stratified estimator, Olofsson et al. 2014)")
    headline = translate("AreaReport", "Overall accuracy <b>{accuracy}</b> (± the 95% confidence interval), from "
                                       "{used} labelled sample points ({skipped} without a label skipped).").format(
        accuracy=_plus_minus(area.get("overall_accuracy"), area.get("overall_accuracy_se")),
        used=_number(area.get("points_used"), 0), skipped=_number(area.get("skipped_unlabelled"), 0))
    headers = "".join(f"<th>{header}</th>" for header in (
        translate("AreaReport", "class"), translate("AreaReport", "points"), translate("AreaReport", "user's accuracy"),
        translate("AreaReport", "producer's accuracy"), translate("AreaReport", "mapped area (ha)"),
        translate("AreaReport", "estimated area (ha)"), translate("AreaReport", "95% CI ± (ha)")))
    explanation = translate("AreaReport", "The <i>estimated area</i> corrects the <i>mapped area</i> (pixel "
                                          "counting) for the map's errors seen in the sample; report it with its "
                                          "confidence interval. User's accuracy: how often a pixel mapped as the "
                                          "class is that class; producer's accuracy: how much of the class's true "
                                          "area the map finds.")
    warnings_title = translate("AreaReport", "Warnings")
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{title}</title>
<style>table{{border-collapse:collapse}} td,th{{border:1px solid #999;padding:2px 6px;text-align:right}}</style>
</head><body>
<h2>{heading}</h2>
<p>{headline}</p>
<table><tr>{headers}</tr>{rows}</table>
<p>{explanation}</p>
{f'<h3>{warnings_title}</h3><ul>{warnings}</ul>' if warnings else ''}
{figure}
</body></html>
"""
