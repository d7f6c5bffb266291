"""Issue 16: the map told in words, for a reader who cannot see it.

What a sighted pupil reads off the map of a year (who held which land, who claimed it, where
the border lines run, what changed) must be in the words beside it, on the map page, the
compare page and in the offline atlas, in Korean and English.  Expected holders, lines and
straits are written out by hand from /work/shared/reference/treaties.md (§1 the treaties'
articles, §2 the straits); state names as the legend names them that year.  The last test
checks the words against the map itself at known places (tests/places.py), for every year.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from browser import markdown_of, open_app, read_markdown, running_server  # noqa: F401  (fixture)
from places import (
    ALEKSANDROVSK,
    KORSAKOV,
    KURILSK,
    MALOKURILSKOYE,
    NEMURO,
    OKHA,
    PETROPAVLOVSK,
    SEVERO_KURILSK,
    YUZHNO_KURILSK,
    YUZHNO_SAKHALINSK,
    ZELYONY,
)

import geo
from geo import export
from geo.text import Localizer
from geo.text.map_in_words import map_in_words

pytestmark = pytest.mark.usefixtures("running_server")


def words(year: int, lang: str = "en") -> str:
    return map_in_words(geo.current(), year, Localizer(geo.current(), lang)).text()


# Each: a year, sentences its words must hold (whole lines), and text they must not.
@pytest.mark.parametrize("year, lang, said, unsaid", [
    # Shimoda (1855), Art. 2: the border between Iturup and Urup; Sakhalin not divided.
    (1860, "en", ["Held by Russian Empire: Kuril Islands from Shumshu to Urup, Kamchatka and Asian mainland "
                  "(Russian Far East)",
                  "Held by Japan (Tokugawa shogunate): Iturup (Etorofu), Kunashir (Kunashiri), Shikotan, "
                  "Habomai Islands, Hokkaido and Honshu",
                  "Sakhalin: no border, Russian Empire · Japan (Tokugawa shogunate) side by side",
                  "Treaty border: Shimoda line through the Friza (Vries) Strait",
                  "The first agreed border between Russia and Japan."], ["50°N", "La Pérouse"]),
    (1860, "ko", ["러시아 제국 관할: 슘슈섬(슈무슈)에서 우루프섬(우룻푸)까지의 쿠릴 열도, "
                  "캄차카반도 및 아시아 대륙(러시아 극동)",
                  "사할린: 국경 없이 러시아 제국 · 일본(에도 막부)의 주민이 함께 거주",
                  "조약상 국경선 · 프리스 해협(에토로후 해협)을 지나는 시모다 국경선"], ["북위 50도"]),
    # Saint Petersburg (1875), Arts. 1–2: Sakhalin to Russia, all the Kurils to Japan; the
    # border in La Pérouse Strait and in the First Kuril Strait.
    (1890, "en", ["Held by Russian Empire: Sakhalin, Kamchatka and Asian mainland (Russian Far East)",
                  "Treaty border: First Kuril Strait (Cape Lopatka – Shumshu)",
                  "Treaty border: La Pérouse (Sōya) Strait",
                  "Kuril Islands from Shumshu to Urup: Held by Russian Empire → Held by Empire of Japan",
                  # Sakhalin was one island shared, not halves: the 50°N line came in 1905.
                  "Sakhalin: No border, Russian Empire · Empire of Japan side by side → Held by Russian Empire"],
     ["Friza", "side by side\n"]),
    # Portsmouth (1905), Art. 9: Sakhalin south of 50°N to Japan.
    (1905, "en", ["Held by Russian Empire: Sakhalin north of 50°N, Kamchatka and Asian mainland (Russian Far East)",
                  "Treaty border: 50th parallel on Sakhalin",
                  "Sakhalin south of 50°N (Karafuto): Held by Russian Empire → Held by Empire of Japan"],
     ["La Pérouse"]),
    (1905, "ko", ["러시아 제국 관할: 북위 50도 이북의 사할린, 캄차카반도 및 아시아 대륙(러시아 극동)",
                  "조약상 국경선 · 사할린의 북위 50도선", "1905년에 달라진 점:"], ["라페루즈"]),
    # 1920–1925: Japan occupied northern Sakhalin; the Peking convention (1925) ended it.
    (1921, "en", ["Occupied by Empire of Japan · claimed by Soviet Russia: Sakhalin north of 50°N"], []),
    (1930, "en", ["Held by USSR: Sakhalin north of 50°N, Kamchatka and Asian mainland (Russian Far East)"],
     ["Occupied by Empire of Japan · claimed by USSR: "]),
    # Since 1945: Soviet, then Russian, control; Japan claims the four southern island groups
    # and draws its claimed border in the Friza Strait; the line of control runs through
    # La Pérouse Strait and the straits between Hokkaido and Kunashir and the Habomai islets.
    (1950, "en", ["Held by USSR: Kuril Islands from Shumshu to Urup, Sakhalin, Kamchatka and Asian mainland "
                  "(Russian Far East)",
                  "Held by USSR · claimed by Japan: Iturup (Etorofu), Kunashir (Kunashiri), Shikotan and "
                  "Habomai Islands",
                  "Line of control: La Pérouse (Sōya) Strait",
                  "Line of control: Nemuro Strait, Notsuke channel and Goyomai Strait",
                  "Border claimed: Friza (Vries) Strait, the 1855 line Japan claims"], ["Treaty border"]),
    (2000, "ko", ["러시아 연방 실효 지배 · 일본의 영유권 주장: "
                  "이투루프섬(에토로후), 쿠나시르섬(구나시리), 시코탄섬 및 하보마이 군도",
                  "실효 지배선 · 라페루즈 해협(소야 해협)",
                  "영유권 주장선 · 프리스 해협(에토로후 해협): 일본이 주장하는 1855년의 경계"], ["조약상 국경선"]),
])
def test_the_words_say_who_held_what_and_where_the_lines_run(year, lang, said, unsaid):
    text = words(year, lang)
    for sentence in said:
        assert sentence in text.splitlines() or (sentence.endswith(":") and sentence in text), \
            f"{year} ({lang}) lacks {sentence!r}:\n{text}"
    for part in unsaid:
        assert part not in text, f"{year} ({lang}) says {part!r}:\n{text}"


def test_the_map_page_tells_its_map_in_words_and_follows_the_slider():
    app = open_app(year="1904")
    assert not app.exception, [e.value for e in app.exception]
    assert "The map in words: 1904" in [heading.value for heading in app.subheader]
    app.slider(key="year").set_value(1905).run()
    assert "The map in words: 1905" in [heading.value for heading in app.subheader]
    assert "Treaty border: 50th parallel on Sakhalin" in read_markdown(markdown_of(app))


def test_the_picture_download_offers_its_alt_text():
    app = open_app(locale="ko-KR", year="1905")
    app.session_state["downloads"] = True  # the popover opened: its contents are made
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    alt = [code.value for code in app.code]
    assert len(alt) == 1 and alt[0].startswith("지도를 글로 읽기: 1905년\n")
    assert "조약상 국경선 · 사할린의 북위 50도선" in alt[0].splitlines()
    assert "이 그림의 대체 텍스트" in " ".join(caption.value for caption in app.caption)


def test_the_compare_page_tells_each_map_in_words():
    app = open_app("pages/compare.py", locale="ko-KR", year="1860", compare="1950")
    assert not app.exception, [e.value for e in app.exception]
    text = read_markdown(markdown_of(app))
    headings = [heading.value for heading in app.subheader]
    assert "지도를 글로 읽기: 1860년" in headings and "지도를 글로 읽기: 1950년" in headings
    assert "사할린: 국경 없이 러시아 제국 · 일본(에도 막부)의 주민이 함께 거주" in text
    assert "실효 지배선 · 라페루즈 해협(소야 해협)" in text


def test_the_offline_atlas_tells_each_period_in_words():
    page = export.html(geo.current(), "en").decode()
    headings = re.findall(r"<h3>(The map in words: \d{4})</h3>", page)
    assert headings == ["The map in words: 1855", "The map in words: 1875", "The map in words: 1905",
                        "The map in words: 1920", "The map in words: 1925", "The map in words: 1945"]
    assert "<li>Treaty border: La Pérouse (Sōya) Strait</li>" in page


# Places whose holder the words must name, by the name of the land they are on.
PLACES = {"Kurilsk": (KURILSK, "Iturup (Etorofu)"), "Yuzhno-Kurilsk": (YUZHNO_KURILSK, "Kunashir (Kunashiri)"),
          "Malokurilskoye": (MALOKURILSKOYE, "Shikotan"), "Zelyony": (ZELYONY, "Habomai Islands"),
          "Severo-Kurilsk": (SEVERO_KURILSK, "Kuril Islands from Shumshu to Urup"),
          "Yuzhno-Sakhalinsk": (YUZHNO_SAKHALINSK, "Sakhalin south of 50°N (Karafuto)"),
          "Korsakov": (KORSAKOV, "Sakhalin south of 50°N (Karafuto)"),
          "Aleksandrovsk": (ALEKSANDROVSK, "Sakhalin north of 50°N"), "Okha": (OKHA, "Sakhalin north of 50°N"),
          "Nemuro": (NEMURO, "Hokkaido"), "Petropavlovsk": (PETROPAVLOVSK, "Kamchatka")}
HOLDER_WORDS = {"RU": ("Russian Empire", "Soviet Russia", "USSR", "Russian Federation"),
                "JP": ("Japan (Tokugawa shogunate)", "Empire of Japan", "Japan")}


def test_the_words_agree_with_the_map_at_known_places_in_every_year():
    """The holder the map has at each known place is the one the words give its land: the
    line naming the land (or Sakhalin whole) says "Held by"/"Occupied by" that state, or "no
    border" where the map has it shared."""
    wrong = []
    for year in range(1855, dt.date.today().year + 1):
        holdings = words(year).split("\nWhat changed")[0].splitlines()[1:]
        for place, ((lon, lat), land) in PLACES.items():
            holder = geo.holder_at(year, lon, lat)
            whole = "Sakhalin" if land.startswith("Sakhalin") else land
            line = next((s for s in holdings if re.search(rf"(: |, |and |^){re.escape(land)}( and|,|$)", s)
                         or re.search(rf"(: |, |and |^){whole}( and|,|:|$)", s)), "")
            if holder == "joint":
                right = "no border" in line
            else:
                right = any(re.match(rf"(Held|Occupied) by {re.escape(state)}( ·|:)", line)
                            for state in HOLDER_WORDS.get(holder, ()))
            if not right:
                wrong.append(f"{year} {place}: the map has {holder}, the words say {line!r}")
    assert wrong == [], "\n".join(wrong[:20])
