"""Shared helpers of the inference, vectorize and evaluate tests: small rasters and tiny models."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import rasterio
import torch
from rasterio.transform import from_origin
from torch import nn

from landcover_core.common.classes import ClassScheme
from landcover_core.demo.synthetic import DEMO_SCHEME, class_map, render_image
from landcover_core.inference.predict import Ensemble
from landcover_core.inference.runners import TorchRunner
from landcover_core.models.modelfile import ModelSpec, save_model
from landcover_core.models.networks import build_model

CRS = "EPSG:32633"
PIXEL = 10.0
MEAN = [80.0, 95.0, 80.0]
STD = [25.0, 25.0, 25.0]


def write_image(path: Path, height: int, width: int, bands: int = 3, holes: bool = True, seed: int = 0,
                all_nodata: bool = False) -> Path:
    """A synthetic uint8 image (nodata 0) with a nodata collar and nodata holes inside."""
    rng = np.random.default_rng(seed)
    size = max(height, width)
    image = render_image(class_map(size, 4, rng), bands, rng)[:, :height, :width]
    if holes:
        image[:, :5, :] = 0
        image[:, 40:70, 100:150] = 0
        image[:, height - 60:height - 20, 10:35] = 0
    if all_nodata:
        image[:] = 0
    profile = dict(driver="GTiff", width=width, height=height, count=bands, dtype="uint8", crs=CRS,
                   transform=from_origin(500000.0, 4500000.0, PIXEL, PIXEL), nodata=0, photometric="MINISBLACK")
    with rasterio.open(path, "w", **profile) as dst:
        dst.write(image)
    return path


def read_band(path: Path, band: int = 1) -> np.ndarray:
    """One band of a raster."""
    with rasterio.open(path) as src:
        return src.read(band)


def write_codes(path: Path, codes: np.ndarray, nodata: int | None = 255, scheme: ClassScheme | None = None) -> Path:
    """A single-band uint8 raster of class codes on the same grid as :func:`write_image`."""
    profile = dict(driver="GTiff", width=codes.shape[1], height=codes.shape[0], count=1, dtype="uint8", crs=CRS,
                   transform=from_origin(500000.0, 4500000.0, PIXEL, PIXEL), nodata=nodata)
    with rasterio.open(path, "w", **profile) as dst:
        dst.write(codes.astype(np.uint8), 1)
        if scheme is not None:
            import json

            dst.update_tags(LANDCOVER_CLASSES=json.dumps(scheme.to_list()))
    return path


def save_mobilenet(path: Path, bands: int = 3, scheme: ClassScheme = DEMO_SCHEME, tile: int = 64,
                   seed: int = 0) -> Path:
    """A random-init DeepLabV3-MobileNetV3 (GroupNorm) model file."""
    torch.manual_seed(seed)
    model = build_model("mobilenet_v3_large", bands, len(scheme), "none", "group")
    spec = ModelSpec("mobilenet_v3_large", list(range(1, bands + 1)), scheme, (MEAN * 2)[:bands], (STD * 2)[:bands],
                     "group", tile)
    return save_model(path, model, spec)


class LocalNet(nn.Module):
    """A small fully convolutional net (receptive field 7 px, no normalisation): its prediction of a
    pixel depends on its neighbourhood only, as a well-trained model's does, so tiled and whole-image
    predictions must agree; random DeepLabV3 weights are dominated by per-tile statistics
    (GroupNorm, ASPP image pooling) and cannot test that."""

    def __init__(self, bands: int = 3, classes: int = 4, seed: int = 0) -> None:
        super().__init__()
        torch.manual_seed(seed)
        self.body = nn.Sequential(
            nn.Conv2d(bands, 16, 3, padding=1), nn.ReLU(),
            nn.Conv2d(16, 16, 3, padding=1), nn.ReLU(),
            nn.Conv2d(16, classes, 3, padding=1),
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.body(x) * 4.0


def local_ensemble(bands: int = 3, scheme: ClassScheme = DEMO_SCHEME) -> tuple[Ensemble, LocalNet]:
    net = LocalNet(bands, len(scheme)).eval()
    spec = ModelSpec("mobilenet_v3_large", list(range(1, bands + 1)), scheme, MEAN[:bands], STD[:bands], "group", 64)
    return Ensemble([TorchRunner(net, spec, torch.device("cpu"))]), net


def whole_image_codes(net: nn.Module, image: Path, scheme: ClassScheme = DEMO_SCHEME) -> tuple[np.ndarray, np.ndarray]:
    """The net applied to the whole image at once: (class codes, valid mask)."""
    with rasterio.open(image) as src:
        data = src.read().astype(np.float32)
        valid = np.all(src.read_masks() > 0, axis=0)
    x = (data - np.asarray(MEAN, np.float32)[:, None, None]) / np.asarray(STD, np.float32)[:, None, None]
    x[:, ~valid] = 0.0
    with torch.inference_mode():
        index = net(torch.from_numpy(x)[None])[0].argmax(0).numpy()
    return scheme.indices_to_codes(index), valid
