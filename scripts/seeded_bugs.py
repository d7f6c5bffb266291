"""Seed known bugs one at a time and check that the tests catch each.

Each seed is a small edit to the code (or the data) that brings back a bug a reviewer once
found, or one of the kinds of slip the tests exist to catch.  For each seed, this script
copies the repository to a temporary folder, applies the edit there, runs the tests named
for it, and reports whether they failed (the bug is caught) or passed (it went unnoticed).
The working tree is never touched.

    python scripts/seeded_bugs.py            # every seed
    python scripts/seeded_bugs.py S7 M2      # some
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Seed:
    key: str
    bug: str
    file: str
    old: str
    new: str
    tests: tuple[str, ...]


SEEDS = [
    # The code review's seeded bugs that the old suite let through.
    Seed("S1", "border-line tooltip left unescaped", "geo/web/layers.py",
         "labels = [escape(f\"{say.text(name)} — {say.message('kind_' + kind)}\")",
         "labels = [(f\"{say.text(name)} — {say.message('kind_' + kind)}\")",
         ("tests/test_injection.py",)),
    Seed("S2", "event description left unescaped in its popup", "geo/web/layers.py",
         "<br>{escape(say.text(event.description))}<br>", "<br>{say.text(event.description)}<br>",
         ("tests/test_injection.py",)),
    Seed("S3", "offline atlas's period text left unescaped", "geo/web/offline.py",
         "<h2>{escape(period_years(period, say))} · {escape(say.text(period.title))}</h2>",
         "<h2>{escape(period_years(period, say))} · {say.text(period.title)}</h2>",
         ("tests/test_export.py::test_offline_atlas_escapes_data",)),
    Seed("S4", "a Korean interface string left in English (one with a placeholder)", "data/ui.yaml",
         'ko: "{year}년에 바뀐 것"', 'ko: "What changed in {year}"',
         ("tests/test_app.py",)),
    Seed("S5", "the language and place-name switches no longer write the URL", "widgets.py",
         '    st.query_params["lang"], st.query_params["names"], st.query_params["view"] = lang, style, view.lower()',
         '    st.query_params["view"] = view.lower()',
         ("tests/test_browser.py",)),
    Seed("S6", "python -m geo check ignores a missing file", "geo/model/readers.py",
         '        if name not in self.files:\n'
         '            raise DataError([Problem(name, None, f"file not found in {self.path}")])',
         '        if name not in self.files:\n            return "[]" if name.endswith(".yaml") else "{}"',
         ("tests/test_data_errors.py::test_a_missing_file_is_named",)),
    Seed("S7", "the PDF handout printed without its map", "geo/printing/layout.py",
         "    below.move_to(_map_bottom(ax) - GAP)\n    render.draw_map(ax, year, say)",
         "    below.move_to(_map_bottom(ax) - GAP)",
         ("tests/test_export.py::test_the_printed_handout_has_its_map",)),
    Seed("S8", "milestones shown only from the year after their date", "geo/model/schema.py",
         "return tuple(m for m in self.milestones if m.date.year <= year)",
         "return tuple(m for m in self.milestones if m.date.year < year)",
         ("tests/test_years.py",)),
    Seed("S9", "claimed land not hatched on the web map", "geo/web/layers.py",
         "    claimed = frame[frame[\"claimed_by\"].notna()]\n    if claimed.empty:\n        return None",
         "    claimed = frame[frame[\"claimed_by\"].notna()]\n    return None",
         ("tests/test_web_map.py",)),
    # The review's defects.
    Seed("D1", "downloads keyed by year and language only, not by the data's version", "pages/atlas.py",
         "def picture(_atlas, version: str, year: int, lang: str) -> bytes:",
         "def picture(_atlas, _version: str, year: int, lang: str) -> bytes:",
         ("tests/test_app.py",)),
    Seed("D4", "a duplicated YAML key silently kept", "geo/model/readers.py",
         "    yaml = YAML(typ=\"safe\", pure=True)\n",
         "    yaml = YAML(typ=\"safe\", pure=True)\n    yaml.allow_duplicate_keys = True\n",
         ("tests/test_data_errors.py",)),
    Seed("D5", "the cache keyed on the newest modification time", "geo/model/readers.py",
         "        digest.update(name.encode() + b\"\\0\" + len(content).to_bytes(8, \"big\") + content)",
         "        digest.update(str(max(e.stat().st_mtime_ns for e in entries)).encode())",
         ("tests/test_snapshot.py",)),
    Seed("D7", "the timeline's map link drops the place names", "pages/timeline.py",
         '{"lang": say.lang, "names": widgets.place_names(),', '{"lang": say.lang,',
         ("tests/test_deep_links.py",)),
    Seed("D9", "holder_at on 50°N returns whichever piece the index finds first", "geo/model/atlas.py",
         "areas = [area for area in areas if coastline.in_band(self.areas[area], lat)] or areas",
         "areas = areas",
         ("tests/test_holders.py",)),
    # Kinds of slip in the model and the text layer.
    Seed("M1", "a period's first year counted in the period before", "geo/model/schema.py",
         "return self.start <= year and (self.end is None or year < self.end)",
         "return self.start < year and (self.end is None or year <= self.end)",
         ("tests/test_years.py",)),
    Seed("M2", "the Julian calendar conversion off by a day", "geo/model/schema.py",
         "return dt.date(*julian.from_gregorian(date.year, date.month, date.day))",
         "return dt.date(*julian.from_gregorian(date.year, date.month, date.day)) - dt.timedelta(days=1)",
         ("tests/test_text.py", "tests/test_data_errors.py")),
    Seed("M3", "a date written in the wrong form (abbreviated month)", "geo/text/localizer.py",
         'SKELETONS = {"day": "yMMMMd",', 'SKELETONS = {"day": "yMMMd",',
         ("tests/test_text.py",)),
    Seed("M4", "Markdown escaping that forgets brackets", "geo/text/markdown.py",
         '_PUNCTUATION = re.compile("([" + re.escape(string.punctuation) + "])")',
         '_PUNCTUATION = re.compile("([" + re.escape(string.punctuation.replace("[", "")) + "])")',
         ("tests/test_text.py",)),
    Seed("M5", "a claim dropped from the territories", "geo/model/atlas.py",
         "frame[\"claimed_by\"] = pd.Series([period.claims.get(area) for area in frame[\"area\"]]",
         "frame[\"claimed_by\"] = pd.Series([None for area in frame[\"area\"]]",
         ("tests/test_holders.py",)),
    # Korean as a first language (issue 11).
    Seed("K1", "the quoted original shown before the reader's translation", "geo/text/quotation.py",
         "return [Passage(heading, translation.text, say.lang, translation.source), quoted]",
         "return [quoted, Passage(heading, translation.text, say.lang, translation.source)]",
         ("tests/test_export.py::test_the_korean_handout_reads_the_article_in_korean_first",
          "tests/test_korean_reader.py::test_every_quoted_article_is_given_in_korean_before_the_original")),
    Seed("K2", "Leaflet's zoom buttons left in English", "geo/web/controls.py",
         'self.zoom_options = {"zoomInTitle": say.message("zoom_in"),',
         'self.zoom_options = {"zoomInTitle": "Zoom in",',
         ("tests/test_korean_reader.py::test_the_maps_controls_speak_korean_and_measure_in_kilometres",)),
    Seed("K3", "a Korean range of years that repeats the unit (1906년~1908년)", "geo/text/localizer.py",
         'return self.message("year_range", first=start.year, last=end.year)',
         'return format_interval(start, end, SKELETONS[precision], locale=self.locale)',
         ("tests/test_text.py",)),
    Seed("K4", "the page not marked as Korean (<html lang>)", "widgets.py",
         '    st.sidebar.html(f"<script>document.documentElement.lang = {json.dumps(lang)};</script>",',
         '    st.sidebar.html("<script></script>",',
         ("tests/test_korean_reader.py::test_the_page_and_its_map_are_marked_as_korean",)),
    # The classroom (issue 12).
    Seed("C1", "the zoom range left to folium, which drops it", "geo/web/controls.py",
         "            map.setMinZoom({{ this.min_zoom }});\n", "",
         ("tests/test_classroom.py::test_the_keyboard_zooms_only_within_the_atlas_range",)),
    Seed("C2", "popups held inside the map's pan limits", "geo/web/controls.py",
         "                map.setMaxBounds(null);\n", "",
         ("tests/test_classroom.py::test_every_event_popup_opens_whole_inside_the_map_and_above_everything",)),
    Seed("C3", "the mouse wheel captured by the map", "geo/web/controls.py",
         "            map.gestureHandling.enable();\n", "",
         ("tests/test_classroom.py::test_the_mouse_wheel_scrolls_the_page_over_the_map_and_zooms_only_with_ctrl",)),
    Seed("C4", "the page printed as the screen shows it (sidebar, one scroll box)", "widgets.py",
         "@media print {", "@media speech {",
         ("tests/test_classroom.py::test_the_printed_map_page_is_a_whole_handout",)),
    Seed("C5", "the legend over the zoom buttons in a narrow map", "geo/web/legend.py",
         'box.style.maxWidth = (size.x - {{ this.zoom_column }}) + "px";', "",
         ("tests/test_classroom.py::test_the_legend_folds_under_its_title_and_never_covers_a_zoom_button",)),
    # The slider and the play button (issue 13).
    Seed("P1", "land drawn again on every step", "geo/web/kept_land.py",
         "                if (store.shown[slot] === key) { return; }\n", "",
         ("tests/test_slider.py::test_a_step_within_a_period_draws_no_land_again",)),
    Seed("P2", "a map frame's request for its land ignored", "widgets.py",
         "        sent.clear()\n", "",
         ("tests/test_slider.py::test_a_map_frame_that_lost_its_land_gets_it_again",)),
    Seed("P3", "playing not stopped by a key or a click", "player.py",
         '    st.html(_STOP_ON_ANY_INPUT + _focus_on("stop_playing"), unsafe_allow_javascript=True)\n',
         '    st.html(_focus_on("stop_playing"), unsafe_allow_javascript=True)\n',
         ("tests/test_slider.py::test_play_walks_from_treaty_to_treaty_and_a_key_stops_it_where_it_is",
          "tests/test_slider.py::test_a_click_on_the_map_stops_playing")),
    Seed("P4", "the player stuck on the year it started at", "player.py",
         "            st.session_state[year_key] = following[0]\n", "            pass\n",
         ("tests/test_slider.py::test_play_walks_from_treaty_to_treaty_and_a_key_stops_it_where_it_is",)),
    Seed("P5", "land taken off with the group that showed it", "geo/web/kept_land.py",
         '            group.on("add", show);\n',
         '            group.on("add", show);\n'
         '            group.on("remove", function () { store.layers[key].remove(); store.shown[slot] = null; });\n',
         ("tests/test_export.py::test_offline_atlas_draws_with_no_network_and_switches_periods",
          "tests/test_slider.py::test_a_step_within_a_period_draws_no_land_again")),
    # Issue 16: the map told in words.
    Seed("A1", "the map in words tells the period before's holders", "geo/text/map_in_words.py",
         "holding = (period.holders[area_id]", "holding = ((atlas.previous(period) or period).holders[area_id]",
         ("tests/test_map_in_words.py",)),
    Seed("A2", "the map in words left unescaped on the pages", "geo/text/map_in_words.py",
         "bullets([escape(s) for s in (*self.holdings, *self.lines)])", "bullets([*self.holdings, *self.lines])",
         ("tests/test_injection.py::test_tags_in_the_data_show_as_text_on_every_page",)),
    Seed("A3", "the map in words left unescaped in the offline atlas", "geo/web/offline.py",
         'f"<li>{escape(sentence)}</li>"', 'f"<li>{sentence}</li>"',
         ("tests/test_injection.py::test_tags_in_the_data_show_as_text_in_the_offline_atlas",)),
    Seed("A4", "Play gives way to Stop and the keyboard's focus goes to the page", "player.py",
         '    st.html(_STOP_ON_ANY_INPUT + _focus_on("stop_playing"), unsafe_allow_javascript=True)',
         "    st.html(_STOP_ON_ANY_INPUT, unsafe_allow_javascript=True)",
         ("tests/test_keyboard.py::test_the_play_button_starts_with_a_key_and_escape_stops_it",)),
    Seed("A5", "selected controls back in Streamlit's red (3.25:1 in dark)", ".streamlit/config.toml",
         'primaryColor = "#2dd4bf"', 'primaryColor = "#ff4b4b"',
         ("tests/test_accessibility.py::test_every_page_passes_axe[chromium-map-ko-dark]",)),
    Seed("A6", "Japan's land as light as the shared land (told apart by hue alone)", "geo/style.py",
         '"joint": "#d0b2f2"}', '"joint": "#8fa2d8"}',
         ("tests/test_colour_vision.py",)),
    Seed("A7", "the downloads keep the focus on their button (Tab reaches them after the panel)", "pages/atlas.py",
         'taken_from=".st-key-downloads"', 'taken_from=".st-key-nowhere"',
         ("tests/test_keyboard.py::test_the_downloads_open_from_the_keyboard_with_the_focus_on_the_first",)),
    Seed("A8", "Sakhalin before 1905 told as two halves in what changed", "geo/text/year_panel.py",
         "for (old, new), area_ids in changed.items() for name in land_names(atlas, area_ids, say)]",
         "for (old, new), area_ids in changed.items() for name in [say.text(atlas.areas[a].name) for a in area_ids]]",
         ("tests/test_map_in_words.py", "tests/test_compare.py")),
    # Issue 15: viewpoints.
    Seed("V1", "Japan's maps undetermined only from 1953, not from the treaty's entry into force",
         "data/viewpoints.yaml",
         "    - start: 1952\n      end: 1956", "    - start: 1953\n      end: 1956",
         ("tests/test_viewpoints.py",)),
    Seed("V2", "a viewpoint's rule redraws no land", "geo/model/atlas.py",
         "holders = {**period.holders, **rule.holders}", "holders = dict(period.holders)",
         ("tests/test_viewpoints.py",)),
    Seed("V3", "Japan's maps still draw Japan's claim on the four islands it draws as its own", "geo/model/atlas.py",
         "claims = rule.claims if rule.claims is not None else", "claims = period.claims if True else",
         ("tests/test_viewpoints.py",)),
    Seed("V4", "a viewpoint's note left unescaped beside the map", "geo/text/viewpoint.py",
         "parts.append(escape(say.text(rule.note)) + citations(", "parts.append(say.text(rule.note) + citations(",
         ("tests/test_injection.py",)),
    Seed("V5", "the viewpoint switch no longer writes the URL", "widgets.py",
         'st.query_params["view"] = lang, style, view.lower()', 'st.query_params["names"] = lang, style, style',
         ("tests/test_viewpoints.py",)),
    Seed("V6", "undetermined land as white as Japan's atlases print it, on a pale sea", "geo/style.py",
         '"undetermined": "#c0c0ba"', '"undetermined": "#ffffff"',
         ("tests/test_colour_vision.py",)),
    Seed("V7", "the compare page's right map ignores its own viewpoint", "pages/compare.py",
         "view=words.atlas.view, sync_group", "view=None, sync_group",
         ("tests/test_viewpoints.py",)),
    Seed("V8", "the picture download draws the whole frame, not the area in view", "pages/atlas.py",
         "follow_view=True", "follow_view=False",
         ("tests/test_picture_in_view.py",)),
    Seed("V9", "Japan's maps say 'Held by Japan' of islands Japan does not hold", "geo/text/localizer.py",
         "drawn = (view or self.atlas.view) != NEUTRAL", "drawn = False",
         ("tests/test_viewpoints.py",)),
    Seed("V10", "the comparison slide draws both maps in the left map's viewpoint", "geo/printing/layout.py",
         "render.draw_map(ax, shown, words, bounds)", "render.draw_map(ax, shown, say, bounds)",
         ("tests/test_viewpoints.py",)),
]


def run(seed: Seed) -> tuple[bool, str]:
    """Apply ``seed`` in a copy of the repository and run its tests: (caught, last line)."""
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "atlas"
        shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".git", "__pycache__", ".pytest_cache"))
        target = copy / seed.file
        text = target.read_text(encoding="utf-8")
        if text.count(seed.old) != 1:
            return False, f"seed does not apply: {seed.old[:60]!r} found {text.count(seed.old)} times"
        target.write_text(text.replace(seed.old, seed.new), encoding="utf-8")
        result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider",
                                 *seed.tests], cwd=copy, capture_output=True, text=True, timeout=1800)
        last = (result.stdout.strip().splitlines() or ["(no output)"])[-1]
        return result.returncode == 1, last


def main(keys: list[str]) -> int:
    chosen = [s for s in SEEDS if not keys or s.key in keys]
    missed = 0
    for seed in chosen:
        caught, last = run(seed)
        missed += not caught
        print(f"{seed.key:<3} {'caught' if caught else 'MISSED':<7} {seed.bug}  [{', '.join(seed.tests)}]  {last}",
              flush=True)
    print(f"{len(chosen) - missed} of {len(chosen)} seeded bugs caught")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
