"""Issue 16, the keyboard: the map page used without a mouse, in a real headless Chromium.

Every control is reached with Tab in reading order and shows where the focus is; the map's
frame says what it shows; inside the map, the border lines, the events and the islands are
reached by name, an event's popup opens with Enter and closes with Escape, an island's tooltip
shows; the slider moves with the arrow keys and the map follows; the play button starts with
Enter or Space and Escape stops it.

One app server and one offline page for the module; the test of focus rings opens a page of
its own in each colour scheme.  Names are written out by hand: the interface's from data/ui.yaml as a reader sees
them, the places' from data/islands.csv, the events' from data/events.yaml (1905 has two
events on the map: the Japanese landing on Sakhalin and the survey of the 50th parallel).
"""

from __future__ import annotations

import io
import re

import pytest
from browser import MAP_FRAME, chromium_path, map_frame, offline_session, wait_until
from PIL import Image, ImageChops
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(chromium_path() is None, reason="needs Chromium (scripts/test.sh installs it)"),
]

#: The map's name (its frame's title, its region's label), by language, for 1905.
MAP_1905 = {"en": "Map of the Kuril Islands and Sakhalin in 1905", "ko": "1905년 쿠릴 열도·사할린 지도"}
LANDING = "Japanese landing and occupation of Sakhalin"
#: The map page in English, 1905: stops the keyboard reaches, in this order (others between).
ORDER_1905 = [
    "Skip to main content", "Map", "Compare two years", "Timeline", "Treaties", "The dispute today",
    "Sources and licences", "Web map underneath (needs internet)", "1855", "Play", "Year",
    # The map: its controls, then its shapes: border lines, events by date, the islands from the
    # north, and the land around them last.
    MAP_1905["en"], "Zoom in", "Zoom out", "Legend",
    "First Kuril Strait (Cape Lopatka – Shumshu) — Treaty border", "50th parallel on Sakhalin — Treaty border",
    LANDING, "The 50th-parallel border is surveyed and marked",
    "Shumshu / Shumushu (占守島), Held by Empire of Japan", "Iturup / Etorofu (択捉島), Held by Empire of Japan",
    "Sakhalin / Karafuto (樺太), Held by Russian Empire", "Sakhalin / Karafuto (樺太), Held by Empire of Japan",
    "Moneron Island / Kaiba-tō (海馬島), Held by Empire of Japan",
    "Kamchatka Peninsula / Kamuchatka-hantō (カムチャツカ半島)", "Hokkaido / Hokkaidō (北海道)",
    "Honshu / Honshū (本州)",
    "Downloads",
]
#: A focus ring must change at least this many pixels around what has the focus: the ring around
#: an islet too small to see is about 70.
VISIBLE_PX = 40
#: A pixel has changed if one of its channels moved by more than this (0 to 255).
CHANGED = 40

#: What has the focus, in the page or in a map's frame: its accessible name as a screen reader
#: would read it (aria-label, a label, a frame's title, else its text without icon ligatures),
#: role, and box in the page; ``window.__focused`` keeps it, to blur and focus it again.
_FOCUSED = """() => {
  let doc = document, element = doc.activeElement, dx = 0, dy = 0, frame = null;
  while (element && element.tagName === 'IFRAME' && element.contentDocument) {
    const outer = element.getBoundingClientRect();
    dx += outer.x; dy += outer.y; frame = element;
    doc = element.contentDocument; element = doc.activeElement;
  }
  if (!element || element === doc.body) return null;
  window.__focused = element;
  let name = element.getAttribute('aria-label');
  if (!name && element.labels && element.labels.length) name = element.labels[0].innerText;
  if (!name) {
    const copy = element.cloneNode(true);
    copy.querySelectorAll('[data-testid="stIconMaterial"]').forEach((icon) => icon.remove());
    name = copy.textContent;
  }
  // A visually hidden input (Streamlit's toggle) shows its focus on the label around it.
  const shown = element instanceof HTMLInputElement && element.closest('label')
    && element.getBoundingClientRect().width < 4 ? element.closest('label') : element;
  const box = shown.getBoundingClientRect();
  return {name: (name || '').replace(/\\s+/g, ' ').trim(), role: element.getAttribute('role'),
          tag: element.tagName.toLowerCase(), inMap: !!frame,
          box: {x: box.x + dx, y: box.y + dy, width: box.width, height: box.height}};
}"""


@pytest.fixture(scope="module")
def page(browser):
    with offline_session(browser, locale="en-GB") as offline:
        yield offline


def open_map(page, server, query: str) -> None:
    page.goto(f"{server}/?{query}")
    map_frame(page)


def focused(page) -> dict | None:
    return page.evaluate(_FOCUSED)


def tab_to(page, name: str, limit: int = 80) -> dict:
    """Press Tab until the element named ``name`` has the focus; returns it."""
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        now = focused(page)
        seen.append(now and now["name"])
        if now and now["name"] == name:
            return now
    raise AssertionError(f"{limit} presses of Tab did not reach {name!r}; they reached {seen}")


def in_map(page):
    return page.frame_locator(MAP_FRAME).first


# --- (a) the map's frame says what it is ----------------------------------------------------

@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_map_frame_is_named_after_the_map_and_its_year(server, page, lang):
    open_map(page, server, f"year=1905&lang={lang}")
    expect(page.locator(MAP_FRAME)).to_have_attribute("title", MAP_1905[lang])
    region = in_map(page).locator(".leaflet-container")
    expect(region).to_have_attribute("role", "region")
    expect(region).to_have_accessible_name(MAP_1905[lang])


def test_each_map_of_the_compare_page_is_named_after_its_own_year(server, page):
    page.goto(f"{server}/compare?year=1855&compare=1956&lang=en")
    map_frame(page, 1)
    expect(page.locator(MAP_FRAME).nth(0)).to_have_attribute("title", "Map of the Kuril Islands and Sakhalin in 1855")
    expect(page.locator(MAP_FRAME).nth(1)).to_have_attribute("title", "Map of the Kuril Islands and Sakhalin in 1956")


# --- (b) an event: reached by name, Enter opens it, Escape closes it ----------------------------

def test_tab_reaches_an_event_whose_popup_enter_opens_and_escape_closes(server, page):
    open_map(page, server, "year=1905&lang=en")
    page.get_by_role("slider").focus()
    marker = tab_to(page, LANDING)
    assert marker["inMap"] and marker["role"] == "button", marker
    shape = in_map(page).get_by_role("button", name=LANDING, exact=True)
    expect(shape).to_be_focused()
    page.keyboard.press("Enter")
    popup = in_map(page).locator(".leaflet-popup")
    expect(popup).to_contain_text("13th Division landed near Korsakov on 7 July 1905")
    # The focus goes into the popup, so a screen reader reads it, and its close button is named.
    expect(in_map(page).locator(".leaflet-popup-content")).to_be_focused()
    expect(in_map(page).locator(".leaflet-popup-close-button")).to_have_accessible_name("Close")
    page.keyboard.press("Escape")
    expect(popup).to_have_count(0)
    expect(shape).to_be_focused()  # back on the event, where the keyboard left off
    page.keyboard.press(" ")
    expect(popup).to_contain_text("13th Division landed near Korsakov")
    page.keyboard.press("Escape")
    expect(popup).to_have_count(0)


# --- (c) an island: reached and named, its tooltip shown, Escape hides it -----------------------

def test_tab_reaches_an_island_by_its_name(server, page):
    open_map(page, server, "year=1905&lang=ko")
    page.get_by_role("slider").focus()
    iturup = "이투루프섬 / 에토로후섬 (択捉島), 일본 제국 관할"
    island = tab_to(page, iturup)
    assert island["inMap"] and island["role"] == "img", island
    shape = in_map(page).get_by_role("img", name=iturup, exact=True)
    expect(shape).to_be_focused()
    # Chromium tabs to any SVG shape with a focus listener (Leaflet's tooltips add one); other
    # browsers only to those with a tabindex.
    expect(shape).to_have_attribute("tabindex", "0")
    # Its tooltip shows, and describes it (Leaflet links the two for screen readers).
    tooltip = in_map(page).locator(f"#{shape.get_attribute('aria-describedby')}")
    expect(tooltip).to_be_visible()
    expect(tooltip).to_have_text("이투루프섬 / 에토로후섬 (択捉島)일본 제국 관할")
    page.keyboard.press("Escape")
    expect(tooltip).to_have_count(0)
    expect(shape).to_be_focused()
    page.keyboard.press("Enter")
    expect(in_map(page).locator(f"#{shape.get_attribute('aria-describedby')}")).to_contain_text("이투루프섬")


# --- (d) the slider: arrow keys, and the map follows -------------------------------------------

def test_an_arrow_key_on_the_slider_moves_the_year_and_the_map_follows(server, page):
    open_map(page, server, "year=1905&lang=en")
    slider = page.get_by_role("slider")
    slider.focus()
    page.keyboard.press("ArrowRight")
    expect(page).to_have_url(re.compile(r"year=1906"))
    expect(slider).to_have_value("1906")
    expect(page.locator(MAP_FRAME)).to_have_attribute("title", "Map of the Kuril Islands and Sakhalin in 1906")
    expect(in_map(page).locator(".leaflet-container")).to_have_accessible_name(
        "Map of the Kuril Islands and Sakhalin in 1906")
    # The focus stays on the slider: the next press moves on from there.
    expect(slider).to_be_focused()
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    expect(page).to_have_url(re.compile(r"year=1904"))
    expect(page.locator(MAP_FRAME)).to_have_attribute("title", "Map of the Kuril Islands and Sakhalin in 1904")


# --- (e) the order of the stops, and the focus always visible ----------------------------------

def _shot(page, box: dict, margin: int = 6) -> Image.Image:
    """The page around ``box`` (a ring is drawn outside what it rings), within the window."""
    size = page.viewport_size
    left, top = max(0, box["x"] - margin), max(0, box["y"] - margin)
    right = min(size["width"], box["x"] + box["width"] + margin)
    bottom = min(size["height"], box["y"] + box["height"] + margin)
    clip = {"x": left, "y": top, "width": max(1, right - left), "height": max(1, bottom - top)}
    return Image.open(io.BytesIO(page.screenshot(clip=clip, animations="disabled"))).convert("RGB")


def _changed_pixels(before: Image.Image, after: Image.Image) -> int:
    difference = ImageChops.difference(before, after).convert("L")
    return difference.point(lambda value: 255 if value > CHANGED else 0).histogram()[255]


def walk_the_page(page, look: bool, limit: int = 250) -> list[dict]:
    """Tab through the whole page from its top, once round; for each stop its name and, with
    ``look``, how many pixels around it change between focused and not (the stop is blurred,
    pictured, and focused again).  Tooltips are hidden while looking: they are not rings."""
    if look:
        for frame in page.frames:
            if "st_folium" in frame.url:
                frame.add_style_tag(content=".leaflet-tooltip { visibility: hidden !important; }")
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        stop = focused(page)
        if stop is None or (stops and stop["name"] == stops[0]["name"] and stop["tag"] == stops[0]["tag"]):
            return stops
        if look:
            with_focus = _shot(page, stop["box"])
            page.evaluate("() => window.__focused.blur()")
            without = _shot(page, stop["box"])
            page.evaluate("() => window.__focused.focus({preventScroll: true})")
            stop["changed"] = _changed_pixels(with_focus, without)
        stops.append(stop)
    raise AssertionError(f"{limit} presses of Tab did not go round the page")


def test_tab_goes_through_the_map_page_in_reading_order(server, page):
    open_map(page, server, "year=1905&lang=en")
    names = [stop["name"] for stop in walk_the_page(page, look=False)]
    position = -1
    for name in ORDER_1905:
        assert name in names, f"Tab never reaches {name!r}; it reaches, in order: {names}"
        later = [index for index, other in enumerate(names) if other == name and index > position]
        assert later, f"Tab reaches {name!r} before {names[position]!r}; it reaches, in order: {names}"
        position = later[0]
    # Inside the map, nothing comes between its name, its controls, its lines and its events.
    start = names.index(MAP_1905["en"])
    assert names[start:start + 8] == ORDER_1905[11:19], names[start:start + 8]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_stop_of_the_map_page_shows_where_the_focus_is(server, browser, scheme):
    with offline_session(browser, locale="en-GB", color_scheme=scheme) as own_page:
        open_map(own_page, server, "year=1905&lang=en")
        stops = walk_the_page(own_page, look=True)
    assert len(stops) > 60, [stop["name"] for stop in stops]
    unseen = [f"{stop['name'] or stop['tag']!r} ({stop['changed']} px)" for stop in stops
              if stop["changed"] < VISIBLE_PX]
    assert unseen == [], f"{scheme} page: the focus does not show on {unseen}"


# --- (f) the play button: Enter or Space starts it, Escape stops it -----------------------------

@pytest.mark.parametrize("key", ["Enter", " "])
def test_the_play_button_starts_with_a_key_and_escape_stops_it(server, page, key):
    open_map(page, server, "year=1900&lang=en")
    page.get_by_role("button", name="Play").focus()
    page.keyboard.press(key)
    # The button pressed gives way to the other: the focus goes with it, not to the page.
    expect(page.get_by_role("button", name="Stop")).to_be_focused()
    # Keys stop the player once its first step has drawn (player.py's listener comes with it).
    wait_until(lambda: page.evaluate("document.atlasStopsPlaying === true"), "the player never listened for keys",
               page=page)
    page.keyboard.press("Escape")
    expect(page.get_by_role("button", name="Play")).to_be_focused()
    page.wait_for_timeout(1000)  # the URL of a step under way when Escape came
    year = year_in_url(page)
    page.wait_for_timeout(5000)  # longer than a step of the player
    assert year_in_url(page) == year, "Escape did not stop the player"
    expect(page.get_by_role("slider")).to_have_value(str(year))


def year_in_url(page) -> int:
    return int(re.search(r"year=(\d+)", page.url).group(1))


def test_the_downloads_open_from_the_keyboard_with_the_focus_on_the_first(server, page):
    """The popover is drawn at the end of the page: without the focus moved into it, Tab would
    go through every link of the treaty panel before reaching a download."""
    open_map(page, server, "year=1905&lang=en")
    page.get_by_role("button", name="Downloads").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Picture (PNG)")).to_be_focused()
