"""Class raster to polygons, by strips: sieve, polygonize, merge regions across strips, simplify.

Streaming: the raster is read in strips of rows. Each strip is polygonized into *pieces* (one per
4-connected region of the strip); pieces whose regions continue into the next strip (same class on
both sides of the strip line) are joined with a union-find, and a region is unioned and written as
soon as no piece of it touches the current strip's last row. Memory holds one strip (plus the sieve's
halo) and the regions still open, never the raster.

Sieve (``min_area``): a 4-connected region smaller than the minimum is removed and its pixels take
the class of the nearest kept pixel, on the raster, before polygonizing, so no gap can appear. Each
strip is sieved with a halo of rows above and below; a region is removed only when it lies wholly
inside the strip plus halo, so a region is never removed by mistake (a region taller than the halo
with fewer pixels than the minimum, e.g. a one-pixel-wide line, is kept). A connected area of valid
pixels (bounded by nodata or the raster's edge) in which no region reaches the minimum becomes one region
of its most frequent class: a minimum larger than every region gives one polygon per such area, never the
unsieved raster.

Simplification (``simplify``): each strip's pieces form a coverage that is simplified with GEOS's
coverage simplification of shared edges only (``simplify_boundary=False``): neighbours keep exactly
the same edges (no gap, no overlap), and strip lines, nodata edges and the raster's edge stay
pixel-exact, so pieces still meet exactly across strips.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import rasterio
import shapely
from affine import Affine
from rasterio.features import shapes
from rasterio.windows import Window
from scipy import ndimage

from landcover_core.common.classes import ClassScheme
from landcover_core.common.raster import open_raster, read_errors
from landcover_core.errors import InputError
from landcover_core.outputs.files import atomic_output, check_output_paths
from landcover_core.outputs.geotiff import GDAL_ENV, read_scheme_tag
from landcover_core.progress import Reporter

#: Rows per strip.
STRIP_ROWS = 512
#: Most rows of halo the sieve reads above and below a strip.
MAX_HALO = 256
#: Features written per batch.
FLUSH_EVERY = 5000


def sieve(codes: np.ndarray, valid: np.ndarray, min_pixels: int, open_top: bool, open_bottom: bool) -> np.ndarray:
    """Removes 4-connected regions of fewer than ``min_pixels``; their pixels take the nearest kept class.

    A 4-connected area of valid pixels with no region of ``min_pixels`` (e.g. every area, when the minimum
    is larger than every region) takes its most frequent class as a whole (ties: the smaller code), so the
    sieve never leaves small regions in place for want of a neighbour to merge into.

    Args:
        codes: (H, W) class codes.
        valid: (H, W) False on nodata (never sieved, never used to fill).
        min_pixels: smallest region kept.
        open_top: the array's first row is not the raster's (regions touching it may continue).
        open_bottom: likewise for the last row.
    """
    labels = _regions(codes, valid)
    sizes = np.bincount(labels.ravel())
    small = sizes < min_pixels
    small[0] = False  # nodata
    # A region cut by the halo's edge may be larger than what is visible: keep it.
    if open_top:
        small[labels[0]] = False
    if open_bottom:
        small[labels[-1]] = False
    remove = small[labels]
    if not remove.any():
        return codes
    out, keep = _majority_of_unkept_areas(codes, valid, valid & ~remove)
    remove &= ~keep
    if remove.any():
        _, (rows, cols) = ndimage.distance_transform_edt(~keep, return_indices=True)
        out[remove] = out[rows[remove], cols[remove]]
    return out


def _majority_of_unkept_areas(codes: np.ndarray, valid: np.ndarray, keep: np.ndarray
                              ) -> tuple[np.ndarray, np.ndarray]:
    """Gives each 4-connected valid area without a kept pixel its most frequent code (ties: the smaller).

    Returns:
        ``(codes, keep)``: a copy of the codes with those areas filled, and ``keep`` with them added.
    """
    areas, count = ndimage.label(valid)  # 4-connected by default
    kept = np.zeros(count + 1, dtype=bool)
    kept[areas[keep]] = True
    kept[0] = True  # nodata
    unkept = ~kept[areas]
    out = codes.copy()
    if not unkept.any():
        return out, keep
    area_of, code_of = areas[unkept].astype(np.int64), codes[unkept].astype(np.int64)
    pairs, counts = np.unique(np.column_stack([area_of, code_of]), axis=0, return_counts=True)
    # Per area, the pair with the most pixels; unique sorted the codes, so a stable sort keeps the smaller on ties.
    order = np.lexsort((-counts, pairs[:, 0]))
    first = np.unique(pairs[order, 0], return_index=True)[1]
    majority = np.zeros(count + 1, dtype=out.dtype)
    majority[pairs[order[first], 0]] = pairs[order[first], 1]
    out[unkept] = majority[areas[unkept]]
    return out, keep | unkept


def _regions(codes: np.ndarray, valid: np.ndarray) -> np.ndarray:
    """4-connected regions of equal code, labelled 1..n (0 on nodata)."""
    from skimage.measure import label

    values = np.where(valid, codes.astype(np.int32) + 1, 0)
    return label(values, background=0, connectivity=1).astype(np.int32)


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, item: int) -> int:
        parent = self.parent.setdefault(item, item)
        while parent != self.parent[parent]:
            self.parent[parent] = self.parent[self.parent[parent]]
            parent = self.parent[parent]
        self.parent[item] = parent
        return parent

    def union(self, a: int, b: int) -> int:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra
        return ra

    def forget(self, items: list[int]) -> None:
        for item in items:
            self.parent.pop(item, None)


def _strip_pieces(codes: np.ndarray, valid: np.ndarray, top: int, tolerance: float
                  ) -> tuple[np.ndarray, dict[int, list], dict[int, int]]:
    """Polygonizes a strip in pixel coordinates: (region labels, label -> pieces, label -> code)."""
    labels = _regions(codes, valid)
    pieces: dict[int, list] = {}
    for geometry, value in shapes(labels, mask=labels > 0, connectivity=4, transform=Affine.translation(0, top)):
        pieces.setdefault(int(value), []).append(shapely.geometry.shape(geometry))
    if tolerance > 0 and pieces:
        keys = [k for k, parts in pieces.items() for _ in parts]
        flat = [p for parts in pieces.values() for p in parts]
        # Vertices on every pixel corner: GDAL's polygons are not edge-matched at T-junctions.
        coverage = shapely.segmentize(np.asarray(flat, dtype=object), 1.0)
        simplified = shapely.coverage_simplify(coverage, tolerance, simplify_boundary=False)
        pieces = {}
        for key, geometry in zip(keys, simplified, strict=True):
            pieces.setdefault(key, []).append(geometry)
    flat_labels, flat_codes = labels.ravel(), codes.ravel()
    present = np.flatnonzero(flat_labels)
    uniq, index = np.unique(flat_labels[present], return_index=True)
    first = dict(zip(uniq.tolist(), flat_codes[present[index]].tolist(), strict=True))
    return labels, pieces, first


def _to_map(geometry: np.ndarray, transform: Affine) -> np.ndarray:
    """Shapes from pixel to map coordinates (an affine transform of every vertex)."""
    a, b, c, d, e, f = transform.a, transform.b, transform.c, transform.d, transform.e, transform.f

    def apply(xy: np.ndarray) -> np.ndarray:
        x, y = xy[:, 0], xy[:, 1]
        return np.column_stack([a * x + b * y + c, d * x + e * y + f])

    return shapely.transform(geometry, apply)


def class_scheme_of(dataset: rasterio.DatasetReader, scheme: ClassScheme | None) -> ClassScheme | None:
    """The scheme given, else the one stored in the raster's tags."""
    return scheme if scheme is not None else read_scheme_tag(dataset)


def iter_polygons(dataset: rasterio.DatasetReader, min_pixels: int = 0, tolerance: float = 0.0,
                  strip_rows: int = STRIP_ROWS, reporter: Reporter | None = None, band: int = 1
                  ) -> Iterator[tuple[int, Any]]:
    """Yields ``(code, polygon in map coordinates)`` per connected region, streaming by strips.

    Args:
        dataset: class raster.
        min_pixels: sieve threshold in pixels (0: no sieve).
        tolerance: simplification tolerance in pixels (0: none).
        strip_rows: rows per strip.
        reporter: progress and cancellation.
        band: the band of class codes (1-based).
    """
    reporter = reporter or Reporter(quiet=True)
    height, width = dataset.height, dataset.width
    halo = min(min_pixels, MAX_HALO) if min_pixels > 1 else 0
    regions = _UnionFind()
    open_pieces: dict[int, list] = {}  # root -> pieces of a region that may continue below
    code_of: dict[int, int] = {}
    previous_bottom: np.ndarray | None = None
    offset = 0  # global ids: strip label + offset
    tops = list(range(0, height, strip_rows))
    for top in reporter.track(tops, len(tops), "vectorize", "Vectorizing"):
        bottom = min(top + strip_rows, height)
        ext_top, ext_bottom = max(top - halo, 0), min(bottom + halo, height)
        window = Window(0, ext_top, width, ext_bottom - ext_top)
        with read_errors(dataset):
            codes = dataset.read(band, window=window)
            valid = dataset.read_masks(band, window=window) > 0
        if min_pixels > 1:
            codes = sieve(codes, valid, min_pixels, ext_top > 0, ext_bottom < height)
        core = slice(top - ext_top, bottom - ext_top)
        codes, valid = codes[core], valid[core]
        labels, pieces, first_code = _strip_pieces(codes, valid, top, tolerance)
        for label, parts in pieces.items():
            gid = label + offset
            code_of[gid] = first_code[label]
            root = regions.find(gid)
            open_pieces.setdefault(root, []).extend(parts)
        if previous_bottom is not None:
            # Regions continue across the strip line where the same class is on both sides.
            above, below = previous_bottom, labels[0]
            joined = (above > 0) & (below > 0)
            pairs = np.unique(np.column_stack([above[joined], below[joined] + offset]), axis=0)
            for a, b in pairs.tolist():
                ra, rb = regions.find(a), regions.find(b)
                if ra != rb and code_of[a] == code_of[b]:
                    regions.union(ra, rb)  # ra stays the root
                    open_pieces.setdefault(ra, []).extend(open_pieces.pop(rb, []))
        last = bottom >= height
        still_open = set() if last else {regions.find(int(v) + offset) for v in np.unique(labels[-1]) if v > 0}
        finished = [root for root in open_pieces if root not in still_open]
        for root in finished:
            parts = open_pieces.pop(root)
            merged = parts[0] if len(parts) == 1 else shapely.union_all(parts)
            yield code_of[root], _to_map(merged, dataset.transform)
        # Bottom-row labels, as global ids resolved to their open region.
        previous_bottom = np.where(labels[-1] > 0, labels[-1] + offset, 0)
        offset += int(labels.max()) + 1
        _forget_closed(regions, code_of, still_open)


def _forget_closed(regions: _UnionFind, code_of: dict[int, int], still_open: set[int]) -> None:
    """Drops union-find entries of written regions, keeping those the next strip may join."""
    # Keep every id whose root is still open (previous_bottom refers to them by their own id).
    stale = [item for item in list(regions.parent) if regions.find(item) not in still_open]
    regions.forget(stale)
    for item in [k for k in code_of if k not in regions.parent and k not in still_open]:
        code_of.pop(item)


def layer_name(path: str | Path) -> str:
    """A layer name every driver accepts, from a file name."""
    return re.sub(r"[^A-Za-z0-9_]", "_", Path(path).stem).strip("_") or "classes"


#: Vector formats polygons are written in (GDAL driver: extensions); others (CSV, GPX...) cannot hold them.
VECTOR_FORMATS = {"GPKG": ".gpkg", "ESRI Shapefile": ".shp", "GeoJSON": ".geojson", "GeoJSONSeq": ".geojsonl",
                  "FlatGeobuf": ".fgb"}


def check_vector_path(path: str | Path | None) -> None:
    """Checks that the extension of a vector output names a polygon format this engine writes (no-op for None).

    Raises:
        InputError: an unknown or ambiguous extension, or a format that cannot hold polygons with their
            fields (e.g. ``.csv``), naming the formats supported.
    """
    if path is None:
        return
    from pyogrio.raw import detect_write_driver

    supported = ", ".join(VECTOR_FORMATS.values())
    try:
        driver = detect_write_driver(str(path))
    except ValueError:
        raise InputError(f"Cannot tell the vector format of {path} from its extension; use {supported}.") from None
    if driver not in VECTOR_FORMATS:
        raise InputError(f"{path}: polygons are not written as {driver}; use one of {supported}.")


def class_band(dataset: rasterio.DatasetReader, band: int | None) -> int:
    """The band of class codes: ``band`` if given, else the only band.

    Raises:
        InputError: no band given for a multi-band raster, or a band out of range.
    """
    if band is None:
        if dataset.count > 1:
            raise InputError(f"{dataset.name} has {dataset.count} bands; choose the band of class codes with --band "
                             f"(1..{dataset.count}).")
        return 1
    if not 1 <= band <= dataset.count:
        raise InputError(f"--band {band} is out of range for {dataset.name}, which has {dataset.count} band(s).")
    return band


def vectorize_raster(
    raster: str | Path,
    out: str | Path,
    min_area: float = 0.0,
    simplify: float = 0.0,
    scheme: ClassScheme | None = None,
    layer: str | None = None,
    strip_rows: int = STRIP_ROWS,
    reporter: Reporter | None = None,
    band: int | None = None,
) -> dict[str, Any]:
    """Writes one polygon per connected region of a class raster, with ``class_id``, ``class_name``, ``area``.

    Args:
        raster: class raster (codes; nodata is left out).
        out: vector file to write (GPKG, Shapefile, GeoJSON...; the driver follows the extension).
        min_area: regions smaller than this many map units² are merged into their neighbours (sieve).
        simplify: simplification tolerance in map units (0: none); shared edges stay shared.
        scheme: class names; default: the raster's ``LANDCOVER_CLASSES`` tag, else ``class <code>``.
        layer: layer name (default: the file's stem).
        strip_rows: rows per strip (memory: about 20 bytes per pixel of a strip).
        reporter: progress and cancellation.
        band: the band of class codes; required when the raster has several.

    Returns:
        ``{"outputs": {"vector"}, "summary": {"features", "area", "classes"}}``.
    """
    import geopandas as gpd
    import pyogrio

    reporter = reporter or Reporter(quiet=True)
    out = check_output_paths({"--out": out}, [raster])["--out"]
    check_vector_path(out)
    if min_area < 0 or simplify < 0:
        raise InputError("--min-area and --simplify must not be negative.")
    if not hasattr(shapely, "coverage_simplify") and simplify > 0:
        raise InputError("--simplify needs shapely 2.1 or later (coverage simplification).")
    with rasterio.Env(**GDAL_ENV), open_raster(raster, "class raster") as src:
        band = class_band(src, band)
        if np.dtype(src.dtypes[band - 1]).kind not in "iu":
            raise InputError(f"{raster} holds {src.dtypes[band - 1]} values; a class raster holds integer codes.")
        scheme = class_scheme_of(src, scheme)
        names = {c.code: c.name for c in scheme.classes} if scheme is not None else {}
        pixel_area = abs(src.transform.determinant)
        pixel_size = math.sqrt(pixel_area)
        min_pixels = math.ceil(min_area / pixel_area - 1e-9) if min_area > 0 else 0
        layer = layer or layer_name(out)
        totals = {"features": 0, "area": 0.0}
        per_class: dict[int, dict[str, float]] = {}
        with atomic_output(out) as tmp:
            rows: list[tuple[int, Any]] = []

            def flush() -> None:
                if not rows:
                    return
                polygons = shapely.get_parts(np.asarray([g for _, g in rows], dtype=object))
                counts = shapely.get_num_geometries(np.asarray([g for _, g in rows], dtype=object))
                codes = np.repeat([c for c, _ in rows], counts)
                areas = shapely.area(polygons)
                frame = gpd.GeoDataFrame({
                    "class_id": codes.astype(np.int32),
                    "class_name": [names.get(int(c), f"class {c}") for c in codes],
                    "area": areas,
                }, geometry=polygons, crs=src.crs)
                pyogrio.write_dataframe(frame, tmp, layer=layer, append=totals["features"] > 0,
                                        promote_to_multi=False, geometry_type="Polygon")
                totals["features"] += len(frame)
                totals["area"] += float(areas.sum())
                for code, area in zip(codes.tolist(), areas.tolist(), strict=True):
                    item = per_class.setdefault(code, {"features": 0, "area": 0.0})
                    item["features"] += 1
                    item["area"] += area
                rows.clear()

            for code, geometry in iter_polygons(src, min_pixels, simplify / pixel_size, strip_rows, reporter, band):
                rows.append((code, geometry))
                if len(rows) >= FLUSH_EVERY:
                    flush()
            flush()
            if totals["features"] == 0:
                raise InputError(f"{raster} has no classified pixel (all nodata): there is nothing to vectorize.")
    summary = {
        "features": totals["features"],
        "area": totals["area"],
        "min_area": min_area,
        "simplify": simplify,
        "classes": [{"code": code, "name": names.get(code, f"class {code}"), **values}
                    for code, values in sorted(per_class.items())],
    }
    return {"outputs": {"vector": str(out)}, "summary": summary}
