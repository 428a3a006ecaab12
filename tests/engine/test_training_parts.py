"""The training loop's parts on their own: the kept epoch, early stopping and what validation warns about."""

from __future__ import annotations

import json

import numpy as np
import torch

from landcover_core.config import TrainConfig
from landcover_core.progress import Reporter
from landcover_core.training.keeper import BestEpoch
from landcover_core.training.validation import validation_record, warn_zero_iou

NAMES = ["field", "forest", "urban", "water"]


def warnings_of(capsys) -> list[str]:
    events = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    return [e["message"] for e in events if e["event"] == "log" and e["level"] == "warning"]


def test_classes_the_kept_epoch_never_gets_right_are_warned_about(capsys) -> None:
    # Rows: labels, columns: predictions. forest is never predicted; urban is predicted, never on urban
    # pixels; water is not labelled on validation (IoU not measured, no warning).
    matrix = np.array([[50, 0, 5, 0], [10, 0, 0, 0], [8, 0, 0, 0], [0, 0, 0, 0]])
    reporter = Reporter(json_mode=True)
    record = validation_record(matrix, NAMES, 0.5, reporter)
    assert record["missed_classes"] == ["forest"] and np.isnan(record["per_class_iou"]["water"])
    warn_zero_iou(reporter, 3, record)
    never, wrong = warnings_of(capsys)
    assert "(epoch 3) never predicts forest" in never
    assert "scores IoU 0 for urban" in wrong and "forest" not in wrong and "water" not in never + wrong


def test_no_warning_when_every_labelled_class_is_right_somewhere(capsys) -> None:
    reporter = Reporter(json_mode=True)
    warn_zero_iou(reporter, 1, validation_record(np.diag([5, 5, 5, 0]), NAMES, 0.1, reporter))
    assert warnings_of(capsys) == []


def test_the_best_epoch_is_kept_and_patience_stops_the_run() -> None:
    model = torch.nn.Linear(2, 2)
    keeper = BestEpoch(patience=2, validated=True)
    for epoch, miou in enumerate([0.3, 0.5, 0.4, 0.45], start=1):
        with torch.no_grad():
            model.weight.fill_(epoch)
        keeper.update({"epoch": epoch, "val_miou": miou, "train_loss": 1.0}, model)
    assert keeper.epoch == 2 and keeper.val_miou == 0.5 and keeper.should_stop()
    assert torch.all(keeper.weights["weight"] == 2)
    # A resumed run counts the epochs since the best from the checkpoint's state.
    resumed = BestEpoch(2, True, keeper.state_dict(), last_epoch=3)
    assert resumed.stale == 1 and not resumed.should_stop()


def test_without_validation_the_training_loss_decides() -> None:
    keeper = BestEpoch(patience=TrainConfig(out="m.pt").patience, validated=False)
    model = torch.nn.Linear(1, 1)
    for epoch, loss in enumerate([0.9, 0.7, 0.8], start=1):
        keeper.update({"epoch": epoch, "train_loss": loss}, model)
    assert keeper.epoch == 2 and np.isnan(keeper.val_miou) and keeper.stale == 1
