"""A model set: model files read once, checked once as an ensemble, and the same check offered as ``info --check``."""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import torch
from conftest import parse_events
from inference_fixtures import save_mobilenet, write_image

from landcover_core.common.classes import ClassScheme
from landcover_core.config import PredictOptions, PseudoLabelConfig
from landcover_core.demo.synthetic import DEMO_SCHEME
from landcover_core.errors import InputError, ModelFileError
from landcover_core.inference.model_set import ModelSet, load_models
from landcover_core.inference.predict import Outputs, predict_raster
from landcover_core.models.modelfile import ModelSpec, save_model
from landcover_core.models.networks import build_model
from landcover_core.training.pseudolabels import pseudo_label_rasters

#: Files opened while a :func:`opened_files` block runs (None: not counting).
_opened: Counter[str] | None = None


def _count_opens(event: str, args: tuple) -> None:
    if event == "open" and _opened is not None and isinstance(args[0], (str, bytes, os.PathLike)):
        _opened[str(Path(os.fsdecode(args[0])).resolve())] += 1


sys.addaudithook(_count_opens)  # audit hooks stay for the process: it counts only inside opened_files()


@contextmanager
def opened_files() -> Iterator[Counter[str]]:
    """Counts every ``open()`` of a file by this process (Python's and torch's), by resolved path."""
    global _opened
    _opened = Counter()
    try:
        yield _opened
    finally:
        _opened = None


@pytest.fixture(autouse=True)
def _onnx_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANDCOVER_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "onnx-cache"))


@pytest.fixture(scope="module")
def four_band_image(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_image(tmp_path_factory.mktemp("image") / "four.tif", 96, 96, bands=4)


@pytest.fixture(scope="module")
def members(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """An ensemble whose members read different bands: 1-3, and 1-4."""
    folder = tmp_path_factory.mktemp("members")
    return [save_mobilenet(folder / "rgb.pt"), save_mobilenet(folder / "four.pt", bands=4, seed=1)]


def model_reads(opened: Counter[str], models: list[Path]) -> list[int]:
    return [opened[str(m.resolve())] for m in models]


def test_one_prediction_reads_each_model_file_once(members: list[Path], four_band_image: Path,
                                                   tmp_path: Path) -> None:
    # The default backend on CPU: the ONNX export's cache key (the file's hash) comes from the same read.
    with opened_files() as opened:
        result = predict_raster(members, four_band_image, Outputs(tmp_path / "c.tif"), PredictOptions(tile_size=64))
    assert result["summary"]["models"] == 2 and result["summary"]["backend"] == "onnx"
    assert model_reads(opened, members) == [1, 1]


def test_a_loaded_set_predicts_and_labels_without_reading_its_files(members: list[Path], four_band_image: Path,
                                                                    tmp_path: Path) -> None:
    with opened_files() as opened:
        model_set = load_models(members)
    assert model_reads(opened, members) == [1, 1]
    with opened_files() as opened:
        predict_raster(model_set, four_band_image, Outputs(tmp_path / "c.tif"),
                       PredictOptions(tile_size=64, backend="torch"))
        pseudo_label_rasters(model_set, [four_band_image], tmp_path / "labels", PseudoLabelConfig(threshold=0.3),
                             PredictOptions(tile_size=64, backend="torch"))
        reweighted = load_models(model_set, PredictOptions(model_weights="3,1"))
    assert model_reads(opened, members) == [0, 0]
    assert (tmp_path / "labels" / "four.pseudo.tif").is_file()
    assert reweighted.weights == (0.75, 0.25) and model_set.weights == (0.5, 0.5)
    assert reweighted.members is model_set.members


def test_pseudo_labelling_from_files_reads_each_once(members: list[Path], four_band_image: Path,
                                                     tmp_path: Path) -> None:
    with opened_files() as opened:
        pseudo_label_rasters(members, [four_band_image], tmp_path / "labels", PseudoLabelConfig(threshold=0.3),
                             PredictOptions(tile_size=64, backend="torch"))
    assert model_reads(opened, members) == [1, 1]


def test_members_may_differ_in_bands_but_not_in_classes(members: list[Path], tmp_path: Path) -> None:
    model_set = load_models(members)
    assert isinstance(model_set, ModelSet) and model_set.scheme == DEMO_SCHEME
    assert model_set.raster_bands(4, "four.tif") == [[1, 2, 3], [1, 2, 3, 4]]
    with pytest.raises(InputError, match=r"four.pt reads bands \[1, 2, 3, 4\] but rgb.tif has 3 band"):
        model_set.raster_bands(3, "rgb.tif")
    # Same codes, other names: not the same classes.
    renamed = save_mobilenet(tmp_path / "renamed.pt", scheme=ClassScheme.from_codes(DEMO_SCHEME.codes))
    with pytest.raises(InputError, match=r"must share their classes.*renamed\.pt has"):
        load_models([members[0], renamed])
    with pytest.raises(InputError, match="--model-weights has 1 value"):
        load_models(members, PredictOptions(model_weights="1"))
    with pytest.raises(InputError, match="at least one model"):
        load_models([])


def test_weights_that_do_not_fit_the_architecture_are_refused_on_loading(tmp_path: Path) -> None:
    spec = ModelSpec("mobilenet_v3_large", [1, 2, 3], DEMO_SCHEME, [0.0] * 3, [1.0] * 3, "group", 64)
    torch.manual_seed(0)
    four_band_weights = build_model("mobilenet_v3_large", 4, len(DEMO_SCHEME), "none", "group")
    bad = save_model(tmp_path / "bad.pt", four_band_weights, spec)  # intact file, inconsistent content
    with pytest.raises(ModelFileError, match=r"bad\.pt is damaged or inconsistent"):
        load_models([bad])


# -- info --check ----------------------------------------------------------------------------------------------

def test_info_check_reports_the_facts_of_a_set_and_a_raster(members: list[Path], four_band_image: Path,
                                                            run) -> None:
    code, out, err = run("info", "--check", *members, "--image", four_band_image, "--json")
    assert code == 0, err
    facts = json.loads(out)
    assert [Path(m["path"]).name for m in facts["models"]] == ["rgb.pt", "four.pt"]
    assert [m["bands"] for m in facts["models"]] == [[1, 2, 3], [1, 2, 3, 4]]
    assert facts["classes"] == DEMO_SCHEME.to_list()
    assert facts["member_bands"] == [[1, 2, 3], [1, 2, 3, 4]] and facts["bands"] == [1, 2, 3, 4]
    assert facts["weights"] == [0.5, 0.5] and facts["tile_size"] == 64
    assert facts["histogram_references"] == [None, None]
    assert facts["raster"] == {"path": str(four_band_image), "bands": 4}
    # What the plugin reads: the result event, for a raster it knows by its band count.
    code, out, err = run("info", "--check", members[0], "--band-count", "5", "--bands", "5,4,3", "--json-progress")
    assert code == 0, err
    summary = parse_events(out)[-1]["summary"]
    assert summary["member_bands"] == [[5, 4, 3]] and summary["raster"] == {"path": None, "bands": 5}
    code, out, err = run("info", "--check", *members)  # text
    assert code == 0 and "2 model(s) classify together" in out


@pytest.mark.parametrize(("case", "message"), [
    ("renamed", "must share their classes"),
    ("three-band raster", "four.pt reads bands [1, 2, 3, 4] but the raster has 3 band(s)"),
    ("bands", "2 band(s) were chosen ([1, 2]) but"),
    ("missing", "does not exist"),
    ("no --check", "add --check"),
])
def test_info_check_refuses_a_bad_set_clearly(members: list[Path], tmp_path: Path, run, case: str,
                                              message: str) -> None:
    renamed = save_mobilenet(tmp_path / "renamed.pt", scheme=ClassScheme.from_codes(DEMO_SCHEME.codes))
    argv = {"renamed": ["--check", *members, renamed],
            "three-band raster": ["--check", *members, "--band-count", "3"],
            "bands": ["--check", *members, "--bands", "1,2"],
            "missing": ["--check", members[0], tmp_path / "nope.pt"],
            "no --check": [*members]}[case]
    code, out, _ = run("info", *argv, "--json-progress")
    assert code == 2
    error = parse_events(out)[-1]
    assert error["event"] == "error" and message in error["message"], error
    assert error["kind"] in ("InputError", "ModelFileError")


def test_info_of_one_model_is_unchanged(members: list[Path], run) -> None:
    code, out, err = run("info", members[0], "--json")
    assert code == 0, err
    info = json.loads(out)
    assert info["bands"] == [1, 2, 3] and info["classes"] == DEMO_SCHEME.to_list() and "member_bands" not in info
    assert info["parameters"] > 0 and info["histogram_reference"] is None
