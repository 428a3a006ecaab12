"""``landcover sample-design``: a stratified random sample of a class map for accuracy and area estimation."""

from __future__ import annotations

import argparse
from typing import Any

from landcover_core.options import Number
from landcover_core.progress import Reporter

NAME = "sample-design"
HELP = ("stratified random sample points of a class map (its classes as strata), sized for a target standard "
        "error of overall accuracy (Olofsson et al. 2014), to label and assess with evaluate --area-adjusted")

#: What the ``result`` event carries besides the outputs.
SUMMARY_KEYS = ("sample_size", "total", "seed", "strata")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The map, the output layer and the design's options."""
    parser.add_argument("--prediction", required=True, help="class map to sample (e.g. from landcover predict)")
    parser.add_argument("--out", required=True, help="point layer to write (GPKG); its design goes to NAME.design.json")
    parser.add_argument("--target-se", type=Number(float, minimum=0, maximum=0.5, exclusive_minimum=True,
                                                   exclusive_maximum=True), default=0.01,
                        help="target standard error of the overall accuracy, in (0, 0.5) (default: 0.01)")
    parser.add_argument("--expected-ua", metavar="NAME=U,...",
                        help="expected user's accuracy per class name, e.g. forest=0.9,water=0.95; "
                             "classes not listed: 0.8")
    parser.add_argument("--min-per-class", type=Number(int, minimum=0), default=50,
                        help="least points per class, taken from the large classes (default: 50; capped by the "
                             "class's pixels)")
    parser.add_argument("--total", type=Number(int, minimum=1),
                        help="sample size to use instead of the one computed from --target-se")
    parser.add_argument("--seed", type=Number(int, minimum=0), default=0,
                        help="random seed: the same map, options and seed give the same points (default: 0)")
    parser.add_argument("--mask", help="polygons of the area of interest: only pixels inside are sampled and counted")
    parser.add_argument("--mask-layer", help="layer of --mask (default: the first)")


def run(args: argparse.Namespace, reporter: Reporter) -> tuple[dict[str, Any], dict[str, Any]]:
    """Draws the sample with :func:`~landcover_core.assessment.sample_design.design_sample`."""
    from landcover_core.assessment.sample_design import design_path, design_sample
    from landcover_core.outputs.files import check_output_paths

    check_output_paths({"--out": args.out, "design": design_path(args.out)}, [args.prediction, args.mask])
    design = design_sample(args.prediction, args.out, target_se=args.target_se, expected_ua=args.expected_ua,
                           min_per_class=args.min_per_class, total=args.total, seed=args.seed, mask=args.mask,
                           mask_layer=args.mask_layer, reporter=reporter)
    if not args.json_progress:
        print(format_design(design))
    return design["outputs"], {key: design[key] for key in SUMMARY_KEYS}


def format_design(design: dict[str, Any]) -> str:
    """The strata table: pixels, weight, expected user's accuracy and points of each class."""
    width = max(12, *(len(item["name"]) for item in design["strata"]))
    lines = [f"{'stratum':<{width}}  {'pixels':>12}  {'weight':>7}  {'exp. UA':>7}  {'points':>6}"]
    for item in design["strata"]:
        lines.append(f"{item['name']:<{width}}  {item['pixels']:>12}  {item['weight']:7.4f}  "
                     f"{item['expected_users_accuracy']:7.2f}  {item['n']:>6}")
    basis = (f"target SE {design['target_se']} of overall accuracy" if design["target_se"] is not None
             else "--total")
    lines.append(f"\n{design['total']} points (sample size {design['sample_size']} from {basis}), seed "
                 f"{design['seed']}: {design['outputs']['gpkg']}; design: {design['outputs']['design']}")
    lines.append("Label each point's 'reference' field with a class name, then run: landcover evaluate --prediction "
                 f"MAP --reference-vector {design['outputs']['gpkg']} --class-field reference --out-json REPORT.json")
    return "\n".join(lines)
