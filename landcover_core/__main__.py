"""Allows ``python -m landcover_core <command>`` (how the QGIS plugin runs the engine)."""

from landcover_core.cli import main

raise SystemExit(main())
