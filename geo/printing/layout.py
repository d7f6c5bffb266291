"""The pages the exports print, as matplotlib Figures: a picture of one year (a slide, A4,
or any size), the one-page A4 handout, and the comparison of two years (a slide, or an A4
landscape handout).

A picture has the map of :mod:`geo.printing.static_map`, a title with the year and its treaty, a legend
and the coastline's attribution; the handout adds the treaty's quoted article and its
source; the comparison has both years' maps side by side (the same area), each under its
year and treaty, one legend, and what changed between them.  Each map shows the whole
frame or the area ``bounds`` (west, south, east, north in degrees, EPSG:4326).

Text sizes are points on a page whose short side is A4's width, so a picture has
the same proportions of map to text at any size (A4 is exactly 300 dpi, a 1920×1080 slide
131 dpi).  Every text block is measured before the next is placed, so nothing overlaps
whatever the language or the length of the quote.
"""

from __future__ import annotations

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D

from geo.text import Localizer
from geo.text.quotation import passages
from geo.text.year_panel import comparison_heading, differences

from . import fonts
from . import static_map as render

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
        """Set ``text`` (``size`` points) below what is set, wrapped to the column's width."""
        prop = FontProperties(family=fonts.family(language, bold=weight == fonts.BOLD), size=size, weight=weight)
        lines = fonts.wrap(text, (self.width - indent) * 72, prop)
        artist = self.figure.text(self.left + indent, self.top, "\n".join(lines), fontproperties=prop, color=color,
                                  va="top", ha="left", linespacing=1.3, transform=self.figure.dpi_scale_trans,
                                  url=url)
        self._advance(artist, gap)

    def legend(self, handles: list, size: float, columns: int = 1, gap: float = GAP) -> None:
        """Set a legend of ``handles`` below what is set."""
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
        """Shift everything set so far so the column ends ``bottom`` inches above the edge."""
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


def _title(column: _Column, year: int, say: Localizer, scale: float = 1.0) -> None:
    """The year, the treaty behind its border, the period, and whose map it is (the
    viewpoint ``say.atlas`` draws)."""
    period = say.atlas.period_at(year)
    column.text(say.message("export_year", year=year), 44 * scale, weight=fonts.BOLD, gap=GAP / 2)
    if period.treaty:
        made_by = say.atlas.treaty(period.treaty)
        signed = say.date(made_by.date).replace(" ", NO_BREAK)  # a date stays on one line
        heading = say.message("export_treaty", treaty=say.text(made_by.title), date=signed)
    else:
        heading = say.message("export_no_treaty")
    column.text(heading, 18 * scale, weight=fonts.BOLD, gap=GAP / 2)
    column.text(say.text(period.title), 15 * scale, color=render.MUTED, gap=GAP / 2)
    column.text(say.message("view_shown", view=say.text(say.atlas.viewpoint.name)), 13 * scale, weight=fonts.BOLD,
                gap=GAP * 2)


def picture(year: int, say: Localizer, width_px: int, height_px: int, bounds=None) -> Figure:
    """The picture of ``year``: the map (of the area ``bounds``, or the whole frame) with its
    title, legend and attribution, laid out beside the map on wide pictures and above and
    below it on others."""
    dpi = min(width_px, height_px) / SHORT_SIDE_INCHES
    width, height = width_px / dpi, height_px / dpi
    figure = _figure(width, height, dpi)
    handles = render.legend_handles(year, say)
    side = width / height >= SIDE_COLUMN_ASPECT
    map_width = min((height - 2 * MARGIN) * render.frame_aspect(), 0.62 * width) if side else width - 2 * MARGIN
    text_width = width - map_width - 3 * MARGIN if side else map_width
    title = _Column(figure, MARGIN, height - MARGIN, text_width)
    _title(title, year, say)
    attribution = _Column(figure, MARGIN, height, text_width)
    attribution.text(say.message("map_attribution"), 8, color=render.MUTED)
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
    render.draw_map(ax, year, say, bounds)
    return figure


def handout(year: int, say: Localizer, bounds=None) -> Figure:
    """One A4 page for students: the map of ``year`` (of the area ``bounds``, or the whole
    frame), its legend, the treaty's quoted article with its source, and the attribution."""
    width, height = A4_INCHES
    figure = _figure(width, height, 100)
    text_width = width - 2 * MARGIN
    title = _Column(figure, MARGIN, height - MARGIN, text_width)
    _title(title, year, say, scale=0.85)
    attribution = _Column(figure, MARGIN, height, text_width)
    attribution.text(say.message("map_attribution"), 7, color=render.MUTED)
    attribution.move_bottom_to(MARGIN)

    below = _Column(figure, MARGIN, height, text_width)
    below.legend(render.legend_handles(year, say), 9, columns=2, gap=GAP * 2)
    _article(below, year, say)
    room = title.top - attribution.start - below.height - 2 * GAP
    ax = _map_axes(figure, MARGIN, attribution.start + below.height + 2 * GAP, text_width, room)
    below.move_to(_map_bottom(ax) - GAP)
    render.draw_map(ax, year, say, bounds)
    return figure


def comparison_picture(year: int, other: int, say: Localizer, width_px: int, height_px: int,
                       bounds=None, say_other: Localizer | None = None) -> Figure:
    """The slide comparing ``year`` with ``other`` (see :func:`_comparison`), ``width_px`` by
    ``height_px`` pixels."""
    dpi = min(width_px, height_px) / SHORT_SIDE_INCHES
    return _comparison(year, other, say, _figure(width_px / dpi, height_px / dpi, dpi), bounds, say_other or say)


def comparison_handout(year: int, other: int, say: Localizer, bounds=None,
                       say_other: Localizer | None = None) -> Figure:
    """The A4 handout comparing ``year`` with ``other`` (see :func:`_comparison`), in
    landscape: two maps side by side are wider than they are tall."""
    return _comparison(year, other, say, _figure(A4_INCHES[1], A4_INCHES[0], 100), bounds, say_other or say)


def _comparison(year: int, other: int, say: Localizer, figure: Figure, bounds, say_other: Localizer) -> Figure:
    """Both years' maps side by side, of the same area, each under its year, treaty, period
    and viewpoint (``say.atlas``'s on the left, ``say_other.atlas``'s on the right); below
    them one legend for both and what changed from the one map to the other
    (:func:`geo.text.year_panel.differences`, as on the compare page); the attribution at the
    foot."""
    width, height = figure.get_size_inches()
    half = (width - 3 * MARGIN) / 2
    sides = ((year, say), (other, say_other))
    titles = [_Column(figure, MARGIN + i * (half + MARGIN), height - MARGIN, half) for i in range(2)]
    for column, (shown, words) in zip(titles, sides):
        _title(column, shown, words, scale=0.6)
    attribution = _Column(figure, MARGIN, height, width - 2 * MARGIN)
    attribution.text(say.message("map_attribution"), 8, color=render.MUTED)
    attribution.move_bottom_to(MARGIN)

    below = _Column(figure, MARGIN, height, width - 2 * MARGIN)
    # One legend: each entry once, a state named differently in the two years under both names.
    handles = {handle.get_label(): handle for shown, words in sides for handle in render.legend_handles(shown, words)}
    below.legend(list(handles.values()), 10, columns=4, gap=GAP * 2)
    below.text(comparison_heading(year, other, say, say_other), 12, weight=fonts.BOLD)
    changed = differences(say.atlas, year, other, say, say_other.atlas)
    for line in changed or [say.message("compare_no_change")]:
        below.text(f"•{NO_BREAK}{line}" if changed else line, 10, gap=GAP / 3)
    top = min(column.top for column in titles)
    room = top - attribution.start - below.height - 2 * GAP
    axes = [_map_axes(figure, column.left, attribution.start + below.height + 2 * GAP, half, room)
            for column in titles]
    below.move_to(min(_map_bottom(ax) for ax in axes) - GAP)
    for ax, (shown, words) in zip(axes, sides):
        render.draw_map(ax, shown, words, bounds)
    return figure


def _article(column: _Column, year: int, say: Localizer) -> None:
    """The treaty article behind the border of ``year`` (its translation into the page's
    language first, then the text as quoted, each with its source), or what the border rests
    on where no treaty drew it."""
    period = say.atlas.period_at(year)
    quotes = say.atlas.treaty(period.treaty).quotes if period.treaty else ()
    if not quotes:
        column.text(say.message("no_treaty"), 10, weight=fonts.BOLD)
        column.text(say.text(period.basis), 9)
        return
    quote = quotes[0]
    for passage in passages(quote, say):
        column.text(passage.heading, 10, weight=fonts.BOLD)
        top = column.top
        column.text(passage.text, 10, language=passage.language, indent=0.16)
        column.rule(top)
        if passage.source:
            column.text(say.message("export_quote_source", title=passage.source.title), 8, gap=0.02)
            column.text(passage.source.url, 8, color=LINK, url=passage.source.url)
    if quote.note:
        column.text(say.text(quote.note), 8, color=render.MUTED)
