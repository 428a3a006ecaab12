"""Options with types, defaults, ranges and help, declared once and used everywhere.

An engine setting is declared once, as a dataclass field whose metadata comes from :func:`setting`.
From that one declaration follow: the command-line option (:func:`add_settings`), the validation of
values given in Python (:func:`validate_settings`) and, through the parser, the engine's
machine-readable description that the QGIS plugin builds its widgets from (:mod:`landcover_core.schema`).

This module imports neither torch nor rasterio, so building the command line stays fast.
"""

from __future__ import annotations

import argparse
import dataclasses
import math
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from landcover_core.errors import InputError


@dataclass(frozen=True)
class Number:
    """An ``int`` or ``float`` option type that checks its range (usable as an argparse ``type``).

    Attributes:
        kind: ``int`` or ``float``.
        minimum: smallest allowed value (None: unbounded).
        maximum: largest allowed value (None: unbounded).
        exclusive_minimum: the minimum itself is not allowed (e.g. a learning rate > 0).
        exclusive_maximum: the maximum itself is not allowed (e.g. a fraction < 1).
        multiple_of: the value must be a multiple of this (e.g. tile sizes of 8).
    """

    kind: type = int
    minimum: float | None = None
    maximum: float | None = None
    exclusive_minimum: bool = False
    exclusive_maximum: bool = False
    multiple_of: int | None = None

    @property
    def __name__(self) -> str:  # argparse names the type in its messages
        return self.kind.__name__

    def __call__(self, text: str) -> int | float:
        """Parses and checks a command-line value (argparse turns ValueError into a usage error)."""
        try:
            value = self.kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"'{text}' is not {self.describe()}") from None
        problem = self.problem(value)
        if problem:
            raise argparse.ArgumentTypeError(problem)
        return value

    def problem(self, value: float) -> str | None:
        """Why ``value`` is not allowed, or None."""
        if isinstance(value, float) and not math.isfinite(value):
            return f"{value} is not a finite number"
        low_bad = self.minimum is not None and (
            value <= self.minimum if self.exclusive_minimum else value < self.minimum)
        high_bad = self.maximum is not None and (
            value >= self.maximum if self.exclusive_maximum else value > self.maximum)
        if low_bad or high_bad or (self.multiple_of and int(value) % self.multiple_of):
            return f"{value} is out of range: expected {self.describe()}"
        return None

    def describe(self) -> str:
        """E.g. ``an integer >= 32, multiple of 8`` or ``a number in (0, 1]``."""
        noun = "an integer" if self.kind is int else "a number"
        parts = []
        if self.minimum is not None and self.maximum is not None:
            left = "(" if self.exclusive_minimum else "["
            right = ")" if self.exclusive_maximum else "]"
            parts.append(f"in {left}{self.minimum:g}, {self.maximum:g}{right}")
        elif self.minimum is not None:
            parts.append(f"{'>' if self.exclusive_minimum else '>='} {self.minimum:g}")
        elif self.maximum is not None:
            parts.append(f"{'<' if self.exclusive_maximum else '<='} {self.maximum:g}")
        if self.multiple_of:
            parts.append(f"multiple of {self.multiple_of}")
        return noun + (" " + ", ".join(parts) if parts else "")

    def to_dict(self) -> dict[str, Any]:
        """The range for the engine's description (``minimum``, ``maximum``, ...)."""
        return {"minimum": self.minimum, "maximum": self.maximum, "exclusive_minimum": self.exclusive_minimum,
                "exclusive_maximum": self.exclusive_maximum, "multiple_of": self.multiple_of}


#: Why a text setting's value is not allowed (None: it is); e.g. the syntax of ``--class-weights``.
Check = Callable[[str], str | None]


@dataclass(frozen=True)
class CheckedText:
    """A text option type that applies a :data:`Check` (usable as an argparse ``type``: a bad value exits 2)."""

    check: Check

    @property
    def __name__(self) -> str:  # argparse names the type in its messages
        return "text"

    def __call__(self, text: str) -> str:
        """Returns ``text`` when the check passes.

        Raises:
            argparse.ArgumentTypeError: why it does not.
        """
        problem = self.check(text)
        if problem:
            raise argparse.ArgumentTypeError(problem)
        return text


def setting(default: Any = dataclasses.MISSING, *, help: str, number: Number | None = None,
            metavar: str | None = None, cli: bool = True, factory: Any = dataclasses.MISSING,
            check: Check | None = None) -> Any:
    """A dataclass field that is also a command-line option.

    Args:
        default: the default value (what the engine does when the option is not given).
        help: one line for ``--help``, the plugin's tooltips and Processing's help.
        number: the allowed range of a numeric setting.
        metavar: the placeholder shown in ``--help``.
        cli: False for settings that are recorded but not options (e.g. where the labels came from).
        factory: a default factory for mutable defaults.
        check: the syntax of a text setting, checked on the command line and in Python alike.
    """
    metadata = {"help": help, "number": number, "metavar": metavar, "cli": cli, "check": check}
    if factory is not dataclasses.MISSING:
        return dataclasses.field(default_factory=factory, metadata=metadata)
    return dataclasses.field(default=default, metadata=metadata)


def flag_of(name: str) -> str:
    """The command-line flag of a setting: ``batch_size`` -> ``--batch-size``."""
    return "--" + name.replace("_", "-")


def _field_type(cls: type, field: dataclasses.Field) -> Any:
    return typing.get_type_hints(cls)[field.name]


def _choices(annotation: Any) -> tuple[str, ...] | None:
    """The values of a ``Literal`` annotation (also inside ``Optional``)."""
    if typing.get_origin(annotation) is Literal:
        return tuple(typing.get_args(annotation))
    for arg in typing.get_args(annotation):
        if typing.get_origin(arg) is Literal:
            return tuple(typing.get_args(arg))
    return None


def _scalar(annotation: Any) -> Any:
    """``int`` for ``int | None`` and so on."""
    if typing.get_origin(annotation) not in (typing.Union, types.UnionType):
        return annotation
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    return args[0] if len(args) == 1 else annotation


def cli_fields(cls: type) -> list[dataclasses.Field]:
    """The fields of a settings dataclass that are command-line options, in declaration order."""
    return [f for f in dataclasses.fields(cls) if f.metadata.get("cli")]


def add_settings(parser: argparse.ArgumentParser | argparse._ArgumentGroup, cls: type,
                 names: typing.Iterable[str] | None = None) -> None:
    """Adds the command-line options of a settings dataclass (all its options, or ``names``)."""
    fields = {f.name: f for f in cli_fields(cls)}
    for name in names if names is not None else list(fields):
        field = fields[name]
        annotation = _field_type(cls, field)
        default = field.default if field.default is not dataclasses.MISSING else None
        kwargs: dict[str, Any] = {"dest": name, "help": field.metadata["help"], "default": default}
        scalar = _scalar(annotation)
        if scalar is bool:
            kwargs["action"] = argparse.BooleanOptionalAction if default else "store_true"
        else:
            choices = _choices(annotation)
            if choices:
                kwargs["choices"] = choices
            elif field.metadata.get("number") is not None:
                kwargs["type"] = field.metadata["number"]
            elif field.metadata.get("check") is not None:
                kwargs["type"] = CheckedText(field.metadata["check"])
            elif scalar in (int, float):
                kwargs["type"] = scalar
            if field.metadata.get("metavar"):
                kwargs["metavar"] = field.metadata["metavar"]
        notes = [] if default is None or isinstance(default, bool) else [f"default {default}"]
        if field.metadata.get("number") is not None:
            notes.append(field.metadata["number"].describe())
        if notes:
            kwargs["help"] += f" ({'; '.join(notes)})"
        parser.add_argument(flag_of(name), **kwargs)


def settings_from_args(cls: type, args: argparse.Namespace, **extra: Any) -> Any:
    """Builds a settings dataclass from parsed arguments (options it does not have are left alone)."""
    values = {f.name: getattr(args, f.name) for f in cli_fields(cls) if hasattr(args, f.name)}
    return cls(**{**values, **extra})


def validate_settings(settings: Any) -> None:
    """Checks every numeric setting against its range, every choice against its values and every checked text.

    Raises:
        InputError: naming the option (``--tile-size``) and what is allowed.
    """
    cls = type(settings)
    for field in dataclasses.fields(settings):
        value = getattr(settings, field.name)
        if value is None:
            continue
        number: Number | None = field.metadata.get("number")
        if number is not None:
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise InputError(f"{flag_of(field.name)} must be {number.describe()}, not {value!r}.")
            problem = number.problem(value)
            if problem:
                raise InputError(f"{flag_of(field.name)}: {problem}.")
        check: Check | None = field.metadata.get("check")
        if check is not None:
            problem = check(value) if isinstance(value, str) else f"expected text, not {value!r}"
            if problem:
                raise InputError(f"{flag_of(field.name)}: {problem}.")
        choices = _choices(_field_type(cls, field))
        if choices and value not in choices:
            raise InputError(f"{flag_of(field.name)} must be one of {', '.join(map(str, choices))}, not {value!r}.")


def parse_bands(text: str | None) -> list[int] | None:
    """Parses ``"1,2,3"`` into ``[1, 2, 3]`` (1-based band indices); None or empty means "the default bands".

    Raises:
        InputError: not a list of positive integers.
    """
    if text is None or text == "":
        return None
    try:
        bands = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise InputError(f"Bands must be comma-separated 1-based integers such as 1,2,3, not '{text}'.") from None
    if not bands:
        raise InputError("No band given.")
    if min(bands) < 1:
        raise InputError(f"Bands are 1-based: {min(bands)} is not a band number (in '{text}').")
    return bands
