"""A static map of one year, drawn with matplotlib onto an Axes: the map of the picture,
handout and animation exports.

It is drawn from the same snapshot as the web map (its land, territories and border lines)
in the same colours, line styles and hatching (:mod:`geo.style`), with the island names, a
scale bar and the graticule that a printed map needs.

Projection: the atlas's equal-area projection (:data:`geo.model.EQUAL_AREA_CRS`), because a
student comparing two years is comparing how much land changed hands; within the frame
(139–163°E, 41–56°N) its scale is true to 0.5%, so one scale bar holds anywhere on the map.
The box is drawn as it projects, with curved parallels and converging meridians as in a
printed atlas, so the straight cuts of the clipped coastline data never show.

A map may show part of the frame (``bounds``, what a user looks at in the app): the area
asked for, widened on its shorter side to the map's shape (nothing is stretched), inside
the frame.  Its graticule, scale bar and names are chosen for the area shown.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import geopandas as gpd
import numpy as np
import pyproj
import shapely
from matplotlib import patheffects
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, PathPatch, Rectangle
from matplotlib.path import Path
from shapely.geometry import box
from shapely.ops import polylabel

from geo.model import EQUAL_AREA_CRS, MAP_FRAME, Atlas
from geo.style import (
    CLAIM_OUTLINE_PX,
    HATCH_SPACING_PX,
    HATCH_WIDTH_PX,
    HOLDER_FILL,
    HOLDER_STROKE,
    LINE_STYLE,
    PT_PER_PX,
    SEA,
)
from geo.text import Localizer
from geo.text.map_key import map_key

from . import fonts

MAP_CRS = EQUAL_AREA_CRS
FRAME = MAP_FRAME
# matplotlib's "/" hatch with n slashes repeats every 24/n pt along a row, so its stripes are
# 24/(n√2) pt apart: as many slashes as give the web map's spacing on paper.
HATCH = "/" * max(1, round(24 / (HATCH_SPACING_PX * PT_PER_PX * math.sqrt(2))))
# Islands with less land than this in the frame get no name of their own; a group with no
# named island gets the group's name instead (the Habomai Islands).
LABEL_MIN_KM2 = 250
SCALE_BAR_KM = (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 300, 400, 500, 1000)
# Graticule spacing (degrees) by the width of the area shown (metres): a line or two at least
# on a map zoomed in to one island, no more than five on the whole frame.
GRATICULE_STEPS = ((800_000, 5), (300_000, 2), (0, 1))
# Where a scale bar may stand, as fractions of the area shown (its left end, its bottom),
# in order of preference: the first over open sea is taken.
SCALE_BAR_PLACES = ((0.70, 0.07), (0.06, 0.07), (0.70, 0.90), (0.06, 0.90))
INK = "#222222"
MUTED = "#555555"
HALO = [patheffects.withStroke(linewidth=2.6, foreground="white")]

_TO_MAP = pyproj.Transformer.from_crs("EPSG:4326", MAP_CRS, always_xy=True)
#: What :func:`check_bounds` accepts, for its messages.
BOUNDS_ACCEPTED = (f"give west,south,east,north in degrees (EPSG:4326) with west < east and south < north, "
                   f"overlapping the map's frame {FRAME[0]:g},{FRAME[1]:g},{FRAME[2]:g},{FRAME[3]:g}")
_GEOD = pyproj.Geod(ellps="WGS84")


def _to_map(geometry):
    """A lon/lat shapely geometry in the map's projection."""
    return shapely.transform(geometry, lambda xy: np.column_stack(_TO_MAP.transform(xy[:, 0], xy[:, 1])))


def polygon_path(geometries) -> Path:
    """One compound path of every ring of ``geometries`` (holes wound the other way, so the
    non-zero fill rule leaves them empty)."""
    parts = shapely.orient_polygons(shapely.get_parts(np.asarray(geometries, dtype=object)))
    return _rings_path(shapely.get_rings(parts), close=True)


def line_path(geometries) -> Path:
    """One compound path of every line of ``geometries``."""
    return _rings_path(shapely.get_parts(np.asarray(geometries, dtype=object)), close=False)


def _rings_path(rings, close: bool) -> Path:
    coords, index = shapely.get_coordinates(rings, return_index=True)
    if not len(coords):
        return Path(np.empty((0, 2)))
    codes = np.full(len(coords), Path.LINETO, dtype=Path.code_type)
    starts = np.r_[0, np.flatnonzero(np.diff(index)) + 1]
    codes[starts] = Path.MOVETO
    if close:
        codes[np.r_[starts[1:] - 1, len(coords) - 1]] = Path.CLOSEPOLY
    return Path(coords, codes)


@dataclass(frozen=True)
class _Period:
    """A period's land, projected and ready to draw."""

    land: dict[str, Path]       # holder -> outline of every piece it holds
    claimed: dict[str, Path]    # claimant -> outline of the land it claims


@lru_cache(maxsize=1)
def _frame() -> shapely.Polygon:
    """The coastline's box, as it projects (densified so its edges curve)."""
    return _to_map(box(*FRAME).segmentize(0.25))


@lru_cache(maxsize=4)
def _land(atlas: Atlas) -> gpd.GeoSeries:
    return atlas.land.geometry.to_crs(MAP_CRS)


@lru_cache(maxsize=4)
def _periods(atlas: Atlas) -> dict[str, _Period]:
    projected = _land(atlas)
    drawn = {}
    for period in atlas.periods:
        frame = atlas.period_territories(period.id)
        # One outline per island and holder: Sakhalin shows its cut on 50°N only in the
        # years that line was a border, as on the web map.
        held = frame.assign(geometry=projected.values).set_crs(MAP_CRS, allow_override=True) \
            .dissolve(by=["island_id", "holder"], as_index=False)
        claimed = frame.assign(geometry=projected.values)[frame["claimed_by"].notna()]
        drawn[period.id] = _Period(
            land={holder: polygon_path(rows.geometry) for holder, rows in held.groupby("holder")},
            claimed={claimant: polygon_path(rows.geometry) for claimant, rows in claimed.groupby("claimed_by")},
        )
    return drawn


@lru_cache(maxsize=64)
def _lines(atlas: Atlas, year: int) -> tuple[tuple[str, Path, shapely.Geometry], ...]:
    """The border lines of ``year`` by kind: a path to draw and the projected geometry."""
    lines = atlas.borders(year)
    projected = lines.geometry.to_crs(MAP_CRS)
    return tuple((kind, line_path(projected[rows.index]), shapely.union_all(projected[rows.index].values))
                 for kind, rows in lines.groupby("kind", sort=False))


def frame_aspect() -> float:
    """Width over height of the map."""
    west, south, east, north = _frame().bounds
    return (east - west) / (north - south)


def check_bounds(bounds) -> tuple[float, float, float, float]:
    """The part of the atlas's frame that ``bounds`` covers.

    Parameters
    ----------
    bounds : sequence of 4 float
        West, south, east and north edges of an area, in degrees (EPSG:4326).

    Returns
    -------
    tuple of 4 float
        ``bounds`` clipped to :data:`FRAME` (139–163°E, 41–56°N), in degrees.

    Raises
    ------
    ValueError
        If ``bounds`` is not four finite numbers, is empty or inverted (west ≥ east or
        south ≥ north), or lies wholly outside the frame; the message says what is accepted.
    """
    try:
        west, south, east, north = (float(value) for value in bounds)
    except (TypeError, ValueError):
        raise ValueError(f"{bounds!r} is not four numbers: {BOUNDS_ACCEPTED}") from None
    shown = ",".join(f"{value:g}" for value in (west, south, east, north))
    if not all(math.isfinite(value) for value in (west, south, east, north)):
        raise ValueError(f"{shown} is not four finite numbers: {BOUNDS_ACCEPTED}")
    if not (west < east and south < north):
        raise ValueError(f"{shown} is an empty or inverted box: {BOUNDS_ACCEPTED}")
    clipped = (max(west, FRAME[0]), max(south, FRAME[1]), min(east, FRAME[2]), min(north, FRAME[3]))
    if not (clipped[0] < clipped[2] and clipped[1] < clipped[3]):
        raise ValueError(f"{shown} is outside the map: {BOUNDS_ACCEPTED}")
    return clipped


def view(bounds=None) -> tuple[float, float, float, float]:
    """The box of the map to draw, in the map's projection (metres): the frame's, or the
    part of it ``bounds`` covers (:func:`check_bounds`), widened on its shorter side to the
    frame's shape (:func:`frame_aspect`, which the pages give the map) and moved, if need
    be, to stay inside the frame's box.

    Parameters
    ----------
    bounds : sequence of 4 float, optional
        West, south, east and north, in degrees (EPSG:4326); None for the whole frame.

    Returns
    -------
    tuple of 4 float
        West, south, east and north, in metres of :data:`MAP_CRS`.

    Raises
    ------
    ValueError
        As :func:`check_bounds`.
    """
    whole = _frame().bounds
    if bounds is None:
        return whole
    area = box(*check_bounds(bounds))
    # Densified, so the box's curved edges are in its projected extent.
    west, south, east, north = _to_map(area.segmentize(max(area.bounds[2] - area.bounds[0],
                                                           area.bounds[3] - area.bounds[1]) / 50)).bounds
    width, height = east - west, north - south
    aspect = frame_aspect()
    width, height = max(width, height * aspect), max(height, width / aspect)
    # No wider or taller than the frame's box (the clipped area never is), so it fits.
    x = min(max((west + east) / 2, whole[0] + width / 2), whole[2] - width / 2)
    y = min(max((south + north) / 2, whole[1] + height / 2), whole[3] - height / 2)
    return x - width / 2, y - height / 2, x + width / 2, y + height / 2


def _dashes(kind: str) -> tuple:
    """Leaflet's dashArray (pixels) as matplotlib dashes (in line widths, which matplotlib
    scales by the width as Leaflet does not)."""
    style = LINE_STYLE[kind]
    if not style["dashArray"]:
        return "solid"
    return (0, tuple(float(n) / style["weight"] for n in style["dashArray"].split()))


def line_width(kind: str) -> float:
    """The printed width (points) of a border line of ``kind``: the web map's, in points."""
    return LINE_STYLE[kind]["weight"] * PT_PER_PX


def legend_handles(year: int, say: Localizer) -> list:
    """Legend entries for what the map of ``year`` shows (:func:`geo.text.map_key.map_key`):
    each holder named as its state was that year, the hatching of claimed land, line kinds."""
    handles = []
    for entry in map_key(say.atlas, year, say):
        if entry.kind == "holder":
            handles.append(Patch(facecolor=HOLDER_FILL[entry.value], edgecolor=HOLDER_STROKE[entry.value],
                                 label=entry.label))
        elif entry.kind == "claim":
            patch = Patch(facecolor="white", edgecolor=HOLDER_STROKE[entry.value], hatch=HATCH, label=entry.label)
            patch.set_hatch_linewidth(HATCH_WIDTH_PX * PT_PER_PX)
            handles.append(patch)
        else:
            handles.append(Line2D([], [], color=LINE_STYLE[entry.value]["color"], linewidth=line_width(entry.value),
                                  linestyle=_dashes(entry.value), dash_capstyle="round", label=entry.label))
    return handles


def class_gid(kind: str, value: str | None = None) -> str:
    """The gid of the artist that draws one class of the map.

    Parameters
    ----------
    kind : {'sea', 'land', 'claim', 'line'}
        The sea; land by holder; the hatching of land by claimant; border lines by kind.
    value : str, optional
        The holder ('RU', 'JP', 'joint'), the claimant ('RU', 'JP') or the line kind
        ('treaty', 'de_facto', 'claim'); none for the sea.

    Returns
    -------
    str
        e.g. 'sea', 'land-joint', 'claim-JP', 'line-de_facto'.
    """
    return kind if value is None else f"{kind}-{value}"


def draw_map(ax: Axes, year: int, say: Localizer, bounds=None) -> None:
    """Draw the map of ``year`` on ``ax``: sea, graticule, land by holder, hatching for
    claimed land, border lines, island names (in ``say``'s language) and a scale bar, for
    the whole frame or the area ``bounds`` (see :func:`view`).

    The Axes' figure needs a canvas (labels are measured to keep them apart).  Each map
    class is drawn by one artist whose gid names it (:func:`class_gid`): an SVG export keeps
    it as the element's id, and a check can find the pixels of a class by repainting it.

    Parameters
    ----------
    ax : Axes
    year : int
    say : Localizer
    bounds : sequence of 4 float, optional
        West, south, east and north of the area to show, in degrees (EPSG:4326); None for
        the whole frame.

    Raises
    ------
    ValueError
        If ``year`` is before the first period, or ``bounds`` is not an area of the frame.
    """
    atlas = say.atlas
    period = _periods(atlas)[atlas.period_at(year).id]
    west, south, east, north = view(bounds)
    # The sea is the frame as it projects, cut to the area shown: its outline is the map's edge.
    visible = _frame() if bounds is None else shapely.intersection(_frame(), box(west, south, east, north))
    ax.set_xlim(west, east)
    ax.set_ylim(south, north)
    ax.set_aspect("equal")
    ax.set_axis_off()
    # The limits are set: shapes are added as artists, not patches, so matplotlib does not
    # walk every Bézier segment of the coastline to update limits it would not use (more
    # than half of a picture's time).

    sea = ax.add_artist(PathPatch(polygon_path([visible]), facecolor=SEA, edgecolor=MUTED, linewidth=0.8, zorder=0,
                                  gid=class_gid("sea")))
    _graticule(ax, sea, say, visible)
    for holder, path in period.land.items():
        ax.add_artist(PathPatch(path, facecolor=HOLDER_FILL[holder], edgecolor=HOLDER_STROKE[holder],
                                linewidth=0.35, zorder=2, gid=class_gid("land", holder)))
    for claimant, path in period.claimed.items():
        patch = ax.add_artist(PathPatch(path, fill=False, edgecolor=HOLDER_STROKE[claimant], hatch=HATCH,
                                        linewidth=CLAIM_OUTLINE_PX * PT_PER_PX, zorder=3,
                                        gid=class_gid("claim", claimant)))
        patch.set_hatch_linewidth(HATCH_WIDTH_PX * PT_PER_PX)
    lines = _lines(atlas, year)
    for kind, path, _ in lines:
        ax.add_artist(PathPatch(path, fill=False, edgecolor=LINE_STYLE[kind]["color"], linewidth=line_width(kind),
                                linestyle=_dashes(kind), capstyle="round", joinstyle="round", zorder=4,
                                gid=class_gid("line", kind)))
    bar = _scale_bar(ax, atlas, visible)
    _island_names(ax, say, visible, obstacles=[bar, *(geometry for _, _, geometry in lines)])


def _graticule(ax: Axes, sea: PathPatch, say: Localizer, visible: shapely.Polygon) -> None:
    """Meridians and parallels over the sea, each labelled where it enters the area shown
    (meridians at the bottom, parallels at the left)."""
    west, south, east, north = FRAME
    shown_width = ax.get_xlim()[1] - ax.get_xlim()[0]
    step = next(degrees for width, degrees in GRATICULE_STEPS if shown_width > width)
    meridians = [(lon, _to_map(shapely.LineString([(lon, south), (lon, north)]).segmentize(0.25)))
                 for lon in range(int(west) + 1, int(east) + 1) if lon % step == 0]
    parallels = [(lat, _to_map(shapely.LineString([(west, lat), (east, lat)]).segmentize(0.25)))
                 for lat in range(int(south) + 1, int(north) + 1) if lat % step == 0]
    patch = ax.add_artist(PathPatch(line_path([line for _, line in meridians + parallels]), fill=False,
                                    edgecolor="white", linewidth=0.8, zorder=1))
    patch.set_clip_path(sea)
    size = 7.5
    renderer = ax.figure.canvas.get_renderer()
    for lines, message, axis, ha in ((meridians, "degrees_east", 1, "center"),
                                     (parallels, "degrees_north", 0, "left")):
        for degrees, line in lines:
            ends = shapely.get_coordinates(shapely.boundary(shapely.intersection(line, visible)))
            if not len(ends):
                continue  # this line is outside the area shown
            x, y = min(ends, key=lambda end: end[axis])
            label = ax.text(x, y, (" " if ha == "left" else "") + say.message(message, degrees=degrees),
                            fontsize=size, color=MUTED, ha=ha, va="bottom", fontfamily=fonts.family(), zorder=5,
                            path_effects=HALO)
            # A line entering a part of the map at its side would have its label cut by the
            # edge, or run over the page's text beside the map: it goes unlabelled.
            extent = label.get_window_extent(renderer)
            if not (ax.bbox.x0 - 1 <= extent.x0 and extent.x1 <= ax.bbox.x1 + 1
                    and ax.bbox.y0 - 1 <= extent.y0 and extent.y1 <= ax.bbox.y1 + 1):
                label.remove()


def _scale_bar(ax: Axes, atlas: Atlas, visible: shapely.Polygon) -> shapely.Polygon:
    """A scale bar over open sea (the lower right of the whole frame is the open Pacific),
    measured where it stands: the true length of a horizontal step there, from the geodesic
    distance of its two ends.  Returns the box it covers, which names keep clear of."""
    (west, east), (south, north) = ax.get_xlim(), ax.get_ylim()
    places = [(west + x * (east - west), south + y * (north - south)) for x, y in SCALE_BAR_PLACES]
    land = atlas.land_index(MAP_CRS)
    # The bar with its labels covers about a quarter of the width and a tenth of the height.
    clear = [(x, y) for x, y in places
             if visible.contains(footprint := box(x, y, x + 0.27 * (east - west), y + 0.08 * (north - south)))
             and not len(land.query(footprint, predicate="intersects"))]
    x0, y0 = (clear or places)[0]
    step = 100_000.0
    lon = _TO_MAP.transform([x0, x0 + step], [y0, y0], direction="INVERSE")
    metres_per_unit = _GEOD.line_length(*lon) / step
    target_km = 0.22 * (east - west) * metres_per_unit / 1000
    km = max((n for n in SCALE_BAR_KM if n <= target_km), default=SCALE_BAR_KM[0])
    length = km * 1000 / metres_per_unit
    height = 0.012 * (north - south)
    quarters = 4
    for i in range(quarters):
        ax.add_artist(Rectangle((x0 + i * length / quarters, y0), length / quarters, height,
                                facecolor=INK if i % 2 == 0 else "white", edgecolor=INK, linewidth=0.6, zorder=6))
    family = fonts.family()
    for fraction, text in ((0, "0"), (0.5, f"{km // 2:g}"), (1, f"{km} km")):
        ax.text(x0 + fraction * length, y0 + height * 1.6, text, fontsize=8.5, color=INK, ha="center",
                va="bottom", fontfamily=family, zorder=6, path_effects=HALO)
    return box(x0 - 0.02 * length, y0 - height, x0 + 1.15 * length, y0 + height * 5)


@dataclass(frozen=True)
class _Name:
    """A name to place: the island (or group) it names and its size class."""

    text: str
    point: tuple[float, float]      # projected label point, on land
    land: shapely.Geometry          # the land it names, projected
    islands: frozenset[str]         # the ids of the islands it names
    context: bool                   # land outside the story (Kamchatka, Hokkaido, ...)


@lru_cache(maxsize=8)
def _names(atlas: Atlas, lang: str) -> tuple[_Name, ...]:
    """The islands big enough to name (by their Russian-form names), largest first, and each
    group whose islands are all too small to be named one by one (the Habomai Islands)."""
    say = Localizer(atlas, lang)
    pieces = atlas.land.assign(geometry=_land(atlas).values)
    by_island = pieces.dissolve(by="island_id")
    frame = _frame()
    context = {g for a in atlas.areas.values() if a.context for g in a.groups}
    names, named_groups = [], set()
    for island_id in by_island.area.sort_values(ascending=False).index:
        shape = by_island.geometry[island_id]
        if shapely.intersection(shape, frame).area < LABEL_MIN_KM2 * 1e6:
            continue
        island = atlas.islands[island_id]
        point = _TO_MAP.transform(island.lon, island.lat)
        names.append(_Name(say.place_name(island, "ru"), point, shape, frozenset([island_id]),
                           island.group in context))
        named_groups.add(island.group)
    for area in atlas.areas.values():
        groups = set(area.groups) - named_groups
        if area.context or not groups:
            continue
        members = pieces[pieces["island_id"].map(lambda i: atlas.islands[i].group).isin(groups)]
        shape = shapely.union_all(members.geometry.values)
        centre = shape.centroid
        names.append(_Name(say.text(area.name), (centre.x, centre.y), shape, frozenset(members["island_id"]), False))
        named_groups |= groups
    return tuple(names)


# Beside an island a name goes, in order of preference: south-east first, across the Kuril
# chain (which runs south-west to north-east) onto the open Pacific, then round the compass.
# Each entry: the direction, and how the text aligns to its anchor there.
_BESIDE = [((1, -1), "left", "top"), ((1, 0), "left", "center"), ((-1, 1), "right", "bottom"),
           ((0, 1), "center", "bottom"), ((-1, 0), "right", "center"), ((1, 1), "left", "bottom"),
           ((-1, -1), "right", "top"), ((0, -1), "center", "top")]
_SLIDE_STEPS = 60
_FARTHER_STEPS = 12
_SHIFT = {"left": 0.0, "center": 0.5, "right": 1.0, "bottom": 0.0, "top": 1.0}


def _reads_as_own(atlas: Atlas, spot: shapely.Polygon, anchor, name: _Name) -> bool:
    """True if ``spot`` covers no land and the point the name hangs from is nearer the land
    it names than any other: a name beside an island must not read as its neighbour's."""
    index = atlas.land_index(MAP_CRS)
    if len(index.query(spot, predicate="intersects")):
        return False
    anchor = shapely.Point(anchor)
    nearby = index.query(anchor, predicate="dwithin", distance=anchor.distance(name.land))
    return set(atlas.land["island_id"].iloc[nearby]) <= name.islands


def _two_lines(text: str) -> str | None:
    """``text`` broken at the space that best halves it, or None if it has no space."""
    spaces = [i for i, c in enumerate(text) if c == " "]
    if not spaces:
        return None
    middle = min(spaces, key=lambda i: max(i, len(text) - i))
    return text[:middle] + "\n" + text[middle + 1:]


def _footprint(anchor, size, ha: str, va: str, pad: float) -> shapely.Polygon:
    """The box a text of ``size`` (map metres) covers when aligned ``ha``/``va`` to ``anchor``."""
    (x, y), (width, height) = anchor, size
    left, bottom = x - _SHIFT[ha] * width, y - _SHIFT[va] * height
    return box(left - pad, bottom - pad, left + width + pad, bottom + height + pad)


def _island_names(ax: Axes, say: Localizer, visible: shapely.Polygon, obstacles: list) -> None:
    """Name the main islands, each where it clashes with no other name, no other land and
    no border line.  Names with the fewest free places are placed first (the crowded
    Shumshu before its big neighbour Paramushir), each in its best place that still leaves
    the others room; a name with no place left is left out rather than printed over
    something.  On a map of part of the frame, an island is named if at least
    LABEL_MIN_KM2 of it (or half a smaller group) is in view, inside the part in view."""
    renderer = ax.figure.canvas.get_renderer()
    west, east = ax.get_xlim()
    per_pixel = (east - west) / ax.bbox.width
    pad = 2.5 * ax.figure.dpi / 72 * per_pixel  # 2.5 pt, in map metres
    pending = {}
    for name in _names(say.atlas, say.lang):
        in_view = shapely.intersection(name.land, visible)
        # A group of small islands (the Habomai Islands) is named if at least half is in view.
        if in_view.area < min(LABEL_MIN_KM2 * 1e6, name.land.area / 2):
            continue
        text = ax.text(0, 0, name.text, fontsize=13 if name.context else 11.5,
                       color=MUTED if name.context else INK, fontweight="normal" if name.context else fonts.BOLD,
                       fontfamily=fonts.family(bold=not name.context), multialignment="center",
                       zorder=5, path_effects=HALO)

        def measure(wording: str, text=text) -> tuple[float, float]:
            text.set_text(wording)
            extent = text.get_window_extent(renderer)
            return extent.width * per_pixel, extent.height * per_pixel

        pending[text] = list(_places(say.atlas, name, in_view, visible, measure, obstacles, pad))
    taken: list[shapely.Polygon] = []
    while pending:
        for text, places in pending.items():
            pending[text] = [p for p in places if not any(p[-1].intersects(t) for t in taken)]
        text = min(pending, key=lambda t: len(pending[t]))
        places = pending.pop(text)
        if not places:
            text.remove()
            continue
        # Its best place that leaves every other name somewhere to go.
        wording, anchor, ha, va, spot = next(
            (p for p in places if not any(others and all(p[-1].intersects(o[-1]) for o in others)
                                          for others in pending.values())), places[0])
        text.set(text=wording, position=anchor, ha=ha, va=va)
        taken.append(spot)


def _places(atlas: Atlas, name: _Name, in_view: shapely.Geometry, visible: shapely.Polygon, measure,
            obstacles: list, pad: float):
    """Every place in the area shown (``visible``) where ``name`` fits, best first, as
    (wording, anchor, ha, va, the box it covers): on its land in view (``in_view``) at its
    label point or most inland point, on one line or two; then,
    unless it is context land, beside it over the sea, moved out from the label point until
    clear of the land, and a little farther while no other land is as near.  Context land (Kamchatka, the mainland) is
    named only on itself: a name out at sea would point at nothing."""
    largest = max(shapely.get_parts(in_view), key=lambda g: g.area)
    centres = [name.point, polylabel(largest, tolerance=1000).coords[0]]
    for wording in filter(None, [name.text, _two_lines(name.text)]):
        size = measure(wording)
        for centre in centres:
            spot = _footprint(centre, size, "center", "center", pad)
            if in_view.contains(spot) and not any(spot.intersects(o) for o in obstacles):
                yield wording, centre, "center", "center", spot
    if name.context:
        return
    size = measure(name.text)
    # Out from the label point, or, if it is out of view, from the most inland point in view.
    origin = np.asarray(name.point if visible.contains(shapely.Point(name.point)) else centres[1])
    for direction, ha, va in _BESIDE:
        step = np.array(direction) / np.hypot(*direction) * pad
        clear_of_island = next((k for k in range(_SLIDE_STEPS)
                                if not _footprint(origin + k * step, size, ha, va, pad).intersects(name.land)), None)
        if clear_of_island is None:
            continue
        for k in range(clear_of_island, clear_of_island + _FARTHER_STEPS, 2):
            anchor = tuple(origin + k * step)
            spot = _footprint(anchor, size, ha, va, pad)
            if visible.contains(spot) and not any(spot.intersects(o) for o in obstacles) \
                    and _reads_as_own(atlas, spot, anchor, name):
                yield name.text, anchor, ha, va, spot
