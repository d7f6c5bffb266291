"""What the exported files say about themselves: the handout's title, author, subject and
language (document information, XMP, the catalogue), and the picture's text chunks.

Read back with two readers other than the writer's own: PDFium (pypdfium2, the engine of
Chrome's viewer) for the document information a viewer shows, pypdf for the catalogue and
XMP.  Expected wording is written out here by hand.
"""

import io
from contextlib import redirect_stderr, redirect_stdout

import pypdfium2
import pytest
from PIL import Image
from pypdf import PdfReader

import geo
from geo import __main__ as geo_main
from geo import export

ATLAS = geo.current()
SMALL = (480, 320)

HANDOUT_1905 = {
    "ko": {"Title": "1905년 · 포츠머스 조약", "Author": "쿠릴 열도·사할린 국경 지도",
           "Subject": "러일 전쟁 이후: 북위 50도선으로 나뉜 사할린"},
    "en": {"Title": "1905 · Treaty of Portsmouth", "Author": "Kuril and Sakhalin border atlas",
           "Subject": "After the Russo-Japanese War: Sakhalin divided on the 50th parallel"},
}


@pytest.fixture(scope="module")
def handouts():
    return {lang: export.pdf(ATLAS, 1905, lang) for lang in HANDOUT_1905}


@pytest.mark.parametrize("lang", HANDOUT_1905)
def test_the_handout_names_itself_in_its_language(lang, handouts):
    shown = pypdfium2.PdfDocument(handouts[lang]).get_metadata_dict()
    assert {key: shown[key] for key in HANDOUT_1905[lang]} == HANDOUT_1905[lang]


@pytest.mark.parametrize("lang", HANDOUT_1905)
def test_the_handout_has_its_language_and_shows_its_title(lang, handouts):
    reader = PdfReader(io.BytesIO(handouts[lang]))
    catalogue = reader.trailer["/Root"]
    assert catalogue["/Lang"] == lang
    assert catalogue["/ViewerPreferences"]["/DisplayDocTitle"].value is True
    assert reader.pdf_header == "%PDF-1.4"  # the first version with /Lang and XMP metadata


@pytest.mark.parametrize("lang", HANDOUT_1905)
def test_the_handout_xmp_agrees_with_its_document_information(lang, handouts):
    xmp = PdfReader(io.BytesIO(handouts[lang])).xmp_metadata
    expected = HANDOUT_1905[lang]
    assert xmp.dc_title == {"x-default": expected["Title"], lang: expected["Title"]}
    assert xmp.dc_creator == [expected["Author"]]
    assert xmp.dc_description == {"x-default": expected["Subject"], lang: expected["Subject"]}
    assert xmp.dc_language == [lang]


def test_the_handout_does_not_claim_to_be_tagged(handouts):
    # matplotlib writes no structure tree: a PDF marked as tagged would lie to screen readers.
    catalogue = PdfReader(io.BytesIO(handouts["ko"])).trailer["/Root"]
    assert "/StructTreeRoot" not in catalogue and "/MarkInfo" not in catalogue


def test_the_handout_from_the_command_line_is_labelled_the_same(tmp_path):
    out = tmp_path / "handout.pdf"
    with redirect_stdout(io.StringIO()), redirect_stderr(io.StringIO()) as err:
        status = geo_main.main(["export", "--year", "1905", "--format", "pdf", "--lang", "ko", "--out", str(out)])
    assert status == 0, err.getvalue()
    document = out.read_bytes()
    assert pypdfium2.PdfDocument(document).get_metadata_dict()["Title"] == "1905년 · 포츠머스 조약"
    assert PdfReader(io.BytesIO(document)).trailer["/Root"]["/Lang"] == "ko"


def test_the_picture_carries_its_title_and_alt_text_in_its_language():
    picture = Image.open(io.BytesIO(export.png(ATLAS, 1905, "ko", SMALL)))
    assert picture.text["Title"] == "1905년 · 포츠머스 조약"
    # Its alt text is the map told in words (tests/test_map_in_words.py checks what it says).
    alt = picture.text["Description"].splitlines()
    assert alt[0] == "지도를 글로 읽기: 1905년" and "조약상 국경선 · 사할린의 북위 50도선" in alt
    assert {key: value.lang for key, value in picture.text.items()} == {"Title": "ko", "Source": "ko",
                                                                      "Description": "ko"}
    english = Image.open(io.BytesIO(export.png(ATLAS, 1905, "en", SMALL)))
    assert english.text["Title"] == "1905 · Treaty of Portsmouth"
    assert "Treaty border: 50th parallel on Sakhalin" in english.text["Description"].splitlines()
