"""Streamlit pieces every page shares: the data snapshot, the settings in the sidebar and the
URL, and the map's base.

Values from the URL reach the page only through ``geo.web.urlparams`` (made valid) and
``geo.text.markdown`` (escaped), so a hostile query string is shown as text, never as markup.
"""

import contextlib
import datetime as dt
import json

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager
from streamlit_folium import st_folium

import geo
from geo.model.atlas import NEUTRAL
from geo.style import TYPESETTING_CSS
from geo.text import NAME_STYLES, Localizer, negotiate
from geo.text.markdown import bullets, escape
from geo.web import layers, urlparams

#: Bilingual and outside ui.yaml: it must show even when ui.yaml is what broke.
DATA_PROBLEMS = ("The atlas cannot load its data. Please tell whoever maintains it. / 지도 데이터를 불러올 수 "
                 "없습니다. 관리자에게 알려 주세요.")
#: How often a page showing data problems looks again (seconds); it recovers by itself.
RECHECK_SECONDS = 2
#: Session key: the keys of the land each map frame was sent (geo.web.kept_land), by map key.
_LAND_SENT = "map_land_sent"
#: The pages' titles while the data (and so ui.yaml) cannot be read.
FALLBACK_TITLES = {"page_atlas": "Map / 지도", "compare_title": "Compare / 비교", "timeline": "Timeline / 연표",
                   "treaty_library": "Treaties / 조약", "dispute_title": "The dispute / 분쟁",
                   "sources_title": "Sources / 출처"}


def page_setup() -> None:
    """Make sure the app runs as an app with its own page list (``st.navigation``).

    The client fixed the ``pages/`` folder name, and Streamlit (1.67) takes a ``pages/``
    folder beside the entry script for an old-style multipage app until some session has
    run ``st.navigation``: a first visitor's ``/compare`` then runs that page alone, and
    app.py's widgets get other ids (the visitor's first click is lost).  Streamlit has no
    public setting for this, so this one place clears its private class flag (the same thing
    ``st.navigation`` does) and reruns.  tests/test_streamlit_private.py fails if an upgrade
    removes the flag.  Called first by app.py and every page."""
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


@st.fragment(run_every=RECHECK_SECONDS)
def _recover_when_fixed() -> None:
    if not geo.problems():
        st.rerun(scope="app")


@st.fragment(run_every="30m")
def _reconnect_marker() -> None:
    pass


def rerun_on_reconnect() -> None:
    """Make a page whose server changed run again whole (see README, "Serving a district").

    When a page's WebSocket reconnects, Streamlit's frontend asks for a full run only if the
    page has a fragment on a timer, a run was under way, or the last run was a fragment's;
    otherwise it expects the server to still hold the session.  A replica that took over
    from a dead one (or a server that dropped the session after
    ``server.disconnectedSessionTTL``) holds none: the page would stay as drawn and its
    fragments (the map page's slider, map and panel) would do nothing.  An empty fragment on
    a long timer makes the frontend always ask for a full run on reconnecting; that run
    carries the URL (year, language, place names, page), so the page comes back as it was.
    Called after every page; its timed rerun costs next to nothing."""
    _reconnect_marker()


def atlas() -> geo.Atlas:
    """The current data snapshot; if the data has problems, every problem (escaped) and
    nothing else, on whatever rerun path asked (a whole page or a fragment), and the page
    comes back by itself once the files are fixed."""
    try:
        return geo.current()
    except geo.DataError as error:
        st.error(DATA_PROBLEMS + "\n\n" + bullets([escape(problem) for problem in error.problems]))
        _recover_when_fixed()
        st.stop()


def page_titles() -> dict[str, str]:
    """The title of each page (by its ui.yaml key) in the session's language, or bilingual
    fallbacks while the data cannot be loaded."""
    try:
        snapshot = geo.current()
    except geo.DataError:
        return FALLBACK_TITLES
    words = Localizer(snapshot, _setting("atlas_lang", lambda: _language_from_url(snapshot)))
    return {key: words.message(key) for key in FALLBACK_TITLES}


def keep_in_url(key: str) -> None:
    """Write the widget ``key``'s value (one value, or a list of them) to ``?key=``."""
    st.query_params[key] = st.session_state[key]


def choice_from_url(key: str, options: list[str], default, many: bool = False) -> None:
    """On the page's first run, set the widget ``key`` from ``?key=`` (several values if
    ``many``), so a shared link opens the same view; a value that is not one of ``options`` is
    explained once and the widget starts at ``default``.

    The URL holds the options themselves (``?kinds=war``), not their labels in the page's
    language, so a link works in every language (Streamlit's own ``bind`` keeps labels)."""
    if key in st.session_state:
        return
    asked = st.query_params.get_all(key)
    valid = [value for value in asked if value in options]
    for value in asked:
        if value not in options:
            warn("bad_choice", value=value)
    if asked:
        st.session_state[key] = (valid or default) if many else (valid[0] if valid else default)
    else:
        st.session_state[key] = default


def frame(page_title: str | None = None) -> Localizer:
    """What every page shares: page settings (the browser tab names ``page_title`` and the
    atlas), the data check, and the sidebar's language, place-name and web-map switches, which
    the URL sets and keeps (``?lang=ko&names=ja&tiles=1``).  Returns the page's words."""
    snapshot = atlas()
    st.session_state[_LAND_SENT] = {}  # the page may get new map frames on this run
    lang = _setting("atlas_lang", lambda: _language_from_url(snapshot))
    say = Localizer(snapshot, lang)
    # Each page its own title (WCAG 2.4.2): a tab or a screen reader says which page it is.
    title = say.message("app_title")
    st.set_page_config(page_title=f"{page_title} · {title}" if page_title and page_title != title else title,
                       layout="wide")
    names = {language.code: language.name for language in snapshot.languages}
    lang = st.sidebar.segmented_control(
        " / ".join(Localizer(snapshot, code).message("language") for code in names), options=list(names),
        format_func=names.get, default=lang, key="lang", required=True)
    st.session_state["atlas_lang"] = lang
    say = Localizer(snapshot, lang)
    _typeset(lang)
    style = st.sidebar.segmented_control(
        say.message("place_names"), options=list(NAME_STYLES), format_func=lambda s: say.message(f"names_{s}"),
        default=_setting("atlas_names", _names_from_url), key="names", required=True)
    st.session_state["atlas_names"] = style
    views = list(snapshot.viewpoints)
    # Set through the state, not as the radio's default: the compare page's left switch sets it too.
    if st.session_state.get("view") not in views:
        chosen = _setting("atlas_view", lambda: _view_from_url(snapshot))
        st.session_state["view"] = chosen if chosen in views else NEUTRAL
    view = st.sidebar.radio(say.message("viewpoint"), views, key="view", help=say.message("viewpoint_help"),
                            format_func=lambda v: say.text(snapshot.viewpoints[v].name))
    st.session_state["atlas_view"] = view
    if "tiles" not in st.session_state:
        st.session_state["tiles"] = st.query_params.get("tiles") == "1"
    st.session_state["atlas_tiles"] = st.sidebar.toggle(say.message("web_tiles"), key="tiles",
                                                        help=say.message("web_tiles_help"))
    # Every page's URL carries what changes what it shows, so a link copied on any page (after
    # the sidebar's page list, which keeps no query) opens what the teacher sees.
    st.query_params["lang"], st.query_params["names"], st.query_params["view"] = lang, style, view.lower()
    if st.session_state["atlas_tiles"]:
        st.query_params["tiles"] = "1"
    else:
        st.query_params.pop("tiles", None)
    return say


#: What Streamlit's own layout cannot say, by the Streamlit elements' test ids and the
#: ``st-key-*`` classes of keyed widgets.
PAGE_CSS = """
/* A phone: the treaty years in one row that scrolls sideways, not rows pushing the map down. */
@media (max-width: 640px) {
  .st-key-treaty_year [data-testid="stButtonGroup"] > div { flex-wrap: nowrap; overflow-x: auto; }
  /* Each year keeps its width: squeezed into one row, the pills had shrunk to empty ovals. */
  .st-key-treaty_year [data-testid="stButtonGroup"] > div > * { flex-shrink: 0; }
}
/* Printing: the page as a handout. Streamlit's app is a scroll box as high as the window,
   which would print as one page; the sidebar, the toolbar and the controls are not content. */
@media print {
  html, body, .stApp, [data-testid="stAppViewContainer"], [data-testid="stMain"] {
    height: auto !important; overflow: visible !important; position: static !important; }
  [data-testid="stSidebar"], [data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
  [data-testid="stStatusWidget"], [data-testid="stPopover"], [data-testid="stButton"], .st-key-treaty_year,
  [data-testid="stExpandSidebarButton"] { display: none !important; }
  [data-testid="stMainBlockContainer"] { padding: 0 !important; max-width: none !important; }
  /* One column on paper: a map keeps the width it was drawn at, which a narrower printed
     column would push over the text beside it. */
  [data-testid="stHorizontalBlock"] { flex-direction: column !important; }
  [data-testid="stColumn"] { width: 100% !important; flex: 1 1 auto !important; }
  iframe { break-inside: avoid; max-width: 100% !important; }
  /* Folded documents (the treaty library) print unfolded. */
  details::details-content { content-visibility: visible !important; display: block !important; }
}
/* Keyboard focus where Streamlit shows none (the page list) or only a faint grey (a toggle, a
   radio button): a ring in the text's own colour, which follows the light or the dark theme. */
[data-testid="stSidebarNavLink"]:focus-visible { outline: 2px solid currentColor; outline-offset: -2px; }
[data-testid="stCheckbox"] label:has(input:focus-visible),
[data-testid="stRadio"] label:has(input:focus-visible) { outline: 2px solid currentColor; outline-offset: 2px; }
"""


def _typeset(lang: str) -> None:
    """Mark the page as written in ``lang`` (``<html lang>``: screen readers, hyphenation and
    the language's typesetting in :data:`geo.style.TYPESETTING_CSS` key on it), and style
    what Streamlit's layout cannot (PAGE_CSS).  Streamlit has no setting for the document's
    language, so a one-line script sets it; the style, on its own, takes no room."""
    st.html(f"<style>{TYPESETTING_CSS}{PAGE_CSS}</style>")
    st.sidebar.html(f"<script>document.documentElement.lang = {json.dumps(lang)};</script>",
                    unsafe_allow_javascript=True)


def _setting(kept: str, from_url) -> str:
    """A switch's value: as the session left it, else from the URL (or the browser).

    The value is kept apart from the switch's own state, which Streamlit drops after a run
    without the switch (a page run on its own, see page_setup)."""
    if kept not in st.session_state:
        st.session_state[kept] = from_url()
    return st.session_state[kept]


def _language_from_url(snapshot: geo.Atlas) -> str:
    requested = st.query_params.get("lang")
    browser = negotiate(snapshot, st.context.locale) or snapshot.language_codes[0]
    if requested is None:
        return browser
    lang = negotiate(snapshot, requested)
    if lang is None:
        st.session_state["atlas_lang"] = browser  # the message below is in this language
        warn("bad_language", value=requested)
        return browser
    return lang


def _names_from_url() -> str:
    style, replaced = urlparams.name_style(st.query_params.get("names"))
    if replaced:
        warn("bad_names", value=st.query_params.get("names"))
    return style


def _view_from_url(snapshot: geo.Atlas) -> str:
    raw = st.query_params.get("view")
    if not raw:  # none, or an empty ?view=: the neutral map, as with no setting
        return NEUTRAL
    try:
        return snapshot.view_id(raw)
    except ValueError:
        warn("bad_choice", value=raw)
        return NEUTRAL


def say(view: str | None = None) -> Localizer:
    """The page's words: the current snapshot as ``view`` draws it (default the session's
    viewpoint, see geo.Atlas.viewed), in the session's language.  A viewpoint the data no
    longer has is drawn as the neutral map."""
    snapshot = atlas()
    with contextlib.suppress(ValueError):
        snapshot = snapshot.viewed(view or st.session_state.get("atlas_view", NEUTRAL))
    return Localizer(snapshot, st.session_state.get("atlas_lang", ""))


def place_names() -> str:
    return st.session_state.get("atlas_names", NAME_STYLES[0])


def year_range() -> tuple[int, int]:
    """The first and last year the sliders offer: the first treaty, and this year."""
    return atlas().first_year, dt.date.today().year


def leaflet_url() -> str:
    """Where the app serves Leaflet, under the path prefix a reverse proxy may add."""
    prefix = str(st.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{prefix}/app/static/leaflet" if prefix else "/app/static/leaflet"


def base_map(sync_group: str | None = None):
    """The page's base map, in its language, place names and tiles, moving with the page's
    other maps of ``sync_group`` if given (see geo.web.layers.base_map)."""
    words = say()
    # The same base for every viewpoint, so a change of viewpoint keeps the map's frame.
    return layers.base_map(words.atlas.viewed(NEUTRAL), words.lang, place_names(), leaflet_url(),
                           st.session_state.get("atlas_tiles", False), sync_group)


def map_key(name: str) -> str:
    """A key for st_folium that changes with the base map, so the map is rebuilt only then."""
    settings = (say().lang, place_names(), st.session_state.get("atlas_tiles", False))
    return "-".join(map(str, (name, *settings)))


def year_map(name: str, year: int, height: int, open_event: str | None = None, view: str | None = None,
             sync_group: str | None = None, follow_view: bool = False) -> tuple[float, float, float, float] | None:
    """The map of ``year`` as ``view`` draws it (the base map and the year's layer), sending
    land only if this map frame may not hold it yet (see geo.web.kept_land).

    What a frame holds is known from this session's runs since the page last ran whole (a
    fragment's rerun keeps the frame; a whole run may bring a new one).  If the frame was
    made anew all the same, it asks for the land and the fragment runs again with it.

    Parameters
    ----------
    name : str
    year : int
    height : int
        The map's height, in CSS pixels.
    open_event : str, optional
        The event whose popup opens.
    view : str, optional
        The viewpoint drawn ('neutral', 'JP', 'RU'); default the session's.
    sync_group : str, optional
        The page's maps of one group pan and zoom together (see geo.web.map_sync).
    follow_view : bool
        Whether the page needs the area the user is looking at: the map then reports its
        bounds after each pan or zoom (streamlit-folium's ``moveend``, debounced by 250 ms),
        and each report reruns the fragment around the map.  The slider's steps move no map,
        so they cause no report.

    Returns
    -------
    tuple of 4 float or None
        With ``follow_view``, the map's last reported bounds (west, south, east, north, in
        degrees, EPSG:4326), or None before the map has reported any.
    """
    words, key = say(view), map_key(name)
    sent = st.session_state.setdefault(_LAND_SENT, {}).setdefault(key, set())
    group = layers.year_layer(words.atlas, year, words.lang, place_names(), open_event, land_in_browser=sent)
    answer = st_folium(base_map(sync_group), feature_group_to_add=group,
                       returned_objects=["bounds"] if follow_view else [], key=key, height=height,
                       use_container_width=True, render=False) or {}
    sent |= layers.land_keys(words.atlas, year, words.lang, place_names())
    asked = answer.get("at")
    if asked and asked != st.session_state.get(f"{key}-asked"):
        st.session_state[f"{key}-asked"] = asked
        sent.clear()
        st.rerun(scope="fragment")
    # Kept: the land's request above replaces the component's value, bounds and all, until
    # the next pan.
    viewed = _bounds(answer.get("bounds"))
    if viewed is not None:
        st.session_state[f"{key}-bounds"] = viewed
    return st.session_state.get(f"{key}-bounds") if follow_view else None


def _bounds(reported) -> tuple[float, float, float, float] | None:
    """Leaflet's bounds as streamlit-folium reports them (``{"_southWest": {"lat", "lng"},
    "_northEast": ...}``) as (west, south, east, north) in degrees, or None if there are none
    (before the browser reported: st_folium's default holds None)."""
    try:
        south_west, north_east = reported["_southWest"], reported["_northEast"]
        return (float(south_west["lng"]), float(south_west["lat"]), float(north_east["lng"]),
                float(north_east["lat"]))
    except (KeyError, TypeError, ValueError):
        return None


def focus_script(target: str, taken_from: str | None = None) -> str:
    """A script that gives the keyboard's focus to the element ``target`` (a CSS selector)
    when a rerun took it away: from wherever it fell to the page's body, or, with
    ``taken_from``, from the element that selector matches (a popover's button, which keeps
    it while the popover opens elsewhere on the page).

    An element a rerun replaces may still be on the page when the script first runs, and
    one that is fading in cannot take the focus yet: the script tries again for a moment.
    Put it in the page with ``st.html(..., unsafe_allow_javascript=True)``."""
    holds = ("(active) => !active || active === document.body" if taken_from is None
             else f"(active) => Boolean(active && active.closest({json.dumps(taken_from)}))")
    return f"""<script>
(() => {{
  const until = Date.now() + 2500, holds = {holds};
  const focus = () => {{
    const target = document.querySelector({json.dumps(target)});
    if (target && holds(document.activeElement)) {{ target.focus(); }}
    if (document.activeElement !== target && Date.now() < until) {{ setTimeout(focus, 50); }}
  }};
  focus();
}})();
</script>"""


def file_name(extension: str, *maps: tuple[geo.Atlas, int | str | None]) -> str:
    """A download's file name: for each map, what it shows (a year, 'periods', or nothing for
    the offline atlas) and its viewpoint unless neutral, then the page's language, e.g.
    'atlas-1905-en.png', 'atlas-1956-jp-1956-ru-ko.png', 'atlas-periods-jp-en.gif',
    'atlas-en.html'."""
    parts = ["atlas"]
    for atlas, shown in maps:
        parts += [str(shown)] if shown is not None else []
        parts += [atlas.view.lower()] if atlas.view != NEUTRAL else []
    return "-".join([*parts, st.session_state.get("atlas_lang", "")]) + f".{extension}"


def warn(key: str, **values) -> None:
    """A short message about a bad setting, with the user's values shown as typed."""
    escaped = {name: escape(str(value)[:40]) for name, value in values.items()}
    st.warning(say().message(key, **escaped))


def event_from_url(year: int) -> str | None:
    """The event whose popup the map of ``year`` opens (``?event=ID``, a link from the
    timeline), if it is one of the events on that year's map; anything else is explained
    once and ignored."""
    if "open_event" not in st.session_state:
        raw = st.query_params.get("event")
        words = say()
        on_map = {event.id for event in words.atlas.events_near(year) if event.on_map}
        if raw is not None and raw not in on_map:
            warn("bad_event", value=raw)
        st.session_state["open_event"] = (raw, year) if raw in on_map else (None, year)
    event, for_year = st.session_state["open_event"]
    return event if for_year == year else None


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
