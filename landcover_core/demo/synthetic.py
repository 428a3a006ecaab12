"""Generated, georeferenced scenes with known land cover, for the demo, tests and benchmarks.

The scene imitates a 10 m multispectral image: organic class regions (smoothed random fields), class
spectra that overlap, per-class texture, an illumination gradient and sensor noise — enough that a model
must learn texture and context, not one threshold. Nothing is downloaded.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import rasterio
from affine import Affine
from rasterio.transform import from_origin
from rasterio.windows import Window
from scipy import ndimage

from landcover_core.common.classes import ClassScheme, LandClass
from landcover_core.outputs.files import atomic_output
from landcover_core.outputs.geotiff import write_class_metadata

DEMO_SCHEME = ClassScheme((
    LandClass(1, "water", (0, 0, 255)),
    LandClass(2, "forest", (0, 160, 0)),
    LandClass(3, "field", (255, 215, 0)),
    LandClass(4, "urban", (220, 20, 60)),
))

# Mean reflectance (DN) per class and band (B, G, R, NIR); overlapping on purpose.
_SPECTRA = np.array([
    [70, 75, 50, 30],     # water
    [55, 80, 50, 150],    # forest
    [80, 110, 95, 120],   # field
    [110, 110, 115, 95],  # urban
], dtype=np.float32)
# Texture: (standard deviation, correlation length in pixels) per class.
_TEXTURE = [(4.0, 6.0), (14.0, 1.5), (10.0, 8.0), (24.0, 1.0)]


@dataclass
class SyntheticScene:
    """Paths of a generated scene."""

    image: Path
    truth: Path
    polygons: Path | None
    scheme: ClassScheme
    classes: Path


def class_map(size: int, num_classes: int, rng: np.random.Generator, smoothness: float = 0.08) -> np.ndarray:
    """Organic class regions: the argmax of smoothed random fields (uint8 indices)."""
    sigma = max(1.0, size * smoothness)
    fields = np.stack([ndimage.gaussian_filter(rng.standard_normal((size, size)), sigma) for _ in range(num_classes)])
    return np.argmax(fields, axis=0).astype(np.uint8)


def render_image(classes: np.ndarray, bands: int, rng: np.random.Generator) -> np.ndarray:
    """Renders a (bands, H, W) uint8 image for a class-index map."""
    height, width = classes.shape
    image = np.zeros((bands, height, width), dtype=np.float32)
    yy, xx = np.mgrid[0:height, 0:width].astype(np.float32)
    illumination = 1.0 + 0.15 * (xx / width - 0.5) + 0.1 * (yy / height - 0.5)
    for index in range(int(classes.max()) + 1):
        region = classes == index
        std, length = _TEXTURE[index % len(_TEXTURE)]
        texture = ndimage.gaussian_filter(rng.standard_normal((height, width)), length) * (length ** 0.5) * std
        for band in range(bands):
            image[band][region] = _SPECTRA[index % len(_SPECTRA), band % 4] + texture[region]
    image *= illumination
    image += rng.normal(0.0, 6.0, image.shape)
    return np.clip(image, 1, 255).astype(np.uint8)


def make_scene(
    folder: str | Path,
    size: int = 512,
    bands: int = 3,
    seed: int = 0,
    polygons_per_class: int = 4,
    polygon_radius: float = 6.0,
    nodata_border: int = 0,
    pixel_size: float = 10.0,
    crs: str = "EPSG:32633",
    name: str = "scene",
) -> SyntheticScene:
    """Writes a generated scene: image, truth, training polygons and class scheme.

    Files: ``<name>.tif`` (image), ``<name>_truth.tif`` (class codes, with the scheme tag of
    :func:`~landcover_core.outputs.geotiff.write_class_metadata`), ``<name>_labels.gpkg`` (polygons)
    and ``<name>_classes.json`` (the class scheme, for ``--classes``).

    Args:
        folder: output folder (created).
        size: width and height in pixels.
        bands: number of image bands (3 = B,G,R-like; 4 adds NIR).
        seed: random seed; the same seed gives the same scene.
        polygons_per_class: circles drawn inside each class, like an analyst's training polygons
            (0 writes no polygon file).
        polygon_radius: circle radius in pixels.
        nodata_border: width of a nodata (0) collar around the image, like a satellite scene's.
        pixel_size: ground sampling distance in CRS units.
        crs: coordinate reference system of the scene.
        name: file name stem.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    scheme = DEMO_SCHEME
    classes = class_map(size, len(scheme), rng)
    image = render_image(classes, bands, rng)
    truth = scheme.indices_to_codes(classes)
    if nodata_border:
        for array in (*image, truth):
            array[:nodata_border, :] = 0
            array[-nodata_border:, :] = 0
            array[:, :nodata_border] = 0
            array[:, -nodata_border:] = 0
    transform = from_origin(500000.0, 4500000.0 + size * pixel_size, pixel_size, pixel_size)
    profile = dict(driver="GTiff", width=size, height=size, crs=crs, transform=transform, tiled=True,
                   blockxsize=256, blockysize=256, compress="deflate", nodata=0)
    image_path, truth_path = folder / f"{name}.tif", folder / f"{name}_truth.tif"
    # MINISBLACK: otherwise GDAL flags a fourth uint8 band as alpha, and NIR would be dropped.
    with atomic_output(image_path) as tmp, rasterio.open(tmp, "w", count=bands, dtype="uint8", photometric="MINISBLACK",
                                                         **profile) as dst:
        dst.write(image)
    with atomic_output(truth_path) as tmp, rasterio.open(tmp, "w", count=1, dtype="uint8", **profile) as dst:
        dst.write(truth, 1)
        write_class_metadata(dst, scheme)  # names its codes, so evaluate compares classes by name
    polygons_path = None
    if polygons_per_class:
        polygons_path = folder / f"{name}_labels.gpkg"
        _write_training_polygons(polygons_path, classes, scheme, transform, crs, rng, polygons_per_class,
                                 polygon_radius, nodata_border)
    classes_path = folder / f"{name}_classes.json"
    classes_path.write_text(json.dumps(scheme.to_list(), indent=1))
    return SyntheticScene(image_path, truth_path, polygons_path, scheme, classes_path)


def _write_training_polygons(path: Path, classes: np.ndarray, scheme: ClassScheme, transform: Affine, crs: str,
                             rng: np.random.Generator, per_class: int, radius: float, border: int) -> None:
    """Circles placed well inside each class region (an analyst's polygons are inside the class)."""
    import geopandas as gpd
    from shapely.geometry import Point

    inner = np.zeros_like(classes, dtype=bool)
    inner[border + 1:classes.shape[0] - border - 1, border + 1:classes.shape[1] - border - 1] = True
    rows = []
    for index, land_class in enumerate(scheme.classes):
        core = ndimage.binary_erosion(classes == index, iterations=int(radius) + 2) & inner
        candidates = np.argwhere(core)
        if len(candidates) == 0:
            continue
        for r, c in candidates[rng.choice(len(candidates), size=min(per_class, len(candidates)), replace=False)]:
            x, y = transform @ (c + 0.5, r + 0.5)
            rows.append({"class": land_class.name, "code": land_class.code,
                         "geometry": Point(x, y).buffer(radius * abs(transform.a))})
    frame = gpd.GeoDataFrame(rows, geometry="geometry", crs=crs)
    with atomic_output(path) as tmp:
        frame.to_file(tmp, layer="labels", driver="GPKG")


def write_large_raster(path: str | Path, size: int, bands: int = 3, block: int = 1024, seed: int = 0,
                       width: int | None = None, sparse_tile: int = 0) -> Path:
    """Writes a large tiled, compressed raster block by block (memory stays flat; for benchmarks).

    Args:
        path: the GeoTIFF to write.
        size: height in pixels, and width unless ``width`` is given.
        bands: number of bands.
        block: side of the generated pattern, repeated over the raster (and of the written blocks).
        seed: seed of the pattern.
        width: width in pixels (default: ``size``).
        sparse_tile: if set, one tile in eight of this size (diagonal stripes) holds data, the rest is nodata (0).
    """
    width = size if width is None else width
    rng = np.random.default_rng(seed)
    tile = render_image(class_map(block, len(DEMO_SCHEME), rng), bands, rng)
    profile = dict(driver="GTiff", width=width, height=size, count=bands, dtype="uint8", crs="EPSG:32633",
                   transform=from_origin(500000.0, 4500000.0, 10.0, 10.0), tiled=True, blockxsize=256,
                   blockysize=256, compress="deflate", nodata=0, BIGTIFF="IF_SAFER")
    with atomic_output(path) as tmp, rasterio.open(tmp, "w", **profile) as dst:
        for row in range(0, size, block):
            for col in range(0, width, block):
                h, w = min(block, size - row), min(block, width - col)
                data = np.roll(tile, (row // block + col // block) * 37, axis=2)[:, :h, :w]
                if sparse_tile:
                    stripe = (np.arange(row, row + h)[:, None] // sparse_tile + np.arange(col, col + w) // sparse_tile)
                    data = np.where(stripe % 8 == 0, data, np.uint8(0))
                dst.write(data, window=Window(col, row, w, h))
    return Path(path)
