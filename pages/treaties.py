"""The treaty library: every document with its quoted articles, dates and sources."""

import streamlit as st

import widgets
from geo.text.markdown import escape
from geo.text.year_panel import treaty_markdown

widgets.page_setup()
say = widgets.say()

st.title(say.message("treaty_library"))
st.caption(say.message("treaty_library_intro"))
for treaty in say.atlas.treaties.values():
    # An expander's label is Markdown too: the title is escaped to show as written.
    with st.expander(escape(f"{treaty.date.year} · {say.text(treaty.title)}")):
        st.markdown(treaty_markdown(treaty, say))
