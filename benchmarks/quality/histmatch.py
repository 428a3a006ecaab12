"""How much of the accuracy lost to a radiometric shift does histogram matching win back (real data)?

Trains on real Sentinel-2-like patches (``../shared/data/s2_korea``) with the training scene as the
histogram reference, then classifies held-out patches three ways: as they are, darkened and
gamma-shifted (another date, sun angle or processing) with matching, and the same shifted copies
with ``--no-histmatch``. Prints mIoU for each and the share of the loss recovered::

    python -m benchmarks.quality.histmatch [--data DIR] [--epochs 8]

``--data`` defaults to ``../shared/data/s2_korea`` beside the repository (see :mod:`benchmarks.quality.common`).

It skips (exit 0) when the data is absent. Not a test: the figures depend on training.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import numpy as np
import rasterio

from benchmarks.quality.common import BANDS, TEST, TRAIN, data_present, default_data, image, mask
from landcover_core.assessment.evaluate import evaluate_prediction
from landcover_core.config import PredictOptions, TrainConfig
from landcover_core.data.sources import TrainingData
from landcover_core.inference.predict import Outputs, predict_raster
from landcover_core.progress import Reporter
from landcover_core.training.trainer import train_model

TRAIN_PATCHES = tuple(TRAIN)
TEST_PATCHES = tuple(TEST)


def shifted_copy(source: Path, out: Path, gain: float = 0.6, gamma: float = 1.6) -> Path:
    """A darker, gamma-shifted copy of an 8-bit image (alpha and nodata kept)."""
    with rasterio.open(source) as src:
        profile, pixels = src.profile, src.read()
        alpha = [i for i, ci in enumerate(src.colorinterp) if ci.name == "alpha"]
    shifted = np.clip(255.0 * gain * (pixels / 255.0) ** gamma, 0, 255).round().astype(pixels.dtype)
    shifted[alpha] = pixels[alpha]
    with rasterio.open(out, "w", **profile) as dst:
        dst.write(shifted)
    return out


def main(argv: list[str] | None = None) -> int:
    """Runs the experiment and prints the table."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.quality.histmatch",
                                     description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data", default=str(default_data()))
    parser.add_argument("--epochs", type=int, default=8)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    data = Path(args.data)
    if not data_present(data):
        print(f"skipped: no s2_korea data in {data}")
        return 0
    reporter = Reporter(quiet=True)
    with tempfile.TemporaryDirectory(prefix="landcover-histmatch-quality-") as folder:
        work = Path(folder)
        images = [str(image(data, k)) for k in TRAIN_PATCHES]
        config = TrainConfig(out=str(work / "model.pt"), arch="mobilenet_v3_large", tile_size=128, batch_size=8,
                             epochs=args.epochs, samples_per_epoch=256, class_weights="auto", seed=args.seed,
                             reference=images[0])
        masks = [str(mask(data, k)) for k in TRAIN_PATCHES]
        training = TrainingData(images=images, label_rasters=masks, bands=BANDS)
        result = train_model(config, training, reporter)
        rows: dict[str, list[float]] = {"original": [], "shifted, matched": [], "shifted, not matched": []}
        for k in TEST_PATCHES:
            original, reference = image(data, k), mask(data, k)
            shifted = shifted_copy(original, work / f"shifted_{k}.tif")
            for name, source, match in (("original", original, True), ("shifted, matched", shifted, True),
                                        ("shifted, not matched", shifted, False)):
                out = work / f"{name.replace(', ', '_').replace(' ', '_')}_{k}.tif"
                predict_raster([result.model], source, Outputs(out), PredictOptions(histmatch=match), reporter=reporter)
                rows[name].append(evaluate_prediction(out, reference_raster=reference)["miou"])
    means = {name: float(np.mean(values)) for name, values in rows.items()}
    lost = means["original"] - means["shifted, not matched"]
    recovered = (means["shifted, matched"] - means["shifted, not matched"]) / lost if lost > 0 else float("nan")
    print(f"training: {len(TRAIN_PATCHES)} patches, {args.epochs} epochs, best val mIoU {result.best_val_miou:.3f}")
    print(f"{'test patches ' + ','.join(map(str, TEST_PATCHES)):32} mIoU (per patch)")
    for name, values in rows.items():
        print(f"{name:32} {means[name]:.3f} ({', '.join(f'{v:.3f}' for v in values)})")
    print(f"share of the loss recovered by matching: {recovered:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
