"""The corpus export and citation files.

After the last edition is built, the reader's hook writes, at the site root:
* corpus/excerpts.json — papers and excerpts (plain text, URLs in every edition);
* corpus/excerpts.tmx — TMX 1.4, the original and English as the two variants of each unit;
* cite/<paper>.bib and cite/<paper>.ris — the papers' references.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from apparatus import Apparatus, link_entities, solar_hijri, term_excerpts
from content import Corpus, Excerpt, strip_lines
from languages import EDITIONS
from reader_build import ReaderBuild
from render import bibtex, plain_text, reference_text, ris

SCHEMA_VERSION = 1


def corpus_json(build: ReaderBuild) -> dict[str, Any]:
    corpus = build.corpus
    papers = []
    for paper in corpus.papers.values():
        papers.append({
            "key": paper.key, "lang": paper.lang, "source": paper.source,
            "title": paper.title("en"), "title_original": paper.title("original"),
            "calendar": paper.calendar, "cite": {"authors": paper.cite_authors,
                                                 "year": paper.cite_year},
            "reference": reference_text(paper),
            "record": strip_lines(paper.record),
            "sections": [{"id": s.id, "number": s.number, "level": s.level,
                          "original": s.original, "en": s.en} for s in paper.sections],
            "urls": {e: build.paper_url(paper.key, e) for e in EDITIONS},
            "excerpts": [x.id for x in paper.excerpts],
        })
    items = []
    for excerpt in corpus.excerpts.values():
        section = next(s for s in corpus.papers[excerpt.paper].sections if s.id == excerpt.section)
        items.append({
            "id": excerpt.id, "paper": excerpt.paper, "lang": excerpt.lang,
            "number": excerpt.number, "label": corpus.label(excerpt),
            "original": plain_text(excerpt.original), "translation": plain_text(excerpt.translation, True),
            "page": excerpt.page, "page_inferred": excerpt.page_inferred,
            "section": excerpt.section,
            "section_heading": {"original": section.original, "en": section.en},
            "terms": excerpt.terms,
            "glued_in_source": excerpt.glued_in_source,
            "notes": [{"type": n.type, "text": n.text, "texts": n.texts} for n in excerpt.notes],
            "urls": {e: build.excerpt_url(excerpt.id, e) for e in EDITIONS},
        })
    return {"schema": SCHEMA_VERSION, "papers": papers, "excerpts": items}


def apparatus_json(corpus: Corpus, app: Apparatus) -> dict[str, Any]:
    """The glossary, the index of entities, the timeline and the seminar packets."""
    uses = term_excerpts(app, list(corpus.excerpts.values()))
    link_entities(app, list(corpus.excerpts.values()))
    return {
        "terms": [{"id": t.id, "names": t.names, "definition": t.definition,
                   "excerpts": uses.get(t.id, [])} for t in app.terms.values()],
        "entities": [{"id": e.id, "kind": e.kind, "names": e.names, "translit": e.translit,
                      "about": e.about, "excerpts": e.excerpts} for e in app.entities.values()],
        "events": [{"id": e.id, "date": e.date, "end": e.end,
                    "date_solar_hijri": solar_hijri(e.date), "names": e.title,
                    "excerpts": [corpus.resolve(i).id for i in e.excerpts]}  # type: ignore[union-attr]
                   for e in app.events],
        "packets": [{"id": p.id, "names": {"en": p.title}, "terms": p.terms,
                     "excerpts": [corpus.resolve(i).id for i in p.excerpts],  # type: ignore[union-attr]
                     "url": f"packets/{p.id}/"}
                    for p in app.packets.values()],
    }


def note_units(excerpt: Excerpt) -> list[str]:
    """One unit per editor's note, English first, then each language it is written in."""
    units = []
    for number, note in enumerate(excerpt.notes, 1):
        variants = "".join(f'      <tuv xml:lang="{lang}"><seg>{escape(text)}</seg></tuv>\n'
                           for lang, text in note.texts.items())
        units.append(
            f'    <tu tuid={quoteattr(f"{excerpt.id}/note-{number}")} srclang="en">\n'
            f'      <prop type="x-excerpt">{escape(excerpt.id)}</prop>\n'
            f'      <prop type="x-note-type">{escape(note.type)}</prop>\n'
            f"{variants}    </tu>")
    return units


def corpus_tmx(corpus: Corpus) -> str:
    units = []
    for excerpt in corpus.excerpts.values():
        units.append(
            f'    <tu tuid={quoteattr(excerpt.id)} srclang={quoteattr(excerpt.lang)}>\n'
            f'      <prop type="x-paper">{escape(excerpt.paper)}</prop>\n'
            f'      <prop type="x-label">{escape(corpus.label(excerpt))}</prop>\n'
            f'      <tuv xml:lang={quoteattr(excerpt.lang)}><seg>{escape(plain_text(excerpt.original))}'
            f'</seg></tuv>\n'
            f'      <tuv xml:lang="en"><seg>{escape(plain_text(excerpt.translation, True))}</seg></tuv>\n'
            f"    </tu>")
        units.extend(note_units(excerpt))
    body = "\n".join(units)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<tmx version="1.4">\n'
        '  <header creationtool="karabakh-reader" creationtoolversion="1" segtype="paragraph" '
        'o-tmf="yaml" adminlang="en" srclang="*all*" datatype="plaintext"/>\n'
        f"  <body>\n{body}\n  </body>\n</tmx>\n")


def write_export(site: Path, build: ReaderBuild) -> None:
    """The export files, at the root of the English edition of the built site."""
    corpus = build.corpus
    (site / "corpus").mkdir(parents=True, exist_ok=True)
    data = corpus_json(build)
    data.update(apparatus_json(corpus, build.app))
    (site / "corpus" / "excerpts.json").write_text(
        json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    (site / "corpus" / "excerpts.tmx").write_text(corpus_tmx(corpus), encoding="utf-8")
    (site / "cite").mkdir(exist_ok=True)
    for paper in corpus.papers.values():
        (site / "cite" / f"{paper.key}.bib").write_text(bibtex(paper), encoding="utf-8")
        (site / "cite" / f"{paper.key}.ris").write_text(ris(paper), encoding="utf-8", newline="")
