"""Who held and who claimed each piece of land, year by year: land (``land.py``) joined with
the holders of the period (``periods.py``)."""

from __future__ import annotations

import geopandas as gpd
import shapely

from .land import land
from .periods import period_at, periods
from .sources import per_data_dir


@per_data_dir
def territories_by_period() -> dict[str, gpd.GeoDataFrame]:
    pieces = land()
    frames = {}
    for period in periods():
        frame = pieces.copy()
        frame["holder"] = frame["area"].map(period.holders)
        frame["claimed_by"] = frame["area"].map(period.claims).astype(object)
        frame["claimed_by"] = frame["claimed_by"].where(frame["claimed_by"].notna(), None)
        frame["status"] = frame["area"].map(period.status)
        frame["period_id"] = period.id
        frames[period.id] = frame
    return frames


def territories(year: int) -> gpd.GeoDataFrame:
    """Every piece of land in ``year``, with who held it at the end of that year.

    Columns: island_id, area, the gazetteer names, holder ('RU' | 'JP' | 'joint'),
    claimed_by ('RU' | 'JP' | None), status ('sovereign' | 'joint' | 'occupied' |
    'disputed'), period_id; (Multi)Polygon geometry in EPSG:4326.
    """
    return territories_by_period()[period_at(year).id].copy()


@per_data_dir
def _land_index() -> shapely.STRtree:
    return shapely.STRtree(land().geometry.values)


def holder_at(year: int, lon: float, lat: float) -> str | None:
    """Who held the land at (lon, lat) at the end of ``year``: 'RU', 'JP', 'joint', or None
    for the sea (or land outside the atlas)."""
    hits = _land_index().query(shapely.Point(lon, lat), predicate="intersects")
    if len(hits) == 0:
        return None
    return period_at(year).holders[land()["area"].iloc[hits[0]]]
