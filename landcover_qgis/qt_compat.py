"""QGIS enums whose name changed between QGIS 3.22 and QGIS 4, looked up by name in whichever QGIS runs.

QGIS 3.x moved many class-nested enums to ``Qgis`` (``QgsProcessing.SourceType.TypeRaster`` became
``Qgis.ProcessingSourceType.Raster`` in 3.36); QGIS 4 (PyQt6) keeps only the new names and 3.22 has only the
old ones. ``tools/qt6_check.py`` checks that every lookup names the new spelling first and that 3.22 has one.
"""

from typing import Any

import qgis.core
from qgis.PyQt.QtCore import QMetaType, QVariant

# QgsField takes QMetaType.Type from QGIS 3.38 on (QGIS 4 has no QVariant.Type); 3.22 takes QVariant.Type.
_FIELD_TYPES_ARE_METATYPES = qgis.core.Qgis.QGIS_VERSION_INT >= 33800


def qgis_enum(*names: str) -> Any:
    """The first of ``names`` (``"Qgis.ProcessingSourceType.Raster"``, then legacy spellings) this QGIS has.

    Raises:
        AttributeError: none of the names exists in this QGIS (a plugin bug: the check in make lint prevents it).
    """
    for name in names:
        value: Any = qgis.core
        for attribute in name.split("."):
            value = getattr(value, attribute, None)
        if value is not None:
            return value
    raise AttributeError(f"none of {names} exists in QGIS {qgis.core.Qgis.QGIS_VERSION}")


def field_type(name: str) -> Any:
    """The type a ``QgsField`` takes for ``name`` (``"Int"``, ``"Double"``, ``"QString"``) in this QGIS."""
    if _FIELD_TYPES_ARE_METATYPES:
        return getattr(QMetaType.Type, name)
    return getattr(QVariant.Type, "String" if name == "QString" else name)  # qt6-check: qt5-only


# Processing layer types (Qgis.ProcessingSourceType from QGIS 3.36).
SOURCE_FILE = qgis_enum("Qgis.ProcessingSourceType.File", "QgsProcessing.SourceType.TypeFile")
SOURCE_RASTER = qgis_enum("Qgis.ProcessingSourceType.Raster", "QgsProcessing.SourceType.TypeRaster")
SOURCE_VECTOR = qgis_enum("Qgis.ProcessingSourceType.Vector", "QgsProcessing.SourceType.TypeVector")
SOURCE_VECTOR_ANY = qgis_enum(
    "Qgis.ProcessingSourceType.VectorAnyGeometry", "QgsProcessing.SourceType.TypeVectorAnyGeometry"
)
SOURCE_VECTOR_POINT = qgis_enum("Qgis.ProcessingSourceType.VectorPoint", "QgsProcessing.SourceType.TypeVectorPoint")
SOURCE_VECTOR_POLYGON = qgis_enum(
    "Qgis.ProcessingSourceType.VectorPolygon", "QgsProcessing.SourceType.TypeVectorPolygon"
)
# Processing parameters (3.36).
NUMBER_DOUBLE = qgis_enum("Qgis.ProcessingNumberParameterType.Double", "QgsProcessingParameterNumber.Type.Double")
NUMBER_INTEGER = qgis_enum("Qgis.ProcessingNumberParameterType.Integer", "QgsProcessingParameterNumber.Type.Integer")
FILE_FOLDER = qgis_enum("Qgis.ProcessingFileParameterBehavior.Folder", "QgsProcessingParameterFile.Behavior.Folder")
PARAMETER_ADVANCED = qgis_enum(
    "Qgis.ProcessingParameterFlag.Advanced", "QgsProcessingParameterDefinition.Flag.FlagAdvanced"
)
# Layer combo filters (Qgis.LayerFilter from 3.34).
LAYERS_RASTER = qgis_enum("Qgis.LayerFilter.RasterLayer", "QgsMapLayerProxyModel.Filter.RasterLayer")
LAYERS_VECTOR = qgis_enum("Qgis.LayerFilter.VectorLayer", "QgsMapLayerProxyModel.Filter.VectorLayer")
LAYERS_POLYGON = qgis_enum("Qgis.LayerFilter.PolygonLayer", "QgsMapLayerProxyModel.Filter.PolygonLayer")
# Features, geometry, writers and renderers.
NO_GEOMETRY_REQUEST = qgis_enum("Qgis.FeatureRequestFlag.NoGeometry", "QgsFeatureRequest.Flag.NoGeometry")
NO_GEOMETRY_WKB = qgis_enum("Qgis.WkbType.NoGeometry", "QgsWkbTypes.Type.NoGeometry")
RASTER_WRITTEN = qgis_enum("Qgis.RasterFileWriterResult.Success", "QgsRasterFileWriter.WriterError.NoError")
SHADER_LINEAR = qgis_enum("Qgis.ShaderInterpolationMethod.Linear", "QgsColorRampShader.Type.Interpolated")
