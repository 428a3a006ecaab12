"""``landcover doctor``: versions and compute device."""

from __future__ import annotations

import argparse
from typing import Any

from landcover_core.progress import Reporter

NAME = "doctor"
HELP = "check the engine environment: versions of torch, torchvision, rasterio, GDAL and the compute device"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """No options."""
    del parser


def run(args: argparse.Namespace, reporter: Reporter) -> tuple[dict[str, Any], dict[str, Any]]:
    """Prints :func:`~landcover_core.common.device.environment`."""
    from landcover_core.common.device import environment

    summary = environment()
    if not args.json_progress:
        for key, value in summary.items():
            print(f"{key:12} {value}")
    return {}, summary
