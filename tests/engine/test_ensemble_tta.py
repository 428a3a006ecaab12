"""Ensembles and test-time augmentation: equivariance, weighted averages, members with their own bands,
uncertainty outputs and bad input."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import rasterio
import torch
from conftest import files_in
from inference_fixtures import MEAN, STD, LocalNet, save_mobilenet, write_image
from torch import nn

from landcover_core.common.classes import ClassScheme
from landcover_core.config import PredictOptions
from landcover_core.demo.synthetic import DEMO_SCHEME
from landcover_core.errors import InputError
from landcover_core.inference.ensemble import TTA_VIEWS, Ensemble, from_view, parse_model_weights, to_view
from landcover_core.inference.predict import Outputs, classify_raster
from landcover_core.inference.runners import TorchRunner
from landcover_core.models.modelfile import ModelSpec

K = len(DEMO_SCHEME)


def runner(net: nn.Module, bands: list[int], mean: list[float] | None = None, tile: int = 64) -> TorchRunner:
    mean = mean or MEAN[:len(bands)]
    spec = ModelSpec("mobilenet_v3_large", bands, DEMO_SCHEME, mean, STD[:len(bands)], "group", tile)
    return TorchRunner(net.eval(), spec, torch.device("cpu"))


def pointwise(bands: int = 3, seed: int = 0) -> nn.Module:
    """A 1x1 convolution: its output at a pixel depends on that pixel only, so it commutes with every flip and turn."""
    torch.manual_seed(seed)
    return nn.Conv2d(bands, K, 1)


@pytest.fixture(scope="module")
def image(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_image(tmp_path_factory.mktemp("tta") / "image.tif", 150, 170)


def batch(channels: int = 3, n: int = 2, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    return rng.uniform(0, 255, (n, channels, 64, 64)).astype(np.float32), np.ones((n, 64, 64), bool)


def test_views_are_undone() -> None:
    x = np.arange(2 * 3 * 4 * 4, dtype=np.float32).reshape(2, 3, 4, 4)
    assert len(TTA_VIEWS["flips"]) == 4 and len(TTA_VIEWS["d4"]) == 8
    seen = {to_view(x, t, f).tobytes() for t, f in TTA_VIEWS["d4"]}
    assert len(seen) == 8  # eight different views
    for turns, flip in TTA_VIEWS["d4"]:
        np.testing.assert_array_equal(from_view(to_view(x, turns, flip), turns, flip), x)


@pytest.mark.parametrize("tta", ["flips", "d4"])
def test_tta_of_a_flip_equivariant_model_equals_the_plain_prediction(tta: str) -> None:
    net = pointwise()
    x, valid = batch()
    plain = Ensemble([runner(net, [1, 2, 3])])(x, valid)
    np.testing.assert_allclose(Ensemble([runner(net, [1, 2, 3])])(x, valid, tta), plain, atol=1e-5)
    # A model that is not equivariant (3x3 kernels) gives the mean of its views instead.
    local = LocalNet(3, K)
    member = runner(local, [1, 2, 3])
    views = [from_view(Ensemble([member])(np.ascontiguousarray(to_view(x, t, f)), valid), t, f)
             for t, f in TTA_VIEWS[tta]]
    augmented = Ensemble([member])(x, valid, tta)
    np.testing.assert_allclose(augmented, np.mean(views, axis=0), atol=1e-5)
    assert np.abs(augmented - Ensemble([member])(x, valid)).max() > 1e-3


def test_weighted_average_of_two_models() -> None:
    first, second = runner(pointwise(seed=1), [1, 2, 3]), runner(pointwise(seed=2), [1, 2, 3])
    x, valid = batch()
    p1, p2 = Ensemble([first])(x, valid), Ensemble([second])(x, valid)
    weighted = Ensemble([first, second], parse_model_weights("3,1", 2))(x, valid)
    np.testing.assert_allclose(weighted, 0.75 * p1 + 0.25 * p2, atol=1e-6)
    np.testing.assert_allclose(Ensemble([first, second])(x, valid), (p1 + p2) / 2, atol=1e-6)
    assert parse_model_weights(None, 4) == [0.25] * 4
    for bad in ("1", "1,x", "-1,2", "0,0"):
        with pytest.raises(InputError, match="--model-weights"):
            parse_model_weights(bad, 2)


def test_members_read_their_own_bands_and_normalisation(image: Path, tmp_path: Path) -> None:
    rgb = runner(LocalNet(3, K, seed=1), [1, 2, 3])
    two = runner(LocalNet(2, K, seed=2), [3, 1], mean=[10.0, 200.0])  # other bands, order and statistics
    ensemble = Ensemble([rgb, two])
    with rasterio.open(image) as src:
        assert ensemble.input_bands(src) == [1, 2, 3]  # the union, read once per tile
    assert ensemble.channels == [[0, 1, 2], [2, 0]]
    x, valid = batch()
    expected = (Ensemble([rgb])(x, valid) + Ensemble([two])(x[:, [2, 0]], valid)) / 2
    probs, disagreement = ensemble.predict(x, valid)
    np.testing.assert_allclose(probs, expected, atol=1e-6)
    assert disagreement is not None and disagreement.min() >= 0 and disagreement.max() <= 1
    # Streamed prediction with confidence and uncertainty.
    outputs = Outputs(tmp_path / "c.tif", tmp_path / "conf.tif", uncertainty=tmp_path / "u.tif")
    result = classify_raster(ensemble, image, outputs, PredictOptions(tile_size=64, tta="flips"))
    assert result["summary"]["models"] == 2 and result["summary"]["tta"] == "flips"
    with rasterio.open(tmp_path / "u.tif") as u, rasterio.open(tmp_path / "conf.tif") as c, \
            rasterio.open(tmp_path / "c.tif") as k:
        assert u.count == 2 and u.dtypes[0] == "float32" and u.nodata == -1.0
        spread, agree = u.read(1), u.read(2)
        valid_pixels = k.read_masks(1) > 0
        assert np.all(spread[~valid_pixels] == -1.0) and np.all(agree[~valid_pixels] == -1.0)
        assert spread[valid_pixels].min() >= 0 and spread[valid_pixels].max() <= 1
        assert agree[valid_pixels].min() >= 0 and agree[valid_pixels].max() <= 1 and agree[valid_pixels].max() > 0
        # The more confident the max probability, the lower the entropy (on average, strongly).
        conf = c.read(1)[valid_pixels]
        assert np.corrcoef(conf, spread[valid_pixels])[0, 1] < -0.8


def test_identical_members_do_not_disagree_and_one_model_has_one_band(image: Path, tmp_path: Path) -> None:
    net = LocalNet(3, K)
    x, valid = batch()
    _, disagreement = Ensemble([runner(net, [1, 2, 3]), runner(net, [1, 2, 3])]).predict(x, valid)
    assert disagreement is not None and disagreement.max() < 1e-5
    single = Ensemble([runner(net, [1, 2, 3])])
    assert single.predict(x, valid)[1] is None
    classify_raster(single, image, Outputs(tmp_path / "c.tif", uncertainty=tmp_path / "u.tif"),
                    PredictOptions(tile_size=64))
    with rasterio.open(tmp_path / "u.tif") as u:
        assert u.count == 1


def test_cli_ensemble_of_different_tile_sizes_and_bad_input(image: Path, tmp_path: Path, run) -> None:
    a = save_mobilenet(tmp_path / "a.pt", tile=64)
    b = save_mobilenet(tmp_path / "b.pt", tile=96, seed=1)
    code, _, err = run("predict", "--model", a, "--model", b, "--image", image, "--out", tmp_path / "e.tif",
                       "--uncertainty", tmp_path / "u.tif", "--model-weights", "2,1",
                       "--backend", "torch", "--quiet")
    assert code == 0, err
    with rasterio.open(tmp_path / "u.tif") as u:
        assert u.count == 2
    before = files_in(tmp_path)
    other = save_mobilenet(tmp_path / "other.pt", scheme=ClassScheme.from_codes([1, 2, 3, 4]))
    before.add("other.pt")
    for args, message in [
        (["--model", a, "--model", other], "other.pt has"),  # different classes
        (["--model", a, "--tta", "d8"], "invalid choice: 'd8'"),
        (["--model", a, "--model", b, "--model-weights", "1"], "--model-weights has 1 value"),
    ]:
        code, _, err = run("predict", *args, "--image", image, "--out", tmp_path / "x.tif", "--quiet")
        assert code == 2 and message in err, err
    assert files_in(tmp_path) == before  # nothing written
