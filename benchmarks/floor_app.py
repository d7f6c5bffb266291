"""The floor of benchmarks/slider.py: what this stack does at best for one slider step.

A fixed, empty base map and, inside a fragment, a year slider whose value moves a single
triangle handed to ``st_folium`` through ``feature_group_to_add``: the same stack and the same
pattern as the atlas (https://folium.streamlit.app/dynamic_updates), with next to nothing to
build, send or draw.  Not part of the atlas.
"""

import datetime as dt

import folium
import streamlit as st
from streamlit_folium import st_folium

LEAFLET_URL = "/app/static/leaflet"


def base_map() -> folium.Map:
    m = folium.Map(location=(48.5, 151.0), zoom_start=4.5, tiles=None, zoom_snap=0.25)
    m.default_js = [("leaflet", f"{LEAFLET_URL}/leaflet.js")]
    m.default_css = [("leaflet_css", f"{LEAFLET_URL}/leaflet.css")]
    return m


@st.fragment
def slider_and_map() -> None:
    year = st.slider("Year", min_value=1855, max_value=dt.date.today().year, key="year", bind="query-params")
    lon = 140.0 + (year - 1855) * 0.1
    group = folium.FeatureGroup(name=str(year))
    folium.Polygon([(45.0, lon), (50.0, lon + 2.0), (45.0, lon + 4.0)], color="#c0392b", fill=True).add_to(group)
    st_folium(base_map(), feature_group_to_add=group, returned_objects=[], key="map", height=640,
              use_container_width=True, render=False)


slider_and_map()
