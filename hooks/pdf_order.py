"""The PDFs' text layer: each line with right-to-left text written in the order it is read.

WeasyPrint writes the glyphs of a line left to right, as they stand on the page. Extractors that
read a PDF in the order its text is written (PyMuPDF, and the viewers built on MuPDF) turn each
stretch of right-to-left letters round but leave the stretches where they stand, and take a
character's direction from the character itself. So a Persian or Arabic line read back wrong
wherever it held:

- a number, a Latin name, a hyphen or a per cent sign: «بود 2020 سال» for «سال 2020 بود»;
- punctuation at its end: the full stop stands at the left of the line, was written first, read
  as left-to-right, and came back at the start of the line;
- a bracket: in right-to-left text it is drawn with its mirror image's glyph, and read back as
  that glyph's character, «)عضو(» for «(عضو)»;
- a vowel mark drawn with its own glyph: WeasyPrint maps a glyph to the text of the cluster it
  is first drawn in, so after «بدلًا» the mark's glyph read as «لًا» wherever it stood.

Such a line is now drawn by WeasyPrint into a `Recorder` (`pdf_glyphs`), and its glyphs are written again, each
where WeasyPrint put it, with its font, size and rise, so the page looks the same: its pieces in
the order of the text (`pieces`: Pango's directional runs, and a right-to-left run cut where it
has characters read as left-to-right), each piece's glyphs left to right as before (extractors
expect that, and ligatures are mapped for it, see `pdf_text`), punctuation that would be read
first written after the letters it follows (`reading_order`), a bracket drawn mirrored marked
with its own character as the PDF's `ActualText`, and each glyph of a cluster mapped to its own
characters (`map_cluster_glyphs`). Extractors that read by position (pdftotext) find the same
glyphs in the same places; in a line set right to left, a number with the punctuation after it
(`pdf_islands`) and a run isolated in an element of its own with the mark after it
(`pdf_isolates`) are written in spans that pdftotext reads in order.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from pdf_glyphs import (
    Glyph,
    Recorder,
    describe,
    font_widths,
    map_cluster_glyphs,
    placed_glyphs,
)
from pdf_islands import arranged, islands
from pdf_isolates import carried, dropped, took
from pdf_isolates import install as install_isolates
from pdf_writer import replay, write

#: bidi classes of strong right-to-left characters and Arabic digits (Unicode data)
_RTL = frozenset({"R", "AL", "AN"})
#: right-to-left letters and the marks on them (bidi classes, from Unicode data)
_RTL_LETTERS = frozenset({"R", "AL", "NSM"})


def as_read_back(text: str) -> str:
    """The text a glyph standing for `text` is mapped to: letters of a right-to-left ligature
    reversed, since extractors turn right-to-left runs round glyph by glyph (see `pdf_text`)."""
    if (len(text) > 1 and any(unicodedata.bidirectional(c) in ("R", "AL") for c in text)
            and all(unicodedata.bidirectional(c) in _RTL_LETTERS for c in text)):
        return text[::-1]
    return text


def has_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(char) in _RTL for char in text)


#: bidi classes an extractor reading written order takes for left-to-right (as MuPDF does:
#: letters, European digits and their signs), and for right-to-left
_READ_LTR = frozenset({"L", "EN", "ES", "ET"})
_READ_RTL = frozenset({"R", "AL", "AN"})


def _read_direction(glyph: Glyph) -> int | None:
    """1 or 0 if the glyph's first character is read as right-to-left or left-to-right, None if
    it takes the direction of what was written before it."""
    klass = unicodedata.bidirectional(glyph.text[:1]) if glyph.text else ""
    return 1 if klass in _READ_RTL else 0 if klass in _READ_LTR else None


def pieces(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """The line's glyphs in pieces, in the order of the text: its runs by their place in the text;
    a right-to-left run cut where it has characters read as left-to-right (a hyphen, a per cent
    sign), its pieces from right to left; inside a piece, the glyphs left to right as drawn."""
    runs: dict[int, list[Glyph]] = {}
    for glyph in glyphs:
        runs.setdefault(glyph.run, []).append(glyph)
    out: list[list[Glyph]] = []
    for offset in sorted(runs):
        run = runs[offset]
        if not run[0].rtl:
            out.append(run)
            continue
        cut: list[list[Glyph]] = []
        for glyph in run:
            ltr = _read_direction(glyph) == 0
            if cut and (_read_direction(cut[-1][-1]) == 0) == ltr:
                cut[-1].append(glyph)
            else:
                cut.append([glyph])
        out += reversed(cut)
    return out


def reading_order(glyphs: list[Glyph]) -> list[Glyph]:
    """The glyphs in `pieces`, with what an extractor would otherwise read out of order put in
    its place: it reads a character with no direction of its own (punctuation, a space, a
    bracket) in the direction of what was written just before it. So where a right-to-left piece
    follows left-to-right text (or starts the line):

    - punctuation it starts with, at its left before its first letter (the full stop that ends a
      line), is written after its letters, to be read with them;
    - if it has no letters at all («(= » between two numbers), it is read left to right, so its
      glyphs are written right to left, in the order of the text."""
    ordered: list[Glyph] = []
    level = 0
    for piece in pieces(glyphs):
        if piece[0].rtl and level == 0:
            lead = 0
            while lead < len(piece) and _read_direction(piece[lead]) is None:
                lead += 1
            piece = piece[lead:] + piece[:lead] if lead < len(piece) else piece[::-1]
        for glyph in piece:
            direction = _read_direction(glyph)
            level = level if direction is None else direction
        ordered += piece
    return ordered


#: lines written as WeasyPrint drew them since the count was last taken (`lines_as_drawn`)
_AS_DRAWN = [0]


def lines_as_drawn() -> int:
    """How many lines with right-to-left text were written as WeasyPrint drew them (their
    glyphs did not match their layout), since the last call; the count starts again at 0."""
    count, _AS_DRAWN[0] = _AS_DRAWN[0], 0
    return count


def install() -> None:
    """Write each line that has right-to-left text, or is set right to left (a bracket alone
    between two isolated runs), in reading order (idempotent)."""
    import pydyf  # type: ignore[import-untyped]
    import weasyprint.draw.text as draw_text

    install_isolates()
    original = draw_text.draw_first_line
    if getattr(original, "reading_order", False):
        return

    def draw_first_line(stream: Any, textbox: Any, *args: Any, **kwargs: Any) -> Any:
        if textbox.style["direction"] != "rtl" and not has_rtl(textbox.text):
            mark = carried(textbox)
            if mark is None:
                return original(stream, textbox, *args, **kwargs)
            stream.begin_marked_content(  # the run and the mark after it (`pdf_isolates`)
                "Span", pydyf.Dictionary({"ActualText": pydyf.String(textbox.text + mark)}))
            emojis = original(stream, textbox, *args, **kwargs)
            stream.end_marked_content()
            return emojis
        recorder = Recorder(stream)
        emojis = original(recorder, textbox, *args, **kwargs)
        widths = font_widths(stream)
        glyphs = placed_glyphs(recorder.operations, widths)
        if recorder.matrix is None or not describe(glyphs, textbox.pango_layout):
            replay(stream, recorder)  # not the line as laid out: keep WeasyPrint's order
            _AS_DRAWN[0] += recorder.matrix is not None  # (no matrix: it drew no glyph)
        else:
            fonts = {font.hash: font for font in stream._fonts.values()}  # noqa: SLF001
            map_cluster_glyphs(glyphs, fonts)
            ordered = reading_order(glyphs)
            skip = dropped(textbox)  # a mark the isolated run before it carries: read as nothing
            found = islands([glyph for glyph in glyphs if glyph.cluster >= skip],
                            carried(textbox) or "") if textbox.style["direction"] == "rtl" else []
            if any(island.carries for island in found):
                took(textbox)  # the number reads the mark after the text box with it
            ordered, starts = arranged(ordered, found)
            spans = {index: (len(island.glyphs), island.text, island.leftward)
                     for index, island in starts.items()}
            spans.update({index: (1, "", False) for index, glyph in enumerate(ordered)
                          if glyph.cluster < skip})
            write(stream, recorder.matrix, ordered, widths, spans)
        return emojis

    draw_first_line.reading_order = True  # type: ignore[attr-defined]
    draw_first_line.reader_patched = getattr(original, "reader_patched", False)  # type: ignore[attr-defined]
    draw_text.draw_first_line = draw_first_line
