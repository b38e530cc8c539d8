"""The paths a page gives: its images (`![description](file.png)`), its links to other pages
(`[the glossary](../glossary.md)`) and the web addresses it writes out.

Each image says what it shows, and is a file of the site, next to the page or in the English
edition's folder (an edition without its own copy of an image shows the English one, as it does a
page). Each link to a page leads to a page of the edition or of the English edition, which the
site shows where the edition has none. MkDocs checks the anchors (`validation:` in mkdocs.yml);
the sanitiser (`sanitize.py`) publishes an `<img>` with a path of the site only; these checks give
the contributor the file and the line first.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

from languages import DEFAULT_EDITION, page_place
from model import Problem
from sanitize import NOT_A_PATH
from source_text import IMAGE, LINK_TARGET, link_target

#: the kinds of image a browser and WeasyPrint both show
IMAGE_TYPES = (".png", ".jpg", ".jpeg", ".webp", ".gif", ".svg")


def _candidates(rel: str, path: str) -> list[PurePosixPath]:
    """Where the image of the page `rel` (`docs/<edition>/...`) may be, relative to the
    repository: beside the page, then beside the English page."""
    out = [PurePosixPath(rel).parent / path]
    edition, place = page_place(rel)
    if edition and edition != DEFAULT_EDITION:
        out.append(PurePosixPath("docs", DEFAULT_EDITION, place).parent / path)
    return out


def _normal(path: PurePosixPath) -> PurePosixPath | None:
    """`path` with `..` resolved; None where it climbs out of the repository."""
    parts: list[str] = []
    for part in path.parts:
        if part == "..":
            if not parts:
                return None
            parts.pop()
        elif part != ".":
            parts.append(part)
    return PurePosixPath(*parts)


def check_images(rel: str, text: str, root: Path | None) -> list[Problem]:
    """A problem for each image of the page `rel` without a description, or (with the
    repository's `root`) whose file is not a file of the site."""
    problems = []
    for number, line in enumerate(text.split("\n"), start=1):
        for match in IMAGE.finditer(line):
            given = match.group(2) if match.group(2) is not None else match.group(3)
            alt, path = match.group(1).strip(), (given or "").split("#")[0].split("?")[0]
            if not alt:
                problems.append(Problem(rel, number, "an image without a description: a screen "
                                        "reader, and a reader whose connection drops it, get "
                                        "nothing", "say what it shows, in the page's language: "
                                        "`![A map of the South Caucasus](map.png)`"))
            if root is None or given is None or NOT_A_PATH.match(path):
                continue  # a label (MkDocs checks its target); another host: `scan_markup`'s
            found = [_normal(c) for c in _candidates(rel, unquote(path))]
            if path.startswith("/") or not any(
                    c and c.parts[:1] == ("docs",) and (root / c).is_file() for c in found):
                problems.append(Problem(rel, number, f"the image `{path}` is not a file of the "
                                        "site", "put the file beside the page (or beside the "
                                        "English page) and give its path relative to the page, "
                                        "e.g. `![…](map.png)`"))
            elif PurePosixPath(path).suffix.lower() not in IMAGE_TYPES:
                problems.append(Problem(rel, number, f"`{path}` is not an image a browser and "
                                        "the PDFs both show", "use one of: "
                                        + ", ".join(IMAGE_TYPES)))
    return problems


def check_links(rel: str, text: str, root: Path) -> list[Problem]:
    """A problem for each link of the page `rel` to a Markdown page that is neither in its
    edition nor in the English one (MkDocs stopped the build without the line)."""
    problems = []
    for number, line in enumerate(text.split("\n"), start=1):
        for match in LINK_TARGET.finditer(line):
            target = link_target(match)
            path = unquote(target.split("#")[0].split("?")[0])
            if NOT_A_PATH.match(target) or not path.lower().endswith(".md"):
                continue  # another site (`scan_markup`'s), an anchor, or a file MkDocs checks
            found = [_normal(c) for c in _candidates(rel, path)]
            if path.startswith("/") or not any(
                    c and c.parts[:1] == ("docs",) and (root / c).is_file() for c in found):
                problems.append(Problem(rel, number, f"the link `{target}` leads to no page",
                                        "give the path of a page relative to this one, as the "
                                        "file is named in docs/en/ (from a paper's page, "
                                        "`[the glossary](../glossary.md)`)"))
    return problems


#: an address written as it is, not in a link (`[text](…)`, `<…>`, `[label]: …`) or HTML
#: (`href="…"`): the site's Markdown shows it as text, where GitHub's preview links it
_BARE_ADDRESS = re.compile(r"(?<![<(\"'=/\w])https?://[^\s<>()\[\]]+")
_DEFINITION = re.compile(r"^[ \t]*\[[^\]]+\]:")


def check_addresses(rel: str, text: str) -> list[Problem]:
    """A problem for each web address of the page (`text`: without its code) that Markdown would
    show as text."""
    return [Problem(rel, number, f"the address `{match.group(0).rstrip('.,;:!?،؛')}` would be "
                    "shown as text, not as a link: pages do not link to other sites",
                    "write it as code between backticks, or give the link in an excerpt's note "
                    "or the bibliographic record")
            for number, line in enumerate(text.split("\n"), start=1)
            if not _DEFINITION.match(line) for match in _BARE_ADDRESS.finditer(line)]
