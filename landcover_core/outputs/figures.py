"""PNG figures: training curves, confusion matrices and error matrices of area proportions (matplotlib, headless)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from landcover_core.outputs.files import atomic_output


def plot_training_curves(history: list[dict[str, Any]], path: str | Path) -> Path:
    """Loss and validation mIoU/accuracy per epoch, side by side."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    epochs = [r["epoch"] for r in history]
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
    left.plot(epochs, [r["train_loss"] for r in history], marker="o", label="training loss")
    if any("val_loss" in r for r in history):
        left.plot(epochs, [r.get("val_loss") for r in history], marker="o", label="validation loss")
        right.plot(epochs, [r.get("val_miou") for r in history], marker="o", label="validation mIoU")
        right.plot(epochs, [r.get("val_accuracy") for r in history], marker="o", label="validation accuracy")
        right.set_ylim(0, 1)
        right.legend()
    else:
        right.text(0.5, 0.5, "no validation blocks", ha="center", va="center", transform=right.transAxes)
    left.set_xlabel("epoch")
    right.set_xlabel("epoch")
    left.set_title("Loss")
    right.set_title("Validation")
    left.legend()
    fig.tight_layout()
    with atomic_output(path) as tmp:
        fig.savefig(tmp, dpi=100, format="png")
    plt.close(fig)
    return Path(path)


def plot_confusion_matrix(matrix: Any, names: list[str], path: str | Path, title: str = "Confusion matrix") -> Path:
    """Row-normalised confusion matrix (reference rows, prediction columns), annotated with counts."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    counts = np.asarray(matrix, dtype=np.int64)
    totals = counts.sum(axis=1, keepdims=True)
    share = np.divide(counts, totals, out=np.zeros(counts.shape, dtype=float), where=totals > 0)
    size = max(4.0, 0.9 * len(names) + 2.5)
    fig, ax = plt.subplots(figsize=(size, size * 0.85))
    image = ax.imshow(share, cmap="Blues", vmin=0.0, vmax=1.0)
    for (row, col), value in np.ndenumerate(counts):
        ax.text(col, row, f"{value}\n{share[row, col]:.0%}", ha="center", va="center", fontsize=8,
                color="white" if share[row, col] > 0.5 else "black")
    ax.set_xticks(range(len(names)), names, rotation=45, ha="right")
    ax.set_yticks(range(len(names)), names)
    ax.set_xlabel("prediction")
    ax.set_ylabel("reference")
    ax.set_title(title)
    fig.colorbar(image, ax=ax, fraction=0.046, label="share of reference pixels")
    fig.tight_layout()
    with atomic_output(path) as tmp:
        fig.savefig(tmp, dpi=100, format="png")
    plt.close(fig)
    return Path(path)


def plot_area_matrix(estimate: dict[str, Any], path: str | Path) -> Path:
    """The error matrix of estimated area proportions p̂_ij of a stratified sample (Olofsson et al. 2014).

    Rows: map class (stratum), columns: reference class; each cell shows p̂_ij and the sample count n_ij.
    ``estimate`` is :func:`landcover_core.assessment.area_estimation.stratified_estimate`'s result.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    names = list(estimate["per_class"])
    share = np.nan_to_num(np.asarray(estimate["error_matrix"], dtype=float))
    counts = np.asarray(estimate["sample_counts"], dtype=np.int64)
    size = max(4.0, 0.9 * len(names) + 2.5)
    fig, ax = plt.subplots(figsize=(size, size * 0.85))
    top = max(float(share.max()), 1e-9)
    image = ax.imshow(share, cmap="Blues", vmin=0.0, vmax=top)
    for (row, col), value in np.ndenumerate(share):
        ax.text(col, row, f"{value:.4f}\nn={counts[row, col]}", ha="center", va="center", fontsize=8,
                color="white" if value > top / 2 else "black")
    ax.set_xticks(range(len(names)), names, rotation=45, ha="right")
    ax.set_yticks(range(len(names)), names)
    ax.set_xlabel("reference")
    ax.set_ylabel("map (stratum)")
    ax.set_title(f"Estimated area proportions; OA {estimate['overall_accuracy']:.3f} "
                 f"± {1.96 * estimate['overall_accuracy_se']:.3f} (95% CI)")
    fig.colorbar(image, ax=ax, fraction=0.046, label="share of the mapped area")
    fig.tight_layout()
    with atomic_output(path) as tmp:
        fig.savefig(tmp, dpi=100, format="png")
    plt.close(fig)
    return Path(path)
