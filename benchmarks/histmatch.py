"""Histogram-matching figures of ``make bench``: (4) ``histmatch`` / ``skimage`` and (5) its memory growth.

(4) ``histmatch`` time and peak RSS / ``skimage.exposure.match_histograms`` (whole rasters in memory) on the
same size² RGB uint8 scene and 2048² reference, each in its own child process. (5) Peak RSS on a raster
``scale`` times wider and higher (constant 256 px tiles, so it is quick to write) / on the size² one.
``python -m benchmarks --histmatch-only`` runs them alone (about 2 minutes).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import rasterio
from rasterio.transform import from_origin
from rasterio.windows import Window

from benchmarks.common import peak_rss_mb
from landcover_core.demo.synthetic import write_large_raster

#: ``match_raster`` in a child (the CLI would add torch's import, ~0.6 GB, to its RSS).
HISTMATCH_CHILD = (
    "import sys; from landcover_core.radiometry.matching import match_raster; match_raster(*sys.argv[1:4])")

#: The baseline: the whole rasters in memory, ``skimage.exposure.match_histograms``, the same output profile.
SKIMAGE_CHILD = """import sys, rasterio
from skimage.exposure import match_histograms
with rasterio.open(sys.argv[1]) as src, rasterio.open(sys.argv[2]) as ref:
    image, reference, profile = src.read(), ref.read(), src.profile
matched = match_histograms(image, reference, channel_axis=0)
with rasterio.open(sys.argv[3], "w", **profile) as dst:
    dst.write(matched)
"""


def write_blocky_raster(path: Path, size: int, bands: int = 3, block: int = 256) -> Path:
    """A large uint8 raster of constant 256-px tiles (values vary by tile), quick to write and to compress."""
    profile = dict(driver="GTiff", width=size, height=size, count=bands, dtype="uint8", crs="EPSG:32633",
                   transform=from_origin(500000.0, 4500000.0, 10.0, 10.0), tiled=True, blockxsize=block,
                   blockysize=block, compress="deflate", nodata=0, BIGTIFF="IF_SAFER")
    tiles = np.arange(size // block)
    with rasterio.open(path, "w", **profile) as dst:
        for row in range(size // block):
            levels = np.stack([(tiles * (7 + 2 * b) + row * 13) % 200 + 30 for b in range(bands)]).astype(np.uint8)
            dst.write(np.repeat(np.repeat(levels[:, None, :], block, axis=1), block, axis=2),
                      window=Window(0, row * block, size, block))
    return path


def write_reference(path: Path, size: int, bands: int = 3) -> Path:
    """A reference with a skewed distribution (gamma) unlike the benchmark scenes."""
    rng = np.random.default_rng(1)
    data = np.clip(rng.gamma(2.0, 30.0, (bands, size, size)), 1, 255).astype(np.uint8)
    with rasterio.open(path, "w", driver="GTiff", width=size, height=size, count=bands, dtype="uint8",
                       crs="EPSG:32633", transform=from_origin(0.0, 0.0, 10.0, 10.0), nodata=0) as dst:
        dst.write(data)
    return path


def bench_histmatch(size: int, scale: int) -> dict[str, float]:
    """(4) histmatch vs skimage (time, peak RSS) on a size² RGB raster; (5) peak RSS on a (scale·size)² raster."""
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="landcover-bench-histmatch-") as folder:
        root = Path(folder)
        reference = write_reference(root / "reference.tif", 2048)
        image = write_large_raster(root / "scene.tif", size)
        print(f"histmatch: {size}² RGB uint8 scene, 2048² reference", flush=True)
        rss, wall = peak_rss_mb([sys.executable, "-c", SKIMAGE_CHILD, str(image), str(reference),
                                 str(root / "skimage.tif")])
        figures.update(histmatch_skimage_s=wall, histmatch_skimage_rss_mb=rss)
        print(f"  skimage match_histograms (in memory)  {wall:7.1f} s  peak RSS {rss:7.1f} MB", flush=True)
        rss, wall = peak_rss_mb([sys.executable, "-c", HISTMATCH_CHILD, str(image), str(reference),
                                 str(root / "matched.tif")])
        figures.update(histmatch_s=wall, histmatch_rss_mb=rss)
        print(f"  histmatch (streaming)                 {wall:7.1f} s  peak RSS {rss:7.1f} MB", flush=True)
        with rasterio.open(root / "skimage.tif") as a, rasterio.open(root / "matched.tif") as b:
            figures["histmatch_max_dn_vs_skimage"] = float(max(
                np.abs(a.read(window=w).astype(int) - b.read(window=w)).max()
                for w in (Window(0, 0, 1024, 1024), Window(size - 1024, size - 1024, 1024, 1024))))
        for name in ("scene.tif", "skimage.tif", "matched.tif"):
            (root / name).unlink()

        large = size * scale
        start = time.perf_counter()
        image = write_blocky_raster(root / "large.tif", large)
        made = time.perf_counter() - start
        rss, wall = peak_rss_mb([sys.executable, "-c", HISTMATCH_CHILD, str(image), str(reference),
                                 str(root / "large_matched.tif")])
        figures.update(histmatch_large_s=wall, histmatch_large_rss_mb=rss)
        print(f"  histmatch {large}² (written in {made:.0f} s)  {wall:7.1f} s  peak RSS {rss:7.1f} MB", flush=True)
    figures.update(histmatch_time_ratio=figures["histmatch_s"] / figures["histmatch_skimage_s"],
                   histmatch_rss_ratio=figures["histmatch_rss_mb"] / figures["histmatch_skimage_rss_mb"],
                   histmatch_memory_ratio=figures["histmatch_large_rss_mb"] / figures["histmatch_rss_mb"])
    print()
    print(f"(4) histmatch / skimage on {size}²: time {figures['histmatch_time_ratio']:.2f}, peak memory "
          f"{figures['histmatch_rss_ratio']:.3f}; largest difference {figures['histmatch_max_dn_vs_skimage']:.0f} DN "
          "(rounding vs truncation)")
    print(f"(5) histmatch peak memory {large}² / {size}²: {figures['histmatch_memory_ratio']:.3f}   (target <= 1.3)")
    return figures

