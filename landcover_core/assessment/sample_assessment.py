"""Area-adjusted accuracy assessment of a class map from a labelled stratified sample of points.

Each point's stratum is the map's class under it; its reference class is the analyst's label (a class
name of the map, or a code). The counts ``n_ij`` (map *i*, reference *j*) and the strata's weights go
to the stratified estimator (:mod:`.area_estimation`). The weights come from the map's class areas,
counted by windows; when the sample carries its design (:mod:`.sample_design`) the map is first checked
against it (size, CRS, grid, the pixels of every class), so the estimate uses the strata it was drawn from.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from landcover_core.assessment.area_estimation import stratified_estimate
from landcover_core.assessment.metrics import scores_from_confusion
from landcover_core.assessment.sample_design import read_design
from landcover_core.assessment.strata import Strata, count_strata, open_class_map, read_layer_in_crs
from landcover_core.common.classes import ClassScheme
from landcover_core.errors import InputError
from landcover_core.progress import Reporter


def evaluate_sample(prediction: str | Path, sample: str | Path, class_field: str | None, layer: str | None = None,
                    scheme: ClassScheme | None = None, reporter: Reporter | None = None) -> dict[str, Any]:
    """Scores a class map against labelled sample points, with the stratified (area-adjusted) estimates.

    Args:
        prediction: the class map the sample was drawn from.
        sample: point layer with a reference class field (e.g. from ``landcover sample-design``).
        class_field: the field holding the analyst's labels (class names, or codes).
        layer: layer of ``sample`` (default: the first).
        scheme: the map's classes; default: its ``LANDCOVER_CLASSES`` tag, else the design's classes.
        reporter: progress, cancellation and warnings.

    Returns:
        The keys of :func:`landcover_core.assessment.evaluate.evaluate_prediction` (from the sample counts,
        rows: reference) plus ``area_adjusted``: ``overall_accuracy(_se)``, per class name the accuracies with
        standard errors and areas (see :func:`~.area_estimation.stratified_estimate`), ``points_used``,
        ``skipped_unlabelled``, ``skipped_off_map`` and ``weights_from``.

    Raises:
        InputError: no class field, labels that are not the map's classes, a design that does not match the
            map, stratum codes that disagree with the map, or no labelled point on the map.
    """
    reporter = reporter or Reporter(quiet=True)
    if not class_field:
        raise InputError(f"--class-field is required with --reference-vector: which field of {sample} holds the "
                         "reference classes (e.g. 'reference')?")
    design = read_design(sample, layer)
    with open_class_map(prediction) as (src, tagged):
        scheme = scheme or tagged or (ClassScheme.from_list(design["classes"]) if design else None)
        if scheme is None:
            raise InputError(f"The map {prediction} carries no class names (no LANDCOVER_CLASSES tag) and the "
                             f"sample {sample} no design: give --classes FILE.json naming the map's codes.")
        if design is not None:
            _check_grid(design, src, prediction)
        mask = _design_mask(design, src.crs, reporter)
        strata = count_strata(src, scheme, reporter, mask)
        if design is not None:
            _check_counts(design, strata, prediction)
        points = read_layer_in_crs(sample, "sample", src.crs, layer)
        if class_field not in points.columns:
            raise InputError(f"The sample {sample} has no field '{class_field}'. Fields: "
                             f"{', '.join(c for c in points.columns if c != points.geometry.name)}.")
        if not points.geometry.geom_type.isin(["Point"]).all():
            raise InputError(f"The sample {sample} holds geometries other than points: area-adjusted estimates need "
                             "a sample of points (e.g. from landcover sample-design).")
        labels = _reference_indices(points[class_field], strata.scheme, sample, class_field)
        mapped = _map_indices(src, strata.scheme, points)
    _check_strata(points, mapped, strata.scheme, sample)
    labelled = labels >= 0
    on_map = mapped >= 0
    keep = labelled & on_map
    if not keep.any():
        raise InputError(f"No sample point of {sample} has both a reference label in '{class_field}' and a map "
                         f"class: label the points (field '{class_field}') and check they lie on {prediction}.")
    k = len(strata.scheme)
    counts = np.zeros((k, k), dtype=np.int64)
    np.add.at(counts, (mapped[keep], labels[keep]), 1)
    estimate = stratified_estimate(counts, strata.area_ha if strata.area_ha is not None else strata.pixels,
                                   strata.scheme.names, strata.area_ha)
    skipped_unlabelled = int((~labelled).sum())
    skipped_off_map = int((labelled & ~on_map).sum())
    notes = []
    if skipped_unlabelled:
        notes.append(f"{skipped_unlabelled} of {len(points)} sample point(s) have no reference label in "
                     f"'{class_field}' and were skipped.")
    if skipped_off_map:
        notes.append(f"{skipped_off_map} labelled point(s) lie off the map or on its nodata and were skipped.")
    for message in [*notes, *estimate["warnings"]]:
        reporter.warning(message)
    area = {**estimate, "points_used": int(keep.sum()), "skipped_unlabelled": skipped_unlabelled,
            "skipped_off_map": skipped_off_map, "weights_from": "design" if design is not None else "map",
            "area_note": strata.area_note, "warnings": [*notes, *estimate["warnings"]]}
    scores = scores_from_confusion(counts.T, strata.scheme.names)  # rows: reference, as evaluate's matrix
    for item, land in zip(scores["per_class"], strata.scheme.classes, strict=True):
        item["code"] = land.code
    return {"prediction": str(prediction), "reference": str(sample), **scores, "unpredicted": skipped_off_map,
            "classes": strata.scheme.to_list(), "confusion_matrix": counts.T.tolist(), "matched_by": "name",
            "only_in_reference": [], "only_in_prediction": [], "reference_only_pixels": {},
            "reference_classes": strata.scheme.to_list(), "warnings": area["warnings"], "area_adjusted": area}


def _check_grid(design: dict[str, Any], src: Any, prediction: str | Path) -> None:
    """Refuses a map of another size, CRS or grid than the design's, saying which differs."""
    from rasterio.crs import CRS

    size = (design.get("map_width"), design.get("map_height"))
    if size != (src.width, src.height):
        raise InputError(f"The sample was designed on a map of {size[0]}x{size[1]} pixels ({design.get('map')}); "
                         f"{prediction} has {src.width}x{src.height}: assess the map the sample was drawn from.")
    crs = CRS.from_wkt(design["map_crs"]) if design.get("map_crs") else None
    if crs != src.crs:
        raise InputError(f"The sample was designed on a map in {crs} ({design.get('map')}); {prediction} is in "
                         f"{src.crs}: assess the map the sample was drawn from.")
    if not np.allclose(design.get("map_transform", []), list(src.transform)[:6], rtol=0, atol=1e-6):
        raise InputError(f"The sample was designed on a map with another grid (origin or pixel size) than "
                         f"{prediction} ({design.get('map')}): assess the map the sample was drawn from.")


def _design_mask(design: dict[str, Any] | None, crs: Any, reporter: Reporter) -> Any:
    """The design's area of interest, read again so the strata are counted where the sample was drawn."""
    if design is None or not design.get("mask"):
        return None
    if not Path(design["mask"]).exists():
        raise InputError(f"The sample was drawn inside the mask {design['mask']}, which no longer exists: restore "
                         "it so the strata can be counted where the sample was drawn.")
    reporter.log(f"Counting the strata inside the design's mask {design['mask']}.")
    return read_layer_in_crs(design["mask"], "mask", crs, design.get("mask_layer"))


def _check_counts(design: dict[str, Any], strata: Strata, prediction: str | Path) -> None:
    """Refuses a map whose classes' pixel counts differ from the design's, naming the first classes that do."""
    by_name = {item["name"].strip().lower(): int(item["pixels"]) for item in design["strata"]}
    differ = []
    for name, pixels in zip(strata.scheme.names, strata.pixels.tolist(), strict=True):
        expected = by_name.pop(name.strip().lower(), 0)
        if expected != pixels:
            differ.append(f"{name}: {expected} in the design, {pixels} in the map")
    differ.extend(f"{name}: {pixels} in the design, not a class of the map" for name, pixels in by_name.items()
                  if pixels)
    if differ:
        raise InputError(f"The map {prediction} does not match the sample's design (class pixel counts differ: "
                         f"{'; '.join(differ[:5])}): the sample was drawn from another map ({design.get('map')}).")


def _reference_indices(values: Any, scheme: ClassScheme, sample: str | Path, field: str) -> np.ndarray:
    """The map class index of each label; -1 for none (null or blank). Labels are names, or integer codes."""
    import pandas as pd

    if values.dtype.kind in "iuf":
        keys = {str(code): i for i, code in enumerate(scheme.codes)}
        text = [None if pd.isna(v) else str(int(v)) for v in values]
    else:
        keys = {name.strip().lower(): i for i, name in enumerate(scheme.names)}
        text = [None if v is None or pd.isna(v) or not str(v).strip() else str(v).strip().lower() for v in values]
    unknown = sorted({str(v) for v, t in zip(values, text, strict=True) if t is not None and t not in keys})
    if unknown:
        raise InputError(f"Field '{field}' of {sample} has labels {', '.join(repr(u) for u in unknown)} that are not "
                         f"classes of the map ({', '.join(scheme.names)}): correct them to the map's class names.")
    return np.array([-1 if t is None else keys[t] for t in text], dtype=np.int64)


def _map_indices(src: Any, scheme: ClassScheme, points: Any) -> np.ndarray:
    """The map's class index under each point; -1 off the map or on nodata."""
    from rasterio.transform import rowcol

    xs, ys = points.geometry.x.to_numpy(), points.geometry.y.to_numpy()
    rows, cols = (np.asarray(a, dtype=np.int64) for a in rowcol(src.transform, xs, ys))
    out = np.full(len(points), -1, dtype=np.int64)
    inside = (rows >= 0) & (rows < src.height) & (cols >= 0) & (cols < src.width)
    if inside.any():
        values = np.array([v[0] for v in src.sample(zip(xs[inside], ys[inside], strict=True), masked=True)])
        masked = np.ma.getmaskarray(values)
        indices = scheme.codes_to_indices(np.ma.getdata(values).astype(np.int64), ~masked)
        out[inside] = indices
    return out


def _check_strata(points: Any, mapped: np.ndarray, scheme: ClassScheme, sample: str | Path) -> None:
    """Refuses points whose recorded ``stratum_code`` is not the map's class under them (drawn from another map)."""
    if "stratum_code" not in points.columns:
        return
    recorded = points["stratum_code"].to_numpy()
    codes = np.array(scheme.codes)
    actual = np.where(mapped >= 0, codes[np.clip(mapped, 0, None)], -1)
    wrong = (mapped >= 0) & (recorded != actual)
    if wrong.any():
        first = int(np.flatnonzero(wrong)[0])
        raise InputError(f"{int(wrong.sum())} point(s) of {sample} were drawn in another stratum than the map's class "
                         f"under them (e.g. feature {first + 1}: stratum_code {recorded[first]}, map code "
                         f"{actual[first]}): the sample was drawn from another map.")
