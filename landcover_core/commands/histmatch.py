"""``landcover histmatch``: match a raster's band histograms to a reference raster's, streaming by windows."""

from __future__ import annotations

import argparse
from typing import Any

from landcover_core.progress import Reporter

NAME = "histmatch"
HELP = "match the histogram of each band of a raster to a reference raster (keeps type, georeferencing, nodata)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The source, the reference, their bands, the output and the optional plot."""
    parser.add_argument("--image", required=True, help="raster to adjust")
    parser.add_argument("--reference", required=True, help="raster whose band distributions to copy")
    parser.add_argument("--out", required=True,
                        help="GeoTIFF to write (same type, bands and georeferencing as --image)")
    parser.add_argument("--bands", help="bands of --image to match, e.g. 1,2,3 (default: all but alpha); "
                                        "others are copied unchanged")
    parser.add_argument("--reference-bands", help="bands of --reference, one per matched band (default: all but alpha)")
    parser.add_argument("--plot", help="PNG of each band's histogram and cumulative histogram before and after")


def run(args: argparse.Namespace, reporter: Reporter) -> tuple[dict[str, Any], dict[str, Any]]:
    """Matches with :func:`~landcover_core.radiometry.matching.match_raster`."""
    from landcover_core.common.raster import parse_bands
    from landcover_core.radiometry.matching import match_raster

    result = match_raster(args.image, args.reference, args.out, bands=parse_bands(args.bands),
                          reference_bands=parse_bands(args.reference_bands), plot=args.plot, reporter=reporter)
    summary = result["summary"]
    if not args.json_progress:
        for band in summary["bands"]:
            reporter.log(f"band {band['band']}: mean {band['source_mean']:.4g} -> {band['result_mean']:.4g} "
                         f"(reference {band['reference_mean']:.4g}), CDF distance {band['cdf_distance_before']:.3f} "
                         f"-> {band['cdf_distance_after']:.3f}")
    return result["outputs"], summary
