"""Inference figures of ``make bench``: (1)-(3) pipeline overhead, memory and CPU path; (6) ensembles and TTA.

Each figure is a ratio against a baseline measured in the same run; :mod:`benchmarks.__main__` describes
them and runs them (``python -m benchmarks``, ``--ensemble-only`` for (6) alone).
"""

from __future__ import annotations

import dataclasses
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import rasterio
import torch
from rasterio.windows import Window

from benchmarks.common import peak_rss_mb, scratch_folder
from landcover_core.common.classes import ClassScheme
from landcover_core.common.raster import read_window
from landcover_core.config import PredictOptions, Tta
from landcover_core.demo.synthetic import write_large_raster
from landcover_core.inference.predict import Outputs, predict_raster
from landcover_core.inference.runners import OnnxRunner, Probabilities, cpu_threads, make_runner, onnx_export_path
from landcover_core.inference.tiling import TileGrid
from landcover_core.models.modelfile import ModelSpec, load_model, save_model
from landcover_core.models.networks import build_model

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


def torch_loop(model: torch.nn.Module, tiles: list[np.ndarray], batch: int) -> float:
    """Seconds of torch eager forward passes over the tiles (the baseline the ONNX path is compared with)."""
    net = Probabilities(model).eval()
    with torch.inference_mode():
        return time_loop(lambda x: net(torch.from_numpy(x)).numpy(), tiles, batch)


def bench_speed(root: Path, size: int, tile: int, batch: int, threads: int) -> dict[str, float | int | str]:
    """(1) and (3): ``predict`` end to end / bare onnxruntime and torch loops over the same tiles of a size² raster."""
    overlap = round(tile * 0.1)
    model_path = make_model(root / "model.pt", tile)
    image = write_large_raster(root / "speed.tif", size)
    make_runner(model_path, tile, "cpu", "auto", threads)  # exports to ONNX once (cached), outside the timings
    model, spec = load_model(model_path, "cpu")
    tiles = load_tiles(image, spec, tile, overlap)
    print(f"speed: {size}² RGB, {len(tiles)} tiles of {tile} px, overlap {overlap}, batch {batch}, "
          f"DeepLabV3-MobileNetV3 ({CLASSES} classes)", flush=True)
    bare_onnx = time_loop(OnnxRunner(onnx_export_path(model_path, tile), spec, threads), tiles, batch)
    torch.set_num_threads(threads)
    bare_torch = torch_loop(model, tiles, batch)
    start = time.perf_counter()
    result = predict_raster([model_path], image, Outputs(root / "speed_classes.tif"),
                            PredictOptions(tile_size=tile, overlap=overlap, batch_size=batch, device="cpu"))
    predict_time = time.perf_counter() - start
    backend = result["summary"]["backend"]
    bare_same = bare_onnx if backend == "onnx" else bare_torch
    print(f"  bare torch eager loop      {bare_torch:8.2f} s", flush=True)
    print(f"  bare onnxruntime loop      {bare_onnx:8.2f} s", flush=True)
    print(f"  predict end to end ({backend})  {predict_time:8.2f} s", flush=True)
    return {"speed_tiles": len(tiles), "bare_torch_s": bare_torch, "bare_onnxruntime_s": bare_onnx,
            "predict_s": predict_time, "predict_backend": backend, "overhead_ratio": predict_time / bare_same,
            "predict_vs_onnxruntime": predict_time / bare_onnx, "torch_vs_onnxruntime": bare_torch / bare_onnx}


def bench_memory(root: Path, sizes: list[tuple[int, int]], tile: int, batch: int, threads: int,
                 ratio: str = "memory_ratio") -> dict[str, float]:
    """(2) Peak RSS of a ``landcover predict`` child on the last of ``sizes`` (width, height) / on the first.

    The figure is named ``ratio``, the peaks and times ``peak_rss_mb_WxH`` and ``predict_s_WxH``.
    """
    model = make_model(root / f"model_mem{tile}.pt", tile)
    make_runner(model, tile, "cpu", "auto", threads)  # warm the ONNX cache for the children
    figures: dict[str, float] = {}
    peaks = []
    for width, height in sizes:
        size = f"{width}x{height}"
        start = time.perf_counter()
        raster = write_large_raster(root / f"mem_{size}.tif", height, width=width, sparse_tile=tile)
        made = time.perf_counter() - start
        rss, wall = peak_rss_mb([sys.executable, "-m", "landcover_core", "predict", "--model", str(model),
                                 "--image", str(raster), "--out", str(root / f"mem_{size}_classes.tif"),
                                 "--tile-size", str(tile), "--overlap", "0", "--batch-size", str(batch),
                                 "--device", "cpu", "--quiet"])
        peaks.append(rss)
        figures[f"peak_rss_mb_{size}"] = rss
        figures[f"predict_s_{size}"] = wall
        print(f"memory: {size} raster (written in {made:.0f} s): predict peak RSS {rss:7.1f} MB in {wall:.1f} s",
              flush=True)
        raster.unlink()
    figures[ratio] = peaks[-1] / peaks[0]
    return figures


def bench_square_memory(small: int, large: int, tile: int) -> dict[str, float]:
    """(2b) Peak RSS of ``predict`` on a large² raster / on a small² one, in ``tile`` px tiles (as issue #23 measured).

    As (2): no overlap, one tile in eight holds data, every row is read, blended and written. One tile per
    forward pass: the model's memory for a batch of n tiles is the same on any raster, but a sparse small
    raster never fills a batch (its data tiles are never neighbours) while a large one does at its edges,
    which measured the runtime's batch of 2 (+120 MB at 30000²) as growth with the raster.
    """
    with scratch_folder("landcover-bench-memory-") as root:
        figures = bench_memory(root, [(small, small), (large, large)], tile, 1, cpu_threads(),
                               ratio="square_memory_ratio")
    print()
    print(f"(2b) peak memory {large}² / {small}² ({tile} px tiles): {figures['square_memory_ratio']:.3f}   "
          "(target <= 1.10)")
    return figures


def bench_inference(speed_size: int, speed_tile: int, small: int, large: tuple[int, int], memory_tile: int,
                    batch: int) -> dict[str, float | int | str]:
    """(1)-(3) in one scratch folder; prints the three ratios.

    Args:
        speed_size: side of the raster of (1) and (3).
        speed_tile: tile size of (1) and (3) (10% overlap).
        small: side of the reference raster of (2).
        large: (width, height) of the large raster of (2).
        memory_tile: tile size of (2) (no overlap; one tile in eight holds data).
        batch: tiles per forward pass.
    """
    threads = cpu_threads()
    figures: dict[str, float | int | str] = {"threads": threads, "torch": torch.__version__}
    print(f"landcover bench: {threads} CPU thread(s), torch {torch.__version__}", flush=True)
    with scratch_folder("landcover-bench-") as root:
        figures.update(bench_speed(root, speed_size, speed_tile, batch, threads))
        figures.update(bench_memory(root, [(small, small), large], memory_tile, batch, threads))
    print()
    print(f"(1) predict / bare forward ({figures['predict_backend']}) over the same tiles: "
          f"{figures['overhead_ratio']:.3f}   (target <= 1.15)")
    print(f"(2) peak memory {large[0]}x{large[1]} / {small}x{small}: {figures['memory_ratio']:.3f}   (target <= 1.3)")
    print(f"(3) predict / bare onnxruntime: {figures['predict_vs_onnxruntime']:.3f}   (target <= 1.1); "
          f"bare torch eager / bare onnxruntime: {figures['torch_vs_onnxruntime']:.2f}")
    return figures


def bench_ensemble(size: int, tile: int, batch: int) -> dict[str, float]:
    """(6) ``predict`` time with d4 TTA and with a 3-model ensemble / a single model, on one size² raster."""
    with scratch_folder("landcover-bench-ensemble-") as root:
        models = [make_model(root / f"member{i}.pt", tile, seed=i) for i in range(3)]
        for model in models:  # ONNX exports happen here, not in the timings
            make_runner(model, tile, "cpu", "auto")
        image = write_large_raster(root / "ensemble.tif", size)
        options = PredictOptions(tile_size=tile, overlap=round(tile * 0.1), batch_size=batch, device="cpu")
        print(f"ensembles: {size}² RGB, tiles of {tile} px, overlap {options.overlap}", flush=True)
        times = {}
        runs: list[tuple[str, list[Path], Tta]] = [("single", models[:1], "none"), ("d4", models[:1], "d4"),
                                                  ("ensemble3", models, "none")]
        for name, members, tta in runs:
            start = time.perf_counter()
            predict_raster(members, image, Outputs(root / f"{name}.tif"), dataclasses.replace(options, tta=tta))
            times[name] = time.perf_counter() - start
            print(f"  predict {name:<10} {times[name]:8.2f} s", flush=True)
    figures = {"predict_single_s": times["single"], "predict_d4_s": times["d4"],
               "predict_ensemble3_s": times["ensemble3"], "d4_ratio": times["d4"] / times["single"],
               "ensemble3_ratio": times["ensemble3"] / times["single"]}
    print()
    print(f"(6) predict --tta d4 / single: {figures['d4_ratio']:.2f} (8 forward passes per tile); "
          f"3-model ensemble / single: {figures['ensemble3_ratio']:.2f} (3 forward passes per tile)")
    return figures
