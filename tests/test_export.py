"""The teaching exports: pictures, handout, animation, offline atlas and the command line.

Pictures are rendered small (the look is the same at any size) except where the size is
the point.  No timing here: benchmarks/exports.py measures speed.
"""

import io
import os
import re
import signal
import subprocess
import sys
import time
import warnings
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyproj
import pytest
from browser import (
    CONTROL_LINE,
    JAPANESE_LAND,
    TREATY_LINE,
    block_outside_network,
    chromium_path,
    english_on_korean_page,
)
from conftest import ROOT
from matplotlib.colors import to_rgb
from matplotlib.patches import Rectangle
from PIL import Image
from playwright.sync_api import expect

import geo
from geo import __main__ as geo_main
from geo import export
from geo.printing import fonts, layout
from geo.printing import static_map as render
from geo.style import HOLDER_FILL
from geo.text import Localizer

SMALL = (640, 360)
ATLAS = geo.current()
PERIODS = ATLAS.periods
EN, KO = Localizer(ATLAS, "en"), Localizer(ATLAS, "ko")


def pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))


def share_of(colour: str, image: np.ndarray) -> float:
    """The share of the picture's pixels that are exactly ``colour``."""
    return float(np.all(image == np.round(np.array(to_rgb(colour)) * 255), axis=-1).mean())


@pytest.fixture(scope="module")
def period_pictures():
    return {p.id: pixels(export.png(ATLAS, p.start, "en", SMALL)) for p in PERIODS}


# --- pictures --------------------------------------------------------------------------------

@pytest.mark.parametrize("period", PERIODS, ids=lambda p: p.id)
def test_each_period_picture_shows_its_holders(period, period_pictures):
    image = period_pictures[period.id]
    assert image.shape == (SMALL[1], SMALL[0], 3)
    assert len(np.unique(image.reshape(-1, 3), axis=0)) > 200  # text, land, sea, lines: not blank
    for holder in ("RU", "JP"):
        assert share_of(HOLDER_FILL[holder], image) > 0.01, f"no {holder} land drawn"
    joint = share_of(HOLDER_FILL["joint"], image)
    assert (joint > 0.005) if "joint" in period.holders.values() else joint == 0


def test_every_period_picture_differs_from_the_others(period_pictures):
    images = list(period_pictures.items())
    for i, (one, first) in enumerate(images):
        for other, second in images[i + 1:]:
            changed = np.any(first != second, axis=-1).mean()
            assert changed > 0.002, f"{one} and {other} look the same"


@pytest.mark.parametrize("spec, expected", [("slide", (1920, 1080)), ("a4", (2480, 3508))])
def test_named_sizes(spec, expected):
    picture = Image.open(io.BytesIO(export.png(ATLAS, 1905, "en", export.size(spec))))
    assert picture.size == expected
    if spec == "a4":
        assert picture.info["dpi"] == pytest.approx((300, 300), abs=0.5)


@pytest.mark.parametrize("spec, expected", [("slide", (1920, 1080)), ("A4", (2480, 3508)),
                                            ("1280x720", (1280, 720)), (" 800x1000 ", (800, 1000))])
def test_size_spec(spec, expected):
    assert export.size(spec) == expected


@pytest.mark.parametrize("spec", ["10x", "x10", "huge", "1280*720", "100x100", "99999x1000", ""])
def test_bad_size_spec_says_what_is_accepted(spec):
    with pytest.raises(ValueError, match=r"slide, a4 or WIDTHxHEIGHT|pixels"):
        export.size(spec)


def test_an_animation_is_bounded_in_size():
    """Every frame of a GIF is held in memory at once: the largest allowed is a 1440p screen
    (the review measured 3.4 GB for 8000x8000)."""
    assert export.size("2560x1440", "gif") == (2560, 1440)
    with pytest.raises(ValueError, match="320 to 2560"):
        export.size("8000x8000", "gif")


def test_korean_picture_has_korean_text_and_no_missing_glyph():
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # matplotlib warns "Glyph ... missing from font(s)"
        korean = pixels(export.png(ATLAS, 1945, "ko", SMALL))
    english = pixels(export.png(ATLAS, 1945, "en", SMALL))
    title = (slice(0, SMALL[1] // 4), slice(0, SMALL[0] // 3))
    assert np.any(korean[title] != english[title], axis=-1).mean() > 0.02
    assert share_of(HOLDER_FILL["RU"], korean) == pytest.approx(share_of(HOLDER_FILL["RU"], english), abs=0.01)


def test_slide_names_the_four_southern_islands_without_overlap():
    expected = {EN: ["Iturup", "Kunashir", "Shikotan", "Sakhalin", "Habomai Islands"],
                KO: ["이투루프섬", "쿠나시르섬", "시코탄섬", "사할린섬", "하보마이 군도"]}
    for say, islands in expected.items():
        figure = layout.picture(1990, say, 1920, 1080)
        (ax,) = figure.axes
        names = {t.get_text().replace("\n", " "): t for t in ax.texts
                 if t.get_zorder() == 5 and "°" not in t.get_text()}
        for island in islands:
            assert island in names, f"{island} is not named"
        renderer = figure.canvas.get_renderer()
        boxes = [t.get_window_extent(renderer) for t in names.values()]
        for i, one in enumerate(boxes):
            assert not any(one.overlaps(other) for other in boxes[i + 1:]), "two names overlap"


def test_scale_bar_is_true_to_its_label():
    figure = layout.picture(1905, EN, *SMALL)
    (ax,) = figure.axes
    bar = [p for p in ax.patches if isinstance(p, Rectangle)]
    west, east = min(r.get_x() for r in bar), max(r.get_x() + r.get_width() for r in bar)
    y = bar[0].get_y()
    (label,) = [t.get_text() for t in ax.texts if t.get_text().endswith(" km")]
    lon, lat = pyproj.Transformer.from_crs(render.MAP_CRS, "EPSG:4326", always_xy=True).transform([west, east], [y, y])
    metres = pyproj.Geod(ellps="WGS84").line_length(lon, lat)
    assert metres / 1000 == pytest.approx(float(label.split()[0]), rel=0.01)


def test_picture_title_names_year_treaty_and_date():
    figure = layout.picture(1905, KO, *SMALL)
    text = " ".join(t.get_text() for t in figure.texts).replace("\u00a0", " ")
    assert "1905년" in text and "포츠머스 조약" in text and "1905년 9월 5일" in text
    assert "GSHHG" in text


@pytest.mark.parametrize("year, say, holders", [
    (1860, EN, {"Russian Empire", "Japan (Tokugawa shogunate)"}),
    (1910, KO, {"러시아 제국", "일본 제국"}),
    (1950, EN, {"USSR", "Japan"}),
    (2000, KO, {"러시아 연방", "일본"}),
])
def test_the_legend_names_each_holder_as_it_was_that_year(year, say, holders):
    labels = {handle.get_label() for handle in render.legend_handles(year, say)}
    assert holders <= labels and not {"Russia / USSR", "러시아 / 소련"} & labels


# --- fonts -----------------------------------------------------------------------------------

def printed_texts():
    """(text, whether it is printed bold, language of a quotation or None) for everything the
    exports print."""
    for say in (EN, KO):
        for text in ATLAS.messages.values():
            yield text[say.lang], False, None
        for period in PERIODS:
            yield say.text(period.title), False, None
            yield say.text(period.basis) if period.basis else "", False, None
            yield say.message("export_year", year=period.start), True, None
        for state in ATLAS.states.values():
            for name in state.names:
                yield say.text(name.name), False, None
        for item in ATLAS.treaties.values():
            yield say.message("export_treaty", treaty=say.text(item.title), date=say.date(item.date)), True, None
            for quote in item.quotes:
                yield quote.text, False, quote.language
                yield say.message("quoted", article=say.text(quote.article),
                                  language=say.language_name(quote.language)), True, None
                translation = say.translation(quote)
                if translation is not None:
                    yield translation.text, False, None
                    yield say.translation_heading(translation), True, None
                if quote.note:
                    yield say.text(quote.note), False, None
                yield quote.source.title, False, None
        for name in render._names(ATLAS, say.lang):
            yield name.text, not name.context, None


def test_every_printed_character_is_in_the_fonts():
    """No tofu: each character the exports print is in the font (or fallback) it is set in."""
    missing = {text[:40]: fonts.missing(text, fonts.family(language, bold=bold))
               for text, bold, language in printed_texts()}
    assert {text: chars for text, chars in missing.items() if chars} == {}


def test_fonts_come_from_the_pip_packages():
    for paths in fonts.files().values():
        for path in paths:
            assert "site-packages" in str(path) or "dist-packages" in str(path), path
    assert fonts.missing("亜属来迠", [fonts.KOREAN]) != ""  # why IPAexGothic is needed
    assert fonts.missing("第二ヶ條 魯西亜國 迠 한국어", fonts.family("ja")) == ""


def test_wrap_breaks_japanese_between_characters_and_keeps_no_break_spaces():
    from matplotlib.font_manager import FontProperties
    prop = FontProperties(family=fonts.family("ja"), size=10)
    quote = "第二ヶ條　今より後日本國と魯西亜國との境ヱトロフ嶋とウルツプ嶋との間にあるへし　ヱトロフ全嶋は日本に属し"
    lines = fonts.wrap(quote, 200, prop)
    assert len(lines) >= 3 and "".join("".join(lines).split()) == "".join(quote.split())  # spaces at breaks go
    assert not any(line.startswith(("、", "。")) for line in lines)
    kept = fonts.wrap("signed 5\u00a0September\u00a01905", 60, FontProperties(family=fonts.family(), size=10))
    assert "5\u00a0September\u00a01905" in kept


# --- handout, animation ----------------------------------------------------------------------

@pytest.mark.parametrize("year, lang", [(1855, "en"), (1905, "ko"), (1990, "en")])
def test_handout_is_one_page(year, lang):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no glyph missing: Shimoda's quote is Japanese
        document = export.pdf(ATLAS, year, lang)
    assert document.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page(?![a-z])", document)) == 1
    assert len(document) < 2_000_000


def test_handout_quotes_the_treaty_with_its_source():
    figure = layout.handout(1855, EN)
    text = "\n".join(t.get_text() for t in figure.texts)
    # Article 2 of the Treaty of Shimoda as the reference transcribes it (treaties.md §1.1 (a)).
    assert "ヱトロフ全嶋は日本に属しウルツプ全嶋夫より北の方クリル諸嶋は魯西亜に属す" in "".join(text.split())
    assert "Treaty of Shimoda" in text
    links = [t.get_url() for t in figure.texts if t.get_url()]
    assert links and all(url.startswith("https://") for url in links)


def pdf_text(document: bytes) -> str:
    """The text of a PDF's first page as a PDF reader extracts it (pypdfium2)."""
    import pypdfium2

    return pypdfium2.PdfDocument(document)[0].get_textpage().get_text_range()


def test_the_korean_handout_reads_the_article_in_korean_first():
    text = " ".join(pdf_text(export.pdf(ATLAS, 1855, "ko")).split())  # Babel's dates have no-break spaces
    translation, original = text.find("제2조 · 한국어 번역(이 지도의 번역)"), text.find("제2조 인용(일본어)")
    assert 0 <= translation < original, text
    # Article 2 of the Treaty of Shimoda: Iturup is Japan's, Urup and the Kurils north of it Russia's.
    assert "일본에 속하고" in text[translation:original] and "러시아에 속한다" in text[translation:original]
    assert "1855년 2월 7일 체결" in text
    # Sources keep their own titles (an English page's title stays English).
    assert english_on_korean_page([("handout", re.sub(r"출처: .*?https://\S+", " ", text))]) == []


def pdf_page_pixels(document: bytes, dpi: int = 60) -> np.ndarray:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(document)
    return np.asarray(pdf[0].render(scale=dpi / 72).to_pil().convert("RGB"))


@pytest.mark.parametrize("year, lang", [(1905, "en"), (1950, "ko")])
def test_the_printed_handout_has_its_map(year, lang):
    """The PDF as a printer sees it, rendered to pixels: both holders' land fills far more of
    the page than the legend's swatches alone (about 0.05 %)."""
    image = pdf_page_pixels(export.pdf(ATLAS, year, lang))
    for colour in (HOLDER_FILL["RU"], HOLDER_FILL["JP"]):
        assert share_of(colour, image) > 0.004, f"no land of colour {colour} printed"


def test_animation_has_one_frame_per_period():
    animation = Image.open(io.BytesIO(export.gif(ATLAS, "en", (480, 320))))
    assert animation.n_frames == len(PERIODS)
    assert animation.size == (480, 320)
    frames = []
    for index in range(animation.n_frames):
        animation.seek(index)
        frames.append(np.asarray(animation.convert("RGB")))
        assert animation.info["duration"] == export.GIF_FRAME_MS
    assert all(np.any(a != b) for a, b in zip(frames, frames[1:]))


# --- offline atlas ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def atlas_html():
    return export.html(ATLAS, "en").decode("utf-8")


def test_offline_atlas_is_self_contained(atlas_html):
    assert len(atlas_html.encode()) < 3_000_000
    assert not re.search(r"<script[^>]+src=|<link[^>]+stylesheet", atlas_html)
    assert "L.map(" in atlas_html
    assert atlas_html.count('class="atlas-period"') == len(PERIODS)


def test_offline_atlas_escapes_data(data_copy):
    periods_file = data_copy / "periods.yaml"
    text = periods_file.read_text(encoding="utf-8")
    assert "en: 'The Shimoda line:" in text, "the test is out of date"
    periods_file.write_text(
        text.replace("en: 'The Shimoda line:", "en: '<img src=x onerror=alert(1)> The Shimoda line:"), encoding="utf-8")
    html = export.html(geo.current(), "en").decode("utf-8")
    assert "&lt;img src=x onerror=alert(1)&gt;" in html and "<img src=x" not in html


@pytest.mark.browser
@pytest.mark.skipif(chromium_path() is None, reason="needs Chromium (scripts/test.sh installs it)")
def test_offline_atlas_draws_with_no_network_and_switches_periods(atlas_html, tmp_path, context):
    path = tmp_path / "atlas.html"
    path.write_text(atlas_html, encoding="utf-8")
    tried = block_outside_network(context)
    context.route(lambda url: url.startswith("file://"), lambda route: route.continue_())  # the file itself
    browser_page = context.new_page()
    errors = []
    browser_page.on("pageerror", lambda error: errors.append(str(error)))
    browser_page.goto(path.as_uri())
    treaty_lines = browser_page.locator(TREATY_LINE)
    control_lines = browser_page.locator(CONTROL_LINE)
    browser_page.locator("path.leaflet-interactive").first.wait_for()
    expect(treaty_lines).to_have_count(1)  # 1855: the Friza Strait
    expect(browser_page.get_by_text("Treaty of Shimoda").first).to_be_visible()
    japanese_land = browser_page.locator(JAPANESE_LAND)
    browser_page.get_by_role("button", name="1905–1920").click()
    expect(treaty_lines).to_have_count(2)  # the First Kuril Strait and the 50th parallel
    expect(browser_page.get_by_text("Treaty of Portsmouth").first).to_be_visible()
    japanese_in_1905 = japanese_land.count()  # Hokkaido, the Kurils, Karafuto
    browser_page.get_by_role("button", name="1945–present").click()
    expect(treaty_lines).to_have_count(0)
    expect(control_lines).to_have_count(2)
    # The Kurils and Karafuto are no longer Japan's; Hokkaido still is.
    assert 0 < japanese_land.count() < japanese_in_1905
    browser_page.get_by_role("button", name="1905–1920").click()
    expect(japanese_land).to_have_count(japanese_in_1905)  # back again, and nothing drawn twice
    assert tried == [] and errors == []


# --- command line ----------------------------------------------------------------------------

@dataclass
class Result:
    returncode: int
    stdout: str
    stderr: str


def run_cli(*args) -> Result:
    """``python -m geo ARGS`` run in this process (the real process is run once, below)."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            status = geo_main.main(list(args))
        except SystemExit as exit_:
            status = exit_.code
    return Result(status, out.getvalue(), err.getvalue())


def test_the_command_line_runs_as_its_own_process(tmp_path):
    result = subprocess.run([sys.executable, "-m", "geo", "export", "--year", "1700", "--format", "png", "--out",
                             str(tmp_path / "map.png")], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2 and "1700 is outside the atlas's years" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("args, message", [
    (["--year", "abc", "--format", "png"], "'abc' is not a year"),
    (["--year", "1700", "--format", "png"], "1700 is outside the atlas's years"),
    (["--year", "1905", "--format", "bmp"], "invalid choice: 'bmp'"),
    (["--year", "1905", "--format", "png", "--size", "10x"], "'10x' is not a size"),
    (["--format", "pdf"], "--year is needed"),
    (["--year", "1905", "--format", "pdf", "--size", "a4"], "--size applies to png and gif only"),
    (["--year", "1905", "--format", "png", "--lang", "fr"], "'fr' is not one of ko, en"),
])
def test_cli_bad_arguments_exit_2_with_a_message(args, message, tmp_path):
    result = run_cli("export", *args, "--out", str(tmp_path / "map.out"))
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr


def test_cli_missing_output_folder(tmp_path):
    result = run_cli("export", "--year", "1905", "--format", "png", "--out", str(tmp_path / "nowhere" / "map.png"))
    assert result.returncode == 2
    assert "does not exist" in result.stderr and "Traceback" not in result.stderr


def test_cli_broken_data_exits_1_with_the_data_error(tmp_path, data_copy):
    (data_copy / "borders.geojson").write_text("{not json", encoding="utf-8")
    result = run_cli("export", "--year", "1905", "--format", "png", "--out", str(tmp_path / "map.png"))
    assert result.returncode == 1
    assert "borders.geojson, line 1: not valid JSON" in result.stderr and "Traceback" not in result.stderr


def test_cli_writes_a_picture(tmp_path):
    out = tmp_path / "map.png"
    result = run_cli("export", "--year", "1905", "--format", "png", "--lang", "ko", "--size", "480x320",
                     "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert Image.open(out).size == (480, 320) and str(out) in result.stdout


def test_cli_without_a_command_explains():
    result = run_cli()
    assert result.returncode == 2 and "COMMAND" in result.stderr


def test_geo_never_imports_streamlit():
    result = subprocess.run([sys.executable, "-c", "import sys, geo.export, geo.__main__; "
                             "print('streamlit' in sys.modules)"], cwd=ROOT, capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr


def test_handout_page_is_a4():
    figure = layout.handout(1905, EN)
    assert tuple(figure.get_size_inches()) == pytest.approx((8.27, 11.69))


def cpu_seconds(pid: int) -> float:
    """The CPU time a running process has used (user and system), from Linux's /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def test_an_interrupted_export_leaves_no_file_and_no_traceback(tmp_path):
    out = tmp_path / "periods.gif"
    command = [sys.executable, "-m", "geo", "export", "--format", "gif", "--size", "2560x1440", "--out", str(out)]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    # Interrupt once the export is under way: importing and loading the data take about 4 s
    # of CPU, the whole export about 16 s. Counted in CPU time, not wall time, so that a busy
    # machine does not interrupt the imports (which no program can do without a traceback).
    deadline = time.monotonic() + 120
    while cpu_seconds(process.pid) < 7 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert "interrupted" in stderr and "Traceback" not in stderr
    assert list(tmp_path.iterdir()) == []
