"""Engine arguments from settings (option identifier -> value), spelled as the engine describes each option.

The one place that turns values into command-line arguments: the flag, whether the option is a switch, a
repeatable option or a positional argument all come from the engine's :class:`OptionSpec`, so the plugin
writes no flag by hand and an option the engine does not have fails here, before any process starts.
"""

from __future__ import annotations

from typing import Dict, List, Mapping

from landcover_qgis.engine_schema import EngineSchema, OptionSpec
from landcover_qgis.i18n import translate

#: Engine settings: option identifier (the engine's ``dest``, see :mod:`landcover_qgis.engine_options`) -> value.
Settings = Dict[str, object]


class EngineOptionError(ValueError):
    """A setting the engine's command cannot take: an option it does not have, or several values for one."""


def engine_args(schema: EngineSchema, command: str, settings: Mapping[str, object]) -> List[str]:
    """The arguments of ``command`` for ``settings``, in the settings' order.

    Unset values (None, ``""``, an empty list) are left out, so the engine's default applies; an unset
    value of an option the engine lacks is no error (e.g. no uncertainty asked of an engine without it).

    Args:
        schema: The engine's description.
        command: The engine command, e.g. ``train``.
        settings: Option identifier -> value; a list for a repeatable (or multi-value positional) option.

    Raises:
        EngineOptionError: The command has no such option (the message names the command, option and
            engine version), or a single-value option got several values.
    """
    args: List[str] = []
    for dest, value in settings.items():
        if _unset(value):
            continue
        spec = schema.option(command, dest)
        if spec is None:
            version = f" {schema.version}" if schema.version else ""
            raise EngineOptionError(
                translate("CommandLine", "This engine{version} has no option '{dest}' for 'landcover {command}'. "
                                         "Install the engine that comes with the plugin: 'Set up engine…' → 'Install "
                                         "engine'.").format(version=version, dest=dest, command=command))
        args.extend(option_args(spec, value))
    return args


def option_args(spec: OptionSpec, value: object) -> List[str]:
    """The arguments of one option set to ``value`` (none for an unset value).

    A switch is its flag alone when true and its ``negative_flag`` (if any) when false; a repeatable option
    repeats its flag for each value of a list; a positional option is its value(s) alone.

    Raises:
        EngineOptionError: Several values for an option that takes one.
    """
    if _unset(value):
        return []
    if spec.type == "bool":
        flag = spec.flag if value else spec.negative_flag
        return [flag] if flag else []
    values = list(value) if isinstance(value, (list, tuple)) else [value]
    if spec.positional:
        return [_text(item) for item in values]
    if len(values) > 1 and not spec.repeatable:
        raise EngineOptionError(
            translate("CommandLine", "The engine's option {flag} takes one value, not {count}.").format(
                flag=spec.flag, count=len(values)
            )
        )
    return [arg for item in values for arg in (spec.flag, _text(item))]


def _unset(value: object) -> bool:
    return value is None or value == "" or (isinstance(value, (list, tuple)) and not value)


def _text(value: object) -> str:
    """A value as the engine parses it; floats in full precision (``repr``), as Python reads them back."""
    return repr(float(value)) if isinstance(value, float) else str(value)

