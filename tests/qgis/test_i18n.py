"""The plugin's translations: every shipped .ts is complete and current, and QGIS in French shows French.

The .ts files are extracted by ``make translations`` (pylupdate5) and compiled by lrelease in ``make package``;
these tests run both tools (Debian's pyqt5-dev-tools and qttools5-dev-tools, installed by ``make qgis-env``).
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from typing import Dict, Iterator, List, Set, Tuple

import pytest
from qgis.core import QgsApplication, QgsSettings

REPO = Path(__file__).resolve().parents[2]
PLUGIN_DIR = REPO / "landcover_qgis"
I18N_DIR = PLUGIN_DIR / "i18n"
SHIPPED = sorted(I18N_DIR.glob("landcover_*.ts"))
#: Placeholders a translation must keep: str.format fields ({}, {name}, {value:.1f}) and %-style ones.
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%(?:\d+|[sdfn])")

Message = Tuple[str, str]  # (context, source)


def tool(name: str) -> str:
    """The path of a Qt tool, or a failure that says how to install it."""
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is not installed: run 'make qgis-env' (Debian packages pyqt5-dev-tools, "
                    "qttools5-dev-tools).")
    return path


def ts_messages(path: Path) -> Dict[Message, ET.Element]:
    """The messages of a .ts file by (context, source), without obsolete or vanished ones."""
    messages: Dict[Message, ET.Element] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") in ("obsolete", "vanished"):
                continue
            messages[(name, message.findtext("source") or "")] = message
    return messages


def placeholders(text: str) -> Counter:
    """The placeholders of ``text`` (``{{``/``}}`` are literal braces, not placeholders)."""
    return Counter(PLACEHOLDER.findall(text.replace("{{", "").replace("}}", "")))


def source_messages() -> Set[Message]:
    """Every ``translate("Context", "text")`` / ``Deferred.translate(...)`` with literal arguments in the plugin."""
    found: Set[Message] = set()
    for path in PLUGIN_DIR.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            name = getattr(node, "func", None)
            if (isinstance(node, ast.Call) and len(node.args) == 2
                    and "translate" in (getattr(name, "id", None), getattr(name, "attr", None))
                    and all(isinstance(arg, ast.Constant) and isinstance(arg.value, str) for arg in node.args)):
                found.add((node.args[0].value, node.args[1].value))
    return found


def test_three_languages_are_shipped() -> None:
    assert [path.name for path in SHIPPED] == ["landcover_es.ts", "landcover_fr.ts", "landcover_pt.ts"]


@pytest.mark.parametrize("ts", SHIPPED, ids=[path.stem for path in SHIPPED])
def test_every_message_is_translated_with_its_placeholders(ts: Path) -> None:
    problems: List[str] = []
    for (context, source), message in sorted(ts_messages(ts).items()):
        translation = message.find("translation")
        text = (translation.text or "") if translation is not None else ""
        if translation is None or translation.get("type") == "unfinished" or not text.strip():
            problems.append(f"{context}: {source!r} is not translated")
        elif placeholders(text) != placeholders(source):
            problems.append(f"{context}: {source!r} -> {text!r} changes the placeholders "
                            f"{sorted(placeholders(source))} to {sorted(placeholders(text))}")
    assert not problems, (f"{ts.name}: {len(problems)} of {len(ts_messages(ts))} messages need work (open it in "
                          "Qt Linguist or edit the XML):\n" + "\n".join(problems[:40]))


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> Set[Message]:
    """The messages pylupdate5 extracts from the plugin's source now (as ``make translations`` does)."""
    out = tmp_path_factory.mktemp("i18n") / "current.ts"
    sources = sorted(str(path) for path in PLUGIN_DIR.rglob("*.py"))
    subprocess.run([tool("pylupdate5"), "-noobsolete", *sources, "-ts", str(out)], check=True, capture_output=True)
    return set(ts_messages(out))


def test_pylupdate5_extracts_every_translate_call(extracted: Set[Message]) -> None:
    # pylupdate5 skips calls it cannot parse (a trailing comma, an f-string): they would never be translated.
    missed = source_messages() - extracted
    assert not missed, ("pylupdate5 does not extract these translate() calls: write them as "
                        "translate(\"Context\", \"literal\") without a trailing comma:\n"
                        + "\n".join(f"{context}: {text!r}" for context, text in sorted(missed)))


@pytest.mark.parametrize("ts", SHIPPED, ids=[path.stem for path in SHIPPED])
def test_ts_files_hold_the_strings_of_the_source(ts: Path, extracted: Set[Message]) -> None:
    shipped = set(ts_messages(ts))
    new, gone = extracted - shipped, shipped - extracted
    assert not new and not gone, (
        f"{ts.name} is out of date: run 'make translations' and commit the .ts files.\n"
        + "".join(f"not in {ts.name}: {c}: {t!r}\n" for c, t in sorted(new)[:20])
        + "".join(f"no longer in the source: {c}: {t!r}\n" for c, t in sorted(gone)[:20]))


def test_translation_files_for_a_locale() -> None:
    from landcover_qgis.i18n import translation_files

    assert [p.name for p in translation_files(Path("x"), "fr_FR")] == ["landcover_fr_FR.qm", "landcover_fr.qm"]
    assert [p.name for p in translation_files(Path("x"), "pt-BR")] == ["landcover_pt_BR.qm", "landcover_pt.qm"]
    assert [p.name for p in translation_files(Path("x"), "es")] == ["landcover_es.qm"]
    assert translation_files(Path("x"), "") == []


@pytest.fixture()
def french_qgis(tmp_path: Path) -> Iterator[Path]:
    """QGIS set to French (``locale/userLocale=fr`` in the test profile); a plugin folder with the compiled fr .qm."""
    (tmp_path / "i18n").mkdir()
    subprocess.run([tool("lrelease"), "-silent", str(I18N_DIR / "landcover_fr.ts"), "-qm",
                    str(tmp_path / "i18n" / "landcover_fr.qm")], check=True, capture_output=True)
    settings = QgsSettings()
    settings.setValue("locale/userLocale", "fr")
    yield tmp_path
    settings.remove("locale/userLocale")


def french(context: str, source: str) -> str:
    """The French of ``source`` in the shipped fr .ts; fails when it is not translated (the check would be void)."""
    message = ts_messages(I18N_DIR / "landcover_fr.ts")[(context, source)]
    translation = message.find("translation")
    assert translation is not None and translation.get("type") != "unfinished" and translation.text, (
        f"landcover_fr.ts has no French for {context}: {source!r}")
    assert translation.text != source, f"landcover_fr.ts translates {context}: {source!r} as itself"
    return translation.text


def test_qgis_in_french_shows_the_dock_and_processing_in_french(french_qgis: Path, qgis_app, qgis_iface,
                                                                 qgis_processing) -> None:
    from landcover_qgis.dock import LandcoverDock
    from landcover_qgis.i18n import install_translator, remove_translator, translate
    from landcover_qgis.processing.provider import LandcoverProvider

    translator = install_translator(french_qgis)  # the locale from QGIS's settings, as the plugin does
    assert translator is not None, "install_translator found no .qm for locale/userLocale=fr"
    registry = QgsApplication.processingRegistry()
    provider = LandcoverProvider()
    dock = LandcoverDock(qgis_iface, lambda: None, None)
    try:
        registry.addProvider(provider)
        tabs = [dock.form.tabText(index) for index in range(dock.form.count())]
        assert tabs == [french("DockForm", "Data"), french("DockForm", "Model"), french("DockForm", "Classify"),
                        french("LandcoverDock", "Results")]
        algorithm = registry.algorithmById("landcover:classify")
        assert algorithm is not None
        assert algorithm.displayName() == french("ClassifyAlgorithm", "Classify raster")
    finally:
        dock.shutdown()
        dock.deleteLater()
        registry.removeProvider(provider)
        remove_translator(translator)
    # Without the translator the plugin speaks English again.
    assert translate("DockForm", "Data") == "Data"
