"""Accuracy sample layers (from ``landcover sample-design``): their classes, and the editor of their labels.

A sample layer holds points with ``stratum`` (the map's class there), ``stratum_code`` and ``reference``, the
analyst's label: one of the map's class names. Its design, written by the engine beside it as
``NAME.design.json``, lists those classes; the ``reference`` field gets a value-map editor offering them, so
the attribute form and table offer the names instead of free text.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, List, Optional

from qgis.core import QgsEditorWidgetSetup, QgsVectorLayer

#: The field the analyst fills in.
REFERENCE_FIELD = "reference"
#: The field naming each point's stratum (the map's class under it).
STRATUM_FIELD = "stratum"


def source_file(layer: QgsVectorLayer) -> Optional[Path]:
    """The file behind a layer (``path|layername=...`` → ``path``), or None for a layer without one."""
    path = Path(layer.source().split("|", 1)[0])
    return path if path.is_file() else None


def read_design(layer: QgsVectorLayer) -> Optional[Dict[str, Any]]:
    """The sample's design (``NAME.design.json`` beside its file), or None when there is none or it is unreadable."""
    path = source_file(layer)
    if path is None:
        return None
    design = path.with_name(f"{path.stem}.design.json")
    try:
        data = json.loads(design.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def sample_class_names(layer: QgsVectorLayer) -> List[str]:
    """The class names a point can be labelled with.

    The design's classes, else those of the value map on ``reference``, else the strata found in the layer
    (in their order of appearance).
    """
    design = read_design(layer)
    if design and design.get("classes"):
        return [str(item["name"]) for item in design["classes"]]
    index = layer.fields().indexOf(REFERENCE_FIELD)
    if index >= 0:
        setup = layer.editorWidgetSetup(index)
        if setup.type() == "ValueMap":
            entries = setup.config().get("map") or []
            return [str(value) for entry in entries for value in dict(entry).values()]
    stratum = layer.fields().indexOf(STRATUM_FIELD)
    names: List[str] = []
    if stratum >= 0:
        for feature in layer.getFeatures():
            value = feature.attribute(stratum)
            if value and str(value) not in names:
                names.append(str(value))
    return names


def configure_sample_layer(layer: QgsVectorLayer, names: Optional[List[str]] = None) -> List[str]:
    """Gives ``reference`` a value-map editor of the class names (default: :func:`sample_class_names`).

    Returns:
        The names offered (none when the layer has no ``reference`` field).
    """
    index = layer.fields().indexOf(REFERENCE_FIELD)
    if index < 0:
        return []
    names = list(names) if names is not None else sample_class_names(layer)
    layer.setEditorWidgetSetup(index, QgsEditorWidgetSetup("ValueMap", {"map": [{name: name} for name in names]}))
    return names
