"""Label sources: everything an analyst may have, read as class-index windows on an image's grid.

Every source yields int16 arrays of class indices with ``IGNORE_INDEX`` where a pixel is unlabeled:
pixels outside every polygon are *unlabeled*, never background.
"""

from landcover_core.labels.base import Grid, LabelSource
from landcover_core.labels.deepglobe import DeepGlobePair, decode_deepglobe_mask, find_deepglobe_pairs
from landcover_core.labels.polygons import PolygonLabels
from landcover_core.labels.raster_labels import RasterLabels
from landcover_core.labels.sparse import SparseLabels, parse_sparse

__all__ = [
    "DeepGlobePair",
    "Grid",
    "LabelSource",
    "PolygonLabels",
    "RasterLabels",
    "SparseLabels",
    "decode_deepglobe_mask",
    "find_deepglobe_pairs",
    "parse_sparse",
]
