"""The Streamlit app without a browser (AppTest): slider, treaty panel, map layers, bad input."""

import json
import time

import pytest
from streamlit.testing.v1 import AppTest

from conftest import ROOT


def run_app(**query) -> AppTest:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for name, value in query.items():
        app.query_params[name] = value
    return app.run()


def map_args(app: AppTest) -> dict:
    (component,) = app.get("component_instance")
    return json.loads(component.proto.json_args)


def panel(app: AppTest) -> str:
    return "\n".join(m.value for m in app.markdown)


@pytest.mark.parametrize("year, treaty, line", [
    ("1855", "Treaty of Shimoda", "shimoda_friza_strait"),
    ("1880", "Treaty of Saint Petersburg", "saint_petersburg_la_perouse_strait"),
    ("1905", "Treaty of Portsmouth", "portsmouth_50th_parallel"),
    ("1922", "Treaty of Portsmouth", "portsmouth_50th_parallel"),
    ("1990", "Yalta", "line_of_control_nemuro_goyomai"),
])
def test_year_in_url_opens_that_year(year, treaty, line):
    app = run_app(year=year)
    assert not app.exception
    assert app.slider[0].value == int(year)
    assert treaty in panel(app)
    assert line in map_args(app)["feature_group"]


def test_slider_moves_map_and_treaty_together():
    app = run_app()
    assert app.slider[0].value == 1855
    assert "Treaty of Shimoda" in panel(app)
    app.slider[0].set_value(1905).run()
    assert "Treaty of Portsmouth" in panel(app)
    layer = map_args(app)["feature_group"]
    assert "portsmouth_50th_parallel" in layer and "shimoda_friza_strait" not in layer


def test_treaty_year_buttons_jump():
    app = run_app()
    app.button(key="jump-1875").click().run()
    assert app.slider[0].value == 1875
    assert "Treaty of Saint Petersburg" in panel(app)


def test_base_map_is_the_same_every_year_and_uses_bundled_leaflet():
    """A fixed base map keeps the user's zoom; the year's layer is what changes."""
    first, later = run_app(year="1855"), run_app(year="1990")
    assert map_args(first)["script"] == map_args(later)["script"]
    assert map_args(first)["feature_group"] != map_args(later)["feature_group"]
    links = map_args(first)["js_links"] + map_args(first)["css_links"]
    assert links and all(link.startswith("/app/static/") for link in links)


def test_panel_shows_dates_in_both_calendars_and_sources():
    text = panel(run_app(year="1856"))
    assert "7 February 1855" in text and "26 January 1855" in text
    assert "https://www.spf.org/islandstudies" in text


def test_korean_interface():
    app = run_app(year="1905", lang="ko")
    assert not app.exception
    assert "포츠머스 조약" in panel(app)
    assert app.slider[0].label == "연도"


@pytest.mark.parametrize("value, shown", [("abc", 1855), ("1700", 1855), ("3000", 1855), ("", 1855),
                                          ("19O5", 1855), ("1905.5", 1905), ("<script>alert(1)</script>", 1855)])
def test_bad_year_in_url_explains_and_shows_a_default(value, shown):
    app = run_app(year=value)
    assert not app.exception
    assert app.slider[0].value == shown
    (warning,) = app.warning
    assert "not a year the atlas covers" in warning.value


def test_unknown_language_falls_back_with_a_message():
    app = run_app(lang="xx")
    assert not app.exception
    assert "Treaty of Shimoda" in panel(app)
    assert any("no language" in w.value for w in app.warning)


def test_broken_data_shows_every_problem_not_a_traceback(data_copy):
    (data_copy / "borders.geojson").write_text("{not json", encoding="utf-8")
    events = data_copy / "events.yaml"
    events.write_text(events.read_text(encoding="utf-8").replace("date: 1891-05-11", 'date: "[x](y)"'),
                      encoding="utf-8")
    app = run_app(year="1905")
    assert not app.exception
    (error,) = app.error
    shown = error.value.replace("\\", "")  # the message is escaped Markdown
    assert "borders.geojson: not valid GeoJSON" in shown
    assert "events.yaml, event otsu_incident_1891: 'date' '[x](y)' is not a date" in shown
    assert "[x](y)" not in error.value  # shown as text, not as a link


def test_the_app_picks_up_edited_data_without_a_restart(data_copy):
    app = run_app(year="1905")
    assert "Treaty of Portsmouth" in panel(app)
    treaties = data_copy / "treaties.yaml"
    treaties.write_text(treaties.read_text(encoding="utf-8").replace(
        "title: {en: Treaty of Portsmouth,", "title: {en: Portsmouth Peace Treaty,"), encoding="utf-8")
    time.sleep(1.1)  # the data folder is looked at no more than once a second
    app.run()
    assert "Portsmouth Peace Treaty" in panel(app)


def test_treaty_library_lists_every_treaty():
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    app.run()
    app.switch_page("pages/treaties.py").run()
    assert not app.exception
    titles = [e.label for e in app.expander]
    assert len(titles) == 7 and any("Portsmouth" in t for t in titles)
