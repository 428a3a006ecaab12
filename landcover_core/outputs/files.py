"""Output files: checked before the work, locked for the job, written to a temporary folder and moved when complete.

A job (one CLI command, see :func:`job`) holds a lock file ``.NAME.lock`` beside each of its outputs,
so a second job writing the same output fails at once instead of interleaving with the first. An
output is written into a hidden folder ``.NAME.partial-PID`` beside it, then every file of that
folder is moved out (multi-file formats such as Shapefile keep their ``.shx/.dbf/.prj`` sidecars);
partial folders left by killed processes are removed by the next job writing the same output.
Locks use ``fcntl.flock`` (POSIX); on Windows outputs are not locked.

No output is moved into place unless it was written whole: GDAL (libtiff, SQLite) may only *log* a failed
write and go on, so its errors are collected while an output is written; then every file is flushed to
disk and read back (rasters block by block, vector layers, JSON) before the move. A failure on a full file
system is reported as "No space left on device (PATH)".
"""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import os
import re
import shutil
import stat
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from landcover_core.errors import InputError, LandcoverError, leftovers

try:  # POSIX only; on Windows outputs are not locked
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

#: A partial output: ``.NAME.partial-PID`` (a folder) or, from older versions, ``.STEM.partial-PIDSUFFIX``.
_PARTIAL = re.compile(r"^\.(?P<name>.+)\.partial-(?P<pid>\d+)(?P<suffix>\.[^.]*)?$")
#: Free bytes below which an I/O failure is reported as a full disk.
LOW_SPACE = 1 << 20
#: GDAL error messages that mean a write did not reach the file (libtiff, GPKG/SQLite, any VSI file).
_WRITE_FAILURE = re.compile(r"write error|write failed|failed to write|error writing|seek error|no space left|"
                            r"disk (is )?full|short write|I/O error|database or disk is full", re.IGNORECASE)
#: Where rasterio logs the errors GDAL signals without failing the call (at INFO level).
_GDAL_LOGGER = "rasterio._err"
#: Extensions of the outputs read back before they are moved into place, by how they are read.
_RASTERS = {".tif", ".tiff"}
_VECTORS = {".gpkg", ".shp", ".geojson", ".geojsonl", ".fgb"}


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
    writes (Shapefile sidecars, ``.aux.xml``) is moved too, the main file last. Before the move, the write
    errors GDAL signalled meanwhile fail the output, and every file is flushed and read back (see
    :func:`verify_written`). On any error the folder is deleted. Inside another atomic output of this
    process, ``path`` is already temporary and is yielded as is (the outer one checks it).

    Raises:
        OSError: ``ENOSPC`` naming ``path`` when writing failed on a (nearly) full file system, else ``EIO``
            for a write GDAL could not complete or a file that does not read back.
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
        with gdal_write_errors() as errors:
            yield folder / path.name
        written = sorted(folder.iterdir(), key=lambda item: item.name == path.name)  # the main file last
        if errors:
            raise OSError(errno.EIO, f"GDAL could not write it ({errors[0]})", str(path))
        for item in written:
            verify_written(item, path.parent / item.name)
        for item in written:
            _move_into_place(item, path.parent / item.name)
    except Exception as exc:
        # Space is checked before the folder is deleted (and frees it): the write failed for want of it.
        if not isinstance(exc, LandcoverError) and (is_full_disk(exc) or _low_space(folder)) \
                and not _names_an_output(exc, folder):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path)) from exc
        raise
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def is_full_disk(exc: BaseException) -> bool:
    """Whether ``exc`` is a write that failed on a full file system (``ENOSPC``)."""
    return isinstance(exc, OSError) and exc.errno == errno.ENOSPC


def _names_an_output(exc: Exception, folder: Path) -> bool:
    """Whether ``exc`` is a full disk that already names an output (not a file of the partial ``folder``)."""
    name = getattr(exc, "filename", None)
    return is_full_disk(exc) and isinstance(name, (str, bytes)) and Path(os.fsdecode(name)).parent != folder


def _low_space(folder: Path) -> bool:
    """Whether the file system of ``folder`` has (almost) no free space left."""
    try:
        return shutil.disk_usage(folder).free < LOW_SPACE
    except OSError:
        return False


class _WriteErrors(logging.Handler):
    """Collects the write failures GDAL signals (rasterio logs them; the call itself may succeed)."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if _WRITE_FAILURE.search(message):
            self.messages.append(message)


@contextlib.contextmanager
def gdal_write_errors() -> Iterator[list[str]]:
    """Yields the list the write errors GDAL signals in this block are added to (as rasterio logs them)."""
    logger = logging.getLogger(_GDAL_LOGGER)
    handler, level = _WriteErrors(), logger.level
    logger.addHandler(handler)
    if not logger.isEnabledFor(logging.INFO):
        logger.setLevel(logging.INFO)  # rasterio logs them at INFO
    try:
        yield handler.messages
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


def verify_written(item: Path, final: Path) -> None:
    """Flushes a written file to disk and reads it back: rasters block by block, vector layers, JSON.

    Args:
        item: the file written (in the partial folder).
        final: where it goes (named in messages).

    Raises:
        OSError: ``ENOSPC`` or ``EIO`` from the flush, or ``EIO`` naming ``final`` when it does not read back.
    """
    if item.is_dir():
        return
    with open(item, "rb") as handle:  # delayed allocation (NFS, quotas) fails here, not at write
        os.fsync(handle.fileno())
    suffix = item.suffix.lower()
    try:
        if suffix in _RASTERS:
            _read_raster(item)
        elif suffix in _VECTORS:
            import pyogrio

            pyogrio.read_info(item)
        elif suffix == ".json":
            json.loads(item.read_text(encoding="utf-8"))
    except Exception as exc:  # whatever the reader says, the file is not what was written
        raise OSError(errno.EIO, f"the file does not read back after writing ({exc})", str(final)) from exc


def _read_raster(path: Path) -> None:
    """Reads every block of every band (an error raises: a damaged or truncated raster)."""
    import rasterio

    with gdal_write_errors() as errors, rasterio.open(path) as src:
        for _, window in src.block_windows(1):
            src.read(window=window)
    if errors:
        raise OSError(errno.EIO, errors[0], str(path))


# -- jobs and locks ---------------------------------------------------------------------------------

@dataclass
class _Job:
    locks: dict[Path, int] = field(default_factory=dict)  # lock file -> open descriptor
    outputs: list[Path] = field(default_factory=list)
    # Files moved into place: (target, its previous version kept aside, whether a previous version existed).
    moved: list[tuple[Path, Path | None, bool]] = field(default_factory=list)


_JOB: _Job | None = None


@contextlib.contextmanager
def job() -> Iterator[None]:
    """The scope of one command: output locks taken by :func:`check_output_paths` are held until it ends.

    A job that fails on a full disk takes back the outputs it had already moved into place (the previous
    files return), except those its error says it kept: a full disk leaves the outputs as they were.
    """
    global _JOB
    outer, _JOB = _JOB, _Job()
    failure: BaseException | None = None
    try:
        yield
    except BaseException as exc:
        failure = exc
        raise
    finally:
        current, _JOB = _JOB, outer
        _settle_moves(current.moved, failure)
        for lock, descriptor in current.locks.items():
            with contextlib.suppress(OSError):
                lock.unlink()  # before closing: a job waiting on this file sees it replaced and retries
            os.close(descriptor)


def _move_into_place(item: Path, target: Path) -> None:
    """Moves a finished file onto its target; in a job, a hard link keeps the previous file until the job ends."""
    previous: Path | None = None
    existed = target.is_file()
    if _JOB is not None and existed:
        previous = target.with_name(f".{target.name}.previous-{os.getpid()}")
        try:
            previous.unlink(missing_ok=True)
            os.link(target, previous)
        except OSError:  # no hard links here (FAT, some network shares): the previous file cannot come back
            previous = None
    os.replace(item, target)
    if _JOB is not None:
        _JOB.moved.append((target, previous, existed))


def _settle_moves(moved: list[tuple[Path, Path | None, bool]], failure: BaseException | None) -> None:
    """At the end of a job: drops the previous files, or after a full disk puts them back (see :func:`job`)."""
    kept = {Path(path) for path in leftovers(failure).kept} if failure is not None else set()
    undo = failure is not None and _caused_by_full_disk(failure)
    for target, previous, existed in reversed(moved):
        with contextlib.suppress(OSError):
            if undo and target not in kept and (previous is not None or not existed):
                if previous is not None:
                    os.replace(previous, target)
                else:
                    target.unlink()  # new in this job
            elif previous is not None:
                previous.unlink()


def _caused_by_full_disk(exc: BaseException) -> bool:
    """Whether ``exc`` or an error it came from is a full disk."""
    seen: set[int] = set()
    error: BaseException | None = exc
    while error is not None and id(error) not in seen:
        if is_full_disk(error) or str(error).startswith("No space left on device"):
            return True
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return False


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


def full_disk_error(where: object, after: str = "") -> InputError:
    """"No space left on device (WHERE)" with what to do, then ``after`` (what became of the job's outputs)."""
    return InputError(f"No space left on device ({where}); free some space or write the outputs elsewhere.{after}")


def as_input_error(exc: Exception) -> InputError | None:
    """The clear error for a failed read or write of a file (full disk, damaged raster, missing source).

    Returns:
        None when ``exc`` is not a file failure (a bug: reported as an internal error).
    """
    from rasterio.errors import RasterioError

    io_failure = isinstance(exc, (OSError, RasterioError)) or "writ" in str(exc).lower()
    folder = full_output_folder() if io_failure else None
    if folder is not None or is_full_disk(exc):
        where = getattr(exc, "filename", None) or folder or "the output folder"
        kept = "" if leftovers(exc).notes else " Nothing was kept."  # else the notes say what was
        return full_disk_error(where, kept)
    if isinstance(exc, RasterioError):
        return InputError(f"A raster could not be read or written: {exc.__cause__ or exc}")
    if isinstance(exc, OSError) and exc.filename:
        return InputError(f"Cannot access {exc.filename}: {exc.strerror or exc}.")
    return None
