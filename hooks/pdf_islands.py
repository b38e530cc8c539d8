"""Numbers and Latin words in right-to-left lines, for extractors that read by position.

pdftotext (poppler, with which Evince and Okular copy text too) reads a page it takes to be right
to left line by line from the right. A stretch of a line without right-to-left letters (a number,
a Latin name, and the punctuation around them) it reads left to right as it stands on the page,
from the right-to-left letter at its left. The bidirectional algorithm sets the punctuation that
follows a number in right-to-left text at its left: «عام 1991، ومع» stands on the page as
«ومع ،1991 عام», and pdftotext read «عام ،1991 ومع»; «القرارين 874 و884، المطالبين» read
«و،884». Poppler counts digits (European and Arabic), . , ، : - / and % as numbers, read left to
right; its table is close to the Unicode bidi classes EN, AN, ES, ET and CS.

`islands` finds such a stretch in a line set right to left (between two right-to-left letters,
without the spaces at its ends) and gives its characters in the order of the text. `pdf_writer.write`
writes the stretch as one marked-content span whose `ActualText` is that text, its glyphs in the
order of the text where they stand, the last given the character spacing that takes the span to
the stretch's far end: pdftotext spreads a span's text left to right between its first glyph and
the end of its last, so it reads the stretch in order. That needs the first glyph of the text to
be at most an em from one end of the stretch («1991،», whose comma stands at its left; «(2016:
129).», whose first bracket stands at its right; but not «822، 853», whose «853» stands left of
«822»: pdftotext would find a gap there). The text must end in a character poppler reads left to
right: a bracket or quotation mark at its end would be read before the rest. A stretch that
pdftotext reads in order as it is (`poppler_reads`) is left as it is. PyMuPDF reads the
glyphs written in the order of the text as they are; where a glyph reads otherwise (a bracket
drawn mirrored), it gives the glyphs the span's characters one by one, and where the text ends
in a character of more than one byte in UTF-8 («،», «ü») after such a glyph, MuPDF 1.26 counts
bytes for characters and reads part of the text twice. Each stretch is checked against a model
of that reading (`mupdf_reads`) and written as a span only where PyMuPDF reads it exactly.

Left as it was: a stretch whose text would end in a bracket or a quotation mark, a stretch with a
glyph for several characters, and a stretch that is split between elements (a number inside a
glossary link followed by a comma outside it, a citation isolated in an element of its own
followed by a full stop), which WeasyPrint draws as separate text.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from pdf_glyphs import Glyph

#: bidi classes (Unicode data) of the characters poppler reads left to right in a line it reads
#: right to left: letters, digits and their separators and signs
READ_LTR = frozenset({"L", "EN", "AN", "ES", "ET", "CS"})
#: bidi classes of right-to-left letters
_RTL = frozenset({"R", "AL"})
#: bidi classes of letters and digits: a stretch of punctuation alone is left as it is
_LETTERS_DIGITS = frozenset({"L", "EN", "AN"})
#: the character a bracket drawn mirrored is mapped to (the glyph's own, see `pdf_text`)
_MIRROR = dict(zip("()[]{}«»‹›<>", ")(][}{»«›‹><", strict=True))


@dataclass
class Island:
    """A stretch of a right-to-left line: its glyphs and its text in reading order; `leftward`:
    its first glyph stands at its right end, so pdftotext is to spread the text from there to its
    left end (see `pdf_writer._Writer.spanned`)."""

    glyphs: list[Glyph]
    text: str
    leftward: bool = False
    carries: bool = False  #: its text ends with the mark after the text box (`pdf_isolates`)


def _kind(glyph: Glyph) -> str:
    """rtl, ltr or neutral, as poppler reads the glyph; a vowel mark drawn in right-to-left text
    (a glyph of its own, «ً» over an alef) goes with its letter."""
    classes = {unicodedata.bidirectional(char) for char in glyph.text}
    if classes & _RTL or ("NSM" in classes and glyph.rtl):
        return "rtl"
    return "ltr" if classes & READ_LTR else "neutral"


def islands(glyphs: list[Glyph], carry: str = "") -> list[Island]:
    """The stretches of a right-to-left line that pdftotext would read out of order; `carry`:
    the mark that follows the text box, outside it, which the stretch that ends its text is to
    be read with (`pdf_isolates`: «حرب 2020» in a link, the comma after the link)."""
    found: list[Island] = []
    stretch: list[Glyph] = []
    line = sorted(glyph.cluster for glyph in glyphs)
    for glyph in [*sorted(glyphs, key=lambda glyph: glyph.x), None]:
        if glyph is not None and _kind(glyph) != "rtl":
            stretch.append(glyph)
            continue
        island = _island(stretch, line, carry)
        if island is not None:
            found.append(island)
        stretch = []
    return found


def _island(stretch: list[Glyph], line: list[int], carry: str = "") -> Island | None:
    """The stretch (left to right, without its spaces at either end) as an island, if it reads
    out of order, is one piece of the text, ends in a character pdftotext reads left to right,
    starts near one of its ends, and both extractors read it exactly as a span; with the mark
    `carry` after it if it ends the text and ends in a digit."""
    span = list(stretch)
    while span and span[0].text.isspace():
        span.pop(0)
    while span and span[-1].text.isspace():
        span.pop()
    if (not span or any(len(glyph.text) != 1 for glyph in span)
            or len({glyph.cluster for glyph in span}) != len(span)):
        return None
    logical = sorted(span, key=lambda glyph: glyph.cluster)
    at = line.index(logical[0].cluster)
    if line[at:at + len(span)] != [glyph.cluster for glyph in logical]:
        return None  # not one piece of the text (a bracket of an isolated run is elsewhere)
    text = "".join(glyph.text for glyph in logical)
    carries = (bool(carry) and logical[-1].cluster == line[-1]
               and unicodedata.bidirectional(text[-1]) in ("EN", "AN"))
    text += carry if carries else ""
    if ((not carries and _squeezed(text) == _squeezed(poppler_reads(span)))
            or not any(unicodedata.bidirectional(char) in _LETTERS_DIGITS for char in text)
            or unicodedata.bidirectional(text[-1]) not in READ_LTR):
        return None
    first = logical[0]
    from_left, from_right = first.x - span[0].x, span[-1].x - first.x
    if min(from_left, from_right) > first.size:
        return None  # pdftotext would spread the text from the middle of the stretch
    runs: list[list[str]] = []
    for i, glyph in enumerate(logical):
        if i == 0 or (glyph.font, glyph.rise) != (logical[i - 1].font, logical[i - 1].rise):
            runs.append([])
        runs[-1].append(_MIRROR.get(glyph.text, glyph.text) if glyph.mirrored else glyph.text)
    if mupdf_reads(runs, text) != text:
        return None
    return Island(logical, text, leftward=from_right < from_left, carries=carries)


def _squeezed(text: str) -> str:
    """Without spaces: pdftotext puts a space where it finds a gap, not where the text has one."""
    return "".join(text.split())


def poppler_reads(span: list[Glyph]) -> str:
    """What pdftotext reads for a stretch (left to right) in a line it reads right to left: the
    glyphs it does not read left to right at the stretch's right end, from the right, then the
    rest left to right (poppler's `reorderText`)."""
    end = len(span)
    while end and _kind(span[end - 1]) == "neutral":
        end -= 1
    return "".join(glyph.text for glyph in [*reversed(span[end:]), *span[:end]])


def mupdf_reads(runs: list[list[str]], actual: str) -> str:
    """What MuPDF (1.26, `do_extract_within_actualtext` in `stext-device.c`) reads for a span
    whose ActualText is `actual`, written as `runs` of glyphs in one font (each glyph as the
    character its ToUnicode gives): per run, the glyphs that match the text's start are read as
    themselves, those that match its end too, if any, the glyphs between get its characters one
    by one (while their index in the run is below the count of characters left), and then the
    rest of the text is read at once, counted in bytes. What is left of the text when the span
    ends is read after its last glyph (`flush_actualtext`)."""
    out: list[str] = []
    text = actual
    for items in runs:
        if not text:
            continue  # nothing left to read: MuPDF reads no text for the glyphs
        start = 0
        while start < len(items) and start < len(text) and items[start] == text[start]:
            start += 1
        out += items[:start]
        text = text[start:]
        if start == len(items):
            continue
        end, z = len(items), len(text)
        while end > start and z > 0 and items[end - 1] == text[z - 1]:
            end, z = end - 1, z - 1
        taken = sum(1 for i in range(start, end) if i < z)  # the others are read as nothing
        out += list(text[:taken])
        text = text[taken:]
        if end == len(items):
            continue
        count = len(text.encode()) - (len(items) - end)
        out += list(text[:max(0, count)]) + items[end:]
        text = ""
    return "".join(out) + text


def arranged(ordered: list[Glyph], found: list[Island]) -> tuple[list[Glyph], dict[int, Island]]:
    """The glyphs in the order given, each island's together, in the order of the text, where
    its first one was, and the islands by the index of their first glyph."""
    member = {id(glyph): island for island in found for glyph in island.glyphs}
    out: list[Glyph] = []
    starts: dict[int, Island] = {}
    placed: set[int] = set()
    for glyph in ordered:
        island = member.get(id(glyph))
        if island is None:
            out.append(glyph)
        elif id(island) not in placed:
            placed.add(id(island))
            starts[len(out)] = island
            out += island.glyphs
    return out, starts
