"""Issue 16: every page of the atlas passes axe-core's WCAG 2.1 A and AA rules, in a real
headless Chromium: each page of the app in Korean and in English, in the light and the dark
colour scheme, with the sidebar open; inside every map's frame; the map page with its
downloads popover open, and on a phone; and the offline atlas (the one HTML file).

The rules are axe-core's own (the version pinned in package.json, installed by ``npm ci``):
the expected value is always "no violation", and a failure lists each violation as axe
reports it (rule, impact, what it asks for, the first elements and why they fail).  One app
server for the module, one browser context per colour scheme and window (the language is a
parameter of the URL).
"""

from __future__ import annotations

import textwrap
from contextlib import ExitStack

import pytest
from browser import PAGES, ROOT, chromium_path, leaflet, map_frame, offline_session, wait_until
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(chromium_path() is None, reason="needs Chromium (scripts/test.sh installs it)"),
]

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
#: WCAG 2.0 and 2.1, levels A and AA: what issue 16 asks of the atlas.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
LANGS = ("ko", "en")
SCHEMES = ("light", "dark")
#: How many maps each page draws, by its path (see browser.PAGES); the others draw none.
MAPS = {"": 1, "compare": 2}
#: Browser windows, by name: a laptop's, wide enough that the sidebar stays open, and a phone's.
WINDOWS = {"laptop": {"viewport": {"width": 1400, "height": 1000}},
           "phone": {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}}
#: The label of the map page's downloads popover (data/ui.yaml, ``downloads``).
DOWNLOADS = {"ko": "내려받기", "en": "Downloads"}
#: Nodes of a violation shown in a failure: enough to find the fault, not a page of them.
NODES_SHOWN = 3

#: The app has stopped running (no status widget, no element greyed out as stale) and every
#: widget is drawn: Streamlit shows a skeleton until a widget's code has loaded (seconds, for
#: the timeline's hundred buttons), and axe would pass a skeleton.
_IDLE = """() => !document.querySelector(
  '[data-testid="stStatusWidget"], [data-stale="true"], [data-testid="stSkeleton"]')"""
#: axe on one document; each map's frame is a document of its own, checked on its own.
_RUN_AXE = """tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, iframes: false,
                               resultTypes: ['violations']})
  .then(results => results.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary}))})))"""


# --- fixtures -----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def axe_source() -> str:
    """axe-core's script.  Missing is a failure, not a skip: CI installs it, and a skip would
    hide every accessibility regression."""
    if not AXE.exists():
        pytest.fail(f"{AXE.relative_to(ROOT)} is missing: run `npm ci` at the repository root "
                    "(scripts/test.sh does)")
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def windows(browser):
    """Pages by (window, colour scheme), each opened once for the module.  The pages not in
    use are left blank: a Streamlit page holds a lot of memory, on a machine others share."""
    with ExitStack() as stack:
        opened = {}

        def get(window: str, scheme: str):
            if (window, scheme) not in opened:
                opened[window, scheme] = stack.enter_context(
                    offline_session(browser, **WINDOWS[window], color_scheme=scheme))
            for key, page in opened.items():
                if key != (window, scheme) and page.url != "about:blank":
                    page.goto("about:blank")
            return opened[window, scheme]

        yield get


@pytest.fixture(scope="module")
def offline_atlases() -> dict[str, str]:
    """The offline atlas in each language, as the file a teacher hands out."""
    import geo
    from geo import export

    return {lang: export.html(geo.current(), lang).decode("utf-8") for lang in LANGS}


# --- helpers ------------------------------------------------------------------------------------

def open_page(page, server: str, path: str, lang: str) -> None:
    """Open ``path`` in ``lang`` and wait until it has been drawn: its heading, its maps, the
    app idle and the fonts in."""
    page.goto(f"{server}/{path}?lang={lang}")
    page.locator("h1").first.wait_for()
    for index in range(MAPS.get(path, 0)):
        map_frame(page, index)
    settled(page)


def settled(page) -> None:
    """Wait until the app is idle with every widget drawn, and the fonts are in."""
    wait_until(lambda: page.evaluate(_IDLE), "the app is still running", page=page)
    page.evaluate("document.fonts.ready.then(() => true)")


def axe_violations(frame, axe_source: str, where: str) -> list[str]:
    """axe's WCAG 2.1 A/AA violations in ``frame`` (a page or a map's frame), one a line."""
    frame.add_script_tag(content=axe_source)
    found = []
    for violation in frame.evaluate(_RUN_AXE, WCAG_TAGS):
        nodes = violation["nodes"]
        found.append(f"{where}: {violation['id']} ({violation['impact']}): {violation['help']}; "
                     f"{len(nodes)} element(s)")
        found += [f"    {node['target']}\n{textwrap.indent(node['summary'], ' ' * 6)}"
                  for node in nodes[:NODES_SHOWN]]
    return found


def page_and_maps(page, axe_source: str, path: str) -> list[str]:
    """Violations in the page and in each of its maps' frames."""
    found = axe_violations(page, axe_source, "page")
    for index in range(MAPS.get(path, 0)):
        found += axe_violations(leaflet(page, index), axe_source, f"map {index + 1}")
    return found


def no_violations(found: list[str]) -> None:
    if found:
        pytest.fail("axe-core found WCAG 2.1 A/AA violations:\n" + "\n".join(found), pytrace=False)


# --- tests --------------------------------------------------------------------------------------

@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", PAGES, ids=[path or "map" for path in PAGES])
def test_every_page_passes_axe(windows, server, axe_source, path, lang, scheme):
    page = windows("laptop", scheme)
    open_page(page, server, path, lang)
    # The sidebar (language, place names) is part of every page, and open on a wide window.
    expect(page.locator('[data-testid="stSidebarUserContent"]')).to_be_in_viewport()
    no_violations(page_and_maps(page, axe_source, path))


# Each language once and each scheme once: the popover's colours do not depend on its words.
@pytest.mark.parametrize("lang, scheme", [("ko", "light"), ("en", "dark")])
def test_the_downloads_popover_passes_axe(windows, server, axe_source, lang, scheme):
    page = windows("laptop", scheme)
    open_page(page, server, "", lang)
    page.get_by_role("button", name=DOWNLOADS[lang]).click()
    # Its buttons are made by the run the opening starts.
    page.locator('[data-testid="stPopoverBody"] [data-testid="stDownloadButton"]').first.wait_for()
    settled(page)
    no_violations(axe_violations(page, axe_source, "page"))


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_map_page_on_a_phone_passes_axe(windows, server, axe_source, scheme):
    page = windows("phone", scheme)
    open_page(page, server, "", "ko")
    no_violations(page_and_maps(page, axe_source, ""))


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("lang", LANGS)
def test_the_offline_atlas_passes_axe(windows, offline_atlases, axe_source, lang, scheme):
    page = windows("laptop", scheme)
    # Written into a blank page rather than opened as file://, which the offline session's
    # guard against outside requests would abort.
    page.goto("about:blank")
    page.set_content(offline_atlases[lang])
    page.locator("path.leaflet-interactive").first.wait_for()
    page.evaluate("document.fonts.ready.then(() => true)")
    no_violations(axe_violations(page, axe_source, "offline atlas"))
