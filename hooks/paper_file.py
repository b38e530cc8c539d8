"""One paper's data file, `docs/data/papers/<key>.yml`, read into a `Paper` and validated:
every problem with its line and a fix."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from calendar_sh import parse_solar_hijri
from languages import (
    EDITIONS,
    ORIGINAL_LANGUAGES,
    RTL_LANGUAGES,
    english_name,
)
from model import (
    CALENDARS,
    ID_RE,
    NOTE_TYPES,
    Excerpt,
    Note,
    Paper,
    Problem,
    Section,
)
from record_model import read_record
from source_text import (
    _opt,
    _rel,
    _text,
    load_yaml,
    read_text,
    scan_markup,
    scan_text,
    script_share,
)

MIN_WORDS, MAX_WORDS = 40, 250  #: an excerpt's length, in words of the original


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
        model, mistakes = read_record(record)
        for where, message, fix in mistakes:
            self.problem(where, message, fix)
        self.check_record_dates(record, calendar)
        sections = self.read_sections(data.get("sections"), lines.get("sections", 1), lang)
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
            record=model, abstracts=self.read_abstracts(data.get("abstracts")),
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
            if any(s.id == item["id"] for s in sections):
                self.problem(item["__line__"], f"duplicate section id {item['id']!r}",
                             "give each section of the paper its own id")
            if not _text(item.get("en")):
                self.problem(item["__line__"], f"section {item['id']!r} has no English heading",
                             "add `en: <English rendering of the heading>`")
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
