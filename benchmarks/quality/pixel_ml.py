"""The analyst's per-pixel classifier as a baseline row of ``make eval``: Gaussian maximum likelihood.

One Gaussian per class (mean and full covariance) is fitted to the labelled pixels of the training
patches (exactly the points a ``--sparse`` run keeps, or every pixel for ``full``) and each test pixel
goes to the class of highest posterior (priors: the classes' shares of the training pixels). Two feature
sets: ``rgb`` (the three bands) and ``rgb+texture`` (plus the 5×5 local mean and standard deviation of
the brightness). numpy only: a benchmark, not product.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks.quality.common import BANDS, CLASSES, TEST, TRAIN, image, mask, matrix_scores

#: Feature sets of the baseline rows.
FEATURES = ("rgb", "rgb+texture")
#: Window edge of the texture features.
TEXTURE_WINDOW = 5


def read_scene(data: Path, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Scene ``k``'s image bands (B, H, W) as float and its class indices (H, W; -1 where unlabelled)."""
    import rasterio

    with rasterio.open(image(data, k)) as src:
        pixels = src.read(BANDS).astype(np.float64)
    with rasterio.open(mask(data, k)) as src:
        codes = src.read(1)
    index = np.full(codes.shape, -1, dtype=np.int64)
    for i, item in enumerate(CLASSES):
        index[codes == item["code"]] = i
    return pixels, index


def box_mean(values: np.ndarray, size: int) -> np.ndarray:
    """Mean over a ``size``² window centred on each pixel (edges replicated)."""
    pad = size // 2
    padded = np.pad(values, pad, mode="edge")
    total = np.cumsum(np.cumsum(np.pad(padded, ((1, 0), (1, 0))), axis=0), axis=1)
    h, w = values.shape
    window = total[size:size + h, size:size + w] - total[:h, size:size + w] - total[size:size + h, :w] + total[:h, :w]
    return window / size**2


def features(pixels: np.ndarray, kind: str) -> np.ndarray:
    """Per-pixel features (H, W, F) of one image."""
    stack = list(pixels)
    if kind == "rgb+texture":
        brightness = pixels.mean(axis=0)
        mean = box_mean(brightness, TEXTURE_WINDOW)
        variance = np.maximum(box_mean(brightness**2, TEXTURE_WINDOW) - mean**2, 0.0)
        stack += [mean, np.sqrt(variance)]
    return np.stack(stack, axis=-1)


def kept_points(shape: tuple[int, int], fraction: float | None, seed: int) -> np.ndarray:
    """The pixels a ``--sparse points:FRACTION`` run with ``seed`` keeps (all with None): the engine's own hash."""
    from landcover_core.labels.sparse import pixel_hash

    if fraction is None:
        return np.ones(shape, dtype=bool)
    rows, cols = np.mgrid[0:shape[0], 0:shape[1]]
    return pixel_hash(rows, cols, seed) < fraction


Gaussian = tuple[np.ndarray, np.ndarray, float]


def fit(samples: Sequence[tuple[np.ndarray, np.ndarray]], classes: int) -> list[Gaussian]:
    """Mean, covariance and log prior per class from (features (N, F), class indices (N,)) pairs.

    A class without samples gets no Gaussian (never predicted); a tiny ridge keeps covariances invertible.
    """
    x = np.concatenate([s[0] for s in samples])
    y = np.concatenate([s[1] for s in samples])
    models = []
    for c in range(classes):
        own = x[y == c]
        if len(own) < 2:
            models.append((np.full(x.shape[1], np.nan), np.eye(x.shape[1]), -np.inf))
            continue
        covariance = np.cov(own, rowvar=False) + 1e-3 * np.eye(x.shape[1])
        models.append((own.mean(axis=0), covariance, float(np.log(len(own) / len(x)))))
    return models


def predict(x: np.ndarray, models: Sequence[Gaussian]) -> np.ndarray:
    """The class of highest Gaussian log-posterior per row of ``x`` (N, F)."""
    scores = np.full((len(x), len(models)), -np.inf)
    for c, (mean, covariance, prior) in enumerate(models):
        if np.isnan(mean).any():
            continue
        inverse = np.linalg.inv(covariance)
        diff = x - mean
        distance = np.einsum("nf,fg,ng->n", diff, inverse, diff)
        scores[:, c] = prior - 0.5 * (distance + np.linalg.slogdet(covariance)[1])
    return scores.argmax(axis=1)


def baseline_scores(data: Path, kind: str, regime: str, seed: int) -> dict[str, Any]:
    """Fits the baseline on the training patches' labels of ``regime`` and scores it on the test patches (pooled).

    Returns:
        :func:`~benchmarks.quality.common.matrix_scores` of the pooled confusion matrix.
    """
    fraction = None if regime == "full" else float(regime.partition(":")[2])
    if regime != "full" and not regime.startswith("points:"):
        raise ValueError(f"the pixel baseline simulates full labels and points only, not {regime}")
    samples = []
    for k in TRAIN:
        pixels, index = read_scene(data, k)
        keep = kept_points(index.shape, fraction, seed) & (index >= 0)
        samples.append((features(pixels, kind)[keep], index[keep]))
    models = fit(samples, len(CLASSES))
    matrix = np.zeros((len(CLASSES), len(CLASSES)), dtype=np.int64)
    for k in TEST:
        pixels, index = read_scene(data, k)
        valid = index >= 0
        predicted = predict(features(pixels, kind)[valid], models)
        np.add.at(matrix, (index[valid], predicted), 1)
    return matrix_scores(matrix, [str(c["name"]) for c in CLASSES])


def baseline_runs(data: Path, regimes: Sequence[str], seeds: Sequence[int]) -> list[dict[str, Any]]:
    """Run-like records (``recipe`` ``pixel-ml KIND``) of both feature sets for each full/points regime and seed."""
    import time

    runs = []
    for kind in FEATURES:
        for regime in regimes:
            if regime != "full" and not regime.startswith("points:"):
                continue
            for seed in seeds:
                started = time.perf_counter()
                scores = baseline_scores(data, kind, regime, seed)
                runs.append({"recipe": f"pixel-ml {kind}", "regime": regime, "seed": seed, "miou": scores["miou"],
                             "per_class_iou": scores["per_class_iou"],
                             "seconds": round(time.perf_counter() - started, 1)})
    return runs
