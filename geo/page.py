"""The pages the exports print, as matplotlib Figures: a picture of one year (a slide, A4,
or any size) and the one-page A4 handout.

A picture has the map of :mod:`geo.render`, a title with the year and its treaty, a legend
and the coastline's attribution; the handout adds the treaty's quoted article and its
source.  Text sizes are points on a page whose short side is A4's width, so a picture has
the same proportions of map to text at any size (A4 is exactly 300 dpi, a 1920×1080 slide
131 dpi).  Every text block is measured before the next is placed, so nothing overlaps
whatever the language or the length of the quote.
"""

from __future__ import annotations

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D

from . import fonts, i18n, render
from .i18n import format_date
from .periods import period_at
from .treaties import treaty

A4_INCHES = (8.27, 11.69)
SHORT_SIDE_INCHES = A4_INCHES[0]
MARGIN = 0.4  # inches
GAP = 0.14
NO_BREAK = "\u00a0"
LINK = "#1d4f9a"
# The side column layout needs a wide picture: at 3:2 and wider the map sits beside it.
SIDE_COLUMN_ASPECT = 1.5


class _Column:
    """Text and legends set top-down in a column of the figure, each measured before the
    next; positions are in inches from the figure's lower left corner."""

    def __init__(self, figure: Figure, left: float, top: float, width: float):
        self.figure, self.left, self.top, self.width = figure, left, top, width
        self.start = top
        self.last_gap = 0.0
        self.renderer = figure.canvas.get_renderer()
        self.artists: list = []

    def _advance(self, artist, gap: float) -> None:
        self.artists.append(artist)
        self.top -= artist.get_window_extent(self.renderer).height / self.figure.dpi + gap
        self.last_gap = gap

    def text(self, text: str, size: float, *, weight="normal", color=render.INK, language: str | None = None,
             indent: float = 0.0, gap: float = GAP, url: str | None = None) -> None:
        prop = FontProperties(family=fonts.family(language, bold=weight == fonts.BOLD), size=size, weight=weight)
        lines = fonts.wrap(text, (self.width - indent) * 72, prop)
        artist = self.figure.text(self.left + indent, self.top, "\n".join(lines), fontproperties=prop, color=color,
                                  va="top", ha="left", linespacing=1.3, transform=self.figure.dpi_scale_trans,
                                  url=url)
        self._advance(artist, gap)

    def legend(self, handles: list, size: float, columns: int = 1, gap: float = GAP) -> None:
        legend = self.figure.legend(
            handles=handles, loc="upper left", bbox_to_anchor=(self.left, self.top),
            bbox_transform=self.figure.dpi_scale_trans, ncols=columns, frameon=False, borderpad=0,
            borderaxespad=0, handlelength=2.6, handleheight=1.1, labelspacing=0.55, columnspacing=1.6,
            prop=FontProperties(family=fonts.family(), size=size), labelcolor=render.INK)
        self._advance(legend, gap)

    def rule(self, top: float) -> None:
        """A vertical rule at the column's left edge from ``top`` down to the text so far."""
        self.artists.append(self.figure.add_artist(Line2D(
            [self.left, self.left], [top, self.top + self.last_gap], color=render.MUTED, linewidth=1.5,
            transform=self.figure.dpi_scale_trans)))

    @property
    def height(self) -> float:
        """From the column's top to the bottom of its last block (without the gap after it)."""
        return self.start - self.top - self.last_gap

    def move_to(self, top: float) -> None:
        """Shift everything set so far so the column starts ``top`` inches above the edge."""
        shift = top - self.start
        for artist in self.artists:
            if isinstance(artist, Line2D):
                artist.set_ydata([y + shift for y in artist.get_ydata()])
            elif hasattr(artist, "set_bbox_to_anchor"):
                anchor_top = artist.get_bbox_to_anchor().y1 / self.figure.dpi
                artist.set_bbox_to_anchor((self.left, anchor_top + shift), transform=self.figure.dpi_scale_trans)
            else:
                x, y = artist.get_position()
                artist.set_position((x, y + shift))
        self.top += shift
        self.start += shift

    def move_bottom_to(self, bottom: float) -> None:
        self.move_to(bottom + self.height)


def _figure(width_in: float, height_in: float, dpi: float) -> Figure:
    figure = Figure(figsize=(width_in, height_in), dpi=dpi, facecolor="white")
    FigureCanvasAgg(figure)
    return figure


def _map_axes(figure: Figure, left: float, bottom: float, width: float, height: float):
    """Axes for the map, as large as fits in the box (inches): centred across, at the top."""
    aspect = render.frame_aspect()
    fitted_width, fitted_height = min(width, height * aspect), min(height, width / aspect)
    left += (width - fitted_width) / 2
    bottom += height - fitted_height
    w, h = figure.get_size_inches()
    return figure.add_axes((left / w, bottom / h, fitted_width / w, fitted_height / h))


def _map_bottom(ax) -> float:
    """The bottom of the map's axes, in inches."""
    return ax.get_position().y0 * ax.figure.get_size_inches()[1]


def _title(column: _Column, year: int, lang: str, scale: float = 1.0) -> None:
    period = period_at(year)
    made_by = treaty(period.treaty_id)
    column.text(i18n.tr("export_year", lang, year=year), 44 * scale, weight=fonts.BOLD, gap=GAP / 2)
    signed = format_date(made_by.date, lang).replace(" ", NO_BREAK)  # a date stays on one line
    column.text(i18n.tr("export_treaty", lang, treaty=made_by.title(lang), date=signed),
                18 * scale, weight=fonts.BOLD, gap=GAP / 2)
    column.text(period.title(lang), 15 * scale, color=render.MUTED, gap=GAP * 2)


def picture(year: int, lang: str, width_px: int, height_px: int) -> Figure:
    """The picture of ``year``: the map with its title, legend and attribution, laid out
    beside the map on wide pictures and above and below it on others."""
    lang = i18n.language(lang)
    dpi = min(width_px, height_px) / SHORT_SIDE_INCHES
    width, height = width_px / dpi, height_px / dpi
    figure = _figure(width, height, dpi)
    handles = render.legend_handles(year, lang)
    side = width / height >= SIDE_COLUMN_ASPECT
    map_width = min((height - 2 * MARGIN) * render.frame_aspect(), 0.62 * width) if side else width - 2 * MARGIN
    text_width = width - map_width - 3 * MARGIN if side else map_width
    title = _Column(figure, MARGIN, height - MARGIN, text_width)
    _title(title, year, lang)
    attribution = _Column(figure, MARGIN, height, text_width)
    attribution.text(i18n.tr("map_attribution", lang), 8, color=render.MUTED)
    attribution.move_bottom_to(MARGIN)
    if side:
        title.legend(handles, 13)
        ax = _map_axes(figure, width - MARGIN - map_width, MARGIN, map_width, height - 2 * MARGIN)
    else:
        legend = _Column(figure, MARGIN, height, text_width)
        legend.legend(handles, 11, columns=2)
        room = title.top - attribution.start - legend.height - 2 * GAP
        ax = _map_axes(figure, MARGIN, attribution.start + legend.height + 2 * GAP, map_width, room)
        legend.move_to(_map_bottom(ax) - GAP)
    render.draw_map(ax, year, lang)
    return figure


def handout(year: int, lang: str) -> Figure:
    """One A4 page for students: the map of ``year``, its legend, the treaty's quoted
    article with its source, and the attribution."""
    lang = i18n.language(lang)
    width, height = A4_INCHES
    figure = _figure(width, height, 100)
    text_width = width - 2 * MARGIN
    title = _Column(figure, MARGIN, height - MARGIN, text_width)
    _title(title, year, lang, scale=0.85)
    attribution = _Column(figure, MARGIN, height, text_width)
    attribution.text(i18n.tr("map_attribution", lang), 7, color=render.MUTED)
    attribution.move_bottom_to(MARGIN)

    quote = treaty(period_at(year).treaty_id).quotes[0]
    below = _Column(figure, MARGIN, height, text_width)
    below.legend(render.legend_handles(year, lang), 9, columns=2, gap=GAP * 2)
    below.text(i18n.tr("quoted", lang, article=quote.article(lang), language=i18n.language_name(quote.language, lang)),
               10, weight=fonts.BOLD)
    quote_top = below.top
    below.text(quote.text, 10, language=quote.language, indent=0.16)
    below.rule(quote_top)
    if quote.note:
        below.text(quote.note(lang), 8, color=render.MUTED)
    below.text(i18n.tr("export_quote_source", lang, title=quote.source.title), 8, gap=0.02)
    below.text(quote.source.url, 8, color=LINK, url=quote.source.url)
    room = title.top - attribution.start - below.height - 2 * GAP
    ax = _map_axes(figure, MARGIN, attribution.start + below.height + 2 * GAP, text_width, room)
    below.move_to(_map_bottom(ax) - GAP)
    render.draw_map(ax, year, lang)
    return figure
