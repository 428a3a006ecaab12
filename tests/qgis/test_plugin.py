"""The plugin loads into QGIS, checks its engine, and unloads without leaving anything behind."""

from __future__ import annotations

from conftest import wait_for
from qgis.core import QgsApplication


def test_plugin_loads_and_unloads(qgis_app, qgis_iface, qgis_processing) -> None:
    import landcover_qgis

    plugin = landcover_qgis.classFactory(qgis_iface)
    plugin.initGui()
    provider = QgsApplication.processingRegistry().providerById("landcover")
    assert provider is not None
    assert {a.id() for a in provider.algorithms()} >= {"landcover:train", "landcover:classify", "landcover:vectorize"}
    assert plugin.dock is not None and not plugin.action.icon().isNull()
    plugin.unload()
    QgsApplication.processEvents()
    assert QgsApplication.processingRegistry().providerById("landcover") is None
    assert plugin.dock is None and plugin.action is None


def test_showing_the_dock_checks_the_real_engine(plugin) -> None:
    plugin.action.setChecked(True)
    dock = plugin.dock
    assert not dock.isHidden()  # the test main window itself is never shown
    assert wait_for(lambda: dock.capabilities.available, 90), dock.engine_status.text()
    status = dock.engine_status.text()
    assert "torch" in status and "rasterio" in status and ("CPU" in status or "CUDA" in status)
    # Features the engine does not offer are disabled with a reason, not hidden errors.
    assert dock.pseudo_label_button.isEnabled() == dock.capabilities.pseudo_label
    assert dock.form.histogram_reference.isEnabled() == dock.capabilities.histogram_reference
    if not dock.capabilities.histogram_reference:
        assert "no 'reference' option" in dock.form.histogram_reference.toolTip()
