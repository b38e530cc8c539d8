"""The reader's content model: papers and their excerpts, loaded from YAML and validated.

This module is shared by the MkDocs hooks, by `make check` and by the tests. It knows nothing of
MkDocs. Every problem is reported as a `Problem` naming the file, the line, the excerpt and a fix.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from calendar_sh import parse_solar_hijri
from languages import EDITIONS, LANGUAGES, ORIGINAL_LANGUAGES, RTL_LANGUAGES, direction

NOTE_TYPES = ("uncertain", "error", "disagreement", "repair", "context")
CALENDARS = ("solar-hijri", "gregorian")
MIN_WORDS, MAX_WORDS = 40, 250  #: an excerpt's length, in words of the original
_PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
#: `[[id]]`, `[[id|text]]` link to an excerpt; `![[id]]` on a line of its own embeds it.
REF_RE = re.compile(r"(!?)\[\[([^\[\]|\n]+?)(?:\|([^\[\]\n]+))?\]\]")
#: every Unicode Bidi_Control character: ALM, LRM, RLM, the embeddings, overrides and isolates
BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
#: the raw HTML tags a page or a note may use; anything else is reported
ALLOWED_TAGS = {"br", "sup", "sub", "abbr", "kbd", "mark", "small", "span", "cite", "bdi"}
_HTML_TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9-]*)(?=[\s/>])[^>]*>")
_INLINE_CODE = re.compile(r"`[^`\n]*`")
_EXTERNAL_LINK = re.compile(r"\]\(\s*<?(https?:)?//|<https?://|^\[[^\]]+\]:\s*(https?:)?//", re.I | re.M)
UNSAFE_HTML = (
    (re.compile(r"<\s*script\b", re.I), "a <script> element"),
    (re.compile(r"<\s*iframe\b", re.I), "an <iframe> element"),
    (re.compile(r"<[^>]*\son[a-z]+\s*=", re.I), "an on…= event handler attribute"),
    (re.compile(r"javascript\s*:", re.I), "a javascript: URL"),
)


@dataclass(frozen=True)
class Problem:
    """One content error: where it is, what is wrong and how to fix it."""

    file: str
    line: int
    message: str
    fix: str
    excerpt: str | None = None
    warning: bool = False  #: reported by `make check` but does not fail it (e.g. a missing translation)
    #: the excerpt id or paper key this problem finds missing: a consequence, not the mistake,
    #: when that paper's own file could not be read (see `without_consequences`)
    missing: str | None = field(default=None, compare=False)

    def __str__(self) -> str:
        who = f" excerpt '{self.excerpt}':" if self.excerpt else ""
        kind = " warning:" if self.warning else ""
        return f"{self.file}:{self.line}:{kind}{who} {self.message}\n    How to fix: {self.fix}"


class ContentError(Exception):
    """Raised with every problem found, so that one run shows them all."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
        super().__init__(f"{count} in the reader's content:\n" + "\n".join(map(str, problems)))


@dataclass(frozen=True)
class Note:
    """An editor's note: its type and its text in each language written so far (English first)."""

    type: str
    texts: dict[str, str]
    line: int
    lines: dict[str, int] = field(default_factory=dict, compare=False)  #: line of each language

    @property
    def text(self) -> str:
        """The English text, which every note has."""
        return self.texts["en"]

    def text_in(self, lang: str) -> tuple[str, str]:
        """The note in `lang` if it is written, else in English: (language, text)."""
        if self.texts.get(lang):
            return lang, self.texts[lang]
        return "en", self.texts["en"]


@dataclass(frozen=True)
class Section:
    id: str
    number: str | None
    level: int
    original: str | None
    en: str
    run_in: bool = False  #: a run-in subheading the paper treats as a section of its own


@dataclass
class Excerpt:
    id: str
    paper: str
    lang: str
    section: str
    original: str
    translation: str
    page: str | None
    page_inferred: bool
    terms: list[str]
    notes: list[Note]
    file: str
    line: int
    number: int = 0  #: the excerpt's paragraph number (¶) in its paper, counted from 1
    aliases: list[str] = field(default_factory=list)  #: former ids that still lead here
    #: listed name variants this excerpt uses on purpose (see hooks/consistency.py)
    allow_variants: list[str] = field(default_factory=list)
    #: why this excerpt is longer than MAX_WORDS, where it must be (`long_excerpt:`)
    long_reason: str = ""
    #: words the source prints glued together that the quotation separates (a repair)
    glued_in_source: list[str] = field(default_factory=list)

    @property
    def dir(self) -> str:
        return direction(self.lang)


@dataclass
class Paper:
    key: str
    lang: str
    source: str
    calendar: str
    cite_authors: str
    cite_year: str
    record: dict[str, Any]
    abstracts: list[dict[str, Any]]
    sections: list[Section]
    excerpts: list[Excerpt]
    file: str
    short_titles: dict[str, str] = field(default_factory=dict)
    #: the author part of citation labels written for other editions (`cite.authors` by edition)
    cite_authors_by_edition: dict[str, str] = field(default_factory=dict)

    def authors_in(self, edition: str) -> str:
        """The author(s) of citation labels in `edition`: its own form, else the form of the
        paper's language where the edition writes the same script, else the English form."""
        if edition in self.cite_authors_by_edition:
            return self.cite_authors_by_edition[edition]
        if LANGUAGES[edition].script == LANGUAGES[self.lang].script:
            return self.cite_authors_by_edition.get(self.lang, self.cite_authors)
        return self.cite_authors

    @property
    def dir(self) -> str:
        return direction(self.lang)

    def short_title(self, edition: str) -> str:
        """The name a reader of `edition` knows the paper by (lists, notes, packets)."""
        return self.short_titles.get(edition) or self.short_titles.get("en") or self.key

    def title(self, lang: str = "en") -> str:
        """The paper's display title: its own English title, else the site's descriptive one."""
        title = self.record.get("title") or {}
        site = self.record.get("site_title") or {}
        if lang == "original":
            return title.get("original") or site.get("original") or site.get("en") or self.key
        return title.get("en") or site.get("en") or title.get("original") or self.key


@dataclass
class Corpus:
    papers: dict[str, Paper] = field(default_factory=dict)
    #: keys of the papers whose file could not be read at all
    unread: set[str] = field(default_factory=set)
    excerpts: dict[str, Excerpt] = field(default_factory=dict)
    ui: dict[str, dict[str, str]] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)  #: former id -> current id

    def known_ids(self) -> set[str]:
        """Every id a reference may use: the excerpts' ids and their former ids."""
        return set(self.excerpts) | set(self.aliases)

    def resolve(self, ref: str) -> Excerpt | None:
        """The excerpt an id or a former id (alias) names, if any."""
        return self.excerpts.get(self.aliases.get(ref, ref))

    def label(self, excerpt: Excerpt, edition: str = "en") -> str:
        """The citation label: author(s), year, paragraph number and source page when known.

        In English: "Kazemi & Salehi Yeganeh 1403, ¶1, p. 255 (inferred)"; in another edition
        its words, punctuation and interface digits: «کاظمی و صالحی یگانه ۱۴۰۳، ¶۱، ص. ۲۵۵ (استنباطی)».
        """
        paper = self.papers[excerpt.paper]
        if edition == "en":
            label = f"{paper.cite_authors} {paper.cite_year}, ¶{excerpt.number}"
            if excerpt.page:
                label += f", p. {excerpt.page}" + (" (inferred)" if excerpt.page_inferred else "")
            return label
        ui = self.ui[edition]
        comma = "، " if edition in RTL_LANGUAGES else ", "
        year = ui["no_date"] if paper.cite_year == "n.d." else paper.cite_year
        label = f"{paper.authors_in(edition)} {year}{comma}¶{excerpt.number}"
        if excerpt.page:
            label += f"{comma}{ui['page']} {excerpt.page}"
            if excerpt.page_inferred:
                label += f" ({ui['inferred']})"
        return label.translate(_PERSIAN_DIGITS) if edition == "fa" else label


_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it


class _LineLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """A YAML loader that remembers the line of every mapping and of each of its keys."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping = super().construct_mapping(node, deep=True)
        mapping["__line__"] = node.start_mark.line + 1
        mapping["__lines__"] = {
            self.construct_object(key, deep=True): key.start_mark.line + 1 for key, _ in node.value
        }
        return mapping


def strip_lines(value: Any) -> Any:
    """A copy of loaded YAML without the loader's line bookkeeping."""
    if isinstance(value, dict):
        return {k: strip_lines(v) for k, v in value.items() if k not in ("__line__", "__lines__")}
    if isinstance(value, list):
        return [strip_lines(v) for v in value]
    return value


# Dates stay text: the reader validates them itself (Gregorian and Solar Hijri), with a message.
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _LineLoader.construct_yaml_str)


def read_text(path: Path, root: Path) -> tuple[str | None, list[Problem]]:
    """A content file as text; bytes that are not UTF-8 become a Problem with their line."""
    rel = _rel(path, root)
    data = path.read_bytes()
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        return None, [Problem(rel, line, f"the file is not UTF-8 (byte 0x{data[err.start]:02x} "
                              "on this line)", "save the file as UTF-8; your editor's "
                              "'Save with encoding' or 'Reopen with encoding' menu does it")]


def load_yaml(path: Path, root: Path) -> tuple[Any, list[Problem]]:
    """Parse one YAML file; any error becomes one Problem with its line."""
    rel = _rel(path, root)
    text, problems = read_text(path, root)
    if text is None:
        return None, problems
    controls = scan_controls(rel, text)
    if controls:
        return None, controls
    try:
        return yaml.load(text, Loader=_LineLoader), []
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else 1
        return None, [Problem(rel, line, f"YAML syntax error: {err.problem or err}",
                              "check indentation and quoting on that line; long text goes in a "
                              "block scalar introduced by `|`")]
    except (yaml.YAMLError, ValueError) as err:
        return None, [Problem(rel, 1, f"the file cannot be read as YAML: {err}",
                              "check the file's structure against an existing one")]


#: control characters no content file may hold (tab, newline and carriage return are allowed)
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def scan_controls(rel: str, text: str) -> list[Problem]:
    """NUL and other control characters, each with its line."""
    problems = []
    for number, line in enumerate(text.split("\n"), start=1):
        match = _CONTROLS.search(line)
        if match:
            problems.append(Problem(rel, number, f"a control character (U+{ord(match.group()):04X}) "
                                    "is in the text", "delete it; it is invisible in most editors "
                                    "(search for it, or retype the line)"))
    return problems


def scan_text(rel: str, text: str) -> list[Problem]:
    """Line-level checks for any content file: bidi controls and unsafe HTML."""
    problems: list[Problem] = []
    for number, line in enumerate(text.splitlines(), start=1):
        for match in BIDI_CONTROLS.finditer(line):
            problems.append(Problem(
                rel, number,
                f"Unicode bidi control character U+{ord(match.group()):04X} "
                f"({unicodedata.name(match.group(), 'control')})",
                "delete it: the site isolates left-to-right runs inside right-to-left text itself"))
        for pattern, what in UNSAFE_HTML:
            if pattern.search(line):
                problems.append(Problem(rel, number, f"content contains {what}",
                                        "remove it: content may not run scripts or embed pages"))
    return problems


def scan_markup(rel: str, text: str, first_line: int = 1, external_links: bool = False,
                excerpt: str | None = None) -> list[Problem]:
    """Raw HTML outside the allow-list, and (unless allowed) links to other hosts."""
    problems: list[Problem] = []
    for offset, line in enumerate(outside_fences(text).split("\n")):
        plain = _INLINE_CODE.sub("", line)
        for match in _HTML_TAG.finditer(plain):
            if match.group(1).lower() not in ALLOWED_TAGS:
                problems.append(Problem(
                    rel, first_line + offset, f"raw HTML <{match.group(1)}> is not allowed here",
                    "write it in Markdown; raw HTML may only use "
                    f"{', '.join(f'<{t}>' for t in sorted(ALLOWED_TAGS))}", excerpt))
        if not external_links and _EXTERNAL_LINK.search(plain):
            problems.append(Problem(
                rel, first_line + offset, "a link to another site in a page",
                "links to other hosts belong in an excerpt's notes or in the bibliographic "
                "record; link pages of this site with a relative path", excerpt))
    return problems


def script_share(text: str, lang: str) -> float:
    """Share of the letters of `text` written in the script of `lang`."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    if lang in RTL_LANGUAGES:
        good = sum(1 for c in letters if "\u0600" <= c <= "\u06ff" or "\ufb50" <= c <= "\ufeff")
    else:
        good = sum(1 for c in letters if c.isascii() or "\u00c0" <= c <= "\u024f")
    return good / len(letters)


def _rel(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _opt(value: Any) -> str | None:
    if value is None:
        return None
    return str(value).strip() or None


class _PaperReader:
    """Reads one paper file into a Paper, collecting problems instead of stopping at the first."""

    def __init__(self, path: Path, root: Path):
        self.path = path
        self.rel = _rel(path, root)
        self.root = root
        self.problems: list[Problem] = []

    def problem(self, line: int, message: str, fix: str, excerpt: str | None = None) -> None:
        self.problems.append(Problem(self.rel, line, message, fix, excerpt))

    def read(self) -> Paper | None:
        text, problems = read_text(self.path, self.root)
        if text is None:
            self.problems.extend(problems)
            return None
        self.problems.extend(scan_text(self.rel, text))
        data, problems = load_yaml(self.path, self.root)
        self.problems.extend(problems)
        if data is None:
            return None
        if not isinstance(data, dict):
            self.problem(1, "a paper file must be a mapping with key, lang, record, sections and "
                            "excerpts", "start from an existing file in docs/data/papers/")
            return None
        lines = data["__lines__"]
        key = _text(data.get("key"))
        if key != self.path.stem:
            self.problem(lines.get("key", 1), f"the paper key {key!r} does not match the file name",
                         f"write `key: {self.path.stem}` or rename the file to {key}.yml")
            key = self.path.stem
        lang = _text(data.get("lang"))
        if lang not in ORIGINAL_LANGUAGES:
            self.problem(lines.get("lang", 1), f"unknown language code {lang!r}",
                         f"use one of: {', '.join(ORIGINAL_LANGUAGES)} (fa Persian, ar Arabic, "
                         "tr Turkish)")
            return None
        calendar = _text(data.get("calendar")) or "gregorian"
        if calendar not in CALENDARS:
            self.problem(lines.get("calendar", 1), f"unknown calendar {calendar!r}",
                         f"use one of: {', '.join(CALENDARS)}")
        cite = data.get("cite") or {}
        raw_authors = cite.get("authors") if isinstance(cite, dict) else None
        authors = ({"en": _text(raw_authors)} if isinstance(raw_authors, str) else
                   {k: _text(v) for k, v in raw_authors.items() if k in EDITIONS and _text(v)}
                   if isinstance(raw_authors, dict) else {})
        if not authors.get("en"):
            self.problem(lines.get("cite", 1), "the paper has no `cite:` with `authors` and `year`",
                         "add `cite: {authors: Surname, year: \"2025\"}` (use \"n.d.\" for no year); "
                         "`authors` may also give a form per edition: `{en: Kazemi, fa: کاظمی}`")
            cite, authors = {}, {}
        record = data.get("record")
        if not isinstance(record, dict):
            self.problem(lines.get("record", 1), "the paper has no `record:` mapping",
                         "add the bibliographic record; write null for fields the source does "
                         "not state")
            record = {"__line__": 1, "__lines__": {}}
        self.check_record_dates(record, calendar)
        sections = self.read_sections(data.get("sections"), lines.get("sections", 1))
        short = data.get("short_title")
        if not isinstance(short, dict) or not all(_text(short.get(code)) for code in EDITIONS):
            self.problem(lines.get("short_title", 1),
                         "the paper needs a short title in each edition",
                         "add `short_title:` with `en:`, `tr:`, `fa:` and `ar:`, each a short "
                         "descriptive title in that language")
            short = {}
        paper = Paper(
            key=key, lang=lang, source=_text(data.get("source")), calendar=calendar,
            cite_authors=authors.get("en") or key, cite_year=str(cite.get("year") or "n.d."),
            cite_authors_by_edition={k: v for k, v in authors.items() if k != "en"},
            record=strip_lines(record), abstracts=self.read_abstracts(data.get("abstracts")),
            sections=sections, excerpts=[], file=self.rel,
            short_titles={code: _text(short.get(code)) for code in EDITIONS if _text(short.get(code))},
        )
        section_ids = {s.id for s in sections}
        raw_excerpts = data.get("excerpts")
        if not isinstance(raw_excerpts, list) or not raw_excerpts:
            self.problem(lines.get("excerpts", 1), "the paper has no excerpts",
                         "add an `excerpts:` list (see README, 'Adding an excerpt')")
            raw_excerpts = []
        for item in raw_excerpts:
            excerpt = self.read_excerpt(item, paper, section_ids)
            if excerpt:
                excerpt.number = len(paper.excerpts) + 1
                excerpt.long_reason = _text(item.get("long_excerpt"))
                paper.excerpts.append(excerpt)
        self.check_lengths(paper)
        return paper

    def check_lengths(self, paper: Paper) -> None:
        """40–250 words: fewer only for the one excerpt of a run-in section (it quotes the
        whole section); more only with `long_excerpt:` saying why."""
        run_in = {s.id for s in paper.sections if s.run_in}
        for excerpt in paper.excerpts:
            words = len(excerpt.original.split())
            alone = sum(e.section == excerpt.section for e in paper.excerpts) == 1
            if not words:
                continue  # reported as an excerpt without text
            if words < MIN_WORDS and not (excerpt.section in run_in and alone):
                self.problem(excerpt.line, f"the original has {words} words; an excerpt has "
                             f"{MIN_WORDS} to {MAX_WORDS}", "quote the whole paragraph, or, for a "
                             "run-in subheading quoted whole, give its section `run_in: true`",
                             excerpt.id)
            if words > MAX_WORDS and not excerpt.long_reason:
                self.problem(excerpt.line, f"the original has {words} words; an excerpt has "
                             f"{MIN_WORDS} to {MAX_WORDS}", "split it into two excerpts, or, if "
                             "it must stay whole, say why under `long_excerpt:`", excerpt.id)

    def read_sections(self, raw: Any, line: int) -> list[Section]:
        if not isinstance(raw, list) or not raw:
            self.problem(line, "the paper has no `sections:` list",
                         "list the paper's sections in order, each with id, original and en")
            return []
        sections: list[Section] = []
        for item in raw:
            if not isinstance(item, dict) or not ID_RE.match(str(item.get("id", ""))):
                where = item.get("__line__", line) if isinstance(item, dict) else line
                self.problem(where, "a section needs an `id` of lowercase letters, digits and "
                                    "hyphens", "write e.g. `id: intro`")
                continue
            if any(s.id == item["id"] for s in sections):
                self.problem(item["__line__"], f"duplicate section id {item['id']!r}",
                             "give each section of the paper its own id")
            if not _text(item.get("en")):
                self.problem(item["__line__"], f"section {item['id']!r} has no English heading",
                             "add `en: <English rendering of the heading>`")
            sections.append(Section(
                id=item["id"], number=_opt(item.get("number")), level=self.level(item),
                original=_opt(item.get("original")), en=_text(item.get("en")),
                run_in=item.get("run_in") is True,
            ))
        return sections

    def check_record_dates(self, record: dict[str, Any], calendar: str) -> None:
        """`received` and `accepted` are real dates of the paper's calendar, or null."""
        for key in ("received", "accepted"):
            value = record.get(key)
            if value is None:
                continue
            line = record["__lines__"].get(key, record["__line__"])
            text = str(value)
            if calendar == "solar-hijri":
                parsed = parse_solar_hijri(text)
                if parsed is None or parsed[1] is None:
                    self.problem(line, f"`{key}: {text}` is not a Solar Hijri date that exists",
                                 f'write it as printed, year/month/day: `{key}: "1403/05/19"` '
                                 "(months 1–12; days 1–31 in months 1–6, 1–30 after), or null")
                continue
            try:
                date.fromisoformat(text)
            except ValueError:
                self.problem(line, f"`{key}: {text}` is not a Gregorian date that exists",
                             f'write it as year-month-day: `{key}: "2025-03-14"`, or null')

    def level(self, item: dict[str, Any]) -> int:
        """A section's level: 1 (chapter) to 4."""
        value = item.get("level") or 1
        if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 4:
            return value
        self.problem(item["__lines__"].get("level", item["__line__"]),
                     f"section {item.get('id')!r} has level {value!r}",
                     "write `level: 1` for a chapter, 2 for a section, 3 or 4 below it")
        return 1

    def read_abstracts(self, raw: Any) -> list[dict[str, Any]]:
        abstracts = []
        for item in raw or []:
            if not isinstance(item, dict) or not _text(item.get("text")):
                continue
            notes = self.read_notes(item.get("notes"), None, item.get("__line__", 1))
            abstracts.append({"lang": _text(item.get("lang")) or "en",
                              "heading": _text(item.get("heading")) or "Abstract",
                              "text": _text(item.get("text")), "notes": notes})
        return abstracts

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
            lines = {lang: lines.get(lang, note_line) for lang in texts}
            for lang, text in texts.items():
                self.problems.extend(scan_markup(self.rel, text, lines.get(lang, note_line),
                                                 external_links=True, excerpt=excerpt))
            notes.append(Note(kind, texts, item.get("__line__", line), lines))
        return notes

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
        original = _text(item.get("original"))
        translation = _text(item.get("translation"))
        if not original:
            self.problem(lines.get("original", line), "the excerpt has no original text",
                         "add `original: |` followed by the verbatim passage", ex_id)
        if not translation:
            self.problem(lines.get("translation", line), "the excerpt has no English translation",
                         "add `translation: |` followed by the English translation", ex_id)
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
        section = _text(item.get("section"))
        if section not in section_ids:
            self.problem(lines.get("section", line), f"unknown section {section!r}",
                         f"use one of the paper's section ids: {', '.join(sorted(section_ids))}",
                         ex_id)
        terms = item.get("terms") or []
        if not isinstance(terms, list) or not all(isinstance(t, str) and ID_RE.match(t)
                                                  for t in terms):
            self.problem(lines.get("terms", line), "`terms` must be a list of glossary term ids",
                         "write e.g. `terms: [soft-power, shusha-declaration]`", ex_id)
            terms = []
        aliases = item.get("aliases") or []
        if not isinstance(aliases, list) or not all(ID_RE.match(str(a)) for a in aliases):
            self.problem(lines.get("aliases", line), "`aliases` must be a list of former ids",
                         "write e.g. `aliases: [kazemi-old-id]`", ex_id)
            aliases = []
        return Excerpt(
            id=ex_id, paper=paper.key, lang=lang, section=section, original=original,
            translation=translation, page=_opt(item.get("page")),
            page_inferred=bool(item.get("page_inferred")), terms=list(terms),
            notes=self.read_notes(item.get("notes"), ex_id, lines.get("notes", line)),
            file=self.rel, line=line, aliases=[str(a) for a in aliases],
            allow_variants=[str(v) for v in item.get("allow_variants") or []
                            if isinstance(item.get("allow_variants"), list)],
            glued_in_source=[str(v) for v in item.get("glued_in_source") or []
                             if isinstance(item.get("glued_in_source"), list)],
        )


def load_ui(path: Path) -> dict[str, dict[str, str]]:
    """Interface strings per edition; English fills whatever an edition leaves out."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_BaseLoader) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        data = {}  # `ui_problems` reports it
    if not isinstance(data, dict):
        data = {}
    english = data.get("en", {}) if isinstance(data.get("en"), dict) else {}
    out = {}
    for code in EDITIONS:
        own = data.get(code)
        out[code] = {**english, **(own if isinstance(own, dict) else {}), "_edition": code}
    return out


def ui_problems(path: Path, root: Path) -> list[Problem]:
    """docs/data/ui.yml must exist, be UTF-8 YAML, and give every edition's strings as text."""
    rel = _rel(path, root) if path.exists() else "docs/data/ui.yml"
    if not path.is_file():
        return [Problem(rel, 1, "the interface strings file is missing",
                        "restore docs/data/ui.yml from the repository")]
    problems = scan_text(rel, path.read_text(encoding="utf-8", errors="replace"))
    data, errors = load_yaml(path, root)
    if errors:
        return problems + errors
    if not isinstance(data, dict) or not isinstance(data.get("en"), dict):
        return problems + [Problem(rel, 1, "ui.yml must map each edition code to its strings",
                                   "write `en:` then `key: text` lines, and the same for tr, fa, ar")]
    for code, strings in data.items():
        if code in ("__line__", "__lines__"):
            continue
        line = data["__lines__"].get(code, 1)
        if code not in EDITIONS or not isinstance(strings, dict):
            problems.append(Problem(rel, line, f"{code!r} is not an edition with its strings",
                                    f"use the edition codes {', '.join(EDITIONS)}, each followed "
                                    "by `key: text` lines"))
            continue
        for key, value in strings.items():
            if key in ("__line__", "__lines__"):
                continue
            if not isinstance(value, str):
                problems.append(Problem(rel, strings["__lines__"].get(key, line),
                                        f"the string {key!r} is not text",
                                        'write it as text, in quotes if it has a colon: '
                                        f'`{key}: "..."`'))
            elif key not in data["en"]:
                problems.append(Problem(rel, strings["__lines__"].get(key, line),
                                        f"{key!r} is not an interface string (not in `en:`)",
                                        "correct the key, or add it under `en:` first"))
            else:
                problems += scan_markup(rel, value, strings["__lines__"].get(key, line))
    return problems


def load_corpus(docs_dir: Path) -> Corpus:
    """Load every paper under docs/data/papers and check the whole corpus.

    Raises ContentError listing every problem found.
    """
    corpus, problems = read_corpus(docs_dir)
    if problems:
        raise ContentError(problems)
    return corpus


def data_signature(docs_dir: Path) -> tuple[tuple[str, int, int], ...]:
    """What the content's files look like now: a change to any of them changes this."""
    files = sorted((docs_dir / "data").rglob("*")) + sorted(docs_dir.glob("*/packets/*.md")) + \
        sorted(docs_dir.glob("*/papers/*.md"))
    return tuple((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in files if f.is_file())


_read_cache: dict[Path, tuple[tuple[tuple[str, int, int], ...], Corpus, list[Problem]]] = {}


def read_corpus(docs_dir: Path) -> tuple[Corpus, list[Problem]]:
    """The corpus as far as it can be read, and every problem found on the way.

    The four editions of one build (and `mkdocs serve`'s rebuilds) read the same files: the
    result is kept until one of them changes.
    """
    key = docs_dir.resolve()
    signature = data_signature(docs_dir)
    cached = _read_cache.get(key)
    if cached and cached[0] == signature:
        return cached[1], list(cached[2])
    corpus, problems = _read_corpus(docs_dir)
    _read_cache[key] = (signature, corpus, problems)
    return corpus, list(problems)


def _read_corpus(docs_dir: Path) -> tuple[Corpus, list[Problem]]:
    root = docs_dir.parent
    corpus = Corpus(ui=load_ui(docs_dir / "data" / "ui.yml"))
    problems: list[Problem] = ui_problems(docs_dir / "data" / "ui.yml", root)
    for path in sorted((docs_dir / "data" / "papers").glob("*.yml")):
        reader = _PaperReader(path, root)
        paper = reader.read()
        problems.extend(reader.problems)
        if paper is None:
            corpus.unread.add(path.stem)
            continue
        corpus.papers[paper.key] = paper
        for excerpt in paper.excerpts:
            if excerpt.id in corpus.excerpts:
                first = corpus.excerpts[excerpt.id]
                problems.append(Problem(
                    excerpt.file, excerpt.line,
                    f"duplicate excerpt id (first used at {first.file}:{first.line})",
                    "give this excerpt a new id; never rename the first one, readers cite it",
                    excerpt.id))
                continue
            corpus.excerpts[excerpt.id] = excerpt
    for excerpt in corpus.excerpts.values():
        for alias in excerpt.aliases:
            if alias in corpus.excerpts or alias in corpus.aliases:
                problems.append(Problem(excerpt.file, excerpt.line,
                                        f"alias '{alias}' is already an excerpt id or an alias",
                                        "an alias must be a former id used by nothing else",
                                        excerpt.id))
                continue
            corpus.aliases[alias] = excerpt.id
    problems += check_anchors(docs_dir, corpus)
    for paper in corpus.papers.values():
        for edition in dict.fromkeys(("en", paper.lang)):
            if not (docs_dir / edition / "papers" / f"{paper.key}.md").is_file():
                problems.append(Problem(
                    paper.file, 1, f"the paper has no page in the '{edition}' edition",
                    f"create docs/{edition}/papers/{paper.key}.md starting with the front matter "
                    f"`paper: {paper.key}` between two `---` lines, then its title, summary and "
                    "assessment"))
    for excerpt in corpus.excerpts.values():
        for note in excerpt.notes:
            for text in note.texts.values():
                problems.extend(check_refs(text, corpus, excerpt.file, note.line, excerpt.id))
    for paper in corpus.papers.values():
        for abstract in paper.abstracts:
            for note in abstract["notes"]:
                for text in note.texts.values():
                    problems.extend(check_refs(text, corpus, paper.file, note.line))
    return corpus, problems


ANCHORS = Path("data") / "anchors.txt"


def without_consequences(problems: list[Problem], corpus: Corpus) -> list[Problem]:
    """One mistake, one message: where a paper's file could not be read, what is missing only
    because of that (its excerpts, its key) is not reported again."""
    if not corpus.unread:
        return problems
    prefixes = tuple(f"{key.split('-')[0]}-" for key in corpus.unread) + tuple(corpus.unread)

    def consequence(problem: Problem) -> bool:
        return problem.missing is not None and (problem.missing in corpus.unread or
                                                problem.missing.startswith(prefixes))
    return [p for p in problems if not consequence(p)]


def check_anchors(docs_dir: Path, corpus: Corpus) -> list[Problem]:
    """Every published excerpt id (docs/data/anchors.txt) must still lead somewhere."""
    path = docs_dir / ANCHORS
    if not path.exists():
        return []
    rel = _rel(path, docs_dir.parent)
    problems = []
    for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(),
                                  start=1):
        anchor = line.split("#", 1)[0].strip()
        if anchor and corpus.resolve(anchor) is None:
            problems.append(Problem(
                rel, number, f"the published excerpt id '{anchor}' no longer exists, so links "
                "that cite it would break",
                f"restore the excerpt, or add `aliases: [{anchor}]` to the excerpt that replaces "
                "it", missing=anchor))
    return problems


def update_anchors(docs_dir: Path, corpus: Corpus) -> list[str]:
    """Append the ids published since the list was last written; returns them."""
    path = docs_dir / ANCHORS
    text = path.read_text(encoding="utf-8") if path.exists() else (
        "# Every excerpt id ever published, one a line. Readers cite them: `make check` fails\n"
        "# if one of them is neither an excerpt id nor an alias. `make anchors` appends new ids.\n")
    known = {line.split("#", 1)[0].strip() for line in text.splitlines()}
    new = [ex_id for ex_id in corpus.excerpts if ex_id not in known]
    if new:
        path.write_text(text.rstrip("\n") + "\n" + "\n".join(new) + "\n", encoding="utf-8")
    return new


def translated_pages(docs_dir: Path) -> set[tuple[str, str]]:
    """(edition, path) for every page an edition has in its own folder."""
    return {
        (edition, path.relative_to(docs_dir / edition).as_posix())
        for edition in EDITIONS
        for path in (docs_dir / edition).rglob("*.md")
    }


#: `![[id]]` on a line of its own: an embedded excerpt
EMBED_RE = re.compile(r"^[ \t]*!\[\[([^\[\]|\n]+)\]\][ \t]*$", re.M)
_FENCE = re.compile(r"^\s*(```|~~~)")


def outside_fences(text: str) -> str:
    """The text with fenced code blocks blanked out, line numbers kept."""
    out, inside = [], False
    for line in text.split("\n"):
        if _FENCE.match(line):
            inside = not inside
            out.append("")
            continue
        out.append("" if inside else line)
    return "\n".join(out)


_CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)")
_BLOCK_LINE = re.compile(r"^[ \t]*:::[ \t]*(\S+)[ \t]*$")
#: the generated blocks a page may ask for with `::: name`
PAGE_BLOCKS = ("papers", "downloads", "glossary", "entities", "timeline")


def without_code(text: str) -> str:
    """The text with fenced code blocks and inline code spans blanked, line numbers kept:
    what the short syntax (`[[id]]`, `![[id]]`, `::: name`) applies to."""
    return _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), outside_fences(text))


_FRONT_MATTER = re.compile(r"^---\n(.*?)\n---\n", re.S)


def front_matter(text: str) -> dict[str, Any]:
    """A page's front matter as a mapping; empty where there is none or it is not YAML (which
    `check_markdown` reports)."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return {}
    return meta if isinstance(meta, dict) else {}


def check_markdown(rel: str, text: str, corpus: Corpus) -> list[Problem]:
    """Problems in one Markdown page: unsafe content, unknown or twice-embedded excerpts,
    unknown blocks, an unknown paper in the front matter."""
    body = without_code(text)  # code is shown as text, never run: the checks read the rest
    problems = scan_controls(rel, text) + scan_text(rel, body) + scan_markup(rel, body)
    problems += check_refs(body, corpus, rel, 1)
    embeds: dict[str, int] = {}
    for number, line in enumerate(body.split("\n"), start=1):
        block = _BLOCK_LINE.match(line)
        if block and block.group(1) not in PAGE_BLOCKS:
            problems.append(Problem(rel, number, f"unknown block `::: {block.group(1)}`",
                                    f"use one of: {', '.join(PAGE_BLOCKS)}, on a line of its own"))
        match = EMBED_RE.match(line)
        if not match:
            continue
        target = match.group(1).strip()
        if target in embeds:
            problems.append(Problem(rel, number, f"excerpt '{target}' is embedded twice "
                                    f"(first on line {embeds[target]})",
                                    "embed it once and link to it elsewhere with [[id]]"))
        embeds[target] = number
    if text.startswith("---"):
        front = text.split("---", 2)[1] if text.count("---") >= 2 else ""
        try:
            meta = yaml.safe_load(front)
        except yaml.YAMLError as err:
            mark = getattr(err, "context_mark", None) or getattr(err, "problem_mark", None)
            return problems + [Problem(rel, (mark.line + 1) if mark else 1,
                                       "the front matter between the `---` lines is not YAML",
                                       "write one `key: value` per line, e.g. `paper: kazemi-1403`")]
        paper = meta.get("paper") if isinstance(meta, dict) else None
        if paper is not None and str(paper) not in corpus.papers:
            front_line = next((n for n, line in enumerate(text.split("\n"), start=1)
                               if line.startswith("paper:")), 1)
            problems.append(Problem(rel, front_line, f"unknown paper {paper!r} in the front "
                                    "matter", f"use one of: {', '.join(sorted(corpus.papers))}",
                                    missing=str(paper)))
    return problems


def check_pages(docs_dir: Path, corpus: Corpus) -> list[Problem]:
    """Every problem in the pages of every edition, as the build checks each page."""
    problems = []
    for edition in EDITIONS:
        for path in sorted((docs_dir / edition).rglob("*.md")):
            rel = _rel(path, docs_dir.parent)
            text, unreadable = read_text(path, docs_dir.parent)
            problems += unreadable if text is None else check_markdown(rel, text, corpus)
    return problems


#: files under docs/ that a browser would run or that could load from another host
_REFUSED_FILES = (".html", ".htm", ".xhtml", ".xml", ".xsl", ".swf", ".pdf")
_SVG_UNSAFE = re.compile(r"<\s*(script|foreignObject|iframe|embed|object)\b|\son[a-z]+\s*=|"
                         r"javascript:|(href|src)\s*=\s*[\"']?\s*(https?:)?//", re.I)
#: the site's own scripts; contributors' files never add one
SITE_SCRIPTS = ("assets/js/reader.js",)


def check_files(docs_dir: Path) -> list[Problem]:
    """Files under docs/ are published as they are: none may run script or load from elsewhere."""
    problems = []
    for path in sorted(p for p in docs_dir.rglob("*") if p.is_file()):
        rel, inner = _rel(path, docs_dir.parent), path.relative_to(docs_dir).as_posix()
        suffix = path.suffix.lower()
        if suffix in _REFUSED_FILES:
            problems.append(Problem(rel, 1, f"a {suffix} file under docs/ would be published as "
                                    "it is", "remove it: pages are Markdown, data is YAML, and "
                                    "the PDFs are made by the build"))
        elif suffix in (".js", ".mjs") and inner not in SITE_SCRIPTS:
            problems.append(Problem(rel, 1, "a script file under docs/ would run on the site",
                                    "remove it; the site's only script is docs/assets/js/reader.js"))
        elif suffix == ".svg":
            text = path.read_text(encoding="utf-8", errors="replace")
            for number, line in enumerate(text.split("\n"), start=1):
                match = _SVG_UNSAFE.search(line)
                if match:
                    problems.append(Problem(rel, number, f"the SVG holds {match.group(0).strip()!r}",
                                            "an image may not run script, embed other content "
                                            "or load anything from another host: remove it"))
    return problems


def check_site(docs_dir: Path) -> list[Problem]:
    """Every problem in the papers and the pages (without the apparatus)."""
    corpus, problems = read_corpus(docs_dir)
    return problems + check_pages(docs_dir, corpus)


def check_refs(text: str, corpus: Corpus, file: str, first_line: int,
               excerpt: str | None = None) -> list[Problem]:
    """Problems for every [[id]] or ![[id]] in `text` that names no excerpt."""
    problems = []
    for offset, line in enumerate(text.splitlines() or [text]):
        for match in REF_RE.finditer(line):
            target = match.group(2).strip()
            if corpus.resolve(target) is None:
                kind = "embed" if match.group(1) else "link"
                problems.append(Problem(
                    file, first_line + offset, f"{kind} to unknown excerpt id '{target}'",
                    "correct the id (ids are listed in corpus/excerpts.json and on each paper "
                    "page) or remove the reference", excerpt, missing=target))
    return problems
