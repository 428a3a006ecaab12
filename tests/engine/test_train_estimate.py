"""``train --estimate`` (how long a training will take here) and ``train --preset`` (named starting points)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from conftest import TINY_TRAIN, files_in, run_process

from landcover_core.cli import UsageError, build_parser, given_options
from landcover_core.commands.train import apply_preset
from landcover_core.config import TRAIN_PRESETS, TrainConfig
from landcover_core.schema import describe_engine
from landcover_core.training.estimate import TrainingEstimate, run_steps


def test_estimate_times_steps_reports_the_run_and_writes_nothing(scene, tmp_path: Path) -> None:
    out = tmp_path / "model.pt"
    tiny = [*TINY_TRAIN[:-1]]
    tiny[tiny.index("--epochs") + 1] = "3"
    code, events, err = run_process("train", "--image", scene.image, "--labels", scene.polygons, "--class-field",
                                    "class", "--out", out, *tiny, "--estimate")
    assert code == 0, err
    summary = events[-1]["summary"]
    # A CPU times 2 tiles and scales, or times the real batch of 4 when the scaled step is short.
    assert summary["device"] == "cpu" and summary["measured_batch"] in (2, 4)
    assert summary["steps"] == 3 * (8 // 4) and summary["epochs"] == 3
    assert summary["seconds_per_step"] > 0
    assert summary["seconds"] == pytest.approx(
        summary["steps"] * summary["seconds_per_step"] + 3 * summary["epoch_extra_seconds"], abs=0.1)
    assert summary["epoch_extra_seconds"] > 0  # MobileNetV3's BatchNorm is re-estimated after each epoch
    assert files_in(tmp_path) == set()  # nothing trained, nothing left


def test_estimate_checks_the_inputs_as_training_would(scene, tmp_path: Path) -> None:
    code, events, _err = run_process("train", "--image", tmp_path / "missing.tif", "--labels", scene.polygons,
                                     "--class-field", "class", "--out", tmp_path / "m.pt", *TINY_TRAIN[:-1],
                                     "--estimate")
    assert code == 2 and "missing.tif" in events[-1]["message"]


def test_the_run_is_its_steps_plus_each_epochs_re_estimation() -> None:
    estimate = TrainingEstimate("cpu", seconds_per_step=2.0, steps=40, epoch_extra_seconds=3.0, epochs=4,
                                measured_batch=2)
    assert estimate.seconds == 92.0 and estimate.summary()["seconds"] == 92.0
    config = TrainConfig(out="m.pt", epochs=4, samples_per_epoch=100, batch_size=8)
    assert run_steps(config) == (12, 48)


def parsed(*argv: str, command: str = "train"):
    """Parsed arguments as the CLI hands them to the command."""
    full = [command, "--image", "i.tif", "--label-raster", "l.tif", "--out", "m.pt", *argv]
    parser = build_parser()
    args = parser.parse_args(full)
    args._given = given_options(parser, full)
    return args


def test_a_preset_fills_the_options_not_given() -> None:
    args = parsed("--preset", "cpu-quick", "--epochs", "3")
    apply_preset(args)
    quick = {p.name: p for p in TRAIN_PRESETS}["cpu-quick"].settings
    assert args.arch == quick["arch"] and args.tile_size == quick["tile_size"]
    assert args.epochs == 3  # given: the user's choice wins
    untouched = parsed("--epochs", "3")
    apply_preset(untouched)
    assert untouched.arch == TrainConfig.__dataclass_fields__["arch"].default


@pytest.mark.parametrize("spelling", [["--epoch", "3"], ["--epochs=3"], ["--epo=3"]])
def test_an_option_given_abbreviated_or_with_equals_still_wins(spelling: list[str]) -> None:
    args = parsed("--preset", "cpu-quick", *spelling)
    apply_preset(args)
    assert args.epochs == 3 and args.arch == {p.name: p for p in TRAIN_PRESETS}["cpu-quick"].settings["arch"]


def test_a_preset_given_its_default_value_still_wins() -> None:
    args = parsed("--preset", "cpu-quick", "--epochs", "30")  # 30 is the default: given all the same
    apply_preset(args)
    assert args.epochs == 30


@pytest.mark.parametrize("preset", TRAIN_PRESETS, ids=lambda preset: preset.name)
def test_every_preset_is_valid_settings_listed_in_the_schema(preset) -> None:
    config = TrainConfig(out="m.pt", **preset.settings)  # validated like any settings
    assert dataclasses.asdict(config).items() >= preset.settings.items()
    listed = describe_engine(build_parser())["train_presets"]
    assert {"name": preset.name, "label": preset.label, "help": preset.help, "settings": preset.settings} in listed


def test_self_train_takes_presets_but_has_no_estimate() -> None:
    args = parsed("--preset", "cpu-quick", command="self-train")
    apply_preset(args)
    assert args.arch == {p.name: p for p in TRAIN_PRESETS}["cpu-quick"].settings["arch"]
    with pytest.raises(UsageError, match="--estimate"):
        parsed("--preset", "cpu-quick", "--estimate", command="self-train")
