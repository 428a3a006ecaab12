"""Processing parameters built from the engine's description of its options: the one place that does it.

An algorithm declares which engine options it exposes (:class:`EngineOption`); the parameter's kind (number,
boolean, choice, text), bounds, default, choices and help all come from the engine's :class:`OptionSpec`. An
option the engine does not have gets no parameter, so new engine options light up once the engine has them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional, Sequence

from qgis.core import (
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from landcover_qgis.engine_schema import OptionSpec
from landcover_qgis.i18n import translate
from landcover_qgis.qt_compat import NUMBER_DOUBLE, NUMBER_INTEGER, PARAMETER_ADVANCED


@dataclass(frozen=True)
class EngineOption:
    """A Processing parameter that stands for one engine option.

    Attributes:
        name: The Processing parameter name, e.g. ``TILE_SIZE``.
        dest: The engine option, e.g. ``tile_size``.
        description: The parameter's label, in English: written as ``Deferred.translate("EngineOption", ...)``
            and translated when the parameter is made.
        advanced: Shown under "Advanced parameters".
    """

    name: str
    dest: str
    description: str
    advanced: bool = False


def number_parameter(name: str, description: str, spec: Optional[OptionSpec]) -> QgsProcessingParameterNumber:
    """A number parameter with the option's type, inclusive bounds (exclusive ones moved inwards) and default.

    Without a spec (no engine description yet) it is a bare, optional double; the algorithm refuses to run then.
    """
    if spec is None:
        return QgsProcessingParameterNumber(name, description, NUMBER_DOUBLE, optional=True)
    kind = NUMBER_INTEGER if spec.is_integer else NUMBER_DOUBLE
    parameter = QgsProcessingParameterNumber(name, description, kind, defaultValue=spec.default,
                                             optional=spec.default is None and not spec.required)
    low, high = spec.bounds()
    if low is not None:
        parameter.setMinimum(low)
    if high is not None:
        parameter.setMaximum(high)
    parameter.setHelp(spec.help)
    return parameter


def enum_parameter(name: str, description: str, ids: Sequence[str], default: Optional[str],
                   optional: bool = False) -> QgsProcessingParameterEnum:
    """A choice among engine ids (architectures, weight presets, option choices), defaulting to the engine's."""
    options = list(ids)
    index = options.index(default) if default in options else (None if optional or not options else 0)
    return QgsProcessingParameterEnum(name, description, options, defaultValue=index, optional=optional)


def option_parameter(option: EngineOption, spec: Optional[OptionSpec],
                     placeholder: bool = False) -> Optional[QgsProcessingParameterDefinition]:
    """The parameter for an engine option, or None when the engine has no such option.

    Args:
        option: What the algorithm calls it.
        spec: The engine's description of the option (None: the engine lacks it).
        placeholder: Without a spec, still declare a bare optional number (no engine description at all yet:
            the parameter keeps its place and the algorithm refuses to run).
    """
    label = translate("EngineOption", option.description)
    if spec is None:
        return number_parameter(option.name, label, None) if placeholder else None
    parameter: QgsProcessingParameterDefinition
    if spec.is_number:
        parameter = number_parameter(option.name, label, spec)
    elif spec.type == "bool":
        parameter = QgsProcessingParameterBoolean(option.name, label, defaultValue=bool(spec.default),
                                                  optional=True)
    elif spec.choices:
        parameter = enum_parameter(option.name, label, spec.choices, spec.default,
                                   optional=spec.default is None)
    else:
        parameter = QgsProcessingParameterString(option.name, label, defaultValue=spec.default,
                                                 optional=not spec.required)
    parameter.setHelp(spec.help)
    if option.advanced:
        parameter.setFlags(parameter.flags() | PARAMETER_ADVANCED)
    return parameter


def option_value(parameter: QgsProcessingParameterDefinition, spec: OptionSpec, value: Any) -> Any:
    """The engine value of a parameter's (already evaluated) value: an enum index becomes the choice id."""
    if isinstance(parameter, QgsProcessingParameterEnum) and value is not None:
        return parameter.options()[int(value)]
    return value
