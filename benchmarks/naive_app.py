"""The usual Streamlit + Folium pattern, as the baseline of benchmarks/slider.py.

The whole folium map is rebuilt from the GeoDataFrames on every rerun and handed to
``st_folium`` as a new map: the same land, borders and treaty text as the atlas, drawn the
way most Streamlit map apps draw them. Not part of the atlas.
"""

import datetime as dt

import folium
import streamlit as st
from streamlit_folium import st_folium

import geo
from geo import panel, style, webmap

year = st.slider("Year", min_value=geo.first_year(), max_value=dt.date.today().year, key="year",
                 bind="query-params")
m = folium.Map(location=webmap.CENTER, zoom_start=webmap.ZOOM, tiles=None, zoom_snap=0.25)
m.default_js = [("leaflet", f"{webmap.DEFAULT_LEAFLET_URL}/leaflet.js")]
m.default_css = [("leaflet_css", f"{webmap.DEFAULT_LEAFLET_URL}/leaflet.css")]
land = geo.territories(year)[["name_en", "holder", "geometry"]]
folium.GeoJson(
    land.to_json(),
    style_function=lambda f: {"fillColor": style.HOLDER_FILL[f["properties"]["holder"]],
                              "color": style.HOLDER_STROKE[f["properties"]["holder"]],
                              "weight": 1, "fillOpacity": 0.85},
    tooltip=folium.GeoJsonTooltip(fields=["name_en"], labels=False),
).add_to(m)
folium.GeoJson(
    geo.borders(year)[["id", "kind", "geometry"]].to_json(),
    style_function=lambda f: style.LINE_STYLE[f["properties"]["kind"]],
).add_to(m)
left, right = st.columns([3, 2])
with left:
    st_folium(m, returned_objects=[], height=640, use_container_width=True)
with right:
    st.markdown(panel.year_panel_markdown(year, "en"))
