"""Settings declared once: ranges, command-line options, validation in Python, and the engine's description."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys

import pytest
from conftest import parse_events

from landcover_core.cli import build_parser
from landcover_core.config import ARCHS, PredictOptions, TrainConfig, VectorOptions
from landcover_core.errors import InputError
from landcover_core.options import Number, cli_fields, flag_of, parse_bands
from landcover_core.schema import describe_engine


@pytest.mark.parametrize(("number", "good", "bad"), [
    (Number(int, minimum=32, maximum=4096, multiple_of=8), ["32", "256", "4096"], ["0", "31", "100", "4104", "x"]),
    (Number(float, minimum=0, maximum=10, exclusive_minimum=True), ["1e-3", "10"], ["0", "-1", "nan", "inf", "11"]),
    (Number(float, minimum=0, maximum=1, exclusive_maximum=True), ["0", "0.99"], ["1", "1.5", "-0.1"]),
])
def test_number_accepts_its_range_only(number: Number, good: list[str], bad: list[str]) -> None:
    for text in good:
        number(text)
    for text in bad:
        with pytest.raises(Exception, match=r"out of range|not a finite|is not"):
            number(text)


@pytest.mark.parametrize(("argv", "names"), [
    (["train", "--out", "m.pt", "--lr", "-1"], "--lr"),
    (["train", "--out", "m.pt", "--lr", "nan"], "--lr"),
    (["train", "--out", "m.pt", "--dice-weight", "-0.5"], "--dice-weight"),
    (["train", "--out", "m.pt", "--focal-gamma", "-2"], "--focal-gamma"),
    (["train", "--out", "m.pt", "--tile-size", "0"], "--tile-size"),
    (["train", "--out", "m.pt", "--tile-size", "100000"], "--tile-size"),
    (["predict", "--model", "m.pt", "--image", "i.tif", "--out", "o.tif", "--tile-size", "0"], "--tile-size"),
    (["predict", "--model", "m.pt", "--image", "i.tif", "--out", "o.tif", "--batch-size", "0"], "--batch-size"),
    (["vectorize", "c.tif", "--out", "p.gpkg", "--min-area", "-5"], "--min-area"),
    (["train", "--out", "m.pt", "--arch", "vgg"], "--arch"),
])
def test_out_of_range_options_are_bad_input_before_any_work(tmp_path, run, argv: list[str], names: str) -> None:
    argv = [str(tmp_path / a) if a.endswith((".pt", ".tif", ".gpkg")) else a for a in argv]
    code, _, err = run(*argv)
    assert code == 2
    assert names in err and "Traceback" not in err
    assert not list(tmp_path.iterdir())


def test_usage_errors_are_json_errors_in_json_mode() -> None:
    proc = subprocess.run([sys.executable, "-m", "landcover_core", "train", "--out", "m.pt", "--lr", "-1",
                           "--json-progress"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    events = parse_events(proc.stdout)
    assert events[-1]["event"] == "error" and events[-1]["kind"] == "InputError" and "--lr" in events[-1]["message"]


def test_settings_validate_in_python_too() -> None:
    with pytest.raises(InputError, match="--batch-size"):
        TrainConfig(out="m.pt", batch_size=1)
    with pytest.raises(InputError, match="--arch must be one of"):
        TrainConfig(out="m.pt", arch="vgg")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="--overlap"):
        PredictOptions(overlap=-1)
    with pytest.raises(InputError, match="--simplify"):
        VectorOptions(simplify=float("nan"))
    assert TrainConfig(out="m.pt").tile_size == 256


def test_bands_are_positive_integers() -> None:
    assert parse_bands("3,2,1") == [3, 2, 1]
    assert parse_bands("") is None
    for text in ("a,b", "0,1", ","):
        with pytest.raises(InputError):
            parse_bands(text)


def test_description_mirrors_the_declared_settings() -> None:
    """Every training and prediction setting appears in ``landcover schema`` with its declared default and range."""
    description = describe_engine(build_parser())
    json.dumps(description)  # plain JSON
    assert description["architectures"] == list(ARCHS)
    assert [c["name"] for c in description["class_presets"]["deepglobe"]][:2] == ["urban", "agriculture"]
    for command, cls in (("train", TrainConfig), ("predict", PredictOptions), ("evaluate", PredictOptions),
                         ("predict", VectorOptions), ("vectorize", VectorOptions)):
        options = {o["dest"]: o for o in description["commands"][command]["options"]}
        for field in cli_fields(cls):
            option = options[field.name]
            assert option["flag"] == flag_of(field.name)
            assert option["default"] == field.default
            number = field.metadata["number"]
            if number is not None:
                assert (option["minimum"], option["maximum"]) == (number.minimum, number.maximum)
                assert option["type"] == number.kind.__name__
    train = {o["dest"]: o for o in description["commands"]["train"]["options"]}
    assert train["arch"]["choices"] == list(ARCHS)
    assert train["image"]["repeatable"] and train["out"]["required"]
    assert dataclasses.is_dataclass(TrainConfig)


def test_schema_command_prints_the_description(run) -> None:
    code, out, _ = run("schema")
    assert code == 0
    description = json.loads(out)
    assert description["format"] == "landcover-schema" and "train" in description["commands"]


def test_building_the_command_line_imports_no_heavy_package() -> None:
    """``landcover --help`` and ``landcover schema`` stay fast: no torch, rasterio or geopandas."""
    code = ("import sys, landcover_core.cli as cli; cli.build_parser(); "
            "print(sorted(m for m in ('torch', 'rasterio', 'geopandas') if m in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.stdout.strip() == "[]", proc.stderr
