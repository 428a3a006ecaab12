"""Streaming prediction: blending agrees with whole-image prediction, outputs, ensembles, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import rasterio
from inference_fixtures import PIXEL, local_ensemble, save_mobilenet, whole_image_codes, write_image
from rasterio.windows import Window

from landcover_core import cli
from landcover_core.common.classes import ClassScheme
from landcover_core.config import PredictOptions
from landcover_core.demo.synthetic import DEMO_SCHEME
from landcover_core.errors import Cancelled, InputError, ModelFileError
from landcover_core.inference.predict import Ensemble, Outputs, classify_raster, load_ensemble, predict_raster
from landcover_core.inference.runners import make_runner
from landcover_core.outputs.geotiff import CLASSES_TAG, CONFIDENCE_NODATA
from landcover_core.progress import Reporter

#: Share of valid pixels where tiled and whole-image predictions must agree (measured: 0.993-1.0 for the
#: local net; a one-pixel shift of the whole-image map agrees on ~0.9 only, so the bound is tight).
AGREEMENT = 0.99


@pytest.fixture(autouse=True)
def _onnx_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANDCOVER_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "onnx-cache"))


@pytest.fixture(scope="module")
def scene(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """260 x 300 px: larger than a 64 px tile on both axes, with a nodata collar and holes."""
    return write_image(tmp_path_factory.mktemp("scene") / "scene.tif", 260, 300)


@pytest.fixture(scope="module")
def model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return save_mobilenet(tmp_path_factory.mktemp("model") / "model.pt")


def _read(path: Path) -> np.ndarray:
    with rasterio.open(path) as src:
        return src.read(1)


def test_tiled_prediction_agrees_with_whole_image_prediction(scene: Path, tmp_path: Path) -> None:
    ensemble, net = local_ensemble()
    whole, valid = whole_image_codes(net, scene)
    classify_raster(ensemble, scene, Outputs(tmp_path / "tiled.tif"), PredictOptions(tile_size=64, overlap=16))
    tiled = _read(tmp_path / "tiled.tif")
    shares = np.bincount(whole[valid], minlength=5)[1:] / valid.sum()
    assert (shares > 0.05).sum() >= 2, f"the test model must predict several classes: {shares}"
    agreement = float((tiled[valid] == whole[valid]).mean())
    assert agreement >= AGREEMENT
    # The measure can fail: the same map shifted by one pixel does not pass it.
    shifted = np.roll(whole, 1, axis=1)
    assert float((shifted[valid] == whole[valid]).mean()) < AGREEMENT


@pytest.mark.parametrize(("tile", "overlap", "offset"), [(64, 16, (21, 37)), (96, 24, (0, 0)), (80, 8, (13, 5))])
def test_shifting_the_tile_grid_does_not_change_the_result(scene: Path, tmp_path: Path, tile: int, overlap: int,
                                                         offset: tuple[int, int]) -> None:
    ensemble, _ = local_ensemble()
    classify_raster(ensemble, scene, Outputs(tmp_path / "a.tif"), PredictOptions(tile_size=64, overlap=16))
    reference = _read(tmp_path / "a.tif")
    row, col = offset
    with rasterio.open(scene) as src:
        left, top = src.transform * (col, row)
        extent = (left + 0.4 * PIXEL, src.bounds.bottom, src.bounds.right, top - 0.4 * PIXEL)
    classify_raster(ensemble, scene, Outputs(tmp_path / "b.tif"), PredictOptions(tile_size=tile, overlap=overlap),
                    extent=extent)
    moved = _read(tmp_path / "b.tif")
    assert moved.shape == (reference.shape[0] - row, reference.shape[1] - col)
    part = reference[row:, col:]
    valid = part != DEMO_SCHEME.nodata_code
    assert np.array_equal(valid, moved != DEMO_SCHEME.nodata_code)
    assert float((part[valid] == moved[valid]).mean()) >= AGREEMENT


@pytest.mark.parametrize(("chunk_columns", "offset"), [(100, (0, 0)), (37, (21, 45))])
def test_column_chunks_give_the_outputs_of_whole_rows(scene: Path, model: Path, tmp_path: Path, chunk_columns: int,
                                                      offset: tuple[int, int]) -> None:
    # Random DeepLabV3 weights: neighbouring tiles disagree (per-tile statistics), so a tile dropped or
    # weighted twice at a chunk cut changes classes and confidence there.
    ensemble = Ensemble([make_runner(model, 64, "cpu", "onnx")])
    with rasterio.open(scene) as src:
        left, top = src.transform * (offset[1], offset[0])
        extent = (left + 0.4 * PIXEL, src.bounds.bottom, src.bounds.right, top - 0.4 * PIXEL)
    outputs = {}
    for name, columns in (("rows", 10_000), ("chunks", chunk_columns)):
        classify_raster(ensemble, scene, Outputs(tmp_path / f"{name}.tif", tmp_path / f"{name}_conf.tif"),
                        PredictOptions(tile_size=64, overlap=16), extent=extent, chunk_columns=columns)
        outputs[name] = _read(tmp_path / f"{name}.tif"), _read(tmp_path / f"{name}_conf.tif")
    (classes, conf), (chunk_classes, chunk_conf) = outputs["rows"], outputs["chunks"]
    assert classes.shape[1] > 2 * chunk_columns  # two cuts or more, some inside tiles' overlaps
    valid = classes != DEMO_SCHEME.nodata_code
    assert 0.5 < valid.mean() < 1  # nodata holes
    assert float((chunk_classes == classes).mean()) >= 0.999
    assert np.allclose(chunk_conf, conf, atol=1e-5)


def test_outputs_carry_georeferencing_colours_nodata_and_confidence(scene: Path, model: Path, tmp_path: Path) -> None:
    result = predict_raster([model], scene, Outputs(tmp_path / "classes.tif", tmp_path / "conf.tif"),
                            PredictOptions(tile_size=64, overlap=8, batch_size=3))
    assert result["summary"]["backend"] == "onnx"
    assert result["summary"]["classes"] == DEMO_SCHEME.to_list()
    assert result["summary"]["nodata"] == DEMO_SCHEME.nodata_code
    with rasterio.open(scene) as src:
        # The area table's pixel area: 10 m pixels of a UTM scene.
        assert result["summary"]["pixel_area_m2"] == pytest.approx(abs(src.transform.a * src.transform.e))
        crs, transform = src.crs, src.transform
        valid = np.all(src.read_masks() > 0, axis=0)
    with rasterio.open(tmp_path / "classes.tif") as dst:
        assert dst.crs == crs and dst.transform == transform and dst.dtypes[0] == "uint8"
        assert dst.nodata == DEMO_SCHEME.nodata_code
        assert dst.profile["tiled"] and dst.compression.name.lower() == "deflate"
        assert dst.overviews(1) == [2]
        colours = dst.colormap(1)
        assert all(colours[c.code][:3] == c.colour for c in DEMO_SCHEME.classes)
        assert ClassScheme.from_list(json.loads(dst.tags()[CLASSES_TAG])) == DEMO_SCHEME
        classes = dst.read(1)
    assert np.array_equal(classes != DEMO_SCHEME.nodata_code, valid)  # nodata in, nodata out
    assert set(np.unique(classes[valid])) <= set(DEMO_SCHEME.codes)
    with rasterio.open(tmp_path / "conf.tif") as dst:
        assert dst.crs == crs and dst.transform == transform and dst.nodata == CONFIDENCE_NODATA
        confidence = dst.read(1)
    assert (confidence[~valid] == CONFIDENCE_NODATA).all()
    assert (confidence[valid] >= 1 / len(DEMO_SCHEME) - 1e-6).all() and (confidence[valid] <= 1 + 1e-6).all()
    assert not list(tmp_path.glob(".*partial*"))


def test_onnx_and_torch_backends_agree(scene: Path, model: Path, tmp_path: Path) -> None:
    predict_raster([model], scene, Outputs(tmp_path / "onnx.tif"), PredictOptions(tile_size=64, backend="onnx"))
    predict_raster([model], scene, Outputs(tmp_path / "torch.tif"), PredictOptions(tile_size=64, backend="torch"))
    onnx, torch_ = _read(tmp_path / "onnx.tif"), _read(tmp_path / "torch.tif")
    assert float((onnx == torch_).mean()) >= 0.999


def test_ensemble_averages_and_checks_compatibility(scene: Path, model: Path, tmp_path: Path) -> None:
    other = save_mobilenet(tmp_path / "other.pt", seed=1)
    options = PredictOptions(tile_size=64, backend="torch")
    result = predict_raster([model, other], scene, Outputs(tmp_path / "ens.tif"), options)
    assert result["summary"]["nodata"] == DEMO_SCHEME.nodata_code
    # The ensemble's probabilities are the mean of its members' (each normalising with its own statistics).
    ensemble = load_ensemble([model, other], options)
    batch = np.random.default_rng(0).uniform(0, 255, (2, 3, 64, 64)).astype(np.float32)
    valid = np.ones((2, 64, 64), bool)
    members = [Ensemble([runner])(batch, valid) for runner in ensemble.runners]
    averaged = ensemble(batch, valid)
    np.testing.assert_allclose(averaged, (members[0] + members[1]) / 2, atol=1e-6)
    assert all(np.abs(averaged - member).max() > 1e-3 for member in members)  # no member is ignored
    renamed = save_mobilenet(tmp_path / "renamed.pt", scheme=ClassScheme.from_codes([1, 2, 3, 4]))
    with pytest.raises(InputError, match="share their classes"):
        predict_raster([model, renamed], scene, Outputs(tmp_path / "x.tif"), PredictOptions(tile_size=64))
    four_bands = save_mobilenet(tmp_path / "four.pt", bands=4)  # members may differ in bands, not the raster
    with pytest.raises(InputError, match=r"four.pt reads bands \[1, 2, 3, 4\] but .* has 3 band"):
        predict_raster([model, four_bands], scene, Outputs(tmp_path / "x.tif"), PredictOptions(tile_size=64))
    assert not (tmp_path / "x.tif").exists()


def test_extent_is_aligned_to_the_raster_grid(scene: Path, model: Path, tmp_path: Path) -> None:
    with rasterio.open(scene) as src:
        x0, y1 = src.transform * (50.3, 20.6)
        x1, y0 = src.transform * (170.2, 140.1)
        full = src.transform
    predict_raster([model], scene, Outputs(tmp_path / "part.tif"), PredictOptions(tile_size=64),
                   extent=(x0, y0, x1, y1))
    with rasterio.open(tmp_path / "part.tif") as dst:
        assert (dst.width, dst.height) == (121, 121)
        assert dst.transform == full * full.translation(50, 20)


def test_cli_predict_reports_classes_and_writes_polygons(scene: Path, model: Path, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    code = cli.main(["predict", "--model", str(model), "--image", str(scene), "--out", str(tmp_path / "c.tif"),
                     "--vector", str(tmp_path / "c.gpkg"), "--tile-size", "64", "--json-progress"])
    assert code == 0
    events = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    result = events[-1]
    assert result["event"] == "result"
    assert result["summary"]["classes"] == DEMO_SCHEME.to_list()
    assert set(result["outputs"]) == {"classes", "vector"}
    assert (tmp_path / "c.gpkg").exists()


def test_cancellation_leaves_no_output(scene: Path, model: Path, tmp_path: Path) -> None:
    reporter = Reporter(quiet=True)
    reporter.cancel.cancel()
    with pytest.raises(Cancelled):
        predict_raster([model], scene, Outputs(tmp_path / "c.tif", tmp_path / "p.tif"), PredictOptions(tile_size=64),
                       reporter=reporter)
    assert list(tmp_path.iterdir()) == []


# -- bad input: clear errors (exit code 2), nothing written ---------------------------------------------

def _fails(args: list[str], capsys: pytest.CaptureFixture[str], match: str) -> None:
    assert cli.main(args) == 2
    assert match in capsys.readouterr().err


def test_band_count_mismatch(scene: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    four = save_mobilenet(tmp_path / "four.pt", bands=4)
    _fails(["predict", "--model", str(four), "--image", str(scene), "--out", str(tmp_path / "o.tif")], capsys,
           "has 3 band(s)")
    assert not (tmp_path / "o.tif").exists()


def test_corrupt_model_file(scene: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.pt"
    bad.write_bytes(b"not a model")
    _fails(["predict", "--model", str(bad), "--image", str(scene), "--out", str(tmp_path / "o.tif")], capsys,
           "not a readable landcover model file")
    with pytest.raises(ModelFileError):
        predict_raster([bad], scene, Outputs(tmp_path / "o.tif"))
    assert not (tmp_path / "o.tif").exists()


def test_output_in_missing_folder_or_on_the_input(scene: Path, model: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    _fails(["predict", "--model", str(model), "--image", str(scene), "--out", str(tmp_path / "no" / "o.tif")],
           capsys, "does not exist")
    before = scene.read_bytes()
    _fails(["predict", "--model", str(model), "--image", str(scene), "--out", str(scene)], capsys, "also an input")
    assert scene.read_bytes() == before


def test_empty_or_all_nodata_raster(model: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.tif"
    empty.write_bytes(b"")
    _fails(["predict", "--model", str(model), "--image", str(empty), "--out", str(tmp_path / "o.tif")], capsys,
           "not a readable raster")
    blank = write_image(tmp_path / "blank.tif", 100, 90, all_nodata=True)
    _fails(["predict", "--model", str(model), "--image", str(blank), "--out", str(tmp_path / "o.tif"),
            "--confidence", str(tmp_path / "c.tif"), "--tile-size", "64"], capsys, "all nodata")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["blank.tif", "empty.tif"]


def test_extent_outside_the_raster(scene: Path, model: Path, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not overlap"):
        predict_raster([model], scene, Outputs(tmp_path / "o.tif"), extent=(0.0, 0.0, 10.0, 10.0))


def test_reads_pad_tiles_beyond_the_raster(scene: Path) -> None:
    from landcover_core.common.raster import read_window

    with rasterio.open(scene) as src:
        image, valid = read_window(src, [1, 2, 3], Window(280, 240, 64, 64))
        inner = src.read([1, 2, 3], window=Window(280, 240, 20, 20)).astype(np.float32)
    assert image.shape == (3, 64, 64) and not valid[20:, :].any() and not valid[:, 20:].any()
    assert np.array_equal(image[:, :20, :20], inner)
