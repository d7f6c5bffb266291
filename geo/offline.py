"""The offline atlas: one self-contained HTML page with every period, to hand to students on
a USB stick.

It is the app's map (:func:`geo.webmap.base_map` and one :func:`geo.webmap.year_layer` per
period) with Leaflet's script and stylesheet written into the page instead of linked, so
it needs no server, no CDN and no internet.  Buttons switch the period: the map swaps the
period's layer and the panel beside it shows the period, its treaty and the treaty's
quoted article with its source.  Everything taken from data is HTML-escaped.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

from branca.element import Element, MacroElement
from jinja2 import Template

from . import i18n, webmap
from .land import COASTLINE_BOX
from .i18n import format_date
from .periods import Period, periods
from .treaties import treaty

LEAFLET_DIR = Path(__file__).resolve().parent.parent / "static" / "leaflet"

_CSS = """
<style>
html, body { height: 100%; margin: 0; }
body { display: grid; grid-template-columns: minmax(0, 1fr) minmax(18rem, 30rem); grid-template-rows: 100vh;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans KR", "Malgun Gothic", sans-serif; color: #222; }
.folium-map { grid-column: 1; grid-row: 1; }
.atlas-panel { grid-column: 2; grid-row: 1; overflow-y: auto; padding: 1rem 1.25rem; border-left: 1px solid #ccc; }
.atlas-panel h1 { font-size: 1.3rem; margin: 0 0 .25rem; }
.atlas-panel h2 { font-size: 1.15rem; margin: 1rem 0 .25rem; }
.atlas-panel h3 { font-size: 1rem; margin: 1rem 0 .25rem; }
.atlas-intro, .atlas-note, .atlas-source, .atlas-attribution { color: #555; font-size: .87rem; }
.atlas-periods { display: flex; flex-wrap: wrap; gap: .35rem; margin: .75rem 0; }
.atlas-periods button { font: inherit; font-size: .9rem; padding: .3rem .6rem; border: 1px solid #888;
  border-radius: 4px; background: #fff; cursor: pointer; }
.atlas-periods button[aria-pressed="true"] { background: #222; color: #fff; border-color: #222; }
.atlas-panel blockquote { margin: .5rem 0; padding-left: .75rem; border-left: 3px solid #999; white-space: pre-line; }
@media (max-width: 800px) {
  body { grid-template-columns: 1fr; grid-template-rows: 60vh auto; }
  .folium-map { grid-column: 1; grid-row: 1; }
  .atlas-panel { grid-column: 1; grid-row: 2; border-left: 0; }
}
</style>
"""

class _PeriodSwitch(MacroElement):
    """Fits the map to the coastline's box, and shows the period of a pressed button: its
    layer on the map, its section in the panel.  A child of the map added after the period
    layers, so its script runs after theirs."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function () {
          var map = {{ this._parent.get_name() }}, layers = [{{ this.layers|join(", ") }}];
          map.fitBounds({{ this.bounds|tojson }});
          var buttons = document.querySelectorAll(".atlas-periods button");
          var sections = document.querySelectorAll(".atlas-period");
          function show(chosen) {
            layers.forEach(function (layer, i) {
              if (i === chosen) { map.addLayer(layer); } else { map.removeLayer(layer); }
            });
            buttons.forEach(function (button, i) { button.setAttribute("aria-pressed", String(i === chosen)); });
            sections.forEach(function (section, i) { section.hidden = i !== chosen; });
          }
          buttons.forEach(function (button, i) { button.addEventListener("click", function () { show(i); }); });
        })();
        {% endmacro %}
    """)

    def __init__(self, layers: list[str]):
        super().__init__()
        self.layers = layers
        west, south, east, north = COASTLINE_BOX
        self.bounds = [[south, west], [north, east]]


def _leaflet(name: str) -> str:
    # "</" would end the element the text is inlined in; Leaflet has none, but be sure.
    return (LEAFLET_DIR / name).read_text(encoding="utf-8").replace("</", "<\\/")


def _years(period: Period) -> str:
    return f"{period.start}–{period.end - 1}" if period.end is not None else f"{period.start}–"


def _section(index: int, period: Period, lang: str) -> str:
    """The panel for one period: what it was, its treaty and the quoted article."""
    tr = i18n.tr
    made_by = treaty(period.treaty_id)
    quote = made_by.quotes[0]
    language = i18n.language_name(quote.language, lang)
    note = f'<p class="atlas-note">{escape(quote.note(lang))}</p>' if quote.note else ""
    return f"""
<section class="atlas-period" data-period="{index}"{"" if index == 0 else " hidden"}>
  <h2>{escape(_years(period))} · {escape(period.title(lang))}</h2>
  <p>{escape(period.description(lang))}</p>
  <h3>{escape(made_by.title(lang))}</h3>
  <p>{escape(tr("signed", lang))}: {escape(format_date(made_by.date, lang))} · {escape(made_by.place(lang))}</p>
  <p><b>{escape(tr("quoted", lang, article=quote.article(lang), language=language))}</b></p>
  <blockquote lang="{escape(quote.language)}">{escape(quote.text)}</blockquote>
  {note}
  <p class="atlas-source">{escape(tr("source", lang))}:
    <a href="{escape(quote.source.url)}">{escape(quote.source.title)}</a></p>
</section>"""


def atlas(lang: str) -> str:
    """The whole offline atlas in ``lang``, as one HTML document."""
    lang = i18n.language(lang)
    all_periods = periods()
    m = webmap.base_map(lang)
    # Leaflet inline, and before the atlas's own style so the atlas's sea colour wins.
    m.default_js, m.default_css = [], []
    header = m.get_root().header
    header.add_child(Element(f"<style>{_leaflet('leaflet.css')}</style>"), name="leaflet_css", index=0)
    header.add_child(Element(f"<script>{_leaflet('leaflet.js')}</script>"), name="leaflet_js", index=0)
    header.add_child(Element(_CSS), name="offline_css")
    header.add_child(Element(f"<title>{escape(i18n.tr('app_title', lang))}</title>"), name="title")
    layers = []
    for index, period in enumerate(all_periods):
        layer = webmap.year_layer(period.start, lang)
        layer.show = index == 0
        layer.add_to(m)
        layers.append(layer.get_name())
    buttons = "".join(
        f'<button type="button" aria-pressed="{json.dumps(i == 0)}">{escape(_years(p))}</button>'
        for i, p in enumerate(all_periods))
    panel = f"""
<aside class="atlas-panel" lang="{lang}">
  <h1>{escape(i18n.tr("app_title", lang))}</h1>
  <p class="atlas-intro">{escape(i18n.tr("offline_atlas_intro", lang))}</p>
  <nav class="atlas-periods" aria-label="{escape(i18n.tr("periods", lang))}">{buttons}</nav>
  {"".join(_section(i, p, lang) for i, p in enumerate(all_periods))}
  <p class="atlas-attribution">{escape(i18n.tr("map_attribution", lang))}</p>
</aside>"""
    root = m.get_root()
    root.html.add_child(Element(panel), name="atlas_panel")
    _PeriodSwitch(layers).add_to(m)
    return root.render()
