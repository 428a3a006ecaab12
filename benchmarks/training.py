"""Training benchmark (part of ``make bench``; alone: ``python -m benchmarks.training``).

(7) Seconds per optimizer step of ``landcover train``'s loop (tiles drawn, read, augmented and
normalised by the DataLoader, moved to the device, loss, backward, optimizer and scheduler steps) / of a
bare loop of forward, loss, backward and optimizer step on one batch already on the device (tiles of the
same scene). Both loops are built from one :class:`~landcover_core.config.TrainConfig`, the engine's
defaults with the benchmark's sizes: the same model (backbone, decoder, normalisation, dropout, bands and
classes), loss (class weights, focal and Dice terms), optimizer, batch size, tile size and precision,
so a default that changes in the engine changes both. The training loop is timed after its first epoch
(which pays the warm-up), with the tiles read in the training process (0 loader workers) and by 2 loader
workers; its time excludes the BatchNorm re-estimation after each epoch (there is no validation). Each
figure is the fastest of its repeats (epochs 2-4; 3 timed blocks of the bare loop before the training runs
and 3 after each), the estimate least disturbed by other work on a shared machine. Target: <= 1.15. The scene
is a generated 1024² 4-band GeoTIFF labelled everywhere.
"""

from __future__ import annotations

import argparse
import dataclasses
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import rasterio
import torch
from rasterio.windows import Window

from benchmarks.common import write_json
from landcover_core.common.classes import ClassScheme
from landcover_core.common.device import pick_device
from landcover_core.config import ARCHS, Arch, DeviceChoice, TrainConfig
from landcover_core.data.sources import TrainingData
from landcover_core.demo.synthetic import SyntheticScene, make_scene
from landcover_core.training.estimate import training_step
from landcover_core.training.recipe import autocast_dtype
from landcover_core.training.trainer import train_model

#: Timed repeats of each measurement (the fastest is kept).
REPEATS = 3
#: The benchmark scene: side in pixels and bands.
SCENE_SIZE, SCENE_BANDS = 1024, 4


def training_config(out: Path, arch: Arch, tile: int, batch: int, steps: int, device: DeviceChoice) -> TrainConfig:
    """The one configuration both loops are built from: the engine's defaults, with the benchmark's sizes.

    ``1 + REPEATS`` epochs of ``steps`` steps, no validation (the figure is the training step).
    """
    return TrainConfig(out=str(out), arch=arch, tile_size=tile, batch_size=batch, epochs=1 + REPEATS,
                       samples_per_epoch=batch * steps, val_fraction=0.0, device=device)


def scene_batch(scene: SyntheticScene, tile: int, batch: int) -> tuple[torch.Tensor, torch.Tensor]:
    """``batch`` tiles of the scene along its diagonal, normalised per band, and their class indices."""
    with rasterio.open(scene.image) as image, rasterio.open(scene.truth) as truth:
        windows = [Window(i * tile // 2, i * tile // 2, tile, tile) for i in range(batch)]
        images = np.stack([image.read(window=w, boundless=True) for w in windows]).astype(np.float32)
        codes = np.stack([truth.read(1, window=w, boundless=True) for w in windows])
    mean, std = images.mean(axis=(0, 2, 3), keepdims=True), images.std(axis=(0, 2, 3), keepdims=True)
    indices = scene.scheme.codes_to_indices(codes).astype(np.int64)
    return torch.from_numpy((images - mean) / std), torch.from_numpy(indices)


def bare_step(config: TrainConfig, images: torch.Tensor, labels: torch.Tensor, scheme: ClassScheme,
              device: torch.device) -> Callable[[], None]:
    """The engine's training step (:func:`~landcover_core.training.estimate.training_step`), warmed up."""
    return training_step(config, images, labels, scheme, device).run


def fastest_step_seconds(step: Callable[[], None], steps: int, device: torch.device) -> float:
    """Seconds per call of ``step``: the fastest of ``REPEATS`` blocks of ``steps`` calls."""
    blocks = []
    for _ in range(REPEATS):
        if device.type == "cuda":
            torch.cuda.synchronize()
        start = time.perf_counter()
        for _ in range(steps):
            step()
        if device.type == "cuda":
            torch.cuda.synchronize()
        blocks.append((time.perf_counter() - start) / steps)
    return min(blocks)


def loop_seconds(config: TrainConfig, data: TrainingData, steps: int) -> tuple[float, float]:
    """``landcover train``'s loop: seconds per step, and seconds per epoch spent after its steps.

    Both from the epochs after the first (the fastest of each); after the steps, an epoch re-estimates the
    BatchNorm statistics (there is no validation here).
    """
    history = train_model(config, data).history[1:]
    return (min(record["train_seconds"] for record in history) / steps,
            min(record["seconds"] - record["train_seconds"] for record in history))


def describe(config: TrainConfig, device: torch.device) -> str:
    """The settings that set a step's cost, for the printout."""
    precision = str(autocast_dtype(config.precision, device)).removeprefix("torch.")
    return (f"{config.arch}, decoder {config.decoder}, {config.backbone_norm} norm, class weights "
            f"{config.class_weights}, {config.tile_size} px tiles, batch {config.batch_size}, {precision}")


def bench_training(arch: Arch = "mobilenet_v3_large", tile: int = 256, batch: int = 8, steps: int = 6,
                   workers: tuple[int, ...] = (0, 2), device: DeviceChoice = "auto") -> dict[str, float]:
    """(7) The training loop's seconds per step / the bare loop's, per loader-worker count."""
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="landcover-bench-train-") as folder:
        root = Path(folder)
        scene = make_scene(root, size=SCENE_SIZE, bands=SCENE_BANDS, seed=0, polygons_per_class=0)
        data = TrainingData(images=[str(scene.image)], label_rasters=[str(scene.truth)])
        config = training_config(root / "model.pt", arch, tile, batch, steps, device)
        chosen = pick_device(config.device)
        if config.threads:
            torch.set_num_threads(config.threads)
        print(f"training: {describe(config, chosen)}, {steps} steps per epoch on {chosen}", flush=True)
        images, labels = scene_batch(scene, config.tile_size, config.batch_size)
        step = bare_step(config, images, labels, scene.scheme, chosen)
        bare = fastest_step_seconds(step, steps, chosen)
        print(f"  bare forward+backward+AdamW  {bare:7.3f} s/step", flush=True)
        loops = {}
        for count in workers:
            loops[count], after_steps = loop_seconds(dataclasses.replace(config, out=str(root / f"w{count}.pt"),
                                                                         loader_workers=count), data, steps)
            figures[f"train_epoch_after_steps_w{count}_s"] = after_steps
            print(f"  landcover train, {count} loader worker(s)  {loops[count]:7.3f} s/step, then {after_steps:.2f} s "
                  "per epoch re-estimating BatchNorm statistics (not in the figure)", flush=True)
            again = fastest_step_seconds(step, steps, chosen)  # the machine's load may have changed meanwhile
            print(f"  bare forward+backward+AdamW  {again:7.3f} s/step (again)", flush=True)
            bare = min(bare, again)
    figures["train_bare_step_s"] = bare
    for count, per_step in loops.items():
        figures[f"train_step_w{count}_s"] = per_step
        figures[f"train_ratio_w{count}"] = per_step / bare
    print()
    print("(7) training step / bare forward+backward: " + ", ".join(
        f"{figures[f'train_ratio_w{count}']:.3f} with {count} loader worker(s)" for count in workers)
        + "   (target <= 1.15)")
    return figures


def main(argv: list[str] | None = None) -> int:
    """Runs (7) alone."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.training", description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--arch", default="mobilenet_v3_large", choices=ARCHS)
    parser.add_argument("--tile", type=int, default=256)
    parser.add_argument("--batch", type=int, default=8)
    parser.add_argument("--steps", type=int, default=6)
    parser.add_argument("--workers", default="0,2", help="comma-separated loader-worker counts of the training loop")
    parser.add_argument("--device", default="auto", choices=["auto", "cpu", "cuda"])
    parser.add_argument("--json", help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    workers = tuple(int(w) for w in args.workers.split(","))
    write_json(args.json, bench_training(args.arch, args.tile, args.batch, args.steps, workers, args.device))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
