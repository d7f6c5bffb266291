"""The one private piece of Streamlit the app relies on: ``PagesManager.uses_pages_directory``.

The client fixed the folder name ``pages/``, and Streamlit takes a ``pages/`` folder beside
the entry script for an old-style multipage app, until some session has run
``st.navigation``: on a fresh server the first visitor's ``/compare`` would run that page on
its own, without app.py's sidebar (language, place names) and with other widget ids.
widgets.page_setup clears the class flag and reruns.  These tests fail when an upgrade of
Streamlit removes the flag or changes what it means, so that page_setup is looked at again.

AppTest resets the flag before every run, so a new AppTest session is a fresh server's first
visit (tests/test_deep_links.py opens /compare on a real fresh server).
"""

import pytest
from browser import PAGES, open_app
from streamlit.runtime.pages_manager import PagesManager

import widgets

#: What each page's first line says, in English.
TITLES = {
    "pages/atlas.py": "Kuril and Sakhalin border atlas", "pages/compare.py": "Compare two years",
    "pages/timeline.py": "Timeline", "pages/treaties.py": "Treaties", "pages/dispute.py": "The dispute today",
    "pages/sources.py": "Sources and licences",
}


@pytest.fixture
def flag():
    """The class flag, restored after the test."""
    kept = PagesManager.uses_pages_directory
    yield
    PagesManager.uses_pages_directory = kept


def test_the_flag_is_a_class_attribute_set_from_a_pages_folder_beside_the_script(tmp_path, flag):
    assert "uses_pages_directory" in vars(PagesManager), "Streamlit no longer has the flag page_setup clears"
    (tmp_path / "app.py").write_text("")
    PagesManager.uses_pages_directory = None
    PagesManager(str(tmp_path / "app.py"))
    assert PagesManager.uses_pages_directory is False
    (tmp_path / "pages").mkdir()
    PagesManager.uses_pages_directory = None
    PagesManager(str(tmp_path / "app.py"))
    assert PagesManager.uses_pages_directory is True


def sidebar_switches(app) -> list[str]:
    """The labels of the sidebar's switches (app.py's frame: language, place names, web map)."""
    return [element.label for element in app.sidebar if getattr(element, "label", None)]


@pytest.mark.parametrize("page", sorted(PAGES.values()))
def test_a_fresh_servers_first_visit_to_any_page_runs_inside_app_py(page):
    app = open_app(page, year="1905", compare="1945")
    assert not app.exception, [e.value for e in app.exception]
    assert app.title[0].value == TITLES[page]
    assert sidebar_switches(app)[:2] == ["언어 / Language", "Place names"]


def test_without_page_setup_a_first_visit_runs_the_page_on_its_own(monkeypatch):
    """What the flag means today: if this fails, Streamlit no longer runs a page of the
    pages/ folder on its own, and widgets.page_setup may be needless (or wrong)."""
    monkeypatch.setattr(widgets, "page_setup", lambda: None)
    app = open_app("pages/compare.py")
    assert app.title[0].value == "두 해 비교"  # in the first language: no frame() read the browser's
    assert sidebar_switches(app) == []
