"""'Set up engine…': choosing a Python, creating the managed venv, and what 'Install engine' would install."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile

from conftest import REPO, wait_for
from qgis.core import QgsApplication, QgsSettings
from qgis.PyQt.QtCore import QProcess

from landcover_qgis.engine_setup import engine_source_dir, install_engine_commands
from landcover_qgis.settings import ENGINE_PYTHON_KEY, engine_location, managed_venv_dir, venv_python
from landcover_qgis.setup_dialog import EngineSetupDialog


def test_engine_python_comes_from_setting_then_environment_then_managed_venv(engine_python, monkeypatch) -> None:
    assert engine_location().python == engine_python and engine_location().origin == "environment"
    QgsSettings().setValue(ENGINE_PYTHON_KEY, "/opt/engine/bin/python")
    assert engine_location().python == "/opt/engine/bin/python" and engine_location().origin == "setting"
    QgsSettings().remove(ENGINE_PYTHON_KEY)
    monkeypatch.delenv("LANDCOVER_PYTHON")
    location = engine_location()
    assert location.python == str(venv_python(managed_venv_dir())) and location.origin == "managed venv"


def test_install_uses_the_engine_source_next_to_the_plugin() -> None:
    source = engine_source_dir()
    assert source == REPO  # running from the source tree; the ZIP has landcover_qgis/engine instead
    commands = install_engine_commands("/venv/bin/python", source)
    assert commands[-1][:4] == ["/venv/bin/python", "-m", "pip", "install"] and commands[-1][-1] == str(REPO)


def test_dialog_creates_the_managed_venv_and_reports_a_missing_engine(qgis_app, monkeypatch) -> None:
    monkeypatch.delenv("LANDCOVER_PYTHON")
    changes = []
    dialog = EngineSetupDialog(lambda: changes.append(True))
    dialog.create_managed_environment()
    assert wait_for(lambda: not dialog.busy, 120), dialog.output.toPlainText()
    managed = venv_python(managed_venv_dir())
    assert managed.is_file() and os.access(managed, os.X_OK), dialog.output.toPlainText()
    assert dialog.python.filePath() == str(managed) and changes
    dialog.use_python()
    assert engine_location().python == str(managed)
    dialog.check()  # the fresh venv has no engine yet: the output says so, nothing raises
    assert wait_for(lambda: not dialog.busy, 60)
    assert "No module named landcover_core" in dialog.output.toPlainText()
    assert "Failed: the command exited with code 1." in dialog.output.toPlainText()
    dialog.deleteLater()
    shutil.rmtree(managed_venv_dir())


def test_setup_commands_run_through_the_engine_launcher(qgis_app, monkeypatch) -> None:
    """Live output, the engine's clean environment and neutral folder, and a stop when the dialog closes."""
    monkeypatch.setenv("PYTHONPATH", "/qgis/python")  # QGIS's own; must not reach child Pythons
    dialog = EngineSetupDialog(lambda: None)
    greeting = "import os; print('hi from', os.environ.get('PYTHONPATH', 'a clean env'))"
    dialog.run_commands([[sys.executable, "-c", greeting],
                         [sys.executable, "-c", "import os; print('in', os.getcwd())"]])
    assert dialog.busy
    assert wait_for(lambda: not dialog.busy, 30), dialog.output.toPlainText()
    output = dialog.output.toPlainText()
    assert "hi from a clean env" in output and f"in {tempfile.gettempdir()}" in output and output.endswith("Done.")
    assert not dialog.findChildren(QProcess)

    dialog.run_commands([[sys.executable, "-c", "import time; print('started', flush=True); time.sleep(120)"]])
    assert wait_for(lambda: "started" in dialog.output.toPlainText(), 30)
    dialog.reject()  # closing stops the command (SIGTERM) instead of leaving it running
    assert not dialog.busy
    assert wait_for(lambda: QgsApplication.taskManager().countActiveTasks() == 0, 30)
    dialog.deleteLater()
