"""Border lines from ``data/borders.geojson``: treaty lines, lines of control and claim lines.

Sea borders are schematic lines through the named straits (treaties of the period name
straits, not coordinates); the one land border is Sakhalin's 50th parallel, 1905–1945.
Each line is valid for a span of years (``end`` exclusive, empty for today).
"""

from __future__ import annotations

import geopandas as gpd
import pandas as pd

from .periods import period_at
from .sources import DataError, parse_each, per_data_dir, read_geojson
from .treaties import TREATIES_FILE, treaties

BORDERS_FILE = "borders.geojson"
KINDS = ("treaty", "de_facto", "claim")
COLUMNS = ["id", "kind", "treaty_id", "start", "end", "name_en", "name_ko", "source", "source_url"]


@per_data_dir
def border_lines() -> gpd.GeoDataFrame:
    """Every border line of every period, checked: kind, years, treaty and geometry."""
    collection = read_geojson(BORDERS_FILE)
    try:
        lines = gpd.GeoDataFrame.from_features(collection["features"], crs="EPSG:4326")
    except (KeyError, TypeError, ValueError, AttributeError) as err:
        raise DataError(BORDERS_FILE, f"cannot read the features: {err}") from None
    missing = [c for c in COLUMNS if c not in lines.columns]
    if missing:
        raise DataError(BORDERS_FILE, f"features lack the properties {', '.join(missing)}")
    known_treaties = set(treaties())

    def check(numbered_row) -> None:
        index, row = numbered_row
        feature = f"line {row['id'] or index + 1}"
        geometry = row.geometry
        if geometry is None or geometry.geom_type not in ("LineString", "MultiLineString") \
                or not geometry.is_valid or geometry.is_empty:
            raise DataError(BORDERS_FILE, "geometry must be a valid (Multi)LineString", feature)
        if row["kind"] not in KINDS:
            raise DataError(BORDERS_FILE, f"kind {row['kind']!r} is not one of {', '.join(KINDS)}", feature)
        if pd.notna(row["treaty_id"]) and row["treaty_id"] not in known_treaties:
            raise DataError(BORDERS_FILE, f"treaty {row['treaty_id']!r} is not in {TREATIES_FILE}", feature)
        if not isinstance(row["start"], (int, float)) or pd.isna(row["start"]) or (
                pd.notna(row["end"]) and row["end"] <= row["start"]):
            raise DataError(BORDERS_FILE, "'start' must be a year before 'end'", feature)
        if not row["source"] or not str(row["source_url"]).startswith(("https://", "http://")):
            raise DataError(BORDERS_FILE, "every line needs a 'source' and a 'source_url'", feature)

    parse_each(list(lines.iterrows()), check)
    if lines["id"].duplicated().any():
        raise DataError(BORDERS_FILE, "duplicate id", f"line {lines['id'][lines['id'].duplicated()].iloc[0]}")
    lines["treaty_id"] = lines["treaty_id"].astype(object).where(lines["treaty_id"].notna(), None)
    lines["start"] = lines["start"].astype(int)
    lines["end"] = lines["end"].astype("Int64")
    return lines[COLUMNS + ["geometry"]]


def borders(year: int) -> gpd.GeoDataFrame:
    """The border lines of ``year``: columns id, kind ('treaty' | 'de_facto' | 'claim'),
    treaty_id, start, end (exclusive), name_en, name_ko, source, source_url; EPSG:4326."""
    period_at(year)  # a year before the first treaty is an error, not an empty map
    lines = border_lines()
    valid = (lines["start"] <= year) & ~(lines["end"] <= year).fillna(False).astype(bool)
    return lines[valid].reset_index(drop=True)
