"""Processing algorithms run by id through the registry, with the real engine on the tiny scene: outputs, styling,
batch runs, a Train → Classify → Evaluate model, ``qgis_process``, cancelling, and checks that refuse invalid
parameters before any engine process starts.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Dict, List

import pytest
from conftest import TINY_TRAINING, qgis_process_with_plugin, train_parameters
from fake_engine import fake_engine_python, launched_commands, recording_engine
from osgeo import gdal
from qgis.core import (
    QgsApplication,
    QgsFeature,
    QgsGeometry,
    QgsPalettedRasterRenderer,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingFeedback,
    QgsProcessingModelAlgorithm,
    QgsProcessingModelChildAlgorithm,
    QgsProcessingModelChildParameterSource,
    QgsProcessingModelOutput,
    QgsProcessingModelParameter,
    QgsProcessingOutputHtml,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterRasterLayer,
    QgsProject,
    QgsRasterLayer,
    QgsRectangle,
    QgsSettings,
    QgsVectorLayer,
)
from scene_data import CLASS_FIELD, EPSG, ZONES

from landcover_qgis.engine_runner import run_engine
from landcover_qgis.engine_schema import current_schema
from landcover_qgis.model_facts import model_facts

REPO = Path(__file__).resolve().parents[2]
#: Class codes of the tiny scene's models (the engine numbers classes from their sorted names).
SCENE_CODES = {1, 2, 3}


@pytest.fixture(scope="module")
def model_file(tiny_model: Path) -> Path:
    return tiny_model


@pytest.fixture(scope="module")
def classes_file(engine_python: str, scene_files, model_file: Path, tmp_path_factory) -> Path:
    """The scene classified once by the engine itself, for the tests that read a class raster."""
    out = tmp_path_factory.mktemp("classified") / "classes.tif"
    run_engine(engine_python, "predict", ["--model", str(model_file), "--image", str(scene_files["image"]),
                                          "--out", str(out)])
    return out


def raster_values(path: str) -> set:
    dataset = gdal.Open(path)
    values = set(dataset.GetRasterBand(1).ReadAsArray().ravel().tolist())
    dataset = None
    return values


def loaded_layer(name_part: str):
    return next(layer for layer in QgsProject.instance().mapLayers().values() if name_part in layer.source())


# -- every algorithm by id, on tiny real data --------------------------------------------------------------------


def test_the_registry_has_every_algorithm_with_help_groups_and_icons(plugin) -> None:
    registry = QgsApplication.processingRegistry()
    for name in ("train", "finetune", "selftrain", "pseudolabel", "classify", "classify_folder", "vectorize",
                 "evaluate", "histmatch"):
        algorithm = registry.algorithmById(f"landcover:{name}")
        assert algorithm is not None, name
        assert algorithm.shortHelpString() and algorithm.helpUrl().startswith("https://"), name
        assert algorithm.group() == "Land cover" and not algorithm.icon().isNull(), name
    train = registry.algorithmById("landcover:train")
    assert isinstance(train.parameterDefinition("LABELS"), QgsProcessingParameterFeatureSource)
    assert train.parameterDefinition("BANDS").allowMultiple()
    assert train.parameterDefinition("REFERENCE") is not None  # the engine's train has --reference
    assert isinstance(registry.algorithmById("landcover:evaluate").outputDefinition("OUTPUT_HTML"),
                      QgsProcessingOutputHtml)


def test_finetune_honours_selected_features(plugin, scene_layers, scene_files, model_file: Path,
                                            tmp_path: Path) -> None:
    import processing

    labels = scene_layers["labels"]
    labels.selectByIds([feature.id() for feature in labels.getFeatures()][:4])
    tuned = processing.run("landcover:finetune", {
        "MODEL": str(model_file), "INPUT": str(scene_files["image"]), "BANDS": [1, 2, 3],
        "LABELS": QgsProcessingFeatureSourceDefinition(labels.id(), selectedFeaturesOnly=True),
        "CLASS_FIELD": CLASS_FIELD, "EPOCHS": 1, "BATCH_SIZE": 2, "TILE_SIZE": 64, "SAMPLES_PER_EPOCH": 4,
        "OUTPUT": str(tmp_path / "tuned.pt")})
    assert Path(tuned["OUTPUT"]).is_file() and tuned["BEST_VAL_MIOU"] is not None
    config = model_facts(tuned["OUTPUT"]).summary["config"]
    assert config["finetune"] == str(model_file)
    used = config["sources"]["labels"][0]
    assert used != str(scene_files["labels"]), "a selection goes to the engine as an export"
    assert QgsVectorLayer(used, "used", "ogr").featureCount() == 4


def test_a_batch_of_three_rasters_loads_styled_outputs(plugin, scene_files, model_file: Path, tmp_path: Path) -> None:
    """As the batch dialog runs them: one parameter set per row, one feedback, results loaded and styled."""
    import processing

    scenes = [shutil.copy(scene_files["image"], tmp_path / f"scene{i}.tif") for i in range(3)]
    feedback = QgsProcessingFeedback()
    outputs = [processing.runAndLoadResults("landcover:classify", {
        "INPUT": str(scene), "MODEL": [str(model_file)], "OUTPUT": str(tmp_path / f"classes{i}.tif"),
        **({"CONFIDENCE": str(tmp_path / "confidence.tif"), "VECTOR": str(tmp_path / "polygons.gpkg")}
           if i == 0 else {}),
    }, feedback=feedback)["OUTPUT"] for i, scene in enumerate(scenes)]
    assert [Path(p).name for p in outputs] == ["classes0.tif", "classes1.tif", "classes2.tif"]
    model_classes = [(c.code, c.name) for c in model_facts(str(model_file)).classes]
    for path in outputs:
        layer = loaded_layer(Path(path).name)
        assert layer.crs().postgisSrid() == EPSG and raster_values(path) <= SCENE_CODES
        assert isinstance(layer.renderer(), QgsPalettedRasterRenderer), "the class raster comes with its colours"
        assert [(c.value, c.label) for c in layer.renderer().classes()] == model_classes
    polygons = loaded_layer("polygons.gpkg")
    assert polygons.renderer().type() == "categorizedSymbol" and polygons.featureCount() > 0
    assert loaded_layer("confidence.tif").renderer().type() == "singlebandgray"
    QgsProject.instance().clear()


def raster_array(path: str):
    dataset = gdal.Open(path)
    values = dataset.GetRasterBand(1).ReadAsArray()
    dataset = None
    return values


def test_classify_folder_writes_what_classify_writes_and_a_table_of_class_areas(
        plugin, scene_files, model_file: Path, classes_file: Path, tmp_path: Path) -> None:
    import processing

    images = tmp_path / "images"
    images.mkdir()
    for name in ("east", "west"):
        shutil.copy(scene_files["image"], images / f"{name}.tif")
    (images / "broken.tif").write_text("not a raster")  # fails alone: reported, the others complete
    (images / "notes.txt").write_text("not matched by the pattern")
    context, feedback = QgsProcessingContext(), ErrorsKept()
    context.setProject(QgsProject.instance())
    results = processing.run("landcover:classify_folder", {
        "INPUT": str(images), "MODEL": [str(model_file)], "WORKERS": 1, "OUTPUT": str(tmp_path / "out"),
        "SUMMARY": "TEMPORARY_OUTPUT", "LOAD_RASTERS": True}, context=context, feedback=feedback)
    assert (results["DONE"], results["SKIPPED"], results["FAILED"]) == (2, 0, 1)
    assert any("broken" in error and "not a readable raster" in error for error in feedback.errors), feedback.errors
    rasters = sorted(results["CLASS_RASTERS"])
    assert [Path(p).name for p in rasters] == ["east.classes.tif", "west.classes.tif"]
    expected = raster_array(str(classes_file))  # the scene classified by the engine's predict
    for path in rasters:
        assert (raster_array(path) == expected).all(), path
        assert context.willLoadLayerOnCompletion(path)
    table = results["SUMMARY"]
    assert table.featureCount() == 3 and table.crs().postgisSrid() == EPSG
    rows = {f["scene"]: f for f in table.getFeatures()}
    assert rows["broken"]["status"] == "failed" and rows["east"]["status"] == "done"
    codes = {c.name: c.code for c in model_facts(str(model_file)).classes}
    for name, code in codes.items():
        assert rows["west"][f"{name}_ha"] == pytest.approx((expected == code).sum() * 0.01)  # 10 m pixels
    assert sum(rows["east"][f"{name}_frac"] for name in codes) == pytest.approx(1.0)
    assert rows["east"].geometry().boundingBox().width() == pytest.approx(1280.0)

    again = processing.run("landcover:classify_folder", {
        "INPUT": str(images), "MODEL": [str(model_file)], "WORKERS": 1, "OUTPUT": str(tmp_path / "out"),
        "SUMMARY": "TEMPORARY_OUTPUT"})
    assert (again["DONE"], again["SKIPPED"], again["FAILED"]) == (0, 2, 1), "complete scenes are not classified again"


def test_vectorize_and_histogram_match_by_id(plugin, scene_files, classes_file: Path, tmp_path: Path) -> None:
    import processing

    vectorized = processing.run("landcover:vectorize", {"INPUT": str(classes_file),
                                                        "OUTPUT": str(tmp_path / "polygons.gpkg")})
    polygons = QgsVectorLayer(vectorized["OUTPUT"], "polygons", "ogr")
    assert polygons.featureCount() > 0 and polygons.crs().postgisSrid() == EPSG
    assert {f["class_id"] for f in polygons.getFeatures()} == raster_values(str(classes_file))

    matched = processing.run("landcover:histmatch", {
        "INPUT": str(scene_files["image"]), "REFERENCE": str(scene_files["image"]), "BANDS": [1, 2],
        "REFERENCE_BANDS": [2, 3], "OUTPUT": str(tmp_path / "matched.tif"), "PLOT": str(tmp_path / "plot.png")})
    layer = QgsRasterLayer(matched["OUTPUT"], "matched")
    assert layer.isValid() and layer.bandCount() == 3 and layer.crs().postgisSrid() == EPSG
    assert Path(matched["PLOT"]).stat().st_size > 0


def test_evaluate_writes_a_table_the_json_and_an_html_report(plugin, scene_files, model_file: Path,
                                                             classes_file: Path, tmp_path: Path) -> None:
    import processing

    classified = {"OUTPUT": str(classes_file)}
    context = QgsProcessingContext()
    evaluated = processing.run("landcover:evaluate", {
        "PREDICTION": classified["OUTPUT"], "REFERENCE_VECTOR": f"{scene_files['labels']}|layername=labels",
        "CLASS_FIELD": CLASS_FIELD, "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_JSON": str(tmp_path / "report.json"),
        "OUTPUT_HTML": str(tmp_path / "report.html")}, context=context)
    report = json.loads(Path(evaluated["OUTPUT_JSON"]).read_text())
    assert evaluated["MIOU"] == pytest.approx(report["miou"]) and evaluated["KAPPA"] == pytest.approx(report["kappa"])
    table = evaluated["OUTPUT"]  # processing.run hands back the layer
    assert table.featureCount() == len(ZONES) and not table.isSpatial()
    rows = {f["class_name"]: f for f in table.getFeatures()}
    assert set(rows) == set(ZONES)
    first = report["per_class"][0]
    assert rows[first["name"]]["iou"] == pytest.approx(first["iou"])
    page = Path(evaluated["OUTPUT_HTML"]).read_text()
    assert "Confusion matrix" in page and all(name in page for name in ZONES)
    assert f"{report['miou']:.3f}" in page and (tmp_path / "report.png").is_file()



# -- a model: Train → Classify → Evaluate --------------------------------------------------------------------------


def chain_model() -> QgsProcessingModelAlgorithm:
    """Train on image + labels, classify the image with the new model, evaluate against the labels."""
    model = QgsProcessingModelAlgorithm("landcover_chain", "landcover")
    inputs = {"image": QgsProcessingParameterRasterLayer("image", "Image"),
              "labels": QgsProcessingParameterFeatureSource("labels", "Labels"),
              "field": QgsProcessingParameterField("field", "Class field", parentLayerParameterName="labels")}
    for name, definition in inputs.items():
        model.addModelParameter(definition, QgsProcessingModelParameter(name))
    source = QgsProcessingModelChildParameterSource

    def child(child_id: str, algorithm: str, sources: Dict[str, List], outputs: Dict[str, str]) -> None:
        step = QgsProcessingModelChildAlgorithm(algorithm)
        step.setChildId(child_id)
        for name, values in sources.items():
            step.addParameterSources(name, values)  # setParameterSources(dict) crashes in QGIS 3.22's bindings
        declared = {}
        for name, model_output in outputs.items():
            declared[model_output] = QgsProcessingModelOutput(model_output)
            declared[model_output].setChildOutputName(name)
            declared[model_output].setChildId(child_id)
        step.setModelOutputs(declared)
        model.addChildAlgorithm(step)

    schema = current_schema(os.environ["LANDCOVER_PYTHON"])
    child("train", "landcover:train", {
        "INPUT": [source.fromModelParameter("image")], "LABELS": [source.fromModelParameter("labels")],
        "CLASS_FIELD": [source.fromModelParameter("field")],
        "ARCH": [source.fromStaticValue(schema.architectures.index(TINY_TRAINING["arch"]))],
        "WEIGHTS": [source.fromStaticValue(schema.weights.index(TINY_TRAINING["weights"]))],
        **{name: [source.fromStaticValue(TINY_TRAINING[dest])] for name, dest in (
            ("EPOCHS", "epochs"), ("BATCH_SIZE", "batch_size"), ("TILE_SIZE", "tile_size"),
            ("SAMPLES_PER_EPOCH", "samples_per_epoch"))}}, {"OUTPUT": "model"})
    child("classify", "landcover:classify", {
        "INPUT": [source.fromModelParameter("image")], "MODEL": [source.fromChildOutput("train", "OUTPUT")]},
        {"OUTPUT": "classes"})
    child("evaluate", "landcover:evaluate", {
        "PREDICTION": [source.fromChildOutput("classify", "OUTPUT")],
        "REFERENCE_VECTOR": [source.fromModelParameter("labels")], "CLASS_FIELD": [source.fromModelParameter("field")]},
        {"OUTPUT": "accuracy", "OUTPUT_HTML": "report", "OUTPUT_JSON": "report_json"})
    return model


def test_train_classify_evaluate_as_a_model_run_by_id(plugin, scene_files, tmp_path: Path) -> None:
    import processing
    from processing.core.ProcessingConfig import ProcessingConfig

    folder = tmp_path / "models"
    folder.mkdir()
    assert chain_model().toFile(str(folder / "landcover_chain.model3"))
    ProcessingConfig.setSettingValue("MODELS_FOLDER", str(folder))
    QgsApplication.processingRegistry().providerById("model").refreshAlgorithms()
    model = QgsApplication.processingRegistry().algorithmById("model:landcover_chain")
    assert model is not None and [c.algorithmId() for c in model.childAlgorithms().values()]

    context = QgsProcessingContext()
    results = processing.run("model:landcover_chain", {
        "image": str(scene_files["image"]), "labels": f"{scene_files['labels']}|layername=labels",
        "field": CLASS_FIELD, "train:model": str(tmp_path / "chain.pt"), "classify:classes": str(tmp_path / "c.tif"),
        "evaluate:accuracy": "TEMPORARY_OUTPUT", "evaluate:report": str(tmp_path / "chain.html"),
        "evaluate:report_json": str(tmp_path / "chain.json")}, context=context)
    assert Path(results["train:model"]).is_file() and raster_values(results["classify:classes"]) <= SCENE_CODES
    assert "Confusion matrix" in Path(results["evaluate:report"]).read_text()
    assert json.loads(Path(results["evaluate:report_json"]).read_text())["per_class"]


# -- qgis_process, headless ---------------------------------------------------------------------------------------


def test_qgis_process_runs_classify_headless_with_the_plugin_enabled(scene_files, model_file: Path, engine_python: str,
                                                                     tmp_path: Path) -> None:
    qgis_process = qgis_process_with_plugin(tmp_path, engine_python)
    out = tmp_path / "classes.tif"
    run = qgis_process("--json", "run", "landcover:classify", "--", f"INPUT={scene_files['image']}",
                       f"MODEL={model_file}", f"OUTPUT={out}")
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    results = json.loads(run.stdout[run.stdout.index("{"):])["results"]
    assert results["OUTPUT"] == str(out) and raster_values(str(out)) <= SCENE_CODES


# -- cancelling and refusing ---------------------------------------------------------------------------------------


def test_feedback_cancel_stops_the_engine(plugin, scene_files, engine_python: str, tmp_path: Path) -> None:
    import processing

    QgsSettings().setValue("landcover/engine_python", fake_engine_python(tmp_path, """
        for step in range(600):
            emit(event="progress", stage="train", fraction=step / 600, current=step, total=600, message="")
            time.sleep(0.1)
    """, schema_from=engine_python))
    feedback = QgsProcessingFeedback()
    feedback.progressChanged.connect(lambda _progress: feedback.cancel())  # cancel once the engine reports
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        processing.run("landcover:train", train_parameters(scene_files, tmp_path / "never.pt"), feedback=feedback)
    assert not (tmp_path / "never.pt").exists()


def test_engine_input_error_becomes_a_processing_error(plugin, scene_files, tmp_path: Path) -> None:
    import processing

    parameters = train_parameters(scene_files, tmp_path / "model.pt")
    parameters["LABELS"] = str(tmp_path / "missing.gpkg")
    with pytest.raises(QgsProcessingException):
        processing.run("landcover:train", parameters)


def test_a_weights_file_goes_to_the_engine_as_weights_path(plugin, scene_files, engine_python: str,
                                                          tmp_path: Path) -> None:
    import processing

    weights = tmp_path / "ssl4eo-s12.pth"
    weights.write_bytes(b"read by the engine only")
    QgsSettings().setValue("landcover/engine_python", recording_engine(tmp_path, engine_python, body="""
        emit(event="error", kind="InputError", message="stopped by the test")
        sys.exit(2)
    """))
    train = QgsApplication.processingRegistry().algorithmById("landcover:train")
    choices = train.parameterDefinition("WEIGHTS").options()
    assert choices == [*current_schema(engine_python).weights, "file"]
    parameters = {**train_parameters(scene_files, tmp_path / "m.pt"), "WEIGHTS": choices.index("file"),
                  "WEIGHTS_FILE": str(weights)}
    with pytest.raises(QgsProcessingException, match="stopped by the test"):
        processing.run("landcover:train", parameters)
    launch = (tmp_path / "launches.txt").read_text().splitlines()[-1]
    assert launch.startswith("train ") and f"--weights {weights}" in launch


def far_away_labels() -> QgsVectorLayer:
    """A labelled polygon in the scene's CRS, 100 km east of it."""
    layer = QgsVectorLayer(f"Polygon?crs=EPSG:{EPSG}&field={CLASS_FIELD}:string", "far", "memory")
    feature = QgsFeature(layer.fields())
    feature.setAttributes(["water"])
    feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(600000, 5990000, 600500, 5990500)))
    layer.dataProvider().addFeatures([feature])
    return layer


class ErrorsKept(QgsProcessingFeedback):
    """Feedback that keeps the errors reported to it."""

    def __init__(self) -> None:
        super().__init__()
        self.errors: List[str] = []

    def reportError(self, error: str, fatalError: bool = False) -> None:  # noqa: N803 - QGIS API
        self.errors.append(error)


#: Run by the engine Python: from a model file, one reading two bands and one whose classes have other names.
MAKE_MEMBERS = """
import dataclasses, sys, torch
from landcover_core.common.classes import ClassScheme
from landcover_core.models.modelfile import read_model, save_model
model = read_model(sys.argv[1])
spec = model.spec
two = dataclasses.replace(spec, bands=[1, 2], mean=spec.mean[:2], std=spec.std[:2], input_range=None, histogram=None)
torch.manual_seed(0)
save_model(sys.argv[2], two.build(), two)
save_model(sys.argv[3], model.network(), dataclasses.replace(spec, scheme=ClassScheme.from_codes(spec.scheme.codes)))
"""


def test_model_sets_are_accepted_and_refused_by_the_engine_rules(plugin, scene_files, model_file: Path,
                                                                 engine_python: str, tmp_path: Path) -> None:
    import processing

    two_bands, renamed = tmp_path / "two_bands.pt", tmp_path / "renamed.pt"
    subprocess.run([engine_python, "-c", MAKE_MEMBERS, str(model_file), str(two_bands), str(renamed)], check=True)
    image = str(scene_files["image"])
    # Members may read other bands (the engine reads their union): classified.
    result = processing.run("landcover:classify", {"INPUT": image, "MODEL": [str(model_file), str(two_bands)],
                                                   "OUTPUT": str(tmp_path / "ensemble.tif")})
    assert raster_values(result["OUTPUT"]) <= SCENE_CODES
    # The same codes with other names are other classes: refused before any prediction starts.
    QgsSettings().setValue("landcover/engine_python", recording_engine(tmp_path, engine_python))
    with pytest.raises(QgsProcessingException, match="must share their classes"):
        processing.run("landcover:classify", {"INPUT": image, "MODEL": [str(model_file), str(renamed)],
                                              "OUTPUT": str(tmp_path / "renamed.tif")})
    assert set(launched_commands(tmp_path)) <= {"schema", "info"}
    # Chosen bands must suit every member.
    with pytest.raises(QgsProcessingException, match=r"3 band\(s\) were chosen .* trained on 2 bands"):
        processing.run("landcover:classify", {"INPUT": image, "MODEL": [str(model_file), str(two_bands)],
                                              "BANDS": [1, 2, 3], "OUTPUT": str(tmp_path / "chosen.tif")})


def test_invalid_parameters_are_refused_before_any_engine_process(plugin, scene_files, model_file: Path,
                                                                  engine_python: str, tmp_path: Path) -> None:
    import processing

    QgsSettings().setValue("landcover/engine_python", recording_engine(tmp_path, engine_python))
    image, labels = str(scene_files["image"]), f"{scene_files['labels']}|layername=labels"
    far = far_away_labels()
    QgsProject.instance().addMapLayer(far)
    one_band = str(tmp_path / "one_band.tif")
    gdal.Translate(one_band, image, bandList=[1])
    weights_file = str(tmp_path / "backbone.pth")
    Path(weights_file).write_bytes(b"never read: refused before the engine")
    cases = [
        ("landcover:classify", {"INPUT": image, "MODEL": [str(model_file), str(tmp_path / "missing.pt")],
                                "OUTPUT": str(tmp_path / "c.tif")}, "not found"),
        ("landcover:train", {**train_parameters(scene_files, tmp_path / "m.pt"), "CLASS_FIELD": "nope"},
         "has no field 'nope'"),
        ("landcover:train", {**train_parameters(scene_files, tmp_path / "m.pt"), "LABELS": far.id()},
         "does not overlap"),
        ("landcover:train", {**train_parameters(scene_files, tmp_path / "m.pt"),
                             "WEIGHTS": len(current_schema(engine_python).weights)},  # 'file', and no file
         "Choose an existing backbone weights file"),
        ("landcover:train", {**train_parameters(scene_files, tmp_path / "m.pt"), "WEIGHTS_FILE": weights_file},
         "choose 'file' to use"),
        ("landcover:evaluate", {"PREDICTION": image, "REFERENCE_VECTOR": labels, "CLASS_FIELD": "nope",
                                "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_JSON": str(tmp_path / "r.json"),
                                "OUTPUT_HTML": str(tmp_path / "r.html")}, "has no field"),
        ("landcover:evaluate", {"PREDICTION": image, "REFERENCE_VECTOR": far.id(), "CLASS_FIELD": CLASS_FIELD,
                                "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_JSON": str(tmp_path / "r.json"),
                                "OUTPUT_HTML": str(tmp_path / "r.html")}, "does not overlap"),
        ("landcover:histmatch", {"INPUT": image, "REFERENCE": image, "BANDS": [1, 2], "REFERENCE_BANDS": [1],
                                 "OUTPUT": str(tmp_path / "h.tif")}, "one reference band per matched band"),
    ]
    # What the engine decides about model files (info --check, seconds): asked on the worker thread.
    engine_cases = [
        ("landcover:classify", {"INPUT": image, "MODEL": str(model_file), "BANDS": [1, 2],
                                "OUTPUT": str(tmp_path / "c.tif")}, "trained on 3 bands"),
        ("landcover:finetune", {"MODEL": str(model_file), "INPUT": image, "LABELS": labels, "CLASS_FIELD": CLASS_FIELD,
                                "BANDS": [1], "OUTPUT": str(tmp_path / "t.pt")}, "trained on 3 bands"),
        ("landcover:evaluate", {"MODEL": [str(model_file)], "INPUT": one_band, "REFERENCE_RASTER": one_band,
                                "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_JSON": str(tmp_path / "r.json"),
                                "OUTPUT_HTML": str(tmp_path / "r.html")}, r"has 1 band\(s\)"),
    ]
    for algorithm_id, parameters, message in [*cases, *engine_cases]:
        with pytest.raises(QgsProcessingException, match=message):
            processing.run(algorithm_id, parameters)
        # batch runs and models reach prepareAlgorithm without checkParameterValues: it refuses too
        algorithm = QgsApplication.processingRegistry().createAlgorithmById(algorithm_id)
        feedback, context = ErrorsKept(), QgsProcessingContext()
        context.setProject(QgsProject.instance())
        if (algorithm_id, parameters, message) in cases:
            assert not algorithm.prepare(parameters, context, feedback)
            assert any(re.search(message, error) for error in feedback.errors), feedback.errors
        else:  # the dialog prepares on the GUI thread: no engine check there
            assert algorithm.prepare(parameters, context, feedback), feedback.errors
    assert set(launched_commands(tmp_path)) <= {"schema", "info"}, "only the model facts were asked for"
