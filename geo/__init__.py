"""The Kuril and Sakhalin border atlas: what was true in a given year.

A plain package (it never imports Streamlit): the app is one user, tests and the command
line are others.

>>> import geo
>>> geo.period_at(1905).treaty_id
'portsmouth_1905'
>>> geo.holder_at(1930, 142.7, 47.0)     # Toyohara, Karafuto
'JP'
"""

from __future__ import annotations

from . import i18n
from .dispute import dispute
from .events import events
from .holdings import holder_at, territories
from .land import Area, areas, islands, land
from .lines import border_lines, borders
from .periods import Milestone, Period, first_year, period_at, periods, previous
from .sources import DataError, Source, Text
from .treaties import Quote, Signatory, Treaty, treaties, treaty

__all__ = [
    "Area", "DataError", "Milestone", "Period", "Quote", "Signatory", "Source", "Text", "Treaty",
    "areas", "border_lines", "borders", "check", "dispute", "events", "first_year", "holder_at", "islands", "land",
    "period_at", "periods", "previous", "problems", "territories", "treaties", "treaty",
]


def problems() -> list[DataError]:
    """Every problem in the data files, each naming the file, the feature and the reason.

    Each file is loaded on its own, so one broken file does not hide the others' problems
    (a file that refers to a broken one reports that one's problems again; they are listed
    once)."""
    from .page_text import datasets

    found: list[DataError] = []
    for load in (i18n.strings, areas, treaties, periods, islands, land, border_lines, events,
                 dispute, datasets):
        try:
            load()
        except DataError as error:
            found.append(error)
    return DataError.of(found).problems if found else []


def check() -> None:
    """Load and validate every data file; raises :class:`DataError` listing every problem."""
    found = problems()
    if found:
        raise DataError.of(found)
