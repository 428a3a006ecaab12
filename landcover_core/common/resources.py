"""Memory checks made before a job starts, so an impossible tile size fails at once with a clear message."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from landcover_core.errors import InputError

#: Lower bound of the network's memory per input pixel of a tile, in inference (DeepLabV3 keeps feature
#: maps of hundreds of channels at 1/8 or 1/16 resolution: at least 16 float32 values per input pixel).
NETWORK_BYTES_PER_PIXEL = 64
#: Training keeps every activation for the backward pass, plus gradients: at least this many times more.
TRAINING_FACTOR = 4


def physical_memory() -> int | None:
    """Bytes of memory this process may use: physical memory, or a lower cgroup (container) limit."""
    limits = []
    with contextlib.suppress(AttributeError, ValueError, OSError):  # not POSIX
        limits.append(os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE"))
    for path in ("/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"):
        try:
            text = Path(path).read_text().strip()
        except OSError:
            continue
        if text.isdigit() and int(text) < 1 << 60:  # "max" or a huge number: no limit
            limits.append(int(text))
    return min(limits) if limits else None


def tile_batch_bytes(tile: int, batch: int, channels: int, classes: int, training: bool = False) -> int:
    """A lower bound of the memory one batch of tiles needs (input, probabilities, the network's activations)."""
    network = NETWORK_BYTES_PER_PIXEL * (TRAINING_FACTOR if training else 1)
    return tile * tile * batch * (4 * (channels + 3 * classes) + network)


def check_tile_memory(tile: int, batch: int, channels: int, classes: int, training: bool = False) -> None:
    """Refuses a tile and batch size whose batch cannot fit in memory.

    Raises:
        InputError: the estimate exceeds the memory of this machine (or container).
    """
    available = physical_memory()
    needed = tile_batch_bytes(tile, batch, channels, classes, training)
    if available is not None and needed > available:
        raise InputError(
            f"--tile-size {tile} with --batch-size {batch} needs at least {needed / 2**30:,.0f} GiB of memory for "
            f"one batch of tiles, more than this machine has ({available / 2**30:,.1f} GiB); use a smaller "
            "--tile-size or --batch-size."
        )
