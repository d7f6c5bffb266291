"""How the map is handled in a classroom: in the page's language, within its range, and
polite to the page around it.

- Leaflet's own controls (https://leafletjs.com/reference.html#control-zoom,
  https://leafletjs.com/reference.html#control-scale) with the options folium's ``Map``
  does not pass: zoom buttons titled in the page's language and a scale bar in kilometres.
  The map is made with ``zoom_control=False`` so these are the only ones.
- The view: the atlas's frame fitted into the map whatever its size, and the zoom range set
  on the map itself (folium gives ``min_zoom``/``max_zoom`` only to a tile layer, and the
  atlas has none).
- The wheel and one-finger swipes scroll the page, not the map, as embedded maps do: the
  Leaflet.GestureHandling plugin (https://github.com/elmarquis/Leaflet.GestureHandling, MIT,
  served from ``static/leaflet/gesture-handling/``) asks for Ctrl + wheel or two fingers,
  with its hint in the page's language.  A click on the map hands the wheel to the map until
  the pointer leaves it.
- Popups always whole: the map's pan limits (``maxBounds``) are lifted while a popup is open,
  so Leaflet can pan the popup into view clear of the zoom buttons, and a popup is never
  taller or wider than the map.
- The ``lang`` of the document that holds the map (the app shows it in a frame of its own):
  screen readers read the legend and tooltips in that language, and the language's
  typesetting (:data:`geo.style.TYPESETTING_CSS`) keys on it.
"""

from __future__ import annotations

from branca.element import MacroElement
from folium.elements import JSCSSMixin
from jinja2 import Template

from geo.model import MAP_FRAME
from geo.text import Localizer

#: The zoom range of the map: the whole frame in a phone-sized map, down to a single islet.
MIN_ZOOM, MAX_ZOOM = 3, 10
#: Room kept free around a popup when the map pans to show it (px): the zoom buttons on the
#: left, the attribution at the bottom.
POPUP_PADDING_TOP_LEFT, POPUP_PADDING_BOTTOM_RIGHT = (56, 12), (12, 28)
GESTURE_HANDLING = "gesture-handling/leaflet-gesture-handling.min"


class MapControls(JSCSSMixin, MacroElement):
    """The map's controls, view, gestures and popups, in the page's language.

    Parameters
    ----------
    say : Localizer
        The map's language: the zoom buttons' titles (``zoom_in``, ``zoom_out``) and the
        gesture hints (``gesture_touch``, ``gesture_scroll``, ``gesture_scroll_mac``) in
        ``ui.yaml``.
    static_url : str
        Where the app serves Leaflet and its plugins (``static/leaflet/``).
    """

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function (map) {
            document.documentElement.lang = {{ this.lang|tojson }};
            L.control.zoom({{ this.zoom_options|tojson }}).addTo(map);
            L.control.scale({imperial: false}).addTo(map);
            map.setMinZoom({{ this.min_zoom }});
            map.setMaxZoom({{ this.max_zoom }});
            map.fitBounds({{ this.frame|tojson }});

            map.options.gestureHandlingOptions = {text: {{ this.gesture_text|tojson }}, duration: 1500};
            map.gestureHandling.enable();
            if (window.matchMedia("(hover: hover)").matches) {
                map.on("click", function () { map.gestureHandling.disable(); });
                map.on("mouseout", function () { map.gestureHandling.enable(); });
            }

            var bounds = map.options.maxBounds;
            map.on("popupopen", function (event) {
                var size = map.getSize(), popup = event.popup;
                popup.options.maxWidth = Math.min(320, size.x - {{ this.popup_room_x }});
                popup.options.maxHeight = size.y - {{ this.popup_room_y }};
                popup.options.autoPanPaddingTopLeft = {{ this.padding_top_left|tojson }};
                popup.options.autoPanPaddingBottomRight = {{ this.padding_bottom_right|tojson }};
                map.setMaxBounds(null);
                popup.update();
            });
            map.on("popupclose", function () { map.setMaxBounds(bounds); });
        })({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, say: Localizer, static_url: str):
        super().__init__()
        self._name = "MapControls"
        self.default_js = [("gesture_handling", f"{static_url}/{GESTURE_HANDLING}.js")]
        self.default_css = [("gesture_handling_css", f"{static_url}/{GESTURE_HANDLING}.css")]
        # Written into the script through Jinja's tojson, which escapes "<", ">", "&" and "'":
        # a title from data cannot end the script.
        self.lang = say.lang
        self.zoom_options = {"zoomInTitle": say.message("zoom_in"), "zoomOutTitle": say.message("zoom_out")}
        self.gesture_text = {"touch": say.message("gesture_touch"), "scroll": say.message("gesture_scroll"),
                             "scrollMac": say.message("gesture_scroll_mac")}
        west, south, east, north = MAP_FRAME
        self.frame = [[south, west], [north, east]]
        self.min_zoom, self.max_zoom = MIN_ZOOM, MAX_ZOOM
        self.padding_top_left, self.padding_bottom_right = POPUP_PADDING_TOP_LEFT, POPUP_PADDING_BOTTOM_RIGHT
        # A popup is its content plus about 50 px of margins and frame.
        self.popup_room_x = POPUP_PADDING_TOP_LEFT[0] + POPUP_PADDING_BOTTOM_RIGHT[0] + 60
        self.popup_room_y = POPUP_PADDING_TOP_LEFT[1] + POPUP_PADDING_BOTTOM_RIGHT[1] + 40
