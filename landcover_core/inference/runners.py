"""Inference backends: a model file turned into ``probabilities = runner(normalised batch)``.

On CPU the fastest correct path is onnxruntime: torch's eager CPU kernels are slower on these
DeepLabV3 models and degrade badly when another process competes for the cores (measured by
``python -m landcover_core.bench``). The ONNX export is cached, keyed by the model file's hash and
the tile size, and is checked against torch once, when it is made; a digest file beside it records the
SHA-256 of the export and of the model file it came from, and is checked before every use, so a damaged
or stale export is rebuilt (with a warning) instead of giving wrong maps. On CUDA torch is used directly.
"""

from __future__ import annotations

import json
import os
import warnings
from pathlib import Path
from typing import Protocol

import numpy as np
import torch
from torch import nn

from landcover_core.common.device import pick_device
from landcover_core.config import Backend, DeviceChoice
from landcover_core.errors import InputError, LandcoverError, ModelFileError
from landcover_core.models.modelfile import ModelFile, ModelSpec, content_hash, read_model
from landcover_core.outputs.files import atomic_output, is_full_disk
from landcover_core.progress import Reporter

Device = DeviceChoice

OPSET = 17
#: Largest difference in probability allowed between the ONNX export and torch.
EXPORT_TOLERANCE = 1e-3
_CACHE_VERSION = 2  # 2: with a digest file


class Runner(Protocol):
    """Maps a normalised float32 batch (N, C, T, T) to class probabilities (N, K, T, T)."""

    spec: ModelSpec
    backend: str

    def __call__(self, batch: np.ndarray) -> np.ndarray:
        """Class probabilities (N, K, T, T) of a normalised batch (N, C, T, T)."""
        ...


class Probabilities(nn.Module):
    """A model with its softmax, so the exported graph returns probabilities."""

    def __init__(self, model: nn.Module) -> None:
        super().__init__()
        self.model = model

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Class probabilities (softmax over the logits)."""
        return torch.softmax(self.model(x), dim=1)


def cpu_threads() -> int:
    """Cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


class TorchRunner:
    """Eager torch on any device."""

    backend = "torch"

    def __init__(self, model: nn.Module, spec: ModelSpec, device: torch.device) -> None:
        self.net = Probabilities(model).to(device).eval()
        self.spec = spec
        self.device = device

    @torch.inference_mode()
    def __call__(self, batch: np.ndarray) -> np.ndarray:
        """Class probabilities (N, K, T, T) of a normalised batch (N, C, T, T)."""
        x = torch.from_numpy(batch).to(self.device, non_blocking=True)
        return self.net(x).float().cpu().numpy()


class OnnxRunner:
    """onnxruntime on CPU, one session using ``threads`` cores."""

    backend = "onnx"

    def __init__(self, onnx_path: Path, spec: ModelSpec, threads: int) -> None:
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        self.session = ort.InferenceSession(str(onnx_path), options, providers=["CPUExecutionProvider"])
        self.spec = spec
        self.path = onnx_path

    def __call__(self, batch: np.ndarray) -> np.ndarray:
        """Class probabilities (N, K, T, T) of a normalised batch (N, C, T, T)."""
        return self.session.run(None, {"image": np.ascontiguousarray(batch, dtype=np.float32)})[0]


def cache_dir() -> Path:
    """Where ONNX exports are kept: ``$LANDCOVER_CACHE_DIR`` or ``~/.cache/landcover``."""
    root = os.environ.get("LANDCOVER_CACHE_DIR") or Path(
        os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "landcover"
    return Path(root) / "onnx"


def file_hash(path: str | Path) -> str:
    """The SHA-256 of a file (the ONNX cache key of a model file)."""
    with open(path, "rb") as handle:
        return content_hash(handle)


class ExportMismatchError(RuntimeError):
    """The ONNX export's probabilities differ from torch's by more than :data:`EXPORT_TOLERANCE` (finite)."""


def export_onnx(model: nn.Module, spec: ModelSpec, tile: int, path: Path, model_sha256: str = "") -> None:
    """Exports ``Probabilities(model)`` with a dynamic batch axis, checks it against torch, records its digest.

    Args:
        model: the network.
        spec: its description (input bands).
        tile: the tile size the export is made for.
        path: the export to write (atomically, with its digest file, see :func:`export_digest_path`).
        model_sha256: the SHA-256 of the model file it comes from, recorded in the digest file.

    Raises:
        ModelFileError: torch's or the export's probabilities are not finite (NaN, infinity): the model is
            broken, whichever backend runs it.
        ExportMismatchError: the export's output differs from torch's.
        RuntimeError: the export fails.
    """
    import onnxruntime as ort

    net = Probabilities(model).cpu().eval()
    generator = torch.Generator().manual_seed(0)
    sample = torch.randn(2, spec.in_channels, tile, tile, generator=generator)
    with atomic_output(path) as tmp:
        with warnings.catch_warnings(), torch.inference_mode(False), torch.no_grad():
            warnings.simplefilter("ignore")
            torch.onnx.export(net, (sample,), str(tmp), dynamo=False, opset_version=OPSET,
                              input_names=["image"], output_names=["probabilities"],
                              dynamic_axes={"image": {0: "batch"}, "probabilities": {0: "batch"}})
            expected = net(sample).numpy()
        session = ort.InferenceSession(str(tmp), providers=["CPUExecutionProvider"])
        got = session.run(None, {"image": sample.numpy()})[0]
        if not (np.all(np.isfinite(expected)) and np.all(np.isfinite(got))):
            side = "torch" if not np.all(np.isfinite(expected)) else "its ONNX export"
            raise ModelFileError(f"The model gives non-finite class probabilities (NaN or infinity) with {side} on a "
                                 "test input: its weights are broken; use another model file.")
        error = float(np.abs(got - expected).max())
        if not error <= EXPORT_TOLERANCE:
            raise ExportMismatchError(
                f"the ONNX export differs from torch by {error:.2g} (tolerance {EXPORT_TOLERANCE:g})")
        write_export_digest(tmp, model_sha256)


def export_digest_path(path: Path) -> Path:
    """The digest file of an ONNX export: ``NAME.onnx.sha256`` (JSON: the export's and the model file's SHA-256)."""
    return path.with_name(path.name + ".sha256")


def write_export_digest(path: Path, model_sha256: str) -> None:
    """Records the SHA-256 of the export at ``path`` and of the model file it came from."""
    digest = {"onnx_sha256": file_hash(path), "model_sha256": model_sha256}
    export_digest_path(path).write_text(json.dumps(digest))


def export_problem(path: Path, model_sha256: str) -> str | None:
    """Why the cached export at ``path`` must not be used, or None when it is intact and of this model file.

    Returns:
        ``"missing"``, or a sentence: no digest file, a damaged export (its content no longer matches its
        digest), or a stale one (made from another model file).
    """
    if not path.is_file():
        return "missing"
    try:
        recorded = json.loads(export_digest_path(path).read_text())
        onnx_sha256, made_from = recorded["onnx_sha256"], recorded["model_sha256"]
    except (OSError, ValueError, KeyError, TypeError):
        return f"the cached ONNX export {path} has no readable digest file"
    if made_from != model_sha256:
        return f"the cached ONNX export {path} was made from another model file"
    if file_hash(path) != onnx_sha256:
        return f"the cached ONNX export {path} is damaged (its content no longer matches its digest)"
    return None


def onnx_export_path(model_path: str | Path, tile: int) -> Path:
    """Where the ONNX export of a model file for one tile size is cached."""
    return onnx_cache_path(file_hash(model_path), tile)


def onnx_cache_path(sha256: str, tile: int) -> Path:
    """Where the ONNX export of the model file with content hash ``sha256`` for one tile size is cached."""
    key = f"{sha256[:32]}-t{tile}-op{OPSET}-v{_CACHE_VERSION}-torch{torch.__version__.split('+')[0]}"
    return cache_dir() / f"{key}.onnx"


def make_runner(model_path: str | Path, tile: int, device: Device = "auto", backend: Backend = "auto",
                threads: int | None = None, reporter: Reporter | None = None) -> Runner:
    """Loads a model file into the fastest correct backend for ``device`` (see :func:`model_runner`).

    Raises:
        ModelFileError: the model file is missing or corrupt.
        InputError: an impossible device/backend combination.
    """
    return model_runner(read_model(model_path), tile, device, backend, threads, reporter)


def model_runner(model: ModelFile, tile: int, device: Device = "auto", backend: Backend = "auto",
                 threads: int | None = None, reporter: Reporter | None = None) -> Runner:
    """A read model file in the fastest correct backend for ``device``.

    Args:
        model: the model file, read.
        tile: tile size the runner will see (ONNX exports are specialised to it).
        device: ``auto`` (CUDA when available), ``cpu`` or ``cuda``.
        backend: ``auto`` (onnxruntime on CPU, torch on CUDA), ``torch`` or ``onnx`` (CPU only).
        threads: CPU threads (default: all cores of this process).
        reporter: receives a warning when the ONNX path cannot be used and torch is used instead.

    Raises:
        ModelFileError: weights that do not fit the model's architecture.
        InputError: an impossible device/backend combination.
    """
    torch_device = pick_device(device)
    threads = threads or cpu_threads()
    if backend == "onnx" and torch_device.type != "cpu":
        raise InputError("--backend onnx runs on CPU only; use --device cpu, or --backend torch on CUDA.")
    network, spec, name = model.network("cpu"), model.spec, model.path.name
    if torch_device.type == "cpu":
        torch.set_num_threads(threads)
    if backend == "torch" or torch_device.type != "cpu":
        return TorchRunner(network, spec, torch_device)
    path = onnx_cache_path(model.sha256, tile)
    try:
        cached_export(network, model, tile, path, reporter)
        return OnnxRunner(path, spec, threads)
    except LandcoverError:
        raise
    except Exception as exc:  # any export or runtime problem: torch is always correct
        if is_full_disk(exc):  # the user must know: every later run would export again, and fail again
            raise
        if backend == "onnx":
            raise InputError(f"The ONNX path is not available for {model.path}: {exc}") from None
        if reporter is not None:  # documented fallback: loud, and the maps stay right (torch is the reference)
            reporter.warning(f"ONNX export of {name} failed ({exc}); using torch on CPU (slower, same results).")
        return TorchRunner(network, spec, torch_device)


def cached_export(network: nn.Module, model: ModelFile, tile: int, path: Path, reporter: Reporter | None) -> None:
    """Makes the ONNX export at ``path`` unless an intact one of this model file is there; a bad one is rebuilt.

    Raises:
        ModelFileError: the model gives non-finite probabilities.
        ExportMismatchError: the export differs from torch.
    """
    problem = export_problem(path, model.sha256)
    if problem is None:
        return
    if problem != "missing" and reporter is not None:
        reporter.warning(f"{problem[0].upper()}{problem[1:]}; it is rebuilt.")
    path.parent.mkdir(parents=True, exist_ok=True)
    if reporter is not None:
        reporter.log(f"Exporting {model.path.name} to ONNX for tiles of {tile} px (cached in {path.parent}).")
    export_onnx(network, model.spec, tile, path, model.sha256)
