"""The teaching exports, as bytes: a picture of a year (PNG), a one-page handout (PDF), an
animation through every period (GIF) and the offline atlas (HTML).

The app's download buttons and ``python -m geo export`` both call these.  Pictures come from
:mod:`geo.printing` (matplotlib), the offline atlas from :mod:`geo.web.offline`; each looks
like the app (same colours, lines and hatching).
"""

from __future__ import annotations

import io
import re

import numpy as np
from matplotlib.figure import Figure
from PIL import Image

from .model import Atlas
from .printing import layout
from .text import Localizer
from .web.offline import offline_atlas

SIZES = {"slide": (1920, 1080), "a4": (2480, 3508)}  # A4 at 300 dpi
GIF_SIZE = (1280, 720)
GIF_FRAME_MS = 2500
MIN_SIDE = 320
#: Largest picture sides, in pixels: a PNG up to A4 at 600 dpi; a GIF holds every period's
#: frame in memory at once, so at most a 1440p screen.
MAX_SIDE = {"png": 7016, "gif": 2560}
_SIZE = re.compile(r"(\d+)x(\d+)")


def size(spec: str, kind: str = "png") -> tuple[int, int]:
    """Width and height in pixels of a size given as text.

    Parameters
    ----------
    spec : str
        'slide' (1920×1080), 'a4' (2480×3508, A4 at 300 dpi) or 'WIDTHxHEIGHT'.
    kind : {'png', 'gif'}
        What the size is for; it sets the largest side allowed.

    Raises
    ------
    ValueError
        Saying what is accepted.
    """
    spec = spec.strip().lower()
    width, height = SIZES.get(spec, (0, 0))
    match = _SIZE.fullmatch(spec)
    if spec not in SIZES and not match:
        raise ValueError(f"{spec!r} is not a size: use slide, a4 or WIDTHxHEIGHT in pixels, e.g. 1280x720")
    if match:
        width, height = int(match[1]), int(match[2])
    largest = MAX_SIDE[kind]
    if not (MIN_SIDE <= width <= largest and MIN_SIDE <= height <= largest):
        raise ValueError(f"{spec!r}: width and height of a {kind} must be {MIN_SIDE} to {largest} pixels")
    return width, height


def _title(year: int, say: Localizer) -> str:
    period = say.atlas.period_at(year)
    what = say.text(say.atlas.treaty(period.treaty).title) if period.treaty else say.message("export_no_treaty")
    return f"{year} · {what}"


def _rgb(figure: Figure) -> Image.Image:
    figure.canvas.draw()
    return Image.fromarray(np.asarray(figure.canvas.buffer_rgba())[..., :3])


def png(atlas: Atlas, year: int, lang: str, size_px: tuple[int, int] = SIZES["slide"]) -> bytes:
    """The picture of ``year`` for slides: map, title, legend, scale bar, names, attribution.

    Parameters
    ----------
    atlas : Atlas
    year : int
    lang : str
        Language code of the text.
    size_px : (int, int)
        Width and height in pixels (see :func:`size`).

    Raises
    ------
    ValueError
        If ``year`` is before the first period.
    """
    say = Localizer(atlas, lang)
    figure = layout.picture(year, say, *size_px)
    out = io.BytesIO()
    figure.savefig(out, format="png", dpi=figure.dpi,
                   metadata={"Title": _title(year, say), "Source": say.message("map_attribution")})
    return out.getvalue()


def pdf(atlas: Atlas, year: int, lang: str) -> bytes:
    """The one-page A4 handout of ``year``: map, legend, the treaty's quoted article with its
    translation and source.  Raises ValueError before the first period."""
    say = Localizer(atlas, lang)
    out = io.BytesIO()
    layout.handout(year, say).savefig(out, format="pdf", metadata={"Title": _title(year, say)})
    return out.getvalue()


def gif(atlas: Atlas, lang: str, size_px: tuple[int, int] = GIF_SIZE) -> bytes:
    """An animation with one frame per period, each the picture of the period's first year
    (so each frame has its year and treaty), looping."""
    say = Localizer(atlas, lang)
    frames = [_rgb(layout.picture(p.start, say, *size_px)).quantize(colors=255, dither=Image.Dither.NONE)
              for p in atlas.periods]
    out = io.BytesIO()
    frames[0].save(out, format="GIF", save_all=True, append_images=frames[1:], duration=GIF_FRAME_MS, loop=0)
    return out.getvalue()


def html(atlas: Atlas, lang: str) -> bytes:
    """The offline atlas: one HTML file with every period, Leaflet inlined, no server."""
    return offline_atlas(atlas, lang).encode("utf-8")
