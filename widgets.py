"""Streamlit pieces shared by the pages: the page's language and settings read from the URL.

Values from the URL reach the page only through ``geo.urlparams`` (made valid) and
``geo.panel.md`` (escaped), so a hostile query string is shown as text, never as markup.
"""

import datetime as dt

import streamlit as st

import geo
from geo import i18n, panel, urlparams, webmap


def language() -> str:
    return st.session_state.get("atlas_lang", i18n.DEFAULT_LANGUAGE)


def leaflet_url() -> str:
    """Where the app serves Leaflet, under the path prefix a reverse proxy may add."""
    prefix = str(st.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{prefix}/app/static/leaflet" if prefix else "/app/static/leaflet"


def base_map():
    """The page's base map, in its language, place names and tiles (see geo.webmap.base_map)."""
    return webmap.base_map(language(), st.session_state.get("atlas_names", "both"), leaflet_url(),
                           st.session_state.get("atlas_tiles", False))


def map_key(name: str) -> str:
    """A key for st_folium that changes with the base map, so the map is rebuilt only then."""
    settings = (language(), st.session_state.get("atlas_names", "both"), st.session_state.get("atlas_tiles", False))
    return "-".join(map(str, (name, *settings)))


def warn(key: str, **values) -> None:
    """A short message about a bad setting, with the user's values shown as typed."""
    escaped = {name: panel.md(str(value)[:40]) for name, value in values.items()}
    st.warning(i18n.tr(key, language(), **escaped))


def year_from_url(key: str, default: int | None = None) -> None:
    """On the page's first run, put the year of ``?KEY=`` in the session (where the slider
    bound to KEY reads it), explaining and correcting a bad value."""
    if key in st.session_state:
        return
    first, last = geo.first_year(), dt.date.today().year
    raw = st.query_params.get(key)
    year, replaced = urlparams.year(raw, default or first, first, last)
    if replaced:
        warn("bad_year", value=raw, first=first, last=last, shown=year)
    st.session_state[key] = year
