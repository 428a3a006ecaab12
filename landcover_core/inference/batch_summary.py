"""The summary of a catalogue run: class areas per scene, as a CSV table and as scene footprints (GPKG).

One row per scene: its status (``done``, ``skipped``: complete from an earlier run, ``failed``), the
error, and per class its area in map units², in hectares (projected CRSs, whatever their linear unit)
and its share of the scene's classified pixels. Columns are named after the classes (``water_ha``,
``water_area``, ``water_frac``...). The GPKG holds the same rows with each scene's bounds as a polygon,
in the scenes' CRS when they share one, else in WGS 84 (EPSG:4326).
"""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from landcover_core.common.classes import ClassScheme
from landcover_core.outputs.files import atomic_output

#: The GPKG's layer.
LAYER = "scenes"
#: Leading columns, before the class columns.
COLUMNS = ("scene", "status", "error", "image", "classes", "seconds", "width", "height", "crs", "pixel_area",
           "classified_pixels")
#: Decimals kept per kind of value (areas of tiny pixels in degrees² need many).
_DIGITS = {"ha": 6, "area": 6, "frac": 6}


def class_columns(scheme: ClassScheme) -> list[tuple[int, str]]:
    """Each class's code and column stem: its name in lower case, other characters as ``_``, made unique."""
    stems: list[tuple[int, str]] = []
    taken: set[str] = set(COLUMNS)
    for code, name in zip(scheme.codes, scheme.names, strict=True):
        stem = re.sub(r"\W+", "_", name.lower()).strip("_") or f"class_{code}"
        if stem in taken or stem[0].isdigit():
            stem = f"c{code}_{stem}"
        taken.add(stem)
        stems.append((code, stem))
    return stems


def _hectares_per_unit2(crs_wkt: str | None) -> float | None:
    """Hectares in one square map unit of a projected CRS (None for a geographic CRS or none)."""
    from rasterio.crs import CRS
    from rasterio.errors import CRSError

    if not crs_wkt:
        return None
    try:
        crs = CRS.from_wkt(crs_wkt)
        if not crs.is_projected:
            return None
        return float(crs.linear_units_factor[1]) ** 2 / 10_000
    except (CRSError, ValueError, TypeError):
        return None


def _crs_label(crs_wkt: str | None) -> str:
    from rasterio.crs import CRS

    if not crs_wkt:
        return ""
    crs = CRS.from_wkt(crs_wkt)
    epsg = crs.to_epsg()
    return f"EPSG:{epsg}" if epsg else crs.to_string()


def summary_rows(results: Sequence[dict[str, Any]], scheme: ClassScheme) -> list[dict[str, Any]]:
    """One row per scene result (see :func:`~landcover_core.inference.catalogue.classify_scene`)."""
    columns = class_columns(scheme)
    rows = []
    for result in results:
        raster = result.get("raster") or {}
        pixels = {int(code): int(n) for code, n in (result.get("pixels") or {}).items()}
        counted = result["status"] in ("done", "skipped")
        classified = sum(pixels.values())
        pixel_area = raster.get("pixel_area")
        per_ha = _hectares_per_unit2(raster.get("crs"))
        row: dict[str, Any] = {
            "scene": result["name"], "status": result["status"], "error": result.get("error") or "",
            "image": result["image"], "classes": Path(result["outputs"]["classes"]).name if counted else "",
            "seconds": round(result["seconds"], 3) if result.get("seconds") is not None else None,
            "width": raster.get("width"), "height": raster.get("height"), "crs": _crs_label(raster.get("crs")),
            "pixel_area": pixel_area, "classified_pixels": classified if counted else None,
        }
        for code, stem in columns:
            n = pixels.get(code, 0)
            area = n * pixel_area if counted and pixel_area is not None else None
            row[f"{stem}_ha"] = _rounded(area * per_ha if area is not None and per_ha else None, "ha")
            row[f"{stem}_area"] = _rounded(area, "area")
            row[f"{stem}_frac"] = _rounded(n / classified if counted and classified else None, "frac")
        rows.append(row)
    return rows


def _rounded(value: float | None, kind: str) -> float | None:
    return None if value is None else round(value, _DIGITS[kind])


def write_csv(rows: Sequence[dict[str, Any]], path: Path) -> None:
    """The table as CSV (empty cells for values that do not apply)."""
    with atomic_output(path) as tmp, open(tmp, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]) if rows else list(COLUMNS))
        writer.writeheader()
        writer.writerows({k: "" if v is None else v for k, v in row.items()} for row in rows)


def write_footprints(rows: Sequence[dict[str, Any]], results: Sequence[dict[str, Any]], path: Path) -> None:
    """The table as a GPKG layer of scene footprints (scenes whose raster could not be read have none)."""
    import geopandas as gpd
    import shapely
    from rasterio.crs import CRS
    from rasterio.warp import transform_geom

    rasters = [result.get("raster") or {} for result in results]
    crss = {raster.get("crs") for raster in rasters if raster.get("bounds")}
    shared = next(iter(crss)) if len(crss) == 1 else None
    target = CRS.from_wkt(shared) if shared else (CRS.from_epsg(4326) if crss - {None} else None)
    geometries = []
    for raster in rasters:
        geometry = shapely.box(*raster["bounds"]) if raster.get("bounds") else None
        if geometry is not None and not shared:  # mixed CRSs: footprints in WGS 84, none without a CRS
            geometry = shapely.geometry.shape(transform_geom(CRS.from_wkt(raster["crs"]), target,
                                                             shapely.geometry.mapping(geometry), precision=-1)
                                              ) if raster.get("crs") else None
        geometries.append(geometry)
    frame = gpd.GeoDataFrame([{k: math.nan if v is None else v for k, v in row.items()} for row in rows],
                             geometry=geometries, crs=target)
    with atomic_output(path) as tmp:
        frame.to_file(tmp, layer=LAYER, driver="GPKG")
