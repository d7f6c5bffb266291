"""Export speed and size against the targets of the teaching exports.

Times, in one process after one warm-up call each (data loading and first font use are
not counted): the slide picture (PNG, 1920×1080, a different period each run), the same
picture of part of the map (southern Sakhalin, ``bounds``), the slide and the handout
comparing two years (PNG, PDF), the animation (GIF, every period), the handout (PDF); and the
size of the offline atlas (HTML). Prints median, p90 and max of each against its target
(the single-year PNG is the baseline of the others, in the same run).

Run: python benchmarks/exports.py [--runs 9]  (about a minute)
"""

from __future__ import annotations

import argparse
import itertools
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
import geo  # noqa: E402
from geo import export  # noqa: E402

TARGETS_S = {"PNG slide": 2.0, "PNG bounds": 2.0, "compare PNG": 4.0, "compare PDF": None, "GIF": 15.0,
             "PDF": None}
#: Southern Sakhalin (degrees, EPSG:4326): a zoomed-in view as a user pans to it.
BOUNDS = (141.0, 45.5, 144.5, 48.5)
#: Pairs of years compared, each across a change of period.
PAIRS = ((1875, 1945), (1855, 1905), (1904, 1990))
HTML_TARGET_BYTES = 3_000_000


def timed(call, runs: int) -> list[float]:
    call()  # warm-up: loads and projects the data, registers the fonts
    seconds = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        seconds.append(time.perf_counter() - start)
    return seconds


def p90(values: list[float]) -> float:
    return statistics.quantiles(values, n=10, method="inclusive")[-1] if len(values) > 1 else values[0]


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--runs", type=int, default=9, help="timed runs of PNG and PDF (GIF: a third)")
    runs = options.parse_args().runs
    atlas = geo.current()
    years = itertools.cycle(p.start for p in atlas.periods)
    langs = itertools.cycle(["en", "ko"])
    pairs = itertools.cycle(PAIRS)
    measured = {
        "PNG slide": timed(lambda: export.png(atlas, next(years), next(langs)), runs),
        "PNG bounds": timed(lambda: export.png(atlas, next(years), next(langs), bounds=BOUNDS), runs),
        "compare PNG": timed(lambda: export.compare_png(atlas, *next(pairs), next(langs)), runs),
        "compare PDF": timed(lambda: export.compare_pdf(atlas, *next(pairs), next(langs)), runs),
        "GIF": timed(lambda: export.gif(atlas, "en"), max(3, runs // 3)),
        "PDF": timed(lambda: export.pdf(atlas, next(years), next(langs)), runs),
    }
    print(f"Python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} cores")
    print(f"{'export':<11} {'runs':>4} {'median':>8} {'p90':>8} {'max':>8}   target")
    for name, seconds in measured.items():
        target = TARGETS_S[name]
        met = "ok" if target is not None and max(seconds) <= target else "MISSED"
        verdict = "(no target)" if target is None else f"<= {target:g} s  {met}"
        print(f"{name:<11} {len(seconds):>4} {statistics.median(seconds):>7.2f}s {p90(seconds):>7.2f}s "
              f"{max(seconds):>7.2f}s   {verdict}")
    for lang in ("en", "ko"):
        size = len(export.html(atlas, lang))
        verdict = "ok" if size <= HTML_TARGET_BYTES else "MISSED"
        print(f"HTML {lang:<5} {size / 1e6:>28.2f} MB   <= {HTML_TARGET_BYTES / 1e6:g} MB  {verdict}")


if __name__ == "__main__":
    main()
