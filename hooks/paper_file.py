"""One paper's data file, `docs/data/papers/<key>.yml`, read into a `Paper` and validated:
every problem with its line and a fix."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from calendar_sh import parse_solar_hijri
from excerpt_file import ExcerptReader
from excerpt_list import excerpt_lengths, excerpt_order
from languages import (
    EDITIONS,
    ORIGINAL_LANGUAGES,
    english_name,
)
from model import (
    CALENDARS,
    ID_RE,
    Paper,
    Section,
)
from record_model import read_record
from source_text import _opt, _text, read_text, scan_text
from text_language import data_slips
from yaml_lines import load_yaml, unknown_keys

#: the keys of a paper file, of one of its sections and abstracts, and of its `cite:`
PAPER_KEYS = frozenset({"key", "lang", "source", "calendar", "short_title", "cite", "record",
                        "abstracts", "sections", "excerpts"})
SECTION_KEYS = frozenset({"id", "number", "level", "original", "run_in", *EDITIONS})
ABSTRACT_KEYS = frozenset({"lang", "heading", "text", "notes"})
CITE_KEYS = frozenset({"authors", "year"})
#: a citation's year: four digits, perhaps with a letter (2025a), or "n.d." (no date)
_CITE_YEAR = re.compile(r"\d{4}[a-z]?|n\.d\.")


class _PaperReader(ExcerptReader):
    """Reads one paper file into a Paper, collecting problems instead of stopping at the first."""

    def read(self) -> Paper | None:
        data = self._mapping()
        if data is None:
            return None
        lines = data["__lines__"]
        self.problems.extend(unknown_keys(data, PAPER_KEYS, self.rel, "a paper file"))
        key, lang, calendar = self._identity(data, lines)
        if lang is None:
            return None
        cite, authors = self._cite(data, lines)
        record = data.get("record")
        if not isinstance(record, dict):
            self.problem(lines.get("record", 1), "the paper has no `record:` mapping",
                         "add the bibliographic record; write null for fields the source does "
                         "not state")
            record = {"__line__": 1, "__lines__": {}}
        model, mistakes = read_record(record)
        for where, message, fix in mistakes:
            self.problem(where, message, fix)
        self.check_record_dates(record, calendar)
        sections = self.read_sections(data.get("sections"), lines.get("sections", 1), lang)
        short = self._short_titles(data, lines)
        paper = Paper(
            key=key, lang=lang, source=_text(data.get("source")), calendar=calendar,
            cite_authors=authors.get("en") or key, cite_year=str(cite.get("year") or "n.d."),
            cite_authors_by_edition={k: v for k, v in authors.items() if k != "en"},
            record=model, abstracts=self.read_abstracts(data.get("abstracts"), lines.get("abstracts", 1)),
            sections=sections, excerpts=[], file=self.rel, short_titles=short,
        )
        self._read_excerpts(data, lines, paper)
        self.problems += excerpt_lengths(paper, self.rel) + excerpt_order(paper, self.rel)
        return paper

    def _mapping(self) -> dict[str, Any] | None:
        """The file read as a YAML mapping (with its lines), or None after its problems."""
        text, problems = read_text(self.path, self.root)
        if text is None:
            self.problems.extend(problems)
            return None
        self.problems.extend(scan_text(self.rel, text))
        data, problems = load_yaml(self.path, self.root)
        self.problems.extend(problems)
        if data is None:
            if not problems:  # an empty file: the paper would leave the site without a word
                self.problem(1, "the paper's file is empty", "restore it from the repository's "
                                "history, or delete the file to remove the paper (with the pages "
                                "and ids that name it)")
            return None
        if not isinstance(data, dict):
            self.problem(1, "a paper file must be a mapping with key, lang, record, sections and "
                            "excerpts", "start from an existing file in docs/data/papers/")
            return None
        self.problems.extend(data_slips(self.rel, data))
        return data

    def _identity(self, data: dict[str, Any], lines: dict[str, int],
                  ) -> tuple[str, str | None, str]:
        """The paper's key (its file name), language (None if unknown) and calendar."""
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
            return key, None, ""
        calendar = _text(data.get("calendar")) or "gregorian"
        if calendar not in CALENDARS:
            self.problem(lines.get("calendar", 1), f"unknown calendar {calendar!r}",
                         f"use one of: {', '.join(CALENDARS)}")
        return key, lang, calendar

    def _cite(self, data: dict[str, Any], lines: dict[str, int],
              ) -> tuple[dict[str, Any], dict[str, str]]:
        """`cite:` and its authors by edition (`en` always, when the paper has them)."""
        cite = data.get("cite") or {}
        if isinstance(cite, dict):
            self.problems.extend(unknown_keys(cite, CITE_KEYS, self.rel, "`cite:`"))
        raw_authors = cite.get("authors") if isinstance(cite, dict) else None
        if isinstance(raw_authors, dict):  # a form under `fs:` for `fa:` would be dropped
            self.problems.extend(unknown_keys(raw_authors, EDITIONS, self.rel, "`cite.authors`"))
        authors = ({"en": _text(raw_authors)} if isinstance(raw_authors, str) else
                   {k: _text(v) for k, v in raw_authors.items() if k in EDITIONS and _text(v)}
                   if isinstance(raw_authors, dict) else {})
        year = str(cite.get("year") or "n.d.") if isinstance(cite, dict) else "n.d."
        if not _CITE_YEAR.fullmatch(year):
            self.problem(cite.get("__lines__", {}).get("year", lines.get("cite", 1)),
                         f"the citation year {year!r} is not a year",
                         "write the year the citation labels give, in four digits (`year: "
                         "\"1403\"` for a Solar Hijri year, as the paper prints it), with a letter "
                         "after it where two papers share author and year (`\"2025a\"`), or "
                         "`\"n.d.\"` where the paper states none")
        if not authors.get("en"):
            self.problem(lines.get("cite", 1), "the paper has no `cite:` with `authors` and `year`",
                         "add `cite: {authors: Surname, year: \"2025\"}` (use \"n.d.\" for no year); "
                         "`authors` may also give a form per edition: `{en: Kazemi, fa: کاظمی}`")
            return {}, {}
        return cite, authors

    def _short_titles(self, data: dict[str, Any], lines: dict[str, int]) -> dict[str, str]:
        short = data.get("short_title")
        if not isinstance(short, dict) or not all(_text(short.get(code)) for code in EDITIONS):
            self.problem(lines.get("short_title", 1),
                         "the paper needs a short title in each edition",
                         "add `short_title:` with `en:`, `tr:`, `fa:` and `ar:`, each a short "
                         "descriptive title in that language")
            return {}
        # a language the site does not have (`fs:` for `fa:`) would be dropped without a word
        self.problems.extend(unknown_keys(short, EDITIONS, self.rel, "`short_title`"))
        return {code: _text(short.get(code)) for code in EDITIONS if _text(short.get(code))}

    def _read_excerpts(self, data: dict[str, Any], lines: dict[str, int], paper: Paper) -> None:
        section_ids = {s.id for s in paper.sections}
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

    def read_sections(self, raw: Any, line: int, lang: str) -> list[Section]:
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
            self.problems.extend(unknown_keys(item, SECTION_KEYS, self.rel, "a section"))
            if any(s.id == item["id"] for s in sections):
                self.problem(item["__line__"], f"duplicate section id {item['id']!r}",
                             "give each section of the paper its own id")
            if not _text(item.get("en")):
                self.problem(item["__line__"], f"section {item['id']!r} has no English heading",
                             "add `en: <English rendering of the heading>`")
            for code in (c for c in EDITIONS if isinstance(item.get(c), str)):
                self._as_typed(item[code], item["__lines__"].get(code, item["__line__"]), None,
                               f"the {english_name(code)} heading of section {item['id']!r}",
                               "write the heading's words alone")
            sections.append(Section(
                id=item["id"], number=_opt(item.get("number")), level=self.level(item),
                original=_opt(item.get("original")), en=_text(item.get("en")),
                run_in=item.get("run_in") is True, headings=self.headings(item, lang),
            ))
        return sections

    def headings(self, item: dict[str, Any], lang: str) -> dict[str, str]:
        """A section's heading in each edition language other than English and, where the paper
        prints a heading, the paper's own."""
        out: dict[str, str] = {}
        for code in EDITIONS:
            if code == "en" or (code == lang and _opt(item.get("original"))):
                continue
            text = _text(item.get(code))
            if text:
                out[code] = text
            else:
                self.problem(item["__lines__"].get(code, item["__line__"]),
                             f"section {item['id']!r} has no heading in {english_name(code)}",
                             f"add `{code}: <the heading in {english_name(code)}>` after `en:`")
        return out

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

    def read_abstracts(self, raw: Any, line: int) -> list[dict[str, Any]]:
        """The paper's abstracts as printed (`line`: where `abstracts:` is)."""
        if raw is not None and not isinstance(raw, list):
            self.problem(line, "`abstracts:` must be a list", "write each abstract as `- lang: en` "
                         "followed by `heading:` and `text: |`, as in the other papers' files")
            return []
        abstracts = []
        for item in raw or []:
            if not isinstance(item, dict) or not _text(item.get("text")):
                self.problem(item.get("__line__", line) if isinstance(item, dict) else line,
                             "an abstract without its `text`", "give it `text: |` followed by "
                             "the abstract as printed, or remove it")
                continue
            self.problems.extend(unknown_keys(item, ABSTRACT_KEYS, self.rel, "an abstract"))
            lang = _text(item.get("lang")) or "en"
            if lang not in EDITIONS:  # the abstracts of the papers are in the site's languages
                self.problem(item.get("__lines__", {}).get("lang", item.get("__line__", line)),
                             f"an abstract in an unknown language {lang!r}",
                             f"write the language it is printed in: one of "
                             f"{', '.join(EDITIONS)} ({', '.join(map(english_name, EDITIONS))})")
                continue
            notes = self.read_notes(item.get("notes"), None, item.get("__line__", 1))
            abstracts.append({"lang": lang,
                              "heading": _text(item.get("heading")) or "Abstract",
                              "text": _text(item.get("text")), "notes": notes})
        return abstracts

