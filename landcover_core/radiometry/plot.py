"""PNG figure of histogram matching: per band, histograms and cumulative histograms (matplotlib, headless)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from landcover_core.outputs.files import atomic_output
from landcover_core.radiometry.histograms import BandHistogram, RasterHistogram

#: Most bins of a histogram (8-bit data gets one bin per value).
BINS = 256


def bin_edges(histograms: list[BandHistogram]) -> np.ndarray:
    """Common bin edges over the three distributions: one bin per integer value where they fit in :data:`BINS`."""
    low = min(h.support()[0][0] for h in histograms)
    high = max(h.support()[0][-1] for h in histograms)
    integers = all(np.dtype(h.dtype).kind in "iu" for h in histograms)
    if integers and high - low < BINS:
        return np.arange(low - 0.5, high + 1.0)
    if high == low:
        return np.array([low - 0.5, high + 0.5])
    return np.linspace(low, high, BINS + 1)


def plot_histograms(source: RasterHistogram, reference: RasterHistogram, result: RasterHistogram,
                    path: str | Path) -> Path:
    """One row per band: normalised histogram (left) and cumulative histogram (right) of the three rasters."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    rows = len(source.bands)
    fig, axes = plt.subplots(rows, 2, figsize=(11, 3.2 * rows), squeeze=False)
    # The result first and light: matched integer data is spiky (some values are never produced) and
    # would hide the rest.
    series = (("result", result, "tab:green"), ("source", source, "tab:blue"), ("reference", reference, "tab:orange"))
    for i, (left, right) in enumerate(axes):
        edges = bin_edges([raster.histograms[i] for _, raster, _ in series])
        centres = (edges[1:] + edges[:-1]) / 2
        for label, raster, colour in series:
            hist = raster.histograms[i]
            cdf = hist.cdf_at(edges)
            alpha = 0.45 if raster is result else 1.0
            left.step(centres, np.diff(cdf), where="mid", color=colour, alpha=alpha, linewidth=1.0,
                      label=f"{label} (band {raster.bands[i]})")
            right.plot(edges, cdf, color=colour, linestyle="--" if raster is result else "-", label=label)
        left.set_title(f"Band {source.bands[i]}: histogram")
        right.set_title(f"Band {source.bands[i]}: cumulative histogram")
        left.set_ylabel("fraction of pixels")
        right.set_ylim(0, 1.02)
        left.legend(fontsize=8)
        right.legend(fontsize=8, loc="lower right")
    axes[-1][0].set_xlabel("value")
    axes[-1][1].set_xlabel("value")
    fig.suptitle(f"{Path(source.source).name} matched to {Path(reference.source).name}")
    fig.tight_layout()
    with atomic_output(path) as tmp:
        fig.savefig(tmp, dpi=90, format="png")
    plt.close(fig)
    return Path(path)
