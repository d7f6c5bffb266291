"""The comparison page: two years side by side on the same map frame, what changed between
them, and the treaty behind each border. ``?year=1905&compare=1945`` opens two years."""

import datetime as dt

import streamlit as st
from streamlit_folium import st_folium

import geo
from geo import i18n, panel, webmap

lang = st.session_state.get("atlas_lang", "en")
first, last = geo.first_year(), dt.date.today().year
# By default, the first border against today's: everything that ever changed.
DEFAULT_YEARS = {"year": first, "compare": last}


def year_from_url(key: str) -> None:
    """On the first run, take a year from ?KEY=, explaining (and correcting) a bad one."""
    if key in st.session_state:
        return
    raw = st.query_params.get(key)
    default = DEFAULT_YEARS[key]
    try:
        year = int(raw.strip()) if raw is not None else default
    except ValueError:
        year = None
    shown = default if year is None else min(max(year, first), last)
    if shown != year:
        st.warning(i18n.tr("bad_year", lang, value=raw[:40], first=first, last=last, shown=shown))
    st.session_state[key] = shown


@st.fragment
def comparison() -> None:
    years = {}
    sliders = {"year": i18n.tr("year", lang), "compare": i18n.tr("compare_year", lang)}
    for column, (key, label) in zip(st.columns(2, gap="medium"), sliders.items()):
        with column:
            years[key] = st.slider(label, min_value=first, max_value=last, key=key, bind="query-params")
            # The same base map on both sides, so both show the same frame.
            st_folium(webmap.base_map(lang), feature_group_to_add=webmap.year_layer(years[key], lang),
                      returned_objects=[], key=f"compare-{key}-{lang}", height=520, use_container_width=True)
    one, other = years["year"], years["compare"]
    st.subheader(i18n.tr("compare_changes", lang, first=one, second=other))
    changed = panel.differences(one, other, lang)
    st.markdown("\n".join(f"- {panel.md(line)}" for line in changed) if changed
                else i18n.tr("compare_no_change", lang))
    if geo.period_at(one).treaty_id == geo.period_at(other).treaty_id:
        st.caption(i18n.tr("compare_same_treaty", lang))
    for column, year in zip(st.columns(2, gap="medium"), (one, other)):
        with column, st.container(height=560, border=False):
            st.markdown(panel.year_panel_markdown(year, lang))


st.title(i18n.tr("compare_title", lang))
st.caption(i18n.tr("compare_intro", lang))
for key in DEFAULT_YEARS:
    year_from_url(key)
comparison()
