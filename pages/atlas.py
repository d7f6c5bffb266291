"""The map page: a year slider, the map of that year and the treaty behind its border."""

import streamlit as st
from streamlit_folium import st_folium

import geo
import widgets
from geo import export, i18n, page_text, panel, webmap

widgets.page_setup()
lang = widgets.language()
names = widgets.place_names()
first, last = widgets.year_range()


def jump_to(year: int) -> None:
    st.session_state["year"] = year


# Exports take 0.5–3 s: made only when a button is clicked, once per year and language.
@st.cache_data(max_entries=32, show_spinner=False)
def picture(year: int, lang: str) -> bytes:
    return export.png(year, lang, "slide")


@st.cache_data(max_entries=32, show_spinner=False)
def handout(year: int, lang: str) -> bytes:
    return export.pdf(year, lang)


@st.cache_data(max_entries=2, show_spinner=False)
def animation(lang: str) -> bytes:
    return export.gif(lang)


@st.cache_data(max_entries=2, show_spinner=False)
def offline_atlas(lang: str) -> str:
    return export.html(lang)


def download_buttons(year: int) -> None:
    downloads = [
        ("download_png", lambda: picture(year, lang), f"atlas-{year}-{lang}.png", "image/png"),
        ("download_pdf", lambda: handout(year, lang), f"atlas-{year}-{lang}.pdf", "application/pdf"),
        ("download_gif", lambda: animation(lang), f"atlas-periods-{lang}.gif", "image/gif"),
        ("download_html", lambda: offline_atlas(lang), f"atlas-{lang}.html", "text/html"),
    ]
    for column, (label, data, file_name, mime) in zip(st.columns(len(downloads)), downloads):
        column.download_button(i18n.tr(label, lang), data, file_name, mime, key=label,
                               on_click="ignore", use_container_width=True)


@st.fragment
def atlas() -> None:
    year = st.slider(i18n.tr("year", lang), min_value=first, max_value=last, key="year",
                     bind="query-params")
    treaty_years = sorted({p.start for p in geo.periods()} | {
        m.date.year for p in geo.periods() for m in p.milestones if m.treaty_id})
    buttons = st.columns(len(treaty_years))
    for column, treaty_year in zip(buttons, treaty_years):
        column.button(str(treaty_year), key=f"jump-{treaty_year}", on_click=jump_to,
                      args=(treaty_year,), use_container_width=True, help=i18n.tr("jump_to", lang))
    map_column, text_column = st.columns([3, 2], gap="medium")
    with map_column:
        st_folium(widgets.base_map(), feature_group_to_add=webmap.year_layer(year, lang, names),
                  returned_objects=[], key=widgets.map_key("map"), height=640, use_container_width=True,
                  render=False)
        download_buttons(year)
        st.markdown(page_text.events_near_markdown(year, lang))
    with text_column, st.container(height=640, border=False):
        st.markdown(panel.year_panel_markdown(year, lang))


st.title(i18n.tr("app_title", lang))
st.caption(i18n.tr("app_intro", lang))
widgets.year_from_url("year")
atlas()
