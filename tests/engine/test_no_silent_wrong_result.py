"""No silent wrong result (#23): inputs that used to give a plausible but wrong output are refused or handled.

Each test builds the case with real files (GeoTIFF, GPKG, JSON, model files) and runs the engine on it.
The catalogue of bad inputs (``test_bad_input_catalogue.py``) holds the cases that must fail with exit 2.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
import rasterio
from conftest import TINY_TRAIN, files_in, run_process
from inference_fixtures import LocalNet, read_band, save_mobilenet, write_codes, write_image
from rasterio.transform import from_origin

from landcover_core.common.classes import ClassScheme, parse_colour
from landcover_core.errors import InputError
from landcover_core.labels import Grid, RasterLabels, parse_sparse
from landcover_core.outputs.vectorize import sieve, vectorize_raster

GRID = Grid(64, 64, from_origin(500000.0, 4500000.0, 10.0, 10.0), rasterio.crs.CRS.from_epsg(32633))


# -- codes and names ------------------------------------------------------------------------------

@pytest.mark.parametrize("classes,message", [
    ([{"code": 1, "name": "water"}, {"code": 2, "name": "Water"}], "duplicate names (compared ignoring case)"),
    ([{"code": 1, "name": "water"}, {"code": 2, "name": "  "}], "empty class name"),
    ([{"code": 1.7, "name": "water"}], "needs an integer 'code'"),
    ([{"code": "1.7", "name": "water"}], "needs an integer 'code'"),
    ([{"code": True, "name": "water"}], "needs an integer 'code'"),
    ([{"code": 300, "name": "water"}], "integers from 0 to 254"),
    ([{"code": 1, "name": "water", "color": "#12345g"}], "Cannot read colour '#12345g'"),
    ([{"code": 1, "name": "water", "color": [300, 0, 0]}], "Cannot read colour [300, 0, 0]"),
    ([{"code": 1, "name": "water", "color": [0.5, 0, 0]}], "Cannot read colour [0.5, 0, 0]"),
])
def test_a_bad_class_scheme_file_is_refused_naming_it(tmp_path: Path, classes: list, message: str) -> None:
    path = tmp_path / "classes.json"
    path.write_text(json.dumps(classes))
    with pytest.raises(InputError, match=r"classes\.json") as caught:
        ClassScheme.load(str(path))
    assert message in str(caught.value)


def test_class_names_are_trimmed_and_integral_codes_kept() -> None:
    scheme = ClassScheme.from_list([{"code": 3.0, "name": " water "}, {"code": "4", "name": "forest",
                                                                       "color": "#00A000"}])
    assert (scheme.codes, scheme.names, scheme.colours[1]) == ([3, 4], ["water", "forest"], (0, 160, 0))
    assert parse_colour([0, 128, 255]) == (0, 128, 255)


def test_names_of_a_text_field_that_differ_only_in_case_are_one_class(tmp_path: Path) -> None:
    scheme = ClassScheme.from_names(["water", "Water", " forest"])
    assert scheme.names == ["Water", "forest"]


def test_a_latin1_class_file_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "latin1.json"
    path.write_bytes('[{"code": 1, "name": "Forêt"}]'.encode("latin-1"))
    with pytest.raises(InputError, match=r"latin1.json is not UTF-8 text .*save it as UTF-8"):
        ClassScheme.load(str(path))


def _label_raster(path: Path, codes: np.ndarray, dtype: str = "uint16", nodata: int | None = None) -> Path:
    with rasterio.open(path, "w", driver="GTiff", width=codes.shape[1], height=codes.shape[0], count=1, dtype=dtype,
                       crs=GRID.crs, transform=GRID.transform, nodata=nodata) as dst:
        dst.write(codes.astype(dtype), 1)
    return path


@pytest.mark.parametrize("scheme", [None, ClassScheme.from_codes([1, 44])])
def test_a_code_a_class_raster_cannot_hold_is_refused_not_wrapped(tmp_path: Path, scheme: ClassScheme | None) -> None:
    codes = np.ones((64, 64), np.int32)
    codes[:32] = 300  # as uint8: 44
    path = _label_raster(tmp_path / "labels-300.tif", codes)
    with pytest.raises(InputError, match=r"labels-300.tif holds class codes outside 0..254 \(300\)"):
        RasterLabels(path, GRID, scheme=scheme)
    negative = _label_raster(tmp_path / "labels-negative.tif", codes * 0 - 3, dtype="int16", nodata=-9999)
    with pytest.raises(InputError, match=r"labels-negative.tif holds class codes outside 0..254 \(-3\)"):
        RasterLabels(negative, GRID)
    with_nodata = _label_raster(tmp_path / "labels-nodata.tif", np.where(codes == 300, 999, codes), nodata=999)
    assert RasterLabels(with_nodata, GRID).scheme.codes == [1]  # nodata is not a code


def test_a_code_field_outside_the_class_range_is_refused_naming_the_field(tmp_path: Path) -> None:
    from shapely.geometry import box

    from landcover_core.labels import PolygonLabels

    path = tmp_path / "codes.gpkg"
    gpd.GeoDataFrame({"cls": [1, 300]}, crs=GRID.crs, geometry=[
        box(500000, 4499500, 500100, 4499600), box(500200, 4499500, 500300, 4499600)]).to_file(path)
    with pytest.raises(InputError, match=r"Field 'cls' of .*codes.gpkg holds class codes outside 0..254 \(300\)"):
        PolygonLabels(path, "cls", GRID)


def test_a_reference_in_another_crs_over_the_same_place_is_read(tmp_path: Path) -> None:
    """The overlap check transforms the bounds: a reference in WGS 84 over the image is not 'elsewhere'."""
    from rasterio.warp import calculate_default_transform, reproject

    codes = np.full((64, 64), 2, np.uint8)
    codes[:, :32] = 1
    utm = _label_raster(tmp_path / "utm.tif", codes, dtype="uint8", nodata=255)
    transform, width, height = calculate_default_transform(GRID.crs, "EPSG:4326", 64, 64,
                                                           *rasterio.transform.array_bounds(64, 64, GRID.transform))
    geographic = np.full((height, width), 255, np.uint8)
    reproject(rasterio.open(utm).read(1), geographic, src_transform=GRID.transform, src_crs=GRID.crs,
              dst_transform=transform, dst_crs="EPSG:4326", src_nodata=255, dst_nodata=255)
    path = tmp_path / "wgs84.tif"
    with rasterio.open(path, "w", driver="GTiff", width=width, height=height, count=1, dtype="uint8",
                       crs="EPSG:4326", transform=transform, nodata=255) as dst:
        dst.write(geographic, 1)
    assert RasterLabels(path, GRID).codes_found == [1, 2]


@pytest.mark.parametrize("text", ["points:", "points", "scribbles:", "points:nan"])
def test_a_sparse_spec_without_its_fraction_is_refused(text: str) -> None:
    with pytest.raises(InputError, match="--sparse"):
        parse_sparse(text)
    assert parse_sparse("scribbles").fraction == 1.0  # scribbles keep every region by default


# -- the sieve ------------------------------------------------------------------------------------

def test_a_minimum_larger_than_every_region_gives_each_area_its_majority_class() -> None:
    codes = np.array([[1, 2, 1, 5, 3],
                      [2, 1, 2, 5, 3],
                      [1, 2, 1, 5, 4]], np.uint8)
    valid = np.ones(codes.shape, bool)
    valid[:, 3] = False  # nodata splits two areas
    out = sieve(codes, valid, 100, open_top=False, open_bottom=False)
    assert out[:, :3].tolist() == [[1] * 3] * 3  # five 1s against four 2s
    assert out[:, 4].tolist() == [3, 3, 3]
    assert out[:, 3].tolist() == [5, 5, 5]  # nodata untouched


def test_vectorize_with_a_huge_min_area_writes_one_polygon_per_area(tmp_path: Path) -> None:
    rng = np.random.default_rng(0)
    codes = rng.integers(1, 4, (64, 64))
    codes[:, 30:34] = 255  # nodata column: two areas
    raster = write_codes(tmp_path / "noise.tif", codes)
    result = vectorize_raster(raster, tmp_path / "p.gpkg", min_area=1e9)
    frame = gpd.read_file(tmp_path / "p.gpkg")
    assert result["summary"]["features"] == len(frame) == 2
    for side in (codes[:, :30], codes[:, 34:]):
        values, counts = np.unique(side, return_counts=True)
        assert int(values[np.argmax(counts)]) in frame["class_id"].tolist()
    assert frame["area"].sum() == pytest.approx(64 * 60 * 100.0)


# -- the command line -----------------------------------------------------------------------------

def test_a_mistyped_option_is_named_with_the_closest_one(run, tmp_path: Path) -> None:
    code, _, err = run("vectorize", tmp_path / "c.tif", "--out", tmp_path / "p.gpkg", "--min-aera", "5")
    assert code == 2 and "unknown option --min-aera; did you mean --min-area?" in err
    code, _, err = run("predict", "--model", "m.pt", "--image", "i.tif", "--out", "o.tif", "--zzzz")
    assert code == 2 and "unknown option --zzzz; see 'landcover predict --help'" in err
    code, _, err = run("predict", "--model", "m.pt", "--ima", "i.tif")  # an abbreviation argparse accepts
    assert code == 2 and "required: --out" in err


def test_demo_refuses_zero_epochs_before_generating_its_scene(run, tmp_path: Path) -> None:
    code, _, err = run("demo", "--epochs", "0", "--out", tmp_path / "demo")
    assert code == 2 and "--epochs: 0 is out of range" in err
    assert not (tmp_path / "demo").exists()


# -- the model and its ONNX export ----------------------------------------------------------------

@pytest.fixture()
def onnx_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty ONNX cache of this test."""
    monkeypatch.setenv("LANDCOVER_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache" / "onnx"


def _predict_onnx(run, model: Path, image: Path, out: Path) -> tuple[int, str]:
    code, _, err = run("predict", "--model", model, "--image", image, "--out", out, "--tile-size", "64",
                       "--backend", "onnx", "--device", "cpu")
    return code, err


def test_a_damaged_or_stale_onnx_export_is_rebuilt_with_a_warning(run, tmp_path: Path, onnx_cache: Path) -> None:
    image, model = write_image(tmp_path / "image.tif", 96, 96), save_mobilenet(tmp_path / "model.pt")
    code, err = _predict_onnx(run, model, image, tmp_path / "first.tif")
    assert code == 0, err
    [export] = onnx_cache.glob("*.onnx")
    intact = export.read_bytes()
    damaged = bytearray(intact)
    middle = len(damaged) // 2
    damaged[middle:middle + 4096] = np.random.default_rng(2).integers(0, 256, 4096, dtype=np.uint8).tobytes()
    export.write_bytes(bytes(damaged))
    code, err = _predict_onnx(run, model, image, tmp_path / "second.tif")
    assert code == 0, err
    assert f"The cached ONNX export {export} is damaged" in err and "it is rebuilt" in err
    assert export.read_bytes() != bytes(damaged)
    assert np.array_equal(read_band(tmp_path / "second.tif"), read_band(tmp_path / "first.tif"))
    # A digest of another model file: the export is not this model's.
    digest = export.with_name(export.name + ".sha256")
    digest.write_text(json.dumps({**json.loads(digest.read_text()), "model_sha256": "0" * 64}))
    code, err = _predict_onnx(run, model, image, tmp_path / "third.tif")
    assert code == 0 and "was made from another model file; it is rebuilt" in err
    code, err = _predict_onnx(run, model, image, tmp_path / "fourth.tif")
    assert code == 0 and "rebuilt" not in err  # intact again: used as is


def test_a_model_with_non_finite_weights_is_refused(run, tmp_path: Path, onnx_cache: Path) -> None:
    import torch

    from landcover_core.models.modelfile import read_model, save_model

    good = read_model(save_mobilenet(tmp_path / "good.pt"))
    network = good.network()
    with torch.no_grad():
        next(network.parameters())[0].fill_(float("nan"))
    broken = save_model(tmp_path / "nan-weights.pt", network, good.spec)
    image = write_image(tmp_path / "image.tif", 96, 96)
    for backend in ("torch", "onnx"):
        code, _, err = run("predict", "--model", broken, "--image", image, "--out", tmp_path / "c.tif",
                           "--tile-size", "64", "--backend", backend, "--device", "cpu")
        assert code == 2, err
        assert "nan-weights.pt has non-finite weights (NaN or infinity) in 1 tensor(s)" in err
    assert not (tmp_path / "c.tif").exists() and not onnx_cache.exists()


def test_an_export_giving_non_finite_probabilities_is_an_error_not_a_fallback(tmp_path: Path) -> None:
    import torch

    from landcover_core.errors import ModelFileError
    from landcover_core.inference.runners import export_onnx
    from landcover_core.models.modelfile import ModelSpec

    net = LocalNet().eval()
    with torch.no_grad():
        net.body[0].bias.fill_(float("inf"))  # inf - inf in the softmax: NaN probabilities
    spec = ModelSpec("mobilenet_v3_large", [1, 2, 3], ClassScheme.from_codes([1, 2, 3, 4]), [0.0] * 3, [1.0] * 3)
    with pytest.raises(ModelFileError, match="non-finite class probabilities"):
        export_onnx(net, spec, 32, tmp_path / "net.onnx", "0" * 64)
    assert list(tmp_path.iterdir()) == []  # no export, no digest, no partial folder


# -- a full disk ----------------------------------------------------------------------------------

PAGE = 4096  # tmpfs counts its space in pages


@pytest.fixture()
def full_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder on a fresh 200 KiB tmpfs (needs root, to mount it)."""
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs (mount -t tmpfs -o size=200k) needs root")
    folder = tmp_path / "full"
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=200k", "tmpfs", str(folder)], capture_output=True)
    if mounted.returncode:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode(errors='replace').strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def _fill(folder: Path, pages_left: int) -> None:
    """Fills the folder's file system but ``pages_left`` pages."""
    (folder / "filler").write_bytes(b"\0" * (shutil.disk_usage(folder).free - pages_left * PAGE))


def _previous(folder: Path, name: str) -> Path:
    """An earlier output of the same name, which a failed job must leave as it was."""
    path = folder / name
    path.write_text("previous result")
    return path


def _assert_nothing_changed(code: int, err: str, output: Path, folder: Path, expected: set[str]) -> None:
    assert code == 2, err
    assert f"No space left on device ({output})" in err and "Nothing was kept" in err
    assert "Traceback" not in err
    assert {p.name for p in folder.iterdir()} == expected  # no partial folder, lock or previous-version file
    for name in expected - {"filler"}:
        assert (folder / name).read_text() == "previous result"


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Inputs whose outputs do not fit in 200 KiB."""
    folder = tmp_path_factory.mktemp("big")
    codes = np.random.default_rng(0).integers(1, 5, (512, 512))
    return {"image": write_image(folder / "image.tif", 512, 512), "model": save_mobilenet(folder / "model.pt"),
            "classes": write_codes(folder / "classes.tif", codes)}


def test_predict_on_a_full_disk_fails_and_moves_nothing_into_place(run, big: dict[str, Path], full_folder: Path,
                                                                     onnx_cache: Path) -> None:
    _previous(full_folder, "classes.tif")
    code, _, err = run("predict", "--model", big["model"], "--image", big["image"], "--out",
                       full_folder / "classes.tif", "--confidence", full_folder / "confidence.tif", "--tile-size",
                       "64", "--backend", "torch", "--quiet")
    assert "classes.tif" in err or "confidence.tif" in err
    output = next(full_folder / name for name in ("confidence.tif", "classes.tif") if f"({full_folder / name})" in err)
    _assert_nothing_changed(code, err, output, full_folder, {"classes.tif"})


def test_vectorize_on_a_full_disk_fails_and_moves_nothing_into_place(run, big: dict[str, Path],
                                                                       full_folder: Path) -> None:
    _previous(full_folder, "polygons.gpkg")
    code, _, err = run("vectorize", big["classes"], "--out", full_folder / "polygons.gpkg", "--quiet")
    _assert_nothing_changed(code, err, full_folder / "polygons.gpkg", full_folder, {"polygons.gpkg"})


def test_histmatch_on_a_full_disk_fails_and_moves_nothing_into_place(run, big: dict[str, Path],
                                                                       full_folder: Path) -> None:
    code, _, err = run("histmatch", "--image", big["image"], "--reference", big["image"], "--out",
                       full_folder / "matched.tif", "--quiet")
    _assert_nothing_changed(code, err, full_folder / "matched.tif", full_folder, set())


def test_evaluate_on_a_full_disk_takes_back_the_report_it_had_moved(run, big: dict[str, Path], full_folder: Path,
                                                                      tmp_path: Path) -> None:
    """The JSON report fits and is moved into place, the PNG does not: the earlier JSON comes back."""
    argv = ["evaluate", "--prediction", big["classes"], "--reference-raster", big["classes"], "--quiet"]
    code, _, err = run(*argv, "--out-json", tmp_path / "e.json", "--out-png", tmp_path / "e.png")
    assert code == 0, err
    report_pages = -(-(tmp_path / "e.json").stat().st_size // PAGE)
    assert (tmp_path / "e.png").stat().st_size > 3 * PAGE  # the figure cannot fit in the spare page
    _previous(full_folder, "e.json")
    _fill(full_folder, pages_left=2 + report_pages + 1)  # two lock files, the report, one spare
    code, _, err = run(*argv, "--out-json", full_folder / "e.json", "--out-png", full_folder / "e.png")
    _assert_nothing_changed(code, err, full_folder / "e.png", full_folder, {"e.json", "filler"})


def test_a_full_onnx_cache_is_an_error_not_a_silent_fallback(run, big: dict[str, Path], full_folder: Path,
                                                            tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANDCOVER_CACHE_DIR", str(full_folder))
    code, _, err = run("predict", "--model", big["model"], "--image", big["image"], "--out", tmp_path / "c.tif",
                       "--tile-size", "64", "--backend", "auto", "--device", "cpu", "--quiet")
    assert code == 2, err
    assert f"No space left on device ({full_folder / 'onnx'}" in err
    assert not (tmp_path / "c.tif").exists()
    assert [p for p in full_folder.rglob("*") if p.is_file()] == []


def test_predict_batch_on_a_full_disk_says_which_scenes_are_complete(run, big: dict[str, Path], full_folder: Path,
                                                                    tmp_path: Path) -> None:
    """The scene fits, its summary does not: exit 2, and the error names the scene kept (a re-run skips it)."""
    argv = ["predict-batch", "--model", big["model"], "--images", big["image"], "--tile-size", "64", "--backend",
            "torch", "--workers", "1", "--quiet"]
    code, _, err = run(*argv, "--out-dir", tmp_path / "batch")
    assert code == 0, err
    scene = [p for p in (tmp_path / "batch").rglob("*") if p.is_file() and not p.name.startswith("summary")]
    _fill(full_folder, pages_left=sum(-(-p.stat().st_size // PAGE) for p in scene) + 6)
    assert (tmp_path / "batch" / "summary.gpkg").stat().st_size > 6 * PAGE  # the footprints cannot fit
    code, _, err = run(*argv, "--out-dir", full_folder / "batch")
    assert code == 2, err
    assert f"No space left on device ({full_folder / 'batch'}" in err
    assert f"The 1 scene(s) classified are complete in {full_folder / 'batch'} and kept" in err
    assert "Nothing was kept" not in err
    assert sorted(p.name for p in (full_folder / "batch").iterdir()) == [".done", "image.classes.tif"]


# -- NaN in training ------------------------------------------------------------------------------

def test_a_diverged_training_stops_naming_the_epoch_and_keeps_nothing(scene, tmp_path: Path) -> None:
    # Weights too large for float32 make the weighted loss inf / inf = NaN in the first step.
    code, events, err = run_process("train", "--image", scene.image, "--labels", scene.polygons, "--class-field",
                                    "class", "--out", tmp_path / "m.pt", *TINY_TRAIN, "--class-weights",
                                    "1e300,1e300,1e300,1e300", threads=2)
    assert code == 2, err
    error = next(e for e in events if e["event"] == "error")
    assert error["message"].startswith("Training diverged in epoch 1/1: the training loss is nan. Likely causes: "
                                       "a learning rate too high (--lr 0.001")
    assert "extreme --class-weights" in error["message"] and "No partial output was kept." in error["message"]
    assert error["kept"] == [] and files_in(tmp_path) == set()


def test_a_weights_file_holding_nan_is_refused_naming_the_tensor(tmp_path: Path) -> None:
    import torch

    from landcover_core.models.weights import read_state_dict

    path = tmp_path / "backbone.pth"
    torch.save({"features.0.0.weight": torch.ones(16, 3, 3, 3), "features.0.1.bias": torch.tensor([1.0, np.inf])},
               path)
    with pytest.raises(InputError, match=r"backbone\.pth holds NaN or infinite values \(tensor 'features\.0\.1\.bias'"):
        read_state_dict(path)


# -- ground resolution ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def ten_metre_model(scene, tmp_path_factory) -> Path:
    """A tiny model trained on the 10 m scene."""
    out = tmp_path_factory.mktemp("resolution") / "model.pt"
    code, _, err = run_process("train", "--image", scene.image, "--labels", scene.polygons, "--class-field", "class",
                               "--out", out, *TINY_TRAIN, threads=2)
    assert code == 0, err
    return out


def _resampled(image: str | Path, path: Path, pixel: float) -> Path:
    """The same pixels as ``image`` on a grid of ``pixel`` m (another ground resolution, same content)."""
    with rasterio.open(image) as src:
        profile = {**src.profile, "transform": from_origin(src.transform.c, src.transform.f, pixel, pixel)}
        data = src.read()
    with rasterio.open(path, "w", **profile) as dst:
        dst.write(data)
    return path


def _resolution_logs(model: Path, image: Path, out: Path) -> list[dict]:
    code, events, err = run_process("predict", "--model", model, "--image", image, "--out", out, "--device", "cpu",
                                    threads=2)
    assert code == 0, err
    return [e for e in events if e["event"] == "log" and "resolution" in e["message"]]


def test_a_model_warns_on_imagery_of_another_ground_resolution(scene, ten_metre_model: Path, tmp_path: Path) -> None:
    from landcover_core.models.modelfile import read_model

    spec = read_model(ten_metre_model).spec
    assert spec.ground_resolution == pytest.approx(10.0) and spec.crs is not None and "32" in spec.crs
    for pixel, warned in ((30.0, True), (5.0, True), (12.0, False)):
        logs = _resolution_logs(ten_metre_model, _resampled(scene.image, tmp_path / f"{pixel}.tif", pixel),
                                tmp_path / f"{pixel}.classes.tif")
        assert [e["level"] for e in logs] == (["warning"] if warned else []), (pixel, logs)
        if warned:
            assert f"ground resolution of {pixel:.3g} m" in logs[0]["message"]
            assert "training imagery (10 m" in logs[0]["message"]


def test_an_older_model_file_without_the_record_gets_one_note(scene, ten_metre_model: Path, tmp_path: Path) -> None:
    from landcover_core.models.modelfile import read_model, save_model

    old = read_model(ten_metre_model)
    old.spec.ground_resolution = old.spec.crs = None
    older = save_model(tmp_path / "older.pt", old.network(), old.spec)
    logs = _resolution_logs(older, _resampled(scene.image, tmp_path / "30.tif", 30.0), tmp_path / "c.tif")
    assert [(e["level"], "does not record the ground resolution" in e["message"]) for e in logs] == [("info", True)]


# -- fine-tuning with new classes -----------------------------------------------------------------

def test_finetune_adds_the_new_classes_of_a_classes_file_and_refuses_them_without(
        scene, ten_metre_model: Path, tmp_path: Path) -> None:
    from landcover_core.models.modelfile import read_model

    polygons = gpd.read_file(scene.polygons)
    polygons.loc[polygons["class"] == "water", "class"] = "marsh"
    labels = tmp_path / "marsh.gpkg"
    polygons.to_file(labels)
    argv = ["train", "--image", scene.image, "--labels", labels, "--class-field", "class", *TINY_TRAIN,
            "--finetune", ten_metre_model]
    code, events, err = run_process(*argv, "--out", tmp_path / "refused.pt", threads=2)
    assert code == 2 and "values ['marsh'] that are not in the class scheme" in events[-1]["message"], err
    base = read_model(ten_metre_model)
    classes = tmp_path / "classes.json"
    classes.write_text(json.dumps([*base.spec.scheme.to_list(), {"code": 9, "name": "marsh"}]))
    code, _, err = run_process(*argv, "--classes", classes, "--out", tmp_path / "extended.pt", threads=2)
    assert code == 0, err
    extended = read_model(tmp_path / "extended.pt")
    assert extended.spec.scheme.names == [*base.spec.scheme.names, "marsh"]
    assert extended.network().output_layer.out_channels == len(base.spec.scheme) + 1


def test_pseudo_label_warns_on_imagery_of_another_ground_resolution(scene, ten_metre_model: Path,
                                                                   tmp_path: Path) -> None:
    image = _resampled(scene.image, tmp_path / "30m.tif", 30.0)
    code, events, err = run_process("pseudo-label", "--model", ten_metre_model, "--image", image, "--out",
                                    tmp_path / "pseudo", "--device", "cpu", threads=2)
    assert code == 0, err
    warnings = [e["message"] for e in events if e["event"] == "log" and e["level"] == "warning"]
    assert any("30m.tif has a ground resolution of 30 m" in message for message in warnings), warnings
