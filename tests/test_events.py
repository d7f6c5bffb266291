"""The events of the story: on the timeline, around a year, and as markers on the map."""

import datetime as dt

import pytest

import geo
from geo.text import Localizer
from geo.web import layers

ATLAS = geo.current()
EVENTS = {event.id: event for event in ATLAS.events}

# Dates written out from the reference's timeline (shared/reference/treaties.md §3).
DATES = [
    ("shimoda_treaty_1855", dt.date(1855, 2, 7)),
    ("saint_petersburg_treaty_1875", dt.date(1875, 5, 7)),
    ("portsmouth_treaty_1905", dt.date(1905, 9, 5)),
    ("peking_convention_1925", dt.date(1925, 1, 20)),
    ("neutrality_pact_1941", dt.date(1941, 4, 13)),
    ("san_francisco_treaty_1951", dt.date(1951, 9, 8)),
    ("joint_declaration_1956", dt.date(1956, 10, 19)),
    ("tokyo_declaration_1993", dt.date(1993, 10, 13)),
    ("medvedev_kunashir_2010", dt.date(2010, 11, 1)),
]


@pytest.mark.parametrize("event_id, date", DATES)
def test_events_are_dated_as_the_reference_dates_them(event_id, date):
    assert EVENTS[event_id].date == date


def test_the_timeline_is_in_date_order():
    dates = [event.date for event in ATLAS.events]
    assert dates == sorted(dates)


def test_events_around_a_year_include_spans_still_under_way():
    around = {event.id for event in ATLAS.events_near(1921)}
    # The intervention (1918–1922) and the occupation of northern Sakhalin (1920–1925) were
    # under way in 1921; the Treaty of Portsmouth (1905) was long past.
    assert {"siberian_intervention_1918", "north_sakhalin_occupation_1920"} <= around
    assert "portsmouth_treaty_1905" not in around


def _map(year: int, lang: str = "en") -> str:
    page = layers.base_map(ATLAS, lang)
    layers.year_layer(ATLAS, year, lang).add_to(page)
    return page.get_root().render()


def test_the_map_marks_events_of_the_years_around():
    page = _map(1945)
    assert "Soviet landing on Shumshu" in page and "Medvedev" not in page
    assert "https://en.wikipedia.org/wiki/Battle_of_Shumshu" in page  # the source, in the popup
    assert "Medvedev" in _map(2010)


def test_event_popups_give_the_date_in_the_pages_language():
    assert "1945년 8월 18일" in _map(1945, "ko")
    assert "18 August 1945" in _map(1945, "en")


def test_the_events_list_under_the_map_marks_those_on_the_map():
    from geo.text.reference_pages import events_near_markdown

    listed = events_near_markdown(ATLAS, 2010, Localizer(ATLAS, "en"))
    medvedev = next(line for line in listed.splitlines() if "Medvedev" in line)
    assert medvedev.endswith("●")


def _covering_ids():
    """Each event id named as covering a dated item of the client's essay, in the audit's
    tables of the essay (docs/audit/client-text-*.md: column "covered by")."""
    import re
    from pathlib import Path

    for table in sorted((Path(__file__).resolve().parent.parent / "docs" / "audit").glob("client-text-*.md")):
        for line in table.read_text(encoding="utf-8").splitlines():
            cells = [cell.strip() for cell in line.split("|")]
            if len(cells) > 5 and cells[1].isdigit():
                for event_id in re.findall(r"\b[a-z][a-z0-9_]*_\d{4}\b", cells[4]):
                    yield table.name, cells[1], event_id


COVERING = list(_covering_ids())


def test_the_audit_maps_the_clients_essay_onto_the_timeline():
    assert len(COVERING) > 80


@pytest.mark.parametrize("table, item, event_id", COVERING, ids=[f"{t}:{i}:{e}" for t, i, e in COVERING])
def test_every_dated_event_of_the_clients_essay_is_on_the_timeline(table, item, event_id):
    assert event_id in EVENTS or event_id in ATLAS.treaties, f"{table} item {item}: {event_id} is not in the data"


# Events the history review found missing, with their dates from the sources cited in each.
@pytest.mark.parametrize("event_id, date", [
    ("sorge_arrest_1941", dt.date(1941, 10, 18)),
    ("sorge_execution_1944", dt.date(1944, 11, 7)),
    ("nagato_tokyo_summit_2016", dt.date(2016, 12, 15)),
    ("sakhalin_arrangement_1867", dt.date(1867, 3, 30)),
    ("russia_ends_talks_2022", dt.date(2022, 3, 21)),
])
def test_the_events_the_review_found_missing_are_on_the_timeline(event_id, date):
    assert EVENTS[event_id].date == date


def test_the_internment_of_japanese_prisoners_is_on_the_timeline_as_a_span():
    internment = EVENTS["japanese_internment_1945"]
    assert internment.date.year == 1945 and internment.end_date.year == 1956
