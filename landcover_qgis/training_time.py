"""How long a training will take, asked of the engine before it starts (``train --estimate``).

When it is long, an analyst on a laptop CPU hears "about 9 h" before waiting for it, and is offered the quick
preset instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any, Mapping, Optional

from qgis.PyQt.QtWidgets import QMessageBox, QWidget

from landcover_qgis.action_bar import duration_text
from landcover_qgis.command_line import engine_args
from landcover_qgis.engine_commands import EngineCall
from landcover_qgis.engine_options import ESTIMATE
from landcover_qgis.engine_schema import EngineSchema
from landcover_qgis.i18n import translate

#: A training estimated longer than this asks before it starts.
LONG_TRAINING_S = 30 * 60


class LongTrainingChoice(Enum):
    """What the analyst chose when told a training would be long."""

    TRAIN = "train"
    QUICK_PRESET = "quick"
    CANCEL = "cancel"


@dataclass(frozen=True)
class TrainingTime:
    """The engine's estimate: seconds in all, on which device, from how many steps of how long."""

    seconds: float
    device: str
    steps: int
    seconds_per_step: float

    @classmethod
    def from_summary(cls, summary: Mapping[str, Any]) -> Optional[TrainingTime]:
        """Reads ``train --estimate``'s result summary (None when it holds no estimate)."""
        try:
            return cls(float(summary["seconds"]), str(summary.get("device") or "cpu"), int(summary["steps"]),
                       float(summary["seconds_per_step"]))
        except (KeyError, TypeError, ValueError):
            return None

    def text(self) -> str:
        """The estimate in words, e.g. "Estimated: about 6 min on CPU (320 steps of 1.1 s; ...)."."""
        device = "GPU" if self.device == "cuda" else self.device.upper()
        return translate(
            "TrainingTime",
            "Estimated: about {duration} on {device} ({steps} steps of "
            "{seconds_per_step:.1f} s; validation adds a little)."
        ).format(
            duration=duration_text(self.seconds),
            device=device,
            steps=self.steps,
            seconds_per_step=self.seconds_per_step,
        )


def can_estimate(schema: Optional[EngineSchema]) -> bool:
    """Whether the engine's ``train`` has ``--estimate``."""
    return schema is not None and schema.option("train", ESTIMATE) is not None


def estimate_call(schema: EngineSchema, training: EngineCall) -> EngineCall:
    """The training's command with ``--estimate``: the same inputs and settings, timed instead of run."""
    return EngineCall(training.command, [*training.args, *engine_args(schema, training.command, {ESTIMATE: True})],
                      translate("TrainingTime", "Timing a few training steps"), training.prepare)


def ask_about_long_training(parent: QWidget, time: TrainingTime, quick_preset: Optional[str]) -> LongTrainingChoice:
    """Asks whether to start a long training, offering the quick preset when there is one."""
    box = QMessageBox(QMessageBox.Icon.Question, translate("TrainingTime", "Long training"),
                      translate("TrainingTime", "{text}\n\nStart it anyway?").format(text=time.text()), parent=parent)
    train = box.addButton(translate("TrainingTime", "Train anyway"), QMessageBox.ButtonRole.AcceptRole)
    quick = box.addButton(translate("TrainingTime", "Use '{quick_preset}'").format(
        quick_preset=quick_preset), QMessageBox.ButtonRole.ActionRole) if quick_preset else None
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(quick or train)
    box.exec()
    if box.clickedButton() is train:
        return LongTrainingChoice.TRAIN
    if quick is not None and box.clickedButton() is quick:
        return LongTrainingChoice.QUICK_PRESET
    return LongTrainingChoice.CANCEL
