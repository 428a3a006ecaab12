"""Measurements of the engine: ``make bench`` (speed and memory ratios) and ``make eval`` (real-data quality).

Not part of the product: neither the wheel nor the QGIS plugin ZIP holds this package. It uses the engine
as any user does, through the public modules of :mod:`landcover_core`, and runs from the repository root:

- ``python -m benchmarks``: the ``make bench`` figures (1)-(7); see :mod:`benchmarks.__main__`;
- ``python -m benchmarks.training``: the training-loop figure (7) alone;
- ``python -m benchmarks.batch``: ``predict-batch`` scenes per minute, 1 and 2 workers;
- ``python -m benchmarks.quality.grid``: ``make eval``, train and test through the CLI on s2_korea;
- ``python -m benchmarks.quality.histmatch`` and ``python -m benchmarks.quality.selftrain selftrain``: the
  other real-data measurements quoted in the README.
"""
