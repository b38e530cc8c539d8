"""The corpus export and citation files.

After the last edition is built, the reader's hook writes, at the site root:
* corpus/excerpts.json — papers and excerpts (plain text, absolute URLs in every edition), valid
  against corpus/excerpts.schema.json (the schema is `hooks/schemas/excerpts.schema.json`);
* corpus/excerpts-<lang>-en.tmx, corpus/notes-en-<lang>.tmx and corpus/excerpts.tmx — the
  translation memories (`export_tmx`);
* corpus/pairs.csv and corpus/pairs.tsv — the aligned pairs as tables (`export_tables`);
* cite/<paper>.bib and cite/<paper>.ris — the papers' references.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import nh3
from apparatus import link_entities, term_excerpts
from apparatus_text import inline_plain
from calendar_sh import solar_hijri
from export_tables import table_files
from export_tmx import Unit, tmx_files
from languages import EDITIONS
from model import Corpus, Excerpt
from reader_build import ReaderBuild
from render import bibtex, note_markdown, plain_text, reference_text, ris

#: the version of the format of corpus/excerpts.json; raise it when a field changes meaning
VERSION = 2
SCHEMA = Path(__file__).resolve().parent / "schemas" / "excerpts.schema.json"
SCHEMA_PATH = "corpus/excerpts.schema.json"


def markdown_plain(text: str, corpus: Corpus, lang: str) -> str:
    """A note's Markdown as plain text: links become their labels, paragraphs stay apart."""
    paragraphs = [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    plain = (html.unescape(nh3.clean(note_markdown(p, corpus, lambda i: i, lang), tags=set()))
             for p in paragraphs)
    return "\n\n".join(" ".join(p.split()) for p in plain)


def note_json(corpus: Corpus, texts: dict[str, str]) -> dict[str, Any]:
    return {"texts": texts,
            "plain": {lang: markdown_plain(text, corpus, lang) for lang, text in texts.items()}}


def paper_json(build: ReaderBuild, key: str) -> dict[str, Any]:
    paper = build.corpus.papers[key]
    record = paper.record.model_dump(mode="json", exclude_unset=True)
    if record.get("note"):
        record["note_plain"] = note_json(build.corpus, record["note"])["plain"]
    return {
        "key": paper.key, "lang": paper.lang,
        "title": paper.title("en"), "title_original": paper.title("original"),
        "calendar": paper.calendar, "cite": {"authors": paper.cite_authors,
                                             "year": paper.cite_year},
        "reference": reference_text(paper), "record": record,
        "sections": [{"id": s.id, "number": s.number, "level": s.level,
                      "original": s.original, "en": s.en, "headings": s.headings}
                     for s in paper.sections],
        "urls": {e: build.public_url(build.paper_url(paper.key, e)) for e in EDITIONS},
        "excerpts": [x.id for x in paper.excerpts],
    }


def excerpt_json(build: ReaderBuild, excerpt: Excerpt) -> dict[str, Any]:
    corpus = build.corpus
    section = next(s for s in corpus.papers[excerpt.paper].sections if s.id == excerpt.section)
    return {
        "id": excerpt.id, "paper": excerpt.paper, "lang": excerpt.lang,
        # the label with plain spaces, as the notes' plain text gives it (the pages join the
        # page's abbreviation to its number with a no-break space)
        "number": excerpt.number, "label": " ".join(corpus.label(excerpt).split()),
        "original": plain_text(excerpt.original),
        "translation": plain_text(excerpt.translation, True),
        "page": excerpt.page, "page_inferred": excerpt.page_inferred,
        "section": excerpt.section,
        "section_heading": {"original": section.original, "en": section.en,
                            "headings": section.headings},
        "terms": excerpt.terms,
        "glued_in_source": excerpt.glued_in_source,
        "notes": [{"type": n.type, "text": n.text, **note_json(corpus, n.texts)}
                  for n in excerpt.notes],
        "urls": {e: build.public_url(build.excerpt_url(excerpt.id, e)) for e in EDITIONS},
    }


def corpus_json(build: ReaderBuild) -> dict[str, Any]:
    """The papers and excerpts, with the format's schema, version and the site's address."""
    schema = build.public_url(SCHEMA_PATH) if build.site_url else "excerpts.schema.json"
    return {"$schema": schema, "version": VERSION, "site_url": build.public_url(""),
            "papers": [paper_json(build, key) for key in build.corpus.papers],
            "excerpts": [excerpt_json(build, x) for x in build.corpus.excerpts.values()]}


def _plain(texts: dict[str, str]) -> dict[str, str]:
    """The apparatus's texts in each language without their inline Markdown (`apparatus_text`)."""
    return {lang: inline_plain(text) for lang, text in texts.items()}


def apparatus_json(build: ReaderBuild) -> dict[str, Any]:
    """The glossary, the index of entities, the timeline and the seminar packets."""
    corpus, app = build.corpus, build.app
    uses = term_excerpts(app, list(corpus.excerpts.values()))
    link_entities(app, list(corpus.excerpts.values()))
    return {
        "terms": [{"id": t.id, "names": t.names, "definition": _plain(t.definition),
                   "excerpts": uses.get(t.id, [])} for t in app.terms.values()],
        "entities": [{"id": e.id, "kind": e.kind, "names": e.names, "family": e.family,
                      "translit": e.translit, "about": _plain(e.about), "excerpts": e.excerpts}
                     for e in app.entities.values()],
        "events": [{"id": e.id, "date": e.date, "end": e.end,
                    "date_solar_hijri": solar_hijri(e.date) or None, "names": _plain(e.title),
                    "excerpts": [build.excerpt(i).id for i in e.excerpts]}
                   for e in app.events],
        "packets": [{"id": p.id, "names": {"en": p.title}, "terms": p.terms,
                     "excerpts": [build.excerpt(i).id for i in p.excerpts],
                     "url": build.public_url(build.page_url(f"packets/{p.id}.md", "en"))}
                    for p in app.packets.values()],
    }


def translation_units(data: dict[str, Any]) -> tuple[list[Unit], list[Unit]]:
    """The excerpts and the editors' notes of corpus/excerpts.json as translation units."""
    excerpts, notes = [], []
    for item in data["excerpts"]:
        excerpts.append(Unit(item["id"], item["lang"],
                             ((item["lang"], item["original"]), ("en", item["translation"])),
                             (("x-paper", item["paper"]), ("x-label", item["label"]),
                              ("x-url", item["urls"]["en"]))))
        for number, note in enumerate(item["notes"], 1):
            plain = note["plain"]
            variants = (("en", plain["en"]),) + tuple(
                (lang, plain[lang]) for lang in EDITIONS if lang != "en" and plain.get(lang))
            notes.append(Unit(f"{item['id']}/note-{number}", "en", variants,
                              (("x-excerpt", item["id"]), ("x-note-type", note["type"]))))
    return excerpts, notes


def published_schema(build: ReaderBuild) -> str:
    """The schema of corpus/excerpts.json, with its address on the published site."""
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    if build.site_url:
        schema = {"$schema": schema.pop("$schema"), "$id": build.public_url(SCHEMA_PATH),
                  **schema}
    return json.dumps(schema, ensure_ascii=False, indent=1) + "\n"


def corpus_files(build: ReaderBuild) -> dict[str, str]:
    """File name (in `corpus/`) to text, for every file of the corpus export."""
    data = corpus_json(build)
    data.update(apparatus_json(build))
    files = {"excerpts.json": json.dumps(data, ensure_ascii=False, indent=1) + "\n",
             "excerpts.schema.json": published_schema(build)}
    files.update(tmx_files(*translation_units(data)))
    files.update(table_files(data["excerpts"]))
    return files


def write_export(site: Path, build: ReaderBuild) -> None:
    """The export files, at the root of the English edition of the built site."""
    (site / "corpus").mkdir(parents=True, exist_ok=True)
    for name, text in corpus_files(build).items():
        (site / "corpus" / name).write_text(text, encoding="utf-8", newline="")
    (site / "cite").mkdir(exist_ok=True)
    for paper in build.corpus.papers.values():
        (site / "cite" / f"{paper.key}.bib").write_text(bibtex(paper), encoding="utf-8")
        (site / "cite" / f"{paper.key}.ris").write_text(ris(paper), encoding="utf-8", newline="")
