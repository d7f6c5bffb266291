"""The atlas's words in one language: interface strings, dates, names of states and places.

A :class:`Localizer` binds a snapshot of the data to a language, like a gettext translation
object or a Babel ``Locale``: the interface strings come from ``data/ui.yaml``, the
conventions for dates and ranges of dates from CLDR through Babel
(https://babel.pocoo.org/en/latest/dates.html), using the locale ``languages.yaml`` gives for
the language (``ko_KR``: "1905년 9월 5일", "1938년 7월 29일~8월 11일").
"""

from __future__ import annotations

import datetime as dt
from functools import cached_property

from babel import Locale
from babel.core import negotiate_locale
from babel.dates import format_interval, format_skeleton

from geo.model import Atlas, Island, Quote, Translation
from geo.model.atlas import NEUTRAL

#: The CLDR skeleton for a date known to the day, the month or the year.
SKELETONS = {"day": "yMMMMd", "month": "yMMMM", "year": "y"}
#: The place-name styles: the Russian form, the Japanese form (with its kanji), or both.
NAME_STYLES = ("both", "ru", "ja")


def negotiate(atlas: Atlas, requested: str | None) -> str | None:
    """The atlas language that best answers ``requested`` ('ko', 'ko-KR', 'en_GB', 'KO'…), or
    None if it names none of them.  Uses Babel's negotiation of language tags."""
    if not requested or not requested.strip():
        return None
    language, _, region = requested.strip().replace("_", "-").partition("-")
    tag = f"{language.lower()}-{region.upper()}" if region else language.lower()
    found = negotiate_locale([tag], list(atlas.language_codes), sep="-")
    return found if found in atlas.language_codes else None


class Localizer:
    """Text of the atlas in one language.

    Parameters
    ----------
    atlas : Atlas
        The data snapshot whose words are used.
    lang : str
        A language code of ``languages.yaml``; anything else falls back to the first
        (default) language.
    """

    def __init__(self, atlas: Atlas, lang: str):
        self.atlas = atlas
        self.lang = lang if lang in atlas.language_codes else atlas.language_codes[0]

    @cached_property
    def locale(self) -> Locale:
        """The Babel locale whose conventions this language's dates follow."""
        code = next(language.locale for language in self.atlas.languages if language.code == self.lang)
        return Locale.parse(code)

    def message(self, key: str, **values: object) -> str:
        """The interface string ``key``, its ``{placeholders}`` filled from ``values``."""
        return self.atlas.messages[key][self.lang].format(**values)

    def text(self, text: dict[str, str]) -> str:
        """The version of a data text (``{'en': ..., 'ko': ...}``) in this language."""
        return text[self.lang]

    def date(self, date: dt.date, precision: str = "day") -> str:
        """``date`` as precise as its source (``precision``: 'day', 'month' or 'year'), e.g.
        "5 September 1905" / "1905년 9월 5일", "September 1905" / "1905년 9월", "1905" / "1905년"."""
        return format_skeleton(SKELETONS[precision], date, locale=self.locale)

    def date_range(self, start: dt.date, end: dt.date | None, precision: str = "day") -> str:
        """From ``start`` to ``end`` as the language writes a range, without repeating what the
        two share: "29 Jul – 11 Aug 1938" / "1938년 7월 29일~8월 11일"; just ``start`` if
        ``end`` is None.  Years follow ``year_range`` in ``ui.yaml`` ("1906–1908" /
        "1906~1908년"), since CLDR's Korean year interval repeats the unit ("1906년 ~ 1908년")."""
        if end is None or end == start or (precision == "year" and end.year == start.year):
            return self.date(start, precision)
        if precision == "year":
            return self.message("year_range", first=start.year, last=end.year)
        return format_interval(start, end, SKELETONS[precision], locale=self.locale)

    def signed_on(self, date: dt.date, old_style: dt.date | None) -> str:
        """A date with its Julian (Old Style) date beside it where there is one: "7 February
        1855 (26 January 1855 in the Russian (Julian) calendar)" / "1855년 2월
        7일(율리우스력 1855년 1월 26일)"."""
        return self.with_old_style(self.date(date), old_style)

    def with_old_style(self, when: str, old_style: dt.date | None, precision: str = "day") -> str:
        """``when`` (a date or range already written out) followed by its Julian date, as
        ``old_style`` in ``ui.yaml`` places it; just ``when`` if there is none."""
        if old_style is None:
            return when
        return self.message("old_style", date=when, old=self.date(old_style, precision))

    def translation(self, quote: Quote) -> Translation | None:
        """``quote``'s translation into this language; None if it is written in this language
        or has none."""
        return None if quote.language == self.lang else quote.translations.get(self.lang)

    def translation_heading(self, translation: Translation) -> str:
        """The heading over a translation: whether it is the atlas's own or an established one."""
        language = self.language_name(self.lang)
        if translation.by_atlas:
            return self.message("translation_by_atlas", language=language)
        return self.message("translation_established", language=language, title=translation.by)

    def language_name(self, code: str) -> str:
        """The name of the language ``code`` in this language, from CLDR ("Japanese", "일본어")."""
        return self.locale.languages.get(code, code)

    def state(self, side: str, year: int) -> str:
        """The name of ``side``'s state ('RU' or 'JP') at the end of ``year``, e.g. "Russian
        Empire" for ('RU', 1860), "USSR" for ('RU', 1950)."""
        return self.text(self.atlas.state_name(side, year))

    def holding(self, holder: str, status: str, claimed_by: str | None, year: int, view: str | None = None) -> str:
        """Who held a piece of land at the end of ``year``, how, and who claimed it: "Held by the
        USSR · claimed by Japan" / "소련 실효 지배 · 일본 영유권 주장" (the language's own words,
        from ``ui.yaml``: land another state claims is "held" in fact, not "administered").

        In a viewpoint other than the neutral one (``view``, default this snapshot's), the
        holding is how that side's maps draw the land, and says so: "Japan's territory on
        these maps", never "Held by Japan" for land Japan does not hold."""
        drawn = (view or self.atlas.view) != NEUTRAL
        if holder == "joint":
            return self.message("held_jointly", holders=" · ".join(self.state(side, year) for side in ("RU", "JP")))
        if holder == "undetermined":
            return self.message("drawn_undetermined")
        if drawn:
            key = "drawn_as_occupied" if status == "occupied" else "drawn_as"
        else:
            key = "held_by_occupied" if status == "occupied" else "held_by_disputed" if claimed_by else "held_by"
        text = self.message(key, holder=self.state(holder, year))
        if claimed_by:
            text += " · " + self.message("claimed_by", claimant=self.state(claimed_by, year))
        return text

    def place_name(self, island: Island, style: str = "both") -> str:
        """An island's name as ``style`` asks: the Russian form ('ru'), the Japanese form with
        its kanji ('ja'), or both, e.g. "Iturup / Etorofu (択捉島)", "이투루프섬 / 에토로후섬 (択捉島)"."""
        russian, japanese = island.russian.written[self.lang], island.japanese.written[self.lang]
        kanji = f" ({island.japanese.native})" if island.japanese.native else ""
        if style == "ru" or not japanese:
            return russian
        if style == "ja" or japanese == russian:
            return japanese + kanji
        return f"{russian} / {japanese}{kanji}"
