"""The apparatus that ties the papers together: glossary terms, people/organisations/places,
dated events and seminar packets. Loaded from docs/data/*.yml and (by `packet_file`)
docs/en/packets/*.md.

Like content.py, this module knows nothing of MkDocs; problems name the file, the line and a fix.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from apparatus_text import (
    check_texts,
    check_values,
    edition_texts,
    missing_translations,
    scan_file,
)
from content import data_signature
from event_file import Event, read_events
from form_match import form_pattern
from languages import EDITIONS
from model import ID_RE, Problem
from packet_file import Packet, read_packets
from text_language import data_slips
from yaml_lines import load_yaml, unknown_keys

KINDS = ("person", "organisation", "place")
#: the keys of a glossary term and of an entry of the index (`unknown_keys` reports any other)
TERM_KEYS = frozenset({*EDITIONS, "definition", "match", "aliases", "variants"})
ENTITY_KEYS = frozenset({"id", "kind", "names", "family", "translit", "about", "match",
                         "variants"})


@dataclass
class Term:
    id: str
    names: dict[str, str]
    definition: dict[str, str]
    match: list[str]
    line: int
    aliases: list[str] = field(default_factory=list)  #: former ids whose links still lead here


@dataclass
class Entity:
    id: str
    kind: str
    names: dict[str, str]
    translit: dict[str, str]
    about: dict[str, str]
    match: list[str]
    line: int
    excerpts: list[str] = field(default_factory=list)
    #: a person's family name in each language, as the name in `names` ends with it
    family: dict[str, str] = field(default_factory=dict)


@dataclass
class Apparatus:
    terms: dict[str, Term] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    packets: dict[str, Packet] = field(default_factory=dict)
    linked: tuple[str, ...] = ()  #: the excerpts `link_entities` last read
    #: (file, entry id, `variants:` value) of every entry that lists name variants
    variants: list[tuple[str, str, Any]] = field(default_factory=list)
    #: the files that could not be read ("glossary.yml", "entities.yml"): what names their
    #: entries is not reported again for each name (one mistake, one message)
    unread: set[str] = field(default_factory=set)


def _forms(value: Any) -> list[str]:
    """Surface forms, from a list or from a mapping of language -> list."""
    if isinstance(value, dict):
        value = [f for k, forms in value.items() if k in EDITIONS for f in (forms or [])]
    return [str(f).strip() for f in (value or []) if str(f).strip()]


def _match_keys(entry: dict[str, Any], rel: str, what: str) -> list[Problem]:
    """`match` given by language: forms under a language the site does not have (`fs:` for
    `fa:`) would be dropped without a word."""
    match = entry.get("match")
    return unknown_keys(match, EDITIONS, rel, f"{what}, match") if isinstance(match, dict) else []


def _read(path: Path, root: Path) -> tuple[Any, list[Problem], str]:
    rel = path.resolve().relative_to(root.resolve()).as_posix()
    if not path.exists():
        return None, [], rel
    data, errors = load_yaml(path, root)
    if errors:
        return None, errors, rel
    return data, scan_file(rel, path.read_text(encoding="utf-8")) + data_slips(rel, data), rel


_cache: dict[Path, tuple[Any, Apparatus, list[Problem]]] = {}


def load_apparatus(docs_dir: Path, excerpt_ids: set[str]) -> tuple[Apparatus, list[Problem]]:
    """The apparatus and its problems; kept until one of the content files changes."""
    key = docs_dir.resolve()
    signature = (data_signature(docs_dir), frozenset(excerpt_ids))
    cached = _cache.get(key)
    if cached and cached[0] == signature:
        return cached[1], list(cached[2])
    app, problems = _load_apparatus(docs_dir, excerpt_ids)
    _cache[key] = (signature, app, problems)
    return app, list(problems)


def _load_apparatus(docs_dir: Path, excerpt_ids: set[str]) -> tuple[Apparatus, list[Problem]]:
    root = docs_dir.parent
    data_dir = docs_dir / "data"
    app = Apparatus()
    problems: list[Problem] = []
    for name, read in (("glossary.yml", _read_terms), ("entities.yml", _read_entities)):
        data, errors, rel = _read(data_dir / name, root)
        if data is None and errors:
            app.unread.add(name)
        problems += read(app, data, errors, rel)
    problems += read_events(app.events, app.variants, excerpt_ids,
                            *_read(data_dir / "events.yml", root))
    problems += read_packets(app.packets, app.terms, docs_dir / "en" / "packets", root)
    return app, problems


def _read_terms(app: Apparatus, data: Any, problems: list[Problem], rel: str) -> list[Problem]:
    """docs/data/glossary.yml: term id -> forms, definitions and surface forms."""
    if data is not None and not isinstance(data, dict):
        return problems + [Problem(rel, 1, "the glossary must map each term id to its entry",
                                   "start each entry with `term-id:` at the left margin, as in "
                                   "the existing file")]
    data = data or {}
    for term_id, entry in data.items():
        if term_id in ("__line__", "__lines__"):
            continue
        line = data.get("__lines__", {}).get(term_id, 1)
        if not isinstance(entry, dict) or not ID_RE.match(str(term_id)):
            problems.append(Problem(rel, line, f"glossary entry {term_id!r} is not a mapping with "
                                    "an id of lowercase letters, digits and hyphens",
                                    "write `term-id:` followed by en/tr/fa/ar and definition"))
            continue
        problems += unknown_keys(entry, TERM_KEYS, rel, f"glossary term '{term_id}'") + \
            _match_keys(entry, rel, f"glossary term '{term_id}'")
        names = edition_texts(entry)
        definition = edition_texts(entry.get("definition"))
        if not names.get("en") or not definition.get("en"):
            problems.append(Problem(rel, line, f"glossary term '{term_id}' needs `en` and an "
                                    "English `definition`", "add `en: <term>` and `definition: "
                                    "{en: <one or two sentences>}`"))
        aliases = entry.get("aliases") or []
        if not isinstance(aliases, list) or not all(ID_RE.match(str(a)) for a in aliases):
            problems.append(Problem(rel, line, f"glossary term '{term_id}': `aliases` must be a "
                                    "list of former term ids", "write e.g. `aliases: [old-id]`"))
            aliases = []
        problems += check_values(rel, entry, line, f"glossary term '{term_id}'") + \
            check_texts(rel, entry, "definition", f"glossary term '{term_id}'")
        app.variants.append((rel, str(term_id), entry.get("variants")))
        app.terms[term_id] = Term(term_id, names, definition,
                                  _forms(entry.get("match")) or list(names.values()), line,
                                  [str(a) for a in aliases])
    return problems


def _read_entities(app: Apparatus, data: Any, problems: list[Problem], rel: str) -> list[Problem]:
    """docs/data/entities.yml: people, organisations and places."""
    if data is not None and not isinstance(data, list):
        return problems + [Problem(rel, 1, "the index must be a list of entries",
                                   "start each entry with `- id: ...`, as in the existing file")]
    for entry in data or []:
        line = entry.get("__line__", 1) if isinstance(entry, dict) else 1
        if not isinstance(entry, dict) or not ID_RE.match(str(entry.get("id", ""))):
            problems.append(Problem(rel, line, "an entity needs an `id` of lowercase letters, "
                                    "digits and hyphens", "write e.g. `- id: ilham-aliyev`"))
            continue
        problems += unknown_keys(entry, ENTITY_KEYS, rel, f"entity '{entry['id']}'") + \
            _match_keys(entry, rel, f"entity '{entry['id']}'")
        kind = str(entry.get("kind") or "")
        if kind not in KINDS:
            problems.append(Problem(rel, line, f"entity '{entry['id']}' has unknown kind {kind!r}",
                                    f"use one of: {', '.join(KINDS)}"))
        if entry["id"] in app.entities:
            problems.append(Problem(rel, line, f"duplicate entity id '{entry['id']}'",
                                    "give each entity its own id"))
        names = edition_texts(entry.get("names"))
        if not names.get("en"):
            problems.append(Problem(rel, line, f"entity '{entry['id']}' has no English name",
                                    "add `names: {en: ..., tr: ..., fa: ..., ar: ...}`"))
        problems += [p for key in ("names", "translit", "about")
                     for p in check_texts(rel, entry, key, f"entity '{entry['id']}'")]
        app.variants.append((rel, str(entry["id"]), entry.get("variants")))
        family, found = _family(entry, names, rel, line)
        app.entities[entry["id"]] = Entity(
            entry["id"], kind, names, edition_texts(entry.get("translit")),
            edition_texts(entry.get("about")), _forms(entry.get("match")) or list(names.values()), line,
            family=family)
        problems += found
    return problems


def _family(entry: dict[str, Any], names: dict[str, str], rel: str,
            line: int) -> tuple[dict[str, str], list[Problem]]:
    """A person's `family` names: one for each form of `names`, each the end of that form; none
    for a person known by a given name or a title (`family: null`)."""
    what, person = f"entity '{entry['id']}'", entry.get("kind") == "person"
    if "family" not in entry:
        return {}, [] if not person else [Problem(
            rel, line, f"{what}: a person has no `family:`, so the index cannot tell the family "
            "name from the given names", "give the family name as each form of the name ends "
            "with it (`family: {en: Aliyev, tr: Aliyev, fa: علی‌اف, ar: علييف}` for «Heydar "
            "Aliyev»), or write `family: null` for a person known by a given name or a title "
            "(Alp Arslan, Enver Pasha)")]
    if person and entry["family"] is None:
        return {}, []
    family = edition_texts(entry.get("family"))
    line = entry.get("__lines__", {}).get("family", line)
    if not person or not family:
        return {}, [Problem(rel, line, f"{what}: `family` is a person's family name in each "
                            "language", "write `family: {en: Aliyev, tr: Aliyev, fa: علی‌اف, "
                            "ar: علييف}` for a person, or leave it out")]
    problems = [Problem(rel, line, f"{what}: `family` has no {lang} form, which its name has",
                        f"add `{lang}: ...`, the end of «{names[lang]}» that is the family name")
                for lang in names if lang not in family]
    problems += [Problem(rel, line, f"{what}: the {lang} family name «{text}» is not the end of "
                         f"the {lang} name «{names.get(lang, '')}»",
                         "write the family name as the name in `names` ends with it")
                 for lang, text in family.items()
                 if not names.get(lang, "").endswith(" " + text)]
    return ({}, problems) if problems else (family, [])


def check_terms(excerpts: list[Any], app: Apparatus) -> list[Problem]:
    """Every term id an excerpt names must be in the glossary (where it could be read)."""
    problems: list[Problem] = []
    if "glossary.yml" in app.unread:
        return problems
    for excerpt in excerpts:
        for term in excerpt.terms:
            if term not in app.terms:
                problems.append(Problem(
                    excerpt.file, excerpt.line, f"unknown glossary term '{term}'",
                    "add it to docs/data/glossary.yml (en, tr, fa, ar and a definition) or use an "
                    "existing term id", excerpt.id))
    return problems


def link_entities(app: Apparatus, excerpts: list[Any]) -> None:
    """Fill each entity's list of the excerpts that name it (once per set of excerpts)."""
    ids = tuple(e.id for e in excerpts)
    if app.linked == ids:
        return
    app.linked = ids
    for entity in app.entities.values():
        pattern = form_pattern(entity.match)
        entity.excerpts = [e.id for e in excerpts if pattern and
                           (pattern.search(e.original) or pattern.search(e.translation))]


def term_excerpts(app: Apparatus, excerpts: list[Any]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {t: [] for t in app.terms}
    for excerpt in excerpts:
        for term in excerpt.terms:
            out.setdefault(term, []).append(excerpt.id)
    return out


def translation_gaps(app: Apparatus) -> list[Problem]:
    """A warning for each glossary term, index entry and event not yet in every edition's
    language (`make check` lists them with the pages and notes not yet translated)."""
    glossary, index, timeline = (f"docs/data/{n}.yml" for n in ("glossary", "entities", "events"))
    out: list[Problem] = []
    for term in app.terms.values():
        out += missing_translations(glossary, term.line, term.names, f"glossary term '{term.id}'")
        out += missing_translations(glossary, term.line, term.definition,
                                    f"the definition of '{term.id}'", "definition")
    for entity in app.entities.values():
        out += missing_translations(index, entity.line, entity.names,
                                    f"the name of entity '{entity.id}'", "names")
        out += missing_translations(index, entity.line, entity.about,
                                    f"the description of entity '{entity.id}'", "about")
    for event in app.events:
        out += missing_translations(timeline, event.line, event.title,
                                    f"the title of event '{event.id}'", "title")
    return out
