"""The comparison page through AppTest: two years side by side on one map frame, what changed
between them and the treaty behind each border.  Expected changes are written from the
history (who held which land at the end of each year), not computed by the atlas."""

import datetime as dt
import json

import pytest
from browser import (
    border_lines,
    markdown_of,
    open_app,
    read_markdown,
    running_server,  # noqa: F401  (fixture)
)

pytestmark = pytest.mark.usefixtures("running_server")
THIS_YEAR = dt.date.today().year


def maps(app) -> list[dict]:
    return [json.loads(component.proto.json_args) for component in app.get("component_instance")]


def lines(args: dict) -> str:
    return border_lines(args["feature_group"])


def changes(app) -> list[str]:
    """The lines of the "what changed" list, as read: the last list of the page's Markdown
    (each map's words, which come before it, are lists too)."""
    listing = [m.value for m in app.markdown if m.value.startswith("- ")][-1]
    return read_markdown(listing).strip().splitlines()


def test_the_page_shows_both_years_their_borders_treaties_and_what_changed():
    app = open_app("pages/compare.py", year="1905", compare="1945")
    assert not app.exception, [e.value for e in app.exception]
    assert [slider.value for slider in app.slider] == [1905, 1945]
    left, right = maps(app)
    assert left["script"] == right["script"]  # the same base map: the same frame on both sides
    assert "50th parallel on Sakhalin" in lines(left) and "Line of control" not in lines(left)
    assert "La Pérouse (Sōya) Strait — Line of control" in lines(right) and "50th parallel" not in lines(right)
    text = read_markdown(markdown_of(app))
    assert "Treaty of Portsmouth" in text and "Yalta Agreement" in text
    assert "What changed from 1905 to 1945" in [heading.value for heading in app.subheader]
    # At the end of 1945 the USSR held Iturup, which Japan (still the Empire until 1947) claims.
    assert "Iturup (Etorofu): Held by Empire of Japan → Held by USSR · claimed by Empire of Japan" in changes(app)


def test_moving_one_slider_changes_its_map_only():
    app = open_app("pages/compare.py", year="1905", compare="1945")
    app.slider(key="compare").set_value(1880).run()
    left, right = maps(app)
    assert "50th parallel on Sakhalin" in lines(left)
    assert "La Pérouse (Sōya) Strait" in lines(right) and "Line of control" not in lines(right)
    assert "What changed from 1905 to 1880" in [heading.value for heading in app.subheader]


def test_two_years_of_one_period_say_nothing_changed():
    app = open_app("pages/compare.py", year="1906", compare="1910")
    text = read_markdown(markdown_of(app))
    assert "No island changed hands between these two years." in text
    assert "Both years fall under the same treaty." in [caption.value for caption in app.caption]


def test_a_state_that_changed_only_its_name_changed_no_hands():
    """Northern Sakhalin was Russian in 1919, occupied by Japan 1920–1924, Soviet again by 1930;
    Soviet Russia became the USSR in 1922.  Between 1919 and 1930 no land changed hands."""
    app = open_app("pages/compare.py", year="1919", compare="1930")
    assert "No island changed hands between these two years." in read_markdown(markdown_of(app))


def test_what_changed_from_the_first_treaty_to_today_is_the_land_that_changed_hands():
    """Since Shimoda (1855): Iturup, Kunashir, Shikotan and the Habomai went from Japan to
    Russia (claimed by Japan), and Sakhalin from no border to Russia.  Urup and the islands
    north of it were Russian in 1855 and are so today; Hokkaido and Honshu were always Japan's."""
    app = open_app("pages/compare.py", year="1855", compare="2000")
    areas = sorted(line.split(":")[0] for line in changes(app))
    # Sakhalin whole: the 50°N line that halves it was drawn in 1905, after the joint years.
    expected = ["Habomai Islands", "Iturup (Etorofu)", "Kunashir (Kunashiri)", "Sakhalin", "Shikotan"]
    assert areas == expected, changes(app)


@pytest.mark.parametrize("query, message, years", [
    ({"year": "1905", "compare": "abc"},
     f"“abc” is not a year the atlas covers (1855–{THIS_YEAR}); showing {THIS_YEAR} instead.", [1905, THIS_YEAR]),
    ({"year": "1700", "compare": "1945"},
     f"“1700” is not a year the atlas covers (1855–{THIS_YEAR}); showing 1855 instead.", [1855, 1945]),
])
def test_bad_years_in_the_url_are_explained_and_replaced(query, message, years):
    app = open_app("pages/compare.py", **query)
    assert not app.exception, [e.value for e in app.exception]
    (warning,) = app.warning
    assert read_markdown(warning.value).strip() == message
    assert [slider.value for slider in app.slider] == years


def test_korean_page():
    app = open_app("pages/compare.py", lang="ko", year="1905", compare="1922")
    assert app.title[0].value == "두 해 비교"
    assert [slider.label for slider in app.slider] == ["연도", "비교할 연도"]
    assert "1905~1922년에 달라진 점" in [heading.value for heading in app.subheader]
    assert "포츠머스 조약" in read_markdown(markdown_of(app))
    # Northern Sakhalin: the Russian Empire's in 1905; in 1922 occupied by Japan, claimed by the USSR.
    assert "북위 50도 이북의 사할린: 러시아 제국 관할 → 일본 제국 점령 · 소련의 영유권 주장" in changes(app)
