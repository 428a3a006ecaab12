"""Pseudo-labels and self-training: thresholds, the label rasters, true labels never overridden, pseudo-labels
never on validation blocks, the per-round report, and bad input. Mechanics only: no gain is asserted."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import numpy as np
import pytest
import rasterio
import torch
from conftest import TINY_TRAIN, files_in
from inference_fixtures import save_mobilenet, write_image
from rasterio.windows import Window

import landcover_core.training.trainer as training
from landcover_core.common.classes import IGNORE_INDEX, ClassScheme
from landcover_core.common.raster import iter_windows
from landcover_core.config import PredictOptions, PseudoLabelConfig, SelfTrainConfig, TrainConfig
from landcover_core.data.sampling import TRAIN, UNUSED, VAL, Block, BlockIndex, validation_tiles
from landcover_core.data.scenes import scene_from_label_raster
from landcover_core.data.sources import TrainingData
from landcover_core.demo.synthetic import DEMO_SCHEME, make_scene
from landcover_core.errors import InputError
from landcover_core.labels.base import Grid
from landcover_core.labels.pseudo import WithPseudoLabels
from landcover_core.models.modelfile import load_spec
from landcover_core.training.losses import PartialCrossEntropy
from landcover_core.training.pseudolabels import ConfidenceHistograms, class_thresholds, parse_class_thresholds
from landcover_core.training.selftrain import extend_index, pseudo_allowed, self_train

SCHEME = ClassScheme.from_codes([10, 30, 50], ["building", "road", "field"])


class ArrayLabels:
    """An in-memory label source of class indices."""

    def __init__(self, indices: np.ndarray, scheme: ClassScheme = SCHEME) -> None:
        self.indices = indices.astype(np.int16)
        self.scheme = scheme
        self.grid = Grid(indices.shape[1], indices.shape[0], rasterio.Affine.identity(), None)

    def read(self, window: Window) -> np.ndarray:
        rows, cols = window.toslices()
        return self.indices[rows, cols].copy()

    def candidate_windows(self, size: int) -> list[Window]:
        return list(iter_windows(self.grid.height, self.grid.width, size))


def test_class_balanced_thresholds() -> None:
    histograms = ConfidenceHistograms(3)
    rng = np.random.default_rng(0)
    confident, unsure = rng.uniform(0.95, 1.0, 1000), rng.uniform(0.4, 0.6, 1000)
    histograms.add(np.r_[np.zeros(1000, int), np.ones(1000, int)], np.r_[confident, unsure])
    plain = class_thresholds(histograms, PseudoLabelConfig(threshold=0.9, class_share=0), SCHEME)
    np.testing.assert_allclose(plain, [0.9, 0.9, 0.9])
    balanced = class_thresholds(histograms, PseudoLabelConfig(threshold=0.9, class_share=0.2), SCHEME)
    # A confident class keeps the threshold; an unsure one keeps at least its 20% most confident pixels.
    assert balanced[0] == 0.9 and balanced[2] == 0.9  # class 2 has no pixel: unchanged
    assert np.quantile(unsure, 0.8) - 0.002 <= balanced[1] <= np.quantile(unsure, 0.8)
    assert (unsure >= balanced[1]).mean() >= 0.2
    given = class_thresholds(histograms, PseudoLabelConfig(class_thresholds="road=0.7,10=0.99"), SCHEME)
    assert given[0] == 0.99 and given[1] == 0.7
    assert parse_class_thresholds("Road=1", SCHEME) == {1: 1.0}
    for bad in ("forest=0.5", "road=0", "road=1.5", "road", "road=x"):
        with pytest.raises(InputError, match="--class-thresholds"):
            parse_class_thresholds(bad, SCHEME)
    for threshold in (0.0, 1.5):
        with pytest.raises(InputError, match="--threshold"):
            PseudoLabelConfig(threshold=threshold)


def test_pseudo_labels_never_override_true_labels_and_weigh_less() -> None:
    true = np.full((4, 4), IGNORE_INDEX)
    true[0, :] = 2
    pseudo = np.full((4, 4), IGNORE_INDEX)
    pseudo[:2, :2] = 1  # overlaps the true labels on row 0
    pseudo[3, 3] = 0
    labels = WithPseudoLabels(ArrayLabels(pseudo), ArrayLabels(true)).read(Window(0, 0, 4, 4))
    assert (labels[0] == 2).all()  # the true label wins
    assert labels[1, 0] == labels[1, 1] == 3 + 1 and labels[3, 3] == 3 + 0  # pseudo: K + index
    assert (labels[2] == IGNORE_INDEX).all()
    with pytest.raises(ValueError):
        WithPseudoLabels(ArrayLabels(pseudo), ArrayLabels(true, DEMO_SCHEME))
    # The loss reads K + index as the class index, weighed pseudo_weight.
    logits = torch.randn(1, 3, 1, 2)
    ce = torch.nn.functional.cross_entropy(logits, torch.tensor([[[1, 2]]]), reduction="none")[0, 0]
    loss = PartialCrossEntropy(pseudo_weight=0.25)(logits, torch.tensor([[[1, 3 + 2]]]))
    torch.testing.assert_close(loss, (ce[0] + 0.25 * ce[1]) / 1.25)
    plain = PartialCrossEntropy()(logits, torch.tensor([[[1, 2]]]))
    torch.testing.assert_close(PartialCrossEntropy()(logits, torch.tensor([[[1, 3 + 2]]])), plain)


def test_pseudo_labels_never_on_validation_blocks() -> None:
    states = np.array([[TRAIN, VAL], [UNUSED, TRAIN]], np.uint8)
    index = BlockIndex(8, [Block(0, 0, 0, np.array([5, 0, 0])), Block(0, 0, 1, np.array([0, 5, 0])),
                           Block(0, 1, 1, np.array([0, 0, 5]))], [states])
    allowed = pseudo_allowed(index, 0)(Window(0, 0, 16, 16))
    assert not allowed[:8, 8:].any() and allowed[:8, :8].all() and allowed[8:].all()
    # Whole validation scenes (scene split) get none.
    assert not pseudo_allowed(BlockIndex(8, index.blocks, [states], by_scene=True), 0)(Window(0, 0, 16, 16)).any()
    # Blocks that only pseudo-labels reach train; validation and training blocks keep their state.

    class Scene:
        def __init__(self, labels: np.ndarray) -> None:
            self.labels = ArrayLabels(labels)
            self.grid = self.labels.grid

        def read(self, window: Window) -> tuple[np.ndarray, np.ndarray]:
            return np.ones((1, int(window.height), int(window.width)), np.float32), self.labels.read(window)

    pseudo = np.full((16, 16), 3 + 1)  # pseudo-labels everywhere allowed, none on the validation block
    pseudo[:8, 8:] = 1
    extended = extend_index(index, [Scene(pseudo), Scene(np.full((8, 8), 3 + 0))], 3, training_reporter())
    np.testing.assert_array_equal(extended.states[0], [[TRAIN, VAL], [TRAIN, TRAIN]])
    np.testing.assert_array_equal(extended.states[1], [[TRAIN]])  # an unlabeled scene trains wholly
    assert [b.counts.tolist() for b in extended.of_state(VAL)] == [[0, 64, 0]]  # folded to its class


def training_reporter():
    from landcover_core.progress import Reporter

    return Reporter(quiet=True)


@pytest.fixture(scope="module")
def model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return save_mobilenet(tmp_path_factory.mktemp("pl") / "model.pt")


def test_pseudo_label_cli_keeps_pixels_above_the_threshold(model: Path, tmp_path: Path, run) -> None:
    image = write_image(tmp_path / "img.tif", 96, 112)
    options = ["--tile-size", "64", "--backend", "torch", "--quiet"]
    assert run("predict", "--model", model, "--image", image, "--out", tmp_path / "c.tif", "--confidence",
               tmp_path / "conf.tif", *options)[0] == 0
    with rasterio.open(tmp_path / "c.tif") as c, rasterio.open(tmp_path / "conf.tif") as f:
        codes, predicted, conf = c.read(1), c.read_masks(1) > 0, f.read(1)
    threshold = float(np.median(conf[predicted]))
    code, _, err = run("pseudo-label", "--model", model, "--image", image, "--out", tmp_path / "pl", "--threshold",
                       threshold, "--class-share", "0", *options)
    assert code == 0, err
    with rasterio.open(tmp_path / "pl" / "img.pseudo.tif") as src:
        labels = src.read(1)
        assert src.nodata == 255 and src.colormap(1) and "LANDCOVER_CLASSES" in src.tags()
    keep = predicted & (conf >= threshold)
    np.testing.assert_array_equal(labels, np.where(keep, codes, 255))
    summary = json.loads((tmp_path / "pl" / "pseudo_labels.json").read_text())
    assert sum(summary["kept"].values()) == int(keep.sum())
    assert all(t == pytest.approx(threshold) for t in summary["thresholds"].values())
    # train --label-raster reads it as it is, with the class names.
    scene = scene_from_label_raster(image, tmp_path / "pl" / "img.pseudo.tif")
    assert set(scene.labels.scheme.names) <= set(DEMO_SCHEME.names)
    scene.close()
    # Nothing passes: a warning, not a crash.
    code, _, err = run("pseudo-label", "--model", model, "--image", image, "--out", tmp_path / "none", "--threshold",
                       "1", "--class-share", "0", "--tile-size", "64", "--backend", "torch")
    assert code == 0 and "No predicted pixel reached" in err
    with rasterio.open(tmp_path / "none" / "img.pseudo.tif") as src:
        assert (src.read(1) == 255).all()


@pytest.mark.parametrize("args, message", [
    (["--threshold", "0"], "--threshold"),
    (["--threshold", "1.5"], "--threshold"),
    (["--class-thresholds", "lava=0.5"], "'lava' is not a class"),
    (["--tta", "d8"], "--tta"),
])
def test_pseudo_label_bad_input(model: Path, tmp_path: Path, run, args: list[str], message: str) -> None:
    image = write_image(tmp_path / "img.tif", 64, 64)
    code, _, err = run("pseudo-label", "--model", model, "--image", image, "--out", tmp_path / "pl", *args)
    assert code == 2 and message in err, err
    assert not (tmp_path / "pl").exists()


@pytest.fixture(scope="module")
def labeled(tmp_path_factory: pytest.TempPathFactory):
    return make_scene(tmp_path_factory.mktemp("st"), size=128, bands=4, seed=5, polygons_per_class=3,
                      polygon_radius=5.0, nodata_border=4)


def test_self_train_keeps_the_split_and_the_true_labels(labeled, tmp_path: Path, run, monkeypatch) -> None:
    pool = make_scene(tmp_path / "pool", size=96, bands=4, seed=6, polygons_per_class=0).image
    seen: list[dict] = []

    class Recording(training.Trainer):
        def run(self):
            index = self.index
            assert index is not None
            k = len(self.scheme)
            labels = [s.labels.read(Window(0, 0, s.grid.width, s.grid.height)) for s in self.scenes]
            truth = [s.labels.true.read(Window(0, 0, s.grid.width, s.grid.height))
                     if hasattr(s.labels, "true") and s.labels.true is not None else None for s in self.scenes]
            for label, true in zip(labels, truth, strict=True):
                if true is not None:  # a true label is never overridden
                    np.testing.assert_array_equal(label[true >= 0], true[true >= 0])
            val = [t[1] for t in validation_tiles(self.scenes, index, self.config.tile_size)]
            seen.append({"states": [s.copy() for s in index.states], "pseudo_weight": self.pseudo_weight,
                         "pseudo": int(sum((label >= k).sum() for label in labels)),
                         "val_pseudo": int(sum((t >= k).sum() for t in val)), "val_labeled": int(sum((t >= 0).sum()
                                                                                                  for t in val))})
            return super().run()

    monkeypatch.setattr(training, "Trainer", Recording)
    out = tmp_path / "st.pt"
    code, _, err = run("self-train", "--image", labeled.image, "--labels", labeled.polygons, "--class-field", "class",
                       "--unlabeled", pool, "--out", out, "--rounds", "1", "--keep-rounds", "--threshold", "0.5",
                       "--pseudo-weight", "0.3", "--val-fraction", "0.3", "--backend", "torch", *TINY_TRAIN,
                       "--backbone-norm", "group", "--samples-per-epoch", "4")  # no BatchNorm re-estimation; 1 step
    assert code == 0, err
    assert len(seen) == 2
    first, second = seen
    assert first["pseudo"] == 0 and first["pseudo_weight"] == 1.0
    assert second["pseudo"] > 0 and second["pseudo_weight"] == 0.3
    np.testing.assert_array_equal(second["states"][0] == VAL, first["states"][0] == VAL)  # the same split
    assert second["val_pseudo"] == 0 and second["val_labeled"] == first["val_labeled"] > 0
    rounds = [json.loads(line) for line in Path(str(out) + ".selftrain.jsonl").read_text().splitlines()]
    assert [r["round"] for r in rounds] == [0, 1] and sum(rounds[1]["pseudo_pixels"].values()) > 0
    assert {"st.pt", "st.selftrain.png", "st.round0.pt", "st.round1.pt"} <= files_in(tmp_path)
    assert not [name for name in files_in(tmp_path) if name.startswith(".")]  # the work folder is gone


def test_self_training_leaves_the_callers_settings_and_data_as_they_were(labeled, tmp_path: Path) -> None:
    config = TrainConfig(out=str(tmp_path / "st.pt"), arch="mobilenet_v3_large", tile_size=64, batch_size=4, epochs=1,
                         samples_per_epoch=4, backbone_norm="group")
    data = TrainingData(images=[str(labeled.image)], labels=[str(labeled.polygons)], class_field="class")
    settings, options = SelfTrainConfig(rounds=1), PredictOptions(backend="torch")
    before = copy.deepcopy((config, data, settings, options))
    result = self_train(config, data, [], settings, options=options)
    assert (config, data, settings, options) == before
    assert load_spec(result.model).config["sources"]["unlabeled"] is None  # recorded in the run's own copy


def test_self_train_bad_input_writes_nothing(labeled, tmp_path: Path, run) -> None:
    three_bands = write_image(tmp_path / "rgb.tif", 64, 64, bands=3)
    before = files_in(tmp_path)
    common = ["--out", tmp_path / "st.pt", *TINY_TRAIN]
    code, _, err = run("self-train", "--image", labeled.image, "--labels", labeled.polygons, "--class-field", "class",
                       "--unlabeled", three_bands, *common)
    assert code == 2 and "rgb.tif" in err and "bands" in err, err
    # Dense labels over every valid pixel and no unlabeled image: nothing to pseudo-label.
    code, _, err = run("self-train", "--image", labeled.image, "--label-raster", labeled.truth, *common)
    assert code == 2 and "unlabeled pixels" in err, err
    code, _, err = run("self-train", "--image", labeled.image, "--label-raster", labeled.truth, "--pseudo-weight", "0",
                       *common)
    assert code == 2 and "--pseudo-weight" in err, err
    assert files_in(tmp_path) == before


def test_schema_describes_the_new_settings() -> None:
    from landcover_core.cli import build_parser
    from landcover_core.config import PredictOptions, SelfTrainConfig, SelfTrainPseudoLabels
    from landcover_core.options import cli_fields, flag_of
    from landcover_core.schema import describe_engine

    description = describe_engine(build_parser())
    for command, cls, names in (("pseudo-label", PseudoLabelConfig, None), ("self-train", SelfTrainConfig, None),
                                ("self-train", SelfTrainPseudoLabels, None),
                                ("predict", PredictOptions, ("tta", "model_weights")),
                                ("evaluate", PredictOptions, ("tta", "model_weights")),
                                ("pseudo-label", PredictOptions, ("tta", "model_weights", "tile_size"))):
        options = {o["dest"]: o for o in description["commands"][command]["options"]}
        for field in cli_fields(cls):
            if names is not None and field.name not in names:
                continue
            option = options[field.name]
            assert option["flag"] == flag_of(field.name) and option["default"] == field.default
            number = field.metadata["number"]
            if number is not None:
                assert (option["minimum"], option["maximum"]) == (number.minimum, number.maximum)
    assert options["tta"]["choices"] == ["none", "flips", "d4"]
    assert description["commands"]["pseudo-label"]["options"][0]["repeatable"]  # --model
    defaults = {o["dest"]: o["default"] for o in description["commands"]["pseudo-label"]["options"]}
    assert defaults["class_share"] == 0.0
    assert {o["dest"]: o["default"] for o in description["commands"]["self-train"]["options"]}["class_share"] == 0.2


def test_unlabeled_folders_stand_for_their_images(tmp_path: Path) -> None:
    from landcover_core.training.selftrain import expand_unlabeled

    for name in ("1_sat.jpg", "1_mask.png", "2_sat.jpg", "a.tif", "notes.txt"):
        (tmp_path / name).write_bytes(b"")
    assert [p.name for p in expand_unlabeled([tmp_path])] == ["2_sat.jpg", "a.tif"]  # 1 has a mask: labeled
    with pytest.raises(InputError, match="does not exist"):
        expand_unlabeled([tmp_path / "missing.tif"])
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="holds no image"):
        expand_unlabeled([tmp_path / "empty"])
