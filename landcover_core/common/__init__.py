"""The shared lowest layer: class schemes, raster input, the compute device, memory checks."""
