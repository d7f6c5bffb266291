"""The browser map: a fixed Folium base map plus one feature group per year.

The split follows streamlit-folium's ``feature_group_to_add`` idea
(https://folium.streamlit.app/dynamic_updates): the base map (land whose holder never
changes, legend, Leaflet served by the app) is identical on every rerun, so the browser
keeps its zoom and pan, and only the year's layer travels when the slider moves.  Layers
are built once per snapshot of the data (their caches are keyed by it) and sent as
ready-made GeoJSON text (:class:`~geo.web.jsonlayer.JsonLayer`).  Every string that reaches
Leaflet as HTML (tooltips, popups, legend, attribution) is escaped here.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Collection
from functools import lru_cache
from html import escape

import folium
import geopandas as gpd
import shapely
from branca.element import MacroElement
from jinja2 import Template

from geo.model import EQUAL_AREA_CRS, MAP_FRAME, Atlas, Event
from geo.style import (
    CLAIM_OUTLINE_PX,
    EVENT_MARKER,
    HATCH_SPACING_PX,
    HATCH_WIDTH_PX,
    HOLDER_FILL,
    HOLDER_STROKE,
    LINE_STYLE,
    SEA,
    TYPESETTING_CSS,
    hatch_pattern_id,
)
from geo.text import Localizer
from geo.text.reference_pages import event_when

from .controls import MapControls
from .jsonlayer import JsonLayer
from .kept_land import PANE as LAND_PANE
from .kept_land import KeptLand, LandPane
from .keyboard import CONTEXT_CLASS, KeyboardAccess, MapName
from .legend import Legend, YearLegend
from .map_sync import MapSync

# Shapes sent to the browser are simplified in metres (GSHHG's 100 m is finer than the map
# can show at its deepest zoom) and rounded to about 10 m: a third of the bytes of a step.
# Lookups (holder_at) and exports keep the full coastline.
TOLERANCE_M = 150
CONTEXT_TOLERANCE_M = 300
#: The zoom the map opens at before it fits the frame to its size.
ZOOM = 4.5
#: How far the map may be panned past the frame, in degrees.
PAN_MARGIN_DEG = 3.0
DEFAULT_LEAFLET_URL = "/app/static/leaflet"

TERRITORY_STYLES = {holder: {"fillColor": HOLDER_FILL[holder], "color": HOLDER_STROKE[holder], "weight": 1,
                             "fillOpacity": 0.85} for holder in HOLDER_FILL}
#: Land whose holder never changes, the context of the islands: the keyboard reaches it after them.
CONTEXT_STYLES = {holder: {**style, "className": CONTEXT_CLASS} for holder, style in TERRITORY_STYLES.items()}
HATCH_STYLES = {claimant: {"fillColor": f"url(#{hatch_pattern_id(claimant)})", "fillOpacity": 1,
                           "color": HOLDER_STROKE[claimant], "weight": CLAIM_OUTLINE_PX, "opacity": 1}
                for claimant in ("RU", "JP")}
LINE_STYLES = {kind: {**style, "opacity": 0.95} for kind, style in LINE_STYLE.items()}
EVENT_STYLES = {"event": EVENT_MARKER}

#: Every box on the map sets its own text and background colours: the map stays light in a
#: page shown in dark mode, whose text colour the map's frame would otherwise inherit.
_CSS = f"""
<style>
.leaflet-container {{ background: {SEA}; color: #222; }}
.atlas-legend {{ background: rgba(255,255,255,.95); color: #222; padding: 4px 9px; font: 12px/18px sans-serif;
  border-radius: 4px; box-shadow: 0 1px 4px rgba(0,0,0,.3); overflow: auto; box-sizing: border-box; }}
.atlas-legend summary {{ font-weight: bold; cursor: pointer; }}
.atlas-legend .swatch {{ display: inline-block; width: 14px; height: 11px; margin-right: 6px;
  border: 1px solid; vertical-align: middle; }}
svg.swatch {{ border: 0; }}
.atlas-legend .stroke {{ display: inline-block; width: 22px; margin-right: 6px; vertical-align: middle; }}
.leaflet-popup-content-wrapper, .leaflet-popup-tip, .leaflet-tooltip {{ background: #fff; color: #222; }}
.leaflet-popup-content {{ overflow-wrap: anywhere; }}
.leaflet-tooltip {{ white-space: normal; width: max-content; max-width: min(16rem, 60vw); }}
.leaflet-control-attribution, .leaflet-control-scale-line {{ font: 11px/1.4 sans-serif; color: #222; }}
.leaflet-container .leaflet-control-attribution {{ max-width: 70%; background: rgba(255,255,255,.9); }}
.leaflet-control-scale-line {{ background: rgba(255,255,255,.8); }}
{TYPESETTING_CSS}</style>
"""
# CSS beats SVG presentation attributes: land fills get lighter over web tiles.
_SEE_THROUGH_LAND = f"<style>.leaflet-{LAND_PANE}-pane path {{ fill-opacity: 0.4; }}</style>"


def changing_areas(atlas: Atlas) -> frozenset[str]:
    """Areas whose holding ever changes: drawn per year; the rest are on the base map."""
    return frozenset(area for area in atlas.areas
                     if len({(p.holders[area], p.status(area)) for p in atlas.periods}) > 1)


def _for_the_web(frame: gpd.GeoDataFrame, tolerance_m: float) -> gpd.GeoDataFrame:
    simple = frame.geometry.to_crs(EQUAL_AREA_CRS).simplify(tolerance_m, preserve_topology=True).to_crs(frame.crs)
    return frame.set_geometry(shapely.set_precision(simple.values, 1e-4))


def _compact_json(frame: gpd.GeoDataFrame) -> str:
    return frame.to_json(drop_id=True, separators=(",", ":"), ensure_ascii=False)


def _territory_json(frame: gpd.GeoDataFrame, say: Localizer, names: str, year: int | None,
                    tolerance_m: float = TOLERANCE_M) -> str:
    """Land as GeoJSON with a tooltip per island: its name and, given a ``year``, who held it."""
    # One shape per island and holding: Sakhalin is cut on 50°N only where that line was a border.
    frame = frame.dissolve(by=["island_id", "holder", "status"], as_index=False, sort=False, dropna=False)
    frame = _for_the_web(frame, tolerance_m)
    labels = [escape(say.place_name(say.atlas.islands[row.island_id], names))
              + ("<br>" + escape(say.holding(row.holder, row.status, row.claimed_by, year)) if year else "")
              for row in frame.itertuples()]
    return _compact_json(frame.assign(label=labels)[["label", "holder", "geometry"]])


def _hatch_json(frame: gpd.GeoDataFrame) -> str | None:
    """Claimed land, drawn again over its holder's colour with the claimant's hatching and outline."""
    claimed = frame[frame["claimed_by"].notna()]
    if claimed.empty:
        return None
    claimed = _for_the_web(claimed.dissolve(by=["island_id", "claimed_by"], as_index=False), TOLERANCE_M)
    return _compact_json(claimed.rename(columns={"claimed_by": "claimant"})[["island_id", "claimant", "geometry"]])


class HatchPatterns(MacroElement):
    """SVG patterns that hatch claimed land, one per claimant, in screen pixels.

    Leaflet's SVG renderer passes a path's ``fillColor`` to its ``fill`` attribute, so
    ``url(#atlas-hatch-JP)`` fills it with a pattern defined anywhere in the page
    (https://developer.mozilla.org/docs/Web/SVG/Element/pattern).  The patterns are added once
    to the page by script, which works in the app's map frame and in the offline atlas alike."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        if (!document.getElementById("atlas-hatch-patterns")) {
            document.body.insertAdjacentHTML("beforeend", {{ this.svg|tojson }});
        }
        {% endmacro %}
    """)

    def __init__(self):
        super().__init__()
        self._name = "HatchPatterns"
        patterns = "".join(
            f'<pattern id="{hatch_pattern_id(side)}" patternUnits="userSpaceOnUse" width="{HATCH_SPACING_PX}" '
            f'height="{HATCH_SPACING_PX}" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" '
            f'y2="{HATCH_SPACING_PX}" stroke="{HOLDER_STROKE[side]}" stroke-width="{HATCH_WIDTH_PX}"/></pattern>'
            for side in ("RU", "JP"))
        self.svg = (f'<svg id="atlas-hatch-patterns" width="0" height="0" style="position:absolute" aria-hidden="true">'
                    f"<defs>{patterns}</defs></svg>")


def _line_json(lines: gpd.GeoDataFrame, say: Localizer) -> str | None:
    if lines.empty:
        return None
    labels = [escape(f"{say.text(name)} — {say.message('kind_' + kind)}")
              for name, kind in zip(lines["name"], lines["kind"])]
    return _compact_json(lines.assign(label=labels)[["id", "kind", "label", "geometry"]])


def _event_popup(event: Event, say: Localizer) -> str:
    links = "<br>".join(
        f'<a href="{escape(s.url, quote=True)}" target="_blank" rel="noopener noreferrer">{escape(s.title)}</a>'
        + (f" ({escape(say.text(s.remark))})" if s.remark else "") for s in event.sources)
    return (f"<b>{escape(say.text(event.title))}</b><br><i>{escape(event_when(event, say))} · "
            f"{escape(say.text(event.place))}</i><br>{escape(say.text(event.description))}<br><small>{links}</small>")


def _event_json(atlas: Atlas, year: int, say: Localizer) -> str | None:
    """The events of the years around ``year`` that happened at a point on the map."""
    nearby = [event for event in atlas.events_near(year) if event.on_map]
    if not nearby:
        return None
    points = gpd.GeoDataFrame({"kind": "event", "id": [e.id for e in nearby],
                               "label": [escape(say.text(e.title)) for e in nearby],
                               "popup": [_event_popup(e, say) for e in nearby]},
                              geometry=gpd.points_from_xy([e.lon for e in nearby], [e.lat for e in nearby]),
                              crs="EPSG:4326")
    return _compact_json(points)


def _kept(slot: str, layers: list[JsonLayer], data: str) -> tuple[str, str, list[JsonLayer]]:
    """Land to keep in the browser: its slot, its key (a digest of its data) and its layers."""
    return slot, f"{slot}-{hashlib.sha256(data.encode()).hexdigest()[:16]}", layers


@lru_cache(maxsize=8)
def _fixed_land(atlas: Atlas, lang: str, names: str) -> tuple[str, str, list[JsonLayer]]:
    """Land whose holder never changes, named without a holder (whose name changes with the years)."""
    pieces = atlas.land[~atlas.land["area"].isin(changing_areas(atlas))]
    first = atlas.periods[0]
    fixed = pieces.assign(holder=pieces["area"].map(first.holders), status=pieces["area"].map(first.status),
                          claimed_by=None)
    land = _territory_json(fixed, Localizer(atlas, lang), names, None, CONTEXT_TOLERANCE_M)
    return _kept("fixed", [JsonLayer(land, CONTEXT_STYLES, "holder", pane=LAND_PANE)], land)


@lru_cache(maxsize=64)
def _period_land(atlas: Atlas, period_id: str, year: int, lang: str, names: str) -> tuple[str, str, list[JsonLayer]]:
    """A period's changing land (territory, then hatching), its holders named as in ``year``."""
    frame = atlas.period_territories(period_id)
    frame = frame[frame["area"].isin(changing_areas(atlas))]
    territory, hatching = _territory_json(frame, Localizer(atlas, lang), names, year), _hatch_json(frame)
    land = [JsonLayer(territory, TERRITORY_STYLES, "holder", pane=LAND_PANE)]
    if hatching is not None:
        land.append(JsonLayer(hatching, HATCH_STYLES, "claimant", interactive=False, pane=LAND_PANE))
    return _kept("period", land, f"{territory}{hatching}")


def _land(atlas: Atlas, year: int, lang: str, names: str) -> list[tuple[str, str, list[JsonLayer]]]:
    return [_fixed_land(atlas, lang, names),
            _period_land(atlas, atlas.period_at(year).id, _naming_year(atlas, year), lang, names)]


def land_keys(atlas: Atlas, year: int, lang: str, names: str = "both") -> frozenset[str]:
    """What identifies the land on the map of ``year`` (see :mod:`geo.web.kept_land`): the
    same keys for every year whose land and labels are the same.

    Raises
    ------
    ValueError
        If ``year`` is before the first period.
    """
    return frozenset(key for _, key, _ in _land(atlas, year, lang, names))


_VIEWPORT = re.compile(r'<meta name="viewport"[^>]*>')
_ZOOMABLE_VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1.0" />'


class _ZoomableMap(folium.Map):
    """A folium map whose page can be zoomed.  folium's viewport says ``maximum-scale=1.0,
    user-scalable=no``, so a reader could not enlarge the map's frame or the offline atlas on a
    phone or tablet (WCAG 1.4.4; axe's rule meta-viewport, tests/test_accessibility.py)."""

    def render(self, **kwargs):
        super().render(**kwargs)
        header = self.get_root().header
        own = header._children[self.get_name()].render()
        header.add_child(folium.Element(_VIEWPORT.sub(_ZOOMABLE_VIEWPORT, own)), name=self.get_name())


def base_map(atlas: Atlas, lang: str, names: str = "both", leaflet_url: str = DEFAULT_LEAFLET_URL,
             web_tiles: bool = False, sync_group: str | None = None) -> folium.Map:
    """The map every year shares.

    Parameters
    ----------
    atlas : Atlas
    lang : str
        Language code of the labels.
    names : {'both', 'ru', 'ja'}
        Which place names the tooltips give.
    leaflet_url : str
        Where the page loads Leaflet and its plugins from (the app serves its own copies,
        so the map needs no internet).
    web_tiles : bool
        Show OpenStreetMap under lighter land (needs internet; tiles that never arrive
        leave the map as it is).
    sync_group : str, optional
        Pan and zoom the map with the other maps of this group in the frames of the same
        page (:mod:`geo.web.map_sync`; the comparison page's two years).

    Returns
    -------
    folium.Map
        The frame, the controls, the legend's frame, the attribution and the keyboard's
        way round the map (:mod:`geo.web.keyboard`); the land comes with each year's layer,
        :func:`year_layer`.
    """
    say = Localizer(atlas, lang)
    west, south, east, north = MAP_FRAME
    m = _ZoomableMap(location=((south + north) / 2, (west + east) / 2), zoom_start=ZOOM, tiles=None,
                     zoom_snap=0.25, max_bounds=True,
                     min_lat=south - PAN_MARGIN_DEG, min_lon=west - PAN_MARGIN_DEG,
                     max_lat=north + PAN_MARGIN_DEG, max_lon=east + PAN_MARGIN_DEG, zoom_control=False)
    # folium points these at CDNs; the atlas serves its own copy so it works offline.
    m.default_js = [("leaflet", f"{leaflet_url}/leaflet.js")]
    m.default_css = [("leaflet_css", f"{leaflet_url}/leaflet.css")]
    m.get_root().header.add_child(folium.Element(_CSS))
    if web_tiles:
        folium.TileLayer("OpenStreetMap", max_zoom=19).add_to(m)
        m.get_root().header.add_child(folium.Element(_SEE_THROUGH_LAND))
    MapControls(say, leaflet_url).add_to(m)
    HatchPatterns().add_to(m)
    LandPane().add_to(m)
    Legend(say).add_to(m)
    KeyboardAccess(say).add_to(m)
    if sync_group is not None:
        MapSync(sync_group, leaflet_url).add_to(m)
    return m


@lru_cache(maxsize=512)
def _year_json(atlas: Atlas, year: int, lang: str) -> tuple[str | None, str | None]:
    say = Localizer(atlas, lang)
    return _line_json(atlas.borders(year), say), _event_json(atlas, year, say)


def _naming_year(atlas: Atlas, year: int) -> int:
    """The year whose state names label ``year``'s land: ``year`` itself, but one layer serves
    every year of a period in which no state changed its name."""
    start = atlas.period_at(year).start
    renamed = [name.since for state in atlas.states.values() for name in state.names if start < name.since <= year]
    return max(renamed, default=start)


def year_layer(atlas: Atlas, year: int, lang: str, names: str = "both", open_event: str | None = None,
               land_in_browser: Collection[str] = ()) -> folium.FeatureGroup:
    """The year's land (coloured by holder, hatched where claimed), its border lines and the
    events of the years around it, as one feature group, which also names the map after the year.

    Parameters
    ----------
    atlas : Atlas
    year : int
    lang : str
        Language code.
    names : {'both', 'ru', 'ja'}
    open_event : str, optional
        The id of an event on the map whose popup opens (a link from the timeline).
    land_in_browser : collection of str
        The keys of the land the map frame already holds (:func:`land_keys`): that land is
        named instead of sent again.

    Returns
    -------
    folium.FeatureGroup
        Named after the year.

    Raises
    ------
    ValueError
        If ``year`` is before the first period.
    """
    say = Localizer(atlas, lang)
    lines, events = _year_json(atlas, year, say.lang)
    group = folium.FeatureGroup(name=str(year))
    for slot, key, land in _land(atlas, year, say.lang, names):
        KeptLand(slot, key, None if key in land_in_browser else land).add_to(group)
    YearLegend(atlas, year, say).add_to(group)
    MapName(say.message("map_name", year=year)).add_to(group)
    if lines is not None:
        JsonLayer(lines, LINE_STYLES, "kind").add_to(group)
    if events is not None:
        JsonLayer(events, EVENT_STYLES, "kind", open_id=open_event).add_to(group)
    return group
