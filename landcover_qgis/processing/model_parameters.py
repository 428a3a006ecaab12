"""Parameters that take landcover model files (``.pt``): one file, or several (an ensemble)."""

from __future__ import annotations

from qgis.core import QgsProcessingParameterFile, QgsProcessingParameterMultipleLayers

from landcover_qgis.i18n import Deferred, translate
from landcover_qgis.qt_compat import SOURCE_FILE

#: The file dialogs' filter for model files; "All files" stays reachable for models saved under another name.
MODEL_FILE_FILTER = Deferred.translate("ModelParameters", "Model files (*.pt);;All files (*.*)")


class ModelFilesParameter(QgsProcessingParameterMultipleLayers):
    """Several model files; its "Add file(s)…" dialog offers ``.pt`` files.

    QGIS asks a multiple-layers parameter for its file filter (``createFileFilter``), which for plain files is
    "All files": there is no filter argument to pass.
    """

    def __init__(self, name: str, description: str, optional: bool = False) -> None:
        super().__init__(name, description, SOURCE_FILE, optional=optional)

    def createFileFilter(self) -> str:
        """The filter of the parameter's file dialog."""
        return translate("ModelParameters", MODEL_FILE_FILTER)


def model_file_parameter(name: str, description: str) -> QgsProcessingParameterFile:
    """One model file, chosen in a file dialog that offers ``.pt`` files."""
    return QgsProcessingParameterFile(name, description, fileFilter=translate("ModelParameters", MODEL_FILE_FILTER))
