"""Who held the land at known places, year by year, and the territories layer of the map."""

import datetime as dt

import places as P  # noqa: N812 - P.KURILSK reads as a place
import pytest
import shapely

import geo

ATLAS = geo.current()

CURRENT_YEAR = dt.date.today().year
EQUAL_AREA = "+proj=laea +lat_0=48 +lon_0=150 +datum=WGS84 +units=m"

# (year, place name in places.py, expected holder at the end of that year)
EXPECTED = [
    # Shimoda: border in the Friza Strait, Sakhalin undivided.
    (1860, "URUP", "RU"),
    (1860, "KURILSK", "JP"),
    (1860, "YUZHNO_KURILSK", "JP"),
    (1860, "MALOKURILSKOYE", "JP"),
    (1860, "ZELYONY", "JP"),
    (1860, "KORSAKOV", "joint"),
    (1860, "ALEKSANDROVSK", "joint"),
    (1860, "OKHA", "joint"),
    (1860, "SEVERO_KURILSK", "RU"),
    (1860, "SHUMSHU", "RU"),
    (1860, "WAKKANAI", "JP"),
    (1860, "PETROPAVLOVSK", "RU"),
    # Saint Petersburg: all Kurils Japanese, all Sakhalin Russian.
    (1880, "URUP", "JP"),
    (1880, "SEVERO_KURILSK", "JP"),
    (1880, "SHUMSHU", "JP"),
    (1880, "CAPE_LOPATKA", "RU"),
    (1880, "KORSAKOV", "RU"),
    (1880, "YUZHNO_SAKHALINSK", "RU"),
    (1880, "ALEKSANDROVSK", "RU"),
    (1880, "OKHA", "RU"),
    (1880, "MONERON", "RU"),
    (1880, "WAKKANAI", "JP"),
    # Portsmouth: Sakhalin divided on 50°N.
    (1910, "YUZHNO_SAKHALINSK", "JP"),
    (1910, "KORSAKOV", "JP"),
    (1910, "ALEKSANDROVSK", "RU"),
    (1910, "OKHA", "RU"),
    (1910, "MONERON", "JP"),
    (1910, "SEVERO_KURILSK", "JP"),
    (1910, "CAPE_LOPATKA", "RU"),
    # Japanese occupation of northern Sakhalin.
    (1922, "ALEKSANDROVSK", "JP"),
    (1922, "OKHA", "JP"),
    (1922, "YUZHNO_SAKHALINSK", "JP"),
    (1922, "CAPE_LOPATKA", "RU"),
    # After the Peking convention.
    (1930, "OKHA", "RU"),
    (1930, "ALEKSANDROVSK", "RU"),
    (1930, "YUZHNO_SAKHALINSK", "JP"),
    (1930, "KURILSK", "JP"),
]
for _year in (1946, 2000, CURRENT_YEAR):
    EXPECTED += [
        (_year, "KURILSK", "RU"),
        (_year, "YUZHNO_KURILSK", "RU"),
        (_year, "MALOKURILSKOYE", "RU"),
        (_year, "ZELYONY", "RU"),
        (_year, "SEVERO_KURILSK", "RU"),
        (_year, "URUP", "RU"),
        (_year, "YUZHNO_SAKHALINSK", "RU"),
        (_year, "MONERON", "RU"),
        (_year, "NEMURO", "JP"),
        (_year, "CAPE_NOSAPPU", "JP"),
        (_year, "WAKKANAI", "JP"),
    ]


@pytest.mark.parametrize("year, place, holder", EXPECTED, ids=[f"{y}-{p}" for y, p, _ in EXPECTED])
def test_holder_at_known_places(year, place, holder):
    assert geo.holder_at(year, *getattr(P, place)) == holder


SEA = ["PACIFIC", "FRIZA_STRAIT", "FIRST_KURIL_STRAIT", "LA_PEROUSE_STRAIT", "GOYOMAI_STRAIT"]


@pytest.mark.parametrize("year", [p.start for p in ATLAS.periods] + [CURRENT_YEAR])
@pytest.mark.parametrize("place", SEA)
def test_open_sea_has_no_holder(year, place):
    assert geo.holder_at(year, *getattr(P, place)) is None


@pytest.mark.parametrize("year", [1860, 1880, 1910, 1922, 1930, 1946, CURRENT_YEAR])
def test_territories_agree_with_holder_at(year):
    frame = geo.territories(year)
    for name in ["KURILSK", "URUP", "ALEKSANDROVSK", "YUZHNO_SAKHALINSK", "ZELYONY", "NEMURO"]:
        point = shapely.Point(*getattr(P, name))
        hits = frame[frame.geometry.intersects(point)]
        assert len(hits) == 1, f"{name} in {year}: {len(hits)} pieces of land"
        assert hits["holder"].iloc[0] == geo.holder_at(year, *getattr(P, name))


# --- geo.territories(year) -----------------------------------------------------------------

TERRITORY_YEARS = [1855, 1874, 1875, 1904, 1905, 1919, 1920, 1922, 1924, 1925, 1944, 1945, 1956, 2000,
                   CURRENT_YEAR]
SOUTHERN_FOUR = {"iturup", "kunashir", "shikotan", "habomai"}


@pytest.mark.parametrize("year", TERRITORY_YEARS)
def test_territories_frame_shape(year):
    frame = geo.territories(year)
    assert frame.crs is not None and frame.crs.to_epsg() == 4326
    assert {"holder", "claimed_by", "status", "area", "island_id"} <= set(frame.columns)
    assert len(frame) > 0
    assert set(frame.geom_type) <= {"Polygon", "MultiPolygon"}
    assert not frame.geometry.is_empty.any()
    assert frame.geometry.is_valid.all()
    assert set(frame["holder"]) <= {"RU", "JP", "joint"}
    assert frame["holder"].notna().all()
    assert set(frame["area"]) == set(ATLAS.areas)


def _expected_claim(year, area):
    if year >= 1945 and area in SOUTHERN_FOUR:
        return "JP"
    if 1920 <= year <= 1924 and area == "sakhalin_north":
        return "RU"
    return None


@pytest.mark.parametrize("year", TERRITORY_YEARS)
def test_territories_claims(year):
    frame = geo.territories(year)
    for _, row in frame.iterrows():
        expected = _expected_claim(year, row["area"])
        if expected is None:
            assert row["claimed_by"] is None, f"{year} {row['island_id']}: claimed_by {row['claimed_by']!r}"
        else:
            assert row["claimed_by"] == expected, f"{year} {row['island_id']}"
            assert row["claimed_by"] != row["holder"]


@pytest.mark.parametrize("year", TERRITORY_YEARS)
def test_territories_status(year):
    frame = geo.territories(year)
    for _, row in frame.iterrows():
        area, status = row["area"], row["status"]
        if year < 1875 and area.startswith("sakhalin"):
            assert (row["holder"], status) == ("joint", "joint"), f"{year} {row['island_id']}"
        elif 1920 <= year <= 1924 and area == "sakhalin_north":
            assert (row["holder"], status) == ("JP", "occupied"), f"{year} {row['island_id']}"
        elif year >= 1945 and area in SOUTHERN_FOUR:
            assert (row["holder"], status) == ("RU", "disputed"), f"{year} {row['island_id']}"
        else:
            assert status == "sovereign", f"{year} {row['island_id']}: {status}"
            assert row["holder"] in {"RU", "JP"}


def test_sakhalin_is_split_on_the_50th_parallel():
    frame = geo.territories(1910)
    sakhalin = frame[frame["island_id"] == "sakhalin"].set_index("area")
    assert set(sakhalin.index) == {"sakhalin_north", "sakhalin_south"}
    assert sakhalin.geometry["sakhalin_north"].bounds[1] == pytest.approx(50.0)
    assert sakhalin.geometry["sakhalin_south"].bounds[3] == pytest.approx(50.0)
    assert (sakhalin.loc["sakhalin_north", "holder"], sakhalin.loc["sakhalin_south", "holder"]) == ("RU", "JP")


# --- every island the client named is drawn -----------------------------------------------

NAMED_ISLANDS = [
    "tanfilyev", "anuchina", "yury", "zelyony", "polonsky",  # the five main Habomai islets
    "raikoke", "ushishir", "chirpoy", "brat_chirpoyev", "moneron",
    "shumshu", "urup", "iturup", "kunashir", "shikotan", "sakhalin",
]


@pytest.mark.parametrize("island_id", NAMED_ISLANDS)
def test_named_island_is_land_on_the_map(island_id):
    land = ATLAS.land
    pieces = land[land["island_id"] == island_id]
    assert len(pieces) >= 1, f"{island_id} has no land on the map"
    assert not pieces.geometry.is_empty.any()
    # the smallest of them, Anuchina, is 2.1 km² (treaties.md §2.4): more than a sliver
    assert pieces.to_crs(EQUAL_AREA).area.sum() > 1e6
    # and it is drawn in every period's territories layer
    assert island_id in set(geo.territories(CURRENT_YEAR)["island_id"])


@pytest.mark.parametrize("place, island_id", [
    ("KURILSK", "iturup"), ("YUZHNO_KURILSK", "kunashir"), ("MALOKURILSKOYE", "shikotan"),
    ("ZELYONY", "zelyony"), ("URUP", "urup"), ("SHUMSHU", "shumshu"), ("MONERON", "moneron"),
    ("KORSAKOV", "sakhalin"), ("OKHA", "sakhalin"), ("SEVERO_KURILSK", "paramushir"),
])
def test_known_place_lies_on_its_island(place, island_id):
    land = ATLAS.land
    point = shapely.Point(*getattr(P, place))
    hits = land[land.geometry.intersects(point)]
    assert list(hits["island_id"]) == [island_id]


# Areas of the disputed islands, treaties.md §2.3 (ja-Wikipedia via weblio [V]). The
# coastline is simplified at 100 m and includes the rocks around each island.
@pytest.mark.parametrize("area, km2", [("iturup", 3200), ("kunashir", 1490), ("shikotan", 250),
                                       ("habomai", 97)])
def test_disputed_islands_have_their_real_size(area, km2):
    land = ATLAS.land
    measured = land[land["area"] == area].to_crs(EQUAL_AREA).area.sum() / 1e6
    assert measured == pytest.approx(km2, rel=0.15)


@pytest.mark.parametrize("year, holder", [(1910, "RU"), (1922, "JP"), (1930, "RU"), (1950, "RU")])
def test_a_point_on_the_50th_parallel_belongs_to_the_north(year, holder):
    """On the land border itself (1905–1945) a point belongs to northern Sakhalin, as
    geo.holder_at documents; the answer does not depend on which piece an index finds first."""
    assert geo.holder_at(year, 142.8, 50.0) == holder
