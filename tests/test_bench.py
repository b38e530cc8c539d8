"""`make bench` compares the build with projects built from the same content: without the
project's hook (Material and mkdocs-static-i18n on the same Markdown and templates) and as plain
Markdown. Each must build, or `make bench` stops; how long they take is its business, not this
test's."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))

from projects import bare_project, plain_project, scaled_project  # noqa: E402


@pytest.mark.site
@pytest.mark.parametrize("make", [bare_project, plain_project], ids=["bare", "plain"])
def test_the_bench_comparison_projects_build(tmp_path: Path, make) -> None:
    project = make(tmp_path)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_PDF": "0"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d",
                             str(tmp_path / "out")], cwd=project, env=env, capture_output=True,
                            text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    english = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "Türkiye" in english and (tmp_path / "out" / "404.html").is_file()


def test_the_scaled_project_lists_every_page_in_its_menu(tmp_path: Path) -> None:
    """The build of ten times the content stops on a page its menu does not list, as the real
    build does: every copy of a paper is in `nav:`."""
    from nav_file import nav_problems

    project = scaled_project(tmp_path, 2)
    problems, _ = nav_problems(project / "docs")
    assert problems == []
    assert (project / "docs" / "en" / "papers" / "kazemi-1403-c1.md").is_file()
