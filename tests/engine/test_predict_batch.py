"""predict-batch: scenes over Dask workers (one killed mid-scene), failures, resuming, the summary, cancelling."""

from __future__ import annotations

import contextlib
import csv
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import geopandas as gpd
import numpy as np
import psutil
import pytest
import rasterio
from conftest import parse_events
from inference_fixtures import CRS, PIXEL, read_band, save_mobilenet, write_image

from landcover_core.demo.synthetic import DEMO_SCHEME
from landcover_core.errors import InputError
from landcover_core.inference.catalogue import list_scenes, scene_names
from landcover_core.inference.runners import cpu_threads

#: Prediction settings of every run here.
SETTINGS = ["--tile-size", "64"]
#: CPU threads of each of two workers on this machine (the cores shared out), as the reference runs use them.
THREADS = max(1, cpu_threads() // 2)


@pytest.fixture(autouse=True)
def _onnx_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    # In the environment: inherited by the engine processes and the Dask workers they start.
    monkeypatch.setenv("LANDCOVER_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "onnx-cache"))


@pytest.fixture(scope="module")
def model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return save_mobilenet(tmp_path_factory.mktemp("model") / "model.pt")


def _batch(model: Path, images: object, out: Path, *extra: object) -> list:
    return ["predict-batch", "--model", model, "--images", images, "--out-dir", out, *SETTINGS, *extra]


def _event(events: list[dict], kind: str) -> dict:
    return next(e for e in events if e["event"] == kind)


def _partials(folder: Path) -> list[Path]:
    return sorted(folder.rglob(".*.partial-*"))


def _kill_a_worker_mid_scene(out: Path, workers: set[int], engine: subprocess.Popen) -> Path:
    """SIGKILLs the worker writing a scene's outputs; returns the partial folder the dead worker left."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and engine.poll() is None:
        for folder in _partials(out) if out.is_dir() else []:
            pid = int(folder.name.rsplit("-", 1)[1])
            if pid in workers:
                os.kill(pid, signal.SIGKILL)
                with contextlib.suppress(psutil.NoSuchProcess):
                    psutil.Process(pid).wait(10)
                if folder.exists():  # else the scene ended just before the kill: take the next one
                    return folder
                workers.discard(pid)
        time.sleep(0.005)
    raise AssertionError(f"no worker was caught writing a scene; engine exit {engine.poll()}")


def test_a_worker_killed_mid_scene_leaves_every_output_complete_and_as_predict_writes_it(
        model: Path, tmp_path: Path, run) -> None:
    from distributed import Client, LocalCluster

    scenes = tmp_path / "scenes"
    scenes.mkdir()
    for i in range(4):  # 256 px scenes: a second or so each, long enough to be caught mid-write
        write_image(scenes / f"scene{i}.tif", 256, 256, seed=i)
    reference = tmp_path / "reference"
    reference.mkdir()
    for scene in sorted(scenes.iterdir()):
        code, _, err = run("predict", "--model", model, "--image", scene, "--out", reference / f"{scene.stem}.tif",
                           "--confidence", reference / f"{scene.stem}.conf.tif", "--tile-size", "64", "--threads",
                           THREADS, "--quiet")
        assert code == 0, err
    out = tmp_path / "out"
    # An existing cluster (as one on Kubernetes or HPC would be), reached with --cluster; its workers run
    # under nannies, which start a new worker when one dies.
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        workers = set(client.run(os.getpid).values())
        engine = subprocess.Popen([sys.executable, "-m", "landcover_core",
                                   *map(str, _batch(model, scenes, out, "--confidence", "--cluster",
                                                    cluster.scheduler_address)), "--json-progress"],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            left = _kill_a_worker_mid_scene(out, workers, engine)
            stdout, stderr = engine.communicate(timeout=180)
        finally:
            engine.kill()
    assert engine.returncode == 0, stderr[-3000:]
    summary = _event(parse_events(stdout), "result")["summary"]
    assert (summary["done"], summary["skipped"], summary["failed"]) == (4, 0, [])
    assert not left.exists() and _partials(out) == [], "the dead worker's partial outputs are removed"
    for scene in sorted(scenes.iterdir()):
        name = scene.stem
        for mine, theirs in ((f"{name}.classes.tif", f"{name}.tif"), (f"{name}.confidence.tif", f"{name}.conf.tif")):
            assert np.array_equal(read_band(out / mine), read_band(reference / theirs)), mine
        record = json.loads((out / ".done" / f"{name}.json").read_text())
        assert record["result"]["threads"] == THREADS, "two workers on one machine share its cores"


def _rows(path: Path) -> dict[str, dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as handle:
        return {row["scene"]: row for row in csv.DictReader(handle)}


def test_failed_scenes_are_reported_the_others_summarised_and_a_rerun_classifies_only_what_is_not_complete(
        model: Path, tmp_path: Path, run) -> None:
    scenes = tmp_path / "scenes"
    scenes.mkdir()
    for i, name in enumerate(("north", "south")):
        write_image(scenes / f"{name}.tif", 128, 160, seed=i)
    (scenes / "damaged.tif").write_text("not a raster")
    listing = tmp_path / "catalogue.txt"  # a list of paths, relative to the list, one of them missing
    listing.write_text("# the catalogue\nscenes/north.tif\nscenes/damaged.tif\n\nscenes/south.tif\nscenes/gone.tif\n")
    out = tmp_path / "out"

    code, stdout, err = run(*_batch(model, listing, out, "--workers", "1", "--retries", "1", "--json-progress"))
    assert code == 3, err
    events = parse_events(stdout)
    summary = _event(events, "result")["summary"]
    error = _event(events, "error")
    assert error["kind"] == "PartialFailure" and "2 of 4 scenes failed" in error["message"]
    assert (summary["done"], summary["skipped"]) == (2, 0)
    failed = {f["scene"]: f["error"] for f in summary["failed"]}
    assert set(failed) == {"damaged", "gone"}
    assert "not a readable raster" in failed["damaged"] and "does not exist" in failed["gone"]
    progress = [e for e in events if e["event"] == "progress"]
    assert (progress[-1]["current"], progress[-1]["total"]) == (4, 4)

    rows = _rows(out / "summary.csv")
    assert [rows[n]["status"] for n in ("north", "damaged", "south", "gone")] == ["done", "failed", "done", "failed"]
    assert rows["gone"]["error"] == failed["gone"] and rows["gone"]["water_ha"] == ""
    for name in ("north", "south"):
        codes = read_band(out / f"{name}.classes.tif")
        row = rows[name]
        assert row["crs"] == CRS and float(row["pixel_area"]) == PIXEL * PIXEL
        assert int(row["classified_pixels"]) == int((codes != DEMO_SCHEME.nodata_code).sum())
        for land in DEMO_SCHEME.classes:
            pixels = int((codes == land.code).sum())
            assert float(row[f"{land.name}_ha"]) == pytest.approx(pixels * PIXEL * PIXEL / 10_000)
            assert float(row[f"{land.name}_area"]) == pytest.approx(pixels * PIXEL * PIXEL)
            assert float(row[f"{land.name}_frac"]) == pytest.approx(pixels / int(row["classified_pixels"]), abs=1e-6)
    footprints = gpd.read_file(out / "summary.gpkg", layer="scenes")
    assert footprints.crs.to_epsg() == 32633 and len(footprints) == 4
    by_scene = footprints.set_index("scene")
    with rasterio.open(scenes / "north.tif") as src:
        assert by_scene.loc["north"].geometry.bounds == pytest.approx(tuple(src.bounds))
    assert by_scene.loc["gone"].geometry is None
    assert by_scene.loc["south", "water_ha"] == pytest.approx(float(rows["south"]["water_ha"]))

    kept = (out / "north.classes.tif").stat().st_mtime_ns
    (out / "south.classes.tif").unlink()  # an output lost since: that scene is classified again
    code, stdout, err = run(*_batch(model, listing, out, "--workers", "1", "--json-progress"))
    assert code == 3, err
    summary = _event(parse_events(stdout), "result")["summary"]
    assert (summary["done"], summary["skipped"], len(summary["failed"])) == (1, 1, 2)
    assert [r["status"] for r in _rows(out / "summary.csv").values()] == ["skipped", "failed", "done", "failed"]
    assert (out / "north.classes.tif").stat().st_mtime_ns == kept and (out / "south.classes.tif").is_file()
    record = json.loads((out / ".done" / "south.json").read_text())
    assert record["result"]["threads"] == cpu_threads(), "one local worker has every core"
    assert _partials(out) == [] and not list(out.glob(".*.lock"))


def test_cancelling_stops_the_workers_and_keeps_no_partial_output(model: Path, tmp_path: Path) -> None:
    scenes = tmp_path / "scenes"
    scenes.mkdir()
    for i in range(4):
        write_image(scenes / f"scene{i}.tif", 256, 256, seed=i)
    out = tmp_path / "out"
    engine = subprocess.Popen([sys.executable, "-m", "landcover_core", *map(str, _batch(model, scenes, out)),
                               "--workers", "2", "--json-progress"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while not (out.is_dir() and _partials(out)) and time.monotonic() < deadline and engine.poll() is None:
            time.sleep(0.005)
        workers = psutil.Process(engine.pid).children(recursive=True)
        assert _partials(out) and len(workers) >= 2, "a scene is being written by a worker"
        engine.send_signal(signal.SIGTERM)  # as the QGIS plugin cancels
        stdout, stderr = engine.communicate(timeout=30)
    finally:
        engine.kill()
    assert engine.returncode == 130, stderr[-3000:]
    assert _event(parse_events(stdout), "error")["kind"] == "Cancelled"
    _, alive = psutil.wait_procs(workers, timeout=10)
    assert not alive, "the workers are gone with the engine"
    assert _partials(out) == [] and not list(out.glob(".*.lock"))
    for record in (out / ".done").glob("*.json") if (out / ".done").is_dir() else []:
        assert (out / f"{record.stem}.classes.tif").is_file(), "a scene recorded as complete is complete"


def test_scenes_come_from_files_folders_globs_and_lists(tmp_path: Path) -> None:
    for folder in ("a", "b", "a/deep"):
        (tmp_path / folder).mkdir()
    for name in ("a/one.tif", "a/two.TIFF", "a/notes.txt", "a/deep/three.tif", "b/four.tif", "b/five.jp2"):
        (tmp_path / name).write_bytes(b"")
    (tmp_path / "list.txt").write_text("b/four.tif\n# b/five.jp2\nb/*.jp2\n")
    names = [p.relative_to(tmp_path).as_posix()
             for p in list_scenes([tmp_path / "a", str(tmp_path / "**" / "three.tif"), tmp_path / "list.txt",
                                   tmp_path / "a" / "one.tif"])]
    assert names == ["a/one.tif", "a/two.TIFF", "a/deep/three.tif", "b/four.tif", "b/five.jp2"]
    assert [p.name for p in list_scenes([tmp_path / "b"], "*.JP2")] == ["five.jp2"]
    with pytest.raises(InputError, match="holds no file matching"):
        list_scenes([tmp_path / "b"], "*.png")
    with pytest.raises(InputError, match="No file matches"):
        list_scenes([str(tmp_path / "*.vrt")])
    shutil.copy(tmp_path / "b" / "four.tif", tmp_path / "a" / "four.tif")
    with pytest.raises(InputError, match="Two images are named four"):
        scene_names(list_scenes([tmp_path / "a", tmp_path / "b"]))


def test_the_record_of_a_complete_scene_names_its_request(model: Path, tmp_path: Path) -> None:
    from landcover_core.config import PredictOptions, VectorOptions
    from landcover_core.inference.catalogue import classify_scene, completed_result, make_job, scene_outputs

    image = write_image(tmp_path / "scene.tif", 96, 96)

    def job(**options):
        return make_job("scene", image, scene_outputs(tmp_path, "scene", ["confidence"]), [str(model)], ["hash"],
                        PredictOptions(tile_size=64, **options), VectorOptions(), None)

    assert completed_result(job()) is None
    result = classify_scene(job(threads=1))
    assert result["status"] == "done" and completed_result(job()) == json.loads(json.dumps(result))
    assert completed_result(job(threads=2, batch_size=8)) is not None  # same arithmetic, same outputs
    assert completed_result(job(tta="flips")) is None  # other options: other outputs
    (tmp_path / "scene.confidence.tif").write_bytes(b"truncated")
    assert completed_result(job()) is None
