"""The model file: one self-describing file with weights, architecture, bands, classes and statistics.

Stored with ``torch.save`` as a plain dict of tensors and JSON-like values, so it loads with
``weights_only=True`` (no arbitrary code runs when a model file is opened). The file is a zip archive
whose entries carry a CRC-32; every entry is checked before the file is used, so a damaged file is
refused rather than giving wrong maps.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import itertools
import zipfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

import torch

from landcover_core import __version__
from landcover_core.common.classes import ClassScheme
from landcover_core.errors import InputError, ModelFileError
from landcover_core.models.networks import ARCHS, LandcoverNet, build_model
from landcover_core.outputs.files import atomic_output

FORMAT = "landcover-model"
FORMAT_VERSION = 1


@dataclass
class ModelSpec:
    """Everything needed to rebuild a model and apply it to a raster.

    Attributes:
        arch: backbone architecture.
        bands: 1-based band indices of the input raster, in model channel order.
        scheme: class scheme (model output index -> code, name, colour).
        mean: per-band mean used for normalisation (in raster units).
        std: per-band standard deviation used for normalisation.
        backbone_norm: ``batch`` or ``group``.
        decoder: ``none`` (DeepLabV3) or ``plus`` (DeepLabV3+); older files are ``none``.
        tile_size: training tile size (a good default tile size for inference).
        config: the training configuration, for reproducibility.
        metrics: final/best validation metrics.
        histogram: the histogram-matching reference (a
            :meth:`~landcover_core.radiometry.matching.RasterHistogram.to_dict`), or None when inputs are not matched.
        input_dtype: data type of the training rasters (None: not recorded, older files).
        input_range: per band, the 0.5 and 99.5 percentiles of the training pixels (None: not recorded).
        backbone_weights: the pretrained backbone the training started from (``source``: ``imagenet`` or the
            file's path, ``file``, ``url``, ``sha256``, ``loaded`` and ``total`` tensors, ``missing``,
            ``first_conv`` adaptation; see :mod:`landcover_core.models.weights`), or None (random init).
        ground_resolution: the training imagery's pixel size in metres (the median over its scenes; None: not
            recorded, older files or rasters without CRS).
        crs: the training imagery's CRS (of its first scene), or None.
    """

    arch: str
    bands: list[int]
    scheme: ClassScheme
    mean: list[float]
    std: list[float]
    backbone_norm: str = "batch"
    tile_size: int = 256
    config: dict[str, Any] = field(default_factory=dict)
    metrics: dict[str, Any] = field(default_factory=dict)
    histogram: dict[str, Any] | None = None
    input_dtype: str | None = None
    input_range: list[list[float]] | None = None
    backbone_weights: dict[str, Any] | None = None
    decoder: str = "none"
    ground_resolution: float | None = None
    crs: str | None = None

    @property
    def in_channels(self) -> int:
        """Number of input bands."""
        return len(self.bands)

    @property
    def num_classes(self) -> int:
        """Number of classes."""
        return len(self.scheme)

    def to_dict(self) -> dict[str, Any]:
        """Plain data for the model file (the scheme as a list)."""
        data = asdict(self)
        data["scheme"] = self.scheme.to_list()
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ModelSpec:
        """The inverse of :meth:`to_dict`."""
        data = dict(data)
        data["scheme"] = ClassScheme.from_list(data["scheme"])
        return cls(**data)

    def build(self) -> LandcoverNet:
        """A model of this spec with random weights (weights come from the file)."""
        return build_model(self.arch, self.in_channels, self.num_classes, "none", self.backbone_norm,  # type: ignore[arg-type]
                           decoder=self.decoder)  # type: ignore[arg-type]


def save_model(path: str | Path, model: torch.nn.Module, spec: ModelSpec) -> Path:
    """Writes the model file atomically (temporary name, then rename)."""
    payload = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "landcover_version": __version__,
        "created": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        "spec": spec.to_dict(),
        "state_dict": {k: v.detach().cpu() for k, v in model.state_dict().items()},
    }
    with atomic_output(path) as tmp:
        torch.save(payload, tmp)
    return Path(path)


def check_integrity(path: str | Path, handle: BinaryIO | None = None) -> None:
    """Checks the CRC-32 of every entry of the model file's zip archive.

    Args:
        path: the model file (named in messages).
        handle: the file, already open (read from its start); None: ``path`` is opened.

    Raises:
        ModelFileError: not a zip archive, or an entry whose content does not match its checksum.
    """
    try:
        with zipfile.ZipFile(handle if handle is not None else path) as archive:
            damaged = archive.testzip()
    except Exception as exc:  # noqa: BLE001 - not a zip, truncated, unreadable
        raise ModelFileError(
            f"{path} is not a readable landcover model file ({type(exc).__name__}); it may be damaged, "
            "incomplete, or another kind of file."
        ) from None
    if damaged is not None:
        raise ModelFileError(
            f"{path} is damaged: its part '{damaged}' does not match its checksum (the file changed after it was "
            "written, e.g. a bad copy or disk). Use an intact copy of the model."
        )


@dataclass(frozen=True, eq=False)  # compared by identity: the payload holds tensors
class ModelFile:
    """A model file read once: its checked payload, its description and the hash of its content.

    Attributes:
        path: the file.
        payload: the file's content (header, spec, ``state_dict`` on CPU).
        spec: its description.
        sha256: SHA-256 of the file's bytes (the key of its ONNX exports, the fingerprint of a batch's models).
    """

    path: Path
    payload: dict[str, Any] = field(repr=False)
    spec: ModelSpec
    sha256: str

    def network(self, device: str | torch.device = "cpu") -> LandcoverNet:
        """The model with the file's weights, in eval mode on ``device``.

        Raises:
            ModelFileError: an unknown architecture, or weights that do not fit it.
        """
        return _network(self.spec, self.payload, self.path).to(device).eval()

    def info(self) -> dict[str, Any]:
        """A JSON-ready description (for ``landcover info``)."""
        spec = self.spec
        return {
            "path": str(self.path.resolve()),
            "format_version": self.payload["format_version"],
            "landcover_version": self.payload.get("landcover_version"),
            "created": self.payload.get("created"),
            "arch": spec.arch,
            "backbone_norm": spec.backbone_norm,
            "decoder": spec.decoder,
            "bands": spec.bands,
            "tile_size": spec.tile_size,
            "classes": spec.scheme.to_list(),
            "mean": spec.mean,
            "std": spec.std,
            "input_dtype": spec.input_dtype,
            "input_range": spec.input_range,
            "metrics": spec.metrics,
            "config": spec.config,
            "backbone_weights": spec.backbone_weights,
            "histogram_reference": _reference_summary(spec.histogram),
            "parameters": sum(int(v.numel()) for v in self.payload["state_dict"].values()),
        }


def read_model(path: str | Path) -> ModelFile:
    """Reads a model file, opening it once: checks every part's checksum, loads it, hashes it.

    Raises:
        ModelFileError: missing, corrupt, foreign or incompatible file.
    """
    path = Path(path)
    with _open(path) as handle:
        payload = _read_payload(handle, path)
        handle.seek(0)
        digest = content_hash(handle)
    return ModelFile(path, payload, _spec_of(payload, path), digest)


def content_hash(handle: BinaryIO) -> str:
    """The SHA-256 of an open file's content from its current position."""
    digest = hashlib.sha256()
    for chunk in iter(lambda: handle.read(1 << 20), b""):
        digest.update(chunk)
    return digest.hexdigest()


def read_model_file(path: str | Path) -> dict[str, Any]:
    """Reads and validates the raw payload of a model file (integrity, header, version)."""
    path = Path(path)
    with _open(path) as handle:
        return _read_payload(handle, path)


def _open(path: Path) -> BinaryIO:
    if not path.is_file():
        raise ModelFileError(f"Model file {path} does not exist.")
    return open(path, "rb")


def _read_payload(handle: BinaryIO, path: Path) -> dict[str, Any]:
    """The payload of an open model file: its checksums checked, then loaded, its header and version checked."""
    check_integrity(path, handle)
    handle.seek(0)
    try:
        payload = torch.load(handle, map_location="cpu", weights_only=True)
    except Exception as exc:  # noqa: BLE001 - corrupt zip, pickle, truncated file...
        # torch's own text advises weights_only=False (unsafe); keep only the kind of failure.
        raise ModelFileError(
            f"{path} is not a readable landcover model file ({type(exc).__name__}); it may be damaged, "
            "incomplete, or another kind of file."
        ) from None
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise ModelFileError(f"{path} is not a landcover model file (no '{FORMAT}' header).")
    version = payload.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise ModelFileError(
            f"{path} has model format version {version}; this landcover ({__version__}) reads up to "
            f"{FORMAT_VERSION}. Update landcover."
        )
    return payload


def load_model(path: str | Path, device: str | torch.device = "cpu") -> tuple[LandcoverNet, ModelSpec]:
    """Loads a model file, returning the model in eval mode on ``device`` and its spec.

    Raises:
        ModelFileError: missing, corrupt, foreign or incompatible file.
    """
    path = Path(path)
    payload = read_model_file(path)
    spec = _spec_of(payload, path)
    return _network(spec, payload, path).to(device).eval(), spec


def _network(spec: ModelSpec, payload: dict[str, Any], path: Path) -> LandcoverNet:
    """The network of ``spec`` holding the payload's weights (its tensors, not copies), on CPU.

    It is built on the meta device: random weights would take seconds to draw, only to be replaced.

    Raises:
        ModelFileError: an unknown architecture, weights that do not fit it, or weights that are not finite.
    """
    if spec.arch not in ARCHS:
        raise ModelFileError(f"{path} uses unknown architecture '{spec.arch}'.")
    check_finite_weights(payload.get("state_dict"), path)
    try:
        with torch.device("meta"):
            model = spec.build()
        model.load_state_dict(payload["state_dict"], assign=True)
        if any(t.is_meta for t in itertools.chain(model.parameters(), model.buffers())):
            model = spec.build()  # a tensor that is not saved (none in these architectures): a real build
            model.load_state_dict(payload["state_dict"], assign=True)
    except (KeyError, TypeError, ValueError, RuntimeError, InputError) as exc:
        raise ModelFileError(f"{path} is damaged or inconsistent: {exc}") from None
    return model


def check_finite_weights(state_dict: Any, path: Path) -> None:
    """Refuses a model whose weights hold NaN or infinity (a diverged training): its maps would be one class.

    Raises:
        ModelFileError: naming the file, how many tensors are affected and the first of them.
    """
    if not isinstance(state_dict, dict):
        return  # no weights at all: loading them says so
    broken = [name for name, tensor in state_dict.items()
              if isinstance(tensor, torch.Tensor) and tensor.is_floating_point() and not tensor.is_meta
              and not bool(torch.isfinite(tensor).all())]
    if broken:
        raise ModelFileError(
            f"{path} has non-finite weights (NaN or infinity) in {len(broken)} tensor(s), e.g. '{broken[0]}': the "
            "training diverged or the file was altered. Retrain (e.g. with a lower --lr) or use another model file.")


def load_spec(path: str | Path) -> ModelSpec:
    """Reads only the spec of a model file (no model is built)."""
    return _spec_of(read_model_file(path), path)


def _spec_of(payload: dict[str, Any], path: str | Path) -> ModelSpec:
    try:
        return ModelSpec.from_dict(payload["spec"])
    except (KeyError, TypeError, ValueError, InputError) as exc:
        raise ModelFileError(f"{path} is damaged or inconsistent: {exc}") from None


def model_info(path: str | Path) -> dict[str, Any]:
    """A JSON-ready description of a model file (for ``landcover info``)."""
    return read_model(path).info()


def _reference_summary(histogram: dict[str, Any] | None) -> dict[str, Any] | None:
    """Which reference a model matches its inputs to (file name and bands), without the distributions."""
    if not histogram:
        return None
    return {"source": histogram.get("source"), "bands": histogram.get("bands")}
