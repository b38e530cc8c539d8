"""A paper's section headings, and the headings' permanent links, in the reader's language."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import EDITIONS, read_html
from languages import edition_prefix
from model import Corpus


@pytest.mark.parametrize("edition", list(EDITIONS))
def test_section_headings_lead_with_the_editions_language(site: Path, corpus: Corpus,
                                                          edition: str) -> None:
    for key, paper in corpus.papers.items():
        page = read_html(site, f"{edition_prefix(edition)}papers/{key}/")
        for section in paper.sections:
            heading = page.find(id=f"sec-{section.id}")
            assert heading is not None, f"{key}: no heading for section {section.id}"
            first = heading.find("span")
            assert first is not None
            if edition == paper.lang and section.original:
                assert first["lang"] == paper.lang and first.get_text() == section.original
            else:
                assert first["lang"] == edition, f"{edition} {key} {section.id}: {heading}"
                assert first.get_text() == section.heading_in(edition)
                assert first["dir"] == EDITIONS[edition]


@pytest.mark.parametrize("edition", list(EDITIONS))
def test_heading_links_are_titled_in_the_editions_language(site: Path, corpus: Corpus,
                                                           edition: str) -> None:
    title = corpus.ui[edition]["heading_link"]
    for url in ("", "papers/kazemi-1403/", "glossary/"):
        links = read_html(site, f"{edition_prefix(edition)}{url}").select("a.headerlink")
        assert links, url
        assert {link["title"] for link in links} == {title}, url


def test_a_footnotes_link_back_is_titled_in_the_editions_language(project_copy: Path,
                                                                   tmp_path: Path) -> None:
    """Markdown's footnotes title the link back to the text in English ("Jump back to footnote
    1 in the text"); each edition gives it in its own words, with the footnote's number."""
    from bs4 import BeautifulSoup
    from conftest import mkdocs_build

    for rel, text in (("en/papers/sample.md", "A note"), ("tr/papers/sample.md", "Bir not")):
        page = project_copy / "docs" / rel
        page.write_text(page.read_text(encoding="utf-8")
                        + f"\nA sentence.[^one]\n\n[^one]: {text}.\n", encoding="utf-8")
    built = mkdocs_build(project_copy, tmp_path / "site")
    assert built.returncode == 0, built.stderr[-2000:]
    for prefix, title in (("", "Back to footnote 1 in the text"),
                          ("tr/", "Metindeki 1 numaralı dipnota dön")):
        html = (tmp_path / "site" / prefix / "papers" / "sample" / "index.html").read_text("utf-8")
        links = BeautifulSoup(html, "html.parser").select("a.footnote-backref")
        assert [link["title"] for link in links] == [title], prefix
