"""The panel beside the map, as Markdown: the period of the year, what it changed, the treaty
behind its border (or, where no treaty drew the line, what it rests on and the documents
each side cites).

Pure functions of a snapshot, a year and a language, so the app only places the result and
tests read it without a browser.  Everything from data is escaped (:mod:`geo.text.markdown`).
"""

from __future__ import annotations

import datetime as dt

from geo.model import Atlas, Period, Quote, Treaty

from .localizer import Localizer
from .markdown import blockquote, bullets, citations, cite, escape
from .quotation import passages


def _quote(quote: Quote, say: Localizer) -> str:
    parts = []
    for passage in passages(quote, say):
        parts += [f"**{escape(passage.heading)}**", blockquote(passage.text)]
        if passage.source:
            parts.append(f"{say.message('source')}: {cite(passage.source, say.lang)}")
    if quote.note:
        parts.append(escape(say.text(quote.note)))
    return "\n\n".join(parts)


def treaty_markdown(treaty: Treaty, say: Localizer) -> str:
    """A document as the panel and the treaty library show it: title, then its quoted articles
    (the heart of the page, each with its translation), then full title, date in both
    calendars, place, signatories, summary, effect, sources."""
    native = f" · {escape(treaty.native_title)}" if treaty.native_title else ""
    people = " · ".join(
        escape(say.text(s.name)) + (f" ({escape(say.text(s.role))})" if s.role else "") for s in treaty.signatories)
    parts = [f"### {escape(say.text(treaty.title))}", *(_quote(quote, say) for quote in treaty.quotes),
             f"{escape(say.text(treaty.full_title))}{native}",
             f"**{say.message('signed')}:** {escape(say.signed_on(treaty.date, treaty.date_old_style))} · "
             f"{escape(say.text(treaty.place))}  \n**{say.message('signatories')}:** {people}"]
    if treaty.entry_into_force:
        parts.append(f"**{say.message('entry_into_force')}:** {escape(say.text(treaty.entry_into_force.text))}")
    parts.append(f"**{say.message('summary')}:** {escape(say.text(treaty.summary))}")
    parts.append(f"**{say.message('territorial_effect')}:** {escape(say.text(treaty.territorial_effect))}")
    if treaty.open_questions:
        parts.append(f"**{say.message('open_questions')}:** {escape(say.text(treaty.open_questions))}")
    parts.append(bullets(_cited_by(treaty, say)))
    parts.append(f"**{say.message('sources')}:** " + " · ".join(cite(s, say.lang) for s in treaty.sources))
    return "\n\n".join(parts)


def period_years(period: Period, say: Localizer) -> str:
    """A period's years as textbooks name it, from the year its line was drawn to the year the
    next one was: "1855–1875" / "1855~1875년" (the next period starts in 1875 too); an open
    period "1945–present" / "1945년~현재"."""
    if period.end is None:
        return say.message("period_since", year=period.start)
    return say.date_range(dt.date(period.start, 1, 1), dt.date(period.end, 1, 1), "year")


def cited_document_markdown(treaty: Treaty, say: Localizer) -> str:
    """A document a side cites, in brief: title and date, what it did to the border, and what
    each side relies on it for (each with its sources)."""
    parts = [f"**{escape(say.text(treaty.title))}** ({escape(say.signed_on(treaty.date, treaty.date_old_style))}): "
             + escape(say.text(treaty.territorial_effect))]
    return "\n".join([*parts, bullets(_cited_by(treaty, say))])


def _cited_by(treaty: Treaty, say: Localizer) -> list[str]:
    """What each side relies on ``treaty`` for, a line each, with that side's sources."""
    return [f"*{escape(say.message('cited_by', side=say.state(cited.side, treaty.date.year)))}:* "
            f"{escape(say.text(cited.reason))}" + citations(cited.sources, say.lang) for cited in treaty.cited_by]


def land_names(atlas: Atlas, area_ids: list[str], say: Localizer) -> list[str]:
    """The names of areas (ids of ``atlas.areas``) that share a holding, a whole named once
    when all its parts are among them ("Sakhalin", not "Sakhalin north of 50°N" and "Sakhalin
    south of 50°N (Karafuto)", a line that was no border before 1905; areas.yaml ``part_of``)."""
    names: list[str] = []
    for area_id in area_ids:
        whole = atlas.areas[area_id].part_of
        parts = [other for other, area in atlas.areas.items() if whole is not None and area.part_of == whole]
        if whole is None or not set(parts) <= set(area_ids):
            names.append(say.text(atlas.areas[area_id].name))
        elif say.text(whole) not in names:
            names.append(say.text(whole))
    return names


def _holding_changes(atlas: Atlas, before: tuple[Period, int], after: tuple[Period, int], say: Localizer,
                     views: tuple[str, str] | None = None) -> list[str]:
    """Each area held or claimed differently, as "area: before → after", each side named as it
    was in its year, each holding worded for its viewpoint (``views``, default ``atlas``'s
    for both); a whole whose parts changed alike is named once (:func:`land_names`).
    A state that only changed its name changed no hands: not listed."""
    views = views or (atlas.view, atlas.view)
    def holding(period: Period, area: str) -> tuple:
        return period.holders[area], period.status(area), period.claims.get(area)

    changed: dict[tuple, list[str]] = {}
    for area_id in atlas.areas:
        old, new = holding(before[0], area_id), holding(after[0], area_id)
        if old != new:
            changed.setdefault((old, new), []).append(area_id)
    return [say.message("area_change", area=name, before=say.holding(*old, before[1], views[0]),
                        after=say.holding(*new, after[1], views[1]))
            for (old, new), area_ids in changed.items() for name in land_names(atlas, area_ids, say)]


def changes(atlas: Atlas, period: Period, say: Localizer) -> list[str]:
    """What ``period`` changed, area by area, against the period before it (each side named
    as it was in that year)."""
    before = atlas.previous(period)
    if before is None:
        return [say.message("no_change_first")]
    return _holding_changes(atlas, (before, period.start - 1), (period, period.start), say)


def differences(atlas: Atlas, year_a: int, year_b: int, say: Localizer, atlas_b: Atlas | None = None) -> list[str]:
    """What changed, area by area, from the map of ``year_a`` to the map of ``year_b`` (either
    order; empty if the two maps have the same holders and claims).  Only the two years are
    compared: an area that changed hands and back in between is not listed.

    Parameters
    ----------
    atlas : Atlas
        The snapshot, as the first map's viewpoint draws it.
    year_a, year_b : int
    say : Localizer
    atlas_b : Atlas, optional
        The same snapshot as the second map's viewpoint draws it (see
        :meth:`Atlas.viewed`); default ``atlas``.

    Raises
    ------
    ValueError
        If a year is before the first period.
    """
    atlas_b = atlas if atlas_b is None else atlas_b
    return _holding_changes(atlas, (atlas.period_at(year_a), year_a), (atlas_b.period_at(year_b), year_b), say,
                            (atlas.view, atlas_b.view))


def comparison_heading(year_a: int, year_b: int, say: Localizer, say_b: Localizer | None = None) -> str:
    """The heading over what differs between the map of ``year_a`` (as ``say.atlas``'s
    viewpoint draws it) and the map of ``year_b`` (as ``say_b.atlas``'s does): "What changed
    from 1875 to 1945", or, for one year as two viewpoints draw it, "1956 on two maps: As
    Japan's maps draw it / As Russia's maps draw it"."""
    view_b = (say_b or say).atlas.viewpoint
    if year_a == year_b and view_b != say.atlas.viewpoint:
        return say.message("compare_views", year=year_a, first=say.text(say.atlas.viewpoint.name),
                           second=say.text(view_b.name))
    return say.message("compare_changes", first=year_a, second=year_b)


def year_markdown(atlas: Atlas, year: int, say: Localizer) -> str:
    """Everything the panel beside the map says about ``year``: the treaty first (or what the
    line rests on), then the period, what changed, the milestones reached and the sources."""
    period = atlas.period_at(year)
    parts = []
    if period.treaty:
        parts += [f"#### {say.message('treaty_in_force')}", treaty_markdown(atlas.treaty(period.treaty), say)]
    else:
        parts += [f"#### {say.message('no_treaty')}",
                  escape(say.text(period.basis)) + citations(period.basis_sources, say.lang)]
    cited = [atlas.treaty(d) for d in period.documents if d != period.treaty and atlas.treaty(d).date.year <= year]
    if cited:
        parts.append(f"#### {say.message('documents_cited')}")
        parts += [cited_document_markdown(document, say) for document in cited]
    parts += ["---", f"## {escape(say.text(period.title))}", escape(say.text(period.description)),
              f"#### {say.message('what_changed', year=period.start)}",
              bullets([escape(line) for line in changes(atlas, period, say)])]
    reached = period.milestones_until(year)
    if reached:
        parts.append(f"#### {say.message('milestones')}")
        parts.append(bullets([f"**{escape(say.date(m.date))}**: {escape(say.text(m.text))}"
                              + citations(m.sources, say.lang) for m in reached]))
    parts.append(f"**{say.message('period_sources')}:** " + " · ".join(cite(s, say.lang) for s in period.sources))
    return "\n\n".join(parts)
