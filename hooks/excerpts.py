"""MkDocs hook: excerpts, paper pages, anchors and cross-references.

* `[[id]]` or `[[id|text]]` in a page links to an excerpt; `![[id]]` on a line of its own embeds it.
  Both resolve to the reader's edition where the paper page is translated, else to English.
* A page whose front matter says `paper: <key>` gets the paper's bibliographic record after its
  title and, after its prose, the paper's excerpts grouped under the paper's own section headings.
* Every excerpt lists the pages that cite it.

The build stops with the file, the line and the excerpt for every content problem.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from content import (
    EMBED_RE,
    REF_RE,
    ContentError,
    Corpus,
    Paper,
    check_markdown,
    excerpt_url,
    load_corpus,
    outside_fences,
    paper_url,
    translated_pages,
)
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from render import (
    Forge,
    abstracts_html,
    citation_meta,
    downloads_html,
    esc,
    excerpt_html,
    papers_table_html,
    pdf_button,
    record_html,
    refs_to_markdown,
    view_control_html,
)

_H1 = re.compile(r"^#\s+.+$", re.M)
#: `::: papers` on a line of its own: the table of the papers, from their records
_PAPERS_LINE = re.compile(r"^::: papers[ \t]*$", re.M)
#: `::: downloads` on a line of its own: links to the corpus export and the citation files
_DOWNLOADS_LINE = re.compile(r"^::: downloads[ \t]*$", re.M)


@dataclass
class _Build:
    """What one edition's build needs to know across pages."""

    corpus: Corpus
    docs_dir: Path
    edition: str = "en"
    translated: set[tuple[str, str]] = field(default_factory=set)
    cited_on: dict[str, list[tuple[str, str]]] = field(default_factory=dict)


_build: _Build | None = None


def edition_of(config: MkDocsConfig) -> str:
    """The edition being built (mkdocs-static-i18n builds one edition at a time)."""
    i18n = config.plugins.get("i18n")
    return getattr(i18n, "current_language", None) or config.theme.get("language", "en")


def _state() -> _Build:
    if _build is None:
        raise PluginError("the excerpts hook was used before on_config loaded the content")
    return _build


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build
    docs_dir = Path(config.docs_dir)
    try:
        corpus = load_corpus(docs_dir)
    except ContentError as err:
        raise PluginError(str(err)) from None
    _build = _Build(corpus=corpus, docs_dir=docs_dir, edition=edition_of(config),
                    translated=translated_pages(docs_dir))
    return config


@event_priority(-110)  # after mkdocs-static-i18n (-100) has given the edition its files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Find, for every excerpt, the pages of this edition that cite or embed it."""
    build = _state()
    build.edition = edition_of(config)
    build.cited_on = {}
    for file in files.documentation_pages():
        if not file.abs_src_path:
            continue
        text = Path(file.abs_src_path).read_text(encoding="utf-8")
        title_match = _H1.search(text)
        title = title_match.group(0).lstrip("#").strip() if title_match else file.url
        for match in REF_RE.finditer(outside_fences(text)):
            target = build.corpus.aliases.get(match.group(2).strip(), match.group(2).strip())
            entry = (title, file.url)
            build.cited_on.setdefault(target, [])
            if entry not in build.cited_on[target]:
                build.cited_on[target].append(entry)
    corpus = build.corpus
    for excerpt in corpus.excerpts.values():
        for note in excerpt.notes:
            for match in REF_RE.finditer(note.text):
                target = corpus.aliases.get(match.group(2).strip(), match.group(2).strip())
                entry = (f"{corpus.label(excerpt)} ({excerpt.id})",
                         excerpt_url(corpus, excerpt.id, build.edition, build.translated))
                build.cited_on.setdefault(target, [])
                if entry not in build.cited_on[target]:
                    build.cited_on[target].append(entry)
    return files


def _check_page(page: Page, corpus: Corpus, docs_dir: Path) -> None:
    path = Path(page.file.abs_src_path or "")
    if not path.is_file():
        return
    rel = path.resolve().relative_to(docs_dir.parent.resolve()).as_posix()
    problems = check_markdown(rel, path.read_text(encoding="utf-8"), corpus)
    if problems:
        raise PluginError(str(ContentError(problems)))


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    build = _state()
    corpus, edition = build.corpus, build.edition
    _check_page(page, corpus, build.docs_dir)
    ui = corpus.ui[edition]

    def href(excerpt_id: str) -> str:
        excerpt = corpus.resolve(excerpt_id)
        assert excerpt is not None, excerpt_id
        if page.meta.get("paper") == excerpt.paper:
            return f"#{excerpt.id}"
        return get_relative_url(excerpt_url(corpus, excerpt_id, edition, build.translated),
                                page.url)

    def render(excerpt_id: str, embedded: bool) -> str:
        excerpt = corpus.resolve(excerpt_id)
        assert excerpt is not None, excerpt_id
        excerpt_id = excerpt.id
        cited = [(title, get_relative_url(url, page.url))
                 for title, url in build.cited_on.get(excerpt_id, []) if url != page.url]
        home = get_relative_url(excerpt_url(corpus, excerpt_id, edition, build.translated),
                                page.url)
        target = excerpt_url(corpus, excerpt_id, edition, build.translated)
        public = f"{(config.site_url or '').rstrip('/')}/{target}" if config.site_url else target
        return excerpt_html(corpus, excerpt, ui, href, cited, embedded=embedded, paper_href=home,
                            forge=Forge(config.repo_url or ""), page_url=public)

    key = page.meta.get("paper")
    has_excerpts = False
    if key:
        paper = corpus.papers[key]
        cite_links = {ext: get_relative_url(f"cite/{key}.{ext}", page.url) for ext in ("bib", "ris")}
        block = record_html(paper, ui, cite_links) + abstracts_html(paper, corpus, ui, href)
        pdf_edition = edition if edition == paper.lang else "en"
        pdf = get_relative_url(f"pdf/{pdf_edition}/{key}.pdf", page.url)
        block = pdf_button(ui, pdf) + block
        markdown = _after_title(markdown, f"\n{block}\n")
        markdown = markdown.rstrip() + "\n\n" + _excerpts_markdown(paper, ui, render,
                                                                   original_first=edition == paper.lang)
        page.meta["citation_meta"] = citation_meta(paper)
        has_excerpts = bool(paper.excerpts)

    def embed(match: re.Match[str]) -> str:
        nonlocal has_excerpts
        has_excerpts = True
        return "\n" + render(match.group(1).strip(), embedded=True) + "\n"

    if page.meta.get("packet"):
        slug = Path(page.file.src_uri).stem
        pdf = get_relative_url(f"pdf/en/packet-{slug}.pdf", page.url)
        markdown = _after_title(markdown, "\n" + pdf_button(ui, pdf) + "\n")
    markdown = EMBED_RE.sub(embed, markdown)
    markdown = _PAPERS_LINE.sub(
        lambda m: "\n" + papers_table_html(corpus, ui, lambda k: get_relative_url(
            paper_url(k, edition, build.translated), page.url)) + "\n", markdown)
    markdown = _DOWNLOADS_LINE.sub(
        lambda m: "\n" + downloads_html(corpus, ui, lambda p: get_relative_url(p, page.url)) + "\n",
        markdown)
    markdown = refs_to_markdown(markdown, corpus, href)
    if has_excerpts and not key:
        markdown = _after_title(markdown, "\n" + view_control_html(ui) + "\n")
    page.meta["has_excerpts"] = has_excerpts
    return markdown


def _after_title(markdown: str, block: str) -> str:
    match = _H1.search(markdown)
    if not match:
        return block + "\n" + markdown
    return markdown[: match.end()] + "\n" + block + markdown[match.end():]


def _excerpts_markdown(paper: Paper, ui: dict[str, str], render: Callable[[str, bool], str],
                       original_first: bool) -> str:
    """The paper's excerpts under its own section headings, in the paper's order.

    Each heading gives the original and its English rendering; the page's own language first.
    """
    by_section: dict[str, list[str]] = {}
    for excerpt in paper.excerpts:
        by_section.setdefault(excerpt.section, []).append(excerpt.id)
    lines = [f"## {ui['excerpts']} {{ #excerpts }}", "", view_control_html(ui), ""]
    for section in paper.sections:
        level = "#" * min(2 + section.level, 6)
        number = f"{section.number} " if section.number else ""
        original = (f'<span class="section-original" lang="{paper.lang}" dir="{paper.dir}">'
                    f"{esc(section.original)}</span>") if section.original else ""
        english = f'<span class="section-en" lang="en">{esc(section.en)}</span>'
        if not original:
            pair = english
        else:
            pair = f"{original} · {english}" if original_first else f"{english} · {original}"
        lines += [f"{level} {number}{pair} {{ #sec-{section.id} }}", ""]
        for excerpt_id in by_section.get(section.id, []):
            lines += [render(excerpt_id, False), ""]
    return "\n".join(lines)
