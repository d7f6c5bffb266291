"""The atlas behind a reverse proxy that serves it under a path prefix (server.baseUrlPath)."""

import pytest
from playwright.sync_api import expect

from browser import MAP_FRAME, app_server, block_outside_network, chromium_path

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(chromium_path() is None, reason="needs Chromium (scripts/test.sh installs it)"),
]


@pytest.fixture(scope="module")
def server():
    with app_server(env={"STREAMLIT_SERVER_BASE_URL_PATH": "atlas"}) as running:
        yield running.url


def test_the_map_draws_under_a_path_prefix(server, context):
    tried = block_outside_network(context)
    page = context.new_page()
    page.goto(f"{server}/atlas/?year=1905")
    frame = page.frame_locator(MAP_FRAME)
    frame.locator("path.leaflet-interactive").first.wait_for(timeout=30_000)
    expect(page.get_by_text("Treaty of Portsmouth").first).to_be_visible()
    expect(frame.locator(".leaflet-control-zoom-in")).to_be_visible()  # Leaflet's CSS was found
    assert tried == []
