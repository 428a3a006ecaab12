"""``landcover demo``: the main job on a built-in scene (train, classify, vectorize, evaluate)."""

from __future__ import annotations

import argparse
from typing import Any

from landcover_core.progress import Reporter

NAME = "demo"
HELP = "generate a demo scene with training polygons, train a small model on CPU, classify and evaluate it"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The output folder and the number of epochs."""
    parser.add_argument("--out", default="demo_output", help="output folder (default demo_output)")
    # train's own bounds, checked before the scene is generated: a value train refuses must leave nothing behind.
    parser.add_argument("--epochs", type=_epochs_number(), default=10,
                        help="training epochs (default 10, a few minutes on CPU)")


def _epochs_number() -> Any:
    """The ``--epochs`` type of ``landcover train`` (declared once, in TrainConfig)."""
    import dataclasses

    from landcover_core.config import TrainConfig

    return next(f for f in dataclasses.fields(TrainConfig) if f.name == "epochs").metadata["number"]


def run(args: argparse.Namespace, reporter: Reporter) -> tuple[dict[str, Any], dict[str, Any]]:
    """Runs :func:`~landcover_core.demo.run.run_demo` and prints the map's accuracy."""
    import json

    from landcover_core.demo.run import run_demo

    extra = ["--json-progress"] if args.json_progress else (["--quiet"] if args.quiet else [])
    paths = run_demo(args.out, args.epochs, reporter, lambda argv: args._run_command(argv + extra))
    scores = json.loads(paths["evaluation"].read_text())
    summary = {k: scores.get(k) for k in ("overall_accuracy", "miou", "kappa")}
    if not args.json_progress:
        print("\nDemo finished: " + ", ".join(f"{k} {v:.3f}" for k, v in summary.items() if isinstance(v, float)))
    return paths, summary
