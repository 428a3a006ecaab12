"""Pretrained backbone weights: torchvision's ImageNet files and user state dicts (``--weights imagenet|PATH``).

``imagenet``
    torchvision's ImageNet-1k weights of the backbone (``IMAGENET1K_V1`` of resnet18/34/50/101 and
    mobilenet_v3_large), read from torch's hub cache (``$TORCH_HOME/hub/checkpoints``, by default
    ``~/.cache/torch/hub/checkpoints``). A file not cached yet is downloaded there with torch's own
    downloader (``torch.hub.download_url_to_file``, the one behind torchvision's ``get_state_dict``): it
    writes a temporary ``.partial`` file next to the target, checks the SHA-256 prefix in the file name and
    renames it only when complete, so an interrupted or failed download never leaves a partial file. The
    progress goes through the :class:`~landcover_core.progress.Reporter`. Offline, the error names the
    file, its URL and the folder to copy it into.

``PATH``
    A torchvision or timm-style state dict of the same backbone: a ResNet (``conv1.weight``, ``bn1.*``,
    ``layer1.0.conv1.weight``... — torchvision and timm share these names; ``fc.*`` is not used) or a
    torchvision or timm MobileNetV3-Large (``features.0.0.weight``... or timm's ``mobilenetv3_large_100``
    ``conv_stem.weight``, ``blocks.2.0.se.conv_reduce.weight``..., see :func:`timm_mobilenet_name`), e.g.
    torchgeo's Sentinel-2 ResNet18 or ResNet50 weights
    (SSL4EO-S12, 13 bands). The tensors may be wrapped in ``state_dict`` / ``model`` entries and carry
    ``module.``, ``backbone.``, ``encoder.``, ``model.`` prefixes (a landcover model file works too).
    A file that fits less than :data:`MIN_MATCHED` of the backbone, or holds layers this backbone lacks
    (another architecture), is refused: never a silent random initialisation.

First convolution
    When the file's first convolution has another number of input channels than the model has bands,
    the model's band ``i`` (a 1-based raster band number, as given by ``--bands``) takes the file's
    channel ``i`` when the file has that many channels, and the mean of the file's filters otherwise;
    every filter is then scaled by ``file channels / model bands`` so that activations keep their size.
    E.g. a 13-band Sentinel-2 file and ``--bands 2,3,4,8`` copy the file's channels 2, 3, 4 and 8
    (scaled by 13/4); ImageNet's RGB filters and 4 bands give bands 1-3 the R, G, B filters and band 4
    their mean (scaled by 3/4). With equal counts the filters are copied as they are.

What was loaded (source, SHA-256, tensors loaded of total, first-convolution adaptation) is reported
and returned as a plain dict that the trainer records in the model file.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import socket
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any
from urllib.error import URLError

import torch
from torch import nn

from landcover_core.errors import InputError
from landcover_core.progress import Reporter

#: torchvision's ImageNet weights of each backbone (names of the weights enums' members).
IMAGENET_WEIGHTS = {
    "resnet50": "ResNet50_Weights.IMAGENET1K_V1",
    "resnet101": "ResNet101_Weights.IMAGENET1K_V1",
    "resnet18": "ResNet18_Weights.IMAGENET1K_V1",
    "resnet34": "ResNet34_Weights.IMAGENET1K_V1",
    "mobilenet_v3_large": "MobileNet_V3_Large_Weights.IMAGENET1K_V1",
}
#: Share of the backbone's tensors a weights file must fill (by name and shape) to be accepted.
MIN_MATCHED = 0.9
#: Entries that wrap a state dict in checkpoints (Lightning, MoCo, timm, torchgeo, landcover model files).
WRAPPERS = ("state_dict", "model", "model_state_dict", "module", "net", "backbone")
#: Key prefixes removed to find a backbone tensor's name (any order, repeatedly).
PREFIXES = ("module.", "model.", "backbone.", "encoder.", "encoder_q.", "net.", "body.")
#: Seconds without an answer from the server after which a download is given up.
DOWNLOAD_TIMEOUT = 60.0
#: How many names a report lists before "and N more".
SHOWN = 5


def imagenet_url(arch: str) -> str:
    """The URL of torchvision's ImageNet weights of ``arch``'s backbone (from torchvision's weights enum)."""
    from torchvision.models import get_weight

    return str(get_weight(IMAGENET_WEIGHTS[arch]).url)


def imagenet_weights_path(arch: str) -> Path:
    """Where torch's hub cache keeps the ImageNet weights of ``arch`` (honours ``TORCH_HOME``)."""
    return Path(torch.hub.get_dir()) / "checkpoints" / Path(imagenet_url(arch)).name


def fetch_imagenet_weights(arch: str, reporter: Reporter) -> Path:
    """The cached ImageNet weights file of ``arch``, downloaded into torch's cache when missing.

    Raises:
        InputError: the download failed (offline, server unreachable, interrupted, corrupted); the message
            names the file, its URL and the cache folder to copy it into.
    """
    path = imagenet_weights_path(arch)
    if path.is_file():
        return path
    url = imagenet_url(arch)
    reporter.log(f"Downloading torchvision's ImageNet weights of {arch} from {url} into torch's cache {path.parent}")
    match = re.search(r"-([a-f0-9]{8,})\.", path.name)  # torchvision names its files NAME-SHA256PREFIX.pth
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with _hub_progress(reporter, f"downloading {path.name}"), _socket_timeout(DOWNLOAD_TIMEOUT):
            torch.hub.download_url_to_file(url, str(path), match.group(1) if match else None, progress=True)
    except (URLError, TimeoutError, ConnectionError) as exc:  # no network, server unreachable or silent
        reason = getattr(exc, "reason", None) or exc.strerror or exc
        raise InputError(
            f"Cannot download the ImageNet weights of {arch} ({reason}); this machine may be offline. On a "
            f"connected machine, download {url} and copy the file {path.name} into torch's cache folder "
            f"{path.parent} (set TORCH_HOME to use another cache), or pass --weights PATH with that file, or "
            "train from scratch with --weights none."
        ) from None
    except OSError as exc:  # a full, read-only or missing cache folder
        raise InputError(
            f"Cannot write the ImageNet weights of {arch} into torch's cache folder {path.parent} "
            f"({exc.strerror or exc}); free some space there or set TORCH_HOME to a writable folder. Nothing was "
            "kept."
        ) from None
    except RuntimeError as exc:  # torch.hub's hash check
        raise InputError(f"The download of {url} is corrupted ({exc}); nothing was kept. Try again.") from None
    reporter.log(f"Saved {path}")
    return path


@contextlib.contextmanager
def _hub_progress(reporter: Reporter, message: str) -> Iterator[None]:
    """Routes torch.hub's download progress bar through the reporter (JSON events for the plugin)."""
    original = getattr(torch.hub, "tqdm", None)

    def bar(total: int | None = None, **_: Any) -> Any:
        return reporter.bar(total, "download", message, unit="B")

    torch.hub.tqdm = bar
    try:
        yield
    finally:
        torch.hub.tqdm = original


@contextlib.contextmanager
def _socket_timeout(seconds: float) -> Iterator[None]:
    """A socket timeout for the block (torch.hub's urlopen has none: a silent network would hang forever)."""
    previous = socket.getdefaulttimeout()
    socket.setdefaulttimeout(seconds)
    try:
        yield
    finally:
        socket.setdefaulttimeout(previous)


def load_backbone_weights(backbone: nn.Module, arch: str, weights: str, bands: Sequence[int], first_conv: str,
                          reporter: Reporter | None = None) -> dict[str, Any]:
    """Loads ``imagenet`` or a weights file into ``backbone``, adapting the first convolution to ``bands``.

    The first-convolution rule is in this module's docstring. The backbone's first convolution must
    already have ``len(bands)`` input channels.

    Args:
        backbone: torchvision DeepLabV3 backbone (ResNet layers or MobileNetV3 features).
        arch: its architecture.
        weights: ``imagenet`` or the path of a state-dict file.
        bands: the model's 1-based raster band numbers, in channel order.
        first_conv: the backbone's key of the first convolution's weight.
        reporter: where to report the download and what was loaded (default: quiet).

    Returns:
        What was loaded, for the model file: ``source``, ``file``, ``sha256``, ``loaded``, ``total``,
        ``missing`` (up to a few names), ``first_conv``.

    Raises:
        InputError: a missing, unreadable or unfitting file, or a failed download.
    """
    reporter = reporter or Reporter(quiet=True)
    if weights == "imagenet":
        path = fetch_imagenet_weights(arch, reporter)
    else:
        path = Path(weights)
        if not path.is_file():
            raise InputError(f"Weights file {path} does not exist (use --weights none|imagenet|PATH).")
    state = read_state_dict(path, weights == "imagenet")
    own = {k: v for k, v in backbone.state_dict().items() if not k.endswith("num_batches_tracked")}
    matched, unused, mismatched = match_keys(state, own, arch)
    foreign = sorted(k for k in unused if _top_module(k) in {_top_module(name) for name in own})
    adaptation: dict[str, Any] | None = None
    source = matched.get(first_conv)
    if source is not None and source.shape[1] != own[first_conv].shape[1] \
            and source.shape[:1] + source.shape[2:] == own[first_conv].shape[:1] + own[first_conv].shape[2:]:
        matched[first_conv], adaptation = adapt_first_conv_weight(source, bands)
        mismatched.pop(first_conv, None)
    matched = {k: v for k, v in matched.items() if k not in mismatched}
    total = len(own)
    if len(matched) < MIN_MATCHED * total or foreign:
        raise InputError(_unfit_message(path, arch, len(matched), total, mismatched, foreign, state))
    backbone.load_state_dict(matched, strict=False)
    missing = [k for k in own if k not in matched]
    record = {
        "source": "imagenet" if weights == "imagenet" else str(path.resolve()),
        "file": path.name,
        "url": imagenet_url(arch) if weights == "imagenet" else None,
        "sha256": _sha256(path),
        "loaded": len(matched),
        "total": total,
        "missing": missing[:SHOWN],
        "first_conv": adaptation or _first_conv_record(first_conv in matched, len(bands)),
    }
    _report(reporter, record, arch, missing, mismatched, sorted(unused))
    return record


def read_state_dict(path: Path, cached: bool = False) -> dict[str, torch.Tensor]:
    """The tensors of a weights file, unwrapped from checkpoint entries (``state_dict``, ``model``...).

    Read with ``weights_only=True``: no code in the file runs.

    Raises:
        InputError: not a readable torch file, no tensor in it, or a tensor holding NaN or infinite values.
    """
    try:
        state = torch.load(path, map_location="cpu", weights_only=True)
    except Exception as exc:  # noqa: BLE001 - any unreadable file gets the same message
        hint = " Delete it to download it again." if cached else ""
        raise InputError(f"Cannot read weights file {path} ({type(exc).__name__}: {exc}).{hint}") from None
    while isinstance(state, dict) and not any(isinstance(v, torch.Tensor) for v in state.values()):
        inner = next((state[k] for k in WRAPPERS if isinstance(state.get(k), dict)), None)
        if inner is None:
            break
        state = inner
    tensors = {str(k): v for k, v in state.items() if isinstance(v, torch.Tensor)} if isinstance(state, dict) else {}
    if not tensors:
        raise InputError(f"Weights file {path} holds no state dict (no named tensors); give a backbone state dict "
                         "saved with torch.save(model.state_dict(), PATH).")
    # A NaN in a backbone spreads to every output in the first step: refuse it here, naming the tensor.
    broken = next((name for name, tensor in tensors.items()
                   if tensor.is_floating_point() and not bool(torch.isfinite(tensor).all())), None)
    if broken is not None:
        raise InputError(f"Weights file {path} holds NaN or infinite values (tensor '{broken}'); the file is "
                         "damaged or was saved from a diverged training: give another weights file.")
    return tensors


def match_keys(state: dict[str, torch.Tensor], own: dict[str, torch.Tensor], arch: str
               ) -> tuple[dict[str, torch.Tensor], set[str], dict[str, tuple[list[int], list[int]]]]:
    """Maps a file's tensor names to the backbone's.

    Returns:
        The file's tensors by backbone name; the names (prefixes removed) of the file's tensors that
        are not the backbone's; and, per backbone name, the file's and the backbone's shapes where they
        differ (those tensors are in the first dict too).
    """
    prefixes = (*PREFIXES, "features.") if arch.startswith("mobilenet") else PREFIXES
    matched: dict[str, torch.Tensor] = {}
    unused: set[str] = set()
    mismatched: dict[str, tuple[list[int], list[int]]] = {}
    for key, value in state.items():
        name = _strip(key, prefixes, own)
        if name not in own and arch.startswith("mobilenet"):
            name = timm_mobilenet_name(name) or name
        if name in matched:  # the same tensor twice (e.g. with and without a prefix): the first is kept
            continue
        if name not in own:
            if not name.endswith("num_batches_tracked"):
                unused.add(name)
            continue
        matched[name] = value
        if value.shape != own[name].shape:
            mismatched[name] = (list(value.shape), list(own[name].shape))
    return matched, unused, mismatched


#: Blocks per stage of timm's ``mobilenetv3_large_100`` (its ``blocks.S.I``); stage 6 is the final 1x1 conv.
TIMM_MOBILENET_STAGES = (1, 2, 3, 4, 2, 3, 1)
#: Its stages whose inverted residuals have squeeze-excitation.
TIMM_MOBILENET_SE_STAGES = (2, 4, 5)


def timm_mobilenet_name(name: str) -> str | None:
    """The torchvision MobileNetV3-Large feature name of a timm ``mobilenetv3_large_100`` tensor, or None.

    timm's stem (``conv_stem``, ``bn1``) is torchvision's ``features.0``; its blocks, stage by stage, are
    ``features.1``-``features.15`` (stage 0 a depthwise-separable block: ``conv_dw``/``bn1``, ``conv_pw``/``bn2``;
    the others inverted residuals: ``conv_pw``/``bn1`` expand, ``conv_dw``/``bn2``, ``se.conv_reduce``/
    ``se.conv_expand``, ``conv_pwl``/``bn3`` project); stage 6's ``conv``/``bn1`` is ``features.16``.
    ``conv_head`` and ``classifier`` belong to the classifier, not the backbone. Checked against timm 1.0.31:
    the mapped torchvision features give timm's ``forward_features`` exactly once BatchNorm's epsilon is the
    same (torchvision's MobileNetV3 uses 1e-3, timm 1e-5: a negligible difference for trained statistics).
    """
    stem = re.fullmatch(r"(conv_stem|bn1)\.(.+)", name)
    if stem:
        return f"0.{0 if stem.group(1) == 'conv_stem' else 1}.{stem.group(2)}"
    block = re.fullmatch(r"blocks\.(\d+)\.(\d+)\.(.+)", name)
    if not block:
        return None
    stage, number, rest = int(block.group(1)), int(block.group(2)), block.group(3)
    if stage >= len(TIMM_MOBILENET_STAGES) or number >= TIMM_MOBILENET_STAGES[stage]:
        return None
    index = 1 + sum(TIMM_MOBILENET_STAGES[:stage]) + number
    project = 3 if stage in TIMM_MOBILENET_SE_STAGES else 2
    parts = {0: {"conv_dw": "block.0.0", "bn1": "block.0.1", "conv_pw": "block.1.0", "bn2": "block.1.1"},
             6: {"conv": "0", "bn1": "1"}}.get(stage, {
        "conv_pw": "block.0.0", "bn1": "block.0.1", "conv_dw": "block.1.0", "bn2": "block.1.1",
        "se.conv_reduce": "block.2.fc1", "se.conv_expand": "block.2.fc2",
        "conv_pwl": f"block.{project}.0", "bn3": f"block.{project}.1"})
    module, _, tensor = rest.rpartition(".")
    return f"{index}.{parts[module]}.{tensor}" if module in parts else None


def adapt_first_conv_weight(weight: torch.Tensor, bands: Sequence[int]) -> tuple[torch.Tensor, dict[str, Any]]:
    """A first convolution's filters for the model's ``bands`` (1-based raster band numbers).

    Band ``i`` takes the file's channel ``i`` when the file has that many channels, else the mean of the
    file's filters; all are scaled by ``file channels / len(bands)`` so activations keep their size.

    Returns:
        The new weight (out, len(bands), kh, kw) and a description of the adaptation.
    """
    channels = int(weight.shape[1])
    scale = channels / len(bands)
    mean = weight.mean(dim=1)
    new = torch.stack([weight[:, band - 1] if 1 <= band <= channels else mean for band in bands], dim=1) * scale
    copied = [band for band in bands if 1 <= band <= channels]
    return new.contiguous(), {
        "file_bands": channels,
        "model_bands": len(bands),
        "rule": "band i takes the file's channel i, else the mean filter; scaled by file/model band counts",
        "copied_bands": copied,
        "mean_bands": [band for band in bands if band not in copied],
        "scale": scale,
    }


def _first_conv_record(loaded: bool, bands: int) -> dict[str, Any]:
    rule = "copied (same number of bands)" if loaded else "not in the file: random initialisation"
    return {"file_bands": bands if loaded else None, "model_bands": bands, "rule": rule}


def _strip(key: str, prefixes: Sequence[str], own: dict[str, torch.Tensor]) -> str:
    """``key`` without its wrapper prefixes (stops as soon as it names a backbone tensor)."""
    name = key
    while name not in own:
        prefix = next((p for p in prefixes if name.startswith(p)), None)
        if prefix is None:
            break
        name = name[len(prefix):]
    return name


def _top_module(name: str) -> str:
    """``layer3`` of ``layer3.6.conv1.weight``; ``3`` of MobileNet's ``3.block.0.0.weight``."""
    return name.split(".", 1)[0]


def _guess_arch(names: Sequence[str]) -> str | None:
    """The backbone a file's (prefix-free) tensor names suggest, when recognisable."""
    blocks = [int(m.group(1)) for n in names if (m := re.search(r"(?:^|\.)layer3\.(\d+)\.", n))]
    if blocks:
        # ResNet34 and ResNet50 both have 6 blocks in layer3: BasicBlocks have no conv3.
        known = ({5: "resnet50", 22: "resnet101"} if any(".conv3." in n for n in names)
                 else {1: "resnet18", 5: "resnet34"})
        return known.get(max(blocks), f"a ResNet with {max(blocks) + 1} blocks in layer3")
    if any(re.search(r"(?:^|\.)(?:features\.)?\d+\.block\.", n) for n in names):
        return "a MobileNetV3 (torchvision names)"
    if any(n.startswith(("conv_stem.", "blocks.")) for n in names):
        return "a timm EfficientNet/MobileNet (timm names)"
    return None


def _unfit_message(path: Path, arch: str, matched: int, total: int, mismatched: dict[str, Any],
                   foreign: list[str], state: dict[str, torch.Tensor]) -> str:
    names = list(state)
    guess = _guess_arch(names)
    details = [f"only {matched} of the backbone's {total} tensors match by name and shape"]
    if foreign:
        details.append(f"it holds {len(foreign)} tensor(s) of layers a {arch} lacks ({_few(foreign)})")
    if mismatched:
        shown = ", ".join(f"{k} {a} vs {b}" for k, (a, b) in list(mismatched.items())[:3])
        details.append(f"{len(mismatched)} have other shapes ({shown})")
    arch_hint = f"; it looks like {guess}" if guess and guess != arch else ""
    return (
        f"Weights file {path} does not fit a {arch} backbone: {'; '.join(details)} (its tensors: {_few(names)}). "
        f"It is probably for another architecture{arch_hint}. Choose the --arch the file was made for, or give a "
        f"torchvision or timm {arch} state dict, or use --weights imagenet or none."
    )


def _report(reporter: Reporter, record: dict[str, Any], arch: str, missing: list[str],
            mismatched: dict[str, Any], unused: list[str]) -> None:
    conv = record["first_conv"]
    adapted = ""
    if "scale" in conv:
        mean = f", band(s) {conv['mean_bands']} the mean filter" if conv["mean_bands"] else ""
        adapted = (f"; first convolution adapted from {conv['file_bands']} to {conv['model_bands']} bands (band(s) "
                   f"{conv['copied_bands']} take the file's channels of the same number{mean}; scaled by "
                   f"{conv['scale']:.3g})")
    reporter.log(f"Backbone weights: loaded {record['loaded']} of {record['total']} {arch} tensors from "
                 f"{record['source']} (sha256 {record['sha256'][:12]}){adapted}.")
    if missing:
        why = f" ({len(mismatched)} with other shapes)" if mismatched else ""
        reporter.warning(f"{len(missing)} backbone tensor(s) were not in the weights file{why} and keep their "
                         f"random initialisation: {_few(missing)}.")
    if unused:
        reporter.log(f"Not used from the weights file (not part of a {arch} backbone): {_few(unused)}.")


def _few(names: Sequence[str]) -> str:
    shown = ", ".join(names[:SHOWN])
    return shown + (f" and {len(names) - SHOWN} more" if len(names) > SHOWN else "")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
