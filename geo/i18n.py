"""Interface text in English and Korean, from ``data/ui.yaml``.

Strings live in data so a translator can edit them without touching Python; every key must
exist in every language.
"""

from __future__ import annotations

from .sources import LANGUAGES, DataError, Text, per_data_dir, read_yaml

UI_FILE = "ui.yaml"
DEFAULT_LANGUAGE = "en"


@per_data_dir
def strings() -> dict[str, Text]:
    table = read_yaml(UI_FILE)
    if not isinstance(table, dict) or not table:
        raise DataError(UI_FILE, "expected a mapping of keys to {en, ko} text")
    return {key: Text.parse(value, UI_FILE, f"key {key}", key) for key, value in table.items()}


def language(requested: str | None) -> str:
    """A supported language code for ``requested`` (e.g. 'ko', 'ko-KR', 'EN'), else English."""
    code = (requested or "").strip().lower()[:2]
    return code if code in LANGUAGES else DEFAULT_LANGUAGE


def is_supported(requested: str) -> bool:
    return requested.strip().lower()[:2] in LANGUAGES and len(requested.strip()) in (2, 5)


def tr(key: str, lang: str, **values) -> str:
    """The text for ``key`` in ``lang``, with ``{placeholders}`` filled from ``values``."""
    return strings()[key](lang).format(**values)


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
