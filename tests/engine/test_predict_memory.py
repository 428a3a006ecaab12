"""Predict's memory stays flat with the raster's size (#23): what used to grow is bounded by a column chunk.

The peak itself is measured by ``make bench`` (figure 2b: 16384² / 1024²); here, cheaply, the mechanisms.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import rasterio
from inference_fixtures import local_ensemble, read_band, write_image

from landcover_core.config import PredictOptions
from landcover_core.inference import predict
from landcover_core.inference.predict import (
    CHUNK_COLUMNS,
    GDAL_CACHE_BOUNDS,
    WRITE_COLUMNS,
    Outputs,
    classify_raster,
    gdal_cache_bytes,
)


def test_gdal_cache_depends_on_the_column_chunk_not_the_rasters_width(tmp_path: Path) -> None:
    """A fixed 128 MiB cache filled only on large rasters: peak memory grew with the raster."""
    caches = {}
    for width in (1024, 8192, 30000):
        path = tmp_path / f"w{width}.tif"
        with rasterio.open(path, "w", driver="GTiff", width=width, height=256, count=3, dtype="uint8", tiled=True,
                           blockxsize=256, blockysize=256, compress="deflate"):
            pass  # never written: only its size and blocks matter
        with rasterio.open(path) as src:
            caches[width] = gdal_cache_bytes(src, [1, 2, 3], 512, ["classes", "confidence", "vector"])
    assert caches[8192] == caches[30000]  # both wider than a chunk
    assert GDAL_CACHE_BOUNDS[0] <= caches[1024] < caches[8192] < GDAL_CACHE_BOUNDS[1]
    # A tile row of input and two rows of output blocks of one chunk, and half again.
    width = CHUNK_COLUMNS + 2 * 512
    assert caches[30000] == int(1.5 * ((512 + 256) * width * 3 + 2 * 256 * width * (1 + 4)))


def test_outputs_written_by_column_slices_equal_one_write_of_the_block(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """A raster wider than a write slice (and than a chunk) gives the same classes and confidence either way."""
    image = write_image(tmp_path / "wide.tif", 96, 2 * WRITE_COLUMNS + 300)
    ensemble, _ = local_ensemble()
    options = PredictOptions(tile_size=64, overlap=16)

    def classify(name: str) -> tuple[np.ndarray, np.ndarray, dict]:
        out = Outputs(tmp_path / f"{name}.tif", confidence=tmp_path / f"{name}_p.tif")
        result = classify_raster(ensemble, image, out, options, chunk_columns=WRITE_COLUMNS * 2)
        return read_band(out.classes), read_band(out.confidence), result["summary"]["pixels"]

    sliced = classify("sliced")
    monkeypatch.setattr(predict, "WRITE_COLUMNS", 1 << 20)
    whole = classify("whole")
    assert (sliced[0] == whole[0]).all() and np.array_equal(sliced[1], whole[1]) and sliced[2] == whole[2]
    assert len(np.unique(sliced[0])) > 2  # a real map, not one class
