"""The ``landcover`` Processing provider."""

from __future__ import annotations

from typing import List

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from landcover_qgis.i18n import translate
from landcover_qgis.processing.accuracy import AssessAreasAlgorithm, DesignSampleAlgorithm
from landcover_qgis.processing.base import EngineAlgorithm
from landcover_qgis.processing.catalogue import ClassifyFolderAlgorithm
from landcover_qgis.processing.evaluation import EvaluateAlgorithm
from landcover_qgis.processing.inference import ClassifyAlgorithm, HistogramMatchAlgorithm, VectorizeAlgorithm
from landcover_qgis.processing.training import (
    FineTuneAlgorithm,
    PseudoLabelAlgorithm,
    SelfTrainAlgorithm,
    TrainAlgorithm,
)

#: Every algorithm, listed whatever the engine: without one (or with one lacking its command) an algorithm's
#: parameters from the engine are placeholders and running it says how to set the engine up.
ALGORITHMS = (TrainAlgorithm, FineTuneAlgorithm, ClassifyAlgorithm, ClassifyFolderAlgorithm, VectorizeAlgorithm,
              EvaluateAlgorithm, HistogramMatchAlgorithm, PseudoLabelAlgorithm, SelfTrainAlgorithm,
              DesignSampleAlgorithm, AssessAreasAlgorithm)


def available_algorithms() -> List[EngineAlgorithm]:
    """An instance of every algorithm."""
    return [kind() for kind in ALGORITHMS]


class LandcoverProvider(QgsProcessingProvider):
    """Provides the ``landcover:*`` algorithms."""

    def __init__(self, icon_path: str = "") -> None:
        super().__init__()
        self._icon_path = icon_path

    def id(self) -> str:
        """The provider id (the ``landcover:`` prefix of its algorithm ids)."""
        return "landcover"

    def name(self) -> str:
        """The provider's short name in the GUI."""
        return "landcover"

    def longName(self) -> str:
        """The provider's longer name, saying what it is for."""
        return translate("LandcoverProvider", "landcover: land-cover mapping with DeepLabV3")

    def icon(self) -> QIcon:
        """The plugin icon, or QGIS's default without one."""
        return QIcon(self._icon_path) if self._icon_path else super().icon()

    def loadAlgorithms(self) -> None:
        """Adds every algorithm."""
        for algorithm in available_algorithms():
            self.addAlgorithm(algorithm)
