"""Exceptions that carry a message meant for the user (exit code 2), and cancellation."""


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


#: The name used across the engine and by API users.
Cancelled = CancelledError


class LandcoverWarning(UserWarning):
    """Something the user should know about the input (repaired or dropped data); the job goes on.

    Raised with :func:`warnings.warn` where no reporter is at hand; the CLI shows it as a reporter warning.
    """
