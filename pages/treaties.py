"""The treaty library: every treaty with its quoted articles, dates and sources."""

import streamlit as st

import geo
import widgets
from geo import i18n, panel

widgets.page_setup()
lang = widgets.language()

st.title(i18n.tr("treaty_library", lang))
st.caption(i18n.tr("treaty_library_intro", lang))
for treaty in geo.treaties().values():
    with st.expander(f"{treaty.date.year} · {treaty.title(lang)}"):
        st.markdown(panel.treaty_markdown(treaty, lang))
