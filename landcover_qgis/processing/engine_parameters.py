"""Processing parameters built from the engine's description of its options."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence

from qgis.core import QgsProcessingParameterEnum, QgsProcessingParameterNumber

from landcover_qgis.engine_schema import OptionSpec


@dataclass(frozen=True)
class EngineNumber:
    """A number parameter that stands for one engine option.

    Attributes:
        name: The Processing parameter name, e.g. ``TILE_SIZE``.
        dest: The engine option, e.g. ``tile_size``.
        description: The parameter's label.
    """

    name: str
    dest: str
    description: str


def number_parameter(name: str, description: str, spec: Optional[OptionSpec]) -> QgsProcessingParameterNumber:
    """A number parameter with the option's type, inclusive bounds (exclusive ones moved inwards) and default.

    Without a spec (no engine description yet) it is a bare, optional double; the algorithm refuses to run then.
    """
    if spec is None:
        return QgsProcessingParameterNumber(name, description, QgsProcessingParameterNumber.Double, optional=True)
    kind = QgsProcessingParameterNumber.Integer if spec.is_integer else QgsProcessingParameterNumber.Double
    parameter = QgsProcessingParameterNumber(name, description, kind, defaultValue=spec.default,
                                             optional=spec.default is None and not spec.required)
    low, high = spec.bounds()
    if low is not None:
        parameter.setMinimum(low)
    if high is not None:
        parameter.setMaximum(high)
    parameter.setHelp(spec.help)
    return parameter


def enum_parameter(name: str, description: str, ids: Sequence[str], default: Optional[str]) -> QgsProcessingParameterEnum:
    """A choice among engine ids (architectures, weight presets), defaulting to the engine's default."""
    options = list(ids)
    index = options.index(default) if default in options else (0 if options else None)
    return QgsProcessingParameterEnum(name, description, options, defaultValue=index)
