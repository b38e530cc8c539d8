"""The reader's content model: papers and their excerpts, loaded from YAML and validated.

This module is shared by the MkDocs hooks, by `make check` and by the tests. It knows nothing of
MkDocs. Every problem is reported as a `Problem` naming the file, the line, the excerpt and a fix.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from anchors import check_anchors
from languages import (
    EDITIONS,
    english_name,
)
from model import (
    ContentError,
    Corpus,
    Problem,
)
from nav_file import CONFIG, paper_order
from pages import check_pages, check_refs
from paper_file import _PaperReader
from source_text import HTML_TAG, _rel, scan_letters, scan_text
from text_language import data_slips
from yaml_lines import checked_yaml, load_yaml


def load_ui(path: Path) -> dict[str, dict[str, str]]:
    """Interface strings per edition; English fills whatever an edition leaves out."""
    try:
        data = checked_yaml(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        data = {}  # `ui_problems` reports it
    if not isinstance(data, dict):
        data = {}
    english = data.get("en", {}) if isinstance(data.get("en"), dict) else {}
    out = {}
    for code in EDITIONS:
        own = data.get(code)
        out[code] = {**english, **(own if isinstance(own, dict) else {}), "_edition": code}
    return out


def ui_problems(path: Path, root: Path) -> list[Problem]:
    """docs/data/ui.yml must exist, be UTF-8 YAML, and give every edition's strings as text."""
    rel = _rel(path, root) if path.exists() else "docs/data/ui.yml"
    if not path.is_file():
        return [Problem(rel, 1, "the interface strings file is missing",
                        "restore docs/data/ui.yml from the repository")]
    problems = scan_text(rel, path.read_text(encoding="utf-8", errors="replace"))
    data, errors = load_yaml(path, root)
    if errors:
        return problems + errors
    if not isinstance(data, dict) or not isinstance(data.get("en"), dict):
        return problems + [Problem(rel, 1, "ui.yml must map each edition code to its strings",
                                   "write `en:` then `key: text` lines, and the same for tr, fa, ar")]
    for code, strings in data.items():
        if code in ("__line__", "__lines__"):
            continue
        line = data["__lines__"].get(code, 1)
        if code not in EDITIONS or not isinstance(strings, dict):
            problems.append(Problem(rel, line, f"{code!r} is not an edition with its strings",
                                    f"use the edition codes {', '.join(EDITIONS)}, each followed "
                                    "by `key: text` lines"))
            continue
        for key, value in strings.items():
            if key in ("__line__", "__lines__"):
                continue
            if not isinstance(value, str):
                problems.append(Problem(rel, strings["__lines__"].get(key, line),
                                        f"the string {key!r} is not text",
                                        'write it as text, in quotes if it has a colon: '
                                        f'`{key}: "..."`'))
            elif key not in data["en"]:
                problems.append(Problem(rel, strings["__lines__"].get(key, line),
                                        f"{key!r} is not an interface string (not in `en:`)",
                                        "correct the key, or add it under `en:` first"))
            else:
                at = strings["__lines__"].get(key, line)
                problems += _markup_problems(rel, at, value) + scan_letters(rel, value, at) + \
                    _placeholder_problems(rel, at, key, value, data["en"][key])
    return problems + data_slips(rel, data)


#: markup in an interface string: an HTML element, Markdown's code, emphasis, link, image or
#: attribute list
_MARKUP = re.compile(HTML_TAG.pattern + r"|`|\*\*|__|\]\(|\{:")


def _markup_problems(rel: str, line: int, value: str) -> list[Problem]:
    """An interface string is plain text: the templates escape it, so markup would be shown as
    written (`<bdi>Kapat</bdi>`, `**Kapat**`)."""
    found = _MARKUP.search(value)
    if not found:
        return []
    return [Problem(rel, line, f"`{found.group(0)}` would be shown as typed: an interface string "
                    "is plain text", "write the words alone; the site sets the string's language, "
                    "direction and style itself")]


#: a word in braces that the site fills in ("{n} results")
_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def _placeholder_problems(rel: str, line: int, key: str, value: str, english: object) -> list[Problem]:
    """A translated string keeps the words in braces of the English one, each once."""
    if not isinstance(english, str):
        return []
    wanted, given = sorted(_PLACEHOLDER.findall(english)), sorted(_PLACEHOLDER.findall(value))
    if given == wanted:
        return []
    return [Problem(rel, line, f"the string {key!r} has {', '.join(given) or 'no word in braces'} "
                    f"where the English one has {', '.join(wanted) or 'none'}",
                    "keep each word in braces of the English string exactly once (the site "
                    "puts a number or a name there) and translate only the words around it")]


def ui_translation_warnings(path: Path, root: Path) -> list[Problem]:
    """A warning for each interface string an edition does not give yet (the site shows the
    English one there until it is written)."""
    data, errors = load_yaml(path, root)
    if errors or not isinstance(data, dict) or not isinstance(data.get("en"), dict):
        return []  # `ui_problems` reports it
    rel, english = _rel(path, root), data["en"]
    out = []
    for code in EDITIONS[1:]:
        given = data.get(code)
        own: dict = given if isinstance(given, dict) else {}
        for key in english:
            if key not in ("__line__", "__lines__") and key not in own:
                out.append(Problem(rel, english["__lines__"].get(key, 1),
                                   f"the interface string {key!r} has no {english_name(code)} "
                                   "text yet",
                                   f"add `{key}: \"...\"` under `{code}:`, in "
                                   f"{english_name(code)}", warning=True))
    return out


def load_corpus(docs_dir: Path) -> Corpus:
    """Load every paper under docs/data/papers and check the whole corpus.

    Raises ContentError listing every problem found.
    """
    corpus, problems = read_corpus(docs_dir)
    if problems:
        raise ContentError(problems)
    return corpus


def data_signature(docs_dir: Path) -> tuple[tuple[str, int, int], ...]:
    """What the content's files look like now: a change to any of them changes this."""
    files = sorted((docs_dir / "data").rglob("*")) + sorted(docs_dir.glob("*/packets/*.md")) + \
        sorted(docs_dir.glob("*/papers/*.md")) + [docs_dir.parent / CONFIG]  # the papers' order
    return tuple((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in files if f.is_file())


_read_cache: dict[Path, tuple[tuple[tuple[str, int, int], ...], Corpus, list[Problem]]] = {}


def read_corpus(docs_dir: Path) -> tuple[Corpus, list[Problem]]:
    """The corpus as far as it can be read, and every problem found on the way.

    The four editions of one build (and `mkdocs serve`'s rebuilds) read the same files: the
    result is kept until one of them changes.
    """
    key = docs_dir.resolve()
    signature = data_signature(docs_dir)
    cached = _read_cache.get(key)
    if cached and cached[0] == signature:
        return cached[1], list(cached[2])
    corpus, problems = _read_corpus(docs_dir)
    _read_cache[key] = (signature, corpus, problems)
    return corpus, list(problems)


def _read_corpus(docs_dir: Path) -> tuple[Corpus, list[Problem]]:
    root = docs_dir.parent
    corpus = Corpus(ui=load_ui(docs_dir / "data" / "ui.yml"))
    problems: list[Problem] = ui_problems(docs_dir / "data" / "ui.yml", root)
    # the papers in the menu's order, which every list of them follows; any other after them
    order = {key: n for n, key in enumerate(paper_order(root))}
    for path in sorted((docs_dir / "data" / "papers").glob("*.yml"),
                       key=lambda p: (order.get(p.stem, len(order)), p.stem)):
        reader = _PaperReader(path, root)
        paper = reader.read()
        problems.extend(reader.problems)
        if paper is None:
            corpus.unread.add(path.stem)
            continue
        corpus.papers[paper.key] = paper
        for excerpt in paper.excerpts:
            if excerpt.id in corpus.excerpts:
                first = corpus.excerpts[excerpt.id]
                problems.append(Problem(
                    excerpt.file, excerpt.line,
                    f"duplicate excerpt id (first used at {first.file}:{first.line})",
                    "give this excerpt a new id; never rename the first one, readers cite it",
                    excerpt.id))
                continue
            corpus.excerpts[excerpt.id] = excerpt
    for excerpt in corpus.excerpts.values():
        for alias in excerpt.aliases:
            if alias in corpus.excerpts or alias in corpus.aliases:
                problems.append(Problem(excerpt.file, excerpt.line,
                                        f"alias '{alias}' is already an excerpt id or an alias",
                                        "an alias must be a former id used by nothing else",
                                        excerpt.id))
                continue
            corpus.aliases[alias] = excerpt.id
    problems += check_anchors(docs_dir, corpus)
    problems += _pages_and_references(docs_dir, corpus)
    return corpus, problems


def _pages_and_references(docs_dir: Path, corpus: Corpus) -> list[Problem]:
    """The pages every paper needs (English and its own language's), and the references the
    notes of its excerpts and abstracts make."""
    problems: list[Problem] = []
    for paper in corpus.papers.values():
        for edition in dict.fromkeys(("en", paper.lang)):
            if not (docs_dir / edition / "papers" / f"{paper.key}.md").is_file():
                problems.append(Problem(
                    paper.file, 1, f"the paper has no page in the '{edition}' edition",
                    f"create docs/{edition}/papers/{paper.key}.md starting with the front matter "
                    f"`paper: {paper.key}` between two `---` lines, then its title, summary and "
                    "assessment"))
    for excerpt in corpus.excerpts.values():
        for note in excerpt.notes:
            for lang, text in note.texts.items():
                problems.extend(check_refs(text, corpus, excerpt.file,
                                           note.lines.get(lang, note.line), excerpt.id))
    for paper in corpus.papers.values():
        for abstract in paper.abstracts:
            for note in abstract["notes"]:
                for lang, text in note.texts.items():
                    problems.extend(check_refs(text, corpus, paper.file,
                                               note.lines.get(lang, note.line)))
    return problems


def without_consequences(problems: list[Problem], corpus: Corpus) -> list[Problem]:
    """One mistake, one message: where a paper's file could not be read, what is missing only
    because of that (its excerpts, its key) is not reported again."""
    if not corpus.unread:
        return problems
    prefixes = tuple(f"{key.split('-')[0]}-" for key in corpus.unread) + tuple(corpus.unread)

    def consequence(problem: Problem) -> bool:
        return problem.missing is not None and (problem.missing in corpus.unread or
                                                problem.missing.startswith(prefixes))
    return [p for p in problems if not consequence(p)]


def check_site(docs_dir: Path) -> list[Problem]:
    """Every problem in the papers and the pages (without the apparatus)."""
    corpus, problems = read_corpus(docs_dir)
    return problems + check_pages(docs_dir, corpus)
