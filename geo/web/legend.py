"""The map's legend, as a Leaflet control, and the attribution of the coastline.

A Leaflet control (https://leafletjs.com/reference.html#control) like folium's own
plugins add; its HTML is built here from escaped text.
"""

from __future__ import annotations

from html import escape

from branca.element import MacroElement
from jinja2 import Template

from geo.style import HOLDER_FILL, HOLDER_STROKE, LINE_STYLE
from geo.text import Localizer


def legend_html(say: Localizer) -> str:
    """The legend's rows: colours by holder, hatching, line styles; every label escaped."""
    rows = [f"<b>{escape(say.message('legend_title'))}</b>"]
    for holder in ("RU", "JP", "joint"):
        rows.append(f'<span class="swatch" style="background:{HOLDER_FILL[holder]};'
                    f'border-color:{HOLDER_STROKE[holder]}"></span>{escape(say.message("holder_" + holder))}')
    rows.append(f'<span class="swatch hatch"></span>{escape(say.message("legend_hatch"))}')
    for kind, style in LINE_STYLE.items():
        dash = "dashed" if style["dashArray"] and kind == "de_facto" else "dotted" if style["dashArray"] else "solid"
        rows.append(f'<span class="stroke" style="border-top:3px {dash} {style["color"]}"></span>'
                    f'{escape(say.message("kind_" + kind))}')
    return "<br>".join(rows)


class Legend(MacroElement):
    """A control with the legend in the map's top right corner, and the map's attribution.

    Parameters
    ----------
    say : Localizer
        The language of the labels.
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
        self.html = legend_html(say)
        self.attribution = escape(say.message("map_attribution"))
