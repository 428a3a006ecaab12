"""Where training tiles come from: labeled blocks, a spatially disjoint split, random tiles.

The scene is cut into a grid of blocks. Only blocks holding labels are used; each goes wholly to
training or to validation, and labels of the other set are masked out of every tile, so validation
pixels never reach training (an honest, spatially disjoint split). Training tiles are placed at random
offsets around training blocks (random crops), then flipped and rotated.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
from rasterio.windows import Window

from landcover_core.common.classes import IGNORE_INDEX
from landcover_core.config import SCENE_SPLIT_MIN, ValSplit
from landcover_core.data.scenes import Scene
from landcover_core.errors import InputError
from landcover_core.labels.superpixels import spread_labels, superpixels
from landcover_core.progress import Reporter

UNUSED, TRAIN, VAL = 0, 1, 2
MIN_BLOCKS = 8
MIN_BLOCK_SIZE = 16


@dataclass(frozen=True)
class Block:
    """A grid block holding labels."""

    scene: int
    row: int  # block row/column in the scene's block grid
    col: int
    counts: np.ndarray  # labeled pixels per class


@dataclass
class BlockIndex:
    """The labeled blocks of all scenes, their split and their block size."""

    size: int
    blocks: list[Block]
    states: list[np.ndarray]  # per scene: UNUSED / TRAIN / VAL per block
    by_scene: bool = False  # the split gave whole scenes to validation

    def counts(self, state: int) -> np.ndarray:
        """Labeled pixels per class over the blocks in ``state``."""
        chosen = [b.counts for b in self.blocks if self.states[b.scene][b.row, b.col] == state]
        return np.sum(chosen, axis=0) if chosen else np.zeros_like(self.blocks[0].counts)

    def of_state(self, state: int) -> list[Block]:
        """The blocks in ``state`` (TRAIN, VAL or UNUSED)."""
        return [b for b in self.blocks if self.states[b.scene][b.row, b.col] == state]


def index_blocks(scenes: list[Scene], num_classes: int, tile_size: int, reporter: Reporter) -> BlockIndex:
    """Finds the labeled blocks, shrinking blocks when labels are few so a split stays possible."""
    size = tile_size
    while True:
        blocks = scan_blocks(scenes, num_classes, size, reporter)
        if len(blocks) >= MIN_BLOCKS or size // 2 < MIN_BLOCK_SIZE:
            break
        size //= 2
    if not blocks:
        raise InputError("The labels contain no labeled pixel over valid image pixels (all unlabeled or nodata).")
    states = [np.zeros((-(-s.grid.height // size), -(-s.grid.width // size)), dtype=np.uint8) for s in scenes]
    return BlockIndex(size, blocks, states)


def scan_blocks(scenes: list[Scene], num_classes: int, size: int, reporter: Reporter) -> list[Block]:
    """The blocks of ``size`` px of the scenes that hold labels, with their class counts (one scan)."""
    candidates = [(i, w) for i, scene in enumerate(scenes) for w in scene.labels.candidate_windows(size)]
    blocks = []
    for scene_id, window in reporter.track(candidates, len(candidates), "index", "finding labeled pixels"):
        _, labels = scenes[scene_id].read(window)
        # Pseudo-labels read as K + index (labels.pseudo): they count for their class.
        counts = np.bincount(labels[labels >= 0].ravel() % num_classes, minlength=num_classes)[:num_classes]
        if counts.sum():
            blocks.append(Block(scene_id, int(window.row_off) // size, int(window.col_off) // size, counts))
    return blocks


def split_blocks(index: BlockIndex, num_scenes: int, val_fraction: float, seed: int,
                 unit: ValSplit = "auto") -> None:
    """Assigns each labeled block to training or validation (in place).

    ``unit`` says what goes wholly to validation: ``scenes`` (an honest test on scenes the model never saw, but
    each held-out scene is labels and variety it never trains on), ``blocks`` (spatially disjoint blocks of
    every scene, each scene giving about ``val_fraction`` of its blocks) or ``auto`` (scenes from
    :data:`SCENE_SPLIT_MIN` scenes on, else blocks). Each class that occurs in two or more units is given to
    validation once first, so validation covers every class it can; a unit holding the only labels of a class
    stays in training, so the model can learn that class.

    Raises:
        InputError: ``scenes`` with fewer than two labelled scenes.
    """
    rng = np.random.default_rng(seed)
    by_scene = unit == "scenes" or (unit == "auto" and num_scenes >= SCENE_SPLIT_MIN)
    labelled_scenes = len({b.scene for b in index.blocks})
    if unit == "scenes" and labelled_scenes < 2 and val_fraction > 0:
        raise InputError(f"--val-split scenes holds out whole scenes, but only {labelled_scenes} scene has labels: "
                         "give labels on two or more scenes, or use --val-split blocks.")
    index.by_scene = by_scene
    unit_of = [b.scene if by_scene else i for i, b in enumerate(index.blocks)]
    units = sorted(set(unit_of))
    unit_counts = {u: np.zeros_like(index.blocks[0].counts) for u in units}
    for block, unit_id in zip(index.blocks, unit_of, strict=True):
        unit_counts[unit_id] += block.counts
    val: set[int] = set()
    if val_fraction > 0 and len(units) >= 2:
        total = sum(c.sum() for c in unit_counts.values())
        holders_of = np.sum([c > 0 for c in unit_counts.values()], axis=0)
        shuffled = rng.permutation(units) if by_scene else _spread_over_scenes(index, rng)
        # Units holding all the labels of some class stay in training: the model must see that class.
        order = [u for u in shuffled if not np.any((unit_counts[u] > 0) & (holders_of == 1))]
        for cls in np.argsort([sum(c[k] for c in unit_counts.values()) for k in range(len(index.blocks[0].counts))]):
            holders = [u for u in order if unit_counts[u][cls] > 0 and u not in val]
            if any(unit_counts[u][cls] for u in val) or holders_of[cls] < 2 or not holders:
                continue
            val.add(holders[0])
        for unit_id in order:
            if sum(unit_counts[u].sum() for u in val) >= val_fraction * total:
                break
            if unit_id not in val and len(val) < len(units) - 1:
                val.add(unit_id)
        if len(val) >= len(units):
            val.remove(next(iter(val)))
    for block, unit_id in zip(index.blocks, unit_of, strict=True):
        index.states[block.scene][block.row, block.col] = VAL if unit_id in val else TRAIN


def _spread_over_scenes(index: BlockIndex, rng: np.random.Generator) -> list[int]:
    """Block numbers in a random order that interleaves the scenes in proportion to their blocks.

    Taking blocks from the front until the validation share is reached then takes about that share of every
    scene. With one scene, a plain permutation.
    """
    scenes = sorted({b.scene for b in index.blocks})
    keyed: list[tuple[float, int, int]] = []
    for rank, scene in enumerate(rng.permutation(scenes) if len(scenes) > 1 else scenes):
        own = [i for i, b in enumerate(index.blocks) if b.scene == scene]
        keyed += [((k + 0.5) / len(own), rank, int(i)) for k, i in enumerate(rng.permutation(own))]
    return [i for _, _, i in sorted(keyed)]


def mask_to_state(labels: np.ndarray, window: Window, states: np.ndarray, size: int, state: int) -> np.ndarray:
    """Unlabels the pixels of ``window`` whose block is not in ``state`` (or that lie outside the grid)."""
    keep = in_state(labels.shape, window, states, size, state)
    return np.where(keep, labels, IGNORE_INDEX).astype(np.int16)


def in_state(shape: tuple[int, ...], window: Window, states: np.ndarray, size: int, state: int) -> np.ndarray:
    """The (H, W) mask of the pixels of ``window`` whose block is in ``state`` (False outside the grid)."""
    def block_ids(offset: int, length: int, blocks: int) -> tuple[np.ndarray, np.ndarray]:
        absolute = np.arange(offset, offset + length)
        inside = (absolute >= 0) & (absolute // size < blocks)
        return (absolute // size).clip(0, blocks - 1), inside

    rows, rows_inside = block_ids(int(window.row_off), shape[0], states.shape[0])
    cols, cols_inside = block_ids(int(window.col_off), shape[1], states.shape[1])
    return (states[np.ix_(rows, cols)] == state) & rows_inside[:, None] & cols_inside[None, :]


def block_window(block: Block, size: int) -> Window:
    """The window of a block in its scene's pixels."""
    return Window(block.col * size, block.row * size, size, size)


class TileSampler:
    """Draws augmented training tiles around training blocks."""

    def __init__(self, scenes: list[Scene], index: BlockIndex, tile_size: int, class_balance: float = 0.0,
                 spread: bool = False) -> None:
        """See the class.

        Args:
            scenes: the training scenes.
            index: their labeled blocks and split.
            tile_size: edge of a tile in pixels.
            class_balance: how evenly the classes are drawn (see :func:`_block_class_p`): 0 follows the
                labels' proportions, 1 draws every class equally often.
            spread: spread each tile's training labels to its superpixels (:mod:`landcover_core.labels.superpixels`).
        """
        self.scenes = scenes
        self.index = index
        self.tile_size = tile_size
        self.blocks = index.of_state(TRAIN)
        if not self.blocks:
            raise InputError("No labeled block is left for training; lower --val-fraction or add labels.")
        self.class_balance = class_balance
        self.spread = spread
        counts = np.stack([b.counts for b in self.blocks]).astype(np.float64)  # (blocks, classes)
        joint = _block_class_p(counts, class_balance)
        #: P(class): the share of tiles drawn around each class, as logged.
        self.class_p = joint.sum(axis=0)
        #: Column c: P(block | class c).
        self.block_p = joint / np.maximum(self.class_p, 1e-300)

    def class_shares(self) -> np.ndarray:
        """The probability of drawing each class (the share of tiles centred on one of its blocks)."""
        return self.class_p.copy()

    def draw(self, rng: np.random.Generator) -> tuple[Block, int]:
        """A training block and the class it was drawn for: a class by :meth:`class_shares`, then a block."""
        label = int(rng.choice(len(self.class_p), p=self.class_p))
        return self.blocks[rng.choice(len(self.blocks), p=self.block_p[:, label])], label

    def draw_block(self, rng: np.random.Generator) -> Block:
        """A training block, drawn as :meth:`draw` draws it."""
        return self.draw(rng)[0]

    def sample(self, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
        """One (image C,H,W float32, labels H,W int16) training tile, augmented, drawn with ``rng``."""
        block = self.draw_block(rng)
        size, tile = self.index.size, self.tile_size
        # A random tile that contains the block (blocks are never larger than tiles): a random crop.
        row_shift, col_shift = rng.integers(0, tile - size + 1, size=2)
        window = Window(int(block.col * size - col_shift), int(block.row * size - row_shift), tile, tile)
        image, labels = self.scenes[block.scene].read(window)
        states = self.index.states[block.scene]
        labels = mask_to_state(labels, window, states, size, TRAIN)
        if self.spread:
            # Masked again: a superpixel crossing into a validation block must not label it.
            spread = spread_labels(labels, superpixels(image), len(self.class_p))
            labels = mask_to_state(spread, window, states, size, TRAIN)
        return augment(image, labels, rng)


def _block_class_p(counts: np.ndarray, class_balance: float) -> np.ndarray:
    """P(block, class) of the tile draws (blocks × classes) for ``--class-balance``.

    At 0 a block is drawn by the square root of its labelled pixels (the rule before class balancing) and
    its class by their mix in it, so the class shares are the labels' own mix as these draws see it. Above 0
    a class is drawn by its labelled pixels to the power ``1 - class_balance``, then a block by the square
    root of its pixels of that class (many blocks stay in play).
    """
    if class_balance == 0:
        plain = np.sqrt(counts.sum(axis=1, keepdims=True))
        return plain / plain.sum() * counts / np.maximum(counts.sum(axis=1, keepdims=True), 1e-300)
    totals = counts.sum(axis=0)
    class_p = np.zeros_like(totals)
    present = totals > 0  # an absent class stays at 0 even at 1 (0 ** 0 is 1)
    class_p[present] = totals[present] ** (1.0 - class_balance)
    roots = np.sqrt(counts)
    return roots / np.maximum(roots.sum(axis=0), 1e-12) * class_p / class_p.sum()


def augment(image: np.ndarray, labels: np.ndarray, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Random horizontal/vertical flips and 90° rotations (valid for nadir imagery)."""
    k = int(rng.integers(0, 4))
    image, labels = np.rot90(image, k, axes=(1, 2)), np.rot90(labels, k)
    if rng.random() < 0.5:
        image, labels = image[:, :, ::-1], labels[:, ::-1]
    return np.ascontiguousarray(image), np.ascontiguousarray(labels)


def validation_tiles(scenes: list[Scene], index: BlockIndex, tile_size: int,
                     part: tuple[int, int] = (0, 1)) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Yields (image, labels) per validation block: a tile centred on the block, labels of that block only.

    Each validation pixel is counted exactly once.

    Args:
        scenes: the scenes.
        index: their labeled blocks and split.
        tile_size: edge of a tile in pixels.
        part: ``(i, n)``: every n-th validation block from the i-th (one process's share); all by default.
    """
    size = index.size
    first, step = part
    for block in index.of_state(VAL)[first::step]:
        offset = (tile_size - size) // 2
        window = Window(block.col * size - offset, block.row * size - offset, tile_size, tile_size)
        image, labels = scenes[block.scene].read(window)
        only = np.zeros_like(index.states[block.scene])
        only[block.row, block.col] = 1
        yield image, mask_to_state(labels, window, only, size, 1)


@dataclass
class BandStats:
    """Per-band statistics of the training pixels: normalisation, and the range imagery must be in.

    Attributes:
        mean: mean per band.
        std: standard deviation per band.
        low: 0.5th percentile per band.
        high: 99.5th percentile per band.
        dtype: data type of the training rasters (e.g. ``uint8``).
    """

    mean: list[float]
    std: list[float]
    low: list[float]
    high: list[float]
    dtype: str


#: Pixels per block kept for the percentiles (every n-th valid pixel: no draw from the training RNG).
PERCENTILE_SAMPLE = 4096


def band_statistics(scenes: list[Scene], index: BlockIndex, rng: np.random.Generator,
                    max_blocks: int = 64) -> BandStats:
    """Per-band statistics over valid pixels of (a sample of) training blocks."""
    blocks = index.of_state(TRAIN) or index.blocks
    chosen = rng.choice(len(blocks), size=min(max_blocks, len(blocks)), replace=False)
    total = count = squares = None
    kept = []
    for i in chosen:
        block = blocks[int(i)]
        scene = scenes[block.scene]
        window = block_window(block, index.size)
        image, _ = scene.read(window)
        valid = np.any(image != 0, axis=0)  # read() zeroes nodata; a pixel zero in every band counts as nodata
        pixels = image[:, valid].astype(np.float64)
        total = pixels.sum(axis=1) if total is None else total + pixels.sum(axis=1)
        squares = (pixels**2).sum(axis=1) if squares is None else squares + (pixels**2).sum(axis=1)
        count = pixels.shape[1] if count is None else count + pixels.shape[1]
        kept.append(pixels[:, ::max(1, pixels.shape[1] // PERCENTILE_SAMPLE)])
    if not count:
        raise InputError("The labeled parts of the image hold no valid pixel (all nodata).")
    mean = total / count
    std = np.sqrt(np.maximum(squares / count - mean**2, 0.0))
    low, high = np.percentile(np.concatenate(kept, axis=1), [0.5, 99.5], axis=1)
    dtype = str(np.result_type(*(scene.dtype for scene in scenes)))
    return BandStats(mean.tolist(), np.maximum(std, 1e-6).tolist(), low.tolist(), high.tolist(), dtype)
