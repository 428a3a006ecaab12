"""``landcover pseudo-label``: a model's confident predictions as label rasters (the rest unlabeled)."""

from __future__ import annotations

import argparse
from typing import Any

from landcover_core.config import PredictOptions, PseudoLabelConfig
from landcover_core.options import add_settings, parse_bands, settings_from_args
from landcover_core.progress import Reporter

NAME = "pseudo-label"
HELP = ("label rasters of a model's (or an ensemble's) confident predictions, for training: the pixels below the "
        "confidence threshold are left unlabeled")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Adds the inputs, the output folder, :class:`PseudoLabelConfig` and :class:`PredictOptions`."""
    parser.add_argument("--model", action="append", required=True, metavar="MODEL",
                        help="model file (.pt); repeat for an ensemble (probabilities are averaged)")
    parser.add_argument("--image", action="append", required=True, metavar="IMAGE",
                        help="raster to label; repeat for several scenes")
    parser.add_argument("--out", required=True, metavar="DIR",
                        help="folder for IMAGE_STEM.pseudo.tif (class codes, nodata = unlabeled) and "
                             "pseudo_labels.json (kept pixels per class)")
    parser.add_argument("--bands", help="raster bands to feed the models, e.g. 4,3,2 (default: each model's bands)")
    add_settings(parser.add_argument_group("pseudo-labels"), PseudoLabelConfig)
    add_settings(parser.add_argument_group("prediction"), PredictOptions)


def run(args: argparse.Namespace, reporter: Reporter) -> tuple[dict[str, Any], dict[str, Any]]:
    """Labels with :func:`~landcover_core.training.pseudolabels.pseudo_label_rasters`."""
    from landcover_core.training.pseudolabels import pseudo_label_rasters

    return pseudo_label_rasters(args.model, args.image, args.out, settings_from_args(PseudoLabelConfig, args),
                                settings_from_args(PredictOptions, args), bands=parse_bands(args.bands),
                                reporter=reporter)
