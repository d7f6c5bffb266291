"""Exports of the area a user looks at (``bounds``) and the comparison of two years.

Places are written here by hand from a gazetteer, not taken from the atlas's data:
Yuzhno-Sakhalinsk (Toyohara under Japan) at 46.96°N 142.74°E; the Portsmouth line on
50°N across Sakhalin (about 142.1–143.9°E); the Friza Strait, the Shimoda line, between
Iturup and Urup at about 46°N 150°E.
"""

import io

import numpy as np
import pyproj
import pytest
from matplotlib.colors import to_rgb
from PIL import Image
from test_export import pdf_page_pixels, pdf_text, run_cli

import geo
from geo import export
from geo.printing import layout
from geo.printing import static_map as render
from geo.style import HOLDER_FILL, LINE_STYLE
from geo.text import Localizer

ATLAS = geo.current()
EN = Localizer(ATLAS, "en")
SMALL = (960, 540)
#: Around the 50th parallel on Sakhalin, from the mainland coast to the Sea of Okhotsk.
AROUND_50N = (141.0, 48.5, 144.5, 51.5)
#: Southern Sakhalin, around Yuzhno-Sakhalinsk.
SOUTH_SAKHALIN = (141.0, 45.5, 144.5, 48.5)
YUZHNO_SAKHALINSK = (142.74, 46.96)
TO_MAP = pyproj.Transformer.from_crs("EPSG:4326", render.MAP_CRS, always_xy=True)


def pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))


def is_colour(image: np.ndarray, colour: str) -> np.ndarray:
    return np.all(image == np.round(np.array(to_rgb(colour)) * 255), axis=-1)


def pixel_of(figure, lon: float, lat: float) -> tuple[int, int]:
    """Row and column of the picture where the map puts (lon, lat)."""
    (ax,) = figure.axes
    x, y = ax.transData.transform(TO_MAP.transform(lon, lat))
    return round(figure.bbox.height - y), round(x)


def in_map(figure) -> np.ndarray:
    """Which pixels of the picture are the map's (not the legend's swatches)."""
    (ax,) = figure.axes
    height, width = int(figure.bbox.height), int(figure.bbox.width)
    rows, columns = np.mgrid[0:height, 0:width]
    box = ax.bbox
    return (columns >= box.x0) & (columns <= box.x1) & (height - rows >= box.y0) & (height - rows <= box.y1)


def map_texts(figure) -> set[str]:
    (ax,) = figure.axes
    return {t.get_text().replace("\n", " ") for t in ax.texts}


# --- a picture of part of the map -------------------------------------------------------------

def test_a_picture_of_sakhalins_50th_parallel_shows_that_line_across_it():
    figure = layout.picture(1905, EN, *SMALL, bounds=AROUND_50N)
    image = pixels(export.png(ATLAS, 1905, "en", SMALL, bounds=AROUND_50N))
    treaty = is_colour(image, LINE_STYLE["treaty"]["color"]) & in_map(figure)
    rows, columns = np.nonzero(treaty)
    # The line runs across the picture from the west coast to the east coast of Sakhalin...
    west_row, west_col = pixel_of(figure, 142.2, 50.0)
    east_row, east_col = pixel_of(figure, 143.8, 50.0)
    assert columns.min() <= west_col + 10 and columns.max() >= east_col - 10
    # ... and nowhere but on 50°N (no First Kuril Strait, no Friza Strait in this picture).
    assert rows.min() >= min(west_row, east_row) - 6 and rows.max() <= max(west_row, east_row) + 6
    assert "Sakhalin" in map_texts(figure)
    assert not {"Iturup", "Urup", "Shumshu"} & map_texts(figure)


def test_the_friza_strait_is_not_in_a_picture_of_sakhalin():
    """1855's only border is the Friza Strait: the whole map shows it, Sakhalin's 50°N does not."""
    whole = pixels(export.png(ATLAS, 1860, "en", SMALL))
    zoomed = pixels(export.png(ATLAS, 1860, "en", SMALL, bounds=AROUND_50N))
    treaty = LINE_STYLE["treaty"]["color"]
    assert (is_colour(whole, treaty) & in_map(layout.picture(1860, EN, *SMALL))).sum() > 20
    assert (is_colour(zoomed, treaty) & in_map(layout.picture(1860, EN, *SMALL, bounds=AROUND_50N))).sum() == 0


@pytest.mark.parametrize("year, holder", [(1930, "JP"), (1950, "RU")])
def test_yuzhno_sakhalinsk_has_its_holders_colour_where_it_is(year, holder):
    figure = layout.picture(year, EN, *SMALL, bounds=SOUTH_SAKHALIN)
    row, column = pixel_of(figure, *YUZHNO_SAKHALINSK)
    image = pixels(export.png(ATLAS, year, "en", SMALL, bounds=SOUTH_SAKHALIN))
    around = image[row - 3:row + 4, column - 3:column + 4]
    assert is_colour(around, HOLDER_FILL[holder]).mean() > 0.5, f"not {holder}'s colour at Yuzhno-Sakhalinsk"
    # Zoomed in: southern Sakhalin fills much of the map (on the whole map, 1 % of it).
    assert is_colour(image, HOLDER_FILL[holder])[in_map(figure)].mean() > 0.1


def test_the_map_shows_the_whole_area_asked_for_undistorted():
    """The area asked for is inside the map; the map is widened on one side only, and a
    kilometre is as long across as up (the picture is not stretched)."""
    figure = layout.picture(1905, EN, *SMALL, bounds=SOUTH_SAKHALIN)
    (ax,) = figure.axes
    (left, right), (bottom, top) = ax.get_xlim(), ax.get_ylim()
    west, south, east, north = SOUTH_SAKHALIN
    corners = [TO_MAP.transform(lon, lat) for lon in (west, east) for lat in (south, north)]
    assert all(left <= x <= right and bottom <= y <= top for x, y in corners)
    # Southern Sakhalin is taller than wide: its full height is shown, and no more.
    ys = [y for _, y in corners]
    assert (top - bottom) == pytest.approx(max(ys) - min(ys), rel=0.02)
    width_px, height_px = ax.bbox.width, ax.bbox.height
    assert (right - left) / width_px == pytest.approx((top - bottom) / height_px, rel=0.01)


def test_a_zoomed_in_scale_bar_is_short_true_and_over_the_sea():
    figure = layout.picture(1930, EN, *SMALL, bounds=SOUTH_SAKHALIN)
    (ax,) = figure.axes
    (label,) = [t.get_text() for t in ax.texts if t.get_text().endswith(" km")]
    assert label == "50 km"  # the whole map's is 400 km; this view is about 300 km across
    bar = [p for p in ax.patches if type(p).__name__ == "Rectangle"]
    west, east = min(r.get_x() for r in bar), max(r.get_x() + r.get_width() for r in bar)
    y = bar[0].get_y()
    lon, lat = pyproj.Transformer.from_crs(render.MAP_CRS, "EPSG:4326", always_xy=True).transform([west, east], [y, y])
    assert pyproj.Geod(ellps="WGS84").line_length(lon, lat) / 1000 == pytest.approx(50, rel=0.01)
    for lon_, lat_ in zip(lon, lat):
        assert ATLAS.holder_at(1930, lon_, lat_) is None, "the scale bar stands on land"


def test_names_and_graticule_labels_stay_inside_a_zoomed_map():
    figure = layout.picture(1930, EN, *SMALL, bounds=SOUTH_SAKHALIN)
    (ax,) = figure.axes
    renderer = figure.canvas.get_renderer()
    inside = ax.bbox.expanded(1.0, 1.0)
    for text in ax.texts:
        extent = text.get_window_extent(renderer)
        assert inside.x0 - 1 <= extent.x0 and extent.x1 <= inside.x1 + 1, text.get_text()
        assert inside.y0 - 1 <= extent.y0 and extent.y1 <= inside.y1 + 1, text.get_text()
    assert "Sakhalin" in map_texts(figure) and "Hokkaido" not in map_texts(figure)
    assert {"142°E", "144°E", " 46°N", " 48°N"} <= map_texts(figure)  # degrees every 2° at this size


@pytest.mark.parametrize("bounds, message", [
    ((144.0, 45.0, 141.0, 48.0), "empty or inverted"),
    ((141.0, 45.0, 141.0, 48.0), "empty or inverted"),
    ((100.0, 10.0, 110.0, 20.0), "outside the map"),
    ((141.0, 45.0, float("nan"), 48.0), "finite"),
])
def test_bad_bounds_say_what_is_accepted(bounds, message):
    with pytest.raises(ValueError, match=message) as raised:
        export.png(ATLAS, 1905, "en", SMALL, bounds=bounds)
    assert "west,south,east,north in degrees" in str(raised.value)


def test_bounds_beyond_the_frame_are_clipped_to_it():
    assert export.bounds("130, 45.5, 144.5, 70") == (139.0, 45.5, 144.5, 56.0)


# --- comparing two years -------------------------------------------------------------------

def test_the_comparison_slide_has_two_maps_one_legend_and_what_changed():
    figure = layout.comparison_picture(1875, 1945, EN, 1920, 1080)
    assert len(figure.axes) == 2
    left, right = (ax.get_position() for ax in figure.axes)
    assert left.x1 < right.x0 and left.y0 == pytest.approx(right.y0)  # side by side
    assert figure.axes[0].get_xlim() == figure.axes[1].get_xlim()  # the same area
    text = " ".join(t.get_text() for t in figure.texts).replace("\u00a0", " ")
    assert "1875" in text and "1945" in text
    assert "Treaty of Saint Petersburg" in text and "No treaty drew this line" in text
    assert "What changed from 1875 to 1945" in text
    # The Kurils, Japanese since 1875, held by the USSR at the end of 1945.
    assert "Kuril Islands from Shumshu to Urup: Held by Empire of Japan → Held by USSR" in text
    assert "GSHHG" in text
    assert len(figure.legends) == 1


def test_the_comparison_slide_is_not_blank_and_shows_both_years_land():
    image = pixels(export.compare_png(ATLAS, 1875, 1945, "en"))
    assert image.shape == (1080, 1920, 3)
    assert len(np.unique(image.reshape(-1, 3), axis=0)) > 200
    figure = layout.comparison_picture(1875, 1945, EN, 1920, 1080)
    maps = []
    for ax in figure.axes:
        box = ax.bbox
        maps.append(image[int(1080 - box.y1):int(1080 - box.y0), int(box.x0):int(box.x1)])
    # Both maps have Russia's and Japan's land; the Kurils are Japanese in 1875, Soviet in 1945.
    for shown in maps:
        for holder in ("RU", "JP"):
            assert is_colour(shown, HOLDER_FILL[holder]).mean() > 0.005
    assert is_colour(maps[1], HOLDER_FILL["RU"]).sum() > is_colour(maps[0], HOLDER_FILL["RU"]).sum()
    assert is_colour(maps[1], HOLDER_FILL["JP"]).sum() < is_colour(maps[0], HOLDER_FILL["JP"]).sum()


def test_the_comparison_honours_bounds_on_both_maps():
    figure = layout.comparison_picture(1930, 1950, EN, 1920, 1080, bounds=SOUTH_SAKHALIN)
    image = pixels(export.compare_png(ATLAS, 1930, 1950, "en", (1920, 1080), bounds=SOUTH_SAKHALIN))
    for ax, holder in zip(figure.axes, ("JP", "RU")):
        # Southern Sakhalin, 45.5–48.5°N, is about 333 km from south to north (the box's
        # corners, projected, a little more); the whole map is about 1,700 km.
        assert ax.get_ylim()[1] - ax.get_ylim()[0] < 400_000
        x, y = ax.transData.transform(TO_MAP.transform(*YUZHNO_SAKHALINSK))
        row, column = round(1080 - y), round(x)
        assert is_colour(image[row - 3:row + 4, column - 3:column + 4], HOLDER_FILL[holder]).mean() > 0.5


def test_the_comparison_handout_names_both_years_and_a_change():
    document = export.compare_pdf(ATLAS, 1875, 1945, "ko")
    assert document.startswith(b"%PDF-1.4")
    text = " ".join(pdf_text(document).split())
    assert "1875년" in text and "1945년" in text and "1875~1945년에 달라진 점" in text
    assert "쿠릴 열도" in text
    image = pdf_page_pixels(document)
    assert image.shape[1] > image.shape[0]  # landscape
    for holder in ("RU", "JP"):
        assert is_colour(image, HOLDER_FILL[holder]).mean() > 0.004


def test_the_comparison_picture_describes_itself():
    info = Image.open(io.BytesIO(export.compare_png(ATLAS, 1875, 1945, "en", (640, 360)))).text
    assert info["Title"].startswith("What changed from 1875 to 1945")
    assert "Kuril Islands from Shumshu to Urup" in info["Description"]


# --- command line ------------------------------------------------------------------------

@pytest.mark.parametrize("args, message", [
    (["--bounds", "141,45,144"], "'141,45,144' is not four numbers"),
    (["--bounds", "144,45,141,48"], "144,45,141,48 is an empty or inverted box"),
    (["--bounds", "100,10,110,20"], "100,10,110,20 is outside the map"),
    (["--compare", "1700"], "argument --compare: 1700 is outside the atlas's years"),
    (["--compare", "soon"], "'soon' is not a year"),
])
def test_cli_bad_bounds_and_compare_exit_2_with_one_line(args, message, tmp_path):
    result = run_cli("export", "--year", "1905", "--format", "png", *args, "--out", str(tmp_path / "map.png"))
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("option", [["--compare", "1945"], ["--bounds", "141,45,144,48"]])
def test_cli_compare_and_bounds_are_for_pictures_and_handouts(option, tmp_path):
    result = run_cli("export", "--format", "gif", *option, "--out", str(tmp_path / "a.gif"))
    assert result.returncode == 2 and "applies to png and pdf only" in result.stderr


def test_cli_writes_a_comparison_slide_of_an_area(tmp_path):
    out = tmp_path / "compare.png"
    result = run_cli("export", "--year", "1930", "--compare", "1950", "--format", "png", "--lang", "en",
                     "--bounds", "141,45.5,144.5,48.5", "--size", "960x540", "--out", str(out))
    assert result.returncode == 0, result.stderr
    picture = Image.open(out)
    assert picture.size == (960, 540)
    assert picture.text["Title"].startswith("What changed from 1930 to 1950")


def test_cli_writes_a_comparison_handout(tmp_path):
    out = tmp_path / "compare.pdf"
    result = run_cli("export", "--year", "1875", "--compare", "1945", "--format", "pdf", "--lang", "en",
                     "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "What changed from 1875 to 1945" in " ".join(pdf_text(out.read_bytes()).split())
