"""The teaching exports, as bytes: a picture of a year (PNG), a one-page handout (PDF), a
slide and a handout comparing two years (PNG, PDF), an animation through every period (GIF)
and the offline atlas (HTML).  Pictures, handouts and comparisons show the whole map or
the area ``bounds`` (west, south, east, north in degrees, EPSG:4326; :func:`bounds` reads it
from text), as a user sees it in the app.

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
from .model.atlas import NEUTRAL
from .printing import layout
from .printing import static_map as render
from .text import Localizer
from .text.map_in_words import map_in_words
from .text.year_panel import comparison_heading, differences
from .web.offline import offline_atlas

SIZES = {"slide": (1920, 1080), "a4": (2480, 3508)}  # A4 at 300 dpi
GIF_SIZE = (1280, 720)
GIF_FRAME_MS = 2500
MIN_SIDE = 320
#: Largest picture sides, in pixels: a PNG up to A4 at 600 dpi; a GIF holds every period's
#: frame in memory at once, so at most a 1440p screen.
MAX_SIDE = {"png": 7016, "gif": 2560}
_SIZE = re.compile(r"(\d+)x(\d+)")
_NUMBER = r"\s*([-+]?(?:\d+\.?\d*|\.\d+))\s*"
_BOUNDS = re.compile(",".join([_NUMBER] * 4))
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


def bounds(spec: str) -> tuple[float, float, float, float]:
    """The area given as text 'WEST,SOUTH,EAST,NORTH' in degrees (EPSG:4326), e.g.
    '141,45.5,144.5,48.5', clipped to the map's frame.

    Raises
    ------
    ValueError
        Saying what is accepted, if ``spec`` is not four numbers or not an area of the
        frame (:func:`geo.printing.static_map.check_bounds`).
    """
    match = _BOUNDS.fullmatch(spec)
    if not match:
        raise ValueError(f"{spec!r} is not four numbers: {render.BOUNDS_ACCEPTED}, e.g. 141,45.5,144.5,48.5")
    return render.check_bounds(float(value) for value in match.groups())


def _title(year: int, say: Localizer) -> str:
    """The title of the picture and handout of ``year``: the year as the page prints it, and
    its treaty (e.g. '1905년 · 포츠머스 조약', '1905 · Treaty of Portsmouth'), then whose map it
    is where it is not the neutral one ('1960 · No treaty drew this line · As Japan's maps
    draw it')."""
    period = say.atlas.period_at(year)
    what = say.text(say.atlas.treaty(period.treaty).title) if period.treaty else say.message("export_no_treaty")
    view = "" if say.atlas.view == NEUTRAL else f" · {say.text(say.atlas.viewpoint.name)}"
    return f"{say.message('export_year', year=year)} · {what}{view}"


def _rgb(figure: Figure) -> Image.Image:
    figure.canvas.draw()
    return Image.fromarray(np.asarray(figure.canvas.buffer_rgba())[..., :3])


def png(atlas: Atlas, year: int, lang: str, size_px: tuple[int, int] = SIZES["slide"], bounds=None) -> bytes:
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
    bounds : (float, float, float, float), optional
        West, south, east and north of the area to show, in degrees (EPSG:4326); default
        the whole map.  The area is widened on its shorter side to the map's shape.

    Returns
    -------
    bytes
        The PNG file.

    Raises
    ------
    ValueError
        If ``year`` is before the first period, or ``bounds`` is not an area of the map.
    """
    say = Localizer(atlas, lang)
    figure = layout.picture(year, say, *size_px, bounds=bounds)
    return _png_file(figure, lang, {"Title": _title(year, say), "Source": say.message("map_attribution"),
                                    "Description": map_in_words(atlas, year, say).text()})


def _png_file(figure: Figure, lang: str, chunks: dict[str, str]) -> bytes:
    """``figure`` as a PNG file carrying ``chunks`` (key: text) as iTXt chunks tagged ``lang``."""
    info = PngInfo()
    for key, text in chunks.items():
        info.add_itxt(key, text, lang=lang)
    out = io.BytesIO()
    figure.savefig(out, format="png", dpi=figure.dpi, pil_kwargs={"pnginfo": info})
    return out.getvalue()


def compare_png(atlas: Atlas, year: int, other: int, lang: str, size_px: tuple[int, int] = SIZES["slide"],
                bounds=None, other_atlas: Atlas | None = None) -> bytes:
    """The slide comparing two years: both maps side by side (the same area), each under
    its year and treaty, one legend, what changed from ``year`` to ``other`` (as the compare
    page says it), and the attribution.

    Its text chunks (iTXt, tagged ``lang``): ``Title`` (what changed from one year to the
    other), ``Source`` (the attribution) and ``Description`` (each map told in words, then
    what changed), the picture's alternative text.

    Parameters
    ----------
    atlas : Atlas
    year, other : int
        The two years, shown left and right.
    lang : str
        Language code of the text ('ko', 'en').
    size_px : (int, int)
        Width and height in pixels (see :func:`size`).
    bounds : (float, float, float, float), optional
        West, south, east and north of the area both maps show, in degrees (EPSG:4326);
        default the whole map.
    other_atlas : Atlas, optional
        The snapshot as the right map's viewpoint draws it (see :meth:`Atlas.viewed`);
        default ``atlas``, whose viewpoint the left map shows.

    Returns
    -------
    bytes
        The PNG file.

    Raises
    ------
    ValueError
        If a year is before the first period, or ``bounds`` is not an area of the map.
    """
    say, say_other = Localizer(atlas, lang), Localizer(other_atlas or atlas, lang)
    figure = layout.comparison_picture(year, other, say, *size_px, bounds=bounds, say_other=say_other)
    return _png_file(figure, lang, {"Title": _compare_title(year, other, say, say_other),
                                    "Source": say.message("map_attribution"),
                                    "Description": _compare_description(year, other, say, say_other)})


def compare_pdf(atlas: Atlas, year: int, other: int, lang: str, bounds=None, other_atlas: Atlas | None = None) -> bytes:
    """The A4 landscape handout comparing two years: what :func:`compare_png` shows.

    Its metadata, as :func:`pdf`'s: the title says what changed from one year to the other,
    the subject names both periods.

    Parameters
    ----------
    atlas : Atlas
    year, other : int
        The two years, shown left and right.
    lang : str
        Language code of the text ('ko', 'en').
    bounds : (float, float, float, float), optional
        West, south, east and north of the area both maps show, in degrees (EPSG:4326);
        default the whole map.
    other_atlas : Atlas, optional
        The snapshot as the right map's viewpoint draws it; default ``atlas``.

    Returns
    -------
    bytes
        The PDF file.

    Raises
    ------
    ValueError
        If a year is before the first period, or ``bounds`` is not an area of the map.
    """
    say, say_other = Localizer(atlas, lang), Localizer(other_atlas or atlas, lang)
    about = {"Title": _compare_title(year, other, say, say_other), "Author": say.message("app_title"),
             "Subject": " / ".join(say.text(atlas.period_at(shown).title) for shown in (year, other))}
    out = io.BytesIO()
    layout.comparison_handout(year, other, say, bounds=bounds, say_other=say_other).savefig(out, format="pdf",
                                                                                         metadata=about)
    return _label_pdf(out.getvalue(), about, lang)


def _compare_title(year: int, other: int, say: Localizer, say_other: Localizer) -> str:
    """e.g. 'What changed from 1875 to 1945 · 1875 · Treaty of Saint Petersburg / 1945 · No treaty drew this line'."""
    return (f"{comparison_heading(year, other, say, say_other)} · {_title(year, say)} / "
            f"{_title(other, say_other)}")


def _compare_description(year: int, other: int, say: Localizer, say_other: Localizer) -> str:
    """The comparison's alternative text: each map in words, then what changed."""
    changed = differences(say.atlas, year, other, say, say_other.atlas) or [say.message("compare_no_change")]
    return "\n\n".join([map_in_words(say.atlas, year, say).text(),
                         map_in_words(say_other.atlas, other, say_other).text(),
                         comparison_heading(year, other, say, say_other) + "\n" + "\n".join(changed)])


def pdf(atlas: Atlas, year: int, lang: str, bounds=None) -> bytes:
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
    bounds : (float, float, float, float), optional
        West, south, east and north of the area to show, in degrees (EPSG:4326); default
        the whole map.

    Returns
    -------
    bytes
        The PDF file.

    Raises
    ------
    ValueError
        If ``year`` is before the first period, or ``bounds`` is not an area of the map.
    """
    say = Localizer(atlas, lang)
    about = {"Title": _title(year, say), "Author": say.message("app_title"),
             "Subject": say.text(atlas.period_at(year).title)}
    out = io.BytesIO()
    layout.handout(year, say, bounds=bounds).savefig(out, format="pdf", metadata=about)
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
