"""Class schemes as the plugin sees them: codes, names and colours reported by the engine (no copies here)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, List

from qgis.PyQt.QtGui import QColor


@dataclass(frozen=True)
class LandClass:
    """One land-cover class.

    Attributes:
        code: Pixel value in class rasters and ``class_id`` in polygons.
        name: Display name.
        color: ``#rrggbb``.
    """

    code: int
    name: str
    color: str

    @property
    def qcolor(self) -> QColor:
        """The colour as a QColor (grey when the engine sent something unreadable)."""
        colour = QColor(self.color)
        return colour if colour.isValid() else QColor(128, 128, 128)


def classes_from_summary(items: Iterable[Any]) -> List[LandClass]:
    """Reads the ``classes`` list of an engine summary, skipping malformed entries.

    The list is ``[{"code", "name", "color"}, ...]``.
    """
    classes = []
    for item in items or []:
        try:
            code = int(item["code"])
        except (KeyError, TypeError, ValueError):
            continue
        classes.append(LandClass(code, str(item.get("name") or f"class {code}"), str(item.get("color") or "#808080")))
    return classes
