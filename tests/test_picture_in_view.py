"""The map page's picture download draws what the user is looking at, in a real headless
Chromium: after a pan and a zoom, the PNG is the picture of the map's current bounds (as the
browser's own Leaflet reports them), in the viewpoint shown, and not the whole frame.

One app server and one page for the module.
"""

import io

import numpy as np
import pytest
from browser import chromium_path, map_frame, offline_session, settled_leaflet, wait_until
from PIL import Image

import geo
from geo import export

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(chromium_path() is None, reason="needs Chromium (scripts/test.sh installs it)"),
]

BOUNDS = "[map_div.getBounds().getWest(), map_div.getBounds().getSouth(), map_div.getBounds().getEast(), " \
         "map_div.getBounds().getNorth()]"


@pytest.fixture(scope="module")
def page(browser):
    with offline_session(browser, accept_downloads=True) as offline:
        yield offline


def downloaded_picture(page) -> bytes:
    page.get_by_role("button", name="Downloads").click()
    with page.expect_download() as download:
        page.get_by_role("button", name="Picture (PNG)").click()
    return download.value.path().read_bytes()


def test_the_picture_download_draws_the_area_in_view_as_the_viewpoint_shows_it(server, page):
    page.goto(f"{server}/?year=1960&view=jp")
    map_frame(page)
    window = settled_leaflet(page)
    # Zoomed in on southern Sakhalin (Karafuto), as a teacher would for a slide about it.
    window.evaluate("map_div.setView([47.0, 142.8], 7, {animate: false})")
    in_view = window.evaluate(BOUNDS)
    # The map reports its bounds after a pause (streamlit-folium debounces moveend); the
    # page reruns with them.
    page.wait_for_timeout(1500)
    wait_until(lambda: page.locator('[data-testid="stStatusWidget"]').count() == 0, "the page kept running",
               page=page)
    picture = downloaded_picture(page)
    assert Image.open(io.BytesIO(picture)).text["Title"] == "1960 · No treaty drew this line · As Japan's maps draw it"
    atlas = geo.current().viewed("JP")
    expected = export.png(atlas, 1960, "en", bounds=tuple(in_view))
    whole = export.png(atlas, 1960, "en")

    def pixels(png: bytes) -> np.ndarray:
        return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))

    differing = (pixels(picture) != pixels(expected)).any(axis=-1).mean()
    assert differing < 0.001, f"{differing:.1%} of the picture differs from the picture of the map's bounds"
    assert (pixels(picture) != pixels(whole)).any(axis=-1).mean() > 0.05, "the picture shows the whole frame"
