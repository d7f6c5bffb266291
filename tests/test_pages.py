"""The reading pages: the treaty library, the dispute today and the sources."""

import pytest
from streamlit.testing.v1 import AppTest

import geo
from conftest import DATA, ROOT
from geo import page_text, panel


def open_page(page: str, lang: str = "en") -> AppTest:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    app.query_params["lang"] = lang
    app.run()
    app.switch_page(page).run()
    assert not app.exception
    return app


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_dispute_page_sets_both_positions_side_by_side_with_sources(lang):
    app = open_page("pages/dispute.py", lang)
    text = "\n".join(m.value for m in app.markdown)
    for position in geo.dispute().positions:
        assert panel.md(position.name(lang)) in text
        for point in position.points:
            assert panel.md(point.text(lang)) in text
            assert all(s.url.split("#")[0] in text for s in point.sources)
    assert len(app.columns) == 2


def test_both_positions_get_the_same_room():
    sides = {p.side: len(p.points) for p in geo.dispute().positions}
    assert set(sides) == {"JP", "RU"} and abs(sides["JP"] - sides["RU"]) <= 1


def test_sources_page_names_every_data_file_with_a_licence():
    listed = {item["file"] for item in page_text.datasets()[0]}
    own_text = {"ui.yaml", "ui_export.yaml", "datasets.yaml", "README.md", "LICENSE-coastline.md"}
    for path in DATA.iterdir():
        if path.name not in own_text:
            assert f"data/{path.name}" in listed, f"{path.name} is not on the Sources page"
    text = "\n".join(m.value for m in open_page("pages/sources.py").markdown)
    assert "LGPL" in text and "How the sea borders are drawn" in text


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_treaty_library_quotes_every_treaty_with_both_calendars(lang):
    app = open_page("pages/treaties.py", lang)
    text = "\n".join(m.value for m in app.markdown)
    for item in geo.treaties().values():
        assert panel.md(item.quotes[0].text.splitlines()[0]) in text
    assert panel.md(panel.format_date(geo.treaty("shimoda_1855").date_old_style, lang)) in text
