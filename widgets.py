"""Streamlit pieces shared by the pages: the page's language and settings read from the URL.

Values from the URL reach the page only through ``geo.urlparams`` (made valid) and
``geo.panel.md`` (escaped), so a hostile query string is shown as text, never as markup.
"""

import datetime as dt

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

import geo
from geo import i18n, panel, urlparams, webmap


def keep_in_url(key: str) -> None:
    st.query_params[key] = st.session_state[key]


def frame() -> None:
    """What every page shares: page settings, the data check (every problem shown, escaped,
    and nothing else drawn), and the sidebar's language, place-name and web-map switches,
    which the URL can set (``?lang=ko&names=ja``)."""
    st.set_page_config(page_title="Kuril & Sakhalin border atlas · 쿠릴·사할린 국경 지도", layout="wide")

    problems = geo.problems()
    if problems:
        # Bilingual and outside ui.yaml: the message must show even when ui.yaml is what broke.
        st.error("The atlas cannot load its data. Please tell whoever maintains it. / 지도 데이터를 불러올 수 "
                 "없습니다. 관리자에게 알려 주세요.\n\n" + "\n".join(f"- {panel.md(p)}" for p in problems))
        st.stop()

    lang = st.sidebar.segmented_control(
        "Language / 언어", options=["en", "ko"], format_func={"en": "English", "ko": "한국어"}.get,
        default=_setting("atlas_lang", _language_from_url), key="lang", required=True,
        on_change=keep_in_url, args=("lang",),
    )
    st.session_state["atlas_lang"] = lang
    names = st.sidebar.segmented_control(
        i18n.tr("place_names", lang), options=list(urlparams.NAME_STYLES),
        format_func=lambda style: i18n.tr(f"names_{style}", lang),
        default=_setting("atlas_names", _names_from_url), key="names", required=True,
        on_change=keep_in_url, args=("names",),
    )
    st.session_state["atlas_names"] = names
    st.session_state["atlas_tiles"] = st.sidebar.toggle(i18n.tr("web_tiles", lang), key="tiles",
                                                        help=i18n.tr("web_tiles_help", lang))
    for key in ("lang", "names"):
        if key in st.query_params:
            keep_in_url(key)


def _setting(kept: str, from_url) -> str:
    """A switch's value: as the session left it, else from the URL (or the browser).

    The value is kept apart from the switch's own state, which Streamlit drops after a run
    without the switch (a page run on its own, see page_setup)."""
    if kept not in st.session_state:
        st.session_state[kept] = from_url()
    return st.session_state[kept]


def _language_from_url() -> str:
    requested = st.query_params.get("lang")
    if requested and not i18n.is_supported(requested):
        lang = i18n.language(st.context.locale)
        st.session_state["atlas_lang"] = lang  # the message below is in this language
        warn("bad_language", value=requested)
        return lang
    return i18n.language(requested or st.context.locale)


def _names_from_url() -> str:
    style, replaced = urlparams.name_style(st.query_params.get("names"))
    if replaced:
        warn("bad_names", value=st.query_params.get("names"))
    return style


def page_setup() -> None:
    """Make sure the app runs as an app with its own page list (st.navigation).

    Streamlit decides at its first session whether pages/ is an old-style folder of pages,
    and until a session has run app.py's st.navigation it runs a page asked for by URL,
    such as /compare, on its own, and app.py itself as one of those pages (so its widgets get
    other ids than in later runs, and the visitor's first click on them is lost). Called
    first thing by app.py and by every page: tell Streamlit the app lists its own pages, and
    run again that way before drawing anything."""
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def year_range() -> tuple[int, int]:
    """The first and last year the sliders offer: the first treaty, and this year."""
    return geo.first_year(), dt.date.today().year


def place_names() -> str:
    return st.session_state.get("atlas_names", urlparams.NAME_STYLES[0])


def language() -> str:
    return st.session_state.get("atlas_lang", i18n.DEFAULT_LANGUAGE)


def leaflet_url() -> str:
    """Where the app serves Leaflet, under the path prefix a reverse proxy may add."""
    prefix = str(st.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{prefix}/app/static/leaflet" if prefix else "/app/static/leaflet"


def base_map():
    """The page's base map, in its language, place names and tiles (see geo.webmap.base_map)."""
    return webmap.base_map(language(), place_names(), leaflet_url(), st.session_state.get("atlas_tiles", False))


def map_key(name: str) -> str:
    """A key for st_folium that changes with the base map, so the map is rebuilt only then."""
    settings = (language(), place_names(), st.session_state.get("atlas_tiles", False))
    return "-".join(map(str, (name, *settings)))


def warn(key: str, **values) -> None:
    """A short message about a bad setting, with the user's values shown as typed."""
    escaped = {name: panel.md(str(value)[:40]) for name, value in values.items()}
    st.warning(i18n.tr(key, language(), **escaped))


def year_from_url(key: str, default: int | None = None) -> None:
    """On the page's first run, check the year of ``?KEY=``: a bad one is explained and
    replaced (in the session, where the slider bound to KEY reads it). A good one, or none,
    is left to the slider, whose own default must be ``default``."""
    if key in st.session_state:
        return
    first, last = year_range()
    raw = st.query_params.get(key)
    year, replaced = urlparams.year(raw, default or first, first, last)
    if replaced:
        warn("bad_year", value=raw, first=first, last=last, shown=year)
    if replaced or len(st.query_params.get_all(key)) > 1:  # the slider would take none of several
        st.session_state[key] = year
