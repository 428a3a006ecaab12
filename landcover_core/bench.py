"""Inference benchmark (``make bench``): every figure is a ratio against a baseline measured in this run.

1. Pipeline overhead: end-to-end ``predict`` time / bare forward passes of the same backend over the
   same tiles (already in memory, already normalised).
2. Memory: peak RSS of a ``landcover predict`` child process on a 65536 x 4096 raster / on a 2048² raster
   (as many pixels as 16384², four times wider: memory must grow with neither width nor height).
3. CPU path: ``predict`` / a bare onnxruntime loop over the same tiles, next to a bare torch eager loop.

Sizes keep the run within minutes on a 2-core CPU: (1) and (3) use a 4096² RGB raster in 512 px tiles
with 10% overlap (81 tiles; the setting the peer Deepness was measured in), so predict's fixed start-up
costs (model loading, onnxruntime session) are amortised as on a real scene; (2) uses 256 px tiles
without overlap on rasters where one tile in eight (diagonal stripes, on every tile row and column) holds
data and the rest is nodata, so only an
eighth of the tiles reach the model, while every row is still read, blended and written.
4. Histogram matching: ``histmatch`` time and peak RSS / ``skimage.exposure.match_histograms`` (whole
   rasters in memory) on the same 8192² RGB uint8 scene and 2048² reference, each in its own child.
5. Histogram matching memory: peak RSS on a 32768² raster (16x the pixels; constant 256 px tiles, so it is
   quick to write) / on the 8192² one. ``--histmatch-only`` runs (4) and (5) alone (about 2 minutes).
6. Ensembles and test-time augmentation: ``predict`` time with ``--tta d4`` and with a 3-model ensemble
   / single-model ``predict`` of the same raster (2048² RGB, 256 px tiles, 10% overlap, ONNX exports
   cached beforehand). ``--ensemble-only`` runs (6) alone (a few minutes on 2 cores).
7. Training: seconds per step of ``landcover train``'s loop / of bare forward+backward passes on one batch
   in memory (see :mod:`landcover_core.bench_training`). ``--training-only`` runs (7) alone.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import rasterio
import torch
from rasterio.transform import from_origin
from rasterio.windows import Window

from landcover_core.bench_training import bench_training
from landcover_core.classes import ClassScheme
from landcover_core.config import PredictOptions
from landcover_core.inference.predict import Outputs, predict_raster
from landcover_core.inference.runners import OnnxRunner, Probabilities, cpu_threads, make_runner, onnx_export_path
from landcover_core.inference.tiling import TileGrid
from landcover_core.modelfile import ModelSpec, load_model, save_model
from landcover_core.models import build_model
from landcover_core.raster import read_window
from landcover_core.synthetic import write_large_raster

CLASSES = 6


def make_model(path: Path, tile: int, seed: int = 0) -> Path:
    """Saves a random-init DeepLabV3-MobileNetV3 (GroupNorm) model file for the benchmark."""
    torch.manual_seed(seed)
    model = build_model("mobilenet_v3_large", 3, CLASSES, "none", "group")
    scheme = ClassScheme.from_codes(list(range(1, CLASSES + 1)))
    return save_model(path, model, ModelSpec("mobilenet_v3_large", [1, 2, 3], scheme, [90.0] * 3, [30.0] * 3,
                                             "group", tile))


def load_tiles(image: Path, spec: ModelSpec, tile: int, overlap: int) -> list[np.ndarray]:
    """The normalised tiles ``predict`` will see, in memory (for the bare loops)."""
    mean = np.asarray(spec.mean, np.float32)[:, None, None]
    std = np.asarray(spec.std, np.float32)[:, None, None]
    tiles = []
    with rasterio.open(image) as src:
        for t in TileGrid(src.height, src.width, tile, overlap):
            data, valid = read_window(src, spec.bands, Window(t.col, t.row, tile, tile))
            tiles.append(((data - mean) / std * valid)[None].astype(np.float32))
    return tiles


def time_loop(run: Callable[[np.ndarray], np.ndarray], tiles: list[np.ndarray], batch: int) -> float:
    """Seconds for ``run`` over the tiles in batches, after one warm-up batch."""
    batches = [np.concatenate(tiles[i:i + batch]) for i in range(0, len(tiles), batch)]
    run(batches[0])  # warm-up (allocations, kernels)
    start = time.perf_counter()
    for item in batches:
        run(item)
    return time.perf_counter() - start


def peak_rss_mb(args: list[str]) -> tuple[float, float]:
    """Peak RSS (MB) and wall time of a child process, measured by a wrapper that waits for it alone."""
    code = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
            "rc = subprocess.run(sys.argv[1:]).returncode; "
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, time.perf_counter() - t); "
            "sys.exit(rc)")
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True)
    if result.returncode:
        raise RuntimeError(f"predict failed: {result.stderr[-2000:]}")
    rss, wall = result.stdout.split()[-2:]
    return float(rss), float(wall)


def torch_loop(model: torch.nn.Module, tiles: list[np.ndarray], batch: int) -> float:
    """Seconds of torch eager forward passes over the tiles (the baseline the ONNX path is compared with)."""
    net = Probabilities(model).eval()
    with torch.inference_mode():
        return time_loop(lambda x: net(torch.from_numpy(x)).numpy(), tiles, batch)


def main(argv: list[str] | None = None) -> int:
    """Runs the benchmark and prints every figure as a ratio against its baseline."""
    parser = argparse.ArgumentParser(prog="python -m landcover_core.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--speed-size", type=int, default=4096)
    parser.add_argument("--speed-tile", type=int, default=512)
    parser.add_argument("--small", type=int, default=2048)
    parser.add_argument("--large-width", type=int, default=65536)
    parser.add_argument("--large-height", type=int, default=4096)
    parser.add_argument("--memory-tile", type=int, default=256)
    parser.add_argument("--batch-size", type=int, default=2)
    parser.add_argument("--histmatch-size", type=int, default=8192, help="side of the histmatch vs skimage raster")
    parser.add_argument("--histmatch-scale", type=int, default=4, help="side factor of the large histmatch raster")
    parser.add_argument("--histmatch-only", action="store_true", help="run only the histogram matching figures")
    parser.add_argument("--ensemble-size", type=int, default=2048, help="side of the TTA/ensemble raster")
    parser.add_argument("--ensemble-tile", type=int, default=256)
    parser.add_argument("--ensemble-only", action="store_true", help="run only the TTA and ensemble figures")
    parser.add_argument("--training-only", action="store_true", help="run only the training-loop figure")
    parser.add_argument("--json", help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    if args.training_only:
        return write_figures(args, bench_training())
    if args.histmatch_only:
        return write_figures(args, bench_histmatch(args.histmatch_size, args.histmatch_scale))
    if args.ensemble_only:
        return write_figures(args, bench_ensemble(args.ensemble_size, args.ensemble_tile, args.batch_size))
    threads = cpu_threads()
    figures: dict[str, float | int | str] = {"threads": threads, "torch": torch.__version__}
    with tempfile.TemporaryDirectory(prefix="landcover-bench-") as folder:
        root = Path(folder)
        os.environ.setdefault("LANDCOVER_CACHE_DIR", str(root / "cache"))
        tile, overlap = args.speed_tile, round(args.speed_tile * 0.1)
        print(f"landcover bench: {threads} CPU thread(s), torch {torch.__version__}", flush=True)

        # -- (1) and (3): speed ----------------------------------------------------------------------
        model_path = make_model(root / "model.pt", tile)
        image = write_large_raster(root / "speed.tif", args.speed_size)
        runner = make_runner(model_path, tile, "cpu", "auto", threads)  # exports to ONNX once (cached)
        model, spec = load_model(model_path, "cpu")
        tiles = load_tiles(image, spec, tile, overlap)
        print(f"speed: {args.speed_size}² RGB, {len(tiles)} tiles of {tile} px, overlap {overlap}, "
              f"batch {args.batch_size}, DeepLabV3-MobileNetV3 ({CLASSES} classes)", flush=True)
        onnx = OnnxRunner(onnx_export_path(model_path, tile), spec, threads)
        bare_onnx = time_loop(onnx, tiles, args.batch_size)
        torch.set_num_threads(threads)
        bare_torch = torch_loop(model, tiles, args.batch_size)
        start = time.perf_counter()
        result = predict_raster([model_path], image, Outputs(root / "speed_classes.tif"),
                                PredictOptions(tile_size=tile, overlap=overlap, batch_size=args.batch_size,
                                               device="cpu"))
        predict_time = time.perf_counter() - start
        backend = result["summary"]["backend"]
        bare_same = bare_onnx if backend == "onnx" else bare_torch
        figures.update(speed_tiles=len(tiles), bare_torch_s=bare_torch, bare_onnxruntime_s=bare_onnx,
                       predict_s=predict_time, predict_backend=backend,
                       overhead_ratio=predict_time / bare_same, predict_vs_onnxruntime=predict_time / bare_onnx,
                       torch_vs_onnxruntime=bare_torch / bare_onnx)
        print(f"  bare torch eager loop      {bare_torch:8.2f} s", flush=True)
        print(f"  bare onnxruntime loop      {bare_onnx:8.2f} s", flush=True)
        print(f"  predict end to end ({backend})  {predict_time:8.2f} s", flush=True)
        del runner, onnx, model, tiles

        # -- (2): memory -----------------------------------------------------------------------------
        mem_model = make_model(root / "model_mem.pt", args.memory_tile)
        make_runner(mem_model, args.memory_tile, "cpu", "auto", threads)  # warm the ONNX cache for the children
        peaks = {}
        for width, height in ((args.small, args.small), (args.large_width, args.large_height)):
            size = f"{width}x{height}"
            start = time.perf_counter()
            raster = write_large_raster(root / f"mem_{size}.tif", height, width=width, sparse_tile=args.memory_tile)
            made = time.perf_counter() - start
            rss, wall = peak_rss_mb([sys.executable, "-m", "landcover_core", "predict", "--model", str(mem_model),
                                     "--image", str(raster), "--out", str(root / f"mem_{size}_classes.tif"),
                                     "--tile-size", str(args.memory_tile), "--overlap", "0", "--batch-size",
                                     str(args.batch_size), "--device", "cpu", "--quiet"])
            peaks[size] = rss
            figures[f"peak_rss_mb_{size}"] = rss
            figures[f"predict_s_{size}"] = wall
            print(f"memory: {size} raster (written in {made:.0f} s): predict peak RSS {rss:7.1f} MB in {wall:.1f} s",
                  flush=True)
            (root / f"mem_{size}.tif").unlink()
        small, large = peaks.values()
        figures["memory_ratio"] = large / small

    print()
    print(f"(1) predict / bare forward ({figures['predict_backend']}) over the same tiles: "
          f"{figures['overhead_ratio']:.3f}   (target <= 1.15)")
    print(f"(2) peak memory {args.large_width}x{args.large_height} / {args.small}x{args.small}: "
          f"{figures['memory_ratio']:.3f}   (target <= 1.3)")
    print(f"(3) predict / bare onnxruntime: {figures['predict_vs_onnxruntime']:.3f}   (target <= 1.1); "
          f"bare torch eager / bare onnxruntime: {figures['torch_vs_onnxruntime']:.2f}")
    figures.update(bench_histmatch(args.histmatch_size, args.histmatch_scale))
    figures.update(bench_ensemble(args.ensemble_size, args.ensemble_tile, args.batch_size))
    figures.update(bench_training())
    return write_figures(args, figures)


def bench_ensemble(size: int, tile: int, batch: int) -> dict[str, float]:
    """(6) ``predict`` time with d4 TTA and with a 3-model ensemble / a single model, on one size² raster."""
    with tempfile.TemporaryDirectory(prefix="landcover-bench-ensemble-") as folder:
        root = Path(folder)
        os.environ.setdefault("LANDCOVER_CACHE_DIR", str(root / "cache"))
        models = [make_model(root / f"member{i}.pt", tile, seed=i) for i in range(3)]
        for model in models:  # ONNX exports happen here, not in the timings
            make_runner(model, tile, "cpu", "auto")
        image = write_large_raster(root / "ensemble.tif", size)
        options = PredictOptions(tile_size=tile, overlap=round(tile * 0.1), batch_size=batch, device="cpu")
        print(f"ensembles: {size}² RGB, tiles of {tile} px, overlap {options.overlap}", flush=True)
        times = {}
        for name, members, tta in (("single", models[:1], "none"), ("d4", models[:1], "d4"),
                                   ("ensemble3", models, "none")):
            start = time.perf_counter()
            predict_raster(members, image, Outputs(root / f"{name}.tif"),
                           PredictOptions(**{**options.__dict__, "tta": tta}))
            times[name] = time.perf_counter() - start
            print(f"  predict {name:<10} {times[name]:8.2f} s", flush=True)
    figures = {"predict_single_s": times["single"], "predict_d4_s": times["d4"],
               "predict_ensemble3_s": times["ensemble3"], "d4_ratio": times["d4"] / times["single"],
               "ensemble3_ratio": times["ensemble3"] / times["single"]}
    print()
    print(f"(6) predict --tta d4 / single: {figures['d4_ratio']:.2f} (8 forward passes per tile); "
          f"3-model ensemble / single: {figures['ensemble3_ratio']:.2f} (3 forward passes per tile)")
    return figures


def write_figures(args: argparse.Namespace, figures: dict) -> int:
    """Writes the figures to ``--json`` when asked; returns the exit code."""
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2))
    return 0


# -- histogram matching ------------------------------------------------------------------------------------
#: ``landcover_core.histmatch.match_raster`` in a child (the CLI would add torch's import, ~0.6 GB, to its RSS).
HISTMATCH_CHILD = "import sys; from landcover_core.histmatch import match_raster; match_raster(*sys.argv[1:4])"

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


if __name__ == "__main__":
    raise SystemExit(main())
