"""A run's per-epoch logs: ``OUT.metrics.jsonl`` (JSON lines), TensorBoard when installed, and the reporter."""

from __future__ import annotations

import contextlib
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from landcover_core.progress import Reporter, json_safe


def metrics_path(out: str | Path) -> Path:
    """Where the per-epoch metrics of a run are logged (JSON lines)."""
    return Path(str(out) + ".metrics.jsonl")


def tensorboard_path(out: str | Path) -> Path:
    """The TensorBoard folder of a run (written when tensorboard is installed)."""
    return Path(str(out) + ".tensorboard")


class EpochLog:
    """Where each epoch's record goes: the reporter, and (the writing process only) the files."""

    def __init__(self, reporter: Reporter, path: Path | None, writer: Any) -> None:
        """See the class.

        Args:
            reporter: progress events and log lines.
            path: ``OUT.metrics.jsonl``, or None in a process that writes no file.
            writer: the TensorBoard writer, or None.
        """
        self.reporter = reporter
        self.path = path
        self.writer = writer

    def write(self, record: dict[str, Any]) -> None:
        """Logs one epoch: a metrics event, a JSON line, TensorBoard scalars and a line for people."""
        self.reporter.metrics(**record)
        if self.path is not None:
            with self.path.open("a") as handle:
                handle.write(json.dumps(json_safe(record)) + "\n")
        if self.writer is not None:
            _add_scalars(self.writer, record)
        if not self.reporter.json_mode:
            self.reporter.log(epoch_line(record))


def epoch_line(record: dict[str, Any]) -> str:
    """One epoch for people: loss, validation scores and the labelled classes it never predicts."""
    val = (f", val mIoU {record['val_miou']:.3f}, val acc {record['val_accuracy']:.3f}"
           if "val_miou" in record else "")
    if record.get("missed_classes"):
        val += f" (never predicted: {', '.join(record['missed_classes'])})"
    return f"epoch {record['epoch']}: loss {record['train_loss']:.4f}{val}"


@contextlib.contextmanager
def epoch_logs(out: Path, history: list[dict[str, Any]], reporter: Reporter, writes: bool) -> Iterator[EpochLog]:
    """The run's per-epoch logs, started from ``history`` (a resumed run's epochs, from the checkpoint).

    Epochs logged after the last checkpoint by a crashed run are not listed twice. A run that stops on an
    error or a cancellation removes the files: they are partial, and ``--resume`` writes them again.

    Args:
        out: the model file the logs sit beside.
        history: the epochs already run.
        reporter: progress events and log lines.
        writes: whether this process writes the files (rank 0 alone under torchrun).
    """
    path, writer = (metrics_path(out), None) if writes else (None, None)
    if path is not None:
        path.write_text("".join(json.dumps(json_safe(record)) + "\n" for record in history))
        writer = _tensorboard_writer(out, history)
    completed = False
    try:
        yield EpochLog(reporter, path, writer)
        completed = True
    finally:
        if writer is not None:
            writer.close()
        if path is not None and not completed:
            path.unlink(missing_ok=True)
            shutil.rmtree(tensorboard_path(out), ignore_errors=True)


def _tensorboard_writer(out: Path, history: list[dict[str, Any]]) -> Any:
    """A TensorBoard writer beside the model file, or None when tensorboard is not installed.

    The folder is replaced, as ``OUT.metrics.jsonl`` is, and starts with ``history`` (a resumed run's epochs).
    """
    try:
        from torch.utils.tensorboard import SummaryWriter
    except ImportError:
        return None
    shutil.rmtree(tensorboard_path(out), ignore_errors=True)
    writer = SummaryWriter(log_dir=str(tensorboard_path(out)))
    for record in history:
        _add_scalars(writer, record)
    return writer


def _add_scalars(writer: Any, record: dict[str, Any]) -> None:
    """Logs the numbers of one epoch's record to TensorBoard."""
    for key, value in record.items():
        if isinstance(value, float):
            writer.add_scalar(key, value, record["epoch"])
