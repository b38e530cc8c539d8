"""The generated blocks of the apparatus: `::: glossary`, `::: entities` and `::: timeline`.

* the glossary: every term with its forms in the four languages, its definition in the edition's
  language (English where not written) and the excerpts that use it, by paper;
* the index of people, organisations and places: forms, transliteration, one line of
  identification and the excerpts that name each;
* the timeline: the dated events in order, each with the papers and excerpts that discuss it; the
  Persian edition shows Solar Hijri dates beside the Gregorian ones.
"""

from __future__ import annotations

from datetime import date

from apparatus import KINDS, solar_hijri, term_excerpts
from calendar_sh import digits, long_date
from languages import EDITIONS, direction
from mkdocs.utils import get_relative_url
from reader_build import ReaderBuild
from render import esc


def excerpt_refs(build: ReaderBuild, ids: list[str], page_url: str) -> str:
    links = []
    for ref in ids:
        excerpt = build.excerpt(ref)
        href = get_relative_url(build.excerpt_url(excerpt.id), page_url)
        links.append(f'<a class="excerpt-ref" dir="{build.dir}" href="{esc(href)}" '
                     f'data-ref="{esc(excerpt.id)}">'
                     f"{esc(build.corpus.label(excerpt, build.edition))}</a>")
    return "; ".join(links)


def lang_span(code: str, text: str) -> str:
    return f'<span lang="{code}" dir="{direction(code)}">{esc(text)}</span>'


def glossary_html(build: ReaderBuild, page_url: str) -> str:
    corpus, ui, edition = build.corpus, build.ui, build.edition
    uses = term_excerpts(build.app, list(corpus.excerpts.values()))
    entries = []
    for term in sorted(build.app.terms.values(), key=lambda t: t.names["en"].casefold()):
        forms = "".join(
            f'<span class="term__form" data-lang="{code}"><span class="term__lang">{code}</span> '
            f"{lang_span(code, term.names[code])}</span>"
            for code in EDITIONS if term.names.get(code))
        lang = edition if term.definition.get(edition) else "en"
        by_paper: dict[str, list[str]] = {}
        for ex_id in uses.get(term.id, []):
            by_paper.setdefault(corpus.excerpts[ex_id].paper, []).append(ex_id)
        used = "".join(
            f'<li><span class="term__paper">{esc(corpus.papers[key].short_title(edition))}</span>: '
            f"{excerpt_refs(build, ids, page_url)}</li>" for key, ids in by_paper.items())
        aliases = "".join(f'<span class="term__alias" id="term-{esc(a)}"></span>'
                          for a in term.aliases)
        entries.append(
            f'<section class="term" id="term-{esc(term.id)}" data-term="{esc(term.id)}">{aliases}'
            f'<h2 class="term__name">{esc(term.names.get(edition) or term.names["en"])}</h2>'
            f'<p class="term__forms">{forms}</p>'
            f'<p class="term__definition" lang="{lang}" dir="{direction(lang)}">'
            f"{esc(term.definition[lang])}</p>"
            + (f'<ul class="term__uses" aria-label="{esc(ui["excerpts"])}">{used}</ul>' if used else "")
            + "</section>")
    return f'<div class="glossary">{"".join(entries)}</div>'


def entities_html(build: ReaderBuild, page_url: str) -> str:
    ui, edition = build.ui, build.edition
    sections = []
    for kind in KINDS:
        items = []
        for entity in sorted((e for e in build.app.entities.values() if e.kind == kind),
                             key=lambda e: e.names["en"].casefold()):
            forms = " · ".join(lang_span(code, entity.names[code])
                               for code in EDITIONS if entity.names.get(code))
            translit = ", ".join(f"{code}: <i>{esc(text)}</i>"
                                 for code, text in entity.translit.items())
            about_lang = edition if entity.about.get(edition) else "en"
            items.append(
                f'<li class="entity" id="entity-{esc(entity.id)}" data-entity="{esc(entity.id)}">'
                f'<p class="entity__names">{forms}</p>'
                + (f'<p class="entity__translit" lang="en" dir="ltr">{translit}</p>' if translit else "")
                + f'<p class="entity__about">{lang_span(about_lang, entity.about.get(about_lang, ""))}</p>'
                f'<p class="entity__uses">{esc(ui["excerpts"])}: '
                f"{excerpt_refs(build, entity.excerpts, page_url)}</p></li>")
        sections.append(f'<h2 id="{kind}s">{esc(ui[f"kind_{kind}"])}</h2>'
                        f'<ul class="entities">{"".join(items)}</ul>')
    return "\n".join(sections)


def format_date(iso: str, edition: str = "en") -> str:
    """An ISO date, month or year as the edition writes it."""
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 3:
        return long_date(date(*parts), edition)
    if len(parts) == 2:
        day = long_date(date(parts[0], parts[1], 1), edition)
        return day.split(" ", 1)[1]  # the pattern is "d MMMM y": drop the day
    return digits(str(parts[0]), edition)


def timeline_html(build: ReaderBuild, page_url: str) -> str:
    corpus, edition = build.corpus, build.edition
    rows = []
    for event in build.app.events:
        when = format_date(event.date, edition) + (
            f" – {format_date(event.end, edition)}" if event.end else "")
        shown = f'<time datetime="{esc(event.date)}">{esc(when)}</time>'
        if edition == "fa":
            sh = solar_hijri(event.date) + (f" – {solar_hijri(event.end)}" if event.end else "")
            shown += f' <span class="event__sh" lang="fa">({esc(digits(sh, "fa"))} ه‍.ش)</span>'
        title_lang = edition if event.title.get(edition) else "en"
        papers = sorted({build.excerpt(i).paper for i in event.excerpts})
        names = (", " if direction(edition) == "ltr" else "، ").join(
            esc(corpus.papers[k].short_title(edition)) for k in papers)
        rows.append(
            f'<li class="event" id="event-{esc(event.id)}" data-date="{esc(event.date)}">'
            f'<div class="event__date" dir="{direction(edition)}">{shown}</div>'
            f'<div class="event__body"><p class="event__title">'
            f'{lang_span(title_lang, event.title.get(title_lang, ""))}</p>'
            f'<p class="event__papers" lang="{edition}" dir="{direction(edition)}">{names}</p>'
            f'<p class="event__refs">{excerpt_refs(build, event.excerpts, page_url)}</p></div></li>')
    return f'<ol class="timeline">{"".join(rows)}</ol>'
