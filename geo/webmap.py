"""The browser map: a fixed Folium base map plus one feature group per year.

The split follows streamlit-folium's ``feature_group_to_add`` idea
(https://folium.streamlit.app/dynamic_updates): the base map (land whose holder never
changes, legend, Leaflet served by the app) is identical on every rerun, so the browser
keeps its zoom and pan, and only the year's layer travels when the slider moves.  Every
string that reaches Leaflet as HTML (tooltips, legend, attribution) is escaped here.
"""

from __future__ import annotations

from html import escape

import folium
import geopandas as gpd
import shapely
from branca.element import MacroElement
from jinja2 import Template

from . import i18n
from .holdings import territories_by_period
from .jsonlayer import JsonLayer
from .land import METRIC_CRS, areas, land
from .events import events_near
from .i18n import format_date
from .lines import borders
from .periods import period_at, periods
from .sources import per_data_dir, per_data_version
from .style import EVENT_MARKER, HOLDER_FILL, HOLDER_STROKE, LINE_STYLE, SEA, hatch

# Shapes sent to the browser are simplified in metres (GSHHG's 100 m is finer than the map
# can show at its deepest zoom) and rounded to about 10 m: a third of the bytes of a slider step.
# Lookups (geo.holder_at) and exports keep the full coastline.
TOLERANCE_M = 150
CONTEXT_TOLERANCE_M = 300
CENTER = (48.6, 149.8)
ZOOM = 4.5
BOUNDS = ((40.0, 136.0), (57.0, 166.0))
DEFAULT_LEAFLET_URL = "/app/static/leaflet"


@per_data_dir
def changing_areas() -> frozenset[str]:
    """Areas whose holding ever changes: these are drawn per year, the rest on the base map."""
    return frozenset(
        area for area in areas()
        if len({(p.holders[area], p.status(area)) for p in periods()}) > 1
    )


TERRITORY_STYLES = {
    holder: {"fillColor": HOLDER_FILL[holder], "color": HOLDER_STROKE[holder], "weight": 1,
             "fillOpacity": 0.85}
    for holder in HOLDER_FILL
}
HATCH_STYLES = {claimant: {"color": HOLDER_STROKE[claimant], "weight": 1.6} for claimant in ("RU", "JP")}
LINE_STYLES = {kind: {**style, "opacity": 0.95} for kind, style in LINE_STYLE.items()}
EVENT_STYLES = {"event": EVENT_MARKER}


def _for_the_web(frame: gpd.GeoDataFrame, tolerance_m: float) -> gpd.GeoDataFrame:
    simple = frame.geometry.to_crs(METRIC_CRS).simplify(tolerance_m, preserve_topology=True).to_crs(frame.crs)
    return frame.set_geometry(shapely.set_precision(simple.values, 1e-4))


def _compact_json(frame: gpd.GeoDataFrame) -> str:
    return frame.to_json(drop_id=True, separators=(",", ":"), ensure_ascii=False)


def _territory_json(frame: gpd.GeoDataFrame, lang: str, names: str, tolerance_m: float = TOLERANCE_M) -> str:
    # One shape per island and holding: Sakhalin is cut on 50°N only where that line was a border.
    frame = frame.dissolve(by=["island_id", "holder", "status"], as_index=False, sort=False, dropna=False)
    frame = _for_the_web(frame, tolerance_m)
    labels = [
        escape(i18n.place_name(row, lang, names)) + "<br>"
        + escape(i18n.holding_label(row["holder"], row["status"], row["claimed_by"], lang))
        for _, row in frame.iterrows()
    ]
    return _compact_json(frame.assign(label=labels)[["label", "holder", "geometry"]])


def _hatch_json(frame: gpd.GeoDataFrame) -> str | None:
    claimed = frame[frame["claimed_by"].notna()]
    if claimed.empty:
        return None
    hatching = gpd.GeoDataFrame(
        {"claimant": claimed["claimed_by"].values},
        geometry=[shapely.set_precision(hatch(g), 1e-4) for g in claimed.geometry], crs=frame.crs,
    )
    return _compact_json(hatching)


def _line_json(lines: gpd.GeoDataFrame, lang: str) -> str | None:
    if lines.empty:
        return None
    name = "name_ko" if lang == "ko" else "name_en"
    labelled = lines.assign(label=[escape(f"{n} — {i18n.tr('kind_' + k, lang)}")
                                   for n, k in zip(lines[name], lines["kind"])])
    return _compact_json(labelled[["id", "kind", "label", "geometry"]])


def _event_popup(event, lang: str) -> str:
    when = format_date(event["date"], lang, event["precision"])
    links = "<br>".join(
        f'<a href="{escape(s.url, quote=True)}" target="_blank" rel="noopener noreferrer">{escape(s.title)}</a>'
        for s in event["sources"]
    )
    return (f"<b>{escape(event['title'](lang))}</b><br><i>{escape(when)} · {escape(event['place'](lang))}</i>"
            f"<br>{escape(event['description'](lang))}<br><small>{links}</small>")


def _event_json(year: int, lang: str) -> str | None:
    """Events of the years around ``year`` that happened at a point on the map."""
    nearby = events_near(year).dropna(subset=["lon", "lat"])
    if nearby.empty:
        return None
    points = gpd.GeoDataFrame(
        {"kind": "event",
         "label": [escape(e["title"](lang)) for _, e in nearby.iterrows()],
         "popup": [_event_popup(e, lang) for _, e in nearby.iterrows()]},
        geometry=gpd.points_from_xy(nearby["lon"], nearby["lat"]), crs="EPSG:4326",
    )
    return _compact_json(points)


class _Legend(MacroElement):
    """A Leaflet control with the legend, plus the coastline attribution."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function () {
            var legend = L.control({position: "topright"});
            legend.onAdd = function () {
                var div = L.DomUtil.create("div", "atlas-legend");
                div.innerHTML = {{ this.html|tojson }};
                return div;
            };
            legend.addTo({{ this._parent.get_name() }});
            {{ this._parent.get_name() }}.attributionControl.setPrefix(false);
            {{ this._parent.get_name() }}.attributionControl.addAttribution({{ this.attribution|tojson }});
        })();
        {% endmacro %}
    """)

    def __init__(self, lang: str):
        super().__init__()
        rows = [f"<b>{escape(i18n.tr('legend_title', lang))}</b>"]
        for holder in ("RU", "JP", "joint"):
            rows.append(
                f'<span class="swatch" style="background:{HOLDER_FILL[holder]};'
                f'border-color:{HOLDER_STROKE[holder]}"></span>{escape(i18n.tr("holder_" + holder, lang))}'
            )
        rows.append(f'<span class="swatch hatch"></span>{escape(i18n.tr("legend_hatch", lang))}')
        for kind, style in LINE_STYLE.items():
            dash = "dashed" if style["dashArray"] and kind == "de_facto" else "dotted" if style["dashArray"] else "solid"
            rows.append(f'<span class="stroke" style="border-top:3px {dash} {style["color"]}"></span>'
                        f'{escape(i18n.tr("kind_" + kind, lang))}')
        self.html = "<br>".join(rows)
        self.attribution = escape(i18n.tr("map_attribution", lang))


_CSS = f"""
<style>
.leaflet-container {{ background: {SEA}; }}
.atlas-legend {{ background: rgba(255,255,255,.92); padding: 6px 9px; font: 12px/18px sans-serif;
  border-radius: 4px; box-shadow: 0 1px 4px rgba(0,0,0,.3); }}
.atlas-legend .swatch {{ display: inline-block; width: 14px; height: 11px; margin-right: 6px;
  border: 1px solid; vertical-align: middle; }}
.atlas-legend .swatch.hatch {{ border-color: #555;
  background: repeating-linear-gradient(-45deg, #fff 0 3px, #555 3px 4px); }}
.leaflet-control-attribution, .leaflet-control-scale-line {{ font: 11px/1.4 sans-serif; }}
.leaflet-control-attribution {{ max-width: 70%; }}
.atlas-legend .stroke {{ display: inline-block; width: 22px; margin-right: 6px; vertical-align: middle; }}
</style>
"""


# CSS beats SVG presentation attributes: land fills get lighter over web tiles.
_SEE_THROUGH_LAND = "<style>.leaflet-overlay-pane path.leaflet-interactive { fill-opacity: 0.4; }</style>"


@per_data_version(maxsize=8)
def _base_land(lang: str, names: str) -> str:
    pieces = land()
    fixed = pieces[~pieces["area"].isin(changing_areas())]
    first = periods()[0]
    fixed = fixed.assign(
        holder=fixed["area"].map(first.holders),
        status=fixed["area"].map(first.status),
        claimed_by=None,
    )
    return _territory_json(fixed, lang, names, CONTEXT_TOLERANCE_M)


def base_map(lang: str = "en", names: str = "both", leaflet_url: str = DEFAULT_LEAFLET_URL,
             web_tiles: bool = False) -> folium.Map:
    """The map every year shares: Leaflet from ``leaflet_url``, land that never changes
    holder, the legend. Without ``web_tiles`` it needs no internet; with them, OpenStreetMap
    shows through lighter land, and tiles that never arrive leave the map as it is."""
    lang = i18n.language(lang)
    m = folium.Map(location=CENTER, zoom_start=ZOOM, tiles=None, min_zoom=4, max_zoom=10, zoom_snap=0.25,
                   max_bounds=True, min_lat=BOUNDS[0][0], min_lon=BOUNDS[0][1],
                   max_lat=BOUNDS[1][0], max_lon=BOUNDS[1][1], control_scale=True)
    # folium points these at CDNs; the atlas serves its own copy so it works offline.
    m.default_js = [("leaflet", f"{leaflet_url}/leaflet.js")]
    m.default_css = [("leaflet_css", f"{leaflet_url}/leaflet.css")]
    m.get_root().header.add_child(folium.Element(_CSS))
    if web_tiles:
        folium.TileLayer("OpenStreetMap", max_zoom=19).add_to(m)
        m.get_root().header.add_child(folium.Element(_SEE_THROUGH_LAND))
    JsonLayer(_base_land(lang, names), TERRITORY_STYLES, "holder").add_to(m)
    _Legend(lang).add_to(m)
    return m


@per_data_version(maxsize=48)
def _period_json(period_id: str, lang: str, names: str) -> tuple[str, str | None]:
    """Territory and hatching GeoJSON of a period: the same for every year in it."""
    frame = territories_by_period()[period_id]
    frame = frame[frame["area"].isin(changing_areas())]
    return _territory_json(frame, lang, names), _hatch_json(frame)


@per_data_version(maxsize=512)
def _year_lines(year: int, lang: str) -> tuple[str | None, str | None]:
    return _line_json(borders(year), lang), _event_json(year, lang)


def year_layer(year: int, lang: str = "en", names: str = "both") -> folium.FeatureGroup:
    """The year's changing land (coloured by holder, hatched where claimed), its borders and
    the events of the years around it."""
    lang = i18n.language(lang)
    territory, hatching = _period_json(period_at(year).id, lang, names)
    lines, events = _year_lines(year, lang)
    group = folium.FeatureGroup(name=str(year))
    JsonLayer(territory, TERRITORY_STYLES, "holder").add_to(group)
    if hatching is not None:
        JsonLayer(hatching, HATCH_STYLES, "claimant", interactive=False).add_to(group)
    if lines is not None:
        JsonLayer(lines, LINE_STYLES, "kind").add_to(group)
    if events is not None:
        JsonLayer(events, EVENT_STYLES, "kind").add_to(group)
    return group
