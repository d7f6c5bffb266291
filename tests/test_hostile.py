"""Hostile query strings: every URL parameter of every page accepts any text.

A classroom link is typed, edited and shared: ``year``, ``compare``, ``lang``, ``names`` and
any other parameter may hold anything (control characters, very long text, ``../``, HTML,
Markdown, huge numbers, ``1905.5``).  Whatever arrives, a page opened by such a link runs
without a traceback, shows its title and years inside the atlas's range, and explains a value
it replaced in a short message that shows the value as text.  What counts as a clearly good
or clearly bad value is written here, independently of the atlas's own parsing
(geo.web.urlparams); values in between are only required not to break the page.

Hypothesis drives a few examples per page (an AppTest run takes about half a second; set
ATLAS_HOSTILE_EXAMPLES for more); no example database is written.  A failure prints the falsifying query.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
from pathlib import Path

import pytest
from browser import (
    PAGES,
    open_app,
    read_markdown,
    render_markdown,
    running_server,  # noqa: F401  (fixture)
)
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir

set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "atlas-hypothesis")
pytestmark = pytest.mark.usefixtures("running_server")

FIRST, THIS_YEAR = 1855, dt.date.today().year
#: Each page's title, in English and in Korean.
TITLES = {
    "pages/atlas.py": ("Kuril and Sakhalin border atlas", "쿠릴 열도·사할린 국경 지도"),
    "pages/compare.py": ("Compare two years", "두 해 비교"),
    "pages/timeline.py": ("Timeline", "연표"),
    "pages/treaties.py": ("Treaties", "조약 모음"),
    "pages/dispute.py": ("The dispute today", "오늘날의 영토 분쟁"),
    "pages/sources.py": ("Sources and licences", "출처와 라이선스"),
}
#: The years each page reads from the URL, and what it shows without them.
YEAR_DEFAULTS = {"pages/atlas.py": {"year": FIRST}, "pages/compare.py": {"year": FIRST, "compare": THIS_YEAR}}

CLASSIC = [
    "", " ", "abc", "19O5", "%00", "\x00", "../../../etc/passwd", "1905 1945", "1905.5", "1e3", "-1905", "0",
    "99999999999999999999", "9" * 3000, "nan", "inf", "None", "[]", "' OR 1=1 --", "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))", "**bold** _it_", "{value}", "{0}", "%s%s",
    "\u202e5091", "١٩٠٥", "１９０５", "ko\r\nSet-Cookie: x=1", "😀" * 50, ":red[x] $x$",
]
ANY_TEXT = st.one_of(st.text(max_size=60), st.text(min_size=41, max_size=2000), st.sampled_from(CLASSIC))
YEARISH = st.one_of(ANY_TEXT, st.integers(FIRST - 30, THIS_YEAR + 30).map(str), st.integers().map(str),
                    st.floats().map(repr))
LANGISH = st.one_of(ANY_TEXT, st.sampled_from(["en", "ko", "EN", " ko ", "ko-KR", "ko_kr", "en-GB", "ja", "xx"]))
NAMESISH = st.one_of(ANY_TEXT, st.sampled_from(["both", "ru", "ja", "RU", " ja ", "kanji", "ja,ru"]))
OTHER_KEY = st.text(min_size=1, max_size=20).filter(
    lambda key: key not in {"year", "compare", "lang", "names"} and not key.startswith("embed"))
EXTRA = st.dictionaries(OTHER_KEY, ANY_TEXT, max_size=2)
#: A few examples per property keep the module fast; ATLAS_HOSTILE_EXAMPLES=200 explores more.
FEW = settings(max_examples=int(os.environ.get("ATLAS_HOSTILE_EXAMPLES", "6")), deadline=None, database=None,
               print_blob=False, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                                        HealthCheck.data_too_large])


# --- what is clearly good and clearly bad ---------------------------------------------------

def year_is_good(raw: str) -> bool:
    return bool(re.fullmatch(r"[0-9]{4}", raw)) and FIRST <= int(raw) <= THIS_YEAR


def year_is_bad(raw: str) -> bool:
    return not re.search(r"\d", raw)  # no digit of any script: no reading makes it a year


def lang_is_good(raw: str) -> bool:
    return raw in ("en", "ko")


def lang_is_bad(raw: str) -> bool:
    return bool(raw.strip()) and not re.search(r"[A-Za-z]", raw)


def names_is_good(raw: str) -> bool:
    return raw in ("both", "ru", "ja")


def names_is_bad(raw: str) -> bool:
    return bool(raw.strip()) and not re.search(r"[A-Za-z]", raw)


def as_read(text: str) -> str:
    """Text as a reader compares it: runs of white space as one space (Markdown joins lines),
    NUL as U+FFFD (CommonMark replaces it so)."""
    return re.sub(r"[ \t\n\r\f\v]+", " ", text.replace("\x00", "\ufffd"))


CHECKS = {"year": (year_is_good, year_is_bad), "compare": (year_is_good, year_is_bad),
          "lang": (lang_is_good, lang_is_bad), "names": (names_is_good, names_is_bad)}


def check_page(page: str, query: dict) -> None:
    app = open_app(page, **query)
    assert not app.exception, [e.value for e in app.exception]
    assert app.title and app.title[0].value in TITLES[page], [t.value for t in app.title]
    years = YEAR_DEFAULTS.get(page, {})
    sliders = {slider.key: slider.value for slider in app.slider}
    assert set(sliders) == set(years)
    assert all(FIRST <= value <= THIS_YEAR for value in sliders.values()), sliders
    messages = []
    for warning in app.warning:
        html = render_markdown(warning.value)
        assert not re.search(r"<(?!/?p>)", html), f"markup in a message: {html!r}"
        text = read_markdown(warning.value).strip()
        assert len(text) < 300, text
        messages.append(text)
        # "... showing 1905 instead." / "대신 1905년을 보여 줍니다.": the slider shows that year.
        for shown in re.findall(r"showing (\d+) instead|대신 (\d+)년", text):
            assert int("".join(shown)) in sliders.values(), (text, sliders)
    read = {key: query[key] for key in ("lang", "names", *years) if key in query}
    for key, raw in read.items():
        good, bad = CHECKS[key]
        named = any("“" + as_read(raw)[:20] in as_read(text) for text in messages)
        if good(raw):
            exactly = any(f"“{raw}”" in text for text in messages)
            assert not exactly or any(raw == query[other] for other in read if other != key), (key, raw, messages)
            if key in sliders:
                assert sliders[key] == int(raw)
        elif bad(raw):
            assert named, f"?{key}={raw!r} was replaced without a word: {messages}"
            if key in sliders:
                assert sliders[key] == years[key]
    if all(CHECKS[key][0](raw) or CHECKS[key][1](raw) for key, raw in read.items()):
        assert len(messages) == sum(CHECKS[key][1](raw) for key, raw in read.items()), messages


# --- properties ------------------------------------------------------------------------------

@FEW
@given(year=YEARISH, lang=LANGISH, names=NAMESISH, extra=EXTRA)
@example(year="<img src=x onerror=alert(1)>", lang="[x](javascript:alert(1))", names="**b**", extra={})
@example(year="1905", lang="ko", names="ja", extra={"utm_source": "x" * 2000})
def test_the_map_page_takes_any_query(year, lang, names, extra):
    check_page("pages/atlas.py", {**extra, "year": year, "lang": lang, "names": names})


@FEW
@given(year=YEARISH, compare=YEARISH, lang=st.sampled_from(["en", "ko"]))
@example(year="abc", compare="1945", lang="ko")
@example(year="**1905**", compare="<b>1945</b> [x](javascript:alert(1))", lang="en")
def test_the_comparison_page_takes_any_years(year, compare, lang):
    check_page("pages/compare.py", {"year": year, "compare": compare, "lang": lang})


@FEW
@given(page=st.sampled_from(sorted(set(PAGES.values()) - set(YEAR_DEFAULTS))), lang=LANGISH, names=NAMESISH,
       extra=EXTRA)
@example(page="pages/treaties.py", lang="<script>alert(1)</script>", names="\x00", extra={"year": "x"})
def test_every_reading_page_takes_any_query(page, lang, names, extra):
    check_page(page, {**extra, "lang": lang, "names": names})
