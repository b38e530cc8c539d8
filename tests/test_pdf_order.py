"""Right-to-left lines written in reading order (hooks/pdf_order.py): the order of the pieces, and
a line typeset by WeasyPrint read back by PyMuPDF, with and without it."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pdf_glyphs import Glyph, placed_glyphs
from pdf_order import pieces, reading_order

ROOT = Path(__file__).resolve().parents[1]


def glyphs(spec: list[tuple[int, bool, str]]) -> list[Glyph]:
    """Glyphs left to right as drawn: (run offset, right to left?, characters)."""
    return [Glyph("F", 10, 0, float(x), f"{x:04x}", run=run, rtl=rtl, text=text, cluster=x)
            for x, (run, rtl, text) in enumerate(spec)]


def texts(order: list[Glyph]) -> str:
    return "".join(g.text for g in order)


def test_runs_are_written_in_the_order_of_the_text() -> None:
    # «سال 2020 بود» drawn left to right: «بود» (offset 10), «2020» (5), «سال» (0)
    line = glyphs([(10, True, "د"), (10, True, "و"), (10, True, "ب"), (10, True, " "),
                   (5, False, "2"), (5, False, "0"), (5, False, "2"), (5, False, "0"),
                   (0, True, " "), (0, True, "ل"), (0, True, "ا"), (0, True, "س")])
    order = [g.run for g in reading_order(line)]
    assert order == sorted(order), "runs by their place in the text"
    # inside each run the glyphs stay left to right, as extractors expect (the space that starts
    # the line is written after the letters it follows, see below)
    assert texts(reading_order(line)) == "لاس " + "2020" + "دوب "


def test_a_right_to_left_run_is_cut_where_a_character_reads_left_to_right() -> None:
    # «الف - ب» in one right-to-left run, drawn left to right: «ب», « - », «الف»
    line = glyphs([(0, True, "ب"), (0, True, " "), (0, True, "-"), (0, True, " "),
                   (0, True, "ف"), (0, True, "ل"), (0, True, "ا")])
    cut = pieces(line)
    assert [texts(p) for p in cut] == [" فلا", "-", "ب "], "pieces right to left"


def test_closing_punctuation_is_written_after_its_letters() -> None:
    # «...دارند.» at the start of a line: the full stop is drawn at the left end
    line = glyphs([(0, True, "."), (0, True, "د"), (0, True, "ن"), (0, True, "ر")])
    assert texts(reading_order(line)) == "دنر."
    # after a right-to-left piece it is read with it, and stays where it is
    line = glyphs([(4, True, "."), (4, True, "ب"), (0, True, "ا")])
    assert texts(reading_order(line)) == "ا.ب"


def test_recorded_operators_are_replayed_as_a_reader_places_glyphs() -> None:
    widths = {"F1": ({1: 500, 2: 250}, 4)}
    placed = placed_glyphs([("font", ("F1", 10)), ("show", "<00010002>-100<0001>"),
                            ("rise", 3), ("show", "50<0002>")], widths)
    assert [(g.gid, round(g.x, 3), g.rise) for g in placed] == [
        ("0001", 0.0, 0), ("0002", 5.0, 0), ("0001", 8.5, 0), ("0002", 13.0, 3.0)]


#: a Persian paragraph with what used to read back out of order: a number, a Latin name in
#: brackets, a hyphen, a per cent sign, a bracketed Persian phrase, full stops ending lines
SENTENCE = ("در سال 2020 ترکیه (Türkiye) نقش مهمی داشت - و نزدیک 20% از اراضی آزاد شد. "
            "غرب ندایی نشنید (عضو‌نشدن در اتحاد اروپا) و به شرق نگاه کرد.")

_TYPESET = """
import json, sys
sys.path.insert(0, {hooks!r})
import pdf_text
pdf_text.prepare(reading_order={order})
import pymupdf, weasyprint
html = ('<html lang="fa" dir="rtl"><head><link rel="stylesheet" href="assets/css/pdf.css">'
        '</head><body><p style="width: 7cm">' + {sentence!r} + '</p></body></html>')
weasyprint.HTML(string=html, base_url={docs!r}).write_pdf({out!r}, pdf_tags=True)
page = pymupdf.open({out!r})[0]
chars = sorted((round(c["origin"][0], 2), round(c["origin"][1], 2))
               for block in page.get_text("rawdict")["blocks"] for line in block.get("lines", [])
               for span in line["spans"] for c in span["chars"])
print(json.dumps({{"text": page.get_text(), "places": chars}}))
"""


def typeset(tmp_path: Path, order: bool) -> dict:
    out = tmp_path / f"line-{order}.pdf"
    code = _TYPESET.format(hooks=str(ROOT / "hooks"), order=order, sentence=SENTENCE,
                           docs=str(ROOT / "docs") + "/", out=str(out))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def typeset_both(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, dict]:
    folder = tmp_path_factory.mktemp("pdf-order")
    return typeset(folder, True), typeset(folder, False)


def words(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.pdf
def test_a_typeset_line_reads_back_in_order(typeset_both: tuple[dict, dict]) -> None:
    ordered, drawn = typeset_both
    assert words(SENTENCE) in words(ordered["text"]), ordered["text"]
    assert words(SENTENCE) not in words(drawn["text"]), "the test sees the old order fail"


@pytest.mark.pdf
def test_the_page_looks_the_same(typeset_both: tuple[dict, dict]) -> None:
    """Every glyph is drawn at the same place as WeasyPrint put it."""
    ordered, drawn = typeset_both
    left = [tuple(p) for p in drawn["places"]]
    assert len(ordered["places"]) == len(left)
    for x, y in ordered["places"]:
        match = next((p for p in left if abs(p[0] - x) <= 0.02 and abs(p[1] - y) <= 0.02), None)
        assert match, (x, y)
        left.remove(match)
