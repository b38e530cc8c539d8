"""MkDocs hook: the index of people, organisations and places, and the timeline.

* `::: entities` on a line of its own: every entity with its forms in the four languages, their
  transliteration, one line of identification and the excerpts that name it.
* `::: timeline` on a line of its own: the dated events in order, each with the excerpts and
  papers that discuss it; the Persian edition shows Solar Hijri dates beside the Gregorian ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from apparatus import KINDS, Apparatus, link_entities, load_apparatus, solar_hijri
from content import RTL_LANGUAGES, ContentError, Corpus, excerpt_url, read_corpus, translated_pages
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from render import esc

_ENTITIES = re.compile(r"^::: entities[ \t]*$", re.M)
_TIMELINE = re.compile(r"^::: timeline[ \t]*$", re.M)
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


@dataclass
class _Build:
    corpus: Corpus
    app: Apparatus
    translated: set[tuple[str, str]]


_build: _Build | None = None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build
    docs_dir = Path(config.docs_dir)
    corpus, problems = read_corpus(docs_dir)
    app, more = load_apparatus(docs_dir, corpus.known_ids())
    if problems or more:
        raise PluginError(str(ContentError(problems + more)))
    link_entities(app, list(corpus.excerpts.values()))
    _build = _Build(corpus, app, translated_pages(docs_dir))
    return config


def _state() -> _Build:
    if _build is None:
        raise PluginError("the indexes hook was used before on_config")
    return _build


def _edition(config: MkDocsConfig) -> str:
    return getattr(config.plugins.get("i18n"), "current_language", None) or "en"


def _refs(ids: list[str], edition: str, page_url: str) -> str:
    build = _state()
    links = []
    for ref in ids:
        excerpt = build.corpus.resolve(ref)
        assert excerpt is not None, ref
        ex_id = excerpt.id
        href = get_relative_url(excerpt_url(build.corpus, ex_id, edition, build.translated),
                                page_url)
        links.append(f'<a class="excerpt-ref" dir="ltr" href="{esc(href)}" data-ref="{esc(ex_id)}">'
                     f"{esc(build.corpus.label(excerpt))}</a>")
    return "; ".join(links)


def _lang_span(code: str, text: str) -> str:
    direction = "rtl" if code in RTL_LANGUAGES else "ltr"
    return f'<span lang="{code}" dir="{direction}">{esc(text)}</span>'


def entities_html(edition: str, page_url: str) -> str:
    build = _state()
    ui = build.corpus.ui[edition]
    sections = []
    for kind in KINDS:
        items = []
        for entity in sorted((e for e in build.app.entities.values() if e.kind == kind),
                             key=lambda e: e.names["en"].casefold()):
            forms = " · ".join(_lang_span(code, entity.names[code])
                               for code in ("en", "tr", "fa", "ar") if entity.names.get(code))
            translit = ", ".join(f"{code}: <i>{esc(text)}</i>"
                                 for code, text in entity.translit.items())
            about = entity.about.get(edition) or entity.about.get("en", "")
            about_lang = edition if entity.about.get(edition) else "en"
            items.append(
                f'<li class="entity" id="entity-{esc(entity.id)}" data-entity="{esc(entity.id)}">'
                f'<p class="entity__names">{forms}</p>'
                + (f'<p class="entity__translit" lang="en" dir="ltr">{translit}</p>' if translit else "")
                + f'<p class="entity__about">{_lang_span(about_lang, about)}</p>'
                f'<p class="entity__uses">{esc(ui["excerpts"])}: '
                f'{_refs(entity.excerpts, edition, page_url)}</p></li>')
        sections.append(f'<h2 id="{kind}s">{esc(ui[f"kind_{kind}"])}</h2>'
                        f'<ul class="entities">{"".join(items)}</ul>')
    return "\n".join(sections)


def format_date(iso: str) -> str:
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 3:
        return f"{parts[2]} {_MONTHS[parts[1] - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{_MONTHS[parts[1] - 1]} {parts[0]}"
    return str(parts[0])


def timeline_html(edition: str, page_url: str) -> str:
    build = _state()
    corpus = build.corpus
    rows = []
    for event in build.app.events:
        when = format_date(event.date) + (f" – {format_date(event.end)}" if event.end else "")
        shown = f'<time datetime="{esc(event.date)}">{esc(when)}</time>'
        if edition == "fa":
            sh = solar_hijri(event.date) + (f" – {solar_hijri(event.end)}" if event.end else "")
            shown += f' <span class="event__sh" lang="fa">({esc(sh)} ه‍.ش)</span>'
        title_lang = edition if event.title.get(edition) else "en"
        papers = sorted({corpus.resolve(i).paper for i in event.excerpts})  # type: ignore[union-attr]
        paper_names = ", ".join(esc(corpus.papers[k].title("en")) for k in papers)
        rows.append(
            f'<li class="event" id="event-{esc(event.id)}" data-date="{esc(event.date)}">'
            f'<div class="event__date" dir="ltr">{shown}</div>'
            f'<div class="event__body"><p class="event__title">'
            f'{_lang_span(title_lang, event.title.get(title_lang, ""))}</p>'
            f'<p class="event__papers" lang="en" dir="ltr">{paper_names}</p>'
            f'<p class="event__refs">{_refs(event.excerpts, edition, page_url)}</p></div></li>')
    return f'<ol class="timeline">{"".join(rows)}</ol>'


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    edition = _edition(config)
    if _ENTITIES.search(markdown):
        block = entities_html(edition, page.url)
        markdown = _ENTITIES.sub(lambda m: "\n" + block + "\n", markdown)
    if _TIMELINE.search(markdown):
        block = timeline_html(edition, page.url)
        markdown = _TIMELINE.sub(lambda m: "\n" + block + "\n", markdown)
    return markdown
