"""Links straight to a page, as a teacher shares them, opened on a server that has just started.

Streamlit runs a page asked for by URL on its own until some session has opened the app's
main page; the atlas must look the same either way (see widgets.page_setup)."""

import re

import pytest
from playwright.sync_api import expect

from browser import MAP_FRAME, app_server, block_outside_network, chromium_path

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(chromium_path() is None, reason="needs Chromium (scripts/test.sh installs it)"),
]


@pytest.fixture(scope="module")
def server():
    with app_server() as running:  # no request reaches it before the first test's
        yield running.url


def test_a_fresh_servers_first_visitor_can_open_the_comparison_page(server, context):
    tried = block_outside_network(context)
    page = context.new_page()
    page.goto(f"{server}/compare?year=1875&compare=1945&lang=ko")
    page.frame_locator(MAP_FRAME).first.locator("path.leaflet-interactive").first.wait_for(timeout=30_000)
    expect(page.get_by_text("두 해 비교하기").first).to_be_visible()
    expect(page.get_by_text("Language / 언어")).to_be_visible()   # the sidebar switches are there
    expect(page.get_by_text("Page not found")).to_have_count(0)
    expect(page.locator('[data-testid="stSidebarNav"]')).to_contain_text("연표")  # titled pages
    assert tried == []


def test_a_timeline_link_opens_the_timeline(server, context):
    block_outside_network(context)
    page = context.new_page()
    page.goto(f"{server}/timeline?lang=en")
    expect(page.get_by_text("Ōtsu incident").first).to_be_visible(timeout=30_000)
    expect(page.locator('[data-testid="stSidebarNav"]')).to_contain_text("Compare two years")


def test_a_timeline_button_shows_its_year_on_the_map(server, context):
    block_outside_network(context)
    page = context.new_page()
    page.goto(f"{server}/timeline?lang=en")
    page.get_by_role("button", name="Show 1905 on the map").first.click()
    page.frame_locator(MAP_FRAME).locator("path.leaflet-interactive").first.wait_for(timeout=30_000)
    expect(page).to_have_url(re.compile(r"year=1905"))
    expect(page.get_by_text("Treaty of Portsmouth").first).to_be_visible()


@pytest.mark.parametrize("link, sliders", [
    ("compare?year=2026&compare=1855", ["2026", "1855"]),
    ("compare?compare=0", ["1855", "2026"]),          # replaced by the default, with a message
    ("?year=1905.5", ["1905"]),
])
def test_a_link_copied_after_a_visit_reopens_the_same_view(server, context, link, sliders):
    """What a teacher copies from the address bar is what the students see."""
    block_outside_network(context)
    page = context.new_page()
    page.goto(f"{server}/{link}")
    page.frame_locator(MAP_FRAME).first.locator("path.leaflet-interactive").first.wait_for(timeout=30_000)
    shown = [slider.get_attribute("value") for slider in page.get_by_role("slider").all()]
    assert shown == sliders
    again = context.new_page()
    again.goto(page.url)
    again.frame_locator(MAP_FRAME).first.locator("path.leaflet-interactive").first.wait_for(timeout=30_000)
    assert [slider.get_attribute("value") for slider in again.get_by_role("slider").all()] == shown
