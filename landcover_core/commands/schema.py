"""``landcover schema``: the engine's machine-readable description (for the QGIS plugin and other front ends)."""

from __future__ import annotations

import argparse
import json
from typing import Any

from landcover_core.progress import Reporter

NAME = "schema"
HELP = "describe the engine as JSON: version, architectures, class presets, every command's options with ranges"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``--probe`` adds the versions and the compute device (imports torch: slower)."""
    parser.add_argument("--probe", action="store_true",
                        help="also report versions and the compute device (as landcover doctor does)")


def run(args: argparse.Namespace, reporter: Reporter) -> tuple[dict[str, Any], dict[str, Any]]:
    """Prints the description (or reports it as the result's summary with --json-progress)."""
    from landcover_core.schema import describe_engine

    description = describe_engine(args._parser)
    if args.probe:
        from landcover_core.common.device import environment

        description["environment"] = environment()
    if not args.json_progress:
        print(json.dumps(description, indent=1))
    return {}, description
