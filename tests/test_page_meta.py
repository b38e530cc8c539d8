"""What each built page tells indexers and link previews: `citation_*` tags on a paper's
canonical pages only, schema.org JSON-LD, OpenGraph, a description in the edition's language,
absolute hreflang alternates with x-default, and the sitemap's lastmod from the content."""

from __future__ import annotations

import json
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import EDITIONS, ROOT, read_html
from languages import edition_prefix
from test_citations import KEYS, YEARS, _site_url

ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff]")


def _pages(site: Path) -> list[str]:
    urls = []
    for path in sorted(site.rglob("index.html")):
        url = path.parent.relative_to(site).as_posix()
        if url.split("/")[0] in ("assets", "search", "corpus", "cite", "pdf"):
            continue
        urls.append("" if url == "." else url + "/")
    return urls


def _edition(url: str) -> str:
    first = url.split("/")[0]
    return first if first in EDITIONS and first != "en" else "en"


def _meta(doc, name: str) -> list[str]:
    return [m["content"] for m in doc.find_all("meta", attrs={"name": name})]


@pytest.mark.parametrize("key", KEYS)
def test_citation_tags_only_on_a_papers_canonical_pages(site: Path, corpus, key: str) -> None:
    paper = corpus.papers[key]
    for edition in EDITIONS:
        doc = read_html(site, f"{'' if edition == 'en' else edition + '/'}papers/{key}/")
        tags = doc.find_all("meta", attrs={"name": re.compile(r"^citation_")})
        if edition not in ("en", paper.lang):
            assert not tags, (edition, key)
            continue
        assert _meta(doc, "citation_language") == [paper.lang]
        dates = _meta(doc, "citation_publication_date")
        assert dates == ([str(YEARS[key])] if YEARS[key] else []), dates
        authors = paper.record.authors or []
        assert len(_meta(doc, "citation_author")) == len(authors)
        title = _meta(doc, "citation_title")
        record = paper.record
        if record.title.original:
            assert title == [record.title.original]
        else:
            assert record.site_title is not None
            assert title == [f"[{record.site_title.en}]"], "a supplied title is bracketed"
        for field, name in (("doi", "citation_doi"), ("issn", "citation_issn"),
                            ("volume", "citation_volume"), ("journal", "citation_journal_title")):
            assert bool(_meta(doc, name)) == bool(getattr(record, field)), (key, name)


def test_json_ld_on_every_page(site: Path) -> None:
    for url in _pages(site):
        doc = read_html(site, url)
        blocks = doc.find_all("script", attrs={"type": "application/ld+json"})
        assert len(blocks) == 1, url
        data = json.loads(blocks[0].string)
        assert data["@context"] == "https://schema.org"
        is_paper = re.search(r"(^|/)papers/[^/]+/$", url) is not None
        assert data["@type"] == ("ScholarlyArticle" if is_paper else "WebPage"), url
        if is_paper:
            assert data["mainEntityOfPage"] == _site_url() + url
        else:
            assert data["url"] == _site_url() + url and data["inLanguage"] == _edition(url)
        policy = doc.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
        assert "script-src 'self'" in policy


def test_scholarly_article_states_only_what_the_source_states(site: Path, corpus) -> None:
    for key in KEYS:
        doc = read_html(site, f"papers/{key}/")
        tag = doc.find("script", attrs={"type": "application/ld+json"})
        assert tag is not None
        data = json.loads(tag.string)
        record = corpus.papers[key].record
        assert data["inLanguage"] == corpus.papers[key].lang
        assert data.get("datePublished") == (str(YEARS[key]) if YEARS[key] else None)
        assert len(data.get("author", [])) == len(record.authors or [])
        assert ("sameAs" in data) == bool(record.doi)
        assert ("isPartOf" in data) == bool(record.journal)


def test_opengraph_and_description_in_the_editions_language(site: Path) -> None:
    english: dict[str, str] = {}
    for url in _pages(site):
        doc = read_html(site, url)
        og = {m["property"]: m["content"] for m in doc.find_all("meta", property=True)}
        assert og["og:url"] == _site_url() + url and og["og:title"], url
        assert og["og:type"] in ("article", "website")
        description = _meta(doc, "description")
        assert len(description) == 1 and description[0], url
        edition = _edition(url)
        if edition in ("fa", "ar"):
            assert ARABIC_SCRIPT.search(description[0]), (url, description[0])
        path = url.removeprefix(f"{edition}/") if edition != "en" else url
        if edition == "en":
            english[path] = description[0]
        elif path in english:
            assert description[0] != english[path], (url, "the English description")
    for edition in EDITIONS:  # a paper page's description is its summary's first paragraph
        source = (ROOT / "docs" / edition / "papers" / "kazemi-1403.md").read_text(encoding="utf-8")
        summary = source.split("\n## ", 1)[1].split("\n\n")[1]
        prefix = edition_prefix(edition)
        shown = _meta(read_html(site, f"{prefix}papers/kazemi-1403/"), "description")[0]
        assert shown.startswith(" ".join(summary.split()[:6])), (edition, shown)


def test_hreflang_alternates_are_absolute_with_x_default(site: Path) -> None:
    base = _site_url()
    for url in _pages(site):
        doc = read_html(site, url)
        links = {link["hreflang"]: link["href"]
                 for link in doc.select('head link[rel="alternate"][hreflang]')}
        assert set(links) == {*EDITIONS, "x-default"}, url
        assert all(href.startswith(base) for href in links.values()), url
        path = url.removeprefix(f"{_edition(url)}/") if _edition(url) != "en" else url
        assert links["x-default"] == links["en"] == base + path
        assert links[_edition(url)] == base + url


def _git_date(*files: str) -> str:
    return subprocess.run(["git", "log", "-1", "--format=%cs", "--", *files], cwd=ROOT,
                          capture_output=True, text=True, check=True).stdout.strip()


def test_sitemap_lastmod_comes_from_the_content(site: Path) -> None:
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ET.parse(site / "sitemap.xml").getroot()
    dates = {u.findtext("s:loc", namespaces=ns): u.findtext("s:lastmod", namespaces=ns)
             for u in root.findall("s:url", ns)}
    base = _site_url()
    assert dates and all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", d or "") for d in dates.values())
    expected = _git_date("docs/en/papers/kazemi-1403.md", "docs/data/papers/kazemi-1403.yml")
    assert dates[base + "papers/kazemi-1403/"] == expected
    assert dates[base + "fa/glossary/"] == _git_date("docs/fa/glossary.md")
