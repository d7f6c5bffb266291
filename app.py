"""The Kuril and Sakhalin border atlas: Streamlit entry point.

Only layout lives here and in pages/: the language switch, the data check, and the page
list. Everything the atlas knows comes from the ``geo`` package.
"""

import streamlit as st

import geo
from geo import i18n

st.set_page_config(page_title="Kuril & Sakhalin border atlas", layout="wide")

try:
    geo.check()
except geo.DataError as error:
    st.error(f"The atlas cannot load its data / 지도 데이터를 불러올 수 없습니다 — {error}")
    st.stop()

def remember_language() -> None:
    st.query_params["lang"] = st.session_state["lang"]


if "lang" not in st.session_state:
    requested = st.query_params.get("lang")
    usable = requested if requested and i18n.is_supported(requested) else st.context.locale
    st.session_state["lang"] = i18n.language(usable)
    if requested and not i18n.is_supported(requested):
        st.warning(i18n.tr("bad_language", st.session_state["lang"], value=requested[:20]))
lang = st.sidebar.segmented_control(
    "Language / 언어", options=["en", "ko"], format_func={"en": "English", "ko": "한국어"}.get,
    key="lang", required=True, on_change=remember_language,
)
st.session_state["atlas_lang"] = lang
if "lang" in st.query_params:
    remember_language()

st.navigation([
    st.Page("pages/atlas.py", title=i18n.tr("app_title", lang), default=True),
    st.Page("pages/treaties.py", title=i18n.tr("treaty_library", lang), url_path="treaties"),
]).run()
