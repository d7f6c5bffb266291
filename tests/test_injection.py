"""No injection: text from the URL and from the data files reaches the page, the map's
tooltips and popups and the offline atlas as text, never as markup that runs.

- The URL, through AppTest: script, HTML, Markdown links and images in ``year``, ``lang`` and
  ``names`` show in the messages only escaped (backslash before every bracket).
- The data, through AppTest and in a real browser: a copy of data/ where island names
  (islands.csv name_en), two event titles (events.yaml), the Portsmouth period's title
  (periods.yaml) and the Treaty of Portsmouth's summary (treaties.yaml) carry
  ``<img src=x onerror="window.__pwned=1">`` and ``<script>window.__pwned=1</script>``. The
  app (one server for the module) and the offline HTML atlas are opened in headless
  Chromium; hovering an island and clicking an event marker shows the tags as text, and
  ``window.__pwned`` stays undefined in every frame.
- No network: every browser test blocks outside hosts and checks that nothing outside was
  asked for (Streamlit's usage statistics are off in .streamlit/config.toml). With web tiles
  switched on, a tile server that never answers leaves the map drawn and the slider working.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
import time
from pathlib import Path
from urllib.parse import urlencode

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect
from streamlit.testing.v1 import AppTest

import geo
from browser import MAP_FRAME, app_server, block_outside_network, chromium_path, map_frame
from conftest import DATA, ROOT
from geo import export, i18n, panel

IMG = '<img src=x onerror="window.__pwned=1">'
SCRIPT = "<script>window.__pwned=1</script>"
PAYLOAD = f"{IMG} {SCRIPT}"
YEAR = 1905  # Portsmouth: the period, its treaty, and two events with a place on the map
JAPAN = "#7fa9da"          # geo.style.HOLDER_FILL["JP"]
EVENT_FILL = "#ffa630"     # geo.style.EVENT_MARKER["fillColor"]
URL_PAYLOADS = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))",
                "![x](http://example.com/x.png)"]


def browser_test(function):
    """A test in headless Chromium (pytest-playwright's ``context``/``page``)."""
    needs_chromium = pytest.mark.skipif(chromium_path() is None, reason="needs Chromium (scripts/test.sh installs it)")
    return pytest.mark.browser(needs_chromium(function))


# --- the hostile copy of the data ------------------------------------------------------------

def _replace_once(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{path.name}: expected {old!r} once; the data changed, update this test"
    path.write_text(text.replace(old, new), encoding="utf-8")


def write_hostile_data(folder: Path) -> Path:
    """A copy of data/ with script and HTML tags in names, titles and a summary."""
    shutil.copytree(DATA, folder)
    with open(folder / "islands.csv", encoding="utf-8", newline="") as table:
        rows = list(csv.DictReader(table))
    for row in rows:  # every island, so any shape hovered has one
        row["name_en"] = f"{row['name_en']} {PAYLOAD}"
    with open(folder / "islands.csv", "w", encoding="utf-8", newline="") as table:
        writer = csv.DictWriter(table, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    quoted = PAYLOAD.replace("'", "''")  # a single-quoted YAML scalar
    for title in ("Japanese troops occupy Sakhalin", "The 50th-parallel border is surveyed and marked"):
        _replace_once(folder / "events.yaml", f'title: {{en: "{title}"', f"title: {{en: '{quoted} {title}'")
    _replace_once(folder / "periods.yaml", 'en: "After the Russo-Japanese War: Sakhalin divided on the 50th parallel"',
                  f"en: '{quoted} After the Russo-Japanese War'")
    _replace_once(folder / "treaties.yaml", "      This peace treaty ended the Russo-Japanese War",
                  f"      {PAYLOAD} This peace treaty ended the Russo-Japanese War")
    return folder


@pytest.fixture(scope="module")
def hostile_data(tmp_path_factory) -> Path:
    return write_hostile_data(tmp_path_factory.mktemp("hostile") / "data")


@pytest.fixture
def with_hostile_data(hostile_data, monkeypatch) -> Path:
    monkeypatch.setenv("ATLAS_DATA_DIR", str(hostile_data))
    return hostile_data


def test_the_hostile_copy_loads_and_carries_the_tags(with_hostile_data):
    assert geo.period_at(YEAR).title("en").startswith(PAYLOAD)
    assert geo.treaty("portsmouth_1905").summary("en").startswith(PAYLOAD)
    assert all(name.endswith(PAYLOAD) for name in geo.islands()["name_en"])
    assert sum(PAYLOAD in title.en for title in geo.events()["title"]) == 2


# --- AppTest: the URL ------------------------------------------------------------------------

UNESCAPED_MARKUP = re.compile(r"(?<!\\)[<>\[\]()!]")
RAW_TAG = re.compile(r"(?<!\\)</?(img|script)", re.I)  # a tag not preceded by a backslash


def run_app(**query) -> AppTest:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    app.query_params.update(query)
    return app.run()


@pytest.mark.parametrize("payload", URL_PAYLOADS)
def test_tags_and_links_in_the_url_show_escaped_in_the_messages(payload):
    app = run_app(year=payload, lang=payload, names=payload)
    assert not app.exception
    warnings = [w.value for w in app.warning]
    assert len(warnings) == 3  # lang, names, year
    for text in warnings:
        assert payload not in text
        # The user's value sits between the message's quotation marks.
        (value,) = re.findall(r"“(.*)”", text)
        assert value == panel.md(payload[:40]), f"not escaped: {text!r}"
        assert not UNESCAPED_MARKUP.search(value), text
    for element in [*app.markdown, *app.caption, *app.title, *app.error, *app.info]:
        assert payload not in element.value and panel.md(payload) not in element.value


# --- AppTest: the data -----------------------------------------------------------------------

def assert_escaped_markdown(texts: list[str]) -> None:
    joined = "\n".join(texts)
    assert panel.md(IMG) in joined, "the tag from the data is not on the page"
    for text in texts:
        assert not RAW_TAG.search(text), f"raw tag in {text[:200]!r}"


def test_data_tags_are_escaped_in_the_panel_and_the_map(with_hostile_data):
    app = run_app(year=str(YEAR))
    assert not app.exception, [e.value for e in app.exception]
    assert_escaped_markdown([m.value for m in app.markdown])
    (component,) = app.get("component_instance")
    args = json.loads(component.proto.json_args)
    escaped = "&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;"
    for part in ("script", "feature_group"):  # base land (fixed islands) and the year's layer
        assert escaped in args[part], f"no escaped tag in the map's {part}"
        assert IMG not in args[part] and "<script>window" not in args[part]
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in args["feature_group"]


@pytest.mark.parametrize("page", ["pages/timeline.py", "pages/treaties.py", "pages/compare.py"])
def test_data_tags_are_escaped_on_the_other_pages(with_hostile_data, page):
    app = run_app(year=str(YEAR), compare="1906")
    app.switch_page(page).run()
    assert not app.exception, [e.value for e in app.exception]
    assert_escaped_markdown([m.value for m in app.markdown])


# --- a real browser --------------------------------------------------------------------------

@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """A window the map fits in: a click on a half-hidden map first scrolls the page (Leaflet
    focuses the map), and the click then misses the marker."""
    return {**browser_context_args, "viewport": {"width": 1400, "height": 1000}}


@pytest.fixture(scope="module")
def hostile_server(hostile_data):
    with app_server(env={"ATLAS_DATA_DIR": str(hostile_data)}) as running:
        yield running.url


@pytest.fixture(scope="module")
def server():
    with app_server() as running:
        yield running.url






def hover_land(page, frame) -> None:
    """Hover Japanese land in view until a tooltip shows (the middle of a shape's box may be sea)."""
    shapes = frame.locator(f'path.leaflet-interactive[fill="{JAPAN}"]')
    view = page.viewport_size
    for index in reversed(range(shapes.count())):
        box = shapes.nth(index).bounding_box()
        if not box or box["width"] < 8 or box["height"] < 8 or box["x"] < 0 or box["y"] < 0 \
                or box["x"] + box["width"] > view["width"] or box["y"] + box["height"] > view["height"]:
            continue
        shapes.nth(index).hover(force=True)
        if frame.locator(".leaflet-tooltip").count():
            return
    raise AssertionError("no island shows a tooltip")


def assert_nothing_ran(page) -> None:
    """No injected script or handler ran in the page or any of its frames."""
    page.wait_for_timeout(500)  # time for an <img src=x> to fail to load and fire onerror
    for frame in page.frames:
        assert frame.evaluate("typeof window.__pwned") == "undefined", f"script ran in {frame.url}"
        assert frame.evaluate("document.querySelectorAll('img[src=\"x\"], img[onerror]').length") == 0, frame.url
        # (The map's own script holds the labels as escaped JSON text: that is data, not code.)
        assert frame.evaluate(
            "[...document.scripts].filter(s => s.textContent.trim() === 'window.__pwned=1').length") == 0, frame.url


@browser_test
def test_map_tooltip_popup_and_panel_show_the_tags_as_text(hostile_server, offline_page):
    page = offline_page
    page.goto(f"{hostile_server}/?year={YEAR}")
    frame = map_frame(page)
    # The panel: the period title and the treaty summary, as text.
    expect(page.get_by_text(IMG).first).to_be_attached()
    assert page.locator("body").inner_text().count(IMG) >= 2
    # Hover an island: its name (with the tags) is the tooltip's text.
    hover_land(page, frame)
    tooltip = frame.locator(".leaflet-tooltip")
    expect(tooltip).to_be_visible()
    expect(tooltip).to_contain_text(IMG)
    expect(tooltip).to_contain_text(SCRIPT)
    assert tooltip.locator("img, script").count() == 0
    # Click an event marker: the event's title (with the tags) is the popup's text.
    markers = frame.locator(f'path.leaflet-interactive[fill="{EVENT_FILL}"]')
    expect(markers).to_have_count(2)
    markers.first.click(force=True)
    popup = frame.locator(".leaflet-popup-content")
    expect(popup).to_be_visible()
    expect(popup).to_contain_text(IMG)
    expect(popup).to_contain_text(SCRIPT)
    assert popup.locator("img, script").count() == 0
    assert_nothing_ran(page)


@browser_test
@pytest.mark.parametrize("path", ["/timeline", "/treaties", f"/compare?year={YEAR}&compare=1945"])
def test_other_pages_show_the_tags_as_text(hostile_server, offline_page, path):
    page = offline_page
    page.goto(f"{hostile_server}{path}")
    if path == "/treaties":
        page.get_by_text("Treaty of Portsmouth").first.click()
    expect(page.get_by_text(IMG).first).to_be_visible()
    if path.startswith("/compare"):
        expect(page.locator(MAP_FRAME)).to_have_count(2)
        for frame in (page.frame_locator(MAP_FRAME).first, page.frame_locator(MAP_FRAME).last):
            frame.locator("path.leaflet-interactive").first.wait_for()
    assert_nothing_ran(page)


@browser_test
def test_tags_in_the_url_show_as_text_in_a_browser(server, offline_page):
    page = offline_page
    payload = '<img src=x onerror="window.__pwned=1">[x](javascript:window.__pwned=1)'
    page.goto(f"{server}/?" + urlencode({"year": payload, "lang": payload, "names": payload, "x": SCRIPT}))
    map_frame(page)
    alerts = page.locator('[data-testid="stAlert"]')
    expect(alerts).to_have_count(3)
    for alert in alerts.all():
        expect(alert).to_contain_text(payload[:40])
    assert page.locator('a[href^="javascript:"]').count() == 0
    assert_nothing_ran(page)


def block_all_but_files(context) -> list[str]:
    """Abort every request that is not to a local file; returns what was tried."""
    tried: list[str] = []

    def route(request_route):
        if request_route.request.url.startswith(("file:", "data:", "blob:")):
            request_route.continue_()
        else:
            tried.append(request_route.request.url)
            request_route.abort()

    context.route("**/*", route)
    return tried


@browser_test
def test_offline_atlas_shows_the_tags_as_text(with_hostile_data, tmp_path, context):
    atlas = tmp_path / "atlas.html"
    atlas.write_text(export.html("en"), encoding="utf-8")
    tried = block_all_but_files(context)
    page = context.new_page()
    page.set_default_timeout(30_000)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(atlas.as_uri())
    page.locator("path.leaflet-interactive").first.wait_for()
    portsmouth = [p.id for p in geo.periods()].index(geo.period_at(YEAR).id)
    page.locator(".atlas-periods button").nth(portsmouth).click()
    section = page.locator(f'.atlas-period[data-period="{portsmouth}"]')
    expect(section).to_be_visible()
    expect(section.locator("h2")).to_contain_text(IMG)
    hover_land(page, page)
    expect(page.locator(".leaflet-tooltip")).to_contain_text(IMG)
    page.locator(f'path.leaflet-interactive[fill="{EVENT_FILL}"]').first.click(force=True)
    expect(page.locator(".leaflet-popup-content")).to_contain_text(SCRIPT)
    for index in range(page.locator(".atlas-periods button").count()):
        page.locator(".atlas-periods button").nth(index).click()
    assert_nothing_ran(page)
    assert errors == [], errors
    assert tried == [], f"the offline atlas asked for {tried[:5]}"


# --- no network ------------------------------------------------------------------------------

@browser_test
def test_every_page_draws_with_no_outside_request(server, offline_page):
    page = offline_page
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(f"{server}/?year=1945")
    expect(map_frame(page).locator(".atlas-legend")).to_be_visible()
    for path, text in (("/compare", i18n.tr("compare_title", "en")), ("/timeline", i18n.tr("timeline", "en")),
                       ("/treaties", i18n.tr("treaty_library", "en")), ("/dispute", i18n.tr("dispute_title", "en")),
                       ("/sources", i18n.tr("sources_title", "en"))):
        page.goto(f"{server}{path}")
        expect(page.get_by_role("heading", name=text).first).to_be_visible()
    page.wait_for_timeout(1000)  # late requests (usage statistics would be sent after load)
    outside = [url for url in asked if not url.startswith(server) and not url.startswith(("data:", "blob:"))]
    assert outside == []


@browser_test
def test_web_tiles_that_never_arrive_do_not_block_the_map(server, context):
    """Tiles on, and the tile server takes the requests and never answers."""
    hanging = block_outside_network(context, hang=True)
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.goto(f"{server}/?year=1944")
    map_frame(page)
    assert hanging == [], "outside requests before web tiles were switched on"
    page.get_by_text(i18n.tr("web_tiles", "en")).click()
    # The map is rebuilt with tiles: a new iframe replaces the old one.
    frame = frame_with(page, "img.leaflet-tile")
    expect(frame.locator(".atlas-legend")).to_be_visible()
    expect(frame.locator('path[stroke="#111111"]')).to_have_count(2)  # 1944: two treaty lines
    assert hanging and all("openstreetmap" in url for url in hanging), hanging[:3]
    page.get_by_role("slider").focus()
    page.keyboard.press("ArrowRight")
    expect(page).to_have_url(re.compile(r"year=1945"))
    expect(frame.locator('path[stroke="#7a1010"]')).to_have_count(2)  # 1945: lines of control


def frame_with(page, selector: str, timeout_s: float = 30):
    """The map frame that holds ``selector`` (while a map is rebuilt, two frames may exist)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        for frame in page.frames:
            try:
                if "st_folium" in frame.url and not frame.is_detached() and frame.query_selector(selector):
                    return frame
            except PlaywrightError:  # detached while we looked: the old map going away
                pass
        page.wait_for_timeout(100)
    raise AssertionError(f"no map frame with {selector}")
