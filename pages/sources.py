"""Sources: where every dataset comes from, its licence, and how the sea borders were drawn."""

import streamlit as st

from geo import i18n, page_text

lang = st.session_state.get("atlas_lang", "en")

st.title(i18n.tr("sources_title", lang))
st.markdown(page_text.sources_markdown(lang))
