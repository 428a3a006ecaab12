"""``landcover vectorize``: a class raster to polygons (one per connected region), streaming by strips."""

from __future__ import annotations

import argparse
from typing import Any

from landcover_core.config import VectorOptions
from landcover_core.options import Number, add_settings
from landcover_core.progress import Reporter

NAME = "vectorize"
HELP = "turn a class raster into polygons with class_id, class_name and area (sieve, simplify)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The class raster, its band, the output and every polygon setting."""
    parser.add_argument("raster", help="class raster (e.g. from landcover predict)")
    parser.add_argument("--out", required=True, help="vector file to write (GPKG, Shapefile, GeoJSON...)")
    add_settings(parser, VectorOptions)
    names = parser.add_mutually_exclusive_group()
    names.add_argument("--model", help="take class names from this model file (default: the raster's metadata)")
    names.add_argument("--classes", help="class names: 'deepglobe' or a JSON list of {code, name, color}")
    parser.add_argument("--layer", help="layer name (default: the output file's name)")
    parser.add_argument("--band", type=Number(int, minimum=1),
                        help="band of class codes (required when the raster has several)")


def run(args: argparse.Namespace, reporter: Reporter) -> tuple[dict[str, Any], dict[str, Any]]:
    """Vectorizes with :func:`~landcover_core.outputs.vectorize.vectorize_raster`."""
    from landcover_core.common.classes import ClassScheme
    from landcover_core.models.modelfile import load_spec
    from landcover_core.outputs.vectorize import vectorize_raster

    scheme = load_spec(args.model).scheme if args.model else ClassScheme.load(args.classes) if args.classes else None
    result = vectorize_raster(args.raster, args.out, min_area=args.min_area, simplify=args.simplify, scheme=scheme,
                              layer=args.layer, reporter=reporter, band=args.band)
    return result["outputs"], result["summary"]
