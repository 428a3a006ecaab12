"""Training data: scenes (image + labels), labeled-block index, spatial split and tile sampling."""
