"""`make check`: validate the reader's content in seconds, without building the site.

It reads the content exactly as the build does (`ReaderBuild.read`) and checks every page of
every edition as the build would, so the two never disagree. Prints every problem with its file,
line and a fix, then the warnings (pages, interface strings, menu titles, notes, and the entries
of the glossary, the index and the timeline not yet translated; translated pages whose structure
differs from their English page's), and exits 1 if there is a problem.
`--update-anchors` (`make anchors`) first appends newly published excerpt ids to
docs/data/anchors.txt.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from anchors import update_anchors  # noqa: E402
from apparatus import translation_gaps  # noqa: E402
from content import read_corpus, ui_translation_warnings, without_consequences  # noqa: E402
from model import Problem  # noqa: E402
from nav_file import nav_problems  # noqa: E402
from note_languages import check_note_languages  # noqa: E402
from page_structure import structure_warnings  # noqa: E402
from pages import check_pages, page_translation_warnings  # noqa: E402
from reader_build import ReaderBuild  # noqa: E402
from search_fold import RULES_PATH, Folder, RulesError  # noqa: E402


def search_rules_problems(docs: Path) -> list[Problem]:
    """The search's folding rules, as the build reads them (it stops on the same problem)."""
    try:
        Folder.load(docs)
    except RulesError as err:
        return [Problem(RULES_PATH, err.line, err.message, err.fix)]
    return []


def problems_and_warnings(docs: Path) -> tuple[list[Problem], list[Problem]]:
    """Every problem in the content and the pages; and, if there is none, every warning."""
    build, problems = ReaderBuild.read(docs)  # the data files, and the files published as they are
    problems += check_pages(docs, build.corpus)
    nav, nav_warnings = nav_problems(docs)
    problems += search_rules_problems(docs) + nav
    problems = without_consequences(problems, build.corpus)
    own_words = {f"{p.lang}/papers/{p.key}.md" for p in build.corpus.papers.values()}
    warnings = (page_translation_warnings(docs) + structure_warnings(docs, own_words) + nav_warnings
                + ui_translation_warnings(docs / "data" / "ui.yml", docs.parent)
                + check_note_languages(build.corpus) + translation_gaps(build.app)) \
        if not problems else []
    return problems, warnings


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    docs = Path(args[0]) if args else Path(__file__).resolve().parent.parent / "docs"
    if "--update-anchors" in argv:
        corpus, _ = read_corpus(docs)
        for ex_id in update_anchors(docs, corpus):
            print(f"published: {ex_id}")
    problems, warnings = problems_and_warnings(docs)
    for problem in warnings + problems:
        print(problem)
    if problems:
        print(f"\n{len(problems)} problem(s) found.")
        return 1
    if warnings:
        print(f"\n{len(warnings)} warning(s): translations missing, or behind their English "
              "page (the site shows the English text where one is missing).")
    print("Content check passed.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
