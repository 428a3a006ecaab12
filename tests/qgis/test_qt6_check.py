"""The Qt6 guard (tools/qt6_check.py): it fails on Qt5-only code and passes the plugin.

The PyQt6 half runs with the PyQt6 venv that ``make lint`` builds (``.venv/pyqt6``, or ``LANDCOVER_PYQT6_PYTHON``);
the QGIS half with this QGIS 3.22 Python.
"""

import configparser
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHECKER = ROOT / "tools" / "qt6_check.py"
PYQT6_PYTHON = Path(os.environ.get("LANDCOVER_PYQT6_PYTHON", ROOT / ".venv" / "pyqt6" / "bin" / "python"))

QT5_ONLY = '''\
from qgis.PyQt.QtCore import Qt, QRegExp
from qgis.PyQt.QtWidgets import QDialog, QLabel
from qgis.core import Qgis, QgsProcessing


def show(dialog: QDialog, label: QLabel) -> None:
    label.setAlignment(Qt.AlignLeft)
    label.setText(str(QgsProcessing.TypeRaster))
    dialog.exec_()


def moved() -> object:
    return QgsProcessing.SourceType.TypeRaster


LEVEL = Qgis.Warning
'''

BOTH = '''\
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QAction, QDialog, QLabel, QMessageBox
from qgis.core import Qgis, QgsTask


def show(dialog: QDialog, label: QLabel) -> None:
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    if dialog.exec() == QMessageBox.StandardButton.Yes:
        QAction("go", dialog).trigger()


LEVEL = Qgis.MessageLevel.Warning
FLAGS = QgsTask.Flag.CanCancel
'''


def run_checker(against: str, *paths: Path) -> subprocess.CompletedProcess:
    python = PYQT6_PYTHON if against == "pyqt6" else Path(sys.executable)
    if not python.exists():
        pytest.fail(f"{python} is missing: make lint creates the PyQt6 venv the guard runs with")
    return subprocess.run(
        [str(python), str(CHECKER), "--against", against, *map(str, paths)],
        capture_output=True, text=True, timeout=300, check=False,
    )


@pytest.fixture()
def samples(tmp_path: Path) -> tuple[Path, Path]:
    bad, good = tmp_path / "qt5_only.py", tmp_path / "both.py"
    bad.write_text(QT5_ONLY, encoding="utf-8")
    good.write_text(BOTH, encoding="utf-8")
    return bad, good


def test_pyqt6_half_fails_on_unscoped_qt_enums_and_removed_api(samples):
    bad, _ = samples
    result = run_checker("pyqt6", bad)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{bad}:7: Qt.AlignLeft is not in PyQt6: use Qt.AlignmentFlag.AlignLeft" in result.stdout
    assert f"{bad}:9: exec_ is gone in Qt6: use exec()" in result.stdout
    assert f"{bad}:1: QRegExp is gone in Qt6: use QRegularExpression" in result.stdout


def test_qgis_half_fails_on_unscoped_and_moved_qgis_enums(samples):
    bad, _ = samples
    result = run_checker("qgis", bad)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{bad}:16: Qgis.Warning is an unscoped enum value (gone in QGIS 4): use Qgis.MessageLevel.Warning" in (
        result.stdout
    )
    assert f"{bad}:8: QgsProcessing.TypeRaster is an unscoped enum value" in result.stdout
    assert f"{bad}:13: QgsProcessing.SourceType.TypeRaster: QGIS 4 moved QgsProcessing.SourceType to Qgis.*" in (
        result.stdout
    )


@pytest.mark.parametrize("against", ["pyqt6", "qgis"])
def test_code_for_both_qt_versions_passes(samples, against):
    _, good = samples
    result = run_checker(against, good)
    assert result.returncode == 0, result.stdout + result.stderr


def test_compat_lookups_name_the_qgis4_spelling_first(tmp_path):
    sample = tmp_path / "lookups.py"
    sample.write_text(
        "from landcover_qgis.qt_compat import qgis_enum\n"
        'GOOD = qgis_enum("Qgis.ProcessingSourceType.Raster", "QgsProcessing.SourceType.TypeRaster")\n'
        'OLD_FIRST = qgis_enum("QgsProcessing.SourceType.TypeRaster", "Qgis.ProcessingSourceType.Raster")\n'
        'NEITHER = qgis_enum("Qgis.NoSuchEnum.Value", "QgsProcessing.NoSuchValue")\n',
        encoding="utf-8",
    )
    result = run_checker("qgis", sample)
    assert result.returncode == 1
    problems = result.stdout.splitlines()
    assert [line.split(":")[1] for line in problems] == ["3", "4"], result.stdout


@pytest.mark.parametrize("against", ["pyqt6", "qgis"])
def test_plugin_and_its_tests_pass(against):
    result = run_checker(against, ROOT / "landcover_qgis", ROOT / "tests" / "qgis")
    assert result.returncode == 0, result.stdout + result.stderr


def test_metadata_declares_qgis4_and_qt6_support():
    metadata = configparser.ConfigParser()
    metadata.read(ROOT / "metadata.txt", encoding="utf-8")
    general = metadata["general"]
    assert float(general["qgisMinimumVersion"]) <= 3.22
    assert float(general["qgisMaximumVersion"]) >= 4.0  # what QGIS 4's plugin manager reads
    assert general["supportsQt6"] == "True"  # what the Qt6 builds of QGIS 3.x read
