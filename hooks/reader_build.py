"""The one owner of build state: the content, the edition being built and the URL helpers.

`ReaderBuild.load(docs_dir)` reads and validates every data file once (and again when one of them
changes, as under `mkdocs serve`); every hook and library asks it, never the files. MkDocs builds
the four editions one after the other; `start_edition` tells the build which one it is on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from apparatus import Apparatus, check_terms, link_entities, load_apparatus
from cite_files import proper_nouns
from consistency import check_variants, read_variants
from content import data_signature, read_corpus, without_consequences
from form_match import form_key, form_pattern
from index_forms import shared_forms
from languages import DEFAULT_EDITION, LANGUAGES, RTL_LANGUAGES, direction
from maps_data import MapData, read_map_data
from model import ContentError, Corpus, Excerpt, Problem
from packet_file import packet_papers
from page_meta import paper_title
from pages import check_files, translated_pages

if TYPE_CHECKING:
    from bidi_isolation import Isolated


@dataclass
class ReaderBuild:
    docs_dir: Path
    corpus: Corpus
    app: Apparatus
    #: (edition, path) of every page an edition has in its own folder
    translated: set[tuple[str, str]]
    signature: tuple[tuple[str, int, int], ...]
    #: the maps' frames, places, routes and outlines, and the country shapes
    maps: MapData = field(default_factory=lambda: MapData({}, []))
    edition: str = DEFAULT_EDITION
    site_url: str = ""
    repo_url: str = ""
    #: excerpt id -> (title, site-relative URL) of each page of this edition citing it
    cited_on: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    gloss_pattern: re.Pattern[str] | None = None
    term_by_form: dict[str, str] = field(default_factory=dict)
    #: what bidi isolation made of each text of the pages (`bidi_isolation.isolate_tokens`)
    isolated: Isolated = field(default_factory=dict, repr=False)
    _spellings: dict[str, str] | None = field(default=None, repr=False)
    _titles: dict[str, str] | None = field(default=None, repr=False)

    # --- loading ------------------------------------------------------------------------------

    @classmethod
    def read(cls, docs_dir: Path) -> tuple[ReaderBuild, list[Problem]]:
        """The build as far as the content can be read, with every problem found."""
        corpus, problems = read_corpus(docs_dir)
        app, more = load_apparatus(docs_dir, corpus.known_ids())
        problems += more + check_terms(list(corpus.excerpts.values()), app) + shared_forms(app)
        problems += packet_papers(app.packets, lambda ref: getattr(corpus.resolve(ref), "paper",
                                                                   None))
        variants, bad = read_variants(app.variants)
        problems += bad + check_variants(docs_dir, corpus, variants) + check_files(docs_dir)
        maps, more = read_map_data(docs_dir, app)
        problems += more
        problems = without_consequences(problems, corpus)
        link_entities(app, list(corpus.excerpts.values()))
        by_form = {form_key(form): term.id
                   for term in app.terms.values() for form in term.match}
        build = cls(docs_dir=docs_dir, corpus=corpus, app=app,
                    translated=translated_pages(docs_dir), signature=data_signature(docs_dir),
                    maps=maps,
                    gloss_pattern=form_pattern(list(by_form)), term_by_form=by_form)
        return build, problems

    @classmethod
    def load(cls, docs_dir: Path) -> ReaderBuild:
        """The build, or ContentError with every problem in the content."""
        build, problems = cls.read(docs_dir)
        if problems:
            raise ContentError(problems)
        return build

    def is_current(self) -> bool:
        return self.signature == data_signature(self.docs_dir)

    def start_edition(self, edition: str) -> None:
        self.edition = edition
        self.cited_on = {}

    # --- the edition --------------------------------------------------------------------------

    @property
    def dir(self) -> str:
        return direction(self.edition)

    @property
    def ui(self) -> dict[str, str]:
        return self.corpus.ui[self.edition]

    # --- URLs, relative to the site root ------------------------------------------------------

    def page_url(self, path: str, edition: str | None = None) -> str:
        """`path` (e.g. `glossary.md`) in `edition`, or in English where it is not translated."""
        edition = edition or self.edition
        url = path.removesuffix(".md").removesuffix("index")
        url = url if not url or url.endswith("/") else url + "/"
        if edition != DEFAULT_EDITION and (edition, path) in self.translated:
            return f"{edition}/{url}"
        return url

    def paper_url(self, key: str, edition: str | None = None) -> str:
        return self.page_url(f"papers/{key}.md", edition)

    def excerpt_url(self, excerpt_id: str, edition: str | None = None) -> str:
        excerpt = self.excerpt(excerpt_id)
        return f"{self.paper_url(excerpt.paper, edition)}#{excerpt.id}"

    def public_url(self, url: str) -> str:
        """A site-relative URL as an absolute one, on the published site."""
        return f"{self.site_url.rstrip('/')}/{url}" if self.site_url else url

    def proper_nouns(self) -> list[str]:
        """What BibTeX titles protect: the names of the people, organisations and places, and
        the capitalised words of the papers' English short and descriptive titles."""
        names = [name for entity in self.app.entities.values()
                 for name in (*entity.names.values(), *entity.match)]
        titles = [text for paper in self.corpus.papers.values()
                  for text in (paper.short_title("en"),
                               paper.record.site_title.en if paper.record.site_title else None)
                  if text]
        return proper_nouns(names, titles)

    def spellings(self) -> dict[str, str]:
        """The glossary's and the index's Persian and Arabic names, each with its language where
        only one of the two writes it so («نخجوان» is Persian, «ناختشيفان» Arabic; «شوشا», which
        both write, is neither): a name no letter identifies is read in its language."""
        if self._spellings is None:
            found: dict[str, set[str]] = {}
            names = [*(t.names for t in self.app.terms.values()),
                     *(e.names for e in self.app.entities.values())]
            for lang in sorted(RTL_LANGUAGES):
                for name in (n[lang] for n in names if n.get(lang)):
                    found.setdefault(" ".join(name.split()), set()).add(lang)
            self._spellings = {name: langs.pop() for name, langs in found.items()
                               if len(langs) == 1}
        return self._spellings

    def titles(self) -> dict[str, str]:
        """The titles of the papers written in the Latin script (Turkish), each with its
        language: the title as printed, its main part (the part before a colon, which a
        citation label quotes when the paper names no author) and its short form. Quoted in
        text of another language, a screen reader reads them in theirs."""
        if self._titles is None:
            self._titles = {}
            for paper in self.corpus.papers.values():
                if LANGUAGES[paper.lang].script != "Latn":
                    continue
                title = paper.title("original")
                for form in (title, title.split(":")[0], paper.short_titles.get(paper.lang, ""),
                             paper.cite_authors.strip("[]")):
                    if len(form.split()) > 1 and form in title:
                        self._titles[" ".join(form.split())] = paper.lang
        return self._titles

    def paper_title(self, key: str, edition: str | None = None) -> str:
        """The paper's title in an edition (this one by default): the heading of its page there,
        else its English or descriptive title."""
        return paper_title(self.docs_dir, self.corpus.papers[key], edition or self.edition)

    def excerpt(self, excerpt_id: str) -> Excerpt:
        excerpt = self.corpus.resolve(excerpt_id)
        if excerpt is None:  # the content was validated when the build was loaded
            raise KeyError(f"unknown excerpt id {excerpt_id!r}")
        return excerpt


_current: ReaderBuild | None = None


def current(docs_dir: Path | None = None) -> ReaderBuild:
    """The build of this run, loaded on first use and again when the content has changed."""
    global _current
    if docs_dir is not None and (_current is None or _current.docs_dir != docs_dir
                                 or not _current.is_current()):
        _current = ReaderBuild.load(docs_dir)
    if _current is None:
        raise RuntimeError("the reader's build state was used before the configuration was read")
    return _current
