"""The ``landcover`` Processing provider."""

from __future__ import annotations

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from landcover_qgis.processing.algorithms import ClassifyAlgorithm, TrainAlgorithm, VectorizeAlgorithm


class LandcoverProvider(QgsProcessingProvider):
    """Provides ``landcover:train``, ``landcover:classify`` and ``landcover:vectorize``."""

    def __init__(self, icon_path: str = "") -> None:
        super().__init__()
        self._icon_path = icon_path

    def id(self) -> str:
        return "landcover"

    def name(self) -> str:
        return "landcover"

    def longName(self) -> str:  # noqa: N802
        return "landcover: land-cover mapping with DeepLabV3"

    def icon(self) -> QIcon:
        return QIcon(self._icon_path) if self._icon_path else super().icon()

    def loadAlgorithms(self) -> None:  # noqa: N802
        for algorithm in (TrainAlgorithm(), ClassifyAlgorithm(), VectorizeAlgorithm()):
            self.addAlgorithm(algorithm)
