"""Draw the atlas's sea borders as median lines of their straits, into data/borders.geojson.

The treaties name straits, not coordinates (Shimoda: "between Iturup and Urup"; Saint
Petersburg: La Pérouse Strait and "the Strait between Cape Lopatka ... and the island of
Shumushu"), and no published line of the two sides exists for today's line of control.  So
each sea line is drawn as the median line (the line of points equally far from both sides'
coasts, the usual construction of a sea boundary between facing coasts) of the coastline the
atlas itself draws, clipped to the strait.  Each line then keeps as far from land as the
strait allows, and passes the strait's published position.

    python scripts/build_sea_lines.py           # rewrite the lines' geometry, print how central each is

The median line is the boundary between the Voronoi cells of points sampled along each
side's coast (shapely.voronoi_polygons).  The rock of Kaigara (Signalny), 3.7 km off Cape
Nosappu and too small for the coastline, is added to the Russian side as its label point:
the line of control runs between it and Nosappu.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import shapely
from pyproj import Transformer
from shapely.geometry import Point, box

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import geo  # noqa: E402
from geo.model import EQUAL_AREA_CRS, GEOGRAPHIC_CRS  # noqa: E402

BORDERS = ROOT / "data" / "borders.geojson"
SAMPLE_M = 250          # spacing of the coast points
SIMPLIFY_M = 150        # the drawn line, simplified
TO_METRES = Transformer.from_crs(GEOGRAPHIC_CRS, EQUAL_AREA_CRS, always_xy=True)
TO_DEGREES = Transformer.from_crs(EQUAL_AREA_CRS, GEOGRAPHIC_CRS, always_xy=True)


@dataclass(frozen=True)
class Strait:
    """A sea line: the islands on each side, and the box (W, S, E, N degrees) it is drawn in."""

    lines: tuple[str, ...]
    side_a: tuple[str, ...]
    side_b: tuple[str, ...]
    frame: tuple[float, float, float, float]
    rocks_b: tuple[str, ...] = ()


STRAITS = [
    Strait(("shimoda_friza_strait", "japan_claim_friza_strait"), ("iturup",), ("urup",), (148.75, 45.15, 149.6, 45.9)),
    Strait(("saint_petersburg_first_kuril_strait",), ("kamchatka",), ("shumshu",), (156.35, 50.68, 156.9, 51.0)),
    Strait(("saint_petersburg_la_perouse_strait", "line_of_control_la_perouse"), ("hokkaido", "rebun", "rishiri"),
           ("sakhalin", "moneron"), (141.35, 45.35, 142.75, 46.0)),
    Strait(("line_of_control_nemuro_goyomai",), ("hokkaido",),
           ("kunashir", "shikotan", "tanfilyev", "anuchina", "yury", "zelyony", "polonsky", "demina", "storozhevoy",
            "rifovy", "oskolki", "shishki"), (145.1, 43.2, 146.0, 44.45), rocks_b=("signalny",)),
]


def metric(geometry):
    return shapely.transform(geometry, lambda xy: np.column_stack(TO_METRES.transform(xy[:, 0], xy[:, 1])))


def degrees(geometry):
    return shapely.transform(geometry, lambda xy: np.column_stack(TO_DEGREES.transform(xy[:, 0], xy[:, 1])))


def coast(atlas, island_ids, near) -> shapely.Geometry:
    """The land of ``island_ids`` within reach of the strait, in metres."""
    land = atlas.land[atlas.land["island_id"].isin(island_ids)].geometry
    return shapely.intersection(metric(shapely.union_all(land.values)), near)


def samples(shape) -> list:
    rings = shapely.get_parts(shapely.boundary(shape))
    points = []
    for ring in rings:
        steps = np.arange(0, ring.length, SAMPLE_M)
        points += list(shapely.line_interpolate_point(ring, steps))
    return points


def median_line(atlas, strait: Strait) -> shapely.LineString:
    frame = metric(box(*strait.frame).segmentize(0.01))
    near = frame.buffer(60_000)
    side_a, side_b = coast(atlas, strait.side_a, near), coast(atlas, strait.side_b, near)
    points_a = samples(side_a)
    points_b = samples(side_b) + [metric(Point(atlas.islands[r].lon, atlas.islands[r].lat)) for r in strait.rocks_b]
    every = shapely.MultiPoint(points_a + points_b)
    cells = shapely.get_parts(shapely.voronoi_polygons(every, extend_to=near, ordered=True))
    cell_a = shapely.union_all(cells[: len(points_a)])
    cell_b = shapely.union_all(cells[len(points_a):])
    between = shapely.line_merge(shapely.intersection(shapely.boundary(cell_a), shapely.boundary(cell_b)))
    between = shapely.intersection(between, frame)
    parts = sorted(shapely.get_parts(shapely.line_merge(between)), key=lambda p: p.length, reverse=True)
    return parts[0].simplify(SIMPLIFY_M)


def centrality(atlas, line, strait: Strait) -> tuple[float, float]:
    """Along the line (every km), the least distance to the nearer coast (km), and the least
    share of the strait's width (nearer coast over both) that distance is."""
    near = metric(box(*strait.frame)).buffer(60_000)
    side_a, side_b = coast(atlas, strait.side_a, near), coast(atlas, strait.side_b, near)
    rocks = [metric(Point(atlas.islands[r].lon, atlas.islands[r].lat)) for r in strait.rocks_b]
    side_b = shapely.union_all([side_b, *rocks])
    least_km, least_share = float("inf"), 1.0
    for step in np.arange(0, line.length, 1000):
        point = line.interpolate(step)
        a, b = point.distance(side_a), point.distance(side_b)
        least_km, least_share = min(least_km, min(a, b) / 1000), min(least_share, min(a, b) / (a + b))
    return least_km, least_share


def main() -> None:
    atlas = geo.load()
    collection = json.loads(BORDERS.read_text(encoding="utf-8"))
    features = {f["properties"]["id"]: f for f in collection["features"]}
    for strait in STRAITS:
        line = median_line(atlas, strait)
        coords = [[round(x, 4), round(y, 4)] for x, y in degrees(line).coords]
        for line_id in strait.lines:
            features[line_id]["geometry"] = {"type": "LineString", "coordinates": coords}
        km, share = centrality(atlas, line, strait)
        print(f"{', '.join(strait.lines)}: {len(coords)} points, {line.length / 1000:.0f} km long; "
              f"nearest coast at least {km:.2f} km, at least {share:.0%} of the strait's width")
    lines = ",\n".join(json.dumps(f, ensure_ascii=False) for f in collection["features"])
    BORDERS.write_text('{"type": "FeatureCollection", "features": [\n' + lines + "]}\n", encoding="utf-8")


if __name__ == "__main__":
    main()
