"""The atlas on paper: matplotlib maps (:mod:`geo.printing.static_map`), the pages of the
pictures and the handout (:mod:`geo.printing.layout`), and the fonts they use
(:mod:`geo.printing.fonts`)."""
