"""The contributor's paths, walked on a copy of the real docs: edit links, `make check`, a new
excerpt, a renamed one, and each kind of mistake reported with its file and line."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT, built_once, mkdocs_build, read_html
from content import check_site

KAZEMI = Path("docs/data/papers/kazemi-1403.yml")
NEW_EXCERPT = """
  - id: kazemi-test-new
    section: conclusion
    page: 273
    terms: [soft-power]
    original: |
      قدرت نرم ترکیه در جمهوری آذربایجان با ابزارهای فرهنگی و آموزشی گسترش یافت و این
      همکاری‌ها زمینهٔ اتحاد راهبردی دو کشور را فراهم کرد؛ اعلامیه شوشی نقطهٔ اوج این روند
      بود و جلوه‌های پان‌ترک‌گرایی را در روابط دو کشور آشکار ساخت.
    translation: |
      Türkiye's soft power in the Republic of Azerbaijan spread through cultural and educational
      instruments, and this cooperation prepared the ground for the two countries' strategic
      alliance; the Shusha Declaration was the culmination of this process and revealed the
      manifestations of pan-Turkism in their relations.
"""


def _copy_project(project: Path) -> None:
    project.mkdir()
    for name in ("docs", "hooks", "overrides"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("mkdocs.yml", "CONTRIBUTING.md"):
        shutil.copy(ROOT / name, project / name)


@pytest.fixture
def docs_copy(tmp_path: Path) -> Iterator[Path]:
    project = tmp_path / "reader"
    _copy_project(project)
    yield project


def problems(project: Path) -> list[str]:
    return [str(p) for p in check_site(project / "docs")] + _apparatus(project)


def _apparatus(project: Path) -> list[str]:
    from apparatus import check_terms, load_apparatus
    from content import read_corpus

    corpus, _ = read_corpus(project / "docs")
    app, found = load_apparatus(project / "docs", corpus.known_ids())
    return [str(p) for p in found + check_terms(list(corpus.excerpts.values()), app)]


def replace(project: Path, rel: Path, old: str, new: str, after: str = "") -> int:
    """Replace the first `old` after `after`; return its line number."""
    path = project / rel
    text = path.read_text(encoding="utf-8")
    at = text.index(old, text.index(after) if after else 0)
    path.write_text(text[:at] + new + text[at + len(old):], encoding="utf-8")
    return text[:at].count("\n") + 1


def append_excerpt(project: Path, text: str) -> None:
    path = project / KAZEMI
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n" + text, encoding="utf-8")


@pytest.mark.site
def test_make_check_passes_on_the_shipped_content() -> None:
    """How long it takes is measured by `make bench`, not asserted here."""
    result = subprocess.run([sys.executable, str(ROOT / "hooks" / "cli.py"), "check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
    assert "Content check passed" in result.stdout and "warning" not in result.stdout


@pytest.mark.parametrize("args, said", [
    (["pdf", "/nonexistent"], "/nonexistent is not a built site"),
    (["search", "docs"], "docs is not a built site"),
    (["check", "hooks"], "hooks is not a docs folder"),
    (["typeset"], "invalid choice: 'typeset'"),
])
def test_a_command_given_the_wrong_thing_says_what_to_give(args: list[str], said: str) -> None:
    """A folder that is not what the command needs is refused before anything runs, with a line
    saying what to give, never a traceback (`cli.py pdf --help` read "--help" as the site and
    failed with FileNotFoundError)."""
    result = subprocess.run([sys.executable, str(ROOT / "hooks" / "cli.py"), *args],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 2, result.stderr
    assert said in result.stderr and "Traceback" not in result.stderr, result.stderr


@pytest.mark.parametrize("command", ["pdf", "search", "check", "anchors", "bench"])
def test_help_describes_a_command_without_running_it(command: str) -> None:
    """`cli.py bench --help` ran the whole benchmark; now every command describes itself."""
    result = subprocess.run([sys.executable, str(ROOT / "hooks" / "cli.py"), command, "--help"],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0 and f"usage: hooks/cli.py {command}" in result.stdout, \
        result.stdout + result.stderr


RENAMED = ("- id: kazemi-shusha\n", "- id: kazemi-shusha-declaration\n")
ALIASED = ("- id: kazemi-shusha-declaration\n",
           "- id: kazemi-shusha-declaration\n    aliases: [kazemi-shusha]\n")


@pytest.fixture(scope="session")
def contributed_site(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """The site built from a pull request that adds one excerpt and renames another, keeping its
    old id as an alias (the two changes of the tests below, built once for both)."""

    def make(out: Path) -> subprocess.CompletedProcess[str]:
        project = out.with_name("contribution")
        shutil.rmtree(project, ignore_errors=True)
        _copy_project(project)
        append_excerpt(project, NEW_EXCERPT)
        replace(project, KAZEMI, *RENAMED)
        replace(project, KAZEMI, *ALIASED)
        return mkdocs_build(project, out)

    return built_once(tmp_path_factory, worker_id, "contributed-site", make)


def test_a_new_excerpt_builds_and_is_exported(docs_copy: Path, contributed_site: Path) -> None:
    append_excerpt(docs_copy, NEW_EXCERPT)
    assert problems(docs_copy) == []
    data = json.loads((contributed_site / "corpus" / "excerpts.json").read_text(encoding="utf-8"))
    item = next(e for e in data["excerpts"] if e["id"] == "kazemi-test-new")
    assert item["paper"] == "kazemi-1403" and item["lang"] == "fa" and item["page"] == "273"
    for prefix in ("", "fa/"):
        doc = read_html(contributed_site, f"{prefix}papers/kazemi-1403/")
        assert doc.find(id="kazemi-test-new") is not None


def test_a_renamed_excerpt_keeps_its_old_anchor(docs_copy: Path, contributed_site: Path) -> None:
    replace(docs_copy, KAZEMI, *RENAMED)
    found = problems(docs_copy)
    assert any("docs/data/anchors.txt:" in p and "'kazemi-shusha' no longer exists" in p
               for p in found), found
    replace(docs_copy, KAZEMI, *ALIASED)
    assert problems(docs_copy) == []
    doc = read_html(contributed_site, "papers/kazemi-1403/")
    alias = doc.find(id="kazemi-shusha")
    assert alias is not None and alias["data-alias-of"] == "kazemi-shusha-declaration"


@pytest.mark.parametrize("old, new, message", [
    ("    section: conclusion\n", "   section: conclusion\n", "YAML syntax error"),
    ("    section: conclusion\n", "    section: conclusions\n", "unknown section 'conclusions'"),
    ("- id: kazemi-test-new\n    section", "- id: kazemi-shusha\n    section",
     "duplicate excerpt id"),
    ("terms: [soft-power]", "terms: [soft-powr]", "unknown glossary term 'soft-powr'"),
    ("    translation: |\n", "    notes:\n      - type: context\n        text: See [[kazemi-nowhere]].\n"
                           "    translation: |\n", "unknown excerpt id 'kazemi-nowhere'"),
    ("    translation: |\n", "    notes:\n      - type: context\n        text: <div>x</div>\n"
                           "    translation: |\n", "raw HTML <div> is not allowed"),
    ("    translation: |\n", "    notes:\n      - type: opinion\n        text: x\n"
                           "    translation: |\n", "unknown note type 'opinion'"),
    ("قدرت نرم ترکیه", "\u202bقدرت نرم ترکیه", "bidi control character U+202B"),
    ("    translation: |\n      Türkiye's soft power", "    translation: ''\n    x: |\n      T",
     "the excerpt has no English translation"),
])
def test_each_mistake_names_its_file_and_line(docs_copy: Path, old: str, new: str,
                                              message: str) -> None:
    append_excerpt(docs_copy, NEW_EXCERPT)
    line = replace(docs_copy, KAZEMI, old, new, after="- id: kazemi-test-new")
    found = problems(docs_copy)
    match = [p for p in found if message in p]
    assert match, found
    assert match[0].startswith(f"{KAZEMI.as_posix()}:")
    number = int(match[0].split(":")[1])
    assert abs(number - line) <= 4, (number, line)
    assert "How to fix:" in match[0]


@pytest.mark.parametrize("snippet, message", [
    ('<iframe src="x"></iframe>', "<iframe> element"),
    ("<table><tr><td>x</td></tr></table>", "raw HTML <table> is not allowed"),
    ("[a site](https://example.org)", "a link to another site"),
    ("See [[kazemi-nowhere]].", "unknown excerpt id 'kazemi-nowhere'"),
])
def test_mistakes_in_a_page(docs_copy: Path, snippet: str, message: str) -> None:
    page = Path("docs/fa/papers/kazemi-1403.md")
    text = (docs_copy / page).read_text(encoding="utf-8")
    lines = text.split("\n")
    lines.insert(8, snippet)
    (docs_copy / page).write_text("\n".join(lines), encoding="utf-8")
    match = [p for p in problems(docs_copy) if message in p]
    assert match and match[0].startswith(f"{page.as_posix()}:9:"), match


def test_make_check_exits_non_zero_with_the_problem(docs_copy: Path) -> None:
    replace(docs_copy, KAZEMI, "- id: kazemi-shusha\n", "- id: kazemi-abstract\n")
    result = subprocess.run([sys.executable, str(docs_copy / "hooks" / "check.py")],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert "docs/data/papers/kazemi-1403.yml:" in result.stdout
    assert "duplicate excerpt id" in result.stdout


def test_edit_and_report_links(site: Path, corpus) -> None:
    doc = read_html(site, "fa/papers/kazemi-1403/")
    edit = doc.select_one("a.md-content__button[href*='/edit/']")
    assert edit["href"].endswith("/edit/main/docs/fa/papers/kazemi-1403.md")
    translated = read_html(site, "tr/papers/kazemi-1403/")
    edit = translated.select_one("a.md-content__button[href*='/edit/']")
    assert edit["href"].endswith("/edit/main/docs/tr/papers/kazemi-1403.md")
    for element in read_html(site, "papers/masoumi-2025/").select("[data-excerpt]"):
        assert element.select_one("a.excerpt__edit")["href"].endswith(
            "/edit/main/docs/data/papers/masoumi-2025.yml")
        report = element.select_one("a.excerpt__report")["href"]
        assert "/issues/new?" in report and element["id"] in report


@pytest.mark.parametrize("edition", ["en", "tr", "fa", "ar"])
def test_a_reported_problem_is_asked_in_the_readers_language(site: Path, corpus,
                                                              edition: str) -> None:
    """The issue a reader opens on an excerpt: its title and its questions in the edition's
    language, with the excerpt, its page and the file and line a translator edits."""
    from urllib.parse import parse_qs, urlsplit

    from languages import edition_prefix

    ui = corpus.ui[edition]
    element = read_html(site, f"{edition_prefix(edition)}papers/kazemi-1403/").select_one(
        "#kazemi-abstract")
    query = parse_qs(urlsplit(element.select_one("a.excerpt__report")["href"]).query)
    excerpt = corpus.excerpts["kazemi-abstract"]
    assert query["title"] == [ui["report_title"].replace("{id}", "kazemi-abstract")]
    body = query["body"][0]
    assert ui["report_prompt"] in body and f"{edition_prefix(edition)}papers/kazemi-1403/" in body
    assert f"{excerpt.file}" in body and str(excerpt.line) in body
    assert query["labels"] == ["translation"]
    if edition != "en":
        assert corpus.ui["en"]["report_prompt"] not in body


def test_contributing_guide_is_on_the_site(site: Path) -> None:
    doc = read_html(site, "contributing/")
    text = doc.get_text()
    for part in ("Fix a translation", "Add an excerpt", "Add a paper", "Add a seminar packet",
                 "What counts as verbatim", "Transliteration"):
        assert part in text, part


@pytest.mark.parametrize("edition", ["en", "tr", "fa", "ar"])
def test_each_guide_names_the_links_of_an_excerpt_as_its_edition_shows_them(corpus,
                                                                             edition: str) -> None:
    """The guide sends a reader to an excerpt's links by the names they have in the reader's
    edition (the Persian guide named the report link otherwise than the Persian pages do)."""
    guide = ROOT / ("CONTRIBUTING.md" if edition == "en" else f"docs/{edition}/contributing.md")
    text = " ".join(guide.read_text(encoding="utf-8").split())
    for key in ("edit_excerpt", "report_problem"):
        assert f"**{corpus.ui[edition][key]}**" in text, (edition, key)


def test_the_preview_rebuilds_on_every_file_the_site_is_made_of() -> None:
    """`make serve` builds the site again when a contributor edits a page, a data file, a
    template or a file a page includes (the English guide is CONTRIBUTING.md): MkDocs watches
    docs/ and mkdocs.yml, the project's hook the rest."""
    import re

    import reader
    from mkdocs.config import load_config

    class Server:
        def __init__(self) -> None:
            self.watched: list[Path] = []

        def watch(self, path: str) -> None:
            self.watched.append(Path(path))

    config = load_config(str(ROOT / "mkdocs.yml"))
    server = Server()
    assert reader.on_serve(server, config, lambda: None) is server  # type: ignore[arg-type]
    watched = [Path(config.docs_dir), Path(config.config_file_path), *server.watched]
    included = {Path(name) for page in Path(config.docs_dir).rglob("*.md")
                for name in re.findall(r'^--8<-- "([^"]+)"', page.read_text(encoding="utf-8"),
                                       re.M)}
    assert included, "no page includes a file: the test reads the wrong syntax"
    for path in [ROOT / name for name in sorted(included)] + [Path(config.theme.custom_dir)]:
        assert any(path == folder or folder in path.parents for folder in watched), \
            f"{path.relative_to(ROOT)} is not watched"


def test_an_included_guide_is_checked_at_its_own_lines(tmp_path: Path) -> None:
    """CONTRIBUTING.md is the English contributing page's text (`--8<--`): a mistake in it is
    named in it, at its line, as in a page."""
    from content import read_corpus
    from pages import check_markdown

    corpus, _ = read_corpus(ROOT / "docs")
    (tmp_path / "docs" / "en").mkdir(parents=True)
    (tmp_path / "GUIDE.md").write_text("# Guide\n\nThe steps:\n- one\n- two\n\n[[no-such-id]]\n",
                                       encoding="utf-8")
    page = '--8<-- "GUIDE.md"\n'
    (tmp_path / "docs" / "en" / "guide.md").write_text(page, encoding="utf-8")
    found = {(p.file, p.line, p.message.split(":")[0])
             for p in check_markdown("docs/en/guide.md", page, corpus, tmp_path)}
    assert ("GUIDE.md", 4, "this list follows a paragraph's line") in found, found
    assert ("GUIDE.md", 7, "link to unknown excerpt id 'no-such-id'") in found, found
