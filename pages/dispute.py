"""The dispute today: where it stands, then each main argument with Japan's and Russia's
statements side by side, each sourced to that government's own words."""

import datetime as dt

import streamlit as st

import widgets
from geo.text.markdown import escape
from geo.text.reference_pages import dispute_intro_markdown, statement_markdown

widgets.page_setup()
say = widgets.say()
today = dt.date.today().year

st.title(say.message("dispute_title"))
st.markdown(dispute_intro_markdown(say.atlas, say))
for argument in say.atlas.dispute.arguments:
    st.subheader(escape(say.text(argument.topic)))
    for column, side in zip(st.columns(2, gap="large"), ("JP", "RU")):
        column.markdown(f"**{escape(say.message('position_of', state=say.state(side, today)))}**\n\n"
                        + statement_markdown(getattr(argument, side), say))
