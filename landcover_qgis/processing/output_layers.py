"""The layers a landcover Processing run loads: styled, named after the model, in the ``landcover`` group.

Processing (QGIS 3.22) adds loaded outputs at the root of the layer tree, named after the output parameter
("Classes", "Confidence"); its ``LayerDetails`` gets a group only in later QGIS versions. Each output therefore
gets a name here and a post-processor that styles the layer once loaded and moves it into the ``landcover``
group, where the dock puts its results too.
"""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional, Sequence

from qgis.core import (
    QgsLayerTreeGroup,
    QgsMapLayer,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingLayerPostProcessorInterface,
    QgsProject,
)

from landcover_qgis.class_scheme import LandClass
from landcover_qgis.layer_io import result_group
from landcover_qgis.qgis_singletons import current_project
from landcover_qgis.styling import OutputKind, style_output


def models_name(paths: Sequence[str]) -> str:
    """A short name for model files: the file name without ``.pt``; an ensemble names its first and counts the rest."""
    stems = [Path(path).stem for path in paths if path]
    if len(stems) > 2:
        return f"{stems[0]} + {len(stems) - 1} more"
    return " + ".join(stems)


class RunOutputs:
    """The layers one run loads on completion, kept at the top of the ``landcover`` group in the order added.

    Attributes:
        name: What the layers are named after (the model, or the input), e.g. ``forest`` → ``forest classes``.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self._count = 0
        self._placed: List[int] = []  # ranks of the layers already moved into the group

    def add(self, context: QgsProcessingContext, path: Optional[str], what: str,
            kind: Optional[OutputKind] = None, classes: Sequence[LandClass] = ()) -> None:
        """Names, styles and places an output that Processing will load (nothing for an output it will not load).

        Args:
            context: The run's context.
            path: The output's file (or layer id).
            what: What it shows, the layer name's second part (``classes``, ``confidence``...).
            kind: How to style it, or None to keep Processing's style.
            classes: Class codes, names and colours for the class renderers.
        """
        if not path or not context.willLoadLayerOnCompletion(path):
            return
        details = context.layerToLoadOnCompletionDetails(path)
        details.name = f"{self.name} {what}" if self.name else what
        placer = _OutputPlacer(self, self._count, kind, classes)
        self._count += 1
        _live_placers.append(placer)
        details.setPostProcessor(placer)

    def place(self, layer: QgsMapLayer, rank: int, project: QgsProject) -> None:
        """Moves a loaded layer to the top of the ``landcover`` group, below this run's layers added before it."""
        root = project.layerTreeRoot()
        node = root.findLayer(layer.id()) if root is not None else None
        parent = node.parent() if node is not None else None
        if node is None or not isinstance(parent, QgsLayerTreeGroup):
            return
        group = result_group(project)
        index = sum(1 for placed in self._placed if placed < rank)
        group.insertChildNode(index, node.clone())
        parent.removeChildNode(node)
        self._placed.append(rank)


class _OutputPlacer(QgsProcessingLayerPostProcessorInterface):
    """Styles a loaded output layer and moves it into the ``landcover`` group."""

    def __init__(self, run: RunOutputs, rank: int, kind: Optional[OutputKind], classes: Sequence[LandClass]) -> None:
        super().__init__()
        self.run, self.rank, self.kind, self.classes = run, rank, kind, list(classes)

    def postProcessLayer(self, layer: Optional[QgsMapLayer], context: QgsProcessingContext,
                         feedback: Optional[QgsProcessingFeedback]) -> None:
        """GUI thread, after Processing added the layer to the project."""
        if layer is None:  # Processing could not load the output: nothing to style or place
            return
        if self.kind is not None:
            style_output(layer, self.kind, self.classes)
        self.run.place(layer, self.rank, context.project() or current_project())


#: Post-processors handed to Processing: it keeps only a C++ pointer, and the algorithm instance that ran may be
#: gone when the layers load, so they live here (a few small objects per run).
_live_placers: List[_OutputPlacer] = []
