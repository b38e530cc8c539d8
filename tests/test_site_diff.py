"""tools/site_diff.py: the pull-request summary of pages, PDFs and excerpt ids that changed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import site_diff  # noqa: E402


def make_site(root: Path, files: dict[str, str | bytes], excerpts: list[str] | None) -> Path:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    if excerpts is not None:
        export = root / "corpus" / "excerpts.json"
        export.parent.mkdir(parents=True, exist_ok=True)
        data = {"papers": [], "excerpts": [{"id": id_, "paper": "kazemi"} for id_ in excerpts]}
        export.write_text(json.dumps(data), encoding="utf-8")
    return root


@pytest.fixture
def sites(tmp_path: Path) -> tuple[Path, Path]:
    base = make_site(tmp_path / "base", {
        "index.html": "<p>home</p>",
        "papers/kazemi/index.html": "<p>old</p>",
        "fa/papers/kazemi/index.html": "<p>same</p>",
        "packets/gone/index.html": "<p>gone</p>",
        "pdf/en/kazemi.pdf": b"%PDF-1.7 old",
        "pdf/fa/kazemi.pdf": b"%PDF-1.7 same",
        "pdf/en/packet-gone.pdf": b"%PDF-1.7 gone",
        "assets/site.css": "p {}",
    }, ["kazemi-abstract", "kazemi-old"])
    head = make_site(tmp_path / "head", {
        "index.html": "<p>home</p>",
        "papers/kazemi/index.html": "<p>new</p>",
        "fa/papers/kazemi/index.html": "<p>same</p>",
        "tr/papers/new/index.html": "<p>new page</p>",
        "pdf/en/kazemi.pdf": b"%PDF-1.7 new",
        "pdf/fa/kazemi.pdf": b"%PDF-1.7 same",
        "pdf/tr/new.pdf": b"%PDF-1.7 added",
        "assets/site.css": "p { color: red }",
    }, ["kazemi-abstract", "kazemi-new"])
    return base, head


def test_compare_sites(sites: tuple[Path, Path]) -> None:
    diff = site_diff.compare_sites(*sites)
    assert diff.pages == site_diff.Changes(
        added=["tr/papers/new/index.html"],
        removed=["packets/gone/index.html"],
        changed=["papers/kazemi/index.html"],
    )
    assert diff.pdfs == site_diff.Changes(
        added=["pdf/tr/new.pdf"], removed=["pdf/en/packet-gone.pdf"], changed=["pdf/en/kazemi.pdf"],
    )
    assert diff.excerpts == site_diff.Changes(added=["kazemi-new"], removed=["kazemi-old"])


def test_markdown_report(sites: tuple[Path, Path]) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "site_diff.py"), *map(str, sites)],
        capture_output=True, text=True, check=True,
    )
    report = result.stdout
    assert report.startswith("## Changes compared with `main`\n")
    assert "- Pages: 1 added, 1 removed, 1 changed" in report
    assert "- PDFs: 1 added, 1 removed, 1 changed" in report
    assert "- Excerpt ids: 1 added, 1 removed" in report
    sections = {
        "Pages added": "tr/papers/new/index.html",
        "Pages removed": "packets/gone/index.html",
        "Pages changed": "papers/kazemi/index.html",
        "PDFs added": "pdf/tr/new.pdf",
        "PDFs removed": "pdf/en/packet-gone.pdf",
        "PDFs changed": "pdf/en/kazemi.pdf",
        "Excerpt ids added": "kazemi-new",
        "Excerpt ids removed": "kazemi-old",
    }
    for title, item in sections.items():
        assert f"**{title}** (1)\n\n- `{item}`\n" in report
    # unchanged files, and files that are neither pages nor PDFs, are not listed
    for unlisted in ("`index.html`", "fa/papers/kazemi", "pdf/fa/kazemi.pdf", "site.css",
                     "kazemi-abstract"):
        assert unlisted not in report


def test_no_changes_and_no_export(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {"index.html": "<p>home</p>", "pdf/en/a.pdf": b"%PDF"}
    base = make_site(tmp_path / "base", files, None)
    head = make_site(tmp_path / "head", files, None)
    report = site_diff.to_markdown(site_diff.compare_sites(base, head), label="origin/main")
    assert report == "## Changes compared with `origin/main`\n\nNo page, PDF or excerpt id changed.\n"


def test_long_lists_are_folded(tmp_path: Path) -> None:
    base = make_site(tmp_path / "base", {}, [])
    pages: dict[str, str | bytes] = {f"p{n:02}/index.html": "x" for n in range(25)}
    head = make_site(tmp_path / "head", pages, [])
    report = site_diff.to_markdown(site_diff.compare_sites(base, head))
    assert "<details><summary>Pages added (25)</summary>" in report
    assert report.count("\n- `p") == 25


def test_missing_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exit_:
        site_diff.main([str(tmp_path / "nowhere"), str(tmp_path)])
    assert exit_.value.code == 2
