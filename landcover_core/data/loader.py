"""Training tiles for torch: a Dataset whose every tile is a pure function of the seed and its number.

Tile ``n`` of a run is drawn, augmented and colour-jittered with its own generator, seeded by
``(seed, stream, n)``. What a tile holds therefore depends neither on which process or loader worker
reads it nor on what was read before, so:

- a run is the same with 0 or 8 loader workers (tiles are read and augmented off the main thread);
- under ``torchrun`` process ``r`` of ``W`` takes tiles ``[r*B, (r+1)*B)`` of each global batch of
  ``W*B`` tiles, so W processes with batch B see exactly the tiles of one process with batch W*B;
- ``--resume`` continues with the tiles an uninterrupted run would have drawn (the tile numbers
  follow from the epoch), with no generator state to save.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence

import numpy as np
import torch
from torch.utils.data import DataLoader, Dataset, Sampler

from landcover_core.data.sampling import TileSampler

#: Tile streams: training batches, and the batches that re-estimate BatchNorm statistics.
TRAIN_STREAM, BATCHNORM_STREAM = 0, 1
#: Most tile-loading workers chosen automatically for one GPU.
MAX_AUTO_WORKERS = 4

TileKey = tuple[int, int]  # (stream, tile number)


def tile_rng(seed: int, stream: int, number: int) -> np.random.Generator:
    """The generator of one tile (independent of every other tile's)."""
    return np.random.default_rng([seed, stream, number])


class TrainingTiles(Dataset[tuple[torch.Tensor, torch.Tensor]]):
    """Normalised, augmented training tiles by key ``(stream, number)``."""

    def __init__(self, sampler: TileSampler, mean: Sequence[float], std: Sequence[float], seed: int,
                 color_jitter: float = 0.0) -> None:
        """See the class.

        Args:
            sampler: draws a tile's block, crop and flips/rotation.
            mean: per-band mean (normalisation).
            std: per-band standard deviation.
            seed: the run's seed.
            color_jitter: per tile and band, gain in 1 ± this and offset in ± this (training stream only).
        """
        self.sampler = sampler
        self.mean = np.asarray(mean, np.float32)[:, None, None]
        self.std = np.asarray(std, np.float32)[:, None, None]
        self.seed = seed
        self.color_jitter = color_jitter

    def __getitem__(self, key: TileKey) -> tuple[torch.Tensor, torch.Tensor]:
        """(image float32 C,H,W normalised, labels int64 H,W) of tile ``key``."""
        stream, number = key
        rng = tile_rng(self.seed, stream, number)
        image, labels = self.sampler.sample(rng)
        image = (image - self.mean) / self.std
        amount = self.color_jitter
        if stream == TRAIN_STREAM and amount > 0:
            # Gain and offset per band: radiometry differs between dates, sensors and scenes.
            shape = (image.shape[0], 1, 1)
            image = image * rng.uniform(1 - amount, 1 + amount, shape) + rng.uniform(-amount, amount, shape)
        return torch.from_numpy(image.astype(np.float32)), torch.from_numpy(labels.astype(np.int64))

    def batch(self, keys: Sequence[TileKey]) -> tuple[torch.Tensor, torch.Tensor]:
        """Tiles ``keys`` stacked into a batch, read in this process."""
        tiles = [self[key] for key in keys]
        return torch.stack([t[0] for t in tiles]), torch.stack([t[1] for t in tiles])


class TileOrder(Sampler[TileKey]):
    """The training tiles of one process in one epoch: its share of every global batch, in order."""

    def __init__(self, steps: int, batch_size: int, world: int = 1, rank: int = 0) -> None:
        """See the class.

        Args:
            steps: optimizer steps per epoch.
            batch_size: tiles per step in this process.
            world: processes training together.
            rank: this process's rank.
        """
        self.steps = steps
        self.batch_size = batch_size
        self.world = world
        self.rank = rank
        self.epoch = 1

    def set_epoch(self, epoch: int) -> None:
        """Selects the epoch (1-based) whose tiles the next iteration yields."""
        self.epoch = epoch

    def __iter__(self) -> Iterator[TileKey]:
        """The keys of this process's tiles, step after step."""
        global_batch = self.batch_size * self.world
        for step in range(self.steps):
            first = ((self.epoch - 1) * self.steps + step) * global_batch + self.rank * self.batch_size
            yield from ((TRAIN_STREAM, first + i) for i in range(self.batch_size))

    def __len__(self) -> int:
        """Tiles per epoch in this process."""
        return self.steps * self.batch_size


def loader_workers(setting: int | None, device: torch.device, processes_per_node: int = 1) -> int:
    """Tile-loading worker processes: the setting, or automatically.

    Automatically: none on CPU, where the model's forward and backward passes already use every core and
    reading a tile costs a fraction of a percent of a step; on a GPU, up to four per GPU from the cores
    left to each process, so tiles are ready before the GPU asks for them.
    """
    if setting is not None:
        return setting
    if device.type != "cuda":
        return 0
    cores = (len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)
    return max(1, min(MAX_AUTO_WORKERS, cores // max(1, processes_per_node) - 1))


def tile_loader(tiles: TrainingTiles, order: TileOrder, workers: int, pin_memory: bool) -> DataLoader:
    """A DataLoader giving one batch per step; its workers stay up between epochs."""
    return DataLoader(tiles, batch_size=order.batch_size, sampler=order, num_workers=workers,
                      pin_memory=pin_memory, persistent_workers=workers > 0,
                      prefetch_factor=4 if workers else None)
