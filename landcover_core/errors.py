"""Exceptions that carry a message meant for the user (exit code 2), cancellation, and partial failures."""

from __future__ import annotations

from typing import Any


class LandcoverError(Exception):
    """Base class of errors whose message is shown to the user as is."""

    kind = "InternalError"
    exit_code = 1


class InputError(LandcoverError):
    """Bad input: a file, layer, field, band, CRS or option the user must fix."""

    kind = "InputError"
    exit_code = 2


class ModelFileError(InputError):
    """A model file that is missing, corrupt, or not a landcover model."""

    kind = "ModelFileError"


class CancelledError(LandcoverError):
    """The job was cancelled (SIGINT/SIGTERM or the caller's request)."""

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
