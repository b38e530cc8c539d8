"""What changed between two built copies of the site, as Markdown.

Usage: ``python tools/site_diff.py BASE HEAD [--label main]``

BASE and HEAD are built site folders (``make build`` output, with its PDFs). The report lists
the pages (HTML files) and the PDFs that HEAD adds, removes or changes (a changed file differs
byte for byte), and the excerpt ids that HEAD adds or removes, read from ``corpus/excerpts.json``
in each folder (a folder without it counts as having no excerpts). The pull-request workflow
writes it into the job summary, with BASE the site built from ``main``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

EXPORT = Path("corpus") / "excerpts.json"
#: lists longer than this are folded away in the report
FOLD_AFTER = 20


@dataclass
class Changes:
    """Paths (relative, with forward slashes) or ids, sorted, in each category."""

    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)


@dataclass
class SiteDiff:
    pages: Changes
    pdfs: Changes
    excerpts: Changes


def _digests(site: Path, suffix: str) -> dict[str, str]:
    """Each file of the site with that suffix, by its path relative to the site root."""
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in site.rglob(f"*{suffix}")
        if path.is_file()
    }


def compare_files(base: Path, head: Path, suffix: str) -> Changes:
    """Files with that suffix added, removed or changed from ``base`` to ``head``."""
    old, new = _digests(base, suffix), _digests(head, suffix)
    return Changes(
        added=sorted(new.keys() - old.keys()),
        removed=sorted(old.keys() - new.keys()),
        changed=sorted(path for path in old.keys() & new.keys() if old[path] != new[path]),
    )


def excerpt_ids(site: Path) -> set[str]:
    """The ids of the excerpts in the site's corpus export (none if it has no export)."""
    export = site / EXPORT
    if not export.is_file():
        return set()
    data = json.loads(export.read_text(encoding="utf-8"))
    return {str(excerpt["id"]) for excerpt in data.get("excerpts", [])}


def compare_sites(base: Path, head: Path) -> SiteDiff:
    old, new = excerpt_ids(base), excerpt_ids(head)
    return SiteDiff(
        pages=compare_files(base, head, ".html"),
        pdfs=compare_files(base, head, ".pdf"),
        excerpts=Changes(added=sorted(new - old), removed=sorted(old - new)),
    )


def _section(title: str, items: list[str]) -> list[str]:
    if not items:
        return []
    bullets = [f"- `{item}`" for item in items]
    if len(items) > FOLD_AFTER:
        return [f"<details><summary>{title} ({len(items)})</summary>", "", *bullets, "",
                "</details>", ""]
    return [f"**{title}** ({len(items)})", "", *bullets, ""]


def to_markdown(diff: SiteDiff, label: str = "main") -> str:
    """The report: a heading, a count per category, then each non-empty list."""
    lines = [f"## Changes compared with `{label}`", ""]
    if not (diff.pages or diff.pdfs or diff.excerpts):
        return "\n".join([*lines, "No page, PDF or excerpt id changed.", ""])
    for name, changes in (("Pages", diff.pages), ("PDFs", diff.pdfs)):
        lines.append(f"- {name}: {len(changes.added)} added, {len(changes.removed)} removed, "
                     f"{len(changes.changed)} changed")
    lines += [f"- Excerpt ids: {len(diff.excerpts.added)} added, "
              f"{len(diff.excerpts.removed)} removed", ""]
    for name, changes in (("Pages", diff.pages), ("PDFs", diff.pdfs)):
        lines += _section(f"{name} added", changes.added)
        lines += _section(f"{name} removed", changes.removed)
        lines += _section(f"{name} changed", changes.changed)
    lines += _section("Excerpt ids added", diff.excerpts.added)
    lines += _section("Excerpt ids removed", diff.excerpts.removed)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="What changed between two built sites, as Markdown.")
    parser.add_argument("base", type=Path, help="the site built from the base branch")
    parser.add_argument("head", type=Path, help="the site built from the change")
    parser.add_argument("--label", default="main", help="what the base is called in the report")
    args = parser.parse_args(argv)
    for folder in (args.base, args.head):
        if not folder.is_dir():
            parser.error(f"{folder} is not a folder")
    sys.stdout.write(to_markdown(compare_sites(args.base, args.head), args.label))
    return 0


if __name__ == "__main__":
    sys.exit(main())
