"""What is wrong with the data, said so that a historian can find and fix it.

Every problem names the file, the record (``period shimoda``, ``event otsu_incident_1891``,
``line portsmouth_50th_parallel``) and the reason; ``python -m geo check`` prints one per line.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one data file.

    Parameters
    ----------
    file : str
        The file's name inside the data folder, e.g. ``"periods.yaml"``.
    record : str or None
        The record it concerns, e.g. ``"period shimoda"``; None for the file as a whole.
    reason : str
        What is wrong, in a sentence a historian can act on.
    """

    file: str
    record: str | None
    reason: str

    def __str__(self) -> str:
        return f"{self.file}, {self.record}: {self.reason}" if self.record else f"{self.file}: {self.reason}"


class DataError(ValueError):
    """The data folder cannot be loaded; ``problems`` lists every problem found, in file order.

    Its message has one line per problem (``file, record: reason``).
    """

    def __init__(self, problems: Iterable[Problem]):
        self.problems: list[Problem] = list(dict.fromkeys(problems))
        super().__init__("\n".join(map(str, self.problems)))
