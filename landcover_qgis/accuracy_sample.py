"""The accuracy sample as a layer of the project: opened from its GPKG with its map, styled, remembered.

A sample from ``landcover sample-design`` is a GPKG with a point layer ``sample`` and, beside it, its design
``NAME.design.json`` naming the map it was drawn from: the map it must be assessed against. The project
remembers the sample under review, so a saved project goes on with it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional, Tuple

from qgis.core import QgsCategorizedSymbolRenderer, QgsMarkerSymbol, QgsRendererCategory, QgsVectorLayer

from landcover_qgis.dock_form import FormError
from landcover_qgis.i18n import Deferred, translate
from landcover_qgis.layer_io import layer_file
from landcover_qgis.qgis_singletons import current_project
from landcover_qgis.sample_layer import REFERENCE_FIELD, read_design
from landcover_qgis.settings import read_project_value, write_project_value

#: The point layer inside the GPKG ``sample-design`` writes.
SAMPLE_LAYER = "sample"
#: Project entries of the sample under review and of its map.
SAMPLE_ENTRY, SAMPLE_MAP_ENTRY = "accuracy_sample", "accuracy_sample_map"
#: The map legend's two kinds of point.
#: (Also the categories' values, so the legend's text is translated apart: values stay English.)
TO_LABEL, LABELLED = Deferred.translate("AccuracySample", "to label"), Deferred.translate("AccuracySample", "labelled")


def style_sample_points(layer: QgsVectorLayer) -> None:
    """Hollow magenta rings for points still to label, filled green dots for labelled ones."""
    empty = f"coalesce(trim(\"{REFERENCE_FIELD}\"), '') = ''"
    looks = ((TO_LABEL, {"color": "0,0,0,0", "outline_color": "#e7298a"}),
             (LABELLED, {"color": "#1b9e77", "outline_color": "#ffffff"}))
    categories = [QgsRendererCategory(value, QgsMarkerSymbol.createSimple(
        {"name": "circle", "size": "3.4", "outline_width": "0.6", **look}), translate("AccuracySample", value))
        for value, look in looks]
    layer.setRenderer(QgsCategorizedSymbolRenderer(f"if({empty}, '{TO_LABEL}', '{LABELLED}')", categories))
    layer.triggerRepaint()


def load_sample(path: str, class_map: Optional[str] = None) -> Tuple[QgsVectorLayer, str]:
    """Opens a sample GPKG as a styled point layer (not yet in the project), with the map it was drawn from.

    Args:
        path: The sample (from ``sample-design``).
        class_map: The map it was drawn from; default: the one its design (``NAME.design.json``) names.

    Raises:
        FormError: QGIS cannot open it, or its map is unknown or gone.
    """
    layer = QgsVectorLayer(f"{path}|layername={SAMPLE_LAYER}", Path(path).stem, "ogr")
    if not layer.isValid():
        raise FormError(translate("AccuracySample", "QGIS cannot open {path} as an accuracy sample (a GPKG with a "
                                                    "point layer '{layer}', from 'Design a sample').").format(
                                                        path=path, layer=SAMPLE_LAYER))
    if class_map is None:
        class_map = str((read_design(layer) or {}).get("map") or "")
        if not class_map or not Path(class_map).is_file():
            what = (translate("AccuracySample", "The design beside {path} ({stem}.design.json) names a class map "
                                                "that no longer exists ({map}): the sample can only be assessed "
                                                "against the map it was drawn from.") if class_map else
                    translate("AccuracySample", "The design beside {path} ({stem}.design.json) is missing or names "
                                                "no class map: the sample can only be assessed against the map it "
                                                "was drawn from."))
            raise FormError(what.format(path=path, stem=Path(path).stem, map=class_map))
    style_sample_points(layer)
    return layer, class_map


def remember_sample(path: str, class_map: str) -> None:
    """Keeps the sample under review and its map in the project."""
    write_project_value(SAMPLE_ENTRY, path)
    write_project_value(SAMPLE_MAP_ENTRY, class_map)


def remembered_sample() -> Tuple[str, str]:
    """The project's sample under review and its map (empty when none, or its file is gone)."""
    path = read_project_value(SAMPLE_ENTRY)
    if not path or not Path(path).is_file():
        return "", ""
    return path, read_project_value(SAMPLE_MAP_ENTRY)


def project_layer_of(path: str) -> Optional[QgsVectorLayer]:
    """The project's vector layer reading the file ``path``, if any."""
    target = Path(path).resolve()
    for layer in current_project().mapLayers().values():
        source = layer_file(layer) if isinstance(layer, QgsVectorLayer) else None
        if source and Path(source).resolve() == target:
            return layer
    return None
