"""``predict-batch``: a catalogue of scenes, one Dask task per scene, on a local cluster or an existing one.

Everything that can be checked once (models, options, the list of scenes, the output folder) is checked
before any worker starts; a scene that fails (bad raster, a worker dying) is reported and the others go
on. Scenes whose outputs an earlier run completed are skipped (see
:mod:`landcover_core.inference.catalogue`), so a run stopped for any reason is resumed by running it again.
On cancellation the batch's Dask event tells running tasks to stop (they delete their partial outputs),
queued tasks are cancelled, the cluster is closed, and partial outputs left by killed workers are removed.
"""

from __future__ import annotations

import contextlib
import dataclasses
import itertools
import logging
import time
import uuid
from collections.abc import Generator, Iterator, Sequence
from pathlib import Path
from typing import Any

from landcover_core import __version__
from landcover_core.common.resources import physical_memory
from landcover_core.config import BatchOptions, PredictOptions, VectorOptions
from landcover_core.errors import InputError, PartialFailureError, tell_leftovers
from landcover_core.inference.batch_summary import summary_rows, write_csv, write_footprints
from landcover_core.inference.catalogue import (
    SceneJob,
    classify_scene,
    completed_result,
    list_scenes,
    make_job,
    output_files,
    raster_facts,
    scene_names,
    scene_outputs,
    scene_result,
)
from landcover_core.inference.model_set import ModelSet, load_models
from landcover_core.inference.predict import check_options
from landcover_core.inference.runners import cpu_threads, export_problem, onnx_cache_path
from landcover_core.outputs.files import check_output_paths, full_disk_error, remove_stale_partials
from landcover_core.progress import Reporter

#: Memory set aside per local worker when sizing the cluster (a model, its runtime and a few batches of tiles).
WORKER_MEMORY = 2 << 30
#: Seconds to wait for a scheduler to answer, and for a first worker to join it.
CONNECT_TIMEOUT_S = 30
WORKER_WAIT_S = 120
#: Seconds between two looks for finished scenes (and for cancellation).
WAIT_POLL_S = 0.1
#: Failed scenes named in the error message (all of them are in the summary).
NAMED_FAILURES = 3


def predict_batch(
    models: Sequence[str | Path] | ModelSet,
    images: Sequence[str | Path],
    out_dir: str | Path,
    options: PredictOptions | None = None,
    batch: BatchOptions | None = None,
    *,
    extra_outputs: Sequence[str] = (),
    bands: Sequence[int] | None = None,
    vector_options: VectorOptions | None = None,
    summary: str | Path | None = None,
    cluster: str | None = None,
    reporter: Reporter | None = None,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Classifies every scene of a catalogue into ``out_dir`` and writes the summary of class areas per scene.

    Args:
        models: one model file, or several (an ensemble); or a set of them loaded with
            :func:`~landcover_core.inference.model_set.load_models`.
        images: raster files, folders, glob patterns and list files (see
            :func:`~landcover_core.inference.catalogue.list_scenes`).
        out_dir: the output folder (made if missing; its parent must exist).
        options: prediction settings, as for ``predict``.
        batch: the file-name patterns of rasters in folders, workers, threads, retries, and whether complete
            scenes are classified again.
        extra_outputs: ``confidence``, ``uncertainty`` and/or ``vector``: also written per scene.
        bands: raster bands to feed the models (default: the models' bands).
        vector_options: polygon settings (with ``vector``).
        summary: the CSV of class areas (default ``OUT_DIR/summary.csv``); the footprints go beside it (``.gpkg``).
        cluster: address of a Dask scheduler to run on (default: a local cluster).
        reporter: progress (scenes done / total) and cancellation.

    Returns:
        ``(outputs, summary)``: the output folder and summary files; counts of scenes done, skipped and
        failed, the failures, the classes and the class rasters.

    Raises:
        InputError: bad models, options, images or output folder (before any scene is classified), an
            unreachable cluster, or a full disk (the batch stops at the first scene that does not fit).
        PartialFailureError: some scenes failed after their retries; the others are complete and summarised.
        Cancelled: cancelled; completed scenes are kept, no partial output is left.
    """
    options = options or PredictOptions()
    batch = batch or BatchOptions()
    vector_options = vector_options or VectorOptions()
    reporter = reporter or Reporter(quiet=True)
    if cluster and batch.workers:
        raise InputError("--workers sizes the local cluster; with --cluster the cluster's own workers are used.")
    model_set = load_models(models, options)
    check_options(model_set.specs, options, model_set.paths)
    scenes = list_scenes(images, batch.pattern)
    names = scene_names(scenes)
    folder = _check_out_dir(out_dir, scenes)
    table = Path(summary).absolute() if summary else folder / "summary.csv"
    footprints = table.with_suffix(".gpkg")
    if table.suffix.lower() != ".csv":
        raise InputError(f"--summary {table} must be a .csv file (the footprints go to {footprints.name}).")
    folder.mkdir(exist_ok=True)
    check_output_paths({"--summary": table, "the footprints": footprints}, [*scenes, *model_set.paths])

    paths = [str(m) for m in model_set.paths]
    jobs = [make_job(name, scene, scene_outputs(folder, name, extra_outputs), paths, model_set.hashes, options,
                     vector_options, bands) for name, scene in zip(names, scenes, strict=True)]
    previous = {job.name: None if batch.force else completed_result(job) for job in jobs}
    earlier = [{**result, "status": "skipped", "warnings": []} for result in previous.values() if result is not None]
    todo = [job for job in jobs if previous[job.name] is None]
    start = time.perf_counter()
    results: dict[str, dict[str, Any]] = {}
    sizing: dict[str, Any] = {"cluster": cluster or "local"}
    with contextlib.ExitStack() as stack:
        stack.callback(_remove_partials, todo)  # last: after the workers are gone
        finished: Iterator[dict[str, Any]] = iter(())
        if todo:
            client = stack.enter_context(_client(cluster, batch, options, model_set, len(todo), sizing, reporter))
            # Closed before the client: a batch stopped early cancels the scenes still queued or running.
            finished = stack.enter_context(contextlib.closing(_classify(client, todo, batch.retries, sizing,
                                                                        reporter)))
        reporter.log(f"Classifying {len(todo)} of {len(jobs)} scenes ({len(earlier)} complete from an earlier run)"
                     + (f" on {sizing['where']}." if todo else "."))
        for result in reporter.track(itertools.chain(earlier, finished), len(jobs), "predict-batch",
                                     "Classifying scenes"):
            results[result["name"]] = result
            if result.get("full_disk"):
                _stop_on_full_disk(result["full_disk"], list(results.values()), folder)
            for warning in result.get("warnings", []):
                reporter.warning(f"{result['name']}: {warning}")
            if result["status"] == "failed":
                reporter.warning(f"{result['name']} failed: {result['error']}")
    seconds = time.perf_counter() - start
    ordered = [results[job.name] for job in jobs]
    rows = summary_rows(ordered, model_set.scheme)
    try:
        write_csv(rows, table)
        write_footprints(rows, ordered, footprints)
    except Exception as exc:
        _tell_completed_scenes(exc, ordered, folder)
        raise
    return _report(ordered, model_set.scheme.to_list(), folder, table, footprints, seconds, sizing)


def _stop_on_full_disk(output: str, results: Sequence[dict[str, Any]], folder: Path) -> None:
    """Stops the batch when a scene's output did not fit: the next scenes would not fit either.

    Raises:
        InputError: naming the output, and the scenes complete before (kept; a re-run skips them).
    """
    error = full_disk_error(output, " The batch was stopped; the scene being written was not kept.")
    _tell_completed_scenes(error, results, folder)
    raise error


def _tell_completed_scenes(exc: Exception, results: Sequence[dict[str, Any]], folder: Path) -> None:
    """Says, on an error writing the summary, that the scenes classified are complete and kept (not re-run)."""
    complete = [r for r in results if r["status"] in ("done", "skipped")]
    if complete:
        tell_leftovers(exc, f"The {len(complete)} scene(s) classified are complete in {folder} and kept; run the "
                            "same command again to write the summary (they are not classified again).",
                       kept=[r["outputs"]["classes"] for r in complete])


def _check_out_dir(out_dir: str | Path, scenes: Sequence[Path]) -> Path:
    folder = Path(out_dir).absolute()
    if folder.exists() and not folder.is_dir():
        raise InputError(f"--out-dir {folder} is a file; give a folder for the outputs.")
    if not folder.parent.is_dir():
        raise InputError(f"The parent folder of --out-dir {folder} does not exist.")
    if any(scene.parent.resolve() == folder.resolve() for scene in scenes):
        raise InputError(f"--out-dir {folder} holds images to classify; write the outputs to another folder (a "
                         "re-run would take them for images).")
    return folder


def local_workers(batch: BatchOptions, options: PredictOptions, scenes: int) -> tuple[int, int]:
    """The workers of a local cluster for ``scenes`` scenes, and the CPU threads of each.

    One worker per CUDA GPU; on CPU one per ``--threads-per-worker`` cores (default 1), at most one per
    :data:`WORKER_MEMORY` of memory; never more than the scenes. The cores are shared out among them.
    """
    import torch

    cores = cpu_threads()
    threads = batch.threads_per_worker or options.threads
    gpus = torch.cuda.device_count() if options.device != "cpu" and options.backend != "onnx" else 0
    if batch.workers:
        workers = batch.workers
    elif gpus:
        workers = gpus
    else:
        workers = cores // (threads or 1)
        memory = physical_memory()
        if memory:
            workers = min(workers, memory // WORKER_MEMORY)
    workers = max(1, min(workers, scenes))
    return workers, threads or max(1, cores // workers)


@contextlib.contextmanager
def _client(address: str | None, batch: BatchOptions, options: PredictOptions, model_set: ModelSet, scenes: int,
            sizing: dict[str, Any], reporter: Reporter) -> Iterator[Any]:
    """A Dask client of the cluster at ``address``, or of a local cluster sized to the machine; closed afterwards.

    ``sizing`` receives ``workers``, ``threads_per_worker`` (None: each worker's share of its machine's cores)
    and ``where``.
    """
    from distributed import Client, LocalCluster

    if address:
        try:
            client = Client(address, timeout=CONNECT_TIMEOUT_S)
        except (OSError, TimeoutError, ValueError) as exc:
            raise InputError(f"Cannot reach the Dask scheduler at {address} ({exc}); start it, or check the address "
                             "(e.g. tcp://host:8786).") from None
        with contextlib.closing(client):
            workers = _check_workers(client, address, reporter)
            sizing.update(workers=workers, threads_per_worker=batch.threads_per_worker or options.threads,
                          where=f"the Dask cluster at {address} ({workers} workers)")
            yield client
        return
    workers, threads = local_workers(batch, options, scenes)
    sizing.update(workers=workers, threads_per_worker=threads,
                  where=f"a local cluster of {workers} worker(s) × {threads} thread(s)")
    _export_once(model_set, dataclasses.replace(options, threads=options.threads or threads), reporter)
    # No dashboard, and the scheduler's HTTP routes on a free local port (not 8787: batches may run side by side).
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                      scheduler_kwargs={"dashboard_address": "127.0.0.1:0"}, silence_logs=logging.ERROR) as local, \
            Client(local) as client:
        yield client


def _export_once(model_set: ModelSet, options: PredictOptions, reporter: Reporter) -> None:
    """Makes the models' missing ONNX exports (CPU runs) here once, rather than in every local worker at once."""
    import torch

    on_cpu = options.device == "cpu" or not torch.cuda.is_available()
    tile = model_set.tile_size(options)
    if options.backend != "torch" and on_cpu and any(export_problem(onnx_cache_path(h, tile), h) is not None
                                                     for h in model_set.hashes):
        model_set.ensemble(options, reporter)


def _check_workers(client: Any, address: str, reporter: Reporter) -> int:
    """Waits for a first worker, and checks that the workers run this engine; returns how many there are."""
    deadline = time.monotonic() + WORKER_WAIT_S
    while not client.nthreads():
        if time.monotonic() > deadline:
            raise InputError(f"No worker joined the Dask cluster at {address} within {WORKER_WAIT_S} s; start "
                             f"workers (e.g. dask worker {address}).")
        reporter.cancel.check()
        time.sleep(0.5)
    try:
        versions = client.run(engine_version)
    except Exception as exc:  # noqa: BLE001 - whatever a worker without the engine raises: say so
        raise InputError(f"The workers of the Dask cluster at {address} cannot run landcover ({type(exc).__name__}: "
                         f"{exc}); install landcover {__version__} in their environment.") from None
    others = sorted({str(v) for v in versions.values()} - {__version__})
    if others:
        reporter.warning(f"Workers of {address} run landcover {', '.join(others)}, this is {__version__}.")
    return len(versions)


def engine_version() -> str:
    """The engine's version (run on the workers)."""
    return __version__


def _classify(client: Any, jobs: Sequence[SceneJob], retries: int, sizing: dict[str, Any],
              reporter: Reporter) -> Generator[dict[str, Any], None, None]:
    """Submits one task per job and yields the scenes' results as they finish; cancels them all when stopped."""
    from distributed import Event, as_completed

    run = uuid.uuid4().hex
    event = f"landcover-cancel-{run}"
    futures = {}
    for job in jobs:
        task = dataclasses.replace(job, cancel_event=event,
                                   options=dataclasses.replace(job.options, threads=sizing["threads_per_worker"]))
        futures[client.submit(classify_scene, task, pure=False, key=f"landcover-{job.name}-{run}",
                              retries=retries)] = job
    try:
        pending = as_completed(futures)
        while not pending.is_empty():
            ready = pending.next_batch(block=False)
            if not ready:
                reporter.cancel.check()
                time.sleep(WAIT_POLL_S)
            for future in ready:
                yield _result(future, futures[future], retries)
    except BaseException:  # cancelled, or the consumer stopped: running tasks stop and delete their partial files
        Event(event, client=client).set()  # stays set on the scheduler: a task that starts late still sees it
        client.cancel(list(futures))
        raise


def _result(future: Any, job: SceneJob, retries: int) -> dict[str, Any]:
    """A finished task's result, or a failed scene's result describing why the task failed."""
    if future.status == "finished":
        return future.result()
    return scene_result(job, "failed", error=failure_message(future.exception(), retries),
                        raster=raster_facts(job.image))


def failure_message(exc: BaseException, retries: int) -> str:
    """Why a task failed after its retries, for the user."""
    from distributed.scheduler import KilledWorker

    from landcover_core.outputs.files import as_input_error

    if isinstance(exc, KilledWorker):
        return ("the workers classifying it died each time (out of memory, or a crash): see the workers' logs, or "
                "use a smaller --tile-size or --batch-size")
    known = as_input_error(exc) if isinstance(exc, Exception) else None
    message = str(known) if known is not None else f"{type(exc).__name__}: {exc}"
    return f"{message} ({retries + 1} tries)" if retries else message


def _remove_partials(jobs: Sequence[SceneJob]) -> None:
    """Removes partial outputs of processes that no longer run (workers killed mid-scene)."""
    for job in jobs:
        for path in [*output_files(job.outputs).values(), job.record]:
            remove_stale_partials(path)


def _report(results: Sequence[dict[str, Any]], classes: list[dict[str, Any]], folder: Path, table: Path,
            footprints: Path, seconds: float, sizing: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The command's outputs and summary; raises PartialFailureError when scenes failed."""
    counts = {status: sum(r["status"] == status for r in results) for status in ("done", "skipped", "failed")}
    failed = [{"scene": r["name"], "image": r["image"], "error": r["error"]} for r in results
              if r["status"] == "failed"]
    outputs = {"folder": folder, "summary": table, "footprints": footprints}
    summary = {
        "scenes": len(results), **{k: counts[k] for k in ("done", "skipped")}, "failed": failed, "classes": classes,
        "class_rasters": [r["outputs"]["classes"] for r in results if r["status"] in ("done", "skipped")],
        "seconds": round(seconds, 3),
        "scenes_per_minute": round(counts["done"] / seconds * 60, 3) if counts["done"] and seconds > 0 else None,
        **{k: sizing.get(k) for k in ("cluster", "workers", "threads_per_worker")},
    }
    if failed:
        named = " ".join(f"{f['scene']}: {f['error'].rstrip('.')}." for f in failed[:NAMED_FAILURES])
        more = f" ({len(failed) - NAMED_FAILURES} more.)" if len(failed) > NAMED_FAILURES else ""
        raise PartialFailureError(
            f"{len(failed)} of {len(results)} scenes failed. {named}{more} The other {len(results) - len(failed)} "
            f"are complete; every error is in {table}. Running the same command again retries only the scenes "
            "that are not complete.", outputs, summary)
    return outputs, summary
