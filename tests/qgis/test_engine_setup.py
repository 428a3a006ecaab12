"""'Set up engine…': choosing a Python, creating the managed venv, what 'Install engine' installs, stopping it."""

from __future__ import annotations

import os
import shutil
import stat
import sys
import tempfile
from pathlib import Path

from conftest import REPO, wait_for
from qgis.core import QgsApplication, QgsSettings
from qgis.PyQt.QtCore import QProcess

from landcover_qgis.engine_setup import (
    CPU_WHEEL_INDEX,
    INCOMPLETE_MARKER,
    TorchBuild,
    engine_source_dir,
    install_engine_commands,
    torch_requirements,
)
from landcover_qgis.gpu_check import has_nvidia_gpu
from landcover_qgis.settings import ENGINE_PYTHON_KEY, engine_location, managed_venv_dir, venv_python
from landcover_qgis.setup_dialog import EngineSetupDialog


def executable(path: Path, body: str) -> str:
    """Writes a real executable Python script (a stand-in for pip's Python, or for nvidia-smi)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"#!{sys.executable}\nimport os, sys, time\n{body}")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return str(path)


def test_engine_python_comes_from_setting_then_environment_then_managed_venv(engine_python, monkeypatch) -> None:
    assert engine_location().python == engine_python and engine_location().origin == "environment"
    QgsSettings().setValue(ENGINE_PYTHON_KEY, "/opt/engine/bin/python")
    assert engine_location().python == "/opt/engine/bin/python" and engine_location().origin == "setting"
    QgsSettings().remove(ENGINE_PYTHON_KEY)
    monkeypatch.delenv("LANDCOVER_PYTHON")
    location = engine_location()
    assert location.python == str(venv_python(managed_venv_dir())) and location.origin == "managed venv"


def test_install_uses_the_engine_source_next_to_the_plugin_and_the_chosen_torch_build() -> None:
    source = engine_source_dir()
    assert source == REPO  # running from the source tree; the ZIP has landcover_qgis/engine instead
    cuda = install_engine_commands("/venv/bin/python", source, TorchBuild.CUDA)
    assert cuda[-1][:4] == ["/venv/bin/python", "-m", "pip", "install"] and cuda[-1][-1] == str(REPO)
    assert not any("--index-url" in command for command in cuda)
    pins = torch_requirements(source)
    assert [pin.split("==")[0] for pin in pins] == ["torch", "torchvision"]
    assert all(pin in (REPO / "pyproject.toml").read_text() for pin in pins), "the engine's own versions"
    cpu = install_engine_commands("/venv/bin/python", source, TorchBuild.CPU)
    assert cpu[-2][-4:] == ["--index-url", CPU_WHEEL_INDEX, *pins] and cpu[-1] == cuda[-1], "torch first, CPU-only"


def test_an_nvidia_gpu_is_found_by_its_driver_or_nvidia_smi(tmp_path: Path) -> None:
    no_driver = tmp_path / "no-driver"
    assert not has_nvidia_gpu(no_driver, str(tmp_path / "no-nvidia-smi"))
    lists_one = executable(tmp_path / "smi-gpu", "print('GPU 0: NVIDIA H100 80GB HBM3 (UUID: GPU-1234)')")
    assert has_nvidia_gpu(no_driver, lists_one)
    lists_none = executable(tmp_path / "smi-none", "print('No devices were found'); sys.exit(6)")
    assert not has_nvidia_gpu(no_driver, lists_none)
    (tmp_path / "driver" / "0000:01:00.0").mkdir(parents=True)
    assert has_nvidia_gpu(tmp_path / "driver", lists_none)


def test_the_dialog_proposes_the_cpu_build_without_a_gpu_and_warns_about_cuda(qgis_app) -> None:
    without = EngineSetupDialog(lambda: None, gpu=False)
    assert without.chosen_build is TorchBuild.CPU and "No NVIDIA GPU" in without.torch_note.text()
    without.torch_build.setCurrentIndex(list(TorchBuild).index(TorchBuild.CUDA))
    assert "1.6 GB" in without.torch_note.text() and "CPU only" in without.torch_note.text()
    with_gpu = EngineSetupDialog(lambda: None, gpu=True)
    assert with_gpu.chosen_build is TorchBuild.CUDA and "GPU was found" in with_gpu.torch_note.text()
    without.deleteLater()
    with_gpu.deleteLater()


def test_dialog_creates_the_managed_venv_and_reports_a_missing_engine(qgis_app, monkeypatch) -> None:
    monkeypatch.delenv("LANDCOVER_PYTHON")
    changes = []
    dialog = EngineSetupDialog(lambda: changes.append(True))
    dialog.create_managed_environment()
    assert wait_for(lambda: not dialog.busy, 120), dialog.output.toPlainText()
    managed = venv_python(managed_venv_dir())
    assert managed.is_file() and os.access(managed, os.X_OK), dialog.output.toPlainText()
    # the environment just created is the engine from now on (stored, and the plugin told), half-built until installed
    assert engine_location().python == str(managed) and engine_location().origin == "setting"
    assert dialog.python.filePath() == str(managed) and changes
    assert (managed_venv_dir() / INCOMPLETE_MARKER).is_file()
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


#: A stand-in for pip that prints what pip prints, records its pid and command line, then waits or fails.
PIP_STAND_IN = """
folder = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
with open(os.path.join(os.path.dirname(folder), "pip-calls.txt"), "a") as calls:
    calls.write(f"{os.getpid()} " + " ".join(sys.argv[1:]) + "\\n")
print("Collecting torch==2.14.1", flush=True)
print("  Downloading torch-2.14.1-cp311-cp311-manylinux_2_28_x86_64.whl (900.0 MB)", flush=True)
if os.environ.get("LANDCOVER_TEST_PIP") == "slow":
    time.sleep(300)
if os.environ.get("LANDCOVER_TEST_PIP") == "fail":
    print("ERROR: Could not install packages due to an OSError: [Errno 28] No space left on device", file=sys.stderr)
    sys.exit(1)
"""


def half_built_managed_environment() -> Path:
    """The managed environment as 'Create managed environment' leaves it (marked half-built), with a pip stand-in."""
    venv = managed_venv_dir()
    shutil.rmtree(venv, ignore_errors=True)
    executable(venv_python(venv), PIP_STAND_IN)
    (venv / INCOMPLETE_MARKER).touch()
    return venv


def installing(monkeypatch, pip_mode: str, changes: list) -> tuple:
    """A half-built managed environment, and the set-up dialog installing the engine into it.

    Args:
        monkeypatch: The test's monkeypatch (sets the pip stand-in's mode).
        pip_mode: How the pip stand-in behaves: ``slow``, ``fail``, or ``""`` (succeeds).
        changes: Gets an item each time the dialog reports a new engine.
    """
    monkeypatch.setenv("LANDCOVER_TEST_PIP", pip_mode)
    venv = half_built_managed_environment()
    dialog = EngineSetupDialog(lambda: changes.append(True), gpu=False)
    dialog.python.setFilePath(str(venv_python(venv)))
    dialog.install_engine()
    return venv, dialog


def pip_pids(venv: Path) -> list:
    return [int(line.split()[0]) for line in (venv.parent / "pip-calls.txt").read_text().splitlines()]


def test_cancel_stops_pip_and_removes_the_half_built_environment(qgis_app, monkeypatch) -> None:
    venv, dialog = installing(monkeypatch, "slow", [])
    assert wait_for(lambda: "Downloading torch" in dialog.output.toPlainText(), 30), dialog.output.toPlainText()
    assert dialog.cancel_button.isEnabled()
    dialog.cancel_button.click()
    assert wait_for(lambda: not dialog.busy, 30), dialog.output.toPlainText()
    output = dialog.output.toPlainText()
    assert "Cancelled." in output and f"Removed the unfinished environment {venv}" in output
    assert not venv.exists() and not dialog.cancel_button.isEnabled()
    for pid in pip_pids(venv):  # pip itself is gone, not left downloading
        assert not Path(f"/proc/{pid}").exists() or "zombie" in Path(f"/proc/{pid}/status").read_text()
    (venv.parent / "pip-calls.txt").unlink()
    dialog.deleteLater()


def test_pip_failing_halfway_removes_the_environment_and_quotes_pip(qgis_app, monkeypatch) -> None:
    changes: list = []
    venv, dialog = installing(monkeypatch, "fail", changes)
    assert wait_for(lambda: not dialog.busy, 30), dialog.output.toPlainText()
    output = dialog.output.toPlainText()
    message = output[output.index("Failed: the command exited with code 1."):]
    assert "Last output:" in message and "No space left on device" in message and "Downloading torch" in message
    assert f"Removed the unfinished environment {venv}" in message
    assert not venv.exists() and not changes
    (venv.parent / "pip-calls.txt").unlink()
    dialog.deleteLater()


def test_a_successful_install_completes_the_environment_and_makes_it_the_engine(qgis_app, monkeypatch) -> None:
    changes: list = []
    venv, dialog = installing(monkeypatch, "", changes)
    assert wait_for(lambda: not dialog.busy, 30), dialog.output.toPlainText()
    calls = [line.split(" ", 1)[1] for line in (venv.parent / "pip-calls.txt").read_text().splitlines()]
    assert calls[1].startswith("-m pip install") and f"--index-url {CPU_WHEEL_INDEX} torch==" in calls[1]
    assert calls[2].endswith(str(REPO)), "then the engine, its torch requirement already met"
    assert venv.exists() and not (venv / INCOMPLETE_MARKER).exists()
    assert engine_location().python == str(venv_python(venv)) and changes
    shutil.rmtree(venv)
    (venv.parent / "pip-calls.txt").unlink()
    dialog.deleteLater()
