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

Such a line is now drawn by WeasyPrint into a `Recorder`, and its glyphs are written again, each
where WeasyPrint put it, with its font, size and rise, so the page looks the same: its pieces in
the order of the text (`pieces`: Pango's directional runs, and a right-to-left run cut where it
has characters read as left-to-right), each piece's glyphs left to right as before (extractors
expect that, and ligatures are mapped for it, see `pdf_text`), punctuation that would be read
first written after the letters it follows (`reading_order`), a bracket drawn mirrored marked
with its own character as the PDF's `ActualText`, and each glyph of a cluster mapped to its own
characters (`map_cluster_glyphs`). Extractors that read by position (pdftotext) find the same
glyphs in the same places.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

#: bidi classes of strong right-to-left characters and Arabic digits (Unicode data)
_RTL = frozenset({"R", "AL", "AN"})
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


def map_cluster_glyphs(glyphs: list[Glyph], fonts: dict[str, Any]) -> None:
    """Map each glyph of a right-to-left cluster drawn with several glyphs to its own characters.

    WeasyPrint maps every glyph to the text of the cluster it is first drawn in, and gives a
    cluster's whole text to one of its glyphs and nothing to the others: after «بدلًا», the
    vowel mark's glyph read as «لًا» everywhere, and the lam-alef's as nothing. A glyph that is
    the font's own glyph for one of the cluster's characters (the mark) is mapped to it; the
    other (the ligature) to the characters left, if it is the only other one."""
    for group in clusters(glyphs):
        if len(group) < 2:
            continue
        others = [glyph for glyph in group if not glyph.nominal]
        left = list(group[0].text)
        for glyph in group:
            if glyph.nominal and glyph.nominal in left:
                left.remove(glyph.nominal)
        for glyph in group:
            to_unicode = fonts[glyph.font].to_unicode
            gid = int(glyph.gid, 16)
            if glyph.nominal:
                to_unicode[gid] = glyph.nominal
            elif len(others) == 1 and left and to_unicode.get(gid) in ("", group[0].text):
                to_unicode[gid] = "".join(left)


def clusters(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """The glyphs in the order given, those of one right-to-left cluster together."""
    out: list[list[Glyph]] = []
    for glyph in glyphs:
        if out and glyph.rtl and out[-1][-1].rtl and glyph.cluster == out[-1][-1].cluster:
            out[-1].append(glyph)
        else:
            out.append([glyph])
    return out


def write(stream: Any, matrix: tuple[float, ...], glyphs: list[Glyph],
          widths: FontWidths) -> None:
    """Write the glyphs in the order given, each moved to its place by the TJ operator's numbers
    (a number n moves the pen back by n/1000 of the size); a bracket drawn mirrored in a
    marked-content span whose ActualText is its own character."""
    import pydyf  # type: ignore[import-untyped]

    stream.set_text_matrix(*matrix)
    font, size, rise, pen = "", 0.0, 0.0, 0.0
    parts: list[str] = []

    def flush() -> None:
        if parts:
            stream.show_text("".join(parts))
            parts.clear()

    for glyph in glyphs:
        if (glyph.font, glyph.size) != (font, size):
            flush()
            font, size = glyph.font, glyph.size
            stream.set_font_size(font, size)
        if glyph.rise != rise:
            flush()
            rise = glyph.rise
            stream.set_text_rise(rise)
        move = (pen - glyph.x) * 1000 / size
        if abs(move) > 1e-3:
            parts.append(f"{move:.3f}".rstrip("0").rstrip("."))
        if glyph.mirrored:
            flush()
            stream.begin_marked_content(
                "Span", pydyf.Dictionary({"ActualText": pydyf.String(glyph.text)}))
            stream.show_text(f"{''.join(parts)}<{glyph.gid}>")
            parts.clear()
            stream.end_marked_content()
        else:
            parts.append(f"<{glyph.gid}>")
        pen = glyph.x + widths[glyph.font][0].get(int(glyph.gid, 16), 0) / 1000 * size
    flush()
    if rise:
        stream.set_text_rise(0)


def replay(stream: Any, recorder: Recorder) -> None:
    """Write the recorded operators as they were."""
    if recorder.matrix is None:
        return
    stream.set_text_matrix(*recorder.matrix)
    for kind, value in recorder.operations:
        if kind == "font":
            stream.set_font_size(*value)
        elif kind == "rise":
            stream.set_text_rise(value)
        else:
            stream.show_text(value)


def install() -> None:
    """Write each line that has right-to-left text, or is set right to left (a bracket alone
    between two isolated runs), in reading order (idempotent)."""
    import weasyprint.draw.text as draw_text

    original = draw_text.draw_first_line
    if getattr(original, "reading_order", False):
        return

    def draw_first_line(stream: Any, textbox: Any, *args: Any, **kwargs: Any) -> Any:
        if textbox.style["direction"] != "rtl" and not has_rtl(textbox.text):
            return original(stream, textbox, *args, **kwargs)
        recorder = Recorder(stream)
        emojis = original(recorder, textbox, *args, **kwargs)
        widths = font_widths(stream)
        glyphs = placed_glyphs(recorder.operations, widths)
        if recorder.matrix is None or not describe(glyphs, textbox.pango_layout):
            replay(stream, recorder)  # not the line as laid out: keep WeasyPrint's order
        else:
            fonts = {font.hash: font for font in stream._fonts.values()}  # noqa: SLF001
            map_cluster_glyphs(glyphs, fonts)
            write(stream, recorder.matrix, reading_order(glyphs), widths)
        return emojis

    draw_first_line.reading_order = True  # type: ignore[attr-defined]
    draw_first_line.reader_patched = getattr(original, "reader_patched", False)  # type: ignore[attr-defined]
    draw_text.draw_first_line = draw_first_line
