"""The panel's status line: its colour and text follow the worst thing that happened in the current job."""

from __future__ import annotations

from typing import List, Optional

from qgis.core import Qgis, QgsMessageLog
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QLabel, QWidget

from landcover_qgis.i18n import translate

#: Tag of the panel's messages in the QGIS log.
LOG_TAG = "landcover"

#: Severity order of the message levels (QGIS's enum values are not ordered that way).
_RANK = {Qgis.MessageLevel.Info: 0, Qgis.MessageLevel.Success: 1, Qgis.MessageLevel.Warning: 2,
         Qgis.MessageLevel.Critical: 3}
_COLOUR = {Qgis.MessageLevel.Critical: "#b00020", Qgis.MessageLevel.Warning: "#a05a00",
           Qgis.MessageLevel.Success: "#1b5e20"}
#: Warnings repeated in the panel (the log keeps them all).
_SHOWN_WARNINGS = 6


class StatusLine(QLabel):
    """One status line: a headline and the warnings of the current job, coloured by the worst of them.

    :meth:`report` starts afresh (a new job, or a message about the form); :meth:`warn` adds a warning that
    stays until the next :meth:`report`; :meth:`finish` sets the job's closing headline without lowering
    the level a warning already raised: a job that warned never ends green.
    """

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__("", parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.headline = ""
        self.level = Qgis.MessageLevel.Info
        self.warnings: List[str] = []

    def report(self, text: str, level: Qgis.MessageLevel = Qgis.MessageLevel.Info) -> None:
        """Starts afresh with ``text`` at ``level`` (warnings of an earlier job are dropped)."""
        self.headline, self.level, self.warnings = text, level, []
        self._render()
        QgsMessageLog.logMessage(text, LOG_TAG, level)

    def warn(self, text: str) -> None:
        """Adds a warning (shown under the headline; the line turns amber unless it is red already)."""
        text = text.strip()
        if not text or text in self.warnings:
            return
        self.warnings.append(text)
        self.level = self._worst(self.level, Qgis.MessageLevel.Warning)
        self._render()
        QgsMessageLog.logMessage(text, LOG_TAG, Qgis.MessageLevel.Warning)

    def finish(self, text: str, level: Qgis.MessageLevel) -> None:
        """The job's closing headline; the colour is the worst of ``level`` and the job's warnings."""
        self.headline = text
        self.level = self._worst(level, Qgis.MessageLevel.Warning) if self.warnings else level
        self._render()
        QgsMessageLog.logMessage(text, LOG_TAG, self.level)

    @staticmethod
    def _worst(first: Qgis.MessageLevel, second: Qgis.MessageLevel) -> Qgis.MessageLevel:
        return first if _RANK.get(first, 0) >= _RANK.get(second, 0) else second

    def _render(self) -> None:
        colour = _COLOUR.get(self.level, "")
        self.setStyleSheet(f"color: {colour}" if colour else "")
        lines = [self.headline] if self.headline else []
        if self.warnings:
            count = len(self.warnings)
            warnings = (translate("StatusLine", "{count} warnings:") if count > 1 else
                        translate("StatusLine", "1 warning:"))
            lines.append(warnings.format(count=count) if self.headline else "")
            lines.extend(f"⚠ {warning}" for warning in self.warnings[:_SHOWN_WARNINGS])
            if count > _SHOWN_WARNINGS:
                lines.append(translate("StatusLine", "… and {count} more in the log below.").format(
                    count=count - _SHOWN_WARNINGS))
        self.setText("\n".join(line for line in lines if line))
