"""predict-batch onto a full disk (#23): the batch stops with exit 2 naming the folder, nothing half-written.

Uses the small tmpfs of ``test_no_silent_wrong_result`` (root only, else skipped).
"""

from __future__ import annotations

import re
from pathlib import Path

from inference_fixtures import write_image
from test_no_silent_wrong_result import _fill, big, full_folder  # noqa: F401 - fixtures


def test_predict_batch_whose_scene_does_not_fit_stops_with_exit_2(run, big: dict[str, Path],  # noqa: F811
                                                                  full_folder: Path,  # noqa: F811
                                                                  tmp_path: Path) -> None:
    """A full disk is not a scene's bad input: the batch stops (exit 2, not 3) and leaves no partial output."""
    images = tmp_path / "images"
    images.mkdir()
    for name in ("a.tif", "b.tif"):
        write_image(images / name, 128, 128)  # its float32 confidence alone needs 64 KiB
    _fill(full_folder, pages_left=6)  # the lock files and a few pages: no class raster fits
    code, _, err = run("predict-batch", "--model", big["model"], "--images", images, "--out-dir",
                       full_folder / "batch", "--tile-size", "64", "--backend", "torch", "--workers", "1",
                       "--confidence", "--quiet")
    assert code == 2, err
    # The scene's output is named (not the summary, which a batch going on to the end failed to write too).
    scene_output = re.escape(str(full_folder / "batch")) + r"/[ab]\.(classes|confidence)\.tif"
    assert re.search(rf"No space left on device \({scene_output}\); .* The batch was stopped", err), err
    assert "Traceback" not in err and "scenes failed" not in err
    left = sorted(p.name for p in (full_folder / "batch").rglob("*"))
    assert left == [], left  # no partial raster, lock file, completion record or summary
    assert {p.name for p in full_folder.iterdir()} <= {"filler", "batch"}
