"""Where the dock's results go: the analyst's output folder, names that say model and time, no clobbering.

The folder is chosen per project (a dock setting saved in the project). Without one, results go to a
``landcover`` folder beside the saved project file, else to the folder the user picked once (kept in the
QGIS settings). Temporary exports of non-file layers stay in the system temp folder: they are inputs.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import time
from pathlib import Path
from typing import Optional

from qgis.core import QgsProject, QgsSettings

from landcover_qgis.i18n import translate
from landcover_qgis.qgis_singletons import current_project

#: QgsSettings key of the folder picked once, for projects that are not saved yet.
FALLBACK_FOLDER_KEY = "landcover/output_folder"
#: Folder created beside a saved project file.
PROJECT_SUBFOLDER = "landcover"


class OutputFolderError(Exception):
    """The output folder cannot be used; the message says which and what to do."""


def default_output_folder(project: Optional[QgsProject] = None) -> Optional[Path]:
    """The folder used when the dock names none: beside the saved project, else the one picked once, else None."""
    home = (project or current_project()).homePath()
    if home:
        return Path(home) / PROJECT_SUBFOLDER
    picked = str(QgsSettings().value(FALLBACK_FOLDER_KEY, "") or "").strip()
    return Path(picked) if picked else None


def remember_fallback_folder(folder: str) -> None:
    """Keeps the folder the user picked for projects that are not saved yet."""
    QgsSettings().setValue(FALLBACK_FOLDER_KEY, folder)


def usable_output_folder(folder: Path) -> Path:
    """Creates ``folder`` when missing and checks that files can be written in it.

    Raises:
        OutputFolderError: It cannot be created, or is read-only.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=str(folder), prefix=".landcover-write-test-"):
            pass
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise OutputFolderError(
            translate(
                "OutputFiles",
                "Results cannot be written to the output folder {folder} "
                "({reason}): choose another folder under 'Output folder'."
            ).format(folder=folder, reason=reason)
        ) from None
    return folder.resolve()


def stamp() -> str:
    """Date and time for output names, e.g. ``20261206-143005``."""
    return time.strftime("%Y%m%d-%H%M%S")


def safe_name(text: str, limit: int = 40) -> str:
    """A file-name part from a layer or model name (letters, digits, ``-`` and ``_``)."""
    cleaned = re.sub(r"[^\w-]+", "_", text, flags=re.UNICODE).strip("_")[:limit]
    return cleaned or "landcover"


def fresh_path(folder: Path, stem: str, suffix: str = "") -> Path:
    """``folder/stem+suffix``, or ``stem_2``, ``stem_3``... when that name is taken (files and folders)."""
    candidate, number = folder / f"{stem}{suffix}", 1
    while candidate.exists():
        number += 1
        candidate = folder / f"{stem}_{number}{suffix}"
    return candidate


def remove_if_empty(folder: Optional[Path]) -> None:
    """Removes a result folder a failed or cancelled job left empty (never one holding files)."""
    if folder is not None and folder.is_dir() and not any(folder.iterdir()):
        shutil.rmtree(folder, ignore_errors=True)
