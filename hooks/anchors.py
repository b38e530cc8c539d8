"""The published excerpt ids (`docs/data/anchors.txt`): every id readers may have cited must
still lead to an excerpt, itself or one that keeps it as an alias; `make anchors` adds the new."""

from __future__ import annotations

from pathlib import Path

from model import ID_RE, Corpus, Problem
from source_text import read_text

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
