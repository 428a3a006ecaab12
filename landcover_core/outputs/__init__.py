"""What the engine writes: atomic output files, class and confidence GeoTIFFs, vectors."""
