"""The built-in demo: a generated scene with training polygons, trained, classified, vectorized, evaluated.

It runs the same commands an analyst would (printed as it goes), so it doubles as a tutorial.
"""

from __future__ import annotations

import shlex
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from landcover_core.demo.synthetic import make_scene
from landcover_core.errors import LandcoverError
from landcover_core.outputs.files import atomic_output
from landcover_core.progress import Reporter

DEMO_SIZE = 768


def run_demo(out: str | Path, epochs: int, reporter: Reporter,
             run_command: Callable[[list[str]], int]) -> dict[str, Path]:
    """Builds the demo scene in ``out`` and runs train, predict and evaluate on it.

    Args:
        out: output folder (created).
        epochs: training epochs (the default takes a few minutes on a 2-core CPU).
        reporter: progress reporter.
        run_command: runs a landcover command line (list of arguments) and returns its exit code.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    reporter.log(f"Generating the demo scene in {out}/ ...")
    scene = make_scene(out, size=DEMO_SIZE, bands=4, seed=7, polygons_per_class=8, polygon_radius=8.0,
                       nodata_border=12)
    if scene.polygons is None:  # the demo scene always has training polygons
        raise LandcoverError("The demo scene was generated without training polygons.")
    paths: dict[str, Path] = {
        "scene": scene.image, "truth": scene.truth, "labels": scene.polygons, "model": out / "model.pt",
        "classes": out / "classes.tif", "confidence": out / "confidence.tif", "polygons": out / "polygons.gpkg",
        "evaluation": out / "evaluation.json", "confusion": out / "confusion.png", "preview": out / "preview.png",
        "curves": out / "model.curves.png",
    }
    steps = [
        ["train", "--image", paths["scene"], "--labels", paths["labels"], "--class-field", "class",
         "--classes", scene.classes,
         "--out", paths["model"], "--preset", "cpu-quick", "--weights", "none", "--epochs", str(epochs)],
        ["predict", "--model", paths["model"], "--image", paths["scene"], "--out", paths["classes"],
         "--confidence", paths["confidence"], "--vector", paths["polygons"]],
        ["evaluate", "--prediction", paths["classes"], "--reference-raster", paths["truth"],
         "--out-json", paths["evaluation"], "--out-png", paths["confusion"]],
    ]
    for step in steps:
        args = [str(a) for a in step]
        reporter.log("\n$ landcover " + shlex.join(args))
        started = time.perf_counter()
        code = run_command(args)
        if code != 0:
            raise LandcoverError(f"The demo step 'landcover {args[0]}' failed (exit code {code}).")
        reporter.log(f"({args[0]} took {time.perf_counter() - started:.0f} s)")
    write_preview(paths["scene"], paths["classes"], paths["truth"], paths["preview"])
    return paths


def write_preview(scene: Path, classes: Path, truth: Path, path: Path) -> Path:
    """Scene (false colour), prediction and truth side by side, as a PNG."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import rasterio

    with rasterio.open(scene) as src:
        bands = [3, 2, 1] if src.count >= 3 else [1, 1, 1]
        rgb = np.moveaxis(src.read(bands), 0, -1).astype(np.float32)
    low, high = np.percentile(rgb[rgb > 0], (2, 98)) if (rgb > 0).any() else (0, 1)
    rgb = np.clip((rgb - low) / max(high - low, 1e-6), 0, 1)
    panels = [("scene (R,G,B)", rgb)]
    for title, raster in (("prediction", classes), ("truth", truth)):
        with rasterio.open(raster) as src:
            codes = src.read(1)
            colours = src.colormap(1)
        lut = np.zeros((256, 3), dtype=np.float32)
        for code, rgba in colours.items():
            lut[code] = np.array(rgba[:3]) / 255.0
        panels.append((title, lut[codes]))
    fig, axes = plt.subplots(1, 3, figsize=(15, 5.3))
    for axis, (title, image) in zip(axes, panels, strict=True):
        axis.imshow(image, interpolation="nearest")
        axis.set_title(title)
        axis.axis("off")
    fig.tight_layout()
    with atomic_output(path) as tmp:
        fig.savefig(tmp, dpi=90, format="png")
    plt.close(fig)
    return path
