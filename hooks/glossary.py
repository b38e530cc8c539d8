"""MkDocs hook: the glossary, and glosses where its terms appear.

* `::: glossary` on a line of its own renders every term: its forms in the four languages, its
  definition in the edition's language (English where not written) and the excerpts using it.
* In excerpts and in the prose of paper pages and packets, the first occurrence of a term in
  each paragraph becomes a link to its entry whose definition shows on hover or focus.
* The build stops on an excerpt that names a term the glossary does not define.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from apparatus import Apparatus, check_terms, form_pattern, load_apparatus, term_excerpts
from bidi import NAME_RE, TAG_RE, VOID_ELEMENTS
from content import RTL_LANGUAGES, ContentError, Corpus, excerpt_url, read_corpus, translated_pages
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from render import esc

_DIRECTIVE = re.compile(r"^::: glossary[ \t]*$", re.M)
#: text inside these is never glossed
_SKIP = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "cite", "th", "summary",
         "script", "style", "button", "header", "bdi", "table", "aside", "footer", "details"}
_BLOCKS = {"p", "li", "dd", "blockquote"}


@dataclass
class _Build:
    corpus: Corpus
    app: Apparatus
    translated: set[tuple[str, str]]
    pattern: re.Pattern[str] | None
    by_form: dict[str, str]


_build: _Build | None = None


def _edition(config: MkDocsConfig) -> str:
    return getattr(config.plugins.get("i18n"), "current_language", None) or "en"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build
    docs_dir = Path(config.docs_dir)
    corpus, problems = read_corpus(docs_dir)
    app, more = load_apparatus(docs_dir, corpus.known_ids())
    problems += more + check_terms(list(corpus.excerpts.values()), app)
    if problems:
        raise PluginError(str(ContentError(problems)))
    by_form = {form.casefold(): term.id for term in app.terms.values() for form in term.match}
    _build = _Build(corpus, app, translated_pages(docs_dir), form_pattern(list(by_form)), by_form)
    return config


def _state() -> _Build:
    if _build is None:
        raise PluginError("the glossary hook was used before on_config")
    return _build


def glossary_url(edition: str, translated: set[tuple[str, str]]) -> str:
    return f"{edition}/glossary/" if edition != "en" and (edition, "glossary.md") in translated \
        else "glossary/"


def definition(term_id: str, edition: str) -> str:
    term = _state().app.terms[term_id]
    return term.definition.get(edition) or term.definition["en"]


def glossary_html(edition: str, page_url: str) -> str:
    build = _state()
    corpus, ui = build.corpus, build.corpus.ui[edition]
    uses = term_excerpts(build.app, list(corpus.excerpts.values()))
    entries = []
    for term in sorted(build.app.terms.values(), key=lambda t: t.names["en"].casefold()):
        forms = "".join(
            f'<span class="term__form" data-lang="{code}"><span class="term__lang">{code}</span> '
            f'<span lang="{code}" dir="{"rtl" if code in RTL_LANGUAGES else "ltr"}">'
            f"{esc(term.names[code])}</span></span>"
            for code in ("en", "tr", "fa", "ar") if term.names.get(code))
        text = term.definition.get(edition)
        lang = edition if text else "en"
        body = text or term.definition["en"]
        by_paper: dict[str, list[str]] = {}
        for ex_id in uses.get(term.id, []):
            excerpt = corpus.excerpts[ex_id]
            href = get_relative_url(excerpt_url(corpus, ex_id, edition, build.translated),
                                    page_url)
            by_paper.setdefault(excerpt.paper, []).append(
                f'<a class="excerpt-ref" dir="ltr" href="{esc(href)}" data-ref="{esc(ex_id)}">'
                f"{esc(corpus.label(excerpt))}</a>")
        used = "".join(
            f'<li><span class="term__paper">{esc(corpus.papers[key].title("en"))}</span>: '
            f'{"; ".join(links)}</li>' for key, links in by_paper.items())
        entries.append(
            f'<section class="term" id="term-{esc(term.id)}" data-term="{esc(term.id)}">'
            f'<h2 class="term__name">{esc(term.names.get(edition) or term.names["en"])}</h2>'
            f'<p class="term__forms">{forms}</p>'
            f'<p class="term__definition" lang="{lang}" dir="{"rtl" if lang in RTL_LANGUAGES else "ltr"}">'
            f"{esc(body)}</p>"
            + (f'<ul class="term__uses" aria-label="{esc(ui["excerpts"])}">{used}</ul>' if used else "")
            + "</section>")
    return f'<div class="glossary">{"".join(entries)}</div>'


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not _DIRECTIVE.search(markdown):
        return markdown
    block = glossary_html(_edition(config), page.url)
    return _DIRECTIVE.sub(lambda m: "\n" + block + "\n", markdown)


def gloss_html(markup: str, edition: str, page_url: str) -> str:
    """Link the first occurrence of each term in each paragraph to its glossary entry."""
    build = _state()
    if build.pattern is None:
        return markup
    target = get_relative_url(glossary_url(edition, build.translated), page_url)
    stack: list[str] = []
    seen: set[str] = set()
    out: list[str] = []
    last = 0

    def gloss(match: re.Match[str]) -> str:
        term_id = build.by_form.get(match.group(0).casefold())
        if term_id is None or term_id in seen:
            return match.group(0)
        seen.add(term_id)
        tip = html.escape(definition(term_id, edition), quote=True)
        return (f'<a class="gloss" href="{target}#term-{term_id}" data-term="{term_id}" '
                f'data-gloss="{tip}">{match.group(0)}</a>')

    for match in TAG_RE.finditer(markup):
        text = markup[last:match.start()]
        if text:
            skip = any(name in _SKIP for name in stack)
            glossing = not skip and any(name in _BLOCKS or name == "div" for name in stack)
            out.append(build.pattern.sub(gloss, text) if glossing else text)
        tag = match.group()
        out.append(tag)
        last = match.end()
        name_match = NAME_RE.match(tag)
        if tag.startswith("<!") or not name_match:
            continue
        name = name_match.group(1).lower()
        if tag.startswith("</"):
            if name in stack:
                del stack[len(stack) - 1 - stack[::-1].index(name):]
            if name in _BLOCKS:
                seen.clear()
        elif name not in VOID_ELEMENTS and not tag.endswith("/>"):
            stack.append(name)
            if name in _BLOCKS or "data-role=" in tag:
                seen.clear()
    out.append(markup[last:])
    return "".join(out)


def on_page_content(html_text: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not (page.meta.get("paper") or page.meta.get("packet") or page.meta.get("has_excerpts")):
        return html_text
    return gloss_html(html_text, _edition(config), page.url)
