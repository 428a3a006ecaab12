"""'Set up engine…': choose the engine Python, create the managed venv, pip-install the engine, check it."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, List, Optional

from qgis.gui import QgsFileWidget
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from landcover_qgis.engine_schema import forget_schemas
from landcover_qgis.engine_setup import (
    TorchBuild,
    base_python,
    create_venv_command,
    default_torch_build,
    engine_source_dir,
    install_engine_commands,
    is_incomplete,
    managed_python,
    mark_incomplete,
    torch_build_warning,
)
from landcover_qgis.gpu_check import has_nvidia_gpu
from landcover_qgis.i18n import translate
from landcover_qgis.qgis_singletons import task_manager
from landcover_qgis.settings import engine_location, managed_venv_dir, set_engine_python
from landcover_qgis.tasks import ProcessTask

#: Seconds pip gets to stop after Cancel before it is killed (it leaves nothing worth a longer wait).
SETUP_CANCEL_GRACE_S = 3.0


class EngineSetupDialog(QDialog):
    """Runs set-up commands one after the other in a background task, showing their output live.

    Args:
        on_engine_changed: Called when the engine Python changed or was (re)installed.
        parent: The parent widget.
        gpu: Whether the machine has an NVIDIA GPU; None: detect it.
    """

    def __init__(self, on_engine_changed: Callable[[], None], parent: Optional[QWidget] = None,
                 gpu: Optional[bool] = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("EngineSetupDialog", "landcover: set up engine"))
        self.resize(720, 480)
        self.on_engine_changed = on_engine_changed
        self._task: Optional[ProcessTask] = None
        self._on_success: Optional[Callable[[], None]] = None
        self.gpu = has_nvidia_gpu() if gpu is None else gpu

        location = engine_location()
        self.python = QgsFileWidget()
        self.python.setFilePath(location.python)
        self.origin = QLabel()
        self.origin.setWordWrap(True)
        self._show_origin()
        use_button = QPushButton(translate("EngineSetupDialog", "Use this Python"))
        create_button = QPushButton(translate("EngineSetupDialog", "Create managed environment"))
        create_button.setToolTip(f"python -m venv {managed_venv_dir()}")  # no-i18n: a command
        install_button = QPushButton(translate("EngineSetupDialog", "Install engine"))
        source = engine_source_dir()
        install_button.setToolTip(f"pip install {source}" if source else  # no-i18n: a command
                                  translate("EngineSetupDialog", "No engine source found next to the plugin."))
        install_button.setEnabled(source is not None)
        check_button = QPushButton(translate("EngineSetupDialog", "Check"))
        self.cancel_button = QPushButton(translate("EngineSetupDialog", "Cancel"))
        self.cancel_button.setToolTip(translate("EngineSetupDialog", "Stops the running command; a half-built "
                                                                     "managed environment is removed."))
        self.cancel_button.setEnabled(False)
        self.torch_build = QComboBox()
        for build in TorchBuild:
            self.torch_build.addItem(build.label, build)
        self.torch_build.setCurrentIndex(list(TorchBuild).index(default_torch_build(self.gpu)))
        self.torch_note = QLabel()
        self.torch_note.setWordWrap(True)
        self.output = QPlainTextEdit()
        self.output.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        build_row = QHBoxLayout()
        build_row.addWidget(QLabel(translate("EngineSetupDialog", "torch build to install:")))
        build_row.addWidget(self.torch_build)
        build_row.addWidget(self.torch_note, 1)
        row = QHBoxLayout()
        for button in (use_button, create_button, install_button, check_button, self.cancel_button):
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.origin)
        layout.addWidget(self.python)
        layout.addLayout(build_row)
        layout.addLayout(row)
        layout.addWidget(self.output, 1)
        layout.addWidget(buttons)

        use_button.clicked.connect(self.use_python)
        create_button.clicked.connect(self.create_managed_environment)
        install_button.clicked.connect(self.install_engine)
        check_button.clicked.connect(self.check)
        self.cancel_button.clicked.connect(self.cancel)
        self.torch_build.currentIndexChanged.connect(self._show_torch_note)
        self._show_torch_note()

    @property
    def chosen_build(self) -> TorchBuild:
        """The torch build chosen in the dialog."""
        return self.torch_build.currentData()

    def _show_origin(self) -> None:
        location = engine_location()
        self.origin.setText(translate("EngineSetupDialog", "Current engine Python ({origin}): {python}").format(
            origin=location.origin, python=location.python))

    def _show_torch_note(self) -> None:
        found = translate("EngineSetupDialog", "An NVIDIA GPU was found.") if self.gpu else translate(
                "EngineSetupDialog", "No NVIDIA GPU found: the CPU-only build is smaller.")
        self.torch_note.setText(torch_build_warning(self.chosen_build, self.gpu) or found)

    def use_python(self) -> None:
        """Stores the chosen Python as the engine Python and re-checks the engine."""
        self._use_engine(self.python.filePath().strip())

    def _use_engine(self, python: str) -> None:
        """Makes ``python`` the engine: stored, its description read afresh, the plugin told."""
        set_engine_python(python)
        forget_schemas()  # a description (or a failure) remembered for this path may predate what was just built
        self._show_origin()
        self.output.appendPlainText(translate("EngineSetupDialog", "Engine Python set to {python}").format(
            python=engine_location().python))
        self.on_engine_changed()

    def create_managed_environment(self) -> None:
        """Creates the managed venv, marks it half-built until the engine is installed, and makes it the engine."""
        python = base_python()
        if python is None:
            self.output.appendPlainText(translate("EngineSetupDialog", "No system Python found to create the "
                                                                       "environment with."))
            return
        venv = managed_venv_dir()
        new = not venv.exists()
        self.python.setFilePath(managed_python())

        def created() -> None:
            if new:
                mark_incomplete(venv, True)
            self._use_engine(managed_python())

        self.run_commands([create_venv_command(python, venv)], cleanup=venv if new else None, on_success=created)

    def install_engine(self) -> None:
        """pip-installs the bundled engine source into the chosen Python (torch as chosen), then makes it the engine.

        A managed environment still marked half-built is removed when the install fails or is cancelled.
        """
        source = engine_source_dir()
        if source is None:
            return
        python = self.python.filePath().strip()
        warning = torch_build_warning(self.chosen_build, self.gpu)
        if warning:
            self.output.appendPlainText(warning)
        venv = managed_venv_dir()
        managed = Path(python) == Path(managed_python())

        def installed() -> None:
            if managed:
                mark_incomplete(venv, False)
            self._use_engine(python)

        self.run_commands(install_engine_commands(python, source, self.chosen_build),
                          cleanup=venv if managed and is_incomplete(venv) else None, on_success=installed)

    def check(self) -> None:
        """Runs ``doctor`` and shows its output."""
        self.run_commands([[self.python.filePath().strip(), "-m", "landcover_core", "doctor"]])

    @property
    def busy(self) -> bool:
        """True while a set-up command runs."""
        return self._task is not None

    def run_commands(self, commands: List[List[str]], cleanup: Optional[Path] = None,
                     on_success: Optional[Callable[[], None]] = None) -> None:
        """Runs commands one after the other through the plugin's launcher, showing their output.

        Args:
            commands: The command lines.
            cleanup: A folder removed if a command fails or is cancelled (a half-built environment).
            on_success: Called when all succeed; default: the engine is checked again (``on_engine_changed``).
        """
        if self._task is not None:
            self.output.appendPlainText(translate("EngineSetupDialog", "Busy: wait for the running command."))
            return
        self._on_success = on_success or self.on_engine_changed
        self._task = ProcessTask(
            translate("EngineSetupDialog", "landcover: setting up the engine"),
            commands,
            self._finished,
            cleanup=cleanup,
            grace_s=SETUP_CANCEL_GRACE_S,
        )
        self._task.lineReceived.connect(self.output.appendPlainText)
        self.cancel_button.setEnabled(True)
        task_manager().addTask(self._task)

    def cancel(self) -> None:
        """Stops the running command (the task removes a half-built environment)."""
        if self._task is not None:
            self.output.appendPlainText(translate("EngineSetupDialog", "Cancelling…"))
            self._task.cancel()

    def _finished(self, problem: Optional[str]) -> None:
        self._task = None
        self.cancel_button.setEnabled(False)
        on_success, self._on_success = self._on_success, None
        if problem:
            self.output.appendPlainText(problem)
            return
        self.output.appendPlainText(translate("EngineSetupDialog", "Done."))
        if on_success is not None:
            on_success()

    def done(self, result: int) -> None:
        """Closing the dialog stops a running command (pip or venv creation)."""
        if self._task is not None:
            self._task.on_finished = lambda problem: None
            self._task.cancel()
            self._task = None
        super().done(result)
