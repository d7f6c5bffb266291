"""The comparison page: two years side by side on the same map frame, what changed between
them, and the treaty behind each border. ``?year=1905&compare=1945`` opens two years."""

import streamlit as st
from streamlit_folium import st_folium

import geo
import widgets
from geo import i18n, panel, webmap

widgets.page_setup()
lang = widgets.language()
names = widgets.place_names()
first, last = widgets.year_range()
# By default, the first border against today's: everything that ever changed.
DEFAULT_YEARS = {"year": first, "compare": last}


@st.fragment
def comparison() -> None:
    years = {}
    sliders = {"year": i18n.tr("year", lang), "compare": i18n.tr("compare_year", lang)}
    for column, (key, label) in zip(st.columns(2, gap="medium"), sliders.items()):
        with column:
            years[key] = st.slider(label, min_value=first, max_value=last, value=DEFAULT_YEARS[key], key=key,
                                   bind="query-params")
            # The same base map on both sides, so both show the same frame.
            st_folium(widgets.base_map(), feature_group_to_add=webmap.year_layer(years[key], lang, names),
                      returned_objects=[], key=widgets.map_key(f"compare-{key}"), height=520,
                      use_container_width=True, render=False)
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
for key, default in DEFAULT_YEARS.items():
    widgets.year_from_url(key, default)
comparison()
