"""The Markdown of the atlas's reading pages: timeline events, the dispute today, the sources
and licences.

Pure functions of a snapshot and a language (see :mod:`geo.text.year_panel`); everything from
data is escaped.
"""

from __future__ import annotations

from geo.model import Atlas, Event
from geo.model.schema import Statement

from .localizer import Localizer
from .markdown import bullets, citations, cite, escape


def event_when(event: Event, say: Localizer) -> str:
    """When an event happened, as precisely as its sources say, with its Julian date where
    Russia used that calendar."""
    return say.with_old_style(say.date_range(event.date, event.end_date, event.precision), event.date_old_style,
                              event.precision)


def event_markdown(event: Event, say: Localizer) -> str:
    """One event: when and where, title, description, what sources disagree on, sources."""
    parts = [f"**{escape(event_when(event, say))}** · {escape(say.text(event.place))}",
             f"#### {escape(say.text(event.title))}",
             escape(say.text(event.description))]
    if event.contested:
        parts.append(f"**{say.message('contested')}:** {escape(say.text(event.contested))}")
    if event.note:
        parts.append(f"**{say.message('note')}:** {escape(say.text(event.note))}")
    parts.append(f"{say.message('sources')}: " + " · ".join(cite(s, say.lang) for s in event.sources))
    return "\n\n".join(parts)


def events_near_markdown(atlas: Atlas, year: int, say: Localizer) -> str:
    """The events of the years around ``year``, one line each; those on the map marked ●."""
    lines = [f"**{escape(say.date(e.date, e.precision))}** {escape(say.text(e.title))}" + (" ●" if e.on_map else "")
             for e in atlas.events_near(year)]
    return f"**{say.message('events_nearby', year=year)}**\n\n" + bullets(lines) if lines else ""


def dispute_intro_markdown(atlas: Atlas, say: Localizer) -> str:
    """What the dispute is about, where it stands today (dated, sourced), the documents both
    sides cite, and the atlas's note."""
    today = atlas.dispute
    documents = ", ".join(escape(say.text(atlas.treaty(d).title)) for d in today.key_documents)
    intro = escape(say.text(today.intro))
    if today.intro_sources:
        intro += citations(today.intro_sources, say.lang)
    status = (f"**{say.message('dispute_status', date=say.date(today.status.as_of))}** "
              + escape(say.text(today.status.text)) + citations(today.status.sources, say.lang))
    return "\n\n".join([intro, status, f"**{say.message('key_documents')}:** {documents}",
                         escape(say.text(today.note))])


def statement_markdown(statement: Statement, say: Localizer) -> str:
    """One government's statement on an argument, with its sources."""
    return escape(say.text(statement.text)) + citations(statement.sources, say.lang)


def sources_markdown(atlas: Atlas, say: Localizer) -> str:
    """Every dataset with where it comes from and its licence, then how sea borders are drawn."""
    rows = [f"#### {escape(say.text(item.name))}\n\n{escape(item.file)} · {say.message('licence')}: "
            f"{escape(say.text(item.licence))}\n\n{escape(say.text(item.origin))}"
            for item in atlas.datasets.datasets]
    return "\n\n".join([*rows, f"### {say.message('how_sea_borders')}", escape(say.text(atlas.datasets.sea_borders))])
