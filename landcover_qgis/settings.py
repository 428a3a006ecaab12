"""Where the engine Python is, and the dock's choices remembered per project."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from qgis.core import QgsApplication, QgsSettings

from landcover_qgis.qgis_singletons import current_project

#: QgsSettings key of the engine Python chosen by the user.
ENGINE_PYTHON_KEY = "landcover/engine_python"
#: Environment variable naming the engine Python (used when no setting is stored).
ENGINE_PYTHON_ENV = "LANDCOVER_PYTHON"
#: Scope of the per-project entries written with QgsProject.writeEntry.
PROJECT_SCOPE = "landcover"


@dataclass(frozen=True)
class EngineLocation:
    """The engine Python to run and where that choice came from.

    Attributes:
        python: Path of the Python executable that has ``landcover_core`` installed.
        origin: ``"setting"``, ``"environment"`` or ``"managed venv"``.
    """

    python: str
    origin: str


def managed_venv_dir() -> Path:
    """The virtual environment the plugin can create in the QGIS profile folder."""
    return Path(QgsApplication.qgisSettingsDirPath()) / "landcover" / "venv"


def venv_python(venv: Path) -> Path:
    """The Python executable inside a virtual environment."""
    if sys.platform == "win32":
        return venv / "Scripts" / "python.exe"
    return venv / "bin" / "python"


def engine_location() -> EngineLocation:
    """Resolves the engine Python: plugin setting, else ``LANDCOVER_PYTHON``, else the managed venv."""
    configured = str(QgsSettings().value(ENGINE_PYTHON_KEY, "") or "").strip()
    if configured:
        return EngineLocation(configured, "setting")
    from_env = os.environ.get(ENGINE_PYTHON_ENV, "").strip()
    if from_env:
        return EngineLocation(from_env, "environment")
    return EngineLocation(str(venv_python(managed_venv_dir())), "managed venv")  # no-i18n: an origin id


def set_engine_python(python: Optional[str]) -> None:
    """Stores the engine Python in the QGIS settings; an empty value clears the setting."""
    if python:
        QgsSettings().setValue(ENGINE_PYTHON_KEY, python)
    else:
        QgsSettings().remove(ENGINE_PYTHON_KEY)


def read_project_value(key: str, default: str = "") -> str:
    """Reads one dock choice stored in the current project."""
    value, found = current_project().readEntry(PROJECT_SCOPE, key, default)
    return value if found else default


def write_project_value(key: str, value: object) -> None:
    """Stores one dock choice in the current project (saved with the .qgz)."""
    current_project().writeEntry(PROJECT_SCOPE, key, "" if value is None else str(value))
