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


LANGUAGES: dict[str, Language] = {
    "en": Language("en", "ltr", "Latn", "English", "English"),
    "tr": Language("tr", "ltr", "Latn", "Turkish", "Türkçe"),
    "fa": Language("fa", "rtl", "Arab", "Persian", "فارسی"),
    "ar": Language("ar", "rtl", "Arab", "Arabic", "العربية"),
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


def english_name(code: str) -> str:
    return LANGUAGES[code].name
