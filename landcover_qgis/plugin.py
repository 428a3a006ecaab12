"""Plugin entry: adds the landcover dock, its toolbar/menu action and the Processing provider."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from qgis.gui import QgisInterface
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from landcover_qgis.dock import LandcoverDock
from landcover_qgis.i18n import install_translator, remove_translator, translate
from landcover_qgis.processing.provider import LandcoverProvider
from landcover_qgis.qgis_singletons import processing_registry
from landcover_qgis.setup_dialog import EngineSetupDialog

PLUGIN_DIR = Path(__file__).resolve().parent
MENU = "&landcover"


def icon_path() -> str:
    """The plugin icon: ``resources/`` inside the packaged plugin, else the repository's ``resources/``."""
    for folder in (PLUGIN_DIR / "resources", PLUGIN_DIR.parent / "resources"):
        if (folder / "icon.png").is_file():
            return str(folder / "icon.png")
    return ""


class LandcoverPlugin:
    """The object QGIS creates through :func:`landcover_qgis.classFactory`."""

    def __init__(self, iface: QgisInterface) -> None:
        self.iface = iface
        # Before any widget or algorithm exists, so that every string they translate finds the translator.
        self.translator = install_translator(PLUGIN_DIR)
        self.dock: Optional[LandcoverDock] = None
        self.action: Optional[QAction] = None
        self.provider: Optional[LandcoverProvider] = None

    def initProcessing(self) -> None:
        """Registers the Processing provider (also called by qgis_process without a GUI)."""
        if self.provider is None:
            self.provider = LandcoverProvider(icon_path())
            processing_registry().addProvider(self.provider)

    def initGui(self) -> None:
        """Creates the dock (hidden) and the action that shows it."""
        self.initProcessing()
        self.dock = LandcoverDock(self.iface, self.open_engine_setup, self.iface.mainWindow())
        self.dock.hide()
        self.dock.schemaChanged.connect(self._schema_changed)
        self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.action = QAction(QIcon(icon_path()), "landcover", self.iface.mainWindow())
        self.action.setCheckable(True)
        self.action.setToolTip(translate("LandcoverPlugin", "Land-cover mapping: train and classify"))
        self.action.toggled.connect(self._show_dock)
        self.dock.visibilityChanged.connect(self.action.setChecked)
        self.iface.addToolBarIcon(self.action)
        self.iface.addPluginToRasterMenu(MENU, self.action)

    def _show_dock(self, visible: bool) -> None:
        if self.dock is None:
            return
        self.dock.setVisible(visible)
        if visible:
            self.dock.raise_()
            if not self.dock.capabilities.available:
                self.dock.check_engine()

    def open_engine_setup(self) -> None:
        """Opens the 'Set up engine…' dialog; closing it re-checks the engine."""
        dialog = EngineSetupDialog(self._engine_changed, self.iface.mainWindow())
        dialog.exec()

    def _schema_changed(self) -> None:
        """Another engine description (new version, other options): rebuild the Processing algorithms' parameters."""
        if self.provider is not None:
            self.provider.refreshAlgorithms()

    def _engine_changed(self) -> None:
        """Another engine Python was chosen or set up: Processing rebuilds its algorithms, the dock checks it."""
        if self.provider is not None:
            self.provider.refreshAlgorithms()
        if self.dock is not None:
            self.dock.check_engine()

    def unload(self) -> None:
        """Removes everything initGui added."""
        if self.action is not None:
            self.iface.removePluginRasterMenu(MENU, self.action)
            self.iface.removeToolBarIcon(self.action)
            self.action.deleteLater()
            self.action = None
        if self.dock is not None:
            self.dock.shutdown()
            self.iface.removeDockWidget(self.dock)
            self.dock.deleteLater()
            self.dock = None
        if self.provider is not None:
            processing_registry().removeProvider(self.provider)
            self.provider = None
        remove_translator(self.translator)
        self.translator = None
