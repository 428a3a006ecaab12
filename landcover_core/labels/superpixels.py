"""Sparse labels spread to the superpixels that hold them: more labelled pixels, nearly as right.

A point or scribble says what its pixel is; the pixels of similar colour around it, one superpixel (SLIC
on the tile's bands), are very likely the same class. A superpixel takes a label only when every true
label in it agrees; the spread pixels are encoded as ``SPREAD_OFFSET × K + index`` so the loss can
weigh them below true labels (``--superpixel-weight``). Superpixels are computed per training tile, so
memory follows the tile, never the raster.

Measured on s2_korea (1% points of patches 0-6, 128 px tiles): SLIC of about 256 px per superpixel with
compactness 0.1 on per-tile standardised bands labels ~68% of the pixels, 96% of them right; 64 px
superpixels label ~52% at 90%.
"""

from __future__ import annotations

import numpy as np

from landcover_core.common.classes import IGNORE_INDEX

#: Spread labels read as ``SPREAD_OFFSET * K + index`` (pseudo-labels are ``K + index``, true ones ``index``).
SPREAD_OFFSET = 2
#: Pixels per superpixel (SLIC's ``n_segments`` is the tile's pixels over this).
SUPERPIXEL_PIXELS = 256
#: SLIC's compactness on standardised bands: low, so boundaries follow colour more than the grid.
COMPACTNESS = 0.1


def superpixels(image: np.ndarray) -> np.ndarray:
    """Superpixel ids (H, W) of one tile (C, H, W): SLIC on the bands standardised over the tile."""
    from skimage.segmentation import slic

    image = image.astype(np.float64)
    mean = image.mean(axis=(1, 2), keepdims=True)
    std = image.std(axis=(1, 2), keepdims=True)
    standard = (image - mean) / np.where(std > 0, std, 1.0)  # a flat band (alpha) must not divide by 0
    segments = max(1, image.shape[1] * image.shape[2] // SUPERPIXEL_PIXELS)
    return np.asarray(slic(standard, n_segments=segments, compactness=COMPACTNESS, channel_axis=0, start_label=0,
                           convert2lab=False, enforce_connectivity=True))


def spread_labels(labels: np.ndarray, segments: np.ndarray, num_classes: int) -> np.ndarray:
    """The labels with each unlabelled pixel of a superpixel whose true labels all agree set to the spread code.

    Args:
        labels: (H, W) class indices, ``K + index`` pseudo-labels or ``IGNORE_INDEX``; only true labels spread.
        segments: (H, W) superpixel ids from 0.
        num_classes: K.

    Returns:
        ``labels`` (same dtype) where unlabelled pixels of an agreeing superpixel read ``SPREAD_OFFSET * K + class``.
    """
    true = (labels >= 0) & (labels < num_classes)
    count = int(segments.max()) + 1
    votes = np.zeros((count, num_classes), dtype=np.int64)
    np.add.at(votes, (segments[true], labels[true].astype(np.int64)), 1)
    agreed = (votes > 0).sum(axis=1) == 1  # one class and only one: points that disagree spread nothing
    spread = np.where(agreed, votes.argmax(axis=1) + SPREAD_OFFSET * num_classes, IGNORE_INDEX)[segments]
    return np.where(labels == IGNORE_INDEX, spread, labels).astype(labels.dtype)
