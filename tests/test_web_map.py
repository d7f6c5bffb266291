"""The year's layer on the web map: land by holder, hatching over claimed land, lines and
their tooltips, read from the GeoJSON the browser receives."""

import json

import places as P  # noqa: N812 - P.KURILSK reads as a place
import pytest
import shapely
from shapely.geometry import shape

import geo
from geo.web import layers

ATLAS = geo.current()


def layer_data(year: int, key: str, lang: str = "en", names: str = "both") -> list[dict]:
    """The features of the year's layer styled by ``key`` ('holder', 'claimant', 'kind')."""
    group = layers.year_layer(ATLAS, year, lang, names)
    features = []
    for child in group._children.values():
        for layer in getattr(child, "layers", None) or [child]:  # land comes in kept layers
            if getattr(layer, "style_key", None) == key:
                features += json.loads(layer.data)["features"]
    return features


def hatched(year: int, claimant: str):
    return shapely.union_all([shape(f["geometry"]) for f in layer_data(year, "claimant")
                              if f["properties"]["claimant"] == claimant])


# Every island Japan claims since 1945 (treaties.md §2.4: the four islands, and the named
# Habomai islets), each to be marked however small: the hatching is a pattern in screen
# pixels, drawn over the island's own shape, with an outline in the claimant's colour.
CLAIMED_BY_JAPAN = ["iturup", "kunashir", "shikotan", "tanfilyev", "anuchina", "yury", "zelyony", "polonsky",
                    "demina", "storozhevoy", "rifovy", "oskolki", "shishki"]


@pytest.mark.parametrize("year", [1945, 2000])
def test_every_piece_of_land_japan_claims_is_marked_however_small(year):
    marked = {f["properties"]["island_id"]: shape(f["geometry"]) for f in layer_data(year, "claimant")
              if f["properties"]["claimant"] == "JP"}
    for island_id in CLAIMED_BY_JAPAN:
        land = shapely.union_all(ATLAS.land[ATLAS.land["island_id"] == island_id].geometry.values)
        if land.is_empty:
            continue  # a rock below the coastline's resolution (none of these, today)
        assert island_id in marked and marked[island_id].intersects(land), f"{island_id} is not marked in {year}"
    assert set(marked) <= set(CLAIMED_BY_JAPAN), set(marked) - set(CLAIMED_BY_JAPAN)


def test_the_hatching_pattern_is_in_screen_pixels_and_the_claimants_colour():
    from geo.style import HOLDER_STROKE

    page = layers.base_map(ATLAS, "en")
    html = page.get_root().render()
    assert 'id=\\"atlas-hatch-JP\\" patternUnits=\\"userSpaceOnUse\\"' in html
    assert f'stroke=\\"{HOLDER_STROKE["JP"]}\\"' in html


@pytest.mark.parametrize("year", [1945, 1956, 2000])
@pytest.mark.parametrize("place", ["KURILSK", "YUZHNO_KURILSK", "MALOKURILSKOYE", "ZELYONY"])
def test_land_japan_claims_is_hatched(year, place):
    stripes = hatched(year, "JP")
    island = ATLAS.land[ATLAS.land.geometry.contains(shapely.Point(*getattr(P, place)))].geometry.iloc[0]
    assert stripes.intersects(island), f"no hatching over {place} in {year}"


def test_northern_sakhalin_under_occupation_is_hatched_as_claimed_by_russia():
    assert hatched(1922, "RU").intersects(shapely.Point(*P.ALEKSANDROVSK).buffer(0.5))


def test_nothing_is_hatched_where_nobody_claims_the_other_sides_land():
    assert layer_data(1910, "claimant") == []


@pytest.mark.parametrize("year, lang, expected", [
    (1860, "en", "Held by Russian Empire"),
    (1950, "en", "Held by USSR"),
    (2000, "ko", "러시아 연방 관할"),
])
def test_tooltips_name_the_holder_as_it_was_that_year(year, lang, expected):
    labels = " ".join(f["properties"]["label"] for f in layer_data(year, "holder", lang))
    assert expected in labels and "Russia / USSR" not in labels


@pytest.mark.parametrize("style, shown, hidden", [("ja", "Etorofu", "Iturup"), ("ru", "Iturup", "Etorofu")])
def test_tooltips_use_the_chosen_place_names(style, shown, hidden):
    labels = " ".join(f["properties"]["label"] for f in layer_data(1990, "holder", "en", style))
    assert shown in labels and hidden not in labels


def test_the_base_map_is_the_same_every_year_and_loads_the_bundled_leaflet():
    def rendered(year):
        page = layers.base_map(ATLAS, "en", leaflet_url="/app/static/leaflet")
        layers.year_layer(ATLAS, year, "en").add_to(page)
        return page

    first, later = rendered(1855), rendered(1990)
    assert first.default_js == [("leaflet", "/app/static/leaflet/leaflet.js")]
    base = [type(child).__name__ for child in first._children.values()]
    assert base == [type(child).__name__ for child in later._children.values()]


def test_only_a_map_given_a_sync_group_loads_leaflet_sync_and_joins_it():
    """The comparison page's maps move together (geo.web.map_sync; tests/test_map_sync.py in a
    browser); every other map is left alone."""
    alone = layers.base_map(ATLAS, "en", leaflet_url="/app/static/leaflet").get_root().render()
    paired = layers.base_map(ATLAS, "en", leaflet_url="/app/static/leaflet",
                             sync_group="compare").get_root().render()
    assert "L.Map.Sync" not in alone and "atlasMapSync" not in alone
    assert '<script src="/app/static/leaflet/sync/L.Map.Sync.js"></script>' in paired
    assert 'var group = "compare";' in paired


@pytest.mark.parametrize("name", ["Rishiri Island", "Rebun Island", "Okushiri Island", "Moneron Island"])
def test_islands_with_their_own_names_are_named_on_hover(name):
    """Not shown as "Hokkaido" or "Sakhalin": each has its own row in the gazetteer."""
    page = layers.base_map(ATLAS, "en", names="ru")
    layers.year_layer(ATLAS, 2000, "en", "ru").add_to(page)
    assert f"{name}" in page.get_root().render()
