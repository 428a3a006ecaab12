"""``landcover predict-batch``: classify a catalogue of scenes on a local Dask cluster or an existing one."""

from __future__ import annotations

import argparse
from typing import Any

from landcover_core.config import BatchOptions, PredictOptions, VectorOptions
from landcover_core.options import add_settings, cli_fields, parse_bands, settings_from_args
from landcover_core.progress import Reporter

NAME = "predict-batch"
HELP = ("classify many scenes, one Dask task each, on a local cluster or an existing one: predict's outputs per "
        "scene and a summary of class areas per scene; failed scenes are retried and reported, a re-run skips the "
        "complete ones")
EXTRA_OUTPUTS = ("confidence", "uncertainty", "vector")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Adds the models, the scenes, the outputs, :class:`BatchOptions` and the prediction settings."""
    parser.add_argument("--model", action="append", required=True, metavar="MODEL",
                        help="model file (.pt); repeat for an ensemble (probabilities are averaged)")
    parser.add_argument("--images", nargs="+", action="extend", required=True, metavar="IMAGES",
                        help="rasters to classify: files, folders (their rasters, see --pattern), glob patterns "
                             "(quoted; ** for sub-folders) or .txt lists of paths, one a line; repeatable")
    parser.add_argument("--out-dir", required=True, metavar="DIR",
                        help="folder for NAME.classes.tif per scene (NAME: the image's file name without "
                             "extension), the outputs asked for below, summary.csv and summary.gpkg")
    parser.add_argument("--confidence", action="store_true", help="also write NAME.confidence.tif per scene")
    parser.add_argument("--uncertainty", action="store_true", help="also write NAME.uncertainty.tif per scene")
    parser.add_argument("--vector", action="store_true", help="also write NAME.polygons.gpkg per scene")
    add_settings(parser.add_argument_group("polygons (with --vector)"), VectorOptions)
    parser.add_argument("--summary", metavar="CSV",
                        help="class areas per scene (default OUT_DIR/summary.csv); the same rows with each scene's "
                             "footprint go to the .gpkg of the same name")
    parser.add_argument("--bands", help="raster bands to feed the model, e.g. 4,3,2 (default: the model's bands)")
    parser.add_argument("--cluster", metavar="ADDRESS",
                        help="run on the Dask scheduler at this address (e.g. tcp://host:8786) instead of a local "
                             "cluster; its workers need this engine and must see the files at the same paths")
    add_settings(parser.add_argument_group("scenes and workers"), BatchOptions)
    # --threads-per-worker stands for predict's --threads.
    add_settings(parser.add_argument_group("prediction"), PredictOptions,
                 [f.name for f in cli_fields(PredictOptions) if f.name != "threads"])


def run(args: argparse.Namespace, reporter: Reporter) -> tuple[dict[str, Any], dict[str, Any]]:
    """Classifies the catalogue with :func:`~landcover_core.inference.batch.predict_batch`."""
    from landcover_core.inference.batch import predict_batch

    return predict_batch(
        args.model, args.images, args.out_dir, settings_from_args(PredictOptions, args),
        settings_from_args(BatchOptions, args),
        extra_outputs=[kind for kind in EXTRA_OUTPUTS if getattr(args, kind)], bands=parse_bands(args.bands),
        vector_options=settings_from_args(VectorOptions, args), summary=args.summary, cluster=args.cluster,
        reporter=reporter,
    )
