"""Which border period (and which treaty) a year falls in: what the year slider shows."""

import datetime as dt

import pytest

import geo

CURRENT_YEAR = dt.date.today().year

# year -> (period id, treaty of the period). `end` is exclusive, so the last year of a
# period and the first year of the next are both checked.
BOUNDARY_YEARS = [
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
    (1945, "soviet_control", "yalta_1945"),
    (1951, "soviet_control", "yalta_1945"),
    (1956, "soviet_control", "yalta_1945"),
    (CURRENT_YEAR, "soviet_control", "yalta_1945"),
]


@pytest.mark.parametrize("year, period_id, treaty_id", BOUNDARY_YEARS)
def test_period_at_boundary_years(year, period_id, treaty_id):
    period = geo.period_at(year)
    assert (period.id, period.treaty_id) == (period_id, treaty_id)
    assert year in period
    assert period.start <= year and (period.end is None or year < period.end)
    assert period.title.en and period.title.ko


@pytest.mark.parametrize("year", [1854, 1800, 1])
def test_year_before_first_treaty_is_an_error(year):
    with pytest.raises(ValueError) as info:
        geo.period_at(year)
    message = str(info.value)
    assert str(year) in message
    assert "1855" in message and "before" in message


@pytest.mark.parametrize("query", [
    lambda: geo.borders(1854),
    lambda: geo.territories(1854),
    lambda: geo.holder_at(1854, 147.88, 45.23),
], ids=["borders", "territories", "holder_at"])
def test_year_before_first_treaty_is_not_an_empty_map(query):
    with pytest.raises(ValueError, match="1855"):
        query()


def test_first_year_is_shimoda():
    assert geo.first_year() == 1855
    assert geo.periods()[0].treaty_id == "shimoda_1855"


def test_periods_are_contiguous_and_the_last_is_open():
    periods = geo.periods()
    assert len(periods) >= 5
    for before, after in zip(periods, periods[1:]):
        assert before.end == after.start, f"{before.id} ends {before.end}, {after.id} starts {after.start}"
        assert before.start < before.end
    assert periods[-1].end is None
    assert len({p.id for p in periods}) == len(periods)


def test_previous_period():
    periods = geo.periods()
    assert geo.previous(periods[0]) is None
    for before, after in zip(periods, periods[1:]):
        assert geo.previous(after) == before


@pytest.mark.parametrize("period", geo.periods(), ids=lambda p: p.id)
def test_every_period_has_a_holder_for_every_area(period):
    assert set(period.holders) == set(geo.areas())
    assert set(period.holders.values()) <= {"RU", "JP", "joint"}


@pytest.mark.parametrize("period", geo.periods(), ids=lambda p: p.id)
def test_treaty_of_every_period_is_quoted_verbatim_with_a_source(period):
    treaties = geo.treaties()
    assert period.treaty_id in treaties
    treaty = treaties[period.treaty_id]
    assert treaty.date.year <= period.start, "a period cannot begin before its treaty was signed"
    assert treaty.quotes, f"{treaty.id} has no quote"
    for quote in treaty.quotes:
        assert quote.reliability in {"V", "V-2"}, f"{treaty.id}: {quote.reliability!r} quote shown"
        assert quote.text.strip()
        assert quote.source.url.startswith(("https://", "http://"))
        assert quote.source.title


def test_treaty_dates_are_the_signing_dates_of_the_reference():
    # treaties.md: dates in New Style, with Old Style for 19th-century Russian dates.
    treaties = geo.treaties()
    assert treaties["shimoda_1855"].date == dt.date(1855, 2, 7)
    assert treaties["shimoda_1855"].date_old_style == dt.date(1855, 1, 26)
    assert treaties["saint_petersburg_1875"].date == dt.date(1875, 5, 7)
    assert treaties["saint_petersburg_1875"].date_old_style == dt.date(1875, 4, 25)
    assert treaties["portsmouth_1905"].date == dt.date(1905, 9, 5)
    assert treaties["portsmouth_1905"].date_old_style == dt.date(1905, 8, 23)


def _milestone_treaties(milestones):
    return {m.treaty_id for m in milestones if m.treaty_id}


def test_milestones_until_1950_leave_out_later_documents():
    last = geo.periods()[-1]
    shown = last.milestones_until(1950)
    assert shown, "the 1945-1946 events should already be shown in 1950"
    assert all(m.date.year <= 1950 for m in shown)
    assert not _milestone_treaties(shown) & {"san_francisco_1951", "joint_declaration_1956"}


def test_milestones_until_1960_include_san_francisco_and_the_joint_declaration():
    last = geo.periods()[-1]
    shown = last.milestones_until(1960)
    assert {"san_francisco_1951", "joint_declaration_1956"} <= _milestone_treaties(shown)
    assert len(shown) > len(last.milestones_until(1950))
    by_treaty = {m.treaty_id: m for m in shown if m.treaty_id}
    assert by_treaty["san_francisco_1951"].date == dt.date(1951, 9, 8)
    assert by_treaty["joint_declaration_1956"].date == dt.date(1956, 10, 19)
    for milestone in shown:
        assert milestone.sources and all(s.url.startswith(("https://", "http://")) for s in milestone.sources)
        if milestone.treaty_id:
            assert milestone.treaty_id in geo.treaties()


def test_milestones_are_in_date_order_inside_their_period():
    for period in geo.periods():
        dates = [m.date for m in period.milestones]
        assert dates == sorted(dates), period.id
        for milestone in period.milestones:
            end = period.end if period.end is not None else CURRENT_YEAR + 1
            assert period.start <= milestone.date.year < end, (period.id, milestone.date)
