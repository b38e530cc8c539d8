"""The PDFs' text layer: Persian and Arabic that text extraction reads back as written.

WeasyPrint maps each glyph it draws to the characters of its cluster (the PDF's ToUnicode map),
which pdftotext, PyMuPDF and screen readers use to read the text. Three things went wrong for the
Arabic script, and are put right here before typesetting:

- **Zero-width non-joiners were lost.** Pango draws default-ignorable characters (U+200C and
  U+200D among them) as an empty glyph that WeasyPrint skips, so «به‌عنوان» came back as
  «بهعنوان» and «ه‍.ش» lost its joiner. The ZWNJ (and the ZWJ) is now drawn as the font's own
  glyph for it: Vazirmatn has one, with no outline and no advance, so the page looks the same,
  the shaping (already done by HarfBuzz with the joiner in place) is untouched, and the glyph is
  mapped to the joiner in the text layer.
- **Ligatures of several letters came back reversed.** A glyph standing for several
  right-to-left letters (lam-alef, «لا») is mapped to them in reading order; extractors, which
  reverse right-to-left runs glyph by glyph, reverse that mapping too and print «ال». Mapping such
  glyphs to their letters reversed gives back «لا».
- **Brackets came back turned round.** In right-to-left text a bracket is drawn with its mirror
  image's glyph (the «(» of a Latin citation in a Persian sentence is drawn as «)»), and WeasyPrint
  maps each glyph to the text it was first drawn for, so every «)» glyph of the font could read
  as «(». Extractors place characters by where their glyphs stand and do not mirror them, so each
  bracket glyph is mapped to the character it is the font's glyph for (and `pdf_order` marks the
  places where it is drawn mirrored with the character it stands for there).

`prepare()` installs these once per process, with `pdf_order`'s writing of right-to-left lines
in reading order; they only change what WeasyPrint writes into the PDF's text layer.
"""

from __future__ import annotations

import io
import unicodedata
from typing import Any

from pdf_glyphs import nominal_glyph_lookup
from pdf_order import as_read_back
from pdf_order import install as install_reading_order

ZWNJ = "\u200c"
ZWJ = "\u200d"
#: the zero-width (non-)joiners Persian text uses («می‌شود», the abbreviation «ه‍.ش»), as UTF-8
_JOINERS = {ZWNJ.encode(): ZWNJ, ZWJ.encode(): ZWJ}


def prepare(reading_order: bool = True) -> None:
    """Install the corrections into WeasyPrint (idempotent), and `pdf_order`'s reading order
    unless told not to (the tests compare the two)."""
    _keep_zero_width_non_joiners()
    _extractable_ligatures()
    if reading_order:
        install_reading_order()


def _show_zwnj(layout: Any) -> None:
    """Replace the empty glyphs that stand for a ZWNJ (or a ZWJ) in the layout's first line by
    the font's glyph for it, where the font has one."""
    from weasyprint.text.ffi import ffi, pango

    lookup = nominal_glyph_lookup()
    # WeasyPrint sets this before drawing; setting it first keeps the line it then draws
    pango.pango_layout_set_single_paragraph_mode(layout.layout, True)
    line, _ = layout.get_first_line()
    text = layout.text.encode()
    if not any(joiner in text for joiner in _JOINERS):
        return
    glyph = ffi.new("hb_codepoint_t *")
    run = line.runs[0] if line.runs != ffi.NULL else ffi.NULL
    while run != ffi.NULL:
        item = run.data
        run = run.next
        glyphs = item.glyphs
        for i in range(glyphs.num_glyphs):
            info = glyphs.glyphs[i]
            start = item.item.offset + glyphs.log_clusters[i]
            joiner = _JOINERS.get(text[start:start + 3])
            if (info.glyph == pango.PANGO_GLYPH_EMPTY and joiner
                    and lookup(pango.pango_font_get_hb_font(item.item.analysis.font),
                               ord(joiner), glyph)):
                info.glyph = glyph[0]


def _keep_zero_width_non_joiners() -> None:
    import weasyprint.draw.text as draw_text

    original = draw_text.draw_first_line
    if getattr(original, "reader_patched", False):
        return

    def draw_first_line(stream: Any, textbox: Any, *args: Any, **kwargs: Any) -> Any:
        if ZWNJ in textbox.text or ZWJ in textbox.text:
            _show_zwnj(textbox.pango_layout)
        return original(stream, textbox, *args, **kwargs)

    draw_first_line.reader_patched = True  # type: ignore[attr-defined]
    draw_text.draw_first_line = draw_first_line


def _extractable_ligatures() -> None:
    import weasyprint.pdf as pdf_module

    original = pdf_module.build_fonts_dictionary
    if getattr(original, "reader_patched", False):
        return

    def build(pdf: Any, fonts: Any, *args: Any, **kwargs: Any) -> Any:
        for font in fonts.values():
            for glyph, text in list(font.to_unicode.items()):
                font.to_unicode[glyph] = as_read_back(text)
            _brackets_as_drawn(font)
        return original(pdf, fonts, *args, **kwargs)

    build.reader_patched = True  # type: ignore[attr-defined]
    pdf_module.build_fonts_dictionary = build


def _brackets_as_drawn(font: Any) -> None:
    """Map each bracket glyph to the character whose glyph it is in the font's cmap."""
    mirrored = {g: t for g, t in font.to_unicode.items()
                if len(t) == 1 and unicodedata.mirrored(t)}
    if not mirrored or not getattr(font, "file_content", None):
        return
    from fontTools.ttLib import TTFont

    try:
        parsed = TTFont(io.BytesIO(font.file_content), fontNumber=font.index or 0, lazy=True)
        cmap = parsed.getBestCmap() or {}
        order = parsed.getGlyphOrder()
    except Exception:  # noqa: BLE001 - a font fontTools cannot read keeps WeasyPrint's map
        return
    drawn_for: dict[str, str] = {}
    for code, name in sorted(cmap.items()):
        drawn_for.setdefault(name, chr(code))
    names = dict(enumerate(order))
    for glyph, text in mirrored.items():
        own = drawn_for.get(names.get(glyph, ""))
        if own and own != text and unicodedata.mirrored(own):
            font.to_unicode[glyph] = own
