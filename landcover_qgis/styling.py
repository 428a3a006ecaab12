"""Renderers for the engine's outputs.

Paletted classes, grey confidence, a sequential ramp for uncertainty, categorized polygons;
:func:`style_output` is the one entry point by output kind.
"""

from __future__ import annotations

from enum import Enum
from typing import Sequence

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsColorRampShader,
    QgsContrastEnhancement,
    QgsGradientColorRamp,
    QgsMapLayer,
    QgsPalettedRasterRenderer,
    QgsRasterLayer,
    QgsRasterShader,
    QgsRendererCategory,
    QgsSingleBandGrayRenderer,
    QgsSingleBandPseudoColorRenderer,
    QgsStyle,
    QgsSymbol,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QColor

from landcover_qgis.class_scheme import LandClass
from landcover_qgis.qt_compat import SHADER_LINEAR

#: Field of the engine's polygon output holding the class code.
CLASS_CODE_FIELD = "class_id"
#: The sequential colour ramp of uncertainty (low = sure, high = where to label next).
UNCERTAINTY_RAMP = "Magma"


class OutputKind(Enum):
    """What an engine output layer shows."""

    CLASSES = "classes"
    CONFIDENCE = "confidence"
    UNCERTAINTY = "uncertainty"
    POLYGONS = "polygons"
    IMAGE = "image"  # keeps QGIS's default rendering


def style_output(layer: QgsMapLayer, kind: OutputKind, classes: Sequence[LandClass] = ()) -> None:
    """Styles an engine output layer by its kind (the one place outputs get their look)."""
    if kind is OutputKind.CLASSES and isinstance(layer, QgsRasterLayer) and classes:
        style_class_raster(layer, classes)
    elif kind is OutputKind.CONFIDENCE and isinstance(layer, QgsRasterLayer):
        style_confidence_raster(layer)
    elif kind is OutputKind.UNCERTAINTY and isinstance(layer, QgsRasterLayer):
        style_uncertainty_raster(layer)
    elif kind is OutputKind.POLYGONS and isinstance(layer, QgsVectorLayer) and classes:
        style_class_polygons(layer, classes)


def style_class_raster(layer: QgsRasterLayer, classes: Sequence[LandClass]) -> None:
    """Colours a class-code raster with one entry per class (code, colour, name)."""
    entries = [QgsPalettedRasterRenderer.Class(c.code, c.qcolor, c.name) for c in classes]
    layer.setRenderer(QgsPalettedRasterRenderer(layer.dataProvider(), 1, entries))
    layer.triggerRepaint()


def style_confidence_raster(layer: QgsRasterLayer) -> None:
    """Shows confidence 0..1 as grey levels, black = unsure, white = sure."""
    provider = layer.dataProvider()
    if provider is None:  # an invalid layer: nothing to style
        return
    renderer = QgsSingleBandGrayRenderer(provider, 1)
    enhancement = QgsContrastEnhancement(provider.dataType(1))
    enhancement.setContrastEnhancementAlgorithm(QgsContrastEnhancement.ContrastEnhancementAlgorithm.StretchToMinimumMaximum)
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
        if symbol is None:  # a layer without geometry has no symbol to colour
            return
        symbol.setColor(land_class.qcolor)
        categories.append(QgsRendererCategory(land_class.code, symbol, land_class.name))
    layer.setRenderer(QgsCategorizedSymbolRenderer(CLASS_CODE_FIELD, categories))
    layer.triggerRepaint()


def style_uncertainty_raster(layer: QgsRasterLayer) -> None:
    """Shows uncertainty 0..1 (band 1) on a sequential colour ramp: bright = uncertain, where to label next."""
    style = QgsStyle.defaultStyle()
    ramp = (style.colorRamp(UNCERTAINTY_RAMP) if style is not None else None) or QgsGradientColorRamp(
        QColor("#fcfdbf"), QColor("#000004"))
    function = QgsColorRampShader(0.0, 1.0, ramp, SHADER_LINEAR)
    function.classifyColorRamp(5, -1)
    shader = QgsRasterShader(0.0, 1.0)
    shader.setRasterShaderFunction(function)
    renderer = QgsSingleBandPseudoColorRenderer(layer.dataProvider(), 1, shader)
    renderer.setClassificationMin(0.0)
    renderer.setClassificationMax(1.0)
    layer.setRenderer(renderer)
    layer.triggerRepaint()
