"""The land of the atlas: the coastline's polygons named after the islands of the gazetteer
and cut into the holding areas.

``coastline.geojson`` (GSHHG, see ``data/LICENSE-coastline.md``) has hundreds of unnamed
polygons; ``islands.csv`` has a label point for every named island.  A polygon that holds a
label point belongs to that island; every other polygon (rocks and islets the gazetteer does
not name) goes to the nearest named island.  Islands are then grouped into the holding areas
of ``areas.yaml``, which may cut a group along a parallel (Sakhalin on 50°N).
"""

from __future__ import annotations

from collections.abc import Iterable

import geopandas as gpd
import numpy as np
import shapely
from shapely.geometry import box

from .errors import Problem
from .frame import EQUAL_AREA_CRS, GEOGRAPHIC_CRS
from .schema import Area, Island

#: A label point may sit on a rock too small for the coastline, but not farther than this
#: from any land: a larger gap means a mistyped coordinate.
LABEL_TOLERANCE_M = 2000
ISLANDS_FILE = "islands.csv"
COASTLINE_FILE = "coastline.geojson"


def area_band(area: Area) -> shapely.Polygon | None:
    """The band of latitude an area keeps, or None if it keeps its groups whole."""
    if area.north_of is None and area.south_of is None:
        return None
    south = area.north_of if area.north_of is not None else -90.0
    north = area.south_of if area.south_of is not None else 90.0
    return box(-180.0, south, 180.0, north)


def in_band(area: Area, lat: float) -> bool:
    """Whether latitude ``lat`` belongs to ``area``'s band: ``north_of`` is inclusive and
    ``south_of`` exclusive, so a point on 50°N is in northern Sakhalin."""
    return (area.north_of is None or lat >= area.north_of) and (area.south_of is None or lat < area.south_of)


def polygons(features: list, problems: list[Problem]) -> gpd.GeoSeries:
    """The valid polygons of the coastline's GeoJSON features (EPSG:4326); each invalid one
    is reported in ``problems`` and left out."""
    shapes = []
    for number, feature in enumerate(features, start=1):
        try:
            shape = shapely.geometry.shape(feature["geometry"])
        except (KeyError, TypeError, ValueError, AttributeError, shapely.errors.GEOSException) as error:
            problems.append(Problem(COASTLINE_FILE, f"feature {number}", f"no readable geometry ({error})"))
            continue
        if shape.geom_type != "Polygon" or not shape.is_valid:
            problems.append(Problem(COASTLINE_FILE, f"feature {number}",
                                    f"not a valid polygon ({shapely.is_valid_reason(shape)})"))
            continue
        shapes.append(shape)
    return gpd.GeoSeries(shapes, crs=GEOGRAPHIC_CRS)


def _island_of_each_polygon(coast: gpd.GeoSeries, islands: Iterable[Island], problems: list[Problem]) -> np.ndarray:
    islands = list(islands)
    metric = coast.to_crs(EQUAL_AREA_CRS).values
    labels = gpd.GeoSeries(gpd.points_from_xy([i.lon for i in islands], [i.lat for i in islands]),
                           crs=GEOGRAPHIC_CRS).to_crs(EQUAL_AREA_CRS).values
    owner = np.full(len(coast), None, dtype=object)
    tree = shapely.STRtree(metric)
    for island, point in zip(islands, labels):
        inside = tree.query(point, predicate="intersects")
        if len(inside) == 0:
            _, distance = tree.query_nearest(point, return_distance=True)
            if distance[0] > LABEL_TOLERANCE_M:
                problems.append(Problem(ISLANDS_FILE, f"island {island.id}",
                                        f"label point is {distance[0] / 1000:.1f} km from the nearest land in "
                                        f"{COASTLINE_FILE}; check lon/lat"))
            continue  # a rock below the coastline's resolution: named, but owns no polygon
        polygon = inside[0]
        if owner[polygon] is not None:
            problems.append(Problem(ISLANDS_FILE, f"island {island.id}",
                                    f"label point lies on the same land as {owner[polygon]}"))
            continue
        owner[polygon] = island.id
    named = np.flatnonzero(owner != None)  # noqa: E711 - element-wise comparison
    unnamed = np.flatnonzero(owner == None)  # noqa: E711
    if len(named) and len(unnamed):
        source, target = shapely.STRtree(metric[named]).query_nearest(metric[unnamed], all_matches=False)
        owner[unnamed[source]] = owner[named[target]]
    return owner


def island_pieces(coast: gpd.GeoSeries, islands: Iterable[Island], areas: Iterable[Area],
                  problems: list[Problem]) -> gpd.GeoDataFrame:
    """Every piece of land: one row per island and holding area (Sakhalin is two rows).

    Parameters
    ----------
    coast : GeoSeries
        The coastline's polygons, EPSG:4326.
    islands, areas
        The gazetteer and the holding areas.
    problems : list of Problem
        Label points far from land, or two on one polygon, are added here.

    Returns
    -------
    GeoDataFrame
        Columns ``island_id``, ``area`` and a (Multi)Polygon ``geometry`` in EPSG:4326.
    """
    islands = list(islands)
    owners = _island_of_each_polygon(coast, islands, problems)
    merged = gpd.GeoDataFrame({"island_id": owners}, geometry=coast.values, crs=GEOGRAPHIC_CRS)
    by_island = merged.dissolve(by="island_id", sort=False).geometry
    rows = []
    for area in areas:
        band = area_band(area)
        for island in islands:
            if island.group not in area.groups or island.id not in by_island.index:
                continue
            piece = by_island[island.id] if band is None else shapely.intersection(by_island[island.id], band)
            if not piece.is_empty:
                rows.append({"island_id": island.id, "area": area.id, "geometry": piece})
    return gpd.GeoDataFrame(rows, columns=["island_id", "area", "geometry"], geometry="geometry", crs=GEOGRAPHIC_CRS)
