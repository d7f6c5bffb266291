"""The reading pages (the dispute today, the sources) and the Korean interface of every page,
through AppTest.

A Korean page may show Latin letters only where they are not interface words: titles of
documents (links), documents quoted in their own language, URLs and file names, names in
parentheses, the formats PNG/PDF/GIF/HTML and the language switch's "English".  The check
(browser.english_on_korean_page) looks for the words of the English interface in what a
Korean page shows, so a Korean string left in English (with or without placeholders) is
found wherever a page shows it.
"""

import re

import pytest
import yaml
from browser import (
    DATA,
    app_map_texts,
    english_on_korean_page,
    map_texts,
    markdown_of,
    open_app,
    page_texts,
    read_markdown,
    running_server,  # noqa: F401  (fixture)
)

pytestmark = pytest.mark.usefixtures("running_server")

#: What a Korean reader meets: each page, in states that bring out its messages.
#: (page, query, years the map page's slider is then moved to)
KOREAN_VISITS = [
    # Bad names: the message.  1922: northern Sakhalin occupied; 1860: Sakhalin shared;
    # 1950: land held by one side and claimed by the other, milestones since 1945.
    (None, {"year": "1922", "names": "kanji"}, [1860, 1950]),
    (None, {"lang": "xx"}, []),                                       # a browser in Korean, a bad language
    ("pages/compare.py", {"year": "1906", "compare": "1910"}, []),   # nothing changed, same treaty
    ("pages/compare.py", {"year": "1855", "compare": "19O5"}, []),   # a bad year: the message; every change
    ("pages/timeline.py", {}, []),
    ("pages/treaties.py", {}, []),
    ("pages/dispute.py", {}, []),
    ("pages/sources.py", {}, []),
]


def korean_texts(visits=KOREAN_VISITS) -> list[tuple[str, str]]:
    texts = []
    for page, query, years in visits:
        app = open_app(page, locale="ko-KR", **{"lang": "ko", **query})
        assert not app.exception, [e.value for e in app.exception]
        name = page or "pages/atlas.py"
        for year in [None, *years]:
            if year is not None:
                app.slider(key="year").set_value(year).run()
            shown = page_texts(app, skip_links_and_quotes=True) + app_map_texts(app)
            texts += [(f"{name} {year or ''} {where}", text) for where, text in shown]
    return texts


def test_korean_pages_show_no_english_interface_word():
    texts = korean_texts()
    shown = "\n".join(text for _, text in texts)
    # The visits did bring out the messages they are for, and the maps' legends.
    assert "“kanji”" in shown and "“19O5”" in shown and "“xx”" in shown
    assert "점령" in shown  # "occupied", 1922
    assert "범례" in shown  # "legend"
    assert english_on_korean_page(texts) == []


def test_the_korean_offline_atlas_has_no_english_interface_word():
    from html.parser import HTMLParser

    import geo
    from geo import export

    page = export.html(geo.current(), "ko").decode("utf-8")

    class Text(HTMLParser):
        skipped = ("script", "style", "a", "blockquote", "title")

        def __init__(self):
            super().__init__()
            self.depth, self.texts = 0, []

        def handle_starttag(self, tag, attrs):
            self.depth += tag in self.skipped

        def handle_endtag(self, tag):
            self.depth -= tag in self.skipped

        def handle_data(self, data):
            if not self.depth and data.strip():
                self.texts.append(("offline atlas", data.strip()))

    parser = Text()
    parser.feed(page)
    texts = parser.texts + map_texts(page)
    assert any("시기" in text for _, text in texts)  # "periods"
    assert english_on_korean_page(texts) == []


def test_the_check_finds_korean_strings_left_in_english_placeholders_and_all(data_copy):
    """Korean strings with placeholders set to their English text, as a translator who missed
    them would leave them: each is found where its page shows it."""
    ui = data_copy / "ui.yaml"
    messages = yaml.safe_load(ui.read_text(encoding="utf-8"))
    seeded = {"show_on_map": "Show", "held_by_occupied": "Occupied", "bad_names": "choice",
              "compare_changes": "changed", "events_nearby": "Around"}
    for key in seeded:
        assert "{" in messages[key]["en"], f"{key} has no placeholder: choose another"
        messages[key]["ko"] = messages[key]["en"]
    ui.write_text(yaml.safe_dump(messages, allow_unicode=True, sort_keys=False), encoding="utf-8")
    leaks = english_on_korean_page(korean_texts([
        (None, {"year": "1922", "names": "kanji"}, []),
        ("pages/compare.py", {"year": "1906", "compare": "1945"}, []),
        ("pages/timeline.py", {}, []),
    ]))
    for key, word in seeded.items():
        assert any(f"{word!r} in" in leak for leak in leaks), f"{key} left in English was not found: {leaks}"


@pytest.mark.parametrize("lang, japan, russia, since", [
    ("en", "Japan's position", "Russian Federation's position", "Where things stand"),
    ("ko", "일본의 입장", "러시아 연방의 입장", "현재 상황"),
])
def test_dispute_page_sets_both_sides_of_each_argument_side_by_side_with_their_sources(lang, japan, russia, since):
    app = open_app("pages/dispute.py", lang=lang)
    assert not app.exception
    assert since in read_markdown(markdown_of(app))          # where the dispute stands today, dated
    columns = [markdown_of(column) for column in app.columns]
    assert len(columns) >= 2 * 8 and len(columns) % 2 == 0     # every main argument: both sides
    for left, right in zip(columns[::2], columns[1::2]):
        assert read_markdown(left).startswith(japan) and read_markdown(right).startswith(russia)
        assert "](http" in left and "](http" in right          # each side with its sources
        # Each side in its own words: Japan's from its government's pages, not Russia's, and the reverse.
        assert "mid.ru" not in left and "kremlin.ru" not in left
        assert "mofa.go.jp" not in right and "cas.go.jp" not in right


def test_sources_page_names_every_data_file_with_its_licence():
    app = open_app("pages/sources.py")
    assert not app.exception
    shown = read_markdown(markdown_of(app))
    # Files that hold the interface, not facts, and the folder's own notes (and style guide).
    not_data = {"ui.yaml", "languages.yaml", "datasets.yaml", "README.md", "STYLE.ko.md", "LICENSE-coastline.md"}
    missing = [path.name for path in sorted(DATA.iterdir()) if path.name not in not_data
               and f"data/{path.name}" not in shown]
    assert missing == [], f"not on the Sources page: {missing}"
    assert re.search(r"data/coastline\.geojson · Licence: LGPL-3\.0-or-later", shown)
    assert re.search(r"static/leaflet/ · Licence: BSD-2-Clause", shown)
    assert "How the sea borders are drawn" in shown
