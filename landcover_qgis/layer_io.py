"""Layers in and out of the engine: layers leave as files, results come back as styled layers.

:func:`raster_input` and :func:`vector_input` touch layers, so call them on the thread that owns the
layers (the GUI thread, or a Processing algorithm's thread for its own layers). For a layer that is not
a plain file they only take a thread-safe snapshot and reserve a temporary path: the input's ``prepare``
writes the file later, on the worker thread that runs the engine, so QGIS does not freeze meanwhile.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, List, Optional, Sequence, Union

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsLayerTreeGroup,
    QgsMapLayer,
    QgsProject,
    QgsRasterFileWriter,
    QgsRasterLayer,
    QgsRasterPipe,
    QgsRectangle,
    QgsVectorFileWriter,
    QgsVectorLayer,
    QgsVectorLayerFeatureSource,
)

from landcover_qgis.class_scheme import LandClass
from landcover_qgis.i18n import translate
from landcover_qgis.qgis_singletons import current_project, provider_registry
from landcover_qgis.qt_compat import RASTER_WRITTEN
from landcover_qgis.styling import OutputKind, style_output

#: Layer-tree group that receives every result layer.
RESULT_GROUP = "landcover"


class LayerExportError(Exception):
    """A layer could not be handed to the engine as a file."""


#: Writes an input's file; runs on a worker thread before the engine starts.
Preparation = Callable[[], None]


@dataclass(frozen=True)
class RasterInput:
    """A raster as the engine reads it: a GDAL-readable file and optional 1-based bands.

    Attributes:
        path: The file (for an export: still to be written by ``prepare``).
        bands: Bands to use, or None to let the engine choose.
        prepare: Writes ``path`` from a snapshot of the layer, or None for a layer that is a file.
    """

    path: str
    bands: Optional[List[int]] = None
    prepare: Optional[Preparation] = field(default=None, compare=False, repr=False)

    def band_argument(self) -> Optional[str]:
        """``1,2,3`` for ``--bands``, or None to let the engine choose."""
        return ",".join(str(b) for b in self.bands) if self.bands else None


@dataclass(frozen=True)
class VectorInput:
    """A vector layer as the engine reads it: a file and, for multi-layer files, a layer name.

    Attributes:
        path: The file (for an export: still to be written by ``prepare``).
        layer_name: The layer inside the file, or None for its first layer.
        prepare: Writes ``path`` from a snapshot of the layer, or None for a layer that is a file.
    """

    path: str
    layer_name: Optional[str] = None
    prepare: Optional[Preparation] = field(default=None, compare=False, repr=False)


def preparations(*inputs: Union[RasterInput, VectorInput, None]) -> List[Preparation]:
    """The ``prepare`` callables of the given inputs (None and file inputs have none)."""
    return [item.prepare for item in inputs if item is not None and item.prepare is not None]


def work_directory() -> Path:
    """A folder for temporary exports of non-file layers, inside the system temp folder."""
    folder = Path(tempfile.gettempdir()) / "landcover_qgis"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _temp_path(stem: str, suffix: str) -> str:
    handle, path = tempfile.mkstemp(prefix=f"{stem}_", suffix=suffix, dir=str(work_directory()))
    os.close(handle)
    os.remove(path)  # the writers refuse to overwrite some formats; they create the file themselves
    return path


def _decoded_source(layer: QgsMapLayer) -> dict:
    return provider_registry().decodeUri(layer.providerType(), layer.source()) or {}


def layer_file(layer: Optional[QgsMapLayer]) -> Optional[str]:
    """The file behind a raster or vector layer (also a layer inside a GeoPackage), or None."""
    if layer is None:
        return None
    path = _decoded_source(layer).get("path") or ""
    return os.path.abspath(path) if path and os.path.isfile(path) else None


def raster_file(layer: QgsRasterLayer) -> Optional[str]:
    """The file behind a GDAL raster layer, or None when it is not a plain file (memory, WMS, GPKG table)."""
    if layer.providerType() != "gdal":
        return None
    parts = _decoded_source(layer)
    path = parts.get("path") or ""
    return os.path.abspath(path) if path and os.path.isfile(path) and not parts.get("layerName") else None


def vector_file(layer: QgsVectorLayer) -> Optional[VectorInput]:
    """The file (and layer name) behind an OGR vector layer without filter, else None."""
    if layer.providerType() != "ogr" or layer.subsetString():
        return None  # the engine would ignore a filter, so filtered layers go through an export
    parts = _decoded_source(layer)
    path = parts.get("path") or ""
    if not path or not os.path.isfile(path):
        return None
    return VectorInput(os.path.abspath(path), parts.get("layerName") or None)


def raster_input(layer: QgsRasterLayer, bands: Optional[Sequence[int]] = None) -> RasterInput:
    """The engine's view of a raster layer: its file, or a GeoTIFF copy written later by ``prepare``.

    Raises:
        LayerExportError: The layer is missing or invalid.
    """
    if layer is None or not layer.isValid():
        raise LayerExportError(translate("LayerIo", "The image layer is missing or invalid."))
    selected = [int(b) for b in bands] if bands else None
    path = raster_file(layer)
    if path:
        return RasterInput(path, selected)
    target = _temp_path(_safe_stem(layer.name()), ".tif")
    return RasterInput(target, selected, _raster_export(layer, target))


def _raster_export(layer: QgsRasterLayer, path: str) -> Preparation:
    """Snapshots a raster layer now (a provider clone may be read from another thread); returns its writer."""
    source = layer.dataProvider()
    provider = source.clone() if source is not None else None
    if provider is None:
        raise LayerExportError(translate("LayerIo", "Cannot read raster layer '{name}' for export.").format(
            name=layer.name()))
    name, crs = layer.name(), layer.crs()
    width, height, extent = provider.xSize(), provider.ySize(), provider.extent()
    context = current_project().transformContext()

    def write() -> None:
        pipe = QgsRasterPipe()
        if not pipe.set(provider.clone()):
            raise LayerExportError(translate("LayerIo", "Cannot read raster layer '{name}' for export.").format(
                name=name))
        error = QgsRasterFileWriter(path).writeRaster(pipe, width, height, extent, crs, context)
        if error != RASTER_WRITTEN:
            raise LayerExportError(translate("LayerIo", "Cannot export raster layer '{name}' to GeoTIFF (error "
                                                        "{error}).").format(name=name, error=error))

    return write


def vector_input(layer: QgsVectorLayer, selected_only: bool = False) -> VectorInput:
    """The engine's view of a vector layer: its file, or a GeoPackage copy written later by ``prepare``.

    A copy is written for memory layers, filters and selections.

    Raises:
        LayerExportError: The layer is missing or invalid, or has no selected feature.
    """
    if layer is None or not layer.isValid():
        raise LayerExportError(translate("LayerIo", "The label layer is missing or invalid."))
    if selected_only and layer.selectedFeatureCount() == 0:
        raise LayerExportError(translate("LayerIo", "'Selected features only' is on, but no feature of '{name}' is "
                                                    "selected.").format(name=layer.name()))
    existing = None if selected_only else vector_file(layer)
    if existing is not None:
        return existing
    target = _temp_path(_safe_stem(layer.name()), ".gpkg")
    return VectorInput(target, _EXPORT_LAYER, _vector_export(layer, target, selected_only))


#: Layer name inside exported GeoPackages.
_EXPORT_LAYER = "labels"


def _vector_export(layer: QgsVectorLayer, path: str, selected_only: bool) -> Preparation:
    """Snapshots a vector layer now (its features, filter and selection); returns the writer of the copy."""
    source = QgsVectorLayerFeatureSource(layer)  # a copy safe to iterate on another thread
    name, fields, wkb_type, crs = layer.name(), layer.fields(), layer.wkbType(), layer.crs()
    selected = list(layer.selectedFeatureIds()) if selected_only else None
    context = current_project().transformContext()

    def write() -> None:
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        options.layerName = _EXPORT_LAYER
        writer = QgsVectorFileWriter.create(path, fields, wkb_type, crs, context, options)
        if writer.hasError() != QgsVectorFileWriter.WriterError.NoError:
            raise LayerExportError(translate("LayerIo", "Cannot export vector layer '{name}': {errorMessage}").format(
                name=name, errorMessage=writer.errorMessage()))
        request = QgsFeatureRequest()
        if selected is not None:
            request.setFilterFids(selected)
        for feature in source.getFeatures(request):
            if not writer.addFeature(feature):
                raise LayerExportError(
                    translate("LayerIo", "Cannot export vector layer '{name}': {errorMessage}").format(
                        name=name, errorMessage=writer.errorMessage()
                    )
                )
        if not writer.flushBuffer():
            raise LayerExportError(translate("LayerIo", "Cannot export vector layer '{name}': {errorMessage}").format(
                name=name, errorMessage=writer.errorMessage()))
        del writer  # closes the GeoPackage before the engine opens it

    return write


def extent_in_layer_crs(extent: QgsRectangle, extent_crs: QgsCoordinateReferenceSystem,
                        layer: QgsRasterLayer) -> QgsRectangle:
    """A map extent in the raster's CRS, clipped to the raster (the engine reads ``--extent`` in the raster's CRS).

    Raises:
        LayerExportError: The extent does not overlap the raster.
    """
    if extent_crs.isValid() and layer.crs().isValid() and extent_crs != layer.crs():
        transform = QgsCoordinateTransform(extent_crs, layer.crs(), current_project())
        extent = transform.transformBoundingBox(extent)
    clipped = extent.intersect(layer.extent())
    if clipped.isEmpty():
        raise LayerExportError(translate("LayerIo", "The map view does not overlap '{name}': zoom to the layer or "
                                                    "classify all of it.").format(name=layer.name()))
    return clipped


def _safe_stem(name: str) -> str:
    stem = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in name)[:40]
    return stem or "layer"


# -- results ----------------------------------------------------------------------------------------------


def result_group(project: Optional[QgsProject] = None) -> QgsLayerTreeGroup:
    """The ``landcover`` layer-tree group, created at the top when missing."""
    root = (project or current_project()).layerTreeRoot()
    group = None if root is None else root.findGroup(RESULT_GROUP) or root.insertGroup(0, RESULT_GROUP)
    if group is None:
        raise RuntimeError(f"Cannot add the '{RESULT_GROUP}' group to the project's layer tree.")
    return group


def add_result_layers(layers: Sequence[QgsMapLayer], project: Optional[QgsProject] = None) -> List[str]:
    """Adds layers at the top of the ``landcover`` group, in their order (call on the GUI thread).

    New results go above earlier ones, so the map shows the newest classification.

    Returns:
        The ids of the added layers.
    """
    project = project or current_project()
    group = result_group(project)
    for layer in reversed(layers):
        project.addMapLayer(layer, False)
        group.insertLayer(0, layer)
    return [layer.id() for layer in layers]


def load_prediction_layers(outputs: dict, classes: Sequence[LandClass], name: str) -> List[QgsMapLayer]:
    """Opens and styles the outputs of ``predict``/``vectorize``.

    Outputs: ``classes``, ``confidence``, ``uncertainty`` (a sequential ramp) and ``vector``.

    Args:
        outputs: The engine's result outputs (kind -> path).
        classes: Class codes, names and colours for the renderers.
        name: Base name of the layers.

    Returns:
        The valid layers, not yet added to a project.
    """
    layers: List[QgsMapLayer] = []
    for key, kind in (("classes", OutputKind.CLASSES), ("confidence", OutputKind.CONFIDENCE),
                      ("uncertainty", OutputKind.UNCERTAINTY)):
        if outputs.get(key):
            layer = QgsRasterLayer(outputs[key], f"{name} {key}", "gdal")
            if layer.isValid():
                style_output(layer, kind, classes)
                layers.append(layer)
    vector_path = outputs.get("vector") or outputs.get("polygons")
    if vector_path:
        polygons = QgsVectorLayer(vector_path, f"{name} polygons", "ogr")
        if polygons.isValid():
            style_output(polygons, OutputKind.POLYGONS, classes)
            layers.append(polygons)
    return layers
