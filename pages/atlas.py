"""The map page: a year slider, the map of that year and the treaty behind its border."""

import datetime as dt

import streamlit as st
from streamlit_folium import st_folium

import geo
from geo import i18n, panel, webmap

lang = st.session_state.get("atlas_lang", "en")
first, last = geo.first_year(), dt.date.today().year


def year_from_url() -> None:
    """On the first run, take the year from ?year=, explaining (and correcting) a bad one."""
    if "year" in st.session_state:
        return
    raw = st.query_params.get("year")
    try:
        year = int(raw.strip()) if raw is not None else first
    except ValueError:
        year = None
    shown = first if year is None else min(max(year, first), last)
    if shown != year:
        st.warning(i18n.tr("bad_year", lang, value=raw[:40], first=first, last=last, shown=shown))
    st.session_state["year"] = shown


def jump_to(year: int) -> None:
    st.session_state["year"] = year


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
        st_folium(webmap.base_map(lang), feature_group_to_add=webmap.year_layer(year, lang),
                  returned_objects=[], key=f"map-{lang}", height=640, use_container_width=True,
                  render=False)
    with text_column, st.container(height=640, border=False):
        st.markdown(panel.year_panel_markdown(year, lang))


st.title(i18n.tr("app_title", lang))
st.caption(i18n.tr("app_intro", lang))
year_from_url()
atlas()
