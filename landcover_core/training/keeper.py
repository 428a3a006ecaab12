"""The best epoch so far and early stopping: which weights a run keeps, and when it stops."""

from __future__ import annotations

import copy
from typing import Any

import torch


class BestEpoch:
    """Keeps the best epoch's weights and counts the epochs since, for ``--patience``.

    The best is judged on validation mIoU, or on training loss without validation. Its state is a plain dict,
    stored in the checkpoint (loadable with ``weights_only=True``).
    """

    def __init__(self, patience: int, validated: bool, state: dict[str, Any] | None = None,
                 last_epoch: int = 0) -> None:
        """See the class.

        Args:
            patience: epochs without gain after which the run stops.
            validated: epochs are judged on validation mIoU (else on training loss).
            state: a resumed run's :meth:`state_dict`, or None to start.
            last_epoch: the epoch the resumed run stopped after (0 to start).
        """
        self.patience = patience
        self.validated = validated
        self.best: dict[str, Any] = state or {"epoch": 0, "miou": -1.0, "loss": float("inf"), "state": None,
                                              "metrics": {}}
        self.stale = last_epoch - self.best["epoch"] if last_epoch else 0

    @property
    def epoch(self) -> int:
        """The kept epoch (0 before the first)."""
        return int(self.best["epoch"])

    @property
    def metrics(self) -> dict[str, Any]:
        """The kept epoch's record."""
        return dict(self.best["metrics"])

    @property
    def weights(self) -> dict[str, torch.Tensor]:
        """The kept epoch's weights (on the CPU)."""
        return dict(self.best["state"])

    @property
    def val_miou(self) -> float:
        """The kept epoch's validation mIoU (NaN without validation)."""
        return float(self.best["miou"])

    def update(self, record: dict[str, Any], model: torch.nn.Module) -> None:
        """Judges an epoch's record; keeps a copy of ``model``'s weights when it is the best so far."""
        if self.validated:
            improved = record["val_miou"] > self.best["miou"]
        else:
            improved = record["train_loss"] < self.best["loss"]
        if not improved:
            self.stale += 1
            return
        self.best = {"epoch": record["epoch"], "miou": record.get("val_miou", float("nan")),
                     "loss": record["train_loss"], "metrics": record,
                     "state": copy.deepcopy({k: v.cpu() for k, v in model.state_dict().items()})}
        self.stale = 0

    def should_stop(self) -> bool:
        """Whether ``patience`` epochs in a row brought no gain."""
        return self.stale >= self.patience

    def state_dict(self) -> dict[str, Any]:
        """The state for the checkpoint (a plain dict)."""
        return self.best
