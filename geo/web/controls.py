"""The map in the page's language: zoom buttons, a scale bar in kilometres only, and the
``lang`` of the document that holds the map.

Leaflet's own controls (https://leafletjs.com/reference.html#control-zoom and
https://leafletjs.com/reference.html#control-scale) with the options folium's ``Map`` does
not pass: the zoom buttons' titles ("Zoom in" / "확대", read by screen readers and shown on
hover) and a metric-only scale bar.  The map is made with ``zoom_control=False`` and
``control_scale=False`` so that these are the only ones.  The document's ``lang`` (the
app shows the map in a frame of its own) tells screen readers how to read the legend and
tooltips, and keys the language's typesetting (:data:`geo.style.TYPESETTING_CSS`).
"""

from __future__ import annotations

import json

from branca.element import MacroElement
from jinja2 import Template

from geo.text import Localizer


class MapControls(MacroElement):
    """Zoom buttons titled in the page's language, a scale bar in kilometres, and the
    language of the map's document.

    Parameters
    ----------
    say : Localizer
        The language of the map (and of the buttons' titles, ``zoom_in`` and ``zoom_out`` in
        ``ui.yaml``).
    """

    _template = Template("""
        {% macro script(this, kwargs) %}
        document.documentElement.lang = {{ this.lang }};
        L.control.zoom({{ this.zoom_options }}).addTo({{ this._parent.get_name() }});
        L.control.scale({imperial: false}).addTo({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, say: Localizer):
        super().__init__()
        self._name = "MapControls"
        # json.dumps escapes quotes and, with ensure_ascii, every non-ASCII character, so a
        # title from data cannot end the script.
        self.lang = json.dumps(say.lang)
        self.zoom_options = json.dumps({"zoomInTitle": say.message("zoom_in"),
                                        "zoomOutTitle": say.message("zoom_out")}).replace("</", "<\\/")
