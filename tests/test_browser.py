"""The atlas in a real headless Chromium, every outside host blocked, served under a path prefix
as behind the district's reverse proxy (so every test here also checks that Leaflet and the
pages are found under /atlas/).

One app server for the module, on a writable copy of the data (one test breaks it and mends
it), and one page for the module: a new browser context costs seconds.  Colours come from
geo.style; years, names and titles are written out by hand.
"""

import re
import shutil
from contextlib import contextmanager

import pytest
from browser import (
    CONTROL_LINE,
    DATA,
    JAPANESE_ISLANDS,
    JAPANESE_LAND,
    TREATY_LINE,
    app_server,
    chromium_path,
    english_on_korean_page,
    hover_line,
    leaflet,
    map_frame,
    offline_session,
    settled_leaflet,
    visible_texts,
    wait_until,
)
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from geo.style import HOLDER_STROKE

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(chromium_path() is None, reason="needs Chromium (scripts/test.sh installs it)"),
]
# Claimed land is drawn again with the claimant's outline and a pattern fill (its hatching).
CLAIMED_BY_JAPAN = f'path[stroke="{HOLDER_STROKE["JP"]}"][fill="url(#atlas-hatch-JP)"]'
PREFIX = "atlas"


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    folder = tmp_path_factory.mktemp("browser") / "data"
    shutil.copytree(DATA, folder)
    return folder


@pytest.fixture(scope="module")
def server(data):
    with app_server(env={"ATLAS_DATA_DIR": str(data), "STREAMLIT_SERVER_BASE_URL_PATH": PREFIX}) as running:
        yield running.url


@pytest.fixture(scope="module")
def page(browser):
    with offline_session(browser) as offline:
        yield offline


def test_the_map_draws_offline_under_a_path_prefix_and_names_land_and_lines_on_hover(server, page):
    assert server.endswith("/atlas")
    page.goto(f"{server}/?year=1905")
    frame = map_frame(page)
    expect(page.get_by_text("Treaty of Portsmouth").first).to_be_visible()
    # 1905: the First Kuril Strait and the 50th parallel on Sakhalin; no line of control.
    expect(frame.locator(TREATY_LINE)).to_have_count(2)
    expect(frame.locator(CONTROL_LINE)).to_have_count(0)
    expect(frame.locator(".atlas-legend")).to_contain_text("Treaty border")
    expect(frame.locator(".leaflet-control-zoom-in")).to_be_visible()  # Leaflet's stylesheet was found
    assert leaflet(page).evaluate("typeof L === 'object' && L.version") == "1.9.4"
    tooltip = frame.locator(".leaflet-tooltip")
    frame.locator(JAPANESE_ISLANDS).last.hover(force=True)
    expect(tooltip.last).to_contain_text("Held by Empire of Japan")
    # Zoomed in on Sakhalin, a quarter of the way along the 50th parallel (its middle has an
    # event's marker: the border's survey in 1906).
    settled_leaflet(page).evaluate("map_div.setView([50.0, 143.0], 7, {animate: false})")
    hover_line(page, frame.locator(TREATY_LINE).last)
    expect(tooltip.last).to_contain_text("50th parallel on Sakhalin — Treaty border")


def test_slider_steps_and_treaty_buttons_change_border_panel_and_url_and_keep_zoom_and_pan(server, page):
    page.goto(f"{server}/?year=1944")
    frame = map_frame(page)
    expect(frame.locator(TREATY_LINE)).to_have_count(2)
    window = settled_leaflet(page)
    window.evaluate("map_div.setView([44.0, 146.0], 7, {animate: false}); map_div.__kept = true")
    view = window.evaluate("[map_div.getZoom(), map_div.getCenter().lat, map_div.getCenter().lng]")
    page.get_by_role("slider").focus()
    page.keyboard.press("ArrowRight")
    expect(page).to_have_url(re.compile(r"year=1945"))
    expect(frame.locator(CONTROL_LINE)).to_have_count(2)  # La Pérouse and the Nemuro/Goyomai line
    expect(frame.locator(TREATY_LINE)).to_have_count(0)
    expect(page.get_by_text("Yalta Agreement").first).to_be_visible()
    expect(frame.locator(CLAIMED_BY_JAPAN).first).to_be_attached()  # the four southern islands, hatched
    expect(frame.locator("pattern#atlas-hatch-JP line")).to_be_attached()  # the hatching the fill refers to
    japanese = frame.locator(JAPANESE_LAND)
    for key, year, more in (("ArrowLeft", 1944, True), ("ArrowRight", 1945, False)):
        before = japanese.count()
        page.keyboard.press(key)
        expect(page).to_have_url(re.compile(f"year={year}"))
        wait_until(lambda before=before, more=more: (japanese.count() > before) == more and japanese.count() != before,
                   f"{year}: the Kurils and southern Sakhalin did not change colour", page=page)
        if more:  # 1944: Japan held the Kurils and Karafuto and claimed nothing it did not hold
            expect(frame.locator(CLAIMED_BY_JAPAN)).to_have_count(0)
        else:
            expect(frame.locator(CLAIMED_BY_JAPAN).first).to_be_attached()
    # A treaty year, one tap away: 1875, Saint Petersburg (La Pérouse and the First Kuril Strait).
    page.get_by_role("radio", name="1875", exact=True).click()
    expect(page).to_have_url(re.compile(r"year=1875"))
    expect(page.get_by_role("slider")).to_have_value("1875")
    expect(frame.locator(TREATY_LINE)).to_have_count(2)
    expect(frame.locator(CONTROL_LINE)).to_have_count(0)
    expect(page.get_by_text("Treaty of Saint Petersburg").first).to_be_visible()
    assert window.evaluate("map_div.__kept === true"), "the map was drawn anew"
    assert window.evaluate("[map_div.getZoom(), map_div.getCenter().lat, map_div.getCenter().lng]") == view


def test_the_switches_write_the_url_and_the_korean_page_has_no_english_interface_word(server, page):
    page.goto(f"{server}/?year=1922")
    map_frame(page)
    page.get_by_text("한국어", exact=True).click()
    expect(page).to_have_url(re.compile(r"[?&]lang=ko(&|$)"))
    # A new language runs the page whole, its maps anew: seconds on a busy machine.
    expect(page.get_by_text("포츠머스 조약").first).to_be_visible(timeout=15_000)
    page.get_by_text("일본식 지명", exact=True).click()
    expect(page).to_have_url(re.compile(r"[?&]names=ja(&|$)"))
    expect(page).to_have_url(re.compile(r"year=1922"))
    frame = map_frame(page)
    expect(frame.locator(".atlas-legend")).to_contain_text("범례")
    # Hover again until a tooltip shows: a hover during the frame's redraw for the new names is lost.
    island = frame.locator(JAPANESE_ISLANDS).last
    wait_until(lambda: island.hover(force=True) or frame.locator(".leaflet-tooltip").count(),
               "no tooltip on Japanese land", page=page)
    expect(frame.locator(".leaflet-tooltip").last).to_contain_text("일본 제국")
    # The map's frame is drawn anew for the new names: read the page once the legend is in it.
    texts = wait_until(lambda: (found := visible_texts(page))
                       and any(where == "map" and "범례" in text for where, text in found) and found,
                       "the map's legend was not read", page=page)
    assert english_on_korean_page(texts) == []


@contextmanager
def broken_treaty(data):
    """The Treaty of Portsmouth dated on a day that does not exist, until the block ends."""
    treaties = data / "treaties.yaml"
    text = treaties.read_text(encoding="utf-8")
    assert text.count("date: 1905-09-05") == 1
    treaties.write_text(text.replace("date: 1905-09-05", "date: 1905-13-45"), encoding="utf-8")
    try:
        yield
    finally:
        treaties.write_text(text, encoding="utf-8")


PROBLEM = "treaties.yaml, treaty portsmouth_1905"


def test_data_broken_during_a_slider_step_shows_the_problems_then_comes_back_by_itself(server, page, data):
    """A step reruns only the page's fragment (slider, map, panel): the same problem list as a
    whole run, no traceback, and the years stay in the URL (the comparison page has two)."""
    page.goto(f"{server}/compare?year=1905&compare=1945")
    map_frame(page, 1)
    alert = page.get_by_role("alert").filter(has_text=PROBLEM)
    with broken_treaty(data):
        page.get_by_role("slider").nth(1).focus()

        def step_shows_the_problem():  # the server looks at the files at most once a second
            page.keyboard.press("ArrowRight")
            try:
                alert.wait_for(timeout=1500)
                return True
            except PlaywrightTimeout:  # a step with the old data: step again
                return False

        wait_until(step_shows_the_problem, "no problem list after a slider step", page=page)
        expect(alert).to_contain_text("The atlas cannot load its data")
        expect(page.locator('[data-testid="stException"]')).to_have_count(0)  # no traceback
        expect(page).to_have_url(re.compile(r"year=1905"))
        compare = int(re.search(r"compare=(\d+)", page.url)[1])
        assert compare > 1945
    # Mended: the page comes back by itself, at the years it had reached.
    expect(page.get_by_role("slider")).to_have_count(2, timeout=15_000)
    expect(alert).to_have_count(0)
    assert [slider.input_value() for slider in page.get_by_role("slider").all()] == ["1905", str(compare)]
    expect(map_frame(page, 0).locator(TREATY_LINE)).to_have_count(2)
    expect(page).to_have_url(re.compile(f"compare={compare}"))


def test_data_broken_when_a_page_opens_shows_the_problems_then_that_page_comes_back(server, page, data):
    alert = page.get_by_role("alert").filter(has_text=PROBLEM)
    with broken_treaty(data):

        def opening_shows_the_problem():  # the server looks at the files at most once a second
            page.goto(f"{server}/compare?year=1905&compare=1950")
            try:
                alert.wait_for(timeout=3000)
                return True
            except PlaywrightTimeout:  # opened with the old data: open again
                return False

        wait_until(opening_shows_the_problem, "no problem list on opening the page", page=page)
        expect(page.locator('[data-testid="stException"]')).to_have_count(0)
    # Mended: the comparison the link asked for comes back by itself, not another page.
    expect(page.get_by_role("slider")).to_have_count(2, timeout=10_000)
    expect(page.get_by_text("Compare two years").first).to_be_visible()
    expect(page).to_have_url(re.compile(r"/compare\?"))
    assert [slider.input_value() for slider in page.get_by_role("slider").all()] == ["1905", "1950"]
