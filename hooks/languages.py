"""The one language table of the reader: every edition, its direction, script and names.

Python, the templates (through `data-edition` and `dir` on `<html>`), the PDFs and the tests all
read it from here. The English edition is the default; Persian and Arabic are right to left.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Direction = Literal["ltr", "rtl"]


@dataclass(frozen=True)
class Language:
    code: str
    dir: Direction
    script: str  #: ISO 15924
    name: str  #: in English
    native: str  #: in the language itself
    #: the font files (under assets/fonts/) the edition's own text is set in, preloaded by its
    #: pages so that the text is drawn once, in its font (docs/assets/css/fonts.css)
    fonts: tuple[str, ...] = ()
    #: the CLDR locales whose month names the edition writes a date with; two are joined by a
    #: slash, as Arabic prose names a month: the Levantine name, then the Egyptian one
    #: («تشرين الثاني/نوفمبر»)
    month_locales: tuple[str, ...] = ("en_GB",)
    #: about how many letters a text in the language writes for each letter of the English it
    #: translates (measured on the site's translated pages): a translated section far shorter
    #: may have left a part out (`page_structure`)
    letters_per_english: float = 1.0
    #: the digits the edition writes its own numbers in (¶, sections, pages, counts, dates), 0 to 9
    digits: str = "0123456789"
    #: the CSS counter style of those digits: the PDFs number their pages with it (pdf.css)
    counter_style: str = "decimal"

    def number(self, text: str) -> str:
        """`text` with its digits written in the edition's digits."""
        return text.translate(str.maketrans("0123456789", self.digits))

    @property
    def comma(self) -> str:
        """The comma between the items of a list: the Arabic comma in Persian and Arabic."""
        return "، " if self.dir == "rtl" else ", "

    @property
    def semicolon(self) -> str:
        """The mark between the items of a list whose items may hold a comma ("one nation, two
        states"): the Arabic semicolon in Persian and Arabic."""
        return "؛ " if self.dir == "rtl" else "; "


_LATIN = ("noto-sans/noto-sans-latin-400-normal.woff2",
          "noto-sans/noto-sans-latin-700-normal.woff2")
#: Persian and Arabic text takes its spaces, Western digits and Latin punctuation from Noto Sans
#: (their fonts' unicode-range leaves them out): without it, a title such as "حرب قره باغ 2020"
#: was drawn twice and moved the page below it as the font arrived
_LATIN_IN_ARABIC = _LATIN[0]
LANGUAGES: dict[str, Language] = {
    "en": Language("en", "ltr", "Latn", "English", "English", _LATIN),
    "tr": Language("tr", "ltr", "Latn", "Turkish", "Türkçe",
                   (*_LATIN, "noto-sans/noto-sans-latin-ext-400-normal.woff2"), ("tr",), 1.05),
    "fa": Language("fa", "rtl", "Arab", "Persian", "فارسی",
                   ("vazirmatn/vazirmatn-arabic-400-normal.woff2",
                    "vazirmatn/vazirmatn-arabic-700-normal.woff2", _LATIN_IN_ARABIC), ("fa",),
                   0.85, "۰۱۲۳۴۵۶۷۸۹", "persian"),
    "ar": Language("ar", "rtl", "Arab", "Arabic", "العربية",
                   ("noto-naskh-arabic/noto-naskh-arabic-arabic-400-normal.woff2",
                    "noto-naskh-arabic/noto-naskh-arabic-arabic-700-normal.woff2",
                    _LATIN_IN_ARABIC), ("ar_SY", "ar_EG"), 0.83),
}
#: the editions of the site, the default first
EDITIONS: tuple[str, ...] = tuple(LANGUAGES)
DEFAULT_EDITION = "en"
#: the languages the papers are written in
ORIGINAL_LANGUAGES: tuple[str, ...] = ("fa", "ar", "tr")
RTL_LANGUAGES: frozenset[str] = frozenset(c for c, lang in LANGUAGES.items() if lang.dir == "rtl")


def direction(code: str) -> Direction:
    """`rtl` or `ltr` for a language code; an unknown code reads left to right."""
    language = LANGUAGES.get(code)
    return language.dir if language else "ltr"


def edition_prefix(edition: str) -> str:
    """The folder of an edition's pages in the site: none for the default edition."""
    return "" if edition == DEFAULT_EDITION else f"{edition}/"


def page_place(rel: str) -> tuple[str, str]:
    """(edition, path inside it) of a page's file, `docs/<edition>/<path>`; ("", "") for any
    other file."""
    parts = rel.split("/", 2)
    if len(parts) == 3 and parts[0] == "docs" and parts[1] in LANGUAGES:
        return parts[1], parts[2]
    return "", ""


def english_name(code: str) -> str:
    return LANGUAGES[code].name
