"""Cancelling a training: it stops within seconds even mid-step, and leaves exactly what its message says.

Real ``landcover train --json-progress`` processes on a small GeoTIFF, stopped with SIGTERM as the QGIS plugin
does; the step durations compared with are measured in the same test.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import torch
from conftest import TINY_TRAIN, files_in, parse_events

from landcover_core.errors import Cancelled
from landcover_core.progress import CancelToken


def _train_argv(scene, model: Path, *options: str) -> list[str]:
    """A tiny training (mobilenet, random init) of ``scene`` into ``model``; ``options`` override TINY_TRAIN's."""
    return [sys.executable, "-m", "landcover_core", "train", "--image", str(scene.image), "--labels",
            str(scene.polygons), "--class-field", "class", "--out", str(model), *TINY_TRAIN[:-1], *options]


def _signal_when(argv: list[str], ready) -> tuple[subprocess.Popen, list[dict], float]:
    """Runs ``argv --json-progress`` and sends SIGTERM once ``ready(event)`` is true.

    Returns:
        The finished process, its events, and the monotonic time of the signal.
    """
    proc = subprocess.Popen([*argv, "--json-progress"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    lines, signalled = [], None
    for line in proc.stdout:
        lines.append(line)
        if line.startswith("{") and ready(json.loads(line)):
            signalled = time.monotonic()
            proc.send_signal(signal.SIGTERM)
            break
    rest, err = proc.communicate(timeout=300)
    assert signalled is not None, f"never signalled; exit {proc.returncode}: {err[-2000:]}"
    return proc, parse_events("".join(lines) + rest), signalled


def _resume_completes(argv: list[str], folder: Path, epochs: int) -> None:
    """``--resume`` finishes the run: the model, and every epoch logged once."""
    done = subprocess.run([*argv, "--resume", "--quiet"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert files_in(folder) == {"model.pt", "model.pt.metrics.jsonl", "model.curves.png"}
    logged = [json.loads(line)["epoch"] for line in (folder / "model.pt.metrics.jsonl").read_text().splitlines()]
    assert logged == list(range(1, epochs + 1))


def test_cancel_after_an_epoch_keeps_only_the_checkpoint_and_resume_finishes(scene, tmp_path):
    model, ckpt = tmp_path / "model.pt", tmp_path / "model.pt.ckpt"
    argv = _train_argv(scene, model, "--epochs", "3")
    proc, events, _ = _signal_when(argv, lambda event: event["event"] == "metrics")
    assert proc.returncode == 130
    error = events[-1]
    assert error == {"event": "error", "kind": "Cancelled", "message": error["message"], "kept": [str(ckpt)],
                     "resumable": True}
    assert error["message"].startswith("Cancelled during epoch 2/3. ")
    assert f"Kept the checkpoint {ckpt} (epoch 1 of 3)" in error["message"] and "--resume" in error["message"]
    # No model, metrics log, curves, lock or partial folder: the checkpoint alone.
    assert files_in(tmp_path) == {"model.pt.ckpt"}
    assert torch.load(ckpt, weights_only=True)["epoch"] == 1
    _resume_completes(argv, tmp_path, 3)


def test_cancel_midway_through_a_long_step_stops_at_once_and_leaves_nothing(scene, tmp_path):
    """A step of seconds on a CPU (batch 320) is interrupted, not waited for; no epoch completed.

    Small tiles: no single operation of the step takes long (at 192 px one depthwise convolution's backward
    takes half a mobilenet step on a CPU, and no check can run inside an operation). Four steps, so that the
    signal falls in one even if the third is quicker than the second.
    """
    model = tmp_path / "model.pt"
    argv = _train_argv(scene, model, "--batch-size", "320", "--samples-per-epoch", "1280", "--epochs", "2",
                       "--val-fraction", "0")
    done: dict[int, float] = {}  # step -> when its progress event arrived

    def in_third_step(event: dict) -> bool:
        if event["event"] == "progress" and event["stage"] == "train":
            done[event["current"]] = time.monotonic()
        if len(done) < 2:
            return False
        # Well inside the third step (its tiles take a fraction of that to read), far from its end.
        time.sleep(0.3 * (done[2] - done[1]))
        return True

    proc, events, signalled = _signal_when(argv, in_third_step)
    stopped = time.monotonic() - signalled
    step = done[2] - done[1]
    assert proc.returncode == 130
    # Waiting for the step to end would take about 0.7 step more (the signal came 0.3 step into it).
    assert stopped < 0.5 * step, f"exited {stopped:.1f} s after SIGTERM; one step takes {step:.1f} s"
    error = events[-1]
    assert error["kind"] == "Cancelled" and error["kept"] == [] and error["resumable"] is False
    assert error["message"] == "Cancelled during epoch 1/2. No partial output was kept."
    assert not any(event["event"] == "metrics" for event in events)
    assert files_in(tmp_path) == set()  # no model, metrics log, checkpoint, lock or partial folder


def test_a_signal_during_the_final_validation_and_save_is_never_ignored(scene, tmp_path):
    """SIGTERM as the last epoch is logged: the run is either cancelled and resumable, or complete and says so."""
    model, ckpt = tmp_path / "model.pt", tmp_path / "model.pt.ckpt"
    argv = _train_argv(scene, model, "--samples-per-epoch", "8", "--epochs", "2")
    proc, events, _ = _signal_when(argv, lambda event: event["event"] == "metrics" and event["epoch"] == 2)
    if proc.returncode == 0:  # the model was written before the signal was seen: complete, and said
        assert model.is_file() and not ckpt.exists()
        assert any(event["event"] == "log" and "after the outputs were complete" in event["message"]
                   for event in events), events
        return
    assert proc.returncode == 130, events[-1]
    error = events[-1]
    assert error["kind"] == "Cancelled" and error["kept"] == [str(ckpt)] and error["resumable"] is True
    assert error["message"].startswith("Cancelled before the model was saved (after epoch 2/2). ")
    assert "(epoch 2 of 2)" in error["message"]
    assert files_in(tmp_path) == {"model.pt.ckpt"}
    _resume_completes(argv, tmp_path, 2)  # nothing left to train: it writes the model


def test_interrupting_checks_inside_forward_and_backward_and_leaves_no_hook():
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Conv2d(3, 8, 3), torch.nn.GroupNorm(2, 8), torch.nn.ReLU(),
                                torch.nn.Sequential(torch.nn.Conv2d(8, 2, 1)))
    images = torch.randn(2, 3, 16, 16)

    def gradients() -> list[torch.Tensor]:
        model.zero_grad()
        model(images).square().mean().backward()
        return [p.grad.clone() for p in model.parameters()]

    plain = gradients()
    token = CancelToken()
    with token.interrupting(model, model):
        assert all(torch.equal(a, b) for a, b in zip(gradients(), plain, strict=True))  # results unchanged
        loss = model(images).sum()
        token.cancel()
        with pytest.raises(Cancelled):  # mid-backward
            loss.backward()
        with pytest.raises(Cancelled):  # mid-forward
            model(images)
    gradients()  # the hooks are gone, although the token is cancelled
    assert not any(module._forward_pre_hooks for module in model.modules())
    assert not any(p._backward_hooks for p in model.parameters())
