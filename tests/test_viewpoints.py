"""The three viewpoints: the neutral map, and the map as Japan's and Russia's own maps draw it.

The expected holders, statuses and lines are written out by hand from the sources the
viewpoints cite, not read from data/viewpoints.yaml:

* Japan since February 1956: MOFA's Q&A on the Northern Territories (May 2003,
  https://www.mofa.go.jp/mofaj/area/hoppo/topic.html): the final attribution of southern
  Sakhalin and the Kurils is undetermined; Tokyo Shoseki's atlas FAQ
  (https://faq.tokyo-shoseki.co.jp/fa/customer/web/knowledge774.html): the four islands
  Japan's, southern Sakhalin and the other Kurils unattributed and white, lines between
  Iturup and Urup, Shumshu and Kamchatka, Sakhalin and Hokkaido, and on 50°N.
* Japan from the treaty's entry into force (28 April 1952) to February 1956: the same
  undetermined land, Iturup and Kunashir among it (JBpress,
  https://jbpress.ismedia.jp/articles/-/34774?page=5: the government counted them among the
  renounced Kurils until it changed its reading in February 1956); Habomai and Shikotan, "part
  of Hokkaido", occupied by Soviet forces (Yoshida at San Francisco, 7 September 1951).
* Japan 1945–1952: nothing renounced yet; the Kurils and South Sakhalin "taken unilaterally by
  the Soviet Union", Habomai and Shikotan "still being occupied by Soviet forces" (Yoshida).
* Russia since 1945: Zakharova (5 October 2016): the South Kurils belong to the Russian
  Federation, its sovereignty "not in question"; the 1946 decree incorporating southern
  Sakhalin and the Kurils.  No Japanese claim drawn.
* Before 1945 both sides' maps follow the treaties: the neutral map.
"""

import io
import json

import geopandas as gpd
import numpy as np
import pytest
import shapely
from browser import PAGES, map_texts, open_app, read_markdown, running_server  # noqa: F401
from matplotlib.colors import to_rgb
from PIL import Image
from places import (
    FIRST_KURIL_STRAIT,
    FRIZA_STRAIT,
    GOYOMAI_STRAIT,
    KURILSK,
    LA_PEROUSE_STRAIT,
    MALOKURILSKOYE,
    OKHA,
    SEVERO_KURILSK,
    URUP,
    WAKKANAI,
    YUZHNO_KURILSK,
    YUZHNO_SAKHALINSK,
    ZELYONY,
)
from test_app import downloads  # noqa: F401
from test_export import run_cli
from test_export_bounds import TO_MAP

import geo
from geo import export
from geo.printing import layout
from geo.style import HOLDER_FILL
from geo.text import Localizer
from geo.text.map_in_words import map_in_words
from geo.text.markdown import escape
from geo.text.viewpoint import viewpoint_markdown

FOUR_ISLANDS = (KURILSK, YUZHNO_KURILSK, MALOKURILSKOYE, ZELYONY)
#: Southern Sakhalin and the Kurils from Urup north.
RENOUNCED = (YUZHNO_SAKHALINSK, URUP, SEVERO_KURILSK)
#: On Sakhalin's 50th parallel, in open land (the Portsmouth line).
FIFTIETH_PARALLEL = (142.9, 50.0)


def holders(year, places, view):
    return [geo.holder_at(year, *place, view=view) for place in places]


def lines_near(year, view, place, km=12):
    """The kinds of the lines of ``year`` in ``view`` that pass within ``km`` of ``place``."""
    lines = geo.borders(year, view=view).to_crs("EPSG:32654")
    spot = gpd.GeoSeries([shapely.Point(place)], crs="EPSG:4326").to_crs("EPSG:32654").iloc[0]
    return sorted(lines[lines.distance(spot) < km * 1000]["kind"])


@pytest.mark.parametrize("year", [1956, 1993, 2026])
def test_japans_maps_since_1956_leave_southern_sakhalin_and_the_kurils_undetermined(year):
    assert holders(year, RENOUNCED, "JP") == ["undetermined"] * 3
    assert holders(year, FOUR_ISLANDS, "JP") == ["JP"] * 4
    assert holders(year, (OKHA, WAKKANAI), "JP") == ["RU", "JP"]
    land = geo.territories(year, view="JP")
    assert set(land[land["holder"] == "undetermined"]["status"]) == {"undetermined"}
    assert land["claimed_by"].isna().all(), "Japan's maps draw the four islands as Japan's, not as claimed"
    # The four lines; not borders, MOFA says, so not drawn as treaty borders or lines of control.
    for strait in (LA_PEROUSE_STRAIT, FIFTIETH_PARALLEL, FIRST_KURIL_STRAIT, FRIZA_STRAIT):
        assert lines_near(year, "JP", strait) == ["undetermined_edge"], strait
    assert lines_near(year, "JP", GOYOMAI_STRAIT) == [], "no line between Hokkaido and the Habomai"


@pytest.mark.parametrize("year", [1952, 1955])
def test_japans_maps_from_the_peace_treaty_to_1956_count_iturup_and_kunashir_among_the_kurils(year):
    assert holders(year, (*RENOUNCED, KURILSK, YUZHNO_KURILSK), "JP") == ["undetermined"] * 5
    assert holders(year, (MALOKURILSKOYE, ZELYONY), "JP") == ["RU", "RU"]
    land = geo.territories(year, view="JP").drop_duplicates("area").set_index("area")
    assert land.loc[["shikotan", "habomai"], ["status", "claimed_by"]].values.tolist() == [["occupied", "JP"]] * 2
    assert lines_near(year, "JP", FRIZA_STRAIT) == []
    assert lines_near(year, "JP", FIFTIETH_PARALLEL) == ["undetermined_edge"]


def test_japans_maps_before_the_peace_treaty_show_the_soviet_occupation():
    for year in (1945, 1948, 1951):
        assert holders(year, RENOUNCED + FOUR_ISLANDS, "JP") == ["RU"] * 7
        land = geo.territories(year, view="JP").drop_duplicates("area").set_index("area")
        renounced_later = ["sakhalin_south", "north_kurils", "iturup", "kunashir", "shikotan", "habomai"]
        assert set(land[land["status"] == "occupied"].index) == set(renounced_later)
        assert set(land.loc[renounced_later, "claimed_by"]) == {"JP"}  # nothing renounced yet


@pytest.mark.parametrize("year", [1945, 1956, 2026])
def test_russias_maps_draw_all_the_islands_russian_and_no_claim(year):
    assert holders(year, RENOUNCED + FOUR_ISLANDS, "RU") == ["RU"] * 7
    land = geo.territories(year, view="RU")
    assert land["claimed_by"].isna().all()
    assert set(land["status"]) == {"sovereign"}
    assert "claim" not in set(geo.borders(year, view="RU")["kind"])
    for strait in (LA_PEROUSE_STRAIT, GOYOMAI_STRAIT):
        assert lines_near(year, "RU", strait) == ["state_border"], strait
    assert lines_near(year, "RU", FRIZA_STRAIT) == []


def test_the_neutral_map_is_the_default_and_unchanged():
    assert geo.holder_at(2000, *YUZHNO_KURILSK) == "RU"
    assert geo.territories(2000).set_index("island_id").loc["kunashir", "claimed_by"] == "JP"
    assert lines_near(2000, "neutral", FRIZA_STRAIT) == ["claim"]
    assert lines_near(2000, "neutral", GOYOMAI_STRAIT) == ["de_facto"]


@pytest.mark.parametrize("year", [1860, 1890, 1910, 1922, 1930, 1944])
def test_before_1945_every_viewpoint_is_the_treaty_map(year):
    neutral = geo.territories(year)
    for view in ("JP", "RU"):
        drawn = geo.territories(year, view=view)
        assert drawn[["holder", "status", "claimed_by"]].equals(neutral[["holder", "status", "claimed_by"]])
        assert geo.borders(year, view=view)["id"].tolist() == geo.borders(year)["id"].tolist()


def test_a_viewpoint_is_named_in_any_case_and_a_wrong_one_is_explained():
    assert geo.holder_at(1960, *YUZHNO_SAKHALINSK, view="jp") == "undetermined"
    with pytest.raises(ValueError, match="neutral, JP, RU"):
        geo.territories(1960, view="CN")


def test_the_text_beside_the_map_names_the_view_and_what_the_others_draw():
    atlas = geo.current().viewed("JP")
    text = viewpoint_markdown(atlas, 1960, Localizer(atlas, "en"))
    assert escape("Shown: As Japan's maps draw it.") in text
    assert "mofa.go.jp/mofaj/area/hoppo/topic.html" in text  # the convention's source
    assert escape("Iturup (Etorofu), Kunashir (Kunashiri), Shikotan and Habomai Islands: "
                  "Held by USSR · claimed by Japan") in text  # the neutral map's
    korean = viewpoint_markdown(atlas.viewed("RU"), 1950, Localizer(atlas, "ko"))
    assert escape("지금 보는 지도: 러시아 측 지도.") in korean
    # What the others draw, worded as drawn, not as held.
    assert escape("Attribution undetermined on these maps") not in text
    assert escape("Kuril Islands from Shumshu to Urup, Iturup (Etorofu), Kunashir (Kunashiri), Shikotan, Habomai "
                  "Islands and Sakhalin south of 50°N (Karafuto): USSR's territory on these maps") in text


def test_the_map_in_words_follows_the_viewpoint():
    atlas = geo.current().viewed("JP")
    words = map_in_words(atlas, 1960, Localizer(atlas, "en")).text()
    assert ("Attribution undetermined on these maps: Kuril Islands from Shumshu to Urup and Sakhalin south of "
            "50°N (Karafuto)") in words
    assert "Japan's territory on these maps: Iturup (Etorofu), Kunashir (Kunashiri), Shikotan" in words
    assert "Held by Japan" not in words.replace("Held by Japan: Hokkaido", "")  # Japan holds none of the four
    assert "Edge of land left undetermined: 50th parallel on Sakhalin" in words


# --- The app: the setting on every page, the map and the text beside it ---------------------------

def map_tooltips(component) -> str:
    args = json.loads(component.proto.json_args)
    return "\n".join(text for where, text in map_texts(args["script"]) + map_texts(args.get("feature_group") or "")
                     if where == "map tooltip")


@pytest.mark.usefixtures("running_server")
@pytest.mark.parametrize("page", sorted(PAGES.values()))
def test_every_page_keeps_the_viewpoint_in_its_url_and_sidebar(page):
    app = open_app(page, view="jp", year="1960")
    assert not app.exception, [e.value for e in app.exception]
    assert app.query_params["view"] == "jp"
    (switch,) = [radio for radio in app.sidebar.radio if radio.label == "Whose map"]
    assert switch.value == "JP"
    assert switch.options == ["Neutral", "As Japan's maps draw it", "As Russia's maps draw it"]


@pytest.mark.usefixtures("running_server")
def test_the_map_page_draws_and_tells_the_viewpoint_chosen():
    app = open_app(year="1960", view="jp")
    (component,) = app.get("component_instance")
    tooltips = map_tooltips(component)
    assert "Attribution undetermined on these maps" in tooltips and "claimed by Japan" not in tooltips
    assert "Edge of land left undetermined" in tooltips
    shown = "\n".join(read_markdown(m.value) for m in app.markdown)
    assert "Shown: As Japan's maps draw it." in shown
    # Switched to Russia's maps in the sidebar: the map, the words and the URL follow.
    app.sidebar.radio(key="view").set_value("RU").run()
    assert app.query_params["view"] == "ru"
    (component,) = app.get("component_instance")
    tooltips = map_tooltips(component)
    assert "undetermined" not in tooltips and "State border on Soviet and Russian maps" in tooltips
    assert "Shown: As Russia's maps draw it." in "\n".join(read_markdown(m.value) for m in app.markdown)


@pytest.mark.usefixtures("running_server")
def test_a_viewpoint_the_atlas_does_not_have_is_explained_and_the_neutral_map_shown():
    app = open_app(year="1960", view="<b>cn</b>")
    assert not app.exception
    assert [read_markdown(w.value).strip() for w in app.warning] == [
        "“<b>cn</b>” is not one of the choices here; the page starts from its usual view."]
    assert app.query_params["view"] == "neutral"


@pytest.mark.usefixtures("running_server")
def test_the_compare_page_sets_each_sides_viewpoint():
    app = open_app("pages/compare.py", year="1956", compare="1956", view="jp", compare_view="ru")
    assert not app.exception, [e.value for e in app.exception]
    left, right = app.get("component_instance")
    assert "Attribution undetermined on these maps" in map_tooltips(left)
    assert "undetermined" not in map_tooltips(right) and "USSR's territory on these maps" in map_tooltips(right)
    shown = "\n".join(read_markdown(m.value) for m in app.markdown)
    assert "Shown: As Japan's maps draw it." in shown and "Shown: As Russia's maps draw it." in shown
    # What differs between 1956 as Japan draws it and 1956 as Russia does.
    assert ("Sakhalin south of 50°N (Karafuto): Attribution undetermined on these maps → USSR's territory on "
            "these maps") in shown
    assert app.query_params["compare_view"] == "ru"


@pytest.mark.usefixtures("running_server")
def test_the_compare_pages_left_switch_is_the_sidebars_viewpoint():
    app = open_app("pages/compare.py", year="1956", compare="1956", view="jp")
    assert app.query_params["compare_view"] == "jp"  # the right map starts as the left one
    app.radio(key="left_view").set_value("RU").run()
    assert not app.exception, [e.value for e in app.exception]
    assert app.sidebar.radio(key="view").value == "RU" and app.query_params["view"] == "ru"
    left, right = app.get("component_instance")
    assert "undetermined" not in map_tooltips(left) and "undetermined" in map_tooltips(right)
    assert not app.warning  # no warning about a widget set both ways


# --- Exports: every file draws, names and describes the viewpoint ---------------------------------

def colour_at(png: bytes, figure_axes, place, height) -> np.ndarray:
    """The picture's pixels around ``place`` on the map drawn on ``figure_axes``."""
    x, y = figure_axes.transData.transform(TO_MAP.transform(*place))
    row, column = round(height - y), round(x)
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))[row - 3:row + 4, column - 3:column + 4]


def share_of(pixels: np.ndarray, colour: str) -> float:
    return float(np.all(pixels == np.round(np.array(to_rgb(colour)) * 255), axis=-1).mean())


@pytest.mark.parametrize("view, holder", [("JP", "undetermined"), ("RU", "RU"), ("neutral", "RU")])
def test_the_picture_of_1960_draws_yuzhno_sakhalinsk_as_the_viewpoint_does(view, holder):
    atlas = geo.current().viewed(view)
    say = Localizer(atlas, "en")
    figure = layout.picture(1960, say, 960, 540)
    png = export.png(atlas, 1960, "en", (960, 540))
    (ax,) = figure.axes
    assert share_of(colour_at(png, ax, YUZHNO_SAKHALINSK, 540), HOLDER_FILL[holder]) > 0.5
    info = Image.open(io.BytesIO(png)).text
    if view == "JP":
        assert info["Title"] == "1960 · No treaty drew this line · As Japan's maps draw it"
        assert "Attribution undetermined on these maps: Kuril Islands from Shumshu to Urup" in info["Description"]
    assert f"Shown: {say.text(atlas.viewpoint.name)}." in {t.get_text() for t in figure.texts}


def test_the_comparison_slide_puts_japans_map_beside_russias():
    atlas = geo.current()
    japan, russia = atlas.viewed("JP"), atlas.viewed("RU")
    figure = layout.comparison_picture(1956, 1956, Localizer(japan, "en"), 1280, 720, say_other=Localizer(russia, "en"))
    png = export.compare_png(japan, 1956, 1956, "en", (1280, 720), other_atlas=russia)
    for ax, holder in zip(figure.axes, ("undetermined", "RU")):
        assert share_of(colour_at(png, ax, YUZHNO_SAKHALINSK, 720), HOLDER_FILL[holder]) > 0.5
    texts = {t.get_text() for t in figure.texts}
    assert {"Shown: As Japan's maps draw it.", "Shown: As Russia's maps draw it."} <= texts
    assert "1956 on two maps: As Japan's maps draw it / As Russia's maps draw it" in texts
    change = "Kunashir (Kunashiri): Japan's territory on these maps → USSR's territory on these maps"
    assert any(t.startswith("•") and change in t for t in texts)


def test_the_command_line_draws_a_viewpoint_and_explains_a_wrong_one(tmp_path):
    out = tmp_path / "views.png"
    result = run_cli("export", "--year", "1956", "--compare", "1956", "--view", "JP", "--compare-view", "ru",
                     "--format", "png", "--lang", "en", "--size", "960x540", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert Image.open(out).text["Title"] == ("1956 on two maps: As Japan's maps draw it / As Russia's maps draw it · "
                                             "1956 · No treaty drew this line · As Japan's maps draw it / "
                                             "1956 · No treaty drew this line · As Russia's maps draw it")
    for args, message in ((["--view", "cn"], "argument --view: 'cn' is not one of neutral, jp, ru"),
                          (["--compare-view", "ru"], "--compare-view needs --compare")):
        result = run_cli("export", "--year", "1956", "--format", "png", *args, "--out", str(tmp_path / "x.png"))
        assert result.returncode == 2 and message in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "x.png").exists()


@pytest.mark.usefixtures("running_server")
def test_the_downloads_draw_the_viewpoint_shown_and_say_so_in_their_names(request):
    files = request.getfixturevalue("downloads")
    app = open_app(year="1960", view="jp")
    app.session_state["downloads"] = True  # the popover opened: its buttons are made
    app.run()
    assert {"atlas-1960-jp-en.png", "atlas-1960-jp-en.pdf", "atlas-periods-jp-en.gif",
            "atlas-jp-en.html"} <= set(files)
    picture = Image.open(io.BytesIO(files["atlas-1960-jp-en.png"]()))
    assert picture.text["Title"] == "1960 · No treaty drew this line · As Japan's maps draw it"
    app = open_app("pages/compare.py", year="1956", compare="1956", view="jp", compare_view="ru")
    app.session_state["compare_downloads"] = True
    app.run()
    slide = Image.open(io.BytesIO(files["atlas-1956-jp-1956-ru-en.png"]()))
    assert slide.text["Title"].startswith("1956 on two maps: As Japan's maps draw it / As Russia's maps draw it")
