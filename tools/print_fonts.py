"""Make the Arabic-script face of the printed edition: Vazirmatn with its digits and punctuation.

Usage: ``python tools/print_fonts.py`` (from the project folder; the result is committed).

The PDFs set Persian and Arabic in Vazirmatn. Its Arabic subset has no full stop, comma, colon,
brackets, quotation marks or European digits, so inside a Persian or Arabic sentence those
characters fell back to the Latin font and split the right-to-left run into pieces set in two
fonts. This merges into each weight's Arabic subset every character of the Latin subset that is
not a letter (digits, punctuation, symbols), from the same @fontsource/vazirmatn release, into
``docs/assets/fonts/vazirmatn/vazirmatn-print-<weight>-normal.woff2``. Latin letters stay in
Noto Sans, as on screen, and so does the pilcrow: Vazirmatn draws ¶ as a round bowl on one stem,
the shape of the Persian and Arabic nine (۹, ٩), so that a paragraph number «¶۱۲» read as «۱۲۹».

``python tools/print_fonts.py --symbols FILE`` also cuts the symbols subset of Noto Sans
Symbols 2 (``noto-sans-symbols-2-symbols-400-normal.woff2`` of @fontsource/noto-sans-symbols-2
5.3.0) down to arrows, geometric shapes, miscellaneous symbols and dingbats (U+2190-U+2BFF:
check marks, bullets), into ``docs/assets/fonts/noto-sans-symbols-2/``: the last face of every
font stack of the PDFs, so that no such character falls to a system font.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from fontTools import subset
from fontTools.merge import Merger
from fontTools.ttLib import TTFont

FONTS = Path(__file__).resolve().parent.parent / "docs" / "assets" / "fonts"
FOLDER = FONTS / "vazirmatn"
WEIGHTS = (400, 700)
SYMBOLS = range(0x2190, 0x2C00)
#: characters of Vazirmatn's Latin subset left to Noto Sans: the pilcrow (see above)
KEPT_IN_NOTO_SANS = {0x00B6}


def _as_ttf(source: Path, target: Path, keep: list[int] | None = None) -> Path:
    """The WOFF2 font as a plain TrueType file, reduced to `keep` code points if given."""
    font = TTFont(source)
    font.flavor = None
    font.recalcTimestamp = False
    if keep is not None:
        options = subset.Options()
        options.layout_features = ["*"]
        options.name_IDs = ["*"]
        options.notdef_outline = True
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=keep)
        subsetter.subset(font)
    font.save(target)
    return target


def merge_weight(weight: int, scratch: Path) -> Path:
    arabic = FOLDER / f"vazirmatn-arabic-{weight}-normal.woff2"
    latin = FOLDER / f"vazirmatn-latin-{weight}-normal.woff2"
    not_letters = [c for c in TTFont(latin).getBestCmap()
                   if not chr(c).isalpha() and c not in KEPT_IN_NOTO_SANS]
    parts = [_as_ttf(arabic, scratch / f"arabic-{weight}.ttf"),
             _as_ttf(latin, scratch / f"latin-{weight}.ttf", not_letters)]
    merged = Merger().merge([str(p) for p in parts])
    merged.flavor = "woff2"
    merged.recalcTimestamp = False  # the same inputs give the same file
    merged["head"].created = merged["head"].modified = TTFont(arabic)["head"].modified
    target = FOLDER / f"vazirmatn-print-{weight}-normal.woff2"
    merged.save(target)
    return target


def cut_symbols(source: Path) -> Path:
    font = TTFont(source)
    font.recalcTimestamp = False
    keep = [c for c in font.getBestCmap() if c in SYMBOLS]
    options = subset.Options()
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.flavor = "woff2"
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=keep)
    subsetter.subset(font)
    target = FONTS / "noto-sans-symbols-2" / "noto-sans-symbols-2-print-400-normal.woff2"
    font.flavor = "woff2"
    font.save(target)
    return target


def main(argv: list[str]) -> int:
    with tempfile.TemporaryDirectory() as scratch:
        for weight in WEIGHTS:
            print(merge_weight(weight, Path(scratch)))
    if argv[:1] == ["--symbols"] and len(argv) == 2:
        print(cut_symbols(Path(argv[1])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
