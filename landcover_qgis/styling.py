"""Renderers for the engine's outputs: paletted classes, grey confidence, categorized polygons."""

from __future__ import annotations

from typing import Sequence

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsContrastEnhancement,
    QgsPalettedRasterRenderer,
    QgsRasterLayer,
    QgsRendererCategory,
    QgsSingleBandGrayRenderer,
    QgsSymbol,
    QgsVectorLayer,
)

from landcover_qgis.class_scheme import LandClass

#: Field of the engine's polygon output holding the class code.
CLASS_CODE_FIELD = "class_id"


def style_class_raster(layer: QgsRasterLayer, classes: Sequence[LandClass]) -> None:
    """Colours a class-code raster with one entry per class (code, colour, name)."""
    entries = [QgsPalettedRasterRenderer.Class(c.code, c.qcolor, c.name) for c in classes]
    layer.setRenderer(QgsPalettedRasterRenderer(layer.dataProvider(), 1, entries))
    layer.triggerRepaint()


def style_confidence_raster(layer: QgsRasterLayer) -> None:
    """Shows confidence 0..1 as grey levels, black = unsure, white = sure."""
    renderer = QgsSingleBandGrayRenderer(layer.dataProvider(), 1)
    enhancement = QgsContrastEnhancement(layer.dataProvider().dataType(1))
    enhancement.setContrastEnhancementAlgorithm(QgsContrastEnhancement.StretchToMinimumMaximum)
    enhancement.setMinimumValue(0.0)
    enhancement.setMaximumValue(1.0)
    renderer.setContrastEnhancement(enhancement)
    layer.setRenderer(renderer)
    layer.triggerRepaint()


def style_class_polygons(layer: QgsVectorLayer, classes: Sequence[LandClass]) -> None:
    """Categorizes polygons on ``class_id`` with the class colours and names."""
    categories = []
    for land_class in classes:
        symbol = QgsSymbol.defaultSymbol(layer.geometryType())
        symbol.setColor(land_class.qcolor)
        categories.append(QgsRendererCategory(land_class.code, symbol, land_class.name))
    layer.setRenderer(QgsCategorizedSymbolRenderer(CLASS_CODE_FIELD, categories))
    layer.triggerRepaint()
