"""Values from the page's URL (``?year=1905&compare=1945&lang=ko&names=ja``), made safe.

A query string is typed, edited and shared by people: any value may arrive. Each function
here turns one into a valid setting and says whether the value had to be replaced, so the
app can explain it in a short message instead of failing.
"""

from __future__ import annotations

NAME_STYLES = ("both", "ru", "ja")


def year(raw: str | None, default: int, first: int, last: int) -> tuple[int, bool]:
    """The year asked for, clamped to ``first``..``last``, or ``default`` for no year or one
    that is not a whole number; and whether ``raw`` was replaced."""
    if raw is None:
        return default, False
    try:
        asked = int(raw.strip())
    except ValueError:
        return default, True
    shown = min(max(asked, first), last)
    return shown, shown != asked


def name_style(raw: str | None) -> tuple[str, bool]:
    """Which place names to show: 'both' (default), 'ru' or 'ja'; and whether ``raw`` was replaced."""
    if raw is None:
        return NAME_STYLES[0], False
    wanted = raw.strip().lower()
    return (wanted, False) if wanted in NAME_STYLES else (NAME_STYLES[0], True)
