"""'Set up engine…': choose the engine Python, create the managed venv, pip-install the engine, check it."""

from __future__ import annotations

from typing import Callable, List, Optional

from qgis.gui import QgsFileWidget
from qgis.PyQt.QtCore import QProcess
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

from landcover_qgis.engine_runner import engine_environment, engine_working_directory
from landcover_qgis.engine_setup import (
    base_python,
    create_venv_command,
    engine_source_dir,
    install_engine_commands,
    managed_python,
)
from landcover_qgis.settings import engine_location, managed_venv_dir, set_engine_python


class EngineSetupDialog(QDialog):
    """Runs setup commands one after the other with QProcess, showing their output live."""

    def __init__(self, on_engine_changed: Callable[[], None], parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("landcover: set up engine")
        self.resize(720, 480)
        self.on_engine_changed = on_engine_changed
        self._queue: List[List[str]] = []
        self._process: Optional[QProcess] = None

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
        self._run([create_venv_command(python)])

    def install_engine(self) -> None:
        """pip-installs the bundled engine source into the chosen Python."""
        source = engine_source_dir()
        if source is not None:
            self._run(install_engine_commands(self.python.filePath().strip(), source))

    def check(self) -> None:
        """Runs ``doctor`` and shows its output."""
        self._run([[self.python.filePath().strip(), "-m", "landcover_core", "doctor"]])

    @property
    def busy(self) -> bool:
        """True while a setup command runs."""
        return self._process is not None

    def _run(self, commands: List[List[str]]) -> None:
        if self._process is not None:
            self.output.appendPlainText("Busy: wait for the running command.")
            return
        self._queue = list(commands)
        self._next()

    def _next(self) -> None:
        if not self._queue:
            self._process = None
            self.output.appendPlainText("Done.")
            self.on_engine_changed()
            return
        argv = self._queue.pop(0)
        self.output.appendPlainText("$ " + " ".join(argv))
        process = QProcess(self)
        process.setProcessChannelMode(QProcess.MergedChannels)
        environment = process.processEnvironment()
        environment.clear()
        for key, value in engine_environment().items():
            environment.insert(key, value)
        process.setProcessEnvironment(environment)
        process.setWorkingDirectory(engine_working_directory())
        process.readyReadStandardOutput.connect(
            lambda: self.output.appendPlainText(bytes(process.readAllStandardOutput()).decode("utf-8", "replace").rstrip()))
        process.finished.connect(self._finished)
        process.errorOccurred.connect(self._failed_to_start)
        self._process = process
        process.start(argv[0], argv[1:])

    def _finished(self, exit_code: int, _status) -> None:
        if exit_code != 0:
            self.output.appendPlainText(f"Failed with exit code {exit_code}.")
            self._queue.clear()
            self._process = None
            return
        self._next()

    def _failed_to_start(self, error) -> None:
        if error == QProcess.FailedToStart:
            self.output.appendPlainText("Cannot start that program: check the Python path.")
            self._queue.clear()
            self._process = None
