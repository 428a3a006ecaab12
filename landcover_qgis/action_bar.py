"""The panel's fixed action bar: the job buttons, one progress bar with elapsed time and ETA, the status line.

It sits below the scrolling sections and never moves: the status line has a fixed height (it scrolls when a
job warned a lot), so buttons do not jump when a message appears.
"""

from __future__ import annotations

import time
from typing import Callable, Optional, Tuple

from qgis.PyQt.QtWidgets import QGridLayout, QProgressBar, QPushButton, QScrollArea, QVBoxLayout, QWidget

from landcover_qgis.engine_runner import training_fraction
from landcover_qgis.i18n import translate
from landcover_qgis.status_line import StatusLine

#: Lines of status text visible without scrolling.
STATUS_LINES = 3


def duration_text(seconds: float) -> str:
    """``"45 s"``, ``"6 min"``, ``"2 h 05 min"``: a duration as an analyst reads it."""
    seconds = max(0.0, seconds)
    if seconds < 90:
        return f"{seconds:.0f} s"
    minutes = round(seconds / 60)
    return f"{minutes} min" if minutes < 120 else f"{minutes // 60} h {minutes % 60:02d} min"


class JobProgress:
    """The whole job's fraction, elapsed time and ETA from the engine's per-stage progress events.

    Training reports each epoch as a stage from 0 to 1; with the event's epoch and epochs the
    stage is placed within the run, so the bar runs once from 0 to 100 % instead of restarting every epoch.
    Once a job has reported an epoch, or when it is known to train, its other stages (finding labelled
    pixels, validation) show their text without moving the bar.

    Args:
        training: The job trains: the bar follows its epochs only (not the 100 % of its data scan).
        clock: Seconds since some origin (``time.monotonic``; tests pass their own).
    """

    def __init__(self, training: bool = False, clock: Callable[[], float] = time.monotonic) -> None:
        self.training = training
        self.clock = clock
        self.started = clock()
        self.fraction = 0.0
        self.epoch = ""
        self._timed_from: Optional[Tuple[float, float]] = None  # (time, fraction) where the ETA starts counting

    def update(self, fraction: float, message: str, epoch: Optional[Tuple[int, int]] = None) -> None:
        """Takes a progress event: ``fraction`` of the current stage, ``message`` the engine's text.

        Args:
            fraction: How far the current stage is, 0..1.
            message: The engine's text.
            epoch: (epoch, epochs) when the stage is a training epoch (the event's ``epoch`` and ``epochs``).
        """
        if epoch is not None:
            self.epoch = translate("JobProgress", "epoch {}/{}").format(*epoch)
            fraction = training_fraction(fraction, epoch)
            if self._timed_from is None:  # the ETA counts from the first training step, not the data scan
                self._timed_from = (self.clock(), fraction)
        elif self.training or self.epoch:
            return  # a stage around the epochs: its text is shown, the bar stays where the epochs put it
        self.fraction = min(max(fraction, 0.0), 1.0)

    def elapsed(self) -> float:
        """Seconds since the job started."""
        return self.clock() - self.started

    def remaining(self) -> Optional[float]:
        """Seconds left at the pace since training started, or None before there is a pace to go by."""
        if self._timed_from is None:
            return None
        since, at = self._timed_from
        done = self.fraction - at
        if done <= 0.005:
            return None
        return (self.clock() - since) * (1.0 - self.fraction) / done

    def text(self, message: str) -> str:
        """The bar's text: percent, what runs, elapsed and remaining time."""
        parts = [f"{self.fraction * 100:.0f}%", self.epoch or message]
        remaining = self.remaining()
        parts.append(duration_text(self.elapsed()) if remaining is None else
                     translate("JobProgress", "{elapsed} · about {remaining} left").format(
                         elapsed=duration_text(self.elapsed()), remaining=duration_text(remaining)))
        return "  ".join(part for part in parts if part)


class ActionBar(QWidget):
    """Train, Classify, Cancel and the other job buttons, the progress bar and the status line."""

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        buttons = QGridLayout()
        self.train_button = QPushButton(translate("ActionBar", "Train"))
        self.classify_button = QPushButton(translate("ActionBar", "Classify"))
        self.cancel_button = QPushButton(translate("ActionBar", "Cancel"))
        self.cancel_button.setEnabled(False)
        self.pseudo_label_button = QPushButton(translate("ActionBar", "Pseudo-label"))
        self.pseudo_label_button.setEnabled(False)
        self.pseudo_label_button.setToolTip(translate("ActionBar", "Needs an engine with a 'pseudo-label' command."))
        self.self_train_button = QPushButton(translate("ActionBar", "Self-train"))
        self.self_train_button.setEnabled(False)
        self.self_train_button.setToolTip(translate("ActionBar", "Needs an engine with a 'self-train' command."))
        self.resume_button = QPushButton(translate("ActionBar", "Resume"))
        self.resume_button.setToolTip(translate("ActionBar", "Continue the interrupted training from the checkpoint "
                                                             "it kept."))
        self.resume_button.setVisible(False)
        for index, button in enumerate((self.train_button, self.classify_button, self.cancel_button,
                                        self.pseudo_label_button, self.self_train_button, self.resume_button)):
            buttons.addWidget(button, index // 3, index % 3)
        layout.addLayout(buttons)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.progress.setFormat("")
        layout.addWidget(self.progress)
        self.status = StatusLine()
        self.status_area = QScrollArea()
        self.status_area.setWidgetResizable(True)
        self.status_area.setWidget(self.status)
        self.status_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.status_area.setFixedHeight(self.fontMetrics().lineSpacing() * STATUS_LINES + 6)
        layout.addWidget(self.status_area)
        self.job: Optional[JobProgress] = None

    def start_job(self, training: bool = False) -> None:
        """Resets the bar for a new job (``training``: the bar follows its epochs)."""
        self.job = JobProgress(training)
        self.progress.setValue(0)
        self.progress.setFormat("0%")

    def show_progress(self, fraction: float, message: str, epoch: Optional[Tuple[int, int]] = None) -> None:
        """Shows an engine progress event: ``fraction`` of its stage (0..1), ``epoch`` (epoch, epochs) of a training."""
        if self.job is None:
            self.start_job()
        assert self.job is not None
        self.job.update(fraction, message, epoch)
        self.progress.setValue(round(self.job.fraction * 100))
        self.progress.setFormat(self.job.text(message))

    def end_job(self, succeeded: bool) -> None:
        """Leaves the bar full after a success (with the time it took), as it was after a failure."""
        if succeeded:
            self.progress.setValue(100)
            took = duration_text(self.job.elapsed()) if self.job is not None else ""
            self.progress.setFormat(
                translate("ActionBar", "100%  done in {took}").format(took=took) if took else "100%")
        self.job = None
