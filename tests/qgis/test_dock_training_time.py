"""Train tells how long it will take here before it starts, asks when that is long, and presets fill the form."""

from __future__ import annotations

from pathlib import Path

from conftest import answer_with, run_job

from landcover_qgis.dock_form import PRESET_CPU, PRESET_CUSTOM, PRESET_FULL
from landcover_qgis.option_widgets import select_id


def test_train_shows_the_estimate_then_trains(dock, tmp_path: Path) -> None:
    dock.form.model_out.setFilePath(str(tmp_path / "model.pt"))
    run_job(dock, dock.train_button)
    assert dock.last_outcome.ok, dock.message.text()
    assert dock.form.estimate_info.text().startswith("Estimated: about ") and "on CPU" in dock.form.estimate_info.text()
    assert (tmp_path / "model.pt").is_file()


def test_a_long_training_asks_and_the_quick_preset_is_offered(dock, tmp_path: Path) -> None:
    dock.form.model_out.setFilePath(str(tmp_path / "model.pt"))
    dock.long_training_s = 0.0  # every training is "long" here
    assert dock.form.preset.currentData() == PRESET_CUSTOM  # the fixture's tiny settings
    answer_with("Use ")
    run_job(dock, dock.train_button)
    assert dock.form.preset.currentData() == PRESET_CPU and "press Train again" in dock.message.text()
    assert not (tmp_path / "model.pt").exists()  # nothing trained
    answer_with("Cancel")
    run_job(dock, dock.train_button)
    assert dock.message.text().startswith("Training not started.") and not (tmp_path / "model.pt").exists()


def test_presets_fill_the_form_and_an_edit_makes_it_custom(dock) -> None:
    form = dock.form
    assert select_id(form.preset, PRESET_CPU)
    form.apply_preset()
    quick = next(p for p in form._presets() if p["name"] == PRESET_CPU)["settings"]
    assert form.arch.currentData() == quick["arch"] and form.numbers["tile_size"].option_value() == quick["tile_size"]
    assert form.quick_preset_label() is None  # a long training on it is not offered the preset it already uses
    form.numbers["epochs"].setValue(7)
    assert form.preset.currentData() == PRESET_CUSTOM and form.quick_preset_label()
    assert select_id(form.preset, PRESET_FULL)
    form.apply_preset()  # the engine's own defaults
    assert form.numbers["tile_size"].option_value() == form.numbers["tile_size"].spec.default
    assert form.arch.currentData() == form.schema.option("train", "arch").default
