"""A throwaway QGIS profile with the packaged plugin enabled, and a startup script for ``qgis --code``.

Used by the desktop screenshot test and by ``make qgis``. Runs with any Python 3 (stdlib only).
"""

from __future__ import annotations

import argparse
import zipfile
from pathlib import Path
from typing import Optional, Sequence

PLUGIN = "landcover_qgis"

_STARTUP = '''\
"""Written by tests/qgis/desktop_profile.py: loads layers, opens the landcover dock{extra_doc}."""
import json
import subprocess
from qgis.core import QgsApplication, QgsProject, QgsRasterLayer, QgsVectorLayer
from qgis.PyQt.QtCore import QPoint, Qt, QTimer, QVariant
from qgis.PyQt.QtWidgets import QApplication
from qgis.utils import iface, plugins

LAYERS = {layers!r}
#: The panel width an analyst's screen leaves it (the layout must work at this width).
DOCK_WIDTH = 360
SCREENSHOT = {screenshot!r}


def load_layers():
    for path in LAYERS:
        name = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        is_raster = path.lower().endswith((".tif", ".tiff", ".vrt", ".jp2", ".img"))
        layer = QgsRasterLayer(path, name) if is_raster else QgsVectorLayer(path, name, "ogr")
        if layer.isValid():
            QgsProject.instance().addMapLayer(layer)
    if LAYERS:
        iface.zoomToActiveLayer()


def open_dock():
    plugin = plugins.get("{plugin}")
    if plugin is None:
        print("landcover plugin is not loaded", flush=True)
        return
    plugin.action.setChecked(True)
    iface.mainWindow().resizeDocks([plugin.dock], [DOCK_WIDTH], Qt.Horizontal)
    form = plugin.dock.form
    rasters = [l for l in QgsProject.instance().mapLayers().values() if isinstance(l, QgsRasterLayer)]
    vectors = [l for l in QgsProject.instance().mapLayers().values() if isinstance(l, QgsVectorLayer)]
    if rasters:
        form.image_layer.setLayer(rasters[0])
    if vectors:
        form.labels_layer.setLayer(vectors[0])
        text_fields = [f.name() for f in vectors[0].fields() if f.type() == QVariant.String]
        if text_fields:
            form.class_field.setField(text_fields[0])
    print("landcover dock open", flush=True)


def layout_facts(dock):
    """The dock's size, the width its content needs, and whether each action button is visible unscrolled."""
    facts = {{"dock_width": dock.width(), "dock_height": dock.height(),
              "content_min_width": dock.widget().minimumSizeHint().width()}}
    for name in ("train_button", "classify_button", "cancel_button"):
        button = getattr(dock, name)
        bottom = button.mapTo(dock, QPoint(0, button.height())).y()
        facts[name] = button.isVisible() and not button.visibleRegion().isEmpty() and bottom <= dock.height()
    return facts


def screenshot_and_quit():
    plugin = plugins.get("{plugin}")
    if plugin is not None:
        print("layout " + json.dumps(layout_facts(plugin.dock)), flush=True)
        form = plugin.dock.form
        clipped = {{}}  # sections whose content is wider than the panel shows (cut at the right edge)
        for index in range(form.count()):  # one screenshot per section
            form.setCurrentIndex(index)
            QApplication.processEvents()
            name = form.tabText(index).lower()
            page = form.widget(index)
            if page.widget().width() > page.viewport().width():
                clipped[name] = [page.widget().width(), page.viewport().width()]
            subprocess.run(["import", "-window", "root", SCREENSHOT.replace(".png", "_" + name + ".png")],
                           check=False)
        print("clipped " + json.dumps(clipped), flush=True)
        form.setCurrentIndex(0)
        QApplication.processEvents()
    subprocess.run(["import", "-window", "root", SCREENSHOT], check=False)
    print("screenshot saved", flush=True)
    # An empty, clean project: exit asks no "save changes?" / "discard layers?" question.
    QgsProject.instance().clear()
    QgsProject.instance().setDirty(False)
    iface.actionExit().trigger()


# Xvfb has no window manager to maximize the window: fill the screen by hand.
iface.mainWindow().setGeometry(QgsApplication.primaryScreen().availableGeometry())
load_layers()
QTimer.singleShot(1500, open_dock)
if SCREENSHOT:
    QTimer.singleShot({delay_ms}, screenshot_and_quit)
'''


def make_profile(profiles: Path, plugin_zip: Path, locale: Optional[str] = None) -> Path:
    """Creates ``profiles/profiles/default`` with the plugin unzipped and enabled; returns the profile folder.

    Args:
        profiles: The folder for ``qgis --profiles-path``.
        plugin_zip: The packaged plugin.
        locale: QGIS's interface language (``fr``...), as chosen in its options; None: the system's.
    """
    profile = profiles / "profiles" / "default"
    plugins = profile / "python" / "plugins"
    plugins.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(plugin_zip) as archive:
        archive.extractall(plugins)
    ini = profile / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True, exist_ok=True)
    ini.write_text(
        "[PythonPlugins]\n"
        f"{PLUGIN}=true\n\n"
        "[qgis]\n"
        "showTips=false\n"
        "checkVersion=false\n"
        "allowVersionCheck=false\n"
        + (f"\n[locale]\nuserLocale={locale}\noverrideFlag=true\n" if locale else "")
    )
    return profile


def write_startup_script(path: Path, layers: Sequence[str], screenshot: Optional[str] = None,
                         delay_ms: int = 12000) -> Path:
    """Writes the ``--code`` script: load layers, open the dock, optionally screenshot and quit."""
    extra = ", takes a screenshot and quits" if screenshot else ""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(_STARTUP.format(extra_doc=extra, layers=list(layers), screenshot=screenshot or "",
                                    plugin=PLUGIN, delay_ms=delay_ms))
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--zip", required=True, type=Path, help="the plugin ZIP (make package)")
    parser.add_argument("--profiles", required=True, type=Path, help="folder for --profiles-path")
    parser.add_argument("--layer", action="append", default=[], help="layer file to load (repeatable)")
    parser.add_argument("--script", required=True, type=Path, help="startup script to write")
    parser.add_argument("--screenshot", help="save a screenshot here, then quit")
    args = parser.parse_args()
    make_profile(args.profiles, args.zip)
    write_startup_script(args.script, [str(Path(p).resolve()) for p in args.layer], args.screenshot)


if __name__ == "__main__":
    main()
