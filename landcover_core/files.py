"""Output files are written to a temporary name beside the target and renamed when complete."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Iterable, Iterator

from landcover_core.errors import InputError


def check_output_path(path: str | Path, inputs: Iterable[str | Path] = ()) -> Path:
    """Validates an output path before any work starts.

    Raises:
        InputError: the folder is missing, or the path is one of the inputs.
    """
    path = Path(path)
    if not path.parent.is_dir():
        raise InputError(f"Output folder {path.parent} does not exist; create it or choose another path for {path.name}.")
    if path.is_dir():
        raise InputError(f"Output path {path} is a folder; give a file name.")
    for item in inputs:
        if item is not None and Path(item).exists() and path.exists() and path.resolve() == Path(item).resolve():
            raise InputError(f"Output path {path} is also an input; choose another name so the input is not overwritten.")
    return path


def temporary_sibling(path: str | Path) -> Path:
    """A temporary name beside ``path`` that keeps its suffix (drivers pick the format from it)."""
    path = Path(path)
    return path.with_name(f".{path.stem}.partial-{os.getpid()}{path.suffix}")


@contextlib.contextmanager
def atomic_output(path: str | Path) -> Iterator[Path]:
    """Yields a temporary path; on success it replaces ``path``, on any error it is deleted."""
    path = Path(path)
    tmp = temporary_sibling(path)
    try:
        yield tmp
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
