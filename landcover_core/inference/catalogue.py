"""A catalogue of scenes: listing them, naming their outputs, knowing which are complete, classifying one.

``predict-batch`` makes one task per scene (:func:`classify_scene`). A task writes the scene's outputs as
``predict`` does (each file moved into place when complete), then a *completion record*
``OUT_DIR/.done/NAME.json``: the request's fingerprint (the image's path, size and time, the models'
content, the options) and the size and modification time of every output. A scene is complete when
its record matches the request and every output still has the recorded size and time: a re-run skips
exactly the scenes a run finished, while a worker killed mid-scene leaves no record (its partial
files are removed by the next writer of the same output), and changed options, models or images,
or an output deleted or rewritten since, make the scene run again.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import glob
import hashlib
import json
import math
import os
import threading
import time
from collections.abc import Collection, Iterable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from landcover_core.config import SCENE_PATTERN, PredictOptions, VectorOptions
from landcover_core.errors import Cancelled, InputError, LandcoverError
from landcover_core.inference.predict import Ensemble, Outputs, classify_raster, load_ensemble, model_tags
from landcover_core.inference.runners import cpu_threads
from landcover_core.outputs.files import atomic_output, is_full_disk
from landcover_core.progress import CancelToken, Reporter

#: Files given to ``--images`` that list rasters, one path a line (relative to the list's folder).
LIST_SUFFIXES = (".txt", ".lst")
#: Each scene's output files: kind (a field of :class:`Outputs`) -> suffix after the scene's name.
OUTPUT_SUFFIXES = {"classes": ".classes.tif", "confidence": ".confidence.tif", "uncertainty": ".uncertainty.tif",
                   "vector": ".polygons.gpkg"}
#: The folder of the completion records, in the output folder.
RECORDS = ".done"
#: Seconds between two looks of a task at the batch's cancel event.
CANCEL_POLL_S = 0.5
#: Seconds a worker keeps its count of the task slots on its machine.
SLOTS_TTL_S = 60.0


# -- listing ---------------------------------------------------------------------------------------------------

def list_scenes(sources: Iterable[str | Path], pattern: str = SCENE_PATTERN) -> list[Path]:
    """The rasters named by ``--images``, in order, each once (as absolute paths).

    Args:
        sources: raster files, folders (their files matching ``pattern``), glob patterns (``**`` for
            sub-folders) and list files (``.txt``/``.lst``: one path a line, ``#`` comments).
        pattern: comma-separated file-name patterns for folders, case-insensitive.

    Raises:
        InputError: a source that does not exist or matches no file.
    """
    patterns = [p.strip().lower() for p in pattern.split(",") if p.strip()]
    if not patterns:
        raise InputError("--pattern names no file pattern; use e.g. '*.tif'.")
    scenes: dict[Path, None] = {}
    for source in sources:
        for path in _expand(str(source), patterns, pattern):
            scenes.setdefault(Path(os.path.abspath(path)), None)
    if not scenes:
        raise InputError("--images names no raster.")
    return list(scenes)


def _expand(source: str, patterns: list[str], pattern: str, listed_in: Path | None = None) -> list[Path]:
    path = Path(source).expanduser()
    if path.is_dir():
        found = sorted(p for p in path.iterdir()
                       if p.is_file() and any(fnmatch.fnmatch(p.name.lower(), pat) for pat in patterns))
        if not found:
            raise InputError(f"The folder {path} holds no file matching {pattern}; choose another --pattern.")
        return found
    if path.suffix.lower() in LIST_SUFFIXES and path.is_file() and listed_in is None:
        return _read_list(path, patterns, pattern)
    if any(char in source for char in "*?["):
        found = sorted(Path(p) for p in glob.glob(str(path), recursive=True) if os.path.isfile(p))
        if not found:
            raise InputError(f"No file matches {source}" + (f" (listed in {listed_in})." if listed_in else "."))
        return found
    if listed_in is None and not path.exists():
        raise InputError(f"--images {source} does not exist.")
    return [path]  # a listed file that is missing fails as its scene, the others go on


def _read_list(path: Path, patterns: list[str], pattern: str) -> list[Path]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"The list of images {path} cannot be read ({exc}).") from None
    found: list[Path] = []
    for line in lines:
        entry = line.strip()
        if entry and not entry.startswith("#"):
            found.extend(_expand(str(path.parent / entry), patterns, pattern, listed_in=path))
    return found


def scene_names(scenes: Sequence[Path]) -> list[str]:
    """The name of each scene's outputs (its file name without extension).

    Raises:
        InputError: two scenes with the same name (their outputs would overwrite each other).
    """
    seen: dict[str, Path] = {}
    for scene in scenes:
        if scene.stem in seen:
            raise InputError(f"Two images are named {scene.stem} ({seen[scene.stem]} and {scene}); their outputs "
                             "would overwrite each other: rename one or classify them in separate runs.")
        seen[scene.stem] = scene
    return list(seen)


def scene_outputs(out_dir: Path, name: str, extra: Collection[str] = ()) -> Outputs:
    """A scene's output files: its class raster, and the ``extra`` kinds (confidence, uncertainty, vector)."""
    return Outputs(**{kind: out_dir / f"{name}{suffix}" for kind, suffix in OUTPUT_SUFFIXES.items()
                      if kind == "classes" or kind in extra})


# -- requests and their completion records ------------------------------------------------------------------------

@dataclass(frozen=True)
class SceneJob:
    """Everything a worker needs to classify one scene (pickled to the worker).

    Attributes:
        name: the scene's name (of its outputs and record).
        image: the raster to classify.
        outputs: the files to write.
        models: the model files (several: an ensemble).
        model_hashes: their content hashes (a worker's loaded models are reused while they match).
        options: prediction settings.
        vector_options: polygon settings (with a vector output).
        bands: raster bands to feed the models (None: the models' bands).
        record: the completion record to write.
        fingerprint: what the record must match for the outputs to count as complete.
        cancel_event: name of the Dask event that cancels the batch (None: not cancellable from outside).
    """

    name: str
    image: Path
    outputs: Outputs
    models: tuple[str, ...]
    model_hashes: tuple[str, ...]
    options: PredictOptions
    vector_options: VectorOptions
    bands: tuple[int, ...] | None
    record: Path
    fingerprint: str
    cancel_event: str | None = None


def make_job(name: str, image: Path, outputs: Outputs, models: Sequence[str], model_hashes: Sequence[str],
             options: PredictOptions, vector_options: VectorOptions, bands: Sequence[int] | None) -> SceneJob:
    """A scene's job, with the fingerprint of its request (threads and batch size do not change the result)."""
    stat = _file_state(image)
    request = {
        "image": str(image), "image_state": stat, "models": list(model_hashes), "bands": list(bands or []),
        "options": {k: v for k, v in dataclasses.asdict(options).items() if k not in ("threads", "batch_size")},
        "vector": dataclasses.asdict(vector_options) if outputs.vector else None,
        "outputs": {kind: Path(path).name for kind, path in outputs.as_dict().items() if path is not None},
    }
    fingerprint = hashlib.sha256(json.dumps(request, sort_keys=True).encode()).hexdigest()
    return SceneJob(name, image, outputs, tuple(str(m) for m in models), tuple(model_hashes), options,
                    vector_options, tuple(bands) if bands else None, outputs_folder(outputs) / RECORDS / f"{name}.json",
                    fingerprint)


def outputs_folder(outputs: Outputs) -> Path:
    """The folder of a scene's outputs."""
    return Path(outputs.classes).parent


def _file_state(path: str | Path) -> list[int] | None:
    """``[size, modification time in ns]`` of a file, or None when it is missing."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return [stat.st_size, stat.st_mtime_ns]


def output_files(outputs: Outputs) -> dict[str, Path]:
    """A scene's output files by kind (the kinds it writes)."""
    return {kind: Path(path) for kind, path in outputs.as_dict().items() if path is not None}


def write_record(job: SceneJob, result: dict[str, Any]) -> None:
    """Records that the job's outputs are complete (after they are all in place)."""
    record = {"fingerprint": job.fingerprint, "result": result,
              "files": {kind: _file_state(path) for kind, path in output_files(job.outputs).items()}}
    job.record.parent.mkdir(exist_ok=True)
    with atomic_output(job.record) as tmp:
        tmp.write_text(json.dumps(record, indent=1))


def completed_result(job: SceneJob) -> dict[str, Any] | None:
    """The result recorded for a scene whose outputs are complete for this request, else None."""
    try:
        record = json.loads(job.record.read_text(encoding="utf-8"))
        files, result = record["files"], record["result"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if record.get("fingerprint") != job.fingerprint or not isinstance(files, dict):
        return None
    for kind, path in output_files(job.outputs).items():
        if _file_state(path) is None or files.get(kind) != _file_state(path):
            return None
    return result if isinstance(result, dict) else None


# -- the task ---------------------------------------------------------------------------------------------------

class BatchCancelToken(CancelToken):
    """A task's cancel token: also set once the batch's Dask event is (looked at every :data:`CANCEL_POLL_S`)."""

    def __init__(self, event_name: str | None) -> None:
        super().__init__()
        self._event_name = event_name
        self._dask_event: Any = None
        self._looked = -math.inf

    def check(self) -> None:
        """Raises Cancelled when the job or the batch was cancelled."""
        if self._event_name and time.monotonic() - self._looked >= CANCEL_POLL_S:
            self._looked = time.monotonic()
            with suppress(ValueError, OSError):  # not in a worker, or the scheduler is gone: not cancelled
                if self._dask_event is None:
                    from distributed import Event

                    self._dask_event = Event(self._event_name)
                if self._dask_event.is_set():
                    self.cancel()
        super().check()


class TaskReporter(Reporter):
    """A task's reporter: silent, keeps the warnings for the client, stops when the batch is cancelled."""

    def __init__(self, cancel_event: str | None) -> None:
        super().__init__(quiet=True, cancel=BatchCancelToken(cancel_event))
        self.warnings: list[str] = []

    def log(self, message: str, level: str = "info") -> None:
        """Keeps warnings (the client shows them with the scene's name); drops information."""
        if level == "warning":
            self.warnings.append(message)


_loaded = threading.local()  # per task thread: an Ensemble holds per-image state
_slots = threading.local()  # task slots on this worker's machine, and when they were counted


def _ensemble(job: SceneJob, options: PredictOptions) -> Ensemble:
    """The job's models, loaded once per worker thread and reused by its next scenes while they match."""
    key = (job.model_hashes, options.tile_size, options.device, options.backend, options.threads,
           options.model_weights)
    if getattr(_loaded, "key", None) != key:
        _loaded.key, _loaded.ensemble = None, None  # the previous models go before the next load
        _select_gpu(options)
        _loaded.ensemble = load_ensemble(job.models, options)
        _loaded.key = key
    return _loaded.ensemble


def _worker() -> Any:
    """The Dask worker running this task, or None outside one."""
    try:
        from distributed import get_worker

        return get_worker()
    except ValueError:
        return None


def _threads_per_task() -> int:
    """The cores of this worker's machine shared out among the task slots of all the workers on it.

    The slots are counted again every :data:`SLOTS_TTL_S` (workers come and go: restarts, adaptive clusters).
    """
    worker = _worker()
    if worker is None:
        return cpu_threads()
    counted, slots = getattr(_slots, "counted", -math.inf), getattr(_slots, "slots", 0)
    if time.monotonic() - counted > SLOTS_TTL_S:
        from distributed import get_client
        from distributed.comm import get_address_host

        host = get_address_host(worker.address)
        slots = worker.state.nthreads
        with suppress(ValueError, OSError):  # the scheduler is unreachable: this worker's slots alone
            workers = get_client().scheduler_info()["workers"].values()
            slots = max(slots, sum(w["nthreads"] for w in workers if w.get("host") == host))
        _slots.counted, _slots.slots = time.monotonic(), slots
    return max(1, cpu_threads() // max(1, slots))


def _select_gpu(options: PredictOptions) -> None:
    """Local workers share the GPUs out: worker N uses GPU N mod count (a cluster's workers see one GPU each)."""
    import torch

    worker = _worker()
    if options.device != "cpu" and torch.cuda.device_count() > 1 and worker is not None \
            and isinstance(worker.name, int):
        torch.cuda.set_device(worker.name % torch.cuda.device_count())


def classify_scene(job: SceneJob) -> dict[str, Any]:
    """Classifies one scene (a Dask task): writes its outputs, then its completion record.

    Bad input (an unreadable raster, missing bands, all nodata) fails the same way on every try, so it is
    returned as a failed result; any other error (a full disk, a lost file server) is raised, and the
    scheduler runs the task again while the batch's retries last.

    Returns:
        The scene's result: ``name``, ``image``, ``status`` (``done``, ``failed`` or ``cancelled``), ``full_disk``
        (the output that did not fit, only when a full disk failed the scene),
        ``error``, ``warnings``, ``seconds``, ``threads`` (CPU threads of the model), ``outputs``, ``pixels`` per
        class code, and ``raster``
        (the class raster's size, pixel area, bounds and CRS; for a failed scene the image's, if readable).
    """
    reporter = TaskReporter(job.cancel_event)
    start = time.perf_counter()
    options = job.options
    if options.threads is None:
        options = dataclasses.replace(options, threads=_threads_per_task())
    try:
        reporter.cancel.check()
        with reporter.capture_warnings():
            result = classify_raster(_ensemble(job, options), job.image, job.outputs, options, bands=job.bands,
                                     vector_options=job.vector_options, reporter=reporter,
                                     tags=model_tags(job.models))
    except Cancelled:
        return {"name": job.name, "image": str(job.image), "status": "cancelled"}
    except LandcoverError as exc:
        return scene_result(job, "failed", error=str(exc), warnings=reporter.warnings, raster=raster_facts(job.image))
    except OSError as exc:
        if not is_full_disk(exc):
            raise
        # Not retried: every try would fail alike; the batch stops on it (see predict_batch).
        return {**scene_result(job, "failed", error=f"No space left on device ({exc.filename or job.outputs.classes})",
                               warnings=reporter.warnings), "full_disk": str(exc.filename or job.outputs.classes)}
    done = scene_result(job, "done", warnings=reporter.warnings, seconds=time.perf_counter() - start,
                        threads=options.threads, pixels=result["summary"]["pixels"],
                        raster=raster_facts(job.outputs.classes))
    write_record(job, done)
    return done


def scene_result(job: SceneJob, status: str, *, error: str = "", warnings: Sequence[str] = (),
                 seconds: float | None = None, threads: int | None = None, pixels: dict[str, int] | None = None,
                 raster: dict[str, Any] | None = None) -> dict[str, Any]:
    """A scene's result (see :func:`classify_scene`)."""
    return {"name": job.name, "image": str(job.image), "status": status, "error": error, "warnings": list(warnings),
            "seconds": seconds, "threads": threads,
            "outputs": {kind: str(path) for kind, path in output_files(job.outputs).items()},
            "pixels": pixels or {}, "raster": raster}


def raster_facts(path: str | Path) -> dict[str, Any] | None:
    """A raster's size, pixel area (map units²), bounds and CRS (WKT), or None when it cannot be read."""
    import rasterio
    from rasterio.errors import RasterioError

    try:
        with rasterio.open(path) as src:
            return {"width": src.width, "height": src.height, "pixel_area": abs(src.transform.determinant),
                    "bounds": list(src.bounds), "crs": src.crs.to_wkt() if src.crs else None}
    except (OSError, RasterioError):
        return None
