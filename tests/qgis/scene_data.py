"""Tiny synthetic test scene written with the GDAL/OGR bindings that ship with QGIS."""

from __future__ import annotations

import random
from pathlib import Path

from osgeo import gdal, ogr, osr

SIZE = 128
PIXEL = 10.0
ORIGIN = (500000.0, 6000000.0)  # upper-left corner, EPSG:32633
EPSG = 32633
CLASS_FIELD = "landcover"
#: Class name -> (column range of its zone, mean RGB).
ZONES = {"water": ((0, 43), (30, 60, 160)), "forest": ((43, 86), (40, 120, 40)), "urban": ((86, 128), (150, 150, 150))}


def write_scene(folder: Path) -> dict:
    """Writes ``scene.tif`` (3 bands, byte) and ``labels.gpkg`` (layer ``labels``, two polygons per class).

    Returns:
        ``{"image": Path, "labels": Path}``.
    """
    image_path, labels_path = folder / "scene.tif", folder / "labels.gpkg"
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)
    dataset = gdal.GetDriverByName("GTiff").Create(str(image_path), SIZE, SIZE, 3, gdal.GDT_Byte)
    dataset.SetGeoTransform((ORIGIN[0], PIXEL, 0.0, ORIGIN[1], 0.0, -PIXEL))
    dataset.SetProjection(srs.ExportToWkt())
    noise = random.Random(0)
    for band in range(3):
        rows = bytearray()
        for _y in range(SIZE):
            row = bytearray()
            for x in range(SIZE):
                mean = next(rgb for (start, stop), rgb in ZONES.values() if start <= x < stop)[band]
                row.append(max(0, min(255, mean + noise.randint(-12, 12))))
            rows += row
        dataset.GetRasterBand(band + 1).WriteRaster(0, 0, SIZE, SIZE, bytes(rows))
    dataset = None

    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(labels_path))
    layer = source.CreateLayer("labels", srs, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn(CLASS_FIELD, ogr.OFTString))
    for name, ((start, stop), _rgb) in ZONES.items():
        for top, bottom in ((10, 50), (70, 118)):  # two polygons per zone, 4 pixels inside its borders
            xmin, xmax = ORIGIN[0] + (start + 4) * PIXEL, ORIGIN[0] + (stop - 4) * PIXEL
            ymax, ymin = ORIGIN[1] - top * PIXEL, ORIGIN[1] - bottom * PIXEL
            ring = f"POLYGON(({xmin} {ymin},{xmax} {ymin},{xmax} {ymax},{xmin} {ymax},{xmin} {ymin}))"
            feature = ogr.Feature(layer.GetLayerDefn())
            feature.SetField(CLASS_FIELD, name)
            feature.SetGeometry(ogr.CreateGeometryFromWkt(ring))
            layer.CreateFeature(feature)
    source = None
    return {"image": image_path, "labels": labels_path}


#: The truth's codes, deliberately not the alphabetical order a model trained from names gets (forest, urban, water).
TRUTH_CODES = {"water": 1, "forest": 2, "urban": 3}


def zone_of_column(x: int) -> str:
    """The class of a pixel column of the scene."""
    return next(name for name, ((start, stop), _rgb) in ZONES.items() if start <= x < stop)


def write_truth(path: Path, scheme_beside: bool) -> Path:
    """Writes the scene's truth as class codes (TRUTH_CODES, no class names in the raster).

    Args:
        path: The GeoTIFF to write.
        scheme_beside: Also write ``<scene>_classes.json`` beside it (as ``make demo`` does), naming the codes.
    """
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)
    dataset = gdal.GetDriverByName("GTiff").Create(str(path), SIZE, SIZE, 1, gdal.GDT_Byte)
    dataset.SetGeoTransform((ORIGIN[0], PIXEL, 0.0, ORIGIN[1], 0.0, -PIXEL))
    dataset.SetProjection(srs.ExportToWkt())
    row = bytes(TRUTH_CODES[zone_of_column(x)] for x in range(SIZE))
    dataset.GetRasterBand(1).WriteRaster(0, 0, SIZE, SIZE, row * SIZE)
    dataset = None
    if scheme_beside:
        write_scheme(path.with_name(path.stem.rsplit("_", 1)[0] + "_classes.json"), TRUTH_CODES)
    return path


def write_scheme(path: Path, codes: dict) -> Path:
    """Writes a class-scheme JSON (a list of {code, name, color}) for ``{name: code}``."""
    import json

    colours = {"water": "#0000ff", "forest": "#00a000", "urban": "#00ffff"}
    path.write_text(json.dumps([{"code": code, "name": name, "color": colours.get(name, "#808080")}
                                for name, code in codes.items()]))
    return path


def write_coded_labels(source: Path, target: Path, codes: dict) -> Path:
    """Copies the label polygons with the class as an integer code (``codes[name]``) instead of a name."""
    copy = ogr.GetDriverByName("GPKG").CopyDataSource(ogr.Open(str(source)), str(target))
    layer = copy.GetLayerByName("labels")
    layer.CreateField(ogr.FieldDefn("code", ogr.OFTInteger))
    for feature in layer:
        feature.SetField("code", codes.get(feature.GetField(CLASS_FIELD), 99))
        layer.SetFeature(feature)
    copy = None
    return target
