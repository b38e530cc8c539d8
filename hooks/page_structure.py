"""A translated page keeps the structure of the English page it translates.

A translator rewrites a page's words. Its headings (how many, at which levels, and the
`{ #anchor }` each has in every edition, or none in any), its `::: name`
blocks and embedded excerpts `![[id]]` (in their order), the excerpts it refers to with `[[id]]`,
and its front matter but the title stay as they are in English: otherwise the edition lacks what
the English page shows, and nothing else would say so. `make check` compares each translated page
with its English page and warns, naming the file, the line and what differs (a warning: the
English page may have changed first, and its translations follow).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from languages import EDITIONS, LANGUAGES, english_name
from model import REF_RE, Problem
from page_blocks import BLOCK_LINE
from source_text import _rel, without_code
from yaml_lines import front_matter

#: the English page of the contributing guide is the repository's CONTRIBUTING.md, included
_SNIPPET = re.compile(r'^--8<--\s+"([^"]+)"\s*$', re.M)
_HEADING = re.compile(r"^(#{1,6})[ \t]")
#: a heading's own anchor, in the attribute list at its end: `## Summary { #summary }`
_ANCHOR = re.compile(r"\{[^}]*#([^\s}]+)[^}]*\}\s*$")
_FRONT = re.compile(r"\A---\n.*?\n---\n", re.S)
#: front-matter keys each edition writes in its own words
_OWN_KEYS = frozenset({"title", "description", "allow_variants"})


@dataclass
class Structure:
    """What a translation keeps of a page, each item with its line."""

    headings: list[tuple[int, int]] = field(default_factory=list)  #: (line, level)
    anchors: list[str] = field(default_factory=list)  #: each heading's `{ #anchor }`, or ""
    blocks: list[tuple[int, str]] = field(default_factory=list)  #: (line, "::: name" or "![[id]]")
    refs: dict[str, int] = field(default_factory=dict)  #: excerpt id -> first line
    meta: dict[str, Any] = field(default_factory=dict)
    #: the letters of the text under each heading, to its next heading (`_letters`)
    sizes: list[int] = field(default_factory=list)


def structure(text: str) -> Structure:
    out = Structure(meta={k: v for k, v in front_matter(text).items() if k not in _OWN_KEYS})
    body = _FRONT.sub(lambda m: "\n" * m.group(0).count("\n"), text)  # its lines kept
    for number, line in enumerate(without_code(body).split("\n"), start=1):
        heading = _HEADING.match(line)
        if heading:
            out.headings.append((number, len(heading.group(1))))
            anchor = _ANCHOR.search(line)
            out.anchors.append(anchor.group(1) if anchor else "")
            out.sizes.append(0)
        elif out.sizes:
            out.sizes[-1] += _letters(line)
        block = BLOCK_LINE.match(line)
        if block:
            out.blocks.append((number, f"::: {block.group(1)}"))
        for ref in REF_RE.finditer(line):
            target = ref.group(2).strip()
            if ref.group(1) and line.strip() == ref.group(0):
                out.blocks.append((number, f"![[{target}]]"))
            else:
                out.refs.setdefault(target, number)
    return out


#: what is not the words of a section: cross-references, markup and addresses
_NOT_WORDS = re.compile(r"!?\[\[[^\]]*\]\]|<[^>]*>|\]\([^)]*\)|https?://\S+")
_LETTER = re.compile(r"[^\W\d_]")


def _letters(line: str) -> int:
    return len(_LETTER.findall(_NOT_WORDS.sub(" ", line)))


def _english_text(path: Path, root: Path) -> str:
    text = path.read_text(encoding="utf-8")
    included = _SNIPPET.fullmatch(text.strip())
    if included is None or not (root / included.group(1)).is_file():
        return text  # a missing file is `pages.check_markdown`'s problem
    return (root / included.group(1)).read_text(encoding="utf-8")


def _first_difference(mine: list[tuple[int, Any]], theirs: list[tuple[int, Any]]) -> int:
    """The index of the first item that differs (or that one list lacks)."""
    for index, (a, b) in enumerate(zip(mine, theirs, strict=False)):
        if a[1] != b[1]:
            return index
    return min(len(mine), len(theirs))


def _line_at(items: list[tuple[int, Any]], index: int, default: int) -> int:
    """The line of item `index`, or, where the list ends before it, of the item before it."""
    if index < len(items):
        return items[index][0]
    return items[index - 1][0] if 0 < index <= len(items) else default


def _section_line(mine: Structure, english: Structure, english_line: int) -> int:
    """The line of the heading, in the translation, of the English section holding `english_line`."""
    index = sum(1 for line, _ in english.headings if line <= english_line) - 1
    return _line_at(mine.headings, index, 1) if index >= 0 else 1


def _levels(items: list[tuple[int, int]]) -> str:
    return " ".join("#" * level for _, level in items) or "none"


def compare(rel: str, english_rel: str, mine: Structure, english: Structure,
            edition: str, sized: bool = True) -> list[Problem]:
    """Warnings for each way the translated page `rel` of `edition` differs from its English
    page (its sections' lengths too, where `sized`)."""
    out = []
    language = english_name(edition)

    def warn(line: int, message: str, fix: str) -> None:
        out.append(Problem(rel, line, f"{message} ({english_rel} is the English page)",
                           fix, warning=True))

    if [lv for _, lv in mine.headings] != [lv for _, lv in english.headings]:
        at = _first_difference(mine.headings, english.headings)
        warn(_line_at(mine.headings, at, 1),
             f"the headings differ from the English page's from heading {at + 1} on: here "
             f"{_levels(mine.headings)}, in English {_levels(english.headings)}",
             f"give the {language} page the English page's headings, translated, at the same "
             "levels and in the same order")
    else:
        for (line, _), anchor, wanted in zip(mine.headings, mine.anchors, english.anchors,
                                             strict=True):
            if anchor != wanted:
                _anchor_warning(line, anchor, wanted, warn)
                break
    if [b for _, b in mine.blocks] != [b for _, b in english.blocks]:
        at = _first_difference(mine.blocks, english.blocks)
        wanted = english.blocks[at][1] if at < len(english.blocks) else "nothing"
        found = mine.blocks[at][1] if at < len(mine.blocks) else "nothing"
        warn(_line_at(mine.blocks, at, 1),
             f"the blocks and embedded excerpts differ from the English page's: here {found}, "
             f"in English {wanted} (item {at + 1})",
             "keep each `::: name` line and each `![[id]]` line of the English page, in its "
             "order, on a line of its own")
    _compare_refs(mine, english, warn)
    if sized:
        _compare_sizes(mine, english, edition, warn)
    for key in sorted(set(mine.meta) | set(english.meta)):
        if mine.meta.get(key) != english.meta.get(key):
            warn(1, f"the front matter's `{key}` differs from the English page's",
                 f"remove `{key}:`, which the English page does not have" if key not in english.meta
                 else f"copy `{key}:` from the English page (only the title and the description "
                 "are translated)")
    return out


def _anchor_warning(line: int, anchor: str, wanted: str,
                    warn: Callable[[int, str, str], None]) -> None:
    """A heading whose `{ #anchor }` is not the English heading's: dropped, changed or added."""
    if wanted:
        warn(line, f"this heading's anchor is {'#' + anchor if anchor else 'missing'}; "
             f"the English page's heading here has `{{ #{wanted} }}`",
             f"end the heading with `{{ #{wanted} }}`: links to #{wanted} lead to it in "
             "every edition")
    else:
        warn(line, f"this heading's anchor is #{anchor}; the English page's heading here has none",
             f"remove `{{ #{anchor} }}`, or give the English heading the same anchor: a link to "
             f"#{anchor} leads nowhere in an edition whose heading lacks it")


#: a section of the English page this long (in letters) is compared with its translation's
SIZED = 300
#: a translation's section shorter than this share of what its language writes for the English
#: one is named: a part of the English is likely left out (an abridged summary, a paragraph
#: skipped)
SHORT = 0.7


def _compare_sizes(mine: Structure, english: Structure, edition: str,
                   warn: Callable[[int, str, str], None]) -> None:
    """A warning for the first section whose text is far shorter than the English section's."""
    if len(mine.sizes) != len(english.sizes):
        return  # the headings differ: that warning comes first
    expected = LANGUAGES[edition].letters_per_english
    for (line, _), size, theirs in zip(mine.headings, mine.sizes, english.sizes, strict=True):
        if theirs >= SIZED and size < SHORT * expected * theirs:
            share = round(100 * size / (expected * theirs))
            warn(line, f"the section under this heading has about {share}% of the text the "
                 f"English section would have in {english_name(edition)}: a part of it may not be "
                 "translated yet",
                 "translate the whole of the English section: each sentence, with its figures, "
                 "names, quotations and references, in its place")
            return


def _compare_refs(mine: Structure, english: Structure,
                  warn: Callable[[int, str, str], None]) -> None:
    """A warning for the English page's references this page lacks, and one for those it adds."""
    missing = [r for r in english.refs if r not in mine.refs]
    if missing:
        warn(_section_line(mine, english, english.refs[missing[0]]), "the page does not refer to "
             + ", ".join(f"[[{r}]]" for r in missing) + ", which the English page cites (on its "
             f"line {english.refs[missing[0]]}, in the section of this line)",
             "keep each [[id]] of the English page where its sentence is (the words around "
             "it are yours)")
    extra = [r for r in mine.refs if r not in english.refs]
    if extra:
        warn(mine.refs[extra[0]], "the page refers to "
             + ", ".join(f"[[{r}]]" for r in extra) + ", which the English page does not",
             "add the reference to the English page too, or remove it here")


def structure_warnings(docs_dir: Path, own_words: Collection[str] = ()) -> list[Problem]:
    """Every translated page compared with its English page. `own_words`: the pages (paths
    under docs/, `fa/papers/kazemi-1403.md`) whose sections are not held to the English ones'
    length: a paper's page in the paper's own language gives a summary of its own, shorter
    (300–600 words), for readers who can read the paper itself."""
    root, out = docs_dir.parent, []
    for english_path in sorted((docs_dir / "en").rglob("*.md")):
        page = english_path.relative_to(docs_dir / "en")
        english = structure(_english_text(english_path, root))
        for edition in EDITIONS[1:]:
            path = docs_dir / edition / page
            if path.is_file():
                out += compare(_rel(path, root), _rel(english_path, root),
                               structure(path.read_text(encoding="utf-8")), english,
                               edition, sized=f"{edition}/{page.as_posix()}" not in own_words)
    return out
