"""Engine command lines built from typed requests, shared by the dock and the Processing algorithms."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import List, Optional, Sequence, Tuple

from landcover_qgis.layer_io import RasterInput, VectorInput

ARCHITECTURES = ("resnet50", "resnet101", "mobilenet_v3_large")
WEIGHT_CHOICES = ("none", "imagenet")


def _option(args: List[str], name: str, value: object) -> None:
    """Appends ``name value`` when the value is set."""
    if value is not None and value != "":
        args.extend([name, str(value)])


@dataclass
class EngineCall:
    """One engine command and its arguments (``--json-progress`` is added by the runner)."""

    command: str
    args: List[str]
    label: str = ""


@dataclass
class TrainRequest:
    """What ``landcover train`` needs; exactly one of ``labels``/``label_raster`` is set.

    Attributes:
        image: The image raster and bands.
        out: Model file to write.
        labels: Polygon layer file with ``class_field``.
        class_field: Field of ``labels`` holding the classes.
        label_raster: Raster of class codes instead of polygons.
        classes: ``deepglobe``, a scheme JSON path, or None to derive from the labels.
        arch, weights, epochs, batch_size, tile_size, lr: Model and training settings.
        finetune: Existing model file to start from.
        match_reference: Raster for histogram matching (only if the engine supports it).
        samples_per_epoch, device, seed: Optional extras.
    """

    image: RasterInput
    out: str
    labels: Optional[VectorInput] = None
    class_field: Optional[str] = None
    label_raster: Optional[RasterInput] = None
    classes: Optional[str] = None
    arch: str = "resnet50"
    weights: str = "none"
    epochs: int = 30
    batch_size: int = 8
    tile_size: int = 256
    lr: float = 1e-3
    finetune: Optional[str] = None
    match_reference: Optional[str] = None
    samples_per_epoch: Optional[int] = None
    device: Optional[str] = None
    seed: Optional[int] = None

    def validate(self) -> Optional[str]:
        """A message explaining why this request cannot run, or None."""
        if self.labels is None and self.label_raster is None:
            return "Choose labels: a polygon layer with a class field, or a label raster."
        if self.labels is not None and not self.class_field:
            return "Choose the field of the label layer that holds the classes."
        if self.epochs < 1 or self.batch_size < 1 or self.tile_size < 16:
            return "Epochs and batch size must be at least 1, tile size at least 16."
        if not self.out:
            return "Choose where to save the model file."
        return None

    def call(self) -> EngineCall:
        """The ``train`` command line."""
        args = ["--image", self.image.path, "--out", self.out]
        _option(args, "--bands", self.image.band_argument())
        if self.labels is not None:
            args.extend(["--labels", self.labels.path, "--class-field", str(self.class_field)])
            _option(args, "--layer", self.labels.layer_name)
        elif self.label_raster is not None:
            args.extend(["--label-raster", self.label_raster.path])
        _option(args, "--classes", self.classes)
        if self.finetune:
            args.extend(["--finetune", self.finetune])
        else:
            args.extend(["--arch", self.arch, "--weights", self.weights])
        args.extend(["--epochs", str(self.epochs), "--batch-size", str(self.batch_size),
                     "--tile-size", str(self.tile_size), "--lr", repr(float(self.lr))])
        _option(args, "--match-reference", self.match_reference)
        _option(args, "--samples-per-epoch", self.samples_per_epoch)
        _option(args, "--device", self.device)
        _option(args, "--seed", self.seed)
        return EngineCall("train", args, "Training")


@dataclass
class PredictRequest:
    """What ``landcover predict`` needs.

    Attributes:
        models: One model file, or several for an ensemble.
        image: The image raster; its bands (if any) override the model's bands.
        out: Class GeoTIFF to write.
        confidence: Confidence GeoTIFF to write, or None.
        vector: Polygon GeoPackage to write, or None.
        extent: ``(xmin, ymin, xmax, ymax)`` in the raster's CRS, or None for the whole raster.
        tile_size, device: Optional overrides.
    """

    models: Sequence[str]
    image: RasterInput
    out: str
    confidence: Optional[str] = None
    vector: Optional[str] = None
    extent: Optional[Tuple[float, float, float, float]] = None
    tile_size: Optional[int] = None
    device: Optional[str] = None

    def validate(self) -> Optional[str]:
        """A message explaining why this request cannot run, or None."""
        if not self.models:
            return "Choose a model file (train one first, or pick existing model files)."
        if not self.out:
            return "Choose where to save the classified raster."
        return None

    def call(self) -> EngineCall:
        """The ``predict`` command line; several models make an ensemble."""
        args: List[str] = []
        for model in self.models:
            args.extend(["--model", model])
        args.extend(["--image", self.image.path, "--out", self.out])
        _option(args, "--bands", self.image.band_argument())
        _option(args, "--confidence", self.confidence)
        _option(args, "--vector", self.vector)
        if self.extent is not None:
            args.extend(["--extent", ",".join(repr(float(v)) for v in self.extent)])
        _option(args, "--tile-size", self.tile_size)
        _option(args, "--device", self.device)
        return EngineCall("predict", args, "Classifying")


@dataclass
class EvaluateRequest:
    """What ``landcover evaluate`` needs to compare a prediction with a reference."""

    prediction: str
    out_json: str
    reference_raster: Optional[str] = None
    reference_vector: Optional[VectorInput] = None
    class_field: Optional[str] = None

    def call(self) -> EngineCall:
        """The ``evaluate`` command line."""
        args = ["--prediction", self.prediction, "--out-json", self.out_json]
        if self.reference_raster:
            args.extend(["--reference-raster", self.reference_raster])
        elif self.reference_vector is not None:
            args.extend(["--reference-vector", self.reference_vector.path, "--class-field", str(self.class_field)])
            _option(args, "--layer", self.reference_vector.layer_name)
        return EngineCall("evaluate", args, "Evaluating")


@dataclass
class VectorizeRequest:
    """What ``landcover vectorize`` needs."""

    classes_raster: str
    out: str
    min_area: Optional[float] = None
    simplify: Optional[float] = None

    def call(self) -> EngineCall:
        """The ``vectorize`` command line."""
        args = [self.classes_raster, "--out", self.out]
        _option(args, "--min-area", self.min_area)
        _option(args, "--simplify", self.simplify)
        return EngineCall("vectorize", args, "Vectorizing")


@dataclass
class EngineCapabilities:
    """What the installed engine can do, read from ``--help`` and ``doctor``.

    Attributes:
        available: The engine Python runs ``landcover_core``.
        versions: The ``doctor`` summary (torch, rasterio, cuda, device, ...).
        train_options: Option names listed by ``train --help``.
        pseudo_label: ``pseudo-label --help`` exits 0.
        message: Why the engine is not available, when it is not.
    """

    available: bool = False
    versions: dict = field(default_factory=dict)
    train_options: List[str] = field(default_factory=list)
    pseudo_label: bool = False
    message: str = ""

    @property
    def match_reference(self) -> bool:
        """Whether ``train`` accepts ``--match-reference``."""
        return "--match-reference" in self.train_options


def help_options(help_text: str) -> List[str]:
    """The ``--long-option`` names in an argparse help text."""
    names = []
    for word in help_text.replace(",", " ").replace("[", " ").replace("]", " ").split():
        if word.startswith("--") and len(word) > 2 and word not in names:
            names.append(word.split("=")[0])
    return names
