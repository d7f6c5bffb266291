"""The map of a year told in words: who held which land, who claimed it, where the border
lines run and what changed, for a reader who cannot see the map (a screen reader's user, the
alt text of an exported picture) and for anyone who wants it said plainly.

It is made from the same snapshot as the map (the period's holders, claims and border lines),
so the words cannot say other than the colours.  The idea is the text alternative of a complex
image in WAI's images tutorial (https://www.w3.org/WAI/tutorials/images/complex/): a short
description, and the long one beside the image in the page, not hidden in an attribute.
"""

from __future__ import annotations

from dataclasses import dataclass

from babel.lists import format_list

from geo.model import Atlas

from .localizer import Localizer
from .markdown import bullets, escape
from .year_panel import changes, land_names


@dataclass(frozen=True)
class MapInWords:
    """What the map of a year shows, as sentences in one language.

    Attributes
    ----------
    title : str
        "The map in words: 1905" / "지도를 글로 읽기: 1905년".
    holdings : tuple of str
        One sentence per way land was held, naming the land: "Held by Japan: the Kuril
        Islands from Shumshu to Urup, …", story land first, then the land around it.
    lines : tuple of str
        One sentence per border line drawn, its kind and where it runs.
    changed : str
        The heading of ``changes``: "What changed in 1905".
    changes : tuple of str
        What the year's period changed against the one before, area by area.
    """

    title: str
    holdings: tuple[str, ...]
    lines: tuple[str, ...]
    changed: str
    changes: tuple[str, ...]

    def markdown(self) -> str:
        """The description under its title, as Markdown (everything from data escaped): the
        holdings and lines as one list, then what changed as another."""
        return "\n\n".join([bullets([escape(s) for s in (*self.holdings, *self.lines)]),
                            f"**{escape(self.changed)}**", bullets([escape(s) for s in self.changes])])

    def text(self) -> str:
        """The description as plain text, one sentence a line (an exported picture's alt text)."""
        return "\n".join([self.title, *self.holdings, *self.lines, f"{self.changed}:", *self.changes])


def map_in_words(atlas: Atlas, year: int, say: Localizer) -> MapInWords:
    """The map of ``year`` told in ``say``'s language.

    Parameters
    ----------
    atlas : Atlas
        The data snapshot the map is drawn from.
    year : int
        The year shown (holders as at the end of that year).
    say : Localizer
        The language, and the names of each state in each year ("Russian Empire", "USSR").

    Returns
    -------
    MapInWords

    Raises
    ------
    ValueError
        If ``year`` is before the first period.
    """
    period = atlas.period_at(year)
    story = sorted(atlas.areas, key=lambda area_id: atlas.areas[area_id].context)
    held: dict[tuple, list[str]] = {}
    for area_id in story:
        holding = (period.holders[area_id], period.status(area_id), period.claims.get(area_id))
        held.setdefault(holding, []).append(area_id)
    holdings = tuple(_holding(holding, format_list(land_names(atlas, area_ids, say), locale=say.locale), year, say)
                     for holding, area_ids in held.items())
    lines = tuple(say.message("map_line", kind=say.message(f"kind_{line.kind}"), line=say.text(line.name))
                  for line in atlas.borders(year).itertuples())
    return MapInWords(say.message("map_in_words", year=year), holdings, lines,
                      say.message("what_changed", year=period.start), tuple(changes(atlas, period, say)))


def _holding(holding: tuple[str, str, str | None], land: str, year: int, say: Localizer) -> str:
    holder, status, claimed_by = holding
    if holder == "joint":
        holders = " · ".join(say.state(side, year) for side in ("RU", "JP"))
        return say.message("map_held_jointly", land=land, holders=holders)
    return f"{say.holding(holder, status, claimed_by, year)}: {land}"
