"""The anchors readers cite. Every published excerpt id (`docs/data/anchors.txt`) must still
lead to an excerpt, itself or one that keeps it as an alias (`make anchors` adds the new ones),
and no heading of a page may take the id of an excerpt the page shows."""

from __future__ import annotations

import re
from pathlib import Path

from model import ID_RE, Corpus, Problem
from pymdownx.slugs import slugify
from source_text import EMBED_RE, read_text

ANCHORS = Path("data") / "anchors.txt"


def check_anchors(docs_dir: Path, corpus: Corpus) -> list[Problem]:
    """Every published excerpt id (docs/data/anchors.txt) must still lead somewhere."""
    path = docs_dir / ANCHORS
    rel = f"docs/{ANCHORS.as_posix()}"
    if not path.exists():  # without it, nothing keeps the ids readers cite from being lost
        return [Problem(rel, 1, "the list of published excerpt ids is missing",
                        "restore it from the repository (`git checkout main -- "
                        f"{rel}`); `make anchors` starts a new list from the present ids")]
    text, problems = read_text(path, docs_dir.parent)
    if text is None:
        return problems
    for number, line in enumerate(text.splitlines(), start=1):
        anchor = line.split("#", 1)[0].strip()
        if anchor and not ID_RE.match(anchor):
            problems.append(Problem(rel, number, f"'{anchor}' is not an excerpt id (lowercase "
                                    "letters, digits and hyphens)", "restore the line from the "
                                    "repository's history: the file lists published ids only"))
        elif anchor and corpus.resolve(anchor) is None:
            problems.append(Problem(
                rel, number, f"the published excerpt id '{anchor}' no longer exists, so links "
                "that cite it would break",
                f"restore the excerpt, or add `aliases: [{anchor}]` to the excerpt that replaces "
                "it", missing=anchor))
    return problems


def update_anchors(docs_dir: Path, corpus: Corpus) -> list[str]:
    """Append the ids published since the list was last written; returns them."""
    path = docs_dir / ANCHORS
    text = path.read_text(encoding="utf-8") if path.exists() else (
        "# Every excerpt id ever published, one a line. Readers cite them: `make check` fails\n"
        "# if one of them is neither an excerpt id nor an alias. `make anchors` appends new ids.\n")
    known = {line.split("#", 1)[0].strip() for line in text.splitlines()}
    new = [ex_id for ex_id in corpus.excerpts if ex_id not in known]
    if new:
        path.write_text(text.rstrip("\n") + "\n" + "\n".join(new) + "\n", encoding="utf-8")
    return new


#: a Markdown heading: its text, and the id given after it (`{#id}`) if any
_HEADING = re.compile(r"^#{1,6}[ \t]+(.*?)[ \t#]*(?:\{[^}]*#([^\s}]+)[^}]*\})?[ \t]*$", re.M)
#: what the heading's id is made from, as the site's `toc` extension makes it (mkdocs.yml)
_SLUG = slugify(case="lower", normalize="NFC")
_MARKUP = re.compile(r"<[^>]+>|[*_`]|\[\[[^\]]*\]\]|!?\[([^\]]*)\]\([^)]*\)")


def heading_clashes(rel: str, body: str, corpus: Corpus, paper: str | None) -> list[Problem]:
    """A heading of the page whose id is the id of an excerpt the page shows (its paper's, or one
    it embeds): the page would have two elements with that id, and a link to the excerpt could
    lead to the heading (`body`: the page without its code)."""
    shown = {ex_id for ex_id, excerpt in corpus.excerpts.items() if excerpt.paper == paper}
    shown |= {m.group(1).strip() for m in EMBED_RE.finditer(body)}
    shown |= {old for old, new in corpus.aliases.items() if new in shown}
    problems = []
    for match in _HEADING.finditer(body):
        ident = match.group(2) or _SLUG(_MARKUP.sub(r"\1", match.group(1)), "-")
        if ident in shown:
            problems.append(Problem(
                rel, body[:match.start()].count("\n") + 1, f"this heading's id, '{ident}', is "
                "also an excerpt's id on this page, so a link to the excerpt could lead here",
                "give the heading its own id with `{#another-id}` after its title, or give the "
                "excerpt another id (keeping the old one under `aliases:` if it was published)"))
    return problems
