import dataclasses
import json
from pathlib import Path

import pytest
import torch

from landcover_core.common.classes import DEEPGLOBE
from landcover_core.errors import InputError, ModelFileError
from landcover_core.models.modelfile import FORMAT_VERSION, ModelSpec, load_model, model_info, save_model
from landcover_core.models.networks import build_model


@pytest.mark.parametrize("arch,bands", [("mobilenet_v3_large", 1), ("mobilenet_v3_large", 5), ("resnet50", 4)])
def test_any_band_count_gives_full_resolution_logits(arch, bands):
    model = build_model(arch, bands, 3).eval()
    with torch.no_grad():
        assert model(torch.randn(1, bands, 64, 48)).shape == (1, 3, 64, 48)


@pytest.mark.parametrize("arch", ["mobilenet_v3_large", "resnet50"])
def test_plus_decoder_fuses_stride_4_features(arch):
    torch.manual_seed(0)
    model = build_model(arch, 4, 3, decoder="plus").eval()
    assert model.decoder == "plus" and build_model(arch, 4, 3).decoder == "none"
    with torch.no_grad():
        logits = model(torch.randn(1, 4, 64, 48))
        assert logits.shape == (1, 3, 64, 48)
        # The stride-4 features reach the logits: changing them changes the output (DeepLabV3 would ignore them).
        features = model.net.backbone(torch.randn(1, 4, 64, 48))
        assert features["low"].shape[-2:] == (16, 12)
        head = model.net.classifier
        shifted = head(features["out"], features["low"] + 1)
        assert not torch.allclose(head(features["out"], features["low"]), shifted)
    with pytest.raises(InputError, match="Unknown decoder"):
        build_model(arch, 3, 2, decoder="unet")


@pytest.mark.parametrize("decoder", ["none", "plus"])
def test_head_never_uses_batchnorm(decoder):
    model = build_model("mobilenet_v3_large", 3, 2, decoder=decoder)
    assert not any(isinstance(m, torch.nn.BatchNorm2d) for m in model.net.classifier.modules())
    grouped = build_model("mobilenet_v3_large", 3, 2, backbone_norm="group")
    assert not any(isinstance(m, torch.nn.BatchNorm2d) for m in grouped.modules())


def test_backbone_weights_file_is_loaded_and_first_conv_adapted(tmp_path):
    from torchvision.models import mobilenet_v3_large

    torch.manual_seed(1)
    classifier = mobilenet_v3_large(weights=None)
    path = tmp_path / "backbone.pth"
    torch.save(classifier.state_dict(), path)
    model = build_model("mobilenet_v3_large", 4, 3, weights=str(path))
    backbone = model.backbone
    assert torch.equal(backbone["1"].block[0][0].weight, classifier.features[1].block[0][0].weight)
    rgb = classifier.features[0][0].weight
    assert torch.allclose(backbone["0"][0].weight[:, 0], rgb[:, 0] * 3 / 4)  # bands 1-3 take R, G, B
    assert torch.allclose(backbone["0"][0].weight[:, 3], rgb.mean(dim=1) * 3 / 4)  # band 4: their mean


def test_timm_mobilenet_v3_weights_are_mapped_to_torchvision_names(tmp_path):
    # Names and shapes of timm's mobilenetv3_large_100 (written by timm 1.0.31); random values stand for weights.
    listing = json.loads((Path(__file__).parent / "data" / "timm_mobilenetv3_large_100.json").read_text())["shapes"]
    torch.manual_seed(2)
    state = {name: torch.randn(shape) if shape else torch.tensor(3) for name, shape in listing.items()}
    path = tmp_path / "timm.pth"
    torch.save({"state_dict": {f"model.{k}": v for k, v in state.items()}}, path)
    model = build_model("mobilenet_v3_large", 3, 2, weights=str(path), decoder="plus")
    assert model.pretrained["loaded"] == model.pretrained["total"] and model.pretrained["missing"] == []
    own = model.backbone.state_dict()
    for timm_name, torchvision_name in (("conv_stem.weight", "0.0.weight"), ("bn1.running_var", "0.1.running_var"),
                                        ("blocks.0.0.conv_pw.weight", "1.block.1.0.weight"),
                                        ("blocks.1.1.bn3.bias", "3.block.2.1.bias"),
                                        ("blocks.2.0.se.conv_reduce.weight", "4.block.2.fc1.weight"),
                                        ("blocks.2.0.conv_pwl.weight", "4.block.3.0.weight"),
                                        ("blocks.5.2.bn2.weight", "15.block.1.1.weight"),
                                        ("blocks.6.0.bn1.running_mean", "16.1.running_mean")):
        assert torch.equal(own[torchvision_name], state[timm_name]), timm_name


def test_unusable_weights_are_refused_clearly(tmp_path, monkeypatch):
    from landcover_core.models import weights

    monkeypatch.setenv("TORCH_HOME", str(tmp_path / "empty-cache"))
    monkeypatch.setattr(weights, "imagenet_url", lambda arch: "http://127.0.0.1:9/resnet50-0676ba61.pth")
    with pytest.raises(InputError, match="Cannot download the ImageNet weights"):
        build_model("resnet50", 3, 2, weights="imagenet")
    with pytest.raises(InputError, match="does not exist"):
        build_model("resnet50", 3, 2, weights=str(tmp_path / "nope.pth"))
    torch.save({"x": torch.zeros(2)}, tmp_path / "other.pth")
    with pytest.raises(InputError, match="does not fit"):
        build_model("resnet50", 3, 2, weights=str(tmp_path / "other.pth"))
    with pytest.raises(InputError, match="Unknown architecture"):
        build_model("vgg", 3, 2)


def _spec():
    return ModelSpec("mobilenet_v3_large", [1, 2, 3], DEEPGLOBE, [10.0, 20.0, 30.0], [1.0, 2.0, 3.0], "batch", 64,
                     config={"seed": 1}, metrics={"val_miou": 0.5})


@pytest.mark.parametrize("decoder", ["none", "plus"])
def test_model_file_round_trip(tmp_path, decoder):
    torch.manual_seed(0)
    model = build_model("mobilenet_v3_large", 3, len(DEEPGLOBE), decoder=decoder).eval()
    path = save_model(tmp_path / "m.pt", model, dataclasses.replace(_spec(), decoder=decoder))
    loaded, spec = load_model(path)
    x = torch.randn(1, 3, 64, 64)
    with torch.no_grad():
        assert torch.equal(model(x), loaded(x))
    assert spec.scheme == DEEPGLOBE and spec.bands == [1, 2, 3] and spec.mean == [10.0, 20.0, 30.0]
    assert loaded.decoder == spec.decoder == decoder
    info = model_info(path)
    assert info["decoder"] == decoder
    older = {k: v for k, v in _spec().to_dict().items() if k != "decoder"}  # files written before decoders
    assert ModelSpec.from_dict(older).decoder == "none"
    assert info["format_version"] == FORMAT_VERSION and info["metrics"]["val_miou"] == 0.5
    assert [c["name"] for c in info["classes"]][:2] == ["urban", "agriculture"]
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left behind


def test_wrong_or_corrupt_model_files(tmp_path):
    with pytest.raises(ModelFileError, match="does not exist"):
        load_model(tmp_path / "missing.pt")
    (tmp_path / "text.pt").write_text("hello")
    with pytest.raises(ModelFileError, match="not a readable"):
        load_model(tmp_path / "text.pt")
    torch.save({"weights": torch.zeros(1)}, tmp_path / "foreign.pt")
    with pytest.raises(ModelFileError, match="not a landcover model"):
        load_model(tmp_path / "foreign.pt")
    model = build_model("mobilenet_v3_large", 3, len(DEEPGLOBE))
    path = save_model(tmp_path / "m.pt", model, _spec())
    data = path.read_bytes()
    (tmp_path / "truncated.pt").write_bytes(data[: len(data) // 2])
    with pytest.raises(ModelFileError):
        load_model(tmp_path / "truncated.pt")
    payload = torch.load(path, weights_only=True)
    payload["format_version"] = FORMAT_VERSION + 1
    torch.save(payload, tmp_path / "future.pt")
    with pytest.raises(ModelFileError, match="Update landcover"):
        load_model(tmp_path / "future.pt")
