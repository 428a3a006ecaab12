"""Training benchmark (part of ``make bench``; alone: ``python -m landcover_core.bench_training``).

(7) Seconds per optimizer step of ``landcover train``'s loop (tiles drawn, read, augmented and
normalised by the DataLoader, moved to the device, partial cross-entropy, backward, AdamW and scheduler
steps) / of a bare loop of forward, partial cross-entropy, backward and AdamW step on one batch already
on the device (tiles of the same scene): same model, batch size and precision. Timed after the first
epoch (it pays the warm-up), with the tiles read in the training process (0 loader workers) and by 2 loader workers.
Each figure is the fastest of 3 repeats (epochs 2-4; 3 timed blocks of the bare loop), the estimate
least disturbed by other work on a shared machine. Target: <= 1.15. The scene is a generated 1024²
4-band GeoTIFF labelled everywhere.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import numpy as np
import rasterio
import torch
from rasterio.windows import Window

from landcover_core.config import Arch, DeviceChoice, TrainConfig
from landcover_core.data.sources import TrainingData
from landcover_core.device import pick_device
from landcover_core.losses import PartialCrossEntropy
from landcover_core.models import build_model
from landcover_core.synthetic import SyntheticScene, make_scene
from landcover_core.training import autocast_dtype, train_model

#: Timed repeats of each measurement (the fastest is kept).
REPEATS = 3


def scene_batch(scene: SyntheticScene, tile: int, batch: int) -> tuple[torch.Tensor, torch.Tensor]:
    """``batch`` tiles of the scene along its diagonal, normalised per band, and their class indices."""
    with rasterio.open(scene.image) as image, rasterio.open(scene.truth) as truth:
        windows = [Window(i * tile // 2, i * tile // 2, tile, tile) for i in range(batch)]
        images = np.stack([image.read(window=w, boundless=True) for w in windows]).astype(np.float32)
        codes = np.stack([truth.read(1, window=w, boundless=True) for w in windows]).astype(np.int64)
    mean, std = images.mean(axis=(0, 2, 3), keepdims=True), images.std(axis=(0, 2, 3), keepdims=True)
    indices = np.searchsorted(np.unique(codes), codes)
    return torch.from_numpy((images - mean) / std), torch.from_numpy(indices)


def bare_step_seconds(arch: Arch, images: torch.Tensor, labels: torch.Tensor, classes: int, steps: int,
                      device: torch.device) -> float:
    """Seconds per step of forward, loss, backward and AdamW on one batch held on ``device`` (fastest block)."""
    torch.manual_seed(0)
    model = build_model(arch, images.shape[1], classes).to(device).train()
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3)
    loss_fn = PartialCrossEntropy()
    images, labels = images.to(device), labels.to(device)
    precision = autocast_dtype("auto", device)

    def step() -> None:
        with torch.autocast(device.type, dtype=precision, enabled=precision != torch.float32):
            logits = model(images)
        loss = loss_fn(logits, labels)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()

    step()  # warm-up (allocations, kernels)
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


def bench_training(arch: Arch = "mobilenet_v3_large", tile: int = 256, batch: int = 8, steps: int = 6,
                   workers: tuple[int, ...] = (0, 2), device: DeviceChoice = "auto") -> dict[str, float]:
    """(7) The training loop's seconds per step / the bare loop's, per loader-worker count."""
    chosen = pick_device(device)
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="landcover-bench-train-") as folder:
        root = Path(folder)
        scene = make_scene(root, size=1024, bands=4, seed=0, polygons_per_class=0)
        data = TrainingData(images=[str(scene.image)], label_rasters=[str(scene.truth)])
        print(f"training: {arch}, {tile} px tiles, batch {batch}, {steps} steps per epoch on {chosen}", flush=True)
        images, labels = scene_batch(scene, tile, batch)
        bare = bare_step_seconds(arch, images, labels, 4, steps, chosen)
        print(f"  bare forward+backward+AdamW  {bare:7.3f} s/step", flush=True)
        figures["train_bare_step_s"] = bare
        for count in workers:
            config = TrainConfig(out=str(root / f"w{count}.pt"), arch=arch, tile_size=tile, batch_size=batch,
                                 epochs=1 + REPEATS, samples_per_epoch=batch * steps, val_fraction=0.0,
                                 loader_workers=count, device=device)
            history = train_model(config, data).history
            per_step = min(record["train_seconds"] for record in history[1:]) / steps
            print(f"  landcover train, {count} loader worker(s)  {per_step:7.3f} s/step", flush=True)
            figures[f"train_step_w{count}_s"] = per_step
            figures[f"train_ratio_w{count}"] = per_step / bare
    print()
    print("(7) training step / bare forward+backward: " + ", ".join(
        f"{figures[f'train_ratio_w{count}']:.3f} with {count} loader worker(s)" for count in workers)
        + "   (target <= 1.15)")
    return figures


def main(argv: list[str] | None = None) -> int:
    """Runs (7) alone."""
    parser = argparse.ArgumentParser(prog="python -m landcover_core.bench_training",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--arch", default="mobilenet_v3_large")
    parser.add_argument("--tile", type=int, default=256)
    parser.add_argument("--batch", type=int, default=8)
    parser.add_argument("--steps", type=int, default=6)
    parser.add_argument("--device", default="auto", choices=["auto", "cpu", "cuda"])
    args = parser.parse_args(argv)
    bench_training(args.arch, args.tile, args.batch, args.steps, device=args.device)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
