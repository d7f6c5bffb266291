"""The timeline: every event of the story, filtered by period and kind (both kept in the
URL), each with a button to its year on the map (and, for an event at a place on the map,
to that place, its popup open)."""

import streamlit as st

import widgets
from geo.model.schema import EventKind
from geo.text.reference_pages import event_markdown
from geo.text.year_panel import period_years

widgets.page_setup()
say = widgets.say()
atlas = say.atlas.viewed("neutral")  # the story's periods, not a viewpoint's pieces of them
KINDS = list(EventKind.__args__)
ERAS = ["all", "before", *(period.id for period in atlas.periods)]


def era_label(era: str) -> str:
    if era == "all":
        return say.message("timeline_all_periods")
    if era == "before":
        return say.message("timeline_before", year=atlas.first_year)
    period = next(p for p in atlas.periods if p.id == era)
    return f"{period_years(period, say)} · {say.text(period.title)}"


def open_map(year: int, event: str | None = None) -> None:
    st.session_state["year"] = year
    query = {"lang": say.lang, "names": widgets.place_names(), "year": year}
    st.switch_page("pages/atlas.py", query_params={**query, "event": event} if event else query)


st.title(say.message("timeline"))
years = [event.date.year for event in say.atlas.events]
st.caption(say.message("timeline_intro", first=min(years), last=max(years), map_from=say.atlas.first_year))
widgets.choice_from_url("era", ERAS, "all")
widgets.choice_from_url("kinds", KINDS, KINDS, many=True)
era = st.selectbox(say.message("timeline_period"), ERAS, format_func=era_label, key="era",
                   on_change=widgets.keep_in_url, args=("era",))
kinds = st.pills(say.message("timeline_kinds"), KINDS, selection_mode="multi",
                 format_func=lambda kind: say.message(f"event_kind_{kind}"), key="kinds",
                 on_change=widgets.keep_in_url, args=("kinds",))
shown = [event for event in atlas.events
         if (not kinds or event.kind in kinds)
         and (era == "all" or (atlas.period_of(event).id if atlas.period_of(event) else "before") == era)]
st.caption(say.message("timeline_count", count=len(shown)))
for event in shown:
    with st.container(border=True):
        st.markdown(event_markdown(event, say))
        year = event.date.year
        if year < atlas.first_year:
            continue
        # To the map of its year; an event at a place on the map opens there, its popup open.
        if st.button(say.message("show_on_map", year=year), key=f"show-{event.id}"):
            open_map(year, event.id if event.on_map else None)
