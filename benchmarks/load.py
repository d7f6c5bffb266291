"""A classroom at once: many browser sessions stepping the year slider together.

Run:  python benchmarks/load.py                      (20 sessions x 10 steps, 2-4 minutes on 2 cores)
      python benchmarks/load.py --sessions 30 --steps 20 --browsers 2
Needs Debian's chromium (scripts/test.sh installs it) and the test requirements (playwright).

Starts the atlas (tests/browser.py app_server) and opens --sessions browser sessions, each a
separate browser context (its own cookies and Streamlit session) spread over --browsers
headless Chromium processes, all driven from one asyncio loop. Every outside host is blocked.
Half the sessions open ?year=1904 and half ?year=1944; once all have drawn their map, all
step the year slider at the same time, back and forth across 1904/1905 or 1944/1945 (where
the map really changes), --steps key presses each.

A step's latency is the key press to the new border drawn: the last SVG path added to the
map, at the next animation frame, measured in the page with the MutationObserver of
benchmarks/slider.py (WATCH_MAP_DRAWING); after each step the URL must show the new year.

Prints the machine, sessions and steps, p50/p95/max step latency, errors (timeouts, page
errors, console errors, requests to outside hosts, a wrong year), and the server's resident
memory (VmRSS) when idle, after one warm-up session, and with every session open after the
steps. Exits with status 1 if there was any error.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import statistics
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from playwright.async_api import async_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))
from browser import CHROMIUM_ARGS, MAP_FRAME, app_server, chromium_path  # noqa: E402
from slider import QUIET_S, WATCH_MAP_DRAWING, cpu_seconds, percentile, rss_mb  # noqa: E402

START_YEARS = (1904, 1944)  # each session steps across START_YEAR/START_YEAR+1
VIEWPORT = {"width": 1400, "height": 1000}
LOCAL_HOSTS = ("127.0.0.1", "localhost")


@dataclass
class Session:
    number: int
    start_year: int
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)


async def block_outside_network(context, tried: list[str]) -> None:
    """tests/browser.py's blocker, for the async API: abort every request off this machine."""

    async def route(request_route):
        if urlsplit(request_route.request.url).hostname in LOCAL_HOSTS:
            await request_route.continue_()
        else:
            tried.append(request_route.request.url)
            await request_route.abort()

    await context.route("**/*", route)


async def wait_until_drawn(page, already: int, timeout_ms: float) -> float:
    """Wait, in the page, for drawing after ``already`` records and then QUIET_S without any;
    returns the time of the last drawing (page clock, ms)."""
    await page.wait_for_function("n => window.__drawn.length > n", arg=already, timeout=timeout_ms, polling=20)
    quiet_ms = QUIET_S * 1000
    await page.wait_for_function(
        "q => performance.now() - window.__drawn[window.__drawn.length - 1] > q",
        arg=quiet_ms, timeout=timeout_ms, polling=50)
    return await page.evaluate("window.__drawn[window.__drawn.length - 1]")


async def open_session(browser, url: str, session: Session, timeout_ms: float):
    context = await browser.new_context(viewport=VIEWPORT)
    await block_outside_network(context, session.outside)
    await context.add_init_script(WATCH_MAP_DRAWING)
    page = await context.new_page()
    page.set_default_timeout(timeout_ms)
    page.on("pageerror", lambda error: session.errors.append(f"page error: {error}"))
    page.on("console", lambda message: session.errors.append(f"console error: {message.text[:200]}")
            if message.type == "error" else None)
    await page.goto(f"{url}/?year={session.start_year}")
    await page.frame_locator(MAP_FRAME).locator("path").first.wait_for()
    await wait_until_drawn(page, 0, timeout_ms)
    return context, page


async def step(page, session: Session, steps: int, timeout_ms: float) -> None:
    slider = page.get_by_role("slider").first
    await slider.focus()
    for index in range(steps):
        key, year = ("ArrowRight", session.start_year + 1) if index % 2 == 0 else ("ArrowLeft", session.start_year)
        try:
            already = await page.evaluate("window.__drawn.length")
            await page.keyboard.press(key)
            drawn = await wait_until_drawn(page, already, timeout_ms)
            session.latencies.append(drawn - await page.evaluate("window.__key"))
            await page.wait_for_function("y => location.search.includes('year=' + y)", arg=year, timeout=5000)
        except Exception as error:  # a timeout or a page that went away: one error, go on
            session.errors.append(f"step {index + 1} to {year}: {type(error).__name__}: {str(error)[:160]}")
            await slider.focus()


def server_rss(pid: int) -> float | None:
    try:
        return rss_mb(pid)
    except (OSError, RuntimeError):  # the server has exited
        return None


def browser_cpu_seconds(server_pid: int) -> float:
    """CPU time of this script's live child processes but the server (the Chromiums and
    Playwright's driver): on one machine they compete with the server for the same cores."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except OSError:
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    total, todo = 0.0, list(children.get(os.getpid(), []))
    while todo:
        pid = todo.pop()
        if pid == server_pid:
            continue
        todo += children.get(pid, [])
        try:
            total += cpu_seconds(pid)
        except OSError:
            pass
    return total


class RssPeak:
    """The server's highest VmRSS, sampled every 0.2 s while the sessions run."""

    def __init__(self, pid: int):
        self.pid, self.peak, self._stop = pid, rss_mb(pid), threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.wait(0.2):
            self.peak = max(self.peak, server_rss(self.pid) or 0)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


async def run(args) -> dict:
    timeout_ms = args.timeout * 1000
    with app_server() as server:
        pid = server.process.pid
        # Read the server's log as it comes (an unread pipe would fill up and stall the server).
        log: list[str] = []
        threading.Thread(target=lambda: log.extend(server.process.stderr), daemon=True).start()
        rss_idle = rss_mb(pid)
        async with async_playwright() as playwright:
            browsers = [await playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
                        for _ in range(args.browsers)]
            # Warm-up: the first visit loads the data and fills the shared caches (both boundaries).
            warm = [Session(-1 - i, year) for i, year in enumerate(START_YEARS)]
            for session in warm:
                context, page = await open_session(browsers[0], server.url, session, timeout_ms)
                await step(page, session, 2, timeout_ms)
                await context.close()
            warm_errors = [f"warm-up: {e}" for s in warm for e in s.errors + s.outside]
            rss_warm = rss_mb(pid)

            sessions = [Session(i, START_YEARS[i % len(START_YEARS)]) for i in range(args.sessions)]
            with RssPeak(pid) as peak:
                started = time.perf_counter()
                opened = await asyncio.gather(*[
                    open_session(browsers[i % len(browsers)], server.url, s, timeout_ms)
                    for i, s in enumerate(sessions)], return_exceptions=True)
                load_s = time.perf_counter() - started
                pages = []
                for session, result in zip(sessions, opened):
                    if isinstance(result, BaseException):
                        session.errors.append(f"opening: {type(result).__name__}: {str(result)[:160]}")
                    else:
                        pages.append((session, result[1]))
                cpu_before, browser_before, started = cpu_seconds(pid), browser_cpu_seconds(pid), time.perf_counter()
                await asyncio.gather(*[step(page, s, args.steps, timeout_ms) for s, page in pages])
                steps_s, cpu_steps = time.perf_counter() - started, cpu_seconds(pid) - cpu_before
                cpu_browsers = browser_cpu_seconds(pid) - browser_before
                await asyncio.sleep(1)
                rss_after = server_rss(pid)
            if server.process.poll() is not None:
                warm_errors.append(f"the app server exited with status {server.process.returncode}: "
                                   + "".join(log[-15:]))
            for browser in browsers:
                await browser.close()
    return {"sessions": sessions, "warm_errors": warm_errors, "opened": len(pages), "load_s": load_s,
            "steps_s": steps_s, "cpu_steps": cpu_steps, "cpu_browsers": cpu_browsers, "rss_idle": rss_idle, "rss_warm": rss_warm,
            "rss_after": rss_after, "rss_peak": peak.peak}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=20, help="concurrent browser sessions (default 20)")
    parser.add_argument("--steps", type=int, default=10, help="slider steps per session (default 10)")
    parser.add_argument("--browsers", type=int, default=1,
                        help="Chromium processes the sessions are spread over (default 1)")
    parser.add_argument("--timeout", type=float, default=60, help="seconds before a step or page load fails")
    args = parser.parse_args()

    result = asyncio.run(run(args))
    sessions = result["sessions"]
    latencies = [ms for s in sessions for ms in s.latencies]
    errors = [f"session {s.number}: {e}" for s in sessions for e in s.errors]
    errors += [f"session {s.number}: outside request {url}" for s in sessions for url in s.outside]
    errors += result["warm_errors"]

    print(f"machine: {os.cpu_count()} cores, {platform.machine()}, {platform.system()} {platform.release()}, "
          f"Python {platform.python_version()}, {time.strftime('%Y-%m-%d %H:%M')}")
    print(f"{args.sessions} sessions ({result['opened']} opened in {result['load_s']:.1f} s, "
          f"{args.browsers} Chromium process{'es' if args.browsers > 1 else ''}), {args.steps} steps each "
          f"across {' and '.join(f'{y}/{y + 1}' for y in START_YEARS)}, all at once")
    if latencies:
        print(f"step latency, key press to new border drawn (ms): p50 {statistics.median(latencies):.0f}  "
              f"p95 {percentile(latencies, 0.95):.0f}  max {max(latencies):.0f}  "
              f"({len(latencies)} steps in {result['steps_s']:.1f} s)")
        print(f"CPU during the steps: server {result['cpu_steps']:.1f} s "
              f"({result['cpu_steps'] / len(latencies) * 1000:.0f} ms per step), browsers "
              f"{result['cpu_browsers']:.1f} s, of {result['steps_s'] * (os.cpu_count() or 1):.1f} core-seconds")
    print(f"errors: {len(errors)}")
    for error in errors[:20]:
        print(f"  {error}")
    after = result["rss_after"]
    growth = f"{(after - result['rss_warm']) / max(1, args.sessions):+.2f} per session" if after else "server gone"
    print(f"server RSS (MB): idle {result['rss_idle']:.1f}  after warm-up {result['rss_warm']:.1f}  "
          f"{args.sessions} sessions after the steps {after or 0:.1f}  peak {result['rss_peak']:.1f}  ({growth})")
    return 1 if errors or not latencies else 0


if __name__ == "__main__":
    sys.exit(main())
