"""Values from the page's URL (``?year=1905&compare=1945&lang=ko&names=ja``), made safe.

A query string is typed, edited and shared by people: any value may arrive. Each function
here turns one into a valid setting and says whether the value had to be replaced, so the
app can explain it in a short message instead of failing.
"""

from __future__ import annotations

import math

from geo.text import NAME_STYLES


def year(raw: str | None, default: int, first: int, last: int) -> tuple[int, bool]:
    """The year asked for, or ``default`` for no year, not a number, or a year outside
    ``first``..``last``; and whether ``raw`` was replaced.

    Parameters
    ----------
    raw : str or None
        The value of the URL parameter, as typed.
    default, first, last : int
        Years.

    Returns
    -------
    (int, bool)
        The year to show, and whether ``raw`` was replaced (to say so on the page).

    This is how Streamlit's slider reads the value it is bound to in the URL (``float``,
    then the whole part; anything else, its default), so the year a message names is the
    year shown, and the link in the address bar, which the slider may clean, shows it again."""
    if raw is None:
        return default, False
    text = raw.strip()
    try:
        asked = float(text)
    except ValueError:
        return default, True
    if not (math.isfinite(asked) and first <= asked <= last):
        return default, True
    shown = int(asked)
    return shown, text != str(shown)


def name_style(raw: str | None) -> tuple[str, bool]:
    """Which place names to show, from the URL's ``names`` value: 'both' (default), 'ru' or
    'ja' (any case, spaces ignored); and whether ``raw`` was replaced."""
    if raw is None:
        return NAME_STYLES[0], False
    wanted = raw.strip().lower()
    return (wanted, False) if wanted in NAME_STYLES else (NAME_STYLES[0], True)
