"""What the map of a year shows, as the entries of its legend (its key), in one language.

One list serves the web map and the printed maps, so both name each holder as its state
was called that year ("Russian Empire" in 1860, "USSR" in 1950) and list only what the map
of that year draws.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import get_args

from geo.model import Atlas
from geo.model.schema import LineKind

from .localizer import Localizer

#: The kinds of border line, in the legend's order.
LINE_KINDS: tuple[str, ...] = get_args(LineKind)


@dataclass(frozen=True)
class KeyEntry:
    """One entry of the legend: what it stands for and its label.

    ``kind`` is 'holder' (``value`` 'RU', 'JP', 'joint' or 'undetermined'), 'claim' (``value``
    the claimant) or 'line' (``value`` the line's kind, one of :data:`LINE_KINDS`)."""

    kind: str
    value: str
    label: str


def map_key(atlas: Atlas, year: int, say: Localizer) -> list[KeyEntry]:
    """The legend of the map of ``year``: each holder of that year named as it was then,
    the hatching of claimed land (per claimant), and each kind of line drawn that year.

    Raises
    ------
    ValueError
        If ``year`` is before the first period.
    """
    period = atlas.period_at(year)
    held = set(period.holders.values())
    entries = [KeyEntry("holder", h, say.state(h, year) if h in ("RU", "JP") else say.message(f"holder_{h}"))
               for h in ("RU", "JP", "joint", "undetermined") if h in held]
    entries += [KeyEntry("claim", side, say.message("claimed_by", claimant=say.state(side, year)))
                for side in sorted(set(period.claims.values()))]
    kinds = set(atlas.borders(year)["kind"])
    entries += [KeyEntry("line", kind, say.message(f"kind_{kind}")) for kind in LINE_KINDS if kind in kinds]
    return entries
