"""Exceptions that carry a message meant for the user (exit code 2), cancellation, and partial failures."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple


class LandcoverError(Exception):
    """Base class of errors whose message is shown to the user as is.

    Attributes:
        kept: files the stopped job left on purpose (e.g. a training checkpoint), named in the message and
            listed in the JSON ``error`` event; empty when no partial output was kept.
        resumable: whether running the same command with ``--resume`` continues the job from ``kept``.
    """

    kind = "InternalError"
    exit_code = 1

    def __init__(self, message: str = "", *, kept: Sequence[str | Path] = (), resumable: bool = False) -> None:
        super().__init__(message)
        self.kept = [str(path) for path in kept]
        self.resumable = resumable


class InputError(LandcoverError):
    """Bad input: a file, layer, field, band, CRS or option the user must fix."""

    kind = "InputError"
    exit_code = 2


class ModelFileError(InputError):
    """A model file that is missing, corrupt, or not a landcover model."""

    kind = "ModelFileError"


class CancelledError(LandcoverError):
    """The job was cancelled (SIGINT/SIGTERM or the caller's request).

    Its message says what was left: nothing, or (a cancelled training) the checkpoint in ``kept``.
    """

    kind = "Cancelled"
    exit_code = 130


class PartialFailureError(LandcoverError):
    """Some items of a batch failed after every try while the others completed (exit code 3).

    The command's result (what completed, and what failed) is reported as for a success, then this error.

    Attributes:
        outputs: the command's outputs, as a successful run returns them.
        summary: the command's summary, failures included.
    """

    kind = "PartialFailure"
    exit_code = 3

    def __init__(self, message: str, outputs: dict[str, Any], summary: dict[str, Any]) -> None:
        super().__init__(message)
        self.outputs = outputs
        self.summary = summary


#: The name used across the engine and by API users.
Cancelled = CancelledError


class LandcoverWarning(UserWarning):
    """Something the user should know about the input (repaired or dropped data); the job goes on.

    Raised with :func:`warnings.warn` where no reporter is at hand; the CLI shows it as a reporter warning.
    """


class Leftovers(NamedTuple):
    """What a job stopped by an error left on disk, as told by :func:`tell_leftovers` (or a LandcoverError)."""

    kept: list[str]
    resumable: bool
    notes: list[str]


def tell_leftovers(exc: BaseException, note: str, kept: Sequence[str | Path] = (), resumable: bool = False) -> None:
    """Tells, on an error in flight of any type, what the stopped job left on disk.

    Args:
        exc: the error.
        note: a sentence for the user, added to the error's notes (PEP 678), which the CLI appends to
            its message.
        kept: the files left on purpose, set as ``exc.kept`` (as a :class:`LandcoverError` has them).
        resumable: whether ``--resume`` continues the job, set as ``exc.resumable``.
    """
    exc.__notes__ = [*getattr(exc, "__notes__", []), note]  # exc.add_note(note), also on Python 3.10
    vars(exc).update(kept=[str(path) for path in kept], resumable=resumable)


def leftovers(exc: BaseException) -> Leftovers:
    """What the job stopped by ``exc`` left: told on ``exc``, or on the error it was converted from (its cause)."""
    for error in (exc, exc.__cause__):
        if error is not None and (getattr(error, "kept", None) or getattr(error, "__notes__", None)):
            return Leftovers(list(getattr(error, "kept", [])), bool(getattr(error, "resumable", False)),
                             list(getattr(error, "__notes__", [])))
    return Leftovers([], False, [])
