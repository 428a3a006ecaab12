"""``landcover train``: train or fine-tune a model from polygons, a label raster or a DeepGlobe folder."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from landcover_core.config import TRAIN_PRESETS, TrainConfig, train_preset
from landcover_core.options import add_settings, cli_fields, parse_bands, settings_from_args
from landcover_core.progress import Reporter

if TYPE_CHECKING:
    from landcover_core.data.sources import TrainingData

NAME = "train"
HELP = "train a DeepLabV3 land-cover model from sparse labels (partial cross-entropy)"

_MODEL = ("arch", "decoder", "weights", "freeze_backbone", "backbone_norm", "finetune", "resume")


def add_arguments(parser: argparse.ArgumentParser, estimate: bool = True) -> None:
    """Adds the label options, ``--preset`` and every setting of :class:`~landcover_core.config.TrainConfig`.

    Args:
        parser: the command's parser.
        estimate: also ``--estimate`` (commands that reuse these options without timing leave it out).
    """
    data = parser.add_argument_group("labels (one of: --labels, --label-raster, --dataset)")
    data.add_argument("--image", action="append", default=[],
                      help="image raster (GeoTIFF or any GDAL raster); repeat for several scenes")
    data.add_argument("--bands", help="1-based bands to use, e.g. 1,2,3 (default: all but alpha)")
    data.add_argument("--labels", action="append", default=[],
                      help="polygon/point/line layer (GPKG, Shapefile, GeoJSON) with a class field; one for all "
                           "images, or one per --image")
    data.add_argument("--layer", help="layer name inside --labels (default: the first)")
    data.add_argument("--class-field", help="field of --labels holding class names or integer codes")
    data.add_argument("--label-raster", action="append", default=[], dest="label_rasters", metavar="LABEL_RASTER",
                      help="raster of integer class codes on (or reprojectable to) the image; one per --image")
    data.add_argument("--dataset", help="a dataset folder, e.g. deepglobe:DIR")
    data.add_argument("--classes", help="class scheme: 'deepglobe' or a JSON list of {code, name, color}")
    data.add_argument("--sparse", help="simulate sparse labels: points:FRACTION or scribbles[:FRACTION]")

    parser.add_argument("--preset", choices=[preset.name for preset in TRAIN_PRESETS],
                        help="start from a preset: " + "; ".join(f"{p.name}: {p.help}" for p in TRAIN_PRESETS)
                        + ". Options given on the command line win")
    if estimate:
        parser.add_argument("--estimate", action="store_true",
                            help="do not train: time a few training steps of this model on this machine and report "
                                 "how long the training would take (the inputs are checked as the training would)")
    model = parser.add_argument_group("model")
    model.add_argument("--out", required=True, help="model file to write (.pt)")
    add_settings(model, TrainConfig, _MODEL)
    fit = parser.add_argument_group("training")
    add_settings(fit, TrainConfig, [f.name for f in cli_fields(TrainConfig) if f.name not in _MODEL])


def training_data(args: argparse.Namespace) -> TrainingData:
    """The label options as a :class:`~landcover_core.data.sources.TrainingData`."""
    from landcover_core.data.sources import TrainingData

    return TrainingData(images=args.image, labels=args.labels, class_field=args.class_field, layer=args.layer,
                        label_rasters=args.label_rasters, dataset=args.dataset, bands=parse_bands(args.bands),
                        classes=args.classes, sparse=args.sparse)


def run(args: argparse.Namespace, reporter: Reporter) -> tuple[dict[str, Any], dict[str, Any]]:
    """Trains with :func:`~landcover_core.training.trainer.train_model`."""
    from landcover_core.training.logs import metrics_path
    from landcover_core.training.trainer import train_model

    apply_preset(args)
    config = settings_from_args(TrainConfig, args, out=args.out)
    if args.estimate:
        from landcover_core.training.estimate import estimate_training

        return {}, estimate_training(config, training_data(args), reporter).summary()
    result = train_model(config, training_data(args), reporter)
    return {"model": result.model, "curves": result.curves, "metrics": metrics_path(result.model)}, result.summary()


def apply_preset(args: argparse.Namespace) -> None:
    """Sets ``--preset``'s settings on the options not given on the command line (the user's own choices win)."""
    if not getattr(args, "preset", None):
        return
    given: frozenset[str] = getattr(args, "_given", frozenset())
    for name, value in train_preset(args.preset).settings.items():
        if name not in given:
            setattr(args, name, value)
