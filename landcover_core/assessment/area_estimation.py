"""Stratified estimators of accuracy and area from a sample (Olofsson et al. 2014, Stehman 2014).

The strata are the map's classes: stratum *i* covers the share ``W_i`` of the mapped area and holds
``n_i·`` sample points, ``n_ij`` of them labelled class *j* by the analyst (rows: map, columns: reference,
as in Olofsson et al. 2014, Remote Sensing of Environment 148: 42-57). Equation numbers below are theirs:

- estimated area proportions ``p̂_ij = W_i n_ij / n_i·`` (eq. 4, 9);
- overall accuracy ``Ô = Σ_j p̂_jj`` and ``V(Ô) = Σ_i W_i² Û_i (1 - Û_i) / (n_i· - 1)`` (eq. 1, 5);
- user's accuracy ``Û_i = p̂_ii / p̂_i·`` and ``V(Û_i) = Û_i (1 - Û_i) / (n_i· - 1)`` (eq. 2, 6);
- producer's accuracy ``P̂_j = p̂_jj / p̂_·j`` and its variance (eq. 3, 7);
- area of class *j*: ``Â_j = A p̂_·j``, ``S(p̂_·j) = sqrt(Σ_i W_i² (n_ij/n_i·)(1 - n_ij/n_i·) / (n_i· - 1))``
  (eq. 10, 11), 95% confidence interval ``± 1.96 A S(p̂_·j)``.

A stratum with fewer than 2 points has no variance (``n_i· - 1`` is 0): the standard errors it enters
are NaN and a warning says so; one with no point leaves its share of the map unaccounted for, so every
estimate it enters is NaN.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

#: Normal quantile of a two-sided 95% confidence interval.
Z95 = 1.96


def stratified_estimate(counts: Any, strata_size: Any, names: Sequence[str],
                        strata_area_ha: Any | None = None) -> dict[str, Any]:
    """Accuracy with standard errors and error-adjusted areas from a stratified random sample.

    Args:
        counts: K x K sample counts ``n_ij``, rows: map class (stratum), columns: reference class.
        strata_size: the strata's sizes in any unit (pixels, hectares): ``W_i = size_i / Σ size``.
        names: the K class names.
        strata_area_ha: the strata's mapped areas in hectares; None when the map has no ground area (then
            only area proportions are given, the ``*_ha`` fields are None).

    Returns:
        ``overall_accuracy``, ``overall_accuracy_se``, ``total_area_ha``, ``error_matrix`` (the p̂_ij, rows:
        map), ``sample_counts`` (n_ij), ``weights``, ``warnings`` and ``per_class``: per class name,
        ``users_accuracy(_se)``, ``producers_accuracy(_se)``, ``n``, ``weight``, ``mapped_area_ha``,
        ``area_proportion(_se)``, ``area_ha``, ``area_se_ha``, ``area_ci95_ha``.
    """
    n = np.asarray(counts, dtype=np.float64)
    size = np.asarray(strata_size, dtype=np.float64)
    k = len(names)
    if n.shape != (k, k) or size.shape != (k,):
        raise ValueError(f"counts must be {k} x {k} and strata_size {k} long for {k} classes")
    weight = size / size.sum()
    rows = n.sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        share = n / rows[:, None]  # n_ij / n_i·, NaN in a stratum without points
        share[weight == 0] = 0.0  # an empty stratum weighs nothing, sampled or not
        proportion = weight[:, None] * share  # p̂_ij
        spread = np.where(rows > 1, share * (1 - share) / (rows - 1)[:, None], np.nan)  # per (i, j)
        spread[weight == 0] = 0.0
        users = np.diag(share).copy()
        users[rows == 0] = np.nan
        users_var = np.where(rows > 1, users * (1 - users) / (rows - 1), np.nan)
        overall = float(np.trace(proportion))
        overall_var = float(np.sum(weight**2 * np.where(weight > 0, users_var, 0.0)))
        area_share = proportion.sum(axis=0)  # p̂_·j
        area_share_se = np.sqrt((weight[:, None] ** 2 * spread).sum(axis=0))
        producers = np.diag(proportion) / area_share
        producers_var = _producers_variance(n, size, rows, producers)
    total_ha = float(np.sum(strata_area_ha)) if strata_area_ha is not None else None
    mapped_ha = np.asarray(strata_area_ha, dtype=np.float64) if strata_area_ha is not None else None
    per_class = {}
    for j, name in enumerate(names):
        area = None if total_ha is None else total_ha * float(area_share[j])
        se = None if total_ha is None else total_ha * float(area_share_se[j])
        per_class[name] = {
            "n": int(rows[j]), "weight": float(weight[j]),
            "users_accuracy": float(users[j]), "users_accuracy_se": float(np.sqrt(users_var[j])),
            "producers_accuracy": float(producers[j]), "producers_accuracy_se": float(np.sqrt(producers_var[j])),
            "mapped_area_ha": None if mapped_ha is None else float(mapped_ha[j]),
            "area_proportion": float(area_share[j]), "area_proportion_se": float(area_share_se[j]),
            "area_ha": area, "area_se_ha": se, "area_ci95_ha": None if se is None else Z95 * se,
        }
    return {
        "overall_accuracy": overall, "overall_accuracy_se": float(np.sqrt(overall_var)),
        "total_area_ha": total_ha, "per_class": per_class, "error_matrix": proportion.tolist(),
        "sample_counts": n.astype(np.int64).tolist(), "weights": weight.tolist(),
        "warnings": _warnings(names, rows, weight),
    }


def _producers_variance(n: np.ndarray, size: np.ndarray, rows: np.ndarray, producers: np.ndarray) -> np.ndarray:
    """V(P̂_j), Olofsson et al. 2014 eq. 7, with the strata's sizes ``N_i·`` and ``N̂_·j = Σ_i N_i· n_ij / n_i·``.

    ``spread[j, j]`` is eq. 7's ``Û_j (1 - Û_j) / (n_j· - 1)``.
    """
    k = len(size)
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where(size[:, None] > 0, n / rows[:, None], 0.0)
        estimated = (size[:, None] * share).sum(axis=0)  # N̂_·j
        spread = np.where(size[:, None] > 0,
                          np.where(rows[:, None] > 1, share * (1 - share) / (rows - 1)[:, None], np.nan), 0.0)
        out = np.empty(k)
        for j in range(k):
            own = size[j] ** 2 * (1 - producers[j]) ** 2 * (spread[j, j] if size[j] > 0 else 0.0)
            others = sum(size[i] ** 2 * spread[i, j] for i in range(k) if i != j)
            out[j] = (own + producers[j] ** 2 * others) / estimated[j] ** 2
    return out


def _warnings(names: Sequence[str], rows: np.ndarray, weight: np.ndarray) -> list[str]:
    """What the sample cannot support: strata with no point, or one (no variance)."""
    messages = []
    empty = [name for name, r, w in zip(names, rows, weight, strict=True) if r == 0 and w > 0]
    single = [name for name, r, w in zip(names, rows, weight, strict=True) if r == 1 and w > 0]
    if empty:
        messages.append(f"Map class(es) {', '.join(empty)} have no labelled sample point: their share of the map "
                        "is unaccounted for, so the overall accuracy and every area estimate are undefined (NaN). "
                        "Label points in those strata (at least 2 each).")
    if single:
        messages.append(f"Map class(es) {', '.join(single)} have only 1 labelled sample point: the variance is "
                        "undefined there (n - 1 = 0), so the standard errors they enter are NaN. Label at least 2 "
                        "points per stratum.")
    return messages


def format_area_table(estimate: dict[str, Any]) -> str:
    """A readable table of the area-adjusted accuracies and areas (95% confidence intervals as ±)."""

    def num(value: float | None, digits: int = 3) -> str:
        return "n/a" if value is None or not np.isfinite(value) else f"{value:.{digits}f}"

    def pm(value: float | None, se: float | None, digits: int = 3, scale: float = Z95) -> str:
        half = None if se is None else se * scale
        return f"{num(value, digits)} ± {num(half, digits)}"

    rows = estimate["per_class"]
    width = max(12, *(len(name) for name in rows))
    lines = [f"{'class':<{width}}  {'n':>5}  {'user acc. (95%)':>16}  {'prod. acc. (95%)':>16}  "
             f"{'mapped ha':>12}  {'estimated ha (95% CI)':>24}"]
    for name, item in rows.items():
        lines.append(f"{name:<{width}}  {item['n']:>5}  {pm(item['users_accuracy'], item['users_accuracy_se']):>16}  "
                     f"{pm(item['producers_accuracy'], item['producers_accuracy_se']):>16}  "
                     f"{num(item['mapped_area_ha'], 0):>12}  "
                     f"{pm(item['area_ha'], item['area_ci95_ha'], 0, 1.0):>24}")
    lines.append("")
    lines.append("Area-adjusted (stratified estimator, Olofsson et al. 2014): overall accuracy "
                 f"{pm(estimate['overall_accuracy'], estimate['overall_accuracy_se'])} (95% CI).")
    lines.extend(f"warning: {message}" for message in estimate.get("warnings", []))
    return "\n".join(lines)
