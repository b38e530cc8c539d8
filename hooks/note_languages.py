"""Editor's notes in four languages: what `make check` says about their translations.

A note carries its text per edition (`text: {en: ..., tr: ..., fa: ..., ar: ...}`). A missing
translation is a warning, not an error: the site shows the English text, marked as such, until
it is written. A translation that drops or changes an excerpt link (`[[id]]`) or a number of the
English text is reported too, because that is how a slip in a date, a page or a figure shows.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from languages import EDITIONS, english_name
from model import REF_RE, Corpus, Note, Problem

#: Persian and Arabic-Indic digits read as the Latin digits they stand for
_DIGITS = str.maketrans({**{chr(0x06F0 + i): str(i) for i in range(10)},
                         **{chr(0x0660 + i): str(i) for i in range(10)}})
_NUMBER = re.compile(r"\d+")


def links(text: str) -> set[str]:
    """The excerpt ids a note links or embeds."""
    return {m.group(2).strip() for m in REF_RE.finditer(text)}


def numbers(text: str) -> set[str]:
    """The numbers written in digits, after folding Persian and Arabic-Indic digits to Latin."""
    return set(_NUMBER.findall(REF_RE.sub(" ", text).translate(_DIGITS)))


def all_notes(corpus: Corpus) -> Iterator[tuple[str, str | None, Note]]:
    """Every editor's note with its file and excerpt: excerpts' notes, then abstracts' notes."""
    for paper in corpus.papers.values():
        for excerpt in paper.excerpts:
            for note in excerpt.notes:
                yield paper.file, excerpt.id, note
        for abstract in paper.abstracts:
            for note in abstract["notes"]:
                yield paper.file, None, note


def note_problems(file: str, excerpt: str | None, note: Note) -> list[Problem]:
    """Warnings for one note: missing languages, links or numbers that differ from the English."""
    problems = []
    en_links, en_numbers = links(note.text), numbers(note.text)
    for lang in EDITIONS[1:]:
        text = note.texts.get(lang)
        name = english_name(lang)
        if not text:
            problems.append(Problem(
                file, note.lines.get("en", note.line), f"this note has no {name} text yet",
                f"add `{lang}: |` under the note's `text:`, followed by the {name} translation",
                excerpt, warning=True))
            continue
        line = note.lines.get(lang, note.line)
        if links(text) != en_links:
            problems.append(Problem(
                file, line, f"the {name} text of this note links "
                f"{sorted(links(text)) or 'no excerpt'} but the English links "
                f"{sorted(en_links) or 'none'}", "keep every [[id]] of the English text, unchanged",
                excerpt, warning=True))
        if numbers(text) != en_numbers:
            missing, extra = sorted(en_numbers - numbers(text)), sorted(numbers(text) - en_numbers)
            problems.append(Problem(
                file, line, f"the {name} text of this note does not have the same numbers as the "
                f"English (missing: {', '.join(missing) or 'none'}; "
                f"not in the English: {', '.join(extra) or 'none'})",
                "write each number of the English text in digits, and no other", excerpt,
                warning=True))
    return problems


def check_note_languages(corpus: Corpus) -> list[Problem]:
    """Every warning about the translations of editor's notes."""
    return [p for file, excerpt, note in all_notes(corpus) for p in note_problems(file, excerpt, note)]
