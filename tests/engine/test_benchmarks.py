"""The benchmarks measure what they say: the bare training step is built as ``landcover train`` builds its loop."""

from __future__ import annotations

import dataclasses
import subprocess
import sys

import pytest
import torch

from benchmarks import __main__ as bench_main
from benchmarks import batch, training
from benchmarks.quality import grid, selftrain
from benchmarks.quality import histmatch as quality_histmatch
from benchmarks.quality.common import REPO_ROOT
from landcover_core.config import TrainConfig
from landcover_core.data.sources import TrainingData
from landcover_core.demo.synthetic import make_scene
from landcover_core.models.modelfile import load_model
from landcover_core.training.recipe import build_training_model, training_loss
from landcover_core.training.trainer import train_model


def shapes(model: torch.nn.Module) -> dict[str, tuple[int, ...]]:
    return {name: tuple(tensor.shape) for name, tensor in model.state_dict().items()}


def test_the_bare_step_and_the_training_loop_share_one_config(tmp_path):
    config = training.training_config(tmp_path / "model.pt", "mobilenet_v3_large", tile=64, batch=2, steps=1,
                                      device="cpu")
    # The engine's defaults, not the benchmark's own: a default that changes changes both loops.
    defaults = TrainConfig(out=config.out)
    for name in ("decoder", "backbone_norm", "weights", "class_weights", "precision", "dropout", "lr"):
        assert getattr(config, name) == getattr(defaults, name), name
    scene = make_scene(tmp_path / "scene", size=128, bands=4, seed=0, polygons_per_class=0)
    data = TrainingData(images=[str(scene.image)], label_rasters=[str(scene.truth)])
    trained, spec = load_model(train_model(dataclasses.replace(config, epochs=1), data).model)
    bare = build_training_model(config, spec.bands, spec.scheme, spec.mean, spec.std)[0]  # as the bare step builds
    assert type(bare.net.classifier) is type(trained.net.classifier)
    assert bare.decoder == trained.decoder == config.decoder
    assert shapes(bare) == shapes(trained)
    assert sum(p.numel() for p in bare.parameters()) == sum(p.numel() for p in trained.parameters())


def test_a_bare_step_trains_the_configured_model(tmp_path):
    config = training.training_config(tmp_path / "model.pt", "mobilenet_v3_large", tile=64, batch=2, steps=1,
                                      device="cpu")
    scene = make_scene(tmp_path / "scene", size=128, bands=4, seed=0, polygons_per_class=0)
    images, labels = training.scene_batch(scene, config.tile_size, config.batch_size)
    assert images.shape == (2, 4, 64, 64) and labels.min() >= 0 and labels.max() < len(scene.scheme)
    loss = training_loss(config, scene.scheme, torch.bincount(labels.flatten(), minlength=len(scene.scheme)))
    assert loss.class_weights is not None  # the default --class-weights sqrt weighs the classes in both loops
    step = training.bare_step(config, images, labels, scene.scheme, torch.device("cpu"))  # runs a first step
    step()


@pytest.mark.parametrize("main", [bench_main.main, training.main, batch.main, grid.main, quality_histmatch.main,
                                  selftrain.main])
def test_every_entry_point_has_help(main, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--help"])
    assert exit_.value.code == 0
    assert "usage: python -m benchmarks" in capsys.readouterr().out


def test_the_benchmarks_run_as_modules_from_the_repository_root():
    proc = subprocess.run([sys.executable, "-m", "benchmarks", "--help"], capture_output=True, text=True,
                          timeout=120, cwd=REPO_ROOT)
    assert proc.returncode == 0, proc.stderr
    assert "--training-only" in proc.stdout
