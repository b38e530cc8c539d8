"""Numbers and their punctuation in right-to-left lines, read by pdftotext in a line it reads
right to left (hooks/pdf_islands.py, and hooks/pdf_isolates.py for a run isolated in an element
of its own), and vowel marks Pango shapes apart from their letters (`pdf_glyphs.attach_marks`):
the stretches and marks found, the model of MuPDF's reading of a span, and a paragraph typeset
by WeasyPrint read back by pdftotext and PyMuPDF."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from pdf_glyphs import Glyph, attach_marks
from pdf_islands import arranged, islands, mupdf_reads

ROOT = Path(__file__).resolve().parents[1]


def line(logical: str, visual: list[int], rtl: set[int], width: float = 6.0) -> list[Glyph]:
    """Glyphs left to right as drawn: `visual` gives the offset in `logical` of each, `rtl` the
    offsets drawn right to left; each glyph `width` wide at size 10."""
    return [Glyph("F", 10, 0, i * width, f"{i:04x}", run=0, rtl=offset in rtl,
                  text=logical[offset], cluster=offset)
            for i, offset in enumerate(visual)]


def test_a_comma_after_a_number_is_read_after_it() -> None:
    # «عام 1991، ومع» stands as «ومع ،1991 عام»
    text = "عام 1991، ومع"
    glyphs = line(text, [12, 11, 10, 9, 8, 4, 5, 6, 7, 3, 2, 1, 0], {0, 1, 2, 3, 8, 9, 10, 11, 12})
    found = islands(glyphs)
    assert [island.text for island in found] == ["1991،"]
    order, starts = arranged(glyphs, found)
    assert "".join(g.text for g in order[slice(*next(
        (i, i + len(island.glyphs)) for i, island in starts.items()))]) == "1991،"
    assert sorted(map(id, order)) == sorted(map(id, glyphs)), "every glyph written once"


def test_a_number_that_reads_in_order_is_left_alone() -> None:
    text = "سال 2020 بود"
    glyphs = line(text, [11, 10, 9, 8, 4, 5, 6, 7, 3, 2, 1, 0], {0, 1, 2, 3, 8, 9, 10, 11})
    assert islands(glyphs) == []


def test_what_pdftotext_reads_in_order_is_left_alone() -> None:
    # «"الجبلية"، و»: the quotation mark, at the stretch's right, is read first, then the comma
    text = 'ة"، و'
    glyphs = line(text, [4, 3, 2, 1, 0], {0, 3, 4})
    assert islands(glyphs) == []


def test_what_pdftotext_cannot_read_in_order_is_left_alone() -> None:
    # a stretch whose text ends with a bracket: pdftotext reads the bracket before the stretch
    text = "ب (1991) ا"
    glyphs = line(text, [9, 8, 7, 3, 4, 5, 6, 2, 1, 0], {0, 1, 2, 7, 8, 9})
    glyphs[2].rtl = glyphs[7].rtl = True  # the brackets, drawn mirrored
    assert islands(glyphs) == []
    # «822، 853»: «853» stands left of «822», a gap where pdftotext would spread the text
    text = "ب 822، 853 ا"
    glyphs = line(text, [11, 10, 7, 8, 9, 6, 5, 2, 3, 4, 1, 0], {0, 1, 5, 6, 10, 11})
    assert islands(glyphs) == []


def test_a_number_ending_the_text_takes_the_mark_after_it() -> None:
    # «حرب 2020» in a link, «،» after the link (`pdf_isolates`): the number alone reads in
    # order, but is written with the mark, which the text after the link then drops
    text = "حرب 2020"
    glyphs = line(text, [4, 5, 6, 7, 3, 2, 1, 0], {0, 1, 2, 3})
    assert islands(glyphs) == []
    [island] = islands(glyphs, "،")
    assert (island.text, island.carries) == ("2020،", True)
    # a number that does not end the text carries nothing
    text = "حرب 2020 م"
    glyphs = line(text, [9, 8, 4, 5, 6, 7, 3, 2, 1, 0], {0, 1, 2, 3, 8, 9})
    assert islands(glyphs, "،") == []


def test_the_model_of_mupdf_reads_a_span_as_mupdf_does() -> None:
    """MuPDF 1.26 read «1991،» written comma first as «1991،،»: the comma, a glyph in a font of
    its own that ends as the text ends, is read again after the text it counts in bytes."""
    assert mupdf_reads([["،"], ["1", "9", "9", "1"]], "1991،") == "1991،،"
    assert mupdf_reads([["1", "9", "9", "1"], ["،"]], "1991،") == "1991،"
    assert mupdf_reads([["1", "9", "9", "1", "،"]], "1991،") == "1991،"
    # a bracket drawn mirrored (its glyph reads «(») between a matching start and end: read as
    # nothing, and the bracket comes with the rest of the text
    assert mupdf_reads([["G", "ü"], [",", "(", "."]], "Gü,).") == "Gü,)."
    # what is left of the text when the span ends is read after its last glyph
    assert mupdf_reads([["2", "0", "2", "0"]], "2020،") == "2020،"


class _Font:
    def __init__(self, glyphs: list[Glyph]) -> None:
        self.to_unicode = {int(glyph.gid, 16): glyph.text for glyph in glyphs}


def test_a_mark_shaped_apart_is_written_with_its_letter_and_the_next() -> None:
    # «دورًا»: the tanwin (a cluster of its own) is drawn between alef and reh, left to right
    # «ا ً ر و د»; alef, tanwin and reh go in one span, read «اًر» as drawn
    text = "دورًا"
    glyphs = line(text, [4, 3, 2, 1, 0], {0, 1, 2, 3, 4})
    attach_marks(glyphs, {"F": _Font(glyphs)})
    assert glyphs[0].actual == "اًر"
    assert {glyph.cluster for glyph in glyphs[:3]} == {4}
    assert [glyph.actual for glyph in glyphs[1:]] == [None] * 4


def test_a_mark_ending_a_word_is_written_with_the_space_after_it() -> None:
    # «وفقاً ل»: the tanwin ends the word; the space after it and the word's letters stand
    # «ل ا ً ق ف و» left to right, and the space, the tanwin and alef go in one span
    text = "وفقاً ل"
    glyphs = line(text, [6, 5, 4, 3, 2, 1, 0], set(range(7)))
    attach_marks(glyphs, {"F": _Font(glyphs)})
    assert glyphs[1].actual == " ًا"
    assert [glyph.actual for glyph in glyphs[2:]] == [None] * 5


def test_a_mark_before_the_end_of_a_line_or_a_number_is_left_alone() -> None:
    # the space ends the line («وفقاً »), or a number follows it («تقریباً ۵۰», a run of its
    # own): MuPDF reads such a span twice over
    for text, visual in (("وفقاً ", [5, 4, 3, 2, 1, 0]), ("وفقاً 50", [6, 7, 5, 4, 3, 2, 1, 0])):
        glyphs = line(text, visual, set(range(6)))
        for glyph in glyphs:
            glyph.run = 6 if glyph.cluster > 5 else 0
        attach_marks(glyphs, {"F": _Font(glyphs)})
        assert all(glyph.actual is None for glyph in glyphs), text


def test_a_glyph_mapped_to_other_text_keeps_the_mark_apart() -> None:
    # the alef's glyph was first drawn for other text (its ToUnicode says so): MuPDF would not
    # read the span's glyphs as themselves
    glyphs = line("دورًا", [4, 3, 2, 1, 0], {0, 1, 2, 3, 4})
    font = _Font(glyphs)
    font.to_unicode[0] = "لا"
    attach_marks(glyphs, {"F": font})
    assert all(glyph.actual is None for glyph in glyphs)


PARAGRAPH = ("في عام 1991، ومع تفكك الاتحاد السوفييتي، حصلت أذربيجان على استقلالها، وبعد القرارين "
             "اللاحقين برقم 874 و884، المطالبين بالانسحاب، وقعت الحرب في عام 1994، وهي تعادل خمس "
             "أراضي أذربيجان، لا توجد دولة "
             '<bdi dir="ltr" class="unbroken">(Güler, 2020)</bdi>. أجرت أذربيجان. وستلعب بلا شك '
             "دورًا مهمًا، وقُتل الكثير، الذي طُرح أصلًا، إطارًا قانونيًا وفقاً للمادة. وانتصارها في "
             '<a href="#war">حرب 2020</a>، حيث كان.')
#: what pdftotext read out of order before: numbers and the comma after them
#: (`pdf_islands`), an isolated citation and the full stop after it, a number ending a link and
#: the comma after it (`pdf_isolates`)
PHRASES = ["عام 1991، ومع", "و884، المطالبين", "عام 1994، وهي", "(Güler, 2020). أجرت",
           "حرب 2020، حيث"]

#: what pdftotext read apart before: a vowel mark Pango shapes as a cluster of its own
#: («دوًرا», the damma of «وقُتل» on a line of its own, «قانون ًيا», «وفقا ً»)
MARKED_WORDS = ["دورًا", "وقُتل", "طُرح", "إطارًا", "قانونيًا", "وفقاً"]

#: the paragraph typeset with the stretches and marks written in spans, then without
#: (`pdf_order.islands` and `pdf_isolates.plan` finding none, `attach_marks` doing nothing)
_TYPESET = """
import sys
sys.path.insert(0, {hooks!r})
import pdf_text, pdf_order, pdf_isolates, pdf_glyphs
pdf_text.prepare()
import weasyprint
html = ('<html lang="ar" dir="rtl"><head><link rel="stylesheet" href="assets/css/pdf.css">'
        '</head><body><p style="width: 9cm">' + {paragraph!r} + '</p></body></html>')
weasyprint.HTML(string=html, base_url={docs!r}).write_pdf({marked!r}, pdf_tags=True)
pdf_order.islands = lambda glyphs, carry='': []
pdf_isolates.plan = lambda line: []
pdf_glyphs.attach_marks = lambda glyphs, fonts: None
weasyprint.HTML(string=html, base_url={docs!r}).write_pdf({unmarked!r}, pdf_tags=True)
"""


def squeezed(text: str) -> str:
    return re.sub(r"[\s\u202a-\u202e]+", "", text)


@pytest.fixture(scope="module")
def paragraph_pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[bool, Path]:
    folder = tmp_path_factory.mktemp("pdf-islands")
    out = {True: folder / "marked.pdf", False: folder / "unmarked.pdf"}
    code = _TYPESET.format(hooks=str(ROOT / "hooks"), paragraph=PARAGRAPH, marked=str(out[True]),
                           unmarked=str(out[False]), docs=str(ROOT / "docs") + "/")
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
    return out


@pytest.mark.pdf
def test_pdftotext_reads_a_number_and_its_comma_in_order(paragraph_pdfs: dict[bool, Path]) -> None:
    def read(path: Path) -> str:
        return squeezed(subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"],
                                       capture_output=True, text=True, check=True).stdout)

    text, before = read(paragraph_pdfs[True]), read(paragraph_pdfs[False])
    for phrase in PHRASES:
        assert squeezed(phrase) in text, (phrase, text)
        assert squeezed(phrase) not in before, ("the test sees the old reading fail", phrase)


@pytest.mark.pdf
def test_pdftotext_reads_a_mark_shaped_apart_with_its_letter(
        paragraph_pdfs: dict[bool, Path]) -> None:
    def words(path: Path) -> list[str]:
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"],
                              capture_output=True, text=True, check=True).stdout
        return re.findall(r"[^\s\u202a-\u202e،.]+", text)

    read, before = words(paragraph_pdfs[True]), words(paragraph_pdfs[False])
    for word in MARKED_WORDS:
        assert word in read, (word, read)
        assert word not in before, ("the test sees the old reading fail", word)


@pytest.mark.pdf
def test_pymupdf_still_reads_the_paragraph_in_order(paragraph_pdfs: dict[bool, Path]) -> None:
    import pymupdf

    with pymupdf.open(paragraph_pdfs[True]) as document:
        text = squeezed("".join(page.get_text() for page in document))
    assert squeezed(re.sub("<[^>]+>", "", PARAGRAPH)) in text, text


@pytest.mark.pdf
def test_the_paragraph_looks_the_same(paragraph_pdfs: dict[bool, Path], tmp_path: Path) -> None:
    """The spans change the text layer only: both PDFs render to the same pixels (pdftoppm)."""
    pixels = []
    for flag, path in paragraph_pdfs.items():
        subprocess.run(["pdftoppm", "-r", "150", "-gray", str(path), str(tmp_path / f"p{flag}")],
                       check=True, capture_output=True)
        pixels.append(b"".join(p.read_bytes() for p in sorted(tmp_path.glob(f"p{flag}*.pgm"))))
    assert pixels[0] and pixels[0] == pixels[1]
