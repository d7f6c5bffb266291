"""A Leaflet GeoJSON layer whose data is serialized once and styled in the browser.

Like ``folium.GeoJson`` (https://python-visualization.github.io/folium/latest/user_guide/geojson/geojson.html),
but made for layers that are rendered again on every Streamlit rerun: ``folium.GeoJson``
re-encodes its data and calls its style function on every feature each time, which is most
of a rerun's server time with an atlas-sized coastline.  Here the GeoJSON text is passed in
ready-made (and cached by the caller), styles come from a small lookup keyed by one feature
property, points are drawn as circle markers, each feature's ``label`` property becomes its
tooltip and its ``popup`` property its popup.  Labels and popups are inserted as HTML by
Leaflet, so callers must escape what they put in them (``geo.webmap`` does).
"""

from __future__ import annotations

import json

from branca.element import Element, MacroElement
from jinja2 import Template


class _Script(Element):
    """Already-rendered script text, added to the page as it is."""

    def __init__(self, text: str):
        super().__init__()
        self.text = text

    def render(self, **kwargs) -> str:
        return self.text


class JsonLayer(MacroElement):
    """``L.geoJSON(data)``, styled by ``styles[feature.properties[style_key]]``."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.geoJSON({{ this.data }}, {
            style: function (feature) {
                return {{ this.styles }}[feature.properties[{{ this.style_key|tojson }}]];
            },
            interactive: {{ this.interactive|tojson }},
            pointToLayer: function (feature, latlng) { return L.circleMarker(latlng); },
            onEachFeature: function (feature, layer) {
                if (feature.properties.popup) { layer.bindPopup(feature.properties.popup, {maxWidth: 320}); }
                if (!feature.properties.label) { return; }
                layer.bindTooltip(feature.properties.label, {sticky: true});
                layer.on("mouseover", function () { layer.setStyle({weight: 3}); });
                layer.on("mouseout", function () { {{ this.get_name() }}.resetStyle(layer); });
            }
        }).addTo({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, data: str, styles: dict[str, dict], style_key: str, interactive: bool = True):
        super().__init__()
        self._name = "JsonLayer"
        # "</" would end the <script> this text is embedded in, wherever the map is shown.
        self.data = data.replace("</", "<\\/")
        self.styles = json.dumps(styles).replace("</", "<\\/")
        self.style_key = style_key
        self.interactive = interactive

    def render(self, **kwargs) -> None:
        # MacroElement.render would wrap the script in a new Jinja template and compile it:
        # with the data inside, that is most of a rerun. The text is final; add it as it is.
        script = self._template.module.__dict__["script"](self, kwargs)
        self.get_root().script.add_child(_Script(script), name=self.get_name())
