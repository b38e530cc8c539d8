"""The PDFs of every paper page and seminar packet: they exist, open, embed their fonts, stay
small, build in time, and their text comes out in logical order in every script."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from conftest import read_html


def pdf_files(corpus, app_packets: list[str]) -> list[str]:
    files = []
    for key, paper in corpus.papers.items():
        files += [f"pdf/en/{key}.pdf", f"pdf/{paper.lang}/{key}.pdf"]
    return files + [f"pdf/en/packet-{slug}.pdf" for slug in app_packets]


@pytest.fixture(scope="module")
def packets() -> list[str]:
    from conftest import ROOT

    return sorted(p.stem for p in (ROOT / "docs" / "en" / "packets").glob("*.md")
                  if p.stem != "index")


def text_of(path: Path, first: int | None = None, last: int | None = None) -> str:
    args = ["pdftotext", "-enc", "UTF-8"]
    if first:
        args += ["-f", str(first)]
    if last:
        args += ["-l", str(last)]
    return subprocess.run(args + [str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def info(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return dict(line.split(":", 1) for line in out.splitlines() if ":" in line)


def test_every_pdf_exists_opens_and_is_small(site: Path, corpus, packets) -> None:
    for rel in pdf_files(corpus, packets):
        path = site / rel
        assert path.exists(), rel
        meta = info(path)
        pages = int(meta["Pages"])
        assert 3 <= pages <= 150, (rel, pages)
        assert "(A4)" in meta["Page size"], rel
        assert path.stat().st_size < 2 * 1024 * 1024, rel


def test_the_manifest_lists_every_pdf(site: Path) -> None:
    """How long they took is measured by `make bench`, not asserted here."""
    manifest = json.loads((site / "pdf" / "manifest.json").read_text())
    made = {p.relative_to(site).as_posix() for p in (site / "pdf").rglob("*.pdf")}
    assert set(manifest["files"]) == made and made
    assert all(entry["bytes"] > 0 for entry in manifest["files"].values())


def test_fonts_are_embedded_and_subset(site: Path, corpus, packets) -> None:
    for rel in pdf_files(corpus, packets):
        out = subprocess.run(["pdffonts", str(site / rel)], capture_output=True, text=True,
                             check=True).stdout.splitlines()[2:]
        assert out, rel
        for line in out:
            emb, sub = line.split()[-5], line.split()[-4]
            assert emb == "yes" and sub == "yes", (rel, line)


def test_text_has_excerpt_ids_and_labels(site: Path, corpus) -> None:
    for key, paper in corpus.papers.items():
        text = text_of(site / f"pdf/en/{key}.pdf")
        for excerpt in paper.excerpts[:3]:
            assert excerpt.id in text.replace("\n", ""), (key, excerpt.id)
        assert corpus.papers[key].cite_authors.split(" ")[0].strip("[") in text


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub("[\u200c\u202a-\u202e\u2066-\u2069]", "", text)).strip()


@pytest.mark.parametrize("rel, sentence", [
    ("pdf/fa/kazemi-1403.pdf", "مفهوم قدرت در طول تاریخ با ظرفیت نظامی یکسان بوده"),
    ("pdf/en/kazemi-1403.pdf", "مفهوم قدرت در طول تاریخ با ظرفیت نظامی یکسان بوده"),
    ("pdf/fa/masoumi-2025.pdf", "جمهوری اسلامی ایران اولین کشوری بود که"),
    ("pdf/ar/karabakh-war.pdf", "يهدف البحث إلى تسليط الضوء على العوامل الداخلية والخارجية"),
    ("pdf/tr/kardeslik.pdf", "Kardeşlikten Stratejik İttifaka"),
    ("pdf/tr/ases-2025.pdf", "Türkiye-Azerbaycan ilişkileri"),
])
def test_scripts_extract_in_logical_order(site: Path, rel: str, sentence: str) -> None:
    assert squash(sentence) in squash(text_of(site / rel)), rel


def test_latin_citation_inside_persian_stays_in_order(site: Path) -> None:
    text = squash(text_of(site / "pdf/fa/kazemi-1403.pdf"))
    assert re.search(r"\(Davutoglu, 2008: 96\) [\u0600-\u06ff]", text), "beside the Persian"


def test_title_block_running_head_and_page_numbers(site: Path, corpus) -> None:
    paper = corpus.papers["kazemi-1403"]
    first = squash(text_of(site / "pdf/en/kazemi-1403.pdf", 1, 1))
    assert paper.title("en") in first and "Central Eurasia Studies" in first
    second = text_of(site / "pdf/en/kazemi-1403.pdf", 2, 2)
    assert paper.title("en")[:40] in squash(second)  # the running head
    assert re.search(r"\b2 / \d+\b", second)


def test_each_page_links_its_pdf(site: Path, corpus, packets) -> None:
    for key, paper in corpus.papers.items():
        for prefix, edition in (("", "en"), (f"{paper.lang}/", paper.lang)):
            link = read_html(site, f"{prefix}papers/{key}/").select_one(".pdf-download a")
            assert link["href"].endswith(f"pdf/{edition}/{key}.pdf")
    for slug in packets:
        link = read_html(site, f"packets/{slug}/").select_one(".pdf-download a")
        assert link["href"].endswith(f"pdf/en/packet-{slug}.pdf")


def test_links_lead_to_the_published_site_and_metadata_is_set(site: Path, corpus, packets) -> None:
    """Read with PyMuPDF: no link points to the machine that built the PDF; each PDF has its
    title and language, and its authors where the source states them."""
    import pymupdf
    from conftest import ROOT
    from mkdocs.config import load_config

    site_url = load_config(str(ROOT / "mkdocs.yml")).site_url
    for rel in pdf_files(corpus, packets):
        document = pymupdf.open(site / rel)
        uris = [link.get("uri") for page in document for link in page.get_links() if link.get("uri")]
        assert uris, rel
        assert not [u for u in uris if u.startswith("file:")], rel
        assert all(u.startswith((site_url, "https://", "http://", "mailto:")) for u in uris), rel
        assert any(u.startswith(site_url) for u in uris), rel
        assert document.metadata["title"], rel
        key = rel.rsplit("/", 1)[1].removesuffix(".pdf")
        paper = corpus.papers.get(key)
        if paper is not None and paper.record.get("authors"):
            assert document.metadata["author"].startswith(paper.record["authors"][0]["name"])
        edition = rel.split("/")[1]
        assert document.xref_get_key(document.pdf_catalog(), "Lang") == ("string", edition), rel
