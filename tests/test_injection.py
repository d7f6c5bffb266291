"""Markup from outside shows as text, never as HTML or a link: in the query string, and in
the data (island, event, period, treaty and border-line names, an event's description), on
every page, on the map (tooltips, popups) and in the offline atlas.

A page the markup reached as HTML would run ``window.__pwned=1`` (an <img> that fails to load
runs its onerror) or show an element the data did not declare.  AppTest checks every page's
Markdown (rendered by markdown-it, not by the atlas); a real browser checks where text becomes
HTML: the map's tooltips and popups, an expander's label and the offline atlas.
"""

import csv
import json
import re
import shutil
from urllib.parse import urlencode

import pytest
import yaml
from browser import (
    DATA,
    JAPANESE_LAND,
    PAGES,
    TREATY_LINE,
    app_map_texts,
    app_server,
    chromium_path,
    hover_line,
    leaflet,
    map_frame,
    map_texts,
    offline_session,
    open_app,
    page_texts,
    read_markdown,
    render_markdown,
    running_server,  # noqa: F401  (fixture)
)
from playwright.sync_api import expect

from geo.style import EVENT_MARKER

IMG = '<img src=x onerror="window.__pwned=1">'
SCRIPT = "<script>window.__pwned=1</script>"
PAYLOAD = f"{IMG} {SCRIPT}"
MARKDOWN = "**bold** [x](javascript:window.__pwned=1)"
YEAR = 1905  # Portsmouth: its period, treaty and line, and two events with a place on the map
EVENT = f'path.leaflet-interactive[fill="{EVENT_MARKER["fillColor"]}"]'
#: Tags the atlas's own HTML may contain (in popups, the offline atlas); a tag from data is none of these.
RAW_TAG = re.compile(r"<(img|script)\b", re.I)


def browser_test(function):
    needs_chromium = pytest.mark.skipif(chromium_path() is None, reason="needs Chromium (scripts/test.sh installs it)")
    return pytest.mark.browser(needs_chromium(function))


# --- the hostile copy of the data ---------------------------------------------------------------

def by_id(records, record_id):
    (record,) = [r for r in records if r.get("id") == record_id]
    return record


def edit_yaml(path, change) -> None:
    records = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(records)
    path.write_text(yaml.safe_dump(records, allow_unicode=True, sort_keys=False), encoding="utf-8")


def write_hostile_data(folder):
    """A copy of data/ with script and img tags in names, titles and descriptions."""
    shutil.copytree(DATA, folder)
    with open(folder / "islands.csv", encoding="utf-8", newline="") as table:
        rows = list(csv.DictReader(table))
    for row in rows:  # every island, so any shape hovered has one
        row["name_ru.en"] = f"{row['name_ru.en']} {PAYLOAD}"
    with open(folder / "islands.csv", "w", encoding="utf-8", newline="") as table:
        writer = csv.DictWriter(table, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)

    def events(records):
        for event_id in ("sakhalin_invasion_1905", "sakhalin_demarcation_1906"):
            event = by_id(records, event_id)
            event["title"]["en"] = f"{PAYLOAD} {event['title']['en']}"
            event["description"]["en"] = f"{MARKDOWN} {PAYLOAD} {event['description']['en']}"

    edit_yaml(folder / "events.yaml", events)
    edit_yaml(folder / "periods.yaml", lambda r: by_id(r, "portsmouth")["title"].update(en=f"{PAYLOAD} Portsmouth"))
    edit_yaml(folder / "treaties.yaml",
              lambda r: by_id(r, "portsmouth_1905")["title"].update(en=f"{MARKDOWN} {PAYLOAD} Treaty of Portsmouth"))
    def viewpoints(records):
        japan = by_id(records, "JP")
        japan["name"]["en"] = f"{PAYLOAD} Japan's maps"
        japan["rules"][-1]["note"]["en"] = f"{MARKDOWN} {PAYLOAD} since 1952"

    edit_yaml(folder / "viewpoints.yaml", viewpoints)
    borders = json.loads((folder / "borders.geojson").read_text(encoding="utf-8"))
    for feature in borders["features"]:
        if feature["properties"]["id"] == "portsmouth_50th_parallel":
            feature["properties"]["name"]["en"] = f"{PAYLOAD} 50th parallel"
    (folder / "borders.geojson").write_text(json.dumps(borders, ensure_ascii=False), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def hostile_data(tmp_path_factory):
    return write_hostile_data(tmp_path_factory.mktemp("hostile") / "data")


@pytest.fixture
def with_hostile_data(hostile_data, monkeypatch, request):
    request.getfixturevalue("running_server")
    monkeypatch.setenv("ATLAS_DATA_DIR", str(hostile_data))
    return hostile_data


# --- AppTest: the query string ------------------------------------------------------------------

@pytest.mark.usefixtures("running_server")
@pytest.mark.parametrize("payload", [PAYLOAD, "[x](javascript:alert(1)) ![y](http://example.com/y.png) **b**"])
def test_markup_in_the_url_shows_as_text_in_the_messages(payload):
    app = open_app(year=payload, lang=payload, names=payload, view=payload)
    assert not app.exception
    assert len(app.warning) == 4  # the language, the place names, the viewpoint, the year
    for warning in app.warning:
        html = render_markdown(warning.value)
        assert not re.search(r"<(?!/?p>)", html), f"markup in a message: {html}"
        assert f"“{payload[:40]}”" in read_markdown(warning.value)


# --- AppTest: the data ---------------------------------------------------------------------------

def assert_text_only(app, shows_the_tags: bool = True) -> None:
    """No tag from the data is HTML on the page or its map; where the page names what the
    hostile data changed, the tags show as text."""
    if shows_the_tags:
        shown = "\n".join(text for _, text in page_texts(app) + app_map_texts(app))
        assert IMG in shown, "the tag from the data is not on the page"
    for element in app.markdown:
        html = render_markdown(element.value)
        assert not RAW_TAG.search(html) and 'href="javascript:' not in html, html
    for component in app.get("component_instance"):
        args = json.loads(component.proto.json_args)
        for part in ("script", "feature_group"):
            decoded = json.loads('"' + "".join(re.findall(r'"(?:label|popup)":"((?:[^"\\]|\\.)*)"', args[part])) + '"')
            assert not RAW_TAG.search(decoded), f"a tag from the data is HTML in the map's {part}"


@pytest.mark.parametrize("page", sorted(PAGES.values()))
def test_tags_in_the_data_show_as_text_on_every_page(with_hostile_data, page):
    app = open_app(page, year=str(YEAR), compare="1945")
    assert not app.exception, [e.value for e in app.exception]
    # The dispute and sources pages name none of the islands, events, periods or treaties changed.
    assert_text_only(app, shows_the_tags=page not in ("pages/dispute.py", "pages/sources.py"))
    if page == "pages/atlas.py":
        tooltips = "\n".join(text for where, text in app_map_texts(app) if where == "map tooltip")
        assert f"{PAYLOAD} 50th parallel — Treaty border" in tooltips  # the border line
        popups = "\n".join(text for where, text in app_map_texts(app) if where == "map popup")
        assert f"{MARKDOWN} {PAYLOAD}" in popups  # the event's description, as typed
    if page in ("pages/atlas.py", "pages/compare.py"):  # the viewpoints' names, beside each map
        assert f"{PAYLOAD} Japan's maps:" in "\n".join(read_markdown(m.value) for m in app.markdown)
    if page == "pages/treaties.py":
        (label,) = [e.label for e in app.expander if "1905" in e.label]
        assert f"{MARKDOWN} {PAYLOAD}" in read_markdown(label)
        assert not re.search(r"<(strong|a|img|script)\b", render_markdown(label))


def test_a_viewpoints_note_with_markup_shows_as_written_beside_the_map(with_hostile_data):
    app = open_app(year="1960", view="jp")
    assert not app.exception, [e.value for e in app.exception]
    assert_text_only(app)
    shown = "\n".join(read_markdown(m.value) for m in app.markdown)
    assert f"Shown: {PAYLOAD} Japan's maps." in shown and f"{MARKDOWN} {PAYLOAD} since 1952" in shown


def test_tags_in_the_data_show_as_text_in_the_offline_atlas(with_hostile_data):
    import geo
    from geo import export

    page = export.html(geo.current(), "en").decode("utf-8")
    panel = page[page.index('<aside class="atlas-panel"'):]
    panel = panel[:panel.index("</aside>")]
    assert not RAW_TAG.search(panel), "a tag from the data is HTML in the offline atlas's panel"
    assert "&lt;img src=x onerror=" in panel  # the period's title, escaped
    texts = "\n".join(text for _, text in map_texts(page))
    assert f"{PAYLOAD} 50th parallel" in texts and IMG in texts


# --- a real browser -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def hostile_server(hostile_data):
    with app_server(env={"ATLAS_DATA_DIR": str(hostile_data)}) as running:
        yield running.url


@pytest.fixture(scope="module")
def page(browser):
    with offline_session(browser) as offline:
        yield offline


def assert_nothing_ran(page) -> None:
    """No injected script or handler ran in the page or any of its frames, and no element
    the data did not declare is there."""
    # An <img src=x> that reached the page as HTML fails to load at once and runs its
    # onerror: wait until every image of every frame has finished, then look.
    for frame in page.frames:
        frame.wait_for_function("[...document.images].every(image => image.complete)")
        assert frame.evaluate("typeof window.__pwned") == "undefined", f"a script ran in {frame.url}"
        assert frame.evaluate("document.querySelectorAll('img[src=\"x\"], img[onerror]').length") == 0, frame.url
        assert frame.evaluate("document.querySelectorAll('a[href^=\"javascript:\"]').length") == 0, frame.url
        assert frame.evaluate(
            "[...document.scripts].filter(s => s.textContent.trim() === 'window.__pwned=1').length") == 0, frame.url


@browser_test
def test_markup_in_the_url_and_the_data_shows_as_text_on_the_map_page(hostile_server, page):
    payload = f"{IMG}{MARKDOWN}"
    page.goto(f"{hostile_server}/?" + urlencode({"year": YEAR, "lang": payload, "names": payload, "x": SCRIPT}))
    frame = map_frame(page)
    alerts = page.get_by_role("alert")
    expect(alerts).to_have_count(2)  # the language and the place names
    for alert in alerts.all():
        expect(alert).to_contain_text(payload[:40])
    expect(page.get_by_text(f"{PAYLOAD} Portsmouth").first).to_be_visible()  # the period's title, in the panel
    tooltip = frame.locator(".leaflet-tooltip")
    frame.locator(JAPANESE_LAND).last.hover(force=True)  # an island's name
    expect(tooltip.last).to_contain_text(PAYLOAD)
    frame.locator(EVENT).first.dispatch_event("click")  # an event: its title and description
    popup = frame.locator(".leaflet-popup-content")
    expect(popup).to_contain_text(f"{MARKDOWN} {PAYLOAD}")
    map_window = leaflet(page)
    map_window.evaluate("map_div.closePopup(); map_div.setView([50.0, 143.0], 7, {animate: false})")
    hover_line(page, frame.locator(TREATY_LINE).last)  # the 50th parallel's name
    expect(tooltip.last).to_contain_text(f"{PAYLOAD} 50th parallel")
    assert frame.locator(".leaflet-tooltip img, .leaflet-tooltip script, .leaflet-popup img").count() == 0
    assert_nothing_ran(page)


@browser_test
def test_a_treaty_title_with_markup_shows_as_written_in_the_library(hostile_server, page):
    page.goto(f"{hostile_server}/treaties")
    label = page.get_by_text(f"1905 · {MARKDOWN} {PAYLOAD} Treaty of Portsmouth")
    expect(label).to_be_visible()
    label.click()
    expect(page.get_by_role("heading", name=f"{MARKDOWN} {PAYLOAD} Treaty of Portsmouth")).to_be_visible()
    assert page.locator("summary strong, summary a").count() == 0
    assert_nothing_ran(page)


@browser_test
def test_the_offline_atlas_shows_the_tags_as_text(with_hostile_data, tmp_path, browser):
    import geo
    from geo import export

    atlas = tmp_path / "atlas.html"
    atlas.write_bytes(export.html(geo.current(), "en"))
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    tried = []

    def only_files(request_route):
        if request_route.request.url.startswith(("file:", "data:", "blob:")):
            request_route.continue_()
        else:
            tried.append(request_route.request.url)
            request_route.abort()

    context.route("**/*", only_files)
    offline = context.new_page()
    errors = []
    offline.on("pageerror", lambda error: errors.append(str(error)))
    try:
        offline.goto(atlas.as_uri())
        offline.locator("path.leaflet-interactive").first.wait_for()
        buttons = offline.locator(".atlas-periods button")
        buttons.filter(has_text=re.compile(r"^1905")).click()  # 1905–1920, the Portsmouth period
        section = offline.locator(".atlas-period:not([hidden])")
        expect(section.locator("h2")).to_contain_text(f"{PAYLOAD} Portsmouth")  # the period's text
        offline.locator(EVENT).first.dispatch_event("click")
        expect(offline.locator(".leaflet-popup-content")).to_contain_text(PAYLOAD)
        for index in range(buttons.count()):
            buttons.nth(index).click()
        assert_nothing_ran(offline)
        assert errors == [] and tried == [], (errors, tried[:5])
    finally:
        context.close()
