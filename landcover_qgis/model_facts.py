"""What model files need from their input, as the engine checks them (``landcover info --check``), cached.

The plugin keeps no rule of its own about models: ``info --check`` reads the files in the engine as ``predict``
does (a few seconds: torch) and checks that they classify together (an ensemble shares its classes, codes and
names; members may read other bands) and, given a raster's band count, that the raster has the bands each
model reads. The answer (the facts, or the engine's refusal) is remembered per engine, file versions (path,
size, modification time), band count and chosen bands, so the checks before every run of an algorithm cost
one engine call per new combination.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Sequence, Tuple, Union

from landcover_qgis.class_scheme import LandClass, classes_from_summary
from landcover_qgis.command_line import EngineOptionError, engine_args
from landcover_qgis.engine_options import BAND_COUNT, BANDS, CHECK, MODEL
from landcover_qgis.engine_runner import EngineFailure, run_engine
from landcover_qgis.engine_schema import current_schema
from landcover_qgis.i18n import translate
from landcover_qgis.settings import engine_location

#: Refusals of the engine that depend only on the files and the raster's bands (remembered like facts).
_INPUT_FAILURES = ("InputError", "ModelFileError")


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


@dataclass(frozen=True)
class ModelSetFacts:
    """Model files the engine checked as one set (several: an ensemble), with what they read from a raster.

    Attributes:
        members: Each model's facts, in the order given.
        classes: The classes they share.
        member_bands: The raster bands each model reads.
        bands: The raster bands the set reads (their union).
        summary: The engine's whole answer.
    """

    members: Tuple[ModelFacts, ...]
    classes: Tuple[LandClass, ...]
    member_bands: Tuple[Tuple[int, ...], ...]
    bands: Tuple[int, ...]
    summary: Dict[str, Any]

    @classmethod
    def from_summary(cls, paths: Sequence[str], summary: Dict[str, Any]) -> ModelSetFacts:
        """The facts of the model files at ``paths`` from the engine's ``info --check`` summary."""
        models = summary.get("models") or []
        return cls(members=tuple(ModelFacts.from_summary(paths[i], model) for i, model in enumerate(models)),
                   classes=tuple(classes_from_summary(summary.get("classes") or [])),
                   member_bands=tuple(tuple(int(b) for b in bands) for bands in summary.get("member_bands") or []),
                   bands=tuple(int(b) for b in summary.get("bands") or ()), summary=dict(summary))


_Key = Tuple[str, Tuple[Tuple[str, int, int], ...], Optional[int], Tuple[int, ...]]
_cache: Dict[_Key, Union[ModelSetFacts, EngineFailure]] = {}
_lock = threading.Lock()


def model_set_facts(paths: Sequence[str], python: Optional[str] = None, band_count: Optional[int] = None,
                    bands: Sequence[int] = ()) -> ModelSetFacts:
    """The engine's check of model files as one set, against a raster of ``band_count`` bands (cached).

    Args:
        paths: The model files (several: an ensemble).
        python: The engine Python (default: the configured one).
        band_count: The raster's number of bands, or None to check the models alone.
        bands: The raster bands chosen for the models, or empty for each model's own.

    Raises:
        EngineFailure: A file is missing, or the engine refuses the set (its kind and message), or it cannot run.
    """
    python = python or engine_location().python
    files = tuple(_file_version(path) for path in paths)
    key: _Key = (python, files, band_count, tuple(int(b) for b in bands))
    with _lock:
        known = _cache.get(key)
    if known is None:
        args = _check_args(python, [path for path, _size, _time in files], band_count, bands)
        try:
            known = ModelSetFacts.from_summary(paths, run_engine(python, "info", args).summary)
        except EngineFailure as failure:
            if failure.kind not in _INPUT_FAILURES:
                raise  # a crash or a missing engine says nothing about the files: asked again next time
            known = failure
        with _lock:
            _cache[key] = known
    if isinstance(known, EngineFailure):
        raise EngineFailure(known.kind, known.message, known.exit_code)
    return known


def _check_args(python: str, paths: Sequence[str], band_count: Optional[int], bands: Sequence[int]) -> List[str]:
    """The arguments of ``info --check``, spelled as the engine describes them.

    Raises:
        EngineFailure: The engine cannot describe itself, or its ``info`` cannot check (too old).
    """
    schema = current_schema(python)
    if schema is None:
        raise EngineFailure("EngineMissing", translate("ModelFacts", "The landcover engine could not describe "
                                                                     "itself: use 'Set up engine…' in the landcover "
                                                                     "panel."))
    settings = {MODEL: list(paths), CHECK: True, BAND_COUNT: band_count,
                BANDS: ",".join(str(b) for b in bands) or None}
    try:
        return engine_args(schema, "info", settings)
    except EngineOptionError as problem:
        raise EngineFailure("EngineTooOld", str(problem)) from None


def model_facts(path: str, python: Optional[str] = None) -> ModelFacts:
    """The engine's description of a model file (cached per engine, path, size and modification time).

    Raises:
        EngineFailure: The file is missing or not a model the engine can read.
    """
    return model_set_facts([path], python).members[0]


def _file_version(path: str) -> Tuple[str, int, int]:
    """``(absolute path, size, modification time)`` of a model file.

    Raises:
        EngineFailure: The file does not exist.
    """
    try:
        status = os.stat(path)
    except OSError:
        raise EngineFailure("InputError", translate("ModelFacts", "Model file not found: {path}").format(
            path=path)) from None
    return os.path.abspath(path), status.st_size, status.st_mtime_ns


def forget_model_facts() -> None:
    """Drops the remembered answers."""
    with _lock:
        _cache.clear()
