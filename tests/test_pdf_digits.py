"""The page numbers of the PDFs, at the foot of each page and in the contents, are written in the
edition's digits: Persian digits in the Persian edition, as it writes ¶, section numbers and
dates (`calendar_sh.digits`); Western digits in the others, the Arabic edition's included."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from calendar_sh import digits
from conftest import EDITIONS, read_html
from languages import LANGUAGES, edition_prefix
from test_pdf import _utf8

pytestmark = pytest.mark.usefixtures("site_pdfs")

#: a paper with a long contents list, a paper in another language and a packet
PDFS = [("kazemi-1403", "papers/kazemi-1403/"), ("kardeslik", "papers/kardeslik/"),
        ("packet-iran", "packets/iran/")]
MM = 72 / 25.4
NUMBER = re.compile(r"^[0-9۰-۹]+$")


@pytest.mark.parametrize("edition", EDITIONS)
def test_each_page_foot_gives_its_number_in_the_editions_digits(site: Path, edition: str) -> None:
    import pymupdf

    for name, _ in PDFS:
        with pymupdf.open(site / f"pdf/{edition}/{name}.pdf") as document:
            for number, page in enumerate(document, 1):
                foot = pymupdf.Rect(0, page.rect.height - 20 * MM, page.rect.width,
                                    page.rect.height)
                printed = " ".join(page.get_text("text", clip=foot).split())
                assert printed == digits(f"{number} / {document.page_count}", edition), (
                    name, edition, number, printed)
                assert (edition == "fa") == bool(re.fullmatch(r"[۰-۹]+ / [۰-۹]+", printed))


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_contents_give_each_page_in_the_editions_digits(site: Path, edition: str) -> None:
    """The number at the end of each contents line (its left end in Persian and Arabic) is the
    page the line's link leads to, written as the edition writes numbers, and part of the link
    (WeasyPrint places a right-to-left line's inline links past the page's edge: the contents'
    links are blocks, a rectangle the width of their lines)."""
    import pymupdf

    rtl = LANGUAGES[edition].dir == "rtl"
    for name, path in PDFS:
        sections = {a["href"].lstrip("#")
                    for a in read_html(site, edition_prefix(edition) + path).select(
                        ".page-contents a")}
        if not sections:
            continue
        checked = set()
        with pymupdf.open(site / f"pdf/{edition}/{name}.pdf") as document:
            targets = {key: dest["page"] + 1 for key, dest in document.resolve_names().items()
                       if key in sections}
            for page in list(document)[:2]:
                found: dict[str, list[pymupdf.Rect]] = {}
                for link in page.get_links():  # one a line: a title that wraps has two
                    section = _utf8(link.get("nameddest", ""))
                    if section in targets:
                        found.setdefault(section, []).append(link["from"])
                for section, rects in found.items():
                    # the page's number stands at the far end of the entry's last line, after any
                    # number its title has ("6 The role of soft power ...")
                    numbers = _numbers(page, rects)
                    end = (min(numbers, key=lambda n: n[0]) if rtl
                           else max(numbers, key=lambda n: n[1]))
                    assert end[2] == digits(str(targets[section]), edition), (
                        name, edition, section, end[2], targets[section])
                    middle = pymupdf.Point((end[0] + end[1]) / 2, end[3])
                    assert any(middle in rect for rect in rects), (name, edition, section,
                                                                   "the number is not a link")
                    checked.add(section)
        assert checked == sections, (name, edition, "not printed with a page", sections - checked)


def _numbers(page, rects: list) -> list[tuple[float, float, str, float]]:
    """(left, right, digits, middle height) of each number drawn on the lines of the link's
    rectangles, read glyph by glyph: a word extractor joins a Persian title and the page number
    its leader is set before («خلاصه۴»)."""
    glyphs = sorted(
        (round(char["bbox"][1]), char["bbox"][0], char["bbox"][2], char["c"],
         (char["bbox"][1] + char["bbox"][3]) / 2)
        for block in page.get_text("rawdict")["blocks"] for line in block.get("lines", ())
        for span in line["spans"] for char in span["chars"]
        if NUMBER.match(char["c"]) and any(
            rect.y0 <= (char["bbox"][1] + char["bbox"][3]) / 2 <= rect.y1 for rect in rects))
    numbers: list[tuple[float, float, str, float]] = []
    last_line = None
    for line, left, right, char, middle in glyphs:
        if numbers and line == last_line and left - numbers[-1][1] < 1.5:
            numbers[-1] = (numbers[-1][0], right, numbers[-1][2] + char, middle)
        else:
            numbers.append((left, right, char, middle))
        last_line = line
    return numbers
