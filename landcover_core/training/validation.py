"""What a validation pass says: scores, a collapsed model, labelled classes the model never gets right."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from landcover_core.assessment.metrics import scores_from_confusion
from landcover_core.progress import Reporter

#: Share of one class in eval-mode predictions above which the model counts as collapsed.
COLLAPSE_SHARE = 0.98


def validation_record(matrix: np.ndarray, names: list[str], loss: float, reporter: Reporter) -> dict[str, Any]:
    """An epoch's validation scores from the confusion matrix (rows: labels, columns: predictions).

    Warns when the model collapsed (predicts one class although several are labelled).

    Returns:
        ``val_loss``, ``val_miou``, ``val_accuracy``, ``per_class_iou`` (NaN: not labelled on validation),
        ``collapsed`` and ``missed_classes`` (labelled on validation, never predicted there).
    """
    scores = scores_from_confusion(matrix, names)
    predicted, reference = matrix.sum(axis=0), matrix.sum(axis=1)
    collapsed = bool(
        predicted.sum() and (reference > 0).sum() >= 2
        and predicted.max() / predicted.sum() >= COLLAPSE_SHARE
        and reference.max() / reference.sum() < COLLAPSE_SHARE
    )
    if collapsed:
        reporter.warning("The model predicts a single class on validation (collapse). More epochs, a larger batch, "
                         "or --class-weights auto usually help.")
    # A class with labels that is never predicted scores IoU 0, which a decent mean IoU can hide.
    missed = [name for name, seen, got in zip(names, reference, predicted, strict=True) if seen > 0 and got == 0]
    return {
        "val_loss": loss,
        "val_miou": scores["miou"],
        "val_accuracy": scores["overall_accuracy"],
        "per_class_iou": {c["name"]: c["iou"] for c in scores["per_class"]},
        "collapsed": collapsed,
        "missed_classes": missed,
    }


def warn_zero_iou(reporter: Reporter, epoch: int, record: dict[str, Any]) -> None:
    """Warns about the classes labelled on validation that the kept epoch never gets right (IoU 0).

    Those it never predicts are named apart from those it predicts only where other classes are labelled.
    """
    advice = "Label more of them, train longer, or try --class-weights auto."
    missed = record.get("missed_classes") or []
    if missed:
        reporter.warning(f"The kept model (epoch {epoch}) never predicts {', '.join(missed)} on the validation "
                         f"blocks although they are labelled there (IoU 0). {advice}")
    wrong = [name for name, iou in (record.get("per_class_iou") or {}).items()
             if not math.isnan(iou) and iou == 0 and name not in missed]
    if wrong:
        reporter.warning(f"The kept model (epoch {epoch}) scores IoU 0 for {', '.join(wrong)} on the validation "
                         f"blocks: it predicts them, but never where they are labelled. {advice}")
