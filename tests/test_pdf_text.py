"""The PDFs' text layer, read as their users read it (pdftotext and PyMuPDF): each excerpt
found verbatim in logical order, zero-width non-joiners kept, mixed-direction strings in order."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import EDITIONS
from languages import LANGUAGES
from test_pdf import text_of

#: the direction marks pdftotext writes around the runs it reorders; they are not in the text
_MARKS = re.compile("[\u202a-\u202e]")

#: these tests read the PDFs: they wait until they are typeset
pytestmark = pytest.mark.usefixtures("site_pdfs")


def pymupdf_text(path: Path) -> str:
    import pymupdf

    with pymupdf.open(path) as document:
        return "".join(page.get_text() for page in document)


EXTRACTORS = {"pdftotext": text_of, "pymupdf": pymupdf_text}


def comparable(text: str) -> str:
    """Text as compared with the excerpts: without pdftotext's direction marks, without
    whitespace, which both extractors rebuild from the gaps between glyphs (line breaks,
    justification, a space moved across a run boundary), and without hyphens (pdftotext drops a
    hyphen that ends a line, taking it for a word broken there), with the Persian ezafe «ۀ» and
    «هٔ» counted as one (the font draws «ۀ» as «ه» and a hamza above, which extractors read back
    as «هٔ»; the project treats the two spellings as one everywhere). Letters, ZWNJ, digits and
    the other punctuation, and their order, are compared as they are."""
    return re.sub(r"[\s\-\u00ad]+", "", _MARKS.sub("", text)).replace("\u0647\u0654", "\u06c0")


def probes(text: str, size: int = 8) -> list[str]:
    """The excerpt as published, cut into consecutive probes of `size` words."""
    words = text.split()
    return [" ".join(words[i:i + size]) for i in range(0, max(1, len(words) - size + 1), size)]


def probe_share(pdf_text: str, texts: list[str]) -> tuple[float, list[str]]:
    found, missed = 0, []
    haystack = comparable(pdf_text)
    for probe in (p for text in texts for p in probes(text)):
        if comparable(probe) in haystack:
            found += 1
        else:
            missed.append(probe)
    return found / max(1, found + len(missed)), missed


def paper_pdfs(corpus) -> list[tuple[str, str]]:
    """Each paper's PDF in every edition."""
    return [(f"pdf/{edition}/{key}.pdf", key) for key in corpus.papers for edition in EDITIONS]


#: the issue's target: this share of each excerpt's eight-word probes found in each PDF's text
PROBE_TARGET = 0.95
#: where the target is not met yet, the share reached now, as a floor that a regression fails.
#: Only pdftotext: it reads each page in one direction, chosen by counting the page's
#: left-to-right against its right-to-left letters (poppler's TextOutputDev), so on a page where
#: the English translation (with the English or Turkish notes) outweighs the Persian or Arabic
#: original every line of the original is read left to right, and comes apart at each digit, full
#: stop, comma and Latin word in it (poppler counts . , ، : - / as digits); on a page read right
#: to left, it moves the brackets and quotation marks that end an English line, and those that
#: end a Latin run in Persian or Arabic text where no full stop or comma follows it («(2020) در»;
#: `hooks/pdf_islands.py` and `hooks/pdf_isolates.py` put the rest in order).
#: PyMuPDF, which reads the text in the order it is written (see hooks/pdf_order.py), meets the
#: target in every PDF. (pdf, extractor, field) -> floor
PROBE_FLOORS = {
    ("pdf/en/karabakh-war.pdf", "pdftotext", "original"): 0.11,
    ("pdf/tr/karabakh-war.pdf", "pdftotext", "original"): 0.11,
    ("pdf/fa/karabakh-war.pdf", "pdftotext", "original"): 0.90,
    ("pdf/ar/karabakh-war.pdf", "pdftotext", "original"): 0.89,
    ("pdf/en/kazemi-1403.pdf", "pdftotext", "original"): 0.21,
    ("pdf/tr/kazemi-1403.pdf", "pdftotext", "original"): 0.21,
    ("pdf/fa/kazemi-1403.pdf", "pdftotext", "original"): 0.31,
    ("pdf/ar/kazemi-1403.pdf", "pdftotext", "original"): 0.31,
    ("pdf/en/masoumi-2025.pdf", "pdftotext", "original"): 0.39,
    ("pdf/tr/masoumi-2025.pdf", "pdftotext", "original"): 0.39,
    ("pdf/fa/masoumi-2025.pdf", "pdftotext", "original"): 0.58,
    # 0.62 before the interview table's rows were kept whole on a page: the pages after it
    # moved, and pages 10 to 24 hold about as many left-to-right as right-to-left letters, so
    # which of them pdftotext reads right to left changes with the page breaks
    ("pdf/ar/masoumi-2025.pdf", "pdftotext", "original"): 0.59,
}


@pytest.mark.parametrize("extractor", sorted(EXTRACTORS))
def test_excerpts_extract_verbatim_in_logical_order(site: Path, corpus, extractor: str) -> None:
    """Every excerpt of a paper, original and translation, probed in each of its PDFs."""
    report = []
    for rel, key in paper_pdfs(corpus):
        paper = corpus.papers[key]
        text = EXTRACTORS[extractor](site / rel)
        for field in ("original", "translation"):
            texts = [getattr(e, field) for e in paper.excerpts]
            share, missed = probe_share(text, texts)
            floor = PROBE_FLOORS.get((rel, extractor, field), PROBE_TARGET)
            if share < floor:
                report.append(f"{rel} {field}: {share:.0%} < {floor:.0%}, e.g. {missed[:2]}")
    assert not report, "\n".join(report)


@pytest.mark.parametrize("extractor", sorted(EXTRACTORS))
@pytest.mark.parametrize("rel, words", [
    ("pdf/fa/kazemi-1403.pdf", ["به\u200cعنوان", "منطقه\u200cای", "می\u200cکند"]),
    ("pdf/en/kazemi-1403.pdf", ["به\u200cعنوان", "می\u200cکند"]),
    ("pdf/fa/masoumi-2025.pdf", ["می\u200cشود", "گفتمان\u200cهای"]),
])
def test_zero_width_non_joiners_are_kept(site: Path, extractor: str, rel: str,
                                         words: list[str]) -> None:
    text = _MARKS.sub("", EXTRACTORS[extractor](site / rel))
    assert "\u200c" in text, rel
    for word in words:
        assert word in text, (rel, word)
        assert word.replace("\u200c", "") not in text.split(), (rel, word, "joined without ZWNJ")


@pytest.mark.parametrize("extractor", sorted(EXTRACTORS))
def test_a_mark_between_lam_and_alef_reads_back_in_its_place(site: Path, extractor: str) -> None:
    """«فضلًا», «بدلًا», «أصلًا»: the mark drawn over the lam-alef ligature stands between lam
    and alef in the paper's text; both extractors read it after the alef («فضلاً», which looks
    the same but is not what the paper prints), and pdftotext read a space before the letters,
    until the cluster was written in a span of its own (`pdf_glyphs.map_cluster_glyphs`). Each
    word is read whole, as the paper prints it (words, not phrases: which line pdftotext reads in
    which direction depends on the page, see PROBE_FLOORS)."""
    text = _MARKS.sub("", EXTRACTORS[extractor](site / "pdf/ar/karabakh-war.pdf"))
    words = set(re.findall(r"\S+", text))
    for word in ("فضلًا", "بدلًا", "أصلًا"):
        assert word in words, (extractor, word)


@pytest.mark.parametrize("extractor", sorted(EXTRACTORS))
def test_a_mark_shaped_apart_reads_back_with_its_letter(site: Path, extractor: str) -> None:
    """«دورًا», «طُرح», «رسميًا», «إطارًا», «قانونيًا», «وفقاً», «تهديداً»: the tanwin or damma
    that Pango shapes as a cluster of its own is drawn between its letter and the next letter or
    space, raised or lowered; pdftotext read it after the wrong letter («دوًرا»), apart
    («قانون ًيا», «وفقا ً») or on a line of its own, until the mark was written in one span with
    them (`pdf_glyphs.attach_marks`). Each word is read whole."""
    text = _MARKS.sub("", EXTRACTORS[extractor](site / "pdf/ar/karabakh-war.pdf"))
    words = set(re.findall(r"\S+", text))
    for word in ("دورًا", "طُرح", "رسميًا", "إطارًا", "قانونيًا", "وفقاً", "تهديداً"):
        assert word in words, (extractor, word)


def test_mixed_direction_strings_extract_in_logical_order(site: Path, corpus) -> None:
    """Strings written against their surroundings, from the real content, read back in logical
    order: each Persian or Arabic paper's original title inside the English reference of its
    English PDF (where the paper has a title of its own: the Arabic rendering of a title the site
    supplies is shown in the Arabic edition only) and as the heading of its own edition's PDF, and
    the English citation labels with "n.d." and "¶" in the English PDFs. pdftotext is not asked
    for a title with digits in it (karabakh-war's "2020"): on a page it reads left to right it
    splits the line at the number (see PROBE_FLOORS)."""
    failures = []
    for key, paper in corpus.papers.items():
        if paper.dir != "rtl":
            continue
        title = comparable(paper.title("original"))
        english = [f"pdf/en/{key}.pdf"] if paper.record.title.original else []
        for rel in [*english, f"pdf/{paper.lang}/{key}.pdf"]:
            for name, extract in EXTRACTORS.items():
                if name == "pdftotext" and re.search(r"[0-9]", title):
                    continue
                if title not in comparable(extract(site / rel)):
                    failures.append((rel, name, paper.title("original")))
    label = re.compile(r"\] n\.d\., ¶\d+\)")
    for name, extract in EXTRACTORS.items():
        if not label.search(_MARKS.sub("", extract(site / "pdf/en/karabakh-war.pdf"))):
            failures.append(("pdf/en/karabakh-war.pdf", name, "[…] n.d., ¶N"))
    assert not failures, failures


@pytest.mark.parametrize("extractor", sorted(EXTRACTORS))
def test_an_excerpts_terms_read_back_as_a_list(site: Path, extractor: str) -> None:
    """Each excerpt's list of terms in a packet's PDF, as its page writes it: each term parted
    from the next by the edition's semicolon (the screen shows chips; on paper the terms ran
    together, "yumuşak güç sert güç"). pdftotext, which reads a page in one direction (see
    PROBE_FLOORS), is asked for the lists of the English and Turkish PDFs."""
    checked = 0
    for edition in EDITIONS if extractor == "pymupdf" else ("en", "tr"):
        prefix = "" if edition == "en" else f"{edition}/"
        soup = BeautifulSoup((site / prefix / "packets/soft-power/index.html").read_text(
            encoding="utf-8"), "lxml")
        haystack = comparable(EXTRACTORS[extractor](site / f"pdf/{edition}/packet-soft-power.pdf"))
        lists = soup.select(".excerpt__terms")
        assert len(lists) >= 5
        for terms in lists:
            text = terms.get_text()
            if len(terms.select(".excerpt__term")) > 1:
                assert LANGUAGES[edition].semicolon.strip() in text, text
            checked += 1
            assert comparable(text) in haystack, (edition, extractor, text)
    assert checked >= 10


#: the places of the browser test's table of mixed-direction strings (test_browser.py) that are
#: printed, in the PDF of the page: (pdf, page, selector, how many of its elements)
MIXED_IN_PDFS = [
    ("pdf/fa/kazemi-1403.pdf", "fa/papers/kazemi-1403/", ".excerpt__label", 3),
    ("pdf/fa/kazemi-1403.pdf", "fa/papers/kazemi-1403/", ".excerpt__cited-by", 3),
    ("pdf/fa/kazemi-1403.pdf", "fa/papers/kazemi-1403/", ".record td", 20),
    ("pdf/fa/kazemi-1403.pdf", "fa/papers/kazemi-1403/", ".cite__reference", 1),
    ("pdf/fa/kazemi-1403.pdf", "fa/papers/kazemi-1403/", ".excerpt__note-text", 6),
    ("pdf/ar/karabakh-war.pdf", "ar/papers/karabakh-war/", ".excerpt__label", 3),
    ("pdf/ar/karabakh-war.pdf", "ar/papers/karabakh-war/", ".record td", 20),
    ("pdf/ar/karabakh-war.pdf", "ar/papers/karabakh-war/", ".excerpt__cited-by", 3),
    ("pdf/ar/karabakh-war.pdf", "ar/papers/karabakh-war/", ".excerpt__note-text", 6),
    ("pdf/en/kazemi-1403.pdf", "papers/kazemi-1403/", ".cite__reference", 1),
    ("pdf/en/kazemi-1403.pdf", "papers/kazemi-1403/", ".record td", 20),
    ("pdf/en/kazemi-1403.pdf", "papers/kazemi-1403/", ".excerpt__note-text", 6),
    ("pdf/en/masoumi-2025.pdf", "papers/masoumi-2025/", ".excerpt__cited-by", 4),
    ("pdf/en/packet-iran.pdf", "packets/iran/", ".excerpt__from", 3),
]
#: pdftotext's share now (see PROBE_FLOORS: most of these places are on pages it reads in the
#: other direction), as a floor; PyMuPDF is held to PROBE_TARGET
MIXED_FLOORS = {"pdftotext": 0.63}


@pytest.mark.parametrize("extractor", sorted(EXTRACTORS))
def test_the_mixed_direction_strings_of_the_pages_read_back_from_their_pdfs(
        site: Path, extractor: str) -> None:
    """The strings the browser test checks on screen (records, labels, citations, cited-by
    lists, notes, a packet's sources), cut into probes like the excerpts, found in the text of
    the page's PDF."""
    strings, found, missed = 0, 0, []
    for rel, page, selector, count in MIXED_IN_PDFS:
        soup = BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "lxml")
        haystack = comparable(EXTRACTORS[extractor](site / rel))
        elements = soup.select(selector)[:count]
        assert elements, (page, selector)
        for element in elements:
            strings += 1
            for probe in probes(element.get_text(" ", strip=True)):
                if comparable(probe) in haystack:
                    found += 1
                else:
                    missed.append(f"{rel} {selector}: {probe}")
    assert strings >= 30
    share = found / (found + len(missed))
    floor = MIXED_FLOORS.get(extractor, PROBE_TARGET)
    assert share >= floor, f"{share:.0%} < {floor:.0%}, e.g. {missed[:3]}"
