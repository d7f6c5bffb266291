"""The fonts the exports draw text with, taken from pip packages rather than the system.

NanumGothic (from ``koreanize-matplotlib``) has Hangul, Latin and the Korean hanja, but not
the Japanese forms of some kanji (亜, 属, 来, 条) nor the old 迠 that the Treaty of Shimoda
uses; IPAexGothic (from ``japanize-matplotlib``, JIS X 0213) has those and no Hangul.  Text
is drawn in NanumGothic with IPAexGothic as matplotlib's per-glyph fallback; Japanese and
Chinese quotations the other way round, so a Japanese sentence is set in one Japanese face.

Both packages set matplotlib up as a side effect of being imported (and import
``distutils``, which Python 3.12 removed), so they are never imported: their font files
are located on disk and registered with matplotlib's font manager here.
"""

from __future__ import annotations

import importlib.util
import re
from functools import lru_cache
from pathlib import Path

from matplotlib import font_manager
from matplotlib.font_manager import FontProperties
from matplotlib.ft2font import FT2Font
from matplotlib.textpath import TextToPath

KOREAN = "NanumGothic"
JAPANESE = "IPAexGothic"
# (package, file inside it): what requirements.txt installs.
FONT_FILES = {
    KOREAN: [("koreanize_matplotlib", "fonts/NanumGothic.ttf"), ("koreanize_matplotlib", "fonts/NanumGothicBold.ttf")],
    JAPANESE: [("japanize_matplotlib", "fonts/ipaexg.ttf")],
}
TEXT = [KOREAN, JAPANESE]
CJK_QUOTE = [JAPANESE, KOREAN]
# NanumGothicBold registers as weight 600; asking for "bold" (700) would log a warning.
BOLD = 600


class FontsMissingError(RuntimeError):
    """A font package of requirements.txt is not installed."""


def _file(package: str, name: str) -> Path:
    spec = importlib.util.find_spec(package)
    path = Path(spec.submodule_search_locations[0]) / name if spec and spec.submodule_search_locations else None
    if path is None or not path.is_file():
        raise FontsMissingError(f"the font {name} of the package {package.replace('_', '-')} is missing; "
                           f"run: pip install -r requirements.txt")
    return path


@lru_cache(maxsize=1)
def files() -> dict[str, list[Path]]:
    """Every font file by family, registered with matplotlib (once per process)."""
    found = {family: [_file(package, name) for package, name in entries] for family, entries in FONT_FILES.items()}
    for paths in found.values():
        for path in paths:
            font_manager.fontManager.addfont(str(path))
    return found


def family(language: str | None = None, bold: bool = False) -> list[str]:
    """The font family list (first choice, then fallbacks) for text in ``language``.  Bold
    text is NanumGothic alone (IPAexGothic has no bold, and matplotlib would log that on
    every use): headings and names have no Japanese-only kanji (tests check this)."""
    files()
    if bold:
        return [KOREAN]
    return CJK_QUOTE if language in ("ja", "zh") else TEXT


@lru_cache(maxsize=4)
def _charmap(family_name: str) -> frozenset[int]:
    return frozenset(FT2Font(str(files()[family_name][0])).get_charmap())


def missing(text: str, families: list[str] | None = None) -> str:
    """The characters of ``text`` that no font of ``families`` has (they would show as boxes)."""
    maps = [_charmap(name) for name in families or TEXT]
    return "".join(sorted({c for c in text if not c.isspace() and not any(ord(c) in m for m in maps)}))


# A line may break after any CJK character, and elsewhere only at spaces (not at no-break
# spaces, U+00A0).
_CJK = "\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef"
_TOKENS = re.compile(rf"[{_CJK}]|(?:[^\s{_CJK}]|\u00a0)+|[^\S\u00a0]+")
# Closing punctuation stays on the line before it (kinsoku).
_NO_LINE_START = set("、。，．）」』〕】)]}!?,.:;")


def wrap(text: str, width_pt: float, prop: FontProperties) -> list[str]:
    """``text`` broken into lines no wider than ``width_pt`` in the font ``prop``, keeping the
    line breaks it already has."""
    measure = TextToPath()

    def width(s: str) -> float:
        return measure.get_text_width_height_descent(s, prop, ismath=False)[0]

    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        line = ""
        for token in _TOKENS.findall(paragraph):
            candidate = line + token
            if line.strip() and not token.isspace() and token[0] not in _NO_LINE_START \
                    and width(candidate.rstrip()) > width_pt:
                lines.append(line.rstrip())
                line = token
            else:
                line = candidate if line or not token.isspace() else ""
        lines.append(line.rstrip())
    return lines
