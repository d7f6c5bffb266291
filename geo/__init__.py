"""The Kuril and Sakhalin border atlas: who held the islands in a given year, the border
lines, the treaties behind them.

A plain package (it never imports Streamlit): the app is one user, tests and the command
line are others.  :mod:`geo.model` loads and validates the data folder into an immutable
:class:`Atlas` snapshot; :mod:`geo.text` words it in each language; :mod:`geo.web` draws it
for the browser and :mod:`geo.printing` on paper; :mod:`geo.export` writes the files for
teaching.  The functions below read the current snapshot of ``data/`` (see :func:`current`).

>>> import geo
>>> geo.period_at(1905).treaty
'portsmouth_1905'
>>> geo.holder_at(1930, 142.74, 46.96)   # Toyohara (Yuzhno-Sakhalinsk), Karafuto
'JP'
>>> geo.holder_at(2000, 145.86, 44.03)   # Yuzhno-Kurilsk, Kunashir: held by Russia...
'RU'
>>> geo.territories(2000).set_index("island_id").loc["kunashir", "claimed_by"]   # ...claimed by Japan
'JP'
>>> geo.holder_at(1860, 142.75, 46.95)   # Sakhalin before 1875: no border, both present
'joint'
>>> geo.borders(1905)["id"].tolist()
['saint_petersburg_first_kuril_strait', 'portsmouth_50th_parallel']
>>> geo.treaty("portsmouth_1905").date
datetime.date(1905, 9, 5)

Each function drawing the map takes a viewpoint (``data/viewpoints.yaml``): 'neutral' (the
default), or the map as Japan's ('JP') or Russia's ('RU') own maps draw it.

>>> geo.holder_at(1960, 142.74, 46.96, view="JP")   # Yuzhno-Sakhalinsk on Japan's maps
'undetermined'
>>> geo.holder_at(1960, 145.86, 44.03, view="JP"), geo.holder_at(1960, 145.86, 44.03, view="RU")
('JP', 'RU')
"""

from __future__ import annotations

from functools import lru_cache

import geopandas as gpd

from .model import Atlas, DataError, Event, Period, Problem, Treaty, data_dir, load
from .model import current as _current_snapshot
from .text import catalogue

__all__ = [
    "Atlas", "DataError", "Event", "Period", "Problem", "Treaty", "borders", "check", "current", "data_dir", "events",
    "holder_at", "load", "period_at", "problems", "territories", "treaties", "treaty",
]


@lru_cache(maxsize=4)
def _code_problems(atlas: Atlas) -> tuple[Problem, ...]:
    return tuple(catalogue.problems(atlas))


def current() -> Atlas:
    """The current snapshot of the data folder (rechecked at most once a second), checked
    against what the code needs of it (every interface string and its placeholders).

    Raises
    ------
    DataError
        Listing every problem, each as ``file, record: reason``.
    """
    atlas = _current_snapshot()
    found = _code_problems(atlas)
    if found:
        raise DataError(found)
    return atlas


def problems() -> list[Problem]:
    """Every problem of the data folder as it is now; empty if there is none."""
    try:
        current()
    except DataError as error:
        return error.problems
    return []


def check() -> None:
    """Load and validate every data file; raises :class:`DataError` listing every problem."""
    current()


def period_at(year: int, view: str = "neutral") -> Period:
    """The border period in force during ``year`` as ``view`` draws it (see
    :meth:`Atlas.period_at`); ValueError before 1855 or for an unknown view."""
    return current().period_at(year, view)


def territories(year: int, view: str = "neutral") -> gpd.GeoDataFrame:
    """Every piece of land in ``year`` and who held it, as ``view`` ('neutral', 'JP', 'RU')
    draws it: columns ``holder`` and ``status`` may say 'undetermined' (see
    :meth:`Atlas.territories`)."""
    return current().territories(year, view)


def borders(year: int, view: str = "neutral") -> gpd.GeoDataFrame:
    """The border lines of ``year`` as ``view`` ('neutral', 'JP', 'RU') draws them (see
    :meth:`Atlas.borders`)."""
    return current().borders(year, view)


def holder_at(year: int, lon: float, lat: float, view: str = "neutral") -> str | None:
    """Who held the land at (``lon``, ``lat``), degrees EPSG:4326, at the end of ``year``, as
    ``view`` ('neutral', 'JP', 'RU') draws it: 'RU', 'JP', 'joint', 'undetermined', or None
    for the sea (see :meth:`Atlas.holder_at`)."""
    return current().holder_at(year, lon, lat, view)


def treaty(treaty_id: str) -> Treaty:
    """The document ``treaty_id`` of ``treaties.yaml``; KeyError if there is none."""
    return current().treaty(treaty_id)


def treaties() -> dict[str, Treaty]:
    """Every document by id, in file order."""
    return dict(current().treaties)


def events() -> tuple[Event, ...]:
    """Every event in date order."""
    return current().events

