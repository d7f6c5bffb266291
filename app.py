"""The Kuril and Sakhalin border atlas: Streamlit entry point.

Only layout lives here and in pages/: the data check, the language and place-name
switches, and the page list. Everything the atlas knows comes from the ``geo`` package.
"""

import streamlit as st

import geo
import widgets
from geo import i18n, panel, urlparams

st.set_page_config(page_title="Kuril & Sakhalin border atlas · 쿠릴·사할린 국경 지도", layout="wide")

problems = geo.problems()
if problems:
    # Bilingual and outside ui.yaml: the message must show even when ui.yaml is what broke.
    st.error("The atlas cannot load its data. Please tell whoever maintains it. / 지도 데이터를 불러올 수 "
             "없습니다. 관리자에게 알려 주세요.\n\n" + "\n".join(f"- {panel.md(p)}" for p in problems))
    st.stop()


def keep_in_url(key: str) -> None:
    st.query_params[key] = st.session_state[key]


if "lang" not in st.session_state:
    requested = st.query_params.get("lang")
    usable = requested if requested and i18n.is_supported(requested) else st.context.locale
    st.session_state["lang"] = i18n.language(usable)
    st.session_state["atlas_lang"] = st.session_state["lang"]
    if requested and not i18n.is_supported(requested):
        widgets.warn("bad_language", value=requested)
if "names" not in st.session_state:
    st.session_state["names"], replaced = urlparams.name_style(st.query_params.get("names"))
    if replaced:
        widgets.warn("bad_names", value=st.query_params.get("names"))

lang = st.sidebar.segmented_control(
    "Language / 언어", options=["en", "ko"], format_func={"en": "English", "ko": "한국어"}.get,
    key="lang", required=True, on_change=keep_in_url, args=("lang",),
)
st.session_state["atlas_lang"] = lang
st.sidebar.segmented_control(
    i18n.tr("place_names", lang), options=list(urlparams.NAME_STYLES),
    format_func=lambda style: i18n.tr(f"names_{style}", lang),
    key="names", required=True, on_change=keep_in_url, args=("names",),
)
st.session_state["atlas_names"] = st.session_state["names"]
st.session_state["atlas_tiles"] = st.sidebar.toggle(i18n.tr("web_tiles", lang), key="tiles",
                                                    help=i18n.tr("web_tiles_help", lang))
for key in ("lang", "names"):
    if key in st.query_params:
        keep_in_url(key)

st.navigation([
    st.Page("pages/atlas.py", title=i18n.tr("page_atlas", lang), default=True),
    st.Page("pages/compare.py", title=i18n.tr("compare_title", lang), url_path="compare"),
    st.Page("pages/timeline.py", title=i18n.tr("timeline", lang), url_path="timeline"),
    st.Page("pages/treaties.py", title=i18n.tr("treaty_library", lang), url_path="treaties"),
    st.Page("pages/dispute.py", title=i18n.tr("dispute_title", lang), url_path="dispute"),
    st.Page("pages/sources.py", title=i18n.tr("sources_title", lang), url_path="sources"),
]).run()
