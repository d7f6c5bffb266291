"""Colour differences between the map's classes in the PNG exports, for normal colour vision,
the three dichromacies and greyscale.

For each sample map (a year as a viewpoint draws it) it renders the slide picture (:func:`geo.export.png`) and finds the
pixels of each map class by rendering the same page again with the class repainted in a key
colour (:func:`class_pixels`); no pixel position is written down anywhere.  A class's colour
is the mean of its pixels in the export, taken in linear light as the eye mixes them: for
hatched land that is the stripes and the holder's colour between them, as seen from reading
distance (the stripes' spacing and width are both in points, so the mix is the same on a
slide and on the A4 handout).  Each colour is then seen through protanopia, deuteranopia and
tritanopia (the model of Machado, Oliveira & Fernandes 2009 at full severity, as colorspacious
implements it) and placed in CAM02-UCS (Luo, Cui & Li 2006), where the difference ΔE of two
colours is their straight-line distance.  Greyscale (a black-and-white photocopy of the
handout) keeps only the lightness J'.

Printed: for each vision, the smallest ΔE between two classes a reader must tell apart, the
pair, and the atlas's target (tests/test_colour_vision.py holds the same targets).  A reader
must tell apart every two classes shown on one map, except hatched land from unhatched land of the same holder
(the hatching tells those apart: their base colour is the same by design); in greyscale only
the sea and the holders need to differ in lightness, as the line kinds differ by their dashes
and claimed land by its hatching.

Run: python benchmarks/colour_vision.py [--matrix] [--lang ko] [--size slide]  (about 30 s)
"""

from __future__ import annotations

import argparse
import io
import itertools
import os
import platform
import sys
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import colorspacious
import numpy as np
from matplotlib.figure import Figure
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
import geo  # noqa: E402
from geo import export  # noqa: E402
from geo.printing import layout  # noqa: E402
from geo.printing.static_map import class_gid  # noqa: E402
from geo.text import Localizer  # noqa: E402

#: Years whose maps between them show every holder, both hatchings and every line kind: joint
#: Sakhalin under the Shimoda line (1860); the exchange of 1875 (1900); northern Sakhalin held
#: by Japan and claimed by Russia, with the land border on 50°N (1920); the line of control,
#: Japan's claim line and the four southern groups claimed by Japan (1950, 2000).
YEARS = (1860, 1900, 1920, 1950, 2000)
#: The maps measured, as (viewpoint, year): the neutral map of each of YEARS, and the classes
#: only the viewpoints draw: Japan's maps' occupied land (1950), land left undetermined and the
#: lines around it (1960), Russia's maps' state border (1960).
PICTURES = (*(("neutral", year) for year in YEARS), ("JP", 1950), ("JP", 1960), ("RU", 1960))
#: Vision -> colorspacious's CVD type (full severity): the dichromacies, the most severe form
#: of each deficiency (their milder, anomalous forms see more).
VISIONS = {"normal": None, "protanopia": "protanomaly", "deuteranopia": "deuteranomaly",
           "tritanopia": "tritanomaly", "greyscale": None}
#: The atlas's targets, in CAM02-UCS units: ΔE for colours, ΔJ' for greyscale.  The same
#: values, with their reasons, are the assertions of tests/test_colour_vision.py.
TARGET_DELTA_E = 15.0
TARGET_DELTA_J = 10.0
#: Key colours for finding a class's pixels: the corners of the RGB cube other than black and
#: white (which the page uses).  A pixel shows a key exactly only where the keyed class alone
#: covers it, since no blend of other colours with a corner of the cube is that corner.
KEYS = ((255, 0, 0), (0, 255, 0), (0, 0, 255), (255, 255, 0), (255, 0, 255), (0, 255, 255))
_CLASS_KINDS = ("sea", "land", "claim", "line")


@dataclass(frozen=True)
class Sample:
    """What the export shows of one map class.

    Attributes
    ----------
    colour : numpy.ndarray
        Mean colour of its pixels, sRGB in 0..1, averaged in linear light.
    pixels : int
        How many pixels it was measured on (over every year it shows in).
    spread : int
        Largest difference of one pixel's channel from the mean, in 8-bit steps: 0 for a
        flat colour, the stripes' contrast for hatched land.
    pictures : frozenset of (str, int)
        The maps, as (viewpoint, year), it shows on.
    """

    colour: np.ndarray
    pixels: int
    spread: int
    pictures: frozenset[tuple[str, int]]

    @property
    def hex(self) -> str:
        """The colour as #rrggbb."""
        return "#" + "".join(f"{round(c * 255):02x}" for c in self.colour)


def _is_class(gid) -> bool:
    return isinstance(gid, str) and gid.split("-")[0] in _CLASS_KINDS


def _key(artist, colour: tuple[int, int, int]) -> None:
    """Paint the class that ``artist`` draws in ``colour``: the fill of sea and land, the
    area of hatched land (its stripes taken off; its outline, an edge, left as it is), the
    ink of a line."""
    rgb = tuple(c / 255 for c in colour)
    kind = artist.get_gid().split("-")[0]
    if kind == "line":
        artist.set_edgecolor(rgb)
        return
    if kind == "claim":
        artist.set_hatch(None)
        artist.set_fill(True)
    artist.set_facecolor(rgb)


def class_pixels(build) -> dict[str, np.ndarray]:
    """Where each map class shows, alone and fully, on a page.

    Parameters
    ----------
    build : callable
        Returns a new Figure of the page, drawn by :mod:`geo.printing` (its map classes carry
        their gids, :func:`geo.printing.static_map.class_gid`).  It is called once for each
        six classes, since each render keys six of them.

    Returns
    -------
    dict of str to numpy.ndarray
        gid -> boolean mask (height × width pixels, top row first) of the pixels where that
        class alone shows: not under a name, another class or the anti-aliased edge of
        either.  For hatched land the mask is its area with the stripes counted in.
    """
    figure: Figure = build()
    gids = sorted({a.get_gid() for a in figure.findobj(lambda a: _is_class(a.get_gid()))})
    masks = {}
    for start in range(0, len(gids), len(KEYS)):
        if start:
            figure = build()
        batch = dict(zip(gids[start:start + len(KEYS)], KEYS))
        for artist in figure.findobj(lambda a: _is_class(a.get_gid())):
            if artist.get_gid() in batch:
                _key(artist, batch[artist.get_gid()])
        figure.canvas.draw()
        rendered = np.asarray(figure.canvas.buffer_rgba())[..., :3]
        masks.update({gid: np.all(rendered == key, axis=-1) for gid, key in batch.items()})
    return masks


def _linear(srgb: np.ndarray) -> np.ndarray:
    return colorspacious.cspace_convert(srgb, "sRGB1", "sRGB1-linear")


def sample(atlas: geo.Atlas, pictures=PICTURES, lang: str = "ko",
           size_px: tuple[int, int] = export.SIZES["slide"]) -> dict[str, Sample]:
    """The colour of each map class in the PNG exports of ``pictures``.

    Parameters
    ----------
    atlas : geo.Atlas
    pictures : iterable of (str, int)
        The maps measured, as (viewpoint, year); a class showing on several is measured on all.
    lang : str
        Language of the pictures ('ko' or 'en'); it moves names, not colours.
    size_px : (int, int)
        Width and height of the pictures, in pixels.

    Returns
    -------
    dict of str to Sample
        gid -> what the exports show of that class (see :class:`Sample`).

    Raises
    ------
    ValueError
        If the export and the page rendered again differ in size (they are one page).
    """
    found: dict[str, list[np.ndarray]] = {}
    shown_on: dict[str, set[tuple[str, int]]] = {}
    for view, year in pictures:
        say = Localizer(atlas.viewed(view), lang)
        picture = np.asarray(Image.open(io.BytesIO(export.png(say.atlas, year, lang, size_px))).convert("RGB"))
        masks = class_pixels(lambda year=year, say=say: layout.picture(year, say, *size_px))
        for gid, mask in masks.items():
            if mask.shape != picture.shape[:2]:
                raise ValueError(f"{year}: the export is {picture.shape[:2]} pixels, the page {mask.shape}")
            if mask.any():
                found.setdefault(gid, []).append(picture[mask])
                shown_on.setdefault(gid, set()).add((view, year))
    samples = {}
    for gid, parts in sorted(found.items()):
        pixels = np.concatenate(parts)
        mean = colorspacious.cspace_convert(_linear(pixels / 255).mean(axis=0), "sRGB1-linear", "sRGB1")
        mean = np.clip(mean, 0, 1)
        spread = int(np.abs(pixels.astype(int) - np.round(mean * 255)).max())
        samples[gid] = Sample(mean, len(pixels), spread, frozenset(shown_on[gid]))
    return samples


def appearance(colour: np.ndarray, vision: str) -> np.ndarray:
    """Where ``colour`` lies in CAM02-UCS (J', a', b') for a reader with ``vision``.

    Parameters
    ----------
    colour : numpy.ndarray
        sRGB, 0..1, shape (..., 3).
    vision : str
        A key of :data:`VISIONS`.  A deficiency is simulated at full severity and clipped to
        what a screen can show; greyscale keeps J' and sets a' and b' to 0.

    Returns
    -------
    numpy.ndarray
        J'a'b', shape (..., 3).
    """
    cvd = VISIONS[vision]
    if cvd:
        space = {"name": "sRGB1+CVD", "cvd_type": cvd, "severity": 100}
        colour = np.clip(colorspacious.cspace_convert(colour, space, "sRGB1"), 0, 1)
    jab = colorspacious.cspace_convert(colour, "sRGB1", "CAM02-UCS")
    if vision == "greyscale":
        jab = jab * np.array([1.0, 0.0, 0.0])
    return jab


def pairs_to_tell_apart(atlas: geo.Atlas, shown_on: dict[str, frozenset], vision: str) -> list[tuple[str, str]]:
    """The pairs of classes whose colours a reader with ``vision`` must tell apart.

    Parameters
    ----------
    atlas : geo.Atlas
    shown_on : dict of str to frozenset of (str, int)
        The classes measured, each with the maps, as (viewpoint, year), it shows on.
    vision : str
        A key of :data:`VISIONS`.

    Returns
    -------
    list of (str, str)
        Every pair of classes shown on one map, less hatched land against the land of the
        holder it lies on on that map (the stripes tell them apart); in greyscale only pairs
        of the sea and the holders' land.
    """
    pictures = set().union(*shown_on.values())
    hatched_on = {(class_gid("claim", row.claimed_by), class_gid("land", row.holder))
                  for view, year in pictures for row in atlas.territories(year, view).itertuples()
                  if isinstance(row.claimed_by, str)}
    pairs = []
    for a, b in itertools.combinations(sorted(shown_on), 2):
        if (a, b) in hatched_on or (b, a) in hatched_on or not shown_on[a] & shown_on[b]:
            continue
        if vision == "greyscale" and not all(g == "sea" or g.startswith("land-") for g in (a, b)):
            continue
        pairs.append((a, b))
    return pairs


def differences(samples: dict[str, Sample], vision: str) -> dict[tuple[str, str], float]:
    """ΔE in CAM02-UCS of every two measured classes, for a reader with ``vision``.

    Returns
    -------
    dict of (str, str) to float
        (gid, gid) in sorted order -> ΔE (in greyscale, ΔJ').
    """
    seen = {gid: appearance(s.colour, vision) for gid, s in samples.items()}
    return {(a, b): float(np.linalg.norm(seen[a] - seen[b])) for a, b in itertools.combinations(sorted(seen), 2)}


def weakest(atlas: geo.Atlas, samples: dict[str, Sample], vision: str) -> tuple[float, tuple[str, str]]:
    """The smallest ΔE between two classes a reader with ``vision`` must tell apart.

    Returns
    -------
    (float, (str, str))
        ΔE (CAM02-UCS; ΔJ' in greyscale) and the pair.
    """
    delta = differences(samples, vision)
    shown_on = {gid: s.pictures for gid, s in samples.items()}
    return min((delta[pair], pair) for pair in pairs_to_tell_apart(atlas, shown_on, vision))


def matrix_text(samples: dict[str, Sample], vision: str) -> str:
    """The ΔE of every two classes for ``vision``, as a text table (upper triangle)."""
    gids = sorted(samples)
    delta = differences(samples, vision)
    width = max(map(len, gids)) + 1
    lines = [f"{vision} (ΔE CAM02-UCS{', lightness only' if vision == 'greyscale' else ''})",
             " " * width + "".join(f"{g[:9]:>10}" for g in gids)]
    for i, a in enumerate(gids):
        cells = "".join(f"{'':>10}" if j <= i else f"{delta[(a, b)]:>10.1f}" for j, b in enumerate(gids))
        lines.append(f"{a:<{width}}{cells}")
    return "\n".join(lines)


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--lang", default="ko", help="language of the pictures (ko, en)")
    options.add_argument("--size", default="slide", help="picture size: slide, a4 or WIDTHxHEIGHT")
    options.add_argument("--matrix", action="store_true", help="also print every pair's ΔE for each vision")
    args = options.parse_args()
    atlas = geo.current()
    size_px = export.size(args.size)
    samples = sample(atlas, PICTURES, args.lang, size_px)
    print(f"Python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} cores; "
          f"colorspacious {version('colorspacious')}; PNG {size_px[0]}x{size_px[1]} ({args.lang}), "
          f"maps {' '.join(f'{view} {year}' for view, year in PICTURES)}")
    print(f"{'class':<16} {'colour':>8} {'pixels':>8} {'spread':>7} {'J′':>6}")
    for gid, s in samples.items():
        print(f"{gid:<16} {s.hex:>8} {s.pixels:>8} {s.spread:>7} {appearance(s.colour, 'normal')[0]:>6.1f}")
    print(f"{'vision':<13} {'min ΔE':>7}   {'pair':<30} target")
    for vision in VISIONS:
        value, pair = weakest(atlas, samples, vision)
        target = TARGET_DELTA_J if vision == "greyscale" else TARGET_DELTA_E
        unit = "ΔJ′" if vision == "greyscale" else "ΔE"
        print(f"{vision:<13} {value:>7.1f}   {' ~ '.join(pair):<30} {unit} >= {target:g}  "
              f"{'ok' if value >= target else 'MISSED'}")
    if args.matrix:
        for vision in VISIONS:
            print()
            print(matrix_text(samples, vision))


if __name__ == "__main__":
    main()
