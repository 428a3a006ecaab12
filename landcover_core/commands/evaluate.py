"""``landcover evaluate``: accuracy of a class raster or a model against reference labels."""

from __future__ import annotations

import argparse
from typing import Any

from landcover_core.config import PredictOptions
from landcover_core.errors import InputError
from landcover_core.options import add_settings, settings_from_args
from landcover_core.progress import Reporter

NAME = "evaluate"
HELP = "accuracy assessment: confusion matrix, per-class IoU/precision/recall/F1, mIoU, accuracy, kappa"

#: What the ``result`` event carries (the QGIS plugin reads it): the scores, and how the classes were matched.
SUMMARY_KEYS = ("overall_accuracy", "miou", "kappa", "per_class", "pixels", "unpredicted", "matched_by",
                "only_in_reference", "only_in_prediction", "reference_only_pixels", "warnings")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The prediction or models, the reference, the reports and every prediction setting."""
    source = parser.add_argument_group("prediction (one of: --prediction, --model with --image or --dataset)")
    source.add_argument("--prediction", help="class raster to assess (e.g. from landcover predict)")
    source.add_argument("--model", action="append", metavar="MODEL",
                        help="predict first with this model file (repeat for an ensemble)")
    source.add_argument("--image", help="with --model: the raster to predict")
    reference = parser.add_argument_group("reference (one of)")
    reference.add_argument("--reference-raster", help="raster of reference class codes (nodata = unlabeled)")
    reference.add_argument("--reference-vector", help="polygon layer of reference classes (with --class-field)")
    reference.add_argument("--class-field", help="field of --reference-vector holding class names or codes")
    reference.add_argument("--layer", help="layer of --reference-vector (default: the first)")
    reference.add_argument("--dataset", help="deepglobe:DIR — predict every tile with --model and score them together")
    parser.add_argument("--classes", help="classes of --prediction: 'deepglobe' or a JSON list of {code, name, color}; "
                                          "default: its LANDCOVER_CLASSES tag")
    parser.add_argument("--reference-classes", metavar="FILE.json",
                        help="classes of the reference's codes (--reference-raster, or an integer --class-field): "
                             "'deepglobe' or a JSON list of {code, name, color}, so classes are compared by name; "
                             "default: the reference raster's LANDCOVER_CLASSES tag")
    parser.add_argument("--out-json", required=True, help="report to write (JSON)")
    parser.add_argument("--out-png", help="confusion-matrix figure to write (PNG)")
    parser.add_argument("--area-adjusted", action="store_true",
                        help="--reference-vector is a stratified sample of points (from sample-design): add the "
                             "stratified estimates of accuracy and area with standard errors (Olofsson et al. 2014); "
                             "automatic when the layer carries its design")
    add_settings(parser.add_argument_group("prediction options (with --model)"), PredictOptions)


def run(args: argparse.Namespace, reporter: Reporter) -> tuple[dict[str, Any], dict[str, Any]]:
    """Evaluates with :mod:`landcover_core.assessment.evaluate` and prints the table."""
    from landcover_core.assessment.evaluate import (
        check_report_paths,
        evaluate_deepglobe,
        evaluate_model,
        evaluate_prediction,
        format_table,
        write_report,
    )
    from landcover_core.common.classes import ClassScheme
    from landcover_core.data.sources import parse_dataset

    if bool(args.prediction) == bool(args.model):
        raise InputError("Give either --prediction CLASSES.tif, or --model with --image (or --dataset).")
    references = [x for x in (args.reference_raster, args.reference_vector, args.dataset) if x]
    if len(references) != 1:
        raise InputError("Give exactly one reference: --reference-raster, --reference-vector with --class-field, "
                         "or --dataset deepglobe:DIR.")
    if args.area_adjusted and not (args.prediction and args.reference_vector):
        raise InputError("--area-adjusted needs --prediction (the map the sample was drawn from) and "
                         "--reference-vector (the labelled sample points).")
    if args.dataset and args.reference_classes:
        raise InputError("--reference-classes names the codes of --reference-raster or --reference-vector; "
                         "DeepGlobe masks have their own classes: leave it out with --dataset.")
    check_report_paths(args.out_json, args.out_png,
                       [args.prediction, args.image, args.reference_raster, args.reference_vector, args.classes,
                        args.reference_classes, *(args.model or [])])
    options = settings_from_args(PredictOptions, args)
    reference_classes = ClassScheme.load(args.reference_classes) if args.reference_classes else None
    if args.dataset:
        _, folder = parse_dataset(args.dataset)
        if not args.model:
            raise InputError("--dataset needs --model: the tiles are predicted, then scored.")
        result = evaluate_deepglobe(args.model, folder, reporter, options)
    elif args.model:
        if not args.image:
            raise InputError("--image is required with --model (or use --dataset).")
        result = evaluate_model(args.model, args.image, args.reference_raster, args.reference_vector,
                                args.class_field, args.layer, reporter, options, reference_classes)
    else:
        scheme = ClassScheme.load(args.classes) if args.classes else None
        result = evaluate_prediction(args.prediction, args.reference_raster, args.reference_vector, args.class_field,
                                     args.layer, scheme, reporter, reference_classes, args.area_adjusted or None)
    outputs = write_report(result, args.out_json, args.out_png)
    if not args.json_progress:
        print(format_table(result))
    summary = {key: result[key] for key in SUMMARY_KEYS}
    if "area_adjusted" in result:
        from landcover_core.assessment.area_estimation import format_area_table

        summary["area_adjusted"] = result["area_adjusted"]
        if not args.json_progress:
            print("\n" + format_area_table(result["area_adjusted"]))
    return outputs, summary
