"""Helpers for tests that drive the atlas as its users do: AppTest sessions (as on a server
that is already running), an app server on a free port, offline Chromium pages, and the words
a page shows (to look for English on a Korean page).

Nothing here computes what a page should say: expected values belong in the tests, written
out by hand.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

from geo.style import HOLDER_FILL, LINE_STYLE

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-gpu", "--disable-sync"]
#: A map's frame, by the address of streamlit-folium's component (its title is the map's name).
MAP_FRAME = 'iframe[src*="/component/streamlit_folium.st_folium/"]'
#: What a map draws, as selectors of its SVG paths (the colours are geo.style's).
TREATY_LINE = f'path[stroke="{LINE_STYLE["treaty"]["color"]}"]'
CONTROL_LINE = f'path[stroke="{LINE_STYLE["de_facto"]["color"]}"]'
JAPANESE_LAND = f'path.leaflet-interactive[fill="{HOLDER_FILL["JP"]}"]'
RUSSIAN_LAND = f'path.leaflet-interactive[fill="{HOLDER_FILL["RU"]}"]'
#: Japan's islands of the story, whose tooltips name their holder (not Hokkaido, Honshu:
#: the land around them, class atlas-context, named only).
JAPANESE_ISLANDS = f"{JAPANESE_LAND}:not(.atlas-context)"
#: Every page of the app, by the path a link opens it with.
PAGES = {"": "pages/atlas.py", "compare": "pages/compare.py", "timeline": "pages/timeline.py",
         "treaties": "pages/treaties.py", "dispute": "pages/dispute.py", "sources": "pages/sources.py"}


# --- AppTest ------------------------------------------------------------------------------------

#: True while a session's first run is under way (see open_app).
_first_visit = False


def _served_pages_manager():
    from streamlit.runtime.pages_manager import PagesManager

    class ServedPagesManager(PagesManager):
        """Streamlit's page registry as on a server that has had its first visitor.

        AppTest resets the class flag ``PagesManager.uses_pages_directory`` before every run,
        so every run is a fresh server's first visit: widgets.page_setup clears the flag and
        reruns, and the click that caused the run is spent on the run it stops.  On a real
        server that happens once per process (tests/test_streamlit_private.py covers it): a
        session's first run here is such a visit, its later runs are not."""

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            if not _first_visit:
                PagesManager.uses_pages_directory = False

    return ServedPagesManager


@pytest.fixture
def running_server(monkeypatch):
    """AppTest runs as on a running server (see ServedPagesManager).  Import it and use
    ``pytestmark = pytest.mark.usefixtures("running_server")``."""
    from streamlit.testing.v1 import app_test

    monkeypatch.setattr(app_test, "PagesManager", _served_pages_manager())


@lru_cache(maxsize=1)
def _components():
    from streamlit.components.v2.component_manager import BidiComponentManager

    manager = BidiComponentManager()
    manager.discover_and_register_components(start_file_watching=False)
    return manager


def new_session():
    """A new AppTest session of the app (not yet run).  Installed components are looked up
    once for all sessions, not once per session (a scan of every package's metadata)."""
    from streamlit.testing.v1 import AppTest

    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    app._bidi_component_manager = _components()
    return app


def open_app(page: str | None = None, locale: str | None = "en-GB", **query):
    """A new session opened by a link to ``page`` (``pages/compare.py``; the map page if
    None) with ``query`` in the URL, on a server that has just started: the worst case,
    where the page first runs on its own (see widgets.page_setup).  ``locale`` is the
    browser's language: English unless said (the tests are written in English), None for a
    browser that sends none."""
    global _first_visit
    app = new_session()
    app.query_params.update(query)
    if locale:
        app.context["locale"] = locale
    if page is not None:
        app.switch_page(page)
    _first_visit = True
    try:
        app.run()
    finally:
        _first_visit = False
    return app


def markdown_of(app) -> str:
    """The Markdown of every text element of the page, joined."""
    return "\n".join(element.value for element in app.markdown)


@lru_cache(maxsize=1)
def _markdown_parser():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def render_markdown(markdown: str) -> str:
    """``markdown`` as HTML: CommonMark with tables and strikethrough (GitHub-flavoured
    Markdown, which Streamlit renders), by markdown-it-py, not by the atlas."""
    return _markdown_parser().render(markdown)


def read_markdown(markdown: str) -> str:
    """What a reader sees of ``markdown``: rendered (see render_markdown), tags dropped,
    entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", render_markdown(markdown)))


def page_texts(app, skip_links_and_quotes: bool = False) -> list[tuple[str, str]]:
    """(where, text) for every piece of text the page shows or offers on hover: titles,
    captions, Markdown (as read, see read_markdown), alerts, widget labels, options and help,
    expander labels.  With ``skip_links_and_quotes``, Markdown links (document titles) and
    block quotes (documents quoted in their own language) are left out."""
    from streamlit.testing.v1.element_tree import Block, ButtonGroup, Element, Widget

    def markdown(text: str) -> str:
        if skip_links_and_quotes:
            text = re.sub(r"^ {0,3}>.*$", "", text, flags=re.M)
            text = re.sub(r"\[(?:\\.|[^\]\\])*\]\([^)\s]*\)", " ", text)
        return read_markdown(text)

    found: list[tuple[str, str]] = []

    def walk(node) -> None:
        kind = type(node).__name__
        if isinstance(node, Block):
            label = getattr(node, "label", None) if kind == "Expander" else None
            if label:
                found.append((kind, markdown(label)))
            for child in node.children.values():
                walk(child)
            return
        if not isinstance(node, Element) or kind in ("UnknownElement", "Exception"):
            return
        for attribute in ("label", "help", "placeholder"):
            text = getattr(node, attribute, None)
            if isinstance(text, str) and text:
                found.append((f"{kind}.{attribute}", markdown(text)))
        if isinstance(node, ButtonGroup):
            found.extend((f"{kind}[{node.key}] option", option) for option in node.options)
        elif not isinstance(node, Widget):  # a text element, not a widget's value
            value = getattr(node, "value", None)
            if isinstance(value, str):
                # An st.html of style and script shows nothing (widgets.frame's typesetting).
                value = re.sub(r"<(style|script)\b.*?</\1>", " ", value, flags=re.S) if kind == "Html" else value
                found.append((kind, markdown(value)))

    walk(app._tree)
    return found


_JSON_STRING = r'("(?:[^"\\]|\\.)*")'


def _html_text(fragment: str) -> str:
    """The text of an HTML fragment, without links (document titles)."""
    return html.unescape(re.sub(r"<[^>]+>", " ", re.sub(r"<a\b.*?</a>", " ", fragment, flags=re.S)))


def map_texts(code: str) -> list[tuple[str, str]]:
    """(where, text) of what a map's script ``code`` shows as text: tooltips and popups of
    its features, its legend and attribution (all HTML, which the browser renders)."""
    found = []
    for where, pattern in (("map tooltip", r'"label":' + _JSON_STRING), ("map popup", r'"popup":' + _JSON_STRING),
                           ("map legend", r"innerHTML = " + _JSON_STRING),
                           ("map attribution", r"addAttribution\(" + _JSON_STRING)):
        found += [(where, _html_text(json.loads(literal))) for literal in re.findall(pattern, code)]
    return found


#: How a border line's tooltip ends: its kind, in English and Korean.
LINE_KINDS = ("Treaty border", "Line of control", "Border claimed", "조약상 국경선", "실효 지배선", "영유권 주장선")


def border_lines(code: str) -> str:
    """The tooltips of the border lines in a map's script ``code``, one a line
    ("50th parallel on Sakhalin — Treaty border")."""
    return "\n".join(text.strip() for where, text in map_texts(code)
                     if where == "map tooltip" and text.strip().endswith(LINE_KINDS))


def app_map_texts(app) -> list[tuple[str, str]]:
    """map_texts of every map of an AppTest page (base map and the year's layer)."""
    found = []
    for component in app.get("component_instance"):
        args = json.loads(component.proto.json_args)
        found += map_texts(args["script"]) + map_texts(args.get("feature_group") or "")
    return found


# --- Korean pages: English interface words ------------------------------------------------------

#: Latin words the English interface strings share with the Korean ones on purpose: formats,
#: names of data sets and licences, values typed in a URL, the Ctrl key as its keycap reads.
SHARED_WORDS = {"PNG", "PDF", "GIF", "HTML", "GSHHG", "Wessel", "Smith", "LGPL", "OpenStreetMap",
                "ru", "ja", "both", "lang", "ko", "en", "Ctrl"}
#: The language switch shows every language in its own name, and its label in every language.
LANGUAGE_SWITCH = ("언어 / Language", "English")


@lru_cache(maxsize=1)
def english_interface_words() -> frozenset[str]:
    """The words of the English interface (data/ui.yaml as committed, read as plain YAML),
    without placeholders and without SHARED_WORDS."""
    messages = yaml.safe_load((DATA / "ui.yaml").read_text(encoding="utf-8"))
    words = set()
    for texts in messages.values():
        words |= set(re.findall(r"[A-Za-z]{2,}", re.sub(r"\{\w+\}", " ", texts["en"])))
    return frozenset(words - SHARED_WORDS)


@lru_cache(maxsize=1)
def _document_titles() -> tuple[str, ...]:
    """Documents' own titles in their own languages (``native_title`` in treaties.yaml):
    titles of documents, which may stay as they are on a Korean page."""
    treaties = yaml.safe_load((DATA / "treaties.yaml").read_text(encoding="utf-8"))
    return tuple(title.strip() for treaty in treaties for title in str(treaty.get("native_title") or "").split(";")
                 if title.strip())


def _not_interface(text: str) -> str:
    """``text`` without what may be Latin on a Korean page: a hint in English on how to get
    English (``... ?lang=en``), URLs, file paths, licence identifiers (LGPL-3.0-or-later),
    documents' own titles, and names in parentheses ("(Russia Beyond)", "(Etorofu)")."""
    for title in _document_titles():
        text = text.replace(title, " ")
    text = re.sub(r"[^.!。]*\?lang=\w+", " ", text)                   # how to switch, in the other language
    text = re.sub(r"https?://\S+", " ", text)
    text = re.sub(r"[\w.-]*\w[/.]\w[\w./-]*", " ", text)              # data/treaties.yaml, prlib.ru
    text = re.sub(r"\b[\w.]*\d[\w.]*(?:-[\w.]+)+", " ", text)         # LGPL-3.0-or-later, BSD-2-Clause
    return re.sub(r"\([^()\uac00-\ud7a3]*\)", " ", text)              # parentheses with no Hangul


def english_on_korean_page(texts: Iterable[tuple[str, str]]) -> list[str]:
    """English interface words found in the (where, text) pieces of a Korean page, each as
    ``where: word in «context»``; empty if there is none."""
    vocabulary = english_interface_words()
    leaks = []
    for where, text in texts:
        if text in LANGUAGE_SWITCH or where.endswith("[lang] option"):
            continue
        cleaned = _not_interface(text.replace(LANGUAGE_SWITCH[0], " "))
        for match in re.finditer(r"[A-Za-z]{2,}", cleaned):
            if match[0] in vocabulary:
                context = cleaned[max(0, match.start() - 30):match.end() + 30].replace("\n", " ")
                leaks.append(f"{where}: {match[0]!r} in «{context}»")
    return leaks


# --- a real browser -----------------------------------------------------------------------------

def chromium_path() -> str | None:
    return os.environ.get("ATLAS_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class AppServer:
    url: str
    process: subprocess.Popen


@contextmanager
def app_server(script: Path = ROOT / "app.py", env: dict | None = None):
    """`streamlit run SCRIPT` on a free port; yields it once it answers its health check.
    ``url`` includes the path prefix of STREAMLIT_SERVER_BASE_URL_PATH, if ``env`` sets one."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", script.name, "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1"],
        cwd=script.parent, env={**os.environ, **(env or {})},
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    prefix = "/" + (env or {}).get("STREAMLIT_SERVER_BASE_URL_PATH", "").strip("/")
    url = f"http://127.0.0.1:{port}{'' if prefix == '/' else prefix}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                    if answer.read() == b"ok":
                        break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the app did not start: {process.stderr.read()[-2000:]}")
            time.sleep(0.25)
        yield AppServer(url, process)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def block_outside_network(context, hang: bool = False) -> list[str]:
    """Abort every request that leaves this machine (or, with ``hang``, never answer it, as
    a blocked network may); returns the list of what was tried."""
    tried: list[str] = []

    def route(request_route):
        host = request_route.request.url.split("/")[2].split(":")[0]
        if host in ("127.0.0.1", "localhost"):
            request_route.continue_()
        else:
            tried.append(request_route.request.url)
            if not hang:
                request_route.abort()

    context.route("**/*", route)
    return tried


@contextmanager
def offline_session(browser, **context_args):
    """One offline page for a whole module (a new browser context per test costs seconds):
    every request to another host is aborted; at the end nothing may have been asked of an
    outside host and no script error may have happened in the page."""
    context = browser.new_context(**{"viewport": {"width": 1400, "height": 1000}, **context_args})
    tried = block_outside_network(context)
    page = context.new_page()
    page.set_default_timeout(30_000)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        yield page
        assert tried == [], f"the atlas tried to reach outside hosts: {tried[:5]}"
        assert errors == [], errors
    finally:
        context.close()


def map_frame(page, index: int = 0):
    """The ``index``-th map's frame, once Leaflet has drawn into it."""
    frame = page.frame_locator(MAP_FRAME).nth(index)
    frame.locator("path.leaflet-interactive").first.wait_for()
    return frame


def leaflet(page, index: int = 0):
    """The ``index``-th map's own window (Leaflet's map is ``map_div`` there)."""
    return page.locator(MAP_FRAME).nth(index).element_handle().content_frame()


def settled_leaflet(page, index: int = 0, quiet_ms: int = 1000):
    """The ``index``-th map's window once the page has stopped redrawing it.

    On a page's first reruns st_folium may run the map's script again in the same frame: a new
    ``map_div``, fitted to the whole frame, replaces a view a test has just set.  The map is
    settled when Streamlit is idle and ``map_div`` is the same object ``quiet_ms`` later.
    """
    window = leaflet(page, index)

    def same_map_after_a_pause() -> bool:
        window.evaluate("window.__settling = map_div")
        page.wait_for_timeout(quiet_ms)
        return (page.locator('[data-testid="stStatusWidget"]').count() == 0
                and window.evaluate("window.__settling === map_div"))

    wait_until(same_map_after_a_pause, "the map was still being redrawn", page=page)
    return window


def hover_line(page, line, at: float = 0.25, frame_index: int = 0) -> None:
    """Move the mouse onto an SVG path of a map (a border line), ``at`` of the way along it:
    the middle of a line's box may be off the line, or under another shape."""
    x, y = line.evaluate("""(path, at) => {
        const point = path.getPointAtLength(path.getTotalLength() * at), m = path.getScreenCTM();
        return [point.x * m.a + point.y * m.c + m.e, point.x * m.b + point.y * m.d + m.f];
    }""", at)
    box = page.locator(MAP_FRAME).nth(frame_index).bounding_box()
    page.mouse.move(box["x"] + x, box["y"] + y, steps=4)


def wait_until(condition: Callable[[], object], message: str, timeout_s: float = 15, page=None):
    """Poll ``condition`` until it is true (returns its value); fail with ``message``."""
    deadline = time.monotonic() + timeout_s
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"{message} (waited {timeout_s} s)")
        if page is not None:
            page.wait_for_timeout(100)
        else:
            time.sleep(0.1)


_VISIBLE_TEXT = """() => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!element || element.closest('a, blockquote, script, style, noscript, [aria-hidden="true"]')) continue;
    if (!element.checkVisibility()) continue;
    const text = node.textContent.trim();
    if (text) out.push(text);
  }
  return out;
}"""


def visible_texts(page) -> list[tuple[str, str]]:
    """(where, text) for every visible piece of text in the page and its frames (the maps),
    links (document titles) and block quotes (documents quoted in their own language) left out."""
    from playwright.sync_api import Error as PlaywrightError

    found = []
    for frame in page.frames:
        where = "map" if "st_folium" in frame.url else "page"
        try:
            found += [(where, text) for text in frame.evaluate(_VISIBLE_TEXT)]
        except PlaywrightError:
            # A map's frame replaced while it was read (a rerun for new settings): not on the
            # page any more, so not read.
            if not frame.is_detached():
                raise
    return found
