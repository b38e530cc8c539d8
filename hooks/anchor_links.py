"""Links to an anchor that is not there (`[the first excerpt](#sample-nine)`,
`glossary.md#yumusak-guc`), named with the file and line that write them and the anchors they
may have meant.

MkDocs finds them itself (`validation: anchors`), from what it records of each page as it
builds it: the anchors its links lead to (`Page.links_to_anchors`), and the ids the page has
(`Page.present_anchor_ids`, to which the pipeline adds those of the excerpts, records and entries
it makes). Its message names the page that links, not the line, and says nothing of what the
page linked to has. The reader's build reads the same records once an edition's pages are
converted (`on_env`, before any is written), and stops on each such link with its line and the
anchors closest to it; MkDocs' own check stays as it is, behind it.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from pathlib import Path

from mkdocs.structure.pages import Page
from model import Problem


def _line(path: Path, link: str) -> int:
    """The line of `path` that writes `link` as a link's address, else that has it at all (1 if
    none does: a file the page includes writes it)."""
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except OSError:
        return 1
    for needles in ((f"({link}", f"]: {link}"), (link,)):
        for number, line in enumerate(lines, start=1):
            if any(needle in line for needle in needles):
                return number
    return 1


def _fix(anchor: str, present: Iterable[str], target: str) -> str:
    """Where the link may have meant to lead."""
    near = difflib.get_close_matches(anchor, sorted(present), n=3, cutoff=0.5)
    if near:
        return f"link one of the anchors of {target}; the closest: " + ", ".join(
            f"#{a}" for a in near)
    return (f"link an anchor of {target}: a heading's is in the address its ¶ link gives, an "
            "excerpt's is its id, a glossary term's is `term-` and its id")


def broken_anchor_links(pages: Iterable[Page], root: Path) -> list[Problem]:
    """A problem for each link of `pages` (one edition's, built) to an anchor its page lacks,
    at the line of the Markdown file that writes it; each once, though a page the edition has
    not translated is built for it from the English file."""
    problems: dict[tuple[str, int, str], Problem] = {}
    for page in pages:
        source = Path(page.file.abs_src_path or "")
        rel = (source.resolve().relative_to(root.resolve()).as_posix() if source.is_file()
               else f"docs/{page.file.src_uri}")
        for to_file, links in (page.links_to_anchors or {}).items():
            present = to_file.page.present_anchor_ids if to_file.page else None
            if present is None:
                continue  # a file that is no page of the site: MkDocs checks no anchor there
            target = "this page" if to_file == page.file else f"'{to_file.src_uri}'"
            for anchor, link in links.items():
                if anchor in present:
                    continue
                line = _line(source, link)
                problems.setdefault((rel, line, link), Problem(
                    rel, line, f"the link '{link}' leads to no anchor: {target} has no "
                    f"'#{anchor}'", _fix(anchor, present, target)))
    return list(problems.values())
