"""``landcover info MODEL``: what a model file holds."""

from __future__ import annotations

import argparse
import json
from typing import Any

from landcover_core.progress import Reporter

NAME = "info"
HELP = "describe a model file: architecture, bands, classes, normalisation, training config and metrics"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The model file and ``--json``."""
    parser.add_argument("model", help="landcover model file (.pt)")
    parser.add_argument("--json", action="store_true", help="print the description as JSON")


def run(args: argparse.Namespace, reporter: Reporter) -> tuple[dict[str, Any], dict[str, Any]]:
    """Prints :func:`~landcover_core.modelfile.model_info` as text or JSON."""
    from landcover_core.modelfile import model_info

    info = model_info(args.model)
    if args.json_progress:
        return {}, info
    if args.json:
        print(json.dumps(info, indent=2))
        return {}, info
    metrics = info["metrics"]
    print(f"model       {info['path']}")
    print(f"format      v{info['format_version']} (landcover {info['landcover_version']}, {info['created']})")
    head = "DeepLabV3+" if info.get("decoder") == "plus" else "DeepLabV3"
    print(f"arch        {head} {info['arch']} ({info['backbone_norm']} norm, {info['parameters']:,} parameters)")
    print(f"bands       {info['bands']}  tile size {info['tile_size']}")
    reference = info["histogram_reference"]
    print("histmatch   " + (f"to {reference['source']} (bands {reference['bands']})" if reference else "none"))
    print("classes")
    for item in info["classes"]:
        print(f"  {item['code']:>4}  {item['color']}  {item['name']}")
    if metrics:
        print("metrics     " + ", ".join(f"{k}={v:.4f}" if isinstance(v, float) else f"{k}={v}"
                                       for k, v in metrics.items() if not isinstance(v, (dict, list))))
    return {}, info
