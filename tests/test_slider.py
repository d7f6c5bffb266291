"""The slider and the play button in a real headless Chromium: land sent once and kept, the
map and the panel in step, playing from treaty to treaty and stopping on any input.

One app server and one page for the module.  Years and treaty names are written out by hand
(the treaty years from ../shared/reference/treaties.md: 1855 Shimoda, 1875 Saint Petersburg,
1905 Portsmouth); colours come from geo.style.
"""

import re

import pytest
from browser import (
    JAPANESE_LAND,
    RUSSIAN_LAND,
    TREATY_LINE,
    chromium_path,
    leaflet,
    map_frame,
    offline_session,
    wait_until,
)
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(chromium_path() is None, reason="needs Chromium (scripts/test.sh installs it)"),
]


@pytest.fixture(scope="module")
def page(browser):
    with offline_session(browser, locale="en-GB") as offline:
        yield offline


def mark_land(page) -> None:
    """Tag every land shape now on the map, to tell later whether it was drawn again."""
    leaflet(page).evaluate("""() => document.querySelectorAll('.leaflet-atlas-land-pane path')
                                .forEach((path) => { path.__before = true; })""")


def land_drawn_again(page) -> bool:
    return leaflet(page).evaluate("""() => Array.from(document.querySelectorAll('.leaflet-atlas-land-pane path'))
                                       .some((path) => !path.__before)""")


def test_a_step_within_a_period_draws_no_land_again(server, page):
    page.goto(f"{server}/?year=1950")
    map_frame(page)
    mark_land(page)
    page.get_by_role("slider").focus()
    page.keyboard.press("ArrowRight")
    expect(page).to_have_url(re.compile(r"year=1951"))
    expect(page.get_by_role("slider")).to_have_value("1951")
    page.wait_for_timeout(1500)
    assert not land_drawn_again(page), "1950 → 1951 drew the land again"


def test_a_step_into_1945_draws_the_soviet_kurils_and_keeps_hokkaido(server, page):
    page.goto(f"{server}/?year=1944")
    frame = map_frame(page)
    mark_land(page)
    japanese, russian = frame.locator(JAPANESE_LAND), frame.locator(RUSSIAN_LAND)
    japanese_before = japanese.count()
    page.get_by_role("slider").focus()
    page.keyboard.press("ArrowRight")
    expect(page).to_have_url(re.compile(r"year=1945"))
    wait_until(lambda: japanese.count() < japanese_before, "1945: the Kurils are still Japanese", page=page)
    assert land_drawn_again(page)  # the Kurils and southern Sakhalin, now the USSR's
    new_russian = russian.evaluate_all("paths => paths.filter((path) => !path.__before).length")
    assert new_russian > 0
    # Hokkaido never changed hands: the same shapes stay on the map.
    assert japanese.evaluate_all("paths => paths.every((path) => path.__before)")
    expect(page.get_by_text("Yalta Agreement").first).to_be_visible()


def test_a_map_frame_that_lost_its_land_gets_it_again(server, page):
    """The server sends land once per map frame; a frame that no longer has it (made anew, or a
    step whose data the page skipped) asks for it and is sent it."""
    page.goto(f"{server}/?year=1944")
    frame = map_frame(page)
    leaflet(page).evaluate("""() => {
        Object.values(window.atlasKeptLand.layers).forEach((layer) => layer.remove());
        window.atlasKeptLand = undefined;
    }""")
    expect(frame.locator(JAPANESE_LAND)).to_have_count(0)
    page.get_by_role("slider").focus()
    page.keyboard.press("ArrowRight")
    expect(page).to_have_url(re.compile(r"year=1945"))
    wait_until(lambda: frame.locator(JAPANESE_LAND).count() > 0, "Hokkaido was not drawn again", page=page)
    expect(frame.locator(RUSSIAN_LAND).first).to_be_attached()


def year_in_url(page) -> int:
    return int(re.search(r"year=(\d+)", page.url).group(1))


def start_playing(page, server, year: int) -> None:
    page.goto(f"{server}/?year={year}")
    map_frame(page)
    page.get_by_role("button", name="Play").click()
    expect(page.get_by_role("button", name="Stop")).to_be_visible()


def stays_stopped_at(page, year: int) -> None:
    expect(page.get_by_role("button", name="Play")).to_be_visible()
    page.wait_for_timeout(6000)  # longer than a step of the player
    assert year_in_url(page) == year
    expect(page.get_by_role("slider")).to_have_value(str(year))


def test_play_walks_from_treaty_to_treaty_and_a_key_stops_it_where_it_is(server, page):
    start_playing(page, server, 1900)
    # The next treaty year after 1900 is 1905, Portsmouth: the 50th parallel and the First Kuril Strait.
    expect(page).to_have_url(re.compile(r"year=1905"), timeout=15_000)
    expect(page.get_by_role("slider")).to_have_value("1905")
    expect(page.get_by_text("Treaty of Portsmouth").first).to_be_visible()
    expect(map_frame(page).locator(TREATY_LINE)).to_have_count(2)
    page.keyboard.press("Shift")
    stays_stopped_at(page, year_in_url(page))


def test_a_click_on_the_map_stops_playing(server, page):
    start_playing(page, server, 1856)
    expect(page).to_have_url(re.compile(r"year=1867"), timeout=15_000)
    map_frame(page).locator(".leaflet-container").click(position={"x": 200, "y": 400})
    stays_stopped_at(page, year_in_url(page))
