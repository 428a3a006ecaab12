"""The engine options the plugin names itself, by the engine's stable identifier (the ``dest`` of ``landcover schema``).

One constant per option, used wherever the plugin must name it (requests, widgets, Processing parameters).
The plugin never spells a flag: :func:`landcover_qgis.command_line.engine_args` looks up each option's flag,
kind and repetition in the engine's description, so the options users tune need no constant at all.
"""

from __future__ import annotations

# -- inputs ------------------------------------------------------------------------------------------------------
IMAGE = "image"
IMAGES = "images"
BANDS = "bands"
MODEL = "model"
LABELS = "labels"
LABEL_RASTERS = "label_rasters"
LAYER = "layer"
CLASS_FIELD = "class_field"
DATASET = "dataset"
SPARSE = "sparse"
#: The positional class raster of ``vectorize``.
RASTER = "raster"
#: A raster every image is histogram-matched to (``train``, ``self-train``, ``histmatch``).
HISTOGRAM_REFERENCE = "reference"
HISTOGRAM_REFERENCE_BANDS = "reference_bands"
UNLABELED = "unlabeled"
PREDICTION = "prediction"
REFERENCE_RASTER = "reference_raster"
REFERENCE_VECTOR = "reference_vector"
REFERENCE_CLASSES = "reference_classes"

# -- model -------------------------------------------------------------------------------------------------------
CLASSES = "classes"
ARCH = "arch"
DECODER = "decoder"
WEIGHTS = "weights"
FINETUNE = "finetune"
RESUME = "resume"

# -- what to check, compute and write --------------------------------------------------------------------------
OUT = "out"
OUT_DIR = "out_dir"
OUT_JSON = "out_json"
OUT_PNG = "out_png"
PLOT = "plot"
CONFIDENCE = "confidence"
UNCERTAINTY = "uncertainty"
VECTOR = "vector"
EXTENT = "extent"
BAND = "band"
#: ``info``: check the model files as one set (against a raster of ``BAND_COUNT`` bands).
CHECK = "check"
BAND_COUNT = "band_count"
HISTMATCH = "histmatch"
TTA = "tta"
#: ``predict``: read the raster at the model's training ground resolution (``model``) or as it is (``none``).
RESAMPLE = "resample"
RESAMPLE_TO_MODEL = "model"
THRESHOLD = "threshold"
ROUNDS = "rounds"
#: ``train`` times a few steps and reports the run's duration instead of training.
ESTIMATE = "estimate"
#: A named starting point of the training settings (``train`` and ``self-train``).
PRESET = "preset"
