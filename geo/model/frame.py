"""The map frame and the coordinate systems every part of the atlas shares.

One definition each: the box the atlas covers (the coastline is clipped to it, the web map
and the printed map show it, every coordinate in ``data/`` must fall inside it) and the
equal-area projection used wherever land is measured, simplified or drawn on paper.
"""

from __future__ import annotations

GEOGRAPHIC_CRS = "EPSG:4326"
#: West, south, east, north in degrees (EPSG:4326): the Kurils, Sakhalin, Hokkaido, southern
#: Kamchatka and the facing coast of the Asian mainland.
MAP_FRAME = (139.0, 41.0, 163.0, 56.0)
#: Lambert azimuthal equal-area centred on the frame: areas are true everywhere and, inside
#: the frame, distances are true to 0.5 %, so metres can be measured in it directly.
EQUAL_AREA_CRS = "+proj=laea +lat_0=48.5 +lon_0=151 +datum=WGS84 +units=m"


def in_frame(lon: float, lat: float) -> bool:
    """Whether the point (``lon``, ``lat``), in degrees EPSG:4326, lies inside :data:`MAP_FRAME`."""
    west, south, east, north = MAP_FRAME
    return west <= lon <= east and south <= lat <= north
