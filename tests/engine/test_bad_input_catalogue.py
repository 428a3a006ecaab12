"""Bad input catalogue: every command against a table of bad inputs.

Each row runs one CLI command in-process and asserts what every failure must give: exit code 2, a
message naming the file or option, no traceback, no file left behind, and inputs unchanged (hashed
before and after). Add a command by adding rows; add a kind of bad input by adding a row per command.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
import rasterio
import torch
from conftest import TINY_TRAIN
from inference_fixtures import save_mobilenet, write_codes, write_image
from rasterio.transform import from_origin
from torchvision.models import mobilenet_v3_large

from landcover_core.demo.synthetic import DEMO_SCHEME
from landcover_core.outputs.files import lock_path

#: A path whose bytes are not UTF-8 (as Python hands such a command-line argument over).
NON_UTF8 = os.fsdecode(b"image-\xff.tif")
MISSING_SOURCE_VRT = """<VRTDataset rasterXSize="96" rasterYSize="96"><SRS>EPSG:32633</SRS>
<GeoTransform>500000,10,0,4500000,0,-10</GeoTransform>{bands}</VRTDataset>"""
VRT_BAND = """<VRTRasterBand dataType="Byte" band="{band}"><SimpleSource>
<SourceFilename relativeToVRT="1">gone.tif</SourceFilename><SourceBand>{band}</SourceBand>
</SimpleSource></VRTRasterBand>"""


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Tiny good and bad inputs, shared by every row (hashed before and after each row)."""
    folder = tmp_path_factory.mktemp("catalogue")
    d = {"image": write_image(folder / "image.tif", 96, 96), "model": save_mobilenet(folder / "model.pt")}
    codes = np.random.default_rng(0).integers(1, 5, (96, 96))
    d["prediction"] = write_codes(folder / "prediction.tif", codes, scheme=DEMO_SCHEME)
    d["reference"] = write_codes(folder / "reference.tif", codes[::-1])
    raw = d["image"].read_bytes()
    d["truncated"] = folder / "truncated.tif"
    d["truncated"].write_bytes(raw[: len(raw) // 2])  # opens, fails mid-read
    d["vrt"] = folder / "missing-source.vrt"
    d["vrt"].write_text(MISSING_SOURCE_VRT.format(bands="".join(VRT_BAND.format(band=b) for b in (1, 2, 3))))
    d["non_utf8"] = folder / NON_UTF8
    shutil.copy(d["image"], d["non_utf8"])
    model = bytearray(d["model"].read_bytes())
    middle = len(model) // 2
    model[middle:middle + 4096] = np.random.default_rng(1).integers(0, 256, 4096, dtype=np.uint8).tobytes()
    d["damaged"] = folder / "damaged.pt"
    d["damaged"].write_bytes(bytes(model))
    d["text"] = folder / "text.pt"
    d["text"].write_text("not a model")
    d["latin1_classes"] = folder / "latin1-classes.json"
    d["latin1_classes"].write_bytes('[{"code": 1, "name": "Forêt"}]'.encode("latin-1"))
    d["complex"] = _write_raster(folder / "complex.tif", np.full((3, 96, 96), 1 + 2j, np.complex64))
    d["tile7_model"] = save_mobilenet(folder / "tile7.pt", tile=7)
    d["reference_far"] = _write_raster(folder / "reference-far.tif", codes[None].astype(np.uint8), origin=(0.0, 0.0))
    d["reference_3857"] = _write_raster(folder / "reference-3857.tif", codes[None].astype(np.uint8), crs="EPSG:3857")
    d["small_image"] = d["image"]  # the grid of the references (train rows get the training scene as "image")
    d["reference_300"] = _write_raster(folder / "reference-300.tif", np.where(codes == 4, 300, codes)[None]
                                       .astype(np.uint16))
    return d


def _write_raster(path: Path, data: np.ndarray, crs: str = "EPSG:32633",
                  origin: tuple[float, float] = (500000.0, 4500000.0)) -> Path:
    """A GeoTIFF of ``data`` (bands, rows, columns), 10 m pixels from ``origin`` (the catalogue image's grid)."""
    with rasterio.open(path, "w", driver="GTiff", width=data.shape[2], height=data.shape[1], count=data.shape[0],
                       dtype=data.dtype, crs=crs, transform=from_origin(*origin, 10.0, 10.0)) as dst:
        dst.write(data)
    return path


@pytest.fixture(scope="module")
def train_data(scene, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The shared training scene, and its polygons reduced to a single class."""
    folder = tmp_path_factory.mktemp("catalogue-train")
    polygons = gpd.read_file(scene.polygons)
    single = folder / "single-class.gpkg"
    polygons[polygons["class"] == polygons["class"].iloc[0]].to_file(single)
    torch.manual_seed(0)
    mobilenet = folder / "mobilenet-backbone.pth"  # a real backbone, of another architecture than resnet50
    torch.save(mobilenet_v3_large(weights=None).features.state_dict(), mobilenet)
    unrelated = folder / "unrelated.pth"
    torch.save({"encoder.weight": torch.zeros(8, 3), "decoder.weight": torch.zeros(3, 8)}, unrelated)
    return {"image": scene.image, "polygons": scene.polygons, "single": single, "mobilenet_weights": mobilenet,
            "unrelated_weights": unrelated}


@dataclass
class Case:
    """One row: a command line built from the inputs and the output folder, and the message it must give."""

    id: str
    argv: Callable[[dict[str, Path], Path], list]
    message: str
    setup: Callable[[Path], None] = field(default=lambda out: None)
    locked: str | None = None  # an output name (in the output folder) another job holds the lock of
    patch: Callable[[pytest.MonkeyPatch, Path], None] = field(default=lambda monkeypatch, out: None)


def _predict(d: dict[str, Path], out: Path, *extra, image: str = "image", model: str = "model") -> list:
    return ["predict", "--model", d[model], "--image", d[image], "--out", out / "classes.tif", "--tile-size", "64",
            "--backend", "torch", *extra]


def _batch(d: dict[str, Path], out: Path, *extra, images: object = None, model: str = "model",
           out_dir: object = None) -> list:
    return ["predict-batch", "--model", d[model], "--images", d["image"] if images is None else images,
            "--out-dir", out / "batch" if out_dir is None else out_dir, "--tile-size", "64", *extra]


def _unreachable_quickly(monkeypatch: pytest.MonkeyPatch, out: Path) -> None:
    monkeypatch.setattr("landcover_core.inference.batch.CONNECT_TIMEOUT_S", 1)


def _train(d: dict[str, Path], out: Path, *extra, labels: str = "polygons", image: str = "image",
           command: str = "train") -> list:
    return [command, "--image", d[image], "--labels", d[labels], "--class-field", "class", "--out", out / "model.pt",
            *TINY_TRAIN, *extra]


def _evaluate(d: dict[str, Path], out: Path, *extra, prediction: str = "prediction") -> list:
    return ["evaluate", "--prediction", d[prediction], "--reference-raster", d["reference"], "--out-json",
            out / "report.json", *extra]


def _sample(d: dict[str, Path], out: Path, *extra, prediction: str = "prediction") -> list:
    return ["sample-design", "--prediction", d[prediction], "--out", out / "sample.gpkg", *extra]


def _read_only(name: str) -> Callable[[Path], None]:
    def setup(out: Path) -> None:
        (out / name).write_bytes(b"previous result")
        (out / name).chmod(0o444)
    return setup


def _offline(monkeypatch: pytest.MonkeyPatch, out: Path) -> None:
    """An empty torch cache in the output folder, and torchvision's weights URL on a closed local port."""
    from landcover_core.models import weights

    monkeypatch.setenv("TORCH_HOME", str(out / "torch"))
    monkeypatch.setattr(weights, "imagenet_url", lambda arch: f"http://127.0.0.1:9/{arch}-8738ca79.pth")


def _garbage_checkpoint(out: Path) -> None:
    (out / "model.pt.ckpt").write_bytes(os.urandom(2048))


TRAIN = [
    Case("missing-image", lambda d, o: _train({**d, "image": o / "nope.tif"}, o), "nope.tif does not exist"),
    Case("single-class", lambda d, o: _train(d, o, labels="single"), "single class"),
    Case("garbage-checkpoint", lambda d, o: _train(d, o, "--resume"), "model.pt.ckpt: not a readable checkpoint",
         setup=_garbage_checkpoint),
    Case("huge-tile", lambda d, o: _train(d, o, "--tile-size", "100000"), "--tile-size: 100000 is out of range"),
    Case("huge-batch", lambda d, o: _train(d, o, "--tile-size", "4096", "--batch-size", "1024"), "memory"),
    Case("negative-lr", lambda d, o: _train(d, o, "--lr", "-1"), "--lr: -1.0 is out of range"),
    Case("nan-lr", lambda d, o: _train(d, o, "--lr", "nan"), "--lr: nan is not a finite number"),
    Case("negative-dice", lambda d, o: _train(d, o, "--dice-weight", "-0.5"), "--dice-weight: -0.5 is out of range"),
    Case("negative-focal", lambda d, o: _train(d, o, "--focal-gamma", "-1"), "--focal-gamma: -1.0 is out of range"),
    Case("out-is-input", lambda d, o: _train(d, o, "--out", d["image"]), "also an input"),
    Case("read-only-output", lambda d, o: _train(d, o), "model.pt is read-only", setup=_read_only("model.pt")),
    Case("locked-output", lambda d, o: _train(d, o), "being written by another landcover job", locked="model.pt"),
    Case("weights-of-another-arch", lambda d, o: _train(d, o, "--arch", "resnet50", "--weights",
                                                        d["mobilenet_weights"]),
         "mobilenet-backbone.pth does not fit a resnet50 backbone: only 0 of"),
    Case("weights-no-matching-keys", lambda d, o: _train(d, o, "--weights", d["unrelated_weights"]),
         "unrelated.pth does not fit a mobilenet_v3_large backbone: only 0 of"),
    Case("imagenet-offline", lambda d, o: _train(d, o, "--weights", "imagenet"),
         "download http://127.0.0.1:9/mobilenet_v3_large-8738ca79.pth and copy the file", patch=_offline),
    Case("label-code-300", lambda d, o: ["train", "--image", d["small_image"], "--label-raster", d["reference_300"],
                                         "--out", o / "model.pt", *TINY_TRAIN],
         "reference-300.tif holds class codes outside 0..254 (300)"),
    Case("sparse-points-without-fraction", lambda d, o: ["train", "--image", d["small_image"], "--label-raster",
                                                         d["reference"], "--sparse", "points:", "--out",
                                                         o / "model.pt", *TINY_TRAIN],
         "--sparse points:: give the fraction of labeled pixels to keep"),
    Case("latin1-classes", lambda d, o: _train(d, o, "--classes", d["latin1_classes"]),
         "latin1-classes.json is not UTF-8 text"),
]
PREDICT = [
    Case("damaged-model", lambda d, o: _predict(d, o, model="damaged"), "damaged.pt is damaged"),
    Case("truncated-image", lambda d, o: _predict(d, o, image="truncated"), "truncated.tif"),
    Case("vrt-missing-source", lambda d, o: _predict(d, o, image="vrt"), "gone.tif"),
    Case("non-utf8-path", lambda d, o: _predict(d, o, image="non_utf8"), "--image is not valid UTF-8"),
    Case("unknown-vector-extension", lambda d, o: _predict(d, o, "--vector", o / "polygons.xyz"), "polygons.xyz"),
    Case("confidence-is-out", lambda d, o: _predict(d, o, "--confidence", o / "classes.tif"),
         "--out and --confidence are the same file"),
    Case("huge-tile", lambda d, o: _predict(d, o, "--tile-size", "100000"), "--tile-size: 100000 is out of range"),
    Case("zero-tile", lambda d, o: _predict(d, o, "--tile-size", "0"), "--tile-size: 0 is out of range"),
    Case("huge-batch", lambda d, o: _predict(d, o, "--tile-size", "4096", "--batch-size", "1024"), "memory"),
    Case("read-only-output", lambda d, o: _predict(d, o), "classes.tif is read-only", setup=_read_only("classes.tif")),
    Case("locked-output", lambda d, o: _predict(d, o), "being written by another landcover job", locked="classes.tif"),
    Case("infinite-extent", lambda d, o: _predict(d, o, "--extent=-inf,-inf,inf,inf"), "finite numbers"),
    Case("mistyped-option", lambda d, o: ["predict", "--modle", d["model"], "--image", d["image"], "--out",
                                          o / "classes.tif"], "unknown option --modle; did you mean --model?"),
    Case("model-tile-size-7", lambda d, o: ["predict", "--model", d["tile7_model"], "--image", d["image"], "--out",
                                            o / "classes.tif", "--backend", "torch"],
         "tile7.pt records a training tile size of 7 px"),
    Case("complex-image", lambda d, o: _predict(d, o, image="complex"), "complex.tif holds complex values"),
    Case("csv-vector", lambda d, o: _predict(d, o, "--vector", o / "polygons.csv"),
         "polygons are not written as CSV; use one of .gpkg"),
]
PREDICT_BATCH = [
    Case("damaged-model", lambda d, o: _batch(d, o, model="damaged"), "damaged.pt is damaged"),
    Case("missing-image", lambda d, o: _batch(d, o, images=o / "nope.tif"), "nope.tif does not exist"),
    Case("glob-matches-nothing", lambda d, o: _batch(d, o, images=o / "*.jp2"), "No file matches"),
    Case("folder-without-rasters", lambda d, o: _batch(d, o, "--pattern", "*.jp2", images=d["image"].parent),
         "holds no file matching *.jp2"),
    Case("non-utf8-path", lambda d, o: _batch(d, o, images=d["non_utf8"]), "--images is not valid UTF-8"),
    Case("out-dir-is-a-file", lambda d, o: _batch(d, o, out_dir=d["prediction"]), "is a file; give a folder"),
    Case("out-dir-in-missing-folder", lambda d, o: _batch(d, o, out_dir=o / "no" / "batch"),
         "parent folder of --out-dir"),
    Case("out-dir-holds-the-images", lambda d, o: _batch(d, o, out_dir=d["image"].parent),
         "holds images to classify"),
    Case("overlap-above-half-tile", lambda d, o: _batch(d, o, "--overlap", "40"), "--overlap must be between 0 and"),
    Case("huge-batch", lambda d, o: _batch(d, o, "--tile-size", "4096", "--batch-size", "1024"), "memory"),
    Case("summary-not-csv", lambda d, o: _batch(d, o, "--summary", o / "areas.txt"), "must be a .csv file"),
    Case("locked-summary", lambda d, o: _batch(d, o, out_dir=o), "being written by another landcover job",
         locked="summary.csv"),
    Case("workers-and-cluster", lambda d, o: _batch(d, o, "--workers", "2", "--cluster", "tcp://127.0.0.1:9"),
         "--workers sizes the local cluster"),
    Case("unreachable-cluster", lambda d, o: _batch(d, o, "--cluster", "tcp://127.0.0.1:9"),
         "Cannot reach the Dask scheduler at tcp://127.0.0.1:9", patch=_unreachable_quickly),
]
VECTORIZE = [
    Case("multi-band", lambda d, o: ["vectorize", d["image"], "--out", o / "p.gpkg"], "choose the band of class codes"),
    Case("band-out-of-range", lambda d, o: ["vectorize", d["prediction"], "--band", "2", "--out", o / "p.gpkg"],
         "--band 2 is out of range"),
    Case("truncated", lambda d, o: ["vectorize", d["truncated"], "--band", "1", "--out", o / "p.gpkg"],
         "truncated.tif"),
    Case("unknown-extension", lambda d, o: ["vectorize", d["prediction"], "--out", o / "p.xyz"], "p.xyz"),
    Case("non-utf8-path", lambda d, o: ["vectorize", d["non_utf8"], "--out", o / "p.gpkg"], "not valid UTF-8"),
    Case("out-is-input", lambda d, o: ["vectorize", d["prediction"], "--out", d["prediction"]], "also an input"),
    Case("csv-output", lambda d, o: ["vectorize", d["prediction"], "--out", o / "p.csv"],
         "polygons are not written as CSV; use one of .gpkg, .shp"),
    Case("latin1-classes", lambda d, o: ["vectorize", d["prediction"], "--out", o / "p.gpkg", "--classes",
                                         d["latin1_classes"]], "latin1-classes.json is not UTF-8 text"),
]
EVALUATE = [
    Case("png-is-json", lambda d, o: _evaluate(d, o, "--out-png", o / "report.json"),
         "--out-json and --out-png are the same file"),
    Case("json-is-input", lambda d, o: _evaluate(d, o, "--out-json", d["reference"]), "also an input"),
    Case("truncated-prediction", lambda d, o: _evaluate(d, o, prediction="truncated"), "truncated.tif"),
    Case("damaged-model", lambda d, o: ["evaluate", "--model", d["damaged"], "--image", d["image"],
                                        "--reference-raster", d["reference"], "--out-json", o / "r.json"],
         "damaged.pt is damaged"),
    Case("reference-elsewhere", lambda d, o: _evaluate({**d, "reference": d["reference_far"]}, o),
         "reference-far.tif does not overlap the image or prediction it labels: its bounds (0.0, -960.0, 960.0, 0.0) "
         "in EPSG:32633, the image's (500000.0, 4499040.0, 500960.0, 4500000.0) in EPSG:32633"),
    Case("reference-in-another-crs", lambda d, o: _evaluate({**d, "reference": d["reference_3857"]}, o),
         "in EPSG:3857, the image's (500000.0, 4499040.0, 500960.0, 4500000.0) in EPSG:32633 (a different CRS"),
    Case("reference-code-300", lambda d, o: _evaluate({**d, "reference": d["reference_300"]}, o),
         "reference-300.tif holds class codes outside 0..254 (300)"),
    Case("latin1-classes", lambda d, o: _evaluate(d, o, "--reference-classes", d["latin1_classes"]),
         "latin1-classes.json is not UTF-8 text"),
    Case("area-adjusted-raster", lambda d, o: _evaluate(d, o, "--area-adjusted"),
         "--area-adjusted needs --prediction (the map the sample was drawn from) and --reference-vector"),
]
INFO = [
    Case("damaged-model", lambda d, o: ["info", d["damaged"]], "damaged.pt is damaged"),
    Case("not-a-model", lambda d, o: ["info", d["text"]], "text.pt is not a readable landcover model"),
    Case("missing", lambda d, o: ["info", o / "nope.pt"], "nope.pt does not exist"),
    Case("non-utf8-path", lambda d, o: ["info", d["non_utf8"]], "not valid UTF-8"),
]
HISTMATCH = [
    Case("missing-reference", lambda d, o: ["histmatch", "--image", d["image"], "--reference", o / "nope.tif",
                                            "--out", o / "matched.tif"], "nope.tif does not exist"),
    Case("out-is-input", lambda d, o: ["histmatch", "--image", d["image"], "--reference", d["image"],
                                       "--out", d["image"]], "also an input"),
    Case("truncated-image", lambda d, o: ["histmatch", "--image", d["truncated"], "--reference", d["image"],
                                          "--out", o / "matched.tif"], "truncated.tif"),
    Case("reference-bands", lambda d, o: ["histmatch", "--image", d["image"], "--reference", d["image"],
                                          "--reference-bands", "1", "--out", o / "matched.tif"], "different numbers"),
    Case("complex-image", lambda d, o: ["histmatch", "--image", d["complex"], "--reference", d["image"],
                                        "--out", o / "matched.tif"], "complex.tif holds complex values (complex64"),
]
PSEUDO_LABEL = [
    Case("damaged-model", lambda d, o: ["pseudo-label", "--model", d["damaged"], "--image", d["image"],
                                        "--out", o / "pseudo"], "damaged.pt is damaged"),
    Case("truncated-image", lambda d, o: ["pseudo-label", "--model", d["model"], "--image", d["truncated"],
                                          "--out", o / "pseudo", "--backend", "torch"], "truncated.tif"),
    Case("out-is-file", lambda d, o: ["pseudo-label", "--model", d["model"], "--image", d["image"],
                                      "--out", d["prediction"]], "is a file; give a folder"),
    Case("threshold-above-one", lambda d, o: ["pseudo-label", "--model", d["model"], "--image", d["image"],
                                              "--out", o / "pseudo", "--threshold", "1.5"],
         "--threshold: 1.5 is out of range"),
    Case("unknown-class-threshold", lambda d, o: ["pseudo-label", "--model", d["model"], "--image", d["image"],
                                                  "--out", o / "pseudo", "--class-thresholds", "lava=0.5"], "lava"),
]
SELF_TRAIN = [
    Case("missing-unlabeled", lambda d, o: _train(d, o, "--unlabeled", o / "nope.tif", command="self-train"),
         "nope.tif does not exist"),
    Case("zero-rounds", lambda d, o: _train(d, o, "--rounds", "0", command="self-train"),
         "--rounds: 0 is out of range"),
    Case("out-is-input", lambda d, o: _train(d, o, "--out", d["image"], command="self-train"), "also an input"),
    Case("locked-output", lambda d, o: _train(d, o, command="self-train"), "being written by another landcover job",
         locked="model.pt"),
]
SAMPLE_DESIGN = [
    Case("target-se-too-large", lambda d, o: _sample(d, o, "--target-se", "0.7"), "--target-se: 0.7 is out of range"),
    Case("unknown-class-accuracy", lambda d, o: _sample(d, o, "--expected-ua", "lava=0.9"),
         "--expected-ua names 'lava', not a class of the map"),
    Case("image-not-a-map", lambda d, o: _sample(d, o, prediction="image"),
         "image.tif must be a single-band raster of integer class codes"),
    Case("truncated-map", lambda d, o: _sample(d, o, prediction="truncated"), "truncated.tif"),
    Case("out-is-input", lambda d, o: ["sample-design", "--prediction", d["prediction"], "--out", d["prediction"]],
         "also an input"),
    Case("locked-output", lambda d, o: _sample(d, o), "being written by another landcover job", locked="sample.gpkg"),
]
CATALOGUE = {"train": TRAIN, "predict": PREDICT, "predict-batch": PREDICT_BATCH, "vectorize": VECTORIZE,
             "evaluate": EVALUATE, "info": INFO, "histmatch": HISTMATCH, "pseudo-label": PSEUDO_LABEL,
             "self-train": SELF_TRAIN, "sample-design": SAMPLE_DESIGN}
ROWS = [pytest.param(command, case, id=f"{command}-{case.id}")
        for command, cases in CATALOGUE.items() for case in cases]


@pytest.fixture(autouse=True)
def _onnx_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANDCOVER_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "onnx-cache"))


def _snapshot(*folders: Path) -> dict[str, str]:
    """File name -> content hash of every file in the folders (hidden files included)."""
    return {os.fsdecode(path): hashlib.sha256(path.read_bytes()).hexdigest()
            for folder in folders for path in Path(folder).rglob("*") if path.is_file()}


@pytest.mark.parametrize("command,case", ROWS)
def test_bad_input_fails_clearly_and_changes_nothing(command: str, case: Case, data, train_data, tmp_path: Path,
                                                     run, monkeypatch: pytest.MonkeyPatch) -> None:
    inputs = {**data, **train_data} if command in ("train", "self-train") else data
    folders = [tmp_path, *{Path(p).parent for p in inputs.values()}]
    case.setup(tmp_path)
    case.patch(monkeypatch, tmp_path)
    with contextlib.ExitStack() as stack:
        if case.locked:  # another job writing the same output holds its lock
            holder = stack.enter_context(open(lock_path(tmp_path / case.locked), "w"))
            fcntl.flock(holder, fcntl.LOCK_EX | fcntl.LOCK_NB)
        before = _snapshot(*folders)
        code, _, err = run(*case.argv(inputs, tmp_path))
    assert code == 2, err
    assert case.message in err
    assert "Traceback" not in err
    assert _snapshot(*folders) == before  # no file left, none changed


def test_catalogue_covers_every_command() -> None:
    from landcover_core.cli import COMMANDS

    commands = {name.replace("_", "-") for name in COMMANDS}  # module names; the CLI says pseudo-label
    assert set(CATALOGUE) == commands - {"doctor", "demo", "schema"}  # these take no input files
