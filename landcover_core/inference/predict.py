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
import threading
from collections.abc import Generator, Iterator, Sequence
from contextlib import ExitStack, closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import rasterio
from affine import Affine
from rasterio.windows import Window, from_bounds
from rasterio.windows import transform as window_transform

from landcover_core.classes import ClassScheme
from landcover_core.config import PredictOptions, VectorOptions
from landcover_core.errors import InputError
from landcover_core.files import atomic_output, check_output_paths
from landcover_core.geotiff import CONFIDENCE_NODATA, GDAL_ENV, open_class_raster, open_confidence_raster
from landcover_core.histmatch import HistogramMatcher
from landcover_core.inference.input_check import check_input_range
from landcover_core.inference.runners import Runner, make_runner
from landcover_core.inference.tiling import Block, StripBlender, Tile, TileGrid
from landcover_core.modelfile import ModelSpec, load_spec
from landcover_core.progress import Reporter
from landcover_core.raster import open_raster, read_window, resolve_bands
from landcover_core.resources import check_tile_memory
from landcover_core.vectorize import check_vector_path

Extent = tuple[float, float, float, float]

#: Default overlap as a share of the tile size. Half a tile gives every pixel a centre-weighted blend of
#: four tiles: measured on the demo (64 px tiles), map accuracy 0.896 at 1/8, 0.919 at 1/4, 0.951 at 1/2,
#: with the tile-corner artefacts of the smaller overlaps gone. Lower ``--overlap`` trades this for speed.
DEFAULT_OVERLAP = 0.5
#: Output columns blended at a time (bounds memory and temporaries on wide rasters); a multiple of
#: the output block size, so no output block is written by two chunks.
CHUNK_COLUMNS = 4096


def parse_extent(text: str | None) -> Extent | None:
    """Parses ``xmin,ymin,xmax,ymax``."""
    if not text:
        return None
    try:
        values = tuple(float(v) for v in text.split(","))
    except ValueError:
        values = ()
    if len(values) != 4 or not (values[0] < values[2] and values[1] < values[3]):
        raise InputError(f"--extent must be xmin,ymin,xmax,ymax with xmin < xmax and ymin < ymax, not '{text}'.")
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


class Ensemble:
    """One or more runners sharing classes and bands; probabilities are averaged.

    Each model prepares the raw tiles its own way: histogram matching to its reference (once
    :meth:`match_histograms` has fitted it to the image), then its own mean and standard deviation;
    pixels without data are set to the model's mean (0 after normalisation), as are the tile parts
    outside the raster.
    """

    def __init__(self, runners: Sequence[Runner]) -> None:
        self.runners = list(runners)
        self._norm = [
            (np.asarray(r.spec.mean, np.float32)[:, None, None], np.asarray(r.spec.std, np.float32)[:, None, None])
            for r in self.runners
        ]
        self.matchers: list[HistogramMatcher | None] = [None] * len(self.runners)

    def match_histograms(self, image: str | Path, bands: Sequence[int], enabled: bool = True,
                         reporter: Reporter | None = None) -> list[str]:
        """Fits the members that carry a histogram reference to ``image`` (one streaming scan, shared).

        Args:
            image: the raster about to be classified.
            bands: its bands fed to the models.
            enabled: False feeds the image as it is (``--no-histmatch``).
            reporter: progress of the scan.

        Returns:
            The references the image is matched to (file names), empty when none.
        """
        from landcover_core.histmatch import RasterHistogram, compute_histogram

        self.matchers = [None] * len(self.runners)
        source = None
        for i, runner in enumerate(self.runners):
            if enabled and runner.spec.histogram:
                source = source or compute_histogram(image, bands, reporter, what="image")
                self.matchers[i] = HistogramMatcher.fit(source, RasterHistogram.from_dict(runner.spec.histogram))
        return [str(r.spec.histogram["source"]) for r, m in zip(self.runners, self.matchers, strict=True)
                if m is not None and r.spec.histogram]

    @property
    def spec(self) -> ModelSpec:
        """The first member's spec (classes are shared by every member)."""
        return self.runners[0].spec

    @property
    def backend(self) -> str:
        """The first member's backend (``onnx`` or ``torch``)."""
        return self.runners[0].backend

    def __call__(self, batch: np.ndarray, valid: np.ndarray) -> np.ndarray:
        """Probabilities (N, K, T, T) of a raw batch (N, C, T, T) in raster units."""
        total = None
        for runner, (mean, std), matcher in zip(self.runners, self._norm, self.matchers, strict=True):
            raw = batch if matcher is None else np.stack(
                [matcher.apply(tile, mask) for tile, mask in zip(batch, valid, strict=True)])
            x = (raw - mean) / np.maximum(std, 1e-12)
            x *= valid[:, None]
            probs = runner(x)
            total = probs if total is None else total + probs
        assert total is not None
        return total / len(self.runners) if len(self.runners) > 1 else total


def check_ensemble(specs: Sequence[ModelSpec], paths: Sequence[str | Path]) -> None:
    """Models of an ensemble must share classes and input bands."""
    first = specs[0]
    for spec, path in zip(specs[1:], paths[1:], strict=True):
        if spec.scheme.codes != first.scheme.codes or spec.scheme.names != first.scheme.names:
            raise InputError(
                f"Models of an ensemble must share their classes: {paths[0]} has {first.scheme.names} "
                f"(codes {first.scheme.codes}), {path} has {spec.scheme.names} (codes {spec.scheme.codes})."
            )
        if spec.bands != first.bands:
            raise InputError(
                f"Models of an ensemble must read the same bands: {paths[0]} uses {first.bands}, "
                f"{path} uses {spec.bands}."
            )


def model_bands(dataset: rasterio.DatasetReader, spec: ModelSpec, model: str | Path,
                bands: Sequence[int] | None) -> list[int]:
    """The raster bands fed to the model: ``bands`` if given, else the model's, checked against the raster."""
    chosen = list(bands) if bands else list(spec.bands)
    if len(chosen) != spec.in_channels:
        raise InputError(f"{len(chosen)} band(s) were chosen ({chosen}) but {model} takes {spec.in_channels}.")
    if max(chosen) > dataset.count:
        raise InputError(
            f"{model} reads bands {chosen} but {dataset.name} has {dataset.count} band(s); "
            f"use a raster with the bands the model was trained on, or pick {spec.in_channels} bands with --bands."
        )
    return resolve_bands(dataset, chosen)


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
    """The files a prediction writes: the class raster, and optionally confidence and polygons.

    Attributes:
        classes: class GeoTIFF (uint8 class codes, colour table, nodata).
        confidence: float32 GeoTIFF of the max class probability.
        vector: polygons of the classes (GPKG...), see :func:`~landcover_core.vectorize.vectorize_raster`.
    """

    classes: str | Path
    confidence: str | Path | None = None
    vector: str | Path | None = None

    def as_dict(self) -> dict[str, str | Path | None]:
        """``{"classes": ..., "confidence": ..., "vector": ...}``."""
        return {"classes": self.classes, "confidence": self.confidence, "vector": self.vector}


def load_ensemble(models: Sequence[str | Path], options: PredictOptions | None = None,
                  reporter: Reporter | None = None) -> Ensemble:
    """Loads one model or an ensemble into runners for ``options``' device, backend and tile size.

    Raises:
        InputError: no model, or models that do not share classes and bands.
        ModelFileError: a missing or damaged model file.
    """
    options = options or PredictOptions()
    if not models:
        raise InputError("Give at least one model (--model).")
    specs = [load_spec(m) for m in models]
    check_ensemble(specs, models)
    tile = int(options.tile_size or specs[0].tile_size)
    return Ensemble([make_runner(m, tile, options.device, options.backend, options.threads, reporter) for m in models])


def predict_raster(
    models: Sequence[str | Path],
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
        models: one model file, or several (an ensemble: probabilities are averaged).
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
    if not models:
        raise InputError("Give at least one model (--model).")
    spec = load_spec(models[0])
    # Everything cheap is checked before the models are loaded (and maybe exported to ONNX).
    _check_request(image, outputs, [image, *models], spec, models[0], bands, extent, options)
    ensemble = load_ensemble(models, options, reporter)
    return classify_raster(ensemble, image, outputs, options, bands=bands, extent=extent,
                           vector_options=vector_options, reporter=reporter,
                           tags={"LANDCOVER_MODELS": ",".join(Path(m).name for m in models)})


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
    """:func:`predict_raster` with a loaded ensemble (see :func:`load_ensemble`).

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
    reporter = reporter or Reporter(quiet=True)
    options = options or PredictOptions()
    vector_options = vector_options or VectorOptions()
    spec = ensemble.spec
    tile = int(options.tile_size or spec.tile_size)
    overlap = _check_request(image, outputs, [image], spec, "the model", bands, extent, options)
    batch_size = options.batch_size
    paths = {key: path for key, path in outputs.as_dict().items() if path is not None}
    with rasterio.Env(**GDAL_ENV), open_raster(image, "image") as src:
        chosen = model_bands(src, spec, "the model", bands)
        region = extent_window(src, extent)
        references = ensemble.match_histograms(image, chosen, options.histmatch, reporter)
        if references:
            reporter.log(f"Matching the image's histograms to {', '.join(sorted(set(references)))}.")
        else:  # matched images are brought into the training range by the matching itself
            check_input_range(src, chosen, spec, reporter)
        # Tiles reach ``overlap`` px beyond an extent where the raster goes on: its edge gets context.
        context = _expand(region, overlap, src.width, src.height)
        # Chunk cuts fall on multiples of ``chunk_columns`` in output columns.
        grid = TileGrid(int(context.height), int(context.width), tile, overlap, chunk_columns,
                        int(region.col_off - context.col_off))
        reporter.log(f"Predicting {int(region.width)}x{int(region.height)} px in {len(grid)} tiles of {tile} px "
                     f"(overlap {overlap}, batch {batch_size}, {ensemble.backend}, {len(ensemble.runners)} model(s)).")
        transform = window_transform(region, src.transform)
        with ExitStack() as stack:
            tmp = {key: stack.enter_context(atomic_output(path)) for key, path in paths.items()}
            counts = _stream(src, chosen, region, context, grid, ensemble, batch_size, transform, tmp, tags or {},
                             reporter)
            if not counts.any():
                raise InputError(f"{image} has no valid pixel in the area to predict (all nodata).")
            if "vector" in tmp:
                from landcover_core.vectorize import layer_name, vectorize_raster

                vectorize_raster(tmp["classes"], tmp["vector"], min_area=vector_options.min_area,
                                 simplify=vector_options.simplify, scheme=spec.scheme,
                                 layer=layer_name(paths["vector"]), reporter=reporter)
    scheme = spec.scheme
    summary = {
        "classes": scheme.to_list(),
        "nodata": scheme.nodata_code,
        "pixels": {str(code): int(n) for code, n in zip(scheme.codes, counts, strict=True)},
        "width": int(region.width),
        "height": int(region.height),
        "tiles": len(grid),
        "tile_size": tile,
        "overlap": overlap,
        "backend": ensemble.backend,
        "histmatch": references,
    }
    return {"outputs": {k: (str(v) if v is not None else None) for k, v in outputs.as_dict().items()},
            "summary": summary}


def _check_request(image: str | Path, outputs: Outputs, inputs: list, spec: ModelSpec, model: str | Path,
                   bands: Sequence[int] | None, extent: Extent | None, options: PredictOptions) -> int:
    """Validates the overlap, output paths, the raster's bands and the extent; returns the overlap."""
    tile = int(options.tile_size or spec.tile_size)
    overlap = round(tile * DEFAULT_OVERLAP) if options.overlap is None else int(options.overlap)
    if not 0 <= overlap <= tile // 2:
        raise InputError(f"--overlap must be between 0 and half the tile size ({tile // 2}), not {overlap}.")
    check_tile_memory(tile, options.batch_size, spec.in_channels, spec.num_classes)
    check_output_paths({"--out": outputs.classes, "--confidence": outputs.confidence, "--vector": outputs.vector},
                       inputs)
    check_vector_path(outputs.vector)
    with open_raster(image, "image") as src:
        model_bands(src, spec, model, bands)
        extent_window(src, extent)
    return overlap


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
            batch_size: int, transform: Affine, tmp: dict[str, Path], tags: dict[str, str],
            reporter: Reporter) -> np.ndarray:
    """Runs the tile loop, writing finished blocks as they come; returns pixel counts per class."""
    scheme: ClassScheme = ensemble.spec.scheme
    counts = np.zeros(len(scheme), dtype=np.int64)
    blender = StripBlender(grid, len(scheme))
    codes = np.asarray(scheme.codes, dtype=np.uint8)
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

        def write(block: Block) -> None:
            top, left, probs, weight = block
            # Keep the rows and columns of the region (the context margin is not written).
            rows = _inside(top, weight.shape[0], dy, height)
            cols = _inside(left, weight.shape[1], dx, width)
            if rows.stop <= rows.start or cols.stop <= cols.start:
                return
            top, left = top + rows.start - dy, left + cols.start - dx
            probs, ok = probs[:, rows, cols], weight[rows, cols] > 0
            probs /= np.where(ok, weight[rows, cols], 1.0)
            index = probs.argmax(axis=0)
            counts[:] += np.bincount(index[ok], minlength=len(scheme))
            window = Window(left, top, ok.shape[1], ok.shape[0])
            dst.write(np.where(ok, codes[index], np.uint8(scheme.nodata_code)), 1, window=window)
            if conf is not None:
                best = np.where(ok, probs.max(axis=0), np.float32(CONFIDENCE_NODATA))
                conf.write(best.astype(np.float32), 1, window=window)

        for batch in reporter.track(batches, total, "predict", "Predicting tiles"):
            probs = ensemble(batch.images, batch.valid) if len(batch.images) else batch.images
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
