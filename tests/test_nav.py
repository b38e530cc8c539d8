"""The menu (`nav:` in mkdocs.yml): a page it does not list is refused, by `make check` and by the
build; a title an edition does not translate, or a translation of a title the menu no longer
has, is a warning with its line in mkdocs.yml. The menu's order of the papers is the order of
every list of them on the site."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import urljoin

import pytest
from conftest import EDITIONS, ROOT, mkdocs_build, read_html
from content import read_corpus
from languages import edition_prefix
from nav_file import nav_items, nav_problems, paper_order


def _project(tmp_path: Path, config: str | None = None) -> Path:
    """docs/ with the English, Turkish and Persian pages of the menu, beside `config`."""
    for rel in ("en/index.md", "en/packets/iran.md", "tr/index.md", "fa/packets/iran.md"):
        (tmp_path / "docs" / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs" / rel).write_text("# Page\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        config or (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    return tmp_path / "docs"


def test_the_shipped_menu_lists_every_page_and_every_edition_translates_it() -> None:
    assert nav_problems(ROOT / "docs") == ([], [])


def test_nav_items_reads_sections_titled_and_untitled_pages() -> None:
    nav = [{"Home": "index.md"}, {"Papers": ["papers/index.md", {"A paper": "papers/a.md"}]}]
    assert list(nav_items(nav)) == [("Home", "index.md"), ("Papers", None),
                                    (None, "papers/index.md"), ("A paper", "papers/a.md")]


def test_a_page_the_menu_does_not_list_is_a_problem_in_every_edition_that_has_it(
        tmp_path: Path) -> None:
    docs = _project(tmp_path)
    for rel in ("en/packets/new-one.md", "fa/packets/new-one.md"):
        (docs / rel).write_text("# New\n", encoding="utf-8")
    problems, _ = nav_problems(docs)
    assert [(p.file, p.line) for p in problems] == [("docs/en/packets/new-one.md", 1),
                                                    ("docs/fa/packets/new-one.md", 1)]
    assert "no menu leads to this page" in problems[0].message
    assert '`- "<its English title>": packets/new-one.md`' in problems[0].fix


def test_a_reworded_title_is_warned_in_every_edition_with_both_lines(tmp_path: Path) -> None:
    """The English title reworded: each edition shows it in English, and its old translation
    is never used. Each warning names its line in mkdocs.yml."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace(
        '- "Iran between Baku and Ankara": packets/iran.md',
        '- "Iran, between Baku and Ankara": packets/iran.md')
    lines = config.split("\n")
    problems, warnings = nav_problems(_project(tmp_path, config))
    assert problems == [] and all(w.warning for w in warnings)
    assert [(w.message.split(":")[0], lines[w.line - 1].strip()) for w in warnings] == [
        (f"the menu title 'Iran, between Baku and Ankara' has no {name} translation",
         '- "Iran, between Baku and Ankara": packets/iran.md')
        if kind == "title" else
        (f"the {name} `nav_translations` translate 'Iran between Baku and Ankara', which is not "
         "a title of the menu (`nav", f'"Iran between Baku and Ankara": "{translation}"')
        for name, translation in (("Turkish", "Bakü ile Ankara arasında İran"),
                                  ("Persian", "ایران میان باکو و آنکارا"),
                                  ("Arabic", "إيران بين باكو وأنقرة"))
        for kind in ("title", "translation")]


def test_without_a_menu_mkdocs_lists_every_page(tmp_path: Path) -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:")[0]
    docs = _project(tmp_path, config)
    (docs / "en" / "other.md").write_text("# Other\n", encoding="utf-8")
    assert nav_problems(docs) == ([], [])


def test_the_build_stops_on_a_page_the_menu_does_not_list(project_copy: Path,
                                                           tmp_path: Path) -> None:
    """The build's own check (`validation: nav: omitted_files` in mkdocs.yml), strict."""
    config = project_copy / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8")
                      + "\nnav:\n  - Home: index.md\n  - Sample: papers/sample.md\n",
                      encoding="utf-8")
    shutil.copy(project_copy / "docs" / "en" / "index.md", project_copy / "docs" / "en" / "x.md")
    bad = mkdocs_build(project_copy, tmp_path / "bad")
    assert bad.returncode == 1
    assert 'not included in the "nav" configuration' in bad.stderr, bad.stderr[-2000:]
    assert "en/papers/nemune.md" in bad.stderr and "en/x.md" in bad.stderr


def _keys(url: str, hrefs: list[str]) -> list[str]:
    """The paper keys of the links to paper pages on the page at `url`, in order, each once."""
    found = (re.search(r"/papers/([a-z0-9-]+)/(?:#.*)?$", urljoin(f"/{url}", href))
             for href in hrefs)
    return list(dict.fromkeys(m.group(1) for m in found if m))


def test_the_papers_order_is_the_menus(tmp_path: Path) -> None:
    """The corpus lists its papers in the menu's order, whatever their file names; a paper the
    menu does not list comes after them."""
    shipped = paper_order(ROOT)
    assert sorted(shipped) == sorted(p.stem for p in (ROOT / "docs/data/papers").glob("*.yml"))
    assert list(read_corpus(ROOT / "docs")[0].papers) == shipped
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    lines = [line for line in config.split("\n") if re.search(r": papers/[a-z0-9-]+\.md$", line)]
    moved = config.replace("\n".join(lines), "\n".join([*reversed(lines[1:])]))
    (tmp_path / "mkdocs.yml").write_text(moved, encoding="utf-8")
    assert paper_order(tmp_path) == list(reversed(shipped[1:]))
    corpus, _ = read_corpus(tmp_path / "docs")
    assert list(corpus.papers) == [*reversed(shipped[1:]), shipped[0]]
    excerpt_papers = list(dict.fromkeys(e.paper for e in corpus.excerpts.values()))
    assert excerpt_papers == list(corpus.papers)


@pytest.mark.site
@pytest.mark.parametrize("edition", EDITIONS)
def test_every_list_of_the_papers_follows_the_menu(site: Path, corpus, edition: str) -> None:
    """The menu, the table of papers on the home and papers pages, the download list, the
    columns of the table of concepts, the timeline's lanes and each of its events give the
    papers in one order."""
    prefix = edition_prefix(edition)
    home = read_html(site, prefix)
    menu = _keys(prefix, [a["href"] for a in home.select(".md-nav--primary a.md-nav__link[href]")])
    assert menu == paper_order(ROOT)
    for url in (prefix, f"{prefix}papers/"):
        table = read_html(site, url).select(".papers-table tbody td:first-child a[href]")
        assert _keys(url, [a["href"] for a in table]) == menu, url
    titles = [a.get_text(strip=True) for a in
              read_html(site, prefix).select(".papers-table tbody td:first-child a[href]")]
    bib = read_html(site, f"{prefix}corpus/").select('ul.downloads a[href$=".bib"]')
    assert [Path(a["href"]).stem for a in bib] == menu
    row = read_html(site, f"{prefix}glossary/").select_one("figure.figure--concepts tbody tr")
    assert [td["data-paper"] for td in row.select("td[data-paper]")] == menu
    timeline = read_html(site, f"{prefix}timeline/")
    lanes = timeline.select("figure.figure--timeline li")
    assert [" ".join(li.get_text().split()[1:]) for li in lanes[:len(menu)]] == titles
    # each event's excerpts: by paper in that order, then by paragraph; its papers likewise
    ids = list(corpus.excerpts)
    for event in timeline.select("li.event"):
        refs = [a["data-ref"] for a in event.select(".event__refs a[data-ref]")]
        assert refs == sorted(refs, key=lambda r: ids.index(corpus.resolve(r).id)), event["id"]
        papers = list(dict.fromkeys(corpus.resolve(r).paper for r in refs))
        named = event.select_one(".event__papers").get_text()
        assert sorted(papers, key=lambda k: named.index(corpus.papers[k].short_title(edition))) \
            == papers, event["id"]
