"""A text in another of the site's languages than the one it stands for: a Persian text pasted
under `ar:`, an English sentence left under `tr:` or on the Turkish page. The reader
would take it for the edition's own text, and a screen reader would read it in the edition's
voice. `make check` and the build name it, with its file and line; an excerpt's original and
translation are read in `excerpt_file` (its paper's language, and English).

`written_in` answers only for a text of a dozen words or more whose words tell: names and short
titles are left alone, and so is what the text quotes or marks itself («…», a long '…' or "…",
a title in *italics*, `<span lang>`, code, links, excerpt ids). The rules are `run_language`'s:
Persian and Arabic tell each other apart by the letters only one of them writes, English by
*the*, *of*, *and*, *for*, *with*, Turkish by a lower-case word with a letter only Turkish
writes, or by one of its small words. `slip` reads a whole text, then each of its sentences: a sentence left
untranslated, or a text joined to another language's when the line of its key was deleted. A
text of a data file too short for that (a heading, a short title, a label) is still read by
`script_slip` for its script, and for the letters only Persian or only Arabic writes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from languages import EDITIONS, LANGUAGES, RTL_LANGUAGES, english_name, page_place
from model import Problem
from run_language import ENGLISH_WORDS, OWN_LETTERS, TURKISH_LETTERS, script_language
from source_text import ARABIC_SCRIPT_WORD

#: what a text quotes or marks as itself, and what is not words: set aside before counting
_ASIDE = re.compile(
    r"<(\w+)[^>]*\blang=[^>]*>.*?</\1>|«[^»\n]*»|“[^”\n]*”|\"[^\"\n]{12,}\""
    r"|(?<!\w)'[^'\n]{12,}'(?!\w)|(?<![*\w])\*[^*\n]+\*(?![*\w])"
    r"|!?\[\[[^\]]*\]\]|\]\([^)]*\)|<[^>]*>|\{[^}\n]*\}|https?://\S+", re.S)
_LATIN_WORD = re.compile(r"[A-Za-zÀ-ɏ]+(?:['’][A-Za-zÀ-ɏ]+)?")
#: small words Turkish writes and English does not
_TURKISH_WORDS = frozenset("ve bir bu ile da de olarak ya ama daha gibi kadar sonra olan ise "
                           "veya".split())
#: the fewest words a text must have in its main script to be told (a title or a name is not)
_FEWEST = 12
#: the fewest words of a Persian or Arabic text whose letters tell which of the two it is
_FEWEST_TOLD = 6


@dataclass(frozen=True)
class Reading:
    """The language a text is written in, and the words that say so."""
    lang: str
    words: tuple[str, ...]


def _arabic_script(words: list[str]) -> Reading | None:
    told = [(word, script_language(word)) for word in words]
    told = [(word, lang) for word, lang in told if lang]
    for lang in ("fa", "ar"):
        own = [word for word, found in told if found == lang]
        if len(told) >= _FEWEST_TOLD and len(own) >= 0.75 * len(told):
            return Reading(lang, tuple(dict.fromkeys(own))[:3])
    return None


def _latin_script(words: list[str]) -> Reading | None:
    english = [w for w in words if ENGLISH_WORDS.fullmatch(w)]
    turkish = [w for w in words if w.lower() in _TURKISH_WORDS
               or (w[0].islower() and set(w) & TURKISH_LETTERS)]
    if len(english) >= 0.08 * len(words) and len(turkish) <= 0.25 * len(english):
        return Reading("en", tuple(dict.fromkeys(w.lower() for w in english))[:3])
    if len(turkish) >= 0.2 * len(words) and len(english) <= 0.1 * len(turkish):
        return Reading("tr", tuple(dict.fromkeys(turkish))[:3])
    return None


def written_in(text: str) -> Reading | None:
    """The site's language `text` is clearly written in, with the words that tell; None where it
    is short, mixed, or its words do not tell."""
    text = _ASIDE.sub(" ", text)
    arabic, latin = ARABIC_SCRIPT_WORD.findall(text), _LATIN_WORD.findall(text)
    if len(arabic) >= _FEWEST and len(arabic) >= 2 * len(latin):
        return _arabic_script(arabic)
    if len(latin) >= _FEWEST and len(latin) >= 2 * len(arabic):
        return _latin_script(latin)
    return None


#: where a sentence ends: after a full stop, question or exclamation mark, and the space after it
_SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+")


@dataclass(frozen=True)
class Slip:
    """Where a text meant to be in one language reads as another: the whole text, or the first
    of its sentences that does (`at`: where that sentence begins in the text)."""
    reading: Reading
    sentence: str | None = None
    at: int = 0


def slip(text: str, lang: str) -> Slip | None:
    """Where `text`, meant to be in `lang`, reads as another of the site's languages: the whole
    text, else the first sentence of it that does (a sentence left untranslated, or a text
    another language's was joined to); None if none does."""
    reading = written_in(text)
    if reading:
        return Slip(reading) if reading.lang != lang else None
    at = 0
    for end in [*_SENTENCE_END.finditer(text), None]:
        sentence = text[at:end.start() if end else len(text)]
        reading = written_in(sentence)
        if reading and reading.lang != lang:
            return Slip(reading, sentence, at)
        at = end.end() if end else at
    return None


def _listed(words: list[str]) -> str:
    """The first three of `words`, each once, in guillemets."""
    return ", ".join(f"«{word}»" for word in list(dict.fromkeys(words))[:3])


def told(found: Slip, lang: str, what: str) -> str:
    """What `found` is, for a message: `what` (or a sentence of it) reads as another language."""
    where = what if found.sentence is None else (
        f"a sentence of {what} («{' '.join(found.sentence.split()[:6])} …»)")
    return (f"{where} reads as {english_name(found.reading.lang)}, not {english_name(lang)} ("
            + _listed(list(found.reading.words)) + ")")


def _until_written(own: str) -> str:
    """The other way to put right an edition's text in another language: to leave it out."""
    return "" if own == "en" else (
        f", or delete `{own}:` and its text: the {english_name(own)} edition shows the English, "
        "marked as English, until it is written")


def _fix(own: str, found: str) -> str:
    """How to put right a text under `own:` that reads as `found`."""
    return (f"write the {english_name(own)} text here ({english_name(found)} text goes under "
            f"`{found}:`){_until_written(own)}; a quotation in another language goes in «» or in "
            f'<span lang="{found}">')


#: a word written alike in every edition: an abbreviation or a format's name («DOI», «BibTeX»)
_ALIKE = re.compile(r"\S*[A-Z]\S*[A-Z]\S*")


def script_slip(text: str, lang: str) -> tuple[str, str] | None:
    """What is wrong with a text under `lang:` too short for `slip` to tell (a heading, a short
    title, a label), and its fix: a Persian or Arabic text in the Latin script alone, an English
    or Turkish one in the Arabic script alone, or a Persian or Arabic text spelt with letters
    only the other writes (run_language); None if none of these."""
    text = _ASIDE.sub(" ", text)
    arabic, latin = ARABIC_SCRIPT_WORD.findall(text), _LATIN_WORD.findall(text)
    name, where = english_name(lang), f"the text under `{lang}:`"
    if lang in RTL_LANGUAGES and latin and not arabic and not _ALIKE.fullmatch(text.strip()):
        return (f"{where} is in the Latin script, not in {name} ({_listed(latin)})",
                f"write the {name} text here{_until_written(lang)}")
    if lang not in RTL_LANGUAGES and arabic and not latin:
        return (f"{where} is in the Arabic script, not in {name} ({_listed(arabic)})",
                f"write the {name} text here (Persian text goes under `fa:`, Arabic under `ar:`)")
    other = {"fa": "ar", "ar": "fa"}.get(lang)
    letters = set("".join(arabic))
    if other and letters & OWN_LETTERS[other] and not letters & OWN_LETTERS[lang]:
        marks = _listed(sorted(letters & OWN_LETTERS[other]))
        return (f"{where} is spelt as {english_name(other)}, not {name}, with {marks} ("
                + _listed([w for w in arabic if set(w) & OWN_LETTERS[other]]) + ")",
                _SPELLING[lang])
    return None


#: how Persian and Arabic are spelt (CONTRIBUTING.md's style guide)
_SPELLING = {"fa": "spell Persian with ی and ک and Persian digits (Arabic text goes under `ar:`)",
             "ar": "spell Arabic with ي and ك, without پ, چ, ژ or گ (Persian text goes under "
                   "`fa:`)"}


#: keys whose texts are not the edition's words: a name's transliteration is in the Latin script
#: in every edition
_NOT_WORDS = frozenset({"__lines__", "translit"})


def data_slips(rel: str, data: Any, lang: str | None = None,
               excerpt: str | None = None) -> list[Problem]:
    """Each text of a data file (read by `load_yaml`) under an edition's key (`tr: ...`, or
    under `tr:` deeper down, as in ui.yml) that reads as another of the site's languages, or
    has a sentence that does, with the excerpt it is in (a mapping with `original:` and `id:`)."""
    if isinstance(data, list):
        return [p for item in data for p in data_slips(rel, item, lang, excerpt)]
    if not isinstance(data, dict):
        return []
    if "original" in data and isinstance(data.get("id"), str) and not set(EDITIONS) & data.keys():
        excerpt = data["id"]  # (a section has its headings under the editions' keys)
    problems: list[Problem] = []
    lines = data.get("__lines__", {})
    for key, value in data.items():
        own = key if key in EDITIONS else lang
        line = lines.get(key, data.get("__line__", 1))
        found = slip(value, own) if isinstance(value, str) and own else None
        if own and found:
            problems.append(Problem(rel, line, told(found, own, f"the text under `{key}:`"),
                                    _fix(own, found.reading.lang), excerpt))
        elif own and isinstance(value, str) and (script := script_slip(value, own)):
            problems.append(Problem(rel, line, *script, excerpt))
        elif isinstance(value, dict | list) and key not in _NOT_WORDS:
            problems += data_slips(rel, value, own, excerpt)
    return problems


def paragraphs(body: str) -> list[tuple[int, str]]:
    """(first line, text) of each paragraph of a page's `body`: each run of lines between empty
    lines."""
    out: list[tuple[int, str]] = []
    lines: list[str] = []
    start = 0
    for number, line in enumerate([*body.split("\n"), ""], start=1):
        if line.strip():
            start, lines = (start if lines else number), [*lines, line]
        elif lines:
            out.append((start, "\n".join(lines)))
            lines = []
    return out


def _page_fix(found: Slip, edition: str) -> str:
    """How to put right a paragraph of a page, or a sentence of one, that reads as another
    language than its edition's."""
    lang = found.reading.lang
    if found.sentence is not None:
        return (f"translate the sentence into {english_name(edition)}; to quote it as written, "
                f'put it in «» or in <span lang="{lang}">')
    return (f"translate it into {english_name(edition)}; to quote it as written, add "
            f'`{{: lang="{lang}" }}` on a line of its own at its end')


def page_slips(rel: str, body: str) -> list[Problem]:
    """Each paragraph of an edition's page (`body`: its text with the front matter and code
    blanked, as `pages.check_markdown` reads it) in another language of the edition's script,
    or with a sentence in one, at the sentence's line. A paragraph in the Latin script on a
    Persian or Arabic page is `pages._latin_paragraphs`' to name, and one in the Arabic script on
    an English or Turkish page may be a quotation, which the site marks itself."""
    edition = page_place(rel)[0]
    if edition not in LANGUAGES:
        return []
    problems = []
    for start, text in paragraphs(body):
        found = None if "lang=" in text else slip(text, edition)
        if found and (found.reading.lang in RTL_LANGUAGES) == (edition in RTL_LANGUAGES):
            problems.append(Problem(
                rel, start + text.count("\n", 0, found.at),
                told(found, edition, f"this paragraph of the {english_name(edition)} page"),
                _page_fix(found, edition)))
    return problems
