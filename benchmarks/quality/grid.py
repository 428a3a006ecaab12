"""Real-data quality benchmark (``make eval``): train and test through the ``landcover`` command line.

``python -m benchmarks.quality.grid [--budget cpu|gpu] [--recipe defaults|baseline|both] [--seeds 0,1,2]
[--regimes full,points:0.01,points:0.001] [--extra-args "..."] [--data DIR] [--out eval_output]``

Every run is what a user runs: ``landcover train --json-progress`` on the s2_korea patches 0-6 (bands 1-3,
one ``--image``/``--label-raster`` pair per patch; validation is the engine's own spatially disjoint
share of them), then ``landcover evaluate --model`` on each test patch 7-9 at full resolution; the
three confusion matrices are pooled into per-class IoU and mIoU. Nothing is tuned on the test patches.

- Label regimes: ``full`` (every mask pixel) and simulated sparse labels (``--sparse points:0.01``,
  ``points:0.001``); seeds 0, 1, 2 (the seed drives the initialisation, the sampling and the points).
- Budget: a fixed number of training steps (epochs × tiles per epoch), not wall-clock. ``cpu`` (default)
  is sized for the 9-run grid to take about 25 minutes on 2 CPU cores (two runs at a time); ``gpu`` trains
  20× more steps (device auto).
- Recipe: ``defaults`` takes every training setting beyond the budget from the engine's defaults
  (:class:`~landcover_core.config.TrainConfig`); ``baseline`` pins the pre-#10 settings
  (mobilenet_v3_large DeepLabV3 without decoder, no pretrained weights, lr 1e-3, no class weights, no focal or
  Dice term) so later defaults can be compared against them in the same run; ``both`` runs both.
  ``--extra-args`` is appended to every train call.

Before the runs, the analyst's per-pixel Gaussian maximum-likelihood classifier (:mod:`benchmarks.quality.pixel_ml`,
on RGB and on RGB + 5×5 brightness mean and std) is fitted on exactly each run's labelled pixels and scored on
the same test patches (``--no-pixel-ml`` leaves it out): the rows a network must beat.

Prints a line per run and, at the end, a table per recipe: mIoU mean ± sample standard deviation over
seeds (and per seed), per-class IoU means, sparse ÷ full ratios and the issue's targets (points 1% ≥ 0.90 ×
full; no class at IoU 0 in any run; seed standard deviation ≤ 0.03; points 1% ≥ 1.2 × the better pixel
baseline). Writes ``eval.json`` and ``eval.md`` in the output folder (after every run, so an interrupted
benchmark keeps what it measured). Skips cleanly (exit 0) when the data is absent; Ctrl-C stops the running command
and exits 130.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
import os
import shlex
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import landcover_core
from benchmarks.quality.common import (
    BANDS,
    TEST,
    TRAIN,
    data_present,
    default_data,
    format_stat,
    image,
    mask,
    mean_std,
    pooled_scores,
    write_classes,
)
from benchmarks.quality.pixel_ml import baseline_runs

#: Label regimes: ``full`` (every labelled pixel) or a ``--sparse`` value.
REGIMES = ("full", "points:0.01", "points:0.001")
#: The pre-#10 training settings, written out (TrainConfig field → value).
BASELINE: dict[str, str] = {"arch": "mobilenet_v3_large", "decoder": "none", "weights": "none", "lr": "0.001",
                            "class_weights": "none", "focal_gamma": "0", "dice_weight": "0", "class_balance": "0",
                            "color_jitter": "0", "val_split": "scenes"}
RECIPES: dict[str, dict[str, str]] = {"defaults": {}, "baseline": BASELINE}
#: The issue's targets.
SPARSE_TARGET_REGIME, SPARSE_TARGET_RATIO = "points:0.01", 0.90
#: Points 1% mIoU ≥ this × the better per-pixel Gaussian ML baseline (#25).
PIXEL_ML_TARGET_RATIO = 1.2
MAX_SEED_STD = 0.03
#: A class IoU at or below this counts as "at IoU 0".
ZERO_IOU = 0.0


@dataclass(frozen=True)
class Budget:
    """What a run may spend: fixed training steps (``epochs`` × ``samples_per_epoch`` / ``batch_size``)."""

    epochs: int
    samples_per_epoch: int
    tile_size: int
    batch_size: int
    device: str
    threads: int | None
    arch: str | None = None  # None: the recipe's (or the engine's default) backbone
    jobs: int = 1  # runs trained side by side

    def train_args(self) -> list[str]:
        """The budget as ``landcover train`` options."""
        return ["--epochs", str(self.epochs), "--samples-per-epoch", str(self.samples_per_epoch),
                "--tile-size", str(self.tile_size), "--batch-size", str(self.batch_size),
                *(["--arch", self.arch] if self.arch else []), *self.device_args()]

    def device_args(self) -> list[str]:
        """Device and threads (for train and evaluate)."""
        return ["--device", self.device, *(["--threads", str(self.threads)] if self.threads else [])]

    def describe(self) -> str:
        """One line for the table's header."""
        steps = self.epochs * math.ceil(self.samples_per_epoch / self.batch_size)
        threads = f", {self.threads} thread(s)" if self.threads else ""
        arch = f"{self.arch}, " if self.arch else ""
        jobs = f", {self.jobs} runs at a time" if self.jobs > 1 else ""
        return (f"{arch}{self.epochs} epochs × {self.samples_per_epoch} tiles of {self.tile_size} px, batch "
                f"{self.batch_size} ({steps} steps), device {self.device}{threads}{jobs}")


#: ``cpu``: 300 steps, two runs side by side on one thread each (2 cores): a run of the defaults took ~300 s
#: (train ~280 s, test ~20 s) so the 9-run grid takes ~25 minutes. 96 steps (the first budget) left every
#: recipe below a per-pixel Gaussian classifier of the RGB values (test mIoU 0.39).
#: ``gpu``: 20× the steps (not yet measured on a GPU).
#: The CPU budget pins the MobileNetV3 backbone: ResNet50 (the default, for GPUs) takes ~10x longer per step on CPU.
BUDGETS = {"cpu": Budget(epochs=6, samples_per_epoch=400, tile_size=128, batch_size=8, device="cpu", threads=1,
                         arch="mobilenet_v3_large", jobs=2),
           "gpu": Budget(epochs=30, samples_per_epoch=1024, tile_size=128, batch_size=16, device="auto", threads=None)}


class RunError(Exception):
    """A ``landcover`` command of the benchmark failed (its error message)."""


def recipe_args(name: str) -> list[str]:
    """The recipe as ``landcover train`` options."""
    from landcover_core.options import flag_of

    return [arg for field, value in RECIPES[name].items() for arg in (flag_of(field), value)]


def recipe_settings(name: str, budget: Budget) -> dict[str, Any]:
    """The settings a recipe trains with (pinned values, the budget's backbone, else the engine's defaults)."""
    from landcover_core.config import TrainConfig

    defaults = {f.name: f.default for f in dataclasses.fields(TrainConfig)
                if f.name in BASELINE or f.name in ("backbone_norm", "weight_decay", "val_fraction", "patience")}
    return {**defaults, **({"arch": budget.arch} if budget.arch else {}), **RECIPES[name]}


def run_commands(commands: Sequence[tuple[Sequence[str], Path]], env: dict[str, str]) -> list[dict[str, Any]]:
    """Runs ``python -m landcover_core ARGV --json-progress`` for each ``(ARGV, LOG)`` at once.

    Each command's JSON events go to ``LOG.jsonl`` and its stderr to ``LOG.log`` (no pipes: nothing can
    block on a full buffer).

    Returns:
        Per command: its ``result`` event's ``summary`` and ``outputs``, and its ``metrics`` events.

    Raises:
        RunError: a command exited with an error (its message).
        KeyboardInterrupt: Ctrl-C; the commands still running were asked to stop (SIGTERM), then killed
            after 60 s.
    """
    procs: list[subprocess.Popen] = []
    try:
        for argv, log in commands:
            with log.with_suffix(".jsonl").open("w") as stdout, log.with_suffix(".log").open("w") as stderr:
                procs.append(subprocess.Popen([sys.executable, "-m", "landcover_core", *argv, "--json-progress"],
                                              stdout=stdout, stderr=stderr, env=env))
        codes = [proc.wait() for proc in procs]
    except KeyboardInterrupt:
        for proc in procs:
            stop(proc)
        raise
    if 130 in codes:  # a command was cancelled (SIGINT or SIGTERM reached it, not us)
        raise KeyboardInterrupt
    return [command_result(argv, log, code) for (argv, log), code in zip(commands, codes, strict=True)]


def command_result(argv: Sequence[str], log: Path, code: int) -> dict[str, Any]:
    """The result, metrics or error of a finished command from its JSON events.

    Raises:
        RunError: the command failed.
    """
    metrics: list[dict[str, Any]] = []
    result: dict[str, Any] | None = None
    error = ""
    for line in log.with_suffix(".jsonl").read_text().splitlines():
        try:
            event = json.loads(line)
        except ValueError:
            continue
        if event.get("event") == "metrics":
            metrics.append(event)
        elif event.get("event") == "result":
            result = event
        elif event.get("event") == "error":
            error = f"{event.get('kind')}: {event.get('message')}"
    if code != 0 or result is None:
        raise RunError(f"landcover {argv[0]} exited with {code}: {error or 'see ' + str(log.with_suffix('.log'))}")
    return {"summary": result.get("summary", {}), "outputs": result.get("outputs", {}), "metrics": metrics}


def stop(proc: subprocess.Popen) -> None:
    """Asks a running command to stop (its cancel handler), then kills it if it has not after 60 s."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def one_run(recipe: str, regime: str, seed: int, args: argparse.Namespace, budget: Budget, work: Path,
            env: dict[str, str]) -> dict[str, Any]:
    """Trains one model through the CLI and scores it on the test patches (confusion pooled)."""
    data = Path(args.data)
    folder = work / "runs" / recipe / regime.replace(":", "-") / f"seed{seed}"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    model = folder / "model.pt"
    pairs = [arg for k in TRAIN for arg in ("--image", str(image(data, k)), "--label-raster", str(mask(data, k)))]
    sparse = None if regime == "full" else regime
    train = ["train", *pairs, "--bands", ",".join(map(str, BANDS)), "--classes", str(work / "classes.json"),
             *(["--sparse", sparse] if sparse else []), "--out", str(model), "--seed", str(seed),
             *budget.train_args(), *recipe_args(recipe), *shlex.split(args.extra_args)]
    started = time.perf_counter()
    (trained,) = run_commands([(train, folder / "train")], env)
    train_seconds = time.perf_counter() - started
    evaluate = [(["evaluate", "--model", str(model), "--image", str(image(data, k)), "--reference-raster",
                  str(mask(data, k)), "--out-json", str(folder / f"evaluate_{k}.json"), *budget.device_args()],
                 folder / f"evaluate_{k}") for k in TEST]
    # The first exports the model to ONNX (cached for the others), the others run side by side.
    run_commands(evaluate[:1], env)
    for i in range(1, len(evaluate), args.test_jobs):
        run_commands(evaluate[i:i + args.test_jobs], env)
    reports = [json.loads((folder / f"evaluate_{k}.json").read_text()) for k in TEST]
    scores = pooled_scores(reports)
    if not args.keep_models:
        for path in folder.glob("model.pt*"):
            if path.suffix in (".pt", ".ckpt"):
                path.unlink()
    summary = trained["summary"]
    return {"recipe": recipe, "regime": regime, "sparse": sparse, "seed": seed, "miou": scores["miou"],
            "per_class_iou": scores["per_class_iou"], "overall_accuracy": scores["overall_accuracy"],
            "confusion_matrix": scores["confusion_matrix"], "val_miou": summary.get("best_val_miou"),
            "best_epoch": summary.get("best_epoch"), "epochs_run": summary.get("epochs_run"),
            "val_curve": [m.get("val_miou") for m in trained["metrics"]],
            "arch": summary.get("arch"), "train_seconds": round(train_seconds, 1),
            "test_seconds": round(time.perf_counter() - started - train_seconds, 1),
            "seconds": round(time.perf_counter() - started, 1)}


def summarize(runs: Sequence[dict[str, Any]], recipe: str, baseline: float | None = None) -> dict[str, Any]:
    """Per regime (in the runs' order): mIoU statistics, class IoU means, ratios to full, flags.

    Class IoUs that are NaN (a class absent from the test references) are left out; a class counts as
    "at IoU 0" when its IoU is at most :data:`ZERO_IOU` in any run. ``baseline``: see :func:`targets`.
    """
    regimes: dict[str, dict[str, Any]] = {}
    for regime in dict.fromkeys(r["regime"] for r in runs if r["recipe"] == recipe):
        mine = sorted((r for r in runs if r["recipe"] == recipe and r["regime"] == regime), key=lambda r: r["seed"])
        mean, std = mean_std([r["miou"] for r in mine])
        names = list(mine[0]["per_class_iou"])
        class_mean = {}
        for name in names:
            values = [r["per_class_iou"][name] for r in mine if not _nan(r["per_class_iou"][name])]
            class_mean[name] = float(sum(values) / len(values)) if values else None
        zero = [f"{name} (seed {r['seed']})" for r in mine for name, iou in r["per_class_iou"].items()
                if not _nan(iou) and iou <= ZERO_IOU]
        present = [iou for r in mine for iou in r["per_class_iou"].values() if not _nan(iou)]
        regimes[regime] = {"n": len(mine), "miou_mean": mean, "miou_std": std,
                           "miou_per_seed": {str(r["seed"]): r["miou"] for r in mine},
                           "class_iou_mean": class_mean, "min_class_iou": min(present) if present else None,
                           "zero_classes": zero, "no_zero_class": not zero,
                           "std_ok": None if std is None else std <= MAX_SEED_STD,
                           "seconds": sum(r["seconds"] for r in mine)}
    full = regimes.get("full", {}).get("miou_mean")
    for stats in regimes.values():
        stats["ratio_to_full"] = stats["miou_mean"] / full if full else None
    return {"regimes": regimes, "targets": targets(regimes, baseline)}


def targets(regimes: dict[str, dict[str, Any]], baseline: float | None = None) -> dict[str, dict[str, Any]]:
    """The issue's targets: ``pass`` is True, False, or None when the runs cannot tell (missing regime, one seed).

    ``baseline``: the better pixel ML baseline's mean mIoU at :data:`SPARSE_TARGET_REGIME` (None: no target).
    """
    sparse = regimes.get(SPARSE_TARGET_REGIME, {}).get("ratio_to_full")
    points = regimes.get(SPARSE_TARGET_REGIME, {}).get("miou_mean")
    beats = None if points is None or not baseline else points / baseline
    stds = {name: s["miou_std"] for name, s in regimes.items() if s["miou_std"] is not None}
    zero = [f"{name}: {item}" for name, s in regimes.items() for item in s["zero_classes"]]
    return {
        "sparse_ratio": {"label": f"{SPARSE_TARGET_REGIME} mIoU ≥ {SPARSE_TARGET_RATIO:.2f} × full",
                         "value": sparse, "pass": None if sparse is None else sparse >= SPARSE_TARGET_RATIO},
        "no_zero_class": {"label": "no class at IoU 0 (any regime, any seed)", "value": zero, "pass": not zero},
        "seed_std": {"label": f"seed std ≤ {MAX_SEED_STD} (every regime)",
                     "value": max(stds.values()) if stds else None,
                     "pass": all(v <= MAX_SEED_STD for v in stds.values()) if stds else None},
        "pixel_ml": {"label": f"{SPARSE_TARGET_REGIME} mIoU ≥ {PIXEL_ML_TARGET_RATIO} × the better pixel ML baseline",
                     "value": beats, "pass": None if beats is None else beats >= PIXEL_ML_TARGET_RATIO},
    }


def _nan(value: float | None) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _num(value: float | None, digits: int = 3) -> str:
    return "n/a" if _nan(value) else f"{value:.{digits}f}"


def _flag(value: bool | None) -> str:
    return "n/a" if value is None else ("PASS" if value else "FAIL")


def format_report(records: dict[str, Any]) -> str:
    """Markdown: per recipe, the regime table and the targets; then every run with its wall time."""
    settings = records["settings"]
    lines = [f"Budget {settings['budget_name']}: {settings['budget_text']}; train patches "
             f"{','.join(map(str, settings['train']))}, test patches {','.join(map(str, settings['test']))} "
             "(confusion pooled)." + (f" Extra train args: `{settings['extra_args']}`." if settings["extra_args"]
                                      else "")]
    for recipe, summary in records["summary"].items():
        pinned = settings["recipes"][recipe]["pinned"]
        effective = settings["recipes"][recipe]["settings"]
        what = ("pinned " + ", ".join(f"{k}={v}" for k, v in pinned.items()) if pinned else
                "engine defaults: " + ", ".join(f"{k}={v}" for k, v in effective.items()))
        regimes = summary["regimes"]
        names = list(next(iter(regimes.values()))["class_iou_mean"]) if regimes else []
        lines += ["", f"### Recipe `{recipe}` ({what})", "",
                  "| regime | mIoU mean ± std (per seed) | ÷ full | " + " | ".join(names)
                  + " | min class IoU | std ≤ 0.03 | no class at 0 |",
                  "|---|---|---|" + "---|" * len(names) + "---|---|---|"]
        for regime, s in regimes.items():
            lines.append(f"| {regime} | {format_stat(list(s['miou_per_seed'].values()))} | "
                         f"{_num(s['ratio_to_full'], 2)} | "
                         + " | ".join(_num(s["class_iou_mean"][n]) for n in names)
                         + f" | {_num(s['min_class_iou'])} | {_flag(s['std_ok'])} | {_flag(s['no_zero_class'])} |")
        lines += ["", "Targets:"]
        for target in summary["targets"].values():
            value = target["value"]
            shown = (", ".join(value) if value else "none") if isinstance(value, list) else _num(value, 3)
            lines.append(f"- {target['label']}: {_flag(target['pass'])} ({shown})")
    lines += baseline_table(records.get("baseline_summary", {}))
    lines += ["", "| recipe | regime | seed | test mIoU | val mIoU | best epoch | train s | test s | total s |",
              "|---|---|---|---|---|---|---|---|---|"]
    for r in records["runs"]:
        lines.append(f"| {r['recipe']} | {r['regime']} | {r['seed']} | {_num(r['miou'])} | {_num(r['val_miou'])} | "
                     f"{r['best_epoch']} | {r['train_seconds']:.0f} | {r['test_seconds']:.0f} | {r['seconds']:.0f} |")
    failed = records.get("failed", [])
    if failed:
        lines += ["", f"Failed runs ({len(failed)}, left out of the tables):"]
        lines += [f"- {f['recipe']} {f['regime']} seed {f['seed']}: {f['error']}" for f in failed]
    done = f"{len(records['runs'])} of {records['planned_runs']} runs"
    lines += ["", f"Wall time {records['wall_seconds']:.0f} s for {done}"
              + (" (interrupted)." if records.get("interrupted") else ".")]
    return "\n".join(lines)


def baseline_table(summary: dict[str, Any]) -> list[str]:
    """Markdown lines: the per-pixel Gaussian ML baselines, fitted on each run's labelled pixels."""
    rows = [(name, regime, s) for name, stats in summary.items() for regime, s in stats["regimes"].items()]
    if not rows:
        return []
    names = list(rows[0][2]["class_iou_mean"])
    lines = ["", "### Per-pixel Gaussian maximum likelihood (fitted on the same labelled pixels as the runs)", "",
             "| baseline | regime | mIoU mean ± std (per seed) | " + " | ".join(names) + " |",
             "|---|---|---|" + "---|" * len(names)]
    for name, regime, s in rows:
        lines.append(f"| {name} | {regime} | {format_stat(list(s['miou_per_seed'].values()))} | "
                     + " | ".join(_num(s["class_iou_mean"][n]) for n in names) + " |")
    return lines


def write_outputs(records: dict[str, Any], out: Path) -> str:
    """Writes ``eval.json`` and ``eval.md``; returns the markdown."""
    from landcover_core.progress import json_safe

    baselines = records.get("baselines", [])
    records["baseline_summary"] = {name: summarize(baselines, name)
                                   for name in dict.fromkeys(r["recipe"] for r in baselines)}
    better = max((s["regimes"][SPARSE_TARGET_REGIME]["miou_mean"] for s in records["baseline_summary"].values()
                  if SPARSE_TARGET_REGIME in s["regimes"]), default=None)
    records["summary"] = {recipe: summarize(records["runs"], recipe, better)
                          for recipe in dict.fromkeys(r["recipe"] for r in records["runs"])}
    text = format_report(records)
    (out / "eval.json").write_text(json.dumps(json_safe(records), indent=2))
    (out / "eval.md").write_text(f"# Real-data quality (`make eval`)\n\n{text}\n")
    return text


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """The benchmark's options."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.quality.grid",
                                     description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data", default=str(default_data()),
                        help="folder of the s2_korea patches (default: ../shared/data/s2_korea from the repository)")
    parser.add_argument("--out", default="eval_output", help="folder for eval.json, eval.md and the runs' logs")
    parser.add_argument("--budget", choices=sorted(BUDGETS), default="cpu",
                        help="cpu: the 9-run grid in about 25 minutes on 2 cores; gpu: 20× the steps, device auto")
    parser.add_argument("--recipe", choices=["defaults", "baseline", "both"], default="defaults",
                        help="defaults: the engine's training defaults; baseline: the pre-#10 settings pinned")
    parser.add_argument("--seeds", default="0,1,2", help="comma-separated seeds")
    parser.add_argument("--regimes", default=",".join(REGIMES),
                        help="comma-separated label regimes: full, or a --sparse value such as points:0.01")
    parser.add_argument("--epochs", type=int, help="override the budget's epochs")
    parser.add_argument("--samples", type=int, help="override the budget's training tiles per epoch")
    parser.add_argument("--threads", type=int, help="override the budget's CPU threads")
    parser.add_argument("--jobs", type=int, help="override how many runs the budget trains side by side")
    parser.add_argument("--extra-args", default="", help='appended to every train call, e.g. "--lr 0.002"')
    parser.add_argument("--test-jobs", type=int, default=2,
                        help="test patches scored side by side (after the first, which exports the model to ONNX)")
    parser.add_argument("--no-pixel-ml", action="store_true", help="leave out the per-pixel Gaussian ML baselines")
    parser.add_argument("--keep-models", action="store_true", help="keep the model files (deleted after scoring)")
    args = parser.parse_args(argv)
    try:
        args.seed_list = [int(s) for s in args.seeds.split(",") if s.strip()]
    except ValueError:
        parser.error(f"--seeds: comma-separated integers, not {args.seeds!r}")
    args.regime_list = [r.strip() for r in args.regimes.split(",") if r.strip()]
    if not args.seed_list or not args.regime_list:
        parser.error("--seeds and --regimes need at least one value each")
    if args.test_jobs < 1 or (args.jobs is not None and args.jobs < 1):
        parser.error("--test-jobs and --jobs must be at least 1")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Runs the grid (seeds × recipes × regimes), printing a line per run, then the tables."""
    args = parse_args(argv)
    data = Path(args.data)
    if not data_present(data):
        print(f"quality eval: skipped, the s2_korea data is absent ({data}); see shared/data/README.md or pass "
              "--data DIR.")
        return 0
    budget = dataclasses.replace(BUDGETS[args.budget],
                                 **{k: v for k, v in (("epochs", args.epochs), ("samples_per_epoch", args.samples),
                                                      ("threads", args.threads), ("jobs", args.jobs))
                                    if v is not None})
    recipes = ["defaults", "baseline"] if args.recipe == "both" else [args.recipe]
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    write_classes(out / "classes.json")
    cache = out / "cache"
    package_root = str(Path(landcover_core.__file__).resolve().parents[1])
    env = {**os.environ, "LANDCOVER_CACHE_DIR": str(cache.resolve()),
           "PYTHONPATH": os.pathsep.join([package_root, *filter(None, [os.environ.get("PYTHONPATH")])])}
    grid = [(recipe, regime, seed) for seed in args.seed_list for recipe in recipes for regime in args.regime_list]
    records: dict[str, Any] = {
        "settings": {"data": str(data), "budget_name": args.budget, "budget": dataclasses.asdict(budget),
                     "budget_text": budget.describe(), "seeds": args.seed_list, "regimes": args.regime_list,
                     "recipes": {r: {"pinned": RECIPES[r], "settings": recipe_settings(r, budget)} for r in recipes},
                     "extra_args": args.extra_args, "train": list(TRAIN), "test": list(TEST),
                     "python": sys.executable, "engine": package_root},
        "planned_runs": len(grid), "runs": [], "failed": [], "wall_seconds": 0.0}
    print(f"quality eval: {len(grid)} runs (recipes {', '.join(recipes)}; regimes {', '.join(args.regime_list)}; "
          f"seeds {', '.join(map(str, args.seed_list))}); budget {args.budget}: {budget.describe()}; data {data}; "
          f"output {out}", flush=True)
    started = time.perf_counter()
    if not args.no_pixel_ml:
        records["baselines"] = baseline_runs(data, args.regime_list, args.seed_list)
        for run in records["baselines"]:
            print(f"baseline {run['recipe']} {run['regime']} seed {run['seed']}: test mIoU {run['miou']:.3f}",
                  flush=True)
    code = 0
    pool = ThreadPoolExecutor(max_workers=budget.jobs)  # each run is child processes
    try:
        futures = {pool.submit(one_run, recipe, regime, seed, args, budget, out, env): (recipe, regime, seed)
                   for recipe, regime, seed in grid}
        for i, future in enumerate(as_completed(futures), 1):
            recipe, regime, seed = futures[future]
            try:
                run = future.result()
            except RunError as exc:  # the other runs go on: one failure does not cost what they measure
                records["failed"].append({"recipe": recipe, "regime": regime, "seed": seed, "error": str(exc)})
                print(f"[{i}/{len(grid)}] {recipe} {regime} seed {seed}: FAILED: {exc}", file=sys.stderr, flush=True)
                code = 1
                continue
            records["runs"].append(run)
            records["wall_seconds"] = round(time.perf_counter() - started, 1)
            print(f"[{i}/{len(grid)}] {run['recipe']} {run['regime']} seed {run['seed']}: test mIoU {run['miou']:.3f} "
                  f"(val {_num(run['val_miou'])}), {run['seconds']:.0f} s (train {run['train_seconds']:.0f} s, test "
                  f"{run['test_seconds']:.0f} s)", flush=True)
            write_outputs(records, out)
    except KeyboardInterrupt:
        records["interrupted"] = True
        print(f"\nquality eval: interrupted after {len(records['runs'])} of {len(grid)} runs.", flush=True)
        code = 130
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        shutil.rmtree(cache, ignore_errors=True)
    records["wall_seconds"] = round(time.perf_counter() - started, 1)
    if records["runs"] or records["failed"]:
        print("\n" + write_outputs(records, out))
        print(f"\nwritten: {out / 'eval.md'}, {out / 'eval.json'}")
    return code


if __name__ == "__main__":
    sys.exit(main())
