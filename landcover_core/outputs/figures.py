"""PNG figures: training curves, confusion matrices and error matrices of area proportions (matplotlib, headless)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from landcover_core.outputs.files import atomic_output


def _pyplot() -> Any:
    """Matplotlib's pyplot on the headless backend."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _save(fig: Any, path: str | Path) -> Path:
    """Writes ``fig`` as a PNG at ``path`` (atomically) and frees it."""
    with atomic_output(path) as tmp:
        fig.savefig(tmp, dpi=100, format="png")
    _pyplot().close(fig)
    return Path(path)


def plot_training_curves(history: list[dict[str, Any]], path: str | Path) -> Path:
    """Loss and validation mIoU/accuracy per epoch, side by side."""
    plt = _pyplot()
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
    return _save(fig, path)


def _plot_matrix(values: Any, names: list[str], cells: list[list[str]], top: float, axes: tuple[str, str],
                 title: str, scale: str, path: str | Path) -> Path:
    """A square class-by-class matrix of ``values`` shaded from 0 to ``top``, each cell written as ``cells``.

    Args:
        values: The shares that colour the cells (rows × columns).
        names: The class names on both axes.
        cells: Each cell's text.
        top: The value of the darkest shade (cells above half of it get white text).
        axes: The (columns, rows) axis titles.
        title: The figure's title.
        scale: The colour bar's label.
        path: The PNG to write.
    """
    import numpy as np

    plt = _pyplot()
    size = max(4.0, 0.9 * len(names) + 2.5)
    fig, ax = plt.subplots(figsize=(size, size * 0.85))
    image = ax.imshow(values, cmap="Blues", vmin=0.0, vmax=top)
    for (row, col), value in np.ndenumerate(values):
        ax.text(col, row, cells[row][col], ha="center", va="center", fontsize=8,
                color="white" if value > top / 2 else "black")
    ax.set_xticks(range(len(names)), names, rotation=45, ha="right")
    ax.set_yticks(range(len(names)), names)
    ax.set_xlabel(axes[0])
    ax.set_ylabel(axes[1])
    ax.set_title(title)
    fig.colorbar(image, ax=ax, fraction=0.046, label=scale)
    fig.tight_layout()
    return _save(fig, path)


def plot_confusion_matrix(matrix: Any, names: list[str], path: str | Path, title: str = "Confusion matrix") -> Path:
    """Row-normalised confusion matrix (reference rows, prediction columns), annotated with counts."""
    import numpy as np

    counts = np.asarray(matrix, dtype=np.int64)
    totals = counts.sum(axis=1, keepdims=True)
    share = np.divide(counts, totals, out=np.zeros(counts.shape, dtype=float), where=totals > 0)
    cells = [[f"{counts[r, c]}\n{share[r, c]:.0%}" for c in range(len(names))] for r in range(len(names))]
    return _plot_matrix(share, names, cells, 1.0, ("prediction", "reference"), title, "share of reference pixels",
                        path)


def plot_area_matrix(estimate: dict[str, Any], path: str | Path) -> Path:
    """The error matrix of estimated area proportions p̂_ij of a stratified sample (Olofsson et al. 2014).

    Rows: map class (stratum), columns: reference class; each cell shows p̂_ij and the sample count n_ij.
    ``estimate`` is :func:`landcover_core.assessment.area_estimation.stratified_estimate`'s result.
    """
    import numpy as np

    names = list(estimate["per_class"])
    share = np.nan_to_num(np.asarray(estimate["error_matrix"], dtype=float))
    counts = np.asarray(estimate["sample_counts"], dtype=np.int64)
    cells = [[f"{share[r, c]:.4f}\nn={counts[r, c]}" for c in range(len(names))] for r in range(len(names))]
    title = (f"Estimated area proportions\nOA {estimate['overall_accuracy']:.3f} "
             f"± {1.96 * estimate['overall_accuracy_se']:.3f} (95% CI)")
    return _plot_matrix(share, names, cells, max(float(share.max()), 1e-9), ("reference", "map (stratum)"), title,
                        "share of the mapped area", path)
