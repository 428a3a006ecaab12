"""landcover QGIS plugin: train and apply land-cover models from the QGIS GUI and Processing.

The plugin never imports the engine (torch, rasterio, ...): it runs ``python -m landcover_core``
in a separate Python as a child process, see :mod:`landcover_qgis.engine_runner`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from qgis.gui import QgisInterface

    from landcover_qgis.plugin import LandcoverPlugin


def classFactory(iface: QgisInterface) -> LandcoverPlugin:
    """Creates the plugin for QGIS.

    Args:
        iface: The QGIS interface (``qgis.gui.QgisInterface``).

    Returns:
        The plugin object with ``initGui`` and ``unload``.
    """
    from landcover_qgis.plugin import LandcoverPlugin

    return LandcoverPlugin(iface)
