"""A paper's bibliographic record as (label, value) rows, in the edition's language.

The values come from the macros of `overrides/partials/reader/record-values.html`; a field the
source does not state says so. `render.record_html` lays the rows out (`record.html`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import markdown
from calendar_sh import ISO_DATE, digits, format_date, gregorian_equivalent, solar_hijri_long
from languages import LANGUAGES, direction
from model import Paper
from record_model import Record
from templates import Markup, environment
from typography import Glue, glue

Row = tuple[str, Markup]


@dataclass(frozen=True)
class _AuthorLine:
    name: str
    original: str | None
    details: Sequence[tuple[str, str, str]]  #: (lang, dir, text) of the role and the affiliation
    corresponding: bool


class _Record:
    """The rows of one record in one edition."""

    def __init__(self, paper: Paper, ui: dict[str, str]) -> None:
        self.paper, self.ui, self.rec = paper, ui, paper.record
        self.edition = ui.get("_edition", "en")
        self.m: Any = environment().get_template("record-values.html").module

    def missing(self) -> Markup:
        return Markup(self.m.missing(self.ui))

    def original(self, text: str) -> Markup:
        return Markup(self.m.run(text, self.paper.lang, self.paper.dir))

    def by(self, text: str, who: str) -> Markup:
        """An English value and who wrote it."""
        return Markup(self.m.by(text, who, self.edition))

    def in_edition(self, value: dict[str, str] | str | None,
                   original: str | None = None) -> tuple[str, str]:
        """(language, text) of a value written per edition: the edition's own text, else the
        paper's `original` on the page of its language, else English."""
        if isinstance(value, dict) and value.get(self.edition):
            return self.edition, value[self.edition]
        if self.edition == self.paper.lang and original:
            return self.paper.lang, original
        if isinstance(value, dict):
            return "en", value.get("en") or ""
        return "en", value or ""

    # --- the fields -----------------------------------------------------------------------------

    def titles(self) -> list[Row]:
        ui, title, site = self.ui, self.rec.title, self.rec.site_title
        original = Markup(self.m.title(title.original, self.paper.lang, self.paper.dir)) \
            if title.original else self.missing()
        if title.en:
            who = ui["authors_own"] if title.en_by == "authors" else ui["site_own"]
            english = self.by(title.en, who)
        elif site is not None:
            english = self.by(site.en, ui["site_title"])
        else:
            english = self.missing()
        return [(ui["title_original"], original), (ui["title_en"], english)]

    def authors(self) -> Row:
        if not self.rec.authors:
            return self.ui["authors"], self.missing()
        lines = []
        for author in self.rec.authors:
            details = [(lang, direction(lang), text) for lang, text in (
                self.in_edition(author.role, author.role_original),
                self.in_edition(author.affiliation, author.affiliation_original)) if text]
            shown = author.original if author.original != author.name else None
            lines.append(_AuthorLine(author.name, shown, details, bool(author.corresponding)))
        return self.ui["authors"], Markup(self.m.authors(lines, self.paper, self.ui))

    def journal(self) -> Row:
        journal = self.rec.journal
        if journal is None:
            return self.ui["journal"], self.missing()
        return self.ui["journal"], Markup(self.m.journal(journal.original, journal.en, self.paper,
                                                            self.edition))

    def numbers(self) -> list[Row]:
        rec, ui, rows = self.rec, self.ui, []
        for key, value in (("volume", rec.volume), ("issue", rec.issue)):
            rows.append((ui[key], Markup.escape(digits(value, self.edition)) if value
                         else self.missing()))
        return rows

    def date(self, value: dict[str, str] | str | None, calendar: str | None = None) -> Markup:
        if not value:
            return self.missing()
        lang, text = self.in_edition(value)
        gregorian = None
        if (calendar or self.paper.calendar) == "solar-hijri" and not isinstance(value, dict):
            gregorian = gregorian_equivalent(text, self.edition)
        if gregorian:
            written_fa = solar_hijri_long(text) if self.edition == "fa" else None
            return Markup(self.m.solar_hijri(written_fa, digits(text, self.edition),
                                             self.ui["solar_hijri_abbr"], gregorian,
                                             self.edition, direction(self.edition)))
        if not isinstance(value, dict) and ISO_DATE.match(text):  # Gregorian, in numbers
            return Markup(self.m.run(format_date(text, self.edition), self.edition,
                                     direction(self.edition)))
        return Markup(self.m.run(glue(text), lang, direction(lang)))

    def identifiers(self) -> list[Row]:
        rec, ui = self.rec, self.ui
        pages = (Markup(self.m.ltr(digits(rec.pages, self.edition))) if rec.pages
                 else self.missing())
        doi = Markup(self.m.doi(rec.doi)) if rec.doi else self.missing()
        issn = Markup(self.m.ltr(rec.issn)) if rec.issn else self.missing()
        return [(ui["pages"], pages), (ui["doi"], doi), (ui["issn"], issn)]

    def keywords(self) -> list[Row]:
        ui, keywords = self.ui, self.rec.keywords
        if keywords is None:
            return [(ui["keywords_original"], self.missing()), (ui["keywords_en"], self.missing())]
        comma = LANGUAGES[self.paper.lang].comma
        original = self.original(comma.join(keywords.original))
        if keywords.en:
            who = ui["authors_own"] if keywords.en_by == "authors" else ui["site_own"]
            english = self.by(", ".join(keywords.en), who)
        else:
            english = self.missing()
        return [(ui["keywords_original"], original), (ui["keywords_en"], english)]

    def note(self) -> list[Row]:
        notes = self.rec.note
        if not notes:
            return []
        lang = self.edition if notes.get(self.edition) else "en"
        body = Markup(markdown.markdown(notes[lang], extensions=[Glue()]).replace("\n", " "))
        return [(self.ui["record_note"], Markup(self.m.note(lang, direction(lang), body)))]


def record_rows(paper: Paper, ui: dict[str, str]) -> list[Row]:
    """(label, value) for every field of the record, in the order of the full record."""
    r = _Record(paper, ui)
    rec: Record = paper.record
    return [
        *r.titles(), r.authors(), r.journal(), *r.numbers(),
        (ui["date"], r.date(rec.date, "gregorian")),
        (ui["year"], r.date(rec.year, rec.year_calendar)),
        *r.identifiers(),
        (ui["received"], r.date(rec.received)), (ui["accepted"], r.date(rec.accepted)),
        *r.keywords(), *r.note(),
    ]
