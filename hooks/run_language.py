"""Which language a run of text is in, where the page must say so (WCAG's language of parts).

A Persian or Arabic run tells its language by the letters only one of the two writes (the style
guide spells Persian with ی and ک, Arabic with ي and ك), else by the glossary or index name it is,
else, in a «quotation» of the Arabic paper, by the Arabic article; a run in the Latin script by a
letter only Turkish of the site's two Latin-script languages writes, or as a Turkish paper's title.
`bidi_isolation` asks these rules of each run it isolates and of the text around it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

from languages import LANGUAGES

#: letters only Persian writes (and its zero-width non-joiner), and letters only Arabic writes:
#: the style guide has Persian text spelt with ی and ک and Arabic text with ي and ك
#: (CONTRIBUTING.md), so a run's letters say which language it is in
_PERSIAN_LETTERS = frozenset("پچژگکیۀ۰۱۲۳۴۵۶۷۸۹\u200c")
_ARABIC_LETTERS = frozenset("يكةى٠١٢٣٤٥٦٧٨٩")
#: the letters only one of the two writes, by language
OWN_LETTERS: Mapping[str, frozenset[str]] = MappingProxyType(
    {"fa": _PERSIAN_LETTERS, "ar": _ARABIC_LETTERS})


#: no names known
NO_NAMES: Mapping[str, str] = MappingProxyType({})
#: a word with the Arabic article (الـ, with a prefix: والـ, بالـ, للـ): Persian writes it only
#: in Arabic phrases, where its own letters or non-joiners also show («بین‌الملل»)
_ARTICLE = re.compile(r"(?:^|[\s«(\"'])(?:[وبفك]?ال|لل)[\u0621-\u064a]")


def script_language(run: str) -> str | None:
    """"fa" or "ar" for a run in the Arabic script whose letters only one of them writes, else
    None."""
    letters = set(run)
    persian = bool(letters & _PERSIAN_LETTERS)
    arabic = bool(letters & _ARABIC_LETTERS) or (not persian and bool(_ARTICLE.search(run)))
    return "fa" if persian and not arabic else "ar" if arabic and not persian else None


#: letters Turkish writes and English does not (Unicode data would class them all as Latin)
TURKISH_LETTERS = frozenset("çğıöşüâîûÇĞİÖŞÜÂÎÛ")


#: words English writes and Turkish does not (Turkish joins with «ve», not «and»)
ENGLISH_WORDS = re.compile(r"\b(?:the|of|and|for|with)\b", re.I)


def latin_language(run: str, quoted: str = "", quotation: bool = False) -> str | None:
    """"en" for a run in the Latin script with a word English writes and Turkish does not («(The
    Middle Corridor)», «(Salehi Yeganeh and Raisinejad, 2023)»); "tr" for one with a letter
    only Turkish of the site's two Latin-script languages writes («Buna rağmen», «Erdoğan»);
    else, for a run that is a whole «quotation» (`quotation`) in Persian or Arabic text on an
    excerpt of a paper in the Latin script (`quoted`: «Daha sonra imzalanan» in a note on a
    Turkish paper), its language; else None: a word, a citation («(Nye, 1990)»), an
    abbreviation («DOI») that no rule can tell is left to the text around."""
    if ENGLISH_WORDS.search(run):
        return "en"
    if set(run) & TURKISH_LETTERS:
        return "tr"
    latin = quoted in LANGUAGES and LANGUAGES[quoted].script == "Latn"
    return quoted if latin and quotation else None


#: what may stand around a name quoted in a run: guillemets, brackets, quotation marks, spaces
AROUND_NAME = "«»()[]\"' \u00a0"


def run_language(run: str, spellings: Mapping[str, str] = NO_NAMES) -> str | None:
    """"fa" or "ar" for a run in the Arabic script: by its letters (`script_language`), else as
    the name it is (`spellings`: a glossary or index name only one of the two writes so)."""
    return script_language(run) or spellings.get(" ".join(run.strip(AROUND_NAME).split()))


#: a quotation in guillemets
_QUOTATION = re.compile(r"«[^«»]+»")


def quotation_language(quotation: str, quoted: str = "",
                       spellings: Mapping[str, str] = NO_NAMES) -> str | None:
    """"fa" or "ar" for a «quotation» inside Persian or Arabic text: by the letters only one of
    the two writes, else as the name it is, else, where the text quotes an Arabic paper
    (`quoted`), as Arabic if it has the Arabic article. The article alone does not tell it
    elsewhere: Persian writes it in words of its own («بالقوه»)."""
    letters = set(quotation)
    persian, arabic = bool(letters & _PERSIAN_LETTERS), bool(letters & _ARABIC_LETTERS)
    if persian or arabic:  # both: no telling
        return None if persian and arabic else "fa" if persian else "ar"
    name = spellings.get(" ".join(quotation.strip(AROUND_NAME).split()))
    return name or ("ar" if quoted == "ar" and _ARTICLE.search(quotation) else None)


def quotations(segment: str, language: str, quoted: str,
               spellings: Mapping[str, str]) -> list[tuple[str, str | None]]:
    """`segment` in pieces, each (text, its language where it is not `language`): each quotation
    in the other right-to-left language than `language` is marked as such, and so each stretch
    between two quotations (a note's «هاودور» = ودورها، «لأتضمن البحث مدخ» = تضمن البحث مدخلاً:
    the Arabic reading after each scrambled quotation)."""
    pieces: list[tuple[str, str | None]] = []
    last = 0
    for found in _QUOTATION.finditer(segment):
        between, quotation = segment[last:found.start()], found.group(0)
        pieces += [(between, run_language(between, spellings)),
                   (quotation, quotation_language(quotation, quoted, spellings))]
        last = found.end()
    pieces.append((segment[last:], run_language(segment[last:], spellings) if pieces else None))
    return [(text, own if own != language else None) for text, own in pieces]


def title_matches(segment: str, language: str,
                  titles: Mapping[str, str]) -> list[tuple[re.Match[str], str]]:
    """Each known title in `segment` in another language than `language`, with its language."""
    found = [t for t in titles if t in segment and titles[t] != language]
    if not found:
        return []
    pattern = re.compile("|".join(re.escape(t) for t in sorted(found, key=len, reverse=True)))
    return [(match, titles[match.group(0)]) for match in pattern.finditer(segment)]


def titled(segment: str, language: str,
           titles: Mapping[str, str]) -> list[tuple[str, str | None]] | None:
    """`segment` in pieces, each (text, its language where it is a known title in another
    language than `language`: a Turkish paper's title in an English citation label); None if it
    holds none."""
    matches = title_matches(segment, language, titles)
    if not matches:
        return None
    pieces: list[tuple[str, str | None]] = []
    last = 0
    for match, lang in matches:
        pieces += [(segment[last:match.start()], None), (match.group(0), lang)]
        last = match.end()
    return [*pieces, (segment[last:], None)]
