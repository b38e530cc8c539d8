"""One page of one edition as the short syntax sees it (stage 2 of `pipeline`): what `[[id]]`,
`![[id]]` and each `::: name` block become on that page, with links relative to it."""

from __future__ import annotations

from dataclasses import dataclass

from apparatus_html import entities_html, glossary_html, timeline_html
from apparatus_text import edition_name
from export_html import corpus_downloads_html
from figures import concepts_html, timeline_chart_html
from maps import map_html
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url
from model import Paper
from page_blocks import PAGE_BLOCKS
from pdf import enabled as pdf_enabled
from pdf import pdf_path
from reader_build import ReaderBuild
from render import (
    Forge,
    abstracts_html,
    downloads_html,
    excerpt_html,
    papers_table_html,
    pdf_button,
    record_html,
    view_control_html,
)


class PageError(PluginError):
    """A page asks for something the build cannot give it; the message says what and where (a
    PluginError: MkDocs reports it without a traceback where it is raised during the page's
    Markdown conversion, inside a `::: name` block)."""


@dataclass
class ReaderPage:
    """One page of one edition, as the short syntax sees it (a `reader_syntax.PageContext`)."""

    build: ReaderBuild
    url: str  #: the page's site-relative URL
    src: str  #: the page's file, relative to the repository
    paper: Paper | None = None
    packet: str | None = None
    forge: Forge | None = None

    def rel(self, url: str) -> str:
        return get_relative_url(url, self.url)

    def href(self, excerpt_id: str) -> str:
        excerpt = self.build.excerpt(excerpt_id)
        if self.paper is not None and excerpt.paper == self.paper.key:
            return f"#{excerpt.id}"
        return self.rel(self.build.excerpt_url(excerpt.id))

    def link(self, excerpt_id: str) -> tuple[str, str, str]:
        excerpt = self.build.excerpt(excerpt_id)
        return self.href(excerpt_id), self.build.corpus.label(excerpt, self.build.edition), self.build.dir

    def embed(self, excerpt_id: str) -> str:
        build = self.build
        excerpt = build.excerpt(excerpt_id)
        cited = [(title, self.rel(url)) for title, url in build.cited_on.get(excerpt.id, [])
                 if url != self.url]
        target = build.excerpt_url(excerpt.id)
        embedded = self.paper is None or excerpt.paper != self.paper.key
        return excerpt_html(build.corpus, excerpt, build.ui, self.href, cited, embedded=embedded,
                            paper_href=self.rel(target), forge=self.forge,
                            page_url=build.public_url(target), term_names={
                                t.id: edition_name(t.names, build.edition)
                                for t in build.app.terms.values()})

    def block(self, name: str) -> str:
        build = self.build
        if name == "papers":
            return papers_table_html(build.corpus, build.ui,
                                     lambda key: self.rel(build.paper_url(key)))
        if name == "downloads":
            return (corpus_downloads_html(build.corpus, build.ui, self.rel)
                    + downloads_html(build.corpus, build.ui, self.rel))
        if name == "glossary":
            return glossary_html(build, self.url)
        if name == "entities":
            return entities_html(build, self.url)
        if name == "timeline":
            return timeline_html(build, self.url)
        if name.startswith("map-"):
            maps = build.maps
            if name.removeprefix("map-") not in maps.frames:
                raise PageError(f"{self.src}: `::: {name}` draws a map that docs/data/maps.yml "
                                "does not define; restore the file (or the map's frame) from the "
                                "repository's history, or remove the line")
            return map_html(build, maps, name.removeprefix("map-"), self.rel)
        if name == "concepts":
            return concepts_html(build, self.url)
        if name == "timeline-chart":
            return timeline_chart_html(build, self.url)
        if name == "reader-view":
            return view_control_html(build.ui)
        if name == "reader-pdf":
            return pdf_button(build.ui, self.rel(self.pdf_path()), typeset=pdf_enabled())
        if name == "reader-record" and self.paper is not None:
            key = self.paper.key
            links = {ext: self.rel(f"cite/{key}.{ext}") for ext in ("bib", "ris", "json")}
            return (record_html(self.paper, build.ui, links, build.paper_title(key))
                    + abstracts_html(self.paper, build.corpus, build.ui, self.href))
        raise PageError(f"{self.src}: unknown block `::: {name}`; use one of "
                        f"{', '.join(PAGE_BLOCKS)}")

    def pdf_path(self) -> str:
        """The page's PDF, in the page's edition (`pdf.jobs` makes it)."""
        if self.packet:
            return pdf_path(self.build.edition, f"packet-{self.packet}")
        assert self.paper is not None
        return pdf_path(self.build.edition, self.paper.key)
