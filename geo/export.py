"""The teaching exports, as bytes or text: a picture of a year (PNG), a one-page handout
(PDF), an animation through every period (GIF) and the offline atlas (HTML).

The app's download buttons and ``python -m geo export`` both call these; each looks like
the app (same colours, lines and hatching; see :mod:`geo.page` and :mod:`geo.offline`).
"""

from __future__ import annotations

import io
import re

import numpy as np
from matplotlib.figure import Figure
from PIL import Image

from . import i18n, offline, page
from .periods import period_at, periods
from .treaties import treaty

SIZES = {"slide": (1920, 1080), "a4": (2480, 3508)}  # A4 at 300 dpi
GIF_SIZE = (1280, 720)
GIF_FRAME_MS = 2500
MIN_SIDE, MAX_SIDE = 320, 8000
_SIZE = re.compile(r"(\d+)x(\d+)")


def size(spec: str) -> tuple[int, int]:
    """Width and height in pixels of ``spec``: 'slide' (1920×1080), 'a4' (2480×3508, A4 at
    300 dpi) or 'WIDTHxHEIGHT'; ValueError saying what is accepted."""
    spec = spec.strip().lower()
    if spec in SIZES:
        return SIZES[spec]
    match = _SIZE.fullmatch(spec)
    if not match:
        raise ValueError(f"{spec!r} is not a size: use slide, a4 or WIDTHxHEIGHT in pixels, e.g. 1280x720")
    width, height = int(match[1]), int(match[2])
    if not (MIN_SIDE <= width <= MAX_SIDE and MIN_SIDE <= height <= MAX_SIDE):
        raise ValueError(f"{spec!r}: width and height must be {MIN_SIDE} to {MAX_SIDE} pixels")
    return width, height


def _title(year: int, lang: str) -> str:
    return f"{year} · {treaty(period_at(year).treaty_id).title(lang)}"


def _rgb(figure: Figure) -> Image.Image:
    figure.canvas.draw()
    return Image.fromarray(np.asarray(figure.canvas.buffer_rgba())[..., :3])


def png(year: int, lang: str = "en", size_spec: str | tuple[int, int] = "slide") -> bytes:
    """The picture of ``year`` for slides: map, title, legend, scale bar, names, attribution."""
    lang = i18n.language(lang)
    width, height = size(size_spec) if isinstance(size_spec, str) else size_spec
    figure = page.picture(year, lang, width, height)
    out = io.BytesIO()
    figure.savefig(out, format="png", dpi=figure.dpi,
                   metadata={"Title": _title(year, lang), "Source": i18n.tr("map_attribution", lang)})
    return out.getvalue()


def pdf(year: int, lang: str = "en") -> bytes:
    """The one-page A4 handout of ``year``: map, legend, the treaty's quoted article and its
    source."""
    lang = i18n.language(lang)
    out = io.BytesIO()
    page.handout(year, lang).savefig(out, format="pdf", metadata={"Title": _title(year, lang)})
    return out.getvalue()


def gif(lang: str = "en", size_spec: str | tuple[int, int] = GIF_SIZE) -> bytes:
    """An animation with one frame per period, each the picture of the period's first year
    (so each frame has its year and treaty), looping."""
    lang = i18n.language(lang)
    width, height = size(size_spec) if isinstance(size_spec, str) else size_spec
    frames = [_rgb(page.picture(p.start, lang, width, height)).quantize(colors=255, dither=Image.Dither.NONE)
              for p in periods()]
    out = io.BytesIO()
    frames[0].save(out, format="GIF", save_all=True, append_images=frames[1:], duration=GIF_FRAME_MS, loop=0)
    return out.getvalue()


def html(lang: str = "en") -> str:
    """The offline atlas: one HTML file with every period, Leaflet inlined, no server."""
    return offline.atlas(i18n.language(lang))
