"""The events of the story: the data, the map's markers and the timeline page."""

import json
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

import geo
from conftest import ROOT
from geo import panel
from geo.land import COASTLINE_BOX

EVENTS = geo.events()

# The client's list of events the atlas must tell (issue: Korean and English, ... events).
REQUIRED = [
    "dembei_1701", "hokkaido_first_contact_1778", "shimoda_treaty_1855", "saint_petersburg_treaty_1875",
    "otsu_incident_1891", "port_arthur_attack_1904", "russo_japanese_war_1904", "portsmouth_treaty_1905",
    "siberian_intervention_1918", "nikolayevsk_incident_1920", "north_sakhalin_occupation_1920",
    "peking_convention_1925", "lake_khasan_1938", "khalkhin_gol_1939", "neutrality_pact_1941",
    "yalta_agreement_1945", "soviet_declaration_of_war_1945", "shumshu_landing_1945",
    "southern_kurils_occupation_1945", "surrender_instrument_1945", "annexation_decrees_1946",
    "san_francisco_treaty_1951", "joint_declaration_1956", "soviet_memorandum_1960",
    "tanaka_brezhnev_1973", "gorbachev_visit_1991", "tokyo_declaration_1993", "medvedev_kunashir_2010",
    "earthquake_aid_2011", "sochi_summit_2016",
]


def test_at_least_thirty_events_in_date_order_with_a_date_column():
    assert len(EVENTS) >= 30
    assert pd.api.types.is_datetime64_any_dtype(EVENTS["date"])
    assert EVENTS["date"].is_monotonic_increasing
    assert EVENTS["id"].is_unique


@pytest.mark.parametrize("event_id", REQUIRED)
def test_the_clients_events_are_there(event_id):
    assert event_id in set(EVENTS["id"])


@pytest.mark.parametrize("event", EVENTS.to_dict("records"), ids=list(EVENTS["id"]))
def test_each_event_is_sourced_bilingual_and_placed_on_the_map(event):
    assert event["sources"] and all(s.url.startswith(("https://", "http://")) for s in event["sources"])
    for field in ("title", "description", "place"):
        assert event[field].en and event[field].ko
    assert pd.isna(event["end_date"]) or event["end_date"] >= event["date"]
    if pd.notna(event["lon"]):
        west, south, east, north = COASTLINE_BOX
        assert west <= event["lon"] <= east and south <= event["lat"] <= north


def test_treaty_events_name_their_treaty_with_the_same_date():
    signed = EVENTS[EVENTS["treaty_id"].notna()]
    assert len(signed) == 7
    for _, event in signed.iterrows():
        assert event["date"].date() == geo.treaty(event["treaty_id"]).date


def test_events_near_a_year_include_spans_under_way():
    from geo.events import events_near

    ids = set(events_near(1921)["id"])
    assert {"siberian_intervention_1918", "north_sakhalin_occupation_1920", "nikolayevsk_incident_1920"} <= ids
    assert "portsmouth_treaty_1905" not in ids


def test_a_broken_event_names_the_file_and_event(data_copy: Path):
    events = data_copy / "events.yaml"
    events.write_text(events.read_text(encoding="utf-8").replace("date: 1891-05-11", "date: 1891-13-11"),
                      encoding="utf-8")
    with pytest.raises(geo.DataError, match=r"events\.yaml, event otsu_incident_1891: 'date' '1891-13-11'"):
        geo.check()


def test_coordinates_off_the_map_are_refused(data_copy: Path):
    events = data_copy / "events.yaml"
    text = events.read_text(encoding="utf-8").replace("  lon: 145.86\n  lat: 44.03\n", "  lon: 37.62\n  lat: 55.75\n")
    events.write_text(text, encoding="utf-8")
    with pytest.raises(geo.DataError, match="medvedev_kunashir_2010.*off the map"):
        geo.check()


def map_layer(year: int) -> dict:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    app.query_params["year"] = str(year)
    app.run()
    (component,) = app.get("component_instance")
    return json.loads(component.proto.json_args)


def test_the_map_marks_events_of_the_years_around_and_lists_them():
    layer = map_layer(1945)["feature_group"]
    assert "Soviet landing on Shumshu" in layer and "Medvedev" not in layer
    assert "https://en.wikipedia.org/wiki/Battle_of_Shumshu" in layer  # the source, in the popup
    assert "Medvedev" in map_layer(2010)["feature_group"]


def test_timeline_lists_every_event_with_a_button_from_1855():
    """The buttons themselves are clicked in a real browser (tests/test_deep_links.py)."""
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    app.run()
    app.switch_page("pages/timeline.py").run()
    assert not app.exception
    text = "\n".join(m.value for m in app.markdown)
    assert all(panel.md(title.en) in text for title in EVENTS["title"])
    buttons = {b.key for b in app.button}
    assert buttons == {f"show-{e.id}" for e in EVENTS.itertuples() if e.date.year >= geo.first_year()}
