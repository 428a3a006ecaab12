"""What the benchmarks share: a scratch folder holding the ONNX cache, child-process peak memory, JSON output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any


@contextmanager
def scratch_folder(prefix: str) -> Iterator[Path]:
    """A temporary folder that also holds the ONNX export cache while it exists.

    ``LANDCOVER_CACHE_DIR`` points into it (inherited by children and Dask workers) unless the caller set one,
    and is restored on exit, so no export outlives the run and no later section writes into a removed folder.
    """
    previous = os.environ.get("LANDCOVER_CACHE_DIR")
    with tempfile.TemporaryDirectory(prefix=prefix) as folder:
        root = Path(folder)
        os.environ["LANDCOVER_CACHE_DIR"] = previous or str(root / "cache")
        try:
            yield root
        finally:
            if previous is None:
                os.environ.pop("LANDCOVER_CACHE_DIR", None)


def peak_rss_mb(args: list[str]) -> tuple[float, float]:
    """Peak RSS (MB) and wall time of a child process, measured by a wrapper that waits for it alone.

    Raises:
        RuntimeError: the child failed (the end of its stderr).
    """
    code = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
            "rc = subprocess.run(sys.argv[1:]).returncode; "
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, time.perf_counter() - t); "
            "sys.exit(rc)")
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True)
    if result.returncode:
        raise RuntimeError(f"child process failed: {result.stderr[-2000:]}")
    rss, wall = result.stdout.split()[-2:]
    return float(rss), float(wall)


def write_json(path: str | None, figures: dict[str, Any]) -> None:
    """Writes the figures to ``path`` (a ``--json`` option) when one is given."""
    if path:
        Path(path).write_text(json.dumps(figures, indent=2))
