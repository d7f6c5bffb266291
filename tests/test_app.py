"""The map page and what every page shares, through AppTest (no browser): the year in the URL,
the slider, the treaty panel, the map's layers, the switches, bad values in the URL, broken
data, downloads, the treaty library and the timeline's links to the map.

Sessions run as on a server that is already running (browser.running_server); their first
run is a fresh server's first visit.  Expected values are written out by hand from the
sources (dates, titles, names), never computed with the atlas's own text functions.
"""

import datetime as dt
import io
import json
import re

import pytest
import yaml
from browser import (
    DATA,
    app_map_texts,
    border_lines,
    english_on_korean_page,
    markdown_of,
    open_app,
    page_texts,
    read_markdown,
    render_markdown,
    running_server,  # noqa: F401  (fixture)
)
from PIL import Image

pytestmark = pytest.mark.usefixtures("running_server")
THIS_YEAR = dt.date.today().year


def panel(app) -> str:
    """The text beside and under the map, as a reader sees it."""
    return read_markdown(markdown_of(app))


def map_args(app) -> dict:
    (component,) = app.get("component_instance")
    return json.loads(component.proto.json_args)


def year_lines(app) -> str:
    """The tooltips of the year's border lines, one a line."""
    return border_lines(map_args(app)["feature_group"])


def replace_once(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{path.name}: {old!r} is not there once; the data changed, update the test"
    path.write_text(text.replace(old, new), encoding="utf-8")


# --- the year -----------------------------------------------------------------------------------

@pytest.mark.parametrize("year, treaty, lines, not_lines", [
    ("1855", "Treaty of Shimoda", ["Friza (Vries) Strait"], ["La Pérouse"]),
    ("1880", "Treaty of Saint Petersburg", ["La Pérouse (Sōya) Strait", "First Kuril Strait"], ["Friza", "50th"]),
    ("1922", "Treaty of Portsmouth", ["50th parallel on Sakhalin", "First Kuril Strait"], ["La Pérouse"]),
    ("1990", "Yalta Agreement",
     ["La Pérouse (Sōya) Strait — Line of control", "Nemuro Strait", "the 1855 line Japan claims"],
     ["50th", "First Kuril"]),
])
def test_a_year_in_the_url_opens_that_year(year, treaty, lines, not_lines):
    app = open_app(year=year)
    assert not app.exception, [e.value for e in app.exception]
    assert app.slider(key="year").value == int(year)
    assert treaty in panel(app)
    shown = year_lines(app)
    assert all(line in shown for line in lines), shown
    assert not any(line in shown for line in not_lines), shown


def test_the_slider_moves_map_and_panel_together_on_a_base_map_that_stays_the_same():
    app = open_app()
    assert app.slider(key="year").value == 1855  # the first treaty
    assert "Treaty of Shimoda" in panel(app) and "Friza (Vries) Strait" in year_lines(app)
    base = map_args(app)["script"]
    app.slider(key="year").set_value(1905).run()
    assert "Treaty of Portsmouth" in panel(app) and "Treaty of Shimoda" not in panel(app)
    assert "50th parallel on Sakhalin" in year_lines(app) and "Friza" not in year_lines(app)
    # The base map is the same script every year (the browser keeps it, with the user's zoom),
    # and it loads Leaflet from the app itself, not from a CDN.
    assert map_args(app)["script"] == base
    links = map_args(app)["js_links"] + map_args(app)["css_links"]
    assert links and all(link.startswith("/app/static/") for link in links), links


def test_treaty_years_are_one_tap_away():
    app = open_app(year="1900")
    years = set(app.button_group(key="treaty_year").options)
    # Shimoda, Saint Petersburg, Portsmouth, Peking, the end of the war, San Francisco, the Joint Declaration.
    assert {1855, 1875, 1905, 1925, 1945, 1951, 1956} <= {int(year) for year in years}
    app.button_group(key="treaty_year").set_value(1875).run()
    assert app.slider(key="year").value == 1875
    assert "Treaty of Saint Petersburg" in panel(app) and "La Pérouse (Sōya) Strait" in year_lines(app)


def test_the_panel_dates_a_treaty_in_both_calendars():
    app = open_app(year="1856")
    # Shimoda: 7 February 1855, 26 January 1855 in the Julian calendar Russia used.
    assert "7 February 1855" in panel(app) and "26 January 1855" in panel(app)
    assert "(https://www.spf.org/islandstudies/" in markdown_of(app)  # the quoted article's source


def test_korean_interface():
    app = open_app(year="1905", lang="ko")
    assert not app.exception
    assert app.slider(key="year").label == "연도"
    text = panel(app)
    # Portsmouth: 5 September 1905, 23 August 1905 (Julian).
    assert "포츠머스 조약" in text and "1905년 9월 5일" in text and "1905년 8월 23일" in text
    assert "사할린의 북위 50도선" in year_lines(app)
    # No English interface word (tests/test_pages.py looks at every page in more states).
    assert english_on_korean_page(page_texts(app, skip_links_and_quotes=True) + app_map_texts(app)) == []


# --- the switches -------------------------------------------------------------------------------

def test_language_and_place_name_switches_write_the_url():
    app = open_app(year="1950")
    app.button_group(key="lang").set_value("ko").run()
    assert app.query_params["lang"] == "ko"
    assert app.slider(key="year").label == "연도"
    app.button_group(key="names").set_value("ja").run()
    assert app.query_params["names"] == "ja"
    tooltips = "\n".join(text for _, text in app_map_texts(app))
    assert "에토로후섬 (択捉島)" in tooltips and "이투루프" not in tooltips  # Iturup, in Japanese
    assert app.query_params["year"] == "1950"


@pytest.mark.parametrize("locale, title", [
    (None, "쿠릴 열도·사할린 국경 지도"),  # a browser that names no language: Korean, the atlas's first
    ("ja-JP", "쿠릴 열도·사할린 국경 지도"),  # a language the atlas does not have: Korean too
    ("en-US", "Kuril and Sakhalin border atlas"),
    ("ko-KR", "쿠릴 열도·사할린 국경 지도"),
])
def test_korean_is_the_first_language(locale, title):
    app = open_app(locale=locale)
    assert app.title[0].value == title


# --- bad values in the URL ----------------------------------------------------------------------

@pytest.mark.parametrize("query, message, year", [
    ({"year": "abc"}, f"“abc” is not a year the atlas covers (1855–{THIS_YEAR}); showing 1855 instead.", 1855),
    ({"year": "3000"}, f"“3000” is not a year the atlas covers (1855–{THIS_YEAR}); showing 1855 instead.", 1855),
    ({"year": "1905.5"}, f"“1905.5” is not a year the atlas covers (1855–{THIS_YEAR}); showing 1905 instead.", 1905),
    ({"lang": "xx"}, "The atlas has no language “xx”; it is shown in English.", 1855),
    ({"names": "kanji"}, "“kanji” is not a choice of place names (ru, ja or both); showing both.", 1855),
])
def test_a_bad_value_in_the_url_gets_a_short_message_and_a_default(query, message, year):
    app = open_app(**query)
    assert not app.exception, [e.value for e in app.exception]
    (warning,) = app.warning
    assert read_markdown(warning.value).startswith(message)
    assert len(read_markdown(warning.value)) < 160
    assert app.slider(key="year").value == year
    assert app.slider(key="year").label == "Year" and "Treaty of" in panel(app)
    assert app.button_group(key="names").value == "both"


# --- broken data --------------------------------------------------------------------------------

def break_data(folder) -> None:
    """Two problems in two files, one of them Markdown and HTML that must show as typed."""
    (folder / "borders.geojson").write_text("{not json", encoding="utf-8")
    replace_once(folder / "events.yaml", "date: 1891-05-11", 'date: "[x](https://example.com) <b>bold</b>"')


def assert_problem_list(app) -> None:
    assert not app.exception, [e.value for e in app.exception]
    (error,) = app.error
    html = render_markdown(error.value)
    shown = read_markdown(error.value)
    assert "The atlas cannot load its data" in shown and "지도 데이터를 불러올 수 없습니다" in shown
    assert "borders.geojson" in shown  # the file
    assert "events.yaml, event otsu_incident_1891" in shown  # the file and the record
    assert "[x](https://example.com) <b>bold</b>" in shown, "the value is not shown as typed"
    assert "<a " not in html and "<b>" not in html
    assert not app.slider and not app.get("component_instance")


def test_broken_data_shows_every_problem_and_no_traceback(data_copy):
    break_data(data_copy)
    assert_problem_list(open_app(year="1905"))


def test_data_broken_between_two_steps_of_a_session_shows_the_problems_and_comes_back(data_copy):
    app = open_app(year="1905")
    break_data(data_copy)
    app.slider(key="year").set_value(1906).run()
    assert_problem_list(app)
    for name in ("borders.geojson", "events.yaml"):
        (data_copy / name).write_bytes((DATA / name).read_bytes())
    app.run()
    assert not app.exception and not app.error
    # (AppTest does not write the slider's year into its URL as a browser does: the page
    # comes back at the URL's year; tests/test_browser.py checks the browser keeps 1906.)
    assert app.slider(key="year").value == int(app.query_params["year"])
    assert "Treaty of Portsmouth" in panel(app) and year_lines(app)


# --- downloads ----------------------------------------------------------------------------------

@pytest.fixture
def downloads(monkeypatch):
    """The files behind the page's download buttons, by file name: the functions Streamlit
    calls when a button is clicked, kept as the page registers them."""
    from streamlit.testing.v1 import app_test

    registered = {}

    class Recording(app_test.MediaFileManager):
        def add_deferred(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
            registered[file_name] = data_callable
            return super().add_deferred(data_callable, mimetype, coordinates, file_name, **kwargs)

    monkeypatch.setattr(app_test, "MediaFileManager", Recording)
    return registered


def pdf_text(data: bytes) -> str:
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    return "\n".join(page.get_textpage().get_text_range() for page in document).replace("\xa0", " ")


def test_downloads_follow_the_data_after_an_edit(data_copy, downloads):
    """A teacher fixes a title: the picture, the handout and the offline atlas say the new
    one, in the very session that had downloaded them with the old one (the files are kept
    for all sessions of the server, so a new session would get the same)."""
    app = open_app(year="1905")
    app.session_state["downloads"] = True  # the popover opened: its buttons are made
    app.run()
    files = {name: downloads[name]() for name in ("atlas-1905-en.png", "atlas-1905-en.pdf", "atlas-en.html")}
    assert Image.open(io.BytesIO(files["atlas-1905-en.png"])).text["Title"] == "1905 · Treaty of Portsmouth"
    assert "Treaty of Portsmouth · signed 5 September 1905" in pdf_text(files["atlas-1905-en.pdf"])
    assert "Treaty of Portsmouth" in files["atlas-en.html"].decode("utf-8")

    replace_once(data_copy / "treaties.yaml", "title: {en: Treaty of Portsmouth,", "title: {en: Peace of Portsmouth,")
    app.run()
    assert "Peace of Portsmouth" in panel(app)
    png = Image.open(io.BytesIO(downloads["atlas-1905-en.png"]()))
    assert png.text["Title"] == "1905 · Peace of Portsmouth"
    assert png.tobytes() != Image.open(io.BytesIO(files["atlas-1905-en.png"])).tobytes()  # the title drawn
    assert "Peace of Portsmouth · signed 5 September 1905" in pdf_text(downloads["atlas-1905-en.pdf"]())
    assert "Peace of Portsmouth" in downloads["atlas-en.html"]().decode("utf-8")


# --- the treaty library and the timeline --------------------------------------------------------

def test_the_treaty_library_lists_every_treaty_of_the_data():
    treaties = yaml.safe_load((DATA / "treaties.yaml").read_text(encoding="utf-8"))
    app = open_app("pages/treaties.py")
    assert not app.exception
    labels = [read_markdown(expander.label).strip() for expander in app.expander]
    for treaty in treaties:
        title = treaty["title"]["en"]
        assert any(str(treaty["date"].year) in label and title in label for label in labels), (title, labels)
    text = panel(app)
    assert "7 February 1855" in text and "26 January 1855" in text  # Shimoda, in both calendars


def test_a_treaty_title_with_markdown_shows_as_written_in_the_library(data_copy):
    title = "**Bold** _it_ [link](https://example.com) `code` :red[red] <b>tag</b>"
    replace_once(data_copy / "treaties.yaml", "title: {en: Treaty of Portsmouth,", f"title: {{en: '{title}',")
    app = open_app("pages/treaties.py")
    assert not app.exception
    (label,) = [expander.label for expander in app.expander if "1905" in expander.label]
    assert title in read_markdown(label)
    html = render_markdown(label)
    assert not re.search(r"<(strong|em|a|code|b)\b", html), html


def test_the_timelines_show_on_map_keeps_language_and_place_names():
    app = open_app("pages/timeline.py", lang="ko", names="ja")
    assert not app.exception
    button = next(button for button in app.button if button.label == "1905년 지도 보기")
    button.click().run()
    assert not app.exception
    assert app.slider(key="year").value == 1905
    assert {key: app.query_params[key] for key in ("lang", "names", "year")} == {
        "lang": "ko", "names": "ja", "year": "1905"}
    assert "포츠머스 조약" in panel(app)
    tooltips = "\n".join(text for _, text in app_map_texts(app))
    assert "에토로후섬 (択捉島)" in tooltips and "이투루프" not in tooltips


def _timeline_titles(app) -> str:
    return read_markdown(markdown_of(app))


def test_the_timeline_filters_by_period_and_kind():
    app = open_app("pages/timeline.py")
    everything = _timeline_titles(app)
    assert "Dembei" in everything and "Treaty of Shimoda: the first" in everything
    app.selectbox(key="era").set_value("before").run()
    before = _timeline_titles(app)
    assert "Dembei" in before and "Treaty of Shimoda: the first" not in before   # 1701 is before the first treaty
    app.selectbox(key="era").set_value("portsmouth").run()
    app.button_group(key="kinds").set_value(["war"]).run()
    shown = _timeline_titles(app)
    assert "Japan's Siberian intervention" in shown                              # 1918: a war, in 1905–1919
    assert "Treaty of Portsmouth" not in shown                                    # a treaty, not a war
    assert "Nomonhan" not in shown and "Khalkhin" not in shown                    # 1939: another period


def test_an_event_at_a_place_on_the_map_opens_there():
    app = open_app("pages/timeline.py")
    button = app.button(key="show-shumshu_landing_1945")
    button.click().run()
    assert app.slider(key="year").value == 1945 and app.query_params["event"] == "shumshu_landing_1945"
    layer = map_args(app)["feature_group"]
    assert '"shumshu_landing_1945"' in layer and "openPopup" in layer


def test_an_event_not_on_the_map_is_explained_and_ignored():
    app = open_app(year="1945", event="<b>no such event</b>")
    assert not app.exception
    (warning,) = app.warning
    assert "is not an event of the map" in warning.value and "<b>" not in render_markdown(warning.value)
    assert "openPopup" not in map_args(app)["feature_group"]
