"""Slider speed in a real browser: the atlas between the stack's floor and the naive pattern,
measured in one run.

Starts three apps on the same bundled Leaflet and settings: the floor
(benchmarks/floor_app.py: the same stack and pattern, a fixed empty base map and one
triangle that moves every step, the best a slider step can be), the atlas (app.py) and the
naive baseline (benchmarks/naive_app.py: the whole folium map rebuilt on every rerun, same
data).  It drives headless Chromium with the outside network blocked, and prints for each,
with atlas/floor and naive/atlas (the issue's targets: atlas/floor at most 1.5 for the step
median and 2 for its p90, naive/atlas at least 3):

- step: key press on the year slider to the new border drawn (the last SVG path added to the
  map, at the next animation frame), over --steps presses;
- navigation: opening the page to the map fully drawn, over --navigations fresh contexts
  (an empty cache); return visit: the same page opened again in the same context;
- kilobytes fetched over HTTP and received over the WebSocket on a first and a return visit;
- server script time per rerun: CPU time of Streamlit's script thread for each rerun of a
  step (the app's Python), recorded by a sitecustomize hook in the server process;
- server CPU per step: the whole server process's user+system CPU time over the steps,
  divided by their number (the rerun plus Streamlit's messaging and web server);
- server memory: resident memory with one session, and with --sessions open at once.

Run: python benchmarks/slider.py  (about ten minutes; Debian's chromium must be installed).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from browser import CHROMIUM_ARGS, MAP_FRAME, app_server, chromium_path  # noqa: E402

QUIET_S = 0.6
# Outside hosts are blocked by name resolution, not by routing requests (tests/browser.py's
# way), which would turn the browser's cache off and make a return visit a first one.
NO_OUTSIDE_HOSTS = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"
# Steps go back and forth across period boundaries: within a period the layer is the same
# and nothing is redrawn, which would flatter the atlas.
BOUNDARIES = (1905, 1945)

# Records, in the top page's clock, each animation frame after SVG paths were added to any
# map iframe (the naive app replaces its iframe, so new iframes are watched as they come).
WATCH_MAP_DRAWING = """
(() => {
  if (window.top !== window) return;
  window.__drawn = [];
  window.__key = null;
  const record = () => requestAnimationFrame(() => window.__drawn.push(performance.now()));
  const watch = (frame) => {
    const attach = () => {
      const doc = frame.contentDocument;
      if (!doc || doc.__watched) return;
      doc.__watched = true;
      new MutationObserver((records) => {
        for (const r of records) for (const n of r.addedNodes) {
          if (n.nodeName === "path" || (n.querySelector && n.querySelector("path"))) { record(); return; }
        }
      }).observe(doc, {childList: true, subtree: true});
      if (doc.querySelector("path")) record();
    };
    attach();
    frame.addEventListener("load", attach);
  };
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) {
      if (n.nodeName === "IFRAME") watch(n);
      else if (n.querySelectorAll) n.querySelectorAll("iframe").forEach(watch);
    }
  }).observe(document, {childList: true, subtree: true});
  document.addEventListener("keydown", () => { window.__key = performance.now(); }, true);
})();
"""


# Loaded by the server's Python at start-up (PYTHONPATH): appends the wall and CPU time of each
# script run to the file named by ATLAS_RERUN_TIMES. The app itself is not changed.
RERUN_TIMER = """
import os, time
from streamlit.runtime.scriptrunner import script_runner

_run_script = script_runner.ScriptRunner._run_script


def _timed_run_script(self, *args, **kwargs):
    wall, cpu = time.perf_counter(), time.thread_time()
    try:
        return _run_script(self, *args, **kwargs)
    finally:
        with open(os.environ["ATLAS_RERUN_TIMES"], "a") as log:
            log.write(f"{(time.perf_counter() - wall) * 1000:.3f} {(time.thread_time() - cpu) * 1000:.3f}\\n")


script_runner.ScriptRunner._run_script = _timed_run_script
"""


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def summary(values: list[float]) -> dict[str, float]:
    return {"median": statistics.median(values), "p90": percentile(values, 0.9), "max": max(values)}


def wait_until_drawn(page, already: int, timeout_s: float = 20.0) -> float:
    """Wait for new drawing after ``already`` records, then for QUIET_S without any; returns
    the time of the last drawing (ms, page clock)."""
    deadline = time.monotonic() + timeout_s
    count = already
    while count <= already:
        if time.monotonic() > deadline:
            raise TimeoutError("the map was not redrawn")
        time.sleep(0.02)
        count = page.evaluate("window.__drawn.length")
    while True:
        time.sleep(QUIET_S)
        newer = page.evaluate("window.__drawn.length")
        if newer == count:
            return page.evaluate("window.__drawn[window.__drawn.length - 1]")
        count = newer


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def open_page(browser, url: str, context=None):
    """A page of ``url`` with the map drawn, in a new browser context (an empty cache) unless
    ``context`` is given (a return visit)."""
    if context is None:
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        context.add_init_script(WATCH_MAP_DRAWING)
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.goto(url)
    page.frame_locator(MAP_FRAME).locator("path.leaflet-interactive").first.wait_for()
    return context, page


def downloaded_kb(page, url: str) -> tuple[float, float]:
    """Kilobytes that reach the browser over the network (HTTP after compression, cache hits
    counting nothing, from Chrome's own count) and over the WebSocket, to open ``url`` in
    ``page`` until the map is drawn."""
    network = page.context.new_cdp_session(page)
    network.send("Network.enable")
    http, socket = [], []
    network.on("Network.loadingFinished", lambda event: http.append(event["encodedDataLength"]))
    network.on("Network.webSocketFrameReceived",
               lambda event: socket.append(len(event["response"]["payloadData"]) * 3 / 4))  # base64
    page.goto(url)
    wait_until_drawn(page, 0)
    network.detach()
    return sum(http) / 1024, sum(socket) / 1024


def beside_the_atlas(script: Path, folder: Path) -> Path:
    """A copy of ``script`` in ``folder`` with the atlas's static/ and .streamlit/ beside it,
    so it serves the same bundled Leaflet with the same settings."""
    folder = folder / script.stem
    folder.mkdir()
    for name in ("static", ".streamlit"):
        (folder / name).symlink_to(ROOT / name)
    copy = folder / script.name
    copy.write_text(script.read_text(encoding="utf-8"), encoding="utf-8")
    return copy


def rerun_cpu_ms(log: Path) -> list[float]:
    return [float(line.split()[1]) for line in log.read_text().splitlines()] if log.exists() else []


def measure(browser, script: Path, steps: int, navigations: int, sessions: int, scratch: Path) -> dict:
    hook = scratch / "hook"
    hook.mkdir(exist_ok=True)
    (hook / "sitecustomize.py").write_text(RERUN_TIMER, encoding="utf-8")
    log = scratch / f"{script.stem}-reruns.txt"
    env = {"PYTHONPATH": f"{hook}{os.pathsep}{ROOT}", "ATLAS_RERUN_TIMES": str(log)}
    with app_server(script, env=env) as server:
        url = f"{server.url}/?year={BOUNDARIES[0]}"
        warm_up, _ = open_page(browser, url)  # the first visit loads the data: not a user's wait
        warm_up.close()
        navigation, return_visit = [], []
        for _ in range(navigations):
            context, page = open_page(browser, url)
            navigation.append(wait_until_drawn(page, 0))
            _, again = open_page(browser, url, context)
            return_visit.append(wait_until_drawn(again, 0))
            context.close()
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        context.add_init_script(WATCH_MAP_DRAWING)
        first_kb = downloaded_kb(context.new_page(), url)
        again_kb = downloaded_kb(context.new_page(), url)
        context.close()

        step, cpu, script_cpu = [], 0.0, []
        for boundary in BOUNDARIES:
            context, page = open_page(browser, f"{server.url}/?year={boundary - 1}")
            wait_until_drawn(page, 0)
            rss_one = rss_mb(server.process.pid)
            page.get_by_role("slider").first.focus()
            keys = ["ArrowRight", "ArrowLeft"] * steps
            for key in keys[:4]:  # warm-up: the first reruns fill the caches
                already = page.evaluate("window.__drawn.length")
                page.keyboard.press(key)
                wait_until_drawn(page, already)
            cpu_before, reruns_before = cpu_seconds(server.process.pid), len(rerun_cpu_ms(log))
            for key in keys[: steps // len(BOUNDARIES)]:
                already = page.evaluate("window.__drawn.length")
                page.keyboard.press(key)
                drawn = wait_until_drawn(page, already)
                step.append(drawn - page.evaluate("window.__key"))
            cpu += cpu_seconds(server.process.pid) - cpu_before
            script_cpu += rerun_cpu_ms(log)[reruns_before:]
            context.close()
        cpu_per_step = cpu / len(step) * 1000

        many = [open_page(browser, url) for _ in range(sessions)]
        time.sleep(2)
        rss_many = rss_mb(server.process.pid)
        for context, _ in many:
            context.close()
    return {"step": summary(step), "navigation": summary(navigation), "return visit": summary(return_visit),
            "script": summary(script_cpu), "cpu": cpu_per_step, "first_kb": first_kb, "again_kb": again_kb,
            "rss_one": rss_one, "rss_many": rss_many}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--steps", type=int, default=30)
    parser.add_argument("--navigations", type=int, default=5)
    parser.add_argument("--sessions", type=int, default=30)
    args = parser.parse_args()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=[*CHROMIUM_ARGS, NO_OUTSIDE_HOSTS])
        with tempfile.TemporaryDirectory() as folder:
            scratch = Path(folder)
            floor_app = beside_the_atlas(ROOT / "benchmarks" / "floor_app.py", scratch)
            floor = measure(browser, floor_app, args.steps, args.navigations, args.sessions, scratch)
            atlas = measure(browser, ROOT / "app.py", args.steps, args.navigations, args.sessions, scratch)
            naive_app = beside_the_atlas(ROOT / "benchmarks" / "naive_app.py", scratch)
            naive = measure(browser, naive_app, args.steps, args.navigations, args.sessions, scratch)
        browser.close()

    print(f"machine: {platform.node()}, {os.cpu_count()} cores, {platform.machine()}, "
          f"Python {platform.python_version()}, {time.strftime('%Y-%m-%d %H:%M')}")
    print(f"{args.steps} slider steps across {' and '.join(map(str, BOUNDARIES))}, {args.navigations} navigations, "
          f"{args.sessions} sessions; times in ms, memory in MB")
    print(f"{'':28}{'floor':>10}{'atlas':>10}{'naive':>10}{'atlas/floor':>13}{'naive/atlas':>13}")
    for label, key in (("step", "step"), ("navigation", "navigation"), ("return visit", "return visit"),
                       ("server script time", "script")):
        for stat in ("median", "p90", "max"):
            f, a, n = floor[key][stat], atlas[key][stat], naive[key][stat]
            print(f"{label + ' ' + stat:28}{f:>10.0f}{a:>10.0f}{n:>10.0f}{a / f:>13.1f}{n / a:>13.1f}")
    for label, key in (("server CPU per step", "cpu"), ("server RSS, one session", "rss_one"),
                       (f"server RSS, {args.sessions} sessions", "rss_many")):
        f, a, n = floor[key], atlas[key], naive[key]
        print(f"{label:28}{f:>10.1f}{a:>10.1f}{n:>10.1f}{a / f:>13.1f}{n / a:>13.1f}")
    for label, key in (("first visit", "first_kb"), ("return visit", "again_kb")):
        print(f"{label + ', KB HTTP + socket':28}" + "".join(
            f"{f'{run[key][0]:.0f}+{run[key][1]:.0f}':>10}" for run in (floor, atlas, naive)))


if __name__ == "__main__":
    main()
