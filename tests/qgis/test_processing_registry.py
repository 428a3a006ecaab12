"""What the Processing toolbox offers: every algorithm, engine or not; model-file dialogs; the plugin's metadata."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Iterator

import pytest
from conftest import qgis_process_with_plugin
from fake_engine import recording_engine
from qgis.core import QgsApplication, QgsProcessingException, QgsSettings

from landcover_qgis.engine_schema import current_schema, forget_schemas
from landcover_qgis.processing.model_parameters import MODEL_FILE_FILTER
from landcover_qgis.processing.provider import ALGORITHMS

REPO = Path(__file__).resolve().parents[2]
#: The ids of every algorithm the provider has.
ALGORITHM_IDS = sorted(f"landcover:{kind().name()}" for kind in ALGORITHMS)


@pytest.fixture()
def no_engine(plugin, tmp_path: Path) -> Iterator[str]:
    """The plugin with an engine Python that does not exist (as before 'Set up engine…'); restored afterwards."""
    missing = str(tmp_path / "no-engine" / "python")
    QgsSettings().setValue("landcover/engine_python", missing)
    forget_schemas()
    plugin.provider.refreshAlgorithms()
    yield missing
    QgsSettings().remove("landcover/engine_python")
    forget_schemas()
    plugin.provider.refreshAlgorithms()


def test_every_algorithm_is_listed_without_an_engine_and_running_one_says_how_to_set_it_up(
        no_engine: str, scene_files) -> None:
    import processing

    listed = sorted(algorithm.id() for algorithm in QgsApplication.processingRegistry().providerById(
        "landcover").algorithms())
    assert listed == ALGORITHM_IDS and len(listed) == 11
    with pytest.raises(QgsProcessingException, match="Set up engine…") as refusal:
        processing.run("landcover:vectorize", {"INPUT": str(scene_files["image"]), "OUTPUT": "TEMPORARY_OUTPUT"})
    assert "LANDCOVER_PYTHON" in str(refusal.value) and no_engine in str(refusal.value)


def test_an_engine_without_a_command_lists_its_algorithm_which_says_what_to_install(
        plugin, scene_files, engine_python: str, tmp_path: Path) -> None:
    import processing

    description = dict(current_schema(engine_python).description)
    description["commands"] = {name: command for name, command in description["commands"].items()
                               if name != "pseudo-label"}
    (tmp_path / "older.json").write_text(json.dumps(description))
    QgsSettings().setValue("landcover/engine_python",
                           recording_engine(tmp_path, engine_python, tmp_path / "older.json"))
    forget_schemas()
    plugin.provider.refreshAlgorithms()
    try:
        assert QgsApplication.processingRegistry().algorithmById("landcover:pseudolabel") is not None
        with pytest.raises(QgsProcessingException, match=r"has no 'pseudo-label' command.*Install engine"):
            processing.run("landcover:pseudolabel", {"MODEL": [str(tmp_path / "older.json")],
                                                     "INPUT": [str(scene_files["image"])], "OUTPUT": str(tmp_path)})
    finally:
        QgsSettings().remove("landcover/engine_python")
        forget_schemas()
        plugin.provider.refreshAlgorithms()


def test_model_file_parameters_offer_model_files(plugin) -> None:
    registry = QgsApplication.processingRegistry()
    for algorithm_id in ("landcover:classify", "landcover:classify_folder", "landcover:evaluate",
                         "landcover:pseudolabel"):
        assert registry.algorithmById(algorithm_id).parameterDefinition("MODEL").createFileFilter() == \
            MODEL_FILE_FILTER, algorithm_id
    assert registry.algorithmById("landcover:finetune").parameterDefinition("MODEL").fileFilter() == MODEL_FILE_FILTER
    assert "*.pt" in MODEL_FILE_FILTER.split(";;")[0]


def test_the_metadata_names_every_algorithm() -> None:
    metadata = (REPO / "metadata.txt").read_text(encoding="utf-8")
    about = next(line for line in metadata.splitlines() if line.startswith("about="))
    assert sorted(set(re.findall(r"landcover:\w+", about))) == ALGORITHM_IDS


# -- qgis_process, headless ---------------------------------------------------------------------------------------


def test_qgis_process_lists_every_algorithm_without_an_engine(tmp_path: Path) -> None:
    qgis_process = qgis_process_with_plugin(tmp_path, str(tmp_path / "no-engine" / "python"))
    listing = qgis_process("list")
    assert sorted(set(re.findall(r"landcover:\w+", listing.stdout))) == ALGORITHM_IDS, listing.stdout[-3000:]
    run = qgis_process("run", "landcover:vectorize", "--", f"INPUT={tmp_path / 'any.tif'}",
                       f"OUTPUT={tmp_path / 'p.gpkg'}")
    assert run.returncode != 0 and "Set up engine…" in run.stdout + run.stderr

