"""Dated events of Russia/USSR–Japan relations, from ``data/events.yaml``.

Each event has a date with its precision (a day, a month or only a year), an optional end,
a place (with coordinates where it is a point on or near the map), a title and a one-line
description in English and Korean, and its sources.  Adding an event is a data edit.
"""

from __future__ import annotations


import pandas as pd

from .land import COASTLINE_BOX
from .sources import DataError, Source, Text, parse_each, parse_date, per_data_dir, read_yaml, require_list
from .treaties import TREATIES_FILE, treaties

EVENTS_FILE = "events.yaml"
PRECISIONS = ("day", "month", "year")
COLUMNS = ["id", "date", "end_date", "precision", "title", "description", "place", "lon", "lat",
           "treaty_id", "sources", "contested"]


def _coordinate(record: dict, feature: str) -> tuple[float | None, float | None]:
    lon, lat = record.get("lon"), record.get("lat")
    if lon is None and lat is None:
        return None, None
    try:
        lon, lat = float(lon), float(lat)
    except (TypeError, ValueError):
        raise DataError(EVENTS_FILE, "'lon' and 'lat' must both be numbers", feature) from None
    west, south, east, north = COASTLINE_BOX
    if not (west <= lon <= east and south <= lat <= north):
        raise DataError(EVENTS_FILE, f"({lon}, {lat}) is off the map ({west}–{east}°E, {south}–{north}°N); "
                        "give coordinates only for places on the map", feature)
    return lon, lat


def _event(record: dict, treaty_ids: set[str]) -> dict:
    feature = f"event {record.get('id') or '?'}"
    precision = record.get("precision", "day")
    if precision not in PRECISIONS:
        raise DataError(EVENTS_FILE, f"precision {precision!r} is not one of {', '.join(PRECISIONS)}", feature)
    date = parse_date(record.get("date"), EVENTS_FILE, feature, "date")
    end = parse_date(record["end_date"], EVENTS_FILE, feature, "end_date") if record.get("end_date") else None
    if end is not None and end < date:
        raise DataError(EVENTS_FILE, f"ends ({end}) before it starts ({date})", feature)
    treaty_id = record.get("treaty")
    if treaty_id is not None and treaty_id not in treaty_ids:
        raise DataError(EVENTS_FILE, f"treaty {treaty_id!r} is not in {TREATIES_FILE}", feature)
    sources = tuple(Source.parse(s, EVENTS_FILE, feature) for s in record.get("sources") or [])
    if not sources:
        raise DataError(EVENTS_FILE, "no source", feature)
    lon, lat = _coordinate(record, feature)
    contested = record.get("contested")
    return {
        "id": str(record.get("id") or ""),
        "date": pd.Timestamp(date),
        "end_date": pd.Timestamp(end) if end else pd.NaT,
        "precision": precision,
        "title": Text.parse(record.get("title"), EVENTS_FILE, feature, "title"),
        "description": Text.parse(record.get("description"), EVENTS_FILE, feature, "description"),
        "place": Text.parse(record.get("place"), EVENTS_FILE, feature, "place"),
        "lon": lon,
        "lat": lat,
        "treaty_id": treaty_id,
        "sources": sources,
        "contested": Text.parse(contested, EVENTS_FILE, feature, "contested") if contested else None,
    }


@per_data_dir
def _events() -> pd.DataFrame:
    treaty_ids = set(treaties())
    rows = parse_each(require_list(read_yaml(EVENTS_FILE), EVENTS_FILE), lambda record: _event(record, treaty_ids))
    frame = pd.DataFrame(rows, columns=COLUMNS)
    if (frame["id"] == "").any() or frame["id"].duplicated().any():
        duplicate = frame["id"][frame["id"].duplicated()]
        raise DataError(EVENTS_FILE, "every event needs a unique id",
                        f"event {duplicate.iloc[0]}" if len(duplicate) else None)
    return frame.sort_values("date", kind="stable").reset_index(drop=True)


def events() -> pd.DataFrame:
    """Every event in date order: id, date and end_date (Timestamps), precision, title,
    description and place (Text: ``.en``, ``.ko``), lon, lat (None where not a point),
    treaty_id, sources, contested."""
    return _events().copy()


def events_near(year: int, window: int = 2) -> pd.DataFrame:
    """Events under way within ``window`` years of ``year``."""
    frame = _events()
    start = frame["date"].dt.year
    end = frame["end_date"].dt.year.fillna(start)
    return frame[(start <= year + window) & (end >= year - window)].reset_index(drop=True)
