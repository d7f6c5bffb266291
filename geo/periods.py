"""Border periods from ``data/periods.yaml``: who held and who claimed each area, year by year.

A period is a span of whole years with one border regime.  ``end`` is exclusive, and the
last period is open (``end is None``).  Loading checks that periods follow each other with
no gap or overlap, that every holding area has a holder in every period, and that every
treaty named exists.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .land import AREAS_FILE, areas
from .sources import DataError, Source, Text, parse_date, parse_each, per_data_dir, read_yaml, require_list
from .treaties import TREATIES_FILE, treaties

PERIODS_FILE = "periods.yaml"
HOLDERS = {"RU", "JP", "joint"}
CLAIMANTS = {"RU", "JP"}


@dataclass(frozen=True)
class Milestone:
    date: dt.date
    text: Text
    sources: tuple[Source, ...]
    treaty_id: str | None = None


@dataclass(frozen=True)
class Period:
    id: str
    start: int
    end: int | None
    treaty_id: str
    title: Text
    description: Text
    holders: dict[str, str]
    claims: dict[str, str] = field(default_factory=dict)
    occupied: frozenset[str] = frozenset()
    milestones: tuple[Milestone, ...] = ()
    sources: tuple[Source, ...] = ()

    def __contains__(self, year: int) -> bool:
        return self.start <= year and (self.end is None or year < self.end)

    def status(self, area: str) -> str:
        """How an area is held: 'joint', 'occupied', 'disputed' (held, claimed by the other
        side) or 'sovereign'."""
        if self.holders[area] == "joint":
            return "joint"
        if area in self.occupied:
            return "occupied"
        if area in self.claims:
            return "disputed"
        return "sovereign"

    def milestones_until(self, year: int) -> tuple[Milestone, ...]:
        return tuple(m for m in self.milestones if m.date.year <= year)


def _year(value, feature: str, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise DataError(PERIODS_FILE, f"'{name}' {value!r} is not a whole year", feature)
    return value


def _milestone(record: dict, feature: str) -> Milestone:
    date = parse_date(record.get("date"), PERIODS_FILE, feature, "milestone date")
    sources = tuple(Source.parse(s, PERIODS_FILE, feature) for s in record.get("sources") or [])
    if not sources:
        raise DataError(PERIODS_FILE, f"milestone of {date} has no source", feature)
    return Milestone(date=date, text=Text.parse(record.get("text"), PERIODS_FILE, feature, "text"),
                     sources=sources, treaty_id=record.get("treaty"))


def _period(record: dict, area_ids: set[str], treaty_ids: set[str]) -> Period:
    period_id = str(record.get("id") or "")
    feature = f"period {period_id or '?'}"
    start = _year(record.get("start"), feature, "start")
    end = None if record.get("end") is None else _year(record.get("end"), feature, "end")
    if end is not None and end <= start:
        raise DataError(PERIODS_FILE, f"ends ({end}) before it starts ({start})", feature)
    holders = record.get("holders") or {}
    missing = sorted(area_ids - set(holders))
    if missing:
        raise DataError(PERIODS_FILE, f"no holder for area(s) {', '.join(missing)}", feature)
    unknown = sorted(set(holders) - area_ids)
    if unknown:
        raise DataError(PERIODS_FILE, f"unknown area(s) {', '.join(unknown)} (not in {AREAS_FILE})", feature)
    for area, holder in holders.items():
        if holder not in HOLDERS:
            raise DataError(PERIODS_FILE, f"holder of {area} is {holder!r}; expected RU, JP or joint", feature)
    claims = record.get("claims") or {}
    for area, claimant in claims.items():
        if area not in area_ids or claimant not in CLAIMANTS or claimant == holders[area]:
            raise DataError(PERIODS_FILE, f"claim {area}: {claimant!r} must be an area held by the other side", feature)
    occupied = frozenset(record.get("occupied") or ())
    if not occupied <= area_ids:
        raise DataError(PERIODS_FILE, f"occupied area(s) {sorted(occupied - area_ids)} unknown", feature)
    milestones = tuple(_milestone(m, feature) for m in record.get("milestones") or [])
    for treaty_id in [record.get("treaty"), *(m.treaty_id for m in milestones if m.treaty_id)]:
        if treaty_id not in treaty_ids:
            raise DataError(PERIODS_FILE, f"treaty {treaty_id!r} is not in {TREATIES_FILE}", feature)
    sources = tuple(Source.parse(s, PERIODS_FILE, feature) for s in record.get("sources") or [])
    if not sources:
        raise DataError(PERIODS_FILE, "no source", feature)
    return Period(
        id=period_id, start=start, end=end, treaty_id=record["treaty"],
        title=Text.parse(record.get("title"), PERIODS_FILE, feature, "title"),
        description=Text.parse(record.get("description"), PERIODS_FILE, feature, "description"),
        holders=dict(holders), claims=dict(claims), occupied=occupied,
        milestones=milestones, sources=sources,
    )


@per_data_dir
def periods() -> tuple[Period, ...]:
    """Every period, in time order, checked for gaps, overlaps and missing holders."""
    area_ids, treaty_ids = set(areas()), set(treaties())
    records = require_list(read_yaml(PERIODS_FILE), PERIODS_FILE)
    loaded = tuple(parse_each(records, lambda record: _period(record, area_ids, treaty_ids)))
    ids = [p.id for p in loaded]
    if len(set(ids)) != len(ids) or "" in ids:
        raise DataError(PERIODS_FILE, "period ids must be present and unique")
    for before, after in zip(loaded, loaded[1:]):
        if before.end != after.start:
            gap = "a gap" if before.end is not None and before.end < after.start else "an overlap"
            raise DataError(PERIODS_FILE, f"{gap} between {before.id} (ends {before.end}) and "
                            f"{after.id} (starts {after.start})", f"period {after.id}")
    if loaded[-1].end is not None:
        raise DataError(PERIODS_FILE, "the last period must be open (no 'end')", f"period {loaded[-1].id}")
    return loaded


def first_year() -> int:
    return periods()[0].start


def period_at(year: int) -> Period:
    """The border period in force during ``year``; ValueError before the first treaty."""
    for period in periods():
        if year in period:
            return period
    raise ValueError(f"{year} is before the first border treaty ({first_year()})")


def previous(period: Period) -> Period | None:
    ordered = periods()
    index = ordered.index(period)
    return ordered[index - 1] if index else None
