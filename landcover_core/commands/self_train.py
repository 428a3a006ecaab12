"""``landcover self-train``: train, pseudo-label the unlabeled pixels, train again; keep the best round."""

from __future__ import annotations

import argparse
from typing import Any

from landcover_core.commands import train
from landcover_core.config import PredictOptions, SelfTrainConfig, SelfTrainPseudoLabels, TrainConfig
from landcover_core.options import add_settings, settings_from_args
from landcover_core.progress import Reporter

NAME = "self-train"
HELP = ("self-training: rounds of training on the true labels plus the best model's pseudo-labels of the unlabeled "
        "pixels (weighted less, never over a true label), validated on one spatially disjoint split; the best round "
        "is kept")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Adds ``train``'s options, the unlabeled pool, the self-training settings, ``--tta`` and ``--backend``."""
    train.add_arguments(parser, estimate=False)
    pool = parser.add_argument_group("self-training")
    pool.add_argument("--unlabeled", action="append", default=[], metavar="IMAGE|DIR",
                      help="image without labels to pseudo-label (same bands as --image); a folder stands for its "
                           "*.tif and its DeepGlobe *_sat.jpg without mask; repeat. Without it, only the labeled "
                           "scenes' unlabeled pixels are used")
    add_settings(pool, SelfTrainConfig)
    add_settings(pool, SelfTrainPseudoLabels)
    # The pseudo-labeling prediction uses the training tile size, batch size, device and threads.
    add_settings(pool, PredictOptions, ["tta", "backend"])


def run(args: argparse.Namespace, reporter: Reporter) -> tuple[dict[str, Any], dict[str, Any]]:
    """Self-trains with :func:`~landcover_core.training.selftrain.self_train`."""
    from landcover_core.training.selftrain import self_train

    train.apply_preset(args)
    config = settings_from_args(TrainConfig, args, out=args.out)
    options = PredictOptions(tile_size=config.tile_size, batch_size=config.batch_size, device=config.device,
                             threads=config.threads, tta=args.tta, backend=args.backend)
    result = self_train(config, train.training_data(args), args.unlabeled, settings_from_args(SelfTrainConfig, args),
                        settings_from_args(SelfTrainPseudoLabels, args), options, reporter)
    outputs = {"model": result.model, "report": result.report, "curves": result.curves,
               **{f"round_{i}": path for i, path in enumerate(result.round_models)}}
    return outputs, result.summary()
