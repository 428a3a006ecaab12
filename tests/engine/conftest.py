"""Shared fixtures for engine tests: small generated GeoTIFF/GPKG scenes and a CLI runner."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import torch

from landcover_core.cli import main
from landcover_core.demo.synthetic import SyntheticScene, make_scene

torch.set_num_threads(min(2, os.cpu_count() or 1))

#: Tiny, fast training options for tests (CPU, seconds).
TINY_TRAIN = ["--arch", "mobilenet_v3_large", "--weights", "none", "--tile-size", "64", "--batch-size", "4",
              "--epochs", "1", "--samples-per-epoch", "8", "--quiet"]


@pytest.fixture(scope="session")
def scene(tmp_path_factory) -> SyntheticScene:
    """A 4-band 192x192 scene with a nodata collar, its truth raster and training polygons."""
    return make_scene(tmp_path_factory.mktemp("scene"), size=192, bands=4, seed=3, polygons_per_class=4,
                      polygon_radius=5.0, nodata_border=4)


@pytest.fixture()
def run(capsys):
    """Runs the CLI in-process; returns (exit code, stdout, stderr)."""

    def _run(*argv) -> tuple[int, str, str]:
        code = main([str(a) for a in argv])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return _run


def run_process(*argv, timeout: float = 300, threads: int | None = None) -> tuple[int, list[dict], str]:
    """Runs ``python -m landcover_core ... --json-progress`` as a real child process (on ``threads`` CPU threads)."""
    env = {**os.environ, "OMP_NUM_THREADS": str(threads)} if threads else None
    proc = subprocess.run([sys.executable, "-m", "landcover_core", *map(str, argv), "--json-progress"],
                          capture_output=True, text=True, timeout=timeout, env=env)
    return proc.returncode, parse_events(proc.stdout), proc.stderr


def parse_events(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.startswith("{")]


def files_in(folder: Path) -> set[str]:
    return {p.name for p in Path(folder).iterdir()}
