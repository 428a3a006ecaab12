"""Command lines built from the engine's description are what the engine's own parser accepts.

Every request is turned into arguments with the real engine's ``landcover schema``, then parsed by the real
engine's argparse in its own Python (a dry parse: nothing runs) and read back option by option. Options the
engine does not have fail before any process starts, with a message that names them.
"""

from __future__ import annotations

import copy
import json
import subprocess
from typing import Any, Dict, List

import pytest
from qgis.core import QgsProcessingException

from landcover_qgis.command_line import EngineOptionError, engine_args, option_args
from landcover_qgis.engine_commands import (
    EngineCall,
    EvaluateRequest,
    HistogramMatchRequest,
    PredictBatchRequest,
    PredictRequest,
    PseudoLabelRequest,
    SelfTrainRequest,
    TrainRequest,
    VectorizeRequest,
)
from landcover_qgis.engine_options import HISTMATCH, HISTOGRAM_REFERENCE, MODEL, RASTER, UNCERTAINTY
from landcover_qgis.engine_runner import run_engine
from landcover_qgis.engine_schema import EngineSchema
from landcover_qgis.layer_io import RasterInput, VectorInput
from landcover_qgis.processing.inference import ClassifyAlgorithm

#: Parses command lines with the engine's parser and prints what each option became (JSON; errors as text).
_DRY_PARSE = """
import json, sys
from landcover_core.cli import UsageError, build_parser
parsed = []
for argv in json.load(sys.stdin):
    try:
        values = vars(build_parser().parse_args(argv))
    except UsageError as error:
        parsed.append({"error": str(error)})
    else:
        parsed.append({key: value for key, value in values.items() if not key.startswith("_")})
print(json.dumps(parsed, default=str))
"""

IMAGE = RasterInput("/data/scene.tif", [1, 2, 3])
REFERENCE = RasterInput("/data/reference.tif", [3, 2, 1])
LABELS = VectorInput("/data/labels.gpkg", "labels")


@pytest.fixture(scope="module")
def description(engine_python: str) -> Dict[str, Any]:
    return run_engine(engine_python, "schema", []).summary


@pytest.fixture(scope="module")
def schema(description: Dict[str, Any]) -> EngineSchema:
    return EngineSchema.from_description(description)


def engine_parse(engine_python: str, calls: List[EngineCall]) -> List[Dict[str, Any]]:
    """What the engine's parser makes of each call's command line (``error`` when it refuses one)."""
    argv = [[call.command, *call.args] for call in calls]
    done = subprocess.run([engine_python, "-c", _DRY_PARSE], input=json.dumps(argv), capture_output=True, text=True,
                          check=True, timeout=120)
    return json.loads(done.stdout)


def every_request(schema: EngineSchema) -> List[EngineCall]:
    """One call of each request, with every field it has set."""
    train = TrainRequest(image=IMAGE, out="/out/model.pt", labels=LABELS, class_field="landcover", classes="deepglobe",
                         arch=schema.architectures[0], weights="none", reference=REFERENCE,
                         settings={"epochs": 3, "lr": 0.000125, "tile_size": 64})
    raster_labels = TrainRequest(image=IMAGE, out="/out/tuned.pt", label_raster=RasterInput("/data/codes.tif"),
                                 finetune="/models/base.pt")
    requests = [
        train, raster_labels,
        PredictRequest(models=["/m/a.pt", "/m/b.pt"], image=IMAGE, out="/out/classes.tif",
                       confidence="/out/confidence.tif", uncertainty="/out/uncertainty.tif",
                       vector="/out/polygons.gpkg", extent=(500000.0, 4000000.5, 500640.0, 4000640.25),
                       settings={"tta": "flips", HISTMATCH: False, "overlap": 16}),
        PredictBatchRequest(models=["/m/a.pt"], images=["/scenes", "/more/*.tif"], out_dir="/out/batch",
                            settings={"confidence": True, "workers": 2, "pattern": "*.tif"}),
        EvaluateRequest(prediction="/out/classes.tif", out_json="/out/e.json", out_png="/out/e.png",
                        reference_raster=REFERENCE, reference_classes="/data/scheme.json"),
        EvaluateRequest(prediction=None, out_json="/out/e.json", models=["/m/a.pt", "/m/b.pt"], image=IMAGE,
                        reference_vector=LABELS, class_field="landcover", settings={HISTMATCH: True}),
        VectorizeRequest(RasterInput("/out/classes.tif"), "/out/polygons.gpkg", settings={"min_area": 2.5}),
        HistogramMatchRequest(IMAGE, REFERENCE, "/out/matched.tif", plot="/out/histograms.png"),
        PseudoLabelRequest(["/m/a.pt"], [IMAGE, RasterInput("/data/other.tif")], "/out/pl", {"threshold": 0.75}),
        SelfTrainRequest(TrainRequest(image=IMAGE, out="/out/self.pt", labels=LABELS, class_field="landcover",
                                      reference=REFERENCE, settings={"rounds": 2, "threshold": 0.8}),
                         [RasterInput("/data/u1.tif"), RasterInput("/data/u2.tif")]),
    ]
    return [request.call(schema) for request in requests]


def test_every_request_passes_the_engine_parser(engine_python: str, schema: EngineSchema) -> None:
    calls = every_request(schema)
    for call, parsed in zip(calls, engine_parse(engine_python, calls), strict=True):
        assert "error" not in parsed, f"{call.command} {call.args}: {parsed.get('error')}"
        assert parsed["command"] == call.command


def test_the_engine_reads_back_what_the_plugin_meant(engine_python: str, schema: EngineSchema) -> None:
    train, raster_labels, predict, batch, evaluate, evaluate_models, vectorize, histmatch, pseudo, self_train = (
        engine_parse(engine_python, every_request(schema)))
    assert train["image"] == [IMAGE.path] and train["labels"] == [LABELS.path] and train["layer"] == "labels"
    assert train["lr"] == 0.000125 and train["epochs"] == 3 and train[HISTOGRAM_REFERENCE] == REFERENCE.path
    assert raster_labels["finetune"] == "/models/base.pt" and raster_labels["label_rasters"] == ["/data/codes.tif"]
    assert predict[MODEL] == ["/m/a.pt", "/m/b.pt"] and predict[HISTMATCH] is False  # --no-histmatch
    assert predict[UNCERTAINTY] == "/out/uncertainty.tif" and predict["tta"] == "flips"
    assert batch["images"] == ["/scenes", "/more/*.tif"] and batch["confidence"] is True
    assert evaluate["reference_classes"] == "/data/scheme.json" and evaluate_models[HISTMATCH] is True
    assert vectorize[RASTER] == "/out/classes.tif" and vectorize["min_area"] == 2.5
    assert histmatch[HISTOGRAM_REFERENCE] == REFERENCE.path and histmatch["plot"] == "/out/histograms.png"
    assert pseudo["image"] == [IMAGE.path, "/data/other.tif"] and pseudo["threshold"] == 0.75
    assert self_train["unlabeled"] == ["/data/u1.tif", "/data/u2.tif"] and self_train["rounds"] == 2


def test_an_option_the_engine_lacks_fails_clearly(schema: EngineSchema, description: Dict[str, Any]) -> None:
    with pytest.raises(EngineOptionError, match=r"no option 'no_such_option' for 'landcover train'"):
        engine_args(schema, "train", {"epochs": 2, "no_such_option": 1})
    assert engine_args(schema, "train", {"no_such_option": None}) == [], "an unset option asks nothing of the engine"

    older = copy.deepcopy(description)  # an engine without uncertainty maps
    options = older["commands"]["predict"]["options"]
    options[:] = [option for option in options if option["dest"] != UNCERTAINTY]
    request = PredictRequest(models=["/m/a.pt"], image=IMAGE, out="/out/classes.tif", uncertainty="/out/u.tif")
    with pytest.raises(EngineOptionError, match="'uncertainty' for 'landcover predict'"):
        request.call(EngineSchema.from_description(older))

    algorithm = ClassifyAlgorithm()  # Processing reports it as a failed run, not a Python error
    algorithm.schema = EngineSchema.from_description(older)
    with pytest.raises(QgsProcessingException, match="'uncertainty'"):
        algorithm.engine_call(request)


def test_each_kind_of_option_is_spelled_by_its_description(schema: EngineSchema) -> None:
    histmatch = schema.option("predict", HISTMATCH)
    assert histmatch is not None and option_args(histmatch, True) == [histmatch.flag]
    assert option_args(histmatch, False) == [histmatch.negative_flag]
    model = schema.option("predict", MODEL)
    assert model is not None and option_args(model, ["a.pt", "b.pt"]) == [model.flag, "a.pt", model.flag, "b.pt"]
    raster = schema.option("vectorize", RASTER)
    assert raster is not None and raster.positional and option_args(raster, "c.tif") == ["c.tif"]
    lr = schema.option("train", "lr")
    assert lr is not None and option_args(lr, 1e-4) == [lr.flag, "0.0001"] and option_args(lr, None) == []
    out = schema.option("predict", "out")
    assert out is not None
    with pytest.raises(EngineOptionError, match="takes one value"):
        option_args(out, ["a.tif", "b.tif"])
