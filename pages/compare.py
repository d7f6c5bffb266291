"""The comparison page: two years side by side on the same map frame, what changed between
them, and the treaty behind each border. ``?year=1905&compare=1945`` opens two years."""

import streamlit as st

import widgets
from geo import export
from geo.text.map_in_words import map_in_words
from geo.text.markdown import bullets, escape
from geo.text.year_panel import differences, year_markdown

widgets.page_setup()
first, last = widgets.year_range()
# By default, the first border against today's: everything that ever changed.
DEFAULT_YEARS = {"year": first, "compare": last}


# A comparison takes 1–3 s to make: made only while the downloads are open, then kept per
# version of the data (``_atlas`` is not hashed; its ``version`` is), years and language.
@st.cache_data(max_entries=16, show_spinner=False)
def slide(_atlas, version: str, year: int, other: int, lang: str) -> bytes:
    return export.compare_png(_atlas, year, other, lang)


@st.cache_data(max_entries=16, show_spinner=False)
def handout(_atlas, version: str, year: int, other: int, lang: str) -> bytes:
    return export.compare_pdf(_atlas, year, other, lang)


def download_buttons(one: int, other: int) -> None:
    """The comparison as a slide and a handout, each made when its button is clicked; the
    buttons are sent only while the popover is open."""
    say = widgets.say()
    atlas, lang = say.atlas, say.lang
    downloads = [
        ("download_compare_png", lambda: slide(atlas, atlas.version, one, other, lang),
         f"atlas-{one}-{other}-{lang}.png", "image/png"),
        ("download_compare_pdf", lambda: handout(atlas, atlas.version, one, other, lang),
         f"atlas-{one}-{other}-{lang}.pdf", "application/pdf"),
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
    years = {}
    sliders = {"year": say.message("year"), "compare": say.message("compare_year")}
    for column, (key, label) in zip(st.columns(2, gap="medium"), sliders.items()):
        with column:
            years[key] = st.slider(label, min_value=first, max_value=last, value=DEFAULT_YEARS[key], key=key,
                                   bind="query-params")
            # The same base map on both sides, so both show the same frame.
            widgets.year_map(f"compare-{key}", years[key], 520)
            in_words = map_in_words(say.atlas, years[key], say)
            st.subheader(in_words.title, anchor=False)  # no anchor: Streamlit's drop Hangul, so ids repeat
            st.markdown(in_words.markdown())
    one, other = years["year"], years["compare"]
    st.subheader(say.message("compare_changes", first=one, second=other))
    changed = differences(say.atlas, one, other, say)
    st.markdown(bullets([escape(line) for line in changed]) if changed else say.message("compare_no_change"))
    download_buttons(one, other)
    if say.atlas.period_at(one).treaty == say.atlas.period_at(other).treaty:
        st.caption(say.message("compare_same_treaty"))
    for column, year in zip(st.columns(2, gap="medium"), (one, other)):
        with column:
            st.markdown(year_markdown(say.atlas, year, say))


say = widgets.say()
st.title(say.message("compare_title"))
st.caption(say.message("compare_intro"))
for key, default in DEFAULT_YEARS.items():
    widgets.year_from_url(key, default)
comparison()
