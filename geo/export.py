"""The teaching exports, as bytes: a picture of a year (PNG), a one-page handout (PDF), an
animation through every period (GIF) and the offline atlas (HTML).

The app's download buttons and ``python -m geo export`` both call these.  Pictures come from
:mod:`geo.printing` (matplotlib), the offline atlas from :mod:`geo.web.offline`; each looks
like the app (same colours, lines and hatching).

Each file says what it is in the reader's language: a picture carries its title and its
alternative text (the map told in words, :mod:`geo.text.map_in_words`) in PNG text chunks
tagged with the language; the handout carries its title, author and subject in the PDF's document
information and XMP metadata, the language in the catalogue's ``/Lang``, and asks viewers to
show the title rather than the file name.  The handout is not a tagged PDF (matplotlib writes
no structure tree), so it does not claim to be one.
"""

from __future__ import annotations

import io
import re

import numpy as np
from matplotlib.figure import Figure
from PIL import Image
from PIL.PngImagePlugin import PngInfo
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, TextStringObject
from pypdf.xmp import XmpInformation

from .model import Atlas
from .printing import layout
from .text import Localizer
from .text.map_in_words import map_in_words
from .web.offline import offline_atlas

SIZES = {"slide": (1920, 1080), "a4": (2480, 3508)}  # A4 at 300 dpi
GIF_SIZE = (1280, 720)
GIF_FRAME_MS = 2500
MIN_SIDE = 320
#: Largest picture sides, in pixels: a PNG up to A4 at 600 dpi; a GIF holds every period's
#: frame in memory at once, so at most a 1440p screen.
MAX_SIDE = {"png": 7016, "gif": 2560}
_SIZE = re.compile(r"(\d+)x(\d+)")
#: The first PDF version with ``/Lang``, ``/DisplayDocTitle`` and XMP metadata streams
#: (matplotlib writes 1.3, and its content needs no more).
PDF_HEADER = b"%PDF-1.4"


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
    """The title of the picture and handout of ``year``: the year as the page prints it, and
    its treaty (e.g. '1905년 · 포츠머스 조약', '1905 · Treaty of Portsmouth')."""
    period = say.atlas.period_at(year)
    what = say.text(say.atlas.treaty(period.treaty).title) if period.treaty else say.message("export_no_treaty")
    return f"{say.message('export_year', year=year)} · {what}"


def _rgb(figure: Figure) -> Image.Image:
    figure.canvas.draw()
    return Image.fromarray(np.asarray(figure.canvas.buffer_rgba())[..., :3])


def png(atlas: Atlas, year: int, lang: str, size_px: tuple[int, int] = SIZES["slide"]) -> bytes:
    """The picture of ``year`` for slides: map, title, legend, scale bar, names, attribution.

    Its text chunks say what it is: ``Title`` (the year and its treaty), ``Source`` (the
    coastline's attribution) and ``Description`` (the map told in words, the picture's
    alternative text for readers who cannot see it), each an iTXt chunk (UTF-8) tagged with
    ``lang``.

    Parameters
    ----------
    atlas : Atlas
    year : int
    lang : str
        Language code of the text ('ko', 'en').
    size_px : (int, int)
        Width and height in pixels (see :func:`size`).

    Returns
    -------
    bytes
        The PNG file.

    Raises
    ------
    ValueError
        If ``year`` is before the first period.
    """
    say = Localizer(atlas, lang)
    figure = layout.picture(year, say, *size_px)
    info = PngInfo()
    chunks = {"Title": _title(year, say), "Source": say.message("map_attribution"),
              "Description": map_in_words(atlas, year, say).text()}
    for key, text in chunks.items():
        info.add_itxt(key, text, lang=lang)
    out = io.BytesIO()
    figure.savefig(out, format="png", dpi=figure.dpi, pil_kwargs={"pnginfo": info})
    return out.getvalue()


def pdf(atlas: Atlas, year: int, lang: str) -> bytes:
    """The one-page A4 handout of ``year``: map, legend, the treaty's quoted article with its
    translation and source.

    Its document information and XMP metadata give the title (the year and its treaty),
    author (the atlas) and subject (the period) in ``lang``; the catalogue gives the
    language (``/Lang``) and asks viewers to show the title (``/DisplayDocTitle``).

    Parameters
    ----------
    atlas : Atlas
    year : int
    lang : str
        Language code of the text ('ko', 'en').

    Returns
    -------
    bytes
        The PDF file.

    Raises
    ------
    ValueError
        If ``year`` is before the first period.
    """
    say = Localizer(atlas, lang)
    about = {"Title": _title(year, say), "Author": say.message("app_title"),
             "Subject": say.text(atlas.period_at(year).title)}
    out = io.BytesIO()
    layout.handout(year, say).savefig(out, format="pdf", metadata=about)
    return _label_pdf(out.getvalue(), about, lang)


def _label_pdf(document: bytes, about: dict[str, str], lang: str) -> bytes:
    """``document`` with what matplotlib cannot write: the language, the title shown in the
    viewer's title bar, and XMP metadata matching the document information ``about``."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(document)))
    writer.pdf_header = PDF_HEADER
    writer.root_object[NameObject("/Lang")] = TextStringObject(lang)
    writer.create_viewer_preferences().display_doctitle = True
    xmp = XmpInformation.create()
    xmp.dc_title = {"x-default": about["Title"], lang: about["Title"]}
    xmp.dc_creator = [about["Author"]]
    xmp.dc_description = {"x-default": about["Subject"], lang: about["Subject"]}
    xmp.dc_language = [lang]
    writer.xmp_metadata = xmp
    out = io.BytesIO()
    writer.write(out)
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
