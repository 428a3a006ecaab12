"""Output files: checked before the work, locked for the job, written to a temporary folder and moved when complete.

A job (one CLI command, see :func:`job`) holds a lock file ``.NAME.lock`` beside each of its outputs,
so a second job writing the same output fails at once instead of interleaving with the first. An
output is written into a hidden folder ``.NAME.partial-PID`` beside it, then every file of that
folder is moved out (multi-file formats such as Shapefile keep their ``.shx/.dbf/.prj`` sidecars);
partial folders left by killed processes are removed by the next job writing the same output.
Locks use ``fcntl.flock`` (POSIX); on Windows outputs are not locked.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import stat
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from landcover_core.errors import InputError, leftovers

try:  # POSIX only; on Windows outputs are not locked
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

#: A partial output: ``.NAME.partial-PID`` (a folder) or, from older versions, ``.STEM.partial-PIDSUFFIX``.
_PARTIAL = re.compile(r"^\.(?P<name>.+)\.partial-(?P<pid>\d+)(?P<suffix>\.[^.]*)?$")
#: Free bytes below which an I/O failure is reported as a full disk.
LOW_SPACE = 1 << 20


def check_output_path(path: str | Path, inputs: Iterable[str | Path | None] = ()) -> Path:
    """Validates an output path before any work starts.

    Raises:
        InputError: the folder is missing or not writable, the path is a folder, a read-only file or
            one of the inputs.
    """
    path = Path(path)
    if not path.parent.is_dir():
        raise InputError(
            f"Output folder {path.parent} does not exist; create it or choose another path for {path.name}.")
    if path.is_dir():
        raise InputError(f"Output path {path} is a folder; give a file name.")
    if not _writable_folder(path.parent):
        raise InputError(f"Output folder {path.parent} is not writable; choose another folder for {path.name}.")
    if path.exists() and not path.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise InputError(f"Output file {path} is read-only; make it writable or choose another name.")
    for item in inputs:
        if item is not None and Path(item).exists() and path.exists() and path.resolve() == Path(item).resolve():
            raise InputError(
                f"Output path {path} is also an input; choose another name so the input is not overwritten.")
    return path


def check_output_paths(outputs: Mapping[str, str | Path | None], inputs: Iterable[str | Path | None] = ()
                       ) -> dict[str, Path]:
    """Validates the outputs of a job (see :func:`check_output_path`), that they differ, and locks them.

    Args:
        outputs: output name (an option such as ``--out-png``, used in messages) to path; None: not asked for.
        inputs: the job's input files.

    Returns:
        The outputs given, as paths.

    Raises:
        InputError: a bad output path, two outputs on one file, or an output another job is writing.
    """
    inputs = list(inputs)
    chosen = {name: Path(path) for name, path in outputs.items() if path is not None}
    seen: dict[Path, str] = {}
    for name, path in chosen.items():
        key = path.resolve()
        if key in seen:
            raise InputError(f"{seen[key]} and {name} are the same file ({path}); give each output its own name.")
        seen[key] = name
        check_output_path(path, inputs)
    for path in chosen.values():
        lock_output(path)
    return chosen


def _writable_folder(folder: Path) -> bool:
    """Whether files can be created in ``folder`` (tried, so root and read-only file systems are judged right)."""
    probe = folder / f".landcover-probe-{os.getpid()}"
    try:
        probe.touch(exist_ok=True)
    except OSError:
        return False
    probe.unlink(missing_ok=True)
    return True


# -- partial outputs --------------------------------------------------------------------------------

def partial_folder(path: str | Path) -> Path:
    """The hidden folder beside ``path`` where this process writes it."""
    path = Path(path)
    return path.with_name(f".{path.name}.partial-{os.getpid()}")


def _own_partial(folder: Path) -> bool:
    """Whether ``folder`` is a partial folder of this process (its outputs are already temporary)."""
    match = _PARTIAL.match(folder.name)
    return bool(match and not match["suffix"] and int(match["pid"]) == os.getpid())


def pid_alive(pid: int) -> bool:
    """Whether a process ``pid`` exists (any user's); assumed alive where this cannot be known."""
    if os.name != "posix":
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_partials(path: str | Path) -> list[Path]:
    """Removes partial outputs of ``path`` left by processes that no longer run (killed mid-write).

    Returns:
        The partial files and folders removed.
    """
    path = Path(path)
    removed = []
    with contextlib.suppress(OSError):
        for item in path.parent.iterdir():
            match = _PARTIAL.match(item.name)
            if not match or pid_alive(int(match["pid"])):
                continue
            legacy = match["suffix"] is not None and f"{match['name']}{match['suffix']}" == path.name
            if match["name"] == path.name or legacy:
                if item.is_dir():
                    shutil.rmtree(item, ignore_errors=True)
                else:
                    item.unlink(missing_ok=True)
                removed.append(item)
    return removed


@contextlib.contextmanager
def atomic_output(path: str | Path) -> Iterator[Path]:
    """Yields a temporary path to write ``path`` at; on success the files written replace their targets.

    The temporary path keeps the name of ``path`` in a hidden folder beside it, so every file a driver
    writes (Shapefile sidecars, ``.aux.xml``) is moved too, the main file last. On any error the folder
    is deleted. Inside another atomic output of this process, ``path`` is already temporary and is
    yielded as is.
    """
    path = Path(path)
    if _own_partial(path.parent):
        yield path
        return
    remove_stale_partials(path)
    folder = partial_folder(path)
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    try:
        yield folder / path.name
        written = sorted(folder.iterdir(), key=lambda item: item.name == path.name)  # the main file last
        for item in written:
            os.replace(item, path.parent / item.name)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# -- jobs and locks ---------------------------------------------------------------------------------

@dataclass
class _Job:
    locks: dict[Path, int] = field(default_factory=dict)  # lock file -> open descriptor
    outputs: list[Path] = field(default_factory=list)


_JOB: _Job | None = None


@contextlib.contextmanager
def job() -> Iterator[None]:
    """The scope of one command: output locks taken by :func:`check_output_paths` are held until it ends."""
    global _JOB
    outer, _JOB = _JOB, _Job()
    try:
        yield
    finally:
        current, _JOB = _JOB, outer
        for lock, descriptor in current.locks.items():
            with contextlib.suppress(OSError):
                lock.unlink()  # before closing: a job waiting on this file sees it replaced and retries
            os.close(descriptor)


def lock_path(path: str | Path) -> Path:
    """The lock file ``.NAME.lock`` that guards an output while a job writes it."""
    path = Path(path)
    return path.with_name(f".{path.name}.lock")


def lock_output(path: str | Path) -> None:
    """Locks ``path`` for the current job (no-op outside a job, on Windows, or for a temporary path).

    Raises:
        InputError: another job holds the lock.
    """
    path = Path(path)
    if _JOB is None or _own_partial(path.parent):
        return
    _JOB.outputs.append(path)
    lock = lock_path(path)
    if lock in _JOB.locks or fcntl is None:
        return
    while True:
        descriptor = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(descriptor)
            raise InputError(
                f"{path} is being written by another landcover job (lock file {lock}); wait for it to finish "
                "or choose another output."
            ) from None
        with contextlib.suppress(FileNotFoundError):
            if os.fstat(descriptor).st_ino == os.stat(lock).st_ino:
                break
        os.close(descriptor)  # the holder removed the file as we opened it: lock the new one
    os.ftruncate(descriptor, 0)
    os.write(descriptor, f"{os.getpid()}\n".encode())
    _JOB.locks[lock] = descriptor


def full_output_folder() -> Path | None:
    """A folder of the current job's outputs with (almost) no free space left, if any."""
    for path in _JOB.outputs if _JOB is not None else []:
        with contextlib.suppress(OSError):
            if shutil.disk_usage(path.parent).free < LOW_SPACE:
                return path.parent
    return None


def as_input_error(exc: Exception) -> InputError | None:
    """The clear error for a failed read or write of a file (full disk, damaged raster, missing source).

    Returns:
        None when ``exc`` is not a file failure (a bug: reported as an internal error).
    """
    from rasterio.errors import RasterioError

    io_failure = isinstance(exc, (OSError, RasterioError)) or "writ" in str(exc).lower()
    folder = full_output_folder() if io_failure else None
    if folder is not None or (isinstance(exc, OSError) and exc.errno == errno.ENOSPC):
        where = folder if folder is not None else getattr(exc, "filename", None) or "the output folder"
        kept = "" if leftovers(exc).notes else " Nothing was kept."  # else the notes say what was
        return InputError(f"No space left on device in {where}; free some space or write the outputs elsewhere."
                          f"{kept}")
    if isinstance(exc, RasterioError):
        return InputError(f"A raster could not be read or written: {exc.__cause__ or exc}")
    if isinstance(exc, OSError) and exc.filename:
        return InputError(f"Cannot access {exc.filename}: {exc.strerror or exc}.")
    return None
