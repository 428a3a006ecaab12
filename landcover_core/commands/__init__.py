"""One module per CLI command (see :mod:`landcover_core.cli`)."""
