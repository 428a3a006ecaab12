"""``--resample model`` (#23): a raster of another pixel size is classified at the model's training resolution
and the outputs are written on the raster's own grid.

A model "trained at 2 m" (its file records 2 m) classifies a 1 m raster; the result must match classifying a copy
downsampled to 2 m by hand and brought back by nearest neighbour.
"""

from __future__ import annotations

import dataclasses
import tracemalloc
from pathlib import Path

import numpy as np
import pytest
import rasterio
import torch
from inference_fixtures import CRS, MEAN, STD, local_ensemble, read_band
from rasterio.transform import from_origin
from rasterio.warp import Resampling, reproject

from landcover_core.common.classes import ClassScheme
from landcover_core.config import PredictOptions
from landcover_core.demo.synthetic import DEMO_SCHEME, class_map, render_image
from landcover_core.inference.ensemble import Ensemble
from landcover_core.inference.predict import Outputs, classify_raster
from landcover_core.inference.resample import write_on_grid
from landcover_core.inference.runners import TorchRunner
from landcover_core.models.modelfile import ModelSpec, save_model
from landcover_core.models.networks import build_model

ORIGIN = (500000.0, 4500000.0)


def _write(path: Path, image: np.ndarray, pixel: float) -> Path:
    with rasterio.open(path, "w", driver="GTiff", width=image.shape[2], height=image.shape[1], count=image.shape[0],
                       dtype=image.dtype.name, crs=CRS, transform=from_origin(*ORIGIN, pixel, pixel)) as dst:
        dst.write(image)
    return path


@pytest.fixture(scope="module")
def rasters(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A 1 m raster (objects of 2 m pixels upsampled) and its copy downsampled to 2 m by hand (bilinear)."""
    folder = tmp_path_factory.mktemp("resample")
    rng = np.random.default_rng(1)
    coarse = render_image(class_map(128, 4, rng), 3, rng)  # 128 px at 2 m
    fine = np.repeat(np.repeat(coarse, 2, axis=1), 2, axis=2)  # 256 px at 1 m
    fine = np.clip(fine.astype(np.int16) + rng.integers(-6, 7, fine.shape), 1, 255).astype(np.uint8)
    one = _write(folder / "one_metre.tif", fine, 1.0)
    two = np.zeros((3, 128, 128), np.uint8)
    reproject(fine, two, src_transform=from_origin(*ORIGIN, 1.0, 1.0), src_crs=CRS,
              dst_transform=from_origin(*ORIGIN, 2.0, 2.0), dst_crs=CRS, resampling=Resampling.bilinear)
    return {"one": one, "two": _write(folder / "two_metres.tif", two, 2.0)}


def _at_two_metres() -> Ensemble:
    ensemble, net = local_ensemble()
    spec = dataclasses.replace(ensemble.runners[0].spec, ground_resolution=2.0, crs=CRS)
    return Ensemble([TorchRunner(net, spec, torch.device("cpu"))])


def test_resample_model_classifies_at_the_models_resolution_on_the_rasters_grid(rasters: dict[str, Path],
                                                                                 tmp_path: Path) -> None:
    ensemble = _at_two_metres()
    options = PredictOptions(tile_size=64, resample="model")
    out = Outputs(tmp_path / "c.tif", confidence=tmp_path / "p.tif", uncertainty=tmp_path / "u.tif")
    result = classify_raster(ensemble, rasters["one"], out, options)
    assert result["summary"]["resampled_to_m"] == 2.0
    with rasterio.open(rasters["one"]) as src:
        grid = (src.transform, src.width, src.height, src.crs)
    for path in (out.classes, out.confidence, out.uncertainty):
        with rasterio.open(path) as dst:
            assert (dst.transform, dst.width, dst.height, dst.crs) == grid, path
    classes = read_band(out.classes)
    assert {str(code): int((classes == code).sum()) for code in DEMO_SCHEME.codes} == result["summary"]["pixels"]

    by_hand = classify_raster(ensemble, rasters["two"], Outputs(tmp_path / "c2.tif"), PredictOptions(tile_size=64))
    assert by_hand["summary"]["resampled_to_m"] is None
    expected = np.repeat(np.repeat(read_band(tmp_path / "c2.tif"), 2, axis=0), 2, axis=1)
    assert np.mean(classes == expected) > 0.97

    # Classifying the 1 m pixels as they are gives another map: the resampling did something.
    classify_raster(ensemble, rasters["one"], Outputs(tmp_path / "c1.tif"), PredictOptions(tile_size=64))
    assert np.mean(read_band(tmp_path / "c1.tif") == expected) < np.mean(classes == expected) - 0.05


def test_the_resampled_outputs_are_copied_back_block_by_block(tmp_path: Path) -> None:
    """Writing on the raster's grid never holds a whole output: memory is one block, whatever the raster's size."""
    scheme = ClassScheme.from_codes([1, 2, 3])
    made = {"classes": _write(tmp_path / "made_c.tif", np.random.default_rng(0).integers(1, 4, (1, 512, 512))
                              .astype(np.uint8), 8.0),
            "confidence": _write(tmp_path / "made_p.tif", np.full((1, 512, 512), 0.5, np.float32), 8.0)}
    final = {"classes": tmp_path / "c.tif", "confidence": tmp_path / "p.tif"}
    size = 4096  # a float32 band of it: 64 MiB
    tracemalloc.start()
    try:
        counts = write_on_grid(made, final, size, size, from_origin(*ORIGIN, 1.0, 1.0),
                               rasterio.crs.CRS.from_string(CRS), scheme, {})
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert counts.sum() == size * size
    assert peak < 32 << 20, peak  # a few 1024² blocks (8 MiB each at int64), not a 4096² band
    with rasterio.open(final["classes"]) as dst:
        assert (dst.width, dst.height) == (size, size)
        assert (dst.read(1, window=((0, 8), (0, 8))) == read_band(made["classes"])[0, 0]).all()


def _model_file(path: Path, resolution: float | None) -> Path:
    torch.manual_seed(0)
    model = build_model("mobilenet_v3_large", 3, len(DEMO_SCHEME), "none", "group")
    return save_model(path, model, ModelSpec("mobilenet_v3_large", [1, 2, 3], DEMO_SCHEME, MEAN, STD, "group", 64,
                                             ground_resolution=resolution, crs=CRS if resolution else None))


def test_predict_and_predict_batch_resample_through_the_cli(run, rasters: dict[str, Path], tmp_path: Path) -> None:
    model = _model_file(tmp_path / "m.pt", 2.0)
    code, _, err = run("predict", "--model", model, "--image", rasters["one"], "--out", tmp_path / "c.tif",
                       "--vector", tmp_path / "v.gpkg", "--tile-size", "64", "--backend", "torch", "--resample",
                       "model")
    assert code == 0, err
    assert "Reading" in err and "at the model's ground resolution (2 m, 1 m here): 128x128 px, bilinear" in err
    assert "times the model's training imagery" not in err  # no resolution warning: it was resampled
    with rasterio.open(tmp_path / "c.tif") as dst, rasterio.open(rasters["one"]) as src:
        assert (dst.transform, dst.shape) == (src.transform, src.shape)
    images = tmp_path / "images"
    images.mkdir()
    (images / "a.tif").write_bytes(rasters["one"].read_bytes())
    code, _, err = run("predict-batch", "--model", model, "--images", images, "--out-dir", tmp_path / "batch",
                       "--tile-size", "64", "--backend", "torch", "--workers", "1", "--resample", "model", "--quiet")
    assert code == 0, err
    with rasterio.open(tmp_path / "batch" / "a.classes.tif") as dst:
        assert dst.shape == (256, 256)
    assert (read_band(tmp_path / "batch" / "a.classes.tif") == read_band(tmp_path / "c.tif")).all()


def test_resample_model_with_an_older_model_file_is_refused(run, rasters: dict[str, Path], tmp_path: Path) -> None:
    model = _model_file(tmp_path / "old.pt", None)
    code, _, err = run("predict", "--model", model, "--image", rasters["one"], "--out", tmp_path / "c.tif",
                       "--tile-size", "64", "--backend", "torch", "--resample", "model", "--quiet")
    assert code == 2, err
    assert "old.pt: this model file does not record its training resolution; retrain or omit --resample" in err
    assert not (tmp_path / "c.tif").exists()
