"""The dock's "Pseudo-label / self-train" group: unlabeled scenes, confidence threshold and rounds.

Its widgets follow the engine's ``pseudo-label`` and ``self-train`` commands: a missing command or option
leaves its widget disabled.
"""

from __future__ import annotations

import contextlib
from typing import List, Optional, Sequence

from qgis.core import QgsRasterLayer
from qgis.gui import QgsCheckableComboBox
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QGroupBox, QWidget

from landcover_qgis.engine_commands import PseudoLabelRequest, SelfTrainRequest, Settings, TrainRequest
from landcover_qgis.engine_options import HISTOGRAM_REFERENCE, ROUNDS, THRESHOLD
from landcover_qgis.engine_schema import EngineSchema
from landcover_qgis.i18n import translate
from landcover_qgis.layer_io import RasterInput, raster_input
from landcover_qgis.option_widgets import OptionSpinBox, panel_form
from landcover_qgis.qgis_singletons import current_project

PSEUDO_LABEL, SELF_TRAIN = "pseudo-label", "self-train"


class SelfTrainingGroup(QGroupBox):
    """Unlabeled raster layers, the confidence threshold and the number of self-training rounds."""

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(translate("SelfTrainingGroup", "Pseudo-label / self-train"), parent)
        form = panel_form(self)
        self.unlabeled = QgsCheckableComboBox()
        self.unlabeled.setDefaultText(translate("SelfTrainingGroup", "the image layer"))
        self.unlabeled.setToolTip(translate("SelfTrainingGroup", "Unlabeled scenes: pseudo-labelled, or added to "
                                                                 "training round by round."))
        self.threshold = OptionSpinBox(PSEUDO_LABEL, THRESHOLD)
        self.rounds = OptionSpinBox(SELF_TRAIN, ROUNDS)
        form.addRow(translate("SelfTrainingGroup", "Unlabeled layers"), self.unlabeled)
        form.addRow(translate("SelfTrainingGroup", "Confidence threshold"), self.threshold)
        form.addRow(translate("SelfTrainingGroup", "Self-training rounds"), self.rounds)
        self.schema: Optional[EngineSchema] = None
        self.refresh_layers()
        current_project().layersAdded.connect(self.refresh_layers)
        current_project().layersRemoved.connect(self.refresh_layers)

    def shutdown(self) -> None:
        """Disconnects from the project."""
        for signal in (current_project().layersAdded, current_project().layersRemoved):
            with contextlib.suppress(TypeError):  # not connected
                signal.disconnect(self.refresh_layers)

    def refresh_layers(self, *_args: object) -> None:
        """Lists the project's raster layers, keeping the checked ones."""
        checked = set(self.unlabeled.checkedItemsData())
        self.unlabeled.clear()
        for layer in current_project().mapLayers().values():
            if isinstance(layer, QgsRasterLayer):
                state = Qt.CheckState.Checked if layer.id() in checked else Qt.CheckState.Unchecked
                self.unlabeled.addItemWithCheckState(layer.name(), state, layer.id())

    def apply_schema(self, schema: EngineSchema) -> None:
        """Enables what the engine has: the threshold of ``pseudo-label`` (else ``self-train``), the rounds."""
        self.schema = schema
        self.threshold.apply_option(schema.option(PSEUDO_LABEL, THRESHOLD) or schema.option(SELF_TRAIN, THRESHOLD))
        self.rounds.apply_option(schema.option(SELF_TRAIN, ROUNDS))
        self.setEnabled(schema.has_command(PSEUDO_LABEL) or schema.has_command(SELF_TRAIN))

    def unlabeled_layers(self) -> List[QgsRasterLayer]:
        """The checked raster layers."""
        project = current_project()
        layers = [project.mapLayer(layer_id) for layer_id in self.unlabeled.checkedItemsData()]
        return [layer for layer in layers if isinstance(layer, QgsRasterLayer)]

    def _settings(self, command: str, dests: Sequence[str]) -> Settings:
        settings: Settings = {}
        for dest, box in ((THRESHOLD, self.threshold), (ROUNDS, self.rounds)):
            spec = self.schema.option(command, dest) if self.schema is not None else None
            if dest in dests and spec is not None:
                settings.update(spec.setting(box.option_value()))
        return settings

    def pseudo_label_request(self, models: Sequence[str], image: RasterInput, out: str) -> PseudoLabelRequest:
        """Pseudo-labels of the checked layers (none checked: ``image``) into the folder ``out``."""
        scenes = [raster_input(layer) for layer in self.unlabeled_layers()] or [image]
        return PseudoLabelRequest(list(models), scenes, out, self._settings(PSEUDO_LABEL, (THRESHOLD,)))

    def self_train_request(self, train: TrainRequest) -> SelfTrainRequest:
        """Self-training: ``train`` plus the checked layers as unlabeled scenes, with threshold and rounds."""
        train.settings.update(self._settings(SELF_TRAIN, (THRESHOLD, ROUNDS)))
        if self.schema is not None and self.schema.option(SELF_TRAIN, HISTOGRAM_REFERENCE) is None:
            train.reference = None  # this engine's self-train cannot histogram-match
        return SelfTrainRequest(train, [raster_input(layer) for layer in self.unlabeled_layers()])
