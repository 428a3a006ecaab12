"""Trustworthy under bad input, interruption and concurrency: crafted checkpoints, multi-file outputs, input
ranges, label repairs, warnings, locks, crash leftovers, read-only folders and full disks."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import warnings
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
import rasterio
import torch
from conftest import TINY_TRAIN, files_in, parse_events
from inference_fixtures import CRS, MEAN, PIXEL, STD, save_mobilenet, write_codes, write_image
from shapely.geometry import Polygon, box

from landcover_core.demo.synthetic import DEMO_SCHEME
from landcover_core.models.modelfile import ModelSpec, load_spec, save_model
from landcover_core.models.networks import build_model
from landcover_core.outputs.files import lock_path


@pytest.fixture(autouse=True)
def _onnx_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANDCOVER_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "onnx-cache"))


@pytest.fixture(scope="module")
def classes(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 96 x 96 class raster (codes 1-4, with the demo scheme's names)."""
    codes = np.random.default_rng(0).integers(1, 5, (96, 96))
    return write_codes(tmp_path_factory.mktemp("classes") / "classes.tif", codes, scheme=DEMO_SCHEME)


def _hidden(folder: Path) -> list[str]:
    return [name for name in files_in(folder) if name.startswith(".")]


# -- security -----------------------------------------------------------------------------------------

class _RunsCode:
    """Pickles to a call of ``os.system``: what a crafted checkpoint holds."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return os.system, (f"touch {self.marker}",)


def test_resume_refuses_a_crafted_checkpoint_without_running_it(scene, tmp_path: Path, run) -> None:
    marker = tmp_path / "code-ran"
    torch.save({"epoch": 1, "config": _RunsCode(marker)}, tmp_path / "model.pt.ckpt")
    code, _, err = run("train", "--image", scene.image, "--labels", scene.polygons, "--class-field", "class",
                       "--out", tmp_path / "model.pt", *TINY_TRAIN, "--resume")
    assert code == 2, err
    assert "Refusing to resume from" in err and "posix.system" in err and "Traceback" not in err
    assert not marker.exists()


def test_checkpoint_is_plain_data_and_resume_lists_each_epoch_once(scene, tmp_path: Path) -> None:
    """A run killed after logging an epoch but before its checkpoint must not list that epoch twice."""
    model = tmp_path / "model.pt"
    argv = [sys.executable, "-m", "landcover_core", "train", "--image", str(scene.image), "--labels",
            str(scene.polygons), "--class-field", "class", "--out", str(model), *TINY_TRAIN[:-3],
            "--samples-per-epoch", "8", "--epochs", "3"]
    proc = subprocess.Popen([*argv, "--json-progress"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    for line in proc.stdout:
        if '"event": "metrics"' in line:
            proc.send_signal(signal.SIGTERM)
            break
    proc.communicate(timeout=120)
    checkpoint = torch.load(tmp_path / "model.pt.ckpt", weights_only=True)  # plain data only
    log = tmp_path / "model.pt.metrics.jsonl"
    assert not log.exists()  # a cancelled run removes its log; a killed one leaves an epoch after the checkpoint:
    logged = [json.dumps(record) for record in checkpoint["history"]]
    log.write_text("\n".join([*logged, json.dumps({"epoch": checkpoint["epoch"] + 1, "train_loss": 1.0})]) + "\n")
    done = subprocess.run([*argv, "--resume", "--quiet"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert [json.loads(line)["epoch"] for line in log.read_text().splitlines()] == [1, 2, 3]
    spec = load_spec(model)  # the training data's type and range are recorded
    assert spec.input_dtype == "uint8" and len(spec.input_range) == 4
    assert all(0 <= low < high <= 255 for low, high in spec.input_range)


# -- outputs that lie or break --------------------------------------------------------------------------

def test_shapefile_output_keeps_every_sidecar(classes: Path, tmp_path: Path, run) -> None:
    code, _, err = run("vectorize", classes, "--out", tmp_path / "polygons.shp", "--quiet")
    assert code == 0, err
    assert {"polygons.shp", "polygons.shx", "polygons.dbf", "polygons.prj", "polygons.cpg"} <= files_in(tmp_path)
    assert _hidden(tmp_path) == []
    frame = gpd.read_file(tmp_path / "polygons.shp")
    assert len(frame) > 1 and set(frame["class_id"]) == {1, 2, 3, 4}


def test_prediction_with_shapefile_polygons_leaves_no_doubled_temporary_names(tmp_path: Path, run) -> None:
    image = write_image(tmp_path / "image.tif", 96, 96)
    model = save_mobilenet(tmp_path / "model.pt")
    out = tmp_path / "out"
    out.mkdir()
    code, _, err = run("predict", "--model", model, "--image", image, "--out", out / "classes.tif", "--vector",
                       out / "classes.shp", "--tile-size", "64", "--backend", "torch", "--quiet")
    assert code == 0, err
    assert {"classes.tif", "classes.shp", "classes.shx", "classes.dbf", "classes.prj"} <= files_in(out)
    assert _hidden(out) == [] and not [name for name in files_in(out) if "partial" in name]
    assert len(gpd.read_file(out / "classes.shp")) > 0


def _model_with_range(path: Path) -> Path:
    torch.manual_seed(0)
    net = build_model("mobilenet_v3_large", 3, len(DEMO_SCHEME), "none", "group")
    spec = ModelSpec("mobilenet_v3_large", [1, 2, 3], DEMO_SCHEME, MEAN, STD, "group", 64, input_dtype="uint8",
                     input_range=[[20.0, 200.0]] * 3)
    return save_model(path, net, spec)


@pytest.mark.parametrize("kind,warned", [("uint8", False), ("float01", True), ("uint16", True)])
def test_imagery_unlike_the_training_data_is_flagged(tmp_path: Path, run, kind: str, warned: bool) -> None:
    model = _model_with_range(tmp_path / "model.pt")
    image = write_image(tmp_path / "image.tif", 96, 96)
    if kind != "uint8":
        with rasterio.open(image) as src:
            profile, data = src.profile, src.read()
        values = data / 255.0 if kind == "float01" else data.astype(np.float64) * 40 + 1000
        dtype = "float32" if kind == "float01" else "uint16"
        image = tmp_path / f"{kind}.tif"
        with rasterio.open(image, "w", **{**profile, "dtype": dtype}) as dst:
            dst.write(np.where(data == 0, 0, values).astype(dtype))
    code, _, err = run("predict", "--model", model, "--image", image, "--out", tmp_path / "c.tif", "--tile-size", "64",
                       "--backend", "torch", "--quiet")
    assert code == 0, err
    assert ("far outside the range of the model's training imagery (uint8)" in err) == warned, err


def test_invalid_and_incomplete_label_polygons_are_repaired_or_dropped_with_a_count(classes: Path, tmp_path: Path,
                                                                                    run) -> None:
    x0, y0 = 500000.0, 4500000.0 - 96 * PIXEL
    bowtie = Polygon([(x0 + 100, y0 + 100), (x0 + 400, y0 + 400), (x0 + 400, y0 + 100), (x0 + 100, y0 + 400)])
    frame = gpd.GeoDataFrame({"code": [1, 2, None, 3]}, crs=CRS, geometry=[
        bowtie, box(x0 + 500, y0 + 500, x0 + 800, y0 + 800), box(x0 + 10, y0 + 10, x0 + 50, y0 + 50), None])
    frame.to_file(tmp_path / "reference.gpkg")
    code, _, err = run("evaluate", "--prediction", classes, "--reference-vector", tmp_path / "reference.gpkg",
                       "--class-field", "code", "--out-json", tmp_path / "report.json", "--quiet")
    assert code == 0, err
    assert "repaired 1 invalid (e.g. self-intersecting) polygon(s)" in err
    assert "dropped 1 without a geometry and 1 without a value in 'code' of 4 feature(s)" in err
    pixels = json.loads((tmp_path / "report.json").read_text())["pixels"]
    assert pixels > 0.9 * (2 * 15 * 15 + 30 * 30)  # the bowtie's two triangles count, as the square does


def test_python_warnings_do_not_reach_stderr_under_quiet(classes: Path, tmp_path: Path, run) -> None:
    """Rasters without georeferencing make rasterio warn; under --quiet nothing but errors may be printed."""
    plain = {}
    for name, source in (("prediction", classes), ("reference", classes)):
        with rasterio.open(source) as src:
            profile, data = src.profile, src.read()
        profile.update(crs=None, transform=rasterio.Affine.identity())
        plain[name] = tmp_path / f"{name}.tif"
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # writing them warns too; only the command's output is checked
            with rasterio.open(plain[name], "w", **profile) as dst:
                dst.write(data)
    code, _, err = run("evaluate", "--prediction", plain["prediction"], "--reference-raster", plain["reference"],
                         "--out-json", tmp_path / "r.json", "--quiet")
    assert code == 0, err
    assert err == ""


def test_vectorize_reads_the_band_asked_for(classes: Path, tmp_path: Path, run) -> None:
    with rasterio.open(classes) as src:
        profile, codes = src.profile, src.read(1)
    two = tmp_path / "two.tif"
    with rasterio.open(two, "w", **{**profile, "count": 2}) as dst:
        dst.write(np.stack([np.full_like(codes, 1), codes]))
    code, _, err = run("vectorize", two, "--band", "2", "--out", tmp_path / "p.gpkg", "--quiet")
    assert code == 0, err
    assert set(gpd.read_file(tmp_path / "p.gpkg")["class_id"]) == {1, 2, 3, 4}


# -- concurrency and crash leftovers ----------------------------------------------------------------------

def test_a_second_job_on_the_same_output_fails_while_the_first_runs(scene, tmp_path: Path, run) -> None:
    model = tmp_path / "model.pt"
    argv = [sys.executable, "-m", "landcover_core", "train", "--image", str(scene.image), "--labels",
            str(scene.polygons), "--class-field", "class", "--out", str(model), *TINY_TRAIN, "--epochs", "500"]
    first = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while not lock_path(model).exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        code, _, err = run("train", "--image", scene.image, "--labels", scene.polygons, "--class-field", "class",
                           "--out", model, *TINY_TRAIN)
        assert code == 2, err
        assert f"{model} is being written by another landcover job" in err
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait()
    # The lock died with its process: the output can be written again, and the lock file goes with the job.
    code, _, err = run("vectorize", scene.truth, "--out", tmp_path / "other.gpkg")
    assert code == 0, err
    assert not lock_path(tmp_path / "other.gpkg").exists()


def test_partial_files_of_killed_processes_are_removed_by_the_next_run(classes: Path, tmp_path: Path, run) -> None:
    out = tmp_path / "polygons.gpkg"
    code = (f"import os, signal; from landcover_core.outputs.files import atomic_output\n"
            f"with atomic_output({str(out)!r}) as tmp:\n"
            f"    tmp.write_bytes(b'x' * 1_000_000)\n"
            f"    os.kill(os.getpid(), signal.SIGKILL)\n")
    killed = subprocess.run([sys.executable, "-c", code], capture_output=True)
    assert killed.returncode == -signal.SIGKILL
    assert len(_hidden(tmp_path)) == 1  # the partial output of the killed writer
    alive = tmp_path / f".polygons.gpkg.partial-{os.getppid()}"  # a job still writing (its process is alive)
    alive.mkdir()
    code, _, err = run("vectorize", classes, "--out", out, "--quiet")
    assert code == 0, err
    assert _hidden(tmp_path) == [alive.name]


def _limited_folder(options: str) -> list[str]:
    """A command prefix: mounts a fresh tmpfs (``options``) on the folder in $1, runs the command, lists the folder."""
    if shutil.which("unshare") is None or subprocess.run(["unshare", "-rm", "true"], capture_output=True).returncode:
        pytest.skip("needs unprivileged mount namespaces (unshare -rm)")
    script = f'mount -t tmpfs -o {options} tmpfs "$1" || exit 99; d="$1"; shift; "$@"; rc=$?; ls -A "$d"; exit $rc'
    return ["unshare", "-rm", "sh", "-c", script, "sh"]


@pytest.mark.parametrize("options,message", [
    ("ro", "is not writable"),
    ("size=8k", "No space left on device"),
])
def test_read_only_folder_and_full_disk_fail_clearly(tmp_path: Path, options: str, message: str) -> None:
    """Real file systems: a read-only one (even root cannot write there), and a full one."""
    folder = tmp_path / "limited"
    folder.mkdir()
    image = write_image(tmp_path / "image.tif", 300, 300)
    model = save_mobilenet(tmp_path / "model.pt")
    proc = subprocess.run(
        [*_limited_folder(options), str(folder), sys.executable, "-m", "landcover_core", "predict", "--model",
         str(model), "--image", str(image), "--out", str(folder / "c.tif"), "--confidence", str(folder / "p.tif"),
         "--tile-size", "64", "--backend", "torch", "--quiet"], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 2, proc.stderr
    assert message in proc.stderr and str(folder) in proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.stdout == ""  # nothing left in the folder (listed before the tmpfs went away)


def test_a_training_failing_after_an_epoch_keeps_its_checkpoint_and_says_so(scene, tmp_path: Path) -> None:
    """A disk that fills up at the second epoch's checkpoint: the first is kept and named, nothing else left.

    The tiny model's checkpoint (weights, optimizer state, best weights) is about 170 MB: one fits in 250 MB,
    not a second one beside it.
    """
    folder = tmp_path / "limited"
    folder.mkdir()
    ckpt = folder / "model.pt.ckpt"
    proc = subprocess.run(
        [*_limited_folder("size=250m"), str(folder), sys.executable, "-m", "landcover_core", "train", "--image",
         str(scene.image), "--labels", str(scene.polygons), "--class-field", "class", "--out", str(folder / "model.pt"),
         *TINY_TRAIN[:-1], "--epochs", "2", "--json-progress"], capture_output=True, text=True, timeout=600)
    events = parse_events(proc.stdout)
    assert [e["epoch"] for e in events if e["event"] == "metrics"] == [1, 2]
    error = events[-1]
    assert error["event"] == "error" and proc.returncode in (1, 2), proc.stderr
    assert error["message"].endswith(f". Kept the checkpoint {ckpt} (epoch 1 of 2): run the same command with "
                                     "--resume to continue, or delete it."), error["message"]
    assert "Nothing was kept" not in error["message"]
    assert error["kept"] == [str(ckpt)] and error["resumable"] is True
    listed = {line for line in proc.stdout.splitlines() if not line.startswith("{")}
    assert listed == {"model.pt.ckpt"}  # the folder before the tmpfs went away: no log, lock or partial file
