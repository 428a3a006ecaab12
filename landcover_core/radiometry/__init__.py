"""Histogram matching of a raster to a reference scene, and its figure."""
