"""The map's classes stay apart for readers with a colour-vision deficiency and in greyscale,
measured on the rendered slide pictures (benchmarks/colour_vision.py does the measuring and
prints the whole table).

Targets, in CAM02-UCS (Luo, Cui & Li 2006), the space colorspacious simulates deficiencies
for:

- ΔE ≥ 15 between every two classes a reader must tell apart, for normal vision and for
  protanopia, deuteranopia and tritanopia at full severity.  Petroff's accessible colour
  sequences (M. A. Petroff, "Accessible Color Sequences for Data Visualization", 2021,
  arXiv:2107.02270; the set-generation options in github.com/mpetroff/accessible-color-cycles)
  hold a minimum ΔE of 20, 18 and 16 for sets of 6, 8 and 10 colours, including under the
  same simulations at full severity; those are for small markers in plots.  The map has nine
  classes, most of them large areas (where a smaller difference shows), and its line kinds
  also differ by their dashes: 15 is the atlas's own choice, just under Petroff's 16.
- ΔJ′ ≥ 10 in lightness between the sea and each holder's land, so a black-and-white
  photocopy of the handout still tells Russia, Japan and the shared land apart.  Petroff
  asks 3.6–5 of colours for greyscale printing; a school photocopier flattens contrast, and
  only four areas must fit between white and the dark lines, so the atlas asks twice that.
"""

import colorspacious
import pytest
from matplotlib.colors import to_rgb

import geo
from benchmarks import colour_vision
from geo.style import HOLDER_FILL, HOLDER_STROKE, LINE_STYLE, SEA

MIN_DELTA_E = 15.0
MIN_DELTA_J = 10.0
#: Between them: joint Sakhalin (1860); northern Sakhalin held by Japan, claimed by Russia,
#: and the treaty line on 50°N (1920); the four southern groups claimed by Japan, the line of
#: control and Japan's claim line (2000).
YEARS = (1860, 1920, 2000)
#: The neutral maps of YEARS and the viewpoints' own classes: land Japan's maps leave
#: undetermined and the lines around it, Russia's maps' state border.
PICTURES = (*(("neutral", year) for year in YEARS), ("JP", 1960), ("RU", 1960))
ATLAS = geo.current()
DEFICIENCIES = ("protanopia", "deuteranopia", "tritanopia")


@pytest.fixture(scope="module")
def samples():
    return colour_vision.sample(ATLAS, PICTURES, "ko")


def test_every_class_is_found_in_the_pictures(samples):
    assert set(samples) == {"sea", "land-RU", "land-JP", "land-joint", "land-undetermined", "claim-RU", "claim-JP",
                            "line-treaty", "line-de_facto", "line-claim", "line-state_border",
                            "line-undetermined_edge"}


def test_flat_classes_are_measured_on_their_own_pixels_only(samples):
    # A class's pixels, found by repainting it, show exactly its colour in the export; a
    # pixel of anything else (a name, a line, an anti-aliased edge) would show as spread.
    drawn = {"sea": SEA, **{f"land-{h}": c for h, c in HOLDER_FILL.items()},
             **{f"line-{k}": s["color"] for k, s in LINE_STYLE.items()}}
    measured = {gid: (samples[gid].hex, samples[gid].spread <= 1) for gid in drawn}
    assert measured == {gid: (colour, True) for gid, colour in drawn.items()}


def test_hatched_land_is_measured_as_its_stripes_and_ground_mixed(samples):
    # Land claimed by Russia is northern Sakhalin in 1920, large enough for whole stripes:
    # 0.9 pt of Russia's stroke every 4.2 pt (matplotlib's "////"), about 21 % of the area.
    def linear(colour):
        return colorspacious.cspace_convert(colour, "sRGB1", "sRGB1-linear")

    sample = samples["claim-RU"]
    ground, stripe = linear(to_rgb(HOLDER_FILL["JP"])), linear(to_rgb(HOLDER_STROKE["RU"]))
    share = float((linear(sample.colour) - ground) @ (stripe - ground) / ((stripe - ground) @ (stripe - ground)))
    assert 0.15 <= share <= 0.30 and sample.spread > 100, (share, sample)


def test_the_pairs_to_tell_apart():
    neutral = frozenset({("neutral", 1950)})
    shown_on = dict.fromkeys(["sea", "land-RU", "land-JP", "claim-JP", "line-claim"], neutral)
    assert colour_vision.pairs_to_tell_apart(ATLAS, shown_on, "deuteranopia") == [
        ("claim-JP", "land-JP"), ("claim-JP", "line-claim"), ("claim-JP", "sea"),   # not claim-JP ~ land-RU:
        ("land-JP", "land-RU"), ("land-JP", "line-claim"), ("land-JP", "sea"),      # the stripes tell Russian
        ("land-RU", "line-claim"), ("land-RU", "sea"), ("line-claim", "sea")]       # land claimed by Japan apart
    assert colour_vision.pairs_to_tell_apart(ATLAS, shown_on, "greyscale") == [
        ("land-JP", "land-RU"), ("land-JP", "sea"), ("land-RU", "sea")]
    # Classes never on one map need not differ: the shared Sakhalin of 1855–1875 and the land
    # Japan's maps leave undetermined since 1952.
    apart = {"land-joint": frozenset({("neutral", 1860)}), "land-undetermined": frozenset({("JP", 1960)})}
    assert colour_vision.pairs_to_tell_apart(ATLAS, apart, "greyscale") == []


@pytest.mark.parametrize("vision", ("normal", *DEFICIENCIES))
def test_classes_stay_apart_in_colour(vision, samples):
    value, pair = colour_vision.weakest(ATLAS, samples, vision)
    assert value >= MIN_DELTA_E, (f"{vision}: {pair[0]} and {pair[1]} are ΔE {value:.1f} apart "
                                  f"(< {MIN_DELTA_E:g})\n" + colour_vision.matrix_text(samples, vision))


def test_holders_and_sea_stay_apart_in_greyscale(samples):
    value, pair = colour_vision.weakest(ATLAS, samples, "greyscale")
    assert value >= MIN_DELTA_J, (f"greyscale: {pair[0]} and {pair[1]} are ΔJ′ {value:.1f} apart "
                                  f"(< {MIN_DELTA_J:g})\n" + colour_vision.matrix_text(samples, "greyscale"))
