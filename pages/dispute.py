"""The dispute today: Japan's and Russia's positions side by side, each with its sources."""

import streamlit as st

import geo
import widgets
from geo import i18n, page_text

widgets.page_setup()
lang = widgets.language()

st.title(i18n.tr("dispute_title", lang))
st.markdown(page_text.dispute_intro_markdown(lang))
for column, position in zip(st.columns(2, gap="large"), geo.dispute().positions):
    column.markdown(page_text.position_markdown(position, lang))
