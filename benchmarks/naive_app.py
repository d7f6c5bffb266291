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
from geo import style
from geo.text import Localizer
from geo.text.year_panel import year_markdown
from geo.web import layers

atlas = geo.current()
year = st.slider("Year", min_value=atlas.first_year, max_value=dt.date.today().year, key="year",
                 bind="query-params")
m = folium.Map(location=(48.5, 151.0), zoom_start=layers.ZOOM, tiles=None, zoom_snap=0.25)
m.default_js = [("leaflet", f"{layers.DEFAULT_LEAFLET_URL}/leaflet.js")]
m.default_css = [("leaflet_css", f"{layers.DEFAULT_LEAFLET_URL}/leaflet.css")]
land = atlas.territories(year)
land["name_en"] = [atlas.islands[i].russian.written["en"] for i in land["island_id"]]
land = land[["name_en", "holder", "geometry"]]
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
    st.markdown(year_markdown(atlas, year, Localizer(atlas, "en")))
