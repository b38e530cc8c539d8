"""An isolated left-to-right run in a right-to-left line and the punctuation after it, for
pdftotext.

A citation or a name set apart in an element of its own (`<bdi dir="ltr">(Davutoglu, 2016:
129)</bdi>.`) is drawn by WeasyPrint as a text of its own, and the full stop after it, outside
the element, with the rest of the line, at its left. pdftotext, reading the line from the right
(on a page it reads right to left), reads the stretch without right-to-left letters left to right
as it stands: the full stop first, «( .)129 :2016 ,Davutoglu» for «(Davutoglu, 2016: 129).».
A marked-content span cannot join two such texts. So, where the punctuation after the run is one
pdftotext reads left to right (a full stop, a comma, a colon: see `pdf_islands.READ_LTR`), the
run is written in a span whose `ActualText` is its text and that mark, and the mark in a span whose
`ActualText` is empty: pdftotext and PyMuPDF read the mark at the run's end, once; a screen reader
reading the tagged PDF too. The page is drawn as before.

The same holds for a number that ends a text set right to left in an element of its own and
the mark after the element («<a>حرب 2020</a>،», a glossed term): the number is written in a
span whose `ActualText` is the number and the mark (`pdf_islands`, which says whether both
extractors read it so), and only then is the mark after it dropped (`took`).

`plan` finds the pairs of a line before WeasyPrint draws it (`install` wraps
`weasyprint.draw.draw_inline_level`); `carried` and `dropped` tell `pdf_order` what to write.
A text whose glyphs `pdf_order` cannot match to its layout is written as WeasyPrint drew it, and
its mark would then be read twice; the PDFs' manifest counts such lines, and a test holds the
count at 0.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from pdf_islands import READ_LTR

#: id of a run's text box -> the mark it carries; id of the next text box -> its mark's length
_CARRIED: dict[int, str] = {}
_DROPPED: dict[int, int] = {}
#: id of a right-to-left text box ending in a number -> the next text box's id and mark length,
#: dropped once the number has taken the mark (`took`)
_PENDING: dict[int, tuple[int, int]] = {}
#: bidi classes of the marks carried: separators and signs, not letters or digits
_MARKS = READ_LTR - {"L", "EN", "AN"}
#: how far apart (in em) the run's left edge and the end of the text after it may stand: at most
#: a space, which WeasyPrint leaves between the boxes where a line starts inside an element
#: (the run «2020» of «<a>حرب قره باغ 2020</a>،» after the break, though drawn touching)
_TOUCHING = 0.3


def plan(line: Any) -> list[int]:
    """The pairs of a line set right to left: a text box set left to right with no right-to-left
    character (or set right to left and ending in a digit), and the text box set right to left
    after it, which starts with a mark and stands at its left: the boxes `pdf_order` writes as
    they are and in reading order, so that the one carries the mark and the other drops it."""
    from pdf_order import has_rtl  # (pdf_order imports this module)
    from weasyprint.formatting_structure.boxes import TextBox

    boxes = [box for box in line.descendants() if isinstance(box, TextBox)]
    planned = []
    for run, after in zip(boxes, boxes[1:], strict=False):
        if (not run.text or after.style["direction"] != "rtl" or not after.text
                or unicodedata.bidirectional(after.text[0]) not in _MARKS
                or abs(after.position_x + after.width - run.position_x)
                > _TOUCHING * run.style["font_size"]):
            continue
        mark = (after.text[0], len(after.text[0].encode()))
        if run.style["direction"] != "rtl" and not has_rtl(run.text):
            _DROPPED[id(after)] = mark[1]
        elif unicodedata.bidirectional(run.text[-1]) in ("EN", "AN"):
            _PENDING[id(run)] = (id(after), mark[1])
        else:
            continue
        _CARRIED[id(run)] = mark[0]
        planned += [id(run), id(after)]
    return planned


def took(textbox: Any) -> None:
    """The right-to-left text box has written its number with the mark: the next drops it."""
    after = _PENDING.pop(id(textbox), None)
    if after is not None:
        _DROPPED[after[0]] = after[1]


def carried(textbox: Any) -> str | None:
    """The mark a run carries, if it is one."""
    return _CARRIED.get(id(textbox))


def dropped(textbox: Any) -> int:
    """How many bytes of the text box's text start with a mark its run carries (0: none)."""
    return _DROPPED.get(id(textbox), 0)


def install() -> None:
    """Plan each line set right to left before it is drawn (idempotent)."""
    import weasyprint.draw as draw
    from weasyprint.formatting_structure.boxes import LineBox

    original = draw.draw_inline_level
    if getattr(original, "reader_isolates", False):
        return

    def draw_inline_level(stream: Any, page: Any, box: Any, *args: Any, **kwargs: Any) -> Any:
        if not isinstance(box, LineBox) or box.style["direction"] != "rtl":
            return original(stream, page, box, *args, **kwargs)
        planned = plan(box)
        try:
            return original(stream, page, box, *args, **kwargs)
        finally:
            for key in planned:
                _CARRIED.pop(key, None)
                _DROPPED.pop(key, None)
                _PENDING.pop(key, None)

    draw_inline_level.reader_isolates = True  # type: ignore[attr-defined]
    draw.draw_inline_level = draw_inline_level
