"""The atlas's look, shared by the web map and the exports: colours by holder, line styles by
kind, and the hatching of land claimed by the other side.

Hatching is drawn by each renderer's own pattern fill (an SVG ``<pattern>`` in the browser,
matplotlib's ``hatch`` on paper), in screen or paper units, so it shows at every zoom and
size and marks even the smallest claimed islet; an outline in the claimant's colour marks
land too small to carry a stripe.
"""

from __future__ import annotations

SEA = "#dbe9f4"
#: Russia reddish and Japan bluish, as teachers expect, and the shared Sakhalin of 1855–1875
#: purple, their mix.  The three also differ in lightness (CAM02-UCS J′ about 57 Japan, 69
#: Russia, 80 joint, 93 the sea), so they stay apart in greyscale and for readers with a
#: colour-vision deficiency, who lose the red–green difference (protanopia, deuteranopia) or
#: the blue–yellow one (tritanopia): at equal lightness, purple and blue look alike to the
#: first two.  benchmarks/colour_vision.py measures them on the exports.
#: Land a viewpoint leaves undetermined is in no side's colour.  Japan's school atlases print it
#: white ("領土の色をつける場合は白色とする", Tokyo Shoseki's FAQ on the 1969 ministry notice); on
#: this atlas's pale sea white would be hard to tell from the water (ΔJ′ 7, ΔE 10), so it is
#: a light neutral grey, lighter than both sides' land (J′ about 80).
HOLDER_FILL = {"RU": "#e18176", "JP": "#5d87b7", "joint": "#d0b2f2", "undetermined": "#c0c0ba"}
HOLDER_STROKE = {"RU": "#a8362a", "JP": "#2b5d97", "joint": "#6a4a9c", "undetermined": "#5f5f5f"}
LINE_STYLE = {
    "treaty": {"color": "#111111", "weight": 3.5, "dashArray": None},
    "de_facto": {"color": "#7a1010", "weight": 3.5, "dashArray": "10 6"},
    "claim": {"color": "#1d4f9a", "weight": 3.5, "dashArray": "2 7"},
    "state_border": {"color": "#7a1010", "weight": 3.5, "dashArray": None},
    "undetermined_edge": {"color": "#333333", "weight": 3, "dashArray": "12 5 2 5"},
}
#: The one spacing of the hatching's stripes, in CSS pixels (0.75 pt on paper): wide enough
#: that the holder's colour shows between them.
HATCH_SPACING_PX = 6
HATCH_WIDTH_PX = 1.2
#: The claimant-coloured outline of claimed land, in CSS pixels.
CLAIM_OUTLINE_PX = 1.5
#: A CSS pixel is 0.75 pt: lines keep their weight from screen to paper.
PT_PER_PX = 0.75
EVENT_MARKER = {"radius": 7, "color": "#8a4b00", "weight": 2, "fillColor": "#ffa630", "fillOpacity": 0.95}


def hatch_pattern_id(claimant: str) -> str:
    """The id of the SVG pattern that hatches land claimed by ``claimant`` ('RU' or 'JP')."""
    return f"atlas-hatch-{claimant}"

#: Typesetting by language, for every page the atlas makes (the app, the map, the offline
#: atlas), keyed on the ``lang`` of the text.  Korean breaks lines between words (eojeol),
#: not inside them: ``word-break: keep-all`` (CSS Text 3), with ``overflow-wrap`` so that a
#: word wider than its box still wraps rather than being cut off (``!important``: Streamlit
#: sets ``break-word`` on every paragraph of its Markdown).  Hangul has no italic and
#: browsers slant it synthetically, so emphasis in Korean is set in a heavier weight.
TYPESETTING_CSS = """
:lang(ko) { word-break: keep-all !important; overflow-wrap: anywhere; }
:lang(ko) em, :lang(ko) i { font-style: normal; font-weight: 600; }
"""
