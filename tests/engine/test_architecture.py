"""The engine's import graph: no module imports one that imports it back, and imports only point down the layers.

The layers are those of ARCHITECTURE.md; every import counts, at module level or inside a function (a lazy
import is still a dependency), so a test that passes here means the picture in ARCHITECTURE.md is true.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "landcover_core"

#: Bottom to top. A unit is a root module or a subpackage; a module may import its own unit and lower layers.
LAYERS: list[set[str]] = [
    {"__init__", "errors"},
    {"options", "progress"},
    {"config"},
    {"common"},
    {"outputs"},
    {"models", "radiometry", "labels"},
    {"data", "inference"},
    {"assessment"},
    {"training"},
    {"schema", "demo"},
    {"api", "commands"},
    {"cli"},
    {"__main__"},
]


def module_name(path: Path) -> str:
    """``landcover_core.x.y`` for ``landcover_core/x/y.py`` (a package's ``__init__`` is the package)."""
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def engine_modules() -> dict[str, Path]:
    """Every module of the engine by dotted name."""
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imports_of(path: Path, modules: dict[str, Path]) -> set[str]:
    """The engine modules that ``path`` imports, anywhere in it (``from pkg import module`` names the module)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name in modules)
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == PACKAGE.name:
            named = {f"{node.module}.{alias.name}" for alias in node.names} & modules.keys()
            found.update(named or {node.module})
    return found


def graph() -> dict[str, set[str]]:
    """Module → the engine modules it imports (itself excluded)."""
    modules = engine_modules()
    return {name: imports_of(path, modules) - {name} for name, path in modules.items()}


def unit(module: str) -> str:
    """The layer unit of a module: its first name under the package (``__init__`` for the package itself)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def layer(module: str) -> int:
    """Index of the module's layer in :data:`LAYERS`."""
    for number, units in enumerate(LAYERS):
        if unit(module) in units:
            return number
    raise AssertionError(f"{module} is in no layer: add its unit to LAYERS and to ARCHITECTURE.md")


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(edges.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_the_walk_sees_lazy_imports_and_package_members() -> None:
    """The graph is built from what the files say: a function-level import and ``from pkg import mod`` count."""
    edges = graph()
    assert "landcover_core.radiometry.plot" in edges["landcover_core.radiometry.matching"]  # inside match_raster
    assert "landcover_core.training.trainer" in edges["landcover_core.training.selftrain"]  # from ... import trainer
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_import_cycles() -> None:
    """No module imports (directly or through others) a module that imports it."""
    assert cycles(graph()) == []


@pytest.mark.parametrize("units", LAYERS, ids=lambda units: "+".join(sorted(units)))
def test_imports_point_down_the_layers(units: set[str]) -> None:
    """A module imports its own unit or lower layers, never a higher layer or another unit of its layer."""
    wrong = [f"{source} imports {target}"
             for source, targets in graph().items() if unit(source) in units
             for target in sorted(targets)
             if unit(target) != unit(source) and layer(target) >= layer(source)]
    assert wrong == []


def test_every_unit_has_a_layer() -> None:
    """A new subpackage or root module must be placed in the picture before it is used."""
    for module in graph():
        layer(module)
