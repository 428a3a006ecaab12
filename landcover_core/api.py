"""The engine as a Python library: everything the ``landcover`` commands do, in a few lines.

Example::

    from landcover_core.api import (Outputs, PredictOptions, TrainConfig, TrainingData, evaluate_prediction,
                                    predict_raster, train_model, vectorize_raster)

    data = TrainingData(images=["scene.tif"], labels=["labels.gpkg"], class_field="class")
    model = train_model(TrainConfig(out="model.pt", arch="mobilenet_v3_large", epochs=10), data).model
    predict_raster([model], "scene.tif", Outputs("classes.tif", confidence="confidence.tif"),
                   PredictOptions(tile_size=256))
    vectorize_raster("classes.tif", "polygons.gpkg", min_area=500)
    print(evaluate_prediction("classes.tif", reference_raster="truth.tif")["miou"])

Model files used for several predictions are best read once: ``models = load_models([model])``, then
``predict_raster(models, ...)`` (also ``predict_batch``, ``evaluate_model``) reads no model file again.

Each function validates its inputs (:class:`~landcover_core.errors.InputError` with the message the
command line would print), writes its outputs atomically, and accepts a
:class:`~landcover_core.progress.Reporter` for progress and cancellation.
"""

from __future__ import annotations

from landcover_core.assessment.area_estimation import stratified_estimate
from landcover_core.assessment.evaluate import evaluate_model, evaluate_prediction, write_report
from landcover_core.assessment.sample_assessment import evaluate_sample
from landcover_core.assessment.sample_design import design_sample
from landcover_core.config import BatchOptions, PredictOptions, TrainConfig, VectorOptions
from landcover_core.data.sources import TrainingData, load_training_scenes
from landcover_core.errors import Cancelled, InputError, ModelFileError
from landcover_core.inference.batch import predict_batch
from landcover_core.inference.model_set import ModelSet, load_models
from landcover_core.inference.predict import Outputs, load_ensemble, predict_raster
from landcover_core.models.modelfile import load_model, load_spec, model_info
from landcover_core.outputs.vectorize import vectorize_raster
from landcover_core.progress import Reporter
from landcover_core.radiometry.histograms import compute_histogram
from landcover_core.radiometry.matching import match_raster
from landcover_core.training.trainer import TrainResult, train_model

__all__ = [
    "BatchOptions",
    "Cancelled",
    "InputError",
    "ModelFileError",
    "ModelSet",
    "Outputs",
    "PredictOptions",
    "Reporter",
    "TrainConfig",
    "TrainResult",
    "TrainingData",
    "VectorOptions",
    "compute_histogram",
    "design_sample",
    "evaluate_model",
    "evaluate_prediction",
    "evaluate_sample",
    "load_ensemble",
    "load_model",
    "load_models",
    "load_spec",
    "load_training_scenes",
    "match_raster",
    "model_info",
    "predict_batch",
    "predict_raster",
    "stratified_estimate",
    "train_model",
    "vectorize_raster",
    "write_report",
]
