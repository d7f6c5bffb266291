"""Links straight to a page, as a teacher shares them, opened on a server that has just started.

Streamlit runs a page asked for by URL on its own until some session has run app.py's
navigation (see widgets.page_setup and tests/test_streamlit_private.py); the first test here
is that fresh server's first visitor.  Every page is opened by a link with its settings in
the URL, and what the address bar shows afterwards opens the same view again.
"""

import datetime as dt
import re

import pytest
from browser import chromium_path, english_on_korean_page, map_frame, offline_session, visible_texts
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(chromium_path() is None, reason="needs Chromium (scripts/test.sh installs it)"),
]
THIS_YEAR = dt.date.today().year
NAV = '[data-testid="stSidebarNav"]'


@pytest.fixture(scope="module")
def page(browser):
    with offline_session(browser) as offline:
        yield offline


def sliders(page) -> list[str]:
    return [slider.input_value() for slider in page.get_by_role("slider").all()]


def test_a_fresh_servers_first_visitor_opens_the_comparison_page_in_the_apps_frame(server, page):
    page.goto(f"{server}/compare?year=1875&compare=1945&lang=ko")
    map_frame(page, 0)
    map_frame(page, 1)
    expect(page.get_by_role("heading", name="두 해 비교")).to_be_visible()
    assert sliders(page) == ["1875", "1945"]
    # app.py's frame: the page list and the switches, in Korean.
    for title in ("지도", "두 해 비교", "연표", "조약 모음", "오늘날의 영토 분쟁", "출처와 라이선스"):
        expect(page.locator(NAV).get_by_text(title, exact=True)).to_be_visible()
    expect(page.get_by_role("radiogroup", name="언어 / Language")).to_be_visible()
    expect(page.get_by_text("Page not found")).to_have_count(0)
    assert english_on_korean_page(visible_texts(page)) == []


def test_a_timeline_link_keeps_its_language_and_place_names_on_the_way_to_the_map(server, page):
    page.goto(f"{server}/timeline?lang=ko&names=ja")
    expect(page.get_by_text("오쓰 사건: 러시아 황태자 피습")).to_be_visible(timeout=30_000)  # 114 events to draw
    expect(page.get_by_role("radio", name="일본식 지명")).to_be_checked()
    assert english_on_korean_page(visible_texts(page)) == []
    page.get_by_role("button", name="1905년 지도 보기").first.click()
    frame = map_frame(page)
    for setting in ("lang=ko", "names=ja", "year=1905"):
        expect(page).to_have_url(re.compile(f"[?&]{setting}(&|$)"))
    expect(page.get_by_text("포츠머스 조약").first).to_be_visible()
    expect(page.get_by_role("radio", name="일본식 지명")).to_be_checked()
    expect(frame.locator(".atlas-legend")).to_contain_text("범례")


@pytest.mark.parametrize("path, heading", [
    ("treaties?lang=ko", "조약 모음"),
    ("dispute?lang=ko&names=ru", "오늘날의 영토 분쟁"),
    ("sources?lang=en&names=both", "Sources and licences"),
])
def test_a_link_opens_each_reading_page_with_its_settings(server, page, path, heading):
    page.goto(f"{server}/{path}")
    expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()
    lang = re.search(r"lang=(\w+)", path)[1]
    expect(page.get_by_role("radio", name={"ko": "한국어", "en": "English"}[lang])).to_be_checked()
    expect(page).to_have_url(re.compile(f"lang={lang}"))
    if lang == "ko":
        assert english_on_korean_page(visible_texts(page)) == []


def test_a_link_copied_after_a_visit_reopens_the_same_view(server, page):
    """What a teacher copies from the address bar is what the students see: values the page
    replaced (1905.5, 0) are replaced in the address bar too."""
    page.goto(f"{server}/compare?year=1905.5&compare=0")
    map_frame(page, 1)
    assert sliders(page) == ["1905", str(THIS_YEAR)]
    expect(page.get_by_role("alert")).to_have_count(2)
    copied = page.url
    page.goto(copied)
    map_frame(page, 1)
    assert sliders(page) == ["1905", str(THIS_YEAR)]
    expect(page.get_by_role("alert")).to_have_count(0)  # nothing left to explain


def test_a_timeline_link_opens_its_filters_and_the_filters_follow_the_url(server, page):
    page.goto(f"{server}/timeline?era=portsmouth&kinds=war")
    expect(page.get_by_role("heading", name="Japan's Siberian intervention")).to_be_visible()   # 1918, a war
    expect(page.get_by_role("heading", name="Battles of Khalkhin Gol (Nomonhan)")).to_have_count(0)  # 1939
    page.get_by_text("Treaties and agreements", exact=True).click()
    expect(page).to_have_url(re.compile(r"kinds=war.*kinds=treaty|kinds=treaty.*kinds=war"))
    expect(page.get_by_role("heading", name="Second Russo-Japanese Agreement")).to_be_visible()     # 1910, a treaty
