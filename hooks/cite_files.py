"""BibTeX entries of the papers' references, and the citation files of the built site.

`bibtex` writes `cite.reference(paper)` for BibTeX's `plain.bst`, pybtex and biber. It protects
with braces every word of a title whose capitals a style must not change: in a Turkish original,
every capitalised word (so that `İ` survives); in the English rendering, the proper nouns
(`proper_nouns`: the names of the people, organisations and places, and the capitalised words of
the site's sentence-case titles). `write_citations` writes `cite/<key>.bib`, `.ris` and `.json`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from cite import Reference, csl_json, reference, ris
from languages import english_name
from model import Paper

#: the characters BibTeX and LaTeX read as syntax, written as the characters themselves; a brace
#: as a command, since BibTeX counts even an escaped brace when it matches braces
_TEX = str.maketrans({"\\": r"\textbackslash{}", "{": r"\textbraceleft{}",
                      "}": r"\textbraceright{}", "~": r"\textasciitilde{}",
                      "^": r"\textasciicircum{}", **{c: "\\" + c for c in "&%$#_"}})
_WORD = re.compile(r"[^\s\[\]]+")


def _tex(text: str) -> str:
    return text.translate(_TEX)


def protect(text: str, nouns: Iterable[str] = (), every_capital: bool = False) -> str:
    """`text` for a BibTeX title: the proper nouns in `nouns`, or with `every_capital` every
    word with a capital letter, in braces, so that no style changes their case."""
    text = _tex(text)
    if every_capital:
        return _WORD.sub(lambda m: f"{{{m.group(0)}}}" if any(c.isupper() for c in m.group(0))
                         else m.group(0), text)
    names = sorted({_tex(n) for n in nouns if n and n[0].isupper()}, key=len, reverse=True)
    if not names:
        return text
    pattern = re.compile(r"(?<![\w{])(" + "|".join(map(re.escape, names)) + r")(?!\w)")
    text = pattern.sub(r"{\1}", text)
    # a state's official name: "the {Islamic Republic of Iran}", not "the islamic republic of"
    return re.sub(r"((?:Islamic )?Republic of ){([^}]+)}", r"{\1\2}", text)


def _sort_word(ref: Reference) -> str:
    """The first word of the title that is not an article: what an author-less entry sorts by."""
    words = [w for w in (ref.title_original or ref.title_supplied or ref.key).split()
             if w.casefold() not in ("the", "a", "an")]
    return words[0].strip(":,.") if words else ref.key


def proper_nouns(names: Iterable[str], sentence_case: Iterable[str]) -> list[str]:
    """The proper nouns to protect: `names` (of people, organisations and places) and the parts
    of hyphenated ones ("Nagorno-Karabakh"), and every capitalised word but the first of texts
    written in sentence case (the site's own short titles), with a possessive 's dropped."""
    out = set()
    for name in names:
        out.add(name)
        out.update(part for part in re.split(r"[-–]", name) if " " not in part)
    for text in sentence_case:
        words = re.findall(r"[^\W\d_][\w’']*", text)[1:]
        out.update(re.sub(r"['’]s$", "", w) for w in words if w[:1].isupper())
    return sorted(n for n in out if n[:1].isupper())


def _bracketed(text: str, nouns: list[str]) -> str:
    """An English title in brackets: its proper nouns and its first word protected (a style
    keeps the first letter of a title, and here that is the bracket)."""
    protected = protect(text, nouns)
    if not protected.startswith("{"):
        protected = re.sub(r"^(\S+)", r"{\1}", protected)
    return f"[{protected}]"


def _bib_title(ref: Reference, nouns: Iterable[str]) -> str:
    nouns = list(nouns)
    if ref.title_original:
        title = protect(ref.title_original, every_capital=True)
        return title + (f" {_bracketed(ref.title_en, nouns)}" if ref.title_en else "")
    return _bracketed(ref.title_supplied or ref.key, nouns)


def bibtex(paper: Paper, site_url: str = "", nouns: Iterable[str] = ()) -> str:
    """The paper as a BibTeX entry that BibTeX's `plain.bst`, pybtex and biber read.

    An entry with no author is a `@misc` with a `key` (plain.bst sorts and labels by it, and its
    `@article` requires an author); the journal is then named in `howpublished`."""
    ref = reference(paper, site_url)
    fields: list[tuple[str, str]] = []
    if ref.authors:
        fields.append(("author", " and ".join(f"{_tex(f)}, {_tex(g)}" for f, g in ref.authors)))
    else:
        fields.append(("key", _tex(_sort_word(ref))))
    fields.append(("title", _bib_title(ref, nouns)))
    article = ref.is_article and bool(ref.authors)
    if ref.journal and article:
        fields.append(("journal", f"{{{_tex(ref.journal)}}}"))
    elif ref.journal:
        issue = f"({ref.issue})" if ref.issue else ""
        fields.append(("howpublished", f"{{{_tex(ref.journal)}}}"
                                       + (f", {ref.volume}{issue}" if ref.volume else "")))
    if article:
        fields += [(k, v) for k, v in (("volume", ref.volume), ("number", ref.issue)) if v]
    if ref.pages and article:
        fields.append(("pages", "--".join(p for p in ref.pages if p)))
    if ref.year:
        fields.append(("year", str(ref.year)))
    # biblatex reads a DOI verbatim (the record's pattern keeps braces and backslashes out of it)
    fields += [(k, v) for k, v in (("doi", ref.doi), ("issn", ref.issn if article else None)) if v]
    if ref.url:
        fields.append(("url", ref.url))
    fields.append(("language", english_name(ref.lang).lower()))
    if ref.keywords:
        fields.append(("keywords", _tex(", ".join(ref.keywords))))
    if ref.notes:
        fields.append(("note", _tex(". ".join(ref.notes)).replace("–", "--")))
    body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields)
    return f"@{'article' if article else 'misc'}{{{ref.key},\n{body}\n}}\n"



def write_citations(site: Path, papers: Iterable[Paper], site_url: str,
                    nouns: Iterable[str] = ()) -> None:
    """`cite/<key>.bib`, `.ris` and `.json` (CSL-JSON) at the root of the built site."""
    folder = site / "cite"
    folder.mkdir(parents=True, exist_ok=True)
    nouns = list(nouns)
    for paper in papers:
        (folder / f"{paper.key}.bib").write_text(bibtex(paper, site_url, nouns), encoding="utf-8")
        (folder / f"{paper.key}.ris").write_text(ris(paper, site_url), encoding="utf-8",
                                                 newline="")
        (folder / f"{paper.key}.json").write_text(csl_json(paper, site_url), encoding="utf-8")
