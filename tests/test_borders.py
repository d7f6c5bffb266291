"""The border lines of each year: their attributes, where they run, and what they separate."""

import datetime as dt

import geopandas as gpd
import pandas as pd
import places as P  # noqa: N812 - P.KURILSK reads as a place
import pytest
import shapely
from shapely.geometry import LineString, Point

import geo

ATLAS = geo.current()

CURRENT_YEAR = dt.date.today().year
# An equal-area projection centred on the Kurils (metres), for distances in the sea.
METRIC = "+proj=laea +lat_0=48 +lon_0=150 +datum=WGS84 +units=m"
# UTM zone 54N covers 138–144°E: Sakhalin's 50th parallel, measured with little distortion.
UTM_54N = "EPSG:32654"

# The first and last year of every period, and a few inside.
YEARS = sorted({y for p in ATLAS.periods for y in (p.start, (p.end or CURRENT_YEAR + 1) - 1)}
               | {1860, 1880, 1910, 1922, 1930, 1951, 1956, 2000})


def _lines(year, kind, treaty_id=None):
    frame = geo.borders(year)
    selected = frame[frame["kind"] == kind]
    if treaty_id is not None:
        selected = selected[selected["treaty"] == treaty_id]
    return selected


def _km(a, b):
    """Distance in km between two shapely geometries given in lon/lat."""
    series = gpd.GeoSeries([a, b], crs="EPSG:4326").to_crs(METRIC)
    return series.iloc[0].distance(series.iloc[1]) / 1000


@pytest.fixture(scope="module")
def land_union():
    return ATLAS.land.geometry.union_all()


# --- the frame ---------------------------------------------------------------------------

@pytest.mark.parametrize("year", YEARS)
def test_borders_frame_shape(year):
    frame = geo.borders(year)
    assert frame.crs is not None and frame.crs.to_epsg() == 4326
    assert {"id", "kind", "treaty", "start", "end", "name", "sources"} <= set(frame.columns)
    assert len(frame) > 0, f"no border drawn in {year}"
    assert set(frame.geom_type) <= {"LineString", "MultiLineString"}
    assert frame.geometry.is_valid.all() and not frame.geometry.is_empty.any()
    assert set(frame["kind"]) <= {"treaty", "de_facto", "claim"}
    assert frame["id"].is_unique
    for _, row in frame.iterrows():
        assert row["start"] <= year, row["id"]
        assert pd.isna(row["end"]) or year < row["end"], row["id"]
        assert row["sources"], row["id"]


@pytest.mark.parametrize("year", YEARS)
def test_kinds_of_line_per_period(year):
    kinds = set(geo.borders(year)["kind"])
    if year < 1945:
        assert kinds == {"treaty"}
    else:
        assert kinds == {"de_facto", "claim"}


# (first year, last year) -> the treaties whose lines are drawn, with how many lines each.
TREATY_LINES = [
    (1855, 1874, {"shimoda_1855": 1}),                              # Friza Strait
    (1875, 1904, {"saint_petersburg_1875": 2}),                     # First Kuril and La Pérouse
    (1905, 1944, {"saint_petersburg_1875": 1, "portsmouth_1905": 1}),  # First Kuril and 50°N
]


@pytest.mark.parametrize("first, last, expected", TREATY_LINES, ids=["shimoda", "st_petersburg", "portsmouth"])
def test_treaty_lines_of_each_period(first, last, expected):
    for year in (first, (first + last) // 2, last):
        counts = geo.borders(year)["treaty"].value_counts().to_dict()
        assert counts == expected, year


@pytest.mark.parametrize("year", [1945, 1956, 2000, CURRENT_YEAR])
def test_since_1945_a_line_of_control_and_japans_claim(year):
    frame = geo.borders(year)
    assert (frame["kind"] == "de_facto").sum() >= 2   # La Pérouse and Nemuro–Goyomai
    assert (frame["kind"] == "claim").sum() >= 1      # the Friza Strait
    assert frame[frame["kind"] == "de_facto"]["treaty"].isna().all(), "no treaty made the line of control"
    assert "portsmouth_1905" not in set(frame["treaty"].dropna())


def test_lines_change_only_when_the_period_changes():
    starts = {p.start for p in ATLAS.periods}
    for _, row in ATLAS.border_lines.iterrows():
        assert row["start"] in starts, f"{row['id']} starts in {row['start']}, inside a period"
        assert pd.isna(row["end"]) or row["end"] in starts, f"{row['id']} ends in {row['end']}, inside a period"


@pytest.mark.parametrize("year", [y for y in YEARS if y < 1945])
def test_the_treaty_line_of_the_year_is_on_the_map(year):
    """Before 1945 every year shows its treaty's line; under the occupation of northern
    Sakhalin (1920–1924) the Portsmouth line on 50°N still stood as the treaty border."""
    expected = "portsmouth_1905" if 1920 <= year <= 1924 else geo.period_at(year).treaty
    assert expected in set(geo.borders(year)["treaty"].dropna()), year


# --- geometry ----------------------------------------------------------------------------

@pytest.mark.parametrize("year", YEARS)
def test_sea_borders_do_not_cross_land(year, land_union):
    for _, row in geo.borders(year).iterrows():
        if row["treaty"] == "portsmouth_1905" and row["kind"] == "treaty":
            continue  # the one land border, tested below
        crossing = shapely.intersection(row.geometry, land_union)
        assert crossing.is_empty, f"{year}: {row['id']} crosses land at {crossing.representative_point()}"


def _fiftieth_parallel():
    lines = _lines(1910, "treaty", "portsmouth_1905")
    assert len(lines) == 1
    return lines.geometry.iloc[0]


def test_fiftieth_parallel_lies_on_latitude_50():
    line = _fiftieth_parallel()
    coords = shapely.get_coordinates(line)
    assert (coords[:, 1] == 50.0).all(), coords
    assert coords[0, 1] == 50.0 and coords[-1, 1] == 50.0


def test_fiftieth_parallel_crosses_sakhalin_and_no_other_land():
    line = _fiftieth_parallel()
    land = ATLAS.land
    crossed = land[land.geometry.intersects(line)]
    assert set(crossed["island_id"]) == {"sakhalin"}


def test_fiftieth_parallel_land_part_is_about_130_km(land_union):
    line = _fiftieth_parallel()
    on_land = shapely.intersection(line, land_union)
    km = gpd.GeoSeries([on_land], crs="EPSG:4326").to_crs(UTM_54N).length.iloc[0] / 1000
    # treaties.md §2.2: "about 130–132 km"
    assert 120 <= km <= 140, km
    # and the line stops at the coasts: it is not drawn far out to sea
    whole = gpd.GeoSeries([line], crs="EPSG:4326").to_crs(UTM_54N).length.iloc[0] / 1000
    assert whole - km < 5, (whole, km)


def test_fiftieth_parallel_ends_near_the_reference_endpoints():
    # treaties.md §2.2: west end 50.00N 142.15E, east end 50.00N 143.99E.
    coords = shapely.get_coordinates(_fiftieth_parallel())
    west, east = sorted([tuple(coords[0]), tuple(coords[-1])])
    assert _km(Point(west), Point(142.15, 50.0)) < 3
    assert _km(Point(east), Point(143.99, 50.0)) < 3


def test_fiftieth_parallel_is_drawn_1905_to_1944_only():
    for year in (1905, 1920, 1924, 1944):
        assert len(_lines(year, "treaty", "portsmouth_1905")) == 1, year
    for year in (1904, 1945, CURRENT_YEAR):
        assert len(_lines(year, "treaty", "portsmouth_1905")) == 0, year


# --- separation: a segment between two known places crosses the year's line ---------------

SEPARATIONS = [
    # year, kind, treaty, place a, place b
    (1860, "treaty", "shimoda_1855", "KURILSK", "URUP"),
    (1880, "treaty", "saint_petersburg_1875", "SHUMSHU", "CAPE_LOPATKA"),
    (1930, "treaty", "saint_petersburg_1875", "SHUMSHU", "CAPE_LOPATKA"),
    (1880, "treaty", "saint_petersburg_1875", "WAKKANAI", "KORSAKOV"),
    (1910, "treaty", "portsmouth_1905", "ALEKSANDROVSK", "YUZHNO_SAKHALINSK"),
    (2000, "de_facto", None, "NEMURO", "YUZHNO_KURILSK"),
    (2000, "de_facto", None, "CAPE_NOSAPPU", "ZELYONY"),
    (2000, "claim", None, "KURILSK", "URUP"),
]


def _side(year, place):
    """The side a place is on: its holder, or for land one side claims, the claimant."""
    lon, lat = getattr(P, place)
    frame = geo.territories(year)
    hits = frame[frame.geometry.intersects(Point(lon, lat))]
    assert len(hits) == 1, f"{place} is not on exactly one piece of land"
    row = hits.iloc[0]
    return row["holder"], row["claimed_by"]


@pytest.mark.parametrize("year, kind, treaty_id, a, b", SEPARATIONS,
                         ids=[f"{y}-{k}-{a}-{b}" for y, k, _, a, b in SEPARATIONS])
def test_line_separates_places(year, kind, treaty_id, a, b):
    lines = _lines(year, kind, treaty_id)
    assert len(lines), f"no {kind} line of {treaty_id} in {year}"
    segment = LineString([getattr(P, a), getattr(P, b)])
    assert lines.geometry.intersects(segment).any(), f"the {kind} line does not pass between {a} and {b}"
    (holder_a, claim_a), (holder_b, claim_b) = _side(year, a), _side(year, b)
    assert holder_a == geo.holder_at(year, *getattr(P, a))
    if kind == "claim":
        # Both are held by Russia; the claim line separates what Japan claims from what it doesn't.
        assert holder_a == holder_b == "RU"
        assert (claim_a or holder_a) != (claim_b or holder_b), (claim_a, claim_b)
    else:
        assert holder_a != holder_b, (a, holder_a, b, holder_b)


# --- the sea lines run through the named straits ------------------------------------------

STRAITS = [
    # year, kind, treaty, strait (treaties.md §2.1)
    (1860, "treaty", "shimoda_1855", "FRIZA_STRAIT"),
    (2000, "claim", None, "FRIZA_STRAIT"),
    (1880, "treaty", "saint_petersburg_1875", "FIRST_KURIL_STRAIT"),
    (1930, "treaty", "saint_petersburg_1875", "FIRST_KURIL_STRAIT"),
    (1880, "treaty", "saint_petersburg_1875", "LA_PEROUSE_STRAIT"),
    (2000, "de_facto", None, "LA_PEROUSE_STRAIT"),
    (2000, "de_facto", None, "GOYOMAI_STRAIT"),
]


@pytest.mark.parametrize("year, kind, treaty_id, strait", STRAITS,
                         ids=[f"{y}-{k}-{s}" for y, k, _, s in STRAITS])
def test_line_passes_through_its_strait(year, kind, treaty_id, strait):
    lines = _lines(year, kind, treaty_id)
    assert len(lines)
    nearest = min(_km(geometry, Point(getattr(P, strait))) for geometry in lines.geometry)
    assert nearest < 5, f"the {kind} line of {year} passes {nearest:.1f} km from the {strait}"


# --- the sea lines keep to the middle of their straits -------------------------------------------

# (line, year, the islands on each side, the box of the strait: W, S, E, N degrees)
STRAIT_SIDES = [
    ("shimoda_friza_strait", 1860, {"iturup"}, {"urup"}, (148.8, 45.2, 149.6, 45.9)),
    ("saint_petersburg_first_kuril_strait", 1880, {"kamchatka"}, {"shumshu"}, (156.4, 50.7, 156.9, 51.0)),
    ("saint_petersburg_la_perouse_strait", 1880, {"hokkaido", "rebun", "rishiri"}, {"sakhalin", "moneron"},
     (141.4, 45.4, 142.7, 46.0)),
    ("line_of_control_nemuro_goyomai", 2000, {"hokkaido"},
     {"kunashir", "shikotan", "tanfilyev", "anuchina", "yury", "zelyony", "polonsky", "demina", "storozhevoy",
      "rifovy", "oskolki", "shishki", "signalny"}, (145.1, 43.2, 146.0, 44.45)),
]


def _side_land(island_ids):
    """The land of these islands in metres; a rock below the coastline's resolution counts
    as its label point (Kaigara/Signalny, 3.7 km off Cape Nosappu)."""
    land = ATLAS.land[ATLAS.land["island_id"].isin(island_ids)].geometry.union_all()
    rocks = [Point(ATLAS.islands[i].lon, ATLAS.islands[i].lat) for i in island_ids
             if ATLAS.land[ATLAS.land["island_id"] == i].empty]
    return gpd.GeoSeries([shapely.union_all([land, *rocks])], crs="EPSG:4326").to_crs(METRIC).iloc[0]


@pytest.mark.parametrize("line_id, year, side_a, side_b, frame", STRAIT_SIDES, ids=[s[0] for s in STRAIT_SIDES])
def test_a_sea_line_runs_near_the_middle_of_its_strait(line_id, year, side_a, side_b, frame):
    """Sampled every kilometre, the line is never within 1 km of a coast, and the nearer coast
    is never less than 40 % of the strait's width there (50 % is the exact middle)."""
    (line,) = geo.borders(year).set_index("id").loc[[line_id]].geometry
    inside = gpd.GeoSeries([shapely.intersection(line, shapely.box(*frame))], crs="EPSG:4326").to_crs(METRIC).iloc[0]
    a, b = _side_land(side_a), _side_land(side_b)
    for step in range(0, int(inside.length), 1000):
        point = inside.interpolate(step)
        near, far = sorted((point.distance(a), point.distance(b)))
        assert near > 1000, f"{line_id} passes {near:.0f} m from a coast"
        assert near / (near + far) >= 0.4, f"{line_id} is off-centre: {near / (near + far):.0%} of the width"
