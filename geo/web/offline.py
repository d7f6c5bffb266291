"""The offline atlas: one self-contained HTML page with every period, to hand to students on
a USB stick.

It is the app's map (:func:`geo.web.layers.base_map` and one
:func:`geo.web.layers.year_layer` per period) with Leaflet's script and stylesheet written
into the page instead of linked, so it needs no server, no CDN and no internet.  Buttons
switch the period: the map swaps the period's layer and the panel beside it shows the
period, its treaty and the treaty's quoted article with its source.  Everything taken from
data is HTML-escaped.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

from branca.element import Element, MacroElement
from folium.elements import JSCSSMixin
from jinja2 import Template

from geo.model import Atlas, Period
from geo.text import Localizer
from geo.text.map_in_words import map_in_words
from geo.text.quotation import passages
from geo.text.year_panel import period_years

from . import layers

LEAFLET_DIR = Path(__file__).resolve().parents[2] / "static" / "leaflet"

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
    """Shows the period of a pressed button: its layer on the map, its section in the panel.
    A child of the map added after the period layers, so its script runs after theirs."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function () {
          var map = {{ this._parent.get_name() }}, layers = [{{ this.layers|join(", ") }}];
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


def _leaflet(url: str) -> str:
    """The file of ``static/leaflet/`` that the app serves at ``url``, to inline."""
    path = LEAFLET_DIR / url.removeprefix(layers.DEFAULT_LEAFLET_URL + "/")
    # "</" would end the element the text is inlined in; Leaflet has none, but be sure.
    return path.read_text(encoding="utf-8").replace("</", "<\\/")


def _treaty_section(atlas: Atlas, period: Period, say: Localizer) -> str:
    """The treaty that drew the period's line and its first quoted article, or what the line
    rests on where no treaty drew it."""
    if period.treaty is None:
        return f"<h3>{escape(say.message('no_treaty'))}</h3>\n  <p>{escape(say.text(period.basis))}</p>"
    made_by = atlas.treaty(period.treaty)
    parts = [f"<h3>{escape(say.text(made_by.title))}</h3>",
             f"<p>{escape(say.message('signed'))}: {escape(say.signed_on(made_by.date, made_by.date_old_style))} · "
             f"{escape(say.text(made_by.place))}</p>"]
    for quote in made_by.quotes[:1]:
        for passage in passages(quote, say):
            parts += [f"<p><b>{escape(passage.heading)}</b></p>",
                      f'<blockquote lang="{escape(passage.language)}">{escape(passage.text)}</blockquote>']
            if passage.source:
                parts.append(f'<p class="atlas-source">{escape(say.message("source"))}: '
                             f'<a href="{escape(passage.source.url)}">{escape(passage.source.title)}</a></p>')
        if quote.note:
            parts.append(f'<p class="atlas-note">{escape(say.text(quote.note))}</p>')
    return "\n  ".join(parts)


def _in_words(atlas: Atlas, period: Period, say: Localizer) -> str:
    """The period's map told in words (:mod:`geo.text.map_in_words`), for whoever cannot see it."""
    words = map_in_words(atlas, period.start, say)

    def items(sentences) -> str:
        return "".join(f"<li>{escape(sentence)}</li>" for sentence in sentences)

    return (f"<h3>{escape(words.title)}</h3>\n  <ul>{items((*words.holdings, *words.lines))}</ul>\n"
            f"  <p><b>{escape(words.changed)}</b></p>\n  <ul>{items(words.changes)}</ul>")


def _section(atlas: Atlas, index: int, period: Period, say: Localizer) -> str:
    """The panel for one period: what it was, its map in words, and what its border rests on."""
    return f"""
<section class="atlas-period" data-period="{index}"{"" if index == 0 else " hidden"}>
  <h2>{escape(period_years(period, say))} · {escape(say.text(period.title))}</h2>
  <p>{escape(say.text(period.description))}</p>
  {_in_words(atlas, period, say)}
  {_treaty_section(atlas, period, say)}
</section>"""


def offline_atlas(atlas: Atlas, lang: str) -> str:
    """The whole offline atlas, as one HTML document.

    Parameters
    ----------
    atlas : Atlas
    lang : str
        Language code of the page.

    Returns
    -------
    str
        A self-contained HTML page (Leaflet inlined) with every period, switched by buttons.
    """
    say = Localizer(atlas, lang)
    lang = say.lang
    all_periods = atlas.periods
    m = layers.base_map(atlas, lang)
    # Leaflet and its plugins inline, in the order the app's page loads them, and before the
    # atlas's own style so the atlas's sea colour wins.
    header = m.get_root().header
    for element in (m, *(child for child in m._children.values() if isinstance(child, JSCSSMixin))):
        for name, url in element.default_css:
            header.add_child(Element(f"<style>{_leaflet(url)}</style>"), name=name, index=0)
        for name, url in element.default_js:
            header.add_child(Element(f"<script>{_leaflet(url)}</script>"), name=name)
        element.default_js, element.default_css = [], []
    header.add_child(Element(_CSS), name="offline_css")
    header.add_child(Element(f"<title>{escape(say.message('app_title'))}</title>"), name="title")
    period_layers, land_on_page = [], set()
    for index, period in enumerate(all_periods):
        # Land that more than one period shows is written once, by the first of them.
        layer = layers.year_layer(atlas, period.start, lang, land_in_browser=land_on_page)
        land_on_page |= layers.land_keys(atlas, period.start, lang)
        layer.show = index == 0
        layer.add_to(m)
        period_layers.append(layer.get_name())
    buttons = "".join(
        f'<button type="button" aria-pressed="{json.dumps(i == 0)}">{escape(period_years(p, say))}</button>'
        for i, p in enumerate(all_periods))
    panel = f"""
<aside class="atlas-panel" lang="{lang}">
  <h1>{escape(say.message("app_title"))}</h1>
  <p class="atlas-intro">{escape(say.message("offline_atlas_intro"))}</p>
  <nav class="atlas-periods" aria-label="{escape(say.message("periods"))}">{buttons}</nav>
  {"".join(_section(atlas, i, p, say) for i, p in enumerate(all_periods))}
  <p class="atlas-attribution">{escape(say.message("map_attribution"))}</p>
</aside>"""
    root = m.get_root()
    root.html.add_child(Element(panel), name="atlas_panel")
    _PeriodSwitch(period_layers).add_to(m)
    # branca's page template writes a bare <html>; the page's language belongs on it.
    return root.render().replace("<html>", f'<html lang="{escape(lang)}">', 1)
