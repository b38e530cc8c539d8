"""The reader's commands, one module: `python hooks/cli.py COMMAND`.

* `check [DOCS]`: validate all content in seconds, without a build (`make check`);
* `anchors [DOCS]`: record newly published excerpt ids, then check (`make anchors`);
* `pdf [SITE [DOCS [SITE_URL]]]`: typeset the PDFs of an already built site (`make pdf`);
* `search SITE [DOCS]`: write the search index of an already built site (`mkdocs serve` runs it
  in the background after each build);
* `bench`: measure the build, the PDFs and the check, as ratios, into bench.json (`make bench`).

`cli.py COMMAND --help` describes a command. A folder that is not what the command needs is
refused with a message saying what to give instead, before anything runs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

ROOT = Path(__file__).resolve().parent.parent


def parser() -> argparse.ArgumentParser:
    """The commands and their arguments."""
    top = argparse.ArgumentParser(prog="hooks/cli.py", description=__doc__.split("\n\n")[0])
    commands = top.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, what in (("check", "validate all content, without a build"),
                       ("anchors", "record newly published excerpt ids, then check")):
        command = commands.add_parser(name, help=what, description=what)
        command.add_argument("docs", nargs="?", type=Path, default=ROOT / "docs",
                             help="the docs folder (default: the project's)")
    pdf = commands.add_parser("pdf", help="typeset the PDFs of a built site",
                              description="typeset the PDFs of a built site")
    pdf.add_argument("site", nargs="?", type=Path, default=ROOT / "site",
                     help="the built site (default: site/)")
    pdf.add_argument("docs", nargs="?", type=Path, default=ROOT / "docs")
    pdf.add_argument("site_url", nargs="?", help="the public URL the PDFs link to "
                     "(default: site_url of mkdocs.yml)")
    search = commands.add_parser("search", help="write the search index of a built site",
                                 description="write the search index of a built site")
    search.add_argument("site", type=Path, help="the built site")
    search.add_argument("docs", nargs="?", type=Path, default=ROOT / "docs")
    commands.add_parser("bench", help="measure the build, the PDFs and the check into bench.json",
                        description="measure the build, the PDFs and the check, as ratios, "
                        "into bench.json (several minutes)")
    return top


def refused(args: argparse.Namespace) -> str | None:
    """Why the folders given cannot be used, or None."""
    docs = getattr(args, "docs", None)
    if docs is not None and not (docs / "data").is_dir():
        return f"{docs} is not a docs folder (it has no data/ folder): give the project's docs/"
    site = getattr(args, "site", None)
    if site is not None and not (site / "index.html").is_file():
        return (f"{site} is not a built site (it has no index.html): build it first "
                "(`make build`, or `SITE_PDF=later make build` to typeset the PDFs after)")
    return None


def main(argv: list[str]) -> int:
    top = parser()
    args = top.parse_args(argv)
    problem = refused(args)
    if problem:
        top.error(problem)
    if args.command in ("check", "anchors"):
        import check

        flags = ["--update-anchors"] if args.command == "anchors" else []
        return check.main([str(args.docs), *flags])
    if args.command == "pdf":
        import pdf

        return pdf.main([str(args.site), str(args.docs),
                         *([args.site_url] if args.site_url is not None else [])])
    if args.command == "search":
        import search

        return search.main([str(args.site), str(args.docs)])
    sys.path.insert(0, str(ROOT / "bench"))
    from measure import main as bench_main

    return int(bench_main([]))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
