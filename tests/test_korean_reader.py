"""Every page of the atlas in Korean, read in a real browser as a Korean pupil reads it: no
English interface word (the atlas's own, Leaflet's controls, the tab's title), the page and
the map marked as Korean, lines broken between words, no slanted Hangul, and every quoted
article readable in Korean, its translation first.  The offline atlas likewise.

Expected values are written out by hand or read from the data files as plain YAML, never
from the atlas's own text functions.  One app server for the module.
"""

import re

import pytest
import yaml
from browser import (
    DATA,
    MAP_FRAME,
    chromium_path,
    english_on_korean_page,
    map_frame,
    offline_session,
    visible_texts,
    wait_until,
)
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(chromium_path() is None, reason="needs Chromium (scripts/test.sh installs it)"),
]

TITLE = "쿠릴 열도·사할린 국경 지도"
#: Each page, opened in Korean, and its heading.
#: Each page's title in the browser: the page's name in the sidebar, then the atlas's.
PAGE_TITLES = {"?year=1905": "지도 · 쿠릴 열도·사할린 국경 지도",
               "compare?year=1855&compare=1956": "두 해 비교 · 쿠릴 열도·사할린 국경 지도",
               "compare?year=1960&compare=1960&view=jp&compare_view=ru": "두 해 비교 · 쿠릴 열도·사할린 국경 지도",
               "timeline": "연표 · 쿠릴 열도·사할린 국경 지도",
               "treaties": "조약 모음 · 쿠릴 열도·사할린 국경 지도",
               "dispute": "오늘날의 영토 분쟁 · 쿠릴 열도·사할린 국경 지도",
               "sources": "출처와 라이선스 · 쿠릴 열도·사할린 국경 지도"}
KOREAN_PAGES = {
    "?year=1905": "쿠릴 열도·사할린 국경 지도",
    "compare?year=1855&compare=1956": "두 해 비교",
    # Japan's maps beside Russia's: the viewpoints' words, names and lines.
    "compare?year=1960&compare=1960&view=jp&compare_view=ru": "두 해 비교",
    "timeline": "연표",
    "treaties": "조약 모음",
    "dispute": "오늘날의 영토 분쟁",
    "sources": "출처와 라이선스",
}
#: Words Leaflet writes in its own controls unless told otherwise.
LEAFLET_WORDS = {"Zoom", "in", "out", "mi", "ft"}
#: Streamlit's own labels for screen readers, which it does not let an app translate
#: (https://github.com/streamlit/streamlit/issues/1353): its sidebar, page list, heading
#: anchors, help icons, and the title of a component's frame.
STREAMLIT_LABELS = re.compile(r"^(App pages|Collapse sidebar|Expand sidebar|Sidebar|Link to heading|Help for .*"
                              r"|streamlit_folium\.st_folium)$")

#: What the browser offers on hover or reads aloud: titles and labels of visible elements.
_ATTRIBUTE_TEXTS = """() => [...document.querySelectorAll('[title], [aria-label], [placeholder]')]
  .filter(element => element.checkVisibility())
  .flatMap(element => ['title', 'aria-label', 'placeholder'].map(name => element.getAttribute(name)))
  .filter(text => text && text.trim())"""


@pytest.fixture(scope="module")
def page(browser):
    with offline_session(browser, locale="ko-KR") as offline:
        yield offline


def open_korean(page, server, path: str, heading: str) -> None:
    separator = "&" if "?" in path else "?"
    page.goto(f"{server}/{path}{separator}lang=ko")
    page.get_by_role("heading", name=heading, exact=True).first.wait_for()
    if path.startswith(("?", "compare")):
        map_frame(page)


def attribute_texts(page) -> list[tuple[str, str]]:
    found = []
    for frame in page.frames:
        if not frame.is_detached():
            where = "map" if "st_folium" in frame.url else "page"
            found += [(f"{where} attribute", text) for text in frame.evaluate(_ATTRIBUTE_TEXTS)
                      if not STREAMLIT_LABELS.match(text)]
    return found


def leaflet_words(texts: list[tuple[str, str]]) -> list[str]:
    return [f"{where}: {text!r}" for where, text in texts
            if set(re.findall(r"[A-Za-z]+", text)) & LEAFLET_WORDS]


@pytest.mark.parametrize("path, heading", KOREAN_PAGES.items())
def test_a_korean_page_shows_no_english(server, page, path, heading):
    open_korean(page, server, path, heading)
    texts = visible_texts(page) + attribute_texts(page)
    assert english_on_korean_page(texts) == []
    assert leaflet_words(texts) == []
    assert page.title() == PAGE_TITLES[path]


@pytest.mark.parametrize("path, heading", [("?year=1905", TITLE), ("treaties", "조약 모음")])
def test_the_page_and_its_map_are_marked_as_korean(server, page, path, heading):
    open_korean(page, server, path, heading)
    wait_until(lambda: page.evaluate("document.documentElement.lang") == "ko", "<html lang> is not ko", page=page)
    if path.startswith("?"):
        frame = page.locator(MAP_FRAME).first.element_handle().content_frame()
        assert frame.evaluate("document.documentElement.lang") == "ko"


def test_the_maps_controls_speak_korean_and_measure_in_kilometres(server, page):
    open_korean(page, server, "?year=1905", TITLE)
    frame = map_frame(page)
    expect(frame.locator(".leaflet-control-zoom-in")).to_have_attribute("title", "확대")
    expect(frame.locator(".leaflet-control-zoom-out")).to_have_attribute("title", "축소")
    scale = frame.locator(".leaflet-control-scale-line")
    expect(scale).to_have_count(1)
    assert re.fullmatch(r"\d+ k?m", scale.inner_text().strip()), scale.inner_text()


def test_korean_breaks_lines_between_words_and_is_never_slanted(server, page):
    open_korean(page, server, "?year=1956", TITLE)
    style = page.evaluate("""() => {
        const paragraph = [...document.querySelectorAll('[data-testid="stMarkdownContainer"] p')]
            .find(p => /[가-힣]{2,} [가-힣]{2,}/.test(p.textContent));
        const emphasis = [...document.querySelectorAll('[data-testid="stMarkdownContainer"] em')]
            .find(em => /[가-힣]/.test(em.textContent));
        return {wordBreak: getComputedStyle(paragraph).wordBreak,
                emphasis: emphasis && getComputedStyle(emphasis).fontStyle};
    }""")
    # 1956: the panel says what each side cites the Joint Declaration for, in emphasis.
    assert style == {"wordBreak": "keep-all", "emphasis": "normal"}


def quoted_articles() -> list[dict]:
    """Every quoted article of treaties.yaml that is not written in Korean, read as plain YAML."""
    treaties = yaml.safe_load((DATA / "treaties.yaml").read_text(encoding="utf-8"))
    return [quote for treaty in treaties for quote in treaty.get("quotes", []) if quote["language"] != "ko"]


def test_every_quoted_article_is_given_in_korean_before_the_original(server, page):
    open_korean(page, server, "treaties", "조약 모음")
    # Every document is in an expander: its text is on the page, folded.
    headings = page.locator('[data-testid="stMarkdownContainer"] strong').evaluate_all(
        "elements => elements.map(element => element.textContent)")
    translations = [i for i, text in enumerate(headings)
                    if re.search(r" · 한국어 번역(\(이 지도의 번역\)|: .+)$", text)]
    originals = [i for i, text in enumerate(headings) if re.search(r" 인용\([^)]+어\)$", text)]
    assert len(translations) == len(originals) == len(quoted_articles())
    assert all(translation + 1 == original for translation, original in zip(translations, originals))
    # The Treaty of Shimoda's Article 2 reads first in Korean.
    assert "제2조 · 한국어 번역(이 지도의 번역)" in headings
    assert not any("원문" in headings[i] for i in translations)


def test_the_offline_atlas_reads_as_korean(page):
    import geo
    from geo import export

    page.set_content(export.html(geo.current(), "ko").decode("utf-8"))
    page.locator("path.leaflet-interactive").first.wait_for()
    assert page.evaluate("document.documentElement.lang") == "ko"
    assert page.title() == TITLE
    # Periods named by the years of the treaties that drew their lines.
    buttons = page.locator(".atlas-periods button").all_inner_texts()
    assert buttons[:2] == ["1855~1875년", "1875~1905년"] and buttons[-1] == "1945년~현재"
    page.get_by_role("button", name="1875~1905년").click()
    expect(page.get_by_text("상트페테르부르크 조약").first).to_be_visible()
    texts = visible_texts(page) + attribute_texts(page)
    assert english_on_korean_page(texts) == [] and leaflet_words(texts) == []
    expect(page.locator(".leaflet-control-zoom-in")).to_have_attribute("title", "확대")
