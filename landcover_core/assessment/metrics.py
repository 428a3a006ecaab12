"""Segmentation metrics from a confusion matrix (rows: reference, columns: prediction)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from landcover_core.common.classes import IGNORE_INDEX


def confusion_matrix(reference: np.ndarray, prediction: np.ndarray, num_classes: int) -> np.ndarray:
    """Counts (reference, prediction) pairs over pixels whose reference is labeled.

    Args:
        reference: class indices, IGNORE_INDEX (or any negative/out-of-range value) where unlabeled.
        prediction: predicted class indices, same shape.
        num_classes: K; the matrix is K x K (int64).
    """
    reference = np.asarray(reference).ravel().astype(np.int64)
    prediction = np.asarray(prediction).ravel().astype(np.int64)
    keep = (reference >= 0) & (reference < num_classes) & (prediction >= 0) & (prediction < num_classes)
    flat = reference[keep] * num_classes + prediction[keep]
    return np.bincount(flat, minlength=num_classes * num_classes).reshape(num_classes, num_classes)


def scores_from_confusion(matrix: np.ndarray, names: Sequence[str] | None = None) -> dict[str, Any]:
    """Per-class IoU/precision/recall/F1, mean IoU over classes present, accuracy and Cohen's kappa.

    A class is *present* when it occurs in the reference; classes absent from the reference get NaN IoU
    (they are left out of the mean instead of counting as 0 or 1).
    """
    matrix = np.asarray(matrix, dtype=np.float64)
    k = matrix.shape[0]
    names = list(names) if names is not None else [str(i) for i in range(k)]
    true_pos = np.diag(matrix)
    ref_total = matrix.sum(axis=1)
    pred_total = matrix.sum(axis=0)
    total = matrix.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        union = ref_total + pred_total - true_pos
        iou = np.where(ref_total > 0, true_pos / union, np.nan)
        precision = np.where(pred_total > 0, true_pos / pred_total, np.nan)
        recall = np.where(ref_total > 0, true_pos / ref_total, np.nan)
        f1 = np.where((precision + recall) > 0, 2 * precision * recall / (precision + recall), np.nan)
        f1 = np.where(ref_total > 0, np.nan_to_num(f1, nan=0.0), np.nan)
    accuracy = float(true_pos.sum() / total) if total else float("nan")
    expected = float((ref_total * pred_total).sum() / total**2) if total else float("nan")
    kappa = (accuracy - expected) / (1 - expected) if total and expected < 1 else float("nan")
    present = ~np.isnan(iou)
    return {
        "pixels": int(total),
        "overall_accuracy": accuracy,
        "miou": float(np.mean(iou[present])) if present.any() else float("nan"),
        "kappa": float(kappa),
        "per_class": [
            {
                "index": i,
                "name": names[i],
                "support": int(ref_total[i]),
                "iou": float(iou[i]),
                "precision": float(precision[i]),
                "recall": float(recall[i]),
                "f1": float(f1[i]),
            }
            for i in range(k)
        ],
    }


class ConfusionAccumulator:
    """Accumulates a confusion matrix over batches."""

    def __init__(self, num_classes: int) -> None:
        self.num_classes = num_classes
        self.matrix = np.zeros((num_classes, num_classes), dtype=np.int64)

    def update(self, reference: np.ndarray, prediction: np.ndarray) -> None:
        """Adds the labeled pixels of a (reference, prediction) pair of index arrays."""
        self.matrix += confusion_matrix(reference, prediction, self.num_classes)

    def scores(self, names: Sequence[str] | None = None) -> dict[str, Any]:
        """Per-class IoU, precision, recall and F1, mIoU over the classes present, accuracy and kappa."""
        return scores_from_confusion(self.matrix, names)


__all__ = ["IGNORE_INDEX", "ConfusionAccumulator", "confusion_matrix", "scores_from_confusion"]
