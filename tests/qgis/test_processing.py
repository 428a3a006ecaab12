"""Processing algorithms with the real engine, and cancellation through QgsProcessingFeedback."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from qgis.core import QgsProcessingException, QgsProcessingFeedback, QgsRasterLayer, QgsSettings, QgsVectorLayer

from conftest import TINY_TRAINING
from fake_engine import fake_engine_python
from landcover_qgis.engine_schema import current_schema


def train_parameters(scene_files, out: Path, epochs: int = TINY_TRAINING["epochs"]) -> dict:
    schema = current_schema(os.environ["LANDCOVER_PYTHON"])  # the real engine's ids
    return {
        "INPUT": str(scene_files["image"]), "LABELS": f"{scene_files['labels']}|layername=labels",
        "CLASS_FIELD": "landcover", "ARCH": schema.architectures.index(TINY_TRAINING["arch"]),
        "WEIGHTS": schema.weights.index(TINY_TRAINING["weights"]),
        "EPOCHS": epochs, "BATCH_SIZE": TINY_TRAINING["batch_size"], "TILE_SIZE": TINY_TRAINING["tile_size"],
        "SAMPLES_PER_EPOCH": TINY_TRAINING["samples_per_epoch"], "OUTPUT": str(out),
    }


def test_train_then_classify_with_processing(plugin, scene_files, tmp_path: Path) -> None:
    import processing

    model = tmp_path / "model.pt"
    trained = processing.run("landcover:train", train_parameters(scene_files, model))
    assert Path(trained["OUTPUT"]) == model and model.is_file()
    assert trained["BEST_VAL_MIOU"] is not None

    classified = processing.run("landcover:classify", {
        "INPUT": str(scene_files["image"]), "MODEL": str(model),
        "OUTPUT": str(tmp_path / "classes.tif"), "VECTOR": str(tmp_path / "polygons.gpkg"),
    })
    classes = QgsRasterLayer(classified["OUTPUT"], "classes")
    assert classes.isValid() and classes.crs().postgisSrid() == 32633
    polygons = QgsVectorLayer(classified["VECTOR"], "polygons", "ogr")
    assert polygons.isValid() and polygons.fields().indexOf("class_id") >= 0

    vectorized = processing.run("landcover:vectorize", {"INPUT": classified["OUTPUT"],
                                                        "OUTPUT": str(tmp_path / "vectorized.gpkg")})
    again = QgsVectorLayer(vectorized["OUTPUT"], "vectorized", "ogr")
    assert again.isValid() and again.featureCount() == polygons.featureCount()
    del classes, polygons, again


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
    parameters["BANDS"] = "1,2,9"
    with pytest.raises(QgsProcessingException, match="InputError"):
        processing.run("landcover:train", parameters)
