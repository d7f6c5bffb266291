"""The Kuril and Sakhalin border atlas: Streamlit entry point.

Only layout lives here and in pages/: the frame every page shares (data check, language,
place names, web tiles; see widgets.frame) and the page list. Everything the atlas knows
comes from the ``geo`` package.
"""

import streamlit as st

import reconnect
import widgets
from geo import i18n

widgets.page_setup()
widgets.frame()
lang = widgets.language()
st.navigation([
    st.Page("pages/atlas.py", title=i18n.tr("page_atlas", lang), default=True),
    st.Page("pages/compare.py", title=i18n.tr("compare_title", lang), url_path="compare"),
    st.Page("pages/timeline.py", title=i18n.tr("timeline", lang), url_path="timeline"),
    st.Page("pages/treaties.py", title=i18n.tr("treaty_library", lang), url_path="treaties"),
    st.Page("pages/dispute.py", title=i18n.tr("dispute_title", lang), url_path="dispute"),
    st.Page("pages/sources.py", title=i18n.tr("sources_title", lang), url_path="sources"),
]).run()
reconnect.rerun_on_reconnect()  # a page reconnected to another replica comes back whole
