"""Finds out what the configured engine can do: versions (``doctor``) and optional features (``--help``)."""

from __future__ import annotations

from landcover_qgis.engine_commands import EngineCapabilities, help_options
from landcover_qgis.engine_runner import EngineFailure, EngineListener, probe_engine, run_engine


def check_engine(python: str, listener: EngineListener = None) -> EngineCapabilities:
    """Runs ``doctor``, ``train --help`` and ``pseudo-label --help`` with the given Python.

    Never raises: an unusable engine gives ``available=False`` and a message.
    """
    try:
        doctor = run_engine(python, "doctor", [], listener)
    except EngineFailure as failure:
        return EngineCapabilities(available=False, message=failure.message)
    train_help = probe_engine(python, ["train", "--help"])
    pseudo_label = probe_engine(python, ["pseudo-label", "--help"])
    return EngineCapabilities(
        available=True,
        versions=doctor.summary,
        train_options=help_options(train_help.output) if train_help.ok else [],
        pseudo_label=pseudo_label.ok,
    )


def describe_versions(capabilities: EngineCapabilities) -> str:
    """One line for the panel, e.g. ``landcover 0.1.0 · torch 2.4 · rasterio 1.4 · CPU``."""
    if not capabilities.available:
        return capabilities.message or "Engine not available."
    versions = capabilities.versions
    device = versions.get("device") or "cpu"
    compute = f"CUDA ({device})" if versions.get("cuda") else "CPU"
    parts = [f"{name} {versions[name]}" for name in ("landcover", "torch", "rasterio") if versions.get(name)]
    return " · ".join(parts + [compute])
