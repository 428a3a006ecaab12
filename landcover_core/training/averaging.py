"""An exponential moving average of a model's weights (``--ema``): what is validated and kept when it is on.

Late in a short run the weights still move with every batch; their average over the last few hundred steps
is a smoother model whose result depends less on the last batches drawn (Polyak averaging, as timm's
``ModelEmaV3``). Early steps use a smaller decay (``(1 + t) / (10 + t)``), so the average does not remember
the random initialisation. Buffers (BatchNorm statistics) are copied, not averaged: the trainer re-estimates
them for the averaged weights before every validation.
"""

from __future__ import annotations

import copy
from typing import Any

import torch
from torch import nn


class WeightAverage:
    """The averaged copy of a model, updated after every optimiser step."""

    def __init__(self, model: nn.Module, decay: float) -> None:
        """See the class.

        Args:
            model: the model being trained (copied; never modified).
            decay: the share of the average kept at each step, in (0, 1).
        """
        self.decay = decay
        self.model = copy.deepcopy(model)
        self.model.requires_grad_(False)
        self.steps = 0

    def step_decay(self) -> float:
        """The decay of the next update (smaller in the first steps)."""
        return min(self.decay, (1 + self.steps) / (10 + self.steps))

    @torch.no_grad()
    def update(self, model: nn.Module) -> None:
        """Moves the average towards ``model``'s current weights."""
        weight = 1.0 - self.step_decay()
        for average, current in zip(self.model.parameters(), model.parameters(), strict=True):
            average.lerp_(current.detach(), weight)
        for kept, buffer in zip(self.model.buffers(), model.buffers(), strict=True):
            kept.copy_(buffer)
        self.steps += 1

    def state_dict(self) -> dict[str, Any]:
        """Tensors and plain values (a checkpoint loadable with ``weights_only=True``)."""
        return {"steps": self.steps, "model": self.model.state_dict()}

    def load_state_dict(self, state: dict[str, Any]) -> None:
        """Restores :meth:`state_dict`."""
        self.model.load_state_dict(state["model"])
        self.steps = int(state["steps"])
