"""Ensembles: several models (or one) that share a class scheme, each with its own input preparation.

Members may differ in bands, normalisation, histogram reference and training tile size. A tile is
read once with the union of the members' bands; each member takes its own bands from it, matches
them to its own histogram reference (when it has one), normalises them with its own mean and standard
deviation and, with test-time augmentation, sees every flipped/rotated view of it. The members'
probabilities are averaged with weights.

All members run on one tile grid: ``--tile-size`` or the first member's training tile size (a
fully convolutional model accepts any tile; a member trained on other tiles sees more or less
context than in training).

Uncertainty (``predict --uncertainty``):

- band 1, the normalised entropy of the averaged probabilities, ``H(p) / ln K`` in [0, 1];
- band 2 (several members only), the members' disagreement: the weighted Jensen-Shannon divergence
  ``H(sum_i w_i p_i) - sum_i w_i H(p_i)`` (the members' mean KL divergence to the average; the
  "mutual information" of deep ensembles), also divided by ``ln K``: 0 when all members agree.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import rasterio

from landcover_core.config import Tta
from landcover_core.errors import InputError
from landcover_core.inference.runners import Runner
from landcover_core.models.modelfile import ModelSpec
from landcover_core.progress import Reporter
from landcover_core.radiometry.histograms import RasterHistogram
from landcover_core.radiometry.matching import HistogramMatcher

#: Views of test-time augmentation as (quarter turns, flip of the columns); each is undone on the output.
TTA_VIEWS: dict[str, tuple[tuple[int, bool], ...]] = {
    "none": ((0, False),),
    # The four flips: none, left-right, up-down (= half turn + left-right), both (= half turn).
    "flips": ((0, False), (0, True), (2, True), (2, False)),
    "d4": tuple((k, flip) for k in range(4) for flip in (False, True)),
}


def to_view(x: np.ndarray, turns: int, flip: bool) -> np.ndarray:
    """A (..., H, W) array seen rotated by ``turns`` quarter turns, then flipped left-right."""
    x = np.rot90(x, turns, axes=(-2, -1))
    return x[..., ::-1] if flip else x


def from_view(x: np.ndarray, turns: int, flip: bool) -> np.ndarray:
    """Undoes :func:`to_view`."""
    if flip:
        x = x[..., ::-1]
    return np.rot90(x, -turns, axes=(-2, -1))


def entropy(probs: np.ndarray, axis: int = 1) -> np.ndarray:
    """Shannon entropy (nats) of probabilities along ``axis``."""
    p = np.clip(probs, 1e-12, 1.0)
    return -(probs * np.log(p)).sum(axis=axis)


def parse_model_weights(text: str | None, count: int) -> list[float]:
    """Parses ``--model-weights`` (one non-negative weight per model) into weights summing to 1.

    Raises:
        InputError: not numbers, not one per model, negative, or all zero.
    """
    if not text:
        return [1.0 / count] * count
    try:
        weights = [float(v) for v in text.split(",")]
    except ValueError:
        raise InputError(f"--model-weights must be comma-separated numbers, one per --model, not '{text}'.") from None
    if len(weights) != count:
        raise InputError(f"--model-weights has {len(weights)} value(s) but {count} model(s) were given.")
    if any(not np.isfinite(w) or w < 0 for w in weights) or sum(weights) <= 0:
        raise InputError(f"--model-weights must be non-negative numbers, not all zero: '{text}'.")
    return [w / sum(weights) for w in weights]


def check_ensemble(specs: Sequence[ModelSpec], paths: Sequence[str | Path]) -> None:
    """Models of an ensemble must share their classes (codes and names, in order).

    Raises:
        InputError: naming the first member and the one that differs.
    """
    first = specs[0]
    for spec, path in zip(specs[1:], paths[1:], strict=True):
        if spec.scheme.codes != first.scheme.codes or spec.scheme.names != first.scheme.names:
            raise InputError(
                f"Models of an ensemble must share their classes: {paths[0]} has {first.scheme.names} "
                f"(codes {first.scheme.codes}), {path} has {spec.scheme.names} (codes {spec.scheme.codes})."
            )


def model_bands(dataset: rasterio.DatasetReader, spec: ModelSpec, model: str | Path,
                bands: Sequence[int] | None) -> list[int]:
    """The raster bands fed to a model: ``bands`` if given, else the model's, checked against the raster."""
    return check_bands(spec, model, dataset.count, dataset.name, bands)


def check_bands(spec: ModelSpec, model: str | Path, count: int | None, raster: str,
                bands: Sequence[int] | None) -> list[int]:
    """The bands of a raster of ``count`` bands fed to a model: ``bands`` if given, else the model's.

    Args:
        spec: the model's description.
        model: the model, for messages.
        count: the raster's number of bands; None: no raster to check against (only ``bands``' length is).
        raster: the raster, for messages.
        bands: ``--bands``, or None for the model's own.

    Raises:
        InputError: another number of bands than the model takes, or a band the raster lacks.
    """
    chosen = list(bands) if bands else list(spec.bands)
    if len(chosen) != spec.in_channels:
        raise InputError(f"{len(chosen)} band(s) were chosen ({chosen}) but {model} was trained on "
                         f"{spec.in_channels} bands.")
    if min(chosen) < 1:
        raise InputError(f"Bands are 1-based: {min(chosen)} is not a band number ({chosen}).")
    if count is not None and max(chosen) > count:
        raise InputError(
            f"{model} reads bands {chosen} but {raster} has {count} band(s); "
            f"use a raster with the bands the model was trained on, or pick {spec.in_channels} bands with --bands."
        )
    return chosen


def band_union(member_bands: Sequence[Sequence[int]]) -> tuple[list[int], list[list[int]]]:
    """The bands to read (the first member's, then the others' extra ones) and each member's positions in them."""
    union: list[int] = []
    for bands in member_bands:
        union.extend(b for b in bands if b not in union)
    return union, [[union.index(b) for b in bands] for bands in member_bands]


class Ensemble:
    """One or more runners sharing classes; their probabilities are averaged with weights.

    Args:
        runners: the members.
        weights: one per member (normalised to sum 1); default equal.
        names: the members' model files, for messages.
    """

    def __init__(self, runners: Sequence[Runner], weights: Sequence[float] | None = None,
                 names: Sequence[str | Path] | None = None) -> None:
        self.runners = list(runners)
        total = float(sum(weights)) if weights is not None else 0.0
        self.weights = [w / total for w in weights] if weights is not None and total > 0 else \
            [1.0 / len(self.runners)] * len(self.runners)
        if len(self.weights) != len(self.runners):
            raise InputError(f"{len(self.weights)} weight(s) given for {len(self.runners)} model(s).")
        self.names = [str(n) for n in names] if names else [f"model {i + 1}" for i in range(len(self.runners))]
        self._norm = [
            (np.asarray(r.spec.mean, np.float32)[:, None, None], np.asarray(r.spec.std, np.float32)[:, None, None])
            for r in self.runners
        ]
        self.matchers: list[HistogramMatcher | None] = [None] * len(self.runners)
        # Until :meth:`input_bands` sees a raster, a batch holds the union of the members' own bands.
        self.bands, self.channels = band_union([r.spec.bands for r in self.runners])

    @property
    def spec(self) -> ModelSpec:
        """The first member's description (its classes are every member's)."""
        return self.runners[0].spec

    @property
    def backend(self) -> str:
        """The first member's backend (``onnx`` or ``torch``)."""
        return self.runners[0].backend

    def forward_passes(self, tta: Tta = "none") -> int:
        """Forward passes per tile: members x views."""
        return len(self.runners) * len(TTA_VIEWS[tta])

    def input_bands(self, dataset: rasterio.DatasetReader, bands: Sequence[int] | None = None) -> list[int]:
        """The raster bands to read for every member, checked against ``dataset`` (sets each member's share).

        Args:
            dataset: the raster to classify.
            bands: ``--bands``: the same bands for every member (each must take that many); default:
                each member's own bands.

        Raises:
            InputError: a member takes another number of bands, or the raster lacks one.
        """
        return self.use_bands([model_bands(dataset, r.spec, name, bands)
                               for r, name in zip(self.runners, self.names, strict=True)])

    def use_bands(self, member_bands: Sequence[Sequence[int]]) -> list[int]:
        """Sets the raster bands each member reads (checked by the caller); returns the bands to read."""
        self.bands, self.channels = band_union(member_bands)
        return self.bands

    def match_histograms(self, image: str | Path, enabled: bool = True, reporter: Reporter | None = None) -> list[str]:
        """Fits the members that carry a histogram reference to ``image`` (one streaming scan of the bands read).

        Args:
            image: the raster about to be classified (after :meth:`input_bands`).
            enabled: False feeds the image as it is (``--no-histmatch``).
            reporter: progress of the scan.

        Returns:
            The references the image is matched to (file names), empty when none.
        """
        from landcover_core.radiometry.histograms import compute_histogram

        self.matchers = [None] * len(self.runners)
        source = None
        for i, (runner, channels) in enumerate(zip(self.runners, self.channels, strict=True)):
            if enabled and runner.spec.histogram:
                source = source or compute_histogram(image, self.bands, reporter, what="image")
                own = RasterHistogram(source.source, tuple(source.bands[c] for c in channels),
                                      tuple(source.histograms[c] for c in channels))
                self.matchers[i] = HistogramMatcher.fit(own, RasterHistogram.from_dict(runner.spec.histogram))
        return [str(r.spec.histogram["source"]) for r, m in zip(self.runners, self.matchers, strict=True)
                if m is not None and r.spec.histogram]

    def __call__(self, batch: np.ndarray, valid: np.ndarray, tta: Tta = "none") -> np.ndarray:
        """Probabilities (N, K, T, T) of a raw batch (N, C, T, T) of :attr:`bands` in raster units."""
        return self.predict(batch, valid, tta)[0]

    def predict(self, batch: np.ndarray, valid: np.ndarray,
                tta: Tta = "none") -> tuple[np.ndarray, np.ndarray | None]:
        """The averaged probabilities (N, K, T, T) and, with several members, their disagreement (N, T, T).

        Args:
            batch: raw tiles (N, C, T, T) of :attr:`bands`, in raster units.
            valid: (N, T, T) pixels with data.
            tta: test-time augmentation views each member sees (see :data:`TTA_VIEWS`).
        """
        if tta not in TTA_VIEWS:
            raise InputError(f"--tta must be one of {', '.join(TTA_VIEWS)}, not {tta!r}.")
        total: np.ndarray | None = None
        member_entropy: np.ndarray | None = None
        for runner, channels, (mean, std), matcher, weight in zip(
                self.runners, self.channels, self._norm, self.matchers, self.weights, strict=True):
            raw = batch[:, channels]
            if matcher is not None:
                raw = np.stack([matcher.apply(t, v) for t, v in zip(raw, valid, strict=True)])
            x = (raw - mean) / np.maximum(std, 1e-12)
            x *= valid[:, None]
            probs = self._views(runner, x, TTA_VIEWS[tta])
            total = probs * weight if total is None else total + probs * weight
            if len(self.runners) > 1:
                part = entropy(probs) * weight
                member_entropy = part if member_entropy is None else member_entropy + part
        assert total is not None
        if member_entropy is None:
            return total, None
        disagreement = (entropy(total) - member_entropy) / np.log(total.shape[1])
        return total, np.clip(disagreement, 0.0, 1.0).astype(np.float32)

    @staticmethod
    def _views(runner: Runner, x: np.ndarray, views: Sequence[tuple[int, bool]]) -> np.ndarray:
        """A member's probabilities, averaged over the test-time augmentation views."""
        total = None
        for turns, flip in views:
            probs = runner(np.ascontiguousarray(to_view(x, turns, flip)))
            probs = from_view(probs, turns, flip)
            total = probs if total is None else total + probs
        assert total is not None
        return total / len(views) if len(views) > 1 else total
