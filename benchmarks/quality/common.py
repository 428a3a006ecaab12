"""What the real-data quality measurements share: the s2_korea patches, their classes and split, pooled scores.

The data (``shared/data/s2_korea``, see ``shared/data/README.md``): ten 512² Sentinel-2-like patches
``202309_patchN_K.tif`` (bands 1-3 RGB, band 4 a constant alpha) with masks ``202309_mask_K.tif`` (codes
10 building, 30 road, 50 field, 70 forest, 100 background). Patches 0-6 are for training (the engine
holds out its own validation share of them), 7-9 the test set. No torch import here.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

#: The s2_korea classes, with names and colours for readable reports.
CLASSES = [{"code": 10, "name": "building", "color": "#e31a1c"}, {"code": 30, "name": "road", "color": "#636363"},
           {"code": 50, "name": "field", "color": "#ffd92f"}, {"code": 70, "name": "forest", "color": "#1a9641"},
           {"code": 100, "name": "background", "color": "#bdbdbd"}]
#: Image bands (band 4 is a constant alpha).
BANDS = [1, 2, 3]
TRAIN, TEST = range(0, 7), range(7, 10)
#: The folder beside the repository root (or one of its parents) that holds the shared data.
DATA_RELATIVE = Path("shared") / "data" / "s2_korea"
#: The repository root (``benchmarks/quality/common.py`` is three levels below it).
REPO_ROOT = Path(__file__).resolve().parents[2]


def default_data() -> Path:
    """``../shared/data/s2_korea`` from the repository root, else from the nearest parent that has it.

    A git worktree nested deeper than the main checkout (``wt/NAME``) finds the same shared folder.
    When none has it, the nominal ``../shared/data/s2_korea`` (for the skip message).
    """
    for folder in REPO_ROOT.parents:
        if (folder / DATA_RELATIVE).is_dir():
            return folder / DATA_RELATIVE
    return REPO_ROOT.parent / DATA_RELATIVE


def image(data: Path, k: int) -> Path:
    """Scene ``k``'s image."""
    return data / f"202309_patchN_{k}.tif"


def mask(data: Path, k: int) -> Path:
    """Scene ``k``'s mask (class codes)."""
    return data / f"202309_mask_{k}.tif"


def data_present(data: Path, scenes: Sequence[int] = range(10)) -> bool:
    """Whether every image and mask of ``scenes`` is in ``data``."""
    return all(image(data, k).is_file() and mask(data, k).is_file() for k in scenes)


def write_classes(path: Path) -> Path:
    """Writes the class scheme as a JSON file for ``--classes``."""
    path.write_text(json.dumps(CLASSES))
    return path


def pooled_scores(reports: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Scores of the summed confusion matrices of ``landcover evaluate`` reports (same classes in each).

    Returns:
        :func:`~landcover_core.assessment.metrics.scores_from_confusion` of the pooled matrix, plus ``per_class_iou``
        (name → IoU, NaN for a class absent from every reference) and ``confusion_matrix``.
    """
    names = [c["name"] for c in reports[0]["classes"]]
    for report in reports[1:]:
        if [c["name"] for c in report["classes"]] != names:
            raise ValueError("the reports do not share one class scheme")
    return matrix_scores(np.sum([np.asarray(r["confusion_matrix"], dtype=np.int64) for r in reports], axis=0), names)


def matrix_scores(matrix: np.ndarray, names: Sequence[str]) -> dict[str, Any]:
    """:func:`~landcover_core.assessment.metrics.scores_from_confusion` plus ``per_class_iou`` and the matrix."""
    from landcover_core.assessment.metrics import scores_from_confusion

    scores = scores_from_confusion(matrix, names)
    scores["per_class_iou"] = {item["name"]: item["iou"] for item in scores["per_class"]}
    scores["confusion_matrix"] = np.asarray(matrix).tolist()
    return scores


def mean_std(values: Sequence[float]) -> tuple[float, float | None]:
    """Mean and sample standard deviation (None with fewer than two values)."""
    mean = float(np.mean(values))
    return mean, (float(np.std(values, ddof=1)) if len(values) > 1 else None)


def format_stat(values: Sequence[float | None]) -> str:
    """``mean ± std (n=N; v1, v2, ...)``; ``n/a`` without values."""
    kept = [v for v in values if v is not None]
    if not kept:
        return "n/a"
    mean, std = mean_std(kept)
    spread = "" if std is None else f" ± {std:.3f}"
    return f"{mean:.3f}{spread} (n={len(kept)}; {', '.join(f'{v:.3f}' for v in kept)})"
