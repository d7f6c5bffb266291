"""The map without a mouse: its name, and its shapes reached, read and opened from the keyboard.

Leaflet makes its map container and its markers keyboard-operable and asks that each be
named (https://leafletjs.com/examples/accessibility/), but its vector shapes (the atlas's
islands, border lines and event circles) are not focusable: that is still an open proposal
(https://github.com/Leaflet/Leaflet/issues/7822, https://github.com/Leaflet/Leaflet/pull/8251),
and Chromium tabs to them only as a side effect of the focus listeners of their tooltips.
:class:`KeyboardAccess` does for shapes what Leaflet does for markers, and what that
proposal does for SVG paths:

- every shape with a label (its tooltip) gets ``tabindex="0"``, the label as its accessible
  name, and a role: ``button`` when it opens a popup (events), ``img`` otherwise;
- Enter or Space opens its popup (and moves the focus into it, as Leaflet.a11y does,
  https://github.com/nfreear/Leaflet.a11y) or shows its tooltip; Escape closes the popup
  (the focus goes back to the shape) or hides the tooltip;
- a shape that takes the focus outside the view is panned into it (Leaflet's
  ``autoPanOnFocus`` for markers);
- the controls (zoom, legend) come first in the tab order, before the shapes under them;
- a focus ring that shows on land and on sea.

Shapes get this when they are added to the map (Leaflet's ``layeradd``), whichever layer
brings them: land kept in the browser across years (:mod:`geo.web.kept_land`) is made
focusable when it is drawn, not again on every step of the slider.  Shapes are reached in the
order they are drawn (border lines, then the events in date order, then the islands from
Shumshu south, Sakhalin and Moneron), except that the land around them (``CONTEXT_CLASS``:
Kamchatka, Hokkaido, the mainland), drawn once for every year, comes last.

:class:`MapName` names the map after its year, for screen readers: the title of the frame
the app shows the map in (what a screen reader announces on entering it; the frame is the
page's own origin, so the map's script may set it) and the label of the map's region.
"""

from __future__ import annotations

from branca.element import Element, MacroElement
from jinja2 import Template

from geo.text import Localizer

#: The class of the shapes of the land around the islands, which the keyboard reaches last.
CONTEXT_CLASS = "atlas-context"
#: Focus on a shape: its outline turns dark with a light halo (CSS wins over the outline Leaflet
#: sets as an attribute), and a frame around it shows where an islet too small to see, or a
#: line already dark, is.  The map is light in either colour scheme of the page; its own frame
#: is drawn inside it, where the page's frame around the map does not cut it off.
FOCUS_CSS = """<style>
.leaflet-container path.leaflet-interactive:focus-visible {
  stroke: #000; stroke-opacity: 1; stroke-width: 3px; filter: drop-shadow(0 0 1px #fff) drop-shadow(0 0 2px #fff);
  outline: 2px solid #000; outline-offset: 3px; }
.leaflet-container:focus-visible { outline: 3px solid #000; outline-offset: -3px; }
.leaflet-popup-content:focus-visible { outline: 2px solid #000; outline-offset: 2px; }
</style>"""


class KeyboardAccess(MacroElement):
    """Makes the map's labelled shapes focusable, named and operable from the keyboard.
    Add it to the base map.

    Parameters
    ----------
    say : Localizer
        The language of the popups' close button (``close_popup`` in ``ui.yaml``; Leaflet
        names it in English).
    """

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function (map) {
            var container = map.getContainer(), shapes = new WeakMap(), reader = document.createElement("template");
            var returnTo = null, popupOpen = false;
            container.setAttribute("role", "region");
            container.insertBefore(container.querySelector(".leaflet-control-container"), container.firstChild);

            // A label is escaped HTML (geo.web.layers); a template's content is inert.
            function text(label) {
                reader.innerHTML = label.replace(/<br\\s*\\/?>/gi, "\\n");
                return reader.content.textContent.split("\\n").join(", ");
            }
            map.on("layeradd", function (event) {
                var layer = event.layer, label = layer.feature && layer.feature.properties.label;
                if (!label || !(layer instanceof L.Path) || !layer.options.interactive) { return; }
                var element = layer.getElement();
                element.setAttribute("tabindex", "0");
                element.setAttribute("role", layer.getPopup() ? "button" : "img");
                element.setAttribute("aria-label", text(label));
                shapes.set(element, layer);
                // The land around the islands was drawn first and stays for every year; the
                // islands of a period, drawn after it, go before it.  Land does not overlap, so
                // the order it is painted in does not show.
                var around = element.parentNode.querySelector("." + {{ this.context_class|tojson }});
                if (around && !element.classList.contains({{ this.context_class|tojson }})) {
                    element.parentNode.insertBefore(element, around);
                }
            });
            container.addEventListener("focusin", function (event) {
                var layer = shapes.get(event.target);
                if (!layer) { return; }
                var bounds = layer.getLatLng ? L.latLngBounds([layer.getLatLng()]) : layer.getBounds();
                if (!map.getBounds().intersects(bounds)) { map.panTo(bounds.getCenter()); }
            });
            container.addEventListener("keydown", function (event) {
                var layer = shapes.get(event.target);
                if (event.key === "Escape") {
                    if (popupOpen) {
                        map.closePopup();
                    } else if (layer && layer.getTooltip() && layer.isTooltipOpen()) {
                        layer.closeTooltip();
                    }
                    return;
                }
                if (!layer || (event.key !== "Enter" && event.key !== " ")) { return; }
                // Both keys are handled here: no keypress follows (on which Leaflet would open
                // the popup a second time), and Space does not scroll.
                event.preventDefault();
                if (layer.getPopup()) {
                    layer.openPopup();  // at once (or already open): its element is there
                    enter(layer);
                } else if (layer.getTooltip()) {
                    layer.openTooltip();
                }
            });
            // Into a popup opened from the keyboard, read as a dialog named after its shape.
            function enter(layer) {
                var box = layer.getPopup().getElement(), content = box.querySelector(".leaflet-popup-content");
                returnTo = layer.getElement();
                box.setAttribute("role", "dialog");
                box.setAttribute("aria-label", returnTo.getAttribute("aria-label"));
                content.tabIndex = -1;
                content.focus({preventScroll: true});
            }
            map.on("popupopen", function (event) {
                var close = event.popup.getElement().querySelector(".leaflet-popup-close-button");
                popupOpen = true;
                if (close) { close.setAttribute("aria-label", {{ this.close_label|tojson }}); }
            });
            map.on("popupclose", function () {
                var shape = returnTo;
                popupOpen = false;
                returnTo = null;
                if (shape) { shape.focus({preventScroll: true}); }
            });
        })({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, say: Localizer):
        super().__init__()
        self._name = "KeyboardAccess"
        # Written into the script through Jinja's tojson, which escapes "<", ">", "&" and "'".
        self.close_label = say.message("close_popup")
        self.context_class = CONTEXT_CLASS

    def render(self, **kwargs) -> None:
        """Add the focus ring's style to the page's head, and the script."""
        self.get_root().header.add_child(Element(FOCUS_CSS), name="atlas_keyboard_focus")
        super().render(**kwargs)


class MapName(MacroElement):
    """Names the map after its year whenever its layer (a year's feature group) is on the map:
    the title of the map's frame, when it is shown in one, and the label of the map's region.

    Parameters
    ----------
    name : str
        The map's name (``map_name`` in ``ui.yaml``), as plain text.
    """

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function (layer) {
            function name() {
                layer._map.getContainer().setAttribute("aria-label", {{ this.name|tojson }});
                if (window.frameElement) { window.frameElement.title = {{ this.name|tojson }}; }
            }
            layer.on("add", name);
            if (layer._map) { name(); }
        })({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, name: str):
        super().__init__()
        self._name = "MapName"
        self.name = name
