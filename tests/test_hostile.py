"""Hostile query strings: every URL parameter accepts any text and the app never fails.

A classroom link is typed, edited and shared: ``year``, ``compare``, ``lang``, ``names`` and
any parameter added later may hold anything (unicode, control characters, very long text,
``%00``, ``../``, huge or negative numbers, ``1905.5``, ``1e3``). Whatever arrives, the page
runs without a traceback, shows a sensible view (a year on the slider inside
first year..this year, the treaty of that year) and a short message exactly when a value had
to be replaced, with the value shown as text. ``geo.urlparams`` and ``geo.i18n`` decide
what is acceptable; the tests check that the page agrees with them.

The property tests (hypothesis) drive the app through AppTest with arbitrary values; the
parametrized tests pin the classic bad values. An AppTest run takes 0.2-0.6 s, so the
properties run a few dozen examples each. No example database is written (the repo stays
clean); a failure prints the falsifying query.
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir
from streamlit.testing.v1 import AppTest

import geo
from conftest import ROOT
from geo import i18n, panel, urlparams

# Hypothesis keeps its caches (not examples: database=None) in the temp folder, not in the repo.
set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "atlas-hypothesis")

FIRST, LAST = geo.first_year(), dt.date.today().year
COMPARE_DEFAULTS = {"year": FIRST, "compare": LAST}   # pages/compare.py DEFAULT_YEARS
OTHER_PAGES = {                                          # page file -> its title's ui key
    "pages/timeline.py": "timeline",
    "pages/treaties.py": "treaty_library",
    "pages/dispute.py": "dispute_title",
    "pages/sources.py": "sources_title",
}
PROPERTY = settings(max_examples=30, deadline=None, database=None, print_blob=False,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# What people (and attackers) type. Surrogates are left out: they are not valid UTF-8, so no
# browser can send them (Streamlit decodes a bad %-sequence to U+FFFD).
CLASSIC = [
    "", " ", "abc", "19O5", "%00", "\x00", "../../../etc/passwd", "..\\..\\boot.ini",
    "1905 1945", "1905,1945", "1905.5", "1e3", "-1905", "0", "-0", "99999999999999999999",
    "9" * 5000, "nan", "inf", "None", "null", "[]", "{}", "1905;DROP TABLE", "' OR 1=1 --",
    "<script>alert(1)</script>", "[x](javascript:alert(1))", "{value}", "{0}", "%s%s%s",
    "\u202e5091", "١٩٠٥", "１９０５", "ko\r\nSet-Cookie: x=1", "😀" * 50, "x" * 3000,
]
ANY_TEXT = st.one_of(
    st.text(),                                   # any code point but surrogates, incl. controls
    st.text(min_size=41, max_size=3000),         # longer than the message shows
    st.sampled_from(CLASSIC),
)
YEARISH = st.one_of(
    ANY_TEXT,
    st.integers(FIRST - 30, LAST + 30).map(str),
    st.integers().map(str),                      # huge and negative
    st.floats().map(repr),                       # '1905.5', '1e+300', 'nan', '-inf'
    st.from_regex(r"[ \t]*[+-]?[0-9_]{1,6}(\.[0-9]{0,2})?([eE][+-]?[0-9])?[ \t]*", fullmatch=True),
)
LANGISH = st.one_of(
    ANY_TEXT,
    st.sampled_from(["en", "ko", "EN", " ko ", "ko-KR", "ko_kr", "en-GB", "kor", "ja", "ko-Kore-KR", "xx"]),
    st.from_regex(r"[a-zA-Z]{2}([-_][a-zA-Z]{2})?", fullmatch=True),
)
NAMESISH = st.one_of(ANY_TEXT, st.sampled_from(["both", "ru", "ja", "RU", " ja ", "kanji", "ja,ru", "both "]))
KNOWN = {"year", "compare", "lang", "names"}
EXTRA_KEY = st.text(min_size=1, max_size=30).filter(lambda k: k not in KNOWN and not k.startswith("embed"))
QUERY = st.fixed_dictionaries({}, optional={
    "year": YEARISH, "compare": YEARISH, "lang": LANGISH, "names": NAMESISH,
})


# --- what the page should do, from geo.urlparams and geo.i18n -------------------------------

def page_language(query: dict) -> str:
    """The language the page is in: ?lang= if supported, else the browser's (AppTest: none,
    so English)."""
    raw = query.get("lang")
    return i18n.language(raw) if raw and i18n.is_supported(raw) else i18n.DEFAULT_LANGUAGE


def expected_warnings(query: dict, years: dict[str, int]) -> list[tuple[str, str, dict]]:
    """(ui key, raw value, other placeholders) of each message app.py and the page give, in order.
    ``years``: the year keys the page reads, with their defaults."""
    found = []
    lang_raw = query.get("lang")
    if lang_raw and not i18n.is_supported(lang_raw):
        found.append(("bad_language", lang_raw, {}))
    if urlparams.name_style(query.get("names"))[1]:
        found.append(("bad_names", query["names"], {}))
    for key, default in years.items():
        shown, replaced = urlparams.year(query.get(key), default, FIRST, LAST)
        if replaced:
            found.append(("bad_year", query[key], {"first": FIRST, "last": LAST, "shown": shown}))
    return found


def unescape_md(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text, flags=re.S)


def assert_message(text: str, key: str, lang: str, raw: str, placeholders: dict) -> None:
    """``text`` is the ui message ``key`` with the user's value shown as typed (perhaps cut
    short) and escaped, so it reads as text and never as Markdown or HTML."""
    prefix, suffix = i18n.tr(key, lang, value="\0", **placeholders).split("\0")
    assert text.startswith(prefix) and text.endswith(suffix), f"not the {key} message: {text!r}"
    shown = text[len(prefix):len(text) - len(suffix)]
    assert panel.md(unescape_md(shown)) == shown, f"the value is not escaped in {text!r}"
    typed = unescape_md(shown)
    assert raw.startswith(typed) and len(typed) >= min(len(raw), 20), f"{raw!r} is not shown as typed: {typed!r}"


def assert_messages(app: AppTest, expected: list, lang: str) -> None:
    shown = [w.value for w in app.warning]
    assert len(shown) == len(expected), f"expected messages {[e[0] for e in expected]}, got {shown}"
    for text, (key, raw, placeholders) in zip(shown, expected):
        assert_message(text, key, lang, raw, placeholders)


def text_of(app: AppTest) -> str:
    return "\n".join(m.value for m in app.markdown)


def assert_treaty_shown(app: AppTest, year: int, lang: str) -> None:
    title = geo.treaty(geo.period_at(year).treaty_id).title(lang)
    assert panel.md(title) in text_of(app), f"the treaty of {year} ({title}) is not on the page"


def assert_year_ok(value) -> None:
    assert isinstance(value, int) and FIRST <= value <= LAST, f"slider at {value!r}"


# --- running the app -------------------------------------------------------------------------

def open_app(query: dict) -> AppTest:
    """A fresh session on the map page (app.py's default page) with ``query`` in the URL."""
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    app.query_params.update(query)
    return app.run()


def open_compare(query: dict, lang: str = "en") -> AppTest:
    """A fresh session opened on the comparison page, as tests/test_compare.py does it (app.py's
    language and names handling is covered by the map-page tests)."""
    app = AppTest.from_file(str(ROOT / "pages" / "compare.py"), default_timeout=60)
    app.session_state["atlas_lang"] = lang
    app.query_params.update(query)
    return app.run()


def check_map_page(query: dict) -> AppTest:
    app = open_app(query)
    query = {k: v[-1] if isinstance(v, list) else v for k, v in query.items()}  # st.query_params.get
    assert not app.exception, [e.value for e in app.exception]
    lang = page_language(query)
    assert app.title[0].value == i18n.tr("app_title", lang)
    (slider,) = app.slider
    assert slider.label == i18n.tr("year", lang)
    assert_year_ok(slider.value)
    assert_treaty_shown(app, slider.value, lang)
    assert app.get("component_instance"), "no map"
    style, _ = urlparams.name_style(query.get("names"))
    assert app.session_state["names"] == style
    assert_messages(app, expected_warnings(query, {"year": FIRST}), lang)
    # The map shows the year the message (or the URL) names.
    assert slider.value == urlparams.year(query.get("year"), FIRST, FIRST, LAST)[0], \
        f"?year={query.get('year')!r}: the slider shows {slider.value}, the message says otherwise"
    return app


def check_compare_page(query: dict, lang: str = "en") -> AppTest:
    app = open_compare(query, lang)
    assert not app.exception, [e.value for e in app.exception]
    years = [s.value for s in app.slider]
    assert len(years) == 2
    for value in years:
        assert_year_ok(value)
        assert_treaty_shown(app, value, lang)
    assert app.subheader[0].value == i18n.tr("compare_changes", lang, first=years[0], second=years[1])
    assert_messages(app, expected_warnings({k: v for k, v in query.items() if k in COMPARE_DEFAULTS},
                                           COMPARE_DEFAULTS), lang)
    wanted = [urlparams.year(query.get(k), d, FIRST, LAST)[0] for k, d in COMPARE_DEFAULTS.items()]
    assert years == wanted, f"{query}: the sliders show {years}, the messages say {wanted}"
    return app


# --- properties ------------------------------------------------------------------------------

@PROPERTY
@given(query=QUERY, extra_key=EXTRA_KEY, extra=ANY_TEXT)
@example(query={"year": "1905.5"}, extra_key="x", extra="")
@example(query={"year": "1.9e3", "lang": "xx", "names": "<b>"}, extra_key="debug", extra="1")
def test_map_page_takes_any_query(query, extra_key, extra):
    check_map_page({**query, extra_key: extra})


@PROPERTY
@given(year=YEARISH, compare=YEARISH, lang=st.sampled_from(["en", "ko"]))
@example(year="1905", compare="1945.0", lang="en")
def test_compare_page_takes_any_years(year, compare, lang):
    check_compare_page({"year": year, "compare": compare}, lang)


@settings(PROPERTY, max_examples=25)
@given(page=st.sampled_from(sorted(OTHER_PAGES)), query=QUERY, extra=ANY_TEXT)
def test_every_other_page_takes_any_query(page, query, extra):
    """The reading pages through the whole app: app.py reads lang and names on the first run,
    then the user goes to the page with the same URL."""
    app = open_app({**query, "utm_source": extra})
    assert not app.exception, [e.value for e in app.exception]
    app.switch_page(page).run()
    assert not app.exception, [e.value for e in app.exception]
    lang = page_language(query)
    assert app.title[0].value == i18n.tr(OTHER_PAGES[page], lang)
    text = text_of(app) + "\n".join(e.label for e in app.expander)
    if page == "pages/sources.py":
        assert "data/treaties.yaml" in text and "data/islands.csv" in text
    else:
        titles = [t.title(lang) for t in geo.treaties().values()]
        assert any(panel.md(t) in text or t in text for t in titles), "no treaty named on the page"


# --- the classic bad values, one by one ------------------------------------------------------

YEAR_CASES = ["", " ", "abc", "19O5", "%00", "\x00", "../../../etc/passwd", "1905 1945", "1905.5",
              "1905.0", "1.9e3", "1e3", "-1905", "0", "99999999999999999999", "9" * 5000, "nan", "inf",
              "<script>alert(1)</script>", "{value}", "١٩٠٥", " 1905 ", "+1905"]


@pytest.mark.parametrize("value", YEAR_CASES, ids=lambda v: repr(v[:20]) + (f"..{len(v)}" if len(v) > 20 else ""))
def test_year_on_the_map_page(value):
    check_map_page({"year": value})


@pytest.mark.parametrize("key, value", [
    ("compare", ""), ("compare", "abc"), ("compare", "3000"), ("compare", "-5"), ("compare", "1e3"),
    ("compare", "1945.0"), ("year", "1905.5"), ("year", "<script>alert(1)</script>"),
])
def test_year_on_the_compare_page(key, value):
    check_compare_page({"year": "1905", "compare": "1945", key: value})


@pytest.mark.parametrize("value", ["xx", "", "kor", "ko-Kore-KR", "EN", " ko ", "ko-KR",
                                   "<script>alert(1)</script>", "\x00", "x" * 3000])
def test_language(value):
    check_map_page({"lang": value, "year": "1905"})


@pytest.mark.parametrize("value", ["ko!!!", "en<b>", "ko123", "en%00"])
def test_language_with_junk_after_the_code_is_explained(value):
    """A 5-character value is taken for a tag like ko-KR whatever its last three characters
    (geo.i18n.is_supported): ?lang=ko!!! opens Korean with no word that the value was wrong."""
    app = open_app({"lang": value})
    assert not app.exception
    assert any("?lang=" in w.value for w in app.warning), f"?lang={value!r} accepted silently"


@pytest.mark.parametrize("value", ["", "x", "RU ", " JA", "kanji", "ru,ja", "<b>names</b>", "n" * 5000])
def test_names(value):
    check_map_page({"names": value, "year": "1945"})


def test_every_parameter_bad_at_once_in_korean():
    check_map_page({"year": "1e3", "compare": "x", "lang": "ko", "names": "?", "foo": "../../", "": "x"})


def test_repeated_parameters_take_the_last_value():
    app = check_map_page({"year": ["1700", "1905"], "lang": ["xx", "ko"]})
    assert app.slider[0].value == 1905 and app.slider[0].label == i18n.tr("year", "ko")


def test_a_query_string_longer_than_streamlit_accepts_opens_the_default_view():
    """Streamlit ignores a whole query string over 512 Ki characters: the default view, no message."""
    app = open_app({"year": "1905", "lang": "ko", "names": "9" * 600_000})
    assert not app.exception
    assert app.slider[0].value == FIRST and app.slider[0].label == i18n.tr("year", "en")
    assert not app.warning


def test_switching_pages_with_a_bad_url_never_fails():
    """Every page, one after another, in one session opened with a hostile URL."""
    app = open_app({"year": "-1", "compare": "<b>", "lang": "../", "names": "%00", "x": "\x00"})
    for page in ["pages/compare.py", *OTHER_PAGES, "pages/atlas.py"]:
        app.switch_page(page).run()
        assert not app.exception, (page, [e.value for e in app.exception])
        assert app.title, page
    assert_year_ok(app.slider[0].value)
