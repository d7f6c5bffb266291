"""The atlas's look, shared by the web map and the exports: colours by holder, line styles by
kind, and hatching for land claimed by the other side.

Hatching is geometry (short parallel lines clipped to the claimed land) rather than an SVG
pattern, so Leaflet needs no plugin and static renderers draw the same thing.
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry import LineString, MultiLineString

SEA = "#dbe9f4"
HOLDER_FILL = {"RU": "#e8877c", "JP": "#7fa9da", "joint": "#b79ad8"}
HOLDER_STROKE = {"RU": "#a8362a", "JP": "#2b5d97", "joint": "#6a4a9c"}
LINE_STYLE = {
    "treaty": {"color": "#111111", "weight": 3.5, "dashArray": None},
    "de_facto": {"color": "#7a1010", "weight": 3.5, "dashArray": "10 6"},
    "claim": {"color": "#1d4f9a", "weight": 3.5, "dashArray": "2 7"},
}
#: The one spacing of the hatching, in degrees: fine enough for Shikotan to carry several
#: stripes, wide enough that the holder's colour shows between them on a whole-region map.
HATCH_SPACING_DEG = 0.1
EVENT_MARKER = {"radius": 7, "color": "#8a4b00", "weight": 2, "fillColor": "#ffa630", "fillOpacity": 0.95}


def hatch(geometry, spacing: float = HATCH_SPACING_DEG) -> MultiLineString:
    """Diagonal lines ``spacing`` degrees apart, clipped to ``geometry``.

    Parameters
    ----------
    geometry : shapely (Multi)Polygon
        Land, in degrees (EPSG:4326).
    spacing : float
        Degrees between stripes, measured along the parallels.

    Returns
    -------
    MultiLineString
        The stripes inside ``geometry`` (empty if it is narrower than ``spacing``).
    """
    west, south, east, north = geometry.bounds
    span = (east - west) + (north - south)
    offsets = np.arange(-span, span + spacing, spacing)
    # Lines y = x + c through the bounding box, each long enough to cross all of it.
    stripes = [LineString([(west, south + c), (east, south + c + (east - west))]) for c in offsets]
    clipped = shapely.intersection(MultiLineString(stripes), geometry)
    parts = [g for g in getattr(clipped, "geoms", [clipped]) if g.geom_type == "LineString" and not g.is_empty]
    return MultiLineString(parts)
