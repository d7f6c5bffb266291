"""Sources: where every dataset comes from, its licence, and how the sea borders were drawn."""

import streamlit as st

import widgets
from geo import i18n, page_text

widgets.page_setup()
lang = widgets.language()

st.title(i18n.tr("sources_title", lang))
st.markdown(page_text.sources_markdown(lang))
