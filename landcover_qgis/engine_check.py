"""Finds out what the configured engine is and offers: one ``landcover schema --probe`` call."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, Optional

from landcover_qgis.engine_options import HISTOGRAM_REFERENCE
from landcover_qgis.engine_runner import EngineFailure, EngineListener
from landcover_qgis.engine_schema import EngineSchema, fetch_schema, store_schema
from landcover_qgis.i18n import translate

#: The engine command that makes pseudo-labels.
PSEUDO_LABEL_COMMAND = "pseudo-label"
SELF_TRAIN_COMMAND = "self-train"


@dataclass
class EngineCapabilities:
    """What the checked engine can do.

    Attributes:
        available: The engine Python runs ``landcover_core`` and described itself.
        schema: Its description (commands, options, presets, probed environment).
        schema_changed: The description differs from the one known before this check (new version...).
        message: Why the engine is not available, when it is not.
    """

    available: bool = False
    schema: Optional[EngineSchema] = None
    schema_changed: bool = False
    message: str = ""

    @property
    def versions(self) -> Dict[str, Any]:
        """What the probe found: landcover, torch and rasterio versions, cuda, device..."""
        return self.schema.environment if self.schema is not None else {}

    @property
    def pseudo_label(self) -> bool:
        """Whether the engine has a ``pseudo-label`` command."""
        return self.schema is not None and self.schema.has_command(PSEUDO_LABEL_COMMAND)

    @property
    def self_train(self) -> bool:
        """Whether the engine has a ``self-train`` command."""
        return self.schema is not None and self.schema.has_command(SELF_TRAIN_COMMAND)

    @property
    def histogram_reference(self) -> bool:
        """Whether ``train`` can histogram-match the image to a reference raster."""
        return self.schema is not None and self.schema.option("train", HISTOGRAM_REFERENCE) is not None


def check_engine(python: str, listener: Optional[EngineListener] = None) -> EngineCapabilities:
    """Runs ``schema --probe`` with the given Python and stores the description it returns.

    Never raises: an unusable engine gives ``available=False`` and a message.
    """
    try:
        schema = fetch_schema(python, probe=True, listener=listener)
    except EngineFailure as failure:
        return EngineCapabilities(available=False, message=failure.message)
    changed = store_schema(python, schema)
    return EngineCapabilities(available=True, schema=schema, schema_changed=changed)


def describe_versions(capabilities: EngineCapabilities) -> str:
    """One line for the panel, e.g. ``landcover 0.1.0 · torch 2.4 · rasterio 1.4 · CPU``."""
    if not capabilities.available:
        return capabilities.message or translate("EngineCheck", "Engine not available.")
    versions = dict(capabilities.versions)
    versions.setdefault("landcover", capabilities.schema.version if capabilities.schema else "")
    device = versions.get("device") or "cpu"
    compute = translate("EngineCheck", "CUDA ({device})").format(device=device) if versions.get("cuda") else "CPU"
    parts = [f"{name} {versions[name]}" for name in ("landcover", "torch", "rasterio") if versions.get(name)]
    return " · ".join([*parts, compute])
