"""What a model file needs from its input (``landcover info MODEL --json``), cached per file version.

``info`` loads the model in the engine (torch), a few seconds; the answer is remembered per path, size and
modification time, so checks before every run of an algorithm cost one engine call per model version.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Sequence, Tuple

from landcover_qgis.class_scheme import LandClass, classes_from_summary
from landcover_qgis.engine_runner import EngineFailure, run_engine
from landcover_qgis.settings import engine_location


@dataclass(frozen=True)
class ModelFacts:
    """A model file as the engine describes it.

    Attributes:
        path: The model file.
        bands: The image bands it was trained on (1-based; their count is what it needs).
        classes: Its classes.
        tile_size: Its training tile size.
        histogram_reference: ``{source, bands}`` of the histogram reference it carries, or None.
        summary: The whole description.
    """

    path: str
    bands: Tuple[int, ...]
    classes: Tuple[LandClass, ...]
    tile_size: Optional[int]
    histogram_reference: Optional[Dict[str, Any]]
    summary: Dict[str, Any]

    @classmethod
    def from_summary(cls, path: str, summary: Dict[str, Any]) -> ModelFacts:
        """The facts of the model file at ``path`` from the engine's description of it."""
        return cls(path=path, bands=tuple(int(b) for b in summary.get("bands") or ()),
                   classes=tuple(classes_from_summary(summary.get("classes") or [])),
                   tile_size=summary.get("tile_size"), histogram_reference=summary.get("histogram_reference"),
                   summary=dict(summary))


_cache: Dict[Tuple[str, str, int, int], ModelFacts] = {}
_lock = threading.Lock()


def model_facts(path: str, python: Optional[str] = None) -> ModelFacts:
    """The engine's description of a model file (cached per engine, path, size and modification time).

    Raises:
        EngineFailure: The file is missing or not a model the engine can read.
    """
    python = python or engine_location().python
    try:
        status = os.stat(path)
    except OSError:
        raise EngineFailure("InputError", f"Model file not found: {path}") from None
    key = (python, os.path.abspath(path), status.st_size, status.st_mtime_ns)
    with _lock:
        if key in _cache:
            return _cache[key]
    facts = ModelFacts.from_summary(path, run_engine(python, "info", [path, "--json"]).summary)
    with _lock:
        _cache[key] = facts
    return facts


def ensemble_problem(members: Sequence[ModelFacts]) -> Optional[str]:
    """Why these models cannot classify together (an ensemble needs the same bands and classes), or None."""
    first = members[0] if members else None
    for other in members[1:]:
        if len(other.bands) != len(first.bands):
            return (f"The models of an ensemble need the same number of bands: {os.path.basename(first.path)} uses "
                    f"{len(first.bands)}, {os.path.basename(other.path)} uses {len(other.bands)}.")
        if [c.code for c in other.classes] != [c.code for c in first.classes]:
            return (f"The models of an ensemble need the same classes: {os.path.basename(first.path)} and "
                    f"{os.path.basename(other.path)} differ.")
    return None


def band_problem(model: ModelFacts, band_count: int, chosen: List[int], layer_name: str) -> Optional[str]:
    """Why a raster with ``band_count`` bands cannot feed this model, or None.

    Args:
        model: The model's facts.
        band_count: The raster's number of bands.
        chosen: The bands picked, or empty for the model's own.
        layer_name: For the message.
    """
    name = os.path.basename(model.path)
    if chosen:
        if len(chosen) != len(model.bands):
            return (f"The model {name} was trained on {len(model.bands)} bands, but {len(chosen)} bands of "
                    f"'{layer_name}' are chosen ({', '.join(map(str, chosen))}).")
        return None
    if model.bands and max(model.bands) > band_count:
        return (f"The model {name} reads bands {', '.join(map(str, model.bands))}, but '{layer_name}' has only "
                f"{band_count} band(s): choose {len(model.bands)} bands of it.")
    return None


def forget_model_facts() -> None:
    """Drops the remembered descriptions."""
    with _lock:
        _cache.clear()
