"""Where a result is least sure: the cell of a coarse grid with the highest mean uncertainty."""

from __future__ import annotations

from typing import Optional

from qgis.core import QgsRasterLayer, QgsRectangle

#: The layer is read as a SAMPLES × SAMPLES block (resampled by the provider) and split into CELLS × CELLS cells.
SAMPLES, CELLS = 128, 8


def most_uncertain_extent(layer: QgsRasterLayer, samples: int = SAMPLES, cells: int = CELLS) -> Optional[QgsRectangle]:
    """The extent (layer CRS) of the grid cell with the highest mean of band 1, nodata left out.

    Reading a fixed-size resampled block keeps this quick and its memory constant for any raster size.

    Returns:
        None when the layer has no valid pixel.
    """
    provider = layer.dataProvider()
    extent = layer.extent()
    block = provider.block(1, extent, samples, samples) if provider is not None else None
    if block is None:  # an invalid layer: nothing to read
        return None
    step = samples // cells
    best: Optional[tuple] = None
    for cell_row in range(cells):
        for cell_col in range(cells):
            total, count = 0.0, 0
            for row in range(cell_row * step, (cell_row + 1) * step):
                for col in range(cell_col * step, (cell_col + 1) * step):
                    if not block.isNoData(row, col):
                        total += block.value(row, col)
                        count += 1
            if count and (best is None or total / count > best[0]):
                best = (total / count, cell_row, cell_col)
    if best is None:
        return None
    _mean, cell_row, cell_col = best
    width, height = extent.width() / cells, extent.height() / cells
    left, top = extent.xMinimum() + cell_col * width, extent.yMaximum() - cell_row * height
    return QgsRectangle(left, top - height, left + width, top)
