"""Commands that create the managed engine environment and install the engine into it."""

from __future__ import annotations

import re
import shutil
import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

from landcover_qgis.i18n import translate
from landcover_qgis.settings import managed_venv_dir, venv_python

PLUGIN_DIR = Path(__file__).resolve().parent
#: pytorch.org's index of CPU-only torch wheels (PyPI's Linux wheels bundle CUDA: about 1.6 GB more).
CPU_WHEEL_INDEX = "https://download.pytorch.org/whl/cpu"
#: The packages whose build (CPU-only or CUDA) is chosen.
TORCH_PACKAGES = ("torch", "torchvision")
#: A file inside a managed environment that has no complete engine yet (created, engine not installed).
INCOMPLETE_MARKER = ".landcover-incomplete"


class TorchBuild(Enum):
    """Which torch build pip installs."""

    CPU = "cpu"
    CUDA = "cuda"

    @property
    def label(self) -> str:
        """Its name in the set-up dialog."""
        return translate("TorchBuild", "CPU only") if self is TorchBuild.CPU else translate(
                "TorchBuild", "CUDA (NVIDIA GPU)")


def default_torch_build(gpu: bool) -> TorchBuild:
    """CUDA when the machine has an NVIDIA GPU, else CPU only."""
    return TorchBuild.CUDA if gpu else TorchBuild.CPU


def torch_build_warning(build: TorchBuild, gpu: bool) -> Optional[str]:
    """Why the chosen build does not suit this machine, or None."""
    if build is TorchBuild.CUDA and not gpu:
        return (translate("EngineSetup", "No NVIDIA GPU was found on this machine: the CUDA build of torch is about "
                                         "1.6 GB more to download and the engine would still run on the CPU here. "
                                         "Choose 'CPU only' unless the environment is meant for a GPU this machine "
                                         "does not show."))
    return None


def engine_source_dir() -> Optional[Path]:
    """The engine source to pip-install: ``engine/`` inside the packaged plugin, else the repository root."""
    for candidate in (PLUGIN_DIR / "engine", PLUGIN_DIR.parent):
        if (candidate / "pyproject.toml").is_file() and (candidate / "landcover_core").is_dir():
            return candidate
    return None


def base_python() -> Optional[str]:
    """A system Python able to create a virtual environment (inside QGIS, sys.executable is often QGIS itself)."""
    if Path(sys.executable).name.lower().startswith("python"):
        return sys.executable
    return shutil.which("python3") or shutil.which("python")


def create_venv_command(python: str, venv: Optional[Path] = None) -> List[str]:
    """``python -m venv DIR`` for the managed environment."""
    return [python, "-m", "venv", str(venv or managed_venv_dir())]


def torch_requirements(source: Path) -> List[str]:
    """The engine's requirements on torch and torchvision (e.g. ``torch==2.4.1``), read from its ``pyproject.toml``.

    The CPU-only wheels must be the versions the engine asks for, or installing the engine afterwards would
    replace them with PyPI's (CUDA) builds.
    """
    try:
        text = (source / "pyproject.toml").read_text(encoding="utf-8")
    except OSError:
        text = ""
    pattern = r'"((?:{})\s*(?:[=<>!~][^";]*)?)"'.format("|".join(re.escape(name) for name in TORCH_PACKAGES))
    found = {re.split(r"[\s=<>!~]", item, maxsplit=1)[0]: item.replace(" ", "") for item in re.findall(pattern, text)}
    return [found.get(name, name) for name in TORCH_PACKAGES]


def install_engine_commands(engine_python: str, source: Path, build: TorchBuild) -> List[List[str]]:
    """Pip commands that install the engine (and its dependencies) from its source folder.

    Args:
        engine_python: The Python to install into.
        source: The engine's source folder.
        build: ``CPU``: torch and torchvision come first from the CPU-only index; ``CUDA``: PyPI's builds.
    """
    pip = [engine_python, "-m", "pip", "install", "--progress-bar", "off"]
    commands = [[engine_python, "-m", "pip", "install", "--upgrade", "pip"]]
    if build is TorchBuild.CPU:
        commands.append([*pip, "--index-url", CPU_WHEEL_INDEX, *torch_requirements(source)])
    commands.append([*pip, str(source)])
    return commands


def managed_python() -> str:
    """The managed environment's Python, existing or not."""
    return str(venv_python(managed_venv_dir()))


def mark_incomplete(venv: Path, incomplete: bool) -> None:
    """Marks a managed environment as half-built (created, no engine yet) or complete."""
    marker = venv / INCOMPLETE_MARKER
    if incomplete:
        marker.touch()
    else:
        marker.unlink(missing_ok=True)


def is_incomplete(venv: Path) -> bool:
    """Whether a managed environment is marked half-built (a failed or cancelled install removes it)."""
    return (venv / INCOMPLETE_MARKER).is_file()
