"""The map's legend, as a Leaflet control, and the attribution of the coastline.

A Leaflet control (https://leafletjs.com/reference.html#control), as folium's own plugins
add.  The control itself is part of the base map, which stays the same whatever the year
(so the browser keeps its zoom); each year's layer fills it with that year's entries
(:func:`geo.text.map_key.map_key`: each holder named as its state was called that year)
whenever the layer is added to the map.  Every label is escaped here.
"""

from __future__ import annotations

from functools import lru_cache
from html import escape

from branca.element import MacroElement
from jinja2 import Template

from geo.model import Atlas
from geo.style import HOLDER_FILL, HOLDER_STROKE, LINE_STYLE, hatch_pattern_id
from geo.text import Localizer
from geo.text.map_key import map_key


def _swatch(kind: str, value: str) -> str:
    if kind == "holder":
        return (f'<span class="swatch" style="background:{HOLDER_FILL[value]};'
                f'border-color:{HOLDER_STROKE[value]}"></span>')
    if kind == "claim":
        return (f'<svg class="swatch" width="14" height="11" aria-hidden="true"><rect width="14" height="11" '
                f'fill="url(#{hatch_pattern_id(value)})" stroke="{HOLDER_STROKE[value]}" stroke-width="2"/></svg>')
    style = LINE_STYLE[value]
    dash = ("dotted" if value == "claim" else "dashed") if style["dashArray"] else "solid"
    return f'<span class="stroke" style="border-top:3px {dash} {style["color"]}"></span>'


def legend_html(atlas: Atlas, year: int, say: Localizer) -> str:
    """The legend's rows for the map of ``year``, every label escaped."""
    return _legend_html(atlas, year, say.lang)


@lru_cache(maxsize=512)
def _legend_html(atlas: Atlas, year: int, lang: str) -> str:
    return "<br>".join(_swatch(entry.kind, entry.value) + escape(entry.label)
                       for entry in map_key(atlas, year, Localizer(atlas, lang)))


class Legend(MacroElement):
    """The legend's frame in the map's top right corner (a title that folds it, and a body
    each year's layer fills), and the map's attribution.

    The legend is a ``<details>`` element, so a pupil can fold it away; it starts folded in a
    map narrower than ``FOLDED_BELOW_PX``, steps aside while a popup is open, and is never
    wider than the map minus the zoom buttons' column.

    Parameters
    ----------
    say : Localizer
        The language of the title and the attribution.
    """

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function (map) {
            var legend = L.control({position: "topright"});
            legend.onAdd = function () {
                var details = L.DomUtil.create("details", "atlas-legend");
                details.innerHTML = {{ this.html|tojson }};
                details.open = map.getSize().x >= {{ this.folded_below }};
                L.DomEvent.disableClickPropagation(details);
                L.DomEvent.disableScrollPropagation(details);
                return details;
            };
            legend.addTo(map);
            var box = legend.getContainer();
            function fit() {
                var size = map.getSize();
                box.style.maxWidth = (size.x - {{ this.zoom_column }}) + "px";
                box.style.maxHeight = (size.y - 60) + "px";
            }
            fit();
            map.on("resize", fit);
            map.on("popupopen", function () { box.style.display = "none"; });
            map.on("popupclose", function () { box.style.display = ""; });
            map.attributionControl.setPrefix(false);
            map.attributionControl.addAttribution({{ this.attribution|tojson }});
        })({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    #: Maps narrower than this (px) open with the legend folded.
    FOLDED_BELOW_PX = 480
    #: The room the zoom buttons take on the left, legend margins included (px).
    ZOOM_COLUMN_PX = 64

    def __init__(self, say: Localizer):
        super().__init__()
        self._name = "Legend"
        self.html = (f'<summary>{escape(say.message("legend_title"))}</summary>'
                     '<div class="atlas-legend-body"></div>')
        self.attribution = escape(say.message("map_attribution"))
        self.folded_below, self.zoom_column = self.FOLDED_BELOW_PX, self.ZOOM_COLUMN_PX


class YearLegend(MacroElement):
    """Fills the legend with the entries of ``year`` whenever its layer is on the map.

    Add it to the year's feature group.
    """

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function () {
            var layer = {{ this._parent.get_name() }};
            function show() {
                var body = document.querySelector(".atlas-legend-body");
                if (body) { body.innerHTML = {{ this.html|tojson }}; }
            }
            layer.on("add", show);
            if (layer._map) { show(); }
        })();
        {% endmacro %}
    """)

    def __init__(self, atlas: Atlas, year: int, say: Localizer):
        super().__init__()
        self._name = "YearLegend"
        self.html = legend_html(atlas, year, say)
