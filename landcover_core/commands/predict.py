"""``landcover predict``: classify a raster of any size into a class GeoTIFF (and confidence, polygons)."""

from __future__ import annotations

import argparse
from typing import Any

from landcover_core.progress import Reporter
from landcover_core.raster import parse_bands

NAME = "predict"
HELP = "classify a raster with one model or an ensemble: class GeoTIFF, confidence GeoTIFF, polygons"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--model", action="append", required=True, metavar="MODEL",
                        help="model file (.pt); repeat for an ensemble (probabilities are averaged)")
    parser.add_argument("--image", required=True, help="raster to classify (GeoTIFF or any GDAL raster)")
    parser.add_argument("--out", required=True, help="class GeoTIFF to write (uint8 class codes)")
    parser.add_argument("--confidence", help="also write the max class probability to this GeoTIFF")
    parser.add_argument("--vector", help="also write the classes as polygons (GPKG, Shapefile, GeoJSON...)")
    parser.add_argument("--min-area", type=float, default=0.0,
                        help="with --vector: merge regions smaller than this (map units², e.g. m²) into neighbours")
    parser.add_argument("--simplify", type=float, default=0.0,
                        help="with --vector: simplification tolerance in map units (shared edges stay shared)")
    parser.add_argument("--extent", help="xmin,ymin,xmax,ymax in the raster's CRS: predict that part only")
    parser.add_argument("--bands", help="raster bands to feed the model, e.g. 4,3,2 (default: the model's bands)")
    parser.add_argument("--tile-size", type=int, help="tile size in pixels (default: the model's training tile size)")
    parser.add_argument("--overlap", type=int, help="overlap between tiles in pixels (default: half the tile, seam-free; less is faster)")
    parser.add_argument("--batch-size", type=int, default=4, help="tiles per forward pass (default 4)")
    parser.add_argument("--device", choices=("auto", "cpu", "cuda"), default="auto")
    parser.add_argument("--backend", choices=("auto", "torch", "onnx"), default="auto",
                        help="auto: onnxruntime on CPU (faster), torch on CUDA")
    parser.add_argument("--threads", type=int, help="CPU threads (default: all cores)")


def run(args: argparse.Namespace, reporter: Reporter) -> tuple[dict[str, Any], dict[str, Any]]:
    from landcover_core.inference.predict import parse_extent, predict_raster

    result = predict_raster(
        args.model, args.image, args.out, confidence=args.confidence, vector=args.vector,
        extent=parse_extent(args.extent), tile_size=args.tile_size, overlap=args.overlap,
        batch_size=args.batch_size, device=args.device, backend=args.backend, bands=parse_bands(args.bands),
        threads=args.threads, min_area=args.min_area, simplify=args.simplify, reporter=reporter,
    )
    return result["outputs"], result["summary"]
