"""The plugin's translations: ``translate()`` for every user-facing string, and the QTranslator for QGIS's locale.

Strings are extracted by ``pylupdate5`` (``make translations``) into ``i18n/landcover_<lang>.ts``; it only sees
calls shaped literally ``translate("Context", "text")`` with string literals and NO trailing comma, so keep
placeholders inside the literal (``translate("Dock", "Failed: {}").format(message)``), never an f-string.
``make package`` compiles the ``.ts`` into ``.qm`` files with ``lrelease``.
"""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

I18N_DIR = "i18n"
PREFIX = "landcover_"


def translate(context: str, text: str) -> str:
    """``text`` in the user's language (itself when no translation is loaded).

    Args:
        context: Where the string is used (the class or module), the translators' grouping.
        text: The English source string, a literal so that pylupdate5 extracts it.

    Returns:
        The translation of ``text`` in ``context``, or ``text``.
    """
    return QCoreApplication.translate(context, text)


def qgis_locale() -> str:
    """The locale QGIS runs in, e.g. ``fr_FR`` or ``fr``.

    QGIS writes ``locale/userLocale`` at start-up with the system locale unless the user overrode it
    (``locale/overrideFlag``), so it is the one to read; the system locale is the fallback outside QGIS's GUI.
    """
    settings = QgsSettings()
    locale = str(settings.value("locale/userLocale", "") or "")
    overridden = settings.value("locale/overrideFlag", False, type=bool)
    if not locale and not overridden:
        locale = QLocale().name()
    return locale


def translation_files(plugin_dir: Path, locale: str) -> List[Path]:
    """The ``.qm`` files to try for ``locale``, most specific first (``landcover_fr_FR.qm``, ``landcover_fr.qm``)."""
    names = [locale.replace("-", "_"), locale.replace("-", "_").split("_")[0]] if locale else []
    return [plugin_dir / I18N_DIR / f"{PREFIX}{name}.qm" for name in dict.fromkeys(names) if name]


def install_translator(plugin_dir: Path, locale: Optional[str] = None) -> Optional[QTranslator]:
    """Loads the plugin's ``.qm`` for QGIS's locale and installs it on the application.

    Call it before any widget or Processing algorithm is created; keep the returned translator alive (Qt does not
    own it) and pass it to :func:`remove_translator` on unload.

    Args:
        plugin_dir: The plugin folder holding ``i18n/``.
        locale: The locale to load, QGIS's (:func:`qgis_locale`) when None.

    Returns:
        The installed translator, or None when there is no translation for the locale (English stays).
    """
    for path in translation_files(plugin_dir, qgis_locale() if locale is None else locale):
        translator = QTranslator()
        if path.is_file() and translator.load(str(path)):
            QCoreApplication.installTranslator(translator)
            return translator
    return None


def remove_translator(translator: Optional[QTranslator]) -> None:
    """Uninstalls a translator that :func:`install_translator` installed (None: nothing to do)."""
    if translator is not None:
        QCoreApplication.removeTranslator(translator)


class Deferred:
    """Marks strings that must be extracted but cannot be translated where they are written (Qt's QT_TRANSLATE_NOOP).

    Module and class constants are made when the plugin is imported, before :func:`install_translator` runs:
    write them as ``Deferred.translate("Context", "text")`` (pylupdate5 extracts the call) and translate them
    where they are shown, with ``translate("Context", constant)`` and the same context.
    """

    @staticmethod
    def translate(context: str, text: str) -> str:
        """``text`` itself; ``context`` is the one to translate it with later."""
        del context
        return text
