"""Checks on input layers before the engine runs the work: fields, bands, overlap, and (asked of the engine) models."""

from __future__ import annotations

import os
from typing import List, Optional, Sequence

from qgis.core import (  # type: ignore[attr-defined]  # the stubs lack SIP's exception classes
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsFields,
    QgsProcessingContext,
    QgsRasterLayer,
    QgsRectangle,
)

from landcover_qgis.engine_runner import EngineFailure
from landcover_qgis.i18n import translate
from landcover_qgis.model_facts import model_set_facts


def field_problem(fields: QgsFields, field: str, layer_name: str) -> Optional[str]:
    """Why ``field`` cannot be the class field of a layer with ``fields``, or None."""
    if not field:
        return translate("LayerChecks", "Choose the field of '{layer_name}' that holds the classes.").format(
            layer_name=layer_name)
    if fields.indexOf(field) < 0:
        return translate("LayerChecks", "'{layer_name}' has no field '{field}': choose the field that holds the "
                                        "classes.").format(layer_name=layer_name, field=field)
    return None


def overlap_problem(extent: QgsRectangle, crs: QgsCoordinateReferenceSystem, name: str,
                    other_extent: QgsRectangle, other_crs: QgsCoordinateReferenceSystem, other_name: str,
                    context: QgsProcessingContext) -> Optional[str]:
    """Why two layers do not share ground (no CRS, or extents apart once in the same CRS), or None."""
    for layer_crs, layer_name in ((crs, name), (other_crs, other_name)):
        if not layer_crs.isValid():
            return translate("LayerChecks", "'{layer_name}' has no coordinate reference system: set one (Layer "
                                            "properties → Source).").format(layer_name=layer_name)
    try:
        if other_crs != crs:
            other_extent = QgsCoordinateTransform(other_crs, crs, context.transformContext()).transformBoundingBox(
                other_extent)
    except QgsCsException:
        return translate(
            "LayerChecks", "'{other_name}' ({authid}) cannot be transformed to the CRS of '{name}' ({authid2})."
        ).format(other_name=other_name, authid=other_crs.authid(), name=name, authid2=crs.authid())
    if not extent.intersects(other_extent):
        return (translate("LayerChecks", "'{other_name}' does not overlap '{name}' (compared in {authid}): choose "
                                         "layers that cover the same area.").format(
                                             other_name=other_name, name=name, authid=crs.authid()))
    return None


def chosen_bands_problem(layer: QgsRasterLayer, bands: Sequence[int]) -> Optional[str]:
    """Why the chosen bands are not bands of the raster, or None."""
    missing = [b for b in bands if not 1 <= b <= layer.bandCount()]
    if missing:
        return translate("LayerChecks", "'{name}' has {count} band(s), not band {missing}.").format(
            name=layer.name(), count=layer.bandCount(), missing=missing[0])
    return None


def model_files_problem(paths: Sequence[str]) -> Optional[str]:
    """Why these model files cannot be used, found without the engine (none chosen, a file missing), or None."""
    if not paths:
        return translate("LayerChecks", "Choose a model file (several files: an ensemble).")
    missing = [path for path in paths if not os.path.isfile(path)]
    return translate("LayerChecks", "InputError: Model file not found: {missing}").format(
        missing=missing[0]) if missing else None


def models_problem(paths: Sequence[str], layer: Optional[QgsRasterLayer], bands: List[int]) -> Optional[str]:
    """Why these model files cannot classify the raster with these bands, or None.

    The engine decides, by its own rules (``info --check``, cached per file version): unreadable files,
    ensembles whose models do not share their classes, and rasters without the bands a model reads are refused.
    It takes seconds: call it from :meth:`EngineAlgorithm.engine_problem` (worker thread) only.
    """
    problem = model_files_problem(paths)
    if problem:
        return problem
    try:
        model_set_facts(paths, band_count=layer.bandCount() if layer is not None else None, bands=bands)
    except EngineFailure as failure:
        return f"{failure.kind}: {failure.message}"
    return None
