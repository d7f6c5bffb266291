"""What the year slider shows for a year: its period, the treaty behind its border (or none),
and the documents signed by then.  Expected values are from shared/reference/treaties.md,
written out here by hand."""

import datetime as dt

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
    (1920, "north_sakhalin_occupation", "portsmouth_1905"),
    (1924, "north_sakhalin_occupation", "portsmouth_1905"),
    (1925, "peking", "portsmouth_1905"),
    (1944, "peking", "portsmouth_1905"),
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
