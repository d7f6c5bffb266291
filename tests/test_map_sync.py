"""The comparison page's two maps pan and zoom together (geo.web.map_sync, Leaflet.Sync), in a
real headless Chromium with every outside host blocked: a view set by script, a drag with the
mouse and a click on a zoom button in one map move the other to the same view, once (no echo
between them), and the view stays through slider steps and through a map frame run anew.  The
map page's single map is left as it was.

One app server and one page for the module (a new browser context costs seconds).
"""

import re

import pytest
from browser import (
    JAPANESE_LAND,
    MAP_FRAME,
    RUSSIAN_LAND,
    chromium_path,
    leaflet,
    map_frame,
    offline_session,
    settled_leaflet,
    wait_until,
)
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(chromium_path() is None, reason="needs Chromium (scripts/test.sh installs it)"),
]

COMPARE = "compare?year=1875&compare=1945"
VIEW = "[map_div.getZoom(), map_div.getCenter().lat, map_div.getCenter().lng]"


@pytest.fixture(scope="module")
def page(browser):
    with offline_session(browser) as offline:
        yield offline


def view(window) -> list[float]:
    return window.evaluate(VIEW)


def same_view(one: list[float], other: list[float]) -> bool:
    """The same zoom, and centres less than a screen pixel apart at that zoom (a map that
    measured its size again reckons its centre from whole pixels)."""
    pixel = 360 / (256 * 2 ** one[0])  # degrees of longitude, more than of latitude
    return one[0] == other[0] and abs(one[1] - other[1]) < pixel and abs(one[2] - other[2]) < pixel


def follows(page, windows, message: str) -> list[float]:
    """Wait until both maps show the same view, with no move under way; returns it."""
    def settled_and_same():
        views = [view(window) for window in windows]
        moving = any(window.evaluate("map_div._panAnim && map_div._panAnim._inProgress || map_div._animatingZoom")
                     for window in windows)
        return not moving and same_view(*views) and views[0]

    return wait_until(settled_and_same, message, page=page)


def open_compare(page, server):
    page.goto(f"{server}/{COMPARE}")
    map_frame(page, 0), map_frame(page, 1)
    return settled_leaflet(page, 0), settled_leaflet(page, 1)


def drag(page, index: int, dx: float, dy: float) -> None:
    """Drag the ``index``-th map by (dx, dy) pixels with the mouse, from its middle."""
    box = page.locator(MAP_FRAME).nth(index).bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + dx, y + dy, steps=8)
    page.mouse.up()


def test_a_view_set_dragged_or_zoomed_in_one_map_is_the_others_once(server, page):
    first, second = open_compare(page, server)
    start = follows(page, (first, second), "the maps opened at different views")

    first.evaluate("map_div.setView([47.0, 150.0], 6, {animate: false})")
    assert follows(page, (first, second), "the second map did not follow a view set in the first") == [6, 47.0, 150.0]
    second.evaluate("map_div.setView([45.5, 146.5], 7)")  # animated
    assert follows(page, (second, first), "the first map did not follow a view set in the second") == [7, 45.5, 146.5]

    before = view(first)
    drag(page, 0, -160, -90)
    dragged = follows(page, (first, second), "the second map did not follow a drag of the first")
    assert dragged[0] == 7 and dragged[2] > before[2] + 1 and dragged[1] < before[1] - 0.5, (before, dragged)
    drag(page, 1, 120, 60)
    back = follows(page, (second, first), "the first map did not follow a drag of the second")
    assert back[2] < dragged[2] - 0.5, (dragged, back)

    # One move, one answer: the follower's moves do not come back to the leader.
    for window in (first, second):
        window.evaluate("window.__moves = 0; map_div.on('moveend', () => window.__moves++)")
    page.frame_locator(MAP_FRAME).nth(1).locator(".leaflet-control-zoom-in").click()
    zoomed = follows(page, (second, first), "the first map did not follow a zoom button of the second")
    assert zoomed[0] == back[0] + 1 and same_view(zoomed, [zoomed[0], *back[1:]]), (back, zoomed)
    page.wait_for_timeout(1500)
    counts = [window.evaluate("window.__moves") for window in (first, second)]
    assert all(1 <= count <= 4 for count in counts), f"moveend events after one click: {counts}"
    assert same_view(view(first), zoomed) and same_view(view(second), zoomed), "a map drifted after the zoom"
    page.frame_locator(MAP_FRAME).nth(0).locator(".leaflet-control-zoom-out").click()
    assert follows(page, (first, second), "the second map did not follow a zoom button of the first")[0] == back[0]
    assert start != view(first)


def test_slider_steps_keep_both_maps_on_the_same_view(server, page):
    first, second = open_compare(page, server)
    first.evaluate("map_div.setView([46.0, 149.0], 7, {animate: false}); map_div.__kept = true")
    second.evaluate("map_div.__kept = true")
    shown = follows(page, (first, second), "the second map did not follow")
    frame = page.frame_locator(MAP_FRAME).nth(0)
    for slider, key, press, year in ((0, "year", "ArrowRight", 1876), (1, "compare", "ArrowLeft", 1944),
                                     (0, "year", "ArrowLeft", 1875)):
        page.get_by_role("slider").nth(slider).focus()
        page.keyboard.press(press)
        expect(page).to_have_url(re.compile(f"{key}={year}"))
        expect(page.get_by_role("slider").nth(slider)).to_have_value(str(year))
        page.wait_for_timeout(500)
        assert same_view(follows(page, (first, second), f"the maps parted at {key}={year}"), shown)
    # The land of the years shown, still drawn (geo.web.kept_land): 1875 Japanese Kurils,
    # 1944 Japanese Karafuto and Kurils, in the maps' own colours.
    expect(frame.locator(JAPANESE_LAND).first).to_be_attached()
    expect(page.frame_locator(MAP_FRAME).nth(1).locator(JAPANESE_LAND).first).to_be_attached()
    assert first.evaluate("map_div.__kept === true") and second.evaluate("map_div.__kept === true"), \
        "a slider step drew a map anew"


def test_a_map_made_anew_joins_at_the_view_shown_and_moves_with_the_other(server, page):
    first, second = open_compare(page, server)
    first.evaluate("map_div.setView([44.5, 147.5], 7, {animate: false})")
    shown = follows(page, (first, second), "the second map did not follow")
    # The second map's frame runs its page anew (as a rerun may): a new Leaflet, a new map.
    second.evaluate("window.__old = true; location.reload()")

    def new_map():
        try:
            window = leaflet(page, 1)
            return window.evaluate("!window.__old && typeof map_div === 'object'") and window
        except PlaywrightError:  # the old page going, the new one not yet there
            return False

    renewed = wait_until(new_map, "the second map was not made again", page=page)
    renewed.wait_for_selector(f"{RUSSIAN_LAND}, {JAPANESE_LAND}", state="attached")  # its land, asked for again
    assert same_view(follows(page, (first, renewed), "the new map did not take the view shown"), shown)
    assert first.evaluate("map_div._syncMaps.length") == 1, "the first map still moves the old second map"
    drag(page, 1, -100, 0)
    moved = follows(page, (renewed, first), "the first map did not follow a drag of the new map")
    assert moved[2] > shown[2] + 0.5, (shown, moved)
    first.evaluate("map_div.setView([46.0, 150.0], 6, {animate: false})")
    assert follows(page, (first, renewed), "the new map did not follow the first") == [6, 46.0, 150.0]


def test_the_map_page_map_moves_alone(server, page):
    page.goto(f"{server}/?year=1905")
    map_frame(page)
    window = settled_leaflet(page)
    assert window.evaluate("typeof map_div.sync === 'undefined' && window.atlasMapSync === undefined")
    scripts = window.evaluate("[...document.scripts].map(script => script.src).filter(Boolean)")
    assert not any("sync" in src for src in scripts), scripts
    window.evaluate("map_div.setView([45.0, 146.0], 6, {animate: false})")
    assert view(window) == [6, 45.0, 146.0]
