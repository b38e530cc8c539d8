"""The glyphs of a line as WeasyPrint draws them, for `pdf_order`: recorded, placed, described.

`Recorder` stands in for the page stream while WeasyPrint draws a line and keeps its text
operators; `placed_glyphs` replays them as a PDF reader does, giving each glyph its font, size,
rise and pen position; `describe` adds what Pango's layout of the line says of each glyph (its
run, direction and characters); `map_cluster_glyphs` maps each glyph of a cluster drawn with
several glyphs to its own characters (`pdf_writer` writes them again). Reads two WeasyPrint
internals, `stream._fonts` and the TJ strings it writes, checked by `tests/test_pdf_order.py`
against the pinned version.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

#: one operand of a TJ array as WeasyPrint writes it: a hex string of glyph ids, or a number
_OPERAND = re.compile(r"<([0-9a-fA-F]*)>|(-?[0-9.]+(?:e-?[0-9]+)?)")


@functools.cache
def nominal_glyph_lookup() -> Any:
    """HarfBuzz's `hb_font_get_nominal_glyph` (the glyph a font's cmap gives a character),
    declared on WeasyPrint's own FFI."""
    from weasyprint.text.ffi import ffi, harfbuzz

    try:
        ffi.cdef("hb_bool_t hb_font_get_nominal_glyph (hb_font_t *font, hb_codepoint_t unicode,"
                 " hb_codepoint_t *glyph);")
    except Exception:  # noqa: BLE001 - declared already by an earlier call in this process
        pass
    return harfbuzz.hb_font_get_nominal_glyph


@dataclass
class Glyph:
    """A glyph as WeasyPrint placed it (font resource, size, rise, pen position in text space,
    glyph id in hex) and what the line's layout says of it."""

    font: str
    size: float
    rise: float
    x: float
    gid: str
    run: int = 0  #: the run's offset in the line's text: runs are written in this order
    rtl: bool = False
    text: str = ""  #: the characters of the glyph's cluster (all its glyphs share them)
    cluster: int = -1  #: the cluster's offset in the line's text
    nominal: str = ""  #: the character of the cluster whose glyph this is in the font's cmap
    #: the text extractors are to read for this glyph and the rest of its cluster (`ActualText`)
    actual: str | None = None

    @property
    def mirrored(self) -> bool:
        return self.rtl and len(self.text) == 1 and bool(unicodedata.mirrored(self.text))


class Recorder:
    """Stands in for WeasyPrint's page stream while a line is drawn: the text operators are
    recorded, everything else (fonts, the rectangles Pango fills) is the real stream's."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream
        self.matrix: tuple[float, ...] | None = None
        self.operations: list[tuple[str, Any]] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)

    def set_text_matrix(self, *values: float) -> None:
        self.matrix = values

    def set_font_size(self, font: str, size: float) -> None:
        self.operations.append(("font", (font, size)))

    def set_text_rise(self, rise: float) -> None:
        self.operations.append(("rise", rise))

    def show_text(self, text: str) -> None:
        self.operations.append(("show", text))


FontWidths = dict[str, tuple[dict[int, int], int]]


def font_widths(stream: Any) -> FontWidths:
    """Each font resource's glyph widths (thousandths of the size) and hex digits per glyph id."""
    return {font.hash: (font.widths, 2 if font.bitmap else 4)
            for font in stream._fonts.values()}  # noqa: SLF001 - where WeasyPrint keeps them


def placed_glyphs(operations: list[tuple[str, Any]], widths: FontWidths) -> list[Glyph]:
    """Replay the recorded operators as a PDF reader does: each glyph with the pen's position."""
    glyphs: list[Glyph] = []
    font, size, rise, pen = "", 1.0, 0.0, 0.0
    for kind, value in operations:
        if kind == "font":
            font, size = value[0], float(value[1])
        elif kind == "rise":
            rise = float(value)
        else:
            advances, digits = widths[font]
            for match in _OPERAND.finditer(value):
                hexes, number = match.groups()
                if number is not None:
                    pen -= float(number) / 1000 * size
                    continue
                for i in range(0, len(hexes), digits):
                    gid = hexes[i:i + digits]
                    glyphs.append(Glyph(font, size, rise, pen, gid))
                    pen += advances.get(int(gid, 16), 0) / 1000 * size
    return glyphs


def describe(glyphs: list[Glyph], layout: Any) -> bool:
    """Fill in each glyph's run, direction and characters from the line's Pango runs, which
    WeasyPrint wrote in the same order (skipping empty glyphs); False if they do not match."""
    from weasyprint.text.ffi import ffi, pango

    lookup = nominal_glyph_lookup()
    found = ffi.new("hb_codepoint_t *")
    line, _ = layout.get_first_line()
    text = layout.text.encode()
    index = 0
    run = line.runs[0] if line.runs != ffi.NULL else ffi.NULL
    while run != ffi.NULL:
        item = run.data
        run = run.next
        offset, length = item.item.offset, item.item.length
        rtl = bool(item.item.analysis.level % 2)
        string = item.glyphs
        clusters = string.log_clusters
        count = string.num_glyphs
        starts = sorted({clusters[i] for i in range(count)} | {length})
        for i in range(count):
            if string.glyphs[i].glyph == pango.PANGO_GLYPH_EMPTY:
                continue
            if index >= len(glyphs):
                return False
            start = clusters[i]
            end = starts[starts.index(start) + 1]
            glyph = glyphs[index]
            glyph.run, glyph.rtl, glyph.cluster = offset, rtl, offset + start
            glyph.text = text[offset + start:offset + end].decode(errors="replace")
            if rtl and len(glyph.text) > 1:
                hb_font = pango.pango_font_get_hb_font(item.item.analysis.font)
                glyph.nominal = next((c for c in glyph.text if lookup(hb_font, ord(c), found)
                                      and found[0] == int(glyph.gid, 16)), "")
            index += 1
    return index == len(glyphs)


def map_cluster_glyphs(glyphs: list[Glyph], fonts: dict[str, Any]) -> None:
    """Map each glyph of a right-to-left cluster drawn with several glyphs to its own characters.

    WeasyPrint maps every glyph to the text of the cluster it is first drawn in, and gives a
    cluster's whole text to one of its glyphs and nothing to the others: after «بدلًا», the
    vowel mark's glyph read as «لًا» everywhere, and the lam-alef's as nothing. A glyph that is
    the font's own glyph for one of the cluster's characters (the mark) is mapped to it; the
    other (the ligature) to the characters left, if it is the only other one.

    Where a mark stands between the letters of a ligature in the text («فضلًا»: lam, the mark,
    alef, drawn as the lam-alef ligature and the mark), no mapping of the two glyphs reads back
    in that order: the cluster is written ligature first, in a span whose `ActualText` is its
    text as drawn, right to left, which extractors turn round as they turn its glyphs."""
    for group in clusters(glyphs):
        if len(group) < 2:
            continue
        others = [glyph for glyph in group if not glyph.nominal]
        left = list(group[0].text)
        for glyph in group:
            if glyph.nominal and glyph.nominal in left:
                left.remove(glyph.nominal)
        text = group[0].text
        if len(others) == 1 and any(glyph.nominal and text.find(glyph.nominal) < len(text) - 1
                                    for glyph in group if glyph is not others[0]):
            others[0].actual = text[::-1]
        for glyph in group:
            to_unicode = fonts[glyph.font].to_unicode
            gid = int(glyph.gid, 16)
            if glyph.nominal:
                to_unicode[gid] = glyph.nominal
            elif len(others) == 1 and left and to_unicode.get(gid) in ("", group[0].text):
                to_unicode[gid] = "".join(left)
    attach_marks(glyphs, fonts)


def _marks(text: str) -> bool:
    return bool(text) and all(unicodedata.category(char) == "Mn" for char in text)


def _letter(text: str) -> bool:
    return len(text) == 1 and unicodedata.bidirectional(text) in ("R", "AL")


def attach_marks(glyphs: list[Glyph], fonts: dict[str, Any]) -> None:
    """Write a right-to-left mark that Pango shapes as a cluster of its own (the tanwin of
    «دورًا», «وفقاً», the damma of «وقُتل») in one span with its letter and the letter or space
    drawn before it (the next in the text), whose `ActualText` is their text as drawn, right to
    left.

    The mark is drawn between the two, raised or lowered (a text rise) and shifted towards the
    next letter: pdftotext read it on a line of its own, or after the wrong letter («دوًرا»), or
    put a space after it. It spreads a span's text over the span from its first glyph's
    baseline; MuPDF reads glyphs that match the span's text as it read them before. Only where
    each glyph of the three is mapped to its own character (ToUnicode), each a cluster alone,
    and a space has a letter of the same run after it: MuPDF reads a span that begins with the
    space ending a line, or with a space before a number, twice over."""
    index = 1
    while index < len(glyphs):
        end = index
        while end < len(glyphs) and glyphs[end].rtl and _marks(glyphs[end].text):
            end += 1
        if end == index or end == len(glyphs):
            index = end + 1
            continue
        group = glyphs[index - 1:end + 1]
        if _joins(glyphs, index - 1, end, fonts):
            for glyph in group:
                glyph.cluster = group[0].cluster
            group[0].actual = "".join(glyph.text for glyph in group)
        index = end + 1


def _joins(glyphs: list[Glyph], first: int, last: int, fonts: dict[str, Any]) -> bool:
    """Whether the mark or marks between `first` (the letter or space after them in the text)
    and `last` (their letter) go in one span with both (`attach_marks`)."""
    group = glyphs[first:last + 1]
    before, letter = group[0], group[-1]
    after = glyphs[first - 1] if first else None  # the glyph read after `before`
    if before.text == " ":
        if after is None or not (after.run == before.run and _letter(after.text)):
            return False
    elif not _letter(before.text):
        return False
    return ((first == 0 or glyphs[first - 1].cluster != before.cluster)
            and (last + 1 == len(glyphs) or glyphs[last + 1].cluster != letter.cluster)
            and _letter(letter.text)
            and all(g.rtl and g.run == before.run and g.actual is None for g in group)
            and before.cluster > group[-2].cluster > letter.cluster
            and all(fonts[g.font].to_unicode.get(int(g.gid, 16)) == g.text for g in group))


def clusters(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """The glyphs in the order given, those of one right-to-left cluster together."""
    out: list[list[Glyph]] = []
    for glyph in glyphs:
        if out and glyph.rtl and out[-1][-1].rtl and glyph.cluster == out[-1][-1].cluster:
            out[-1].append(glyph)
        else:
            out.append([glyph])
    return out
