"""Commands that create the managed engine environment and install the engine into it."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import List, Optional

from landcover_qgis.settings import managed_venv_dir, venv_python

PLUGIN_DIR = Path(__file__).resolve().parent


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


def install_engine_commands(engine_python: str, source: Path) -> List[List[str]]:
    """Pip commands that install the engine (and its dependencies) from its source folder."""
    return [
        [engine_python, "-m", "pip", "install", "--upgrade", "pip"],
        [engine_python, "-m", "pip", "install", "--progress-bar", "off", str(source)],
    ]


def managed_python() -> str:
    """The managed environment's Python, existing or not."""
    return str(venv_python(managed_venv_dir()))
