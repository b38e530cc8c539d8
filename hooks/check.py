"""`make check`: validate the reader's content in seconds, without building the site.

Prints every problem with its file, line and a fix, and exits 1 if there is any.
`--update-anchors` (`make anchors`) first appends newly published excerpt ids to
docs/data/anchors.txt.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from apparatus import check_terms, load_apparatus  # noqa: E402
from consistency import check_variants, read_variants  # noqa: E402
from content import check_site, read_corpus, update_anchors  # noqa: E402
from note_languages import check_note_languages  # noqa: E402


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    docs = Path(args[0]) if args else Path(__file__).resolve().parent.parent / "docs"
    if "--update-anchors" in argv:
        corpus, _ = read_corpus(docs)
        for ex_id in update_anchors(docs, corpus):
            print(f"published: {ex_id}")
    problems = check_site(docs)
    corpus, _ = read_corpus(docs)
    app, more = load_apparatus(docs, corpus.known_ids())
    problems += more + check_terms(list(corpus.excerpts.values()), app)
    variants, bad = read_variants(app.variants)
    problems += bad + check_variants(docs, corpus, variants)
    warnings = check_note_languages(corpus) if not problems else []
    for problem in warnings + problems:
        print(problem)
    if problems:
        print(f"\n{len(problems)} problem(s) found.")
        return 1
    if warnings:
        print(f"\n{len(warnings)} warning(s): the site shows the English text where a "
              "translation is missing.")
    print("Content check passed.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
