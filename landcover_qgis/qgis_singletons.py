"""The QGIS singletons the plugin uses, typed as present.

The PyQGIS stubs mark every pointer a method returns as optional; these objects exist for as long as QGIS
runs (the plugin only runs inside it), so they are checked here once instead of at every use.
"""

from __future__ import annotations

from typing import Optional, TypeVar

from qgis.core import QgsApplication, QgsProcessingRegistry, QgsProject, QgsProviderRegistry, QgsTaskManager

_T = TypeVar("_T")


def current_project() -> QgsProject:
    """The current project."""
    return _present(QgsProject.instance(), "project")


def task_manager() -> QgsTaskManager:
    """The application's task manager (background jobs)."""
    return _present(QgsApplication.taskManager(), "task manager")  # no-i18n: a developer error


def processing_registry() -> QgsProcessingRegistry:
    """The Processing registry (algorithm providers)."""
    return _present(QgsApplication.processingRegistry(), "Processing registry")  # no-i18n: a developer error


def provider_registry() -> QgsProviderRegistry:
    """The registry of data providers (URI decoding)."""
    return _present(QgsProviderRegistry.instance(), "provider registry")  # no-i18n: a developer error


def _present(instance: Optional[_T], name: str) -> _T:
    if instance is None:
        raise RuntimeError(f"QGIS has no {name}: the plugin runs inside a started QGIS only.")
    return instance
