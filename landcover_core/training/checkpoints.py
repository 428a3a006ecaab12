"""A run's checkpoint (``OUT.ckpt``): saved after every epoch, read by ``--resume``, never code.

It holds tensors, numbers, strings, lists and dicts only, so it loads with ``weights_only=True`` and a crafted
file cannot run code. No generator state: tiles and dropout draws follow from the epoch.
"""

from __future__ import annotations

import pickle
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import torch

from landcover_core.config import TrainConfig
from landcover_core.errors import InputError
from landcover_core.models.networks import LandcoverNet
from landcover_core.outputs.files import atomic_output
from landcover_core.training.averaging import WeightAverage

#: Settings a resumed run must share with the interrupted one (others, such as --epochs, may change).
RESUME_KEYS = ("arch", "tile_size", "batch_size", "samples_per_epoch", "sources", "sparse", "seed", "reference",
               "val_fraction", "val_split", "ema")


def checkpoint_path(out: str | Path) -> Path:
    """Where an unfinished run keeps its state for ``--resume``."""
    return Path(str(out) + ".ckpt")


@dataclass
class Resumable:
    """What a checkpoint restores of a run besides its history: the model and the optimisation's state."""

    model: LandcoverNet
    optimizer: torch.optim.Optimizer
    scheduler: torch.optim.lr_scheduler.LRScheduler
    scaler: torch.amp.GradScaler
    average: WeightAverage | None

    def state_dict(self) -> dict[str, Any]:
        """Every part's state, by name (the average only when there is one)."""
        state = {"model": self.model.state_dict(), "optimizer": self.optimizer.state_dict(),
                 "scheduler": self.scheduler.state_dict(), "scaler": self.scaler.state_dict()}
        return {**state, **({"average": self.average.state_dict()} if self.average else {})}

    def load_state_dict(self, state: dict[str, Any]) -> None:
        """Restores every part from :meth:`state_dict`'s names."""
        self.model.load_state_dict(state["model"])
        self.optimizer.load_state_dict(state["optimizer"])
        self.scheduler.load_state_dict(state["scheduler"])
        self.scaler.load_state_dict(state["scaler"])
        if self.average:
            self.average.load_state_dict(state["average"])


def save_checkpoint(path: Path, epoch: int, config: TrainConfig, processes: int, parts: Resumable,
                    history: list[dict[str, Any]], best: dict[str, Any]) -> None:
    """Writes the state after ``epoch`` (atomically: an interrupted write leaves the previous checkpoint).

    Args:
        path: the checkpoint file.
        epoch: the epoch just completed.
        config: the run's settings (a resumed run must share :data:`RESUME_KEYS`).
        processes: how many processes train together (a resumed run may use others, same global batch).
        parts: the model and optimisation state.
        history: one record per epoch so far.
        best: the best epoch so far (:meth:`~landcover_core.training.keeper.BestEpoch.state_dict`).
    """
    state = {"epoch": epoch, "config": asdict(config), **parts.state_dict(), "history": history, "best": best,
             "processes": processes}
    with atomic_output(path) as tmp:
        torch.save(state, tmp)


def resume(path: Path, config: TrainConfig, processes: int,
           parts: Resumable) -> tuple[int, list[dict[str, Any]], dict[str, Any]]:
    """Restores ``parts`` from the checkpoint of an interrupted run.

    Returns:
        The epoch the checkpoint was saved after, the history until then and the best epoch's state.

    Raises:
        InputError: no checkpoint, a damaged or foreign one, or one of a run with other settings.
    """
    state = load_checkpoint(path)
    try:
        changed = [k for k in RESUME_KEYS if state["config"].get(k) != asdict(config).get(k)]
        if "batch_size" in changed and state["config"]["batch_size"] * state.get("processes", 1) == \
                config.batch_size * processes:
            changed.remove("batch_size")  # the same global batch over another number of processes
        if changed:
            raise InputError(f"Cannot resume {path}: settings differ from the interrupted run ({', '.join(changed)}).")
        parts.load_state_dict(state)
        return int(state["epoch"]), list(state["history"]), dict(state["best"])
    except InputError:
        raise
    except (KeyError, TypeError, ValueError, AttributeError, RuntimeError) as exc:
        raise InputError(f"Cannot resume from {path}: it is damaged or was written by another version "
                         f"({type(exc).__name__}: {exc}). Delete it to start over.") from None


def load_checkpoint(path: Path) -> dict[str, Any]:
    """Reads a checkpoint with ``weights_only=True``: tensors and plain values only, no code runs.

    Raises:
        InputError: no checkpoint, an unreadable one, or one holding other objects (refused: it may be crafted).
    """
    if not path.is_file():
        raise InputError(f"Nothing to resume: no checkpoint {path} (it is kept when a run is interrupted).")
    try:
        state = torch.load(path, map_location="cpu", weights_only=True)
    except Exception as exc:  # noqa: BLE001 - crafted, truncated, not a checkpoint at all...
        # torch's own text advises weights_only=False (unsafe); keep only what the file holds.
        found = re.search(r"GLOBAL (\S+)", str(exc)) if isinstance(exc, pickle.UnpicklingError) else None
        if found:
            raise InputError(
                f"Refusing to resume from {path}: it holds objects other than tensors and plain values (such as "
                f"{found.group(1)}), which landcover never writes; it may have been crafted to run code. Delete it "
                "to start over."
            ) from None
        raise InputError(f"Cannot resume from {path}: not a readable checkpoint ({type(exc).__name__}); it may be "
                         "damaged or incomplete. Delete it to start over.") from None
    if not isinstance(state, dict):
        raise InputError(f"Cannot resume from {path}: not a landcover checkpoint. Delete it to start over.")
    return state
