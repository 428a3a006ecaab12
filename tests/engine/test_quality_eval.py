"""The real-data quality benchmark's bookkeeping (tables, targets, pooling) on generated numbers, and its skip path."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.quality import grid
from benchmarks.quality.common import CLASSES, REPO_ROOT, default_data, pooled_scores
from landcover_core.config import TrainConfig

NAMES = [c["name"] for c in CLASSES]


def fake_run(recipe: str, regime: str, seed: int, miou: float, ious: list[float] | None = None) -> dict:
    ious = ious if ious is not None else [miou] * len(NAMES)
    return {"recipe": recipe, "regime": regime, "sparse": None if regime == "full" else regime, "seed": seed,
            "miou": miou, "per_class_iou": dict(zip(NAMES, ious, strict=True)), "overall_accuracy": 0.8,
            "confusion_matrix": [], "val_miou": miou + 0.01, "best_epoch": 3, "epochs_run": 4, "arch": "x",
            "train_seconds": 90.0, "test_seconds": 30.0, "seconds": 120.0}


def records(runs: list[dict]) -> dict:
    recipes = dict.fromkeys(r["recipe"] for r in runs)
    cpu = grid.BUDGETS["cpu"]
    return {"settings": {"budget_name": "cpu", "budget_text": cpu.describe(),
                         "train": [0, 1], "test": [7], "extra_args": "",
                         "recipes": {r: {"pinned": grid.RECIPES[r],
                                         "settings": grid.recipe_settings(r, cpu)}
                                     for r in recipes}},
            "planned_runs": len(runs), "runs": runs, "wall_seconds": 360.0}


def test_summary_statistics_ratios_and_passing_targets():
    runs = [fake_run("defaults", "full", s, m) for s, m in enumerate([0.60, 0.62, 0.61])]
    runs += [fake_run("defaults", "points:0.01", s, m) for s, m in enumerate([0.57, 0.56, 0.58])]
    runs += [fake_run("defaults", "points:0.001", s, m) for s, m in enumerate([0.40, 0.45, 0.50])]
    summary = grid.summarize(runs, "defaults")
    full = summary["regimes"]["full"]
    assert full["miou_mean"] == pytest.approx(0.61)
    assert full["miou_std"] == pytest.approx(0.01)
    assert full["miou_per_seed"] == {"0": 0.60, "1": 0.62, "2": 0.61}
    assert full["class_iou_mean"]["road"] == pytest.approx(0.61)
    assert summary["regimes"]["points:0.01"]["ratio_to_full"] == pytest.approx(0.57 / 0.61)
    assert summary["regimes"]["points:0.001"]["std_ok"] is False  # std 0.05
    targets = summary["targets"]
    assert targets["sparse_ratio"]["pass"] is True  # 0.934 ≥ 0.90
    assert targets["no_zero_class"]["pass"] is True
    assert targets["seed_std"]["pass"] is False
    assert targets["seed_std"]["value"] == pytest.approx(0.05)


def test_targets_fail_on_a_zero_class_and_a_low_sparse_ratio():
    runs = [fake_run("baseline", "full", s, 0.5) for s in range(3)]
    runs += [fake_run("baseline", "points:0.01", 0, 0.4), fake_run("baseline", "points:0.01", 1, 0.4),
             fake_run("baseline", "points:0.01", 2, 0.4, [0.5, 0.0, 0.5, 0.5, 0.5])]
    targets = grid.summarize(runs, "baseline")["targets"]
    assert targets["sparse_ratio"]["pass"] is False  # 0.8
    assert targets["no_zero_class"]["pass"] is False
    assert targets["no_zero_class"]["value"] == ["points:0.01: road (seed 2)"]
    assert targets["seed_std"]["pass"] is True


def test_a_class_absent_from_the_test_references_is_not_at_zero():
    runs = [fake_run("defaults", "full", 0, 0.5, [0.5, math.nan, 0.5, 0.5, 0.5])]
    summary = grid.summarize(runs, "defaults")
    assert summary["targets"]["no_zero_class"]["pass"] is True
    assert summary["regimes"]["full"]["class_iou_mean"]["road"] is None
    # One seed, no points regime: the targets that cannot be told say so.
    assert summary["targets"]["seed_std"]["pass"] is None
    assert summary["targets"]["sparse_ratio"]["pass"] is None


def test_report_has_a_table_per_recipe_and_every_run(tmp_path):
    runs = [fake_run(recipe, regime, s, 0.5 + 0.01 * s) for s in range(3) for recipe in ("defaults", "baseline")
            for regime in grid.REGIMES]
    text = grid.write_outputs(records(runs), tmp_path)
    assert "### Recipe `defaults` (engine defaults: " in text
    assert "### Recipe `baseline` (pinned arch=mobilenet_v3_large" in text
    assert "| points:0.001 | 0.510 ± 0.010 (n=3; 0.500, 0.510, 0.520) | 1.00 |" in text
    assert "- points:0.01 mIoU ≥ 0.90 × full: PASS (1.000)" in text
    assert text.count("| baseline | points:0.01 |") == 3
    assert "Wall time 360 s for 18 of 18 runs." in text
    saved = json.loads((tmp_path / "eval.json").read_text())
    assert set(saved["summary"]) == {"defaults", "baseline"}
    assert (tmp_path / "eval.md").read_text().startswith("# Real-data quality")


def test_baseline_pins_real_train_settings():
    fields = {f.name for f in TrainConfig.__dataclass_fields__.values()}
    assert set(grid.BASELINE) <= fields
    args = grid.recipe_args("baseline")
    assert args[:2] == ["--arch", "mobilenet_v3_large"] and "--class-weights" in args
    assert grid.recipe_args("defaults") == []
    gpu, cpu = grid.BUDGETS["gpu"], grid.BUDGETS["cpu"]
    assert grid.recipe_settings("defaults", gpu)["arch"] == TrainConfig.__dataclass_fields__["arch"].default
    assert grid.recipe_settings("defaults", cpu)["arch"] == cpu.arch  # the header names what trains


def test_pooled_scores_sum_the_confusion_matrices():
    classes = [{"code": 1, "name": "a"}, {"code": 2, "name": "b"}]
    first = {"classes": classes, "confusion_matrix": [[8, 2], [0, 0]]}
    second = {"classes": classes, "confusion_matrix": [[0, 0], [2, 8]]}
    scores = pooled_scores([first, second])
    assert scores["confusion_matrix"] == [[8, 2], [2, 8]]
    assert scores["per_class_iou"] == {"a": pytest.approx(8 / 12), "b": pytest.approx(8 / 12)}
    assert scores["miou"] == pytest.approx(8 / 12)


def test_default_data_is_beside_the_repository_or_a_parent():
    data = default_data()
    assert data.parts[-3:] == ("shared", "data", "s2_korea")
    assert Path(grid.__file__).resolve().is_relative_to(data.parents[2])


def test_skips_cleanly_when_the_data_is_absent(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "benchmarks.quality.grid", "--data", "/nonexistent",
                           "--out", str(tmp_path / "out")], capture_output=True, text=True, timeout=60, cwd=REPO_ROOT)
    assert proc.returncode == 0, proc.stderr
    assert "skipped, the s2_korea data is absent (/nonexistent)" in proc.stdout
    assert not (tmp_path / "out").exists()


def write_patches(folder: Path, size: int = 128) -> Path:
    """Ten s2_korea-like pairs (4-band uint8 image, class-code mask): five class stripes, one colour each."""
    import numpy as np
    import rasterio
    from rasterio.transform import from_origin

    from benchmarks.quality.common import image, mask

    folder.mkdir()
    codes = [c["code"] for c in CLASSES]
    rng = np.random.default_rng(0)
    for k in range(10):
        stripes = (np.arange(size)[None, :] * len(codes) // size + k) % len(codes)
        labels = np.broadcast_to(np.array(codes, dtype=np.uint8)[stripes], (size, size))
        colours = rng.integers(20, 235, (len(codes), 3))
        pixels = colours[np.broadcast_to(stripes, (size, size))].transpose(2, 0, 1)
        pixels = pixels + rng.integers(-8, 8, (3, size, size))
        profile = {"driver": "GTiff", "width": size, "height": size, "crs": "EPSG:32652", "dtype": "uint8",
                   "transform": from_origin(300000, 3900000, 10, 10)}
        with rasterio.open(image(folder, k), "w", count=4, **profile) as dst:
            dst.write(np.concatenate([pixels.clip(1, 255), np.full((1, size, size), 255)]).astype(np.uint8))
        with rasterio.open(mask(folder, k), "w", count=1, **profile) as dst:
            dst.write(labels[None])
    return folder


def test_a_failed_run_is_reported_and_the_others_are_kept(tmp_path, capsys):
    data = write_patches(tmp_path / "data")
    code = grid.main(["--data", str(data), "--out", str(tmp_path / "out"), "--seeds", "0",
                              "--regimes", "full,points:2", "--epochs", "1", "--samples", "16", "--jobs", "2"])
    assert code == 1
    saved = json.loads((tmp_path / "out" / "eval.json").read_text())
    assert [(r["regime"], r["seed"]) for r in saved["runs"]] == [("full", 0)]  # the sibling's result is kept
    assert math.isfinite(saved["runs"][0]["miou"])
    (failed,) = saved["failed"]
    assert failed["regime"] == "points:2" and "--sparse" in failed["error"]
    report = (tmp_path / "out" / "eval.md").read_text()
    assert "Failed runs (1, left out of the tables):" in report and "Wall time" in report
    assert "points:2 seed 0: FAILED" in capsys.readouterr().err


def test_pixel_ml_baseline_learns_stripes_from_the_runs_points(tmp_path):
    import numpy as np

    from benchmarks.quality import pixel_ml
    from landcover_core.labels.sparse import pixel_hash

    data = write_patches(tmp_path / "data")
    rows, cols = np.mgrid[0:4, 0:6]
    kept = pixel_ml.kept_points((4, 6), 0.3, 5)
    assert (kept == (pixel_hash(rows, cols, 5) < 0.3)).all()  # exactly the engine's points
    assert pixel_ml.kept_points((2, 2), None, 0).all()
    assert pixel_ml.features(np.ones((3, 8, 8)), "rgb+texture").shape == (8, 8, 5)
    runs = pixel_ml.baseline_runs(data, ["full", "points:0.05", "scribbles"], [0])
    assert [(r["recipe"], r["regime"]) for r in runs] == [
        ("pixel-ml rgb", "full"), ("pixel-ml rgb", "points:0.05"),
        ("pixel-ml rgb+texture", "full"), ("pixel-ml rgb+texture", "points:0.05")]
    # The test patches' stripes have their own colours: the baseline cannot be perfect, but it scores.
    assert all(0 <= r["miou"] <= 1 for r in runs)


def test_box_mean_is_the_window_mean():
    import numpy as np

    from benchmarks.quality.pixel_ml import box_mean

    values = np.arange(49, dtype=float).reshape(7, 7)
    assert box_mean(values, 3)[3, 3] == values[2:5, 2:5].mean()
    assert box_mean(values, 5)[0, 0] == np.pad(values, 2, mode="edge")[0:5, 0:5].mean()


def test_report_has_the_pixel_ml_rows_and_target(tmp_path):
    runs = [fake_run("defaults", "points:0.01", s, 0.55) for s in (0, 1)]
    baselines = [fake_run("pixel-ml rgb", "points:0.01", s, 0.40) for s in (0, 1)]
    baselines += [fake_run("pixel-ml rgb+texture", "points:0.01", s, 0.45) for s in (0, 1)]
    text = grid.write_outputs({**records(runs), "baselines": baselines}, tmp_path)
    assert "| pixel-ml rgb+texture | points:0.01 | 0.450" in text
    target = json.loads((tmp_path / "eval.json").read_text())["summary"]["defaults"]["targets"]["pixel_ml"]
    assert target["value"] == pytest.approx(0.55 / 0.45) and target["pass"]
