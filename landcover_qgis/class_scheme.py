"""Class schemes as the plugin sees them: codes, names and colours.

They come from the engine (the ``classes`` list of a summary) or from a scheme JSON file given to the engine's
``--classes``: :func:`load_scheme_file` checks such a file before a run, so mistakes show up in QGIS instead of
halfway through a training, and :func:`check_label_values` compares it with a label layer's class field. The rules
follow ``landcover_core/common/classes.py`` (read, never imported: the plugin runs in QGIS's own Python).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Dict, Hashable, Iterable, List, Optional, Sequence, Tuple

from qgis.PyQt.QtGui import QColor

from landcover_qgis.i18n import translate

#: Class codes are written to uint8 rasters whose nodata value is 255.
MAX_CODE = 254

#: Colour of a class whose colour is missing or unreadable.
DEFAULT_COLOR = "#808080"

# The engine's colours for common names in a scheme file without colours, so previews match its outputs
# (for other names the engine picks a palette colour; the plugin shows grey).
_NAMED_COLORS = {
    "water": "#0000ff", "forest": "#00a000", "urban": "#00ffff", "building": "#dc143c", "road": "#808080",
    "agriculture": "#ffff00", "grass": "#90ee90", "barren": "#d2b48c", "wetland": "#008080", "snow": "#fffafa",
}

_HEX_COLOR = re.compile(r"#[0-9a-fA-F]{6}")
_DIGITS = re.compile(r"\d+", re.ASCII)  # ASCII: str.isdigit() also accepts '²', which int() refuses

#: Classes listed in full in messages; longer schemes are cut short.
_LISTED_CLASSES = 12


class SchemeError(Exception):
    """A class scheme file that cannot be used; the message names the file, the entry and the fix."""


@dataclass(frozen=True)
class LandClass:
    """One land-cover class.

    Attributes:
        code: Pixel value in class rasters and ``class_id`` in polygons.
        name: Display name.
        color: ``#rrggbb``.
    """

    code: int
    name: str
    color: str

    @property
    def qcolor(self) -> QColor:
        """The colour as a QColor (grey when the engine sent something unreadable)."""
        colour = QColor(self.color)
        return colour if colour.isValid() else QColor(DEFAULT_COLOR)


def classes_from_summary(items: Iterable[Any]) -> List[LandClass]:
    """Reads the ``classes`` list of an engine summary, skipping malformed entries.

    The list is ``[{"code", "name", "color"}, ...]``.
    """
    classes = []
    for item in items or []:
        try:
            code = int(item["code"])
        except (KeyError, TypeError, ValueError):
            continue
        name = str(item.get("name") or f"class {code}")
        classes.append(LandClass(code, name, str(item.get("color") or DEFAULT_COLOR)))
    return classes


def load_scheme_file(path: str) -> List[LandClass]:
    """Reads and checks a class scheme JSON file as the engine's ``--classes`` takes it.

    The file holds a list of ``{"code": int, "name": str, "color": "#rrggbb" or [r, g, b]}`` objects, or an object
    whose ``"classes"`` key holds that list. Codes are integers from 0 to 254; names are trimmed and must differ
    once case is ignored (the engine matches text labels to names that way); a missing name becomes
    ``class <code>`` and a missing colour the engine's colour for a common name, else grey.

    Args:
        path: The JSON file.

    Returns:
        The classes, in file order (the model's output order).

    Raises:
        SchemeError: the file cannot be read, is not JSON, or an entry is invalid or clashes with another.
    """
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise SchemeError(translate("ClassScheme", "The class scheme file {path} is not UTF-8 text: save it with "
                                                   "UTF-8 encoding.").format(path=path)) from None
    except OSError as exc:
        raise SchemeError(translate("ClassScheme", "Cannot read the class scheme file {path} ({value}): check that "
                                                   "the file exists and is readable.").format(
                                                       path=path, value=exc.strerror or exc)) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SchemeError(translate("ClassScheme", "The class scheme file {path} is not valid JSON: {msg} at line "
                                                   "{lineno}, column {colno}. Fix the file there (a missing comma, "
                                                   "quote or bracket is the usual cause).").format(
                                                       path=path, msg=exc.msg, lineno=exc.lineno, colno=exc.colno)
                          ) from None
    items = data.get("classes") if isinstance(data, dict) else data
    if not isinstance(items, list):
        held = (
            translate("ClassScheme", 'an object whose "classes" is {kind}').format(kind=_json_kind(items))
            if isinstance(data, dict) and "classes" in data
            else translate("ClassScheme", 'an object without a "classes" key')
            if isinstance(data, dict)
            else _json_kind(data)
        )
        raise SchemeError(translate("ClassScheme", "The class scheme file {path} holds {held}: it must hold a list "
                                                   "of {{\"code\", \"name\", \"color\"}} objects, or an object whose "
                                                   "\"classes\" key holds that list.").format(
                                                       path=path, held=held))
    if not items:
        raise SchemeError(translate("ClassScheme", "The class scheme file {path} lists no classes: add a {{\"code\", "
                                                   "\"name\", \"color\"}} object for each class.").format(
                                                       path=path))
    classes = [_read_entry(item, translate("ClassScheme", "Entry {number} of the class scheme file {path}").format(
        number=number, path=path))
               for number, item in enumerate(items, start=1)]
    _refuse_clash(classes, path, lambda c: c.code, translate("ClassScheme", "the code {code}"), translate(
            "ClassScheme", "give each class its own code"))
    _refuse_clash(classes, path, lambda c: _name_key(c.name), translate(
            "ClassScheme", "the same name once case and spaces are ignored"),
                  translate("ClassScheme", "give each class its own name"))
    return classes


def scheme_to_json(classes: Sequence[LandClass]) -> str:
    """The classes as scheme file text (a list of ``{code, name, color}``) that :func:`load_scheme_file` reads."""
    return json.dumps([{"code": c.code, "name": c.name, "color": c.color} for c in classes], indent=2) + "\n"


def find_scheme_beside(source: str) -> Optional[str]:
    """Finds the class scheme JSON that goes with a layer's file, as the demo writes them.

    For ``scene_labels.gpkg`` it tries ``scene_labels_classes.json`` and ``scene_labels.classes.json``, then the
    same with the trailing ``_word`` parts of the name removed one by one (``scene_classes.json``,
    ``scene.classes.json``), then ``classes.json``, all in the layer's folder.

    Args:
        source: A layer's data source: a file path, possibly followed by QGIS options (``|layername=labels``).

    Returns:
        The first scheme file found, or None (also for sources that are not files: memory layers, URLs).
    """
    layer_file = Path((source or "").split("|", 1)[0])
    if not source or not layer_file.is_file():
        return None
    names = []
    stem = layer_file.stem
    while stem:
        names += [f"{stem}_classes.json", f"{stem}.classes.json"]
        stem = stem.rpartition("_")[0]
    names.append("classes.json")
    return next((str(layer_file.parent / name) for name in names if (layer_file.parent / name).is_file()), None)


def class_for_value(classes: Sequence[LandClass], value: object) -> Optional[LandClass]:
    """The class a label field value stands for; None when no class matches.

    Integers and integral floats are matched to codes and text to names, ignoring case and surrounding spaces, as
    the engine does. Text that names no class but is a whole number (``"3"``) is taken as a code here; the engine
    reads a text field by name only, so such a field is best stored as integers.
    """
    if isinstance(value, str):
        key = _name_key(value)
        named = next((c for c in classes if _name_key(c.name) == key), None)
        if named is not None or not _DIGITS.fullmatch(key):
            return named
        code: Optional[int] = int(key)
    else:
        code = _integer(value)
    return next((c for c in classes if c.code == code), None) if code is not None else None


def check_label_values(classes: Sequence[LandClass], values: Iterable[object]) -> List[str]:
    """The problems between a class scheme and the values of a label layer's class field.

    A value no class matches stops the engine; a name typed in spellings that differ only by case or surrounding
    spaces (``'Water'`` and ``'water'``, or ``'WATER'`` for the class ``water``) works but is probably a slip.
    Empty values (None, NULL) are skipped, as the engine drops those features.

    Args:
        classes: The scheme.
        values: The field's values (codes, numeric text or names), e.g. the layer's unique values.

    Returns:
        One message per problem, empty when the labels fit the scheme.
    """
    missing: Dict[str, object] = {}  # value key -> the value as first seen
    spellings: Dict[str, List[str]] = {}  # name key -> the distinct spellings of text matched by name or by nothing
    for value in values:
        is_null = getattr(value, "isNull", None)  # a NULL QVariant of a QGIS attribute
        if value is None or (callable(is_null) and is_null()):
            continue
        key = _value_key(value)
        land_class = class_for_value(classes, value)
        if land_class is None:
            missing.setdefault(key, value)
        if isinstance(value, str) and (land_class is None or _name_key(land_class.name) == key):
            known = spellings.setdefault(key, [])
            if value not in known:
                known.append(value)
    listed = ", ".join(f"{c.code}={c.name}" for c in classes[:_LISTED_CLASSES])
    listed += ", ..." if len(classes) > _LISTED_CLASSES else ""
    problems = [translate("ClassScheme", "The label value {value} is not in the class scheme ({listed}): add it to "
                                         "the scheme or fix the labels.").format(
                                             value=_shown(value), listed=listed) for value in missing.values()]
    for key, variants in spellings.items():
        land_class = class_for_value(classes, variants[0]) if key not in missing else None
        if len(variants) > 1:
            text = (translate("ClassScheme", "The label values {values} differ only in case or surrounding spaces: "
                                             "use one spelling (the scheme's '{name}') for all labels of that class.")
                    if land_class else
                    translate("ClassScheme", "The label values {values} differ only in case or surrounding spaces: "
                                             "use one spelling for all labels of that class."))
            problems.append(text.format(values=_joined(variants), name=land_class.name if land_class else ""))
        elif land_class and variants[0] != land_class.name:
            problems.append(translate("ClassScheme", "The label value {value} matches the class '{name}' only when "
                                                     "case and surrounding spaces are ignored: use the scheme's "
                                                     "spelling '{name}'.").format(
                                                         value=_shown(variants[0]), name=land_class.name))
    return problems


def _read_entry(item: object, where: str) -> LandClass:
    """One class of a scheme file; ``where`` names the entry in messages."""
    if not isinstance(item, dict):
        raise SchemeError(translate("ClassScheme", "{where} is {kind}, not a {{\"code\", \"name\", \"color\"}} "
                                                   "object: write it as {{\"code\": 1, \"name\": \"water\", "
                                                   "\"color\": \"#0000ff\"}}.").format(
                                                       where=where, kind=_json_kind(item)))
    if "code" not in item:
        raise SchemeError(translate("ClassScheme", "{where} has no \"code\": give it an integer code from 0 to "
                                                   "{max_code}.").format(where=where, max_code=MAX_CODE))
    code = _integer(item["code"])
    if code is None:
        raise SchemeError(translate("ClassScheme", "{where} has the code {value}: class codes are whole numbers from "
                                                   "0 to {max_code}, written without quotes.").format(
                                                       where=where, value=json.dumps(item["code"]), max_code=MAX_CODE))
    if not 0 <= code <= MAX_CODE:
        raise SchemeError(
            translate(
                "ClassScheme",
                "{where} has the code {code}: class codes go from 0 to {max_code} "
                "(255 marks nodata in class rasters); pick a code in that range."
            ).format(where=where, code=code, max_code=MAX_CODE)
        )
    name = item.get("name", f"class {code}")
    if not isinstance(name, str) or not name.strip():
        raise SchemeError(translate("ClassScheme", "{where} (code {code}) has the name {value}: give the class a "
                                                   "name as text.").format(
                                                       where=where, code=code, value=json.dumps(name)))
    name = name.strip()
    if "color" not in item:
        return LandClass(code, name, _NAMED_COLORS.get(_name_key(name), DEFAULT_COLOR))
    color = _color_hex(item["color"])
    if color is None:
        raise SchemeError(translate("ClassScheme", "{where} ({name}) has the colour {value}: write it as \"#rrggbb\" "
                                                   "or as [r, g, b] with integers from 0 to 255.").format(
                                                       where=where, name=name, value=json.dumps(item["color"])))
    return LandClass(code, name, color)


def _refuse_clash(classes: List[LandClass], path: str, key: Callable[[LandClass], Hashable], what: str,
                  fix: str) -> None:
    """Raises SchemeError for the first two classes with the same key; ``what`` may use ``{code}``."""
    first: Dict[Hashable, int] = {}
    for number, land_class in enumerate(classes, start=1):
        earlier = first.setdefault(key(land_class), number)
        if earlier != number:
            other = classes[earlier - 1]
            raise SchemeError(
                translate(
                    "ClassScheme",
                    "Entries {earlier} and {number} of the class scheme file "
                    "{path} ('{name}' and '{name2}') have {what}: {fix}."
                ).format(
                    earlier=earlier,
                    number=number,
                    path=path,
                    name=other.name,
                    name2=land_class.name,
                    what=what.format(code=land_class.code),
                    fix=fix,
                )
            )


def _integer(value: object) -> Optional[int]:
    """The integer a JSON or field number stands for (3 or 3.0); None for 1.7, booleans and anything else."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


def _value_key(value: object) -> str:
    """A field value as :func:`class_for_value` sees it: a name key for text, the integer for 3 and 3.0."""
    if isinstance(value, str):
        return _name_key(value)
    code = _integer(value)
    return str(code if code is not None else value)


def _name_key(name: str) -> str:
    """A name as the engine compares names: trimmed, lower case."""
    return name.strip().lower()


def _color_hex(value: object) -> Optional[str]:
    """``#rrggbb`` (lower case) for a ``"#rrggbb"`` string or an ``[r, g, b]`` list of 0..255 integers, else None."""
    if isinstance(value, str) and _HEX_COLOR.fullmatch(value):
        return value.lower()
    if isinstance(value, list) and len(value) == 3 and all(
            not isinstance(v, bool) and isinstance(v, int) and 0 <= v <= 255 for v in value):
        return "#{:02x}{:02x}{:02x}".format(*value)
    return None


def _json_kind(value: object) -> str:
    """What a JSON value is, in words for messages."""
    kinds: Tuple[Tuple[type, str], ...] = (
        (bool, "true/false"),
        (dict, translate("ClassScheme", "an object")),
        (list, translate("ClassScheme", "a list")),
        (str, "text"),
        (int, translate("ClassScheme", "a number")),
        (float, translate("ClassScheme", "a number")),
    )
    return next((f"{word} ({json.dumps(value)[:40]})" for kind, word in kinds if isinstance(value, kind)), "null")


def _shown(value: object) -> str:
    """A field value in a message: text quoted, numbers as they are."""
    return f"'{value}'" if isinstance(value, str) else str(value)


def _joined(values: Sequence[str]) -> str:
    """``'a', 'b' and 'c'``."""
    quoted = [_shown(v) for v in values]
    return " and ".join([", ".join(quoted[:-1]), quoted[-1]]) if len(quoted) > 1 else quoted[0]
