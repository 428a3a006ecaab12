"""Widgets configured by the engine's description: number boxes for options, combo boxes holding stable ids."""

from __future__ import annotations

from typing import Optional, Sequence, Tuple, Union

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QAbstractSpinBox, QComboBox, QDoubleSpinBox, QFormLayout, QWidget

from landcover_qgis.engine_schema import FLOAT_DECIMALS, OptionSpec
from landcover_qgis.i18n import translate

#: One combo-box entry: (stable id, display text).
Choice = Tuple[str, str]


class OptionSpinBox(QDoubleSpinBox):
    """A number box for one engine option: its type, range, step and default come from the engine.

    It stays disabled until :meth:`apply_option` gives it the engine's description of the option.
    (A QDoubleSpinBox with 0 decimals serves integers too, beyond the 32-bit range of QSpinBox.)

    Attributes:
        command: The engine command, e.g. ``train``.
        dest: The option's id, e.g. ``tile_size``.
        spec: The option as the engine describes it, None until applied.
    """

    def __init__(self, command: str, dest: str, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.command, self.dest = command, dest
        self.spec: Optional[OptionSpec] = None
        self.setEnabled(False)

    def apply_option(self, spec: Optional[OptionSpec]) -> None:
        """Takes range, step, default and help from the engine's option (None: the engine lacks it; disabled)."""
        self.spec = spec if spec is not None and spec.is_number else None
        self.setEnabled(self.spec is not None)
        if self.spec is None:
            self.setToolTip(translate("OptionSpinBox", "This engine has no '{command}' option '{dest}'.").format(
                command=self.command, dest=self.dest))
            return
        spec = self.spec
        self.setDecimals(0 if spec.is_integer else FLOAT_DECIMALS)
        self.setRange(*spec.spin_range())
        step = spec.single_step()
        if step is None:
            self.setStepType(QAbstractSpinBox.StepType.AdaptiveDecimalStepType)
        else:
            self.setStepType(QAbstractSpinBox.StepType.DefaultStepType)
            self.setSingleStep(step)
        if spec.default is not None:
            self.setValue(float(spec.default))
        self.setToolTip(f"{spec.help} ({spec.flag})" if spec.help else spec.flag)

    def option_value(self) -> Union[int, float, None]:
        """The value for the engine: an int for integer options, None while the engine lacks the option."""
        if self.spec is None:
            return None
        return round(self.value()) if self.spec.is_integer else float(self.value())


def panel_form(parent: Optional[QWidget] = None) -> QFormLayout:
    """A form for the 360 px panel: a row too wide for label and field side by side puts the field under its label.

    Translated labels are often longer than the English; side by side they would push the page wider than the panel.
    """
    form = QFormLayout(parent)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    return form


def choice_combo(choices: Sequence[Choice] = ()) -> QComboBox:
    """A combo box whose entries carry stable ids as item data."""
    combo = QComboBox()
    set_choices(combo, choices)
    return combo


def set_choices(combo: QComboBox, choices: Sequence[Choice]) -> None:
    """Replaces the entries, keeping the current id selected when it is still offered."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for item_id, text in choices:
        combo.addItem(text, item_id)
    combo.blockSignals(False)
    if current is None or not select_id(combo, current):
        combo.setCurrentIndex(0 if combo.count() else -1)
        combo.currentIndexChanged.emit(combo.currentIndex())


def select_id(combo: QComboBox, item_id: str) -> bool:
    """Selects the entry with this id (or, for values stored by older versions, this display text).

    Returns:
        False when no entry matches (the selection is unchanged).
    """
    index = combo.findData(item_id)
    if index < 0:
        index = combo.findText(item_id, Qt.MatchFlag.MatchFixedString)  # case-insensitive
    if index >= 0:
        combo.setCurrentIndex(index)
    return index >= 0
