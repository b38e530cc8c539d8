"""The PDFs of every paper page and seminar packet: they exist, open, stay small, embed only the
project's fonts, are tagged, fill their pages and typeset reproducibly; their text comes out in
logical order in every script (and see test_pdf_text.py)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from conftest import EDITIONS, ROOT, read_html
from languages import edition_prefix

#: these tests read the PDFs: they wait until they are typeset
pytestmark = pytest.mark.usefixtures("site_pdfs")


def pdf_files(corpus, app_packets: list[str]) -> list[str]:
    """Every paper and every packet, in every edition."""
    names = [*corpus.papers, *(f"packet-{slug}" for slug in app_packets)]
    return [f"pdf/{edition}/{name}.pdf" for name in names for edition in EDITIONS]


@pytest.fixture(scope="module")
def packets() -> list[str]:
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


def comparable(text: str) -> str:
    """Text as test_pdf_text compares it, in Unicode's canonical order (an extractor may give an
    Arabic letter's shadda and kasratan either way)."""
    from test_pdf_text import comparable as as_compared

    return unicodedata.normalize("NFC", as_compared(text))


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


def test_every_line_with_right_to_left_text_is_written_in_reading_order(site: Path) -> None:
    """No line of any PDF was written as WeasyPrint drew it (`pdf_order` writes such a line as
    drawn where its glyphs do not match its layout: its text would then read out of order, and a
    mark an isolated run before it carries, `pdf_isolates`, would be read twice)."""
    manifest = json.loads((site / "pdf" / "manifest.json").read_text())
    as_drawn = {rel: entry["lines_as_drawn"] for rel, entry in manifest["files"].items()
                if entry["lines_as_drawn"]}
    assert len(manifest["files"]) > 10
    assert not as_drawn, as_drawn


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


@pytest.mark.parametrize("extractor", ["pdftotext", "pymupdf"])
def test_latin_citation_inside_persian_stays_whole_and_in_order(site: Path, extractor: str) -> None:
    """A short Latin citation in a Persian sentence stays on one line (`bdi.unbroken`, on paper as
    on screen) and is read after the words it follows. (pdftotext, reading that page left to
    right, puts the sentence's full stop before it: see test_pdf_text.PROBE_FLOORS.)"""
    path = site / "pdf/fa/kazemi-1403.pdf"
    if extractor == "pymupdf":
        import pymupdf

        with pymupdf.open(path) as document:
            text = squash("".join(page.get_text() for page in document))
    else:
        text = squash(text_of(path))
    assert re.search(r"نیاز دارد \.?\(Davutoglu, 2008: 96\)", text), extractor


def test_title_block_running_head_and_page_numbers(site: Path, corpus) -> None:
    paper = corpus.papers["kazemi-1403"]
    first = squash(text_of(site / "pdf/en/kazemi-1403.pdf", 1, 1))
    assert paper.title("en") in first and "Central Eurasia Studies" in first
    second = text_of(site / "pdf/en/kazemi-1403.pdf", 2, 2)
    assert paper.title("en")[:40] in squash(second)  # the running head
    assert re.search(r"\b2 / \d+\b", second)


def test_the_title_block_gives_the_reference_the_page_gives_first(site: Path, corpus) -> None:
    """Under a paper's title, the PDF gives the reference as the page's "How to cite" gives it
    first: as a reference list in the edition's language writes it, where it has a form of its
    own there (`cite_own.writes_reference`), else in English (APA), in its language and direction.
    Read with PyMuPDF from the first page, before the page's address that ends the title block,
    compared as `comparable` compares."""
    import pymupdf
    from cite_own import writes_reference

    for key, paper in corpus.papers.items():
        for edition in EDITIONS:
            html = read_html(site, edition_prefix(edition) + f"papers/{key}/")
            shown = html.select_one(".cite__own") or html.select_one(".cite__reference")
            rel = f"pdf/{edition}/{key}.pdf"
            with pymupdf.open(site / rel) as document:
                first = comparable(document[0].get_text())
            address = comparable(html.select_one('link[rel="canonical"]')["href"])
            assert address in first, (rel, "no address in the title block")
            assert comparable(shown.get_text()) in first[:first.index(address)], (rel, shown.get_text())
            own = writes_reference(edition, paper.lang)
            assert ("cite__own" in shown["class"]) == own, (rel, "the reference in the edition's")
            assert shown["lang"] == (edition if own else "en")
            printed = _title_block_reference(site, edition, key)
            assert (printed["lang"], printed["dir"]) == (shown["lang"], shown["dir"]), rel
            # its runs isolated as on the page: "113–141" in an Arabic reference reads as there
            assert [(b.get("lang"), b["dir"], b.get_text()) for b in printed.select("bdi")] == \
                [(b.get("lang"), b["dir"], b.get_text()) for b in shown.select("bdi")], rel


def _title_block_reference(site: Path, edition: str, key: str) -> Any:
    """The title block's reference paragraph, as the PDF's print document has it."""
    import pdf
    from bs4 import BeautifulSoup

    job = next(j for j in pdf.jobs(ROOT / "docs", "https://example.org/")
               if j.out == f"pdf/{edition}/{key}.pdf")
    return BeautifulSoup(pdf.document(job, site), "html.parser").select_one(".title-block__reference")


#: the references of the packet that quotes all five papers, as each edition's list orders them:
#: those in the edition's language first, then those in English, each part alphabetically by its
#: first significant word (brackets and articles aside; Persian ک before م)
IRAN_PACKET_ORDER = {
    "en": ["[The Azerbaijan–Armenia", "[Azerbaijan–Türkiye", "Kardeşlikten", "Kazemi", "Masoumi"],
    "tr": ["[Azerbaycan–Ermenistan", "Kardeşlikten", "Kazemi", "Masoumi", "[Selçuklulardan"],
    "fa": ["کاظمی،", "معصومی،", "[مناقشۀ", "[Azerbaijan–Türkiye", "Kardeşlikten"],
    "ar": ["[الصراع", "کاظمی،", "معصومی،", "[Azerbaijan–Türkiye", "Kardeşlikten"],
}


def test_a_packets_title_block_lists_the_papers_it_quotes(site: Path, corpus, packets) -> None:
    """Under a packet's title, the PDF lists the papers its readings quote, under a heading in the
    edition's language, one reference a line, as the paper's page gives it first: those in the
    edition's language first, then those a list in it gives in English (APA), each part in
    alphabetical order. Read with PyMuPDF from the first page, each reference starting a line."""
    import pdf
    import pymupdf
    from apparatus import load_apparatus
    from bs4 import BeautifulSoup

    app, _ = load_apparatus(ROOT / "docs", corpus.known_ids())
    jobs = {j.out: j for j in pdf.jobs(ROOT / "docs", "https://example.org/")}
    for slug in packets:
        keys = sorted({corpus.resolve(i).paper for i in app.packets[slug].excerpts})
        for edition in EDITIONS:
            rel = f"pdf/{edition}/packet-{slug}.pdf"
            block = BeautifulSoup(pdf.document(jobs[rel], site), "html.parser")
            assert " ".join(block.select_one(".title-block__label").get_text().split()) == \
                corpus.ui[edition]["packet_sources"], rel
            listed = block.select(".title-block__sources li")
            if slug == "iran":
                starts = [" ".join(li.get_text().split()) for li in listed]
                order = IRAN_PACKET_ORDER[edition]
                assert len(starts) == len(order), (rel, starts)
                assert all(a.startswith(b) for a, b in zip(starts, order, strict=True)), (rel, starts)
            langs = [li["lang"] for li in listed]
            assert langs == sorted(langs, key=lambda lang: lang != edition), (rel, langs)
            expected = {}
            for key in keys:
                page = read_html(site, edition_prefix(edition) + f"papers/{key}/")
                shown = page.select_one(".cite__own") or page.select_one(".cite__reference")
                expected[comparable(shown.get_text())] = (shown["lang"], shown["dir"])
            assert {comparable(li.get_text()): (li["lang"], li["dir"]) for li in listed} == expected
            with pymupdf.open(site / rel) as document:
                first = document[0].get_text()
                lines = [comparable(line) for line in drawn_lines(document[0])]
            for reference in expected:
                assert reference in comparable(first), (rel, reference[:60])
                assert any(line.startswith(reference[:12]) for line in lines), \
                    (rel, reference[:60], "does not start a line")


def test_each_page_links_its_pdf_in_its_own_edition(site: Path, corpus, packets) -> None:
    """A reader of any edition prints the page in that edition's language."""
    pages = [(f"papers/{key}/", key) for key in corpus.papers]
    pages += [(f"packets/{slug}/", f"packet-{slug}") for slug in packets]
    for edition in EDITIONS:
        prefix = edition_prefix(edition)
        for path, name in pages:
            link = read_html(site, prefix + path).select_one(".pdf-download a")
            assert link["href"].endswith(f"pdf/{edition}/{name}.pdf"), (edition, path)
            assert (site / prefix / path / link["href"]).resolve().is_file(), (edition, path)


def test_each_pdf_speaks_its_editions_language(site: Path, corpus, packets) -> None:
    """Its title is the page's heading in that edition, and its text is in the edition's
    language: the Turkish PDF of a Persian paper carries the Turkish summary, not the English."""
    import pymupdf

    for edition in EDITIONS:
        prefix = edition_prefix(edition)
        for key in [*corpus.papers, *(f"packet-{slug}" for slug in packets)]:
            path = f"packets/{key.removeprefix('packet-')}/" if key.startswith("packet-") \
                else f"papers/{key}/"
            article = read_html(site, prefix + path).select_one("article")
            heading = "".join(t for t in article.select_one("h1").find_all(string=True)
                              if not t.find_parent(class_="headerlink"))
            # the first paragraph of the page's own prose (its summary or introduction)
            prose = next(p.get_text().strip() for p in article.find_all("p", recursive=False)
                         if len(p.get_text()) > 80)
            with pymupdf.open(site / f"pdf/{edition}/{key}.pdf") as document:
                assert squash(document.metadata["title"]) == squash(heading), (edition, key)
                # whitespace aside: extractors rebuild it from the gaps between glyphs
                first = _unspaced(document[0].get_text())
                text = _unspaced("".join(page.get_text() for page in document))
            assert _unspaced(heading)[:30] in first, (edition, key)
            assert _unspaced(prose)[:40] in text, (edition, key, prose[:40])


def _unspaced(text: str) -> str:
    return re.sub(r"\s+", "", squash(text))


def test_links_lead_to_the_published_site_and_metadata_is_set(site: Path, corpus, packets) -> None:
    """Read with PyMuPDF: no link points to the machine that built the PDF; each PDF has its
    title and language, and its authors where the source states them."""
    import pymupdf
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
        if paper is not None and paper.record.authors:
            assert document.metadata["author"].startswith(paper.record.authors[0].name)
        edition = rel.split("/")[1]
        assert document.xref_get_key(document.pdf_catalog(), "Lang") == ("string", edition), rel


# --- fonts, tags, page fill and reproducibility ----------------------------------------------

#: every font a PDF may embed: the self-hosted faces named in assets/css/pdf.css (WeasyPrint adds
#: the style to the name: "-Bold", "-Italic", "-Oblique", ...)
PROJECT_FONTS = ("Reader-Sans", "Reader-Arabic-Script", "Reader-Symbols")


def test_only_the_projects_fonts_are_embedded(site: Path, corpus, packets) -> None:
    """pdffonts lists each embedded font; none is a system font (DejaVu and the like)."""
    for rel in pdf_files(corpus, packets):
        out = subprocess.run(["pdffonts", str(site / rel)], capture_output=True, text=True,
                             check=True).stdout.splitlines()[2:]
        names = {line.split()[0].split("+", 1)[-1] for line in out}
        strangers = {n for n in names
                     if not any(n == f or n.startswith(f + "-") for f in PROJECT_FONTS)}
        assert not strangers, (rel, strangers)
        assert any(n.startswith("Reader-Sans") for n in names), rel


def test_the_pilcrow_is_not_drawn_as_a_nine(site: Path, corpus, packets) -> None:
    """Vazirmatn draws ¶ as a round bowl on one stem, the shape of the Persian and Arabic nine
    (۹, ٩): set in it, the paragraph number «¶۱۲» of the Persian and Arabic PDFs read as «۱۲۹».
    Every ¶ of every PDF (each excerpt's paragraph number, its citation label) is set in Noto
    Sans (Reader-Sans), whose pilcrow has its two stems, as on screen."""
    import pymupdf

    for rel in pdf_files(corpus, packets):
        with pymupdf.open(site / rel) as document:
            spans = [span for page in document for block in page.get_text("dict")["blocks"]
                     for line in block.get("lines", []) for span in line["spans"]]
        fonts = {span["font"].split("+")[-1] for span in spans if "\u00b6" in span["text"]}
        assert fonts and all(font.startswith("Reader-Sans") for font in fonts), (rel, fonts)


def test_pdfs_are_tagged_with_their_metadata(site: Path, corpus, packets) -> None:
    """A structure tree and MarkInfo /Marked true (read with PyMuPDF), a title and a language,
    and keywords where the paper states them."""
    import pymupdf

    for rel in pdf_files(corpus, packets):
        with pymupdf.open(site / rel) as document:
            catalog = document.pdf_catalog()
            assert document.xref_get_key(catalog, "StructTreeRoot")[0] == "xref", rel
            assert document.xref_get_key(catalog, "MarkInfo/Marked") == ("bool", "true"), rel
            assert document.metadata["title"], rel
            key = rel.rsplit("/", 1)[1].removesuffix(".pdf")
            paper = corpus.papers.get(key)
            if paper is not None and paper.record.keywords:
                stated = paper.record.keywords
                own = rel.startswith(f"pdf/{paper.lang}/")
                words = stated.original if own else stated.en
                assert document.metadata["keywords"] == ", ".join(words or []), rel


def drawn_lines(page: Any) -> list[str]:
    """The lines of a page as PyMuPDF reads them, those on one baseline joined: the text layer
    writes a right-to-left line's pieces in reading order, and PyMuPDF starts a line of its own
    at each piece (see `pdf_order`)."""
    lines: list[tuple[float, str]] = []
    for block in page.get_text("dict")["blocks"]:
        for line in block.get("lines", []):
            text = "".join(span["text"] for span in line["spans"])
            baseline = round(line["spans"][0]["origin"][1]) if line["spans"] else -1
            if lines and lines[-1][0] == baseline:
                lines[-1] = (baseline, lines[-1][1] + text)
            else:
                lines.append((baseline, text))
    return [text for _, text in lines]


def text_lines_per_page(path: Path) -> list[int]:
    """Lines of text on each page, without the running head and the page number."""
    import pymupdf

    counts = []
    with pymupdf.open(path) as document:
        for page in document:
            body = page.rect.height
            lines = [line for block in page.get_text("dict")["blocks"]
                     for line in block.get("lines", [])
                     if line["bbox"][1] > 0.07 * body and line["bbox"][3] < 0.94 * body]
            counts.append(len(lines))
    return counts


def test_no_page_but_the_last_is_nearly_empty(site: Path, corpus, packets) -> None:
    """Each page but the last has at least a quarter of the lines of the fullest page."""
    for rel in pdf_files(corpus, packets):
        counts = text_lines_per_page(site / rel)
        full = max(counts)
        thin = [number for number, lines in enumerate(counts[:-1], 1) if lines < full / 4]
        assert not thin, (rel, "nearly empty pages", thin, counts)


def _first_words(cell: Any, count: int = 3) -> str:
    return " ".join(cell.get_text(" ").split()[:count])


def test_a_table_row_starts_on_the_page_that_holds_it(site: Path, corpus) -> None:
    """A row of a data table is read across, so it is not split from its cells: the row's start
    (its first cell, the number, followed by the first words of the next, the interviewee) and
    the first words of its last cell (the findings) are on one page, in every edition. Read with
    PyMuPDF, in the order the cells are drawn, and compared as `comparable` compares."""
    import pymupdf

    checked = 0
    for edition in EDITIONS:
        for key in corpus.papers:
            rows = [row.find_all("td") for row in
                    read_html(site, edition_prefix(edition) + f"papers/{key}/").select("article tr")]
            probes = [(comparable(_first_words(cells[0]) + _first_words(cells[1])),
                       comparable(_first_words(cells[-1]))) for cells in rows if len(cells) >= 3]
            if not probes:
                continue
            rel = f"pdf/{edition}/{key}.pdf"
            with pymupdf.open(site / rel) as document:
                pages = [comparable(page.get_text()) for page in document]
            for start, last in probes:
                assert any(start in text for text in pages), (rel, "a row split after its first cell", start)
                assert any(start in text and last in text for text in pages), (
                    rel, "a row split from its last cell", start, last)
                checked += 1
    assert checked >= 4 * 16, checked  # masoumi's interview table, in each edition


def _typeset_with_the_sites_styles(document: str, site: Path, out: Path) -> Path:
    """`document` typeset as the build typesets a page: the site's print stylesheet and fonts."""
    import pdf
    from weasyprint import HTML

    fonts = pdf.unpacked_fonts(site, out.parent)
    HTML(string=document, base_url=str(site) + "/",
         url_fetcher=pdf.local_fetcher(site, "", fonts)).write_pdf(out)
    return out


def test_an_excerpt_longer_than_a_page_runs_on_whole(site: Path, tmp_path: Path) -> None:
    """With the site's print stylesheet, an excerpt three pages long that starts down a page
    begins on that page and runs on from page to page, every word printed, the right-to-left
    original on the right of its translation."""
    import pymupdf

    words = 1500
    original = " ".join(f"o{i}" for i in range(words))
    translation = " ".join(f"t{i}" for i in range(words))
    document = (
        '<html lang="en" dir="ltr"><head><link rel="stylesheet" href="assets/css/pdf.css"></head>'
        '<body>' + "<p>A paragraph before the excerpt, as on a page.</p>" * 12
        + '<article class="excerpt"><header class="excerpt__head">¶1</header>'
        '<div class="excerpt__pair excerpt__pair--rtl">'
        f'<div class="excerpt__original" data-role="original" lang="fa" dir="rtl"><p>{original}</p></div>'
        f'<div class="excerpt__translation" data-role="translation" lang="en" dir="ltr"><p>{translation}</p></div>'
        '</div></article></body></html>')
    out = _typeset_with_the_sites_styles(document, site, tmp_path / "long.pdf")
    text = set(text_of(out).split())
    assert {f"o{i}" for i in range(words)} <= text
    assert {f"t{i}" for i in range(words)} <= text
    with pymupdf.open(out) as printed:
        assert len(printed) >= 3
        first = printed[0]
        assert first.search_for("o0"), "the excerpt starts on the page it is reached on"
        assert first.search_for("o0")[0].x0 > first.search_for("t0")[0].x1


def test_a_table_row_longer_than_a_page_still_runs_on(site: Path, tmp_path: Path) -> None:
    """Rows avoid a page break inside them, but a row longer than a page breaks all the same:
    every word of it is printed, and the row after it too."""
    words = 3000
    long_cell = " ".join(f"w{i}" for i in range(words))
    document = (
        '<html lang="en" dir="ltr"><head><link rel="stylesheet" href="assets/css/pdf.css"></head>'
        '<body><p>A paragraph before the table.</p><table><tbody>'
        f'<tr><td>1</td><td>{long_cell}</td></tr><tr><td>2</td><td>the last row</td></tr>'
        '</tbody></table></body></html>')
    out = _typeset_with_the_sites_styles(document, site, tmp_path / "long-row.pdf")
    text = set(text_of(out).split())
    assert {f"w{i}" for i in range(words)} <= text
    assert {"the", "last", "row"} <= text
    assert int(info(out)["Pages"]) >= 3


def test_the_printed_contents_give_the_page_of_each_section(site: Path, corpus, packets) -> None:
    """A long page's contents, on paper: each section with the page it begins on (the number
    printed at the end of its line is the page its link leads to), and no list number before the
    section's own (read in the English and Turkish PDFs, where the numbers stand at the right)."""
    import pymupdf

    pages = [*((f"papers/{key}/", key) for key in corpus.papers),
             *((f"packets/{slug}/", f"packet-{slug}") for slug in packets)]
    for edition in ("en", "tr"):
        prefix = edition_prefix(edition)
        for path, name in pages:
            html = read_html(site, prefix + path)
            entries = html.select(".page-contents a")
            sections = {a["href"].lstrip("#") for a in entries}
            if not sections:
                continue
            rel = f"pdf/{edition}/{name}.pdf"
            checked = set()
            lines = [squash(line) for line in text_of(site / rel, 1, 2).splitlines()]
            for title in (squash(a.get_text())[:25] for a in entries):
                assert not [line for line in lines if re.match(rf"\d+\.\s+{re.escape(title)}", line)], (
                    rel, "a list number before", title)
            with pymupdf.open(site / rel) as document:
                # each destination's page (PyMuPDF resolves names that are not ASCII only here)
                targets = {name: dest["page"] + 1
                           for name, dest in document.resolve_names().items() if name in sections}
                for page in list(document)[:2]:
                    for section, target, printed in _contents_lines(page, targets):
                        assert printed == target, (rel, section, printed, target)
                        checked.add(section)
            assert checked == sections, (rel, "not printed with a page", sections - checked)


def _contents_lines(page: Any, targets: dict[str, int]) -> list[tuple[str, int, int | None]]:
    """(section, the page its link leads to, the number printed at the end of its line), for the
    links to `targets` (section -> page) on the page."""
    import pymupdf

    words = page.get_text("words")
    links: dict[str, list[Any]] = {}
    for link in page.get_links():
        section = _utf8(link.get("nameddest", ""))  # a PDF name: bytes, read as Latin-1
        if section in targets:
            links.setdefault(section, []).append(link["from"])
    out = []
    for section, rects in links.items():
        inside = [w[4] for w in words
                  if any(pymupdf.Point((w[0] + w[2]) / 2, (w[1] + w[3]) / 2) in r for r in rects)]
        number = re.search(r"(\d+)\W*$", inside[-1]) if inside else None
        out.append((section, targets[section], int(number.group(1)) if number else None))
    return out


def _utf8(name: str) -> str:
    try:
        return name.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return name


def test_typesetting_is_reproducible(site: Path, tmp_path: Path, packets) -> None:
    """Two typesettings of one page give byte-identical PDFs, equal to the built one: one with
    the fonts unpacked once beforehand (as the build does), one leaving them to WeasyPrint."""
    import pdf
    from mkdocs.config import load_config

    site_url = load_config(str(ROOT / "mkdocs.yml")).site_url
    job = next(j for j in pdf.jobs(ROOT / "docs", site_url) if j.out.endswith(
        f"packet-{packets[0]}.pdf"))
    made = []
    for copy in ("a", "b"):
        folder = tmp_path / copy
        shutil.copytree(site / "assets", folder / "assets")
        shutil.copytree(site / job.page, folder / job.page)
        (tmp_path / f"fonts-{copy}").mkdir()
        fonts = pdf.unpacked_fonts(folder, tmp_path / f"fonts-{copy}") if copy == "a" else {}
        pdf.typeset(job, folder, fonts)
        made.append((folder / job.out).read_bytes())
    assert made[0] == made[1]
    assert made[0] == (site / job.out).read_bytes()


def test_print_fonts_are_unpacked_once_and_read_from_the_copy(tmp_path: Path) -> None:
    """Each font of the print stylesheet unpacked from WOFF2 to the font file it holds; the
    typesetting's fetcher serves that copy, and still nothing outside the site."""
    import pdf
    from fontTools.ttLib import TTFont

    site = ROOT / "docs"  # the stylesheet and the fonts, where the build copies them from
    fonts = pdf.unpacked_fonts(site, tmp_path)
    assert len(fonts) == (site / "assets/css/pdf.css").read_text("utf-8").count("@font-face") > 0
    for url, copy in fonts.items():
        assert url.startswith(site.resolve().as_uri()) and url.endswith(".woff2")
        data = Path(copy).read_bytes()
        assert data[:4] in (b"\x00\x01\x00\x00", b"OTTO"), (url, "not unpacked")
        assert "cmap" in TTFont(copy)
    fetcher = pdf.local_fetcher(site, "", fonts)
    url, copy = next(iter(fonts.items()))
    assert fetcher.fetch(url).read() == Path(copy).read_bytes()
    for elsewhere in ("https://example.org/x.css", "file:///etc/hostname"):
        with pytest.raises(ValueError):
            fetcher.fetch(elsewhere)


@pytest.mark.parametrize("edition", ["fa", "ar"])
def test_a_wrapped_title_of_the_other_direction_starts_each_line_at_its_side(
        site: Path, edition: str) -> None:
    """In the record of a Persian or Arabic PDF, the Turkish paper's original title wraps: its
    second line began at the right, the cell's side, as the title's first line ended. Both lines
    start at the left, as the screen sets them (`.title-run`)."""
    import pymupdf

    with pymupdf.open(site / "pdf" / edition / "kardeslik.pdf") as pdf:
        lines = [(line["bbox"][0], "".join(s["text"] for s in line["spans"]).strip())
                 for block in pdf[0].get_text("dict")["blocks"] for line in block.get("lines", [])]
    (second,) = [n for n, (_, text) in enumerate(lines) if text == "Bölgesel Düzen"]
    first_x, first = lines[second - 1]
    assert "Kardeşlikten Stratejik" in first and first.endswith("ve"), first
    assert abs(lines[second][0] - first_x) < 1, (first_x, lines[second])
