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
from calendar_sh import digits
from cite import (  # noqa: F401
    citation_meta,
    gregorian_year,
    reference_parts,
    reference_text,
    ris,
    year_calendar,
)
from cite_files import bibtex  # noqa: F401  (importable from here)
from cite_own import Part, edition_reference
from excerpt_text import EMPHASIS, NOTE_EXTENSIONS
from languages import LANGUAGES, direction
from model import Corpus, Excerpt, Note, Paper
from reader_syntax import ReaderSyntax
from record_html import record_rows
from templates import Markup, render
from typography import Glue, glue

Href = Callable[[str], str]


def esc(text: Any) -> str:
    return html.escape(str(text), quote=True)


def paragraphs(text: str, emphasis: bool = False, glued: bool = False) -> str:
    """Plain text with blank-line paragraphs, as escaped <p> elements on one line each.

    With `emphasis`, `*words*` (a book title in a translation, say) is set in italics; with
    `glued`, the editors' prose keeps a page's number with its abbreviation and a date with its
    calendar's mark (`typography.glue`).
    """
    parts = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    out = []
    for part in parts:
        html_part = esc(glue(part) if glued else part)
        if emphasis:
            html_part = EMPHASIS.sub(r"<em>\1</em>", html_part)
        out.append(f"<p>{html_part}</p>")
    return "".join(out)


def plain_text(text: str, emphasis: bool = False) -> str:
    """The text as plain paragraphs; with `emphasis`, without its `*emphasis*` marks."""
    parts = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    return "\n\n".join(EMPHASIS.sub(r"\1", p) if emphasis else p for p in parts)


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
        return render("note-excerpt-ref.html", dir=text_dir, href=href, label=label)

    def block(self, name: str) -> str:
        return f"<p>::: {esc(name)}</p>"


_note_syntax = ReaderSyntax()
_note_markdown = markdown.Markdown(extensions=[*NOTE_EXTENSIONS, _note_syntax, Glue()])


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

    def report(self, excerpt: Excerpt, url: str, ui: dict[str, str]) -> str:
        """A new issue on the excerpt, its title and its questions in the reader's edition."""
        title = ui["report_title"].replace("{id}", excerpt.id)
        where = ui["report_where"]
        for name, value in (("{id}", excerpt.id), ("{url}", url), ("{file}", excerpt.file),
                            ("{line}", str(excerpt.line))):
            where = where.replace(name, value)
        body = f"{where}\n\n{ui['report_prompt']}\n"
        return (f"{self.repo_url.rstrip('/')}/issues/new?title={quote(title)}&body={quote(body)}"
                "&labels=translation")


def excerpt_html(corpus: Corpus, excerpt: Excerpt, ui: dict[str, str], href: Href,
                 cited_on: list[tuple[str, str]], embedded: bool = False,
                 paper_href: str = "", forge: Forge | None = None, page_url: str = "",
                 term_names: dict[str, tuple[str, str]] | None = None) -> str:
    """The excerpt as one HTML block (template `excerpt.html`, the HTML contract)."""
    paper = corpus.papers[excerpt.paper]
    edition = ui.get("_edition", "en")
    names = term_names or {}
    return render(
        "excerpt.html", e=excerpt, ui=ui, edition=edition, edition_dir=direction(edition),
        number=digits(str(excerpt.number), edition),
        comma=LANGUAGES[edition].comma, semicolon=LANGUAGES[edition].semicolon,
        label=corpus.label(excerpt, edition), embedded=embedded, paper_href=paper_href,
        paper_title=paper.short_title(edition),
        original=Markup(paragraphs(excerpt.original)),
        translation=Markup(paragraphs(excerpt.translation, True, glued=True)),
        notes=[Markup(note_html(n, corpus, href, ui)) for n in excerpt.notes],
        terms=[(t, names.get(t, (t, ""))) for t in excerpt.terms],
        cited_on=cited_on, page_url=page_url, forge=forge)


def view_control_html(ui: dict[str, str]) -> str:
    """The reader's switch between original, translation and both (reader.js drives it)."""
    return render("view-control.html", ui=ui)


# --- bibliographic record -------------------------------------------------------------------

def reference_html(paper: Paper, parts: list[Part] | None = None) -> Markup:
    """A formatted reference, its runs in another language isolated with their `lang`: `parts`
    (`cite_own.edition_reference`), or the English reference (`cite.reference_parts`)."""
    runs = reference_parts(paper) if parts is None else parts
    return Markup(render("reference.html", parts=[(text, lang, direction(lang) if lang else "")
                                                  for text, lang in runs]))


def record_html(paper: Paper, ui: dict[str, str], cite_links: dict[str, str], title: str) -> str:
    """The record and how to cite it (template `record.html`): the stated fields at a glance,
    the unstated ones named in one line, and the full record with its note in a <details>.
    `title` is the paper's title in the edition (its page's heading)."""
    rows = record_rows(paper, ui)
    missing_mark = 'class="record__missing"'
    stated = [(label, value) for label, value in rows
              if missing_mark not in value and label != ui["record_note"]]
    missing = [label for label, value in rows if missing_mark in value]
    edition = ui.get("_edition", "en")
    own = edition_reference(paper, edition, ui, title)
    return render("record.html", paper=paper, ui=ui, links=cite_links, rows=rows, stated=stated,
                  missing=missing, reference=reference_html(paper),
                  own_reference=reference_html(paper, own) if own else None,
                  own_dir=direction(edition), year_note=_year_note(paper, ui, edition),
                  separator=LANGUAGES[edition].comma)


def _year_note(paper: Paper, ui: dict[str, str], edition: str) -> str | None:
    """Where the paper is dated in the Solar Hijri calendar: that the reference gives another
    year than the excerpts' citation labels, and which."""
    printed, gregorian = (paper.record.year or "").strip(), gregorian_year(paper)
    if year_calendar(paper) != "solar-hijri" or gregorian is None \
            or paper.cite_year != printed:  # the labels give another year than the printed one
        return None
    return ui["cite_year_sh"].replace("{year}", digits(printed, edition)).replace(
        "{gregorian}", digits(str(gregorian), edition))


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
               "language": ui.get(f"lang_{p.lang}", p.lang),
               "excerpts": digits(str(len(p.excerpts)), edition)}
              for p in corpus.papers.values()]
    return render("papers-table.html", ui=ui, papers=papers)


def downloads_html(corpus: Corpus, ui: dict[str, str], root_href: Callable[[str], str]) -> str:
    """Links to the corpus export and to each paper's citation files."""
    edition = ui.get("_edition", "en")
    papers = [{"title": p.short_title(edition), "bib": root_href(f"cite/{p.key}.bib"),
               "ris": root_href(f"cite/{p.key}.ris"), "csl": root_href(f"cite/{p.key}.json")}
              for p in corpus.papers.values()]
    return render("downloads.html", ui=ui, papers=papers, json=root_href("corpus/excerpts.json"),
                  tmx=root_href("corpus/excerpts.tmx"), comma=LANGUAGES[edition].comma)


def pdf_button(ui: dict[str, str], href: str, typeset: bool = True) -> str:
    """The page's PDF button; where this build typesets no PDF (`SITE_PDF=0`, as `make serve`
    previews the site), a line saying where the PDF comes from instead of a link to nothing."""
    return render("pdf-button.html", ui=ui, href=href, typeset=typeset)
