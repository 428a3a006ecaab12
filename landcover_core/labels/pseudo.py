"""True labels completed by pseudo-labels, for self-training.

Pseudo-labels are read as ``K + class index`` (K classes), so that one int16 label tile carries both
kinds through sampling, augmentation and masking; the loss weighs them less
(:class:`~landcover_core.training.losses.PartialCrossEntropy`) and block statistics fold them back to their
class. A pseudo-label never overrides a true label: where the true source has a label, it wins.
"""

from __future__ import annotations

import numpy as np
from rasterio.windows import Window

from landcover_core.common.classes import IGNORE_INDEX
from landcover_core.labels.base import LabelSource


class WithPseudoLabels:
    """A label source: the true labels where there are any, else the pseudo-labels (as ``K + index``).

    Args:
        pseudo: the pseudo-labels (e.g. a :class:`~landcover_core.labels.RasterLabels` of a pseudo-label raster),
            on the scheme of the true labels.
        true: the true labels, or None for an unlabeled scene. It belongs to its scene: :meth:`close`
            closes the pseudo-labels only.
    """

    def __init__(self, pseudo: LabelSource, true: LabelSource | None = None) -> None:
        if true is not None and true.scheme != pseudo.scheme:
            raise ValueError("true and pseudo-labels must share their class scheme")
        self.pseudo = pseudo
        self.true = true
        self.scheme = pseudo.scheme
        self.grid = pseudo.grid

    def read(self, window: Window) -> np.ndarray:
        """int16 labels of ``window``: true class indices, ``K + index`` for pseudo-labels, else IGNORE_INDEX."""
        pseudo = self.pseudo.read(window)
        out = np.where(pseudo >= 0, pseudo + len(self.scheme), IGNORE_INDEX)
        if self.true is not None:
            true = self.true.read(window)
            out = np.where(true >= 0, true, out)
        return out.astype(np.int16)

    def candidate_windows(self, size: int) -> list[Window]:
        """The windows of either source, row by row."""
        windows = {(w.col_off, w.row_off, w.width, w.height): w for w in self.pseudo.candidate_windows(size)}
        if self.true is not None:
            windows.update({(w.col_off, w.row_off, w.width, w.height): w for w in self.true.candidate_windows(size)})
        return [windows[key] for key in sorted(windows, key=lambda k: (k[1], k[0]))]

    def close(self) -> None:
        """Closes the pseudo-labels (the true labels belong to their scene)."""
        close = getattr(self.pseudo, "close", None)
        if close is not None:
            close()
