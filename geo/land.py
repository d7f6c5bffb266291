"""The land of the atlas: coastline polygons named after the islands of the gazetteer.

``data/coastline.geojson`` (GSHHG, see ``data/LICENSE-coastline.md``) has hundreds of
unnamed polygons; ``data/islands.csv`` has a label point for every named island.  A polygon
that holds a label point belongs to that island; every other polygon (rocks, islets, the
small islands the gazetteer does not name) goes to the nearest named island.  Islands are
then grouped into the holding areas of ``data/areas.yaml``, which may cut a group along a
parallel (Sakhalin on 50°N).
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry import box

from .sources import DataError, Text, per_data_dir, read_csv, read_geojson, read_yaml, require_list

ISLANDS_FILE = "islands.csv"
AREAS_FILE = "areas.yaml"
COASTLINE_FILE = "coastline.geojson"
ISLAND_COLUMNS = [
    "id", "name_en", "name_ru", "name_ru_cyrillic", "name_ja", "name_ja_kanji", "name_ko", "name_ko_ja",
    "group", "lon", "lat", "source",
]
# Lambert azimuthal equal-area centred on the Kurils: distances in metres for matching.
METRIC_CRS = "+proj=laea +lat_0=48 +lon_0=150 +datum=WGS84 +units=m"
# A label point may sit on a rock too small for the coastline, but not farther than this
# from any land: a larger gap means a mistyped coordinate.
LABEL_TOLERANCE_M = 2000
WORLD = (-180.0, -90.0, 180.0, 90.0)
# West, south, east, north: the box scripts/build_coastline.py clips the coastline to.
COASTLINE_BOX = (139.0, 41.0, 163.0, 56.0)


@dataclass(frozen=True)
class Area:
    id: str
    name: Text
    groups: tuple[str, ...]
    north_of: float | None
    south_of: float | None
    context: bool
    note: Text | None

    def cut(self, geometry):
        """The part of ``geometry`` inside this area's band of latitude."""
        if self.north_of is None and self.south_of is None:
            return geometry
        west, south, east, north = WORLD
        band = box(west, self.north_of if self.north_of is not None else south,
                   east, self.south_of if self.south_of is not None else north)
        return shapely.intersection(geometry, band)


@per_data_dir
def areas() -> dict[str, Area]:
    """The holding areas by id, in the order of ``areas.yaml``."""
    by_id: dict[str, Area] = {}
    for record in require_list(read_yaml(AREAS_FILE), AREAS_FILE):
        area_id = str(record.get("id") or "")
        feature = f"area {area_id or '?'}"
        if not area_id or area_id in by_id:
            raise DataError(AREAS_FILE, "missing or duplicate id", feature)
        groups = record.get("groups")
        if not isinstance(groups, list) or not groups:
            raise DataError(AREAS_FILE, "'groups' must list gazetteer groups", feature)
        note = record.get("note")
        by_id[area_id] = Area(
            id=area_id,
            name=Text.parse(record.get("name"), AREAS_FILE, feature, "name"),
            groups=tuple(map(str, groups)),
            north_of=_latitude(record.get("north_of"), feature),
            south_of=_latitude(record.get("south_of"), feature),
            context=bool(record.get("context", False)),
            note=Text.parse(note, AREAS_FILE, feature, "note") if note else None,
        )
    return by_id


def _latitude(value, feature: str) -> float | None:
    if value is None:
        return None
    try:
        latitude = float(value)
    except (TypeError, ValueError):
        latitude = float("nan")
    if not -90 <= latitude <= 90:
        raise DataError(AREAS_FILE, f"latitude {value!r} is not a number between -90 and 90", feature)
    return latitude


@per_data_dir
def islands() -> pd.DataFrame:
    """The gazetteer: one row per named island, with names in every language and a label point."""
    table = read_csv(ISLANDS_FILE, ISLAND_COLUMNS)
    duplicated = table["id"][table["id"].duplicated()].tolist()
    if duplicated:
        raise DataError(ISLANDS_FILE, "duplicate id", f"island {duplicated[0]}")
    for column in ("lon", "lat"):
        numbers = pd.to_numeric(table[column], errors="coerce")
        bad = table["id"][numbers.isna()].tolist()
        if bad:
            raise DataError(ISLANDS_FILE, f"'{column}' is not a number", f"island {bad[0]}")
        table[column] = numbers
    for column in ("id", "name_en", "name_ko", "group"):
        empty = table["id"][table[column].str.strip() == ""].tolist()
        if empty:
            raise DataError(ISLANDS_FILE, f"'{column}' is empty", f"island {empty[0] or '?'}")
    grouped = {group for area in areas().values() for group in area.groups}
    stray = table[~table["group"].isin(grouped)]
    if len(stray):
        row = stray.iloc[0]
        raise DataError(ISLANDS_FILE, f"group {row['group']!r} belongs to no area in {AREAS_FILE}",
                        f"island {row['id']}")
    return table.set_index("id", drop=False)


def _coastline() -> gpd.GeoSeries:
    collection = read_geojson(COASTLINE_FILE)
    try:
        polygons = gpd.GeoDataFrame.from_features(collection["features"], crs="EPSG:4326").geometry
    except (KeyError, TypeError, ValueError, AttributeError) as err:
        raise DataError(COASTLINE_FILE, f"cannot read the features: {err}") from None
    for index, geometry in polygons.items():
        if geometry is None or geometry.geom_type != "Polygon" or not geometry.is_valid:
            reason = shapely.is_valid_reason(geometry) if geometry is not None else "no geometry"
            raise DataError(COASTLINE_FILE, f"not a valid polygon ({reason})", f"feature {index + 1}")
    return polygons.reset_index(drop=True)


def _island_of_each_polygon(coast: gpd.GeoSeries, gazetteer: pd.DataFrame) -> np.ndarray:
    metric = coast.to_crs(METRIC_CRS)
    labels = gpd.GeoSeries(gpd.points_from_xy(gazetteer["lon"], gazetteer["lat"]),
                           crs="EPSG:4326").to_crs(METRIC_CRS)
    owner = np.full(len(coast), None, dtype=object)
    tree = shapely.STRtree(metric.values)
    for island_id, point in zip(gazetteer["id"], labels.values):
        inside = tree.query(point, predicate="intersects")
        if len(inside) == 0:
            nearest, distance = tree.query_nearest(point, return_distance=True)
            if distance[0] > LABEL_TOLERANCE_M:
                raise DataError(
                    ISLANDS_FILE,
                    f"label point is {distance[0] / 1000:.1f} km from the nearest land in "
                    f"{COASTLINE_FILE}; check lon/lat",
                    f"island {island_id}",
                )
            continue  # a rock below the coastline's resolution: named, but owns no polygon
        polygon = inside[0]
        if owner[polygon] is not None:
            raise DataError(ISLANDS_FILE, f"label point lies on the same land as {owner[polygon]}",
                            f"island {island_id}")
        owner[polygon] = island_id
    named = np.flatnonzero(owner != None)  # noqa: E711 - element-wise comparison
    named_tree = shapely.STRtree(metric.values[named])
    unnamed = np.flatnonzero(owner == None)  # noqa: E711
    source, target = named_tree.query_nearest(metric.values[unnamed], all_matches=False)
    owner[unnamed[source]] = owner[named[target]]
    return owner


@per_data_dir
def land() -> gpd.GeoDataFrame:
    """Every piece of land, one row per island and holding area (Sakhalin is two rows).

    Columns: ``island_id``, ``area``, the gazetteer names, and a (Multi)Polygon ``geometry``
    in EPSG:4326.
    """
    gazetteer = islands()
    coast = _coastline()
    owners = _island_of_each_polygon(coast, gazetteer)
    merged = gpd.GeoDataFrame({"island_id": owners}, geometry=coast.values, crs="EPSG:4326")
    by_island = merged.dissolve(by="island_id", sort=False)
    rows = []
    for area in areas().values():
        members = gazetteer[gazetteer["group"].isin(area.groups)]["id"]
        for island_id in members:
            if island_id not in by_island.index:
                continue
            piece = area.cut(by_island.geometry[island_id])
            if not piece.is_empty:
                rows.append({"island_id": island_id, "area": area.id, "geometry": piece})
    pieces = gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")
    names = gazetteer.drop(columns=["id", "lon", "lat", "source"])
    return pieces.join(names, on="island_id").reset_index(drop=True)
