"""ResNet18 and ResNet34 DeepLabV3(+) for CPUs: build for any bands, train a step, take ResNet18 state dicts."""

from __future__ import annotations

import pytest
import torch

from landcover_core.errors import InputError
from landcover_core.models.networks import build_model


@pytest.mark.parametrize("arch", ["resnet18", "resnet34"])
@pytest.mark.parametrize(("bands", "decoder"), [(3, "none"), (4, "plus")])
def test_basic_resnets_build_for_3_and_4_bands_and_run_a_step(arch, bands, decoder):
    torch.manual_seed(0)
    model = build_model(arch, bands, 5, decoder=decoder)  # type: ignore[arg-type]
    assert model.decoder == decoder
    x = torch.randn(2, bands, 64, 64)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
    before = [p.detach().clone() for p in model.parameters()]
    logits = model(x)
    assert logits.shape == (2, 5, 64, 64)
    torch.nn.functional.cross_entropy(logits, torch.randint(0, 5, (2, 64, 64))).backward()
    optimizer.step()
    assert any(not torch.equal(a, b) for a, b in zip(before, model.parameters(), strict=True))
    # Output stride 16: layer4 keeps layer3's resolution.
    assert model.backbone(x)["out"].shape[-1] == 64 // 16


def test_a_torchvision_resnet18_state_dict_loads_and_refuses_resnet34(tmp_path):
    from torchvision.models import resnet18

    state = resnet18(weights=None).state_dict()
    # torchgeo's Sentinel-2 ResNet18 layout: torchvision names, a 13-band first convolution.
    state["conv1.weight"] = torch.randn(64, 13, 7, 7)
    path = tmp_path / "resnet18_s2.pth"
    torch.save(state, path)
    model = build_model("resnet18", 4, 5, weights=str(path), bands=[2, 3, 4, 8])
    assert model.pretrained is not None and model.pretrained["loaded"] == model.pretrained["total"]
    loaded = model.backbone.state_dict()
    assert torch.equal(loaded["layer4.1.conv2.weight"], state["layer4.1.conv2.weight"])
    assert torch.allclose(loaded["conv1.weight"][:, 3], state["conv1.weight"][:, 7] * 13 / 4)
    with pytest.raises(InputError, match=r"does not fit a resnet34.*looks like resnet18"):
        build_model("resnet34", 4, 5, weights=str(path), bands=[2, 3, 4, 8])
