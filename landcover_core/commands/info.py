"""``landcover info MODEL``: what a model file holds; ``info --check MODEL...``: whether models classify together."""

from __future__ import annotations

import argparse
import json
from typing import Any

from landcover_core.errors import InputError
from landcover_core.options import parse_bands
from landcover_core.progress import Reporter

NAME = "info"
HELP = ("describe a model file: architecture, bands, classes, normalisation, training config and metrics; with "
        "--check, check that model files classify together (and a raster's bands) as predict would")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The model file(s), ``--check`` with the raster to check against, and ``--json``."""
    parser.add_argument("model", nargs="+", metavar="MODEL",
                        help="landcover model file (.pt); with --check, several: an ensemble")
    parser.add_argument("--check", action="store_true",
                        help="read the model files as predict does and check that they classify together (shared "
                             "classes, weights that fit the architecture) and, with --image or --band-count, the "
                             "raster's bands; report the facts a prediction uses")
    raster = parser.add_mutually_exclusive_group()
    raster.add_argument("--image", help="with --check: the raster to classify (its bands are checked)")
    raster.add_argument("--band-count", type=int, metavar="N",
                        help="with --check: the number of bands of the raster to classify, for a raster that is "
                             "not a file")
    parser.add_argument("--bands", help="with --check: raster bands to feed the models, e.g. 4,3,2 (default: each "
                                        "model's bands)")
    parser.add_argument("--json", action="store_true", help="print the description as JSON")


def run(args: argparse.Namespace, reporter: Reporter) -> tuple[dict[str, Any], dict[str, Any]]:
    """Prints the model's description or, with ``--check``, the set's facts, as text or JSON."""
    if args.check:
        info = _check(args)
    elif len(args.model) > 1 or args.image or args.band_count is not None or args.bands:
        raise InputError("info describes one model file; add --check to check several as an ensemble, or a set "
                         "against --image, --band-count or --bands.")
    else:
        from landcover_core.models.modelfile import model_info

        info = model_info(args.model[0])
    if args.json_progress:
        return {}, info
    if args.json:
        print(json.dumps(info, indent=2))
    elif args.check:
        _print_facts(info)
    else:
        _print_info(info)
    return {}, info


def _check(args: argparse.Namespace) -> dict[str, Any]:
    """:meth:`~landcover_core.inference.model_set.ModelSet.facts` of the models, against the raster if given.

    Raises:
        InputError: models that do not classify together, or not with the raster and bands.
    """
    from landcover_core.common.raster import open_raster
    from landcover_core.inference.model_set import load_models

    bands = parse_bands(args.bands)
    if args.band_count is not None and args.band_count < 1:
        raise InputError(f"--band-count must be a number of bands (1 or more), not {args.band_count}.")
    model_set = load_models(args.model)
    if args.image is None:
        raster = None if args.band_count is None else {"path": None, "bands": args.band_count}
        facts = model_set.facts(args.band_count, "the raster", bands)
    else:
        with open_raster(args.image, "image") as src:
            raster = {"path": str(args.image), "bands": src.count}
            facts = model_set.facts(src.count, src.name, bands)
    return {**facts, "raster": raster}


def _print_info(info: dict[str, Any]) -> None:
    metrics = info["metrics"]
    print(f"model       {info['path']}")
    print(f"format      v{info['format_version']} (landcover {info['landcover_version']}, {info['created']})")
    head = "DeepLabV3+" if info.get("decoder") == "plus" else "DeepLabV3"
    print(f"arch        {head} {info['arch']} ({info['backbone_norm']} norm, {info['parameters']:,} parameters)")
    print(f"bands       {info['bands']}  tile size {info['tile_size']}")
    reference = info["histogram_reference"]
    print("histmatch   " + (f"to {reference['source']} (bands {reference['bands']})" if reference else "none"))
    _print_classes(info["classes"])
    if metrics:
        print("metrics     " + ", ".join(f"{k}={v:.4f}" if isinstance(v, float) else f"{k}={v}"
                                       for k, v in metrics.items() if not isinstance(v, (dict, list))))


def _print_facts(facts: dict[str, Any]) -> None:
    raster = facts["raster"]
    against = f" with {raster['path'] or 'a raster'} ({raster['bands']} bands)" if raster else ""
    print(f"OK: {len(facts['models'])} model(s) classify together{against}.")
    for model, weight, bands in zip(facts["models"], facts["weights"], facts["member_bands"], strict=True):
        reference = model["histogram_reference"]
        print(f"model       {model['path']} (weight {weight:.3g}, {model['arch']}, tile size {model['tile_size']})")
        print(f"  reads     bands {bands}; histmatch " + (f"to {reference['source']}" if reference else "none"))
    print(f"bands       {facts['bands']}")
    _print_classes(facts["classes"])


def _print_classes(classes: list[dict[str, Any]]) -> None:
    print("classes")
    for item in classes:
        print(f"  {item['code']:>4}  {item['color']}  {item['name']}")
