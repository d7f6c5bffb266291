"""A broken data file gives a problem naming the file, the record and the reason, never a
traceback or a silently different history.  Each test breaks a copy of data/ the way a
historian's edit might, and reads what ``python -m geo check`` (or geo.problems()) says."""

import io
import json
import re
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout

import pytest
from conftest import ROOT

import geo
from geo import __main__ as geo_main

LINE = re.compile(r"^[\w.-]+\.(yaml|csv|geojson)(, [^:]+)?: .+$")


def edit(path, old, new, count=1):
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= count, f"{old!r} not in {path.name}: the test is out of date"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def check(data_copy) -> tuple[int, list[str], str]:
    """``python -m geo check`` on the copy, run in this process: exit status, lines printed, stderr."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = geo_main.main(["check"])
    return status, out.getvalue().splitlines(), err.getvalue()


def test_geo_check_as_its_own_process_exits_1_without_a_traceback(data_copy):
    (data_copy / "dispute.yaml").unlink()
    result = subprocess.run([sys.executable, "-m", "geo", "check"], cwd=ROOT, capture_output=True, text=True,
                            timeout=120, env={"ATLAS_DATA_DIR": str(data_copy), "PATH": "/usr/bin:/bin",
                                              "HOME": str(data_copy)})
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stdout.splitlines() == [f"dispute.yaml: file not found in {data_copy}"]


def problems() -> list[str]:
    return [str(problem) for problem in geo.problems()]


def test_the_unbroken_copy_has_no_problem(data_copy):
    status, lines, _ = check(data_copy)
    assert status == 0 and "no problems" in lines[0]


# The five cases the issue asks to check by hand, through the command line.
CLI_CASES = {
    "a claim given as a list": (
        "periods.yaml", "  claims: {sakhalin_north: RU}", "  claims: [RU]",
        "periods.yaml, period north_sakhalin_occupation: claims: "),
    "a quote as a bare string": (
        "treaties.yaml", "  quotes:\n    - article: {en: Article IX, ko: 제9조}",
        '  quotes:\n    - "The Imperial Russian Government cede ..."\n'
        '    - article: {en: Article IX, ko: 제9조}',
        "treaties.yaml, treaty portsmouth_1905: quotes.0: "),
    "a border's end year as text": (
        "borders.geojson", '"end": 1945', '"end": "1945"',
        "borders.geojson, line saint_petersburg_first_kuril_strait: end: "),
    "a second iturup key under one period's holders": (
        "periods.yaml", "    iturup: JP\n", "    iturup: JP\n    iturup: RU\n",
        'periods.yaml, line {dup}, in record shimoda: found duplicate key "iturup"'),
    "{yaer} in a Korean string": (
        "ui.yaml", 'ko: "{year}년에 달라진 점"', 'ko: "{yaer}년에 달라진 점"',
        "ui.yaml, key what_changed: "),
}


@pytest.mark.parametrize("case", CLI_CASES)
def test_geo_check_names_the_file_and_record(case, data_copy):
    file, old, new, expected = CLI_CASES[case]
    edit(data_copy / file, old, new)
    if "{dup}" in expected:
        # The second key's line (1-based) in the edited file: the first key's line plus one.
        first = (data_copy / file).read_text(encoding="utf-8").index(new)
        line = (data_copy / file).read_text(encoding="utf-8").count("\n", 0, first) + 2
        expected = expected.replace("{dup}", str(line))
    status, lines, stderr = check(data_copy)
    assert status == 1 and "Traceback" not in stderr
    assert any(line.startswith(expected) for line in lines), lines
    assert all(LINE.match(line) for line in lines), lines


def test_a_duplicated_key_is_not_silently_taken(data_copy):
    """PyYAML kept the last key: Iturup would have been Russian in 1860."""
    edit(data_copy / "periods.yaml", "    iturup: JP\n", "    iturup: JP\n    iturup: RU\n")
    assert any("duplicate key" in p for p in problems())


def test_a_placeholder_the_code_does_not_fill_in_every_language(data_copy):
    edit(data_copy / "ui.yaml", 'what_changed: {en: "What changed in {year}", ko: "{year}년에 달라진 점"}',
         'what_changed: {en: "What changed in {yaer}", ko: "{yaer}년에 달라진 점"}')
    assert any(p.startswith("ui.yaml, key what_changed: en: {yaer}; expected {year}") for p in problems())


def test_an_interface_string_the_code_needs_is_missing(data_copy):
    edit(data_copy / "ui.yaml", 'year: {en: "Year", ko: "연도"}\n', "")
    assert "ui.yaml, key year: missing: the atlas shows this text" in problems()


DATA_FILES = ["languages.yaml", "ui.yaml", "states.yaml", "areas.yaml", "islands.csv", "coastline.geojson",
              "periods.yaml", "treaties.yaml", "events.yaml", "dispute.yaml", "datasets.yaml", "borders.geojson",
              "viewpoints.yaml"]


@pytest.mark.parametrize("file", DATA_FILES)
def test_a_missing_file_is_named(file, data_copy):
    (data_copy / file).unlink()
    assert any(p.startswith(f"{file}: file not found") for p in problems())


@pytest.mark.parametrize("file, content, expected", [
    ("periods.yaml", "id: shimoda\nstart: 1855\n", "periods.yaml: expected a list of records"),
    ("events.yaml", "- just a line\n", "events.yaml, event 1: a record must be a mapping of fields"),
    ("ui.yaml", "- year\n", "ui.yaml: expected a mapping of keys to texts"),
    ("dispute.yaml", "[1, 2]\n", "dispute.yaml: expected a mapping of fields"),
    ("borders.geojson", '{"type": "Feature"}', "borders.geojson: not a GeoJSON FeatureCollection"),
    ("coastline.geojson", "[]", "coastline.geojson: not a GeoJSON FeatureCollection"),
    ("borders.geojson", "{not json", "borders.geojson, line 1: not valid JSON"),
    ("treaties.yaml", "- id: [unclosed\n", "treaties.yaml, line 2: "),
    ("islands.csv", "id,name\nx,y\n", "islands.csv: missing column(s)"),
])
def test_a_file_of_the_wrong_shape_is_named(file, content, expected, data_copy):
    (data_copy / file).write_text(content, encoding="utf-8")
    found = problems()
    assert any(p.startswith(expected) for p in found), found
    # A file that cannot be read is reported once, not again through everything that refers to it.
    assert len(found) == 1, found


def test_a_file_that_is_not_text(data_copy):
    (data_copy / "events.yaml").write_bytes(b"\xff\xfe\x00binary")
    assert any(p.startswith("events.yaml: not UTF-8 text") for p in problems())


@pytest.mark.parametrize("file, old, new, expected", [
    ("events.yaml", "date: 1891-05-11", "date: 1891-05-41",
     "events.yaml, event otsu_incident_1891: date: '1891-05-41' is not a date like 1855-02-07"),
    ("events.yaml", "date: 1891-05-11", "date: 1891",
     "events.yaml, event otsu_incident_1891: date: 1891 is not a date like 1855-02-07"),
    ("periods.yaml", "  start: 1875\n", '  start: "1875"\n', "periods.yaml, period saint_petersburg: start: "),
    ("treaties.yaml", "  date_old_style: 1855-01-26\n", "  date_old_style: 1855-01-27\n",
     "treaties.yaml, treaty shimoda_1855: date_old_style 1855-01-27 is not the Julian date of 1855-02-07 (1855-01-26)"),
    ("periods.yaml", "  treaty: shimoda_1855\n", "  treaty: shimoda_1885\n",
     "periods.yaml, period shimoda: document 'shimoda_1885' is not in treaties.yaml"),
    ("periods.yaml", "  treaty: shimoda_1855\n", "  treaty_id: shimoda_1855\n",
     "periods.yaml, period shimoda: treaty_id: Extra inputs are not permitted"),
    ("periods.yaml", "    iturup: JP\n", "    iturup: US\n", "periods.yaml, period shimoda: holders.iturup: "),
    ("periods.yaml", "    iturup: JP\n", "", "periods.yaml, period shimoda: no holder for area(s) iturup"),
    ("periods.yaml", "  start: 1875\n", "  start: 1876\n",
     "periods.yaml, period saint_petersburg: a gap between shimoda (ends 1875) and saint_petersburg (starts 1876)"),
    ("treaties.yaml", "      reliability: V\n", "      reliability: S\n",
     "treaties.yaml, treaty shimoda_1855: quotes.0"),
    ("treaties.yaml", "title: {en: Treaty of Shimoda, ko: 시모다 조약}", "title: {en: Treaty of Shimoda}",
     "treaties.yaml, treaty shimoda_1855: title: no text in ko"),
    ("events.yaml", "url: https://en.wikipedia.org/wiki/Battle_of_Shumshu",
     "url: en.wikipedia.org/wiki/Battle_of_Shumshu", "events.yaml, event shumshu_landing_1945: sources."),
    ("events.yaml", "  lon: 145.85\n  lat: 44.03\n", "  lon: 37.62\n  lat: 55.75\n",
     "events.yaml, event medvedev_kunashir_2010: (37.62, 55.75) is off the map"),
    ("islands.csv", "iturup,iturup,147.9000,45.0000", "iturup,iturup,147.9000,4500",
     "islands.csv, island iturup: lat: "),
    ("islands.csv", "iturup,iturup,147.9000,45.0000", "iturup,iturup,150.9000,44.0000",
     "islands.csv, island iturup: label point is"),
    ("borders.geojson", '"id": "shimoda_friza_strait", "kind": "treaty"',
     '"id": "shimoda_friza_strait", "kind": "border"', "borders.geojson, line shimoda_friza_strait: kind: "),
    ("dispute.yaml", "\n    RU:\n", "\n    RUS:\n", "dispute.yaml: arguments.0.RU: Field required"),
])
def test_a_bad_field_names_the_record(file, old, new, expected, data_copy):
    edit(data_copy / file, old, new)
    found = problems()
    assert any(p.startswith(expected) for p in found), found


@pytest.mark.parametrize("old, new, expected", [
    ("      holders:\n        sakhalin_south: undetermined\n        north_kurils: undetermined\n        iturup: JP",
     "      holders:\n        sakhalin_south: undetermined\n        north_kurils: undetermined\n        iturup: XX",
     "viewpoints.yaml, viewpoint JP: rules.2.holders.iturup: "),
    ("        iturup: JP\n        kunashir: JP", "        iturup: JP\n        kurils: JP",
     "viewpoints.yaml, viewpoint JP, rule from 1956: unknown area 'kurils' (not in areas.yaml)"),
    ("jp_view_friza_strait]", "jp_view_friza]",
     "viewpoints.yaml, viewpoint JP, rule from 1956: line 'jp_view_friza' is not in borders.geojson"),
    ("lines: [ru_view_la_perouse,", "lines: [jp_view_la_perouse,",
     "viewpoints.yaml, viewpoint RU, rule from 1945: line 'jp_view_la_perouse' is drawn by viewpoint JP only"),
    ("      claims: {}\n      occupied: []", "      claims: {iturup: JP}\n      occupied: []",
     "viewpoints.yaml, viewpoint JP, rule from 1956: claims.iturup: JP claims land this rule draws as JP"),
    ("    - start: 1945\n      end: 1952", "    - start: 1700\n      end: 1952",
     "viewpoints.yaml, viewpoint JP, rule from 1700: starts before the first period (1855)"),
    ("    - start: 1952\n      end: 1956", "    - start: 1950\n      end: 1956",
     "viewpoints.yaml, viewpoint JP: rules.1950: rules must be in time order and must not overlap"),
    ("- id: RU\n", "- id: JP\n", "viewpoints.yaml, viewpoint JP: the id is used by an earlier record"),
])
def test_a_broken_viewpoint_names_the_viewpoint_and_its_rule(old, new, expected, data_copy):
    edit(data_copy / "viewpoints.yaml", old, new)
    found = problems()
    assert any(p.startswith(expected) for p in found), found


def test_a_duplicated_id_names_the_second_record(data_copy):
    events = data_copy / "events.yaml"
    text = events.read_text(encoding="utf-8")
    events.write_text(text.replace("- id: sochi_summit_2016", "- id: otsu_incident_1891"), encoding="utf-8")
    assert "events.yaml, event otsu_incident_1891: the id is used by an earlier record" in problems()


def test_a_duplicated_key_in_geojson(data_copy):
    borders = data_copy / "borders.geojson"
    edit(borders, '"kind": "treaty", "treaty": "shimoda_1855"',
         '"kind": "treaty", "kind": "claim", "treaty": "shimoda_1855"')
    assert any(p.startswith("borders.geojson: duplicate key(s) 'kind'") for p in problems())


def test_a_border_line_off_the_map(data_copy):
    borders = data_copy / "borders.geojson"
    collection = json.loads(borders.read_text(encoding="utf-8"))
    collection["features"][0]["geometry"]["coordinates"][0] = [100.0, 45.0]
    borders.write_text(json.dumps(collection, ensure_ascii=False), encoding="utf-8")
    assert any(p.startswith("borders.geojson, line shimoda_friza_strait: runs outside the map frame")
               for p in problems())


def test_every_problem_of_every_file_is_listed_at_once(data_copy):
    edit(data_copy / "events.yaml", "date: 1891-05-11", "date: 1891-05-41")
    edit(data_copy / "borders.geojson", '"end": 1945', '"end": "1945"')
    (data_copy / "dispute.yaml").unlink()
    status, lines, _ = check(data_copy)
    assert status == 1
    assert {line.split(",")[0].split(":")[0] for line in lines} == {"events.yaml", "borders.geojson", "dispute.yaml"}


def test_a_third_language_is_a_data_edit(data_copy):
    """Adding a language to languages.yaml makes every text without it a problem: nothing in
    the code needs to change, and the check lists what to translate."""
    (data_copy / "languages.yaml").write_text(
        (data_copy / "languages.yaml").read_text(encoding="utf-8") + "- code: ja\n  name: 日本語\n  locale: ja_JP\n",
        encoding="utf-8")
    found = problems()
    assert "ui.yaml, key year: no text in ja" in found
    assert "periods.yaml, period shimoda: title: no text in ja" in found
    assert any(p.startswith("islands.csv: missing column(s) name_ru.ja, name_ja.ja") for p in found)
