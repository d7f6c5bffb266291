"""Comparing two years: the differences between them (geo.panel.differences) and the
comparison page through AppTest."""

import json

import pytest
from streamlit.testing.v1 import AppTest

from conftest import ROOT
from geo import panel


def test_differences_list_every_area_that_changed_hands():
    lines = panel.differences(1855, 2000, "en")
    assert len(lines) == 6
    assert "Iturup (Etorofu): Held by Japan → Held by Russia / USSR; claimed by Japan" in lines
    assert any(line.startswith("Sakhalin south of 50°N") and "Shared" in line for line in lines)


def test_differences_read_both_ways_and_in_korean():
    forward, backward = panel.differences(1905, 1922, "en"), panel.differences(1922, 1905, "en")
    assert forward == ["Sakhalin north of 50°N: Held by Russia / USSR → Occupied by Japan; claimed by Russia / USSR"]
    assert backward == ["Sakhalin north of 50°N: Occupied by Japan; claimed by Russia / USSR → Held by Russia / USSR"]
    assert panel.differences(1905, 1922, "ko") == ["북위 50도 이북의 사할린: 러시아 / 소련 관할 → 일본 점령; 러시아 / 소련의 영유권 주장"]


@pytest.mark.parametrize("one, other", [(1906, 1919), (1905, 1905), (1926, 1944)])
def test_no_differences_within_a_period(one, other):
    assert panel.differences(one, other, "en") == []


def test_differences_compare_only_the_two_years():
    # Northern Sakhalin was occupied 1920–1924 and Russian again after: 1919 and 1930 agree.
    assert panel.differences(1919, 1930, "en") == []


def run_page(**query) -> AppTest:
    app = AppTest.from_file(str(ROOT / "pages" / "compare.py"), default_timeout=60)
    for name, value in query.items():
        app.query_params[name] = value
    return app.run()


def maps(app: AppTest) -> list[dict]:
    return [json.loads(c.proto.json_args) for c in app.get("component_instance")]


def test_page_shows_both_years_their_treaties_and_what_changed():
    app = run_page(year="1905", compare="1945")
    assert not app.exception
    assert [s.value for s in app.slider] == [1905, 1945]
    left, right = maps(app)
    assert left["script"] == right["script"]  # the same base map: the same frame on both sides
    assert "portsmouth_50th_parallel" in left["feature_group"]
    assert "line_of_control_nemuro_goyomai" in right["feature_group"] and "portsmouth" not in right["feature_group"]
    text = "\n".join(m.value for m in app.markdown)
    assert "Treaty of Portsmouth" in text and "Yalta" in text
    assert app.subheader[0].value == "What changed from 1905 to 1945"
    assert "Iturup \\(Etorofu\\)" in text


def test_moving_a_slider_changes_its_map_only():
    app = run_page(year="1905", compare="1945")
    app.slider(key="compare").set_value(1880).run()
    left, right = maps(app)
    assert "portsmouth_50th_parallel" in left["feature_group"]
    assert "saint_petersburg_la_perouse_strait" in right["feature_group"]


def test_same_period_says_nothing_changed():
    app = run_page(year="1906", compare="1910")
    assert "No island changed hands" in "\n".join(m.value for m in app.markdown)
    assert any("same treaty" in c.value for c in app.caption)


@pytest.mark.parametrize("query, shown", [({"compare": "abc"}, [1855, None]), ({"year": "1700"}, [1855, None])])
def test_bad_years_in_the_url_are_explained(query, shown):
    app = run_page(**query)
    assert not app.exception
    (warning,) = app.warning
    assert "not a year the atlas covers" in warning.value
    assert app.slider[0].value == shown[0] and app.slider[1].value == app.slider[1].max


def test_korean_page():
    app = AppTest.from_file(str(ROOT / "pages" / "compare.py"), default_timeout=60)
    app.session_state["atlas_lang"] = "ko"
    app.query_params["year"], app.query_params["compare"] = "1875", "1905"
    app.run()
    assert app.title[0].value == "두 해 비교하기"
    assert "포츠머스 조약" in "\n".join(m.value for m in app.markdown)
