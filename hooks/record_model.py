"""The typed model of a paper's bibliographic record (`record:` in `docs/data/papers/<key>.yml`).

Every field has a type; a field the source does not state is `null`, never left out, so that a
missing field is a decision an editor made. `record_problems` checks a record as loaded (with the
YAML loader's line numbers) and reports each mistake with its line and a fix.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from calendar_sh import ISO_DATE
from languages import EDITIONS
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from yaml_lines import strip_lines

_DOI = re.compile(r"10\.\d{4,9}/[^\s{}\\]+")
#: a year as printed: four digits (in the paper's calendar, or in `year_calendar`)
_YEAR = re.compile(r"\d{4}")
#: the pages of the paper in its issue: one page, or the first and the last joined by a dash
_PAGES = re.compile(r"(\d+)(?:\s*[–-]\s*(\d+))?")
#: who wrote an English rendering: the paper's authors (printed in the paper) or the site
By = Literal["authors", "site"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


def _by_edition(value: dict[str, str] | None) -> dict[str, str] | None:
    if value is not None:
        unknown = sorted(set(value) - set(EDITIONS))
        if unknown:
            raise ValueError(f"unknown language code(s) {', '.join(unknown)}; use "
                             f"{', '.join(EDITIONS)}")
    return value


class Title(_Strict):
    original: str | None
    en: str | None
    en_by: By | None = None


class SiteTitle(_Strict):
    """A descriptive title the site supplies for a paper printed without one."""

    original: str
    en: str


class Author(_Strict):
    name: str = Field(min_length=1)
    family: str | None = None  #: the family name, where it is not the last word of `name`
    original: str | None = None  #: the name as the paper prints it
    #: the family name in `original`, where it is not as many last words as `family` has
    family_original: str | None = None
    role: dict[str, str] | None = None  #: by edition
    role_original: str | None = None
    affiliation: dict[str, str] | None = None  #: by edition
    affiliation_original: str | None = None
    corresponding: bool | None = None

    _editions = field_validator("role", "affiliation")(_by_edition)


class Journal(_Strict):
    original: str
    en: str | None = None
    en_by: By | None = None


class Keywords(_Strict):
    original: list[str]
    en: list[str] | None = None
    en_by: By | None = None


def _printed(form: re.Pattern[str], value: str | None, wrong: str) -> str | None:
    """`value` if it is null or written in `form`; else ValueError with `wrong`."""
    if value is not None and not form.fullmatch(value):
        raise ValueError(wrong)
    return value


class Record(_Strict):
    title: Title
    site_title: SiteTitle | None
    authors: list[Author] | None = Field(min_length=1)
    journal: Journal | None
    volume: str | None
    issue: str | None
    #: the issue's date: Gregorian in numbers (`2025-12`, written by the site in each edition's
    #: words), or as printed in words in every edition (a season), or null
    date: dict[str, str] | str | None
    year: str | None
    year_calendar: Literal["gregorian", "solar-hijri"] | None = None
    pages: str | None
    doi: str | None
    issn: str | None = Field(pattern=r"^\d{4}-\d{3}[\dX]$")
    received: str | None
    accepted: str | None
    keywords: Keywords | None
    note: dict[str, str]  #: the editors' note on the record, in every edition

    _editions = field_validator("note")(_by_edition)

    @field_validator("doi")
    @classmethod
    def _doi_as_printed(cls, value: str | None) -> str | None:
        # BibTeX and biblatex read a DOI verbatim: a brace or a backslash would break the entry
        return _printed(_DOI, value, "not a DOI as the paper prints it: `10.` and the "
                        "registrant's number, `/` and the suffix, without `https://doi.org/`, "
                        "spaces, braces or backslashes, as in `10.22034/irr.2025.477975.2599`")

    @field_validator("year")
    @classmethod
    def _year_in_four_digits(cls, value: str | None) -> str | None:
        return _printed(_YEAR, value, f"the year {value!r} is not a year as the paper prints "
                        "it: four digits, `2025` or `1403` (in the paper's `calendar`, or in the "
                        "one `year_calendar:` names), or null where it is not stated")

    @field_validator("pages")
    @classmethod
    def _page_or_range(cls, value: str | None) -> str | None:
        # the citations give the first and the last page (RIS SP and EP, citation_firstpage)
        found = _PAGES.fullmatch(value) if value is not None else None
        if value is not None and (found is None or (
                found.group(2) and int(found.group(2)) < int(found.group(1)))):
            raise ValueError(f"the pages {value!r} are not the paper's first and last page: write "
                             "them as printed in numbers, `251–278` (or one page, `382`), or null "
                             "where they are not stated")
        return value

    @field_validator("date")
    @classmethod
    def _date_in_numbers_or_every_edition(
            cls, value: dict[str, str] | str | None) -> dict[str, str] | str | None:
        if isinstance(value, str) and not ISO_DATE.match(value):
            raise ValueError(f"the date {value!r} is not a Gregorian date in numbers: write it "
                             "as `2025-12` (year and month; the site writes it in each edition's "
                             "words), or, in words, in every edition: `{en: ..., tr: ..., fa: ..., "
                             "ar: ...}`")
        if isinstance(value, dict):
            _by_edition(value)
            missing = [code for code in EDITIONS if not (value.get(code) or "").strip()]
            if missing:
                raise ValueError(f"the date in words is missing in {', '.join(missing)}")
        return value

    @classmethod
    def empty(cls) -> Record:
        """A record stating nothing: what a paper whose record has mistakes is built with, so
        that the rest of its file is still checked (the mistakes stop the build)."""
        return cls.model_construct(
            title=Title(original=None, en=None), site_title=None, authors=None, journal=None,
            volume=None, issue=None, date=None, year=None, pages=None, doi=None, issn=None,
            received=None, accepted=None, keywords=None, note={})

    @property
    def display_title(self) -> tuple[str | None, str | None]:
        """(original, English) of the title a reader knows the paper by: its own, else the
        descriptive title the site supplies."""
        if self.title.original:
            return self.title.original, self.title.en or (self.site_title.en if self.site_title
                                                          else None)
        if self.site_title:
            return self.site_title.original, self.site_title.en
        return None, self.title.en

    @field_validator("note")
    @classmethod
    def _note_everywhere(cls, value: dict[str, str]) -> dict[str, str]:
        missing = [code for code in EDITIONS if not (value.get(code) or "").strip()]
        if missing:
            raise ValueError(f"the note is missing in {', '.join(missing)}")
        return value


_FIXES = {
    "missing": "write the field with its value, or `null` where the source does not state it",
    "extra_forbidden": "remove it, or check its spelling against another paper's record",
    "string_pattern_mismatch": "write the value as the standard form shows",
    "literal_error": "use one of the values the message lists",
}


def _line(raw: Any, loc: tuple[int | str, ...], default: int) -> int:
    """The line of the deepest mapping key on `loc` that the loaded YAML records."""
    line, node = default, raw
    for part in loc:
        if isinstance(node, dict):
            line = node.get("__lines__", {}).get(part, node.get("__line__", line))
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
            if isinstance(node, dict):
                line = node.get("__line__", line)
        else:
            break
    return line


def read_record(raw: dict[str, Any]) -> tuple[Record, list[tuple[int, str, str]]]:
    """The record of a loaded `record:` mapping, and (line, message, fix) for each mistake in
    it (with mistakes, an empty record)."""
    try:
        return Record.model_validate(strip_lines(raw)), []
    except ValidationError as err:
        out = []
        for error in err.errors():
            loc = tuple(part for part in error["loc"]
                        if not (isinstance(part, str) and ("[" in part or part in
                                                           ("str", "dict[str,str]"))))
            where = ".".join(str(part) for part in ("record", *loc))
            message = error["msg"].removeprefix("Value error, ")
            if error["type"] == "missing":
                message = "the record has no such field"
            fix = _FIXES.get(error["type"], "see the other papers' records for the form")
            out.append((_line(raw, loc, raw.get("__line__", 1)), f"`{where}`: {message}", fix))
        return Record.empty(), out
