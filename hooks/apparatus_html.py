"""The generated blocks of the apparatus: `::: glossary`, `::: entities` and `::: timeline`.

* the glossary: every term with its forms in the four languages, its definition in the edition's
  language (English where not written) and the excerpts that use it, by paper;
* the index of people, organisations and places: forms, transliteration, one line of
  identification and the excerpts that name each;
* the timeline: the dated events in order, each with the papers and excerpts that discuss it; the
  Persian edition shows Solar Hijri dates beside the Gregorian ones.
"""

from __future__ import annotations

from typing import Any

from apparatus import KINDS, term_excerpts
from apparatus_text import edition_name, inline_html, name_order
from calendar_sh import digits, format_date, solar_hijri
from languages import EDITIONS, LANGUAGES, direction
from maps import locators, map_links
from mkdocs.utils import get_relative_url
from reader_build import ReaderBuild
from templates import Markup, render


def excerpt_refs(build: ReaderBuild, ids: list[str], page_url: str) -> Markup:
    refs = []
    for ref in ids:
        excerpt = build.excerpt(ref)
        refs.append({"id": excerpt.id, "href": get_relative_url(build.excerpt_url(excerpt.id), page_url),
                     "label": build.corpus.label(excerpt, build.edition)})
    return Markup(render("excerpt-refs.html", refs=refs, dir=build.dir,
                         semicolon=LANGUAGES[build.edition].semicolon))


def forms(names: dict[str, str], first: str = "en") -> list[dict[str, Any]]:
    """A name's forms, the form in the language `first` first and the others in the editions'
    order, each written once, with the languages that write it so (`langs`): "Alexander Wendt",
    not "Alexander Wendt · Alexander Wendt" where the English and Turkish forms are the same."""
    out: list[dict[str, Any]] = []
    for code in sorted(EDITIONS, key=lambda code: code != first):
        text = names.get(code)
        same = next((form for form in out if form["text"] == text), None) if text else None
        if same is not None:
            same["langs"].append(code)
        elif text:
            out.append({"lang": code, "dir": direction(code), "text": text, "langs": [code]})
    return out


def glossary_html(build: ReaderBuild, page_url: str) -> str:
    corpus, edition = build.corpus, build.edition
    uses = term_excerpts(build.app, list(corpus.excerpts.values()))
    on_maps, small_maps = map_links(build, page_url), locators(build)
    terms = []
    for term in sorted(build.app.terms.values(), key=lambda t: name_order(t.names, edition)):
        lang = edition if term.definition.get(edition) else "en"
        by_paper: dict[str, list[str]] = {}
        for ex_id in uses.get(term.id, []):
            by_paper.setdefault(corpus.excerpts[ex_id].paper, []).append(ex_id)
        terms.append({
            "id": term.id, "aliases": term.aliases, "forms": forms(term.names),
            "maps": on_maps.get(("term", term.id), []),
            "locator": small_maps.get(("term", term.id)),
            "name": edition_name(term.names, edition),
            "lang": lang, "dir": direction(lang), "definition": inline_html(term.definition[lang]),
            "uses": [(key, corpus.papers[key].short_title(edition),
                      excerpt_refs(build, ids, page_url))
                     for key, ids in by_paper.items()],
        })
    return render("glossary.html", ui=build.ui, terms=terms)


def entities_html(build: ReaderBuild, page_url: str) -> str:
    edition = build.edition
    kinds = []
    on_maps, small_maps = map_links(build, page_url), locators(build)
    for kind in KINDS:
        entities = []
        for entity in sorted((e for e in build.app.entities.values() if e.kind == kind),
                             key=lambda e: name_order(e.names, edition, e.family)):
            about_lang = edition if entity.about.get(edition) else "en"
            entities.append({
                "id": entity.id, "forms": forms(entity.names, first=edition),
                "maps": on_maps.get(("entity", entity.id), []),
                "locator": small_maps.get(("entity", entity.id)),
                # the names' Latin spellings, each after its language's name in the edition's
                "translit": [(lang, build.ui[f"lang_{lang}"], text)
                             for lang, text in entity.translit.items()],
                "about_lang": about_lang, "about_dir": direction(about_lang),
                "about": inline_html(entity.about.get(about_lang, "")),
                "refs": excerpt_refs(build, entity.excerpts, page_url),
            })
        kinds.append({"id": kind, "title": build.ui[f"kind_{kind}"], "entities": entities})
    return render("entities.html", ui=build.ui, kinds=kinds, comma=LANGUAGES[edition].comma)


def timeline_html(build: ReaderBuild, page_url: str) -> str:
    corpus, edition = build.corpus, build.edition
    separator = LANGUAGES[edition].comma
    order = {excerpt_id: n for n, excerpt_id in enumerate(corpus.excerpts)}
    events = []
    for event in build.app.events:
        title_lang = edition if event.title.get(edition) else "en"
        solar_hijri_dates: list[str] = []
        if edition == "fa":  # none where the calendar does not count the first or last date
            dates = [solar_hijri(d) for d in (event.date, event.end) if d]
            solar_hijri_dates = [digits(d, "fa") for d in dates] if all(dates) else []
        # the excerpts by paper, in the menu's order of the papers, then by paragraph
        refs = sorted(event.excerpts, key=lambda i: order[build.excerpt(i).id])
        papers = dict.fromkeys(build.excerpt(i).paper for i in refs)
        events.append({
            # a span of time is two dates, each an element of its own: bidi isolation then sees
            # «1914» and «11» in two texts, not a range of numbers «1914 – 11» to isolate
            "id": event.id, "date": event.date, "end": event.end,
            "when": format_date(event.date, edition),
            "until": format_date(event.end, edition) if event.end else "",
            "solar_hijri": solar_hijri_dates,
            "title_lang": title_lang, "title_dir": direction(title_lang),
            "title": inline_html(event.title.get(title_lang, "")),
            "papers": separator.join(corpus.papers[k].short_title(edition) for k in papers),
            "refs": excerpt_refs(build, refs, page_url),
        })
    return render("timeline.html", events=events, edition=edition, dir=build.dir)
