"""Known places (lon, lat) used as independent checks of the map, from standard gazetteers
(town centres, not the atlas's own label points)."""

KURILSK = (147.88, 45.23)            # Iturup
YUZHNO_KURILSK = (145.86, 44.03)     # Kunashir
MALOKURILSKOYE = (146.83, 43.87)     # Shikotan
ZELYONY = (146.13, 43.51)            # largest Habomai islet (Shibotsu)
URUP = (150.00, 45.90)
SEVERO_KURILSK = (156.12, 50.68)     # Paramushir
SHUMSHU = (156.35, 50.75)
CAPE_LOPATKA = (156.67, 50.87)       # southern tip of Kamchatka
PETROPAVLOVSK = (158.65, 53.02)      # Kamchatka
YUZHNO_SAKHALINSK = (142.74, 46.96)  # Toyohara under Japan
KORSAKOV = (142.78, 46.64)           # south Sakhalin, on Aniva Bay
ALEKSANDROVSK = (142.16, 50.90)      # north Sakhalin
OKHA = (142.95, 53.57)               # north Sakhalin
MONERON = (141.23, 46.25)
WAKKANAI = (141.67, 45.41)           # Hokkaido, on La Pérouse Strait
NEMURO = (145.58, 43.33)             # Hokkaido
CAPE_NOSAPPU = (145.8172, 43.3853)   # Hokkaido, facing the Habomai islets (43°23′07″N 145°49′02″E;
                                     # rounded to 145.82 it lies ~200 m out at sea)
PACIFIC = (150.00, 44.00)            # open sea

# Border straits, from /work/shared/reference/treaties.md §2.1 (lat, lon there; lon, lat here).
# Open water: the atlas's schematic sea borders should pass through them.
FRIZA_STRAIT = (149.18, 45.51)       # Vries Strait, Iturup–Urup: the Shimoda line 1855–1875
FIRST_KURIL_STRAIT = (156.58, 50.84) # Shumshu–Cape Lopatka: the border 1875–1945
LA_PEROUSE_STRAIT = (142.03, 45.72)  # Sōya Strait, Sakhalin–Hokkaido: 1875 border, today's line
GOYOMAI_STRAIT = (145.84, 43.41)     # Sovetsky Strait, Cape Nosappu–Habomai: today's line of control
