"""A stratified random sample of a class map for accuracy assessment (Olofsson et al. 2014, section 5.1).

The map's classes are the strata. The sample size comes from the target standard error of the overall
accuracy and the user's accuracies expected per class (eq. 13): ``n = (Σ_i W_i S_i / S(Ô))²`` with
``S_i = sqrt(U_i (1 - U_i))``; a class without an expected accuracy takes ``U_i = 0.8``
(:data:`DEFAULT_USERS_ACCURACY`). ``n`` is allocated in proportion to the classes' areas, each class
getting at least ``min_per_class`` points (the large classes give them up), never more than its pixels.

Points are drawn in two passes over the map by windows, so memory grows with the sample, not the raster:
the first counts each class's pixels per window (:func:`~.strata.count_strata`), then each stratum's ``n_i``
distinct pixels are drawn as ranks among its ``N_i`` pixels (a simple random sample without replacement,
seeded), the ranks located in the windows, and the second pass reads only the windows holding a point.
A point lies at its pixel's centre.

The design (strata, their pixels, areas and weights, the points per stratum, the seed, the map) is kept
in the point layer's metadata (:data:`DESIGN_KEY`) and a sidecar ``NAME.design.json``, so the estimates
(:mod:`.sample_assessment`) use the weights the sample was drawn with.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from landcover_core.assessment.strata import Strata, class_codes, count_strata, open_class_map, read_layer_in_crs
from landcover_core.common.classes import ClassScheme
from landcover_core.errors import InputError
from landcover_core.outputs.files import atomic_output
from landcover_core.progress import Reporter

#: Expected user's accuracy of a class not given with ``--expected-ua``.
DEFAULT_USERS_ACCURACY = 0.8
#: Default target standard error of the overall accuracy.
DEFAULT_TARGET_SE = 0.01
#: Default minimum of points per class.
DEFAULT_MIN_PER_CLASS = 50
#: Layer metadata key (and sidecar format name) of the design.
DESIGN_KEY = "LANDCOVER_SAMPLE_DESIGN"
#: Name of the point layer written.
LAYER = "sample"


def sample_size(weights: ArrayLike, users_accuracy: ArrayLike, target_se: float) -> int:
    """Olofsson et al. 2014 eq. 13: ``n = (Σ W_i S_i / S(Ô))²``, ``S_i = sqrt(U_i (1 - U_i))``, rounded up.

    Raises:
        InputError: ``target_se`` outside (0, 0.5).
    """
    if not 0 < target_se < 0.5:
        raise InputError(f"--target-se {target_se} is outside (0, 0.5): it is the standard error of the overall "
                         "accuracy, a proportion (e.g. 0.01).")
    w = np.asarray(weights, dtype=np.float64)
    u = np.asarray(users_accuracy, dtype=np.float64)
    return max(1, math.ceil(round(float(np.sum(w * np.sqrt(u * (1 - u))) / target_se) ** 2, 6)))


def allocate(total: int, weights: ArrayLike, pixels: ArrayLike, min_per_class: int) -> np.ndarray:
    """Points per stratum: in proportion to ``weights``, at least ``min_per_class``, at most the stratum's pixels.

    Strata whose proportional share is below the minimum get the minimum (or all their pixels), strata
    whose share exceeds their pixels get all their pixels; the rest of ``total`` is shared by the others in
    proportion (largest remainders), repeated until every share fits. The total exceeds ``total`` only when
    the minimums alone do, and falls short only when the map has fewer pixels.
    """
    w = np.asarray(weights, dtype=np.float64)
    available = np.asarray(pixels, dtype=np.int64)
    fixed = available == 0
    counts = np.zeros(len(w), dtype=np.int64)
    while True:
        free = ~fixed
        remaining = total - int(counts[fixed].sum())
        if not free.any():
            break
        share = np.zeros(len(w))
        share[free] = max(remaining, 0) * w[free] / w[free].sum()
        small = free & (share < min_per_class)
        # Minimums first: fixing them changes every other share, so which shares overflow is decided after.
        full = free & (share > available) if not small.any() else np.zeros_like(free)
        if small.any() or full.any():
            counts[small] = np.minimum(min_per_class, available[small])
            counts[full] = available[full]
            fixed |= small | full
            continue
        floor = np.floor(share).astype(np.int64)
        left = max(remaining, 0) - int(floor[free].sum())
        order = np.argsort(-(share - floor) * free, kind="stable")[:left]  # largest remainders first
        floor[order] += 1
        counts[free] = floor[free]
        break
    return counts


def parse_expected_accuracy(text: str | None, scheme: ClassScheme) -> dict[str, float]:
    """``name=0.9,name2=0.7`` → {class name: U}, by the map's class names (trimmed, case-insensitive).

    Raises:
        InputError: an item without ``=``, a value outside (0, 1), or a name the map does not have.
    """
    if not text:
        return {}
    names = {name.strip().lower(): name for name in scheme.names}
    out: dict[str, float] = {}
    for item in text.split(","):
        name, sep, value = item.partition("=")
        if not sep:
            raise InputError(f"--expected-ua item '{item}' is not NAME=ACCURACY (e.g. forest=0.9).")
        try:
            accuracy = float(value)
        except ValueError:
            raise InputError(
                f"--expected-ua {name.strip()}={value}: the accuracy must be a number in (0, 1).") from None
        if not 0 < accuracy < 1:
            raise InputError(f"--expected-ua {name.strip()}={value} is outside (0, 1).")
        key = name.strip().lower()
        if key not in names:
            raise InputError(f"--expected-ua names '{name.strip()}', not a class of the map "
                             f"({', '.join(scheme.names)}).")
        out[names[key]] = accuracy
    return out


def design_sample(prediction: str | Path, out: str | Path, target_se: float = DEFAULT_TARGET_SE,
                  expected_ua: Mapping[str, float] | str | None = None, min_per_class: int = DEFAULT_MIN_PER_CLASS,
                  total: int | None = None, seed: int = 0, mask: str | Path | None = None,
                  mask_layer: str | None = None, reporter: Reporter | None = None) -> dict[str, Any]:
    """Draws a stratified random sample of a class map; writes the point GPKG and its design JSON.

    Args:
        prediction: the class map (its ``LANDCOVER_CLASSES`` tag names the strata).
        out: the point layer to write (GPKG, layer ``sample``); the design goes to ``NAME.design.json`` beside it.
        target_se: target standard error of the overall accuracy, in (0, 0.5).
        expected_ua: expected user's accuracy per class name (or ``name=0.9,...``); others take 0.8.
        min_per_class: least points per class (capped by the class's pixels).
        total: sample size to use instead of eq. 13's.
        seed: random seed: the same map, options and seed give the same points.
        mask: polygons of the area of interest: only pixels whose centre lies inside are strata members.
        mask_layer: layer of ``mask`` (default: the first).
        reporter: progress, cancellation and warnings.

    Returns:
        The design (see :func:`design_record`) with ``outputs``.
    """
    reporter = reporter or Reporter(quiet=True)
    if min_per_class < 0 or (total is not None and total < 1):
        raise InputError("--min-per-class must be 0 or more and --total at least 1.")
    with open_class_map(prediction) as (src, scheme):
        area = read_layer_in_crs(mask, "mask", src.crs, mask_layer) if mask is not None else None
        strata = count_strata(src, scheme, reporter, area)
        accuracy = (expected_ua if isinstance(expected_ua, Mapping)
                    else parse_expected_accuracy(expected_ua, strata.scheme))
        users = [float(accuracy.get(name, DEFAULT_USERS_ACCURACY)) for name in strata.scheme.names]
        size = total if total is not None else sample_size(strata.weights, users, target_se)
        per_stratum = allocate(size, strata.weights, strata.pixels, min_per_class)
        short = [f"{name} ({p} pixels)" for name, p, n in zip(strata.scheme.names, strata.pixels, per_stratum,
                                                            strict=True) if 0 < p <= min_per_class and p == n]
        if short:
            reporter.warning(f"Class(es) {', '.join(short)} hold fewer pixels than --min-per-class: every pixel "
                             "is sampled.")
        points = draw_points(src, strata, per_stratum, seed, area, reporter)
        design = design_record(src, strata, per_stratum, users, size, target_se if total is None else None,
                               min_per_class, seed, prediction, mask, mask_layer)
    write_sample(points, strata.scheme, design, out, src_crs=design["map_crs"])
    return {**design, "outputs": {"gpkg": str(out), "design": str(design_path(out))}}


def draw_points(src: Any, strata: Strata, per_stratum: np.ndarray, seed: int, mask: Any,
                reporter: Reporter) -> list[tuple[float, float, int]]:
    """Draws ``per_stratum[i]`` distinct pixels of each stratum; returns (x, y, class index) at pixel centres."""
    rng = np.random.default_rng(seed)
    wanted: dict[int, list[tuple[int, np.ndarray]]] = {}  # window -> (class index, ranks within the window)
    for k, n in enumerate(per_stratum.tolist()):
        if n == 0:
            continue
        ranks = np.sort(rng.choice(int(strata.pixels[k]), size=n, replace=False))
        ends = np.cumsum(strata.window_counts[:, k])
        where = np.searchsorted(ends, ranks, side="right")
        for w in np.unique(where).tolist():
            chosen = ranks[where == w] - (ends[w] - strata.window_counts[w, k])
            wanted.setdefault(w, []).append((k, chosen))
    points: list[tuple[float, float, int]] = []
    codes_of = strata.scheme.codes
    for w in reporter.track(sorted(wanted), len(wanted), "sample", "Drawing the sample points"):
        window = strata.windows[w]
        codes = class_codes(src, window, mask)
        for k, chosen in wanted[w]:
            flat = np.flatnonzero(codes == codes_of[k])[chosen]  # row-major order, as the ranks count
            rows, cols = np.divmod(flat, codes.shape[1])
            xs, ys = src.transform * (cols + window.col_off + 0.5, rows + window.row_off + 0.5)
            points.extend(zip(np.atleast_1d(xs).tolist(), np.atleast_1d(ys).tolist(), [k] * len(flat),
                              strict=True))
    order = rng.permutation(len(points))  # a random order: the analyst does not label a stratum in a row
    return [points[i] for i in order]


def design_record(src: Any, strata: Strata, per_stratum: np.ndarray, users: Sequence[float], size: int,
                  target_se: float | None, min_per_class: int, seed: int, prediction: str | Path,
                  mask: str | Path | None, mask_layer: str | None = None) -> dict[str, Any]:
    """The design as JSON-ready data: what the estimates need, and what was asked for."""
    weights = strata.weights
    return {
        "format": DESIGN_KEY, "version": 1,
        "method": "stratified random sample, map classes as strata (Olofsson et al. 2014)",
        "map": str(Path(prediction).resolve()), "map_width": src.width, "map_height": src.height,
        "map_crs": src.crs.to_wkt() if src.crs is not None else None, "map_transform": list(src.transform)[:6],
        "mask": str(Path(mask).resolve()) if mask is not None else None, "mask_layer": mask_layer,
        "seed": seed, "target_se": target_se, "sample_size": size, "total": int(per_stratum.sum()),
        "min_per_class": min_per_class, "default_users_accuracy": DEFAULT_USERS_ACCURACY,
        "area_note": strata.area_note, "classes": strata.scheme.to_list(),
        "strata": [
            {"name": c.name, "code": c.code, "pixels": int(strata.pixels[i]),
             "area_ha": float(strata.area_ha[i]) if strata.area_ha is not None else None,
             "weight": float(weights[i]), "expected_users_accuracy": float(users[i]), "n": int(per_stratum[i])}
            for i, c in enumerate(strata.scheme.classes)
        ],
    }


def write_sample(points: list[tuple[float, float, int]], scheme: ClassScheme, design: dict[str, Any],
                 out: str | Path, src_crs: str | None) -> None:
    """Writes the point GPKG (``sample_id``, ``stratum``, ``stratum_code``, empty ``reference``) and the design JSON."""
    import geopandas as gpd
    import pandas as pd
    import pyogrio
    from shapely import points as make_points

    xy = np.array([(x, y) for x, y, _ in points], dtype=np.float64).reshape(-1, 2)
    index = [k for _, _, k in points]
    frame = gpd.GeoDataFrame({
        "sample_id": np.arange(1, len(points) + 1, dtype=np.int64),
        "stratum": [scheme.names[k] for k in index],
        "stratum_code": np.array([scheme.codes[k] for k in index], dtype=np.int64),
        "reference": pd.Series([None] * len(points), dtype=object),  # the analyst's label, a class name
    }, geometry=make_points(xy), crs=src_crs)
    text = json.dumps(design, indent=2)
    with atomic_output(out) as tmp:
        pyogrio.write_dataframe(frame, tmp, layer=LAYER, driver="GPKG", layer_metadata={DESIGN_KEY: text})
    with atomic_output(design_path(out)) as tmp:
        Path(tmp).write_text(text)


def design_path(sample: str | Path) -> Path:
    """The design sidecar of a sample layer: ``sample.gpkg`` → ``sample.design.json``."""
    sample = Path(sample)
    return sample.with_name(f"{sample.stem}.design.json")


def read_design(sample: str | Path, layer: str | None = None) -> dict[str, Any] | None:
    """The design of a sample layer: its layer metadata, else the sidecar JSON; None when it has neither.

    Raises:
        InputError: a design that is not valid JSON.
    """
    import pyogrio

    text = None
    try:
        text = (pyogrio.read_info(sample, layer=layer).get("layer_metadata") or {}).get(DESIGN_KEY)
    except Exception:  # noqa: BLE001 - an unreadable layer is reported by the reader that follows
        text = None
    where = f"the metadata of {sample}"
    if not text and design_path(sample).exists():
        where = str(design_path(sample))
        text = design_path(sample).read_text()
    if not text:
        return None
    try:
        design = json.loads(text)
    except ValueError as exc:
        raise InputError(f"The sample design in {where} is not valid JSON ({exc}); restore it or write the sample "
                         "again with landcover sample-design.") from None
    if not isinstance(design, dict) or design.get("format") != DESIGN_KEY or "strata" not in design:
        raise InputError(f"The sample design in {where} is not a landcover sample design (no strata).")
    return design
