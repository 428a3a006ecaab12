"""Pretrained backbones (``--weights imagenet|PATH``): real state-dict files, real torch, no internet.

ImageNet downloads go to local addresses only: a closed port (offline) or a tiny HTTP server in a thread.
"""

from __future__ import annotations

import hashlib
import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import torch
from conftest import TINY_TRAIN, parse_events
from torch import nn
from torchvision.models import mobilenet_v3_large, resnet50

from landcover_core.errors import InputError
from landcover_core.models import weights as pretrained
from landcover_core.models.modelfile import model_info
from landcover_core.models.networks import build_model
from landcover_core.progress import Reporter

#: A port nothing listens on: connections are refused at once, as on an offline machine.
UNREACHABLE = "http://127.0.0.1:9"


@pytest.fixture(scope="module")
def resnet_state() -> dict[str, torch.Tensor]:
    """A timm/torchvision-named ResNet50 state dict whose first convolution takes 13 bands (SSL4EO-S12 style)."""
    torch.manual_seed(0)
    net = resnet50(weights=None)
    net.conv1 = nn.Conv2d(13, 64, 7, 2, 3, bias=False)
    return {k: v.clone() for k, v in net.state_dict().items()}


@pytest.fixture(scope="module")
def mobilenet_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """torchvision's MobileNetV3-Large classifier state dict (``features.*``, ``classifier.*``), random init."""
    torch.manual_seed(1)
    path = tmp_path_factory.mktemp("weights") / "mobilenet.pth"
    torch.save(mobilenet_v3_large(weights=None).state_dict(), path)
    return path


def _json_reporter() -> Reporter:
    return Reporter(json_mode=True)


def _logs(out: str) -> list[str]:
    return [e["message"] for e in parse_events(out) if e["event"] == "log"]


def test_13_band_resnet50_into_4_bands_copies_filters_by_band_number(resnet_state, tmp_path, capsys):
    path = tmp_path / "ssl4eo.pth"
    torch.save({"epoch": 99, "state_dict": {f"backbone.{k}": v for k, v in resnet_state.items()}}, path)
    model = build_model("resnet50", 4, 3, weights=str(path), bands=[2, 3, 4, 8], reporter=_json_reporter())
    conv = model.backbone.conv1.weight.detach()
    source = resnet_state["conv1.weight"]
    assert conv.shape == (64, 4, 7, 7)
    for channel, file_channel in enumerate([1, 2, 3, 7]):
        assert torch.allclose(conv[:, channel], source[:, file_channel] * 13 / 4)
    assert torch.equal(model.backbone.layer4[2].conv3.weight, resnet_state["layer4.2.conv3.weight"])
    assert torch.equal(model.backbone.layer1[0].bn1.running_mean, resnet_state["layer1.0.bn1.running_mean"])
    record = model.pretrained
    total = sum(1 for k in model.backbone.state_dict() if not k.endswith("num_batches_tracked"))
    assert record["loaded"] == record["total"] == total and record["missing"] == []
    assert record["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert record["source"] == str(path.resolve())
    assert record["first_conv"]["file_bands"] == 13 and record["first_conv"]["copied_bands"] == [2, 3, 4, 8]
    assert record["first_conv"]["scale"] == pytest.approx(13 / 4)
    logs = _logs(capsys.readouterr().out)
    assert any(f"loaded {total} of {total} resnet50 tensors" in m and "from 13 to 4 bands" in m for m in logs), logs
    assert any("fc.weight" in m and "Not used" in m for m in logs), logs
    with torch.no_grad():  # the adapted model runs
        assert model.eval()(torch.randn(1, 4, 64, 64)).shape == (1, 3, 64, 64)


def test_bands_beyond_the_file_take_the_mean_filter():
    weight = torch.randn(8, 3, 3, 3)
    new, record = pretrained.adapt_first_conv_weight(weight, [3, 1, 5, 4])
    scale = 3 / 4
    assert torch.allclose(new[:, 0], weight[:, 2] * scale) and torch.allclose(new[:, 1], weight[:, 0] * scale)
    assert torch.allclose(new[:, 2], weight.mean(dim=1) * scale) and torch.allclose(new[:, 3], new[:, 2])
    assert record["copied_bands"] == [3, 1] and record["mean_bands"] == [5, 4]


def test_missing_tensors_are_loaded_partially_and_reported(resnet_state, tmp_path, capsys):
    state = {k: v for k, v in resnet_state.items() if not k.startswith("layer4.2.bn3")}  # 4 tensors short
    path = tmp_path / "partial.pth"
    torch.save({"model": state}, path)
    model = build_model("resnet50", 13, 2, weights=str(path), bands=list(range(1, 14)), reporter=_json_reporter())
    assert torch.equal(model.backbone.conv1.weight, resnet_state["conv1.weight"])  # 13 bands: copied as they are
    assert model.pretrained["loaded"] == model.pretrained["total"] - 4
    assert model.pretrained["missing"] == [f"layer4.2.bn3.{n}" for n in ("weight", "bias", "running_mean",
                                                                        "running_var")]
    events = parse_events(capsys.readouterr().out)
    warnings = [e["message"] for e in events if e["event"] == "log" and e["level"] == "warning"]
    assert any("4 backbone tensor(s) were not in the weights file" in w and "layer4.2.bn3.weight" in w
               for w in warnings), warnings


def test_files_for_another_architecture_are_refused(resnet_state, mobilenet_file, tmp_path):
    with pytest.raises(InputError, match="does not fit a resnet50 backbone: only 0 of") as error:
        build_model("resnet50", 3, 2, weights=str(mobilenet_file))
    assert "MobileNetV3" in str(error.value) and str(mobilenet_file) in str(error.value)
    deeper = {**resnet_state, "layer3.6.conv1.weight": torch.zeros(256, 1024, 1, 1)}  # a block resnet50 lacks
    torch.save(deeper, tmp_path / "deeper.pth")
    with pytest.raises(InputError, match="layers a resnet50 lacks"):
        build_model("resnet50", 3, 2, weights=str(tmp_path / "deeper.pth"))
    torch.save({"x": torch.zeros(2)}, tmp_path / "other.pth")
    with pytest.raises(InputError, match="only 0 of"):
        build_model("mobilenet_v3_large", 3, 2, weights=str(tmp_path / "other.pth"))
    torch.save({"epoch": 3}, tmp_path / "empty.pth")
    with pytest.raises(InputError, match="holds no state dict"):
        build_model("mobilenet_v3_large", 3, 2, weights=str(tmp_path / "empty.pth"))
    (tmp_path / "text.pth").write_text("not torch")
    with pytest.raises(InputError, match="Cannot read weights file"):
        build_model("mobilenet_v3_large", 3, 2, weights=str(tmp_path / "text.pth"))


def test_imagenet_from_torch_cache(mobilenet_file, tmp_path, monkeypatch):
    monkeypatch.setenv("TORCH_HOME", str(tmp_path / "torch"))
    monkeypatch.setattr(pretrained, "DOWNLOAD_TIMEOUT", 1.0)
    cached = pretrained.imagenet_weights_path("mobilenet_v3_large")
    assert cached == tmp_path / "torch" / "hub" / "checkpoints" / "mobilenet_v3_large-8738ca79.pth"
    cached.parent.mkdir(parents=True)
    cached.write_bytes(mobilenet_file.read_bytes())
    model = build_model("mobilenet_v3_large", 3, 2, weights="imagenet")
    state = torch.load(mobilenet_file, weights_only=True)
    assert torch.equal(model.backbone["0"][0].weight, state["features.0.0.weight"])  # RGB copied as is
    assert torch.equal(model.backbone["16"][1].running_var, state["features.16.1.running_var"])
    record = model.pretrained
    assert record["source"] == "imagenet" and record["file"] == cached.name
    assert record["url"] == "https://download.pytorch.org/models/mobilenet_v3_large-8738ca79.pth"
    assert record["loaded"] == record["total"] and record["first_conv"]["rule"].startswith("copied")


def test_imagenet_offline_names_file_url_and_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("TORCH_HOME", str(tmp_path / "torch"))
    monkeypatch.setattr(pretrained, "imagenet_url", lambda arch: f"{UNREACHABLE}/resnet50-0676ba61.pth")
    with pytest.raises(InputError) as error:
        build_model("resnet50", 4, 2, weights="imagenet")
    message = str(error.value)
    checkpoints = tmp_path / "torch" / "hub" / "checkpoints"
    for part in ("Cannot download the ImageNet weights of resnet50", "offline", f"{UNREACHABLE}/resnet50-0676ba61.pth",
                 "resnet50-0676ba61.pth into torch's cache folder", str(checkpoints), "--weights none"):
        assert part in message, message
    assert list(checkpoints.iterdir()) == []  # no partial file


def test_imagenet_into_an_unwritable_cache_is_refused_clearly(tmp_path, monkeypatch):
    (tmp_path / "a-file").write_text("not a folder")
    monkeypatch.setenv("TORCH_HOME", str(tmp_path / "a-file" / "torch"))  # cannot be created, even by root
    monkeypatch.setattr(pretrained, "imagenet_url", lambda arch: f"{UNREACHABLE}/resnet50-0676ba61.pth")
    with pytest.raises(InputError, match="Cannot write the ImageNet weights of resnet50 into torch's cache folder"):
        build_model("resnet50", 3, 2, weights="imagenet")


class _Files(http.server.BaseHTTPRequestHandler):
    """Serves ``content`` at any path (a stand-in for download.pytorch.org on localhost)."""

    content = b""

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Length", str(len(self.content)))
        self.end_headers()
        self.wfile.write(self.content)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def local_server() -> Iterator[tuple[str, type[_Files]]]:
    handler = type("Handler", (_Files,), {})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", handler
    server.shutdown()
    server.server_close()


def test_imagenet_download_into_cache_reports_progress(mobilenet_file, local_server, tmp_path, monkeypatch, capsys):
    base, handler = local_server
    handler.content = mobilenet_file.read_bytes()
    name = f"mobilenet_v3_large-{hashlib.sha256(handler.content).hexdigest()[:8]}.pth"  # torchvision's naming
    monkeypatch.setenv("TORCH_HOME", str(tmp_path / "torch"))
    monkeypatch.setattr(pretrained, "imagenet_url", lambda arch: f"{base}/{name}")
    model = build_model("mobilenet_v3_large", 3, 2, weights="imagenet", reporter=_json_reporter())
    checkpoints = tmp_path / "torch" / "hub" / "checkpoints"
    assert [p.name for p in checkpoints.iterdir()] == [name]
    assert (checkpoints / name).read_bytes() == handler.content
    assert model.pretrained["loaded"] == model.pretrained["total"]
    stdout = capsys.readouterr().out
    assert all(line.startswith("{") for line in stdout.splitlines())  # stdout stays JSON lines
    progress = [e for e in parse_events(stdout) if e["event"] == "progress" and e["stage"] == "download"]
    assert progress and progress[-1]["fraction"] == 1.0 and progress[-1]["total"] == len(handler.content)
    assert len(progress) <= 201


def test_corrupted_download_leaves_nothing(local_server, tmp_path, monkeypatch):
    base, handler = local_server
    handler.content = b"\0" * 100_000
    monkeypatch.setenv("TORCH_HOME", str(tmp_path / "torch"))
    monkeypatch.setattr(pretrained, "imagenet_url", lambda arch: f"{base}/mobilenet_v3_large-8738ca79.pth")
    with pytest.raises(InputError, match="is corrupted"):
        build_model("mobilenet_v3_large", 3, 2, weights="imagenet")
    assert list((tmp_path / "torch" / "hub" / "checkpoints").iterdir()) == []


def test_training_records_the_weights_in_the_model_file(scene, mobilenet_file, tmp_path, run):
    out = tmp_path / "m.pt"
    code, _, err = run("train", "--image", scene.image, "--labels", scene.polygons, "--class-field", "class",
                       "--out", out, *TINY_TRAIN, "--weights", mobilenet_file, "--bands", "3,2,1,4")
    assert code == 0, err
    record = model_info(out)["backbone_weights"]
    assert record["source"] == str(mobilenet_file.resolve())
    assert record["sha256"] == hashlib.sha256(mobilenet_file.read_bytes()).hexdigest()
    assert record["loaded"] == record["total"] > 100
    assert record["first_conv"]["copied_bands"] == [3, 2, 1] and record["first_conv"]["mean_bands"] == [4]
    json.dumps(record)  # plain data in the model file
