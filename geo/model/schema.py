"""The declared schema of every file in ``data/``: one pydantic model per kind of record.

Validation is strict where a historian's slip would otherwise change a fact unnoticed: a
year must be a whole number (``end: "1945"`` is refused), a holder one of the allowed values,
a mapping a mapping (``claims: [RU]`` is refused), unknown fields are refused (a misspelt
``treaty_id:`` is not ignored), every text is given in every language of
``languages.yaml``, every source has an http(s) URL, and every coordinate lies in the map
frame.  The validated models are the records the rest of the atlas reads: frozen, so a
snapshot of the data cannot be changed after it is loaded.

Pydantic (https://docs.pydantic.dev/latest/) was chosen over a JSON Schema validator because
the same declaration gives both the checks and the typed records, and its errors carry the
path of the field (``holders.iturup``) that :mod:`geo.model.atlas` turns into
``file, record: reason``.
"""

from __future__ import annotations

import datetime as dt
import string
from typing import Annotated, Any, Literal

from convertdate import julian
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    HttpUrl,
    Strict,
    StringConstraints,
    TypeAdapter,
    ValidationInfo,
    model_validator,
)

from .frame import MAP_FRAME, in_frame

#: Who can hold land: Russia (Russian Empire, Soviet Russia, USSR, Russian Federation), Japan,
#: or both together with no border (Sakhalin, 1855–1874).
Holder = Literal["RU", "JP", "joint"]
#: How a viewpoint may draw land (viewpoints.yaml): as a holder's, or as land whose belonging
#: is undetermined (no state's colour: Japan's maps of southern Sakhalin and the Kurils since
#: 1952).
DrawnHolder = Literal["RU", "JP", "joint", "undetermined"]
Side = Literal["RU", "JP"]
#: Only a viewpoint draws the last two: ``state_border``, a border one government's maps draw
#: where no treaty drew it (Russia's since 1945); ``undetermined_edge``, a line Japan's maps draw
#: around land whose belonging they leave undetermined, which Japan's foreign ministry says is
#: not a border.
LineKind = Literal["treaty", "de_facto", "claim", "state_border", "undetermined_edge"]
EventKind = Literal["treaty", "declaration", "war", "visit", "other"]
Precision = Literal["day", "month", "year"]

Id = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Year = Annotated[int, Field(ge=1000, le=2999)]
Longitude = Annotated[float, Field(ge=MAP_FRAME[0], le=MAP_FRAME[2])]
Latitude = Annotated[float, Field(ge=MAP_FRAME[1], le=MAP_FRAME[3])]


def _iso_date(value: Any) -> dt.date:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ValueError(f"{value!r} is not a date like 1855-02-07")


Date = Annotated[dt.date, BeforeValidator(_iso_date)]

#: Russia's first day on the Gregorian calendar (decree of 24 January 1918): before it,
#: Russian documents are dated in the Julian calendar ("Old Style").
GREGORIAN_IN_RUSSIA = dt.date(1918, 2, 14)


def julian_date(date: dt.date) -> dt.date:
    """The Julian ("Old Style") date of the Gregorian ``date`` (via convertdate)."""
    return dt.date(*julian.from_gregorian(date.year, date.month, date.day))


def check_old_style(date: dt.date, old_style: dt.date | None) -> None:
    """ValueError if ``old_style`` is not the Julian date of ``date``, or is given for a date
    after Russia changed calendars."""
    if old_style is None:
        return
    if date >= GREGORIAN_IN_RUSSIA:
        raise ValueError(f"date_old_style is given, but Russia used the Gregorian calendar from {GREGORIAN_IN_RUSSIA}")
    if julian_date(date) != old_style:
        raise ValueError(f"date_old_style {old_style} is not the Julian date of {date} ({julian_date(date)})")


def listed(item: Any, min_length: int = 0) -> Any:
    """A YAML list of ``item`` (at least ``min_length`` of them), kept as a tuple."""
    return Annotated[tuple[item, ...], Strict(False), Field(min_length=min_length)]


_HTTP_URL = TypeAdapter(HttpUrl)


def _http_url(value: str) -> str:
    if not value.startswith(("https://", "http://")):
        raise ValueError(f"{value!r} is not an http(s) link")
    _HTTP_URL.validate_python(value)
    return value


Url = Annotated[NonEmpty, AfterValidator(_http_url)]


def languages_of(info: ValidationInfo) -> tuple[str, ...]:
    """The language codes the data is validated against (from ``languages.yaml``)."""
    return tuple((info.context or {}).get("languages") or ("en",))


def _in_every_language(value: dict[str, str], info: ValidationInfo) -> dict[str, str]:
    wanted = languages_of(info)
    missing = [code for code in wanted if not value.get(code, "").strip()]
    unknown = sorted(set(value) - set(wanted))
    if missing:
        raise ValueError(f"no text in {', '.join(missing)}")
    if unknown:
        raise ValueError(f"text in {', '.join(unknown)}, which languages.yaml does not list")
    return {code: value[code].strip() for code in wanted}


#: A text in every language of the atlas: ``{en: "...", ko: "..."}``.
Text = Annotated[dict[str, str], AfterValidator(_in_every_language)]


def _same_in_every_language(value: Any) -> Any:
    return value if isinstance(value, dict) else {"*": value}


def _plain_or_every_language(value: dict[str, str], info: ValidationInfo) -> dict[str, str]:
    if set(value) == {"*"}:
        return {code: value["*"] for code in languages_of(info)}
    return _in_every_language(value, info)


#: Either a text in every language, or one plain string that reads the same in all
#: (a licence identifier such as ``LGPL-3.0-or-later``).
TextOrPlain = Annotated[dict[str, NonEmpty], BeforeValidator(_same_in_every_language),
                        AfterValidator(_plain_or_every_language)]


class Record(BaseModel):
    """A record of a data file: strict types, no unknown fields, frozen once loaded."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class Source(Record):
    """Where a fact comes from: a document that states it.

    ``remark`` is the atlas's own word on the source (e.g. a secondary or low-reliability
    page), in every language.
    """

    title: NonEmpty
    url: Url
    date: Date | None = None
    remark: Text | None = None


Sources = listed(Source, 1)


class Language(Record):
    """A language of the atlas (``languages.yaml``): its code, its own name, and the CLDR
    locale whose conventions (dates, ranges) its text follows."""

    code: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}$")]
    name: NonEmpty
    locale: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(_[A-Z]{2})?$")]


class StateName(Record):
    """What one side's state was called from the year ``since`` on (at the end of that year);
    ``note`` says what the one name leaves out (a government in dispute, say)."""

    since: Year
    name: Text
    sources: Sources
    note: Text | None = None


class State(Record):
    """The names of one side's state through time (``states.yaml``), oldest first."""

    side: Side
    names: listed(StateName, 1)

    @model_validator(mode="after")
    def _in_order(self) -> State:
        years = [name.since for name in self.names]
        if years != sorted(set(years)):
            raise ValueError("names must be in order of 'since', each year once")
        return self


class Area(Record):
    """A holding area (``areas.yaml``): gazetteer groups, optionally cut along a parallel.

    ``north_of`` keeps the land at and north of that latitude, ``south_of`` the land south of
    it (degrees), so a point on the parallel belongs to the northern area.  ``context`` marks
    land shown for orientation only (Hokkaido, Kamchatka...).  ``part_of`` names the land an
    area is a part of (Sakhalin), which the map in words names whole while its parts are held
    alike.
    """

    id: Id
    name: Text
    part_of: Text | None = None
    groups: listed(Id, 1)
    north_of: Annotated[float, Field(ge=-90, le=90)] | None = None
    south_of: Annotated[float, Field(ge=-90, le=90)] | None = None
    context: bool = False
    note: Text | None = None


class PlaceNames(Record):
    """An island's name in one form (Russian or Japanese): written in each language of the
    atlas, and in its own script (Cyrillic or kanji)."""

    written: Text
    native: str = ""


class Island(Record):
    """A row of the gazetteer (``islands.csv``): an island, its names, group and label point."""

    id: Id
    group: Id
    lon: Longitude
    lat: Latitude
    russian: PlaceNames
    japanese: PlaceNames
    sources: listed(Url, 1)


class Milestone(Record):
    """A later document or event inside a period, shown from its date on."""

    date: Date
    text: Text
    sources: Sources
    treaty: Id | None = None


class Period(Record):
    """A span of whole years with one border regime (``periods.yaml``); ``end`` is the first
    year of the next period, None for the period that lasts to today.

    ``treaty`` names the document that drew the period's line; where no treaty did (the
    years since 1945), it is None and ``basis`` says what the line rests on, and
    ``documents`` lists what each side cites.
    """

    id: Id
    start: Year
    end: Year | None = None
    treaty: Id | None = None
    basis: Text | None = None
    basis_sources: listed(Source) = ()
    documents: listed(Id) = ()
    title: Text
    description: Text
    holders: dict[Id, Holder]
    claims: dict[Id, Side] = {}
    occupied: listed(Id) = ()
    milestones: listed(Milestone) = ()
    sources: Sources

    @model_validator(mode="after")
    def _consistent(self) -> Period:
        if self.end is not None and self.end <= self.start:
            raise ValueError(f"ends ({self.end}) before it starts ({self.start})")
        if self.treaty is None and self.basis is None:
            raise ValueError("give the 'treaty' that drew the line, or the 'basis' it rests on")
        if self.basis is not None and not self.basis_sources:
            raise ValueError("the 'basis' needs its 'basis_sources'")
        for area, claimant in self.claims.items():
            if self.holders.get(area) == claimant:
                raise ValueError(f"claims.{area}: {claimant} claims land it holds")
        return self

    def __contains__(self, year: int) -> bool:
        return self.start <= year and (self.end is None or year < self.end)

    def status(self, area: str) -> str:
        """How ``area`` is held in this period: 'joint', 'occupied', 'disputed' (held, and
        claimed by the other side), 'sovereign', or, as a viewpoint may draw it,
        'undetermined'."""
        if self.holders[area] in ("joint", "undetermined"):
            return self.holders[area]
        if area in self.occupied:
            return "occupied"
        if area in self.claims:
            return "disputed"
        return "sovereign"

    def milestones_until(self, year: int) -> tuple[Milestone, ...]:
        """The milestones dated in or before ``year``."""
        return tuple(m for m in self.milestones if m.date.year <= year)


class ViewRule(Record):
    """How a viewpoint draws the years ``start`` to ``end`` (exclusive; None: to today),
    where it differs from the neutral map of ``periods.yaml``.

    ``holders`` redraws areas (an area not named keeps its holder); ``claims`` and
    ``occupied``, when given, replace the period's; ``lines``, when given, are every border
    line drawn in these years (ids of ``borders.geojson``).  ``note`` says what the view draws
    and why, sourced to that side's own statements or maps.
    """

    start: Year
    end: Year | None = None
    holders: dict[Id, DrawnHolder] = {}
    claims: dict[Id, Side] | None = None
    occupied: listed(Id) | None = None
    lines: listed(Id) | None = None
    note: Text
    sources: Sources

    @model_validator(mode="after")
    def _years(self) -> ViewRule:
        if self.end is not None and self.end <= self.start:
            raise ValueError(f"ends ({self.end}) before it starts ({self.start})")
        return self

    def __contains__(self, year: int) -> bool:
        return self.start <= year and (self.end is None or year < self.end)


class Viewpoint(Record):
    """One way of drawing the map (``viewpoints.yaml``): the atlas's neutral map, or the map
    as one government's own maps draw it.  ``rules`` (in time order, not overlapping) say
    where it differs from the neutral map; years no rule covers are drawn as the neutral map.
    """

    id: Annotated[str, StringConstraints(pattern=r"^(neutral|[A-Z]{2})$")]
    name: Text
    summary: Text
    rules: listed(ViewRule) = ()
    sources: listed(Source) = ()

    @model_validator(mode="after")
    def _in_order(self) -> Viewpoint:
        if self.id == "neutral" and self.rules:
            raise ValueError("the neutral viewpoint is the map of periods.yaml: it has no rules")
        for before, after in zip(self.rules, self.rules[1:]):
            if before.end is None or before.end > after.start:
                raise ValueError(f"rules.{after.start}: rules must be in time order and must not overlap")
        return self

    def rule_at(self, year: int) -> ViewRule | None:
        """The rule that covers ``year``, or None where the view is the neutral map."""
        return next((rule for rule in self.rules if year in rule), None)


class Signatory(Record):
    """Who signed a document, for which side (RU, JP, US, GB, CN, ALLIES...), in what office."""

    name: Text
    side: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2,6}$")]
    role: Text | None = None


class Translation(Record):
    """A translation of a quotation: an established one (``by`` is its title, with its
    source) or the atlas's own (``by: atlas``)."""

    text: NonEmpty
    by: NonEmpty
    source: Source | None = None
    note: Text | None = None

    @model_validator(mode="after")
    def _sourced(self) -> Translation:
        if self.by != "atlas" and self.source is None:
            raise ValueError("an established translation needs its 'source'")
        return self

    @property
    def by_atlas(self) -> bool:
        """Whether the translation is the atlas's own (not an established one)."""
        return self.by == "atlas"


class Quote(Record):
    """A passage quoted word for word, only from text the reference marks verbatim
    (``V``, or ``V-2`` when two sources agree)."""

    article: Text
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}$")]
    text: NonEmpty
    reliability: Literal["V", "V-2"]
    source: Source
    note: Text | None = None
    translations: dict[str, Translation] = {}


class EntryIntoForce(Record):
    """When a document came into force, in words (sources may disagree), with its sources."""

    text: Text
    sources: listed(Source) = ()


class CitedBy(Record):
    """What one side relies on a document for (``for:`` in the file), in that side's own
    statements."""

    side: Side
    reason: Text = Field(alias="for")
    sources: Sources


class Treaty(Record):
    """A treaty or other document behind the border (``treaties.yaml``)."""

    id: Id
    kind: Literal["treaty", "agreement", "declaration", "decree", "directive", "statement", "memorandum"] = "treaty"
    title: Text
    full_title: Text
    native_title: str | None = None
    date: Date
    date_old_style: Date | None = None
    date_sources: Sources
    place: Text
    place_sources: listed(Source) = ()
    signatories: listed(Signatory)
    signatories_sources: Sources
    signatories_note: Text | None = None
    entry_into_force: EntryIntoForce | None = None
    quotes: listed(Quote) = ()
    summary: Text
    territorial_effect: Text
    open_questions: Text | None = None
    summary_sources: listed(Source) = ()
    cited_by: listed(CitedBy) = ()
    contested: Text | None = None
    note: Text | None = None

    @model_validator(mode="after")
    def _calendars(self) -> Treaty:
        check_old_style(self.date, self.date_old_style)
        if not self.signatories and self.signatories_note is None:
            raise ValueError("no signatories: name them from the signature block, or say in 'signatories_note' why not")
        return self

    @property
    def sources(self) -> tuple[Source, ...]:
        """Every source the record cites, each once, in the order first cited."""
        cited = [*self.date_sources, *self.place_sources, *self.signatories_sources,
                 *(self.entry_into_force.sources if self.entry_into_force else ()),
                 *(q.source for q in self.quotes), *self.summary_sources]
        first = {}
        for source in cited:
            first.setdefault((source.title, source.url), source)
        return tuple(first.values())


class Event(Record):
    """A dated event of Russia/USSR–Japan relations (``events.yaml``).

    ``lon``/``lat`` (degrees, inside the map frame) are given only for a place on the map;
    ``date_old_style`` is the Julian date where Russia used that calendar.
    """

    id: Id
    kind: EventKind
    date: Date
    date_old_style: Date | None = None
    precision: Precision = "day"
    end_date: Date | None = None
    title: Text
    description: Text
    place: Text
    lon: float | None = None
    lat: float | None = None
    treaty: Id | None = None
    sources: Sources
    contested: Text | None = None
    note: Text | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Event:
        if (self.lon is None) != (self.lat is None):
            raise ValueError("give both 'lon' and 'lat', or neither")
        if self.lon is not None and not in_frame(self.lon, self.lat):
            west, south, east, north = MAP_FRAME
            raise ValueError(f"({self.lon}, {self.lat}) is off the map ({west}–{east}°E, {south}–{north}°N); "
                             "give coordinates only for places on the map")
        if self.end_date is not None and self.end_date < self.date:
            raise ValueError(f"ends ({self.end_date}) before it starts ({self.date})")
        if self.precision == "day":
            check_old_style(self.date, self.date_old_style)
        return self

    @property
    def on_map(self) -> bool:
        """Whether the event happened at a point on the map (it has coordinates)."""
        return self.lon is not None


class Statement(Record):
    """What one government says, in reported speech, sourced to its own statements."""

    text: Text
    sources: Sources


class Argument(Record):
    """One main argument of the dispute, with each side's case or answer."""

    topic: Text
    JP: Statement
    RU: Statement


class Status(Record):
    """Where the dispute stands, as of a date."""

    as_of: Date
    text: Text
    sources: Sources


class Dispute(Record):
    """The dispute today (``dispute.yaml``): where it stands, and each main argument with
    both governments' statements side by side."""

    intro: Text
    intro_sources: listed(Source) = ()
    status: Status
    arguments: listed(Argument, 1)
    key_documents: listed(Id) = ()
    note: Text


class Dataset(Record):
    """A file of the atlas: what it is, where it comes from, its licence."""

    file: NonEmpty
    name: Text
    origin: Text
    licence: TextOrPlain
    url: Url | None = None


class Datasets(Record):
    """Where every dataset comes from and its licence (``datasets.yaml``)."""

    datasets: listed(Dataset, 1)
    sea_borders: Text


class BorderLine(Record):
    """The properties of a feature of ``borders.geojson``: a border line valid from ``start``
    up to (not including) ``end``."""

    id: Id
    kind: LineKind
    treaty: Id | None = None
    start: Year
    end: Year | None = None
    name: Text
    sources: Sources
    #: A line only that viewpoint draws (viewpoints.yaml), never the neutral map.
    view: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")] | None = None

    @model_validator(mode="after")
    def _years(self) -> BorderLine:
        if self.end is not None and self.end <= self.start:
            raise ValueError(f"ends ({self.end}) before it starts ({self.start})")
        return self


def placeholders(text: str) -> frozenset[str]:
    """The ``{names}`` that ``text`` expects to be filled in; ValueError if braces are unbalanced."""
    return frozenset(field for _, field, _, _ in string.Formatter().parse(text) if field is not None)


def _same_placeholders(value: dict[str, str]) -> dict[str, str]:
    found = {}
    for code, text in value.items():
        try:
            found[code] = placeholders(text)
        except ValueError as error:
            raise ValueError(f"{code}: {error}") from None
    if len(set(found.values())) > 1:
        listed = "; ".join(f"{code}: {{{', '.join(sorted(names))}}}" for code, names in found.items())
        raise ValueError(f"the languages fill in different placeholders ({listed})")
    return value


#: An interface string (``ui.yaml``): a text in every language, each with the same placeholders.
Message = Annotated[Text, AfterValidator(_same_placeholders)]
