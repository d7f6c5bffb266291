"""A quoted article as a reader of one language reads it: their translation first, then the
text as quoted, each under its own heading and with its own source.

The map panel, the treaty library, the compare page, the offline atlas and the printed
handout all show a quotation in this order, so a Korean pupil reads "제2조 · 한국어 번역(이
지도의 번역)" before the Edo-period Japanese it was made from.  A translation is never
headed as the original: its heading says whose translation it is (the atlas's own, or an
established one by title).
"""

from __future__ import annotations

from dataclasses import dataclass

from geo.model import Quote, Source

from .localizer import Localizer


@dataclass(frozen=True)
class Passage:
    """One block of a quotation as shown: a heading, the text, the language it is written in
    (a code of ``languages.yaml`` or of the quote), and the source that states it (None for
    the atlas's own translation, whose source is the quote's)."""

    heading: str
    text: str
    language: str
    source: Source | None


def passages(quote: Quote, say: Localizer) -> list[Passage]:
    """The blocks of ``quote`` in reading order for ``say``'s language.

    Parameters
    ----------
    quote : Quote
        A quoted article (``treaties.yaml``).
    say : Localizer
        The reader's language.

    Returns
    -------
    list of Passage
        The reader's translation (if the quote has one and is not written in the reader's
        language), headed "{article} · {whose translation}"; then the quoted text, headed
        ``quoted`` ("Article 2, quoted (Japanese)" / "제2조 인용(일본어)"), with its source.
    """
    article = say.text(quote.article)
    quoted = Passage(say.message("quoted", article=article, language=say.language_name(quote.language)),
                     quote.text, quote.language, quote.source)
    translation = say.translation(quote)
    if translation is None:
        return [quoted]
    heading = f"{article} · {say.translation_heading(translation)}"
    return [Passage(heading, translation.text, say.lang, translation.source), quoted]
