"""Streaming prediction of a raster of any size: read tiles, infer, blend a strip, write rows.

The raster is processed by column chunks of at most :data:`CHUNK_COLUMNS` columns, each top to
bottom. Memory is bounded by one strip of a tile row by a chunk (see
:class:`~landcover_core.inference.tiling.StripBlender`) plus a few batches in flight, whatever the
raster's size. Tiles are read and normalised in a background thread while the model runs (GDAL and
onnxruntime release the GIL).
"""

from __future__ import annotations

import itertools
import math
import queue
import tempfile
import threading
from collections.abc import Generator, Iterable, Iterator, Sequence
from contextlib import ExitStack, closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import rasterio
from affine import Affine
from rasterio.windows import Window, from_bounds
from rasterio.windows import transform as window_transform

from landcover_core.common.classes import ClassScheme
from landcover_core.common.raster import open_raster, pixel_area, read_window
from landcover_core.common.resources import check_tile_memory
from landcover_core.config import TILE, PredictOptions, VectorOptions
from landcover_core.errors import InputError
from landcover_core.inference.ensemble import Ensemble, check_bands, check_ensemble, entropy, model_bands
from landcover_core.inference.input_check import check_ground_resolution, check_input_range
from landcover_core.inference.model_set import ModelSet, load_models, model_tags
from landcover_core.inference.resample import at_model_resolution, model_window, write_on_grid
from landcover_core.inference.tiling import Block, StripBlender, Tile, TileGrid
from landcover_core.models.modelfile import ModelSpec
from landcover_core.outputs.files import atomic_output, check_output_paths
from landcover_core.outputs.geotiff import BLOCK as OUTPUT_BLOCK
from landcover_core.outputs.geotiff import (
    CONFIDENCE_NODATA,
    GDAL_ENV,
    UNCERTAINTY_NODATA,
    open_class_raster,
    open_confidence_raster,
    open_uncertainty_raster,
)
from landcover_core.outputs.vectorize import check_vector_path
from landcover_core.progress import Reporter

__all__ = ["Ensemble", "ModelSet", "Outputs", "check_ensemble", "check_options", "classify_raster", "load_ensemble",
           "load_models", "model_bands", "model_tags", "parse_extent", "predict_raster"]

Extent = tuple[float, float, float, float]

#: Default overlap as a share of the tile size. Half a tile gives every pixel a centre-weighted blend of
#: four tiles: measured on the demo (64 px tiles), map accuracy 0.896 at 1/8, 0.919 at 1/4, 0.951 at 1/2,
#: with the tile-corner artefacts of the smaller overlaps gone. Lower ``--overlap`` trades this for speed.
DEFAULT_OVERLAP = 0.5
#: Output columns blended at a time (bounds memory and temporaries on wide rasters); a multiple of
#: the output block size, so no output block is written by two chunks.
CHUNK_COLUMNS = 4096
#: Output columns turned into classes (and confidence) at a time: a multiple of the output block size.
WRITE_COLUMNS = 1024
#: GDAL's block cache while predicting: at least enough for a tile row of input and a row of output blocks of
#: a column chunk (:func:`gdal_cache_bytes`), within these bounds. A fixed large cache (GDAL's default, or
#: 128 MiB) fills only on large rasters: peak memory then grows with the raster (#23).
GDAL_CACHE_BOUNDS = (16 << 20, 128 << 20)


def parse_extent(text: str | None) -> Extent | None:
    """Parses ``xmin,ymin,xmax,ymax``."""
    if not text:
        return None
    try:
        values = tuple(float(v) for v in text.split(","))
    except ValueError:
        values = ()
    if len(values) != 4 or not all(map(math.isfinite, values)) or not (values[0] < values[2] and values[1] < values[3]):
        raise InputError(f"--extent must be xmin,ymin,xmax,ymax (finite numbers in the raster's CRS) with xmin < xmax "
                         f"and ymin < ymax, not '{text}'.")
    return values[0], values[1], values[2], values[3]


def extent_window(dataset: rasterio.DatasetReader, extent: Extent | None) -> Window:
    """The raster-aligned window covering ``extent`` (in the raster's CRS), clipped to the raster."""
    full = Window(0, 0, dataset.width, dataset.height)
    if extent is None:
        return full
    window = from_bounds(*extent, transform=dataset.transform)
    row0, col0 = math.floor(window.row_off + 1e-6), math.floor(window.col_off + 1e-6)
    row1 = math.ceil(window.row_off + window.height - 1e-6)
    col1 = math.ceil(window.col_off + window.width - 1e-6)
    row0, col0 = max(row0, 0), max(col0, 0)
    row1, col1 = min(row1, dataset.height), min(col1, dataset.width)
    if row1 <= row0 or col1 <= col0:
        raise InputError(
            f"The extent {extent} does not overlap the raster (bounds {tuple(round(v, 3) for v in dataset.bounds)} "
            f"in {dataset.crs})."
        )
    return Window(col0, row0, col1 - col0, row1 - row0)


@dataclass
class _Batch:
    tiles: list[Tile]
    images: np.ndarray  # (n, C, T, T), only the tiles with valid pixels
    valid: np.ndarray  # (n, T, T)
    has_data: list[bool]  # per tile in ``tiles``


def _read_batches(dataset: rasterio.DatasetReader, bands: list[int], region: Window, grid: TileGrid,
                  batch_size: int) -> Iterator[_Batch]:
    tiles = iter(grid)  # not a list: the number of tiles grows with the raster
    size = grid.tile
    while group := list(itertools.islice(tiles, batch_size)):
        images, masks, has_data = [], [], []
        for tile in group:
            window = Window(region.col_off + tile.col, region.row_off + tile.row, size, size)
            image, valid = read_window(dataset, bands, window)
            # Pixels beyond the region but inside the raster give context; they are not predicted.
            valid[grid.height - tile.row:] = False
            valid[:, grid.width - tile.col:] = False
            has_data.append(bool(valid.any()))
            if has_data[-1]:
                images.append(image)
                masks.append(valid)
        empty = (0, len(bands), size, size)
        yield _Batch(group, np.stack(images) if images else np.zeros(empty, np.float32),
                     np.stack(masks) if masks else np.zeros((0, size, size), bool), has_data)


def _prefetch(items: Iterator[Any], depth: int = 2) -> Generator[Any, None, None]:
    """Runs an iterator in a background thread, ``depth`` items ahead."""
    done = object()
    slots: queue.Queue = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def put(item: Any) -> bool:
        while not stop.is_set():
            try:
                slots.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def work() -> None:
        try:
            for item in items:
                if not put(item):
                    return
            put(done)
        except BaseException as exc:  # noqa: BLE001 - handed to the consumer
            put(exc)

    thread = threading.Thread(target=work, name="landcover-reader", daemon=True)
    thread.start()
    try:
        while True:
            item = slots.get()
            if item is done:
                return
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        thread.join()


@dataclass(frozen=True)
class Outputs:
    """The files a prediction writes: the class raster, and optionally confidence, uncertainty and polygons.

    Attributes:
        classes: class GeoTIFF (uint8 class codes, colour table, nodata).
        confidence: float32 GeoTIFF of the (ensemble's) max class probability.
        vector: polygons of the classes (GPKG...), see :func:`~landcover_core.outputs.vectorize.vectorize_raster`.
        uncertainty: float32 GeoTIFF in [0, 1]: normalised entropy, and with several models a second band
            of their disagreement (see :mod:`landcover_core.inference.ensemble`).
    """

    classes: str | Path
    confidence: str | Path | None = None
    vector: str | Path | None = None
    uncertainty: str | Path | None = None

    def as_dict(self) -> dict[str, str | Path | None]:
        """``{"classes": ..., "confidence": ..., "vector": ..., "uncertainty": ...}``."""
        return {"classes": self.classes, "confidence": self.confidence, "vector": self.vector,
                "uncertainty": self.uncertainty}


def load_ensemble(models: Sequence[str | Path] | ModelSet, options: PredictOptions | None = None,
                  reporter: Reporter | None = None) -> Ensemble:
    """Loads one model or an ensemble into runners for ``options``' device, backend, tile size and weights.

    All members run on tiles of ``options.tile_size``, or of the first model's training tile size.

    Raises:
        InputError: no model, models that do not share classes, or bad ``--model-weights``.
        ModelFileError: a missing or damaged model file.
    """
    return load_models(models, options).ensemble(options, reporter)


def predict_raster(
    models: Sequence[str | Path] | ModelSet,
    image: str | Path,
    outputs: Outputs,
    options: PredictOptions | None = None,
    *,
    bands: Sequence[int] | None = None,
    extent: Extent | None = None,
    vector_options: VectorOptions | None = None,
    reporter: Reporter | None = None,
) -> dict[str, Any]:
    """Classifies a raster by sliding windows and writes a class GeoTIFF (and confidence, polygons).

    Args:
        models: one model file, or several (an ensemble: probabilities are averaged); or a set of them
            loaded with :func:`~landcover_core.inference.model_set.load_models`.
        image: input raster.
        outputs: the files to write.
        options: tile size, overlap, batch size, device, backend and threads.
        bands: raster bands to feed the model (default: the model's bands).
        extent: ``(xmin, ymin, xmax, ymax)`` in the raster's CRS; the output covers that part only.
        vector_options: with ``outputs.vector``: minimum area and simplification.
        reporter: progress and cancellation.

    Returns:
        ``{"outputs": {"classes", "confidence", "vector"}, "summary": {...}}``.

    Raises:
        InputError: bad model, raster, bands, extent or output path; all-nodata input.
        Cancelled: cancelled; no output is left behind.
    """
    options = options or PredictOptions()
    model_set = load_models(models, options)
    # Everything cheap is checked before the runners are made (and the models maybe exported to ONNX).
    request = _check_request(image, outputs, model_set.specs, model_set.paths, bands, extent, options)
    return _classify(model_set.ensemble(options, reporter), request, image, outputs, options, extent=extent,
                     vector_options=vector_options, reporter=reporter, tags=model_set.tags())


def classify_raster(
    ensemble: Ensemble,
    image: str | Path,
    outputs: Outputs,
    options: PredictOptions | None = None,
    *,
    bands: Sequence[int] | None = None,
    extent: Extent | None = None,
    vector_options: VectorOptions | None = None,
    reporter: Reporter | None = None,
    tags: dict[str, str] | None = None,
    chunk_columns: int = CHUNK_COLUMNS,
) -> dict[str, Any]:
    """:func:`predict_raster` with loaded models (see :meth:`~landcover_core.inference.model_set.ModelSet.ensemble`).

    Args:
        ensemble: the loaded model(s).
        image: input raster.
        outputs: the files to write.
        options: overlap and batch size (the ensemble was loaded for the tile size, device and backend).
        bands: raster bands to feed the models (default: the models' bands).
        extent: ``(xmin, ymin, xmax, ymax)`` in the raster's CRS; the output covers that part only.
        vector_options: with ``outputs.vector``: minimum area and simplification.
        reporter: progress and cancellation.
        tags: extra metadata tags of the class raster.
        chunk_columns: output columns blended at a time (bounds memory on wide rasters).
    """
    options = options or PredictOptions()
    request = _check_request(image, outputs, [r.spec for r in ensemble.runners], ensemble.names, bands, extent,
                             options, inputs=[image])
    return _classify(ensemble, request, image, outputs, options, extent=extent, vector_options=vector_options,
                     reporter=reporter, tags=tags, chunk_columns=chunk_columns)


def _classify(ensemble: Ensemble, request: _Request, image: str | Path, outputs: Outputs, options: PredictOptions,
              *, extent: Extent | None, vector_options: VectorOptions | None, reporter: Reporter | None,
              tags: dict[str, str] | None, chunk_columns: int = CHUNK_COLUMNS) -> dict[str, Any]:
    """:func:`classify_raster` of a checked request."""
    reporter = reporter or Reporter(quiet=True)
    vector_options = vector_options or VectorOptions()
    spec = ensemble.spec
    tile = int(options.tile_size or spec.tile_size)
    overlap = request.overlap
    batch_size = options.batch_size
    paths = {key: path for key, path in outputs.as_dict().items() if path is not None}
    with rasterio.Env(**GDAL_ENV), open_raster(image, "image") as raster, ExitStack() as views:
        chosen = ensemble.use_bands(request.member_bands)
        region = extent_window(raster, extent)
        area_m2, area_note = pixel_area(raster, region)
        # What the models read: the raster, or with --resample model the raster at the model's resolution.
        src = raster
        if options.resample == "model":
            src = views.enter_context(at_model_resolution(raster, spec, ensemble.names[0], chosen, reporter))
        seen = region if src is raster else model_window(src, raster, region)
        views.enter_context(rasterio.Env(GDAL_CACHEMAX=gdal_cache_bytes(src, chosen, tile, paths, chunk_columns,
                                                                         len(ensemble.runners) > 1)))
        references = ensemble.match_histograms(image, options.histmatch, reporter)
        if references:
            reporter.log(f"Matching the image's histograms to {', '.join(sorted(set(references)))}.")
        # Matched members see the image brought into their training range by the matching itself.
        for runner, name in zip(ensemble.runners, ensemble.names, strict=True):
            check_ground_resolution(src, runner.spec, name, reporter)
        for runner, matcher, channels in zip(ensemble.runners, ensemble.matchers, ensemble.channels, strict=True):
            if matcher is None:
                check_input_range(src, [chosen[c] for c in channels], runner.spec, reporter)
        # Tiles reach ``overlap`` px beyond an extent where the raster goes on: its edge gets context.
        context = _expand(seen, overlap, src.width, src.height)
        # Chunk cuts fall on multiples of ``chunk_columns`` in output columns.
        grid = TileGrid(int(context.height), int(context.width), tile, overlap, chunk_columns,
                        int(region.col_off - context.col_off))
        reporter.log(f"Predicting {int(seen.width)}x{int(seen.height)} px in {len(grid)} tiles of {tile} px "
                     f"(overlap {overlap}, batch {batch_size}, {ensemble.backend}, {len(ensemble.runners)} model(s), "
                     f"TTA {options.tta}).")
        transform = window_transform(region, raster.transform)
        with ExitStack() as stack:
            tmp = {key: stack.enter_context(atomic_output(path)) for key, path in paths.items()}
            if src is raster:
                counts = _stream(src, chosen, region, context, grid, ensemble, options, transform, tmp, tags or {},
                                 reporter)
            else:
                # Made on the model's grid in the partial folder (deleted before the outputs are moved into place).
                scratch = Path(stack.enter_context(tempfile.TemporaryDirectory(dir=tmp["classes"].parent)))
                made = {key: scratch / f"{key}.tif" for key in tmp if key != "vector"}
                _stream(src, chosen, seen, context, grid, ensemble, options, window_transform(seen, src.transform),
                        made, tags or {}, reporter)
                counts = write_on_grid(made, tmp, int(region.width), int(region.height), transform, raster.crs,
                                       spec.scheme, tags or {})
            if not counts.any():
                raise InputError(f"{image} has no valid pixel in the area to predict (all nodata).")
            if "vector" in tmp:
                from landcover_core.outputs.vectorize import layer_name, vectorize_raster

                vectorize_raster(tmp["classes"], tmp["vector"], min_area=vector_options.min_area,
                                 simplify=vector_options.simplify, scheme=spec.scheme,
                                 layer=layer_name(paths["vector"]), reporter=reporter)
    scheme = spec.scheme
    summary = {
        "classes": scheme.to_list(),
        "nodata": scheme.nodata_code,
        "pixels": {str(code): int(n) for code, n in zip(scheme.codes, counts, strict=True)},
        "pixel_area_m2": area_m2,
        "area_note": area_note,
        "width": int(region.width),
        "height": int(region.height),
        "tiles": len(grid),
        "tile_size": tile,
        "overlap": overlap,
        "backend": ensemble.backend,
        "histmatch": references,
        "models": len(ensemble.runners),
        "tta": options.tta,
        "resampled_to_m": spec.ground_resolution if src is not raster else None,
    }
    return {"outputs": {k: (str(v) if v is not None else None) for k, v in outputs.as_dict().items()},
            "summary": summary}


def gdal_cache_bytes(src: rasterio.DatasetReader, bands: Sequence[int], tile: int, outputs: Iterable[str],
                     chunk_columns: int = CHUNK_COLUMNS, disagreement: bool = False) -> int:
    """GDAL's block cache for predicting ``src``: what one column chunk needs, within :data:`GDAL_CACHE_BOUNDS`.

    That is a tile row of input blocks and two rows of output blocks (one being filled, one written), with
    half as much again for the blocks a tile row shares with the next: it depends on the chunk's width, never
    on the raster's size beyond it.

    Args:
        src: the raster the tiles are read from.
        bands: the bands read.
        tile: tile size in pixels.
        outputs: the kinds of raster written (``classes``, ``confidence``, ``uncertainty``; others are ignored).
        chunk_columns: output columns blended at a time.
        disagreement: whether the uncertainty raster has the members' disagreement as a second band.
    """
    width = min(src.width, chunk_columns + 2 * tile)
    block_rows = min(src.block_shapes[0][0], src.height)
    per_pixel = sum(np.dtype(src.dtypes[band - 1]).itemsize for band in bands)
    written = {"classes": 1, "confidence": 4, "uncertainty": 8 if disagreement else 4}
    out_per_pixel = sum(written.get(kind, 0) for kind in outputs)
    needed = 1.5 * ((tile + block_rows) * width * per_pixel + 2 * OUTPUT_BLOCK * width * out_per_pixel)
    low, high = GDAL_CACHE_BOUNDS
    return int(min(max(needed, low), high))


def check_options(specs: Sequence[ModelSpec], options: PredictOptions, models: Sequence[str | Path] = ()) -> int:
    """Validates the tile size, the overlap against it and that a batch of tiles fits in memory; returns the overlap.

    Args:
        specs: the models' descriptions (the first one's training tile size is the default tile size).
        options: tile size, overlap and batch size.
        models: the model files, for messages.

    Raises:
        InputError: a model's tile size that --tile-size must replace, an overlap above half the tile, or a
            batch of tiles larger than this machine's memory.
    """
    if options.tile_size is None:
        check_model_tile_size(specs[0].tile_size, models[0] if models else "the model file")
    tile = int(options.tile_size or specs[0].tile_size)
    overlap = round(tile * DEFAULT_OVERLAP) if options.overlap is None else int(options.overlap)
    if not 0 <= overlap <= tile // 2:
        raise InputError(f"--overlap must be between 0 and half the tile size ({tile // 2}), not {overlap}.")
    for spec in specs:
        check_tile_memory(tile, options.batch_size, spec.in_channels, spec.num_classes)
    return overlap


def check_model_tile_size(tile: int, model: str | Path) -> None:
    """Refuses a model file's training tile size that --tile-size could not be set to (the default tile size).

    Raises:
        InputError: naming the model file and its tile size, and asking for --tile-size.
    """
    if TILE.problem(tile) is not None:
        raise InputError(
            f"The model file {model} records a training tile size of {tile} px, which cannot be the tile size to "
            f"predict with (tiles are {TILE.describe()}); give --tile-size, e.g. 256.")


@dataclass(frozen=True)
class _Request:
    """A checked request: the overlap in pixels, and the raster bands each member reads."""

    overlap: int
    member_bands: list[list[int]]


def _check_request(image: str | Path, outputs: Outputs, specs: Sequence[ModelSpec], models: Sequence[str | Path],
                   bands: Sequence[int] | None, extent: Extent | None, options: PredictOptions,
                   inputs: Sequence[str | Path] | None = None) -> _Request:
    """Validates the overlap, the output paths, the raster's bands for every model and the extent.

    Args:
        image: the raster to classify.
        outputs: the files to write.
        specs: the models' descriptions.
        models: the models, for messages.
        bands: ``--bands``, or None for each model's own.
        extent: the area to classify, or None.
        options: tile size, overlap and batch size.
        inputs: files the outputs must not overwrite (default: the image and the models).
    """
    overlap = check_options(specs, options, models)
    check_output_paths({"--out": outputs.classes, "--confidence": outputs.confidence,
                        "--uncertainty": outputs.uncertainty, "--vector": outputs.vector},
                       inputs if inputs is not None else [image, *models])
    check_vector_path(outputs.vector)
    with open_raster(image, "image") as src:
        member_bands = [check_bands(spec, model, src.count, src.name, bands)
                        for spec, model in zip(specs, models, strict=True)]
        extent_window(src, extent)
    return _Request(overlap, member_bands)


def _expand(window: Window, margin: int, width: int, height: int) -> Window:
    col0, row0 = max(int(window.col_off) - margin, 0), max(int(window.row_off) - margin, 0)
    col1 = min(int(window.col_off + window.width) + margin, width)
    row1 = min(int(window.row_off + window.height) + margin, height)
    return Window(col0, row0, col1 - col0, row1 - row0)


def _inside(start: int, size: int, lo: int, length: int) -> slice:
    """The part of ``[start, start + size)`` inside ``[lo, lo + length)``, relative to ``start``."""
    return slice(max(lo - start, 0), min(lo + length - start, size))


def _stream(src: rasterio.DatasetReader, bands: list[int], region: Window, context: Window, grid: TileGrid,
            ensemble: Ensemble,
            options: PredictOptions, transform: Affine, tmp: dict[str, Path], tags: dict[str, str],
            reporter: Reporter) -> np.ndarray:
    """Runs the tile loop, writing finished blocks as they come; returns pixel counts per class."""
    scheme: ClassScheme = ensemble.spec.scheme
    counts = np.zeros(len(scheme), dtype=np.int64)
    classes = len(scheme)
    # The members' disagreement is blended as one more channel after the class probabilities.
    disagreement = "uncertainty" in tmp and len(ensemble.runners) > 1
    blender = StripBlender(grid, classes + int(disagreement))
    codes = np.asarray(scheme.codes, dtype=np.uint8)
    batch_size = options.batch_size
    total = math.ceil(len(grid) / batch_size)
    with ExitStack() as stack:
        # Closed on the way out, errors included, so the reader thread stops before the image is closed.
        batches = stack.enter_context(closing(_prefetch(_read_batches(src, bands, context, grid, batch_size))))
        width, height = int(region.width), int(region.height)
        dy, dx = int(region.row_off - context.row_off), int(region.col_off - context.col_off)
        dst = stack.enter_context(open_class_raster(tmp["classes"], width, height, transform, src.crs,
                                                    scheme, tags=tags))
        conf = None
        if "confidence" in tmp:
            conf = stack.enter_context(open_confidence_raster(tmp["confidence"], width, height, transform, src.crs))
        uncertain = None
        if "uncertainty" in tmp:
            uncertain = stack.enter_context(open_uncertainty_raster(tmp["uncertainty"], width, height, transform,
                                                                    src.crs, disagreement))

        def write(block: Block) -> None:
            top, left, probs, weight = block
            # By column slices: the temporaries (masks, argmax, confidence) stay small whatever the chunk's width.
            for start in range(0, weight.shape[1], WRITE_COLUMNS):
                part = slice(start, start + WRITE_COLUMNS)
                write_part((top, left + start, probs[:, :, part], weight[:, part]))

        def write_part(block: Block) -> None:
            top, left, probs, weight = block
            # Keep the rows and columns of the region (the context margin is not written).
            rows = _inside(top, weight.shape[0], dy, height)
            cols = _inside(left, weight.shape[1], dx, width)
            if rows.stop <= rows.start or cols.stop <= cols.start:
                return
            top, left = top + rows.start - dy, left + cols.start - dx
            blended, ok = probs[:, rows, cols], weight[rows, cols] > 0
            blended /= np.where(ok, weight[rows, cols], 1.0)
            probs = blended[:classes]
            index = probs.argmax(axis=0)
            counts[:] += np.bincount(index[ok], minlength=len(scheme))
            window = Window(left, top, ok.shape[1], ok.shape[0])
            dst.write(np.where(ok, codes[index], np.uint8(scheme.nodata_code)), 1, window=window)
            if conf is not None:
                best = np.where(ok, probs.max(axis=0), np.float32(CONFIDENCE_NODATA))
                conf.write(best.astype(np.float32), 1, window=window)
            if uncertain is not None:
                nodata = np.float32(UNCERTAINTY_NODATA)
                spread = np.clip(entropy(probs, axis=0) / np.log(classes), 0.0, 1.0) if classes > 1 else 0.0 * probs[0]
                uncertain.write(np.where(ok, spread, nodata).astype(np.float32), 1, window=window)
                if disagreement:
                    uncertain.write(np.where(ok, blended[classes], nodata).astype(np.float32), 2, window=window)

        for batch in reporter.track(batches, total, "predict", "Predicting tiles"):
            if len(batch.images):
                probs, spread = ensemble.predict(batch.images, batch.valid, options.tta)
                if disagreement:
                    assert spread is not None
                    probs = np.concatenate([probs, spread[:, None]], axis=1)
            else:
                probs = batch.images
            used = 0
            for tile, has_data in zip(batch.tiles, batch.has_data, strict=True):
                if has_data:
                    result, valid = probs[used], batch.valid[used]
                    used += 1
                else:
                    result = valid = None
                for block in blender.add(tile, result, valid):
                    write(block)
        for block in blender.finish():
            write(block)
        reporter.log("Building overviews.")
    return counts
