"""The atlas's words in each language: dates, ranges, calendars, names of states and places,
the interface strings the code asks for, and escaping.  Expected text is written out by hand."""

import ast
import datetime as dt
from pathlib import Path

import pytest

import geo
from geo.model import Source
from geo.text import MESSAGES, Localizer, negotiate
from geo.text.markdown import escape, link
from geo.text.reference_pages import event_when

ROOT = Path(__file__).resolve().parent.parent
ATLAS = geo.current()
EN, KO = Localizer(ATLAS, "en"), Localizer(ATLAS, "ko")


@pytest.mark.parametrize("say, precision, expected", [
    (EN, "day", "5 September 1905"), (KO, "day", "1905년 9월 5일"),
    (EN, "month", "September 1905"), (KO, "month", "1905년 9월"),
    (EN, "year", "1905"), (KO, "year", "1905년"),
])
def test_a_date_as_precise_as_its_source(say, precision, expected):
    assert say.date(dt.date(1905, 9, 5), precision) == expected


@pytest.mark.parametrize("say, start, end, precision, expected", [
    (KO, dt.date(1905, 7, 7), dt.date(1905, 7, 31), "day", "1905년 7월 7일~31일"),
    (KO, dt.date(1938, 7, 29), dt.date(1938, 8, 11), "day", "1938년 7월 29일~8월 11일"),
    (KO, dt.date(1945, 8, 18), dt.date(1956, 10, 19), "day", "1945년 8월 18일~1956년 10월 19일"),
    (KO, dt.date(1945, 8, 1), dt.date(1945, 9, 1), "month", "1945년 8월~9월"),
    (KO, dt.date(1906, 1, 1), dt.date(1908, 1, 1), "year", "1906~1908년"),
    (EN, dt.date(1906, 1, 1), dt.date(1908, 1, 1), "year", "1906–1908"),
    # English ranges as CLDR sets them, with thin spaces (U+2009) around the dash.
    (EN, dt.date(1938, 7, 29), dt.date(1938, 8, 11), "day", "29 Jul\u2009–\u200911 Aug 1938"),
    (EN, dt.date(1905, 7, 7), dt.date(1905, 7, 31), "day", "7\u2009–\u200931 Jul 1905"),
    (EN, dt.date(1905, 9, 5), None, "day", "5 September 1905"),
])
def test_a_range_of_dates_repeats_nothing_the_two_share(say, start, end, precision, expected):
    assert say.date_range(start, end, precision) == expected


@pytest.mark.parametrize("say, expected", [
    (EN, "7 February 1855 (26 January 1855 in the Russian (Julian) calendar)"),
    (KO, "1855년 2월 7일(율리우스력 1855년 1월 26일)"),
])
def test_a_date_with_its_old_style_date(say, expected):
    assert say.signed_on(dt.date(1855, 2, 7), dt.date(1855, 1, 26)) == expected


def test_an_event_before_1918_shows_its_julian_date():
    treaty_event = next(e for e in ATLAS.events if e.id == "shimoda_treaty_1855")
    assert "1855년 2월 7일" in event_when(treaty_event, KO)


@pytest.mark.parametrize("side, year, en, ko", [
    ("RU", 1860, "Russian Empire", "러시아 제국"),
    ("RU", 1917, "Soviet Russia", "소비에트 러시아"),
    ("RU", 1950, "USSR", "소련"),
    ("RU", 1991, "Russian Federation", "러시아 연방"),
    ("RU", 2020, "Russian Federation", "러시아 연방"),
    ("JP", 1860, "Japan (Tokugawa shogunate)", "일본(에도 막부)"),
    ("JP", 1905, "Empire of Japan", "일본 제국"),
    ("JP", 1950, "Japan", "일본"),
])
def test_each_state_is_named_as_it_was_that_year(side, year, en, ko):
    assert (EN.state(side, year), KO.state(side, year)) == (en, ko)


@pytest.mark.parametrize("say, holder, status, claimed_by, year, expected", [
    (EN, "RU", "disputed", "JP", 2000, "Held by Russian Federation · claimed by Japan"),
    (EN, "JP", "occupied", "RU", 1922, "Occupied by Empire of Japan · claimed by USSR"),
    (KO, "RU", "sovereign", None, 1860, "러시아 제국 관할"),
    (KO, "RU", "disputed", "JP", 2000, "러시아 연방 실효 지배 · 일본의 영유권 주장"),
])
def test_who_held_a_piece_of_land(say, holder, status, claimed_by, year, expected):
    assert say.holding(holder, status, claimed_by, year) == expected


ITURUP, SHIKOTAN = ATLAS.islands["iturup"], ATLAS.islands["shikotan"]


@pytest.mark.parametrize("say, style, expected", [
    (EN, "both", "Iturup / Etorofu (択捉島)"), (EN, "ru", "Iturup"), (EN, "ja", "Etorofu (択捉島)"),
    (KO, "both", "이투루프섬 / 에토로후섬 (択捉島)"), (KO, "ru", "이투루프섬"), (KO, "ja", "에토로후섬 (択捉島)"),
])
def test_place_names_follow_the_switch(say, style, expected):
    assert say.place_name(ITURUP, style) == expected


def test_a_name_both_sides_share_is_given_once():
    assert EN.place_name(SHIKOTAN, "both") == "Shikotan (色丹島)"


@pytest.mark.parametrize("requested, expected", [
    ("ko", "ko"), ("ko-KR", "ko"), ("KO", "ko"), ("ko_kr", "ko"), ("en-GB", "en"), ("en", "en"),
    ("fr", None), ("", None), (None, None), ("xx-YY", None),
])
def test_the_language_asked_for(requested, expected):
    assert negotiate(ATLAS, requested) == expected


def test_an_unknown_language_falls_back_to_the_first():
    assert Localizer(ATLAS, "fr").lang == "ko"


@pytest.mark.parametrize("text", ["[click](javascript:alert(1))", "<img src=x onerror=alert(1)>", "**bold**",
                                  ":red[red]", "$x^2$", "# heading", "a_b_c", "1. item", "`code`"])
def test_escaped_markdown_shows_as_written(text):
    from markdown_it import MarkdownIt

    rendered = MarkdownIt("commonmark").render(escape(text))
    assert rendered.strip() == "<p>" + text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") \
        .replace('"', "&quot;") + "</p>"


def test_a_source_link_keeps_its_url_whole():
    from markdown_it import MarkdownIt

    source = Source(title="Treaty (1875) [text]", url="https://en.wikipedia.org/wiki/Treaty_of_Saint_Petersburg_(1875)")
    html = MarkdownIt("commonmark").render(link(source))
    assert 'href="https://en.wikipedia.org/wiki/Treaty_of_Saint_Petersburg_%281875%29"' in html
    assert ">Treaty (1875) [text]</a>" in html


def _message_calls():
    """Every ``*.message("key", name=...)`` call in the code: (file, line, key, names)."""
    for path in [ROOT / "app.py", ROOT / "widgets.py", *ROOT.glob("pages/*.py"), *ROOT.glob("geo/**/*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "message" and node.args \
                    and isinstance(node.args[0], ast.Constant):
                yield path.relative_to(ROOT), node.lineno, node.args[0].value, {k.arg for k in node.keywords}


def test_every_message_the_code_asks_for_is_catalogued_with_the_names_it_fills():
    calls = list(_message_calls())
    assert len(calls) > 30
    wrong = [(str(f), line, key, names) for f, line, key, names in calls
             if key not in MESSAGES or MESSAGES[key] != names]
    assert not wrong, wrong


@pytest.mark.parametrize("gregorian, julian", [
    (dt.date(1855, 2, 7), dt.date(1855, 1, 26)),     # Shimoda (treaties.md §1.1)
    (dt.date(1875, 5, 7), dt.date(1875, 4, 25)),     # Saint Petersburg (§1.2)
    (dt.date(1904, 2, 9), dt.date(1904, 1, 27)),     # Nicholas II's manifesto (§4, item 5)
    (dt.date(1905, 9, 5), dt.date(1905, 8, 23)),     # Portsmouth (§1.3)
    (dt.date(1918, 2, 13), dt.date(1918, 1, 31)),    # Russia's last Julian day was 31 January 1918
])
def test_julian_dates(gregorian, julian):
    from geo.model.schema import julian_date

    assert julian_date(gregorian) == julian
