"""A Leaflet GeoJSON layer whose data is serialized once and styled in the browser.

Like ``folium.GeoJson`` (https://python-visualization.github.io/folium/latest/user_guide/geojson/geojson.html),
but made for layers rendered again on every Streamlit rerun: ``folium.GeoJson`` re-encodes
its data and calls its style function on every feature each time, which with an
atlas-sized coastline is most of a rerun.  Here the GeoJSON text comes in ready-made (cached
by the caller), styles come from a small lookup keyed by one feature property, points are
drawn as circle markers, each feature's ``label`` property becomes its tooltip and its
``popup`` property its popup.  Leaflet inserts labels and popups as HTML, so callers escape
what they put in them (:mod:`geo.web.layers` does).
"""

from __future__ import annotations

import json

from branca.element import Element, MacroElement
from jinja2 import Template
from jinja2.utils import htmlsafe_json_dumps


def script_safe(json_text: str) -> str:
    """JSON text made safe to embed in a ``<script>``, escaped as Jinja's ``tojson`` filter
    escapes (``<``, ``>``, ``&``, ``'`` as ``\\uXXXX``): the same JSON value, and no way to
    close the script or open a comment, wherever the map is embedded."""
    return str(htmlsafe_json_dumps(json_text, dumps=lambda text: text))


class _Script(Element):
    """Script text that is already final, added to the page as it is."""

    def __init__(self, text: str):
        super().__init__()
        self.text = text

    def render(self, **kwargs) -> str:
        """The text as it is."""
        return self.text


class JsonLayer(MacroElement):
    """``L.geoJSON(data)``, styled by ``styles[feature.properties[style_key]]``.

    Parameters
    ----------
    data : str
        A GeoJSON FeatureCollection as JSON text (EPSG:4326).
    styles : dict
        Leaflet path options by the value of ``style_key``.
    style_key : str
        The feature property that picks the style.
    interactive : bool
        Whether features take the pointer (tooltips, popups, hover).
    open_id : str, optional
        The ``id`` property of a feature whose popup opens when the layer is drawn.
    pane : str, optional
        The Leaflet map pane the layer is drawn in (default: the overlay pane).
    """

    _template = Template("""
        {% macro expression(this) %}
        (function () {
            var group = L.geoJSON({{ this.data }}, {
                style: function (feature) {
                    return {{ this.styles }}[feature.properties[{{ this.style_key|tojson }}]];
                },
                interactive: {{ this.interactive|tojson }},
                {% if this.pane %}pane: {{ this.pane|tojson }},{% endif %}
                pointToLayer: function (feature, latlng) { return L.circleMarker(latlng); },
                onEachFeature: function (feature, layer) {
                    var label = feature.properties.label, popup = feature.properties.popup;
                    if (popup) {
                        layer.bindPopup(popup, {maxWidth: 320});
                        // One thing at a time: the label gives way to the popup (on a touch screen,
                        // where a tap would open both, a feature with a popup has no label).  It
                        // stays bound, shut while the popup is open: Leaflet's own focus listener
                        // on the shape opens it and fails on a layer without one.
                        if (window.matchMedia("(hover: none)").matches) { label = null; }
                        var openTooltip = layer.openTooltip;
                        layer.openTooltip = function () {
                            return layer.isPopupOpen() ? layer : openTooltip.apply(layer, arguments);
                        };
                        layer.on("popupopen", function () { layer.closeTooltip(); });
                    }
                    if (!label) { return; }
                    layer.bindTooltip(label, {sticky: true});
                    layer.on("mouseover", function () { layer.setStyle({weight: 3}); });
                    layer.on("mouseout", function () { group.resetStyle(layer); });
                }
            });
            return group;
        })()
        {% endmacro %}
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = {{ expression(this) }}.addTo({{ this._parent.get_name() }});
        {% if this.open_id %}
        (function (group, parent) {
            function open() {
                group.eachLayer(function (layer) {
                    if (layer.feature.properties.id === {{ this.open_id|tojson }}) { layer.openPopup(); }
                });
            }
            if (parent._map) { open(); } else { parent.once("add", open); }
        })({{ this.get_name() }}, {{ this._parent.get_name() }});
        {% endif %}
        {% endmacro %}
    """)

    def __init__(self, data: str, styles: dict[str, dict], style_key: str, interactive: bool = True,
                 open_id: str | None = None, pane: str | None = None):
        super().__init__()
        self._name = "JsonLayer"
        self.open_id = open_id
        self.data = script_safe(data)
        self.styles = script_safe(json.dumps(styles))
        self.style_key = style_key
        self.interactive = interactive
        self.pane = pane

    def expression(self) -> str:
        """JavaScript that makes the layer (an ``L.GeoJSON``) without adding it anywhere."""
        return str(self._template.module.expression(self))

    def render(self, **kwargs) -> None:
        """Add the layer's script to the page."""
        # MacroElement.render would compile the rendered script as a new Jinja template:
        # with the data inside, that is most of a rerun.  Call the macro and add its text.
        script = self._template.module.script(self, kwargs)
        self.get_root().script.add_child(_Script(script), name=self.get_name())
