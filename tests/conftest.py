"""Shared fixtures: a writable copy of the data folder, and the offline browser page."""

import shutil
from pathlib import Path

import pytest
from browser import CHROMIUM_ARGS, app_server, block_outside_network, chromium_path

from geo.model import loading

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    """A writable copy of data/ that the geo package (and the app run by AppTest) load instead
    of data/; an edit to it is seen by the next call (no once-a-second wait)."""
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    monkeypatch.setenv("ATLAS_DATA_DIR", str(copy))
    monkeypatch.setattr(loading, "RECHECK_SECONDS", 0.0)
    return copy


@pytest.fixture(scope="module")
def server():
    """The atlas on its own data, one server per test module (a module may define its own);
    no request reaches it before the module's first test's."""
    with app_server() as running:
        yield running.url


@pytest.fixture(scope="session")
def browser_type_launch_args():
    """pytest-playwright launches the system Chromium (Debian's package), not a download."""
    return {"executable_path": chromium_path(), "args": CHROMIUM_ARGS}


@pytest.fixture
def offline_page(context):
    """A page whose every request to another host is aborted; after the test, nothing may have
    been asked of an outside host, and the page must not have thrown."""
    tried = block_outside_network(context)
    page = context.new_page()
    page.set_default_timeout(30_000)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    assert tried == [], f"the atlas tried to reach outside hosts: {tried[:5]}"
    assert errors == [], errors
