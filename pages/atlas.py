"""The map page: a year slider, the map of that year and the treaty behind its border."""

import streamlit as st
from streamlit_folium import st_folium

import widgets
from geo import export
from geo.text.reference_pages import events_near_markdown
from geo.text.year_panel import year_markdown
from geo.web import layers

widgets.page_setup()
first, last = widgets.year_range()


def jump_to_treaty_year() -> None:
    """Move the slider to the treaty year picked, and clear the pick (the slider shows the year)."""
    st.session_state["year"] = st.session_state["treaty_year"]
    st.session_state["treaty_year"] = None


# Exports take 0.5–3 s: made only when a button is clicked, then kept per version of the
# data (``_atlas`` is not hashed; its ``version`` is), year and language.
@st.cache_data(max_entries=32, show_spinner=False)
def picture(_atlas, version: str, year: int, lang: str) -> bytes:
    return export.png(_atlas, year, lang)


@st.cache_data(max_entries=32, show_spinner=False)
def handout(_atlas, version: str, year: int, lang: str) -> bytes:
    return export.pdf(_atlas, year, lang)


@st.cache_data(max_entries=2, show_spinner=False)
def animation(_atlas, version: str, lang: str) -> bytes:
    return export.gif(_atlas, lang)


@st.cache_data(max_entries=2, show_spinner=False)
def offline_atlas(_atlas, version: str, lang: str) -> bytes:
    return export.html(_atlas, lang)


def download_buttons(year: int) -> None:
    say = widgets.say()
    atlas, lang = say.atlas, say.lang
    downloads = [
        ("download_png", lambda: picture(atlas, atlas.version, year, lang), f"atlas-{year}-{lang}.png", "image/png"),
        ("download_pdf", lambda: handout(atlas, atlas.version, year, lang), f"atlas-{year}-{lang}.pdf",
         "application/pdf"),
        ("download_gif", lambda: animation(atlas, atlas.version, lang), f"atlas-periods-{lang}.gif", "image/gif"),
        ("download_html", lambda: offline_atlas(atlas, atlas.version, lang), f"atlas-{lang}.html", "text/html"),
    ]
    with st.popover(say.message("downloads"), icon=":material/download:"):
        for label, data, file_name, mime in downloads:
            st.download_button(say.message(label), data, file_name, mime, key=label, on_click="ignore",
                               help=say.message(f"{label}_help"), width="stretch")


@st.fragment
def atlas() -> None:
    say = widgets.say()
    year = st.slider(say.message("year"), min_value=first, max_value=last, key="year", bind="query-params")
    periods = say.atlas.periods
    treaty_years = sorted({p.start for p in periods} | {m.date.year for p in periods for m in p.milestones if m.treaty})
    st.pills(say.message("jump_to"), treaty_years, key="treaty_year", on_change=jump_to_treaty_year,
             label_visibility="collapsed")
    map_column, text_column = st.columns([3, 2], gap="medium")
    with map_column:
        layer = layers.year_layer(say.atlas, year, say.lang, widgets.place_names(), widgets.event_from_url(year))
        st_folium(widgets.base_map(), feature_group_to_add=layer,
                  returned_objects=[], key=widgets.map_key("map"), height=640, use_container_width=True,
                  render=False)
        download_buttons(year)
        st.markdown(events_near_markdown(say.atlas, year, say))
    with text_column:
        st.markdown(year_markdown(say.atlas, year, say))


say = widgets.say()
st.title(say.message("app_title"))
st.caption(say.message("app_intro"))
widgets.year_from_url("year")
atlas()
