"""`make check`: validate the reader's content in seconds, without building the site.

Prints every problem with its file, line and a fix, and exits 1 if there is any.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from content import check_site  # noqa: E402


def main(argv: list[str]) -> int:
    docs = Path(argv[0]) if argv else Path(__file__).resolve().parent.parent / "docs"
    problems = check_site(docs)
    for problem in problems:
        print(problem)
    if problems:
        print(f"\n{len(problems)} problem(s) found.")
        return 1
    print("Content check passed.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
