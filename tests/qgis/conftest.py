"""Fixtures for the plugin tests: real QGIS (pytest-qgis), real engine processes, tiny test data.

pytest-qgis starts QGIS before this file is imported and keeps its profile (settings, qgis.db, qgis-auth.db) in
``<rootdir>/.qgis-settings``; that folder is git-ignored and deleted when the session ends, so every session starts
from a fresh profile. HOME and TMPDIR are redirected here so that QGIS's and the engine's temporary files stay out
of the user's folders.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, Iterator

import pytest

_SESSION_DIR = Path(tempfile.mkdtemp(prefix="landcover-qgis-tests-"))
for _name in ("home", "tmp"):
    (_SESSION_DIR / _name).mkdir()
os.environ["HOME"] = str(_SESSION_DIR / "home")
os.environ["TMPDIR"] = str(_SESSION_DIR / "tmp")
tempfile.tempdir = None  # re-read TMPDIR

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))  # the plugin package, as from a source checkout
sys.path.insert(0, str(Path(__file__).resolve().parent))  # the test helpers

from desktop_profile import PLUGIN  # noqa: E402
from qgis.core import QgsApplication, QgsProject, QgsRasterLayer, QgsSettings, QgsVectorLayer  # noqa: E402
from qgis.PyQt.QtCore import Qt, QTimer  # noqa: E402
from qgis.PyQt.QtWidgets import QApplication, QMessageBox  # noqa: E402
from scene_data import CLASS_FIELD, write_scene  # noqa: E402

#: The tiny training settings every real training in these tests uses.
TINY_TRAINING = {"arch": "mobilenet_v3_large", "weights": "none", "epochs": 1, "batch_size": 2, "tile_size": 64,
                 "samples_per_epoch": 4}


def pytest_sessionfinish(session, exitstatus) -> None:
    shutil.rmtree(_SESSION_DIR, ignore_errors=True)
    shutil.rmtree(session.config.rootpath / ".qgis-settings", ignore_errors=True)  # the session's QGIS profile


@pytest.fixture(scope="session")
def engine_python() -> str:
    """The real engine Python: ``LANDCOVER_PYTHON`` (set by ``make test-qgis``) or the repository's engine venv."""
    python = os.environ.get("LANDCOVER_PYTHON") or str(REPO / ".venv" / "engine" / "bin" / "python")
    if not Path(python).is_file():
        pytest.skip(f"No engine Python at {python}: run 'make engine-env' or set LANDCOVER_PYTHON.")
    return python


@pytest.fixture(scope="session", autouse=True)
def fresh_schema_cache(qgis_app) -> None:
    """No engine description cached by an earlier session (its engine may have had other options)."""
    from landcover_qgis.engine_schema import forget_schemas, schema_cache_dir

    shutil.rmtree(schema_cache_dir(), ignore_errors=True)
    forget_schemas()


@pytest.fixture(autouse=True)
def clean_engine_setting(engine_python: str) -> Iterator[None]:
    """Each test starts with no stored engine setting (the environment variable then applies)."""
    os.environ["LANDCOVER_PYTHON"] = engine_python
    QgsSettings().remove("landcover/engine_python")
    yield
    QgsSettings().remove("landcover/engine_python")


@pytest.fixture(scope="session")
def scene_files(tmp_path_factory) -> dict:
    """A 128x128 3-band GeoTIFF (EPSG:32633) with water/forest/urban zones and labelled polygons in a GPKG."""
    return write_scene(tmp_path_factory.mktemp("scene"))


@pytest.fixture(scope="session")
def tiny_model(engine_python: str, scene_files, tmp_path_factory) -> Path:
    """One tiny model of the scene, trained once per session by the engine itself (for tests that only use one)."""
    from landcover_qgis.engine_runner import run_engine

    out = tmp_path_factory.mktemp("tiny_model") / "model.pt"
    settings = [arg for dest in ("arch", "weights", "epochs", "batch_size", "tile_size", "samples_per_epoch")
                for arg in (f"--{dest.replace('_', '-')}", str(TINY_TRAINING[dest]))]
    run_engine(engine_python, "train", ["--image", str(scene_files["image"]), "--labels", str(scene_files["labels"]),
                                        "--class-field", CLASS_FIELD, "--out", str(out), *settings])
    return out


@pytest.fixture()
def scene_layers(qgis_app, scene_files) -> Iterator[dict]:
    """The scene as project layers; every layer is removed afterwards (live layers at exit crash QGIS)."""
    image = QgsRasterLayer(str(scene_files["image"]), "scene")
    labels = QgsVectorLayer(f"{scene_files['labels']}|layername=labels", "labels", "ogr")
    assert image.isValid() and labels.isValid()
    QgsProject.instance().addMapLayers([image, labels])
    yield {"image": image, "labels": labels}
    QgsProject.instance().clear()  # layers, groups and the dock's remembered choices


@pytest.fixture()
def plugin(qgis_app, qgis_iface, qgis_processing) -> Iterator[object]:
    """The plugin, loaded as QGIS loads it (classFactory + initGui), unloaded afterwards."""
    import landcover_qgis

    instance = landcover_qgis.classFactory(qgis_iface)
    instance.initGui()
    # pytest-qgis's iface.addDockWidget does nothing: dock into its main window ourselves.
    qgis_iface.mainWindow().addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, instance.dock)
    yield instance
    instance.dock.wait_until_idle(60)
    instance.unload()
    QgsApplication.processEvents()


@pytest.fixture()
def dock(plugin, scene_layers, tmp_path: Path):
    """The dock, visible, filled in for a tiny polygon-label training on the scene, results into ``tmp_path/out``."""
    from landcover_qgis.option_widgets import select_id
    from landcover_qgis.training_time import LONG_TRAINING_S

    panel = plugin.dock
    panel.long_training_s = LONG_TRAINING_S  # a test may have lowered it
    panel.show()
    form = panel.form
    form.output_folder.setFilePath(str(tmp_path / "out"))
    form.image_layer.setLayer(scene_layers["image"])
    form.labels_layer.setLayer(scene_layers["labels"])
    form.class_field.setField(CLASS_FIELD)
    assert select_id(form.arch, TINY_TRAINING["arch"]) and select_id(form.weights, TINY_TRAINING["weights"])
    for dest in ("epochs", "batch_size", "tile_size", "samples_per_epoch"):
        form.numbers[dest].setValue(TINY_TRAINING[dest])
    return panel


def wait_for(condition: Callable[[], bool], timeout_s: float) -> bool:
    """Processes Qt events until the condition holds or the timeout passes."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        QgsApplication.processEvents()
        if condition():
            return True
        time.sleep(0.02)
    return condition()


def run_job(dock, button, timeout_s: float = 240) -> None:
    """Clicks a button and waits for the job it started."""
    finished = []
    dock.jobFinished.connect(finished.append)
    button.click()
    assert wait_for(lambda: bool(finished), timeout_s), "the job did not finish in time"
    dock.jobFinished.disconnect(finished.append)


def train_parameters(scene_files, out: Path, epochs: int = TINY_TRAINING["epochs"]) -> dict:
    """Processing parameters of a tiny training run of the scene (the real engine's ids for the choices)."""
    from landcover_qgis.engine_schema import current_schema

    schema = current_schema(os.environ["LANDCOVER_PYTHON"])  # the real engine's ids
    return {
        "INPUT": str(scene_files["image"]), "LABELS": f"{scene_files['labels']}|layername=labels",
        "CLASS_FIELD": CLASS_FIELD, "ARCH": schema.architectures.index(TINY_TRAINING["arch"]),
        "WEIGHTS": schema.weights.index(TINY_TRAINING["weights"]),
        "EPOCHS": epochs, "BATCH_SIZE": TINY_TRAINING["batch_size"], "TILE_SIZE": TINY_TRAINING["tile_size"],
        "SAMPLES_PER_EPOCH": TINY_TRAINING["samples_per_epoch"], "OUTPUT": str(out),
    }


#: The answers :func:`answer_with` still waits to give; a test's unused answers end with the test.
_pending_answers: list = []


def answer_with(text: str) -> None:
    """Clicks the button labelled ``text`` of the dialog that is about to open (a real click, later)."""
    answer = {"waiting": True}
    _pending_answers.append(answer)

    def click() -> None:
        if not answer["waiting"]:
            return
        box = QApplication.activeModalWidget()
        button = next((b for b in box.buttons() if b.text().startswith(text)), None) \
            if isinstance(box, QMessageBox) else None
        if button is None:
            QTimer.singleShot(50, click)
            return
        answer["waiting"] = False
        button.click()
    QTimer.singleShot(50, click)


@pytest.fixture(autouse=True)
def no_unanswered_dialog(qgis_app) -> Iterator[None]:
    """Fails a test that leaves a dialog open (a test answers its dialogs within ms), instead of hanging forever.

    A dialog still open at two checks a second apart is closed and reported.
    """
    unanswered: list = []
    seen: list = [None]

    def close_unexpected() -> None:
        box = QApplication.activeModalWidget()
        if box is not None and box is seen[0]:
            unanswered.append(f"{box.windowTitle()}: {box.text() if isinstance(box, QMessageBox) else ''}")
            box.reject()
            box = None
        seen[0] = box

    timer = QTimer()
    timer.timeout.connect(close_unexpected)
    timer.start(1000)
    yield
    timer.stop()
    unused = [answer for answer in _pending_answers if answer["waiting"]]
    for answer in _pending_answers:
        answer["waiting"] = False  # never clicks into a later test's dialog
    _pending_answers.clear()
    assert not unanswered, f"a dialog nobody answered: {unanswered}"
    assert not unused, "a dialog the test expected never opened"


def qgis_process_with_plugin(tmp_path: Path, engine_python: str) -> Callable[..., subprocess.CompletedProcess]:
    """A function running ``qgis_process.bin`` with the plugin installed in a fresh profile and this engine Python."""
    binary = shutil.which("qgis_process.bin") or "/usr/bin/qgis_process.bin"
    if not Path(binary).is_file():
        pytest.skip("qgis_process.bin is not installed")
    profiles = tmp_path / "profiles"  # QGIS_CUSTOM_CONFIG_PATH: holds profiles/default/python/plugins
    installed = profiles / "profiles" / "default" / "python" / "plugins" / PLUGIN
    shutil.copytree(REPO / PLUGIN, installed, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "metadata.txt", installed / "metadata.txt")
    for name in ("home", "tmp"):
        (tmp_path / name).mkdir()
    env = {**os.environ, "QGIS_CUSTOM_CONFIG_PATH": str(profiles), "QT_QPA_PLATFORM": "offscreen",
           "HOME": str(tmp_path / "home"), "TMPDIR": str(tmp_path / "tmp"), "LANDCOVER_PYTHON": engine_python}

    def qgis_process(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([binary, *args], env=env, capture_output=True, text=True, timeout=240)

    assert qgis_process("plugins", "enable", PLUGIN).returncode == 0
    return qgis_process
