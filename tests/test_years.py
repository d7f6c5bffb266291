"""What the year slider shows for a year: its period, the treaty behind its border (or none),
and the documents signed by then.  Expected values are from shared/reference/treaties.md,
written out here by hand."""

import datetime as dt
import re

import pytest

import geo

THIS_YEAR = dt.date.today().year
ATLAS = geo.current()

# year -> (period, treaty that drew the line); `end` is exclusive, so a period's last year and
# the next one's first are both here.
YEARS = [
    (1855, "shimoda", "shimoda_1855"),
    (1874, "shimoda", "shimoda_1855"),
    (1875, "saint_petersburg", "saint_petersburg_1875"),
    (1904, "saint_petersburg", "saint_petersburg_1875"),
    (1905, "portsmouth", "portsmouth_1905"),
    (1919, "portsmouth", "portsmouth_1905"),
    # Japan held northern Sakhalin by military occupation, not by treaty (FRUS 1920, vol. III,
    # doc. 587): the treaty line stayed on 50°N, but no treaty drew the line the map shows.
    (1920, "north_sakhalin_occupation", None),
    (1924, "north_sakhalin_occupation", None),
    (1925, "peking", "portsmouth_1905"),
    (1944, "peking", "portsmouth_1905"),
    # Since 1945 no treaty has fixed the border (treaties.md §1.5–1.11): the line comes from
    # the occupation of August–September 1945 and the decrees of 2 February 1946.
    (1945, "soviet_control", None),
    (1956, "soviet_control", None),
    (THIS_YEAR, "soviet_control", None),
]


@pytest.mark.parametrize("year, period_id, treaty", YEARS)
def test_the_treaty_behind_the_border_of_a_year(year, period_id, treaty):
    period = geo.period_at(year)
    assert (period.id, period.treaty) == (period_id, treaty)


@pytest.mark.parametrize("year", [1854, 1800, 1])
def test_a_year_before_the_first_treaty_is_an_error_not_an_empty_map(year):
    for query in (geo.period_at, geo.borders, geo.territories, lambda y: geo.holder_at(y, 147.88, 45.23)):
        with pytest.raises(ValueError, match=r"before the first border treaty \(1855\)"):
            query(year)


@pytest.mark.parametrize("year", [1945, 1946, 1951, 1956, 1993, THIS_YEAR])
def test_no_treaty_is_named_as_the_source_of_the_border_after_1945(year):
    from geo.text import Localizer
    from geo.text.year_panel import year_markdown

    for lang, no_treaty, treaty_heading in (("en", "No treaty drew this line", "The treaty behind this border"),
                                            ("ko", "이 선을 정한 조약은 없습니다", "이 국경을 정한 조약")):
        panel = year_markdown(ATLAS, year, Localizer(ATLAS, lang))
        assert no_treaty in panel and treaty_heading not in panel


@pytest.mark.parametrize("year, cited, not_yet", [
    (1950, {"Yalta Agreement", "Decrees of the Presidium"}, {"San Francisco Peace Treaty", "Joint Declaration"}),
    (1960, {"San Francisco Peace Treaty", "Soviet–Japanese Joint Declaration"}, {"Tokyo Declaration"}),
])
def test_after_1945_the_panel_shows_the_documents_each_side_cites_signed_by_then(year, cited, not_yet):
    from geo.text import Localizer
    from geo.text.year_panel import year_markdown

    panel = year_markdown(ATLAS, year, Localizer(ATLAS, "en")).replace("\\", "")
    listed = set(re.findall(r"^\*\*(.+?)\*\* \(", panel, flags=re.M))   # each document: **Title** (date)
    assert all(any(title in shown for shown in listed) for title in cited), listed
    assert not any(title in shown for shown in listed for title in not_yet), listed


def test_the_atlas_starts_in_1855():
    assert ATLAS.first_year == 1855


@pytest.mark.parametrize("treaty, signed, old_style", [
    ("shimoda_1855", dt.date(1855, 2, 7), dt.date(1855, 1, 26)),
    ("saint_petersburg_1875", dt.date(1875, 5, 7), dt.date(1875, 4, 25)),
    ("portsmouth_1905", dt.date(1905, 9, 5), dt.date(1905, 8, 23)),
    ("peking_1925", dt.date(1925, 1, 20), None),
    ("san_francisco_1951", dt.date(1951, 9, 8), None),
    ("joint_declaration_1956", dt.date(1956, 10, 19), None),
])
def test_treaties_are_dated_as_signed_in_both_calendars(treaty, signed, old_style):
    assert (geo.treaty(treaty).date, geo.treaty(treaty).date_old_style) == (signed, old_style)


@pytest.mark.parametrize("year, shown, not_yet", [
    (1950, set(), {"san_francisco_1951", "joint_declaration_1956"}),
    # A milestone counts from its own year: the San Francisco treaty (8 September 1951) is
    # shown in 1951, not only from 1952.
    (1951, {"san_francisco_1951"}, {"joint_declaration_1956"}),
    (1956, {"san_francisco_1951", "joint_declaration_1956"}, set()),
])
def test_documents_signed_by_a_year_are_shown_from_that_year(year, shown, not_yet):
    reached = {m.treaty for m in geo.period_at(year).milestones_until(year) if m.treaty}
    assert shown <= reached and not reached & not_yet


def test_the_peking_convention_is_shown_in_1925():
    reached = {m.treaty for m in geo.period_at(1925).milestones_until(1925) if m.treaty}
    assert "peking_1925" in reached


def test_the_treaty_years_are_the_turns_of_the_border_in_order():
    # treaties.md: Shimoda 1855, Saint Petersburg 1875, Portsmouth 1905, the Basic Convention
    # (Peking) 1925, Yalta and the Soviet occupation 1945, San Francisco 1951, the Joint
    # Declaration 1956.
    years = geo.current().treaty_years
    assert {1855, 1875, 1905, 1925, 1945, 1951, 1956} <= set(years)
    assert list(years) == sorted(set(years))
    assert years[0] == 1855
