"""'Set up engine…': choose the engine Python, create the managed venv, pip-install the engine, check it."""

from __future__ import annotations

from typing import Callable, List, Optional

from qgis.core import QgsApplication
from qgis.gui import QgsFileWidget
from qgis.PyQt.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from landcover_qgis.engine_setup import (
    base_python,
    create_venv_command,
    engine_source_dir,
    install_engine_commands,
    managed_python,
)
from landcover_qgis.settings import engine_location, managed_venv_dir, set_engine_python
from landcover_qgis.tasks import ProcessTask


class EngineSetupDialog(QDialog):
    """Runs set-up commands one after the other in a background task, showing their output live."""

    def __init__(self, on_engine_changed: Callable[[], None], parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("landcover: set up engine")
        self.resize(720, 480)
        self.on_engine_changed = on_engine_changed
        self._task: Optional[ProcessTask] = None

        location = engine_location()
        self.python = QgsFileWidget()
        self.python.setFilePath(location.python)
        self.origin = QLabel(f"Current engine Python ({location.origin}): {location.python}")
        self.origin.setWordWrap(True)
        use_button = QPushButton("Use this Python")
        create_button = QPushButton("Create managed environment")
        create_button.setToolTip(f"python -m venv {managed_venv_dir()}")
        install_button = QPushButton("Install engine")
        source = engine_source_dir()
        install_button.setToolTip(f"pip install {source}" if source else "No engine source found next to the plugin.")
        install_button.setEnabled(source is not None)
        check_button = QPushButton("Check")
        self.output = QPlainTextEdit()
        self.output.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)

        row = QHBoxLayout()
        for button in (use_button, create_button, install_button, check_button):
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.origin)
        layout.addWidget(self.python)
        layout.addLayout(row)
        layout.addWidget(self.output, 1)
        layout.addWidget(buttons)

        use_button.clicked.connect(self.use_python)
        create_button.clicked.connect(self.create_managed_environment)
        install_button.clicked.connect(self.install_engine)
        check_button.clicked.connect(self.check)

    def use_python(self) -> None:
        """Stores the chosen Python as the engine Python and re-checks the engine."""
        set_engine_python(self.python.filePath().strip())
        self.output.appendPlainText(f"Engine Python set to {engine_location().python}")
        self.on_engine_changed()

    def create_managed_environment(self) -> None:
        """Creates the managed venv and selects it."""
        python = base_python()
        if python is None:
            self.output.appendPlainText("No system Python found to create the environment with.")
            return
        self.python.setFilePath(managed_python())
        self.run_commands([create_venv_command(python)])

    def install_engine(self) -> None:
        """pip-installs the bundled engine source into the chosen Python."""
        source = engine_source_dir()
        if source is not None:
            self.run_commands(install_engine_commands(self.python.filePath().strip(), source))

    def check(self) -> None:
        """Runs ``doctor`` and shows its output."""
        self.run_commands([[self.python.filePath().strip(), "-m", "landcover_core", "doctor"]])

    @property
    def busy(self) -> bool:
        """True while a set-up command runs."""
        return self._task is not None

    def run_commands(self, commands: List[List[str]]) -> None:
        """Runs commands one after the other through the plugin's launcher, showing their output.

        When all succeed, the engine is checked again (``on_engine_changed``).
        """
        if self._task is not None:
            self.output.appendPlainText("Busy: wait for the running command.")
            return
        self._task = ProcessTask("landcover: setting up the engine", commands, self._finished)
        self._task.lineReceived.connect(self.output.appendPlainText)
        QgsApplication.taskManager().addTask(self._task)

    def _finished(self, problem: Optional[str]) -> None:
        self._task = None
        if problem:
            self.output.appendPlainText(problem)
            return
        self.output.appendPlainText("Done.")
        self.on_engine_changed()

    def done(self, result: int) -> None:
        """Closing the dialog stops a running command (pip or venv creation)."""
        if self._task is not None:
            self._task.on_finished = lambda problem: None
            self._task.cancel()
            self._task = None
        super().done(result)
