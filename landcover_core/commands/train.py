"""``landcover train``: train or fine-tune a model from polygons, a label raster or a DeepGlobe folder."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from landcover_core.classes import ClassScheme
from landcover_core.errors import InputError
from landcover_core.files import check_output_paths
from landcover_core.models import ARCHS
from landcover_core.progress import Reporter
from landcover_core.raster import parse_bands

NAME = "train"
HELP = "train a DeepLabV3 land-cover model from sparse labels (partial cross-entropy)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    data = parser.add_argument_group("labels (one of: --labels, --label-raster, --dataset)")
    data.add_argument("--image", action="append",
                      help="image raster (GeoTIFF or any GDAL raster); repeat for several scenes")
    data.add_argument("--bands", help="1-based bands to use, e.g. 1,2,3 (default: all but alpha)")
    data.add_argument("--labels", action="append",
                      help="polygon/point/line layer (GPKG, Shapefile, GeoJSON) with a class field; one for all "
                           "images, or one per --image")
    data.add_argument("--layer", help="layer name inside --labels (default: the first)")
    data.add_argument("--class-field", help="field of --labels holding class names or integer codes")
    data.add_argument("--label-raster", action="append",
                      help="raster of integer class codes on (or reprojectable to) the image; one per --image")
    data.add_argument("--dataset", help="a dataset folder, e.g. deepglobe:DIR")
    data.add_argument("--classes", help="class scheme: 'deepglobe' or a JSON list of {code, name, color}")
    data.add_argument("--sparse", help="simulate sparse labels: points:FRACTION or scribbles[:FRACTION]")

    model = parser.add_argument_group("model")
    model.add_argument("--out", required=True, help="model file to write (.pt)")
    model.add_argument("--arch", choices=ARCHS, default="resnet50", help="backbone (default resnet50)")
    model.add_argument("--weights", default="none",
                       help="backbone initialisation: none, imagenet (torchvision's cache; never downloaded) or PATH")
    model.add_argument("--freeze-backbone", action="store_true", help="train the head only")
    model.add_argument("--backbone-norm", choices=("batch", "group"), default="batch",
                       help="backbone normalisation (the head always uses GroupNorm); group is batch-size "
                            "independent but learns slower from scratch")
    model.add_argument("--finetune", metavar="MODEL", help="start from an existing model file (new classes are added)")
    model.add_argument("--resume", action="store_true", help="continue an interrupted run from OUT.ckpt")

    fit = parser.add_argument_group("training")
    fit.add_argument("--epochs", type=int, default=30)
    fit.add_argument("--batch-size", type=int, default=8)
    fit.add_argument("--tile-size", type=int, default=256)
    fit.add_argument("--lr", type=float, default=1e-3, help="peak learning rate (one-cycle schedule)")
    fit.add_argument("--weight-decay", type=float, default=1e-4)
    fit.add_argument("--samples-per-epoch", type=int, default=512, help="training tiles per epoch")
    fit.add_argument("--val-fraction", type=float, default=0.3, help="labeled share held out, spatially disjoint")
    fit.add_argument("--focal-gamma", type=float, default=0.0, help="focal modulation of the loss (0 = off)")
    fit.add_argument("--class-weights", default="none", help="none, auto (inverse frequency) or w1,w2,...")
    fit.add_argument("--dice-weight", type=float, default=0.0, help="weight of a Dice term over labeled pixels")
    fit.add_argument("--patience", type=int, default=10, help="early stop after this many epochs without gain")
    fit.add_argument("--seed", type=int, default=0)
    fit.add_argument("--device", choices=("auto", "cpu", "cuda"), default="auto")
    fit.add_argument("--threads", type=int, help="CPU threads for torch (default: all cores)")


def build_scenes(args: argparse.Namespace):
    """The training scenes and class scheme described by the label options."""
    from landcover_core.data.scenes import (
        check_same_scheme,
        scene_from_label_raster,
        scene_from_polygons,
        scenes_from_deepglobe,
    )
    from landcover_core.labels import SparseLabels, parse_sparse

    chosen = [name for name in ("labels", "label_raster", "dataset") if getattr(args, name)]
    if len(chosen) != 1:
        raise InputError("Give exactly one label source: --labels (with --class-field), --label-raster or --dataset.")
    bands = parse_bands(args.bands)
    scheme = ClassScheme.load(args.classes) if args.classes else None
    if args.finetune and scheme is None:
        from landcover_core.modelfile import load_spec

        scheme = load_spec(args.finetune).scheme  # fine-tuning keeps the model's classes unless --classes adds some
    if args.dataset:
        kind, _, folder = args.dataset.partition(":")
        if kind.lower() != "deepglobe" or not folder:
            raise InputError(f"--dataset must be deepglobe:DIR, not '{args.dataset}'.")
        scenes = scenes_from_deepglobe(folder, bands)
    else:
        if not args.image:
            raise InputError("--image is required with --labels or --label-raster.")
        if args.labels:
            if not args.class_field:
                raise InputError(f"--class-field is required with --labels: which field of {args.labels[0]} holds the classes?")
            pairs = list(zip(args.image, _pair(args.labels, args.image, "--labels")))

            def make(image, layer, chosen):
                return scene_from_polygons(image, layer, args.class_field, bands, args.layer, chosen)
        else:
            pairs = list(zip(args.image, _pair(args.label_raster, args.image, "--label-raster")))

            def make(image, raster, chosen):
                return scene_from_label_raster(image, raster, bands, chosen)
        scenes = [make(image, labels, scheme) for image, labels in pairs]
        if scheme is None and len(scenes) > 1:
            # Each scene numbered its own classes: rebuild them on the union, so a class has one index everywhere.
            scheme = _union_scheme(scenes)
            for scene in scenes:
                scene.close()
            scenes = [make(image, labels, scheme) for image, labels in pairs]
    sparse = parse_sparse(args.sparse)
    if sparse is not None:
        for scene in scenes:
            scene.labels = SparseLabels(scene.labels, sparse, seed=args.seed)
    return scenes, check_same_scheme(scenes)


def _pair(labels: list[str], images: list[str], option: str) -> list[str]:
    """One label file per image, or one for all images."""
    if len(labels) == 1:
        return labels * len(images)
    if len(labels) != len(images):
        raise InputError(f"Give one {option} for all images or one per --image ({len(images)} images, {len(labels)} {option}).")
    return labels


def _union_scheme(scenes) -> ClassScheme:
    """The classes of all scenes together, so that each class has one index everywhere."""
    classes = {c.code: c for scene in scenes for c in scene.labels.scheme.classes}
    if all(c.name.startswith("class ") for c in classes.values()):
        return ClassScheme.from_codes(sorted(classes))
    names = {c.name for c in classes.values()}
    return ClassScheme.from_names(sorted(names))


def run(args: argparse.Namespace, reporter: Reporter) -> tuple[dict[str, Any], dict[str, Any]]:
    import torch

    from landcover_core.plots import plot_training_curves
    from landcover_core.training import TrainConfig, Trainer, training_outputs

    inputs = [*(args.image or []), *(args.labels or []), *(args.label_raster or []), args.finetune]
    out = check_output_paths(training_outputs(args.out), inputs)["--out"]
    if args.threads:
        torch.set_num_threads(args.threads)
    scenes, scheme = build_scenes(args)
    config = TrainConfig(
        out=str(out), arch=args.arch, weights=args.weights, freeze_backbone=args.freeze_backbone,
        backbone_norm=args.backbone_norm,
        finetune=args.finetune, epochs=args.epochs, batch_size=args.batch_size, tile_size=args.tile_size,
        lr=args.lr, weight_decay=args.weight_decay, val_fraction=args.val_fraction,
        samples_per_epoch=args.samples_per_epoch, focal_gamma=args.focal_gamma, class_weights=args.class_weights,
        dice_weight=args.dice_weight, patience=args.patience, seed=args.seed, device=args.device,
        sparse=args.sparse, resume=args.resume,
        sources={"image": args.image, "bands": scenes[0].bands, "labels": args.labels, "layer": args.layer,
                 "class_field": args.class_field, "label_raster": args.label_raster, "dataset": args.dataset},
    )
    for name, value in (("epochs", config.epochs), ("samples-per-epoch", config.samples_per_epoch)):
        if value < 1:
            raise InputError(f"--{name} must be at least 1.")
    reporter.log(f"Training {config.arch} on {len(scenes)} scene(s), classes: {', '.join(scheme.names)}")
    try:
        from_labels = not (args.classes or args.finetune or args.dataset)
        result = Trainer(config, scenes, scheme, reporter, scheme_from_labels=from_labels).run()
    finally:
        for scene in scenes:
            scene.close()
    curves = plot_training_curves(result.history, out.with_suffix(".curves.png"))
    summary = {
        "classes": scheme.to_list(),
        "best_epoch": result.best_epoch,
        "best_val_miou": result.best_val_miou,
        "epochs_run": len(result.history),
        "bands": result.spec.bands,
        "arch": result.spec.arch,
        "backbone_norm": result.spec.backbone_norm,
    }
    return {"model": out, "curves": curves, "metrics": Path(str(out) + ".metrics.jsonl")}, summary
