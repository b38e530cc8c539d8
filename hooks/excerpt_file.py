"""The excerpts of a paper's data file (`excerpts:` in `docs/data/papers/<key>.yml`), with their
editor's notes, read and validated: every problem with its line, the excerpt and a fix.
`paper_file` reads the rest of the file."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from excerpt_text import AS_TYPED, TRANSLATION_FIX, WORD, joined, open_stars, stray_stars
from languages import EDITIONS, ORIGINAL_LANGUAGES, RTL_LANGUAGES, english_name
from md_labels import undefined_labels
from model import ID_RE, NOTE_TYPES, Excerpt, Note, Paper, Problem
from page_blocks import UNSPACED_HEADING, swallowed_blocks
from page_outline import HEADING
from source_text import (
    _opt,
    _rel,
    _text,
    scan_letters,
    scan_markup,
    scan_paths,
    script_share,
    without_code,
)
from text_language import slip, told
from yaml_lines import unknown_keys

#: a key whose text is written as a block on the lines after it (`en: |`, `text: >-`)
_BLOCK_KEY = re.compile(r":[ \t]*[|>][-+0-9]*[ \t]*(#.*)?$")

#: a page number, or the first and last of the pages a passage runs over
_PAGE = re.compile(r"[1-9][0-9]*(?:[-–][1-9][0-9]*)?")


def _page_problem(page: str, printed: str | None) -> str:
    """What is wrong with an excerpt's `page:`, given the pages the paper is printed on (its
    record's `pages:`, "251–278", or None where the source does not say); empty if nothing."""
    if not _PAGE.fullmatch(page):
        return f"the page {page!r} is not a page number"
    numbers = [int(n) for n in re.split("[-–]", page)]
    first, last = numbers[0], numbers[-1]
    if last < first:
        return f"the pages {page!r} end before they begin"
    bounds = re.fullmatch(r"([0-9]+)[-–]([0-9]+)", printed or "")
    if bounds and not int(bounds.group(1)) <= first <= last <= int(bounds.group(2)):
        return f"the page {page!r} is not among the paper's pages, {printed} (its record's `pages:`)"
    return ""


#: the keys an excerpt and a note take (`unknown_keys` reports any other)
EXCERPT_KEYS = frozenset({"id", "section", "page", "page_inferred", "terms", "aliases", "lang",
                          "original", "translation", "notes", "allow_variants", "glued_in_source",
                          "long_excerpt"})
NOTE_KEYS = frozenset({"type", "text"})


class ExcerptReader:
    """Reads excerpts and notes of one paper file, collecting problems."""

    def __init__(self, path: Path, root: Path):
        self.path = path
        self.rel = _rel(path, root)
        self.root = root
        self.problems: list[Problem] = []
        self._source: list[str] | None = None

    def problem(self, line: int, message: str, fix: str, excerpt: str | None = None) -> None:
        self.problems.append(Problem(self.rel, line, message, fix, excerpt))

    def text_start(self, line: int) -> int:
        """The line a text given on `line` starts on: the next one after a block's `key: |`."""
        if self._source is None:
            self._source = self.path.read_text(encoding="utf-8", errors="replace").split("\n")
        written = self._source[line - 1] if 0 < line <= len(self._source) else ""
        return line + 1 if _BLOCK_KEY.search(written) else line

    def read_notes(self, raw: Any, excerpt: str | None, line: int) -> list[Note]:
        notes: list[Note] = []
        if raw is None:
            return notes
        if not isinstance(raw, list):
            self.problem(line, "`notes:` must be a list", "write each note as `- type: context` "
                         "followed by `text: ...`", excerpt)
            return notes
        for item in raw:
            if isinstance(item, str):
                item = {"type": "context", "text": item, "__line__": line}
            if not isinstance(item, dict):
                self.problem(line, f"a note must be a mapping, not {item!r}", "write it as "
                             "`- type: context` followed by `text: ...` on the next line", excerpt)
                continue
            self.problems.extend(unknown_keys(item, NOTE_KEYS, self.rel, "a note", excerpt))
            kind = _text(item.get("type")) or "context"
            if kind not in NOTE_TYPES:
                self.problem(item.get("__line__", line), f"unknown note type {kind!r}",
                             f"use one of: {', '.join(NOTE_TYPES)}", excerpt)
            note_line = item.get("__lines__", {}).get("text", item.get("__line__", line))
            texts = self.read_note_texts(item.get("text"), note_line, excerpt)
            if not texts:
                continue
            raw_text = item.get("text")
            lines = dict(raw_text.get("__lines__", {})) if isinstance(raw_text, dict) else {}
            lines = {lang: self.text_start(lines.get(lang, note_line)) for lang in texts}
            for lang, text in texts.items():
                self.scan_note_text(text, lines[lang], excerpt)
            notes.append(Note(kind, texts, item.get("__line__", line), lines))
        return notes

    def scan_note_text(self, text: str, line: int, excerpt: str | None) -> None:
        """The checks of a note's text in one language, which starts at `line`."""
        self.problems.extend(scan_markup(self.rel, text, line, external_links=True,
                                         excerpt=excerpt))
        self.problems.extend(scan_letters(self.rel, text, line, excerpt))
        self.problems.extend(scan_paths(self.rel, text, line, excerpt))
        code_free = without_code(text)
        self.problems.extend(undefined_labels(self.rel, code_free, line, excerpt))
        self.problems.extend(swallowed_blocks(self.rel, code_free, line, excerpt))
        for offset in open_stars(text):
            self.problem(line + offset, "a `*` in a note opens bold or italics that it never "
                         "closes, and would be shown as typed", "close them (`*Title*`, "
                         "`**word**`), or write `\\*` for a star shown as such", excerpt)
        for offset, row in enumerate(code_free.split("\n")):
            if HEADING.match(row):
                self.problem(line + offset, "a heading in a note: the note is shown inside its "
                             "excerpt, where a heading would break the outline of every page "
                             "the excerpt is on", "write it as a sentence, or in bold "
                             "(`**…**`) at the start of a paragraph", excerpt)
            elif UNSPACED_HEADING.match(row):
                self.problem(line + offset, f"`{row.strip()[:40]}`: Markdown would make this "
                             "line a heading, though no space follows its `#`, and the heading "
                             "would break the outline of every page the excerpt is on",
                             "to keep the `#` as text, write it `\\#`", excerpt)

    def read_note_texts(self, raw: Any, line: int, excerpt: str | None) -> dict[str, str]:
        """`text:` is the English text, or a mapping `{en: ..., tr: ..., fa: ..., ar: ...}`."""
        if isinstance(raw, str):
            raw = {"en": raw}
        if not isinstance(raw, dict) or not _text(raw.get("en")):
            self.problem(line, "a note has no English text",
                         "write the note under `text:` as `en: |` followed by the English text, "
                         "then `tr:`, `fa:` and `ar:` for its translations", excerpt)
            return {}
        texts: dict[str, str] = {}
        for lang, value in raw.items():
            if lang in ("__line__", "__lines__"):
                continue
            if lang not in EDITIONS:
                self.problem(line, f"a note has text in an unknown language {lang!r}",
                             f"use the edition codes {', '.join(EDITIONS)} under `text:`", excerpt)
            elif _text(value):
                texts[lang] = _text(value)
        return texts

    def read_excerpt(self, item: Any, paper: Paper, section_ids: set[str]) -> Excerpt | None:
        if not isinstance(item, dict):
            self.problem(1, "an excerpt must be a mapping", "start it with `- id: ...`")
            return None
        line, lines = item["__line__"], item["__lines__"]
        ex_id = str(item.get("id") or "").strip()
        if not ID_RE.match(ex_id):
            self.problem(line, f"invalid excerpt id {ex_id!r}",
                         "use lowercase letters, digits and hyphens, starting with the paper's "
                         f"prefix, e.g. `{paper.key.split('-')[0]}-intro`", ex_id or None)
            return None
        self.problems.extend(unknown_keys(item, EXCERPT_KEYS, self.rel, "an excerpt", ex_id))
        original = _text(item.get("original"))
        translation = _text(item.get("translation"))
        if not original:
            self.problem(lines.get("original", line), "the excerpt has no original text",
                         "add `original: |` followed by the verbatim passage", ex_id)
        if not translation:
            self.problem(lines.get("translation", line), "the excerpt has no English translation",
                         "add `translation: |` followed by the English translation", ex_id)
        lang = self._language(item, paper, original, ex_id)
        self._in_english(translation, lines.get("translation", line), ex_id)
        self._as_typed(item.get("translation"), lines.get("translation", line), ex_id,
                       italics=True)
        section = _text(item.get("section"))
        if section not in section_ids:
            self.problem(lines.get("section", line), f"unknown section {section!r}",
                         f"use one of the paper's section ids: {', '.join(sorted(section_ids))}",
                         ex_id)
        page = _opt(item.get("page"))
        wrong = _page_problem(page, paper.record.pages) if page is not None else ""
        if wrong:
            self.problem(lines.get("page", line), wrong,
                         "write the page the passage is printed on, `page: 273`, or the pages it "
                         "runs over, `page: 272-273`; leave `page:` out where it is not known",
                         ex_id)
            page = None
        terms = self._ids(item, "terms", ex_id, "`terms` must be a list of glossary term ids",
                          "write e.g. `terms: [soft-power, shusha-declaration]`")
        aliases = self._ids(item, "aliases", ex_id, "`aliases` must be a list of former ids",
                            "write e.g. `aliases: [kazemi-old-id]`")
        return Excerpt(
            id=ex_id, paper=paper.key, lang=lang, section=section, original=original,
            translation=translation, page=page,
            page_inferred=self._flag(item, "page_inferred", ex_id), terms=list(terms),
            notes=self.read_notes(item.get("notes"), ex_id, lines.get("notes", line)),
            file=self.rel, line=line, aliases=aliases,
            allow_variants=self._words(item, "allow_variants", ex_id),
            glued_in_source=self._glued(item, original, ex_id),
        )

    def _flag(self, item: dict[str, Any], key: str, ex_id: str) -> bool:
        """A yes-or-no field: `true` or `false` (a quoted "false" would count as true)."""
        value = item.get(key, False)
        if not isinstance(value, bool):
            self.problem(item["__lines__"].get(key, item["__line__"]), f"`{key}: {value}` is not "
                         "true or false", f"write `{key}: true`, or leave the line out", ex_id)
        return value is True

    def _glued(self, item: dict[str, Any], original: str, ex_id: str) -> list[str]:
        """The forms under `glued_in_source`, each two or more words of the original run together
        (side by side in the source, which may print them in another order)."""
        forms, words = self._words(item, "glued_in_source", ex_id), set(WORD.findall(original))
        for form in forms:
            if form in words or not joined(form, words):
                self.problem(item["__lines__"].get("glued_in_source", item["__line__"]),
                             f"«{form}» under `glued_in_source` is not words of the original run "
                             "together", "write words of the original that the source prints "
                             "without a space, run together as printed (the source's "
                             "«الموضوعوالمنهج» for «الموضوع» and «والمنهج»)", ex_id)
        return forms

    def _language(self, item: dict[str, Any], paper: Paper, original: str, ex_id: str) -> str:
        """The excerpt's language (its paper's, unless it says otherwise), and whether its
        original is written in that language's script."""
        line, lines = item["__line__"], item["__lines__"]
        lang = _text(item.get("lang")) or paper.lang
        if lang not in ORIGINAL_LANGUAGES:
            self.problem(lines.get("lang", line), f"unknown language code {lang!r}",
                         f"use one of: {', '.join(ORIGINAL_LANGUAGES)}", ex_id)
            lang = paper.lang
        if original and script_share(original, lang) < 0.6:
            script = "Arabic script" if lang in RTL_LANGUAGES else "Latin script"
            self.problem(lines.get("original", line),
                         f"the original is declared as {lang!r} but is not mostly in {script}",
                         "check that the passage is in the paper's language and that `lang` is "
                         "right", ex_id)
        elif original and (found := slip(original, lang)):
            other = found.reading.lang
            self.problem(lines.get("original", line), told(found, lang, "the original"),
                         "paste the passage as the paper prints it" + (
                             f"; where the paper prints it in {english_name(other)}, say so with "
                             f"`lang: {other}`" if other in ORIGINAL_LANGUAGES else
                             " (the English translation goes under `translation:`)"), ex_id)
        return lang

    def _in_english(self, translation: str, line: int, ex_id: str) -> None:
        """A problem if the excerpt's translation reads as another language than English."""
        found = slip(translation, "en") if translation else None
        if found:
            self.problem(line, told(found, "en", "the translation"),
                         "write the English translation here (the passage as the paper prints "
                         "it goes under `original:`)", ex_id)

    def _as_typed(self, raw: Any, line: int, ex_id: str | None, where: str = "the translation",
                  fix: str = TRANSLATION_FIX, italics: bool = False) -> None:
        """A problem for each kind of markup on a line of a plain text (the translation, say),
        which the site would show as typed, at that line (a block's lines follow its `key: |`);
        in a text that may set `*italics*`, for each line with a `*` that sets none."""
        start = self.text_start(line)
        for offset in stray_stars(str(raw or "")) if italics else []:
            self.problem(start + offset if start > line else line, f"a `*` in {where} sets no "
                         "italics and would be shown as typed",
                         "close the italics, as in `*Title*`, or take the `*` out", ex_id)
        for offset, row in enumerate(str(raw or "").split("\n")):
            for pattern, what in AS_TYPED:
                if found := "» «".join(dict.fromkeys(m.group() for m in pattern.finditer(row))):
                    self.problem(start + offset if start > line else line, f"{what} in {where}, "
                                 f"«{found}», would be shown as typed: it is plain text", fix, ex_id)

    def _words(self, item: dict[str, Any], key: str, ex_id: str) -> list[str]:
        """The list of words (as printed) under `key`; empty, after a problem, if it is not one."""
        words = item.get(key)
        if words is not None and not isinstance(words, list):
            self.problem(item["__lines__"].get(key, item["__line__"]), f"`{key}` must be a list",
                         f'write it in brackets, each form in quotes: `{key}: ["İlham"]`', ex_id)
            return []
        return [str(word) for word in words or []]

    def _ids(self, item: dict[str, Any], key: str, ex_id: str, message: str, fix: str,
             ) -> list[str]:
        """The list of ids under `key` (empty, after a problem, if it is not one)."""
        ids = item.get(key) or []
        if not isinstance(ids, list) or not all(isinstance(i, str) and ID_RE.match(i)
                                                for i in ids):
            self.problem(item["__lines__"].get(key, item["__line__"]), message, fix, ex_id)
            return []
        return list(ids)
