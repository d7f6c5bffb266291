"""Pages that come back whole when their server changes (see README, "Serving a district").

When a page's WebSocket reconnects, Streamlit's frontend asks for a full run of the script
only if the page has a fragment that reruns on a timer (``st.fragment(run_every=...)``), a
run was under way, or the last run was a fragment's. Otherwise it expects the server to
still hold the session. A replica that took over from a dead one, or a server that dropped
a session after ``server.disconnectedSessionTTL``, holds no such session: the page stays
as it was drawn, and its fragments (the map page's slider, map and treaty panel) do
nothing, because the new session has never run them (Streamlit drops a rerun of a
fragment it does not know).

``rerun_on_reconnect()``, called on every run of every page, adds an empty fragment on a
long timer, so the frontend always asks for a full run on reconnecting. That run carries
the page's URL (year, language, place names, page) and its widgets' values, so the page
comes back as it was, on whichever replica now serves it.
"""

import streamlit as st

# The timer only marks the page; its rerun (an empty fragment) costs next to nothing.
INTERVAL = "30m"


@st.fragment(run_every=INTERVAL)
def _marker() -> None:
    pass


def rerun_on_reconnect() -> None:
    _marker()
