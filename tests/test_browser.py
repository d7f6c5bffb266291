"""The atlas in a real headless Chromium, with every outside host blocked."""

import re

import pytest
from playwright.sync_api import expect

from browser import MAP_FRAME, app_server, block_outside_network, chromium_path, map_frame
from geo.style import EVENT_MARKER

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(chromium_path() is None, reason="needs Chromium (scripts/test.sh installs it)"),
]
TREATY_LINE = 'path[stroke="#111111"]'   # geo.style.LINE_STYLE["treaty"]
CONTROL_LINE = 'path[stroke="#7a1010"]'  # geo.style.LINE_STYLE["de_facto"]
JAPAN = "#7fa9da"                         # geo.style.HOLDER_FILL["JP"]


@pytest.fixture(scope="module")
def server():
    with app_server() as running:
        yield running.url






def test_1905_offline_shows_the_50th_parallel_and_portsmouth(server, offline_page):
    offline_page.goto(f"{server}/?year=1905")
    frame = map_frame(offline_page)
    expect(offline_page.get_by_text("Treaty of Portsmouth").first).to_be_visible()
    # Two treaty lines in 1905: the First Kuril Strait and the 50th parallel; no line of control.
    expect(frame.locator(TREATY_LINE)).to_have_count(2)
    expect(frame.locator(CONTROL_LINE)).to_have_count(0)
    expect(frame.locator(".atlas-legend")).to_contain_text("Treaty border")


def test_slider_key_press_changes_map_treaty_and_url(server, offline_page):
    offline_page.goto(f"{server}/?year=1944")
    frame = map_frame(offline_page)
    expect(frame.locator(TREATY_LINE)).to_have_count(2)
    offline_page.get_by_role("slider").focus()
    offline_page.keyboard.press("ArrowRight")
    expect(offline_page).to_have_url(re.compile(r"year=1945"))
    expect(frame.locator(CONTROL_LINE)).to_have_count(2)
    expect(frame.locator(TREATY_LINE)).to_have_count(0)
    expect(offline_page.get_by_text("Soviet, then Russian, control").first).to_be_visible()


def test_zoom_and_pan_survive_slider_steps(server, offline_page):
    """The base map stays mounted: a step swaps the year's layer, not the map."""
    offline_page.goto(f"{server}/?year=1904")
    frame = map_frame(offline_page)
    leaflet = offline_page.locator(MAP_FRAME).element_handle().content_frame()
    leaflet.evaluate("map_div.setView([44.0, 146.0], 7, {animate: false}); window.__same_map = true")
    view = leaflet.evaluate("[map_div.getZoom(), map_div.getCenter().lat, map_div.getCenter().lng]")
    japanese_land = frame.locator(f'path.leaflet-interactive[fill="{JAPAN}"]')
    shapes_1904 = japanese_land.count()
    offline_page.get_by_role("slider").focus()
    for key, year in (("ArrowRight", 1905), ("ArrowRight", 1906), ("ArrowLeft", 1905)):
        offline_page.keyboard.press(key)
        expect(offline_page).to_have_url(re.compile(f"year={year}"))
        expect(japanese_land).to_have_count(shapes_1904 + 2)  # southern Sakhalin and Moneron
    assert leaflet.evaluate("window.__same_map === true"), "the map iframe was reloaded"
    assert leaflet.evaluate("[map_div.getZoom(), map_div.getCenter().lat, map_div.getCenter().lng]") == view


def test_korean_page(server, offline_page):
    offline_page.goto(f"{server}/?year=1875&lang=ko")
    map_frame(offline_page)
    expect(offline_page.get_by_text("상트페테르부르크 조약").first).to_be_visible()


def test_island_names_on_hover(server, offline_page):
    offline_page.goto(f"{server}/?year=1905")
    frame = map_frame(offline_page)
    # Shapes in Japan's fill: in 1905 the last of them belong to the Kurils or Karafuto.
    year_shapes = frame.locator(f'path.leaflet-interactive[fill="{JAPAN}"]')
    year_shapes.last.hover(force=True)
    tooltip = frame.locator(".leaflet-tooltip")
    expect(tooltip).to_be_visible()
    expect(tooltip).to_contain_text("Held by Japan")


def test_event_markers_open_a_popup_with_sources(server, offline_page):
    offline_page.goto(f"{server}/?year=1945&lang=ko")
    frame = map_frame(offline_page)
    markers = frame.locator(f'path.leaflet-interactive[fill="{EVENT_MARKER["fillColor"]}"]')
    expect(markers).to_have_count(3)  # 1943–1947 on the map: southern Sakhalin, Shumshu, Iturup
    markers.nth(1).dispatch_event("click")
    popup = frame.locator(".leaflet-popup-content")
    expect(popup).to_contain_text("슘슈")
    expect(popup.locator("a[href^='https://']").first).to_be_attached()


def test_web_tiles_are_optional_and_never_block_the_map(server, context):
    tried = block_outside_network(context)
    page = context.new_page()
    page.goto(f"{server}/?year=1905")
    frame = map_frame(page)
    assert tried == []
    page.get_by_text("Web map underneath (needs internet)").click()
    for _ in range(100):  # the map asks the tile server for its tiles...
        if tried:
            break
        page.wait_for_timeout(100)
    assert tried and all(url.startswith("https://tile.openstreetmap.org/") for url in tried)
    # ...which never answers here: the map is drawn all the same.
    expect(frame.locator(TREATY_LINE)).to_have_count(2)
    expect(frame.locator(f'path.leaflet-interactive[fill="{JAPAN}"]').first).to_be_visible()


def test_treaty_year_buttons_move_the_slider_and_the_url(server, offline_page):
    offline_page.goto(f"{server}/?year=1900")
    frame = map_frame(offline_page)
    offline_page.get_by_role("button", name="1945", exact=True).click()
    expect(offline_page).to_have_url(re.compile(r"year=1945"))
    expect(frame.locator(CONTROL_LINE)).to_have_count(2)
    expect(offline_page.get_by_role("slider")).to_have_value("1945")
