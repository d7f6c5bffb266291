"""Issue 12: the atlas as a classroom uses it, in a real headless Chromium: on a projector
(1024×768), laptops (1366×768, 1920×1080), a tablet both ways (820×1180, 1180×820, touch), a
phone (390×844, touch) and at 150 % browser zoom on a 1280×800 screen (853×533 at 1.5 device
pixels); in light and dark colour schemes; printed; and with links shared from one browser to
another.  Each fault of ../shared/reviews/classroom-faults.md is a test here.

One app server for the module, one browser context per window (tests are grouped by window,
see the ``window`` fixture).  Expected values (colours, titles, labels, the zoom range) are
written out by hand; measures are taken from the browser's own layout and computed styles.
"""

from __future__ import annotations

import re
import time
from contextlib import ExitStack
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

import pytest
from browser import MAP_FRAME, chromium_path, leaflet, map_frame, offline_session, wait_until
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(chromium_path() is None, reason="needs Chromium (scripts/test.sh installs it)"),
]

#: Browser windows, by name: the size of the page's viewport, and touch where a finger is used.
SIZES = {
    "1024x768": {"viewport": {"width": 1024, "height": 768}},
    "1366x768": {"viewport": {"width": 1366, "height": 768}},
    "1920x1080": {"viewport": {"width": 1920, "height": 1080}},
    "820x1180": {"viewport": {"width": 820, "height": 1180}, "has_touch": True},
    "1180x820": {"viewport": {"width": 1180, "height": 820}, "has_touch": True},
    "390x844": {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True},
    # 150 % browser zoom on a 1280×800 screen.
    "853x533@1.5": {"viewport": {"width": 853, "height": 533}, "device_scale_factor": 1.5},
}
PHONE = "390x844"

SEA = "#dbe9f4"                     # the map's sea, behind every overlay
RUSSIA = "#e18176"                  # land held by Russia
JAPAN = "#5d87b7"                   # land held by Japan
EVENT_DOT = "#ffa630"               # the orange dot of an event on the map
MIN_ZOOM, MAX_ZOOM = 3, 10          # the atlas's zoom range
TITLE_KO = "쿠릴 열도·사할린 국경 지도"
LEGEND_TITLE = {"ko": "범례", "en": "Legend"}
SIDEBAR_LABELS = ("지명 표기", "언어 / Language")


# --- fixtures -----------------------------------------------------------------------------------

@dataclass
class Window:
    name: str
    page: object
    width: int
    height: int
    touch: bool


class Windows:
    """Browser contexts by window name ("1366x768", or "1366x768-dark" for the dark colour
    scheme), each opened once for the module: tests of one window share its page.  The page
    of a window not in use is left blank (a Streamlit page holds a lot of memory)."""

    def __init__(self, browser, stack: ExitStack):
        self.browser, self.stack, self.opened, self.surveys = browser, stack, {}, {}

    def get(self, name: str) -> Window:
        if name not in self.opened:
            size, _, scheme = name.partition("-")
            options = SIZES[size]
            page = self.stack.enter_context(offline_session(self.browser, **options, color_scheme=scheme or "light"))
            self.opened[name] = Window(name, page, options["viewport"]["width"], options["viewport"]["height"],
                                       options.get("has_touch", False))
        for other in self.opened.values():
            if other.name != name and other.page.url != "about:blank":
                other.page.goto("about:blank")
        return self.opened[name]


@pytest.fixture(scope="module")
def all_windows(browser):
    with ExitStack() as stack:
        yield Windows(browser, stack)


@pytest.fixture
def window(request, all_windows):
    """The window a test is parametrized with (indirectly, by name; see ``windows``)."""
    return all_windows.get(request.param)


def windows(*names):
    return pytest.mark.parametrize("window", names, indirect=True)


# --- helpers ------------------------------------------------------------------------------------

#: The element that scrolls the page: the nearest scrolling ancestor of the page's title.
_SCROLLER = """() => {
  const title = document.querySelector('h1') || document.body;
  for (let x = title.parentElement; x; x = x.parentElement) {
    const s = getComputedStyle(x);
    if (/(auto|scroll)/.test(s.overflowY) && x.scrollHeight > x.clientHeight + 1) return x;
  }
  return document.scrollingElement;
}"""


def page_scroll(page) -> float:
    """How far the page is scrolled down (its main scroll container's scrollTop)."""
    return page.evaluate(f"() => ({_SCROLLER})().scrollTop")


def settle(page, timeout_s: float = 10) -> None:
    """Wait until the page's fonts are in and its height has stopped changing."""
    page.evaluate("document.fonts.ready.then(() => true)")
    last, stable, deadline = None, 0, time.monotonic() + timeout_s
    while stable < 2 and time.monotonic() < deadline:
        height = page.evaluate(f"() => ({_SCROLLER})().scrollHeight")
        stable = stable + 1 if height == last else 0
        last = height
        page.wait_for_timeout(200)


def open_page(page, server: str, path: str, maps: int = 0) -> None:
    page.goto(f"{server}/{path}")
    page.locator("h1").first.wait_for()
    for index in range(maps):
        map_frame(page, index)
    settle(page)


def frame_box(page, index: int = 0) -> dict:
    return page.locator(MAP_FRAME).nth(index).bounding_box()


def rgb(colour: str) -> list[int]:
    """'#dbe9f4' as [219, 233, 244]."""
    return [int(colour[i:i + 2], 16) for i in (1, 3, 5)]


def query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def bring_into_view(window: Window, y: float, margin: float = 60) -> None:
    """Scroll the page so that page coordinate ``y`` lies inside the viewport."""
    if margin <= y <= window.height - margin:
        return
    delta = y - window.height / 2
    window.page.evaluate(f"delta => {{ ({_SCROLLER})().scrollTop += delta; }}", delta)
    window.page.wait_for_timeout(250)


def tap_or_click(window: Window, x: float, y: float) -> None:
    if window.touch:
        window.page.touchscreen.tap(x, y)
    else:
        window.page.mouse.click(x, y)


#: Event dots of the map: their place, in the map's coordinates.
_DOTS = """fill => { const dots = [];
  map_div.eachLayer(layer => { if (layer instanceof L.CircleMarker && layer.options.fillColor === fill)
    dots.push([layer.getLatLng().lat, layer.getLatLng().lng]); });
  return dots; }"""

#: Where a place is in the map's frame; panned to first if it is not well inside it.
_POINT_OF = """latlng => {
  const size = map_div.getSize();
  let p = map_div.latLngToContainerPoint(latlng);
  if (p.x < 30 || p.y < 30 || p.x > size.x - 30 || p.y > size.y - 30) {
    map_div.panTo(latlng, {animate: false});
    p = map_div.latLngToContainerPoint(latlng);
  }
  const box = map_div.getContainer().getBoundingClientRect();
  return [box.left + p.x, box.top + p.y];
}"""

#: What is at a point of the map's frame, in words.
_AT = """([x, y]) => { const hit = document.elementFromPoint(x, y);
  if (!hit) return 'nothing (outside the map)';
  if (hit.closest('.atlas-legend')) return 'the legend';
  if (hit.closest('.leaflet-control')) return 'a map control';
  if (hit.closest('.leaflet-popup')) return 'a popup';
  const fill = hit.getAttribute('fill');
  return fill === '#ffa630' ? 'the event dot' : hit.tagName.toLowerCase() + (fill ? `[fill=${fill}]` : ''); }"""

_RECT = """e => { const r = e.getBoundingClientRect();
  return {left: r.left, top: r.top, right: r.right, bottom: r.bottom}; }"""

#: The open popup (if any), the visible tooltips, and what is at the middle of the popup's title.
_OVERLAYS = f"""() => {{
  const R = {_RECT};
  const popup = document.querySelector('.leaflet-popup');
  const tooltips = [...document.querySelectorAll('.leaflet-tooltip')].filter(t => t.checkVisibility()
      && getComputedStyle(t).opacity !== '0');
  const out = {{width: innerWidth, height: innerHeight, popup: popup && R(popup),
               tooltips: tooltips.map(t => ({{...R(t), text: t.textContent.trim().slice(0, 50)}}))}};
  if (popup) {{
    const title = popup.querySelector('b') || popup.querySelector('.leaflet-popup-content');
    const r = title.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    out.title = title.textContent.trim().slice(0, 60);
    out.titleHit = !hit ? 'nothing (outside the map)' : popup.contains(hit) ? 'popup'
      : (hit.closest('.atlas-legend') ? 'the legend' : hit.closest('.leaflet-control') ? 'a map control'
         : hit.tagName.toLowerCase() + '.' + String(hit.className.baseVal ?? hit.className));
  }}
  return out;
}}"""


def inside(rect: dict, width: float, height: float, tolerance: float = 1) -> bool:
    return (rect["left"] >= -tolerance and rect["top"] >= -tolerance
            and rect["right"] <= width + tolerance and rect["bottom"] <= height + tolerance)


def wait_for_popup(page, frame) -> dict | None:
    """The open popup's measures once it has stopped moving (auto-pan), or None."""
    try:
        page.frame_locator(MAP_FRAME).first.locator(".leaflet-popup").wait_for(timeout=3000)
    except PlaywrightTimeout:
        return None
    last = None
    for _ in range(20):
        page.wait_for_timeout(150)
        now = frame.evaluate(_OVERLAYS)
        if now["popup"] == (last or {}).get("popup"):
            return now
        last = now
    return last


def close_popup(page, frame) -> None:
    popup = page.frame_locator(MAP_FRAME).first.locator(".leaflet-popup")
    page.keyboard.press("Escape")
    try:
        expect(popup).to_have_count(0, timeout=500)
    except AssertionError:
        frame.evaluate("map_div.closePopup()")  # not what is tested here: go on to the next dot


# --- the survey of each window: every page's layout, measured once ------------------------------

#: Pages surveyed in every window: path, number of maps, language.
#: The pages measured in each window (path, maps on it, language, windows): the map in both
#: languages everywhere; compare and the timeline where room is tightest, which keeps the
#: module to a few minutes on two cores.
NARROW = ("1024x768", "820x1180", "390x844", "853x533@1.5")
SURVEYED = {
    "map 1855 (ko)": ("?year=1855&lang=ko", 1, "ko", tuple(SIZES)),
    "map 1905 (en)": ("?year=1905&lang=en", 1, "en", tuple(SIZES)),
    "compare (ko)": ("compare?lang=ko", 2, "ko", NARROW),
    "timeline (ko)": ("timeline?lang=ko", 0, "ko", ("1024x768", "390x844")),
}
CONTROL_PAGES = ("map 1855 (ko)", "map 1905 (en)", "compare (ko)")

#: The zoom buttons (what is at their middle) and the legend (its box, its <details>).
_CONTROLS = f"""() => {{
  const R = {_RECT};
  const overlap = (a, b) => a && b && a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  const out = {{buttons: {{}}}};
  const legend = document.querySelector('.atlas-legend');
  const zoom = [['zoom in', '.leaflet-control-zoom-in'], ['zoom out', '.leaflet-control-zoom-out']];
  for (const [name, selector] of zoom) {{
    const button = document.querySelector(selector);
    if (!button) {{ out.buttons[name] = {{missing: true}}; continue; }}
    const r = button.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    out.buttons[name] = {{rect: R(button), reached: !!hit && (hit === button || button.contains(hit)),
      hit: !hit ? 'nothing' : hit.closest('.atlas-legend') ? 'the legend'
        : hit.tagName.toLowerCase() + '.' + String(hit.className.baseVal ?? hit.className)}};
  }}
  if (legend) {{
    const details = legend.matches('details') ? legend : legend.querySelector('details');
    const summary = details && details.querySelector(':scope > summary');
    out.legend = {{rect: R(legend), details: !!details, open: details ? details.open : null,
                  summary: summary ? summary.textContent.trim() : null,
                  covers: Object.entries(out.buttons).filter(([, b]) => overlap(b.rect, R(legend))).map(([n]) => n)}};
  }}
  return out;
}}"""

#: Labels whose text does not fit: every visible button, label, tab and radio of the page, and
#: every element inside it that holds text, whose content is wider than its box.
_CUT_LABELS = """() => {
  const cut = [];
  for (const element of document.querySelectorAll('button, label, [role=tab], [role=radio]')) {
    const label = element.innerText.trim();
    // Out of sight: a phone's collapsed sidebar lies left of the window, squeezed to no width.
    if (!label || !element.checkVisibility() || element.getBoundingClientRect().right <= 0) continue;
    for (const inner of [element, ...element.querySelectorAll('*')]) {
      // A box squeezed to nothing counts (an inline element's widths are both 0: not counted).
      if (!inner.textContent.trim() || !inner.checkVisibility()) continue;
      if (inner.scrollWidth > inner.clientWidth + 1) {
        cut.push(`«${label.replace(/\\s+/g, ' ').slice(0, 40)}» (${inner.tagName.toLowerCase()}: text `
                 + `${inner.scrollWidth} px wide in a ${inner.clientWidth} px box)`);
        break;
      }
    }
  }
  return cut;
}"""

_FIRST_SCREEN = f"""() => {{
  const R = {_RECT};
  const visible = [...document.querySelectorAll('[role=slider], input[type=range]')].filter(e => e.checkVisibility());
  const map = document.querySelector('{MAP_FRAME}');
  const main = document.querySelector('[data-testid=stMain]');
  return {{slider: visible.length ? R(visible[0]) : null, map: map && R(map),
          pageWidth: document.documentElement.scrollWidth,
          main: main && {{scrollWidth: main.scrollWidth, clientWidth: main.clientWidth}}}};
}}"""


def survey_page(window: Window, server: str, name: str) -> dict:
    page = window.page
    path, maps, _, _ = SURVEYED[name]
    open_page(page, server, path, maps)
    result = {"first screen": page.evaluate(_FIRST_SCREEN), "cut": page.evaluate(_CUT_LABELS), "maps": []}
    if name in CONTROL_PAGES:
        for index in range(maps):
            frame = leaflet(page, index)
            before = frame.evaluate(_CONTROLS)
            measures = {"before": before, "toggled": None, "after": None}
            if (before.get("legend") or {}).get("summary") is not None:
                try:
                    page.frame_locator(MAP_FRAME).nth(index).locator(".atlas-legend summary").first.click(timeout=5000)
                    page.wait_for_timeout(300)
                    measures["after"] = frame.evaluate(_CONTROLS)
                    measures["toggled"] = measures["after"]["legend"]["open"] != before["legend"]["open"]
                except PlaywrightTimeout as error:
                    measures["toggled"] = f"the summary could not be clicked: {str(error).splitlines()[0]}"
            result["maps"].append(measures)
    # Downloads may sit behind a popover: open each and read the labels inside.
    result["popover cut"] = []
    popovers = page.locator('[data-testid="stPopover"] button')
    for index in range(popovers.count()):
        button = popovers.nth(index)
        if not button.is_visible():
            continue
        button.click()
        page.locator('[data-testid="stPopoverBody"]').first.wait_for(timeout=5000)
        page.wait_for_timeout(300)
        result["popover cut"] += page.evaluate(_CUT_LABELS)
        page.keyboard.press("Escape")
        page.wait_for_timeout(300)
    return result


@pytest.fixture
def survey(window, server, all_windows):
    """Every surveyed page of the window, measured once for the module: {page name: measures}."""
    if window.name not in all_windows.surveys:
        try:
            all_windows.surveys[window.name] = {name: survey_page(window, server, name)
                                                for name, (*_, sizes) in SURVEYED.items()
                                                if window.name.partition("-")[0] in sizes}
        except Exception as error:  # every test of the window fails with it, the survey is not redone
            all_windows.surveys[window.name] = error
    found = all_windows.surveys[window.name]
    if isinstance(found, Exception):
        raise found
    return found


ALL_WINDOWS = list(SIZES)


# --- 1. controls reachable, legend compact and collapsible ------------------------------------

@windows(*ALL_WINDOWS)
def test_the_zoom_buttons_are_reachable_under_a_pointer(window, survey):
    problems = []
    for name in CONTROL_PAGES:
        for index, measures in enumerate(survey.get(name, {}).get("maps", [])):
            for button, found in measures["before"]["buttons"].items():
                if found.get("missing"):
                    problems.append(f"{window.name}, {name}, map {index + 1}: no {button} button")
                elif not found["reached"]:
                    problems.append(f"{window.name}, {name}, map {index + 1}: a click on the {button} button "
                                    f"lands on {found['hit']}")
    assert problems == [], "\n".join(problems)


@windows(*ALL_WINDOWS)
def test_the_legend_folds_under_its_title_and_never_covers_a_zoom_button(window, survey):
    problems = []
    for name in CONTROL_PAGES:
        lang = SURVEYED[name][2]
        for index, measures in enumerate(survey.get(name, {}).get("maps", [])):
            where = f"{window.name}, {name}, map {index + 1}"
            legend = measures["before"].get("legend")
            if legend is None:
                problems.append(f"{where}: no legend (.atlas-legend)")
                continue
            if not legend["details"]:
                problems.append(f"{where}: the legend is not a <details> a pupil can fold")
            elif legend["summary"] != LEGEND_TITLE[lang]:
                problems.append(f"{where}: the legend's <summary> reads {legend['summary']!r}, "
                                f"not {LEGEND_TITLE[lang]!r}")
            elif measures["toggled"] is not True:
                problems.append(f"{where}: a click on the legend's title did not fold or unfold it "
                                f"({measures['toggled']})")
            for state in ("before", "after"):
                covered = (measures[state] or {}).get("legend", {}).get("covers")
                if covered:
                    when = "as the page opens" if state == "before" else "after a click on its title"
                    problems.append(f"{where}: the legend box ({when}) overlaps the {' and '.join(covered)} "
                                    f"button(s): {measures[state]['legend']['rect']}")
    assert problems == [], "\n".join(problems)


# --- 9. year control and map on the first screen; nothing past the width ------------------------

@windows(*ALL_WINDOWS)
def test_the_year_control_and_the_map_are_on_the_first_screen(window, survey):
    first = survey["map 1855 (ko)"]["first screen"]
    slider, map_box = first["slider"], first["map"]
    assert slider is not None, f"{window.name}, map page: no year slider"
    assert slider["top"] >= 0 and slider["bottom"] <= window.height, (
        f"{window.name}, map page: the year slider is at {slider['top']:.0f}–{slider['bottom']:.0f} px, "
        f"outside the first screen (0–{window.height} px)")
    limit = window.height - 150 if window.name == PHONE else window.height
    assert map_box["top"] <= limit, (
        f"{window.name}, map page: the map starts {map_box['top']:.0f} px down the page; "
        f"a pupil must see it on the first screen (top at most {limit} px)")


@windows(*ALL_WINDOWS)
def test_nothing_runs_past_the_width_of_the_window(window, survey):
    problems = []
    for name, measures in survey.items():
        first = measures["first screen"]
        if first["pageWidth"] > window.width:
            problems.append(f"{window.name}, {name}: the page is {first['pageWidth']} px wide in a "
                            f"{window.width} px window")
        main = first["main"]
        if main and main["scrollWidth"] > main["clientWidth"] + 1:
            problems.append(f"{window.name}, {name}: the page's content is {main['scrollWidth']} px wide in "
                            f"its {main['clientWidth']} px column (scrolls sideways)")
    assert problems == [], "\n".join(problems)


@windows(PHONE)
def test_a_one_finger_swipe_on_the_map_scrolls_the_phone_page(window, server):
    page = window.page
    open_page(page, server, "?year=1945", 1)
    page.locator(MAP_FRAME).first.scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    box = frame_box(page)
    top, bottom = max(box["y"], 0) + 20, min(box["y"] + box["height"], window.height) - 20
    assert bottom - top > 150, f"{window.name}: only {bottom - top:.0f} px of the map are on screen"
    x, start, end = box["x"] + box["width"] * 0.8, bottom - 10, max(top, bottom - 310)
    before = page_scroll(page)
    cdp = page.context.new_cdp_session(page)

    def touch(kind, y):
        points = [] if kind == "touchEnd" else [{"x": x, "y": y}]
        cdp.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})

    touch("touchStart", start)
    for step in range(1, 11):
        touch("touchMove", start + (end - start) * step / 10)
        page.wait_for_timeout(16)
    touch("touchEnd", end)
    page.wait_for_timeout(1000)
    after = page_scroll(page)
    cdp.detach()
    assert after - before > 50, (f"{window.name}, map page: a swipe up of {start - end:.0f} px on the map scrolled "
                                 f"the page by {after - before:.0f} px")


# --- 10. no label cut off ------------------------------------------------------------------------

@windows(*ALL_WINDOWS)
def test_no_button_label_or_tab_is_cut_off(window, survey):
    problems = [f"{window.name}, {name}: {cut}" for name, measures in survey.items() for cut in measures["cut"]]
    problems += [f"{window.name}, {name}, inside the downloads' popover: {cut}"
                 for name, measures in survey.items() for cut in measures["popover cut"]]
    assert problems == [], "\n".join(problems)


# --- 2. readable overlays in light and dark -------------------------------------------------------

#: Contrast (WCAG 2) of every visible piece of text under ``selector``: its colour and its
#: backgrounds composited, from the element up, over the sea; the element's and its ancestors'
#: opacity blends both over the sea too.
_CONTRAST = """([selector, sea]) => {
  const parse = c => { const m = c.match(/[\\d.]+/g).map(Number); return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1]; };
  const over = (top, under) => [0, 1, 2].map(i => top[i] * top[3] + under[i] * (1 - top[3]));
  const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
                     return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); };
  const out = [];
  for (const root of document.querySelectorAll(selector)) {
    for (const element of [root, ...root.querySelectorAll('*')]) {
      const own = [...element.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
      if (!own || !element.checkVisibility()) continue;
      const layers = []; let opacity = 1;
      for (let x = element; x; x = x.parentElement) {
        const style = getComputedStyle(x);
        layers.push(parse(style.backgroundColor)); opacity *= Number(style.opacity);
      }
      let back = sea;
      for (const layer of layers.reverse()) back = over(layer, back);
      let text = over(parse(getComputedStyle(element).color), back);
      text = over([...text, opacity], sea); back = over([...back, opacity], sea);
      const [a, b] = [lum(text), lum(back)];
      const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      out.push({text: element.textContent.trim().slice(0, 30), ratio});
    }
  }
  return out;
}"""


def contrast(frame, selector: str) -> list[dict]:
    return frame.evaluate(_CONTRAST, [selector, rgb(SEA)])


@windows("1366x768", "1366x768-dark")
def test_every_overlay_of_the_map_is_readable_in_both_colour_schemes(window, server):
    page = window.page
    open_page(page, server, "?year=1945", 1)
    page.locator(MAP_FRAME).first.scroll_into_view_if_needed()
    frame = leaflet(page)
    legend = page.frame_locator(MAP_FRAME).first.locator(".atlas-legend details:not([open]) > summary, "
                                                         "details.atlas-legend:not([open]) > summary")
    if legend.count():
        legend.first.click()  # unfold it: every entry is measured
    measured = {name: contrast(frame, selector) for name, selector in (
        ("legend", ".atlas-legend"), ("attribution", ".leaflet-control-attribution"),
        ("scale bar", ".leaflet-control-scale-line"))}
    # A tooltip: the mouse on land held by Japan.
    page.frame_locator(MAP_FRAME).first.locator(f'path.leaflet-interactive[fill="{JAPAN}"]').last.hover(force=True)
    page.frame_locator(MAP_FRAME).first.locator(".leaflet-tooltip").last.wait_for(timeout=5000)
    measured["tooltip on land"] = contrast(frame, ".leaflet-tooltip")
    page.mouse.move(1, 1)
    # A popup: a click on the first event's dot.
    dot = frame.evaluate(_DOTS, EVENT_DOT)[0]
    x, y = frame.evaluate(_POINT_OF, dot)
    box = frame_box(page)
    page.mouse.click(box["x"] + x, box["y"] + y)
    assert wait_for_popup(page, frame), f"{window.name}, map page: a click on an event dot opened no popup"
    measured["event popup"] = contrast(frame, ".leaflet-popup-content")
    close = contrast(frame, ".leaflet-popup-close-button")
    report = {name: [round(item["ratio"], 2) for item in items] for name, items in measured.items()}
    low = [f"{name}: «{item['text']}» {item['ratio']:.2f}:1" for name, items in measured.items() for item in items
           if item["ratio"] < 4.5]
    # The popup's close button is a control, not text: 3:1 (WCAG 1.4.11).
    low += [f"the popup's close button: {item['ratio']:.2f}:1 (a control needs 3:1)" for item in close
            if item["ratio"] < 3]
    missing = [name for name, items in measured.items() if not items]
    assert not missing, f"{window.name}, map page: no visible text measured in {missing}; ratios: {report}"
    assert low == [], (f"{window.name}, map page: text below 4.5:1 contrast:\n" + "\n".join(low)
                       + f"\nall ratios measured: {report}")


# --- 3. popups whole inside the map, on top --------------------------------------------------------

def open_event_map(window: Window, server: str, year: int) -> tuple:
    """The map page of ``year`` with its map in view: (the map's frame, its opening view as
    [lat, lng, zoom], the orange event dots on it)."""
    page = window.page
    open_page(page, server, f"?year={year}", 1)
    page.locator(MAP_FRAME).first.scroll_into_view_if_needed()
    frame = leaflet(page)
    view = frame.evaluate("[map_div.getCenter().lat, map_div.getCenter().lng, map_div.getZoom()]")
    dots = frame.evaluate(_DOTS, EVENT_DOT)
    assert dots, f"{window.name}, map of {year}: no orange event dot"
    return frame, view, dots


def reset_view(frame, view: list) -> None:
    """Put the map back to ``view`` (a popup's pan moves it)."""
    frame.evaluate("v => map_div.setView([v[0], v[1]], v[2], {animate: false})", view)


def aim_at_dot(window: Window, frame, view: list, dot) -> tuple[float, float, str]:
    """The page coordinates of an event dot, from the map's opening view and scrolled into the
    window, and what is under that point (for messages)."""
    reset_view(frame, view)
    x, y = frame.evaluate(_POINT_OF, dot)
    bring_into_view(window, frame_box(window.page)["y"] + y)
    box = frame_box(window.page)
    return box["x"] + x, box["y"] + y, frame.evaluate(_AT, [x, y])


@pytest.mark.parametrize("window, year", [("1366x768", 1945), ("1024x768", 1905), (PHONE, 1945)],
                         indirect=["window"])
def test_every_event_popup_opens_whole_inside_the_map_and_above_everything(window, server, year):
    page = window.page
    frame, view, dots = open_event_map(window, server, year)
    problems = []
    for number, dot in enumerate(dots, 1):
        x, y, under = aim_at_dot(window, frame, view, dot)
        tap_or_click(window, x, y)
        seen = wait_for_popup(page, frame)
        where = f"{window.name}, map of {year}, event dot {number} of {len(dots)}"
        if seen is None or seen["popup"] is None:
            problems.append(f"{where}: no popup opened (the {'tap' if window.touch else 'click'} landed on {under})")
            continue
        if not inside(seen["popup"], seen["width"], seen["height"]):
            rect = {key: round(value) for key, value in seen["popup"].items()}
            problems.append(f"{where}: the popup «{seen['title']}» runs outside the {seen['width']}×{seen['height']} "
                            f"map: {rect}")
        if seen["titleHit"] != "popup":
            problems.append(f"{where}: the popup's title «{seen['title']}» is under {seen['titleHit']}")
        close_popup(page, frame)
    assert problems == [], "\n".join(problems)


# --- 4. one thing opens on a tap -------------------------------------------------------------------

#: A point well inside a land shape held by ``fill``, where that shape is the topmost element.
_LAND_POINT = """fill => {
  for (const path of document.querySelectorAll(`path.leaflet-interactive[fill="${fill}"]`)) {
    const r = path.getBoundingClientRect();
    for (let i = 1; i < 8; i++) for (let j = 1; j < 8; j++) {
      const x = r.left + r.width * i / 8, y = r.top + r.height * j / 8;
      if (x < 20 || y < 20 || x > innerWidth - 20 || y > innerHeight - 20) continue;
      if (document.elementFromPoint(x, y) === path) return [x, y];
    }
  }
  return null;
}"""


@windows(PHONE, "1180x820")
def test_a_tap_opens_one_thing_and_tooltips_stay_inside_the_map(window, server):
    page = window.page
    frame, view, dots = open_event_map(window, server, 1945)
    problems = []

    def tooltips_inside(seen, where):
        for tooltip in seen["tooltips"]:
            if not inside(tooltip, seen["width"], seen["height"]):
                rect = {key: round(tooltip[key]) for key in ("left", "top", "right", "bottom")}
                problems.append(f"{where}: the tooltip «{tooltip['text']}» runs outside the "
                                f"{seen['width']}×{seen['height']} map: {rect}")

    for number, dot in enumerate(dots, 1):
        x, y, under = aim_at_dot(window, frame, view, dot)
        page.touchscreen.tap(x, y)
        seen = wait_for_popup(page, frame)
        where = f"{window.name}, map of 1945, a tap on event dot {number} of {len(dots)}"
        if seen is None or seen["popup"] is None:
            problems.append(f"{where}: no popup opened (the tap landed on {under})")
            seen = frame.evaluate(_OVERLAYS)
        if seen["tooltips"]:
            problems.append(f"{where}: a tooltip opened with the popup: «{seen['tooltips'][0]['text']}»")
        tooltips_inside(seen, where)
        close_popup(page, frame)
    for holder, fill in (("Japan", JAPAN), ("Russia", RUSSIA)):
        reset_view(frame, view)
        point = frame.evaluate(_LAND_POINT, fill)
        if point is None:
            continue
        bring_into_view(window, frame_box(page)["y"] + point[1])
        point = frame.evaluate(_LAND_POINT, fill)
        box = frame_box(page)
        page.touchscreen.tap(box["x"] + point[0], box["y"] + point[1])
        page.wait_for_timeout(500)
        tooltips_inside(frame.evaluate(_OVERLAYS), f"{window.name}, map of 1945, a tap on land held by {holder}")
        close_popup(page, frame)
    assert problems == [], "\n".join(problems)


# --- 5. the wheel scrolls the page; Ctrl+wheel zooms ------------------------------------------------

@windows("1366x768")
def test_the_mouse_wheel_scrolls_the_page_over_the_map_and_zooms_only_with_ctrl(window, server):
    page = window.page
    open_page(page, server, "?year=1945", 1)
    frame = leaflet(page)
    zoom = frame.evaluate("map_div.getZoom()")
    title = page.locator("h1").first.bounding_box()
    x, y = title["x"] + min(title["width"] / 2, 200), title["y"] + title["height"] / 2
    page.mouse.move(x, y)
    rows = []
    for notch in range(1, 9):
        state = page.evaluate(f"""([x, y]) => {{ const s = ({_SCROLLER})(), hit = document.elementFromPoint(x, y);
            return {{top: s.scrollTop, bottom: s.scrollTop >= s.scrollHeight - s.clientHeight - 1,
                     map: !!hit && hit.matches('{MAP_FRAME}')}}; }}""", [x, y])
        page.mouse.wheel(0, 100)
        page.wait_for_timeout(350)
        rows.append({"notch": notch, **state, "after": page_scroll(page), "zoom": frame.evaluate("map_div.getZoom()")})
    table = "\n".join(f"notch {r['notch']}: page at {r['top']:.0f} → {r['after']:.0f} px, "
                      f"{'map' if r['map'] else 'page'} under the pointer, zoom {r['zoom']}" for r in rows)
    stuck = [r for r in rows if r["map"] and not r["bottom"] and r["after"] <= r["top"]]
    assert not stuck, (f"{window.name}, map page: the page stopped scrolling once the map came under the pointer"
                       f"\n{table}")
    assert all(r["zoom"] == zoom for r in rows), (
        f"{window.name}, map page: the wheel zoomed the map (from {zoom}) while the page was scrolling\n{table}")
    # Ctrl and the wheel over the map zoom it.
    box = frame_box(page)
    bring_into_view(window, box["y"] + box["height"] / 2)
    box = frame_box(page)
    page.mouse.move(box["x"] + box["width"] / 2, max(box["y"], 0) + min(box["height"], window.height) / 2)
    page.keyboard.down("Control")
    try:  # three notches, as a hand turns the wheel
        for _ in range(3):
            page.mouse.wheel(0, -100)
            page.wait_for_timeout(300)
    finally:
        page.keyboard.up("Control")
    wait_until(lambda: frame.evaluate("map_div.getZoom()") != zoom,
               f"{window.name}, map page: Ctrl and the wheel over the map did not zoom it (zoom {zoom})",
               timeout_s=3, page=page)


# --- 6. the zoom range reaches Leaflet -------------------------------------------------------------

_SEA_POINT = """() => {
  for (let j = 2; j < 9; j++) for (let i = 9; i > 1; i--) {
    const x = innerWidth * i / 10, y = innerHeight * j / 10, hit = document.elementFromPoint(x, y);
    if (hit && !hit.closest('.leaflet-interactive, .leaflet-control, .leaflet-popup, .leaflet-tooltip')) return [x, y];
  }
  return null;
}"""


@windows("1366x768")
def test_the_keyboard_zooms_only_within_the_atlas_range(window, server):
    page = window.page
    open_page(page, server, "?year=1945", 1)
    page.locator(MAP_FRAME).first.scroll_into_view_if_needed()
    frame = leaflet(page)
    assert frame.evaluate("[map_div.getMinZoom(), map_div.getMaxZoom()]") == [MIN_ZOOM, MAX_ZOOM], (
        "1366x768, map page: Leaflet's zoom range is not the atlas's 3 to 10")
    point = frame.evaluate(_SEA_POINT)
    assert point, "1366x768, map page: no open sea to click on"
    box = frame_box(page)
    page.mouse.click(box["x"] + point[0], box["y"] + point[1])
    for _ in range(8):
        page.keyboard.press("-")
        page.wait_for_timeout(300)
    out = frame.evaluate("map_div.getZoom()")
    for _ in range(20):
        page.keyboard.press("=")
        page.wait_for_timeout(300)
    zoomed_in = frame.evaluate("map_div.getZoom()")
    assert out >= MIN_ZOOM, f"1366x768, map page: eight presses of '-' zoomed out to {out}, past the atlas's {MIN_ZOOM}"
    assert zoomed_in <= MAX_ZOOM, (
        f"1366x768, map page: twenty presses of '=' zoomed in to {zoomed_in}, past the atlas's {MAX_ZOOM}")


# --- 7. shared links carry language and place names ---------------------------------------------

def assert_settings_in(url: str, where: str) -> None:
    found = query(url)
    assert found.get("lang") == ["ko"] and found.get("names") == ["ja"], (
        f"{where}: the URL a teacher copies, {url!r}, does not keep lang=ko and names=ja")


def treaty_year_button(page, year: str):
    return page.get_by_role("radio", name=year, exact=True).or_(page.get_by_role("button", name=year, exact=True))


@windows("1366x768")
def test_a_link_copied_after_changing_page_opens_what_the_teacher_sees(window, server, browser):
    page = window.page
    open_page(page, server, "?lang=ko&names=ja&year=1945", 1)
    page.locator('[data-testid="stSidebar"]').get_by_role("link", name="두 해 비교", exact=True).click()
    page.get_by_role("heading", name="두 해 비교", exact=True).first.wait_for()
    map_frame(page, 1)
    before = page.url
    page.get_by_role("slider").first.focus()
    page.keyboard.press("ArrowRight")
    wait_until(lambda: page.url != before, "compare page: a slider step did not change the URL", page=page)
    compare_url = page.url
    assert_settings_in(compare_url, "compare page, after a step of its first slider")
    page.locator('[data-testid="stSidebar"]').get_by_role("link", name="지도", exact=True).click()
    page.get_by_role("heading", name=TITLE_KO, exact=True).first.wait_for()
    map_frame(page)
    treaty_year_button(page, "1875").first.click()
    expect(page).to_have_url(re.compile(r"year=1875"))
    map_url = page.url
    assert_settings_in(map_url, "map page, after the sidebar's 지도 and the treaty year 1875")
    with offline_session(browser, locale="en-US") as fresh:
        for url, heading in ((map_url, TITLE_KO), (compare_url, "두 해 비교")):
            fresh.goto(url)
            expect(fresh.get_by_role("heading", name=heading, exact=True).first).to_be_visible()
            expect(fresh.get_by_role("radio", name="일본식 지명", exact=True)).to_be_checked()


@windows("1366x768")
def test_the_timelines_show_on_map_keeps_language_and_place_names(window, server):
    page = window.page
    open_page(page, server, "timeline?lang=ko&names=ja")
    page.get_by_role("button", name=re.compile(r"지도 보기")).first.click()
    page.get_by_role("heading", name=TITLE_KO, exact=True).first.wait_for()
    map_frame(page)
    assert_settings_in(page.url, "timeline, after its first 'show on map' button")


# --- 8. printing ---------------------------------------------------------------------------------

def printed(window: Window, server: str, path: str, maps: int) -> tuple[str, object]:
    """The page printed to A4 (print media): its text, and the PDF document."""
    import pypdfium2

    page = window.page
    open_page(page, server, path, maps)
    page.emulate_media(media="print")
    try:
        page.wait_for_timeout(800)
        document = pypdfium2.PdfDocument(page.pdf(format="A4"))
    finally:
        page.emulate_media(media="no-override")
    text = "\n".join(document[index].get_textpage().get_text_range() for index in range(len(document)))
    return text, document


def squashed(text: str) -> str:
    """Text without its spaces and line breaks (the PDF breaks lines where the page did)."""
    return re.sub(r"\s+", "", text)


#: What a printed map of 1905 must carry: the Korean translation of Article IX, words of its
#: English text, the articles' sources and the panel's last part (the period's sources).
PRINTED_1905 = ("제9조 · 한국어 번역", "The Imperial Russian Government cede",
                "southern portion of the Island of Saghalien", "fiftieth degree of north latitude", "출처",
                "추가 조항 제2조", "이 시기의 출처")


@windows("1366x768")
def test_the_printed_map_page_is_a_whole_handout(window, server):
    import numpy

    text, document = printed(window, server, "?year=1905&lang=ko", 1)
    flat = squashed(text)
    missing = [words for words in PRINTED_1905 if squashed(words) not in flat]
    assert missing == [], f"map of 1905 (ko) printed to A4 ({len(document)} pages): missing {missing}"
    printed_sidebar = [label for label in SIDEBAR_LABELS if squashed(label) in flat]
    assert printed_sidebar == [], f"map of 1905 (ko) printed to A4: the sidebar was printed ({printed_sidebar})"
    pixels = numpy.asarray(document[0].render(scale=1).to_pil().convert("RGB")).astype(int)
    # Land is drawn slightly translucent over the sea: its colour as such, or at 85 % over the sea.
    def near(colour):
        pure = numpy.array(rgb(colour))
        for target in (pure, 0.85 * pure + 0.15 * numpy.array(rgb(SEA))):
            yield numpy.abs(pixels - target).max(axis=2) <= 8

    shares = {holder: float(numpy.logical_or(*near(colour)).mean())
              for holder, colour in (("Russia", RUSSIA), ("Japan", JAPAN))}
    assert all(share >= 0.005 for share in shares.values()), (
        "map of 1905 (ko) printed to A4: page 1 has too little land drawn in the holders' colours: "
        + ", ".join(f"{holder} {share:.2%}" for holder, share in shares.items()))


@windows("1366x768")
@pytest.mark.parametrize("path, maps, heading", [
    ("compare?year=1905&compare=1945&lang=ko", 2, "두 해 비교"),
    ("timeline?lang=ko", 0, "연표"),
    ("treaties?lang=ko", 0, "조약 모음"),
    ("dispute?lang=ko", 0, "오늘날의 영토 분쟁"),
], ids=["compare", "timeline", "treaties", "dispute"])
def test_every_other_page_prints_without_the_sidebar(window, server, path, maps, heading):
    text, _ = printed(window, server, path, maps)
    flat = squashed(text)
    assert squashed(heading) in flat, f"/{path} printed to A4: its heading {heading!r} is not in the PDF"
    printed_sidebar = [label for label in SIDEBAR_LABELS if squashed(label) in flat]
    assert printed_sidebar == [], f"/{path} printed to A4: the sidebar was printed ({printed_sidebar})"


# --- 11. the treaty article first ----------------------------------------------------------------

#: The first quoted article's heading, by language (Portsmouth, Article IX for 1905).
ARTICLE_HEADING = {"en": r"Article IX · |quoted \(", "ko": r"제9조 · 한국어 번역"}

_ARTICLE = f"""pattern => {{
  const re = new RegExp(pattern), main = ({_SCROLLER})();
  const heading = [...document.querySelectorAll('strong, b, h1, h2, h3, h4, h5, h6')]
    .find(e => e.checkVisibility() && re.test(e.textContent));
  if (!heading) return null;
  const boxes = [];
  for (let x = heading.parentElement; x; x = x.parentElement) {{
    if (x === main || x === document.documentElement || x === document.body) continue;
    const s = getComputedStyle(x);
    if (/(auto|scroll)/.test(s.overflowY) && x.scrollHeight > x.clientHeight + 1)
      boxes.push(`${{x.tagName.toLowerCase()}}[${{x.getAttribute('data-testid')}}] ${{x.clientHeight}} px high `
                 + `showing ${{x.scrollHeight}} px`);
  }}
  return {{text: heading.textContent.trim().slice(0, 60), top: heading.getBoundingClientRect().top,
          scrolled: main.scrollTop, boxes}};
}}"""


@windows("1366x768", "1920x1080")
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_treaty_article_is_on_the_first_screen_not_in_a_scroll_box(window, server, lang):
    page = window.page
    open_page(page, server, f"?year=1905&lang={lang}", 1)
    found = page.evaluate(_ARTICLE, ARTICLE_HEADING[lang])
    where = f"{window.name}, map of 1905 ({lang})"
    assert found is not None, f"{where}: no quoted article heading matching {ARTICLE_HEADING[lang]!r}"
    assert found["scrolled"] == 0, f"{where}: the page opened scrolled by {found['scrolled']} px"
    assert found["boxes"] == [], f"{where}: «{found['text']}» sits in a scroll box inside the page: {found['boxes']}"
    assert 0 <= found["top"] < window.height, (
        f"{where}: «{found['text']}» starts {found['top']:.0f} px down, below the first screen ({window.height} px)")
