"""Search: a Pagefind index per edition, written after the last edition is built.

Each record of `search_records` becomes one small HTML document for Pagefind: its folded text
(`search_fold`: the rule set of `docs/data/search-normalise.yml`, the joined forms of compounds and
the other spellings of the names it holds) is what Pagefind indexes, and its original title, texts
and URL travel as metadata, which the browser shows and highlights. Pagefind (its binary ships in
the `pagefind_bin` package) writes `pagefind/<edition>/` at the site's root; the browser loads it
only when the reader opens search (`docs/assets/js/search.js`), with `pagefind/rules.json`.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import lxml.html
from apparatus import Entity, Term
from bidi_isolation import run_offsets
from bidi_runs import UNBROKEN
from jinja2 import Environment, select_autoescape
from languages import EDITIONS, LANGUAGES, RTL_LANGUAGES, direction
from lxml.etree import _Element
from reader_build import ReaderBuild
from run_language import NO_NAMES
from search_fold import Expander, Folder, RulesError, article_forms, name_forms
from search_records import Record, page_records

FOLDER = "pagefind"
#: Pagefind's own interfaces: the site has its own, so they are not published
_UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
           "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")
#: the interface strings of the search dialog (docs/data/ui.yml)
UI_KEYS = ("search", "search_label", "search_placeholder", "search_all_editions",
           "search_close", "search_results", "search_none", "search_loading", "search_hint",
           "search_kind_excerpt", "search_kind_term", "search_kind_person",
           "search_kind_organisation", "search_kind_place", "search_kind_event", "search_kind_section")

_DOCUMENT = Environment(autoescape=select_autoescape(default=True)).from_string(
    '<!doctype html><html lang="{{ lang }}"><head><meta charset="utf-8"><title>{{ r.title }}'
    '</title></head><body><div><span data-pagefind-meta="title">{{ r.title }}</span>'
    '<span data-pagefind-meta="u">{{ r.url }}</span>'
    '<span data-pagefind-meta="e">{{ lang }}</span>'
    '<span data-pagefind-meta="k">{{ r.kind }}</span>'
    '{% if r.caption %}<span data-pagefind-meta="c">{{ r.caption }}</span>{% endif %}'
    '<span data-pagefind-meta="b0">{{ runs[0] }}</span>'
    '{% for lang, text in r.texts %}<span data-pagefind-meta="l{{ loop.index }}">{{ lang }}</span>'
    '<span data-pagefind-meta="t{{ loop.index }}">{{ text }}</span>'
    '<span data-pagefind-meta="b{{ loop.index }}">{{ runs[loop.index] }}</span>{% endfor %}</div>'
    '<main data-pagefind-body><h1 data-pagefind-weight="{{ weight }}">{{ heading }}</h1>'
    '<p>{{ content }}</p></main></body></html>')
#: how much a match in a record's title counts, by kind (Pagefind's weights, 0–10; a match in the
#: text counts 1): a name's own glossary or index entry comes before the excerpts, events and
#: sections that mention it
TITLE_WEIGHTS = {"term": 10, "entity": 10, "event": 7, "section": 5, "excerpt": 7}


class SearchError(RuntimeError):
    """Pagefind could not write an index: the message has its output."""


#: the keys the dialog's hint names (search.js answers them), as a word of their own: not inside
#: a Latin word, but perhaps written on an Arabic conjunction («وEsc»)
_HINT_KEYS = re.compile(r"(?<![A-Za-z0-9/])(/|S|Esc)(?![A-Za-z0-9/])")


def hint_parts(hint: str) -> list[tuple[str, bool]]:
    """The hint cut into its text and the keys it names, in order: (text, is it a key)."""
    return [(part, index % 2 == 1) for index, part in enumerate(_HINT_KEYS.split(hint)) if part]


def ui_strings(build: ReaderBuild) -> dict[str, Any]:
    """The search dialog's strings in the edition being built (English where one is missing):
    each by its key for the template, and under `strings` for the script; the hint in parts,
    its keys shown as keys."""
    english = build.corpus.ui.get("en", {})
    strings = {key: build.ui.get(key) or english.get(key, key) for key in UI_KEYS}
    return {**strings, "edition": build.edition, "strings": strings,
            "hint_parts": hint_parts(strings["search_hint"])}


def expander(build: ReaderBuild, folder: Folder) -> Expander:
    """Every spelling of every glossary term and index entry, folded, as one group each."""
    variants = {entry: value for _, entry, value in build.app.variants}
    out = Expander()
    named: list[Term | Entity] = [*build.app.terms.values(), *build.app.entities.values()]
    for item in named:
        forms = name_forms(item.names, item.match, variants.get(item.id))
        out.add_group([folder.fold(f) for f in forms])
    for group in folder.names:
        out.add_group([folder.fold(f) for f in group])
    return out


def page_url(site_dir: Path, path: Path) -> str:
    rel = path.relative_to(site_dir).as_posix()
    return rel.removesuffix("index.html")


def site_pages(site_dir: Path) -> Iterator[tuple[str, str, _Element]]:
    """(edition, site-relative URL, parsed page) of every page (the edition: `<html lang>`)."""
    for path in sorted(site_dir.rglob("index.html")):
        rel = path.relative_to(site_dir).parts
        if rel[0] in ("assets", "pagefind", "search"):
            continue
        root = lxml.html.document_fromstring(path.read_bytes(),
                                             parser=lxml.html.HTMLParser(encoding="utf-8"))
        if root.get("lang"):
            yield str(root.get("lang")), page_url(site_dir, path), root


def _searchable(raw: str, folder: Folder, names: Expander) -> str:
    folded = folder.fold(raw)
    return " ".join([folded, *names.expansions(folded), *article_forms(folded)])


#: the documents are thousands of small files read once: in memory where the system has a
#: shared-memory file system (Linux's /dev/shm), else in the usual temporary folder
_SCRATCH = "/dev/shm" if os.access("/dev/shm", os.W_OK) else None


def _start_pagefind(source: Path, out: Path, edition: str) -> subprocess.Popen[bytes]:
    """Pagefind on the documents of `source`, writing to `out`; its output goes to
    `<source>.log` (several run at once: a full pipe would stall one)."""
    from pagefind.service import get_executable

    binary = get_executable()
    if binary is None:
        raise SearchError("the Pagefind binary is missing: `pip install -r requirements.txt` "
                          "installs it (package pagefind_bin)")
    if out.exists():
        shutil.rmtree(out)
    with source.with_suffix(".log").open("wb") as log:
        return subprocess.Popen([str(binary), "--site", str(source), "--output-path", str(out),
                                 "--force-language", edition, "--silent"],
                                stdout=log, stderr=subprocess.STDOUT)


def _finish_pagefind(process: subprocess.Popen[bytes], source: Path, out: Path,
                     edition: str) -> None:
    if process.wait() != 0:
        output = source.with_suffix(".log").read_text(encoding="utf-8", errors="replace")
        raise SearchError(f"Pagefind could not index the {edition} edition:\n{output[-3000:]}")
    for name in _UNUSED:
        (out / name).unlink(missing_ok=True)


def _write_documents(records: Iterable[Record], edition: str, folder_out: Path, folder: Folder,
                     names: Expander, spellings: Mapping[str, str],
                     titles: Mapping[str, str] = NO_NAMES) -> int:
    """One small HTML document per record, in `folder_out`, for Pagefind to index (`spellings`:
    `ReaderBuild.spellings`, the language of a run that is a known name; `titles`:
    `ReaderBuild.titles`, the papers' titles in the Latin script with their language)."""
    folder_out.mkdir(parents=True)
    count = 0
    for count, record in enumerate(records, start=1):
        # the title in a heading: Pagefind ranks a match there higher (a name's own entry
        # before the excerpts that mention it)
        body = " ".join([*(t for _, t in record.texts), record.hidden])
        # the runs the dialog isolates: in the title, against the edition's direction; in each
        # text, against its language's
        marks = record.marks or [[] for _ in range(len(record.texts) + 1)]
        runs = [run_offsets(record.title, direction(edition), record.quoted, spellings, titles,
                            edition, marks[0]),
                *(run_offsets(text, direction(lang), record.quoted, spellings, titles, lang,
                              text_marks)
                  for (lang, text), text_marks in zip(record.texts, marks[1:], strict=True))]
        page = _DOCUMENT.render(lang=edition, r=record, weight=TITLE_WEIGHTS[record.kind], runs=runs,
                                heading=_searchable(record.title, folder, names),
                                content=_searchable(body, folder, names))
        (folder_out / f"{count}.html").write_text(page, encoding="utf-8")
    return count


def _write_indexes(by_edition: dict[str, list[Record]], root: Path, folder: Folder,
                   names: Expander, spellings: Mapping[str, str] = NO_NAMES,
                   titles: Mapping[str, str] = NO_NAMES) -> dict[str, int]:
    """Each edition's documents, and Pagefind on them as soon as they are written (one process
    each, indexing while the next edition's documents are written)."""
    with tempfile.TemporaryDirectory(prefix="search-", dir=_SCRATCH) as tmp:
        counts: dict[str, int] = {}
        running: dict[str, subprocess.Popen[bytes]] = {}
        try:
            for edition, records in by_edition.items():
                counts[edition] = _write_documents(records, edition, Path(tmp) / edition, folder,
                                                   names, spellings, titles)
                running[edition] = _start_pagefind(Path(tmp) / edition, root / edition, edition)
            for edition, process in running.items():
                _finish_pagefind(process, Path(tmp) / edition, root / edition, edition)
        finally:
            for process in running.values():
                if process.poll() is None:
                    process.kill()
                    process.wait()
    return counts


def browser_rules(folder: Folder, names: Expander) -> dict[str, Any]:
    """What the browser needs: the folding rules, the name groups (for highlighting the other
    spellings of a name) and the editions with their direction."""
    return {**folder.browser_rules(), "groups": [list(g) for g in names.groups],
            "unbroken": UNBROKEN,
            "editions": {code: LANGUAGES[code].native for code in EDITIONS},
            "rtl": sorted(RTL_LANGUAGES)}


def write_search(site_dir: Path, build: ReaderBuild) -> dict[str, int]:
    """Index every edition of the built site; the number of records of each."""
    try:
        folder = Folder.load(build.docs_dir)
    except RulesError as err:
        raise SearchError(f"{err}. How to fix: {err.fix}") from None
    names = expander(build, folder)
    by_edition: dict[str, list[Record]] = {edition: [] for edition in EDITIONS}
    for edition, url, page in site_pages(site_dir):
        if edition in by_edition:
            by_edition[edition] += page_records(url, page, edition)
    # an excerpt's texts are on the pages of every edition: each distinct text is read once
    for text in dict.fromkeys(text for records in by_edition.values() for record in records
                              for _, text in record.texts):
        names.learn_compounds(text, folder)
    root = site_dir / FOLDER
    counts = _write_indexes(by_edition, root, folder, names, build.spellings(), build.titles())
    (root / "rules.json").write_text(json.dumps(browser_rules(folder, names), ensure_ascii=False),
                                     encoding="utf-8")
    return counts


class Indexer:
    """Writes the search index after the last edition: at once when the site is built; in the
    background while it is served (`mkdocs serve`), so that a changed page reloads without
    waiting for the index, which follows a few seconds later (`cli.py search`)."""

    def __init__(self) -> None:
        self.serving = False
        self._process: subprocess.Popen[bytes] | None = None

    def write(self, site_dir: Path, build: ReaderBuild) -> None:
        if not self.serving:
            write_search(site_dir, build)
            return
        self.stop()
        cli = Path(__file__).with_name("cli.py")
        self._process = subprocess.Popen([sys.executable, str(cli), "search", str(site_dir),
                                          str(build.docs_dir)])

    def wait(self) -> int:
        """The background index's exit status (0 when none was started)."""
        return self._process.wait() if self._process is not None else 0

    def stop(self) -> None:
        """Stop a background index still being written (the site is about to be built again)."""
        if self._process is not None and self._process.poll() is None:
            self._process.kill()
            self._process.wait()
        self._process = None


def main(argv: list[str]) -> int:
    """`cli.py search SITE [DOCS]`: the search index of an already built site."""
    import reader_build

    if not argv:
        print("usage: cli.py search SITE [DOCS]")
        return 2
    site = Path(argv[0])
    docs = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent.parent / "docs"
    try:
        counts = write_search(site, reader_build.current(docs))
    except SearchError as err:
        print(f"search: {err}", file=sys.stderr)
        return 1
    print("search index written: " + ", ".join(f"{e} {n}" for e, n in counts.items()))
    return 0
