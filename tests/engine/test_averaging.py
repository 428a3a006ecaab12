"""The moving average of the weights (``--ema``): its arithmetic, and a training run that keeps and resumes it."""

from __future__ import annotations

import signal
import subprocess
import sys

import torch
from conftest import TINY_TRAIN
from torch import nn

from landcover_core.models.modelfile import load_model
from landcover_core.training.averaging import WeightAverage


def test_the_average_follows_the_weights_with_a_warm_up_and_copies_the_buffers():
    model = nn.Sequential(nn.Linear(3, 2), nn.BatchNorm1d(2))
    start = [p.detach().clone() for p in model.parameters()]
    average = WeightAverage(model, decay=0.99)
    expected = [p.clone() for p in start]
    for step in range(5):
        with torch.no_grad():
            for p in model.parameters():
                p.add_(1.0)
        model(torch.randn(4, 3))  # training mode: the BatchNorm statistics move
        decay = min(0.99, (1 + step) / (10 + step))  # the first steps forget the initialisation faster
        assert average.step_decay() == decay
        expected = [decay * e + (1 - decay) * p.detach() for e, p in zip(expected, model.parameters(), strict=True)]
        average.update(model)
    for got, want in zip(average.model.parameters(), expected, strict=True):
        torch.testing.assert_close(got, want)
    assert not any(p.requires_grad for p in average.model.parameters())
    torch.testing.assert_close(average.model[1].running_mean, model[1].running_mean)  # copied, not averaged
    assert all(not torch.equal(a, p) for a, p in zip(average.model.parameters(), model.parameters(), strict=True))
    restored = WeightAverage(nn.Sequential(nn.Linear(3, 2), nn.BatchNorm1d(2)), decay=0.99)
    restored.load_state_dict(average.state_dict())
    assert restored.steps == 5 and restored.step_decay() == average.step_decay()
    torch.testing.assert_close(restored.model.state_dict(), average.model.state_dict())


def test_an_interrupted_run_with_ema_resumes_to_the_model_of_an_uninterrupted_one(scene, tmp_path):
    def argv(out):
        return [sys.executable, "-m", "landcover_core", "train", "--image", str(scene.image), "--labels",
                str(scene.polygons), "--class-field", "class", "--out", str(out), *TINY_TRAIN[:-3],
                "--samples-per-epoch", "16", "--epochs", "2", "--ema", "0.9", "--threads", "1"]

    whole = subprocess.run([*argv(tmp_path / "whole.pt"), "--quiet"], capture_output=True, text=True, timeout=300)
    assert whole.returncode == 0, whole.stderr
    parted = tmp_path / "parted.pt"
    proc = subprocess.Popen([*argv(parted), "--json-progress"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    for line in proc.stdout or ():
        if '"event": "metrics"' in line:
            proc.send_signal(signal.SIGTERM)
            break
    proc.communicate(timeout=120)
    assert proc.returncode == 130
    assert "average" in torch.load(str(parted) + ".ckpt", weights_only=True)
    done = subprocess.run([*argv(parted), "--resume", "--quiet"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    (model_a, spec_a), (model_b, _) = load_model(tmp_path / "whole.pt"), load_model(parted)
    assert spec_a.config["ema"] == 0.9
    # Restarting the average from the raw weights at the resume would give another model.
    torch.testing.assert_close(model_a.state_dict(), model_b.state_dict())
