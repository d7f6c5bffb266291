"""One validated, immutable snapshot of the data folder, and the questions it answers.

:func:`build` reads every file of a :class:`~geo.model.readers.DataFolder` against the
schema (:mod:`geo.model.schema`), checks what ties the files together (every area has a
holder in every period, every document named exists, periods follow each other with no gap)
and either returns an :class:`Atlas` or raises :class:`~geo.model.errors.DataError` listing
every problem of every file.  The snapshot's ``version`` is the hash of the files it was read
from: whatever is derived from it (map layers, text, downloads) can be cached by it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, cached_property, lru_cache
from typing import Any, TypeVar

import geopandas as gpd
import pandas as pd
import shapely
from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError

from . import coastline
from .errors import DataError, Problem
from .frame import GEOGRAPHIC_CRS, MAP_FRAME
from .readers import DataFolder, parse_csv, parse_json, parse_yaml
from .schema import (
    Area,
    BorderLine,
    Datasets,
    Dispute,
    Event,
    Island,
    Language,
    Message,
    Period,
    State,
    Treaty,
    Viewpoint,
)

M = TypeVar("M", bound=BaseModel)

LANGUAGES_FILE = "languages.yaml"
MESSAGES_FILE = "ui.yaml"
STATES_FILE = "states.yaml"
AREAS_FILE = "areas.yaml"
ISLANDS_FILE = coastline.ISLANDS_FILE
COASTLINE_FILE = coastline.COASTLINE_FILE
PERIODS_FILE = "periods.yaml"
TREATIES_FILE = "treaties.yaml"
EVENTS_FILE = "events.yaml"
DISPUTE_FILE = "dispute.yaml"
DATASETS_FILE = "datasets.yaml"
VIEWPOINTS_FILE = "viewpoints.yaml"
BORDERS_FILE = "borders.geojson"
#: The viewpoint of the atlas's own map: who held the land, and who claims it.
NEUTRAL = "neutral"
#: Columns of ``islands.csv`` besides the names, which are ``name_ru.<code>`` and
#: ``name_ja.<code>`` for each language, ``name_ru.cyrillic`` and ``name_ja.kanji``.
#: ``note`` is for editors and never shown.
ISLAND_COLUMNS = ("id", "group", "lon", "lat", "sources", "note")
BORDER_COLUMNS = ["id", "kind", "treaty", "start", "end", "name", "sources", "view", "geometry"]
#: Events within this many years of the chosen year are "around" it (map markers, the list
#: under the map).
EVENT_WINDOW_YEARS = 2


def _reasons(error: ValidationError) -> list[str]:
    reasons = []
    for item in error.errors(include_url=False):
        where = ".".join(str(part) for part in item["loc"])
        # Pydantic speaks of Python types; the files are YAML, CSV and JSON.
        message = re.sub(r" or instance of \w+", "", item["msg"].removeprefix("Value error, "))
        message = message.replace("valid dictionary", "mapping (key: value)").replace("valid tuple", "list")
        reasons.append(f"{where}: {message}" if where else message)
    return reasons


class _Reader:
    """Validates the files of one folder, collecting every problem instead of stopping at
    the first."""

    def __init__(self, folder: DataFolder):
        self.folder = folder
        self.problems: list[Problem] = []
        self.context: dict[str, Any] = {}
        #: Keys of records that failed validation, by file: references to them are not
        #: reported again as references to nothing.
        self.invalid: dict[str, set] = {}
        #: Files that could not be read at all: nothing that refers to them is checked.
        self.unreadable: set[str] = set()

    def report(self, file: str, record: str | None, reason: str) -> None:
        """Note one problem."""
        self.problems.append(Problem(file, record, reason))

    def parsed(self, file: str, parse: Callable[[DataFolder, str], Any]) -> Any:
        """The file parsed by ``parse``, or None with its problems noted."""
        try:
            return parse(self.folder, file)
        except DataError as error:
            self.problems += error.problems
            self.unreadable.add(file)
            return None

    def one(self, file: str, model: Any, value: Any, record: str | None = None) -> Any:
        """``value`` validated as ``model`` (a record class or an annotated type), or None
        with its problems reported."""
        try:
            return _adapter(model).validate_python(value, context=self.context)
        except ValidationError as error:
            for reason in _reasons(error):
                self.report(file, record, reason)
            return None

    def records(self, file: str, kind: str, model: type[M], raw: Any = None, key_field: str = "id") -> list[M]:
        """Every valid record of a file holding a list of records, keys (``key_field``) unique."""
        raw = self.parsed(file, parse_yaml) if raw is None else raw
        if raw is None:
            return []
        if not isinstance(raw, list) or not raw:
            self.report(file, None, "expected a list of records")
            return []
        valid, seen = [], set()
        for number, item in enumerate(raw, start=1):
            key = item.get(key_field) if isinstance(item, dict) else None
            label = f"{kind} {key}" if key else f"{kind} {number}"
            if not isinstance(item, dict):
                self.report(file, label, "a record must be a mapping of fields")
                continue
            if key is not None and key in seen:
                self.report(file, label, f"the {key_field} is used by an earlier record")
                continue
            seen.add(key)
            record = self.one(file, model, item, label)
            if record is not None:
                valid.append(record)
            else:
                self.invalid.setdefault(file, set()).add(key)
        return valid

    def mapping(self, file: str, model: type[M]) -> M | None:
        """A file holding one mapping, validated as ``model``; None with its problems noted."""
        raw = self.parsed(file, parse_yaml)
        if raw is None:
            return None
        if not isinstance(raw, dict):
            self.report(file, None, "expected a mapping of fields")
            return None
        return self.one(file, model, raw)


@dataclass(frozen=True, eq=False)
class Atlas:
    """A validated, immutable snapshot of the data folder.

    Equal (and hashed) by ``version``, so functions of an Atlas can be cached with
    ``functools.lru_cache``: an edit to any file gives a new version and new results.

    Attributes
    ----------
    version : str
        Hash of the names and contents of the files it was read from.
    languages : tuple of Language
        The languages of the atlas; the first is the default.
    messages : Mapping[str, dict]
        Interface strings by key, each a text in every language.
    states : Mapping[str, State]
        The names of each side's state through time, by side ('RU', 'JP').
    areas : Mapping[str, Area]
        Holding areas by id, in file order.
    islands : Mapping[str, Island]
        The gazetteer by island id, in file order.
    periods : tuple of Period
        Border periods in time order; the last is open.
    treaties : Mapping[str, Treaty]
        Documents by id, in file order.
    events : tuple of Event
        Events in date order.
    dispute : Dispute
    datasets : Datasets
    viewpoints : Mapping[str, Viewpoint]
        The ways of drawing the map by id ('neutral', 'JP', 'RU'), in file order.
    land : GeoDataFrame
        Columns ``island_id``, ``area``; (Multi)Polygon geometry, EPSG:4326.
    border_lines : GeoDataFrame
        Every border line drawn in this snapshot's viewpoint: columns ``id``, ``kind``,
        ``treaty``, ``start``, ``end`` (exclusive, NA for today), ``name`` (text by language),
        ``sources``, ``view`` (None, or the viewpoint that alone draws the line);
        (Multi)LineString geometry, EPSG:4326.
    view_lines : GeoDataFrame
        The lines only a viewpoint draws (``view`` set), columns as ``border_lines``.
    view : str
        The viewpoint this snapshot draws ('neutral', as :func:`build` makes it; see
        :meth:`viewed`).  Its periods and lines are that viewpoint's.
    neutral : Atlas or None
        The neutral snapshot a viewed one was made from; None for the neutral one.
    """

    version: str
    languages: tuple[Language, ...]
    messages: Mapping[str, dict[str, str]]
    states: Mapping[str, State]
    areas: Mapping[str, Area]
    islands: Mapping[str, Island]
    periods: tuple[Period, ...]
    treaties: Mapping[str, Treaty]
    events: tuple[Event, ...]
    dispute: Dispute
    datasets: Datasets
    viewpoints: Mapping[str, Viewpoint]
    land: gpd.GeoDataFrame = field(repr=False)
    border_lines: gpd.GeoDataFrame = field(repr=False)
    view_lines: gpd.GeoDataFrame = field(repr=False)
    view: str = NEUTRAL
    neutral: Atlas | None = field(default=None, repr=False)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Atlas) and other.version == self.version

    def __hash__(self) -> int:
        return hash(self.version)

    # -- viewpoints -----------------------------------------------------------------------

    def view_id(self, view: str | None) -> str:
        """The viewpoint id ``view`` names, in any case ('jp' → 'JP'); None is this
        snapshot's own.

        Raises
        ------
        ValueError
            Naming the viewpoints there are.
        """
        if view is None:
            return self.view
        found = {key.lower(): key for key in self.viewpoints}.get(str(view).strip().lower())
        if found is None:
            raise ValueError(f"no viewpoint {view!r}: use one of {', '.join(self.viewpoints)} ({VIEWPOINTS_FILE})")
        return found

    def viewed(self, view: str | None) -> Atlas:
        """This snapshot as the viewpoint ``view`` draws it ('neutral', 'JP' or 'RU', any
        case; None: as it is).

        The viewed snapshot has the view's periods (a period a view's rule begins or ends
        inside is cut in two there; each piece the rule covers gets that rule's holders,
        claims and occupation, and an id ending in the view, e.g. ``soviet_control_1952_jp``)
        and the view's border lines; everything else is shared.  Its ``version`` names the
        view, so whatever is cached by version is cached per view.

        Raises
        ------
        ValueError
            If there is no such viewpoint.
        """
        view = self.view_id(view)
        if view == self.view:
            return self
        base = self.neutral or self
        return base if view == NEUTRAL else _viewed(base, view)

    @property
    def viewpoint(self) -> Viewpoint:
        """The viewpoint this snapshot draws."""
        return self.viewpoints[self.view]

    # -- years and periods ---------------------------------------------------------------

    @property
    def first_year(self) -> int:
        """The first year the atlas shows: the start of the first period (1855)."""
        return self.periods[0].start

    @cached_property
    def treaty_years(self) -> tuple[int, ...]:
        """The years the border turned, in order: each period's first year and the year of
        each treaty among the periods' milestones (1855, 1867, 1875, 1905…)."""
        periods = self.periods
        return tuple(sorted({p.start for p in periods} | {m.date.year for p in periods for m in p.milestones
                                                          if m.treaty}))

    @property
    def language_codes(self) -> tuple[str, ...]:
        """The codes of :attr:`languages`, the default first ('en', 'ko')."""
        return tuple(language.code for language in self.languages)

    def period_at(self, year: int, view: str | None = None) -> Period:
        """The border period in force during ``year``, as ``view`` draws it.

        Parameters
        ----------
        year : int
            A year, e.g. 1905.
        view : str, optional
            'neutral', 'JP' or 'RU' (any case); default this snapshot's own (see
            :meth:`viewed`).

        Raises
        ------
        ValueError
            If ``year`` is before the first period (1855: the first agreed border).
        """
        for period in self.viewed(view).periods:
            if year in period:
                return period
        raise ValueError(f"{year} is before the first border treaty ({self.first_year})")

    def previous(self, period: Period) -> Period | None:
        """The period before ``period``, or None for the first."""
        index = self.periods.index(period)
        return self.periods[index - 1] if index else None

    def treaty(self, treaty_id: str) -> Treaty:
        """The document ``treaty_id``; KeyError naming the file if there is none."""
        try:
            return self.treaties[treaty_id]
        except KeyError:
            raise KeyError(f"no document {treaty_id!r} in {TREATIES_FILE}") from None

    def state_name(self, side: str, year: int) -> dict[str, str]:
        """What the state of ``side`` ('RU' or 'JP') was called at the end of ``year``, by
        language, e.g. ``{'en': 'Russian Empire', 'ko': '러시아 제국'}`` for ('RU', 1860)."""
        names = self.states[side].names
        current = names[0]
        for name in names:
            if name.since <= year:
                current = name
        return current.name

    # -- land ----------------------------------------------------------------------------

    @cached_property
    def _territories_by_period(self) -> dict[str, gpd.GeoDataFrame]:
        frames = {}
        for period in self.periods:
            frame = self.land.copy()
            frame["holder"] = frame["area"].map(period.holders)
            frame["claimed_by"] = pd.Series([period.claims.get(area) for area in frame["area"]], index=frame.index,
                                            dtype=object)
            frame["status"] = frame["area"].map(period.status)
            frame["period_id"] = period.id
            frames[period.id] = frame
        return frames

    def period_territories(self, period_id: str) -> gpd.GeoDataFrame:
        """The territories of the period ``period_id`` (see :meth:`territories`); not a copy:
        callers must not change it."""
        return self._territories_by_period[period_id]

    def territories(self, year: int, view: str | None = None) -> gpd.GeoDataFrame:
        """Every piece of land in ``year``, with who held it at the end of that year, as
        ``view`` draws it.

        Parameters
        ----------
        year : int
        view : str, optional
            'neutral', 'JP' or 'RU' (any case); default this snapshot's own ('neutral' for
            :func:`build`'s).

        Returns
        -------
        GeoDataFrame
            One row per island and holding area.  Columns: ``island_id``, ``area``,
            ``holder`` ('RU' | 'JP' | 'joint' | 'undetermined': drawn in no state's colour),
            ``claimed_by`` ('RU' | 'JP' | None: the other side claims it), ``status``
            ('sovereign' | 'joint' | 'occupied' | 'disputed' | 'undetermined'), ``period_id``;
            (Multi)Polygon geometry in EPSG:4326.

        Raises
        ------
        ValueError
            If ``year`` is before the first period, or there is no such viewpoint.
        """
        atlas = self.viewed(view)
        return atlas.period_territories(atlas.period_at(year).id).copy()

    def land_index(self, crs: str = GEOGRAPHIC_CRS) -> shapely.STRtree:
        """A spatial index of :attr:`land` (its rows, in order) in ``crs``."""
        return _land_index(self, crs)

    def holder_at(self, year: int, lon: float, lat: float, view: str | None = None) -> str | None:
        """Who held the land at a point at the end of ``year``, as ``view`` draws it.

        Parameters
        ----------
        year : int
        lon, lat : float
            Degrees, EPSG:4326.
        view : str, optional
            'neutral', 'JP' or 'RU' (any case); default this snapshot's own.

        Returns
        -------
        str or None
            'RU', 'JP', 'joint' or 'undetermined' (a viewpoint that leaves the land's
            belonging open); None for the sea or land outside the map.  A point on a
            land border that cuts an island (Sakhalin's 50th parallel) belongs to the area
            north of it: an area's ``north_of`` latitude is inclusive.

        Raises
        ------
        ValueError
            If ``year`` is before the first period, or there is no such viewpoint.
        """
        period = self.period_at(year, view)
        hits = self.land_index().query(shapely.Point(lon, lat), predicate="intersects")
        areas = [self.land["area"].iloc[hit] for hit in hits]
        areas = [area for area in areas if coastline.in_band(self.areas[area], lat)] or areas
        return period.holders[areas[0]] if areas else None

    # -- lines and events ----------------------------------------------------------------

    def borders(self, year: int, view: str | None = None) -> gpd.GeoDataFrame:
        """The border lines of ``year``, as ``view`` draws them.

        Parameters
        ----------
        year : int
        view : str, optional
            'neutral', 'JP' or 'RU' (any case); default this snapshot's own.

        Returns
        -------
        GeoDataFrame
            Columns ``id``, ``kind`` ('treaty' | 'de_facto' | 'claim' | 'state_border'),
            ``treaty`` (document id or None), ``start``, ``end`` (years, ``end`` exclusive and
            NA for today), ``name`` (text by language), ``sources``, ``view``;
            (Multi)LineString geometry, EPSG:4326.

        Raises
        ------
        ValueError
            If ``year`` is before the first period (that is an error, not an empty map), or
            there is no such viewpoint.
        """
        atlas = self.viewed(view)
        atlas.period_at(year)
        lines = atlas.border_lines
        valid = (lines["start"] <= year) & ~(lines["end"] <= year).fillna(False).astype(bool)
        return lines[valid].reset_index(drop=True)

    def period_of(self, event: Event) -> Period | None:
        """The period in which ``event`` began, or None for an event before the first one."""
        year = event.date.year
        return self.period_at(year) if year >= self.first_year else None

    def events_near(self, year: int, window: int = EVENT_WINDOW_YEARS) -> tuple[Event, ...]:
        """The events under way within ``window`` years of ``year``, in date order."""
        return tuple(e for e in self.events
                     if e.date.year <= year + window and (e.end_date or e.date).year >= year - window)


def _pieces(start: int, end: int | None, cuts: Sequence[int | None]) -> list[tuple[int, int | None]]:
    """The span ``start``–``end`` (end exclusive, None: today) cut at every year of ``cuts``
    inside it."""
    inside = sorted({cut for cut in cuts if cut is not None and start < cut and (end is None or cut < end)})
    bounds = [start, *inside, end]
    return list(zip(bounds, bounds[1:]))


def _viewed_period(period: Period, start: int, end: int | None, viewpoint: Viewpoint) -> Period:
    rule = viewpoint.rule_at(start)
    if rule is None and (start, end) == (period.start, period.end):
        return period
    piece_id = period.id if start == period.start else f"{period.id}_{start}"
    if rule is None:
        return period.model_copy(update={"id": piece_id, "start": start, "end": end})
    holders = {**period.holders, **rule.holders}
    claims = rule.claims if rule.claims is not None else \
        {area: side for area, side in period.claims.items() if holders[area] not in (side, "undetermined")}
    occupied = rule.occupied if rule.occupied is not None else \
        tuple(area for area in period.occupied if area not in rule.holders)
    # model_copy does not validate: a view may draw land as 'undetermined', which no period of
    # periods.yaml may say.
    return period.model_copy(update={"id": f"{piece_id}_{viewpoint.id.lower()}", "start": start, "end": end,
                                     "holders": holders, "claims": claims, "occupied": occupied})


def _viewed_lines(lines: gpd.GeoDataFrame, every_line: gpd.GeoDataFrame, viewpoint: Viewpoint) -> gpd.GeoDataFrame:
    """The neutral ``lines`` outside the spans where the view names its own lines, and in
    those spans the lines it names (from ``every_line``, each within its own years)."""
    redrawn = [rule for rule in viewpoint.rules if rule.lines is not None]
    rows = []
    for line in lines.itertuples(index=False):
        end = None if pd.isna(line.end) else int(line.end)
        for start, piece_end in _pieces(line.start, end, [cut for r in redrawn for cut in (r.start, r.end)]):
            if not any(start in rule for rule in redrawn):
                rows.append({**line._asdict(), "start": start, "end": piece_end})
    by_id = every_line.set_index("id", drop=False)
    for rule in redrawn:
        for line_id in rule.lines:
            line = by_id.loc[line_id].to_dict()
            end = line["end"] if pd.notna(line["end"]) else None
            ends = [year for year in (end, rule.end) if year is not None]
            start, stop = max(line["start"], rule.start), min(ends, default=None)
            if stop is None or start < stop:
                rows.append({**line, "start": start, "end": stop})
    frame = gpd.GeoDataFrame(rows, columns=BORDER_COLUMNS, geometry="geometry", crs=GEOGRAPHIC_CRS)
    frame["start"] = frame["start"].astype(int)
    frame["end"] = pd.array(frame["end"], dtype="Int64")
    return frame


@lru_cache(maxsize=8)
def _viewed(atlas: Atlas, view: str) -> Atlas:
    viewpoint = atlas.viewpoints[view]
    cuts = [cut for rule in viewpoint.rules for cut in (rule.start, rule.end)]
    periods = tuple(_viewed_period(period, start, end, viewpoint)
                    for period in atlas.periods for start, end in _pieces(period.start, period.end, cuts))
    return replace(atlas, version=f"{atlas.version}:{view}", view=view, neutral=atlas, periods=periods,
                   border_lines=_viewed_lines(atlas.border_lines, pd.concat([atlas.border_lines, atlas.view_lines]),
                                               viewpoint))


@cache
def _adapter(model: Any) -> TypeAdapter:
    if isinstance(model, type) and issubclass(model, BaseModel):
        return TypeAdapter(model)
    return TypeAdapter(model, config=ConfigDict(strict=True))


@lru_cache(maxsize=8)
def _land_index(atlas: Atlas, crs: str) -> shapely.STRtree:
    geometry = atlas.land.geometry if crs == GEOGRAPHIC_CRS else atlas.land.geometry.to_crs(crs)
    return shapely.STRtree(geometry.values)


def _islands(reader: _Reader, codes: Sequence[str]) -> list[Island]:
    rows = reader.parsed(ISLANDS_FILE, parse_csv)
    if rows is None:
        return []
    name_columns = [f"name_{form}.{code}" for form in ("ru", "ja") for code in codes] + \
        ["name_ru.cyrillic", "name_ja.kanji"]
    header = list(rows[0]) if rows else []
    missing = [c for c in (*ISLAND_COLUMNS, *name_columns) if c not in header]
    unknown = [c for c in header if c not in (*ISLAND_COLUMNS, *name_columns)]
    if missing or unknown or not rows:
        reason = "; ".join(filter(None, [
            f"missing column(s) {', '.join(missing)}" if missing else "",
            f"unknown column(s) {', '.join(unknown)}" if unknown else "",
            "no rows" if not rows else ""]))
        reader.report(ISLANDS_FILE, None, reason)
        return []

    def number(text: str) -> Any:
        try:
            return float(text)
        except ValueError:
            return text  # the schema says it is not a number

    records = [{
        "id": row["id"], "group": row["group"], "lon": number(row["lon"]), "lat": number(row["lat"]),
        "russian": {"written": {code: row[f"name_ru.{code}"] for code in codes}, "native": row["name_ru.cyrillic"]},
        "japanese": {"written": {code: row[f"name_ja.{code}"] for code in codes}, "native": row["name_ja.kanji"]},
        "sources": tuple(row["sources"].split()),
    } for row in rows]
    return reader.records(ISLANDS_FILE, "island", Island, records)


def _border_lines(reader: _Reader) -> gpd.GeoDataFrame:
    empty = gpd.GeoDataFrame(columns=BORDER_COLUMNS, geometry="geometry", crs=GEOGRAPHIC_CRS)
    collection = reader.parsed(BORDERS_FILE, parse_json)
    if collection is None:
        return empty
    if not isinstance(collection, dict) or not isinstance(collection.get("features"), list):
        reader.report(BORDERS_FILE, None, "not a GeoJSON FeatureCollection")
        return empty
    properties = [f.get("properties") if isinstance(f, dict) else None for f in collection["features"]]
    valid = {line.id: line for line in reader.records(BORDERS_FILE, "line", BorderLine, properties)}
    rows = []
    for feature, record in zip(collection["features"], properties):
        line = valid.get((record or {}).get("id"))
        if line is None:
            continue
        try:
            shape = shapely.geometry.shape(feature["geometry"])
        except (KeyError, TypeError, ValueError, AttributeError, shapely.errors.GEOSException):
            shape = None
        if shape is None or shape.geom_type not in ("LineString", "MultiLineString") or shape.is_empty \
                or not shape.is_valid:
            reader.report(BORDERS_FILE, f"line {line.id}", "geometry must be a valid (Multi)LineString")
            continue
        if not shapely.box(*MAP_FRAME).covers(shape):
            reader.report(BORDERS_FILE, f"line {line.id}", f"runs outside the map frame {MAP_FRAME}")
            continue
        rows.append({**dict(line), "geometry": shape})
    frame = gpd.GeoDataFrame(rows, columns=BORDER_COLUMNS, geometry="geometry", crs=GEOGRAPHIC_CRS)
    frame["start"] = frame["start"].astype(int)
    frame["end"] = pd.array(frame["end"], dtype="Int64")
    for column in ("treaty", "view"):
        frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
    return frame


def _check_references(reader: _Reader, areas: Mapping[str, Area], islands: Sequence[Island],
                      periods: Sequence[Period], treaties: Mapping[str, Treaty], events: Sequence[Event],
                      dispute: Dispute | None, lines: gpd.GeoDataFrame, states: Mapping[str, State]) -> None:
    """What ties the files together: each reference names a record that exists."""
    report = reader.report
    grouped = {group for area in areas.values() for group in area.groups}
    for island in islands if AREAS_FILE not in reader.unreadable else ():
        if island.group not in grouped:
            report(ISLANDS_FILE, f"island {island.id}", f"group {island.group!r} belongs to no area in {AREAS_FILE}")
    for side in ("RU", "JP"):
        if side not in states:
            report(STATES_FILE, None, f"no names for the state of {side}")

    def known_treaty(file: str, record: str, treaty_id: str | None) -> None:
        if TREATIES_FILE in reader.unreadable or treaty_id in reader.invalid.get(TREATIES_FILE, ()):
            return
        if treaty_id is not None and treaty_id not in treaties:
            report(file, record, f"document {treaty_id!r} is not in {TREATIES_FILE}")

    for period in periods:
        record = f"period {period.id}"
        if areas and AREAS_FILE not in reader.unreadable:
            missing, unknown = sorted(set(areas) - set(period.holders)), sorted(set(period.holders) - set(areas))
            if missing:
                report(PERIODS_FILE, record, f"no holder for area(s) {', '.join(missing)}")
            if unknown:
                report(PERIODS_FILE, record, f"unknown area(s) {', '.join(unknown)} (not in {AREAS_FILE})")
            for area in sorted((set(period.claims) | set(period.occupied)) - set(areas)):
                report(PERIODS_FILE, record, f"claims or occupation of unknown area {area!r}")
        for treaty_id in (period.treaty, *period.documents, *(m.treaty for m in period.milestones)):
            known_treaty(PERIODS_FILE, record, treaty_id)
    for before, after in zip(periods, periods[1:]) if not reader.invalid.get(PERIODS_FILE) else ():
        if before.end != after.start:
            gap = "a gap" if before.end is not None and before.end < after.start else "an overlap"
            report(PERIODS_FILE, f"period {after.id}",
                   f"{gap} between {before.id} (ends {before.end}) and {after.id} (starts {after.start})")
    if periods and periods[-1].end is not None:
        report(PERIODS_FILE, f"period {periods[-1].id}", "the last period must be open (no 'end')")
    for event in events:
        known_treaty(EVENTS_FILE, f"event {event.id}", event.treaty)
    if dispute is not None:
        for treaty_id in dispute.key_documents:
            known_treaty(DISPUTE_FILE, "key_documents", treaty_id)
    for line_id, treaty_id in zip(lines["id"], lines["treaty"]):
        known_treaty(BORDERS_FILE, f"line {line_id}", treaty_id)


def _check_viewpoints(reader: _Reader, viewpoints: Mapping[str, Viewpoint], areas: Mapping[str, Area],
                      lines: gpd.GeoDataFrame, periods: Sequence[Period]) -> None:
    """Each viewpoint's rules fall within the atlas's years, name areas and lines that exist,
    and draw no side claiming land it is drawn holding; each line a viewpoint alone draws
    names that viewpoint, and only it draws the line."""
    if VIEWPOINTS_FILE in reader.unreadable or reader.invalid.get(VIEWPOINTS_FILE):
        return
    if NEUTRAL not in viewpoints:
        reader.report(VIEWPOINTS_FILE, None, f"no {NEUTRAL!r} viewpoint (the map of {PERIODS_FILE})")
    line_view = dict(zip(lines["id"], lines["view"]))
    # A line left out for its own problem is not reported again as missing.
    lines_whole = not any(problem.file == BORDERS_FILE for problem in reader.problems)
    for view in viewpoints.values():
        for rule in view.rules:
            record = f"viewpoint {view.id}, rule from {rule.start}"
            named = set(rule.holders) | set(rule.claims or ()) | set(rule.occupied or ())
            if periods and rule.start < periods[0].start:
                reader.report(VIEWPOINTS_FILE, record, f"starts before the first period ({periods[0].start})")
            if areas and AREAS_FILE not in reader.unreadable:
                for area in sorted(named - set(areas)):
                    reader.report(VIEWPOINTS_FILE, record, f"unknown area {area!r} (not in {AREAS_FILE})")
            for period in periods if not named - set(areas) else ():
                if rule.start not in period and period.start not in rule:  # the two spans do not meet
                    continue
                drawn = {**period.holders, **rule.holders}
                for area, side in (rule.claims or {}).items():
                    if drawn.get(area) in (side, "undetermined"):
                        reader.report(VIEWPOINTS_FILE, record, f"claims.{area}: {side} claims land this rule draws "
                                                               f"as {drawn[area]} (period {period.id})")
            for line_id in rule.lines or () if lines_whole else ():
                if line_id not in line_view:
                    reader.report(VIEWPOINTS_FILE, record, f"line {line_id!r} is not in {BORDERS_FILE}")
                elif line_view[line_id] not in (None, view.id):
                    reader.report(VIEWPOINTS_FILE, record, f"line {line_id!r} is drawn by viewpoint "
                                                           f"{line_view[line_id]} only")
    for line_id, view in line_view.items():
        if view is not None and view not in viewpoints:
            reader.report(BORDERS_FILE, f"line {line_id}", f"viewpoint {view!r} is not in {VIEWPOINTS_FILE}")


def build(folder: DataFolder) -> Atlas:
    """Validate every file of ``folder`` and build its snapshot.

    Parameters
    ----------
    folder : DataFolder
        The files, as read by :func:`geo.model.readers.read_folder`.

    Returns
    -------
    Atlas

    Raises
    ------
    DataError
        Listing every problem of every file (each file is checked even when another is
        broken, so one run shows everything to fix).
    """
    reader = _Reader(folder)
    languages = reader.records(LANGUAGES_FILE, "language", Language, key_field="code")
    if not languages:
        raise DataError(reader.problems or [Problem(LANGUAGES_FILE, None, "no language")])
    codes = [language.code for language in languages]
    reader.context = {"languages": tuple(codes)}

    raw_messages = reader.parsed(MESSAGES_FILE, parse_yaml)
    messages = {}
    if raw_messages is not None and not isinstance(raw_messages, dict):
        reader.report(MESSAGES_FILE, None, "expected a mapping of keys to texts")
    for key, value in (raw_messages or {}).items() if isinstance(raw_messages, dict) else ():
        text = reader.one(MESSAGES_FILE, Message, value, f"key {key}")
        if text is not None:
            messages[str(key)] = text
    states = {state.side: state for state in reader.records(STATES_FILE, "state", State, key_field="side")}
    areas = {area.id: area for area in reader.records(AREAS_FILE, "area", Area)}
    islands = _islands(reader, codes)
    coast = None
    collection = reader.parsed(COASTLINE_FILE, parse_json)
    if collection is not None:
        if isinstance(collection, dict) and isinstance(collection.get("features"), list):
            coast = coastline.polygons(collection["features"], reader.problems)
        else:
            reader.report(COASTLINE_FILE, None, "not a GeoJSON FeatureCollection")
    periods = reader.records(PERIODS_FILE, "period", Period)
    treaties = {treaty.id: treaty for treaty in reader.records(TREATIES_FILE, "treaty", Treaty)}
    events = sorted(reader.records(EVENTS_FILE, "event", Event), key=lambda event: event.date)
    dispute = reader.mapping(DISPUTE_FILE, Dispute)
    datasets = reader.mapping(DATASETS_FILE, Datasets)
    viewpoints = {view.id: view for view in reader.records(VIEWPOINTS_FILE, "viewpoint", Viewpoint)}
    lines = _border_lines(reader)
    _check_references(reader, areas, islands, periods, treaties, events, dispute, lines, states)
    _check_viewpoints(reader, viewpoints, areas, lines, periods)
    land = None
    if coast is not None and islands and areas and not reader.problems:
        land = coastline.island_pieces(coast, islands, areas.values(), reader.problems)
    if reader.problems:
        raise DataError(reader.problems)
    return Atlas(
        version=folder.version, languages=tuple(languages), messages=messages, states=states, areas=areas,
        islands={island.id: island for island in islands}, periods=tuple(periods), treaties=treaties,
        events=tuple(events), dispute=dispute, datasets=datasets, viewpoints=viewpoints, land=land,
        border_lines=lines[lines["view"].isna()].reset_index(drop=True),
        view_lines=lines[lines["view"].notna()].reset_index(drop=True),
    )

