"""The engine runner on real processes: events, engine errors, crashes, a missing Python, cancellation."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from fake_engine import SEGFAULT, fake_engine_python

from landcover_qgis.engine_runner import EngineFailure, EngineListener, run_engine


class Recorder(EngineListener):
    """Keeps every event; asks for cancellation once ``cancel_after_progress`` progress events arrived."""

    def __init__(self, cancel_after_progress: int = -1) -> None:
        self.progress, self.metrics, self.logs, self.epochs = [], [], [], []
        self.cancel_after_progress = cancel_after_progress

    def on_progress(self, fraction, message, epoch=None):
        self.progress.append((fraction, message))
        self.epochs.append(epoch)

    def on_metrics(self, metrics):
        self.metrics.append(metrics)

    def on_log(self, level, message):
        self.logs.append((level, message))

    def is_cancelled(self):
        return 0 <= self.cancel_after_progress <= len(self.progress)


def test_events_reach_the_listener_and_the_result_is_returned(tmp_path: Path) -> None:
    python = fake_engine_python(tmp_path, """
        assert sys.argv[1:4] == ["-m", "landcover_core", "train"] and sys.argv[-1] == "--json-progress", sys.argv
        emit(event="start", command="train", version="0.1.0")
        emit(event="progress", stage="index", fraction=1.0, current=1, total=1, message="finding labeled pixels")
        emit(event="progress", stage="train", fraction=0.5, current=1, total=2, message="epoch 1/2", epoch=1, epochs=2)
        emit(event="metrics", epoch=1, epochs=2, train_loss=0.7, val_loss=0.8, val_miou=0.4)
        emit(event="log", level="warning", message="few labels")
        print("plain text on stdout", flush=True)
        print("a library warning", file=sys.stderr, flush=True)
        emit(event="result", command="train", outputs={"model": "/x/model.pt"}, summary={"best_val_miou": 0.4})
    """)
    recorder = Recorder()
    result = run_engine(python, "train", ["--out", "/x/model.pt"], recorder)
    assert result.outputs == {"model": "/x/model.pt"} and result.summary["best_val_miou"] == 0.4
    assert recorder.progress == [(1.0, "finding labeled pixels"), (0.5, "epoch 1/2")]
    assert recorder.epochs == [None, (1, 2)]
    assert recorder.metrics[0]["val_miou"] == 0.4
    assert ("warning", "few labels") in recorder.logs
    assert ("info", "plain text on stdout") in recorder.logs and ("stderr", "a library warning") in recorder.logs


def test_engine_error_event_gives_its_kind_and_message(tmp_path: Path) -> None:
    python = fake_engine_python(tmp_path, """
        emit(event="error", kind="InputError", message="--class-field 'kind' is not a field of labels.gpkg")
        sys.exit(2)
    """)
    with pytest.raises(EngineFailure) as failure:
        run_engine(python, "train", [])
    assert failure.value.kind == "InputError" and failure.value.exit_code == 2
    assert "is not a field of labels.gpkg" in failure.value.message


def test_crash_without_error_event_names_the_signal_and_the_last_output(tmp_path: Path) -> None:
    python = fake_engine_python(tmp_path, SEGFAULT)
    with pytest.raises(EngineFailure) as failure:
        run_engine(python, "train", [])
    assert failure.value.kind == "Crashed"
    assert "SIGSEGV" in failure.value.message and "loading the model" in failure.value.message


def test_exit_code_without_result_is_a_failure(tmp_path: Path) -> None:
    python = fake_engine_python(tmp_path, "sys.exit(0)\n")
    with pytest.raises(EngineFailure, match="without reporting a result"):
        run_engine(python, "predict", [])


def test_missing_python_is_reported_not_raised_as_oserror(tmp_path: Path) -> None:
    with pytest.raises(EngineFailure) as failure:
        run_engine(str(tmp_path / "no" / "python"), "doctor", [])
    assert failure.value.kind == "EngineMissing" and "Set up engine" in failure.value.message


def test_cancel_sends_sigterm_and_the_engine_may_clean_up(tmp_path: Path) -> None:
    marker = tmp_path / "cleaned"
    python = fake_engine_python(tmp_path, f"""
        def stop(signum, frame):
            open({str(marker)!r}, "w").close()
            emit(event="error", kind="Cancelled", message="Cancelled by request")
            sys.exit(130)
        signal.signal(signal.SIGTERM, stop)
        for step in range(600):
            emit(event="progress", stage="train", fraction=step / 600, current=step, total=600, message="")
            time.sleep(0.1)
    """)
    started = time.monotonic()
    with pytest.raises(EngineFailure) as failure:
        run_engine(python, "train", [], Recorder(cancel_after_progress=2))
    assert failure.value.cancelled and failure.value.exit_code == 130
    assert marker.exists()
    assert time.monotonic() - started < 10


def test_cancel_kills_an_engine_that_ignores_sigterm_after_the_grace_period(tmp_path: Path) -> None:
    python = fake_engine_python(tmp_path, """
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        emit(event="progress", stage="train", fraction=0.0, current=0, total=1, message="")
        time.sleep(60)
    """)
    started = time.monotonic()
    with pytest.raises(EngineFailure) as failure:
        run_engine(python, "train", [], Recorder(cancel_after_progress=1), grace_s=1.0)
    assert failure.value.cancelled and failure.value.exit_code < 0
    assert time.monotonic() - started < 15
