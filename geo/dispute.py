"""The dispute today, from ``data/dispute.yaml``: each government's position, side by side.

Every point is reported speech with its source; the atlas shows who holds the land and who
claims it, and takes no side.
"""

from __future__ import annotations

from dataclasses import dataclass

from .sources import DataError, Source, Text, per_data_dir, read_yaml
from .treaties import TREATIES_FILE, treaties

DISPUTE_FILE = "dispute.yaml"
SIDES = ("JP", "RU")


@dataclass(frozen=True)
class Point:
    text: Text
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Position:
    side: str
    name: Text
    points: tuple[Point, ...]


@dataclass(frozen=True)
class Dispute:
    intro: Text
    positions: tuple[Position, ...]
    key_documents: tuple[str, ...]
    note: Text


def _position(record: dict) -> Position:
    side = record.get("side")
    feature = f"position {side or '?'}"
    if side not in SIDES:
        raise DataError(DISPUTE_FILE, f"side {side!r} is not one of {', '.join(SIDES)}", feature)
    points = []
    for number, point in enumerate(record.get("points") or [], start=1):
        where = f"{feature}, point {number}"
        sources = tuple(Source.parse(s, DISPUTE_FILE, where) for s in point.get("sources") or [])
        if not sources:
            raise DataError(DISPUTE_FILE, "no source", where)
        points.append(Point(Text.parse(point.get("text"), DISPUTE_FILE, where, "text"), sources))
    if not points:
        raise DataError(DISPUTE_FILE, "no points", feature)
    return Position(side, Text.parse(record.get("name"), DISPUTE_FILE, feature, "name"), tuple(points))


@per_data_dir
def dispute() -> Dispute:
    record = read_yaml(DISPUTE_FILE)
    if not isinstance(record, dict):
        raise DataError(DISPUTE_FILE, "expected intro, positions, key_documents and note")
    positions = tuple(_position(p) for p in record.get("positions") or [])
    if sorted(p.side for p in positions) != sorted(SIDES):
        raise DataError(DISPUTE_FILE, "needs exactly one position for each side (JP and RU)")
    documents = tuple(record.get("key_documents") or ())
    unknown = [d for d in documents if d not in treaties()]
    if unknown:
        raise DataError(DISPUTE_FILE, f"key document(s) {', '.join(unknown)} not in {TREATIES_FILE}")
    return Dispute(
        intro=Text.parse(record.get("intro"), DISPUTE_FILE, "intro", "intro"),
        positions=positions,
        key_documents=documents,
        note=Text.parse(record.get("note"), DISPUTE_FILE, "note", "note"),
    )
