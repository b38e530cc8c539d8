"""MkDocs hook: the reader. Thin adapters from MkDocs events to the build state and the pipeline.

* `on_startup`, `on_pre_build`, `on_shutdown`: whether the site is served, so that the search
  index is written in the background (`search.Indexer`), stopped before the site is built again;
* `on_serve`: the served site is also built again when a template or a file a page includes
  changes (MkDocs watches docs/ and mkdocs.yml);
* `on_config`: the content is loaded and validated once (`reader_build`), and the short syntax
  is registered as a Markdown extension (`reader_syntax`);
* `on_files`: the edition being built, its pages checked (`pipeline.check_sources`), and which of
  them cite each excerpt;
* `on_env`: one cache of compiled templates for the four editions (`templates`);
* `on_page_markdown`, `on_page_content`: the page pipeline (`pipeline`), stages 1 and 3;
* `on_page_context`: the search dialog's strings in the edition's language (`search`);
* `on_post_build`: after the last edition, a Content-Security-Policy in every page (`sanitize`),
  the corpus export (`export`), the search index of each edition (`search`) and the PDFs (`pdf`).
"""

from __future__ import annotations

import logging
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import reader_build
import templates
from anchor_links import broken_anchor_links
from cite import citation_meta
from cite_files import write_citations
from export import write_export
from jinja2 import Environment
from languages import DEFAULT_EDITION, EDITIONS, LANGUAGES, edition_prefix
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from model import ContentError
from page_meta import head, lastmod, page_styles
from pages import included_files
from pdf import setting as pdf_setting
from pipeline import check_sources, cited_on, html_stage, source_stage
from reader_build import ReaderBuild
from reader_page import ReaderPage
from reader_syntax import ReaderSyntax
from render import Forge
from sanitize import anchor_ids, with_policy
from search import Indexer, SearchError, ui_strings
from theme_a11y import named_section_toggles, palette_names, valid_toggles
from typography import Glue

log = logging.getLogger("mkdocs.hooks.reader")
_syntax = ReaderSyntax()
_glue = Glue()
_index = Indexer()
#: the pages of the edition being built, by source path
_pages: dict[str, tuple[ReaderPage, tuple[str, str, str] | None]] = {}


def edition_of(config: MkDocsConfig) -> str:
    """The edition being built (mkdocs-static-i18n builds one edition at a time)."""
    i18n = config.plugins.get("i18n")
    return getattr(i18n, "current_language", None) or config.theme.get("language", "en")


def _build() -> ReaderBuild:
    try:
        return reader_build.current()
    except RuntimeError as err:
        raise PluginError(str(err)) from None


def on_startup(command: str, dirty: bool) -> None:
    _index.serving = command == "serve"


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Callable[[], None]
             ) -> LiveReloadServer:
    # MkDocs watches docs/ and mkdocs.yml: the site is also made of its templates and of the
    # files its pages include (the English contributing guide is CONTRIBUTING.md)
    for path in [config.theme.custom_dir, *included_files(Path(config.docs_dir))]:
        if path:
            server.watch(str(path))
    return server


def on_pre_build(config: MkDocsConfig) -> None:
    _index.stop()  # the served site is built again: an index still being written is stale


def on_shutdown() -> None:
    _index.stop()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        pdf_setting()  # a SITE_PDF that means nothing stops the build before it starts
        build = reader_build.current(Path(config.docs_dir))
    except (ContentError, ValueError) as err:
        raise PluginError(str(err)) from None
    build.site_url, build.repo_url = config.site_url or "", config.repo_url or ""
    templates.reload()
    for extension in (_syntax, _glue):
        if extension not in config.markdown_extensions:
            config.markdown_extensions.append(extension)  # type: ignore[arg-type]
    return config


@event_priority(-110)  # after mkdocs-static-i18n (-100) has given the edition its files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    build = _build()
    build.start_edition(edition_of(config))
    # a footnote's link back to the text, titled in the edition's language (Markdown's footnotes
    # write an English title; each page's Markdown is set up from this when it is converted)
    config.mdx_configs.setdefault("footnotes", {})["BACKLINK_TITLE"] = \
        build.ui["footnote_back"].replace("{n}", "%d")
    pages = list(files.documentation_pages())
    try:
        check_sources(build, pages)
    except ContentError as err:
        raise PluginError(str(err)) from None
    build.cited_on = cited_on(build, pages)
    _pages.clear()
    return files


def _fallback(page: Page, build: ReaderBuild, repo_url: str) -> tuple[str, str, str] | None:
    """(translation path, new-file URL, source URL) of a page the edition lacks, else None."""
    locale = getattr(page.file, "locale", None)
    if locale is None or locale == build.edition:
        return None
    norm = getattr(page.file, "norm_src_uri", page.file.src_uri)
    target = f"docs/{build.edition}/{norm}"
    forge = repo_url.rstrip("/")
    return target, f"{forge}/new/main?filename={target}", f"{forge}/blob/main/docs/{page.file.src_uri}"


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    env.bytecode_cache = templates.BYTECODE  # the theme compiled once, not once per edition
    # every page of the edition is converted: a link to an anchor none has stops the build here
    broken = broken_anchor_links((f.page for f in files.documentation_pages() if f.page),
                                 Path(config.docs_dir).parent)
    if broken:
        raise PluginError(str(ContentError(broken)))
    return env


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    build = _build()
    docs = Path(config.docs_dir)
    path = Path(page.file.abs_src_path or "")
    src = (path.resolve().relative_to(docs.parent.resolve()).as_posix() if path.is_file()
           else f"docs/{page.file.src_uri}")
    key = page.meta.get("paper")
    reader_page = ReaderPage(build, page.url, src,
                             paper=build.corpus.papers.get(str(key)) if key else None,
                             packet=Path(page.file.src_uri).stem if page.meta.get("packet") else None,
                             forge=Forge(config.repo_url or ""))
    fallback = _fallback(page, build, config.repo_url or "")
    if fallback is not None:
        page.edit_url = fallback[1]
    _pages[page.file.src_uri] = (reader_page, fallback)
    paper = reader_page.paper
    norm = getattr(page.file, "norm_src_uri", page.file.src_uri)
    page.meta["reader_head"] = head(build, norm, page.url, markdown, page.meta,
                                    config.site_name, paper)
    # the sitemap's lastmod: the content's date in git (else MkDocs' own, SOURCE_DATE_EPOCH's)
    page.update_date = lastmod(build, src, paper) or page.update_date
    markdown, has_excerpts = source_stage(markdown, reader_page)
    page.meta["has_excerpts"] = has_excerpts
    if paper is not None and build.edition in ("en", paper.lang):  # its canonical pages only
        page.meta["citation_meta"] = citation_meta(paper)
    _syntax.context = reader_page
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    _syntax.context = None
    reader_page, fallback = _pages[page.file.src_uri]
    glossed = bool(reader_page.paper or reader_page.packet or page.meta.get("has_excerpts"))
    content = html_stage(html, reader_page, glossed, fallback, page.toc)  # PageError: a PluginError
    # MkDocs checks the page's links to its own anchors against the ids it saw in the Markdown:
    # the excerpts, records and entries the pipeline adds have theirs too
    page.present_anchor_ids = (page.present_anchor_ids or set()) | anchor_ids(content)
    return content


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: object) -> dict:
    context["search_ui"] = ui_strings(_build())
    palette_names(config.theme, _build().ui)  # the light/dark switch in the edition's language
    context["reader_ui"] = _build().ui  # partials/reader/page-contents.html
    context["reader_fonts"] = LANGUAGES[_build().edition].fonts  # preloaded (main.html)
    context["reader_styles"] = page_styles(page.content or "")  # linked (main.html)
    return context


def on_template_context(context: dict, template_name: str, config: MkDocsConfig) -> dict:
    build = _build()
    context["reader_ui"] = build.ui  # the footer of the pages no Markdown makes (404.html)
    if template_name == "404.html":  # a missing address of any edition: each edition's home
        root = urlsplit(config.site_url or "/").path.rstrip("/") + "/"  # served at any depth
        context["reader_not_found"] = [
            {"lang": code, "dir": LANGUAGES[code].dir, "home": root + edition_prefix(code),
             "text": build.corpus.ui[code]["not_found"], "link": build.corpus.ui[code]["not_found_home"]}
            for code in EDITIONS]
    return context


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """The site has one 404 page, at its root: the default edition's, built first. The other
    editions, built after it, would each write theirs over it (the last, Arabic, would stay)."""
    written = Path(config.site_dir) / template_name
    if template_name == "404.html" and _build().edition != DEFAULT_EDITION and written.is_file():
        return written.read_text(encoding="utf-8")
    return output_content


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built every edition
def on_post_build(config: MkDocsConfig) -> None:
    i18n = config.plugins.get("i18n")
    if getattr(i18n, "building", False):
        return  # an edition's own build; the English one comes last and finishes the site
    for page in Path(config.site_dir).rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if 'http-equiv="Content-Security-Policy"' not in text:
            page.write_text(with_policy(named_section_toggles(valid_toggles(text))),
                            encoding="utf-8")
    write_export(Path(config.site_dir), _build())
    write_citations(Path(config.site_dir), _build().corpus.papers.values(), config.site_url or "",
                    _build().proper_nouns())
    try:
        _index.write(Path(config.site_dir), _build())
    except SearchError as err:
        raise PluginError(str(err)) from None
    if pdf_setting() != "build":
        return
    # Typeset in a separate process: it runs two WeasyPrint workers, which need an importable
    # module, and keeps the build's memory small.
    result = subprocess.run([sys.executable, str(Path(__file__).with_name("pdf.py")),
                             config.site_dir, config.docs_dir, config.site_url or ""],
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise PluginError(f"the PDFs could not be typeset:\n{result.stderr[-3000:]}")
    log.info(result.stdout.strip().splitlines()[-1])
