"""Broken data files give a DataError that tells a historian which file, which record and
what is wrong, never a bare parser traceback or a silently wrong map."""

import json
import os
import re
import subprocess
import sys

import pytest
import yaml

import geo
from conftest import ROOT


# --- helpers: edit the writable copy of data/ -----------------------------------------------

def replace_text(path, old, new, count=1):
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= count, f"{old!r} not found in {path.name}: the test is out of date"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def edit_yaml(path, change):
    records = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(records)
    path.write_text(yaml.safe_dump(records, allow_unicode=True, sort_keys=False), encoding="utf-8")


def edit_geojson(path, change):
    collection = json.loads(path.read_text(encoding="utf-8"))
    change(collection)
    path.write_text(json.dumps(collection, ensure_ascii=False), encoding="utf-8")


def by_id(records, record_id):
    matches = [r for r in records if r.get("id") == record_id]
    assert len(matches) == 1, f"no record {record_id!r}: the test is out of date"
    return matches[0]


def check_fails(*words):
    """geo.check() raises DataError whose message contains every word (case-insensitive)."""
    with pytest.raises(geo.DataError) as info:
        geo.check()
    message = str(info.value)
    for word in words:
        assert word.lower() in message.lower(), f"{word!r} not in the message: {message}"
    return info.value


def test_the_unbroken_copy_loads(data_copy):
    geo.check()  # the baseline: every failure below comes from the one edit made
    assert geo.period_at(1910).id == "portsmouth"


def test_a_broken_copy_does_not_leak_into_the_real_data(data_copy, monkeypatch):
    (data_copy / "periods.yaml").unlink()
    check_fails("periods.yaml")
    monkeypatch.delenv("ATLAS_DATA_DIR")  # back to data/: loaders cache per folder
    geo.check()
    assert geo.period_at(1860).id == "shimoda"


# --- periods.yaml ---------------------------------------------------------------------------

def test_periods_file_missing(data_copy):
    (data_copy / "periods.yaml").unlink()
    error = check_fails("periods.yaml", "not found")
    assert error.file == "periods.yaml"


def test_gap_between_periods(data_copy):
    edit_yaml(data_copy / "periods.yaml", lambda r: by_id(r, "saint_petersburg").update(start=1876))
    error = check_fails("periods.yaml", "saint_petersburg", "gap", "1875", "1876")
    assert "shimoda" in error.reason


def test_overlap_between_periods(data_copy):
    edit_yaml(data_copy / "periods.yaml", lambda r: by_id(r, "peking").update(start=1923))
    check_fails("periods.yaml", "peking", "overlap", "north_sakhalin_occupation")


def test_last_period_not_open(data_copy):
    edit_yaml(data_copy / "periods.yaml", lambda r: by_id(r, "soviet_control").update(end=2000))
    check_fails("periods.yaml", "soviet_control", "open")


def test_period_missing_a_holder(data_copy):
    edit_yaml(data_copy / "periods.yaml", lambda r: by_id(r, "portsmouth")["holders"].pop("habomai"))
    check_fails("periods.yaml", "period portsmouth", "no holder", "habomai")


def test_unknown_holder_value(data_copy):
    def change(records):
        by_id(records, "saint_petersburg")["holders"]["kunashir"] = "CN"
    edit_yaml(data_copy / "periods.yaml", change)
    check_fails("periods.yaml", "period saint_petersburg", "kunashir", "'CN'", "expected")


def test_period_names_an_unknown_treaty(data_copy):
    edit_yaml(data_copy / "periods.yaml", lambda r: by_id(r, "peking").update(treaty="peking_1952"))
    check_fails("periods.yaml", "period peking", "peking_1952", "treaties.yaml")


# --- treaties.yaml --------------------------------------------------------------------------

def test_quote_that_is_not_verbatim(data_copy):
    edit_yaml(data_copy / "treaties.yaml",
              lambda r: by_id(r, "portsmouth_1905")["quotes"][0].update(reliability="S"))
    error = check_fails("treaties.yaml", "treaty portsmouth_1905", "'S'", "verbatim")
    assert error.feature == "treaty portsmouth_1905"


def test_treaty_with_no_quotes(data_copy):
    edit_yaml(data_copy / "treaties.yaml", lambda r: by_id(r, "shimoda_1855").update(quotes=[]))
    check_fails("treaties.yaml", "treaty shimoda_1855", "quote")


def test_quote_without_source_url(data_copy):
    edit_yaml(data_copy / "treaties.yaml",
              lambda r: by_id(r, "saint_petersburg_1875")["quotes"][0]["source"].update(url="mofa.go.jp"))
    check_fails("treaties.yaml", "treaty saint_petersburg_1875", "url")


@pytest.mark.parametrize("name", ["periods.yaml", "treaties.yaml", "areas.yaml"])
def test_malformed_yaml(data_copy, name):
    path = data_copy / name
    lines = path.read_text(encoding="utf-8").splitlines()
    # an unclosed flow mapping on the last line: a typical hand-editing slip
    path.write_text("\n".join(lines + ["- id: broken", "  holders: {kamchatka: RU"]) + "\n", encoding="utf-8")
    error = check_fails(name, "not valid YAML")
    assert f"line {len(lines) + 2}" in str(error), f"the broken line is not named in: {error}"


# --- islands.csv ----------------------------------------------------------------------------

def test_label_point_out_at_sea(data_copy):
    # Urup's label moved about 50 km into the Pacific, as by a mistyped coordinate.
    replace_text(data_copy / "islands.csv", "north_kurils,150.0000,45.9000,", "north_kurils,150.5000,45.5000,")
    error = check_fails("islands.csv", "island urup", "km", "nearest land")
    distance = float(re.search(r"([\d.]+) km", error.reason).group(1))
    assert 40 <= distance <= 60, error.reason


def test_duplicate_island_id(data_copy):
    path = data_copy / "islands.csv"
    rows = path.read_text(encoding="utf-8").splitlines()
    moneron = next(row for row in rows if row.startswith("moneron,"))
    path.write_text("\n".join(rows + [moneron]) + "\n", encoding="utf-8")
    check_fails("islands.csv", "island moneron", "duplicate")


def test_island_coordinate_not_a_number(data_copy):
    replace_text(data_copy / "islands.csv", "shikotan,146.7500,43.8000,", "shikotan,146.75E,43.8000,")
    check_fails("islands.csv", "island shikotan", "lon", "not a number")


# --- borders.geojson ------------------------------------------------------------------------

@pytest.mark.parametrize("line, field, value, expected", [
    ("portsmouth_50th_parallel", "kind", "frontier", ["'frontier'", "kind"]),
    ("shimoda_friza_strait", "treaty_id", "shimoda_1856", ["shimoda_1856", "treaties.yaml"]),
    ("line_of_control_nemuro_goyomai", "geometry", {"type": "Point", "coordinates": [145.84, 43.41]},
     ["LineString"]),
])
def test_border_with_a_wrong_field(data_copy, line, field, value, expected):
    def change(collection):
        feature = next(f for f in collection["features"] if f["properties"]["id"] == line)
        if field == "geometry":
            feature["geometry"] = value
        else:
            feature["properties"][field] = value
    edit_geojson(data_copy / "borders.geojson", change)
    check_fails("borders.geojson", f"line {line}", *expected)


def test_borders_invalid_json(data_copy):
    path = data_copy / "borders.geojson"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.rstrip().rstrip("}"), encoding="utf-8")  # truncated file
    error = check_fails("borders.geojson", "not valid GeoJSON")
    assert re.search(r"line \d+", str(error)), f"no position in: {error}"


# --- coastline.geojson ----------------------------------------------------------------------

def test_coastline_missing(data_copy):
    (data_copy / "coastline.geojson").unlink()
    error = check_fails("coastline.geojson", "not found")
    assert error.file == "coastline.geojson"


def test_coastline_not_a_feature_collection(data_copy):
    (data_copy / "coastline.geojson").write_text('{"type": "Feature"}', encoding="utf-8")
    check_fails("coastline.geojson", "FeatureCollection")


# --- the error itself ----------------------------------------------------------------------

def test_data_error_is_a_value_error_with_its_parts():
    error = geo.DataError("data/periods.yaml", "no source", "period shimoda")
    assert isinstance(error, ValueError)
    assert (error.file, error.feature, error.reason) == ("periods.yaml", "period shimoda", "no source")
    assert str(error) == "periods.yaml, period shimoda: no source"


# --- python -m geo check ----------------------------------------------------------------------

def run_check(env_dir=None) -> subprocess.CompletedProcess:
    env = {**os.environ, **({"ATLAS_DATA_DIR": str(env_dir)} if env_dir else {})}
    return subprocess.run([sys.executable, "-m", "geo", "check"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_check_passes_on_the_data():
    done = run_check()
    assert done.returncode == 0, done.stdout + done.stderr
    assert "no problems" in done.stdout


def test_check_lists_every_problem_with_file_feature_and_reason(data_copy):
    replace_text(data_copy / "periods.yaml", "  start: 1875\n", "  start: 1876\n")
    replace_text(data_copy / "events.yaml", "date: 1891-05-11", "date: 1891-05-41")
    edit_geojson(data_copy / "borders.geojson",
                 lambda c: c["features"][0]["properties"].update(kind="pact"))
    done = run_check(data_copy)
    assert done.returncode == 1
    lines = done.stdout.strip().splitlines()
    assert lines == [
        "periods.yaml, period saint_petersburg: a gap between shimoda (ends 1875) and saint_petersburg (starts 1876)",
        "borders.geojson, line shimoda_friza_strait: kind 'pact' is not one of treaty, de_facto, claim",
        "events.yaml, event otsu_incident_1891: 'date' '1891-05-41' is not a date like 1855-02-07",
    ]
    assert "Traceback" not in done.stderr and "3 problem(s)" in done.stderr
