"""The compute device and reproducibility, shared by training and inference."""

from __future__ import annotations

import random

import numpy as np
import torch

from landcover_core.config import DeviceChoice
from landcover_core.errors import InputError


def pick_device(choice: DeviceChoice) -> torch.device:
    """The torch device for ``auto`` (CUDA when available), ``cpu`` or ``cuda``.

    Raises:
        InputError: ``cuda`` was asked for but torch sees no CUDA GPU.
    """
    if choice == "cuda" and not torch.cuda.is_available():
        raise InputError("--device cuda was asked for but no CUDA GPU is available to torch; use --device cpu or auto.")
    if choice == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    return torch.device(choice)


def seed_everything(seed: int) -> None:
    """Seeds Python's, NumPy's and torch's generators."""
    random.seed(seed)
    np.random.seed(seed % 2**32)
    torch.manual_seed(seed)


def environment() -> dict[str, object]:
    """Versions of the engine's stack and the compute device (what ``landcover doctor`` prints)."""
    import platform
    import sys

    import geopandas
    import rasterio
    import torchvision

    from landcover_core import __version__

    cuda = torch.cuda.is_available()
    return {
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
