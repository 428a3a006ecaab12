"""One model or an ensemble, read and checked once.

A set is what ``predict``, ``predict-batch``, ``pseudo-label`` and ``evaluate`` start from, and what
``info --check`` reports. :func:`load_models` opens each model file once
(:func:`~landcover_core.models.modelfile.read_model`: the checksums of its parts, its description and weights,
the hash of its content) and checks once that the files form an ensemble: they share their classes
(codes and names, in order), their weights fit their architectures, and ``--model-weights`` gives one
weight per model. Members may differ in bands, normalisation, histogram reference and training tile
size (see :mod:`landcover_core.inference.ensemble`); whether a raster has the bands each member reads
is checked against that raster (:meth:`ModelSet.raster_bands`). Runners are made from the set
(:meth:`ModelSet.ensemble`) without reading the files again.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from landcover_core.common.classes import ClassScheme
from landcover_core.config import PredictOptions
from landcover_core.errors import InputError
from landcover_core.inference.ensemble import Ensemble, band_union, check_bands, check_ensemble, parse_model_weights
from landcover_core.inference.runners import model_runner
from landcover_core.models.modelfile import ModelFile, ModelSpec, read_model
from landcover_core.progress import Reporter


@dataclass(frozen=True)
class ModelSet:
    """Model files read once and checked to classify together (one file: a set of one).

    Attributes:
        members: the model files, read, in the order given.
        weights: each member's weight in the averaged probabilities (they sum to 1).
    """

    members: tuple[ModelFile, ...]
    weights: tuple[float, ...]

    @property
    def paths(self) -> list[Path]:
        """The model files."""
        return [member.path for member in self.members]

    @property
    def specs(self) -> list[ModelSpec]:
        """The members' descriptions."""
        return [member.spec for member in self.members]

    @property
    def scheme(self) -> ClassScheme:
        """The classes every member predicts."""
        return self.members[0].spec.scheme

    @property
    def hashes(self) -> list[str]:
        """The SHA-256 of each member's file."""
        return [member.sha256 for member in self.members]

    def tile_size(self, options: PredictOptions) -> int:
        """The tile every member runs on: ``options.tile_size``, or the first member's training tile size."""
        return int(options.tile_size or self.members[0].spec.tile_size)

    def raster_bands(self, count: int | None, raster: str, bands: Sequence[int] | None = None) -> list[list[int]]:
        """The bands each member reads from a raster of ``count`` bands.

        Args:
            count: the raster's number of bands; None: no raster (only ``bands``' length is checked).
            raster: the raster, for messages.
            bands: ``--bands``: the same bands for every member; None: each member's own.

        Raises:
            InputError: a member takes another number of bands, or the raster lacks one.
        """
        return [check_bands(member.spec, member.path, count, raster, bands) for member in self.members]

    def ensemble(self, options: PredictOptions | None = None, reporter: Reporter | None = None) -> Ensemble:
        """The members as runners for ``options``' device, backend, threads and tile size (no file is read).

        Raises:
            InputError: an impossible device/backend combination.
        """
        options = options or PredictOptions()
        tile = self.tile_size(options)
        runners = [model_runner(member, tile, options.device, options.backend, options.threads, reporter)
                   for member in self.members]
        return Ensemble(runners, self.weights, names=self.paths)

    def tags(self) -> dict[str, str]:
        """The metadata tags that name the model files in a class raster."""
        return model_tags(self.paths)

    def facts(self, count: int | None = None, raster: str = "the raster",
              bands: Sequence[int] | None = None) -> dict[str, Any]:
        """What a prediction with this set uses, checked against a raster of ``count`` bands (``info --check``).

        Returns:
            ``models`` (each member's :meth:`~landcover_core.models.modelfile.ModelFile.info`), ``classes`` (shared),
            ``weights``, ``tile_size`` (the members' tile without ``--tile-size``), ``member_bands`` (the
            raster bands each member reads), ``bands`` (the raster bands read: their union) and
            ``histogram_references`` (each member's, or None).

        Raises:
            InputError: see :meth:`raster_bands`.
        """
        chosen = self.raster_bands(count, raster, bands)
        models = [member.info() for member in self.members]
        return {
            "models": models,
            "classes": self.scheme.to_list(),
            "weights": list(self.weights),
            "tile_size": self.members[0].spec.tile_size,
            "member_bands": chosen,
            "bands": band_union(chosen)[0],
            "histogram_references": [info["histogram_reference"] for info in models],
        }


def load_models(models: Sequence[str | Path] | ModelSet, options: PredictOptions | None = None) -> ModelSet:
    """Reads the model files once each and checks once that they classify together.

    Args:
        models: one model file, or several (an ensemble); or a set already loaded (returned as it is, or
            with the weights of ``options.model_weights`` when given).
        options: ``model_weights`` (``--model-weights``); default: equal weights.

    Raises:
        InputError: no model, models that do not share classes, or bad ``--model-weights``.
        ModelFileError: a missing or damaged model file, or weights that do not fit its architecture.
    """
    options = options or PredictOptions()
    if isinstance(models, ModelSet):
        if options.model_weights is None:
            return models
        return dataclasses.replace(models, weights=tuple(parse_model_weights(options.model_weights,
                                                                             len(models.members))))
    if not models:
        raise InputError("Give at least one model (--model).")
    members = tuple(read_model(path) for path in models)
    check_ensemble([member.spec for member in members], [member.path for member in members])
    weights = tuple(parse_model_weights(options.model_weights, len(members)))
    for member in members:
        member.network()  # weights that do not fit the architecture fail here, before any raster is read
    return ModelSet(members, weights)


def model_tags(models: Sequence[str | Path]) -> dict[str, str]:
    """The metadata tags that name the model files in a class raster."""
    return {"LANDCOVER_MODELS": ",".join(Path(m).name for m in models)}
