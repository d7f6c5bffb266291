"""Interface text in English and Korean, from ``data/ui.yaml`` and any ``data/ui_*.yaml``.

Strings live in data so a translator can edit them without touching Python; every key must
exist in every language, and in one file only.
"""

from __future__ import annotations

import re

from .sources import LANGUAGES, DataError, Text, data_dir, per_data_dir, read_yaml

MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")
UI_FILE = "ui.yaml"
MORE_UI_FILES = "ui_*.yaml"
DEFAULT_LANGUAGE = "en"
_LANGUAGE_TAG = re.compile(rf"(?i)({'|'.join(LANGUAGES)})([-_][a-z]{{2}})?")


@per_data_dir
def strings() -> dict[str, Text]:
    found: dict[str, Text] = {}
    for name in [UI_FILE, *sorted(p.name for p in data_dir().glob(MORE_UI_FILES))]:
        table = read_yaml(name)
        if not isinstance(table, dict) or not table:
            raise DataError(name, "expected a mapping of keys to {en, ko} text")
        for key, value in table.items():
            if key in found:
                raise DataError(name, "the key is already defined in another ui file", f"key {key}")
            found[key] = Text.parse(value, name, f"key {key}", key)
    return found


def language(requested: str | None) -> str:
    """A supported language code for ``requested`` (e.g. 'ko', 'ko-KR', 'EN'), else English."""
    code = (requested or "").strip().lower()[:2]
    return code if code in LANGUAGES else DEFAULT_LANGUAGE


def is_supported(requested: str) -> bool:
    """Whether ``requested`` names a language of the atlas: 'ko', 'ko-KR', 'en_GB'…"""
    return _LANGUAGE_TAG.fullmatch(requested.strip()) is not None


def tr(key: str, lang: str, **values) -> str:
    """The text for ``key`` in ``lang``, with ``{placeholders}`` filled from ``values``."""
    return strings()[key](lang).format(**values)


def format_date(date, lang: str, precision: str = "day") -> str:
    """A date (``datetime.date`` or Timestamp) as precise as its source: "11 May 1891",
    "May 1891" or "1891"; in Korean "1891년 5월 11일", "1891년 5월", "1891년"."""
    if lang == "ko":
        parts = [f"{date.year}년", f"{date.month}월", f"{date.day}일"]
        return " ".join(parts[: ("year", "month", "day").index(precision) + 1])
    parts = [str(date.day), MONTHS_EN[date.month - 1], str(date.year)]
    return " ".join(parts[("day", "month", "year").index(precision):])


def language_name(code: str, lang: str) -> str:
    """The name of the language ``code`` (of a quotation) in ``lang``, or the code itself."""
    key = f"lang_{code}"
    return tr(key, lang) if key in strings() else code


def holding_label(holder: str, status: str, claimed_by: str | None, lang: str) -> str:
    """Who holds a piece of land, how, and who claims it, e.g. "Held by Russia / USSR;
    claimed by Japan"."""
    who = tr(f"holder_{holder}", lang)
    if holder == "joint":
        return who
    text = tr("held_by_occupied" if status == "occupied" else "held_by", lang, holder=who)
    if claimed_by:
        text += "; " + tr("claimed_by", lang, claimant=tr(f"holder_{claimed_by}", lang))
    return text


def place_name(names: dict, lang: str, style: str = "both") -> str:
    """An island's name in ``lang`` as ``style`` asks: the Russian form ('ru'), the Japanese
    form with its kanji ('ja'), or both, e.g. "Iturup / Etorofu (択捉島)" or, in Korean,
    "이투루프섬 / 에토로후섬 (択捉島)". ``names`` is a gazetteer row (islands.csv)."""
    russian, japanese = (names["name_ko"], names["name_ko_ja"]) if lang == "ko" else (names["name_en"], names["name_ja"])
    kanji = f" ({names['name_ja_kanji']})" if names["name_ja_kanji"] else ""
    if style == "ru" or not japanese:
        return russian
    if style == "ja" or japanese == russian:
        return japanese + kanji
    return f"{russian} / {japanese}{kanji}"

