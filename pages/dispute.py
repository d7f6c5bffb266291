"""The dispute today: Japan's and Russia's positions side by side, each with its sources."""

import streamlit as st

import widgets
from geo.text.reference_pages import dispute_intro_markdown, position_markdown

widgets.page_setup()
say = widgets.say()

st.title(say.message("dispute_title"))
st.markdown(dispute_intro_markdown(say.atlas, say))
for column, position in zip(st.columns(2, gap="large"), say.atlas.dispute.positions):
    column.markdown(position_markdown(position, say))
