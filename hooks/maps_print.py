"""The maps in the PDFs: WeasyPrint draws an inline SVG with the styles found inside it only, so
each map's SVG is given the rules of `assets/css/maps.css` as a `<style>` of its own before it
is typeset. This runs on the PDF's copy of a built page, never on the published HTML (whose
sanitiser refuses `<style>`)."""

from __future__ import annotations

import re
from pathlib import Path

_MAP_SVG = re.compile(r'<svg class="map__(?:svg|swatch)"[^>]*>')
#: WeasyPrint paints a text's halo over its letters (no `paint-order`): print the letters alone
_PRINT_ONLY = ".map__svg text, text { stroke: none; }"


def with_map_styles(body: str, site: Path) -> str:
    """`body` with the maps' rules inside each of its map SVGs (unchanged where it has none)."""
    if 'class="map__' not in body:
        return body
    css = (site / "assets" / "css" / "maps.css").read_text(encoding="utf-8")
    css = re.sub(r"@media[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}", "", css)  # screen/print variants
    style = f"<style>{css}\n{_PRINT_ONLY}</style>"
    return _MAP_SVG.sub(lambda m: m.group(0) + style, body)
