"""``landcover predict``: classify a raster of any size into a class GeoTIFF (and confidence, polygons)."""

from __future__ import annotations

import argparse
from typing import Any

from landcover_core.config import PredictOptions, VectorOptions
from landcover_core.options import add_settings, parse_bands, settings_from_args
from landcover_core.progress import Reporter

NAME = "predict"
HELP = ("classify a raster with one model or an ensemble (optionally with test-time augmentation): class GeoTIFF, "
        "confidence and uncertainty GeoTIFFs, polygons")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Adds the inputs, outputs and every :class:`~landcover_core.config.PredictOptions` setting."""
    parser.add_argument("--model", action="append", required=True, metavar="MODEL",
                        help="model file (.pt); repeat for an ensemble (probabilities are averaged)")
    parser.add_argument("--image", required=True, help="raster to classify (GeoTIFF or any GDAL raster)")
    parser.add_argument("--out", required=True, help="class GeoTIFF to write (uint8 class codes)")
    parser.add_argument("--confidence", help="also write the max class probability (of the ensemble) to this GeoTIFF")
    parser.add_argument("--uncertainty", help="also write a float32 GeoTIFF in 0..1: band 1 the normalised entropy of "
                                              "the averaged probabilities; with several models, band 2 their "
                                              "disagreement (Jensen-Shannon divergence / ln classes)")
    parser.add_argument("--vector", help="also write the classes as polygons (GPKG, Shapefile, GeoJSON...)")
    add_settings(parser.add_argument_group("polygons (with --vector)"), VectorOptions)
    parser.add_argument("--extent", help="xmin,ymin,xmax,ymax in the raster's CRS: predict that part only")
    parser.add_argument("--bands", help="raster bands to feed the model, e.g. 4,3,2 (default: the model's bands)")
    add_settings(parser.add_argument_group("prediction"), PredictOptions)


def run(args: argparse.Namespace, reporter: Reporter) -> tuple[dict[str, Any], dict[str, Any]]:
    """Classifies with :func:`~landcover_core.inference.predict.predict_raster`."""
    from landcover_core.inference.predict import Outputs, parse_extent, predict_raster

    result = predict_raster(
        args.model, args.image, Outputs(args.out, args.confidence, args.vector, args.uncertainty),
        settings_from_args(PredictOptions, args), bands=parse_bands(args.bands), extent=parse_extent(args.extent),
        vector_options=settings_from_args(VectorOptions, args), reporter=reporter,
    )
    return result["outputs"], result["summary"]
