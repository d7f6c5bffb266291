"""A district's cluster (scripts/serve-cluster.sh): replicas under supervisord behind nginx.

One cluster for the module, under a path prefix (Streamlit's server.baseUrlPath, kept by
nginx), every browser context coming from the same address (127.0.0.1), as a school behind
one NAT does. Select these tests with ``-m cluster``.
"""

from __future__ import annotations

import re
import time
import urllib.request

import pytest
from browser import MAP_FRAME, block_outside_network, chromium_path
from cluster import Runs, cluster, nginx_path
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.cluster,
    pytest.mark.browser,
    pytest.mark.skipif(chromium_path() is None, reason="needs Chromium (scripts/test.sh installs it)"),
    pytest.mark.skipif(nginx_path() is None, reason="needs nginx (scripts/test.sh installs it)"),
]

PREFIX = "district"
REPLICA_HEADER = "x-atlas-replica"


@pytest.fixture(scope="module")
def district(request):
    failed_before = request.session.testsfailed
    with cluster(replicas=2, prefix=PREFIX) as running:
        yield running
        running.keep = request.session.testsfailed > failed_before   # keep the logs of a failure
    assert running.left == [], f"still running after the cluster stopped: {running.left}"


class Pupil:
    """One browser context (its own cookies, so its own session) with one page."""

    def __init__(self, browser, district, link: str):
        self.context = browser.new_context(viewport={"width": 1400, "height": 1000})
        self.outside = block_outside_network(self.context)
        self.page = self.context.new_page()
        self.page.set_default_timeout(60_000)
        self.errors: list[str] = []
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.answers: list[tuple[str, int]] = []   # (path, replica) of every proxied answer
        self.page.on("response", self._note)
        self.runs = Runs(self.page)                # its WebSockets and the runs each carried
        self.district = district
        document = self.page.goto(f"{district.url}/{link}")
        self.replica = district.replica_of(document.headers[REPLICA_HEADER])
        self.page.frame_locator(MAP_FRAME).first.locator("path.leaflet-interactive").first.wait_for()
        self.wait_for(self.runs.ready, "the first run")

    def _note(self, response) -> None:
        replica = response.headers.get(REPLICA_HEADER)
        if replica:
            self.answers.append((response.url.split("?")[0], self.district.replica_of(replica)))

    def cookie(self) -> str | None:
        return next((c["value"] for c in self.context.cookies() if c["name"] == "atlas_replica"), None)

    def sliders(self) -> list[str]:
        return [slider.get_attribute("value") for slider in self.page.get_by_role("slider").all()]

    def download(self) -> int:
        """Click the map page's PNG download; returns the replica that served the file."""
        self.page.get_by_role("button", name=re.compile(r"Downloads|내려받기")).click()  # the popover
        with self.page.expect_download(timeout=60_000) as started:
            self.page.get_by_role("button", name=re.compile(r"\(PNG\)")).click()   # either language
        url = started.value.url.split("?")[0]
        assert "/media/" in url and started.value.failure() is None
        self.wait_for(lambda: any(path == url for path, _ in self.answers), f"nginx's answer for {url}")
        return [replica for path, replica in self.answers if path == url][-1]

    def wait_for(self, condition, what: str, timeout: float = 30) -> None:
        """Wait for CONDITION, letting the page's events in meanwhile."""
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise AssertionError(f"waited {timeout:.0f} s for {what}")
            self.page.wait_for_timeout(100)

    def close(self) -> None:
        self.context.close()
        assert self.outside == [] and self.errors == [], (self.outside, self.errors)


@pytest.fixture
def pupils(browser, district):
    opened: list[Pupil] = []

    def open_page(link: str) -> Pupil:
        opened.append(Pupil(browser, district, link))
        return opened[-1]

    yield open_page
    for pupil in opened:
        pupil.close()


def test_the_map_draws_through_the_proxy_under_the_prefix(district, pupils):
    pupil = pupils("?year=1905")
    expect(pupil.page.get_by_text("Treaty of Portsmouth").first).to_be_visible()
    frame = pupil.page.frame_locator(MAP_FRAME)
    expect(frame.locator(".leaflet-control-zoom-in")).to_be_visible()   # Leaflet's CSS, under the prefix
    pupil.page.get_by_role("slider").focus()                             # the WebSocket works both ways
    pupil.page.keyboard.press("ArrowRight")
    expect(pupil.page).to_have_url(re.compile(rf"/{PREFIX}/\?.*year=1906"))
    assert pupil.cookie() == f"replica-{pupil.replica}"
    with urllib.request.urlopen(f"{district.url}/_stcore/health", timeout=10) as answer:
        assert answer.read() == b"ok"


def test_pupils_from_one_address_spread_over_the_replicas_and_stick(district, pupils):
    """ip_hash would put every pupil here on one replica: all come from 127.0.0.1."""
    opened = [pupils(f"?year={1900 + n}") for n in range(4)]
    assert {pupil.replica for pupil in opened} == {1, 2}
    for pupil in opened:
        # The page's own files, the map component's files and its download all come from
        # the replica that made its session.
        assert pupil.download() == pupil.replica
        assert any("/component/" in path for path, _ in pupil.answers)
        assert {replica for _, replica in pupil.answers} == {pupil.replica}, pupil.answers
        assert pupil.cookie() == f"replica-{pupil.replica}"
    # Each page's WebSocket went to its replica too (nginx logs a WebSocket when it closes).
    for pupil in opened:
        pupil.context.close()
    time.sleep(0.5)
    streams = [line for line in district.access_log() if f"/{PREFIX}/_stcore/stream" in line and " 101 " in line]
    assert len(streams) >= len(opened)
    for line in streams:
        cookie = re.search(r"cookie=(\S*)", line).group(1)
        replica = re.search(r"replica=(\S+)", line).group(1)
        if cookie:
            assert cookie == f"replica-{district.replica_of(replica)}", line


# (link, what the page says after one step of its first slider)
LESSONS = [
    ("?year=1904&lang=ko&names=ja", "포츠머스 조약", 1905),
    ("?year=1944&lang=en&names=ru", "Soviet, then Russian, control", 1945),
    ("compare?year=1875&compare=1945&lang=ko&names=ru", "두 해 비교", 1876),
]


def test_a_killed_replicas_pages_come_back_with_their_url_state(district, pupils):
    opened = [(pupils(link), after, year) for link, after, year in LESSONS * 2]
    victim = opened[0][0].replica
    before = {id(pupil): (pupil.page.url, pupil.sliders()) for pupil, _, _ in opened}
    district.kill(victim)
    killed = time.time()
    for pupil, after, year in opened:
        page = pupil.page
        if pupil.replica != victim:   # the other replica's pages never noticed
            assert len(pupil.runs.sockets) == 1 and (page.url, pupil.sliders()) == before[id(pupil)]
            continue
        # Back within seconds on the other replica (the whole page ran there, on a new
        # connection), with the same URL (page, year, language, place names) and sliders ...
        pupil.wait_for(lambda pupil=pupil: pupil.runs.back_after(killed) is not None, "a run on another replica")
        assert pupil.runs.back_after(killed) - killed < 20
        expect(page).to_have_url(before[id(pupil)][0])
        assert pupil.sliders() == before[id(pupil)][1]
        # ... and alive: the new session runs the page's fragments (the slider, the map, the panel).
        page.get_by_role("slider").first.focus()
        page.keyboard.press("ArrowRight")
        expect(page).to_have_url(re.compile(rf"year={year}"), timeout=30_000)
        expect(page.get_by_text(after).first).to_be_visible(timeout=30_000)
        if "lang=ko" in before[id(pupil)][0]:
            expect(page.get_by_text("언어 / Language")).to_be_visible()
            expect(page.get_by_role("link", name="연표")).to_be_visible()   # the page list in Korean
        # The cookie followed the session: the page's downloads come from the replica that has it.
        if "compare" not in page.url:
            assert pupil.download() == 3 - victim
        assert pupil.cookie() == f"replica-{3 - victim}"


def test_supervisord_restarts_a_killed_replica(district):
    district.wait_until_healthy(1)
    old = district.kill(1)
    district.wait_until_healthy(1)
    assert district.state(1) == "RUNNING"
    assert district.pid(1) not in (0, old)


def test_the_offline_atlas_is_served_by_nginx(district, browser):
    for lang, title in (("en", "Treaty of Shimoda"), ("ko", "시모다")):
        with urllib.request.urlopen(f"{district.url}/offline/atlas-{lang}.html", timeout=10) as answer:
            assert answer.headers["Content-Type"].startswith("text/html")
            assert REPLICA_HEADER not in {name.lower() for name in answer.headers}  # no replica involved
            html = answer.read().decode()
        assert "L.map(" in html and title in html
    context = browser.new_context()
    tried = block_outside_network(context)
    page = context.new_page()
    page.goto(f"{district.url}/offline/atlas-en.html")
    page.locator("path.leaflet-interactive").first.wait_for(timeout=30_000)
    expect(page.get_by_text("Treaty of Shimoda").first).to_be_visible()
    context.close()
    assert tried == []
