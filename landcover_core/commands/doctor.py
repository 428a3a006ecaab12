"""``landcover doctor``: versions and compute device, for the QGIS plugin's engine check."""

from __future__ import annotations

import argparse
import platform
import sys
from typing import Any

from landcover_core import __version__
from landcover_core.progress import Reporter

NAME = "doctor"
HELP = "check the engine environment: versions of torch, torchvision, rasterio, GDAL and the compute device"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    del parser  # no options


def run(args: argparse.Namespace, reporter: Reporter) -> tuple[dict[str, Any], dict[str, Any]]:
    import geopandas
    import rasterio
    import torch
    import torchvision

    cuda = torch.cuda.is_available()
    summary = {
        "landcover": __version__,
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "torch": torch.__version__,
        "torchvision": torchvision.__version__,
        "rasterio": rasterio.__version__,
        "gdal": rasterio.__gdal_version__,
        "geopandas": geopandas.__version__,
        "cuda": cuda,
        "device": torch.cuda.get_device_name(0) if cuda else "cpu",
        "cpu_threads": torch.get_num_threads(),
    }
    if not args.json_progress:
        for key, value in summary.items():
            print(f"{key:12} {value}")
    return {}, summary
