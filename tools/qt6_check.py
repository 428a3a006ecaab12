"""Guard: the plugin's Qt and QGIS API use works on QGIS 4 (Qt6, PyQt6) as well as on QGIS 3.22 (Qt5).

No QGIS 4 can be installed here, so the check runs twice over the same sources, each time with a different
interpreter (``make lint`` does both):

- ``--against pyqt6`` (a venv with PyQt6 from PyPI, no QGIS): every attribute chain rooted at a class or
  module imported from ``qgis.PyQt.*`` (``Qt.AlignmentFlag.AlignLeft``, ``QMessageBox.StandardButton.Yes``,
  ``QDialog.exec``) must exist in PyQt6, so unscoped enums (``Qt.AlignLeft``) fail here.
- ``--against qgis`` (QGIS 3.22's Python): every chain rooted at a ``qgis.core``/``qgis.gui`` name must exist
  in 3.22 with enum values reached through their enum (``Qgis.MessageLevel.Warning``, not ``Qgis.Warning``);
  an enum nested in a ``Qgs`` class must be one QGIS 4 still has (``QGIS4_NESTED_ENUMS``), the others moved
  to ``Qgis`` and go through ``landcover_qgis.qt_compat.qgis_enum("Qgis.New.Name", "Legacy.Name")``.

A line only QGIS 3.x runs (behind a version test) carries the comment ``# qt6-check: qt5-only``; the PyQt6
run skips it. Both runs refuse APIs that Qt6 removed (``exec_``, ``QRegExp``, ``QDesktopWidget``...) and
direct PyQt imports.

Usage: ``python tools/qt6_check.py --against pyqt6 landcover_qgis tests/qgis``. Exit status 1 lists problems.
"""

from __future__ import annotations

import argparse
import ast
import enum
import importlib
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# Names Qt6/PyQt6 removed, with what replaces them.
REMOVED = {
    "exec_": "exec()",
    "print_": "print()",
    "QRegExp": "QRegularExpression",
    "QRegExpValidator": "QRegularExpressionValidator",
    "QDesktopWidget": "QGuiApplication.primaryScreen() / QWidget.screen()",
    "qApp": "QApplication.instance()",
    "QStringListModel": "a list model of your own",
    "SIGNAL": "new-style signals (signal.connect)",
    "SLOT": "new-style signals (signal.connect)",
}
# What qgis.PyQt.QtWidgets adds under Qt6 (QGIS's python/PyQt/PyQt/QtWidgets.py.in): classes Qt6 moved to QtGui.
QGIS_PYQT_EXTRAS = {"QtWidgets": {"QAction": "QtGui", "QActionGroup": "QtGui", "QShortcut": "QtGui"}}
QGIS_MODULES = ("qgis.core", "qgis.gui", "qgis.analysis")
# Class-nested QGIS enums that QGIS 4 still has under that name (used as such in QGIS 4 plugins and QGIS's own
# tests); the other nested enums were promoted to Qgis.* and lost their old names.
QGIS4_NESTED_ENUMS = frozenset(
    {
        "QgsTask.Flag",
        "QgsFeatureSink.Flag",
        "QgsFileWidget.StorageMode",
        "QgsContrastEnhancement.ContrastEnhancementAlgorithm",
        "QgsVectorFileWriter.WriterError",
    }
)
COMPAT_LOOKUP = "qgis_enum"
# A line only Qt5 runs (behind a QGIS version test) says so in a comment; the PyQt6 run skips its chains.
QT5_ONLY_MARK = "qt6-check: qt5-only"


@dataclass
class Imports:
    """What a module imported: Qt names (alias -> (Qt module, class or None)) and QGIS names."""

    qt: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    qgis: dict[str, tuple[str, str]] = field(default_factory=dict)


@dataclass(frozen=True)
class Problem:
    """One finding: where and what to do."""

    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def collect_imports(tree: ast.Module, path: Path) -> tuple[Imports, list[Problem]]:
    """Records the Qt and QGIS names a module imports; flags direct PyQt imports and removed classes."""
    imports, problems = Imports(), []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] in ("PyQt5", "PyQt6"):
                    problems.append(Problem(path, node.lineno, f"import {alias.name}: import Qt through qgis.PyQt"))
            continue
        if not isinstance(node, ast.ImportFrom) or not node.module:
            continue
        module = node.module
        if module.split(".")[0] in ("PyQt5", "PyQt6"):
            problems.append(Problem(path, node.lineno, f"from {module}: import Qt through qgis.PyQt"))
        for alias in node.names:
            local = alias.asname or alias.name
            if alias.name in REMOVED:
                problems.append(
                    Problem(path, node.lineno, f"{alias.name} is gone in Qt6: use {REMOVED[alias.name]}")
                )
            if module == "qgis.PyQt":
                imports.qt[local] = (alias.name, None)
            elif module.startswith("qgis.PyQt."):
                imports.qt[local] = (module.rsplit(".", 1)[1], alias.name)
            elif module in QGIS_MODULES:
                imports.qgis[local] = (module, alias.name)
    return imports, problems


def attribute_chains(tree: ast.Module) -> Iterator[tuple[ast.Attribute, str, list[str]]]:
    """Yields each outermost ``Name.attr.attr`` chain: the node, the root name and the attribute names."""
    inner = {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Attribute)}
    for node in ast.walk(tree):
        if not isinstance(node, ast.Attribute) or id(node) in inner:
            continue
        attrs: list[str] = []
        current: ast.expr = node
        while isinstance(current, ast.Attribute):
            attrs.insert(0, current.attr)
            current = current.value
        if isinstance(current, ast.Name):
            yield node, current.id, attrs


def removed_names(tree: ast.Module, path: Path) -> list[Problem]:
    """Flags any use of a name Qt6 removed, whatever object it is reached through (``dialog.exec_()``)."""
    problems = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.Attribute, ast.Name)):
            name = node.attr if isinstance(node, ast.Attribute) else node.id
            if name in REMOVED:
                problems.append(Problem(path, node.lineno, f"{name} is gone in Qt6: use {REMOVED[name]}"))
    return problems


def scoped_hint(parent: Any, name: str, parent_text: str) -> str:
    """Names the enum of ``parent`` that holds ``name`` (``Qt.AlignmentFlag.AlignLeft`` for ``Qt.AlignLeft``)."""
    for enum_name in dir(parent):
        candidate = getattr(parent, enum_name, None)
        if isinstance(candidate, type) and issubclass(candidate, enum.Enum) and name in candidate.__members__:
            return f": use {parent_text}.{enum_name}.{name}"
    return ""


def check_pyqt6(tree: ast.Module, imports: Imports, path: Path) -> list[Problem]:
    """Resolves every chain rooted at a qgis.PyQt import in PyQt6."""
    problems = []
    qt5_only = lines_marked(path, QT5_ONLY_MARK)
    for qt_module_name, (module_name, class_name) in imports.qt.items():
        if class_name is not None and resolve_qt_root(module_name, class_name) is None:
            problems.append(Problem(path, 1, f"{module_name}.{class_name} ({qt_module_name}) is not in PyQt6"))
    for node, root, attrs in attribute_chains(tree):
        if root not in imports.qt or node.lineno in qt5_only:
            continue
        module_name, class_name = imports.qt[root]
        obj = resolve_qt_root(module_name, class_name)
        if obj is None:
            continue  # reported with the imports
        text = root
        for attr in attrs:
            if not hasattr(obj, attr):
                problems.append(
                    Problem(path, node.lineno, f"{text}.{attr} is not in PyQt6{scoped_hint(obj, attr, text)}")
                )
                break
            obj, text = getattr(obj, attr), f"{text}.{attr}"
    return problems


def lines_marked(path: Path, mark: str) -> set[int]:
    """The line numbers of ``path`` whose comment carries ``mark``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return {number for number, line in enumerate(lines, start=1) if "#" in line and mark in line.split("#", 1)[1]}


def resolve_qt_root(module_name: str, class_name: str | None) -> Any:
    """The PyQt6 object ``qgis.PyQt.<module_name>.<class_name>`` stands for under Qt6 (None if missing)."""
    real_module = QGIS_PYQT_EXTRAS.get(module_name, {}).get(class_name or "", module_name)
    try:
        module = importlib.import_module(f"PyQt6.{real_module}")
    except ImportError:
        return None
    return module if class_name is None else getattr(module, class_name, None)


def is_enum_member(value: Any) -> bool:
    """Whether ``value`` is an enum value (a Python enum member or a sip enum value of QGIS 3.22)."""
    return isinstance(value, enum.Enum) or type(type(value)).__name__ == "enumtype"


def check_qgis(tree: ast.Module, imports: Imports, path: Path) -> list[Problem]:
    """Resolves every chain rooted at a QGIS import in this QGIS; enum values must be scoped."""
    problems = []
    for node, root, attrs in attribute_chains(tree):
        if root not in imports.qgis:
            continue
        module_name, class_name = imports.qgis[root]
        obj = getattr(importlib.import_module(module_name), class_name)
        problem = check_qgis_chain(obj, root, attrs)
        if problem:
            problems.append(Problem(path, node.lineno, problem))
    problems.extend(check_compat_lookups(tree, path))
    return problems


def check_qgis_chain(obj: Any, root: str, attrs: list[str]) -> str | None:
    """The problem with ``root.attrs`` in this QGIS, or None."""
    text, parent_text = root, root
    for attr in attrs:
        if not hasattr(obj, attr):
            return f"{text}.{attr} does not exist in QGIS {qgis_version()}"
        parent, obj = obj, getattr(obj, attr)
        parent_text, text = text, f"{text}.{attr}"
        if not is_enum_member(obj):
            continue
        if parent is not type(obj):
            return f"{text} is an unscoped enum value (gone in QGIS 4): use {parent_text}.{type(obj).__name__}.{attr}"
        if root != "Qgis" and parent_text not in QGIS4_NESTED_ENUMS:
            return (
                f"{text}: QGIS 4 moved {parent_text} to Qgis.*; use qt_compat.{COMPAT_LOOKUP}"
                f'("Qgis.<NewEnum>.<Value>", "{text}")'
            )
        return None
    return None


def check_compat_lookups(tree: ast.Module, path: Path) -> list[Problem]:
    """Each ``qgis_enum(new, legacy...)`` names the QGIS 4 spelling first and one that this QGIS has."""
    problems = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or getattr(node.func, "id", None) != COMPAT_LOOKUP:
            continue
        names = [arg.value for arg in node.args if isinstance(arg, ast.Constant) and isinstance(arg.value, str)]
        if len(names) != len(node.args) or len(names) < 2 or not names[0].startswith("Qgis."):
            problems.append(Problem(path, node.lineno, f'{COMPAT_LOOKUP} takes "Qgis.Enum.Value" then legacy names'))
            continue
        if not any(resolve_dotted(name) is not None for name in names):
            problems.append(Problem(path, node.lineno, f"none of {names} exists in QGIS {qgis_version()}"))
    return problems


def resolve_dotted(name: str) -> Any:
    """``qgis.core``/``qgis.gui`` object for ``Class.Attr...`` or None."""
    head, *rest = name.split(".")
    for module_name in QGIS_MODULES:
        obj = getattr(importlib.import_module(module_name), head, None)
        for attr in rest:
            obj = getattr(obj, attr, None)
        if obj is not None:
            return obj
    return None


def qgis_version() -> str:
    """The running QGIS version."""
    return str(importlib.import_module("qgis.core").Qgis.QGIS_VERSION)


def check_file(path: Path, against: str) -> list[Problem]:
    """All problems of one source file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    imports, problems = collect_imports(tree, path)
    problems.extend(removed_names(tree, path))
    checker = check_pyqt6 if against == "pyqt6" else check_qgis
    problems.extend(checker(tree, imports, path))
    return sorted(set(problems), key=lambda problem: (str(problem.path), problem.line, problem.message))


def python_files(paths: list[Path]) -> Iterator[Path]:
    """The .py files under the given files and folders."""
    for path in paths:
        yield from sorted(path.rglob("*.py")) if path.is_dir() else [path]


def main(argv: list[str] | None = None) -> int:
    """Checks the given sources; prints the problems; 1 if any."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", choices=("pyqt6", "qgis"), required=True)
    parser.add_argument("paths", nargs="+", type=Path)
    args = parser.parse_args(argv)
    binding = "PyQt6.QtCore" if args.against == "pyqt6" else "qgis.core"
    try:
        importlib.import_module(binding)
    except ImportError:
        print(f"qt6_check: {binding} is not importable by {sys.executable}; see make lint", file=sys.stderr)
        return 2
    files = list(python_files(args.paths))
    problems = [problem for path in files for problem in check_file(path, args.against)]
    for problem in problems:
        print(problem)
    print(f"qt6_check --against {args.against}: {len(files)} files, {len(problems)} problems", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
