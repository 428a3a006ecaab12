"""The ``landcover`` Processing provider."""

from __future__ import annotations

from typing import List

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from landcover_qgis.engine_schema import current_schema
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

#: Every algorithm; one whose engine command the engine lacks is left out (e.g. ``pseudo-label`` before it exists).
ALGORITHMS = (TrainAlgorithm, FineTuneAlgorithm, ClassifyAlgorithm, ClassifyFolderAlgorithm, VectorizeAlgorithm,
              EvaluateAlgorithm, HistogramMatchAlgorithm, PseudoLabelAlgorithm, SelfTrainAlgorithm)


def available_algorithms() -> List[EngineAlgorithm]:
    """Instances of the algorithms the configured engine can run (all but optional commands without a description)."""
    schema = current_schema()
    core = {"train", "predict", "vectorize"}  # registered without a description too: they say to set up the engine
    return [kind() for kind in ALGORITHMS
            if (schema is None and kind.engine_command in core) or (schema is not None and schema.has_command(
                kind.engine_command))]


class LandcoverProvider(QgsProcessingProvider):
    """Provides the ``landcover:*`` algorithms the configured engine offers."""

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
        return "landcover: land-cover mapping with DeepLabV3"

    def icon(self) -> QIcon:
        """The plugin icon, or QGIS's default without one."""
        return QIcon(self._icon_path) if self._icon_path else super().icon()

    def loadAlgorithms(self) -> None:
        """Adds the algorithms the configured engine can run."""
        for algorithm in available_algorithms():
            self.addAlgorithm(algorithm)
