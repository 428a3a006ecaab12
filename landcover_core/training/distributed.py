"""Training over several processes (``torchrun``): who this process is, and the collective operations.

``torchrun --nproc-per-node N -m landcover_core train ...`` starts N copies of ``landcover train`` with
``WORLD_SIZE``, ``RANK`` and ``LOCAL_RANK`` set. Each joins one process group (NCCL on CUDA, one GPU
per process; gloo on CPU) and trains a DistributedDataParallel replica on its own share of every
global batch. Without those variables (a plain run) everything here is a no-op, so single-process
code needs no special case. Only rank 0 writes files and reports progress.

torch is imported lazily: the command line (and ``landcover schema``) must stay light.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from landcover_core.config import DeviceChoice
from landcover_core.errors import InputError

if TYPE_CHECKING:
    import torch


def process_rank() -> int:
    """This process's rank under ``torchrun`` (0 in a plain run)."""
    return int(os.environ.get("RANK", "0") or 0)


def world_size() -> int:
    """How many processes ``torchrun`` started (1 in a plain run)."""
    return int(os.environ.get("WORLD_SIZE", "1") or 1)


def local_world_size() -> int:
    """How many processes ``torchrun`` started on this machine (1 in a plain run)."""
    return int(os.environ.get("LOCAL_WORLD_SIZE", "1") or 1)


@dataclass(frozen=True)
class DistContext:
    """The process group this process trains in.

    Attributes:
        device: this process's compute device (``cuda:LOCAL_RANK`` under torchrun on GPUs).
        world: number of processes training together (1: a plain run).
        rank: this process's rank (0 writes the files).
        backend: ``nccl``, ``gloo``, or None for a plain run.
    """

    device: torch.device
    world: int = 1
    rank: int = 0
    backend: str | None = None

    @property
    def active(self) -> bool:
        """Whether several processes train together."""
        return self.world > 1

    @property
    def is_main(self) -> bool:
        """Whether this process writes the outputs and reports progress."""
        return self.rank == 0

    def all_sum(self, tensor: torch.Tensor) -> torch.Tensor:
        """``tensor`` summed over all processes (in place; on this process's device for NCCL)."""
        if self.active:
            import torch.distributed as dist

            moved = tensor.to(self.device) if self.backend == "nccl" else tensor
            dist.all_reduce(moved)
            if moved is not tensor:
                tensor.copy_(moved)
        return tensor

    def broadcast_buffers(self, module: torch.nn.Module) -> None:
        """Copies rank 0's buffers (BatchNorm statistics) to every process."""
        if self.active:
            import torch.distributed as dist

            for buffer in module.buffers():
                dist.broadcast(buffer, 0)


@contextmanager
def training_group(device: DeviceChoice) -> Iterator[DistContext]:
    """Joins the ``torchrun`` process group for the duration of a training run (or yields a plain context).

    Args:
        device: the ``--device`` choice; under torchrun, CUDA gives each process the GPU ``LOCAL_RANK``.

    Raises:
        InputError: torchrun started more processes on this node than it has GPUs.
    """
    import torch

    from landcover_core.common.device import pick_device

    chosen = pick_device(device)
    world = world_size()
    if world <= 1:
        yield DistContext(chosen)
        return
    import torch.distributed as dist

    local_rank = int(os.environ.get("LOCAL_RANK", "0"))
    if chosen.type == "cuda":
        if local_rank >= torch.cuda.device_count():
            raise InputError(
                f"torchrun started process {local_rank} on this node but torch sees {torch.cuda.device_count()} "
                "GPU(s): give --nproc-per-node at most the number of GPUs.")
        chosen = torch.device("cuda", local_rank)
        torch.cuda.set_device(chosen)
    backend = "nccl" if chosen.type == "cuda" else "gloo"
    dist.init_process_group(backend, device_id=chosen if backend == "nccl" else None)
    try:
        yield DistContext(chosen, dist.get_world_size(), dist.get_rank(), backend)
    finally:
        dist.destroy_process_group()
