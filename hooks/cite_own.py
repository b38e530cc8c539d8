"""A paper's reference as a reference list in its own language writes it.

"How to cite" gives every paper's reference in English (APA, `cite.reference_parts`), the form
the download files carry. In the edition of the paper's own language it also gives the reference
as a reader of that edition cites it in that language: the authors' names as the paper prints
them, the title as printed (no English rendering), the year as printed, in the edition's digits
(`calendar_sh.digits`), and that language's words for "no date", volume, issue and pages.

* Turkish: APA's order and punctuation, "ve" between the last two authors, "t.y." for no date;
* Persian: family name, given name in full; «title»; دورۀ, شمارۀ, صص; "بی‌تا" for no date;
* Arabic: the same order; المجلد, العدد, ص ص; "د.ت." for no date.

An author's family name in the original script is `family_original` in the record where given,
else as many last words of the printed name as the Latin family name has.
"""

from __future__ import annotations

from dataclasses import dataclass

from calendar_sh import digits
from cite import join_names, page_span, reference
from model import Paper
from record_model import Author


@dataclass(frozen=True)
class Conventions:
    """How a reference list in one language writes a reference."""

    and_: str  #: between the last two authors
    no_date: str
    comma: str
    full_given: bool  #: given names in full; else APA's initials
    quotes: tuple[str, str] = ("", "")  #: around an article's title
    volume: str = ""  #: the word before the volume, the issue and the pages; none: APA's 17(2)
    issue: str = ""
    pages: str = ""


CONVENTIONS: dict[str, Conventions] = {
    "tr": Conventions(and_=" ve ", no_date="t.y.", comma=", ", full_given=False),
    "fa": Conventions(and_=" و ", no_date="بی‌تا", comma="، ", full_given=True,
                      quotes=("«", "»"), volume="دورۀ ", issue="شمارۀ ", pages="صص "),
    "ar": Conventions(and_=" و", no_date="د.ت.", comma="، ", full_given=True,
                      quotes=("«", "»"), volume="المجلد ", issue="العدد ", pages="ص ص "),
}


def _name(author: Author, rules: Conventions) -> str:
    """'Family, G.' (APA) or 'Family، Given' (Persian, Arabic), in the script the paper prints."""
    latin_family = author.family or author.name.split()[-1]
    if not rules.full_given:
        parts = author.name[: len(author.name) - len(latin_family)].split()
        initials = " ".join(f"{part[0]}." for part in parts)
        return f"{latin_family}{rules.comma}{initials}" if initials else latin_family
    printed = " ".join((author.original or author.name).split())
    family = author.family_original or " ".join(printed.split()[-len(latin_family.split()):])
    given = printed.removesuffix(family).strip() if printed.endswith(family) else ""
    return f"{family}{rules.comma}{given}" if given else family


def own_reference(paper: Paper, edition: str) -> str | None:
    """The reference in the paper's own language, given in that language's edition only; None
    in the other editions and for a language without conventions."""
    rules = CONVENTIONS.get(paper.lang)
    if rules is None or edition != paper.lang:
        return None
    rec, ref = paper.record, reference(paper)
    names = [_name(a, rules) for a in rec.authors or []]
    who = join_names(names, rules.comma, rules.and_)
    printed = (rec.year or "").strip()
    year = digits(printed, paper.lang) if printed else rules.no_date
    if rec.title.original:
        title = f"{rules.quotes[0]}{rec.title.original}{rules.quotes[1]}"
    else:
        supplied = rec.site_title.original if rec.site_title else None
        title = f"[{supplied or ref.title_supplied}]"
    out = f"{who} ({year}). {title}." if who else f"{title}. ({year})."
    if ref.journal:
        out += " " + ref.journal + _numbers(ref.volume, ref.issue, ref.pages, rules, paper.lang)
    if ref.doi:
        out += f" https://doi.org/{ref.doi}"
    return out


def _numbers(volume: str | None, issue: str | None, pages: tuple[str, str | None] | None,
             rules: Conventions, lang: str) -> str:
    span = page_span(pages)
    if not rules.volume:  # APA: ", 17(2), 251–278."
        numbers = f"{volume}({issue})" if volume and issue else volume or ""
        return "".join(f", {part}" for part in (numbers, span) if part) + "."
    parts = [f"{rules.volume}{volume}" if volume else "", f"{rules.issue}{issue}" if issue else "",
             f"{rules.pages}{span}" if span else ""]
    return digits("".join(f"{rules.comma}{part}" for part in parts if part) + ".", lang)
