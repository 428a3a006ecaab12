"""The engine's settings: what training and prediction accept, with defaults, ranges and help.

These dataclasses are the one place where a setting is declared: the command line, the Python API,
the validation and the QGIS plugin's widgets (through ``landcover schema``) all derive from them.
No torch import here: the command line is built from this module.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Literal, get_args

from landcover_core.options import Number, setting, validate_settings

Arch = Literal["resnet50", "resnet101", "resnet18", "resnet34", "mobilenet_v3_large"]
Norm = Literal["batch", "group"]
Decoder = Literal["none", "plus"]
ValSplit = Literal["auto", "scenes", "blocks"]
DeviceChoice = Literal["auto", "cpu", "cuda"]
Backend = Literal["auto", "torch", "onnx"]
Tta = Literal["none", "flips", "d4"]
Resample = Literal["none", "model"]
Precision = Literal["auto", "fp32", "bf16", "fp16"]

ARCHS: tuple[str, ...] = get_args(Arch)
#: Backbone initialisations besides a weights file path.
WEIGHT_PRESETS: tuple[str, ...] = ("none", "imagenet")

#: Largest tile edge accepted anywhere: a batch of larger tiles does not fit common GPUs or laptops.
MAX_TILE = 4096
TILE = Number(int, minimum=32, maximum=MAX_TILE, multiple_of=8)
#: ``--val-split auto`` holds out whole scenes from this many scenes on, else blocks of every scene: with 7
#: scenes, whole scenes took 2-3 of them out of training, and which ones (so the map) changed with the seed.
SCENE_SPLIT_MIN = 10
#: The rasters ``predict-batch`` takes from a folder.
SCENE_PATTERN = "*.tif,*.tiff"
#: ``--class-weights`` presets: the power of the median-frequency weights (None: no weights).
CLASS_WEIGHT_PRESETS: dict[str, float | None] = {"none": None, "sqrt": 0.5, "auto": 1.0}


def parse_class_weights(text: str) -> str | list[float]:
    """A ``--class-weights`` value: the name of a preset, or one weight per class (their count is not checked).

    Raises:
        ValueError: neither; the message says what is allowed.
    """
    if text in CLASS_WEIGHT_PRESETS:
        return text
    try:
        weights = [float(part) for part in text.split(",")]
    except ValueError:
        weights = []
    if not weights or not all(math.isfinite(w) and w >= 0 for w in weights) or not any(weights):
        raise ValueError(f"expected {', '.join(CLASS_WEIGHT_PRESETS)} or one weight >= 0 per class separated by "
                         f"commas (not all 0), not '{text}'")
    return weights


def class_weights_problem(text: str) -> str | None:
    """Why ``text`` is not a ``--class-weights`` value, or None (for :func:`~landcover_core.options.setting`)."""
    try:
        parse_class_weights(text)
    except ValueError as exc:
        return str(exc)
    return None


@dataclass
class TrainConfig:
    """Training settings; saved in the model file so every run can be reproduced.

    Raises:
        InputError: a setting outside its range (on construction).
    """

    out: str = setting(help="model file to write (.pt)", cli=False)
    arch: Arch = setting("resnet50", help="DeepLabV3 backbone")
    weights: str = setting("none", metavar="none|imagenet|PATH",
                           help="backbone initialisation: none, imagenet (torchvision's ImageNet weights, from torch's "
                                "cache or downloaded into it) or the path of a torchvision/timm backbone state dict "
                                "(any band count: the first convolution is adapted by band number)")
    freeze_backbone: bool = setting(False, help="train the head only")
    backbone_norm: Norm = setting("batch", help="backbone normalisation (the head always uses GroupNorm); group is "
                                                "batch-size independent but learns slower from scratch")
    decoder: Decoder = setting("plus", help="none: DeepLabV3 (logits at 1/8-1/16 resolution, upsampled); plus: "
                                            "DeepLabV3+ decoder fusing stride-4 features (sharper edges, thin and "
                                            "small classes such as roads and buildings); --finetune keeps "
                                            "the model's")
    finetune: str | None = setting(None, metavar="MODEL",
                                   help="start from an existing model file; it keeps the model's classes (labels "
                                        "of another class are refused) unless --classes lists others: classes "
                                        "the model knows keep what it learnt, new ones are added to its head, "
                                        "those left out are dropped")
    reference: str | None = setting(None, metavar="RASTER",
                                    help="histogram-match every training scene to this reference raster (same band "
                                         "numbers as --bands); the reference travels in the model and predict matches "
                                         "each new image to it")
    resume: bool = setting(False, help="continue an interrupted run from OUT.ckpt")
    epochs: int = setting(30, number=Number(int, minimum=1, maximum=100_000), help="training epochs")
    batch_size: int = setting(8, number=Number(int, minimum=2, maximum=1024),
                              help="tiles per training step (at least 2: DeepLabV3's pooling branch needs two)")
    tile_size: int = setting(256, number=TILE, help="training tile edge in pixels")
    lr: float = setting(1e-3, number=Number(float, minimum=0, maximum=10, exclusive_minimum=True),
                        help="peak learning rate (one-cycle schedule)")
    weight_decay: float = setting(1e-4, number=Number(float, minimum=0, maximum=1), help="AdamW weight decay")
    samples_per_epoch: int = setting(512, number=Number(int, minimum=1, maximum=10_000_000),
                                     help="training tiles per epoch")
    val_fraction: float = setting(0.3, number=Number(float, minimum=0, maximum=1, exclusive_maximum=True),
                                  help="labeled share held out for validation, spatially disjoint")
    val_split: ValSplit = setting("auto", help="what goes wholly to validation: scenes (tests on unseen scenes, but "
                                               "trains on fewer), blocks (spatially disjoint blocks of every scene) "
                                               f"or auto (scenes from {SCENE_SPLIT_MIN} scenes on, else blocks)")
    class_balance: float = setting(0.0, number=Number(float, minimum=0, maximum=1),
                                   help="class-aware tile sampling: a class is drawn with probability proportional "
                                        "to its labelled pixels to the power (1 - this), then a tile around a block "
                                        "holding it; 0 follows the labels' proportions, 1 shows every class equally "
                                        "often (rare classes are seen more)")
    color_jitter: float = setting(0.0, number=Number(float, minimum=0, maximum=1),
                                  help="photometric augmentation: a random gain of 1 +/- this and offset of +/- this "
                                       "(in band standard deviations) per tile and band, as between dates and "
                                       "sensors (0 = off; classes told apart by small spectral differences suffer)")
    focal_gamma: float = setting(0.0, number=Number(float, minimum=0, maximum=10),
                                 help="focal modulation of the loss (0 = off)")
    class_weights: str = setting("sqrt", metavar="|".join([*CLASS_WEIGHT_PRESETS, "W1,W2,..."]),
                                 check=class_weights_problem,
                                 help="class weights of the loss: none, sqrt (square root of median frequency), auto "
                                      "(median frequency) or one per class")
    dice_weight: float = setting(0.0, number=Number(float, minimum=0, maximum=10),
                                 help="weight of a Dice term over labeled pixels")
    superpixel_weight: float = setting(0.0, number=Number(float, minimum=0, maximum=1),
                                       help="spread sparse labels (points, scribbles) to the superpixels of each "
                                            "training tile that hold them, where all of a superpixel's labels "
                                            "agree, and weigh the spread pixels this much (a true label weighs 1; "
                                            "0 = off)")
    consistency_weight: float = setting(0.0, number=Number(float, minimum=0, maximum=10),
                                        help="learn from unlabelled pixels every step (FixMatch-style): the model's "
                                             "confident predictions on a tile teach it the same tile with "
                                             "perturbed colours and noise; the weight of that term (0 = off; a "
                                             "step costs about twice as much)")
    consistency_threshold: float = setting(0.9, number=Number(float, minimum=0, maximum=1, exclusive_minimum=True),
                                           help="the confidence a prediction needs to teach the perturbed tile "
                                                "(--consistency-weight)")
    ema: float = setting(0.0, number=Number(float, minimum=0, maximum=1, exclusive_maximum=True),
                         help="keep an exponential moving average of the weights with this decay per step (e.g. "
                              "0.99) and validate and save the average: smoother, less seed-dependent models "
                              "(0 = off)")
    dropout: float = setting(0.5, number=Number(float, minimum=0, maximum=1, exclusive_maximum=True),
                             help="dropout rate of the DeepLabV3 head (torchvision's 0.5)")
    patience: int = setting(10, number=Number(int, minimum=1, maximum=100_000),
                            help="stop early after this many epochs without validation gain")
    seed: int = setting(0, number=Number(int, minimum=0, maximum=2**32 - 1), help="random seed (reproducible runs)")
    device: DeviceChoice = setting("auto", help="compute device (auto: CUDA when present)")
    threads: int | None = setting(None, number=Number(int, minimum=1, maximum=1024),
                                  help="CPU threads for torch (default: all cores)")
    precision: Precision = setting("auto", help="arithmetic of the forward and backward passes: auto is bf16 mixed "
                                                "precision on GPUs that have it (else fp16 with loss scaling) and "
                                                "fp32 on CPU")
    loader_workers: int | None = setting(None, number=Number(int, minimum=0, maximum=64),
                                         help="processes reading and augmenting training tiles (default: none on "
                                              "CPU, up to 4 per GPU)")
    sparse: str | None = setting(None, cli=False, help="sparse-label simulation of the training data")
    sources: dict[str, Any] = setting(help="what the labels were, for the record", cli=False, factory=dict)

    def __post_init__(self) -> None:
        validate_settings(self)


@dataclass
class PredictOptions:
    """How a raster is classified (the outputs are the caller's choice, not options).

    Raises:
        InputError: an option outside its range (on construction).
    """

    tile_size: int | None = setting(None, number=TILE,
                                    help="tile size in pixels (default: the model's training tile size)")
    overlap: int | None = setting(None, number=Number(int, minimum=0, maximum=MAX_TILE - 1),
                                  help="overlap between tiles in pixels (default: half the tile, seam-free; "
                                       "less is faster)")
    batch_size: int = setting(4, number=Number(int, minimum=1, maximum=1024), help="tiles per forward pass")
    device: DeviceChoice = setting("auto", help="compute device (auto: CUDA when present)")
    backend: Backend = setting("auto", help="auto: onnxruntime on CPU (faster), torch on CUDA")
    threads: int | None = setting(None, number=Number(int, minimum=1, maximum=1024),
                                  help="CPU threads (default: all cores)")
    histmatch: bool = setting(True, help="match the image's histograms to the reference stored in the model, when it "
                                         "has one (--no-histmatch: feed the image as it is)")
    tta: Tta = setting("none", help="test-time augmentation: average each model over flipped (flips: 4 views) or "
                                    "flipped and rotated (d4: 8 views) tiles; costs as many forward passes")
    model_weights: str | None = setting(None, metavar="W1,W2,...",
                                        help="weights of the ensemble's models in the probability average, one per "
                                             "--model (default: equal)")
    resample: Resample = setting("none", help="none: classify the raster at its own pixel size (a warning when it "
                                              "differs from the training imagery's by more than 1.5x); model: read it "
                                              "at the model's training ground resolution (bilinear; nearest for "
                                              "paletted bands) and write the outputs on the raster's grid")

    def __post_init__(self) -> None:
        validate_settings(self)


@dataclass
class VectorOptions:
    """How class rasters become polygons."""

    min_area: float = setting(0.0, number=Number(float, minimum=0),
                              help="merge regions smaller than this (map units², e.g. m²) into their neighbours")
    simplify: float = setting(0.0, number=Number(float, minimum=0),
                              help="simplification tolerance in map units; shared edges stay shared (no gaps)")

    def __post_init__(self) -> None:
        validate_settings(self)


def _class_share(default: float) -> Any:
    return setting(default, number=Number(float, minimum=0, maximum=1),
                   help="class balancing: each class keeps at least this share of its predicted pixels (its most "
                        "confident ones): its threshold is min(--threshold, that class's (1 - share) confidence "
                        "quantile); 0 turns it off")


@dataclass
class PseudoLabelConfig:
    """Which predicted pixels become pseudo-labels (``pseudo-label``).

    A class keeps its pixels whose confidence (the ensemble's max probability) reaches its threshold:
    ``--threshold``, lowered per class so that at least ``--class-share`` of the pixels predicted as that
    class are kept (class-balanced, so rare or hard classes are not starved; off by default here),
    unless ``--class-thresholds`` sets it.

    Raises:
        InputError: a setting outside its range (on construction).
    """

    threshold: float = setting(0.9, number=Number(float, minimum=0, maximum=1, exclusive_minimum=True),
                               help="confidence a pixel must reach to become a pseudo-label")
    class_share: float = _class_share(0.0)
    class_thresholds: str | None = setting(None, metavar="NAME=T,...",
                                           help="per-class thresholds in (0, 1] by class name or code, e.g. "
                                                "road=0.7,30=0.8 (they override --threshold and --class-share)")

    def __post_init__(self) -> None:
        validate_settings(self)


@dataclass
class SelfTrainPseudoLabels(PseudoLabelConfig):
    """:class:`PseudoLabelConfig` of ``self-train``: class-balanced by default."""

    class_share: float = _class_share(0.2)


@dataclass
class SelfTrainConfig:
    """Rounds of self-training: train, pseudo-label the unlabeled pixels, train again on both.

    Raises:
        InputError: a setting outside its range (on construction).
    """

    rounds: int = setting(2, number=Number(int, minimum=1, maximum=20),
                          help="self-training rounds after the supervised round 0")
    pseudo_weight: float = setting(0.5, number=Number(float, minimum=0, maximum=1, exclusive_minimum=True),
                                   help="loss weight of a pseudo-labeled pixel (a true label weighs 1)")
    keep_rounds: bool = setting(False, help="keep every round's model beside OUT (OUT.roundN.pt)")

    def __post_init__(self) -> None:
        validate_settings(self)


@dataclass
class BatchOptions:
    """How ``predict-batch`` spreads scenes over workers (one scene at a time each) and handles failures.

    Raises:
        InputError: a setting outside its range (on construction).
    """

    workers: int | None = setting(None, number=Number(int, minimum=1, maximum=1024),
                                  help="workers of the local cluster (default: one per CUDA GPU, else one per "
                                       "--threads-per-worker cores, at most one per 2 GiB of memory); not with "
                                       "--cluster")
    threads_per_worker: int | None = setting(None, number=Number(int, minimum=1, maximum=1024),
                                             help="CPU threads of each worker's model (default: the cores shared "
                                                  "out among the local workers; on a --cluster, each worker's cores "
                                                  "per task slot)")
    retries: int = setting(2, number=Number(int, minimum=0, maximum=100),
                           help="runs of a failed scene after the first, for failures other than bad input (a worker "
                                "that died, an I/O error); bad input fails at once")
    force: bool = setting(False, help="classify every scene, also those whose outputs a previous run completed")
    pattern: str = setting(SCENE_PATTERN, metavar="PATTERNS",
                           help="names of the rasters taken from a folder given to --images: comma-separated "
                                "patterns, any case")

    def __post_init__(self) -> None:
        validate_settings(self)


@dataclass(frozen=True)
class TrainPreset:
    """A named starting point for ``train``: a few settings, the others at their defaults.

    Attributes:
        name: the id (``--preset NAME``; the QGIS dock offers the presets by it).
        label: how a front end names it.
        help: what it is for and what it costs.
        settings: ``TrainConfig`` field -> value.
    """

    name: str
    label: str
    help: str
    settings: dict[str, Any]


#: The presets of ``landcover train --preset`` and the dock, most affordable first.
TRAIN_PRESETS: tuple[TrainPreset, ...] = (
    TrainPreset("cpu-quick", "Quick, for a CPU (minutes)",
                "a small backbone on small tiles: a first model in minutes on a laptop CPU (what 'landcover demo' "
                "trains); refine with a full run on a GPU",
                # ResNet18 over MobileNetV3 (#25): higher mIoU on s2_korea 1% points and on the demo scene at
                # about the same CPU time per step (README, "Real-data quality")
                {"arch": "resnet18", "decoder": "plus", "tile_size": 64, "batch_size": 8,
                 "samples_per_epoch": 256, "epochs": 10, "lr": 1e-3}),
    TrainPreset("full", "Full (a GPU; hours on a CPU)", "the engine's defaults: ResNet-50 on 256 px tiles", {}),
)


def train_preset(name: str) -> TrainPreset:
    """The preset called ``name``.

    Raises:
        KeyError: no such preset.
    """
    return {preset.name: preset for preset in TRAIN_PRESETS}[name]
