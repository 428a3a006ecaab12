"""The Python API does what the commands do, in the few lines the README shows."""

from __future__ import annotations

import geopandas as gpd
import rasterio

from landcover_core.api import (
    Outputs,
    PredictOptions,
    TrainConfig,
    TrainingData,
    evaluate_prediction,
    predict_raster,
    train_model,
    vectorize_raster,
)


def test_the_readme_example_runs_end_to_end(scene, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LANDCOVER_CACHE_DIR", str(tmp_path / "cache"))
    data = TrainingData(images=[str(scene.image)], labels=[str(scene.polygons)], class_field="class")
    model = train_model(TrainConfig(out="model.pt", arch="mobilenet_v3_large", epochs=1, batch_size=4,
                                    tile_size=64, samples_per_epoch=8), data).model
    predict_raster([model], scene.image, Outputs("classes.tif", confidence="confidence.tif"),
                   PredictOptions(tile_size=64))
    vectorize_raster("classes.tif", "polygons.gpkg", min_area=500)
    report = evaluate_prediction("classes.tif", reference_raster=scene.truth)
    assert 0.0 <= report["miou"] <= 1.0 and report["pixels"] > 0
    with rasterio.open("classes.tif") as src:
        assert src.crs is not None and src.colormap(1)
    assert len(gpd.read_file("polygons.gpkg")) > 0
