"""Land kept in the browser: sent once, then shown again by its key.

Land is most of the bytes of a year's map, and most of it is the same from year to year:
the land whose holder never changes, and a period's land (each island coloured by its
holder, claimed land hatched), the same for every year of the period.  The year's feature
group (streamlit-folium's ``feature_group_to_add``, https://folium.streamlit.app/dynamic_updates,
which the browser removes and evaluates again whenever it changes) therefore does not hold
land itself: it holds a :class:`KeptLand` per kind of land (its ``slot``), which builds the
land's Leaflet layer the first time its key is seen, keeps it in the page
(``window.atlasKeptLand``) and leaves it on the map while the years that follow show the
same land, so moving the slider draws only what changed.  Land is drawn in its own map pane
(:class:`LandPane`), below the lines whatever order the layers come in.

A page that knows the browser already has a key can send :class:`KeptLand` without its data.
If the page was wrong (its map frame was made anew), the layer asks for the data through
``Streamlit.setComponentValue({land_missing: key, at: time})``, which streamlit-folium
passes back to the page (``widgets.year_map`` answers it), and keeps the land it shows
meanwhile.
"""

from __future__ import annotations

from branca.element import MacroElement
from jinja2 import Template

from .jsonlayer import JsonLayer

#: The Leaflet map pane land is drawn in (https://leafletjs.com/examples/map-panes/): above
#: web tiles (200), below the overlay pane of border lines and events (400).
PANE = "atlas-land"
PANE_Z_INDEX = 350


class LandPane(MacroElement):
    """The map pane that every land layer is drawn in.  Add it to the map before any land."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        {{ this._parent.get_name() }}.createPane({{ this.pane|tojson }}).style.zIndex = {{ this.z_index }};
        {% endmacro %}
    """)

    def __init__(self):
        super().__init__()
        self._name = "LandPane"
        self.pane, self.z_index = PANE, PANE_Z_INDEX


class KeptLand(MacroElement):
    """Shows the land ``key`` in ``slot`` when its parent layer (a year's feature group) is
    added to the map, until a group shows other land in that slot.

    Parameters
    ----------
    slot : str
        The kind of land: one key per slot is on the map at a time.
    key : str
        What identifies the land (the same key, the same layers).
    layers : list of JsonLayer, optional
        The land's layers, drawn in order in :data:`PANE`; None when the browser is known to
        have them already.
    """

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function (group) {
            var store = window.atlasKeptLand = window.atlasKeptLand || {layers: {}, shown: {}};
            var slot = {{ this.slot|tojson }}, key = {{ this.key|tojson }};
            {% if this.layers %}
            if (!store.layers[key]) {
                store.layers[key] = L.featureGroup([
                    {% for layer in this.layers %}{{ layer.expression() }},{% endfor %}
                ]);
            }
            {% endif %}
            // Land stays on the map until a group shows other land in its slot: the group that
            // replaces this one (the next year's, or the offline atlas's next period) may show
            // the same land, whichever of the two is added or removed first.
            function show() {
                if (store.shown[slot] === key) { return; }
                if (!store.layers[key]) {
                    if (window.Streamlit) { window.Streamlit.setComponentValue({land_missing: key, at: Date.now()}); }
                    return;
                }
                if (store.shown[slot]) { store.layers[store.shown[slot]].remove(); }
                group._map.addLayer(store.layers[key]);
                store.shown[slot] = key;
            }
            group.on("add", show);
            if (group._map) { show(); }
        })({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, slot: str, key: str, layers: list[JsonLayer] | None):
        super().__init__()
        self._name = "KeptLand"
        self.slot, self.key = slot, key
        self.layers = layers
