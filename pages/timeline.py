"""The timeline: every event of the story, with a button that shows its year on the map."""

import streamlit as st

import geo
import widgets
from geo import i18n, page_text

widgets.page_setup()
lang = widgets.language()
first = geo.first_year()

st.title(i18n.tr("timeline", lang))
st.caption(i18n.tr("timeline_intro", lang))
for event in geo.events().to_dict("records"):
    with st.container(border=True):
        st.markdown(page_text.event_markdown(event, lang))
        year = event["date"].year
        if year >= first and st.button(i18n.tr("show_on_map", lang, year=year), key=f"show-{event['id']}"):
            st.session_state["year"] = year
            st.switch_page("pages/atlas.py", query_params={"lang": lang, "year": year})
