"""The atlas's model: read, validate and query the data folder.

It imports nothing else of :mod:`geo`: text, the web map and printing are built on it.
"""

from .atlas import Atlas, build
from .errors import DataError, Problem
from .frame import EQUAL_AREA_CRS, GEOGRAPHIC_CRS, MAP_FRAME, in_frame
from .loading import current, data_dir, load
from .schema import Area, Event, Island, Language, Period, Quote, Signatory, Source, Translation, Treaty

__all__ = [
    "EQUAL_AREA_CRS",
    "GEOGRAPHIC_CRS",
    "MAP_FRAME",
    "Area",
    "Atlas",
    "DataError",
    "Event",
    "Island",
    "Language",
    "Period",
    "Problem",
    "Quote",
    "Signatory",
    "Source",
    "Translation",
    "Treaty",
    "build",
    "current",
    "data_dir",
    "in_frame",
    "load",
]
