"""The map page: a year slider, the map of that year and the treaty behind its border."""

import streamlit as st

import player
import widgets
from geo import export
from geo.printing.static_map import check_bounds
from geo.text.map_in_words import map_in_words
from geo.text.reference_pages import events_near_markdown
from geo.text.viewpoint import viewpoint_markdown
from geo.text.year_panel import year_markdown

widgets.page_setup()
first, last = widgets.year_range()


def jump_to_treaty_year() -> None:
    """Move the slider to the treaty year picked, and clear the pick (the slider shows the year)."""
    st.session_state["year"] = st.session_state["treaty_year"]
    st.session_state["treaty_year"] = None


# Exports take 0.5–3 s: made only when a button is clicked, then kept per version of the
# data (``_atlas`` is not hashed; its ``version`` is), year, language and area shown.
@st.cache_data(max_entries=32, show_spinner=False)
def picture(_atlas, version: str, year: int, lang: str, bounds: tuple[float, float, float, float] | None) -> bytes:
    return export.png(_atlas, year, lang, bounds=bounds)


@st.cache_data(max_entries=32, show_spinner=False)
def handout(_atlas, version: str, year: int, lang: str) -> bytes:
    return export.pdf(_atlas, year, lang)


@st.cache_data(max_entries=2, show_spinner=False)
def animation(_atlas, version: str, lang: str) -> bytes:
    return export.gif(_atlas, lang)


@st.cache_data(max_entries=2, show_spinner=False)
def offline_atlas(_atlas, version: str, lang: str) -> bytes:
    return export.html(_atlas, lang)


def download_buttons(year: int, bounds: tuple[float, float, float, float] | None) -> None:
    """The downloads popover; its picture shows ``bounds`` (the map's area in view, in
    degrees EPSG:4326; None for the whole map)."""
    say = widgets.say()
    atlas, lang = say.atlas, say.lang
    try:
        bounds = check_bounds(bounds) if bounds else None
    except ValueError:  # panned off the map: the picture shows the whole map
        bounds = None
    downloads = [
        ("download_png", lambda: picture(atlas, atlas.version, year, lang, bounds), ("png", year), "image/png"),
        ("download_pdf", lambda: handout(atlas, atlas.version, year, lang), ("pdf", year), "application/pdf"),
        ("download_gif", lambda: animation(atlas, atlas.version, lang), ("gif", "periods"), "image/gif"),
        ("download_html", lambda: offline_atlas(atlas, atlas.version, lang), ("html", None), "text/html"),
    ]
    # The buttons are made only while the popover is open: a step of the slider sends one
    # element, not five.
    popover = st.popover(say.message("downloads"), icon=":material/download:", key="downloads",
                         on_change=player.stop)
    if popover.open:
        with popover:
            for label, data, (extension, shown), mime in downloads:
                st.download_button(say.message(label), data, widgets.file_name(extension, (atlas, shown)), mime,
                                   key=label, on_click="ignore", help=say.message(f"{label}_help"), width="stretch")
                if label == "download_png":
                    st.caption(say.message("download_png_view"))
                    # Beside the picture, its alt text, for a slide or document to carry (copy button).
                    st.caption(say.message("alt_text"))
                    st.code(map_in_words(atlas, year, say).text(), language=None, wrap_lines=True)
            # Streamlit draws the popover at the end of the page and leaves the focus on its
            # button: a keyboard user would reach the downloads only after every link of the
            # panel.  Opened from its button, it takes the focus to its first download.
            st.html(widgets.focus_script('[data-testid="stPopoverBody"] button', taken_from=".st-key-downloads"),
                    unsafe_allow_javascript=True)


def treaty_years() -> None:
    """The years a treaty or a period begins, one tap away.  Outside the slider's fragment:
    they are the same for every year, so a step of the slider need not send them again."""
    say = widgets.say()
    st.pills(say.message("jump_to"), say.atlas.treaty_years, key="treaty_year", on_change=jump_to_treaty_year,
             label_visibility="collapsed")


def year_view() -> None:
    """The slider and the play button, the map of the year and the treaty panel beside it."""
    say = widgets.say()
    with st.container(horizontal=True, vertical_alignment="bottom"):
        player.button(say, "year")
        year = st.slider(say.message("year"), min_value=first, max_value=last, key="year", bind="query-params",
                         on_change=player.stop)
    map_column, text_column = st.columns([3, 2], gap="medium")
    with map_column:
        in_view = widgets.year_map("map", year, 640, widgets.event_from_url(year), follow_view=True)
        download_buttons(year, in_view)
        # Under the map it describes, leaving the treaty at the top of the panel beside it.
        with st.container(border=True):
            st.markdown(viewpoint_markdown(say.atlas, year, say))
        in_words = map_in_words(say.atlas, year, say)
        # A heading with no anchor: Streamlit's anchors drop Hangul, and "1905" is the panel's too.
        st.subheader(in_words.title, anchor=False)
        st.markdown(in_words.markdown())
        st.markdown(events_near_markdown(say.atlas, year, say))
    with text_column:
        st.markdown(year_markdown(say.atlas, year, say))


say = widgets.say()
st.title(say.message("app_title"))
st.caption(say.message("app_intro"))
widgets.year_from_url("year")
treaty_years()
player.show(year_view, "year")
