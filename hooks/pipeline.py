"""The page pipeline: every transformation of a page, in one stated order, from one place.

1. **Source**: every page of the edition is checked (`check_sources`, file, line and fix for
   every problem) once the edition's files are known, before MkDocs reads any of them; then
   (`source_stage`, on the page's Markdown) a paper page gets its PDF button and record after
   its title and its excerpts under the paper's own section headings after its prose; a packet
   gets its PDF button; a page that embeds excerpts gets the view switch.
2. **Markdown** (`reader_syntax`, during conversion): `[[id]]` links, `![[id]]` embeds and
   `::: name` blocks become HTML through the page's `ReaderPage` (`reader_page`); last, once the
   headings have their ids, a page's number is kept with its abbreviation and a date with its
   calendar's mark (`typography`).
3. **HTML** (`html_stage`, on the converted page): each data table's cells labelled by their
   column, for the cards a phone shows of a table too wide for it (`table_cards`); glosses of
   glossary terms, then the fallback notice and the English marking of a page an edition has
   not translated, then bidi isolation (so that it sees every run the earlier steps added), then
   the allow-list sanitiser (`sanitize`), last, on the page's final content HTML, in which no
   two elements may share an id; from that HTML, each entry of the page's table of contents is given its heading's markup
   (`toc_titles`), so that the entry keeps the languages and directions of its heading.

`hooks/reader.py` calls these for the MkDocs events; nothing else changes a page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from bidi_isolation import isolate_tokens
from calendar_sh import digits
from glosses import gloss_tokens
from html_tokens import Token, start_tag, tokenize
from languages import direction
from mkdocs.structure.files import File
from model import REF_RE, ContentError, Paper, Section
from page_meta import first_heading
from pages import check_markdown
from reader_build import ReaderBuild
from reader_page import PageError, ReaderPage
from sanitize import UnsafeContent, repeated_ids, sanitize
from source_text import _rel, read_text, without_code
from table_cards import card_tables
from templates import DOT, render
from toc_titles import typeset_toc

_H1 = re.compile(r"^#\s+.+$", re.M)


# --- 1. source ----------------------------------------------------------------------------------

def check_sources(build: ReaderBuild, files: Iterable[File]) -> None:
    """Stop the build on any problem in the pages' own files, naming file, line and fix for
    each: before MkDocs reads them, as its own reading of a page's front matter can fail without
    a message (or crash) where `check_markdown` reports the line."""
    root = build.docs_dir.parent
    problems = []
    for file in files:
        path = Path(file.abs_src_path or "")
        if not path.is_file():
            continue
        text, found = read_text(path, root)
        problems += found if text is None else check_markdown(_rel(path, root), text,
                                                              build.corpus, root)
    if problems:
        raise ContentError(problems)


def _after_title(markdown: str, block: str) -> str:
    match = _H1.search(markdown)
    if not match:
        return block + "\n" + markdown
    return markdown[: match.end()] + "\n\n" + block + "\n" + markdown[match.end():]


def excerpts_markdown(page: ReaderPage) -> str:
    """The paper's excerpts under its own section headings, in the paper's order.

    Each heading is given in the page's language, then beside it the paper's original (on the
    page of the paper's own language, the English rendering instead).
    """
    paper, ui = page.paper, page.build.ui
    assert paper is not None
    by_section: dict[str, list[str]] = {}
    for excerpt in paper.excerpts:
        by_section.setdefault(excerpt.section, []).append(excerpt.id)
    lines = [f"## {ui['excerpts']} {{ #excerpts }}", "", "::: reader-view", ""]
    depths = heading_depths([section.level for section in paper.sections])
    for section, depth in zip(paper.sections, depths, strict=True):
        level = "#" * depth
        number = f"{digits(section.number, page.build.edition)} " if section.number else ""
        lines += [f"{level} {number}{_heading_pair(section, paper, page.build.edition)} "
                  f"{{ #sec-{section.id} }}", ""]
        for excerpt_id in by_section.get(section.id, []):
            lines += [f"![[{excerpt_id}]]", ""]
    return "\n".join(lines)


def heading_depths(levels: list[int]) -> list[int]:
    """The HTML heading level (3 to 6) of each section under the h2 "Excerpts": one below the
    nearest section of a lower level before it, so no level is skipped (a level-3 section right
    under a chapter is an h4, not an h5)."""
    parents: list[tuple[int, int]] = []  # (section level, heading level) of the open sections
    depths = []
    for level in levels:
        while parents and parents[-1][0] >= level:
            parents.pop()
        depth = min(parents[-1][1] + 1 if parents else 3, 6)
        parents.append((level, depth))
        depths.append(depth)
    return depths


def _heading_pair(section: Section, paper: Paper, edition: str) -> str:
    """`heading · other` for a section: the edition's language first, then the paper's own
    heading (or, on the paper's own edition, the English), each isolated in its language."""
    def span(css: str, lang: str, text: str) -> str:
        return render("heading-part.html", css=css, lang=lang, dir=direction(lang), text=text)

    if section.original is None:
        lang = edition if edition in section.headings else "en"
        return span("section-en" if lang == "en" else "section-edition", lang,
                    section.heading_in(lang))
    original = span("section-original", paper.lang, section.original)
    if edition == paper.lang:
        return f"{original}{DOT} {span('section-en', 'en', section.en)}"
    if edition == "en" or edition not in section.headings:
        return f"{span('section-en', 'en', section.en)}{DOT} {original}"
    return f"{span('section-edition', edition, section.headings[edition])}{DOT} {original}"


def source_stage(markdown: str, page: ReaderPage) -> tuple[str, bool]:
    """The page's Markdown with the paper's apparatus added; and whether it shows excerpts."""
    if page.paper is not None:
        markdown = _after_title(markdown, "::: reader-pdf\n\n::: reader-record\n")
        markdown = markdown.rstrip() + "\n\n" + excerpts_markdown(page) + "\n"
        return markdown, bool(page.paper.excerpts)
    if page.packet:
        markdown = _after_title(markdown, "::: reader-pdf\n")
    embeds = re.search(r"^[ \t]*!\[\[", without_code(markdown), re.M) is not None
    if embeds:
        markdown = _after_title(markdown, "::: reader-view\n")
    return markdown, embeds


def cited_on(build: ReaderBuild, files: list[File]) -> dict[str, list[tuple[str, str]]]:
    """For every excerpt, the pages of this edition (and the editor's notes) that cite it."""
    out: dict[str, list[tuple[str, str]]] = {}

    def add(target: str, entry: tuple[str, str]) -> None:
        target = build.corpus.aliases.get(target, target)
        if entry not in out.setdefault(target, []):
            out[target].append(entry)

    for file in files:
        if not file.abs_src_path:
            continue
        text = Path(file.abs_src_path).read_text(encoding="utf-8", errors="replace")
        title = first_heading(text) or file.url
        for match in REF_RE.finditer(without_code(text)):
            add(match.group(2).strip(), (title, file.url))
    for excerpt in build.corpus.excerpts.values():
        for note in excerpt.notes:
            for match in REF_RE.finditer(note.text):
                add(match.group(2).strip(), (build.corpus.label(excerpt, build.edition),
                                             build.excerpt_url(excerpt.id)))
    return out


# --- 3. HTML ------------------------------------------------------------------------------------

def fallback_notice(build: ReaderBuild, target: str, new_file: str, source: str) -> str:
    return render("fallback-notice.html", ui=build.ui, edition=build.edition,
                  edition_dir=build.dir, target=target, new_file=new_file, source=source)


def _headerlinks(tokens: list[Token], title: str) -> list[Token]:
    """The headings' permanent links titled in the edition's language (Markdown's toc writes
    one English title for every edition)."""
    out = []
    for token in tokens:
        if token.kind == "start" and token.name == "a" and token.attrs.get("class") == "headerlink":
            attrs = {**token.attrs, "title": title}
            token = Token("start", start_tag("a", attrs), "a", attrs)
        out.append(token)
    return out


def html_stage(html: str, page: ReaderPage, glossed: bool,
               fallback: tuple[str, str, str] | None, toc: Iterable[Any] = ()) -> str:
    """Glosses, then the fallback marking, then bidi isolation, then the sanitiser, on the
    page's HTML, read into tokens once; then each entry of the page's table of contents (`toc`,
    MkDocs' `page.toc`) is given its heading's markup from the result."""
    build = page.build
    tokens = card_tables(_headerlinks(tokenize(html), build.ui["heading_link"]))
    if glossed:
        tokens = gloss_tokens(tokens, build, page.url)
    if fallback is not None:
        tokens = [*tokenize(fallback_notice(build, *fallback)
                            + '<div class="fallback-content" lang="en" dir="ltr">'),
                  *tokens, *tokenize("</div>")]
    paper = page.paper
    quoted = paper.lang if paper is not None else ""
    tokens = isolate_tokens(tokens, build.dir, build.edition, quoted, build.spellings(),
                            build.titles(), build.isolated)
    try:
        out = sanitize(tokens, page.src)
    except UnsafeContent as err:
        raise PageError(str(err)) from None
    twice = repeated_ids(out)
    if twice:
        raise PageError(
            f"{page.src}: two elements of the page have the id '{twice[0]}', so a link to it can "
            "lead to either. How to fix: an excerpt's id may not be the id of a heading of the "
            "page it is on (a heading's id is its title in lower case, words joined by `-`): "
            "give the excerpt another id (keep the old one under `aliases:` if it has been "
            "published), or give the heading its own with `{#another-id}` after its title")
    typeset_toc(toc, out)
    return out
