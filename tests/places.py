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
CAPE_NOSAPPU = (145.82, 43.385)      # Hokkaido, facing the Habomai islets
PACIFIC = (150.00, 44.00)            # open sea
