"""The content model: papers, their sections and excerpts, editor's notes, and the problems
found in them (each naming the file, the line, the excerpt and a fix). It knows nothing of MkDocs."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from languages import (
    LANGUAGES,
    direction,
)

if TYPE_CHECKING:  # the record model reads YAML through source_text, which needs this module
    from record_model import Record

NOTE_TYPES = ("uncertain", "error", "disagreement", "repair", "context")
CALENDARS = ("solar-hijri", "gregorian")
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
#: `[[id]]`, `[[id|text]]` link to an excerpt; `![[id]]` on a line of its own embeds it.
REF_RE = re.compile(r"(!?)\[\[([^\[\]|\n]+?)(?:\|([^\[\]\n]+))?\]\]")


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
    #: the heading rendered in the other editions' languages (neither English nor the paper's)
    headings: dict[str, str] = field(default_factory=dict)

    def heading_in(self, lang: str) -> str:
        """The heading in `lang`: the original, the English or an edition's rendering."""
        if lang == "en":
            return self.en
        return self.headings.get(lang) or self.original or self.en


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
    record: Record
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
        original, english = self.record.display_title
        if lang == "original":
            return original or english or self.key
        return english or original or self.key


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
        A no-break space joins the page's abbreviation to its number: no line parts them.
        """
        paper = self.papers[excerpt.paper]
        if edition == "en":
            label = f"{paper.cite_authors} {paper.cite_year}, ¶{excerpt.number}"
            if excerpt.page:
                label += f", p.\u00a0{excerpt.page}" + (" (inferred)" if excerpt.page_inferred else "")
            return label
        ui = self.ui[edition]
        comma = LANGUAGES[edition].comma
        year = ui["no_date"] if paper.cite_year == "n.d." else paper.cite_year
        label = f"{paper.authors_in(edition)} {year}{comma}¶{excerpt.number}"
        if excerpt.page:
            label += f"{comma}{ui['page']}\u00a0{excerpt.page}"
            if excerpt.page_inferred:
                label += f" ({ui['inferred']})"
        return LANGUAGES[edition].number(label)
