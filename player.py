"""The play button: the map walks from treaty to treaty at a pace a class can follow.

While it plays, the view of the year (slider, map, treaty panel: the map page's fragment)
reruns on a timer (``st.fragment(run_every=...)``), each time at the next treaty year, so the
map, the year and the panel stay in step and the URL (the slider's ``?year=``) always says
where it is.  Any input stops it where it is: the stop button (or a key, a click, a tap or
the wheel anywhere on the page or the map, which press it), the slider, the treaty years,
the downloads, a switch in the sidebar (which runs the page whole).
"""

from collections.abc import Callable

import streamlit as st

import widgets
from geo.text import Localizer

#: Seconds at each treaty year (geo.Atlas.treaty_years): time to see the map change and read the treaty's name.
PACE_S = 4
_PLAYING, _STARTING, _SHOWN, _STOPPED = "playing", "playing_starts", "playing_shown", "playing_stopped"

# Input the page's widgets do not see (a key, a click, the wheel on the map) presses the stop
# button; the map's frame is reached through its document (same origin).
_STOP_ON_ANY_INPUT = """<script>
(() => {
  // The stop button presses itself when clicked, or with Enter or Space while it has focus.
  const pressesItself = (event) => event.type === "pointerdown" || event.key === "Enter" || event.key === " ";
  const stop = (event) => {
    const button = document.querySelector(".st-key-stop_playing button");
    if (button && !(button.contains(event.target) && pressesItself(event))) { button.click(); }
  };
  const listen = (doc) => {
    if (!doc || doc.atlasStopsPlaying) { return; }
    doc.atlasStopsPlaying = true;
    ["keydown", "pointerdown", "wheel"].forEach((type) => doc.addEventListener(type, stop, true));
  };
  listen(document);
  document.querySelectorAll("iframe").forEach((frame) => { try { listen(frame.contentDocument); } catch (e) {} });
})();
</script>"""


def _focus_on(button_key: str) -> str:
    """Play and Stop are two buttons, one in the place of the other: the one a keyboard user
    pressed is gone after the rerun, and the focus with it (to the page's body, where a screen
    reader loses its place).  The button now there takes it."""
    return widgets.focus_script(f".st-key-{button_key} button")


def stop() -> None:
    """Stop playing (the callback of every input on the map page)."""
    st.session_state[_PLAYING] = False


def _start(first: int, last_stop: int, year_key: str) -> None:
    st.session_state[_PLAYING] = True
    if st.session_state.get(year_key, first) >= last_stop:  # played to the end: from the start again
        st.session_state[year_key] = first


def button(say: Localizer, year_key: str) -> None:
    """The play button, or the stop button while playing (also pressed by any key or click)."""
    if st.session_state.get(_PLAYING):
        st.button(say.message("stop_playing"), key="stop_playing", icon=":material/stop:", on_click=stop,
                  help=say.message("stop_playing_help"))
    else:
        st.button(say.message("play"), key="start_playing", icon=":material/play_arrow:", on_click=_start,
                  args=(say.atlas.treaty_years[0], say.atlas.treaty_years[-1], year_key), help=say.message("play_help"))


def show(view: Callable[[], None], year_key: str) -> None:
    """Run ``view`` as a fragment: still, or on a timer while playing.  Call it on the page's
    whole run; ``view`` draws the year in ``st.session_state[year_key]`` and calls
    :func:`button`."""
    if not st.session_state.pop(_STARTING, False):
        stop()  # a whole run that did not start playing came from some input
    st.session_state[_SHOWN] = False
    (_playing if st.session_state.get(_PLAYING) else _still)(view, year_key)


@st.fragment
def _still(view: Callable[[], None], year_key: str) -> None:
    if st.session_state.get(_PLAYING):  # the play button was pressed: run the page with the timer
        st.session_state[_STARTING] = True
        st.rerun(scope="app")
    view()
    if st.session_state.pop(_STOPPED, False):
        st.html(_focus_on("start_playing"), unsafe_allow_javascript=True)


@st.fragment(run_every=PACE_S)
def _playing(view: Callable[[], None], year_key: str) -> None:
    if not st.session_state.get(_PLAYING):  # stopped: run the page without the timer
        st.session_state[_STOPPED] = True
        st.rerun(scope="app")
    if st.session_state[_SHOWN]:
        following = [year for year in widgets.atlas().treaty_years if year > st.session_state[year_key]]
        if following:
            st.session_state[year_key] = following[0]
        else:
            stop()
    st.session_state[_SHOWN] = True
    view()
    st.html(_STOP_ON_ANY_INPUT + _focus_on("stop_playing"), unsafe_allow_javascript=True)
