"""Checks of the pages and files of `docs/`: the Markdown of every page (its references, blocks
and markup) and the files beside it (the published anchors: `anchors`)."""

from __future__ import annotations

import re
from pathlib import Path

from anchors import heading_clashes
from bidi_runs import LTR_LETTER, RTL_LETTER
from languages import EDITIONS, RTL_LANGUAGES, english_name, page_place
from md_labels import undefined_labels
from model import (
    REF_RE,
    Corpus,
    Problem,
)
from page_blocks import block_problems
from page_front import check_front_matter
from page_outline import outline_problems
from page_paths import check_addresses, check_images, check_links
from source_text import (
    EMBED_RE,
    _rel,
    read_text,
    scan_controls,
    scan_letters,
    scan_markup,
    scan_text,
    without_code,
)
from text_language import page_slips, paragraphs
from yaml_lines import front_matter


def translated_pages(docs_dir: Path) -> set[tuple[str, str]]:
    """(edition, path) for every page an edition has in its own folder."""
    return {
        (edition, path.relative_to(docs_dir / edition).as_posix())
        for edition in EDITIONS
        for path in (docs_dir / edition).rglob("*.md")
    }


def page_translation_warnings(docs_dir: Path) -> list[Problem]:
    """A warning for each English page an edition does not have yet (the edition shows the
    English page there, marked as such, until it is translated)."""
    have = translated_pages(docs_dir)
    return [Problem(f"docs/en/{path}", 1,
                    f"this page has no {english_name(edition)} translation yet",
                    f"copy it to docs/{edition}/{path} and translate it, keeping its directives, "
                    "cross-references and anchors", warning=True)
            for edition in EDITIONS[1:] for lang, path in sorted(have)
            if lang == "en" and (edition, path) not in have]


#: a bullet whose text begins with a number and a full stop ("- 1. Introduction", also in
#: Persian or Arabic digits): Markdown reads a numbered list inside the bullet
_NUMBERED_BULLET = re.compile(r"^[ \t]*[-*+][ \t]+(\d+)\.[ \t]")


def _after_front_matter(text: str) -> str:
    """The text with its front matter blanked, line numbers kept."""
    found = re.match(r"---\n.*?\n---\n", text, re.S)
    return "\n" * found.group(0).count("\n") + text[found.end():] if found else text


#: what a paragraph of a right-to-left page may hold in Latin letters without being Latin text:
#: references, attributes, addresses and inline code
_NOT_PROSE = re.compile(r"!?\[\[[^\]]*\]\]|\{[^}]*\}|\]\([^)]*\)|https?://\S+|`[^`]*`|<[^>]*>")
#: a block that is not a paragraph of the page: a heading, a table row, a block, a rule, an
#: abbreviation's definition (`*[OSCE]: ...`, shown as a tooltip) or a link's (`[osce]: ...`)
_NOT_A_PARAGRAPH = re.compile(r"\s*(#|\||:::|---|\*\[[^\]]+\]:|\[[^\]^][^\]]*\]:)")
#: a paragraph of this many Latin words is prose (a name or a citation alone reads right as one
#: isolated run)
_LATIN_PROSE = 5


def _latin_paragraphs(rel: str, body: str) -> list[Problem]:
    """In a Persian or Arabic page, a paragraph written wholly in Latin letters with nothing to
    say so: laid out right to left, its phrases come out in the wrong order ("member states in
    Bursa, a decision was Turkic Council On October 20, 2022, …")."""
    edition = page_place(rel)[0]
    if edition not in RTL_LANGUAGES:
        return []
    problems: list[Problem] = []
    for start, text in paragraphs(body):
        prose = _NOT_PROSE.sub(" ", text)
        latin_words = sum(1 for word in prose.split() if LTR_LETTER.search(word))
        if latin_words >= _LATIN_PROSE and not RTL_LETTER.search(prose) \
                and not re.match(_NOT_A_PARAGRAPH, text) and "lang=" not in text:
            problems.append(Problem(
                rel, start, "this paragraph is written in Latin letters in a right-to-left page, "
                "with nothing to say which language it is in: it would be laid out right to left",
                f"translate it into {english_name(edition)}, or, to quote it as written, add "
                '`{: lang="en" dir="ltr" }` (or the language it is in) on a line of its own at '
                "its end"))
    return problems


#: a line that includes a file (pymdownx.snippets, from the repository's top folder)
_SNIPPET_LINE = re.compile(r'^\s*-+8<-+\s+"([^"]+)"\s*$')


def included_files(docs_dir: Path) -> list[Path]:
    """The files of the repository that pages include (`--8<-- "CONTRIBUTING.md"`)."""
    root = docs_dir.parent.resolve()
    found = {(root / match.group(1)).resolve()
             for page in docs_dir.rglob("*.md")
             for match in map(_SNIPPET_LINE.match,
                              page.read_text(encoding="utf-8", errors="replace").split("\n"))
             if match}
    return sorted(path for path in found if path.is_relative_to(root) and path.is_file())


def _check_snippets(rel: str, body: str, root: Path, corpus: Corpus) -> list[Problem]:
    """Each file the page includes must be a file of the repository (the build stopped with a
    traceback on one that is not); one in Markdown outside docs/ (CONTRIBUTING.md) is checked as
    the page's text, at its own lines (its links and images are the page's, checked with it)."""
    problems = []
    for number, line in enumerate(body.split("\n"), start=1):
        match = _SNIPPET_LINE.match(line)
        if not match:
            continue
        target = (root / match.group(1)).resolve()
        if not target.is_relative_to(root.resolve()) or not target.is_file():
            problems.append(Problem(
                rel, number, f'the page includes "{match.group(1)}", which is not a file of this '
                "repository", "give the path of an existing file from the repository's top "
                'folder, as `--8<-- "CONTRIBUTING.md"` does, or remove the line'))
        elif target.suffix == ".md" and not target.is_relative_to((root / "docs").resolve()):
            text, unreadable = read_text(target, root)
            problems += unreadable if text is None else check_markdown(
                _rel(target, root), text, corpus)
    return problems


def _open_comment(rel: str, body: str) -> list[Problem]:
    """An HTML comment opened and never closed: Markdown shows it as text on the page."""
    at = 0
    while (start := body.find("<!--", at)) >= 0:
        end = body.find("-->", start + 4)
        if end < 0:
            return [Problem(rel, body.count("\n", 0, start) + 1, "an HTML comment `<!--` opens "
                            "here and is never closed: the page would show it as text",
                            "close it with `-->`, or remove it")]
        at = end + 3
    return []


def check_markdown(rel: str, text: str, corpus: Corpus, root: Path | None = None) -> list[Problem]:
    """Problems in one Markdown page: unsafe content, unknown or twice-embedded excerpts,
    unknown blocks, an unknown paper in the front matter; with the repository's `root`, a file
    it includes that is not there."""
    if not _after_front_matter(text).strip():
        return [Problem(rel, 1, "the page is empty: readers would see a page with nothing on it",
                        "write the page, or delete the file: an edition without its own page "
                        "shows the English one, with a note saying so")]
    body = without_code(text)  # code is shown as text, never run: the checks read the rest
    problems = (scan_controls(rel, text) + scan_text(rel, body) + scan_markup(rel, body)
                + scan_letters(rel, body)
                + (_check_snippets(rel, body, root, corpus) if root else []))
    problems += check_refs(body, corpus, rel, 1) + _latin_paragraphs(rel, _after_front_matter(body))
    problems += check_images(rel, body, root) + block_problems(rel, _after_front_matter(body))
    problems += check_addresses(rel, body) + page_slips(rel, _after_front_matter(body))
    problems += (check_links(rel, body, root) if root else []) + undefined_labels(rel, body)
    problems += outline_problems(rel, body)
    problems += _open_comment(rel, body) + heading_clashes(
        rel, _after_front_matter(body), corpus, front_matter(text).get("paper"))
    embeds: dict[str, int] = {}
    for number, line in enumerate(body.split("\n"), start=1):
        numbered = _NUMBERED_BULLET.match(line)
        if numbered:
            problems.append(Problem(
                rel, number, f"this bullet begins with '{numbered.group(1)}.', which Markdown reads "
                "as a numbered list inside the bullet: the number disappears and the lines under "
                "it are numbered again",
                f"put a backslash before the full stop (`- {numbered.group(1)}\\. ...`) to keep "
                "the number as written"))
        match = EMBED_RE.match(line)
        if not match:
            continue
        target = match.group(1).strip()
        if target in embeds:
            problems.append(Problem(rel, number, f"excerpt '{target}' is embedded twice "
                                    f"(first on line {embeds[target]})",
                                    "embed it once and link to it elsewhere with [[id]]"))
        embeds[target] = number
    return problems + check_front_matter(rel, text, corpus)


def check_pages(docs_dir: Path, corpus: Corpus) -> list[Problem]:
    """Every problem in the pages of every edition, as the build checks each page."""
    problems = []
    for edition in EDITIONS:
        for path in sorted((docs_dir / edition).rglob("*.md")):
            rel = _rel(path, docs_dir.parent)
            text, unreadable = read_text(path, docs_dir.parent)
            problems += unreadable if text is None else check_markdown(rel, text, corpus,
                                                                       docs_dir.parent)
    return problems


#: files under docs/ that a browser would run or that could load from another host
_REFUSED_FILES = (".html", ".htm", ".xhtml", ".xml", ".xsl", ".swf", ".pdf")
_SVG_UNSAFE = re.compile(r"<\s*(script|foreignObject|iframe|embed|object)\b|\son[a-z]+\s*=|"
                         r"javascript:|(href|src)\s*=\s*[\"']?\s*(https?:)?//", re.I)
#: the site's own scripts; contributors' files never add one
SITE_SCRIPTS = ("assets/js/reader.js", "assets/js/search.js", "assets/js/search-normalise.js")


def check_files(docs_dir: Path) -> list[Problem]:
    """Files under docs/ are published as they are: none may run script or load from elsewhere."""
    problems = []
    for path in sorted(p for p in docs_dir.rglob("*") if p.is_file()):
        rel, inner = _rel(path, docs_dir.parent), path.relative_to(docs_dir).as_posix()
        suffix = path.suffix.lower()
        if suffix in _REFUSED_FILES:
            problems.append(Problem(rel, 1, f"a {suffix} file under docs/ would be published as "
                                    "it is", "remove it: pages are Markdown, data is YAML, and "
                                    "the PDFs are made by the build"))
        elif suffix in (".js", ".mjs") and inner not in SITE_SCRIPTS:
            problems.append(Problem(rel, 1, "a script file under docs/ would run on the site",
                                    "remove it; the site's only scripts are "
                                    + ", ".join(f"docs/{s}" for s in SITE_SCRIPTS)))
        elif suffix == ".svg":
            text = path.read_text(encoding="utf-8", errors="replace")
            for number, line in enumerate(text.split("\n"), start=1):
                match = _SVG_UNSAFE.search(line)
                if match:
                    problems.append(Problem(rel, number, f"the SVG holds {match.group(0).strip()!r}",
                                            "an image may not run script, embed other content "
                                            "or load anything from another host: remove it"))
    return problems


#: an excerpt's id in single brackets (`[kazemi-method]`, `![kazemi-method]`), not a link's
#: text or label (`[x](url)`, `[x][y]`, `[x]: url`); or `!` and a space before `[[`
_ONE_BRACKET = re.compile(r"(!?)\[([a-z0-9]+(?:-[a-z0-9]+)*)\](?![\[(:])")
_SPACED_EMBED = re.compile(r"^[ \t]*!\s+\[\[")


def _half_refs(line: str, corpus: Corpus, file: str, number: int,
               excerpt: str | None) -> list[Problem]:
    """A reference to an excerpt written with one bracket on each side, or an embed with a space
    after its `!`: Markdown shows both as typed."""
    problems = [Problem(file, number, f"`{match.group(0)}` names excerpt '{match.group(2)}' in "
                        "single brackets: it would be shown as typed",
                        f"write `{match.group(1)}[[{match.group(2)}]]`", excerpt)
                for match in _ONE_BRACKET.finditer(REF_RE.sub("", line))
                if corpus.resolve(match.group(2))]
    if _SPACED_EMBED.match(line):
        problems.append(Problem(file, number, "`!` and a space before `[[`: the `!` would be "
                                "shown as typed, before a link where an excerpt was meant",
                                "write the embed without the space: `![[id]]`", excerpt))
    return problems


def check_refs(text: str, corpus: Corpus, file: str, first_line: int,
               excerpt: str | None = None) -> list[Problem]:
    """Problems for every [[id]] or ![[id]] in `text` that names no excerpt, for a `[[` that
    opens no reference and an `![[id]]` inside a line (both would be shown as typed)."""
    problems = []
    for offset, line in enumerate(text.splitlines() or [text]):
        if "[[" in REF_RE.sub("", line):
            problems.append(Problem(
                file, first_line + offset, "a `[[` here opens no reference: it would be shown "
                "as typed", "close it on the same line: `[[id]]`, `[[id|text]]` or, on a line "
                "of its own, `![[id]]` (the text may not hold `[` or `]`)", excerpt))
        problems += _half_refs(line, corpus, file, first_line + offset, excerpt)
        for match in REF_RE.finditer(line):
            target = match.group(2).strip()
            if match.group(1) and not EMBED_RE.match(line):
                problems.append(Problem(
                    file, first_line + offset, f"the embed `{match.group(0)}` is not on a line "
                    "of its own: it would be shown as typed", "put it on a line of its own "
                    f"(`![[{target}]]`, with nothing else), or link to it with `[[{target}]]`",
                    excerpt))
            if corpus.resolve(target) is None:
                kind = "embed" if match.group(1) else "link"
                problems.append(Problem(
                    file, first_line + offset, f"{kind} to unknown excerpt id '{target}'",
                    "correct the id (ids are listed in corpus/excerpts.json and on each paper "
                    "page) or remove the reference", excerpt, missing=target))
    return problems
