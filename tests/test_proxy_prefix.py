"""The atlas behind a reverse proxy that serves it under a path prefix (server.baseUrlPath).

The map's page loads Leaflet from the app itself (no CDN): under a prefix the links must carry
it, and the server must answer them there.  No browser is needed for that; every test of
tests/test_browser.py runs a real browser against a server under a prefix.
"""

import json
import urllib.request

import pytest
from browser import (
    app_server,
    open_app,
    running_server,  # noqa: F401  (fixture)
)
from streamlit import config

PREFIX = "atlas"


@pytest.fixture(scope="module")
def server():
    with app_server(env={"STREAMLIT_SERVER_BASE_URL_PATH": PREFIX}) as running:
        yield running.url


@pytest.fixture
def prefixed(request):
    request.getfixturevalue("running_server")
    kept = config.get_option("server.baseUrlPath")
    config.set_option("server.baseUrlPath", PREFIX)
    yield
    config.set_option("server.baseUrlPath", kept)


def get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


def test_the_map_loads_leaflet_under_the_prefix_and_the_server_answers_there(server, prefixed):
    app = open_app(year="1905")
    (component,) = app.get("component_instance")
    args = json.loads(component.proto.json_args)
    links = args["js_links"] + args["css_links"]
    assert sorted(links) == [
        "/atlas/app/static/leaflet/gesture-handling/leaflet-gesture-handling.min.css",
        "/atlas/app/static/leaflet/gesture-handling/leaflet-gesture-handling.min.js",
        "/atlas/app/static/leaflet/leaflet.css", "/atlas/app/static/leaflet/leaflet.js"]
    origin = server.removesuffix(f"/{PREFIX}")
    for link in links:
        status, body = get(origin + link)
        assert status == 200, link
        assert b"Leaflet" in body[:300] or b".leaflet-" in body or b"gestureHandling" in body, link
    assert get(origin + "/app/static/leaflet/leaflet.js")[0] == 404  # only under the prefix
