"""Whose view a map shows, and what the other viewpoints draw differently that year.

The atlas draws its own neutral map and the map as each government's maps draw the same
islands (``data/viewpoints.yaml``).  Beside every map, this says which one is shown, why it
draws what it draws (sourced to that side's own statements and maps), and, area by area,
what each other viewpoint draws instead.  Everything from data is escaped.
"""

from __future__ import annotations

from babel.lists import format_list

from geo.model import Atlas

from .localizer import Localizer
from .markdown import bullets, citations, escape
from .year_panel import land_names


def view_differences(atlas: Atlas, other: Atlas, year: int, say: Localizer) -> list[str]:
    """What the map of ``year`` in ``other``'s viewpoint draws differently from ``atlas``'s,
    as "land: holding" lines in ``say``'s language (each holding as ``other`` draws it).

    Parameters
    ----------
    atlas, other : Atlas
        The same snapshot in two viewpoints (see :meth:`Atlas.viewed`).
    year : int
    say : Localizer

    Returns
    -------
    list of str
        Empty where both draw every area alike.

    Raises
    ------
    ValueError
        If ``year`` is before the first period.
    """
    shown, drawn = atlas.period_at(year), other.period_at(year)
    differing: dict[tuple, list[str]] = {}
    for area_id in atlas.areas:
        holding = (drawn.holders[area_id], drawn.status(area_id), drawn.claims.get(area_id))
        if holding != (shown.holders[area_id], shown.status(area_id), shown.claims.get(area_id)):
            differing.setdefault(holding, []).append(area_id)
    return [f"{format_list(land_names(atlas, area_ids, say), locale=say.locale)}: "
            f"{say.holding(*holding, year, other.view)}"
            for holding, area_ids in differing.items()]


def viewpoint_markdown(atlas: Atlas, year: int, say: Localizer) -> str:
    """Markdown for beside the map of ``year``: the viewpoint ``atlas`` draws, what it draws
    that year and why (with its sources), then each other viewpoint's differences.

    Raises
    ------
    ValueError
        If ``year`` is before the first period.
    """
    view = atlas.viewpoint
    rule = view.rule_at(year)
    parts = [f"**{escape(say.message('view_shown', view=say.text(view.name)))}** {escape(say.text(view.summary))}"]
    if rule is not None:
        parts.append(escape(say.text(rule.note)) + citations(rule.sources, say.lang))
    others = []
    for other_id, other in atlas.viewpoints.items():
        if other_id == atlas.view:
            continue
        differences = view_differences(atlas, atlas.viewed(other_id), year, say)
        others.append(f"*{escape(say.text(other.name))}:* "
                      + (escape("; ".join(differences)) if differences else escape(say.message("view_same"))))
    parts += [escape(say.message("view_others", year=year)), bullets(others)]
    return "\n\n".join(parts)
