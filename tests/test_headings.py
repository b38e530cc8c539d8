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
