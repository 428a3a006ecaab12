"""Class schemes: the codes, names and colours that travel from labels to model to outputs.

A model predicts class *indices* 0..K-1; rasters and vectors carry class *codes* (the values an analyst
uses, e.g. 10/30/50). The scheme maps between the two and gives each class a name and a colour.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from landcover_core.errors import InputError

RGB = tuple[int, int, int]

#: Nodata value of uint8 class rasters; class codes are restricted to 0..254 so it never collides.
NODATA_CODE = 255

#: Label value used for unlabeled pixels in index arrays (ignored by the loss and the metrics).
IGNORE_INDEX = -1

# Conventional colours for common land-cover names, so schemes built from a class field look familiar.
_NAMED_COLOURS: dict[str, RGB] = {
    "water": (0, 0, 255),
    "forest": (0, 160, 0),
    "tree": (0, 160, 0),
    "trees": (0, 160, 0),
    "urban": (0, 255, 255),
    "building": (220, 20, 60),
    "buildings": (220, 20, 60),
    "road": (128, 128, 128),
    "roads": (128, 128, 128),
    "agriculture": (255, 255, 0),
    "field": (255, 215, 0),
    "crop": (255, 215, 0),
    "cropland": (255, 215, 0),
    "rangeland": (255, 0, 255),
    "grass": (144, 238, 144),
    "grassland": (144, 238, 144),
    "barren": (210, 180, 140),
    "bare": (210, 180, 140),
    "sand": (238, 214, 175),
    "wetland": (0, 128, 128),
    "snow": (255, 250, 250),
    "cloud": (240, 240, 240),
    "background": (60, 60, 60),
}

# A qualitative palette (tab20-like) for the rest.
_PALETTE: list[RGB] = [
    (31, 119, 180), (255, 127, 14), (44, 160, 44), (214, 39, 40), (148, 103, 189),
    (140, 86, 75), (227, 119, 194), (127, 127, 127), (188, 189, 34), (23, 190, 207),
    (174, 199, 232), (255, 187, 120), (152, 223, 138), (255, 152, 150), (197, 176, 213),
    (196, 156, 148), (247, 182, 210), (199, 199, 199), (219, 219, 141), (158, 218, 229),
]


def colour_to_hex(colour: RGB) -> str:
    """Formats an RGB triple as ``#rrggbb``."""
    return "#{:02x}{:02x}{:02x}".format(*colour)


def parse_colour(value: Any) -> RGB:
    """Parses ``#rrggbb`` or an ``[r, g, b]`` list (integers 0..255) into an RGB triple.

    Raises:
        InputError: anything else (``#12345g``, ``[300, 0, 0]``, ``[1.5, 0, 0]``...).
    """
    if isinstance(value, str) and re.fullmatch(r"#[0-9a-fA-F]{6}", value):
        return (int(value[1:3], 16), int(value[3:5], 16), int(value[5:7], 16))
    if isinstance(value, (list, tuple)) and len(value) == 3 and all(_is_byte(v) for v in value):
        return (int(value[0]), int(value[1]), int(value[2]))
    raise InputError(f"Cannot read colour {value!r}: use '#rrggbb' or [r, g, b] with integers from 0 to 255.")


def _is_byte(value: Any) -> bool:
    """Whether ``value`` is an integer 0..255 (a colour component; True/False and 1.5 are not)."""
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 255


def parse_code(value: Any) -> int:
    """A class code given as an integer (``3``, ``3.0`` or ``"3"``), never rounded: ``1.7`` is refused.

    Raises:
        ValueError: not an integer.
    """
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not an integer")
    number = float(value) if isinstance(value, (str, float)) else value
    if isinstance(number, float) and not number.is_integer():
        raise ValueError(f"{value!r} is not an integer")
    return int(number)


@dataclass(frozen=True)
class LandClass:
    """One class: its code in rasters/vectors, its name and its display colour."""

    code: int
    name: str
    colour: RGB

    def to_dict(self) -> dict[str, Any]:
        """The class as JSON-ready ``{code, name, color}``."""
        return {"code": self.code, "name": self.name, "color": colour_to_hex(self.colour)}


@dataclass(frozen=True)
class ClassScheme:
    """An ordered list of classes; the order is the model's output channel order."""

    classes: tuple[LandClass, ...]

    def __post_init__(self) -> None:
        if not self.classes:
            raise InputError("The class scheme is empty: the labels contain no class.")
        codes = [c.code for c in self.classes]
        if len(set(codes)) != len(codes):
            raise InputError(f"The class scheme has duplicate codes: {codes}.")
        names = [c.name for c in self.classes]
        if any(not name.strip() for name in names):
            raise InputError(f"The class scheme has an empty class name: {names}; give every class a name.")
        # Names are matched case-insensitively (class fields, --class-thresholds): 'water' and 'Water' are one.
        if len({name.strip().lower() for name in names}) != len(names):
            raise InputError(f"The class scheme has duplicate names (compared ignoring case): {names}; give each "
                             "class its own name.")
        if any(not 0 <= c <= 254 for c in codes):
            raise InputError(f"Class codes must be integers from 0 to 254 (they are written as uint8): {codes}.")

    def __len__(self) -> int:
        return len(self.classes)

    @property
    def codes(self) -> list[int]:
        """Class codes, in model output order."""
        return [c.code for c in self.classes]

    @property
    def names(self) -> list[str]:
        """Class names, in model output order."""
        return [c.name for c in self.classes]

    @property
    def colours(self) -> list[RGB]:
        """Class colours (RGB), in model output order."""
        return [c.colour for c in self.classes]

    @property
    def nodata_code(self) -> int:
        """The nodata value of class rasters: 255, which is never a class code (codes are 0..254)."""
        return NODATA_CODE

    def index_of_code(self, code: int) -> int:
        """The model output index of a class code (raises InputError for an unknown code)."""
        try:
            return self.codes.index(code)
        except ValueError:
            raise InputError(f"Class code {code} is not in the class scheme {self.codes}.") from None

    def code_lut(self, max_code: int = 65535) -> np.ndarray:
        """A lookup table mapping any code 0..max_code to its index, or IGNORE_INDEX."""
        lut = np.full(max_code + 1, IGNORE_INDEX, dtype=np.int16)
        for index, code in enumerate(self.codes):
            if code <= max_code:
                lut[code] = index
        return lut

    def codes_to_indices(self, codes: np.ndarray, valid: np.ndarray | None = None) -> np.ndarray:
        """Maps an array of codes to indices; unknown codes and invalid pixels become IGNORE_INDEX."""
        out = np.full(codes.shape, IGNORE_INDEX, dtype=np.int16)
        for index, code in enumerate(self.codes):
            out[codes == code] = index
        if valid is not None:
            out[~valid] = IGNORE_INDEX
        return out

    def indices_to_codes(self, indices: np.ndarray) -> np.ndarray:
        """Maps model indices to uint8 class codes."""
        return np.asarray(self.codes, dtype=np.uint8)[indices]

    def colour_map(self) -> dict[int, tuple[int, int, int, int]]:
        """A rasterio colour map {code: (r, g, b, a)}."""
        return {c.code: (*c.colour, 255) for c in self.classes}

    def to_list(self) -> list[dict[str, Any]]:
        """The scheme as a JSON-ready list of ``{code, name, color}``."""
        return [c.to_dict() for c in self.classes]

    @classmethod
    def from_list(cls, items: Iterable[dict[str, Any]]) -> ClassScheme:
        """A scheme from a list of ``{code, name, color}`` (the colour is optional)."""
        classes = []
        for i, item in enumerate(items):
            try:
                code = parse_code(item["code"])
                name = str(item.get("name", f"class {code}")).strip()
            except (KeyError, TypeError, ValueError, OverflowError):
                raise InputError(f"Class entry {i} needs an integer 'code' (and a 'name'): {item!r}.") from None
            colour = parse_colour(item["color"]) if "color" in item else default_colour(name, i)
            classes.append(LandClass(code, name, colour))
        return cls(tuple(classes))

    @classmethod
    def from_codes(cls, codes: Sequence[int], names: Sequence[str] | None = None) -> ClassScheme:
        """A scheme for integer codes, named 'class <code>' unless names are given."""
        names = names or [f"class {c}" for c in codes]
        pairs = enumerate(zip(codes, names, strict=True))
        return cls(tuple(LandClass(int(c), n, default_colour(n, i)) for i, (c, n) in pairs))

    @classmethod
    def from_names(cls, names: Sequence[str]) -> ClassScheme:
        """A scheme for class names (e.g. a text class field); codes are 1..K in sorted name order.

        Names are trimmed, and names that differ only in case are one class (as class fields are matched).
        """
        # One class per name ignoring case (the first spelling in sorted order), as class fields are matched.
        spellings: dict[str, str] = {}
        for name in sorted({str(n).strip() for n in names}):
            spellings.setdefault(name.lower(), name)
        ordered = list(spellings.values())
        return cls(tuple(LandClass(i + 1, n, default_colour(n, i)) for i, n in enumerate(ordered)))

    @classmethod
    def load(cls, spec: str) -> ClassScheme:
        """Loads a preset name ('deepglobe') or a JSON file: a list of {code, name, color}."""
        if spec.lower() == "deepglobe":
            return DEEPGLOBE
        path = Path(spec)
        if not path.is_file():
            raise InputError(f"Class scheme '{spec}' is neither a preset (deepglobe) nor an existing JSON file.")
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError as exc:
            raise InputError(f"Class scheme file {path} is not UTF-8 text (byte {exc.start}); save it as UTF-8 "
                             "(JSON files are UTF-8).") from None
        except (OSError, json.JSONDecodeError) as exc:
            raise InputError(f"Cannot read class scheme file {path}: {exc}.") from None
        if isinstance(data, dict):
            data = data.get("classes", data)
        if not isinstance(data, list):
            raise InputError(f"Class scheme file {path} must hold a list of {{code, name, color}} objects.")
        try:
            return cls.from_list(data)
        except InputError as exc:
            raise InputError(f"Class scheme file {path}: {exc}") from None


def check_codes(codes: Iterable[int], where: str, recode_with: str) -> None:
    """Refuses codes a class raster cannot hold (0..254; 255 is its nodata), rather than wrapping them.

    Args:
        codes: the codes found.
        where: what holds them, starting a sentence ("The label raster x.tif").
        recode_with: the tool to suggest for recoding.

    Raises:
        InputError: naming the source and the codes (300 in a uint16 raster would be 44 as uint8).
    """
    bad = [code for code in codes if not 0 <= code < NODATA_CODE]
    if bad:
        shown = ", ".join(map(str, bad[:10])) + (" ..." if len(bad) > 10 else "")
        raise InputError(
            f"{where} holds class codes outside 0..{NODATA_CODE - 1} ({shown}); class codes are written as uint8 "
            f"with {NODATA_CODE} as nodata. Recode those classes (e.g. with {recode_with}), or mark the ones that "
            "mean unlabeled as nodata."
        )


def default_colour(name: str, position: int) -> RGB:
    """A conventional colour for a known land-cover name, else a palette colour."""
    return _NAMED_COLOURS.get(name.strip().lower(), _PALETTE[position % len(_PALETTE)])


# DeepGlobe Land Cover: RGB-coded masks; 'unknown' (0,0,0) is unlabeled, not a class.
DEEPGLOBE_COLOURS: list[tuple[str, RGB]] = [
    ("urban", (0, 255, 255)),
    ("agriculture", (255, 255, 0)),
    ("rangeland", (255, 0, 255)),
    ("forest", (0, 255, 0)),
    ("water", (0, 0, 255)),
    ("barren", (255, 255, 255)),
]
DEEPGLOBE = ClassScheme(tuple(LandClass(i + 1, n, c) for i, (n, c) in enumerate(DEEPGLOBE_COLOURS)))
