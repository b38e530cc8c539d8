"""The reader's commands, one module: `python hooks/cli.py COMMAND`.

* `check`: validate all content in seconds, without a build (`make check`);
* `anchors`: record newly published excerpt ids, then check (`make anchors`);
* `pdf [SITE]`: typeset the PDFs of an already built site (`make pdf`);
* `search SITE [DOCS]`: write the search index of an already built site (`mkdocs serve` runs it
  in the background after each build);
* `bench`: measure the build, the PDFs and the check, as ratios, into bench.json (`make bench`).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("check", "anchors", "pdf", "search", "bench"):
        print(__doc__.strip())
        return 2
    command, rest = argv[0], argv[1:]
    if command == "check":
        import check

        return check.main(rest)
    if command == "anchors":
        import check

        return check.main([*rest, "--update-anchors"])
    if command == "pdf":
        import pdf

        return pdf.main(rest)
    if command == "search":
        import search

        return search.main(rest)
    root = Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(root / "bench"))
    from measure import main as bench_main

    return int(bench_main(rest))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
