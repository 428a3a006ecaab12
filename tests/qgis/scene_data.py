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
