"""HTML for excerpts, bibliographic records and citations.

Pure functions of the content model: no MkDocs here. The HTML contract (README, "HTML contract")
is defined by `excerpt_html`: one element with `id` and `data-excerpt` = the excerpt id, holding
one `data-role="original"` element (with `lang` and `dir`) and one `data-role="translation"`
element (`lang="en"`, `dir="ltr"`).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import markdown
from calendar_sh import digits, gregorian_equivalent, solar_hijri_long
from content import Corpus, Excerpt, Note, Paper
from languages import direction, english_name
from reader_syntax import ReaderSyntax
from templates import Markup, render

Href = Callable[[str], str]
_NOTE_EXTENSIONS = ["abbr", "attr_list", "pymdownx.tilde"]


def esc(text: Any) -> str:
    return html.escape(str(text), quote=True)


_EMPHASIS = re.compile(r"(?<![\w*])\*([^*\n]+?)\*(?![\w*])")


def paragraphs(text: str, emphasis: bool = False) -> str:
    """Plain text with blank-line paragraphs, as escaped <p> elements on one line each.

    With `emphasis`, `*words*` (a book title in a translation, say) is set in italics.
    """
    parts = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    out = []
    for part in parts:
        html_part = esc(part)
        if emphasis:
            html_part = _EMPHASIS.sub(r"<em>\1</em>", html_part)
        out.append(f"<p>{html_part}</p>")
    return "".join(out)


def plain_text(text: str, emphasis: bool = False) -> str:
    """The text as plain paragraphs; with `emphasis`, without its `*emphasis*` marks."""
    parts = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    return "\n\n".join(_EMPHASIS.sub(r"\1", p) if emphasis else p for p in parts)


@dataclass
class _NoteContext:
    """The short syntax inside an editor's note: links only (a note embeds nothing)."""

    corpus: Corpus
    href: Href

    edition: str

    def link(self, excerpt_id: str) -> tuple[str, str, str]:
        excerpt = self.corpus.resolve(excerpt_id)
        assert excerpt is not None, excerpt_id  # validated with the content
        return self.href(excerpt.id), self.corpus.label(excerpt, self.edition), direction(self.edition)

    def embed(self, excerpt_id: str) -> str:
        href, label, text_dir = self.link(excerpt_id)
        return f'<p><a class="excerpt-ref" dir="{text_dir}" href="{esc(href)}">{esc(label)}</a></p>'

    def block(self, name: str) -> str:
        return f"<p>::: {esc(name)}</p>"


_note_syntax = ReaderSyntax()
_note_markdown = markdown.Markdown(extensions=[*_NOTE_EXTENSIONS, _note_syntax])


def note_markdown(text: str, corpus: Corpus, href: Href, edition: str = "en") -> str:
    """A note's Markdown as HTML, its `[[id]]` links resolved with `href`."""
    _note_syntax.context = _NoteContext(corpus, href, edition)
    try:
        return _note_markdown.reset().convert(text)
    finally:
        _note_syntax.context = None


def note_html(note: Note, corpus: Corpus, href: Href, ui: dict[str, str]) -> str:
    edition = ui.get("_edition", "en")
    lang, text = note.text_in(edition)
    body = note_markdown(text, corpus, href, edition)
    body = re.sub(r"<a href=\"(https?://[^\"]+)\"",
                  r'<a class="external" rel="noopener" href="\1"', body)
    return render("note.html", note=note, ui=ui, edition=edition, lang=lang, dir=direction(lang),
                  label=ui.get(f"note_{note.type}", note.type),
                  body=Markup(body.replace("\n", " ")))


@dataclass(frozen=True)
class Forge:
    """Where contributors edit files and report problems (from `repo_url` in mkdocs.yml)."""

    repo_url: str

    def edit(self, file: str) -> str:
        return f"{self.repo_url.rstrip('/')}/edit/main/{file}"

    def line(self, file: str, line: int) -> str:
        return f"{self.repo_url.rstrip('/')}/blob/main/{file}#L{line}"

    def report(self, excerpt: Excerpt, url: str) -> str:
        title = f"Translation problem in excerpt {excerpt.id}"
        body = (f"Excerpt: {excerpt.id}\nPage: {url}\nFile: {excerpt.file}, line {excerpt.line}\n\n"
                "What is wrong (original, translation or note), and what it should say:\n")
        return (f"{self.repo_url.rstrip('/')}/issues/new?title={quote(title)}&body={quote(body)}"
                "&labels=translation")


def excerpt_html(corpus: Corpus, excerpt: Excerpt, ui: dict[str, str], href: Href,
                 cited_on: list[tuple[str, str]], embedded: bool = False,
                 paper_href: str = "", forge: Forge | None = None, page_url: str = "",
                 term_names: dict[str, str] | None = None) -> str:
    """The excerpt as one HTML block (template `excerpt.html`, the HTML contract)."""
    paper = corpus.papers[excerpt.paper]
    edition = ui.get("_edition", "en")
    names = term_names or {}
    return render(
        "excerpt.html", e=excerpt, ui=ui, edition=edition, edition_dir=direction(edition),
        label=corpus.label(excerpt, edition), embedded=embedded, paper_href=paper_href,
        paper_title=paper.short_title(edition),
        original=Markup(paragraphs(excerpt.original)),
        translation=Markup(paragraphs(excerpt.translation, True)),
        notes=[Markup(note_html(n, corpus, href, ui)) for n in excerpt.notes],
        terms=[(t, names.get(t, t)) for t in excerpt.terms],
        cited_on=cited_on, page_url=page_url, forge=forge)


def view_control_html(ui: dict[str, str]) -> str:
    """The reader's switch between original, translation and both (reader.js drives it)."""
    return render("view-control.html", ui=ui)


# --- bibliographic record -------------------------------------------------------------------

def _not_stated(ui: dict[str, str]) -> str:
    return f'<span class="record__missing">{esc(ui["not_stated"])}</span>'


def _orig(text: str, paper: Paper) -> str:
    return f'<span lang="{paper.lang}" dir="{paper.dir}">{esc(text)}</span>'


def _in_edition(value: Any, paper: Paper, edition: str, original: Any = None) -> tuple[str, str]:
    """(language, text) of a record value that may be written per edition: a mapping
    `{en: ..., fa: ...}` gives the edition's own text, else English; a plain string is English,
    or `original` where the edition is the paper's own language."""
    if isinstance(value, dict) and value.get(edition):
        return edition, str(value[edition])
    if edition == paper.lang and original:
        return paper.lang, str(original)
    if isinstance(value, dict):
        return "en", str(value.get("en") or "")
    return "en", str(value or "")


def _date(value: Any, paper: Paper, ui: dict[str, str], calendar: str | None = None) -> str:
    if value in (None, ""):
        return _not_stated(ui)
    edition = ui.get("_edition", "en")
    lang, text = _in_edition(value, paper, edition)
    if (calendar or paper.calendar) == "solar-hijri" and not isinstance(value, dict):
        gregorian = gregorian_equivalent(text, edition)
        if gregorian:
            shown = solar_hijri_long(text) if edition == "fa" else None
            written = (f'<span lang="fa" dir="rtl">{esc(shown)}</span>' if shown else
                       f'<bdi dir="ltr">{esc(digits(text, edition))}</bdi> '
                       f'{esc(ui["solar_hijri_abbr"])}')
            return (f'{written} <span class="record__gregorian" lang="{edition}" '
                    f'dir="{direction(edition)}">(= {esc(gregorian)})</span>')
    return f'<span lang="{lang}" dir="{direction(lang)}">{esc(text)}</span>'


def record_rows(paper: Paper, ui: dict[str, str]) -> list[tuple[str, str]]:
    """(label, value HTML) for every field of the record; unstated fields say so."""
    rec = paper.record
    edition = ui.get("_edition", "en")
    title = rec.get("title") or {}
    site_title = rec.get("site_title") or {}
    rows: list[tuple[str, str]] = []
    if title.get("original"):
        rows.append((ui["title_original"], _orig(title["original"], paper)))
    else:
        rows.append((ui["title_original"], _not_stated(ui)))
    if title.get("en"):
        by = ui["authors_own"] if title.get("en_by") == "authors" else ui["site_own"]
        rows.append((ui["title_en"], f'{esc(title["en"])} <span class="record__by">({esc(by)})</span>'))
    elif site_title.get("en"):
        rows.append((ui["title_en"], f'{esc(site_title["en"])} <span class="record__by">'
                                     f'({esc(ui["site_title"])})</span>'))
    else:
        rows.append((ui["title_en"], _not_stated(ui)))
    authors = rec.get("authors") or []
    if authors:
        items = []
        for a in authors:
            line = esc(a.get("name", ""))
            if a.get("original") and a.get("original") != a.get("name"):
                line += f" ({_orig(a['original'], paper)})"
            role = _in_edition(a.get("role"), paper, edition, a.get("role_original"))
            affiliation = _in_edition(a.get("affiliation"), paper, edition,
                                      a.get("affiliation_original"))
            for lang, detail in (role, affiliation):
                if detail:
                    line += (f'<br><span class="record__affiliation" lang="{lang}" '
                             f'dir="{direction(lang)}">{esc(detail)}</span>')
            if a.get("corresponding"):
                line += f' <span class="record__by">({esc(ui["corresponding"])})</span>'
            items.append(f"<li>{line}</li>")
        rows.append((ui["authors"], f'<ul class="record__authors">{"".join(items)}</ul>'))
    else:
        rows.append((ui["authors"], _not_stated(ui)))
    journal = rec.get("journal") or {}
    if journal:
        parts = []
        if journal.get("original"):
            parts.append(_orig(journal["original"], paper) if journal["original"] != journal.get("en")
                         else esc(journal["original"]))
        if journal.get("en") and journal.get("en") != journal.get("original"):
            parts.append(f"<em>{esc(journal['en'])}</em>")
        rows.append((ui["journal"], " · ".join(parts)))
    else:
        rows.append((ui["journal"], _not_stated(ui)))
    for key in ("volume", "issue"):
        value = rec.get(key)
        rows.append((ui[key], esc(digits(str(value), edition)) if value not in (None, "")
                     else _not_stated(ui)))
    rows.append((ui["date"], _date(rec.get("date"), paper, ui, "gregorian")))
    rows.append((ui["year"], _date(rec.get("year"), paper, ui, rec.get("year_calendar"))))
    for key in ("pages", "doi", "issn"):
        value = rec.get(key)
        if value in (None, ""):
            rows.append((ui[key], _not_stated(ui)))
        elif key == "doi":
            rows.append((ui[key], f'<a class="external" rel="noopener" '
                                  f'href="https://doi.org/{esc(value)}">{esc(value)}</a>'))
        elif key == "pages":
            rows.append((ui[key], f'<bdi dir="ltr">{esc(digits(str(value), edition))}</bdi>'))
        else:
            rows.append((ui[key], f'<bdi dir="ltr">{esc(value)}</bdi>'))
    rows.append((ui["received"], _date(rec.get("received"), paper, ui)))
    rows.append((ui["accepted"], _date(rec.get("accepted"), paper, ui)))
    keywords = rec.get("keywords") or {}
    if keywords.get("original"):
        rows.append((ui["keywords_original"],
                     _orig("، ".join(keywords["original"]) if paper.dir == "rtl"
                           else ", ".join(keywords["original"]), paper)))
    else:
        rows.append((ui["keywords_original"], _not_stated(ui)))
    if keywords.get("en"):
        by = ui["authors_own"] if keywords.get("en_by") == "authors" else ui["site_own"]
        rows.append((ui["keywords_en"], f'{esc(", ".join(keywords["en"]))} '
                                        f'<span class="record__by">({esc(by)})</span>'))
    else:
        rows.append((ui["keywords_en"], _not_stated(ui)))
    if rec.get("note"):
        notes = rec["note"] if isinstance(rec["note"], dict) else {"en": rec["note"]}
        lang = edition if notes.get(edition) else "en"
        body = markdown.markdown(str(notes[lang])).replace("\n", " ")
        rows.append((ui["record_note"], f'<div lang="{lang}" dir="{direction(lang)}">'
                                        f"{body}</div>"))
    return rows


def record_html(paper: Paper, ui: dict[str, str], cite_links: dict[str, str]) -> str:
    """The record and how to cite it (template `record.html`): the stated fields at a glance,
    the unstated ones named in one line, and the full record with its note in a <details>."""
    rows = [(label, Markup(value)) for label, value in record_rows(paper, ui)]
    missing_mark = 'class="record__missing"'
    stated = [(label, value) for label, value in rows
              if missing_mark not in value and label != ui["record_note"]]
    missing = [label for label, value in rows if missing_mark in value]
    return render("record.html", paper=paper, ui=ui, links=cite_links, rows=rows, stated=stated,
                  missing=missing, reference=reference_text(paper),
                  separator="، " if direction(ui.get("_edition", "en")) == "rtl" else ", ")


# --- citations ------------------------------------------------------------------------------

def _family_given(author: dict[str, Any]) -> tuple[str, str]:
    name = str(author.get("name", "")).strip()
    family = str(author.get("family") or name.split(" ")[-1])
    given = name[: len(name) - len(family)].strip() if name.endswith(family) else name
    return family, given


def year_label(paper: Paper) -> str:
    year = paper.record.get("year")
    if not year:
        return "n.d."
    calendar = paper.record.get("year_calendar") or paper.calendar
    if calendar == "solar-hijri":
        gregorian = gregorian_equivalent(str(year))
        return f"{year} SH [{gregorian}]" if gregorian else str(year)
    return str(year)


def reference_text(paper: Paper) -> str:
    """A formatted reference (author–date style), plain text."""
    rec = paper.record
    authors = rec.get("authors") or []
    names = []
    for a in authors:
        family, given = _family_given(a)
        initials = " ".join(f"{p[0]}." for p in given.split() if p)
        names.append(f"{family}, {initials}".strip(", "))
    title = rec.get("title") or {}
    site_title = rec.get("site_title") or {}
    if title.get("original"):
        shown = title["original"] + (f" [{title['en']}]" if title.get("en") else "")
    else:
        shown = f"[{site_title.get('en') or paper.key}]"
    who = (", ".join(names[:-1]) + " & " + names[-1]) if len(names) > 1 else (names[0] if names else "")
    parts = [f"{who} ({year_label(paper)})." if who else f"{shown} ({year_label(paper)})."]
    if who:
        parts.append(f"{shown}.")
    journal = rec.get("journal") or {}
    if journal:
        j = journal.get("en") or journal.get("original")
        if journal.get("original") and journal.get("en") and journal["original"] != journal["en"]:
            j = f"{journal['original']} [{journal['en']}]"
        vol = f", {rec['volume']}" if rec.get("volume") else ""
        iss = f"({rec['issue']})" if rec.get("issue") else ""
        pages = f", {rec['pages']}" if rec.get("pages") else ""
        parts.append(f"{j}{vol}{iss}{pages}.")
    if rec.get("doi"):
        parts.append(f"https://doi.org/{rec['doi']}")
    parts.append(f"(In {english_name(paper.lang)}.)")
    return " ".join(parts)


def _pages(paper: Paper) -> tuple[str | None, str | None]:
    pages = str(paper.record.get("pages") or "")
    match = re.fullmatch(r"\s*(\d+)\s*[–\-]+\s*(\d+)\s*", pages)
    return (match.group(1), match.group(2)) if match else (pages or None, None)


def bibtex(paper: Paper) -> str:
    rec = paper.record
    title = rec.get("title") or {}
    journal = rec.get("journal") or {}
    fields: list[tuple[str, str]] = []
    authors = rec.get("authors") or []
    if authors:
        fields.append(("author", " and ".join("{}, {}".format(*_family_given(a)) for a in authors)))
    if title.get("original"):
        fields.append(("title", title["original"]))
        if title.get("en"):
            fields.append(("titleaddon", f"[{title['en']}]"))
    else:
        fields.append(("title", f"[{(rec.get('site_title') or {}).get('en', paper.key)}]"))
    if journal:
        fields.append(("journal", str(journal.get("original") or journal.get("en"))))
        if journal.get("en") and journal.get("en") != journal.get("original"):
            fields.append(("journaltitleaddon", f"[{journal['en']}]"))
    for key, name in (("volume", "volume"), ("issue", "number"), ("doi", "doi"), ("issn", "issn")):
        if rec.get(key):
            fields.append((name, str(rec[key])))
    first, last = _pages(paper)
    if first:
        fields.append(("pages", f"{first}--{last}" if last else first))
    fields.append(("year", year_label(paper)))
    fields.append(("language", english_name(paper.lang).lower()))
    keywords = (rec.get("keywords") or {}).get("en")
    if keywords:
        fields.append(("keywords", ", ".join(keywords)))
    kind = "article" if journal else "misc"
    body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields)
    return f"@{kind}{{{paper.key},\n{body}\n}}\n"


def ris(paper: Paper) -> str:
    rec = paper.record
    title = rec.get("title") or {}
    journal = rec.get("journal") or {}
    lines = [("TY", "JOUR" if journal else "GEN")]
    for a in rec.get("authors") or []:
        family, given = _family_given(a)
        lines.append(("AU", f"{family}, {given}"))
    if title.get("original"):
        lines.append(("TI", title["original"]))
        if title.get("en"):
            lines.append(("TT", title["en"]))
    else:
        lines.append(("TI", f"[{(rec.get('site_title') or {}).get('en', paper.key)}]"))
    if journal:
        lines.append(("T2", str(journal.get("original") or journal.get("en"))))
        if journal.get("en"):
            lines.append(("J2", journal["en"]))
    if rec.get("volume"):
        lines.append(("VL", str(rec["volume"])))
    if rec.get("issue"):
        lines.append(("IS", str(rec["issue"])))
    first, last = _pages(paper)
    if first:
        lines.append(("SP", first))
    if last:
        lines.append(("EP", last))
    if rec.get("year"):
        lines.append(("PY", year_label(paper)))
    if rec.get("doi"):
        lines.append(("DO", str(rec["doi"])))
    if rec.get("issn"):
        lines.append(("SN", str(rec["issn"])))
    lines.append(("LA", english_name(paper.lang)))
    for kw in (rec.get("keywords") or {}).get("original") or []:
        lines.append(("KW", kw))
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {value}\r\n" for tag, value in lines)


def citation_meta(paper: Paper) -> list[tuple[str, str]]:
    """Highwire-style <meta name="citation_…"> pairs for reference managers."""
    rec = paper.record
    title = rec.get("title") or {}
    journal = rec.get("journal") or {}
    meta = [("citation_title", title.get("original") or
             (rec.get("site_title") or {}).get("en") or paper.key)]
    for a in rec.get("authors") or []:
        meta.append(("citation_author", "{}, {}".format(*_family_given(a))))
    if journal:
        meta.append(("citation_journal_title", journal.get("original") or journal.get("en")))
    for key, name in (("volume", "citation_volume"), ("issue", "citation_issue"),
                      ("doi", "citation_doi"), ("issn", "citation_issn")):
        if rec.get(key):
            meta.append((name, str(rec[key])))
    first, last = _pages(paper)
    if first:
        meta.append(("citation_firstpage", first))
    if last:
        meta.append(("citation_lastpage", last))
    if rec.get("year"):
        meta.append(("citation_publication_date", str(rec["year"])))
    meta.append(("citation_language", paper.lang))
    keywords = (rec.get("keywords") or {}).get("original")
    if keywords:
        meta.append(("citation_keywords", "; ".join(keywords)))
    return meta


def abstracts_html(paper: Paper, corpus: Corpus, ui: dict[str, str], href: Href) -> str:
    abstracts = [{"heading": a["heading"], "lang": a["lang"], "dir": direction(a["lang"]),
                  "text": Markup(paragraphs(a["text"])),
                  "notes": [Markup(note_html(n, corpus, href, ui)) for n in a["notes"]]}
                 for a in paper.abstracts]
    return render("abstracts.html", ui=ui, abstracts=abstracts)


def papers_table_html(corpus: Corpus, ui: dict[str, str], paper_href: Callable[[str], str]) -> str:
    """The five papers: short title, original title, language and number of excerpts."""
    edition = ui.get("_edition", "en")
    papers = [{"href": paper_href(p.key), "title": p.short_title(edition),
               "original": p.title("original"), "lang": p.lang, "dir": p.dir,
               "language": ui.get(f"lang_{p.lang}", p.lang), "excerpts": len(p.excerpts)}
              for p in corpus.papers.values()]
    return render("papers-table.html", ui=ui, papers=papers)


def downloads_html(corpus: Corpus, ui: dict[str, str], root_href: Callable[[str], str]) -> str:
    """Links to the corpus export and to each paper's citation files."""
    edition = ui.get("_edition", "en")
    papers = [{"title": p.short_title(edition), "bib": root_href(f"cite/{p.key}.bib"),
               "ris": root_href(f"cite/{p.key}.ris")} for p in corpus.papers.values()]
    return render("downloads.html", ui=ui, papers=papers, json=root_href("corpus/excerpts.json"),
                  tmx=root_href("corpus/excerpts.tmx"))


def pdf_button(ui: dict[str, str], href: str) -> str:
    return render("pdf-button.html", ui=ui, href=href)
