"""The Kuril and Sakhalin border atlas: Streamlit entry point.

Only layout lives here and in pages/: the page list, then the frame every page shares (data
check, language, place names, web tiles; see widgets.frame), then the page. The page list
comes first so that a page opened while the data is broken comes back as that page once the
data is fixed. Everything the atlas knows comes from the ``geo`` package.
"""

import streamlit as st

import widgets

widgets.page_setup()
titles = widgets.page_titles()
page = st.navigation([
    st.Page("pages/atlas.py", title=titles["page_atlas"], default=True),
    st.Page("pages/compare.py", title=titles["compare_title"], url_path="compare"),
    st.Page("pages/timeline.py", title=titles["timeline"], url_path="timeline"),
    st.Page("pages/treaties.py", title=titles["treaty_library"], url_path="treaties"),
    st.Page("pages/dispute.py", title=titles["dispute_title"], url_path="dispute"),
    st.Page("pages/sources.py", title=titles["sources_title"], url_path="sources"),
])
widgets.frame(page.title)
page.run()
widgets.rerun_on_reconnect()
