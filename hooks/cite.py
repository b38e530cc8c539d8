"""Each paper's reference, one record in every format readers' tools import.

`reference(paper)` reads the paper's record once into a `Reference`; RIS (`ris`), CSL-JSON
(`csl_json`, what Zotero, Pandoc and citeproc read), the formatted reference of "How to cite"
(`reference_parts`, `reference_text`), the Highwire `citation_*` meta tags (`citation_meta`) and
BibTeX (`cite_files.bibtex`, which also writes the files) are written from it, so they say the
same thing:

* dates are Gregorian; a Solar Hijri year is given as the first Gregorian year it overlaps that is
  not before the paper was accepted (a paper is not published before it is accepted), and the
  year as printed is stated in a note; where no year is known there is no date field at all
  (styles print "n.d." themselves);
* the title is the original with the English rendering in brackets; a paper that states no title
  gets the editors' descriptive title in brackets, and a note says it is supplied;
* the journal is named as printed (in its own script); the English rendering of a journal name in
  another script is the site's, not the journal's, and is not given as if it were printed.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from calendar_sh import gregorian_equivalent, jalali_to_gregorian, parse_solar_hijri
from languages import english_name
from model import Paper
from record_model import Author, Record


@dataclass(frozen=True)
class Reference:
    """A paper's reference as stated by the source, in the terms every format shares."""

    key: str
    lang: str
    authors: list[tuple[str, str]]  #: (family, given)
    title_original: str | None
    title_en: str | None
    title_supplied: str | None  #: the editors' descriptive title where the source states none
    journal: str | None
    volume: str | None
    issue: str | None
    pages: tuple[str, str | None] | None
    year: int | None
    doi: str | None
    issn: str | None
    url: str
    keywords: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def title(self) -> str:
        """The title field: `original [English]`, or `[supplied title]`."""
        if self.title_original:
            return self.title_original + (f" [{self.title_en}]" if self.title_en else "")
        return f"[{self.title_supplied}]"

    @property
    def is_article(self) -> bool:
        return self.journal is not None


def _family_given(author: Author) -> tuple[str, str]:
    name = author.name.strip()
    family = author.family or name.split(" ")[-1]
    given = name[: len(name) - len(family)].strip() if name.endswith(family) else name
    return family, given


def _sh_date(value: Any) -> date | None:
    parsed = parse_solar_hijri(str(value or ""))
    if parsed is None or parsed[1] is None or parsed[2] is None:
        return None
    return jalali_to_gregorian(parsed[0], parsed[1], parsed[2])


def year_calendar(paper: Paper) -> str:
    """The calendar of the year the record gives: its own `year_calendar`, else the paper's."""
    return paper.record.year_calendar or paper.calendar


def gregorian_year(paper: Paper) -> int | None:
    """The Gregorian year of publication, or None where the source states no year.

    A Solar Hijri year overlaps two Gregorian years (1403 runs from March 2024 to March 2025):
    the first of them not before the paper's acceptance date, where that is stated."""
    rec = paper.record
    year = (rec.year or "").strip()
    if not year:
        return None
    if year_calendar(paper) != "solar-hijri":
        return int(year) if year.isdigit() else None
    parsed = parse_solar_hijri(year)
    if parsed is None:
        return None
    first = jalali_to_gregorian(parsed[0], 1, 1)
    accepted = _sh_date(rec.accepted)
    last = jalali_to_gregorian(parsed[0] + 1, 1, 1)
    if accepted is not None and first <= accepted < last:
        return accepted.year
    return first.year


def _notes(paper: Paper, supplied: bool) -> list[str]:
    rec = paper.record
    notes = []
    if rec.year and year_calendar(paper) == "solar-hijri":
        span = gregorian_equivalent(rec.year)
        notes.append(f"Dated {rec.year} SH (Solar Hijri; {span}) in the source")
    if supplied:
        notes.append("The source states no title; the title in brackets is supplied by the "
                     "editors of the reader")
    return notes


def _journal(rec: Record) -> str | None:
    if rec.journal is None:
        return None
    original, english = rec.journal.original, rec.journal.en
    if original and english and original.casefold() == english.casefold():
        return str(english)  # the same name, printed in capitals: written in title case
    return str(original or english) if (original or english) else None


def _pages(rec: Record) -> tuple[str, str | None] | None:
    pages = (rec.pages or "").strip()
    if not pages:
        return None
    match = re.fullmatch(r"(\d+)\s*[–\-]+\s*(\d+)", pages)
    return (match.group(1), match.group(2)) if match else (pages, None)


def reference(paper: Paper, site_url: str = "", page_url: str = "") -> Reference:
    """The paper's reference; `page_url` (site-relative) is its page on the site."""
    rec = paper.record
    title = rec.title
    supplied = None if title.original else (rec.site_title.en if rec.site_title else paper.key)
    url = f"{site_url.rstrip('/')}/{page_url or f'papers/{paper.key}/'}" if site_url else ""
    return Reference(
        key=paper.key, lang=paper.lang,
        authors=[_family_given(a) for a in rec.authors or []],
        title_original=title.original or None, title_en=title.en or None,
        title_supplied=supplied, journal=_journal(rec),
        volume=rec.volume or None, issue=rec.issue or None,
        pages=_pages(rec), year=gregorian_year(paper),
        doi=rec.doi or None, issn=rec.issn or None, url=url,
        keywords=list(rec.keywords.original if rec.keywords else []),
        notes=_notes(paper, supplied is not None))


# --- the formatted reference ------------------------------------------------------------------

def name_runs(names: list[str], comma: str, and_: str,
              lang: str | None = None) -> list[tuple[str, str | None]]:
    """The authors' names in a reference as runs, each name in `lang`, the last two joined by
    `and_` ("A, B, & C")."""
    runs: list[tuple[str, str | None]] = []
    for i, name in enumerate(names):
        if i:
            runs.append((and_ if i == len(names) - 1 else comma, None))
        runs.append((name, lang))
    return runs


def join_names(names: list[str], comma: str, and_: str) -> str:
    """The authors' names in a reference as text (`name_runs`)."""
    return "".join(text for text, _ in name_runs(names, comma, and_))


def page_span(pages: tuple[str, str | None] | None) -> str:
    """"251–278", or the one page; "" where no page is known."""
    return "–".join(page for page in pages if page) if pages else ""


def reference_parts(paper: Paper, site_url: str = "") -> list[tuple[str, str | None]]:
    """The formatted reference "How to cite" shows (author–date, APA's order), as runs of text
    with the language of those in the paper's own language (its title, its journal's name)."""
    ref = reference(paper, site_url)
    names = [f"{family}, {' '.join(f'{p[0]}.' for p in given.split() if p)}".strip(", ")
             for family, given in ref.authors]
    who = join_names(names, ", ", ", & ")
    year = str(ref.year) if ref.year else "n.d."
    if ref.title_original:
        title: list[tuple[str, str | None]] = [(ref.title_original, ref.lang)]
        title += [(f" [{ref.title_en}]", None)] if ref.title_en else []
    else:
        title = [(ref.title, None)]
    parts = ([(f"{who} ({year}). ", None), *title, (". ", None)] if who
             else [*title, (f". ({year}). ", None)])
    if ref.journal:
        own = paper.record.journal is not None and ref.journal == paper.record.journal.original
        issue = f"({ref.issue})" if ref.issue else ""
        volume = f", {ref.volume}{issue}" if ref.volume else ""
        pages = f", {page_span(ref.pages)}" if ref.pages else ""
        parts += [(ref.journal, ref.lang if own else None), (f"{volume}{pages}. ", None)]
    if ref.doi:
        parts.append((f"https://doi.org/{ref.doi} ", None))
    parts.append((f"(In {english_name(ref.lang)}.)", None))
    return parts


def reference_text(paper: Paper, site_url: str = "") -> str:
    """The formatted reference "How to cite" shows, as plain text."""
    return "".join(text for text, _ in reference_parts(paper, site_url))


# --- CSL-JSON ---------------------------------------------------------------------------------

def csl_item(paper: Paper, site_url: str = "") -> dict[str, Any]:
    """The paper as a CSL-JSON item (CSL 1.0.2 variables)."""
    ref = reference(paper, site_url)
    item: dict[str, Any] = {"id": ref.key, "citation-key": ref.key,
                            "type": "article-journal" if ref.is_article else "document",
                            "title": ref.title, "language": ref.lang}
    if ref.authors:
        item["author"] = [{"family": f, "given": g} for f, g in ref.authors]
    optional = {"container-title": ref.journal, "volume": ref.volume, "issue": ref.issue,
                "page": "-".join(p for p in ref.pages if p) if ref.pages else None,
                "DOI": ref.doi, "ISSN": ref.issn, "URL": ref.url or None,
                "keyword": ", ".join(ref.keywords) or None, "note": ". ".join(ref.notes) or None}
    item.update({k: v for k, v in optional.items() if v})
    if ref.year:
        item["issued"] = {"date-parts": [[ref.year]]}
    return item


def csl_json(paper: Paper, site_url: str = "") -> str:
    return json.dumps([csl_item(paper, site_url)], ensure_ascii=False, indent=1) + "\n"


# --- RIS --------------------------------------------------------------------------------------

def ris(paper: Paper, site_url: str = "") -> str:
    """The paper as an RIS record (CRLF line ends, as the format's readers expect)."""
    ref = reference(paper, site_url)
    lines = [("TY", "JOUR" if ref.is_article else "GEN")]
    lines += [("AU", f"{family}, {given}") for family, given in ref.authors]
    lines.append(("TI", ref.title))
    for tag, value in (("T2", ref.journal), ("VL", ref.volume), ("IS", ref.issue),
                       ("SP", ref.pages[0] if ref.pages else None),
                       ("EP", ref.pages[1] if ref.pages else None),
                       ("PY", str(ref.year) if ref.year else None), ("DO", ref.doi),
                       ("SN", ref.issn), ("UR", ref.url or None)):
        if value:
            lines.append((tag, value))
    lines.append(("LA", english_name(ref.lang)))
    lines += [("KW", kw) for kw in ref.keywords]
    lines += [("N1", note) for note in ref.notes]
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {value}\r\n" for tag, value in lines)


# --- meta tags ----------------------------------------------------------------------

def citation_meta(paper: Paper, site_url: str = "") -> list[tuple[str, str]]:
    """Highwire `<meta name="citation_…">` pairs: only the fields the source states, dates in
    Gregorian, a supplied title in brackets."""
    ref = reference(paper, site_url)
    meta = [("citation_title", ref.title_original or f"[{ref.title_supplied}]")]
    meta += [("citation_author", f"{family}, {given}") for family, given in ref.authors]
    for name, value in (("citation_journal_title", ref.journal), ("citation_volume", ref.volume),
                        ("citation_issue", ref.issue),
                        ("citation_firstpage", ref.pages[0] if ref.pages else None),
                        ("citation_lastpage", ref.pages[1] if ref.pages else None),
                        ("citation_publication_date", str(ref.year) if ref.year else None),
                        ("citation_doi", ref.doi), ("citation_issn", ref.issn)):
        if value:
            meta.append((name, value))
    meta.append(("citation_language", ref.lang))
    if ref.keywords:
        meta.append(("citation_keywords", "; ".join(ref.keywords)))
    return meta
