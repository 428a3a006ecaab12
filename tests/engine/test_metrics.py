import math

import numpy as np

from landcover_core.assessment.metrics import ConfusionAccumulator, confusion_matrix, scores_from_confusion


def test_confusion_matrix_and_scores_by_hand():
    reference = np.array([0, 0, 0, 1, 1, 2, -1, 2])
    prediction = np.array([0, 0, 1, 1, 2, 2, 0, 2])
    matrix = confusion_matrix(reference, prediction, 3)
    assert matrix.tolist() == [[2, 1, 0], [0, 1, 1], [0, 0, 2]]
    scores = scores_from_confusion(matrix, ["a", "b", "c"])
    iou = [2 / 3, 1 / 3, 2 / 3]
    assert np.allclose([c["iou"] for c in scores["per_class"]], iou)
    assert math.isclose(scores["miou"], np.mean(iou))
    assert math.isclose(scores["overall_accuracy"], 5 / 7)
    expected_agreement = (3 * 2 + 2 * 2 + 2 * 3) / 49
    assert math.isclose(scores["kappa"], (5 / 7 - expected_agreement) / (1 - expected_agreement))
    assert math.isclose(scores["per_class"][0]["precision"], 1.0)
    assert math.isclose(scores["per_class"][1]["recall"], 0.5)
    assert math.isclose(scores["per_class"][2]["f1"], 2 * (2 / 3) * 1 / (2 / 3 + 1))


def test_mean_iou_skips_classes_absent_from_reference():
    accumulator = ConfusionAccumulator(3)
    accumulator.update(np.array([0, 0, 1]), np.array([0, 0, 1]))
    scores = accumulator.scores()
    assert math.isnan(scores["per_class"][2]["iou"])
    assert scores["miou"] == 1.0
