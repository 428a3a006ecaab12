"""Is a raster like the imagery a model was trained on? A quick look at a few windows before predicting.

A model trained on uint8 imagery (0-255) gives confident but wrong classes on reflectances in 0-1 or
on 16-bit imagery: normalisation maps them far outside anything seen in training. The model file
records the training pixels' range (:attr:`~landcover_core.models.modelfile.ModelSpec.input_range`); a raster
whose values are far outside it gets a warning naming the bands (older model files: no check). Likewise a
raster whose ground resolution differs from the training imagery's (:attr:`ModelSpec.ground_resolution`) by more
than :data:`RESOLUTION_FACTOR` gets a warning: objects are then of another size in pixels than in training.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import rasterio
from rasterio.windows import Window

from landcover_core.common.raster import ground_resolution, read_window
from landcover_core.models.modelfile import ModelSpec
from landcover_core.progress import Reporter

#: Windows sampled per raster, and their size.
SAMPLE_WINDOWS = 9
SAMPLE_SIZE = 256
#: Spread of a band (0.5-99.5 percentiles) this many times narrower or wider than in training is "far".
SPREAD_FACTOR = 16.0
#: A ground resolution this many times finer or coarser than the training imagery's gets a warning.
RESOLUTION_FACTOR = 1.5


def sample_pixels(dataset: rasterio.DatasetReader, bands: Sequence[int], windows: int = SAMPLE_WINDOWS,
                  size: int = SAMPLE_SIZE) -> np.ndarray:
    """Valid pixels (C, N) of ``windows`` windows spread evenly over the raster."""
    per_side = max(1, math.isqrt(windows))
    rows = np.linspace(0, max(dataset.height - size, 0), per_side).astype(int)
    cols = np.linspace(0, max(dataset.width - size, 0), per_side).astype(int)
    parts = []
    for row in np.unique(rows):
        for col in np.unique(cols):
            image, valid = read_window(dataset, bands, Window(int(col), int(row), size, size))
            parts.append(image[:, valid])
    return np.concatenate(parts, axis=1)


def far_from_training(low: float, high: float, seen_low: float, seen_high: float, median: float) -> bool:
    """Whether a band spanning ``seen_low..seen_high`` (median ``median``) is far from a training span ``low..high``."""
    span = max(high - low, 1e-6)
    if not low - span <= median <= high + span:
        return True
    spread = seen_high - seen_low
    return spread > 0 and not 1 / SPREAD_FACTOR <= spread / span <= SPREAD_FACTOR


def check_input_range(dataset: rasterio.DatasetReader, bands: Sequence[int], spec: ModelSpec,
                      reporter: Reporter) -> bool:
    """Warns when the raster's values are far outside the training data's range.

    Returns:
        False when a warning was given.
    """
    if not spec.input_range:
        return True
    pixels = sample_pixels(dataset, bands)
    if pixels.shape[1] == 0:
        return True
    seen_low, seen_high = np.percentile(pixels, [0.5, 99.5], axis=1)
    medians = np.median(pixels, axis=1)
    off = [
        f"band {band}: {seen_low[i]:.4g}-{seen_high[i]:.4g} here, {low:.4g}-{high:.4g} in training"
        for i, (band, (low, high)) in enumerate(zip(bands, spec.input_range, strict=True))
        if far_from_training(low, high, float(seen_low[i]), float(seen_high[i]), float(medians[i]))
    ]
    if not off:
        return True
    reporter.warning(
        f"{dataset.name} ({dataset.dtypes[bands[0] - 1]}) is far outside the range of the model's training imagery "
        f"({spec.input_dtype or 'unknown type'}): {'; '.join(off)}. The classes will likely be wrong: rescale the "
        "raster to the training range (e.g. gdal_translate -scale) or use a model trained on such imagery."
    )
    return False


def check_ground_resolution(dataset: rasterio.DatasetReader, spec: ModelSpec, model: str,
                            reporter: Reporter) -> bool:
    """Warns when the raster's pixel size on the ground is far from the training imagery's.

    Args:
        dataset: the raster to classify.
        spec: the model's description (``ground_resolution`` in metres, None in older files: a note instead).
        model: the model file, for messages.
        reporter: where the warning or note goes.

    Returns:
        False when a warning was given.
    """
    here = ground_resolution(dataset)
    if spec.ground_resolution is None or here is None:
        if spec.ground_resolution is None:
            reporter.log(f"{model} does not record the ground resolution of its training imagery (an older model "
                         "file): the raster's resolution is not checked.")
        return True
    ratio = here / spec.ground_resolution
    if 1 / RESOLUTION_FACTOR <= ratio <= RESOLUTION_FACTOR:
        return True
    reporter.warning(
        f"{dataset.name} has a ground resolution of {here:.3g} m, {ratio:.2g} times the model's training imagery "
        f"({spec.ground_resolution:.3g} m, {spec.crs}): objects are {'smaller' if ratio > 1 else 'larger'} in "
        "pixels than the model learnt them and the classes will likely be wrong. Pass --resample model to read it "
        "at the training resolution, resample it yourself (e.g. gdalwarp -tr) or use a model trained at this "
        "resolution."
    )
    return False
