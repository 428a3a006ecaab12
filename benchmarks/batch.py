"""Catalogue benchmark (``python -m benchmarks.batch``): ``predict-batch`` scenes/minute, 1 and 2 workers.

Each figure is a ratio against one worker with one thread, measured in the same run.

The catalogue: ``--scenes`` RGB scenes of ``--size``² px, a random-init DeepLabV3-MobileNetV3 (GroupNorm, 6
classes) on ``--tile`` px tiles with the default overlap (half a tile), ONNX export cached beforehand.
Each run classifies the whole catalogue into a fresh folder and is timed from the call to the written summary,
so starting the local cluster and the workers' imports count, as they do for a user. Configurations:

- 1 worker × 1 thread (the baseline), 1 worker × all cores, one worker per core × 1 thread (``predict-batch``'s
  default on CPU);
- for reference, the sequential ways: ``predict_raster`` called per scene in one process (all cores), and the
  ``landcover predict`` command run per scene (a shell loop: each run imports the engine and loads the model).

Configurations are interleaved over ``--rounds`` rounds and the fastest run of each is kept (the machine may be
shared). Also measured: the start-up cost of a run, as ``predict-batch`` of the first scene alone (one worker)
minus ``predict_raster`` of it in this process. Prints a table; ``--json`` writes the figures.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.common import scratch_folder, write_json
from benchmarks.inference import make_model
from landcover_core.config import BatchOptions, PredictOptions
from landcover_core.demo.synthetic import write_large_raster
from landcover_core.inference.batch import predict_batch
from landcover_core.inference.predict import Outputs, predict_raster
from landcover_core.inference.runners import cpu_threads, make_runner

BASELINE = "predict-batch, 1 worker × 1 thread"


def configurations(root: Path, model: Path, scenes: list[Path], tile: int) -> dict[str, Callable[[Path], None]]:
    """Name -> a function classifying every scene into a given (fresh) folder."""
    cores = cpu_threads()
    options = PredictOptions(tile_size=tile, device="cpu")

    def batch(workers: int, threads: int) -> Callable[[Path], None]:
        def run(out: Path) -> None:
            predict_batch([model], [root / "scenes"], out, options, BatchOptions(workers=workers,
                                                                                  threads_per_worker=threads))
        return run

    def in_process(out: Path) -> None:
        out.mkdir()
        for scene in scenes:
            predict_raster([model], scene, Outputs(out / f"{scene.stem}.classes.tif"), options)

    def command_loop(out: Path) -> None:
        out.mkdir()
        for scene in scenes:
            subprocess.run([sys.executable, "-m", "landcover_core", "predict", "--model", str(model), "--image",
                            str(scene), "--out", str(out / f"{scene.stem}.classes.tif"), "--tile-size", str(tile),
                            "--device", "cpu", "--quiet"], check=True, stdout=subprocess.DEVNULL)

    return {
        BASELINE: batch(1, 1),
        f"predict-batch, 1 worker × {cores} threads": batch(1, cores),
        f"predict-batch, {cores} workers × 1 thread": batch(cores, 1),
        f"predict_raster per scene, one process, {cores} threads": in_process,
        f"landcover predict per scene (shell loop), {cores} threads": command_loop,
    }


def start_up_seconds(root: Path, model: Path, scene: Path, tile: int, rounds: int) -> float:
    """``predict-batch`` of one scene on one worker minus ``predict_raster`` of it here (fastest of ``rounds``)."""
    (root / "one").mkdir()
    (root / "one" / scene.name).symlink_to(scene)
    options = PredictOptions(tile_size=tile, device="cpu")
    costs = []
    for round_ in range(rounds):
        start = time.perf_counter()
        predict_raster([model], scene, Outputs(root / f"one-{round_}.tif"), options)
        alone = time.perf_counter() - start
        start = time.perf_counter()
        predict_batch([model], [root / "one"], root / f"one-{round_}", options, BatchOptions(workers=1))
        costs.append(time.perf_counter() - start - alone)
    return min(costs)


def main(argv: list[str] | None = None) -> int:
    """Runs the benchmark and prints scenes per minute and the ratios against the baseline."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.batch", description=__doc__.splitlines()[0])
    parser.add_argument("--scenes", type=int, default=8)
    parser.add_argument("--size", type=int, default=1024, help="side of each scene in pixels")
    parser.add_argument("--tile", type=int, default=256)
    parser.add_argument("--rounds", type=int, default=2, help="runs of each configuration (the fastest is kept)")
    parser.add_argument("--json", help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    with scratch_folder("landcover-bench-batch-") as root:  # the ONNX cache is inherited by workers and children
        model = make_model(root / "model.pt", args.tile)
        make_runner(model, args.tile, "cpu", "auto")  # the ONNX export, outside the timings
        (root / "scenes").mkdir()
        scenes = [write_large_raster(root / "scenes" / f"scene{i:03d}.tif", args.size, block=512, seed=i)
                  for i in range(args.scenes)]
        print(f"{args.scenes} scenes of {args.size}² RGB, tiles of {args.tile} px, {cpu_threads()} cores, load "
              f"average {os.getloadavg()[0]:.1f}", flush=True)
        startup = start_up_seconds(root, model, scenes[0], args.tile, args.rounds)
        print(f"  start-up of a predict-batch run: {startup:.2f} s", flush=True)
        runs = configurations(root, model, scenes, args.tile)
        best: dict[str, float] = {}
        for round_ in range(args.rounds):
            for index, (name, run) in enumerate(runs.items()):
                start = time.perf_counter()
                run(root / f"out-{round_}-{index}")
                seconds = time.perf_counter() - start
                best[name] = min(seconds, best.get(name, seconds))
                print(f"  round {round_ + 1}: {name:<58} {seconds:8.2f} s", flush=True)
    print(f"\n| configuration | scenes/minute | ratio to {BASELINE} |\n|---|---|---|")
    for name, seconds in best.items():
        print(f"| {name} | {args.scenes / seconds * 60:.2f} | {best[BASELINE] / seconds:.2f} |")
    print(f"\nStart-up of a predict-batch run (cluster, workers' imports, model loading): {startup:.2f} s")
    write_json(args.json, {"scenes": args.scenes, "size": args.size, "tile": args.tile, "seconds": best,
                           "startup_seconds": startup})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
