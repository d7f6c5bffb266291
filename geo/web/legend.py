"""The map's legend, as a Leaflet control, and the attribution of the coastline.

A Leaflet control (https://leafletjs.com/reference.html#control), as folium's own plugins
add.  The control itself is part of the base map, which stays the same whatever the year
(so the browser keeps its zoom); each year's layer fills it with that year's entries
(:func:`geo.text.map_key.map_key`: each holder named as its state was called that year)
whenever the layer is added to the map.  Every label is escaped here.
"""

from __future__ import annotations

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
    dash = "dashed" if style["dashArray"] and value == "de_facto" else "dotted" if style["dashArray"] else "solid"
    return f'<span class="stroke" style="border-top:3px {dash} {style["color"]}"></span>'


def legend_html(atlas: Atlas, year: int, say: Localizer) -> str:
    """The legend's rows for the map of ``year``, every label escaped."""
    return "<br>".join(_swatch(entry.kind, entry.value) + escape(entry.label)
                       for entry in map_key(atlas, year, say))


class Legend(MacroElement):
    """The legend's frame in the map's top right corner (title, and a body each year's layer
    fills), and the map's attribution.

    Parameters
    ----------
    say : Localizer
        The language of the title and the attribution.
    """

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

    def __init__(self, say: Localizer):
        super().__init__()
        self._name = "Legend"
        self.html = f'<b>{escape(say.message("legend_title"))}</b><div class="atlas-legend-body"></div>'
        self.attribution = escape(say.message("map_attribution"))


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
