"""The atlas in the browser: Folium layers for the app's map (:mod:`geo.web.layers`), the
offline atlas (:mod:`geo.web.offline`), and the app's URL values made safe
(:mod:`geo.web.urlparams`)."""
