"""The timeline: every event of the story, with a button that shows its year on the map."""

import streamlit as st

import widgets
from geo.text.reference_pages import event_markdown

widgets.page_setup()
say = widgets.say()

st.title(say.message("timeline"))
st.caption(say.message("timeline_intro"))
for event in say.atlas.events:
    with st.container(border=True):
        st.markdown(event_markdown(event, say))
        year = event.date.year
        if year >= say.atlas.first_year and st.button(say.message("show_on_map", year=year), key=f"show-{event.id}"):
            st.session_state["year"] = year
            st.switch_page("pages/atlas.py", query_params={"lang": say.lang, "names": widgets.place_names(),
                                                           "year": year})
