"""Quality measurements on real data (not tests: they take minutes and measure gains, not mechanics).

``python -m benchmarks.quality.selftrain selftrain [--data DIR]`` measures on Sentinel-2-like 512² patches
(``202309_patchN_K.tif``, bands 1-3 RGB, band 4 a constant alpha; masks ``202309_mask_K.tif`` with codes
10 building, 30 road, 50 field, 70 forest, 100 background), trained from simulated sparse labels
(``points:0.01``):

- test mIoU of the supervised model (round 0) against the self-trained one (the round kept by
  validation), per seed;
- a single model, a 3-model ensemble (three supervised models of different seeds) and the ensemble
  with d4 test-time augmentation.

Scenes 0-4 are labeled (sparse), 5-6 are the unlabeled pool, 7-9 the test set (dense masks). The test
mIoU pools the confusion of the three test scenes. Mean and standard deviation are over seeds (over
disjoint triples of seeds for ensembles). Skips cleanly (exit 0) when the data is absent.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks.quality.common import TEST, data_present, default_data, format_stat, image, mask, write_classes

DATA = default_data()
LABELED, POOL = range(0, 5), range(5, 7)


def test_miou(models: Sequence[Path], data: Path, options: Any) -> float:
    """The mIoU of a model (or an ensemble) over the test scenes, their confusion pooled."""
    import rasterio

    from landcover_core.assessment.evaluate import confusion_on_grid
    from landcover_core.assessment.metrics import ConfusionAccumulator
    from landcover_core.inference.predict import Outputs, classify_raster, load_ensemble
    from landcover_core.labels import RasterLabels
    from landcover_core.labels.base import Grid
    from landcover_core.progress import Reporter

    ensemble = load_ensemble(list(models), options)
    scheme = ensemble.spec.scheme
    accumulator = ConfusionAccumulator(len(scheme))
    quiet = Reporter(quiet=True)
    with tempfile.TemporaryDirectory() as tmp:
        for k in TEST:
            out = Path(tmp) / f"{k}.tif"
            classify_raster(ensemble, image(data, k), Outputs(out), options, reporter=quiet)
            with warnings.catch_warnings(), rasterio.open(out) as src:
                warnings.simplefilter("ignore")
                labels = RasterLabels(mask(data, k), Grid.of(src), scheme=scheme)
                confusion_on_grid(src, labels, scheme, accumulator, quiet)
                labels.close()
    return float(accumulator.scores(scheme.names)["miou"])


def selftrain(args: argparse.Namespace) -> int:
    """Supervised vs self-trained; single model vs ensemble vs ensemble + d4 TTA."""
    import torch

    from landcover_core.config import PredictOptions, PseudoLabelConfig, SelfTrainConfig, TrainConfig
    from landcover_core.data.sources import TrainingData
    from landcover_core.progress import Reporter
    from landcover_core.training.selftrain import self_train
    from landcover_core.training.trainer import train_model

    data = Path(args.data)
    if not data_present(data):
        print(f"quality selftrain: skipped, the data is absent ({data}).")
        return 0
    started = time.perf_counter()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("LANDCOVER_CACHE_DIR", str(out / "cache"))
    torch.set_num_threads(args.threads)
    classes = write_classes(out / "classes.json")
    labeled = TrainingData(images=[str(image(data, k)) for k in LABELED],
                           label_rasters=[str(mask(data, k)) for k in LABELED], bands=[1, 2, 3],
                           classes=str(classes), sparse=args.sparse)
    pool = [str(image(data, k)) for k in POOL]
    reporter = Reporter(quiet=True)
    settings = dict(arch="mobilenet_v3_large", weights="none", backbone_norm="group", tile_size=args.tile,
                    batch_size=args.batch_size, epochs=args.epochs, samples_per_epoch=args.samples,
                    patience=args.epochs, device="cpu", threads=args.threads, lr=args.lr,
                    class_weights=args.class_weights)
    predict = PredictOptions(tile_size=args.tile, device="cpu", threads=args.threads, batch_size=8)
    records: dict[str, Any] = {"settings": {**settings, "sparse": args.sparse, "rounds": args.rounds,
                                            "threshold": args.threshold, "class_share": args.class_share,
                                            "pseudo_weight": args.pseudo_weight, "labeled": list(LABELED),
                                            "pool": list(POOL), "test": list(TEST)},
                               "seeds": []}
    supervised: list[Path] = []
    for seed in range(args.seeds):
        tick = time.perf_counter()
        model = out / f"selftrain-{seed}.pt"
        result = self_train(TrainConfig(out=str(model), seed=seed, **settings), labeled, pool,
                            SelfTrainConfig(rounds=args.rounds, pseudo_weight=args.pseudo_weight, keep_rounds=True),
                            PseudoLabelConfig(threshold=args.threshold, class_share=args.class_share), predict,
                            reporter)
        rounds = [{"round": r["round"], "val_miou": r["val_miou"], "pseudo_pixels": sum(r["pseudo_pixels"].values()),
                   "test_miou": test_miou([path], data, predict)}
                  for r, path in zip(result.rounds, result.round_models, strict=True)]
        supervised.append(result.round_models[0])
        record = {"seed": seed, "best_round": result.best_round, "rounds": rounds,
                  "supervised_test_miou": rounds[0]["test_miou"],
                  "selftrained_test_miou": rounds[result.best_round]["test_miou"],
                  "last_round_test_miou": rounds[-1]["test_miou"],
                  "single_d4_test_miou": test_miou([result.round_models[0]], data,
                                                   PredictOptions(**{**vars_of(predict), "tta": "d4"})),
                  "seconds": round(time.perf_counter() - tick, 1)}
        records["seeds"].append(record)
        print(json.dumps(record), flush=True)
    records["single_extra"] = []
    for seed in range(args.seeds, 3 * args.ensembles):  # more supervised models for disjoint ensembles
        model = out / f"supervised-{seed}.pt"
        train_model(TrainConfig(out=str(model), seed=seed, **settings), labeled, reporter)
        supervised.append(model)
        records["single_extra"].append(test_miou([model], data, predict))
        print(json.dumps({"seed": seed, "single_test_miou": records["single_extra"][-1]}), flush=True)
    records["ensembles"] = []
    for e in range(min(args.ensembles, len(supervised) // 3)):
        members = supervised[3 * e:3 * e + 3]
        record = {"members": [m.name for m in members],
                  "ensemble_test_miou": test_miou(members, data, predict),
                  "ensemble_d4_test_miou": test_miou(members, data, PredictOptions(**{**vars_of(predict),
                                                                                      "tta": "d4"}))}
        records["ensembles"].append(record)
        print(json.dumps(record), flush=True)
    records["wall_seconds"] = round(time.perf_counter() - started, 1)
    (out / "selftrain.json").write_text(json.dumps(records, indent=2))
    print(format_tables(records))
    return 0


def vars_of(options: Any) -> dict[str, Any]:
    """A settings dataclass as a dict (to copy it with changes)."""
    from dataclasses import asdict

    return asdict(options)


def format_tables(records: dict[str, Any]) -> str:
    """Markdown tables of the measurement (mean ± sample standard deviation)."""
    seeds = records["seeds"]
    singles = [s["supervised_test_miou"] for s in seeds] + records.get("single_extra", [])
    lines = ["| model | test mIoU |", "|---|---|",
             f"| supervised only (round 0) | {format_stat([s['supervised_test_miou'] for s in seeds])} |",
             "| self-trained (round kept by validation) | "
             f"{format_stat([s['selftrained_test_miou'] for s in seeds])} |",
             f"| last self-training round | {format_stat([s['last_round_test_miou'] for s in seeds])} |",
             "", "| prediction | test mIoU |", "|---|---|",
             f"| single model | {format_stat(singles)} |",
             f"| single model + d4 TTA | {format_stat([s['single_d4_test_miou'] for s in seeds])} |",
             f"| 3-model ensemble | {format_stat([e['ensemble_test_miou'] for e in records['ensembles']])} |",
             "| 3-model ensemble + d4 TTA | "
             f"{format_stat([e['ensemble_d4_test_miou'] for e in records['ensembles']])} |",
             "", "| seed | round | val mIoU | pseudo px | test mIoU |", "|---|---|---|---|---|"]
    for s in seeds:
        for r in s["rounds"]:
            mark = " (kept)" if r["round"] == s["best_round"] else ""
            val = "n/a" if r["val_miou"] is None else f"{r['val_miou']:.3f}"
            lines.append(f"| {s['seed']} | {r['round']}{mark} | {val} | {r['pseudo_pixels']} | {r['test_miou']:.3f} |")
    lines.append(f"\nwall time {records['wall_seconds']:.0f} s")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """``python -m benchmarks.quality.selftrain selftrain [options]``."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.quality.selftrain",
                                     description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="measure", required=True)
    st = sub.add_parser("selftrain", help="self-training, ensembles and TTA on the s2_korea patches")
    st.add_argument("--data", default=str(DATA))
    st.add_argument("--out", default="quality-selftrain", help="folder for models and selftrain.json")
    st.add_argument("--seeds", type=int, default=3)
    st.add_argument("--ensembles", type=int, default=1, help="disjoint 3-model ensembles (3 x this many supervised "
                                                            "models; the first --seeds come from self-training)")
    st.add_argument("--rounds", type=int, default=1)
    st.add_argument("--epochs", type=int, default=4)
    st.add_argument("--samples", type=int, default=192, help="training tiles per epoch")
    st.add_argument("--tile", type=int, default=128)
    st.add_argument("--batch-size", type=int, default=8)
    st.add_argument("--sparse", default="points:0.01")
    st.add_argument("--threshold", type=float, default=0.9)
    st.add_argument("--class-share", type=float, default=0.2)
    st.add_argument("--pseudo-weight", type=float, default=0.5)
    st.add_argument("--threads", type=int, default=1)
    st.add_argument("--lr", type=float, default=2e-3)
    st.add_argument("--class-weights", default="auto")
    args = parser.parse_args(argv)
    return selftrain(args)


if __name__ == "__main__":
    sys.exit(main())
