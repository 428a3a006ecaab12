"""Training data as an analyst describes it (images + polygons, label rasters or a dataset folder), turned into scenes.

:class:`TrainingData` is the typed form of ``train``'s label options; :func:`load_training_scenes`
builds the scenes on one class scheme, wraps them for sparse-label simulation, and checks that they
agree in classes and bands.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from landcover_core.common.classes import ClassScheme
from landcover_core.data.scenes import (
    Scene,
    check_same_scheme,
    scene_from_label_raster,
    scene_from_polygons,
    scenes_from_deepglobe,
)
from landcover_core.errors import InputError
from landcover_core.labels import SparseLabels, parse_sparse

DatasetKind = Literal["deepglobe"]


def parse_dataset(text: str, option: str = "--dataset") -> tuple[DatasetKind, Path]:
    """Parses ``deepglobe:DIR`` into its kind and folder.

    Raises:
        InputError: another kind, or no folder.
    """
    kind, _, folder = text.partition(":")
    if kind.lower() != "deepglobe" or not folder:
        raise InputError(f"{option} must be deepglobe:DIR, not '{text}'.")
    return "deepglobe", Path(folder)


@dataclass
class TrainingData:
    """Where the training labels come from: exactly one of ``labels``, ``label_rasters`` or ``dataset``.

    Attributes:
        images: image rasters, one per scene (not used with ``dataset``).
        labels: polygon/point/line layers with ``class_field``: one for all images, or one per image.
        class_field: field of ``labels`` holding class names or integer codes.
        layer: layer name inside ``labels`` (default: the first).
        label_rasters: rasters of class codes, one for all images or one per image.
        dataset: a dataset folder, ``deepglobe:DIR``.
        bands: 1-based image bands (default: all but alpha).
        classes: class scheme: a preset name (``deepglobe``) or a JSON file; None derives it from the labels.
        sparse: sparse-label simulation, ``points:FRACTION`` or ``scribbles[:FRACTION]``.
    """

    images: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    class_field: str | None = None
    layer: str | None = None
    label_rasters: list[str] = field(default_factory=list)
    dataset: str | None = None
    bands: list[int] | None = None
    classes: str | None = None
    sparse: str | None = None

    def files(self) -> list[str]:
        """Every input file (for checks that outputs never overwrite inputs)."""
        return [*self.images, *self.labels, *self.label_rasters]

    def record(self, bands: list[int]) -> dict[str, Any]:
        """What the labels were, kept in the model file's training config."""
        return {"image": self.images or None, "bands": bands, "labels": self.labels or None, "layer": self.layer,
                "class_field": self.class_field, "label_raster": self.label_rasters or None, "dataset": self.dataset}


def load_training_scenes(data: TrainingData, seed: int = 0,
                         scheme: ClassScheme | None = None) -> tuple[list[Scene], ClassScheme]:
    """Opens the training scenes on one class scheme.

    Args:
        data: the label source.
        seed: seed of the sparse-label simulation.
        scheme: the class scheme to use (e.g. a fine-tuned model's); ``data.classes`` or the labels otherwise.

    Returns:
        The scenes (close them when done) and their common class scheme.

    Raises:
        InputError: no or several label sources, missing options, or scenes that disagree.
    """
    chosen = [name for name in ("labels", "label_rasters", "dataset") if getattr(data, name)]
    if len(chosen) != 1:
        raise InputError("Give exactly one label source: --labels (with --class-field), --label-raster or --dataset.")
    if data.classes:
        scheme = ClassScheme.load(data.classes)
    if data.dataset:
        _, folder = parse_dataset(data.dataset)
        scenes = scenes_from_deepglobe(folder, data.bands)
    else:
        scenes = _scenes_from_pairs(data, scheme)
    sparse = parse_sparse(data.sparse)
    if sparse is not None:
        for scene in scenes:
            scene.labels = SparseLabels(scene.labels, sparse, seed=seed)
    return scenes, check_same_scheme(scenes)


def _scenes_from_pairs(data: TrainingData, scheme: ClassScheme | None) -> list[Scene]:
    """One scene per image with its polygons or label raster, all on one class scheme."""
    if not data.images:
        raise InputError("--image is required with --labels or --label-raster.")
    make: Callable[[str, str, ClassScheme | None], Scene]
    if data.labels:
        if not data.class_field:
            raise InputError(
                f"--class-field is required with --labels: which field of {data.labels[0]} holds the classes?")
        class_field = data.class_field
        pairs = list(zip(data.images, _pair(data.labels, data.images, "--labels"), strict=True))

        def make(image: str, layer: str, chosen: ClassScheme | None) -> Scene:
            return scene_from_polygons(image, layer, class_field, data.bands, data.layer, chosen)
    else:
        pairs = list(zip(data.images, _pair(data.label_rasters, data.images, "--label-raster"), strict=True))

        def make(image: str, raster: str, chosen: ClassScheme | None) -> Scene:
            return scene_from_label_raster(image, raster, data.bands, chosen)
    scenes = [make(image, labels, scheme) for image, labels in pairs]
    if scheme is None and len(scenes) > 1:
        # Each scene numbered its own classes: rebuild them on the union, so a class has one index everywhere.
        union = union_scheme(scenes, by_code=not data.labels)
        for scene in scenes:
            scene.close()
        scenes = [make(image, labels, union) for image, labels in pairs]
    return scenes


def _pair(labels: list[str], images: list[str], option: str) -> list[str]:
    """One label file per image, or one for all images."""
    if len(labels) == 1:
        return labels * len(images)
    if len(labels) != len(images):
        raise InputError(f"Give one {option} for all images or one per --image "
                         f"({len(images)} images, {len(labels)} {option}).")
    return labels


def union_scheme(scenes: list[Scene], by_code: bool = False) -> ClassScheme:
    """The classes of all scenes together, so that each class has one index everywhere.

    Args:
        scenes: scenes each with its own scheme.
        by_code: the codes are what the labels hold (label rasters, whose class names, if any, come
            from their ``LANDCOVER_CLASSES`` tag): classes are merged by code.
    """
    classes = {c.code: c for scene in scenes for c in scene.labels.scheme.classes}
    if by_code and len({c.name for c in classes.values()}) == len(classes):
        return ClassScheme(tuple(classes[code] for code in sorted(classes)))
    if all(c.name.startswith("class ") for c in classes.values()):
        return ClassScheme.from_codes(sorted(classes))
    names = {c.name for c in classes.values()}
    return ClassScheme.from_names(sorted(names))
