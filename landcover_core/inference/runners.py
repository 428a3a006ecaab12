"""Inference backends: a model file turned into ``probabilities = runner(normalised batch)``.

On CPU the fastest correct path is onnxruntime: torch's eager CPU kernels are slower on these
DeepLabV3 models and degrade badly when another process competes for the cores (measured by
``python -m landcover_core.bench``). The ONNX export is cached, keyed by the model file's hash and
the tile size, and is checked against torch once before it is used; on CUDA torch is used directly.
"""

from __future__ import annotations

import hashlib
import os
import warnings
from pathlib import Path
from typing import Protocol

import numpy as np
import torch
from torch import nn

from landcover_core.config import Backend, DeviceChoice
from landcover_core.device import pick_device
from landcover_core.errors import InputError
from landcover_core.files import atomic_output
from landcover_core.modelfile import ModelSpec, load_model
from landcover_core.progress import Reporter

Device = DeviceChoice

OPSET = 17
#: Largest difference in probability allowed between the ONNX export and torch.
EXPORT_TOLERANCE = 1e-3
_CACHE_VERSION = 1


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
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def export_onnx(model: nn.Module, spec: ModelSpec, tile: int, path: Path) -> None:
    """Exports ``Probabilities(model)`` with a dynamic batch axis and checks it against torch.

    Raises:
        RuntimeError: the export fails or its output differs from torch's.
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
        error = float(np.abs(got - expected).max())
        if not error <= EXPORT_TOLERANCE:
            raise RuntimeError(f"the ONNX export differs from torch by {error:.2g}")


def onnx_export_path(model_path: str | Path, tile: int) -> Path:
    """Where the ONNX export of a model for one tile size is cached."""
    key = f"{file_hash(model_path)[:32]}-t{tile}-op{OPSET}-v{_CACHE_VERSION}-torch{torch.__version__.split('+')[0]}"
    return cache_dir() / f"{key}.onnx"


def make_runner(model_path: str | Path, tile: int, device: Device = "auto", backend: Backend = "auto",
                threads: int | None = None, reporter: Reporter | None = None) -> Runner:
    """Loads a model file into the fastest correct backend for ``device``.

    Args:
        model_path: landcover model file.
        tile: tile size the runner will see (ONNX exports are specialised to it).
        device: ``auto`` (CUDA when available), ``cpu`` or ``cuda``.
        backend: ``auto`` (onnxruntime on CPU, torch on CUDA), ``torch`` or ``onnx`` (CPU only).
        threads: CPU threads (default: all cores of this process).
        reporter: receives a warning when the ONNX path cannot be used and torch is used instead.

    Raises:
        ModelFileError: the model file is missing or corrupt.
        InputError: an impossible device/backend combination.
    """
    torch_device = pick_device(device)
    threads = threads or cpu_threads()
    model, spec = load_model(model_path, "cpu")
    if backend == "onnx" and torch_device.type != "cpu":
        raise InputError("--backend onnx runs on CPU only; use --device cpu, or --backend torch on CUDA.")
    if torch_device.type == "cpu":
        torch.set_num_threads(threads)
    if backend == "torch" or torch_device.type != "cpu":
        return TorchRunner(model, spec, torch_device)
    path = onnx_export_path(model_path, tile)
    try:
        if not path.is_file():
            path.parent.mkdir(parents=True, exist_ok=True)
            if reporter is not None:
                reporter.log(f"Exporting {Path(model_path).name} to ONNX for tiles of {tile} px "
                             f"(cached in {path.parent}).")
            export_onnx(model, spec, tile, path)
        return OnnxRunner(path, spec, threads)
    except Exception as exc:  # noqa: BLE001 - any export or runtime problem: torch is always correct
        if backend == "onnx":
            raise InputError(f"The ONNX path is not available for {model_path}: {exc}") from None
        if reporter is not None:
            reporter.warning(f"ONNX export of {Path(model_path).name} failed ({exc}); using torch on CPU.")
        return TorchRunner(model, spec, torch_device)
