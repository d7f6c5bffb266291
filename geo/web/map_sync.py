"""Maps that pan and zoom together, each in its own frame (the comparison page's two years).

The work is done by Leaflet.Sync 0.2.4 (https://github.com/jieter/Leaflet.Sync, BSD-3-Clause,
served from ``static/leaflet/sync/`` with its licence).  ``a.sync(b)`` makes ``b`` replay
``a``'s ``setView``, ``panBy`` and drags; a replayed move is not passed on, so two maps synced
both ways do not echo each other.  It is written for maps of one page, but it works across
frames of one origin: it reaches the other map only through that map's own methods
(``setView``, ``panBy``, ``_stop``, ``fire``) and its drag pane's element, and hands over
points and coordinates, which Leaflet's ``toLatLng``/``toPoint`` take from any window.  So
each map's frame loads it into its own ``L``, and :class:`MapSync` pairs the maps:

- Each frame (streamlit-folium's, one per map) files its map under ``window.atlasMapSync``
  with its group.  A map, once made, looks through its parent page's frames
  (``window.parent.frames``) for the maps of its group and syncs with each, both ways.  The
  newcomer takes the view the page already shows, so a map made anew on a rerun joins in
  where the reader left the others.
- A map made anew leaves its old self in the others' lists (Leaflet.Sync's ``_syncMaps``):
  a frame's document, as it goes (reloaded or removed), unsyncs its map from the others
  (``pagehide``), and a map, as it joins, first unsyncs from the others every map that is no
  longer its frame's map.  This must come first: Leaflet.Sync files a map's offset function
  under ``L.Util.stamp(map)``, a number each window counts from 1, so the two maps of the
  page, and a map and its successor, have the same one; syncing the new map before unsyncing
  the old one would delete the new one's entry.

A map with no other map of its group in a same-origin parent page is left as it is.
"""

from __future__ import annotations

from branca.element import MacroElement
from folium.elements import JSCSSMixin
from jinja2 import Template

#: Leaflet.Sync under the app's Leaflet folder (``static/leaflet/``).
LEAFLET_SYNC = "sync/L.Map.Sync.js"


class MapSync(JSCSSMixin, MacroElement):
    """Pans and zooms the map with every other map of ``group`` in the frames of its page.

    Parameters
    ----------
    group : str
        The maps that move together: those whose frames have the same parent page and the
        same group.
    static_url : str
        Where the app serves Leaflet and its plugins (``static/leaflet/``).
    """

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function (map) {
            var group = {{ this.group|tojson }};
            window.atlasMapSync = {group: group, map: map};

            // The maps of the group in the other frames of the page, as they are now.
            function others() {
                var found = [], frames;
                try { frames = window.parent.frames; } catch (error) { return found; }
                for (var i = 0; i < frames.length; i++) {
                    try {
                        var entry = frames[i] !== window && frames[i].atlasMapSync;
                        if (entry && entry.group === group && entry.map.sync) { found.push(entry.map); }
                    } catch (error) { /* a frame of another origin */ }
                }
                return found;
            }

            // Unsync from ``from`` every map it moves that is not ``live`` (no longer its frame's map).
            function prune(from, live) {
                (from._syncMaps || []).slice().forEach(function (synced) {
                    if (live.indexOf(synced) === -1) { from.unsync(synced); }
                });
            }

            var live = others();
            live.forEach(function (other) {
                prune(other, live.concat([map]));
                other.sync(map);                           // this map takes the page's view
                map.sync(other, {noInitialSync: true});
            });
            window.addEventListener("pagehide", function () {
                (map._syncMaps || []).slice().forEach(function (other) { other.unsync(map); });
            });
        })({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, group: str, static_url: str):
        super().__init__()
        self._name = "MapSync"
        self.group = group
        self.default_js = [("leaflet_sync", f"{static_url}/{LEAFLET_SYNC}")]
