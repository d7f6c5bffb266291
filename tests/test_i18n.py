"""English and Korean: every string in both, the Korean pages without English, place names."""

import re
import string

import pytest
from streamlit.testing.v1 import AppTest

import geo
from conftest import ROOT
from geo import i18n

PAGES = ["pages/atlas.py", "pages/compare.py", "pages/timeline.py", "pages/treaties.py",
         "pages/dispute.py", "pages/sources.py"]


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(i18n.strings()))
def test_every_string_exists_in_both_languages_with_the_same_placeholders(key):
    text = i18n.strings()[key]
    assert text.en.strip() and text.ko.strip()
    assert placeholders(text.en) == placeholders(text.ko), key


def page_text(page: str, lang: str) -> str:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    app.query_params["lang"] = lang
    app.query_params["year"] = "1946"
    app.run()
    if page != PAGES[0]:
        app.switch_page(page).run()
    assert not app.exception, app.exception
    widgets = [w.label for kind in ("slider", "button", "selectbox") for w in app.get(kind)]
    shown = [e.value for kind in ("title", "caption", "markdown", "subheader", "warning") for e in app.get(kind)]
    text = "\n".join(map(str, widgets + shown + [e.label for e in app.expander]))
    return CITATION.sub("", text)


# Source links cite documents by their own titles (often English): those are quoted names.
CITATION = re.compile(r"\[(?:\\.|[^\]\\])*\]\([^)]*\)")


# Interface strings a Korean page may show in English too: a bare year.
SAME_IN_BOTH = {"export_year"}


@pytest.mark.parametrize("page", PAGES)
def test_korean_pages_show_no_english_interface_text(page):
    text = page_text(page, "ko")
    english = [t.en for key, t in i18n.strings().items()
               if key not in SAME_IN_BOTH and t.en != t.ko and " " in t.en.strip() and "{" not in t.en]
    leaked = [e for e in english if e in text]
    assert not leaked, f"{page} shows English interface text in Korean: {leaked[:5]}"
    assert re.search("[가-힣]", text)


@pytest.mark.parametrize("page", PAGES)
def test_english_pages_show_no_korean_interface_text(page):
    text = page_text(page, "en")
    korean = [t.ko for key, t in i18n.strings().items() if t.en != t.ko and len(t.ko) > 3 and "{" not in t.ko]
    assert not [k for k in korean if k in text]


@pytest.mark.parametrize("requested, expected", [
    ("ko", "ko"), ("ko-KR", "ko"), ("KO", "ko"), ("en-GB", "en"), ("fr", "en"), ("", "en"), (None, "en"),
])
def test_language_from_a_request(requested, expected):
    assert i18n.language(requested) == expected


ITURUP = geo.islands().loc["iturup"]


@pytest.mark.parametrize("lang, style, expected", [
    ("en", "both", "Iturup / Etorofu (択捉島)"),
    ("en", "ru", "Iturup"),
    ("en", "ja", "Etorofu (択捉島)"),
    ("ko", "both", "이투루프섬 / 에토로후섬 (択捉島)"),
    ("ko", "ru", "이투루프섬"),
    ("ko", "ja", "에토로후섬 (択捉島)"),
])
def test_place_names_follow_the_switch(lang, style, expected):
    assert i18n.place_name(ITURUP, lang, style) == expected


def test_a_name_both_sides_share_is_given_once():
    assert i18n.place_name(geo.islands().loc["shikotan"], "en", "both") == "Shikotan (色丹島)"


@pytest.mark.parametrize("style, shown, hidden", [("ja", "Etorofu", "Iturup"), ("ru", "Iturup", "Etorofu")])
def test_map_tooltips_use_the_chosen_names(style, shown, hidden):
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    app.query_params["names"] = style
    app.query_params["year"] = "1990"
    app.run()
    (component,) = app.get("component_instance")
    layer = component.proto.json_args
    assert shown in layer and hidden not in layer
