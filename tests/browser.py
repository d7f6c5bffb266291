"""Helpers for real-browser tests: an app server on a free port and an offline Chromium page."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-gpu", "--disable-sync"]
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'


def chromium_path() -> str | None:
    return os.environ.get("ATLAS_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class AppServer:
    url: str
    process: subprocess.Popen


@contextmanager
def app_server(script: Path = ROOT / "app.py", env: dict | None = None):
    """`streamlit run SCRIPT` on a free port; yields it once it answers its health check."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", script.name, "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1"],
        cwd=script.parent, env={**os.environ, **(env or {})},
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    url = f"http://127.0.0.1:{port}"
    prefix = "/" + (env or {}).get("STREAMLIT_SERVER_BASE_URL_PATH", "").strip("/")
    prefix = "" if prefix == "/" else prefix
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}{prefix}/_stcore/health", timeout=2) as answer:
                    if answer.read() == b"ok":
                        break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the app did not start: {process.stderr.read()[-2000:]}")
            time.sleep(0.25)
        yield AppServer(url, process)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def block_outside_network(context, hang: bool = False) -> list[str]:
    """Abort every request that leaves this machine (or, with ``hang``, never answer it, as
    a blocked network may); returns the list of what was tried."""
    tried: list[str] = []

    def route(request_route):
        host = request_route.request.url.split("/")[2].split(":")[0]
        if host in ("127.0.0.1", "localhost"):
            request_route.continue_()
        else:
            tried.append(request_route.request.url)
            if not hang:
                request_route.abort()

    context.route("**/*", route)
    return tried


def map_frame(page):
    """The map's frame, once Leaflet has drawn into it."""
    frame = page.frame_locator(MAP_FRAME)
    frame.locator("path.leaflet-interactive").first.wait_for()
    return frame
