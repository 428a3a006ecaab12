"""Ground area of a pixel, for the area per class after classifying (projected, geographic and no CRS)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import rasterio
from rasterio.transform import from_origin
from rasterio.windows import Window

from landcover_core.common.raster import pixel_area


def write(path: Path, crs: str | None, transform: rasterio.Affine, size: int = 20) -> Path:
    """A one-band raster with the given CRS and transform."""
    with rasterio.open(path, "w", driver="GTiff", width=size, height=size, count=1, dtype="uint8", crs=crs,
                       transform=transform) as dst:
        dst.write(np.zeros((1, size, size), dtype="uint8"))
    return path


def test_projected_metres_give_the_exact_area(tmp_path: Path) -> None:
    path = write(tmp_path / "utm.tif", "EPSG:32633", from_origin(500_000, 4_000_000, 10, 10))
    with rasterio.open(path) as src:
        area, note = pixel_area(src)
    assert area == pytest.approx(100.0)
    assert "EPSG:32633" in note


def test_projected_feet_are_converted_to_square_metres(tmp_path: Path) -> None:
    path = write(tmp_path / "feet.tif", "EPSG:2263", from_origin(1_000_000, 200_000, 3, 3))  # NY, US survey feet
    with rasterio.open(path) as src:
        area, _note = pixel_area(src)
    assert area == pytest.approx(9 * 0.3048006096**2, rel=1e-6)


def test_geographic_area_shrinks_with_latitude_and_says_it_is_approximate(tmp_path: Path) -> None:
    degree = 0.0001  # about 11 m
    equator = write(tmp_path / "eq.tif", "EPSG:4326", from_origin(10.0, 0.001, degree, degree))
    north = write(tmp_path / "north.tif", "EPSG:4326", from_origin(10.0, 60.001, degree, degree))
    with rasterio.open(equator) as src:
        at_equator, _note = pixel_area(src)
    with rasterio.open(north) as src:
        at_60, note = pixel_area(src, Window(0, 0, 10, 10))
    assert at_equator == pytest.approx((degree * 111_320) ** 2, rel=1e-3)
    assert at_60 == pytest.approx(at_equator * 0.5, rel=1e-3)  # cos 60° = 0.5
    assert "Approximate" in note and "60.00" in note


def test_no_crs_has_no_area(tmp_path: Path) -> None:
    path = write(tmp_path / "plain.tif", None, from_origin(0, 20, 1, 1))
    with rasterio.open(path) as src:
        area, note = pixel_area(src)
    assert area is None and "no CRS" in note
