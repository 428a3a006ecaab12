"""landcover engine: sparse-label land-cover segmentation, streaming inference and GIS outputs.

This package never imports Qt or QGIS; the QGIS plugin runs it as a child process.
"""

__version__ = "0.1.0"
