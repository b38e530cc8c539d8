"""A paper's reference as a reference list in the reader's language writes it.

"How to cite" gives every paper's reference in English (APA, `cite.reference_parts`), the form
the download files carry. In the Turkish, Persian and Arabic editions it also gives the reference
as a reader of that edition cites it, in the edition's language (`edition_reference`):

* in the edition of the paper's own language: the authors' names as the paper prints them, the
  title as printed (no rendering), the year as printed, in the edition's digits
  (`calendar_sh.digits`), and that language's words for "no date", volume, issue and pages;
* in another edition that writes the paper's script (an Arabic paper in the Persian edition, a
  Persian one in the Arabic edition), and in the Turkish edition, which writes any paper's
  reference in Latin letters: the names as that edition's list writes them (printed, or in Latin
  letters), the title as printed with the edition's rendering of it in brackets (the title of the
  paper's page in that edition; a title the editors supplied is given in the edition's language
  alone), the Gregorian year of the English reference, the journal's name as printed, the
  edition's words and digits, and the paper's language (`reference_language` in `ui.yml`);
* a Persian or Arabic list gives a paper in the Latin script (a Turkish one) in its own script,
  in the list's part for such works, as the English reference does: it has no other form there.

The words of each list:

* Turkish: APA's order and punctuation, "ve" between the last two authors, "t.y." for no date;
* Persian: family name, given name in full; «title»; دورۀ, شمارۀ, صص; "بی‌تا" for no date;
* Arabic: the same order; المجلد, العدد, ص ص; "د.ت." for no date.

An author's family name in the original script is `family_original` in the record where given,
else as many last words of the printed name as the Latin family name has.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from calendar_sh import digits
from cite import name_runs, page_span, reference
from collation import sort_key
from languages import LANGUAGES
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


#: a run of a reference: its text, and the language of the run where it is printed in another
#: language than the reference's (a Persian title in a Turkish reference)
Part = tuple[str, str | None]


def writes_reference(edition: str, paper_lang: str) -> bool:
    """Whether a reference list in the edition's language writes the paper's reference in its
    own form (see the module's text): the English edition and a Latin-script paper in a Persian
    or Arabic edition have the English reference alone."""
    if edition not in CONVENTIONS:
        return False
    script = LANGUAGES[edition].script
    return edition == paper_lang or script in ("Latn", LANGUAGES[paper_lang].script)


def edition_reference(paper: Paper, edition: str, ui: dict[str, str],
                      title: str) -> list[Part] | None:
    """The paper's reference as a list in the edition's language writes it, as runs of text;
    None where it has no form of its own there (`writes_reference`). `ui` is the edition's
    interface strings; `title` the paper's title in the edition (its page's heading)."""
    if not writes_reference(edition, paper.lang):
        return None
    rules, rec, ref = CONVENTIONS[edition], paper.record, reference(paper)
    own = edition == paper.lang
    printed = None if own else paper.lang  # the language of what is given as the paper prints it
    # the names: as printed where the list writes the paper's script, else in Latin letters
    names_lang = printed if LANGUAGES[edition].script != "Latn" else None
    who = name_runs([_name(a, rules) for a in rec.authors or []], rules.comma, rules.and_,
                    names_lang)
    year = (rec.year or "").strip() if own else str(ref.year or "")
    when = digits(year, edition) if year else rules.no_date
    if rec.title.original:
        rendering = "" if own else f" [{title}]"
        titled: list[Part] = [(rules.quotes[0], None), (rec.title.original, printed),
                              (rules.quotes[1] + rendering, None)]
    else:  # the editors' title: in the paper's language in its edition, else in the edition's
        supplied = (rec.site_title.original if rec.site_title else None) if own else title
        titled = [(f"[{supplied or ref.title_supplied}]", None)]
    parts: list[Part] = ([*who, (f" ({when}). ", None), *titled, (".", None)]
                         if who else [*titled, (f". ({when}).", None)])
    if ref.journal:
        journal_printed = rec.journal is not None and ref.journal == rec.journal.original
        parts += [(" ", None), (ref.journal, printed if journal_printed else None),
                  (_numbers(ref.volume, ref.issue, ref.pages, rules, edition), None)]
    if ref.doi:
        parts.append((f" https://doi.org/{ref.doi}", None))
    if not own:
        language = ui[f"lang_{paper.lang}"]
        parts.append((" " + ui["reference_language"].replace("{language}", language), None))
    return [(text, lang) for text, lang in parts if text]


def _numbers(volume: str | None, issue: str | None, pages: tuple[str, str | None] | None,
             rules: Conventions, lang: str) -> str:
    span = page_span(pages)
    if not rules.volume:  # APA: ", 17(2), 251–278."
        numbers = f"{volume}({issue})" if volume and issue else volume or ""
        return "".join(f", {part}" for part in (numbers, span) if part) + "."
    parts = [f"{rules.volume}{volume}" if volume else "", f"{rules.issue}{issue}" if issue else "",
             f"{rules.pages}{span}" if span else ""]
    return digits("".join(f"{rules.comma}{part}" for part in parts if part) + ".", lang)


_TAG = re.compile(r"<[^>]+>")


def list_order(reference: str, lang: str) -> bytes:
    """Where a formatted reference (HTML) in `lang` stands in an alphabetical reference list: in
    the alphabetical order of its language (`collation.sort_key`), from its first significant
    word, as such lists sort works."""
    return sort_key(html.unescape(_TAG.sub("", reference)), lang)
