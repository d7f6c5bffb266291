"""The comparison page: two years side by side on the same map frame, each as its own
viewpoint draws it, what changed between them, and the treaty behind each border.
``?year=1905&compare=1945`` opens two years, ``&view=jp&compare_view=ru`` two viewpoints (the
left one is the sidebar's)."""

import streamlit as st

import widgets
from geo import export
from geo.text import Localizer
from geo.text.map_in_words import map_in_words
from geo.text.markdown import bullets, escape
from geo.text.viewpoint import viewpoint_markdown
from geo.text.year_panel import comparison_heading, differences, year_markdown

widgets.page_setup()
first, last = widgets.year_range()
# By default, the first border against today's: everything that ever changed.
DEFAULT_YEARS = {"year": first, "compare": last}


def follow_left_view() -> None:
    """The left map's switch is the sidebar's viewpoint, shown beside the map it draws."""
    view = st.session_state["left_view"]
    st.session_state["view"] = st.session_state["atlas_view"] = view
    st.query_params["view"] = view.lower()


def keep_compare_view() -> None:
    st.query_params["compare_view"] = st.session_state["compare_view"].lower()


def view_switches(say: Localizer) -> None:
    """A viewpoint switch above each map: the left one is the sidebar's, the right one its
    own, kept in ``?compare_view=`` (the sidebar's viewpoint until it is set).  Outside the
    maps' fragment: a new viewpoint runs the page whole, so the sidebar shows it too."""
    views = list(say.atlas.viewpoints)
    if "compare_view" not in st.session_state:
        raw = st.query_params.get("compare_view")
        lowered = {view.lower(): view for view in views}
        if raw and raw.lower() not in lowered:
            widgets.warn("bad_choice", value=raw)
        st.session_state["compare_view"] = lowered.get((raw or "").lower(), say.atlas.view)
        keep_compare_view()
    st.session_state["left_view"] = say.atlas.view

    def name(view: str) -> str:
        return say.text(say.atlas.viewpoints[view].name)

    # Radio buttons in a row that wraps: three long names would not fit half a projector's
    # width as a segmented control, and a drop-down list speaks English to screen readers.
    left, right = st.columns(2, gap="medium")
    left.radio(say.message("viewpoint"), views, key="left_view", format_func=name, on_change=follow_left_view,
               horizontal=True)
    right.radio(say.message("viewpoint"), views, key="compare_view", format_func=name, on_change=keep_compare_view,
                horizontal=True)


# A comparison takes 1–3 s to make: made only while the downloads are open, then kept per
# version of the data (``_atlas`` is not hashed; its ``version`` is), years and language.
@st.cache_data(max_entries=16, show_spinner=False)
def slide(_atlas, _other_atlas, versions: tuple[str, str], year: int, other: int, lang: str) -> bytes:
    return export.compare_png(_atlas, year, other, lang, other_atlas=_other_atlas)


@st.cache_data(max_entries=16, show_spinner=False)
def handout(_atlas, _other_atlas, versions: tuple[str, str], year: int, other: int, lang: str) -> bytes:
    return export.compare_pdf(_atlas, year, other, lang, other_atlas=_other_atlas)


def download_buttons(one: int, other: int, right: Localizer) -> None:
    """The comparison as a slide and a handout, each map as its side's viewpoint draws it
    (``right`` the right map's words), each made when its button is clicked; the buttons are
    sent only while the popover is open."""
    say = widgets.say()
    atlas, other_atlas, lang = say.atlas, right.atlas, say.lang
    versions = (atlas.version, other_atlas.version)
    maps = ((atlas, one), (other_atlas, other))
    downloads = [
        ("download_compare_png", lambda: slide(atlas, other_atlas, versions, one, other, lang),
         widgets.file_name("png", *maps), "image/png"),
        ("download_compare_pdf", lambda: handout(atlas, other_atlas, versions, one, other, lang),
         widgets.file_name("pdf", *maps), "application/pdf"),
    ]
    popover = st.popover(say.message("compare_downloads"), icon=":material/download:", key="compare_downloads",
                         on_change="rerun")
    if popover.open:
        with popover:
            for label, data, file_name, mime in downloads:
                st.download_button(say.message(label), data, file_name, mime, key=label, on_click="ignore",
                                   help=say.message(f"{label}_help"), width="stretch")
            st.html(widgets.focus_script('[data-testid="stPopoverBody"] button',
                                         taken_from=".st-key-compare_downloads"), unsafe_allow_javascript=True)


@st.fragment
def comparison() -> None:
    say = widgets.say()
    sides = {"year": say, "compare": widgets.say(st.session_state["compare_view"])}
    years = {}
    sliders = {"year": say.message("year"), "compare": say.message("compare_year")}
    for column, (key, label) in zip(st.columns(2, gap="medium"), sliders.items()):
        words = sides[key]
        with column:
            years[key] = st.slider(label, min_value=first, max_value=last, value=DEFAULT_YEARS[key], key=key,
                                   bind="query-params")
            # The same base map on both sides, panned and zoomed together: the same frame.
            widgets.year_map(f"compare-{key}", years[key], 520, view=words.atlas.view, sync_group="compare")
            in_words = map_in_words(words.atlas, years[key], words)
            st.subheader(in_words.title, anchor=False)  # no anchor: Streamlit's drop Hangul, so ids repeat
            with st.container(border=True):
                st.markdown(viewpoint_markdown(words.atlas, years[key], words))
            st.markdown(in_words.markdown())
    one, other = years["year"], years["compare"]
    st.subheader(comparison_heading(one, other, say, sides["compare"]))
    changed = differences(say.atlas, one, other, say, sides["compare"].atlas)
    st.markdown(bullets([escape(line) for line in changed]) if changed else say.message("compare_no_change"))
    download_buttons(one, other, sides["compare"])
    if say.atlas.period_at(one).treaty == say.atlas.period_at(other).treaty:
        st.caption(say.message("compare_same_treaty"))
    for column, year, words in zip(st.columns(2, gap="medium"), (one, other), sides.values()):
        with column:
            st.markdown(year_markdown(words.atlas, year, words))


say = widgets.say()
st.title(say.message("compare_title"))
st.caption(say.message("compare_intro"))
for key, default in DEFAULT_YEARS.items():
    widgets.year_from_url(key, default)
view_switches(say)
comparison()
