"""The packaged plugin in the real QGIS desktop (under Xvfb): it loads, the dock opens, a screenshot is kept."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
from pathlib import Path

import pytest
from conftest import REPO
from desktop_profile import make_profile, write_startup_script

TOOLS = ("xvfb-run", "qgis", "import", "make", "zip")
# Set by pytest-qgis for the in-process QGIS; the desktop must pick its own display and profile.
_TEST_ONLY_ENV = ("QT_QPA_PLATFORM", "QGIS_CUSTOM_CONFIG_PATH", "QGIS_OPTIONS_PATH")


@pytest.mark.skipif(any(shutil.which(tool) is None for tool in TOOLS),
                    reason=f"needs {', '.join(TOOLS)} (Xvfb, the QGIS desktop, imagemagick)")
@pytest.mark.parametrize("locale", ["en", "fr", "es", "pt"])
def test_packaged_plugin_opens_its_dock_in_qgis_desktop(scene_files, engine_python: str, tmp_path: Path,
                                                        locale: str) -> None:
    """In each shipped language (translations are longer than English) every section fits the 360 px panel."""
    subprocess.run(["make", "-s", "package"], cwd=REPO, check=True, timeout=120)
    plugin_zip = REPO / "build" / "landcover_qgis.zip"
    make_profile(tmp_path / "profiles", plugin_zip, locale)
    assert (tmp_path / "profiles/profiles/default/python/plugins/landcover_qgis/engine/landcover_core").is_dir()
    screenshot = tmp_path / "qgis_dock.png"
    script = write_startup_script(tmp_path / "startup.py", [str(scene_files["image"]), str(scene_files["labels"])],
                                  str(screenshot), delay_ms=15000)
    env = {key: value for key, value in os.environ.items() if key not in _TEST_ONLY_ENV}
    env["LANDCOVER_PYTHON"] = engine_python
    desktop = subprocess.Popen(
        ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", "qgis", "--profiles-path", str(tmp_path / "profiles"),
         "--noversioncheck", "--nologo", "--code", str(script)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        start_new_session=True,  # one process group: xvfb-run, Xvfb and QGIS end together on a timeout
    )
    try:
        output, _ = desktop.communicate(timeout=180)
    except subprocess.TimeoutExpired:
        os.killpg(desktop.pid, signal.SIGKILL)
        output, _ = desktop.communicate()
        output += "\n[QGIS did not quit within 180 s]"
    kept = REPO / "build" / "screenshots"
    kept.mkdir(parents=True, exist_ok=True)
    for shot in tmp_path.glob("qgis_dock*.png"):
        shutil.copyfile(shot, kept / (shot.name if locale == "en" else f"{locale}_{shot.name}"))
    assert "landcover dock open" in output, output[-3000:]
    facts = json.loads(next(line[len("layout "):] for line in output.splitlines() if line.startswith("layout ")))
    # At the default 360 px the panel needs no more width than it has, and the actions show without scrolling.
    assert facts["dock_width"] <= 400 and facts["content_min_width"] <= facts["dock_width"], facts
    assert facts["train_button"] and facts["classify_button"] and facts["cancel_button"], facts
    clipped = json.loads(next(line[len("clipped "):] for line in output.splitlines() if line.startswith("clipped ")))
    assert clipped == {}, f"sections cut at the panel's right edge (content width, visible width): {clipped}"
    sections = {shot.name for shot in tmp_path.glob("qgis_dock_*.png")}  # named by the (translated) tab titles
    assert len(sections) == 4 and (locale != "en" or sections == {
        "qgis_dock_data.png", "qgis_dock_model.png", "qgis_dock_classify.png", "qgis_dock_results.png"}), sections
    assert locale == "en" or "qgis_dock_classify.png" not in sections, "the desktop showed the English panel"
    assert screenshot.is_file() and screenshot.stat().st_size > 10000, output[-3000:]
    assert desktop.returncode == 0, output[-3000:]
