"""Class scheme files: reading and checking them, finding them beside a layer, comparing them with label values."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from landcover_qgis.class_scheme import (
    LandClass,
    SchemeError,
    check_label_values,
    class_for_value,
    find_scheme_beside,
    load_scheme_file,
    scheme_to_json,
)

SCHEME = [LandClass(1, "water", "#0000ff"), LandClass(2, "forest", "#00a000"), LandClass(3, "urban", "#00ffff")]


def write_json(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def touch(*paths: Path) -> None:
    for path in paths:
        path.write_bytes(b"")


def test_list_scheme_with_hex_and_list_colours(tmp_path) -> None:
    path = write_json(tmp_path / "classes.json", [
        {"code": 1, "name": " water ", "color": "#0000FF"},
        {"code": 2.0, "name": "forest", "color": [0, 160, 0]},
        {"code": 254, "name": "mystery"},
        {"code": 0},
    ])
    assert load_scheme_file(str(path)) == [
        LandClass(1, "water", "#0000ff"), LandClass(2, "forest", "#00a000"),
        LandClass(254, "mystery", "#808080"), LandClass(0, "class 0", "#808080"),
    ]


def test_classes_key_scheme_and_named_default_colour(tmp_path) -> None:
    path = write_json(tmp_path / "scene_classes.json", {"name": "demo", "classes": [{"code": 7, "name": "Water"}]})
    assert load_scheme_file(str(path)) == [LandClass(7, "Water", "#0000ff")]


def test_scheme_to_json_reads_back(tmp_path) -> None:
    path = tmp_path / "written.json"
    path.write_text(scheme_to_json(SCHEME), encoding="utf-8")
    assert load_scheme_file(str(path)) == SCHEME
    assert json.loads(path.read_text())[0] == {"code": 1, "name": "water", "color": "#0000ff"}


@pytest.mark.parametrize(("data", "expected"), [
    ({"classes": {"code": 1}}, 'holds an object whose "classes" is an object'),
    ({"code": 1, "name": "water"}, 'holds an object without a "classes" key'),
    ("water", "holds text"),
    ([], "lists no classes"),
    ([{"code": 1, "name": "water"}, ["forest"]],
     'Entry 2 of the class scheme file {path} is a list (["forest"]), not a {"code", "name", "color"} object'),
    ([{"name": "water"}], 'Entry 1 of the class scheme file {path} has no "code"'),
    ([{"code": 1.7, "name": "water"}], "has the code 1.7: class codes are whole numbers"),
    ([{"code": "3", "name": "water"}], 'has the code "3": class codes are whole numbers from 0 to 254, written'),
    ([{"code": True, "name": "water"}], "has the code true: class codes are whole numbers"),
    ([{"code": 300, "name": "water"}], "has the code 300: class codes go from 0 to 254"),
    ([{"code": -1, "name": "water"}], "has the code -1: class codes go from 0 to 254"),
    ([{"code": 1, "name": "water"}, {"code": 2, "name": "  "}], 'Entry 2 of the class scheme file {path} (code 2) '
                                                                'has the name "  ": give the class a name'),
    ([{"code": 1, "name": 5}], 'has the name 5: give the class a name as text'),
    ([{"code": 1, "name": "water"}, {"code": 3, "name": "forest"}, {"code": 3, "name": "lake"}],
     "Entries 2 and 3 of the class scheme file {path} ('forest' and 'lake') have the code 3: give each class its own"),
    ([{"code": 1, "name": "water"}, {"code": 2, "name": "forest"}, {"code": 3, "name": "Water "}],
     "Entries 1 and 3 of the class scheme file {path} ('water' and 'Water') have the same name once case and spaces "
     "are ignored"),
    ([{"code": 1, "name": "water", "color": "blue"}], '(water) has the colour "blue": write it as "#rrggbb"'),
    ([{"code": 1, "name": "water", "color": "#00gg00"}], 'has the colour "#00gg00"'),
    ([{"code": 1, "name": "water", "color": [0, 0, 256]}], "has the colour [0, 0, 256]"),
    ([{"code": 1, "name": "water", "color": [0, 0]}], "has the colour [0, 0]"),
])
def test_invalid_scheme_is_refused_with_specific_message(tmp_path, data, expected) -> None:
    path = write_json(tmp_path / "classes.json", data)
    with pytest.raises(SchemeError) as error:
        load_scheme_file(str(path))
    assert expected.replace("{path}", str(path)) in str(error.value)
    assert str(path) in str(error.value)


def test_malformed_json_names_line_and_column(tmp_path) -> None:
    path = tmp_path / "classes.json"
    path.write_text('[\n  {"code": 1, "name": "water"}\n  {"code": 2, "name": "forest"}\n]\n', encoding="utf-8")
    with pytest.raises(SchemeError, match=r"is not valid JSON: Expecting ',' delimiter at line 3, column 3"):
        load_scheme_file(str(path))


def test_unreadable_files_are_refused(tmp_path) -> None:
    with pytest.raises(SchemeError, match=r"Cannot read the class scheme file .*missing\.json \(No such file"):
        load_scheme_file(str(tmp_path / "missing.json"))
    latin1 = tmp_path / "latin1.json"
    latin1.write_bytes('[{"code": 1, "name": "forêt"}]'.encode("latin-1"))
    with pytest.raises(SchemeError, match=r"latin1\.json is not UTF-8 text"):
        load_scheme_file(str(latin1))


def test_scheme_beside_labels_drops_trailing_words(tmp_path) -> None:
    touch(tmp_path / "scene_labels.gpkg", tmp_path / "scene_classes.json", tmp_path / "classes.json")
    labels = tmp_path / "scene_labels.gpkg"
    assert find_scheme_beside(f"{labels}|layername=labels") == str(tmp_path / "scene_classes.json")
    assert find_scheme_beside(f"{labels}|layerid=0") == str(tmp_path / "scene_classes.json")


def test_scheme_named_after_the_whole_stem_comes_first(tmp_path) -> None:
    touch(tmp_path / "scene_truth.tif", tmp_path / "scene_classes.json")
    assert find_scheme_beside(str(tmp_path / "scene_truth.tif")) == str(tmp_path / "scene_classes.json")
    touch(tmp_path / "scene_truth.classes.json")
    assert find_scheme_beside(str(tmp_path / "scene_truth.tif")) == str(tmp_path / "scene_truth.classes.json")
    touch(tmp_path / "scene_truth_classes.json")
    assert find_scheme_beside(str(tmp_path / "scene_truth.tif")) == str(tmp_path / "scene_truth_classes.json")


def test_classes_json_is_the_fallback_then_nothing(tmp_path) -> None:
    touch(tmp_path / "fields.shp", tmp_path / "other_classes.json")
    assert find_scheme_beside(str(tmp_path / "fields.shp")) is None
    touch(tmp_path / "classes.json")
    assert find_scheme_beside(str(tmp_path / "fields.shp")) == str(tmp_path / "classes.json")
    for source in ("", "memory?geometry=Polygon&crs=EPSG:32633", "https://example.org/classes.json",
                   str(tmp_path / "absent.gpkg")):
        assert find_scheme_beside(source) is None


def test_class_for_value_by_code_and_by_name() -> None:
    assert class_for_value(SCHEME, 2) == SCHEME[1]
    assert class_for_value(SCHEME, 2.0) == SCHEME[1]
    assert class_for_value(SCHEME, " 3 ") == SCHEME[2]
    assert class_for_value(SCHEME, "WATER ") == SCHEME[0]
    assert class_for_value(SCHEME, 2.5) is None
    assert class_for_value(SCHEME, True) is None
    assert class_for_value(SCHEME, "wetland") is None
    assert class_for_value([LandClass(1, "3", "#808080"), LandClass(3, "c", "#808080")], "3").code == 1  # name first


def test_label_codes_that_fit_the_scheme() -> None:
    assert check_label_values(SCHEME, [1, 2, 3, 2, None]) == []
    assert check_label_values(SCHEME, ["3", "1", "1"]) == []
    assert check_label_values(SCHEME, ["water", "forest", 3]) == []


def test_missing_code_and_name_are_reported_once() -> None:
    problems = check_label_values(SCHEME, [1, 7, 7.0, "wetland", 2.5])
    assert problems == [
        "The label value 7 is not in the class scheme (1=water, 2=forest, 3=urban): add it to the scheme or fix the "
        "labels.",
        "The label value 'wetland' is not in the class scheme (1=water, 2=forest, 3=urban): add it to the scheme or "
        "fix the labels.",
        "The label value 2.5 is not in the class scheme (1=water, 2=forest, 3=urban): add it to the scheme or fix the "
        "labels.",
    ]


def test_long_scheme_is_cut_short_in_messages() -> None:
    scheme = [LandClass(code, f"c{code}", "#808080") for code in range(20)]
    (problem,) = check_label_values(scheme, [99])
    assert "(0=c0, 1=c1, 2=c2, 3=c3, 4=c4, 5=c5, 6=c6, 7=c7, 8=c8, 9=c9, 10=c10, 11=c11, ...)" in problem


def test_name_spellings_differing_in_case_are_reported() -> None:
    assert check_label_values(SCHEME, ["Water", "water", "water", "forest"]) == [
        "The label values 'Water' and 'water' differ only in case or surrounding spaces: use one spelling (the "
        "scheme's 'water') for all labels of that class."]
    assert check_label_values(SCHEME, ["WATER", "forest "]) == [
        "The label value 'WATER' matches the class 'water' only when case and surrounding spaces are ignored: use the "
        "scheme's spelling 'water'.",
        "The label value 'forest ' matches the class 'forest' only when case and surrounding spaces are ignored: use "
        "the scheme's spelling 'forest'.",
    ]


def test_missing_name_in_two_spellings() -> None:
    problems = check_label_values(SCHEME, ["Wetland", "wetland", "water"])
    assert problems == [
        "The label value 'Wetland' is not in the class scheme (1=water, 2=forest, 3=urban): add it to the scheme or "
        "fix the labels.",
        "The label values 'Wetland' and 'wetland' differ only in case or surrounding spaces: use one spelling for all "
        "labels of that class.",
    ]
