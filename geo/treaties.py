"""The treaties and agreements that made (or disputed) the border, from ``data/treaties.yaml``.

Only passages the reference marks verbatim are kept as quotes; each quote, date and list of
signatories carries its source.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .sources import DataError, Source, Text, parse_each, parse_date, per_data_dir, read_yaml, require_list

TREATIES_FILE = "treaties.yaml"
VERBATIM = {"V", "V-2"}


@dataclass(frozen=True)
class Signatory:
    name: Text
    side: str
    role: Text | None


@dataclass(frozen=True)
class Quote:
    article: Text
    language: str
    text: str
    reliability: str
    source: Source
    note: Text | None


@dataclass(frozen=True)
class Treaty:
    id: str
    title: Text
    full_title: Text
    native_title: str | None
    date: dt.date
    date_old_style: dt.date | None
    date_sources: tuple[Source, ...]
    place: Text
    place_sources: tuple[Source, ...]
    signatories: tuple[Signatory, ...]
    signatories_source: Source
    entry_into_force: Text | None
    entry_into_force_sources: tuple[Source, ...]
    quotes: tuple[Quote, ...]
    summary: Text
    territorial_effect: Text
    open_questions: Text | None
    summary_sources: tuple[Source, ...]

    @property
    def sources(self) -> tuple[Source, ...]:
        """Every source the treaty entry cites, without repeats, in the order first cited."""
        cited = [*self.date_sources, *self.place_sources, self.signatories_source,
                 *self.entry_into_force_sources, *(q.source for q in self.quotes), *self.summary_sources]
        return tuple(dict.fromkeys(cited))


def _sources(value, feature: str) -> tuple[Source, ...]:
    return tuple(Source.parse(s, TREATIES_FILE, feature) for s in value or [])


def _optional_text(record: dict, field: str, feature: str) -> Text | None:
    if record.get(field) is None:
        return None
    value = record[field]
    if field == "entry_into_force" and isinstance(value, dict) and "text" in value:
        value = value["text"]
    return Text.parse(value, TREATIES_FILE, feature, field)


def _quote(record: dict, feature: str) -> Quote:
    reliability = str(record.get("reliability", "")).strip()
    if reliability not in VERBATIM:
        raise DataError(
            TREATIES_FILE, f"quote reliability {reliability!r}: only verbatim text (V, V-2) may be quoted", feature
        )
    text = str(record.get("text") or "").strip()
    if not text:
        raise DataError(TREATIES_FILE, "a quote has no text", feature)
    return Quote(
        article=Text.parse(record.get("article"), TREATIES_FILE, feature, "article"),
        language=str(record.get("language") or "").strip(),
        text=text,
        reliability=reliability,
        source=Source.parse(record.get("source"), TREATIES_FILE, feature),
        note=_optional_text(record, "note", feature),
    )


def _treaty(record: dict) -> Treaty:
    feature = f"treaty {record.get('id', '?')}"
    if not record.get("id"):
        raise DataError(TREATIES_FILE, "a treaty has no 'id'", feature)
    signatories = []
    for entry in record.get("signatories") or []:
        role = entry.get("role")
        signatories.append(
            Signatory(
                name=Text.parse(entry.get("name"), TREATIES_FILE, feature, "signatory name"),
                side=str(entry.get("side", "")),
                role=Text.parse(role, TREATIES_FILE, feature, "signatory role") if role else None,
            )
        )
    quotes = tuple(_quote(q, feature) for q in record.get("quotes") or [])
    if not quotes:
        raise DataError(TREATIES_FILE, "no verbatim quote", feature)
    if not signatories:
        raise DataError(TREATIES_FILE, "no signatories", feature)
    if not record.get("date_sources"):
        raise DataError(TREATIES_FILE, "the date has no source", feature)
    old_style = record.get("date_old_style")
    return Treaty(
        id=str(record["id"]),
        title=Text.parse(record.get("title"), TREATIES_FILE, feature, "title"),
        full_title=Text.parse(record.get("full_title"), TREATIES_FILE, feature, "full_title"),
        native_title=record.get("native_title"),
        date=parse_date(record.get("date"), TREATIES_FILE, feature, "date"),
        date_old_style=parse_date(old_style, TREATIES_FILE, feature, "date_old_style") if old_style else None,
        date_sources=_sources(record.get("date_sources"), feature),
        place=Text.parse(record.get("place"), TREATIES_FILE, feature, "place"),
        place_sources=_sources(record.get("place_sources"), feature),
        signatories=tuple(signatories),
        signatories_source=Source.parse(record.get("signatories_source"), TREATIES_FILE, feature),
        entry_into_force=_optional_text(record, "entry_into_force", feature),
        entry_into_force_sources=_sources((record.get("entry_into_force") or {}).get("sources"), feature),
        quotes=quotes,
        summary=Text.parse(record.get("summary"), TREATIES_FILE, feature, "summary"),
        territorial_effect=Text.parse(record.get("territorial_effect"), TREATIES_FILE, feature, "territorial_effect"),
        open_questions=_optional_text(record, "open_questions", feature),
        summary_sources=_sources(record.get("summary_sources"), feature),
    )


@per_data_dir
def treaties() -> dict[str, Treaty]:
    """All treaties by id, in the order of the data file (chronological)."""
    by_id: dict[str, Treaty] = {}
    for treaty in parse_each(require_list(read_yaml(TREATIES_FILE), TREATIES_FILE), _treaty):
        if treaty.id in by_id:
            raise DataError(TREATIES_FILE, "duplicate id", f"treaty {treaty.id}")
        by_id[treaty.id] = treaty
    return by_id


def treaty(treaty_id: str) -> Treaty:
    try:
        return treaties()[treaty_id]
    except KeyError:
        raise KeyError(f"no treaty {treaty_id!r} in {TREATIES_FILE}") from None
