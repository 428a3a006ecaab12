"""The engine's machine-readable description of itself (``landcover schema``).

Everything a front end needs to offer the engine's options without copying them: the version, the
architectures, weight presets, class presets, devices, and every command's options with type,
default, range, choices and help. It is read off the real command-line parser, so it cannot drift
from what the engine accepts. The QGIS plugin builds its dock widgets and Processing parameters from it.
"""

from __future__ import annotations

import argparse
from typing import Any, get_args

from landcover_core import __version__
from landcover_core.common.classes import DEEPGLOBE
from landcover_core.config import ARCHS, TRAIN_PRESETS, WEIGHT_PRESETS, Backend, DeviceChoice, Norm
from landcover_core.options import Number
from landcover_core.progress import json_safe

SCHEMA_FORMAT = "landcover-schema"
#: Bumped when the layout of the description changes (not when options change).
SCHEMA_VERSION = 1
#: Options every command has; they are the runner's business, not the user's.
COMMON_OPTIONS = ("--json-progress", "--quiet", "--help")


def describe_engine(parser: argparse.ArgumentParser) -> dict[str, Any]:
    """The description of the engine whose command line is ``parser``."""
    commands = {}
    for name, sub in _subparsers(parser).items():
        commands[name] = {"help": sub.description or "", "options": [
            _describe_action(action, group) for group, action in _actions(sub)
            if not set(action.option_strings) & set(COMMON_OPTIONS)]}
    return json_safe({
        "format": SCHEMA_FORMAT,
        "schema_version": SCHEMA_VERSION,
        "version": __version__,
        "architectures": list(ARCHS),
        "weights": list(WEIGHT_PRESETS),
        "backbone_norms": list(get_args(Norm)),
        "devices": list(get_args(DeviceChoice)),
        "backends": list(get_args(Backend)),
        "class_presets": {"deepglobe": DEEPGLOBE.to_list()},
        "train_presets": [{"name": p.name, "label": p.label, "help": p.help, "settings": p.settings}
                          for p in TRAIN_PRESETS],
        "commands": commands,
    })


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:  # argparse has no public accessor for its sub-commands
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _actions(parser: argparse.ArgumentParser) -> list[tuple[str, argparse.Action]]:
    """(group title, action) pairs in the order of ``--help``."""
    pairs: list[tuple[str, argparse.Action]] = []
    for group in parser._action_groups:
        title = group.title if group.title not in ("options", "optional arguments", "positional arguments") else ""
        pairs.extend((title or "", action) for action in group._group_actions)
    return pairs


def _describe_action(action: argparse.Action, group: str) -> dict[str, Any]:
    negative = isinstance(action, argparse.BooleanOptionalAction)
    long_flags = [f for f in action.option_strings if not (negative and f.startswith("--no-"))]
    flag = max(long_flags, key=len) if long_flags else action.dest
    is_flag = isinstance(action, argparse._StoreTrueAction) or negative
    number = action.type if isinstance(action.type, Number) else None
    kind = "bool" if is_flag else (number.kind.__name__ if number else getattr(action.type, "__name__", "str"))
    entry: dict[str, Any] = {
        "flag": flag,
        "dest": action.dest,
        "type": kind if kind in ("int", "float", "bool") else "str",
        "default": action.default,
        "required": bool(action.required),
        "repeatable": isinstance(action, argparse._AppendAction),
        "positional": not action.option_strings,
        # A bool option that defaults to true is turned off by this flag (e.g. --no-histmatch); else null.
        "negative_flag": f"--no-{flag[2:]}" if negative else None,
        "choices": list(action.choices) if action.choices else None,
        "metavar": action.metavar,
        "group": group,
        "help": action.help or "",
    }
    entry.update((number or Number()).to_dict())
    return entry
