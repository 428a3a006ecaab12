"""Real-data quality measurements on the s2_korea patches (``make eval`` and the README's other quality figures).

Not tests: they train for minutes and measure gains, not mechanics; each skips (exit 0) when the data is absent.
"""
