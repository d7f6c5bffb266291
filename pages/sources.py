"""Sources: where every dataset comes from, its licence, and how the sea borders were drawn."""

import streamlit as st

import widgets
from geo.text.reference_pages import sources_markdown

widgets.page_setup()
say = widgets.say()

st.title(say.message("sources_title"))
st.markdown(sources_markdown(say.atlas, say))
