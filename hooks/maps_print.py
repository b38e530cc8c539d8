"""The maps in the PDFs: WeasyPrint draws an inline SVG with the styles found inside it only, so
each map's SVG is given the rules of `assets/css/maps.css` as a `<style>` of its own before it
is typeset. WeasyPrint also sets an SVG text letter by letter, left to right, each letter shaped
alone: a Persian or Arabic label came out unjoined and backwards. Such a label is given to it as
it stands on the line: its letters in their joined forms (arabic-reshaper), in the order they
are drawn, with brackets mirrored (python-bidi). The names are also listed as text below each
map, which is what extractors and screen readers read. This runs on the PDF's copy of a built
page, never on the published HTML (whose sanitiser refuses `<style>`)."""

from __future__ import annotations

import html
import re
from pathlib import Path

from languages import direction
from pdf_order import has_rtl

_MAP_SVG = re.compile(r'(<svg class="map__(?:svg|swatch)"[^>]*>)(.*?</svg>)', re.S)
_TEXT = re.compile(r"(<text\b[^>]*>)([^<]*)(</text>)")
#: WeasyPrint paints a text's halo over its letters (no `paint-order`): print the letters alone
_PRINT_ONLY = ".map__svg text, text { stroke: none; }"
#: the print fonts (assets/css/pdf.css) of the labels, the edition's script first: an SVG does not
#: inherit the page's fonts, and its text would be set in a system font
_LABEL_FONTS = {
    "ltr": '"Reader Sans", "Reader Arabic Script", "Reader Symbols"',
    "rtl": '"Reader Arabic Script", "Reader Sans", "Reader Symbols"',
}
#: spacing between letters would part the joined letters of Persian and Arabic labels
_JOINED = ".map__svg .map__country-label { letter-spacing: 0; }"


def with_map_styles(body: str, site: Path, edition: str) -> str:
    """`body` with the maps' rules inside each of its map SVGs (unchanged where it has none),
    the labels in the print fonts of `edition`."""
    if 'class="map__' not in body:
        return body
    css = (site / "assets" / "css" / "maps.css").read_text(encoding="utf-8")
    css = re.sub(r"@media[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}", "", css)  # screen/print variants
    side = direction(edition)
    fonts = f"text {{ font-family: {_LABEL_FONTS[side]}; }}"
    style = f"<style>{css}\n{_PRINT_ONLY}\n{fonts}{_JOINED if side == 'rtl' else ''}</style>"
    return _MAP_SVG.sub(lambda m: m.group(1) + style + _TEXT.sub(_drawn_label, m.group(2)), body)


def _drawn_label(match: re.Match[str]) -> str:
    start, text, end = match.groups()
    label = html.unescape(text)
    if not has_rtl(label):
        return match.group(0)
    return start + html.escape(as_drawn(label), quote=False) + end


def as_drawn(label: str) -> str:
    """A right-to-left label as WeasyPrint's SVG text can draw it, letter by letter from the
    left: each letter in its joined form, in the order it stands on the line."""
    import arabic_reshaper
    from bidi.algorithm import get_display

    return str(get_display(arabic_reshaper.reshape(label), base_dir="R"))
