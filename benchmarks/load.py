"""A classroom at once: many browser sessions stepping the year slider together.

Run:  python benchmarks/load.py                      (20 sessions x 10 steps, 2-4 minutes on 2 cores)
      python benchmarks/load.py --sessions 30 --steps 20 --browsers 2
      python benchmarks/load.py --replicas 2 --sessions 40   (a district: through nginx, twice)
Needs Debian's chromium (scripts/test.sh installs it) and the test requirements (playwright);
--replicas also needs Debian's nginx (scripts/test.sh installs it too).

With --replicas N the sessions go through scripts/serve-cluster.sh (N replicas under
supervisord behind nginx, tests/cluster.py) and the run is made twice on the same cluster:
with every replica alive, and again with the replica holding the most sessions killed
(SIGKILL) when half of all steps are done. Each run prints how many sessions each replica
got (from nginx's X-Atlas-Replica header; every session comes from 127.0.0.1), each
replica's memory, the step latencies and the errors. In the second run a page on the
killed replica must reconnect to a live one and finish a run there (the time from the kill
is printed), then go on stepping with its year and language still in its URL: a page that
does not is counted as an error ("did not come back"). A step in flight at the kill may be
lost; it is counted apart, as the page retries it.

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
import contextlib
import os
import platform
import random
import signal
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
from cluster import Runs, cluster  # noqa: E402
from slider import QUIET_S, WATCH_MAP_DRAWING, cpu_seconds, percentile, rss_mb  # noqa: E402

START_YEARS = (1904, 1944)  # each session steps across START_YEAR/START_YEAR+1
VIEWPORT = {"width": 1400, "height": 1000}
LOCAL_HOSTS = ("127.0.0.1", "localhost")


@dataclass
class Session:
    number: int
    start_year: int
    lang: str = "en"
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    replica: int | None = None          # cluster runs: the replica that served the page
    lost: int = 0                       # steps in flight when its replica was killed
    killed_at: float | None = None      # when its replica was killed (epoch s)
    reconnecting: list[str] = field(default_factory=list)   # console messages while it was down
    runs: Runs | None = None

    def down(self) -> bool:
        """Its replica was killed and it has not yet run again on another."""
        return bool(self.killed_at) and self.runs.back_after(self.killed_at) is None

    def back_s(self) -> float | None:
        back = self.runs.back_after(self.killed_at) if self.killed_at else None
        return back - self.killed_at if back else None


async def block_outside_network(context, tried: list[str]) -> None:
    """tests/browser.py's blocker, for the async API: abort every request off this machine."""

    async def route(request_route):
        if urlsplit(request_route.request.url).hostname in LOCAL_HOSTS:
            await request_route.continue_()
        else:
            tried.append(request_route.request.url)
            await request_route.abort()

    await context.route("**/*", route)


async def wait_until_ready(session: Session, timeout_ms: float) -> None:
    """Wait until the page is connected and the whole page has run on its connection's
    server (tests/cluster.py Runs): after its replica was killed, that is when it is back on
    another. A step sent before then would reach a session that has not run the page's
    fragment yet, and Streamlit drops it."""
    deadline = time.monotonic() + timeout_ms / 1000
    while not session.runs.ready():
        if time.monotonic() > deadline:
            raise TimeoutError(f"not connected and run after {timeout_ms / 1000:.0f} s")
        await asyncio.sleep(0.05)


async def wait_until_drawn(page, already: int, timeout_ms: float) -> float:
    """Wait, in the page, for drawing after ``already`` records and then QUIET_S without any;
    returns the time of the last drawing (page clock, ms)."""
    await page.wait_for_function("n => window.__drawn.length > n", arg=already, timeout=timeout_ms, polling=20)
    quiet_ms = QUIET_S * 1000
    await page.wait_for_function(
        "q => performance.now() - window.__drawn[window.__drawn.length - 1] > q",
        arg=quiet_ms, timeout=timeout_ms, polling=50)
    return await page.evaluate("window.__drawn[window.__drawn.length - 1]")


async def open_session(browser, url: str, session: Session, timeout_ms: float, replica_of=None):
    context = await browser.new_context(viewport=VIEWPORT)
    await block_outside_network(context, session.outside)
    await context.add_init_script(WATCH_MAP_DRAWING)
    page = await context.new_page()
    page.set_default_timeout(timeout_ms)
    session.runs = Runs(page)
    page.on("pageerror", lambda error: session.errors.append(f"page error: {error}"))

    def console(message) -> None:
        if message.type == "error":
            (session.reconnecting if session.down() else session.errors).append(
                f"console error: {message.text[:200]}")

    page.on("console", console)
    lang = f"&lang={session.lang}" if session.lang != "en" else ""
    answer = await page.goto(f"{url}/?year={session.start_year}{lang}")
    if replica_of:
        session.replica = replica_of(answer.headers["x-atlas-replica"])
    await page.frame_locator(MAP_FRAME).locator("path").first.wait_for()
    await wait_until_drawn(page, 0, timeout_ms)
    return context, page



async def step(page, session: Session, steps: int, timeout_ms: float, first: int = 0, done=None,
               pace: float = 0) -> None:
    """Step the slider from step FIRST for STEPS steps, back and forth across the session's
    boundary. Before each step the page must be ready (connected, and the whole page has run
    on its connection's server): after its replica was killed, that is when it is back on
    another. With PACE, wait 0.5 to 1.5 times PACE seconds (at random) before each step, as a
    pupil reading the map would. ``done`` counts the steps taken."""
    slider = page.get_by_role("slider").first
    pupil = random.Random(session.number)
    index = first
    while index < first + steps:
        if pace:
            await asyncio.sleep(pupil.uniform(0.5, 1.5) * pace)
        key, year = ("ArrowRight", session.start_year + 1) if index % 2 == 0 else ("ArrowLeft", session.start_year)
        try:
            await wait_until_ready(session, timeout_ms)
            await slider.focus()
            already = await page.evaluate("window.__drawn.length")
            await page.keyboard.press(key)
            drawn = await wait_until_drawn(page, already, timeout_ms)
            session.latencies.append(drawn - await page.evaluate("window.__key"))
            await page.wait_for_function("y => location.search.includes('year=' + y)", arg=year, timeout=timeout_ms)
        except Exception as error:  # a timeout or a page that went away: one error, go on
            if session.killed_at and not session.lost:
                session.lost += 1   # in flight when its replica died: the pupil presses again
                continue
            session.errors.append(f"step {index + 1} to {year}: {type(error).__name__}: {str(error)[:160]}")
        index += 1
        if done is not None:
            done.append(index)


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
        with contextlib.suppress(OSError):
            total += cpu_seconds(pid)
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
            "steps_s": steps_s, "cpu_steps": cpu_steps, "cpu_browsers": cpu_browsers, "rss_idle": rss_idle,
            "rss_warm": rss_warm, "rss_after": rss_after, "rss_peak": peak.peak}


# --- a district: the same sessions through nginx, over supervised replicas -------------------

def replica_cpu(district) -> dict[int, float]:
    seconds = {}
    for number in range(1, district.replicas + 1):
        try:
            seconds[number] = cpu_seconds(district.pid(number))
        except (OSError, ValueError):
            seconds[number] = 0.0
    return seconds


async def one_cluster_run(district, browsers, args, kill: bool) -> dict:
    """Open --sessions pages through the proxy (at most --open-at-once loading together),
    step them all at once; with KILL, SIGKILL the busiest replica when half the steps are done."""
    timeout_ms = args.timeout * 1000
    sessions = [Session(i, START_YEARS[i % len(START_YEARS)], "ko" if i % 3 == 2 else "en")
                for i in range(args.sessions)]
    gate = asyncio.Semaphore(args.open_at_once)

    async def opened(session: Session):
        async with gate:
            return await open_session(browsers[session.number % len(browsers)], district.url, session,
                                      timeout_ms, district.replica_of)

    started = time.perf_counter()
    results = await asyncio.gather(*[opened(s) for s in sessions], return_exceptions=True)
    load_s = time.perf_counter() - started
    pages, contexts = [], []
    for session, result in zip(sessions, results):
        if isinstance(result, BaseException):
            session.errors.append(f"opening: {type(result).__name__}: {str(result)[:160]}")
        else:
            contexts.append(result[0])
            pages.append((session, result[1]))
    per_replica = {n: sum(1 for s, _ in pages if s.replica == n) for n in range(1, district.replicas + 1)}

    done: list[int] = []
    killed: dict = {"victim": None, "at": None, "pid": None}

    async def killer() -> None:
        total = len(pages) * args.steps
        while len(done) < total // 2:
            await asyncio.sleep(0.05)
        victim = max(per_replica, key=per_replica.get)
        pid = await asyncio.to_thread(district.pid, victim)
        killed["cpu"] = cpu_seconds(pid)   # what it used until its death
        os.kill(pid, signal.SIGKILL)
        killed.update(victim=victim, at=time.time(), pid=pid)
        for session, _ in pages:
            if session.replica == victim:
                session.killed_at = killed["at"]
        # supervisord's restart, timed while the pages go on
        while not await asyncio.to_thread(district.healthy, victim):
            if time.time() - killed["at"] > 120:
                return
            await asyncio.sleep(0.2)
        killed["restarted_s"] = time.time() - killed["at"]

    cpu_before, browsers_before = replica_cpu(district), browser_cpu_seconds(district.process.pid)
    started = time.perf_counter()
    work = [step(page, s, args.steps, timeout_ms, done=done, pace=args.pace) for s, page in pages]
    killing = asyncio.create_task(killer()) if kill else None
    await asyncio.gather(*work)
    steps_s = time.perf_counter() - started
    cpu_after = replica_cpu(district)
    if killed["victim"]:   # the dead process's CPU until the kill, and the new one's since its start
        victim = killed["victim"]
        cpu_after[victim] += killed["cpu"]
    cpu_browsers = browser_cpu_seconds(district.process.pid) - browsers_before

    # Every page must be ready, still showing its year and language; a killed replica's
    # pages must have run again on another.
    async def check(session: Session, page) -> None:
        try:
            await wait_until_ready(session, timeout_ms)
            url = page.url
            if f"year={session.start_year}" not in url or (session.lang != "en" and f"lang={session.lang}" not in url):
                raise ValueError(f"the URL lost its state: {url}")
            if session.killed_at and session.back_s() is None:
                raise ValueError("never ran again after its replica was killed")
        except Exception as error:
            not_back.append(session.number)
            sockets = [(round(s["opened"] - (session.killed_at or 0), 1), len(s["full"]), len(s["fragment"]))
                       for s in session.runs.sockets]
            session.errors.append(f"did not come back: {type(error).__name__}: {str(error)[:100]} "
                                  f"(its connections, opened s after the kill, full and fragment runs: {sockets})")

    not_back: list[int] = []
    await asyncio.gather(*[check(session, page) for session, page in pages])
    ended_on = {n: 0 for n in range(1, district.replicas + 1)}
    for context in contexts:
        cookie = next((c["value"] for c in await context.cookies() if c["name"] == "atlas_replica"), "")
        if cookie.startswith("replica-"):
            ended_on[int(cookie.split("-")[1])] += 1
    if killing:
        await killing
    restarted_s = killed.get("restarted_s")
    await asyncio.sleep(1)
    rss = {n: district.rss_mb(n) for n in range(1, district.replicas + 1)}
    for context in contexts:
        await context.close()
    return {"sessions": sessions, "opened": len(pages), "load_s": load_s, "per_replica": per_replica,
            "steps_s": steps_s, "cpu": {n: cpu_after[n] - cpu_before[n] for n in cpu_after},
            "cpu_browsers": cpu_browsers, "rss": rss, "killed": killed if kill else None,
            "not_back": not_back, "ended_on": ended_on, "restarted_s": restarted_s}


async def run_cluster(args) -> dict:
    with cluster(replicas=args.replicas) as district:
        async with async_playwright() as playwright:
            browsers = [await playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
                        for _ in range(args.browsers)]
            rss_idle = {n: district.rss_mb(n) for n in range(1, district.replicas + 1)}
            # Warm-up, each replica directly: load the data, fill the caches (both boundaries).
            warm_errors = []
            for number in range(1, district.replicas + 1):
                for i, year in enumerate(START_YEARS):
                    session = Session(-1 - i, year)
                    context, page = await open_session(browsers[0], district.replica_url(number), session,
                                                       args.timeout * 1000)
                    await step(page, session, 2, args.timeout * 1000)
                    await context.close()
                    warm_errors += [f"warm-up, replica {number}: {e}" for e in session.errors + session.outside]
            rss_warm = {n: district.rss_mb(n) for n in range(1, district.replicas + 1)}
            runs = []
            for kill in ([False, True] if args.kill == "both" else [args.kill == "halfway"]):
                runs.append(await one_cluster_run(district, browsers, args, kill))
            for browser in browsers:
                await browser.close()
    if district.left:
        warm_errors.append(f"still running after the cluster stopped: {district.left}")
    return {"runs": runs, "warm_errors": warm_errors, "rss_idle": rss_idle, "rss_warm": rss_warm,
            "nginx": nginx_version()}


def nginx_version() -> str:
    import subprocess

    from cluster import nginx_path
    answer = subprocess.run([nginx_path(), "-v"], capture_output=True, text=True)
    return answer.stderr.strip().split("/")[-1]


def print_cluster(args, result: dict) -> int:
    failed = bool(result["warm_errors"])
    replicas = range(1, args.replicas + 1)
    print(f"a district: {args.replicas} replicas under supervisord behind nginx {result['nginx']} "
          f"(scripts/serve-cluster.sh), {args.sessions} sessions from one address (127.0.0.1), "
          f"{args.steps} steps each across {' and '.join(f'{y}/{y + 1}' for y in START_YEARS)}, "
          + (f"one every {args.pace / 2:.1f}-{args.pace * 1.5:.1f} s (at random); " if args.pace else "all at once; ")
          + f"every third session in Korean; {args.browsers} Chromium process{'es' if args.browsers > 1 else ''}")
    print("replica RSS (MB) before the runs: " + "  ".join(
        f"replica-{n} idle {result['rss_idle'][n]:.1f}, after warm-up {result['rss_warm'][n]:.1f}" for n in replicas))
    for run in result["runs"]:
        sessions, killed = run["sessions"], run["killed"]
        latencies = [ms for s in sessions for ms in s.latencies]
        errors = [f"session {s.number}: {e}" for s in sessions for e in s.errors]
        errors += [f"session {s.number}: outside request {url}" for s in sessions for url in s.outside]
        print()
        if killed:
            print(f"-- run 2: replica-{killed['victim']} killed (SIGKILL) when half the steps were done --")
        else:
            print("-- run 1: every replica alive --")
        print("sessions per replica: " + "  ".join(f"replica-{n} {run['per_replica'][n]}" for n in replicas)
              + f"  ({run['opened']} opened in {run['load_s']:.1f} s, at most {args.open_at_once} loading at once)")
        if latencies:
            print(f"step latency, key press to new border drawn (ms): p50 {statistics.median(latencies):.0f}  "
                  f"p95 {percentile(latencies, 0.95):.0f}  max {max(latencies):.0f}  "
                  f"({len(latencies)} steps in {run['steps_s']:.1f} s)")
            cpu = sum(run["cpu"].values())
            print(f"CPU during the steps: replicas {cpu:.1f} s ({cpu / len(latencies) * 1000:.0f} ms per step: "
                  + ", ".join(f"replica-{n} {run['cpu'][n]:.1f} s" for n in replicas)
                  + f"), browsers {run['cpu_browsers']:.1f} s, "
                  + f"of {run['steps_s'] * (os.cpu_count() or 1):.1f} core-seconds")
        if killed:
            victims = [s for s in sessions if s.killed_at]
            back = sorted(s.back_s() for s in victims if s.back_s() is not None)
            print(f"pages on replica-{killed['victim']}: {len(victims)}; back on another replica, from the kill to "
                  f"their first finished run there (s): "
                  + (f"median {statistics.median(back):.1f}  max {back[-1]:.1f}" if back else "none"))
            down = sum(len(s.reconnecting) for s in victims)
            print(f"steps in flight at the kill, pressed again: {sum(s.lost for s in victims)}; console errors "
                  f"on those pages while they were down (not counted as errors): {down}")
            print(f"pages that did not come back: {len(run['not_back'])}")
            print("sessions per replica at the end (by their cookie): "
                  + "  ".join(f"replica-{n} {run['ended_on'][n]}" for n in replicas))
            print(f"supervisord restarted replica-{killed['victim']}: "
                  + (f"answering again {run['restarted_s']:.1f} s after the kill" if run["restarted_s"]
                     else "NOT back"))
        print(f"errors: {len(errors)}")
        for error in errors[:20]:
            print(f"  {error}")
        print("replica RSS (MB) with every session open after the steps: "
              + "  ".join(f"replica-{n} {run['rss'][n] or 0:.1f}" for n in replicas))
        failed |= bool(errors) or not latencies or bool(killed and not run["restarted_s"])
    for error in result["warm_errors"]:
        print(f"  {error}")
    return 1 if failed else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=20, help="concurrent browser sessions (default 20)")
    parser.add_argument("--steps", type=int, default=10, help="slider steps per session (default 10)")
    parser.add_argument("--browsers", type=int, default=1,
                        help="Chromium processes the sessions are spread over (default 1)")
    parser.add_argument("--timeout", type=float, default=60, help="seconds before a step or page load fails")
    parser.add_argument("--replicas", type=int, default=0,
                        help="0 (default): one app server, directly; N: a cluster of N replicas behind nginx")
    parser.add_argument("--kill", choices=["both", "none", "halfway"], default="both",
                        help="with --replicas: run with every replica alive, with one killed halfway, "
                             "or both (default)")
    parser.add_argument("--pace", type=float, default=None,
                        help="seconds a pupil waits before each step, 0.5 to 1.5 times this at random (default: "
                             "0, flat out, for one server; 15 with --replicas, see README)")
    parser.add_argument("--open-at-once", type=int, default=10,
                        help="with --replicas: at most this many pages loading at the same time (default 10)")
    args = parser.parse_args()

    print(f"machine: {os.cpu_count()} cores, {platform.machine()}, {platform.system()} {platform.release()}, "
          f"Python {platform.python_version()}, {time.strftime('%Y-%m-%d %H:%M')}", flush=True)
    if args.pace is None:
        args.pace = 15.0 if args.replicas else 0.0
    if args.replicas:
        return print_cluster(args, asyncio.run(run_cluster(args)))
    result = asyncio.run(run(args))
    sessions = result["sessions"]
    latencies = [ms for s in sessions for ms in s.latencies]
    errors = [f"session {s.number}: {e}" for s in sessions for e in s.errors]
    errors += [f"session {s.number}: outside request {url}" for s in sessions for url in s.outside]
    errors += result["warm_errors"]

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
