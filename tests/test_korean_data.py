"""The Korean of the data, read as a Korean teacher would (data/STYLE.ko.md).

Every Korean string of the loaded snapshot is walked (titles, descriptions, notes, source
remarks, quotations and their translations, border names), not the YAML text.  Expected
values are written out by hand from data/STYLE.ko.md and the project reference
(shared/reference/treaties.md).
"""

import datetime as dt
import re

import pytest
from pydantic import BaseModel

import geo
from geo.model.schema import Quote, Translation

ATLAS = geo.current()


def korean_texts(atlas=ATLAS):
    """(where, text) for every Korean string of the data: each ``{en, ko}`` text, each
    Korean translation of a quotation (``where`` contains ``.translations.ko``) and each quotation
    in Korean."""

    def walk(obj, where):
        if isinstance(obj, Translation):
            return
        if isinstance(obj, Quote):
            if obj.language == "ko":
                yield f"{where}.text", obj.text
            translation = obj.translations.get("ko")
            if translation is not None:
                yield f"{where}.translations.ko", translation.text
                if translation.note:
                    yield f"{where}.translations.ko.note", translation.note["ko"]
                if translation.source and translation.source.remark:
                    yield f"{where}.translations.ko.remark", translation.source.remark["ko"]
        if isinstance(obj, BaseModel):
            for name in type(obj).model_fields:
                yield from walk(getattr(obj, name), f"{where}.{name}")
        elif isinstance(obj, dict):
            if isinstance(obj.get("ko"), str) and "en" in obj:
                yield where, obj["ko"]
            else:
                for key, value in obj.items():
                    yield from walk(value, f"{where}.{key}")
        elif isinstance(obj, tuple | list):
            for i, value in enumerate(obj):
                yield from walk(value, f"{where}[{getattr(value, 'id', i)}]")

    for key, treaty in atlas.treaties.items():
        yield from walk(treaty, f"treaties.{key}")
    for event in atlas.events:
        yield from walk(event, f"events.{event.id}")
    for period in atlas.periods:
        yield from walk(period, f"periods.{period.id}")
    yield from walk(atlas.dispute, "dispute")
    yield from walk(atlas.datasets, "datasets")
    for key, state in atlas.states.items():
        yield from walk(state, f"states.{key}")
    for key, area in atlas.areas.items():
        yield from walk(area, f"areas.{key}")
    for key, island in atlas.islands.items():
        yield from walk(island, f"islands.{key}")
    for _, line in atlas.border_lines.iterrows():
        yield f"borders.{line['id']}.name", line["name"]["ko"]
        yield from walk(tuple(line["sources"]), f"borders.{line['id']}.sources")


TEXTS = list(korean_texts())
#: The atlas's own Korean, not a translation of a quotation nor a quotation itself.
PROSE = [(where, text) for where, text in TEXTS
         if ".translations.ko" not in where and not where.endswith("].text") and not where.startswith("islands.")]


def text_at(where):
    found = [text for at, text in TEXTS if at == where]
    assert found, f"no Korean text at {where}"
    return found[0]


def test_the_walk_reaches_every_kind_of_korean_text():
    kinds = {where.split(".")[0] for where, _ in TEXTS}
    assert kinds == {"treaties", "events", "periods", "dispute", "datasets", "states", "areas", "islands", "borders"}
    assert len(TEXTS) > 1200


# Quotations -----------------------------------------------------------------------------

#: The established Korean translations (all others are the atlas's own), by treaty and article.
ESTABLISHED = {
    ("portsmouth_1905", "Article II (Korea)"): ("고종실록", "http://sillok.history.go.kr/id/kza_14209005_003"),
    ("san_francisco_1951", "Article 2(c)"): ("입법참고자료",
                                             "http://www.ioc.u-tokyo.ac.jp/~worldjpn/documents/texts/docs/19510908.T1K.html"),
}


def all_quotes():
    return [(treaty.id, quote) for treaty in ATLAS.treaties.values() for quote in treaty.quotes]


def test_every_quotation_can_be_read_in_korean():
    missing = [(key, quote.article["en"]) for key, quote in all_quotes()
               if quote.language != "ko" and "ko" not in quote.translations]
    assert missing == []
    assert len(all_quotes()) == 26


def test_a_translation_says_whose_it_is():
    established = {}
    for key, quote in all_quotes():
        translation = quote.translations["ko"]
        if translation.by == "atlas":
            assert translation.source is None, (key, quote.article["en"])
        else:
            established[(key, quote.article["en"])] = (translation.by, translation.source.url)
    assert set(established) == set(ESTABLISHED)
    for article, (title, url) in ESTABLISHED.items():
        assert title in established[article][0] and established[article][1] == url


def test_portsmouth_article_2_in_the_annals_translation():
    quote = next(q for q in ATLAS.treaty("portsmouth_1905").quotes if q.article["en"] == "Article II (Korea)")
    assert quote.language == "en" and quote.reliability == "V"
    assert quote.text.startswith("The Imperial Russian Government, acknowledging that Japan possesses in Corea "
                                 "paramount political, military and economical interests, engage neither to "
                                 "obstruct nor interfere with the measures of guidance, protection and control")
    assert quote.translations["ko"].text.startswith(
        "러시아 제국 정부는 일본국이 한국에서 정치상, 군사상, 경제상의 특별한 이권을 가질 것을 승인하고 일본정부가 "
        "한국에서 필요하다고 인정하는 지도(指導), 보호(保護) 및 감리(監理)의 조치를 취함에 대하여 이를 저해하거나 "
        "간섭하지 않을 것을 약속한다.")
    assert quote.article["ko"] == "제2조(한국)"


@pytest.mark.parametrize("treaty, article, expected", [
    ("neutrality_pact_1941", "Soviet statement of denunciation, 5 April 1945 (related document)",
     "이러한 상황에서 일본과 소련 사이의 중립 조약은 그 의미를 잃었으며, 이 조약의 연장은 불가능하게 되었다."),
    ("san_francisco_1951", "Article 25 (second sentence)",
     "제21조의 규정을 유보하고, 이 조약은 여기에 정의된 연합국이 아닌 어떠한 국가에도 어떠한 권리, 권원 또는 이익도 "
     "부여하지 아니한다."),
])
def test_a_quotation_in_the_register_of_korean_treaty_translations(treaty, article, expected):
    quote = next(q for q in ATLAS.treaty(treaty).quotes if q.article["en"] == article)
    assert quote.translations["ko"].text.startswith(expected)
    assert quote.translations["ko"].by == "atlas"


def test_a_translation_from_a_translation_says_so():
    for key, article in [("decree_1946", "Decree on nationalisation, paragraph 1"),
                         ("sakhalin_arrangement_1867",
                          "Opening of the regulations (English translation transmitted by the Japanese government)"),
                         ("moscow_declaration_1998", "Preamble (fourth paragraph)")]:
        quote = next(q for q in ATLAS.treaty(key).quotes if q.article["en"] == article)
        assert "번역에서 옮긴" in quote.translations["ko"].note["ko"], key


# Words and punctuation ------------------------------------------------------------------

BANNED = ["구력", "신력", "프리자", "데프리스", "로파트카", ";", "–", "—", "평화 조약을 맺",
          "러일전쟁", "공동선언", "기본조약", "강화조약", "공동성명", "중립조약", "러일화친", "크림(얄타)",
          "일본 지배하의 조선"]


@pytest.mark.parametrize("word", BANNED)
def test_no_korean_text_uses(word):
    found = [where for where, text in TEXTS if word in text and ".translations.ko" not in where]
    assert found == []


def test_a_treaty_is_concluded_not_signed():
    signed = re.compile(r"(조약|협정|협약)에 서명하였")
    assert [where for where, text in PROSE if signed.search(text)] == []


ENGLISH_REMARKS = re.compile(r"\b(secondary|reliability|source|paraphrase|title|confirmed|mirror|copy|"
                             r"transcription|private|portal|blog)\b", re.IGNORECASE)


def test_the_atlas_remarks_on_sources_are_korean():
    remarks = [(where, text) for where, text in TEXTS if where.endswith(".remark")]
    assert len(remarks) > 50
    assert [where for where, text in remarks if not re.search("[가-힣]", text) or ENGLISH_REMARKS.search(text)] == []


# Dates ----------------------------------------------------------------------------------

def test_a_range_never_repeats_a_year_or_drops_a_month_or_day():
    repeated_year = re.compile(r"\d{3,4}년\s*~\s*\d{3,4}년(?!\s*\d{1,2}월)")  # 1904년~1905년
    dropped_unit = re.compile(r"(?<![\d년])\d{1,2}~\d{1,2}(월|일)")  # 8~9월, 4~11일
    spaced = re.compile(r"\d[년월일]? ~|~ \d")
    bad = [(where, m.group(0)) for where, text in PROSE
           for pattern in (repeated_year, dropped_unit, spaced) for m in pattern.finditer(text)]
    assert bad == []


@pytest.mark.parametrize("where, expected", [
    ("periods.portsmouth.description", "1906~1908년에 경계비가 세워졌다"),
    ("events.yalta_agreement_1945.description", "얄타 회담(크림 회담, 1945년 2월 4일~11일)"),
    ("periods.soviet_control.description", "1945년 8월~9월 소련군이"),
    ("dispute.intro", "1945년 8월 28일~9월 5일에 이 섬들을 점령하였다"),
    ("datasets.sea_borders", "사할린의 북위 50도선(1905~1945년)"),
])
def test_a_range_as_a_korean_reader_expects(where, expected):
    assert expected in text_at(where)


@pytest.mark.parametrize("where, expected", [
    ("treaties.shimoda_1855.entry_into_force.text", "1856년 12월 7일(율리우스력 11월 25일)"),
    ("treaties.shimoda_1855.entry_into_force.text", "1856년 8월 7일(율리우스력 7월 26일)"),
    ("treaties.saint_petersburg_1875.entry_into_force.text", "1875년 8월 22일(율리우스력 8월 10일)"),
    ("treaties.portsmouth_1905.open_questions", "율리우스력 날짜(1905년 8월 23일)"),
    ("events.vladivostok_warships_1918.note", "1918년 1월 12일(율리우스력 1917년 12월 30일)"),
    ("events.commerce_treaty_1895.note", "1867년 12월 23일(율리우스력 12월 11일)"),
])
def test_an_old_style_date_reads_the_same_way_everywhere(where, expected):
    assert expected in text_at(where)


OLD_STYLE = re.compile(r"(\d{4})년 (\d{1,2})월 (\d{1,2})일\(율리우스력 (?:(\d{4})년 )?(\d{1,2})월 (\d{1,2})일\)")


def test_every_julian_date_in_parentheses_is_the_julian_date_of_the_date_before_it():
    # Russia's calendar ran 12 days behind in the 19th century, 13 days from March 1900 to 1918.
    found = 0
    for where, text in PROSE:
        for m in OLD_STYLE.finditer(text):
            year, month, day, old_year, old_month, old_day = m.groups()
            new = dt.date(int(year), int(month), int(day))
            old = dt.date(int(old_year or year), int(old_month), int(old_day))
            lag = 12 if new < dt.date(1900, 3, 13) else 13
            assert (new - old).days == lag, (where, m.group(0))
            found += 1
    assert found >= 6


# Names ----------------------------------------------------------------------------------

#: Russian form and the Japanese one as written in parentheses (data/STYLE.ko.md §1.1).
ISLANDS = {
    "shumshu": ("슘슈섬", "슈무슈"), "paramushir": ("파라무시르섬", "파라무시루"),
    "atlasov": ("아틀라소프섬", "아라이도"),
    "antsiferov": ("안치페로프섬", "시린키"), "onekotan": ("오네코탄섬", "온네코탄"),
    "kharimkotan": ("하림코탄섬", "하리무코탄"), "chirinkotan": ("치린코탄섬", "지린코탄"),
    "shiashkotan": ("시아시코탄섬", "샤스코탄"), "matua": ("마투아섬", "마쓰와"), "rasshua": ("라스슈아섬", "라쇼와"),
    "ushishir": ("우시시르섬", "우시시루"), "ketoy": ("케토이섬", "게토이"), "simushir": ("시무시르섬", "시무시루"),
    "urup": ("우루프섬", "우룻푸"), "iturup": ("이투루프섬", "에토로후"), "kunashir": ("쿠나시르섬", "구나시리"),
    "tanfilyev": ("탄필리예프섬", "스이쇼"), "zelyony": ("젤료니섬", "시보쓰"), "polonsky": ("폴론스키섬", "다라쿠"),
    "signalny": ("시그날니섬", "가이가라"), "moneron": ("모네론섬", "가이바"),
}
#: Islands whose short Russian name ("이투루프·쿠나시르") also counts as a mention.
SHORT = {"iturup": "이투루프", "kunashir": "쿠나시르", "urup": "우루프", "shumshu": "슘슈", "paramushir": "파라무시르"}
STRAITS = {"프리스 해협": "에토로후 해협", "제1쿠릴 해협": "슈무슈 해협", "라페루즈 해협": "소야 해협",
           "타타르 해협": "마미야 해협", "쿠나시르 해협": "네무로 해협", "이즈메니 해협": "노쓰케 수도",
           "소베츠키 해협": "고요마이 수도"}
QUOTED = re.compile(r'"[^"]*"|“[^”]*”|\'[^\']*\'|‘[^’]*’|『[^』]*』|「[^」]*」')


def first_mention_problems(text):
    """Where ``text`` breaks the rule: first mention "러시아식(일본식)", then the Russian form alone.
    Direct quotations (in quotation marks) keep the names they quote."""
    unquoted = QUOTED.sub(lambda m: "#" * len(m.group(0)), text)
    plain = unquoted
    for strait in [*STRAITS, *STRAITS.values()]:
        plain = plain.replace(strait, "#" * len(strait))  # 에토로후 해협 is a strait, not the island
    problems = []
    names = [(ru, ja, SHORT.get(key, ru), plain) for key, (ru, ja) in ISLANDS.items()]
    names += [(ru, ja, ru, unquoted) for ru, ja in STRAITS.items()]
    for ru, ja, short, haystack in names:
        hits = sorted([(m.start(), "ru") for m in re.finditer(re.escape(short), haystack)]
                      + [(m.start(), "ja") for m in re.finditer(re.escape(ja), haystack)])
        if not hits:
            continue
        if not haystack.startswith(f"{ru}({ja})", hits[0][0]):
            problems.append(f"first mention of {ru} is not {ru}({ja})")
        problems += [f"{ja} alone after the first mention" for at, kind in hits[1:]
                     if kind == "ja" and haystack[at - 1] != "("]
    return problems


def test_the_gazetteer_has_the_names_the_rule_uses():
    for key, (ru, ja) in ISLANDS.items():
        island = ATLAS.islands[key]
        assert island.russian.written["ko"] == ru
        assert re.sub(r"(섬| 암초| 제도)$", "", island.japanese.written["ko"]) == ja


def test_an_island_or_strait_is_named_russian_first_at_its_first_mention_in_every_text():
    bad = [(where, problem) for where, text in PROSE for problem in first_mention_problems(text)]
    assert bad == []


@pytest.mark.parametrize("text, expected", [
    ("이투루프섬(에토로후)과 우루프섬(우룻푸) 사이", []),
    ("에토로후섬과 우루프섬(우룻푸) 사이", ["first mention of 이투루프섬 is not 이투루프섬(에토로후)"]),
    ("이투루프섬(에토로후)과 이투루프섬, 에토로후", ["에토로후 alone after the first mention"]),
    ("이투루프·쿠나시르·시코탄", ["first mention of 이투루프섬 is not 이투루프섬(에토로후)",
                           "first mention of 쿠나시르섬 is not 쿠나시르섬(구나시리)"]),
    ("프리자 해협", []),  # not a name the rule knows: the banned-word test catches it
    ("프리스 해협을 지나", ["first mention of 프리스 해협 is not 프리스 해협(에토로후 해협)"]),
    ("일본 외무성은 \"에토로후섬\"이라 적는다", []),
])
def test_the_first_mention_rule_itself(text, expected):
    assert first_mention_problems(text) == expected


@pytest.mark.parametrize("where, expected", [
    ("periods.shimoda.description",
     "러시아 제국과 일본 사이의 첫 국경은 이투루프섬(에토로후)과 우루프섬(우룻푸) 사이의 "
     "프리스 해협(에토로후 해협)을 지났다."),
    ("dispute.intro", "이투루프섬(에토로후), 쿠나시르섬(구나시리), 시코탄섬, 하보마이 군도"),
    ("treaties.saint_petersburg_1875.territorial_effect", "로팟카곶과 슘슈섬(슈무슈) 사이의 제1쿠릴 해협(슈무슈 해협)"),
    ("borders.japan_claim_friza_strait.name", "프리스 해협(에토로후 해협): 일본이 주장하는 1855년의 경계"),
    ("treaties.shimoda_1855.cited_by[0].reason", "이투루프섬(에토로후)과 우루프섬(우룻푸) 사이의 경계"),
])
def test_a_place_named_as_the_style_file_says(where, expected):
    assert expected in text_at(where)


@pytest.mark.parametrize("key, title", [
    ("shimoda_1855", "시모다 조약"), ("saint_petersburg_1875", "상트페테르부르크 조약"),
    ("portsmouth_1905", "포츠머스 조약"), ("peking_1925", "일소 기본 조약"), ("neutrality_pact_1941", "일소 중립 조약"),
    ("yalta_1945", "얄타 협정"), ("potsdam_1945", "포츠담 선언"), ("san_francisco_1951", "샌프란시스코 강화 조약"),
    ("joint_declaration_1956", "일소 공동 선언"), ("tokyo_declaration_1993", "도쿄 선언"),
])
def test_a_treaty_has_its_korean_textbook_name(key, title):
    assert ATLAS.treaty(key).title["ko"] == title


def test_full_names_as_korean_sources_give_them():
    assert ATLAS.treaty("shimoda_1855").full_title["ko"] == "러일 화친 조약(日露和親条約)"
    assert ATLAS.treaty("portsmouth_1905").full_title["ko"] == "러일 강화 조약(포츠머스 조약)"
    assert ATLAS.treaty("yalta_1945").full_title["ko"] == "일본에 관한 얄타 협정(크림 협정)"


# Narration ------------------------------------------------------------------------------

def past_tense(sentence):
    """Whether ``sentence`` ends in a past-tense verb: the syllable before 다 carries ㅆ (했다, 되었다, 지났다)."""
    m = re.search(r"(.)다\.$", sentence.strip())
    return bool(m) and "가" <= m.group(1) <= "힣" and (ord(m.group(1)) - ord("가")) % 28 == 20


def first_sentence(text):
    return re.split(r"(?<=다\.)\s", text.strip())[0]


def test_the_story_is_told_in_the_past_tense():
    narrations = ([(f"periods.{p.id}", p.description["ko"]) for p in ATLAS.periods]
                  + [(f"events.{e.id}", e.description["ko"]) for e in ATLAS.events]
                  + [(f"treaties.{t.id}", t.summary["ko"]) for t in ATLAS.treaties.values()])
    assert [where for where, text in narrations if not past_tense(first_sentence(text))] == []


def test_past_tense_as_a_reader_sees_it():
    assert past_tense("러시아와 일본 사이의 첫 국경은 프리스 해협을 지났다.")
    assert past_tense("소련군이 점령을 마쳤다.") and past_tense("국경이 되었다.")
    assert not past_tense("러시아와 일본 사이의 첫 국경은 프리스 해협을 지난다.")
    assert not past_tense("육상 국경이 된다.")


# What a Korean classroom connects to this history ---------------------------------------

@pytest.mark.parametrize("key, title", [
    ("eulsa_treaty_1905", "을사늑약(제2차 한일 협약) 체결"),
    ("korea_annexation_1910", "한국 병합 조약 체결(경술국치)"),
    ("sakhalin_koreans_stranded_1945", "소련 점령 뒤 사할린에 남겨진 한인"),
    ("sakhalin_koreans_return_1992", "사할린 한인 영주 귀국 시작"),
    ("sakhalin_koreans_act_2020", "사할린동포 지원에 관한 특별법 공포"),
])
def test_the_korean_events_are_there(key, title):
    event = next(e for e in ATLAS.events if e.id == key)
    assert event.title["ko"] == title and event.description["en"]


def test_scapin_677_is_told_neutrally_with_both_governments_sources():
    event = next(e for e in ATLAS.events if e.id == "scapin_677_1946")
    assert "울릉도, 독도(리앙쿠르 암), 제주도" in event.description["ko"]
    assert "Ulleungdo" in event.description["en"] and "Jeju" in event.description["en"]
    hosts = {re.sub(r"^https?://(www\.)?", "", s.url).split("/")[0] for s in event.sources}
    assert "cas.go.jp" in hosts and {"dokdo.nanet.go.kr", "contents.nahf.or.kr"} <= hosts
    assert event.contested is not None


def test_portsmouth_summary_tells_what_article_2_did_to_korea():
    assert "을사늑약으로 대한제국의 외교권을 박탈하였다" in ATLAS.treaty("portsmouth_1905").summary["ko"]
