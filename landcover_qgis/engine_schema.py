"""The engine's own description of its commands and options (``landcover schema``), cached per engine.

The plugin keeps no copy of the engine's settings: the dock's ranges, defaults and choices, the
Processing parameters and the optional features all come from this description. It is cached on disk
per engine Python (with the engine version), so QGIS starts without running the engine when a cache
exists; the engine check refreshes it.
"""

from __future__ import annotations

import hashlib
import json
import math
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Tuple

from qgis.core import QgsApplication

from landcover_qgis.class_scheme import LandClass, classes_from_summary
from landcover_qgis.engine_runner import EngineFailure, EngineListener, run_engine
from landcover_qgis.i18n import translate
from landcover_qgis.settings import engine_location

#: The ``format`` field of a description this plugin reads.
SCHEMA_FORMAT = "landcover-schema"
#: Decimals of floating-point widgets and parameters; an exclusive float bound moves inwards by 10^-FLOAT_DECIMALS.
FLOAT_DECIMALS = 6
#: Stand-in for "no bound" in spin boxes (which need finite ranges).
UNBOUNDED = 1e12
#: Seconds the fast ``schema`` may take when asked outside the engine check (it may run on the GUI thread).
SCHEMA_TIMEOUT_S = 20.0
#: Key of the engine's description inside the cache file.
_CACHE_SCHEMA_KEY = "schema"


class SchemaError(ValueError):
    """The engine's output is not a description this plugin understands."""


@dataclass(frozen=True)
class OptionSpec:
    """One command-line option of an engine command, as the engine describes it.

    Attributes:
        flag: ``--tile-size``, or the name of a positional argument.
        dest: Stable identifier, e.g. ``tile_size``.
        type: ``int``, ``float``, ``bool`` or ``str``.
        default: The engine's default (None: none, or derived by the engine).
        minimum, maximum: Bounds, or None; ``exclusive_*`` tells whether the bound itself is excluded.
        multiple_of: Accepted values are multiples of this, or None.
        choices: Accepted values of a ``str`` option, or None.
        help: The engine's help text.
        negative_flag: For a bool option that defaults to true, the flag that switches it off (``--no-histmatch``).
    """

    flag: str
    dest: str
    type: str = "str"
    default: Any = None
    required: bool = False
    repeatable: bool = False
    positional: bool = False
    choices: Optional[Tuple[str, ...]] = None
    metavar: Optional[str] = None
    group: str = ""
    help: str = ""
    minimum: Optional[float] = None
    maximum: Optional[float] = None
    exclusive_minimum: bool = False
    exclusive_maximum: bool = False
    multiple_of: Optional[float] = None
    negative_flag: Optional[str] = None

    @classmethod
    def from_dict(cls, item: Mapping[str, Any]) -> OptionSpec:
        """Reads one entry of a command's ``options`` list.

        Raises:
            SchemaError: ``flag`` or ``dest`` is missing.
        """
        if not item.get("flag") or not item.get("dest"):
            raise SchemaError(translate("OptionSpec", "An option without flag or dest: {item!r}").format(item=item))
        choices = item.get("choices")
        return cls(
            flag=str(item["flag"]), dest=str(item["dest"]), type=str(item.get("type") or "str"),
            default=item.get("default"), required=bool(item.get("required")),
            repeatable=bool(item.get("repeatable")), positional=bool(item.get("positional")),
            choices=tuple(str(c) for c in choices) if choices else None, metavar=item.get("metavar"),
            group=str(item.get("group") or ""), help=str(item.get("help") or ""),
            minimum=_number_or_none(item.get("minimum")), maximum=_number_or_none(item.get("maximum")),
            exclusive_minimum=bool(item.get("exclusive_minimum")),
            exclusive_maximum=bool(item.get("exclusive_maximum")),
            multiple_of=_number_or_none(item.get("multiple_of")),
            negative_flag=str(item["negative_flag"]) if item.get("negative_flag") else None,
        )

    @property
    def is_integer(self) -> bool:
        """Whether the option takes an integer."""
        return self.type == "int"

    @property
    def is_number(self) -> bool:
        """Whether the option takes a number (integer or float)."""
        return self.type in ("int", "float")

    @property
    def resolution(self) -> float:
        """The smallest difference a widget can show: 1 for integers, 10^-FLOAT_DECIMALS for floats."""
        return 1.0 if self.is_integer else 10.0 ** -FLOAT_DECIMALS

    def bounds(self) -> Tuple[Optional[float], Optional[float]]:
        """The lowest and highest accepted values as inclusive bounds (None: unbounded).

        An exclusive bound moves inwards by :attr:`resolution`; with ``multiple_of``, bounds move to the
        nearest multiple inside.
        """
        low, high = self.minimum, self.maximum
        if low is not None and self.exclusive_minimum:
            low += self.resolution
        if high is not None and self.exclusive_maximum:
            high -= self.resolution
        if self.multiple_of:
            step = self.multiple_of
            low = None if low is None else math.ceil(round(low / step, 9)) * step
            high = None if high is None else math.floor(round(high / step, 9)) * step
        return low, high

    def spin_range(self) -> Tuple[float, float]:
        """:meth:`bounds` for a spin box, with :data:`UNBOUNDED` where the engine sets no bound."""
        low, high = self.bounds()
        return (-UNBOUNDED if low is None else low), (UNBOUNDED if high is None else high)

    def setting(self, value: Any) -> Dict[str, Any]:
        """This option set to ``value`` as engine settings ({dest: value}); empty for an unset value.

        :func:`landcover_qgis.command_line.engine_args` spells it (a false switch as its ``negative_flag``).
        """
        if value is None or value == "":
            return {}
        return {self.dest: value}

    def single_step(self) -> Optional[float]:
        """The spin-box step: ``multiple_of``, else 1 for integers, else None (an adaptive decimal step)."""
        if self.multiple_of:
            return self.multiple_of
        return 1.0 if self.is_integer else None


@dataclass(frozen=True)
class EngineSchema:
    """What one engine offers, read from its ``landcover schema`` description.

    Attributes:
        description: The description as the engine sent it (what the cache stores).
        version: The engine version.
        architectures: Model architecture ids.
        weights: Backbone weight presets (``--weights`` also accepts a file path).
        class_presets: Preset name -> its classes (e.g. ``deepglobe``).
        environment: What ``schema --probe`` found (versions, CUDA, device); empty without a probe.
    """

    description: Dict[str, Any]
    version: str
    architectures: Tuple[str, ...]
    weights: Tuple[str, ...]
    class_presets: Dict[str, List[LandClass]]
    environment: Dict[str, Any]
    _commands: Dict[str, Dict[str, OptionSpec]] = field(repr=False)

    @classmethod
    def from_description(cls, description: Mapping[str, Any]) -> EngineSchema:
        """Reads the ``summary`` of a ``schema`` result.

        Raises:
            SchemaError: It is not a ``landcover-schema`` description.
        """
        if not isinstance(description, Mapping) or description.get("format") != SCHEMA_FORMAT:
            raise SchemaError(translate("EngineSchema", "The engine did not describe itself as a landcover-schema."))
        commands: Dict[str, Dict[str, OptionSpec]] = {}
        for name, command in (description.get("commands") or {}).items():
            specs = [OptionSpec.from_dict(item) for item in (command or {}).get("options") or []]
            commands[str(name)] = {spec.dest: spec for spec in specs}
        presets = {str(name): classes_from_summary(items)
                   for name, items in (description.get("class_presets") or {}).items()}
        return cls(
            description=dict(description), version=str(description.get("version") or ""),
            architectures=tuple(str(a) for a in description.get("architectures") or ()),
            weights=tuple(str(w) for w in description.get("weights") or ()),
            class_presets=presets, environment=dict(description.get("environment") or {}), _commands=commands,
        )

    def has_command(self, name: str) -> bool:
        """Whether the engine has the command ``name`` (e.g. ``pseudo-label``)."""
        return name in self._commands

    def option(self, command: str, dest: str) -> Optional[OptionSpec]:
        """The option ``dest`` of ``command``, or None when the engine has no such option."""
        return self._commands.get(command, {}).get(dest)

    def options(self, command: str) -> List[OptionSpec]:
        """Every option of ``command``, in the engine's order (empty for an unknown command)."""
        return list(self._commands.get(command, {}).values())

    def same_options_as(self, other: Optional[EngineSchema]) -> bool:
        """Whether both describe the same engine and options (the probed environment aside)."""
        return other is not None and _without_environment(self.description) == _without_environment(other.description)


def _number_or_none(value: Any) -> Optional[float]:
    return None if value is None or isinstance(value, bool) else float(value)


def _without_environment(description: Mapping[str, Any]) -> Dict[str, Any]:
    return {key: value for key, value in description.items() if key != "environment"}


# -- asking the engine -------------------------------------------------------------------------------------------


def fetch_schema(python: str, probe: bool = False, listener: Optional[EngineListener] = None) -> EngineSchema:
    """Runs ``landcover schema`` (fast) or ``landcover schema --probe`` (imports torch, finds the device).

    Raises:
        EngineFailure: The engine could not run, or has no usable ``schema`` command (too old).
    """
    try:
        result = run_engine(python, "schema", ["--probe"] if probe else [], listener)
        return EngineSchema.from_description(result.summary)
    except EngineFailure as failure:
        if failure.kind != "InputError":
            raise
        problem = failure.message
    except SchemaError as error:
        problem = str(error)
    raise EngineFailure("EngineTooOld", translate("EngineSchema", "This engine cannot describe itself ({problem}). "
                                                                  "Install the engine that comes with the plugin: "
                                                                  "'Set up engine…' → 'Install engine'.").format(
                                                                      problem=problem))


class _Deadline(EngineListener):
    """Stops an engine command that runs past a deadline (a hung Python must not freeze QGIS)."""

    def __init__(self, seconds: float) -> None:
        self.deadline = time.monotonic() + seconds

    def is_cancelled(self) -> bool:
        return time.monotonic() > self.deadline


# -- cache: on disk per engine Python, and in memory ------------------------------------------------------------

_memo: Dict[str, Optional[EngineSchema]] = {}
_memo_lock = threading.Lock()


def schema_cache_dir() -> Path:
    """Where descriptions are cached: ``landcover/schema`` in the QGIS profile folder."""
    return Path(QgsApplication.qgisSettingsDirPath()) / "landcover" / "schema"


def _cache_file(python: str) -> Path:
    return schema_cache_dir() / (hashlib.sha1(python.encode("utf-8")).hexdigest()[:16] + ".json")


def cached_schema(python: str) -> Optional[EngineSchema]:
    """The description cached on disk for this engine Python, or None (none, or unreadable)."""
    try:
        stored = json.loads(_cache_file(python).read_text(encoding="utf-8"))
        if stored.get("python") != python:
            return None
        return EngineSchema.from_description(stored[_CACHE_SCHEMA_KEY])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def store_schema(python: str, schema: EngineSchema) -> bool:
    """Remembers a fresh description (memory and disk); the disk copy is rewritten only when it changed.

    Returns:
        True when it differs from what was known for this Python (another version, other options).
    """
    with _memo_lock:
        known = _memo.get(python)
        _memo[python] = schema
    on_disk = cached_schema(python)
    if on_disk is None or on_disk.description != schema.description:
        _write_cache(python, schema)
    return not schema.same_options_as(known or on_disk)


def _write_cache(python: str, schema: EngineSchema) -> None:
    path = _cache_file(python)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".tmp")
        partial.write_text(json.dumps({"python": python, "version": schema.version,
                                       _CACHE_SCHEMA_KEY: schema.description}), encoding="utf-8")
        partial.replace(path)  # readers never see half a file
    except OSError:
        pass  # without a cache the engine is asked again next time


def current_schema(python: Optional[str] = None) -> Optional[EngineSchema]:
    """The description of the configured engine (or of ``python``), or None when it cannot be had.

    Answers from memory, else from the disk cache (no process), else runs the fast ``schema`` once.
    A failure is remembered too, until the engine check stores a description.
    """
    python = python or engine_location().python
    with _memo_lock:
        if python in _memo:
            return _memo[python]
    schema = cached_schema(python)
    if schema is None:
        try:
            schema = fetch_schema(python, listener=_Deadline(SCHEMA_TIMEOUT_S))
        except EngineFailure:
            schema = None
        else:
            _write_cache(python, schema)
    with _memo_lock:
        return _memo.setdefault(python, schema)


def forget_schemas() -> None:
    """Drops the in-memory descriptions (the disk cache stays); the next look-up reads the disk again."""
    with _memo_lock:
        _memo.clear()
