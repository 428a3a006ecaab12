"""Engine benchmark (``make bench``): every figure is a ratio against a baseline measured in this run.

1. Pipeline overhead: end-to-end ``predict`` time / bare forward passes of the same backend over the
   same tiles (already in memory, already normalised).
2. Memory: peak RSS of a ``landcover predict`` child process on a 65536 x 4096 raster / on a 2048² raster
   (as many pixels as 16384², four times wider: memory must grow with neither width nor height).
2b. Memory over raster size: peak RSS of ``predict`` on a 16384² raster / on a 1024² one in 512 px tiles (the
   setting issue #23 measured; ``--square-large 30000`` for its largest size, about 4x longer), same sparse
   rasters as (2), one tile per forward pass. ``--memory-only`` runs (2b) alone (a few minutes on 2 cores).
3. CPU path: ``predict`` / a bare onnxruntime loop over the same tiles, next to a bare torch eager loop.

Sizes keep the run within minutes on a 2-core CPU: (1) and (3) use a 4096² RGB raster in 512 px tiles
with 10% overlap (81 tiles; the setting the peer Deepness was measured in), so predict's fixed start-up
costs (model loading, onnxruntime session) are amortised as on a real scene; (2) uses 256 px tiles
without overlap on rasters where one tile in eight (diagonal stripes, on every tile row and column) holds
data and the rest is nodata, so only an eighth of the tiles reach the model, while every row is still
read, blended and written. See :mod:`benchmarks.inference`.
4. Histogram matching: ``histmatch`` time and peak RSS / ``skimage.exposure.match_histograms`` (whole
   rasters in memory) on the same 8192² RGB uint8 scene and 2048² reference, each in its own child.
5. Histogram matching memory: peak RSS on a 32768² raster (16x the pixels) / on the 8192² one.
   ``--histmatch-only`` runs (4) and (5) alone (about 2 minutes); see :mod:`benchmarks.histmatch`.
6. Ensembles and test-time augmentation: ``predict`` time with ``--tta d4`` and with a 3-model ensemble
   / single-model ``predict`` of the same raster (2048² RGB, 256 px tiles, 10% overlap, ONNX exports
   cached beforehand). ``--ensemble-only`` runs (6) alone (a few minutes on 2 cores).
7. Training: seconds per step of ``landcover train``'s loop / of bare forward+backward passes on one batch
   in memory, both built from one training configuration (see :mod:`benchmarks.training`).
   ``--training-only`` runs (7) alone.

Run from the repository root: ``python -m benchmarks [--json FILE]``.
"""

from __future__ import annotations

import argparse
from typing import Any

from benchmarks.common import write_json
from benchmarks.histmatch import bench_histmatch
from benchmarks.inference import bench_ensemble, bench_inference, bench_square_memory
from benchmarks.training import bench_training


def main(argv: list[str] | None = None) -> int:
    """Runs the benchmark (or one part of it) and prints every figure as a ratio against its baseline."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--speed-size", type=int, default=4096)
    parser.add_argument("--speed-tile", type=int, default=512)
    parser.add_argument("--small", type=int, default=2048)
    parser.add_argument("--large-width", type=int, default=65536)
    parser.add_argument("--large-height", type=int, default=4096)
    parser.add_argument("--memory-tile", type=int, default=256)
    parser.add_argument("--batch-size", type=int, default=2)
    parser.add_argument("--square-small", type=int, default=1024, help="side of the small raster of (2b)")
    parser.add_argument("--square-large", type=int, default=16384, help="side of the large raster of (2b)")
    parser.add_argument("--square-tile", type=int, default=512, help="tile size of (2b)")
    parser.add_argument("--memory-only", action="store_true", help="run only the memory-over-size figure (2b)")
    parser.add_argument("--histmatch-size", type=int, default=8192, help="side of the histmatch vs skimage raster")
    parser.add_argument("--histmatch-scale", type=int, default=4, help="side factor of the large histmatch raster")
    parser.add_argument("--histmatch-only", action="store_true", help="run only the histogram matching figures")
    parser.add_argument("--ensemble-size", type=int, default=2048, help="side of the TTA/ensemble raster")
    parser.add_argument("--ensemble-tile", type=int, default=256)
    parser.add_argument("--ensemble-only", action="store_true", help="run only the TTA and ensemble figures")
    parser.add_argument("--training-only", action="store_true", help="run only the training-loop figure")
    parser.add_argument("--json", help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    figures: dict[str, Any] = {}
    everything = not (args.training_only or args.histmatch_only or args.ensemble_only or args.memory_only)
    if everything:
        figures.update(bench_inference(args.speed_size, args.speed_tile, args.small,
                                       (args.large_width, args.large_height), args.memory_tile, args.batch_size))
    if everything or args.memory_only:
        figures.update(bench_square_memory(args.square_small, args.square_large, args.square_tile))
    if everything or args.histmatch_only:
        figures.update(bench_histmatch(args.histmatch_size, args.histmatch_scale))
    if everything or args.ensemble_only:
        figures.update(bench_ensemble(args.ensemble_size, args.ensemble_tile, args.batch_size))
    if everything or args.training_only:
        figures.update(bench_training())
    write_json(args.json, figures)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
