"""In headless Chromium (Debian's): the view switch, right-to-left rendering, and that no
request leaves the site."""

from __future__ import annotations

import html
import itertools
import re
import subprocess
from pathlib import Path

import pytest
from bidi_runs import RTL_LETTER
from languages import EDITIONS, direction, edition_prefix
from playwright.sync_api import Browser, Page
from test_a11y import DRAWN
from test_site import edition_urls


def rtl_paper(corpus) -> str:
    return next(k for k, p in corpus.papers.items() if p.lang == "fa" and p.excerpts)


def test_side_by_side_with_rtl_original_on_the_right(page: Page, server: str, corpus) -> None:
    page.goto(server + f"papers/{rtl_paper(corpus)}/")
    excerpt = page.locator("[data-excerpt]").first
    original = excerpt.locator('[data-role="original"]').bounding_box()
    translation = excerpt.locator('[data-role="translation"]').bounding_box()
    assert original["x"] > translation["x"] + translation["width"] - 1
    assert abs(original["y"] - translation["y"]) < 2


def test_ltr_original_on_the_left(page: Page, server: str, corpus) -> None:
    key = next(k for k, p in corpus.papers.items() if p.lang == "tr" and p.excerpts)
    page.goto(server + f"fa/papers/{key}/")  # a right-to-left edition, left-to-right original
    excerpt = page.locator("[data-excerpt]").first
    original = excerpt.locator('[data-role="original"]').bounding_box()
    translation = excerpt.locator('[data-role="translation"]').bounding_box()
    assert original["x"] + original["width"] <= translation["x"] + 1


def test_stacked_on_a_phone(browser: Browser, server: str, corpus) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.goto(server + f"papers/{rtl_paper(corpus)}/")
    excerpt = page.locator("[data-excerpt]").first
    original = excerpt.locator('[data-role="original"]').bounding_box()
    translation = excerpt.locator('[data-role="translation"]').bounding_box()
    assert translation["y"] >= original["y"] + original["height"] - 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()


@pytest.mark.parametrize("edition", ["tr/", "fa/"])
def test_the_papers_list_is_a_card_per_paper_on_a_phone(browser: Browser, server: str,
                                                         edition: str) -> None:
    """Each paper's titles take the width of the screen (a squeezed column broke "Selçuklulardan"
    in the middle of the word); its language and excerpt count say what they are."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.goto(server + edition)
    table = page.locator(".papers-table").bounding_box()
    for cell in page.locator(".papers-table tr td:first-child").all():
        assert cell.bounding_box()["width"] >= 0.9 * table["width"]
    labelled = page.locator(".papers-table td[data-label]").first
    assert page.evaluate("(el) => getComputedStyle(el, '::before').content", labelled.element_handle()) \
        == f'"{labelled.get_attribute("data-label")}: "'
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()


BROKEN_WORDS = (Path(__file__).parent / "js" / "broken_words.js").read_text(encoding="utf-8")


def test_no_word_is_cut_in_the_middle_on_a_phone(browser: Browser, server: str) -> None:
    """On a 390 px screen, the lists, tables and the concepts matrix of every edition keep their
    words whole (a column squeezed by its neighbours cut "Selçuklulardan" and "normalleşmesi")."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    cut = []
    for edition in ("", "tr/", "fa/", "ar/"):
        for path in ("", "papers/", "glossary/", "people-and-places/", "timeline/",
                     "disagreements/", "packets/", "corpus/"):
            page.goto(server + edition + path)
            page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
            cut += [f"{edition}{path}: {word}" for word in page.evaluate(BROKEN_WORDS)]
    context.close()
    assert not cut, cut


def test_code_blocks_wrap_on_a_phone(browser: Browser, server: str) -> None:
    """On a 390 px screen the contributing page's examples wrap their long lines: none runs past
    the block's edge, where the Persian and Arabic values of a YAML example hid their beginning."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    wide, blocks = [], 0
    for edition in ("", "tr/", "fa/", "ar/"):
        page.goto(server + edition + "contributing/")
        sizes = page.evaluate("[...document.querySelectorAll('.md-typeset pre > code')]"
                              ".map(c => [c.scrollWidth, c.clientWidth, c.textContent.slice(0, 40)])")
        blocks += len(sizes)
        wide += [f"{edition}contributing/: {text!r} {scroll} > {client} px"
                 for scroll, client, text in sizes if scroll > client]
    context.close()
    assert blocks >= 4 * 4, blocks
    assert not wide, wide


def test_persian_and_arabic_in_code_are_set_in_the_sites_font(page: Page, server: str) -> None:
    """The contributing page's examples hold Persian and Arabic values: Chromium sets their
    letters in the site's Vazirmatn, not in the system's monospace font, which lacks some of them
    (ۀ) and would set the rest unjoined."""
    session = page.context.new_cdp_session(page)
    for edition in ("", "fa/", "ar/"):
        page.goto(server + edition + "contributing/")
        page.evaluate("document.fonts.ready")
        session.send("DOM.enable")
        session.send("CSS.enable")
        root = session.send("DOM.getDocument")["root"]["nodeId"]
        nodes = session.send("DOM.querySelectorAll", {"nodeId": root,
                                                      "selector": ".md-typeset pre > code"})
        letters = glyphs = 0
        for node in nodes["nodeIds"]:
            text = session.send("DOM.getOuterHTML", {"nodeId": node})["outerHTML"]
            count = len(re.findall("[\u0621-\u064a\u067e-\u06d3]", text))
            if not count:
                continue
            letters += count
            fonts = session.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
            glyphs += sum(f["glyphCount"] for f in fonts if f["familyName"] == "Vazirmatn")
        assert letters > 20, edition
        assert glyphs >= 0.8 * letters, (edition, glyphs, letters)
    session.detach()


@pytest.mark.parametrize("edition", ["tr/", "ar/"])
def test_paper_pages_fit_a_360_px_screen(browser: Browser, server: str, corpus,
                                         edition: str) -> None:
    """Nothing on a paper page is wider than a small phone: the record's field names may wrap and
    a web address in its note may break (unbroken, they made the Turkish record 423 px wide)."""
    context = browser.new_context(viewport={"width": 360, "height": 800}, is_mobile=True)
    page = context.new_page()
    wide = []
    for key in corpus.papers:
        page.goto(server + f"{edition}papers/{key}/")
        page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 360:
            wide.append(f"{key}: {width} px")
    context.close()
    assert not wide, wide


def test_view_switch_is_remembered_across_pages(page: Page, server: str, corpus) -> None:
    key = rtl_paper(corpus)
    page.goto(server + f"papers/{key}/")
    translation = page.locator('[data-excerpt] [data-role="translation"]').first
    original = page.locator('[data-excerpt] [data-role="original"]').first
    assert translation.is_visible() and original.is_visible()
    page.locator('.excerpt-view [data-view="original"]').first.click()
    assert original.is_visible() and not translation.is_visible()
    other = next(k for k in corpus.papers if k != key)
    page.goto(server + f"papers/{other}/")
    assert not page.locator('[data-excerpt] [data-role="translation"]').first.is_visible()
    assert page.locator('.excerpt-view [data-view="original"]').first.get_attribute(
        "aria-pressed") == "true"
    page.locator('.excerpt-view [data-view="translation"]').first.click()
    assert not page.locator('[data-excerpt] [data-role="original"]').first.is_visible()
    page.locator('.excerpt-view [data-view="both"]').first.click()
    assert page.locator('[data-excerpt] [data-role="original"]').first.is_visible()


POSITIONS = """(el) => {
  const text = el.firstChild;
  const at = (i) => { const r = document.createRange(); r.setStart(text, i); r.setEnd(text, i + 1);
                      return r.getBoundingClientRect().left; };
  return [text.data, at(0), at(text.data.length - 1)];
}"""


def test_latin_citation_in_rtl_text_displays_in_logical_order(page: Page, server: str,
                                                              corpus) -> None:
    checked = 0
    for key, paper in corpus.papers.items():
        if paper.dir != "rtl":
            continue
        page.goto(server + f"{paper.lang}/papers/{key}/")
        runs = page.locator('[data-role="original"][dir="rtl"] bdi[dir="ltr"]')
        for i in range(min(runs.count(), 40)):
            run = runs.nth(i)
            text, first, last = run.evaluate(POSITIONS)
            if len(text) < 6 or not any(c.isalpha() for c in text):
                continue
            run.scroll_into_view_if_needed()
            text, first, last = run.evaluate(POSITIONS)
            assert first < last, f"{text!r} is not shown left to right"
            checked += 1
    assert checked >= 3


def test_rtl_editions_lay_out_right_to_left(page: Page, server: str) -> None:
    for edition in ("fa", "ar"):
        page.goto(server + f"{edition}/")
        assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
        content = page.locator(".md-content").bounding_box()
        nav = page.locator(".md-sidebar--primary").bounding_box()
        assert nav["x"] > content["x"], "the navigation stands on the right"


def test_no_request_leaves_the_site(page: Page, server: str, corpus) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    urls = ["", "tr/", "fa/", "ar/"] + [f"papers/{k}/" for k in corpus.papers] + \
        [f"{p.lang}/papers/{k}/" for k, p in corpus.papers.items()]
    for url in urls:
        page.goto(server + url)
        page.wait_for_load_state("networkidle")
    outside = [u for u in requests if not u.startswith(server) and not u.startswith("data:")]
    assert requests and not outside, outside
    assert any(u.endswith(".woff2") for u in requests), "the self-hosted fonts are used"


def test_a_glossed_term_shows_its_definition_on_hover(page: Page, server: str, corpus) -> None:
    page.goto(server + f"papers/{rtl_paper(corpus)}/")
    gloss = page.locator('[data-role="translation"] a.gloss').first
    assert page.evaluate("(el) => getComputedStyle(el, '::after').content", gloss.element_handle()) \
        in ("none", "normal", "")
    gloss.hover()
    shown = page.evaluate("(el) => getComputedStyle(el, '::after').content", gloss.element_handle())
    assert gloss.get_attribute("data-gloss")[:20] in shown


def test_browser_printing_is_clean(page: Page, server: str, corpus) -> None:
    key = rtl_paper(corpus)
    page.goto(server + f"papers/{key}/")
    page.locator('.excerpt-view [data-view="original"]').first.click()
    page.emulate_media(media="print")
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert not page.locator(".md-header").is_visible()
    assert not page.locator(".excerpt-view").first.is_visible()
    excerpt = page.locator("[data-excerpt]").first
    original = excerpt.locator('[data-role="original"]').bounding_box()
    translation = excerpt.locator('[data-role="translation"]').bounding_box()
    assert original["x"] > translation["x"], "both columns, the right-to-left one on the right"
    assert excerpt.locator(".excerpt__url").is_visible()
    head = excerpt.locator(".excerpt__head").element_handle()
    assert page.evaluate("(el) => getComputedStyle(el).breakAfter", head) == "avoid"
    page.emulate_media(media="screen")
    page.locator('.excerpt-view [data-view="both"]').first.click()


@pytest.mark.parametrize("url", ["papers/masoumi-2025/", "papers/kazemi-1403/",
                                 "tr/papers/ases-2025/"])
def test_a_printed_paper_page_starts_its_record_on_the_first_page(browser: Browser, server: str,
                                                                  url: str) -> None:
    """The theme keeps a details block whole on one page: the full record, longer than what was
    left of the first page, moved to the second and left the first blank under its heading."""
    import pymupdf

    page = browser.new_page()
    page.goto(server + url)
    # the record's field names, in the Latin script: what PyMuPDF reads back as written
    first_row = page.locator(".record__full th").first.text_content().strip()
    last_row = page.locator(".record__full th").last.text_content().strip()
    assert first_row and last_row
    printed = page.pdf(format="A4")
    page.close()
    with pymupdf.open(stream=printed, filetype="pdf") as document:
        first, rest = document[0].get_text(), "".join(p.get_text() for p in document)
    assert first_row in first, (url, first_row)
    assert last_row in rest, (url, last_row)


@pytest.mark.parametrize("url", ["packets/iran/", "tr/packets/war-2020/", "fa/packets/iran/",
                                 "papers/masoumi-2025/", "papers/karabakh-war/",
                                 "ar/papers/kazemi-1403/", "glossary/", "fa/timeline/",
                                 "ar/maps/"])
def test_printed_pages_are_filled_and_keep_headings_with_their_text(
        browser: Browser, server: str, url: str, tmp_path: Path) -> None:
    """Printed from the browser, every page but the last has text below two fifths of its
    height: an excerpt kept whole on a page, when longer than what was left of it, moved on and
    left that page up to nine tenths blank (on pages of every paper), as did the table of the
    papers at a glance on the glossary's first page, a timeline event with a long list and a
    map kept with its whole legend. No page but the last ends with a heading (nothing printed
    below a word put, in a hairline size, at the end of each heading: a section's title was left
    alone at the foot of a page, five times in the printed Iran packet), and none holds nothing
    but a heading or part of one (a heading kept with an excerpt as long as a page was cut, its
    first lines left alone on a page)."""

    def words(text: str) -> list[str]:
        return sorted(re.findall(r"\w+", text.replace("\u200c", "")))

    page = browser.new_page()
    page.goto(server + url)
    headings = [words(h) for h in page.locator(".md-content :is(h1, h2, h3, h4)").all_inner_texts()]
    page.evaluate(MARK_HEADINGS)
    printed = tmp_path / "printed.pdf"
    printed.write_bytes(page.pdf(format="A4"))
    page.close()
    sheets = printed_lines(printed)[:-1]
    assert len(sheets) >= 2 and all(headings), url
    alone, bare = [], []
    for number, (height, lines) in enumerate(sheets, start=1):
        ends = [foot for foot, line in lines for word in line if _HEADING_END.fullmatch(word)]
        text = [w for _, line in lines for w in line if not _HEADING_END.fullmatch(w)]
        if ends and not [foot for foot, _ in lines if foot > max(ends) + 8]:
            alone.append(f"page {number} ends with a heading")
        alone += [f"page {number} holds only: {' '.join(h)}" for h in headings
                  if text and set(words(" ".join(text))) <= set(h)]
        if not lines or lines[-1][0] < 0.4 * height:
            bare.append(f"page {number}: {lines[-1][0] / height if lines else 0:.0%}")
    assert not alone, (url, alone)
    assert not bare, (url, bare)


@pytest.mark.parametrize("url", ["tr/packets/war-2020/", "packets/iran/", "fa/maps/"])
def test_a_printed_list_of_places_is_not_cut(browser: Browser, server: str, url: str,
                                             tmp_path: Path) -> None:
    """The places, and the countries and seas, listed under a map are a few lines in columns:
    printed, each list is on one page (the printed 2020-war packet in Turkish left Rusya alone at
    the top of a page)."""
    page = browser.new_page()
    page.goto(server + url)
    count = page.evaluate("""() => {
      const lists = document.querySelectorAll('.md-content ul.map__items--places');
      lists.forEach((list, n) => list.querySelectorAll('li').forEach(item => {
        const mark = document.createElement('span');
        mark.textContent = ` mapl${n}x`;
        mark.style.fontSize = '1px';
        item.append(mark);
      }));
      return lists.length;
    }""")
    printed = tmp_path / "printed.pdf"
    printed.write_bytes(page.pdf(format="A4"))
    page.close()
    on_pages: dict[str, set[int]] = {}
    for number, (_, lines) in enumerate(printed_lines(printed), start=1):
        for word in (w for _, line in lines for w in line if re.fullmatch(r"mapl\d+x", w)):
            on_pages.setdefault(word, set()).add(number)
    assert count >= 2 and len(on_pages) == count, (url, count, on_pages)
    assert all(len(pages) == 1 for pages in on_pages.values()), (url, on_pages)


#: a word at the end of every heading, too small to change how the page is laid out
_HEADING_END = re.compile(r"endh\d+x")
MARK_HEADINGS = """() => document.querySelectorAll('.md-content :is(h1, h2, h3, h4)')
  .forEach((heading, n) => {
    const mark = document.createElement('span');
    mark.textContent = ` endh${n}x`;
    mark.style.fontSize = '1px';
    heading.append(mark);
  })"""


def printed_lines(pdf: Path) -> list[tuple[float, list[tuple[float, list[str]]]]]:
    """Each page of a PDF as drawn: its height and its lines from top to bottom, each the foot
    of its words and the words (pdftotext's word boxes; a right-to-left word's letters, which it
    gives as drawn, put back in reading order)."""
    boxes = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout
    pages: list[tuple[float, list[tuple[float, list[str]]]]] = []
    for found in re.finditer(r'<page width="[\d.]+" height="([\d.]+)">(.*?)</page>', boxes, re.S):
        placed = sorted((float(foot), html.unescape(word)) for foot, word in
                        re.findall(r'yMax="([\d.]+)">([^<]*)</word>', found.group(2)))
        lines: list[tuple[float, list[str]]] = []
        for foot, word in placed:
            word = word[::-1] if RTL_LETTER.search(word) else word
            if lines and foot - lines[-1][0] < 3:
                lines[-1][1].append(word)
            else:
                lines.append((foot, [word]))
        pages.append((float(found.group(1)), lines))
    return pages


#: marks the start of each data table row's first cell and the end of its last (see below)
MARK_ROWS = """() => [...document.querySelectorAll('article table:not(.record__table) tr')]
  .filter(row => row.querySelectorAll('td').length >= 3).map((row, n) => {
    const cells = row.querySelectorAll('td');
    cells[0].prepend(`rowstart${n}x `);
    cells[cells.length - 1].append(` rowend${n}x`);
    return n;
  })"""


@pytest.mark.parametrize("url", ["fa/papers/masoumi-2025/", "ar/papers/masoumi-2025/",
                                 "papers/masoumi-2025/"])
def test_a_printed_table_row_is_not_cut_between_pages(browser: Browser, server: str, url: str,
                                                      tmp_path: Path) -> None:
    """Printed from the browser, a row of a data table is read across, so it is not cut between
    two pages, as it is not in the typeset PDF (the interview table's rows were, in every
    edition), and a table wider than the screen is printed whole (the coding table's last
    columns were cut off at the page's edge). A word put at the start of each row's first cell
    and one at the end of its last are read back from one page."""
    from test_pdf import text_of

    page = browser.new_page()
    page.goto(server + url)
    rows = page.evaluate(MARK_ROWS)
    printed = tmp_path / "printed.pdf"
    printed.write_bytes(page.pdf(format="A4"))
    page.close()
    sheets = text_of(printed).split("\f")
    cut = [n for n in rows
           if not any(f"rowstart{n}x" in sheet and f"rowend{n}x" in sheet for sheet in sheets)]
    assert len(rows) >= 16 and not cut, (url, len(rows), cut)


#: real places where text runs against its surroundings, in both directions: (page, selector,
#: how many of its elements); at least thirty strings in all
MIXED_DIRECTION = [
    ("fa/papers/kazemi-1403/", ".excerpt__label", 3),
    ("fa/papers/kazemi-1403/", ".excerpt__cited-by", 3),
    ("fa/papers/kazemi-1403/", ".record td", 20),
    ("fa/papers/kazemi-1403/", ".cite__reference", 1),
    ("fa/papers/kazemi-1403/", ".record__summary dd", 12),
    ("ar/papers/karabakh-war/", ".record__missing-list", 1),
    ("fa/papers/kazemi-1403/", ".excerpt__note-text", 6),
    ("fa/papers/kardeslik/", ".excerpt__label", 3),
    ("ar/papers/karabakh-war/", ".excerpt__label", 3),
    ("ar/papers/karabakh-war/", ".record td", 20),
    ("ar/papers/karabakh-war/", ".excerpt__cited-by", 3),
    ("ar/papers/karabakh-war/", ".excerpt__note-text", 6),
    ("ar/papers/kazemi-1403/", ".cite__reference", 1),
    ("papers/kazemi-1403/", ".cite__reference", 1),
    ("papers/kazemi-1403/", ".record td", 20),
    ("papers/kazemi-1403/", ".excerpt__note-text", 6),
    ("papers/masoumi-2025/", ".excerpt__cited-by", 4),
    ("tr/papers/masoumi-2025/", ".record td", 20),
    ("fa/timeline/", ".event__date", 4),
    ("fa/timeline/", ".event__papers", 3),
    ("ar/glossary/", ".term__uses li", 4),
    ("fa/people-and-places/", ".entity__names", 4),
    ("fa/packets/iran/", ".excerpt__from", 3),
    ("ar/papers/karabakh-war/", ".md-sidebar--secondary .md-nav__link", 8),
    ("fa/papers/masoumi-2025/", ".md-sidebar--secondary .md-nav__link", 6),
    ("ar/papers/karabakh-war/", ".page-contents li a", 6),
]
VISUAL_ORDER = (Path(__file__).parent / "js" / "visual_order.js").read_text(encoding="utf-8")


def test_mixed_direction_text_displays_in_reading_order(page: Page, server: str) -> None:
    checked, problems = 0, []
    by_page: dict[str, list[tuple[str, int]]] = {}
    for url, selector, count in MIXED_DIRECTION:
        by_page.setdefault(url, []).append((selector, count))
    for url, places in by_page.items():  # each page loaded once
        page.goto(server + url)
        page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
        for selector, count in places:
            elements = page.locator(selector)
            assert elements.count() > 0, (url, selector)
            for i in range(min(count, elements.count())):
                checked += 1
                problems += [f"{url} {selector}: {p}"
                             for p in elements.nth(i).evaluate(VISUAL_ORDER)]
    assert checked >= 30
    assert not problems, "\n".join(problems[:20])


#: the notes' quotations of the extraction's damaged text, written as code: pieces of the file
#: as the visual order left them, for which no reading order is right (CONTRIBUTING's style guide)
SCRAMBLED = ("بالمادتين )… 9و 4 (",)
#: the visual-order check on every block of text of a page's content that mixes the two
#: directions (Persian or Arabic letters with Latin letters or Western digits; text in one
#: direction only cannot be reordered): each paragraph, list item, table cell, definition,
#: heading and caption with none of the others inside it
_EVERY_BLOCK = """(check) => {
  const visualOrder = eval(check);
  document.querySelectorAll('details').forEach((d) => { d.open = true; });
  const blocks = document.querySelectorAll(
    '.md-content :is(p, li, td, th, dd, dt, h1, h2, h3, h4, h5, h6, figcaption)');
  const mixed = (text) => /[\u0600-\u06FF]/.test(text) && /[A-Za-z0-9\u00C0-\u024F]/.test(text);
  const checked = [...blocks].filter((b) => !b.querySelector('p, li, td, th, dd, dt')
                                           && mixed(b.textContent));
  return [checked.length, checked.flatMap((b) => visualOrder(b))];
}"""


#: the width each edition is read at: a phone or a desktop, each with one edition of each
#: direction (lines break elsewhere on a phone, and a run broken across lines reads differently)
SWEEP_WIDTHS = {"en": 1400, "tr": 390, "fa": 390, "ar": 1400}


@pytest.mark.parametrize("edition", list(EDITIONS))
def test_every_text_of_every_page_displays_in_reading_order(browser: Browser, server: str,
                                                            site: Path, edition: str) -> None:
    """Not only the places above: every block of text of every page of the edition that mixes
    the two directions, as Chromium lays it out on a phone or a desktop (`SWEEP_WIDTHS`), reads
    in order (the check of `visual_order.js`)."""
    urls = edition_urls(site, edition)
    assert len(urls) >= 19, urls
    width = SWEEP_WIDTHS[edition]
    context = browser.new_context(viewport={"width": width, "height": 900},
                                  is_mobile=width < 600, has_touch=width < 600)
    page = context.new_page()
    problems, checked = [], 0
    for url in urls:
        page.goto(server + url)
        page.wait_for_function(DRAWN, timeout=20000)
        count, found = page.evaluate(_EVERY_BLOCK, VISUAL_ORDER)
        checked += count
        problems += [f"{url} at {width} px: {p}" for p in found
                     if not any(f'in "{text}"' in p for text in SCRAMBLED)]
    context.close()
    assert checked >= 200, checked  # the Persian and Arabic originals beside their translations
    assert not problems, "\n".join(problems[:20])


#: a number that begins a left-to-right run inside right-to-left text: (page, the run, the
#: number, the word after it). Isolated without its number, the run showed "irr.2025…/10.22034"
#: and "yılından sonra 1991".
NUMBERED_RUNS = [
    ("fa/papers/masoumi-2025/", "10.22034/irr.2025.477975.2599", "10.22034", "irr"),
    ("ar/papers/masoumi-2025/", "10.22034/irr.2025.477975.2599", "10.22034", "irr"),
    ("fa/papers/ases-2025/", "1991 yılından sonra", "1991", "yılından"),
    ("ar/papers/ases-2025/", "20. Yüzyıl", "20", "Yüzyıl"),
    ("fa/papers/kardeslik/", "19. yüzyıl boyunca", "19", "yüzyıl"),
    ("fa/contributing/", "9 Kasım 1991", "9", "Kasım"),
    ("ar/contributing/", "9 November 1991", "9", "November"),
]
#: for every occurrence of a phrase in the page's content: the left edges of two of its
#: characters and how far apart their lines are
_EDGES = """([phrase, first, second]) => {
  const walker = document.createTreeWalker(document.querySelector('.md-content'),
                                           NodeFilter.SHOW_TEXT);
  const chars = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    for (let i = 0; i < n.textContent.length; i++) chars.push([n, i]);
  }
  const text = chars.map(([n, i]) => n.textContent[i]).join('');
  const rect = (k) => { const [n, i] = chars[k]; const r = document.createRange();
    r.setStart(n, i); r.setEnd(n, i + 1); return r.getBoundingClientRect(); };
  const out = [];
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
    const a = rect(at + phrase.indexOf(first)), b = rect(at + phrase.indexOf(second));
    if (a.width && b.width) out.push([a.left, b.left, Math.abs(a.top - b.top)]);
  }
  return out;
}"""


def assert_left_of(page: Page, server: str, url: str, phrase: str, first: str,
                   second: str) -> None:
    """At every occurrence of `phrase` on the page, `first` stands left of `second` on its line."""
    page.goto(server + url)
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
    found = page.evaluate(_EDGES, [phrase, first, second])
    assert found, (url, phrase)
    for left_first, left_second, apart in found:
        assert apart < 3 and left_first < left_second, (url, phrase, found)


@pytest.mark.parametrize("url, phrase, number, word", NUMBERED_RUNS)
def test_a_number_stays_with_the_left_to_right_words_it_begins(page: Page, server: str, url: str,
                                                               phrase: str, number: str,
                                                               word: str) -> None:
    assert_left_of(page, server, url, phrase, number, word)


@pytest.mark.parametrize("url, phrase, first, last", [
    ("papers/masoumi-2025/", "دآوری, داور, داوری", "دآوری", "داوری"),
    ("guide/", "فارسی, العربية", "فارسی", "العربية"),
])
def test_a_list_of_persian_or_arabic_words_in_english_reads_in_order(
        page: Page, server: str, url: str, phrase: str, first: str, last: str) -> None:
    """The items of an English sentence's list stand left to right in their order, each in its
    own direction (one isolated run showed "داوری ,داور ,دآوری")."""
    assert_left_of(page, server, url, phrase, first, last)


@pytest.mark.parametrize("url, phrase, first, second", [
    # the parenthesis and its date read with the Arabic sentence, not "Serzh Sargsyan (9"
    ("ar/papers/karabakh-war/", "Serzh Sargsyan (9 أبريل", "(", "Serzh"),
    ("ar/papers/karabakh-war/", "Serzh Sargsyan (9 أبريل", "9", "("),
    # a Turkish parenthesis holding an Arabic word: «ال» first, then the parenthesis
    ("tr/packets/iran/", "«ال» («المنطقة» kelimesini", "«ال»", "("),
    ("tr/packets/iran/", "«ال» («المنطقة» kelimesini", "(", "«المنطقة»"),
    # two quotations an English semicolon parts stand in the sentence's order
    ("packets/iran/", "«يمكن»; «لردٍّّ", "«يمكن»", "«لردٍّّ"),
])
def test_a_parenthesis_reads_with_the_sentence_it_belongs_to(page: Page, server: str, url: str,
                                                            phrase: str, first: str,
                                                            second: str) -> None:
    assert_left_of(page, server, url, phrase, first, second)


@pytest.mark.parametrize("edition", ["fa/", "ar/"])
def test_code_in_right_to_left_text_keeps_its_punctuation_in_place(page: Page, server: str,
                                                                   edition: str) -> None:
    """`## Summary` and `nav:` in a Persian or Arabic sentence read as written, not "Summary ##"."""
    page.goto(server + f"{edition}contributing/")
    for text in ("## Summary", "nav:"):
        order = page.evaluate("""(text) => {
          const code = [...document.querySelectorAll('.md-content p code')]
            .find((c) => c.textContent === text);
          const x = (i) => { const r = document.createRange();
            r.setStart(code.firstChild, i); r.setEnd(code.firstChild, i + 1);
            return r.getBoundingClientRect().left; };
          return [x(0), x(text.length - 1)];
        }""", text)
        assert order[0] < order[1], (edition, text, order)


def test_the_visual_order_check_catches_what_it_should(page: Page) -> None:
    page.set_content(
        '<p id="bad" dir="rtl">ارجاع‌شده در: [Kardeşlikten Stratejik İttifaka] n.d., ¶7, p. 8</p>'
        '<p id="good" dir="rtl">ارجاع‌شده در: <bdi dir="ltr">[Kardeşlikten] n.d., ¶7, p. 8</bdi></p>'
        '<p id="rtl-in-ltr" dir="ltr"><span dir="rtl">Kazemi n.d., ¶7</span></p>'
        '<p id="quoted" dir="rtl">به صورت \'<bdi dir="ltr">the coordination of forces</bdi> ...\' آمده'
        '</p><p id="quoted-whole" dir="rtl">به صورت '
        '<bdi dir="ltr">\'the coordination of forces ...\'</bdi> آمده</p>'
        # code the style sheet isolates left to right, as the theme does in Persian and Arabic
        '<p id="code" dir="rtl">بنویسید <code style="direction: ltr; unicode-bidi: isolate">'
        'make check</code> را</p><p id="unstyled" dir="rtl">بنویسید <span>make check</span> را'
        '</p>')
    assert any("n.d." in p for p in page.locator("#bad").evaluate(VISUAL_ORDER))
    assert page.locator("#code").evaluate(VISUAL_ORDER) == []
    assert any("unisolated" in p for p in page.locator("#unstyled").evaluate(VISUAL_ORDER))
    assert page.locator("#good").evaluate(VISUAL_ORDER) == []
    assert page.locator("#rtl-in-ltr").evaluate(VISUAL_ORDER)
    assert any("quotation marks" in p for p in page.locator("#quoted").evaluate(VISUAL_ORDER))
    assert page.locator("#quoted-whole").evaluate(VISUAL_ORDER) == []


def test_the_site_works_under_its_content_security_policy(page: Page, server: str) -> None:
    """The view switch, search, palette and glosses work, and nothing is refused."""
    refused: list[str] = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text
            else None)
    page.goto(server + "fa/papers/kazemi-1403/")
    page.click('button[data-view="original"]')
    assert page.evaluate("document.documentElement.dataset.excerptView") == "original"
    page.click('button[data-view="both"]')
    page.locator("a.gloss").first.hover()
    page.locator("label[for^='__palette']:visible").first.click()
    page.goto(server + "glossary/")
    page.keyboard.press("/")
    page.fill('input[type="search"]', "Shusha")
    page.wait_for_selector("[data-search-results] a", timeout=10000)
    assert page.locator("[data-search-results] a").count() > 0
    assert not refused, refused


def test_an_injected_event_handler_is_blocked(page: Page, server: str) -> None:
    refused: list[str] = []
    page.on("console", lambda m: refused.append(m.text))
    page.goto(server + "papers/kazemi-1403/")
    page.evaluate("""() => {
        const p = document.createElement('p');
        p.innerHTML = '<img src="/missing.png" onerror="window.__ran = true">';
        document.body.appendChild(p);
    }""")
    page.wait_for_timeout(500)
    assert page.evaluate("window.__ran") is None
    assert any("Content Security Policy" in text for text in refused)


def test_without_javascript_the_buttons_that_need_it_are_not_shown(browser: Browser,
                                                                    server: str) -> None:
    """Without JavaScript the view switch, the copy-link buttons and the search button would do
    nothing: they are not shown, and keep their place, so that the first excerpt stands where
    it stands with the script, and nothing moves when it runs (below it, the script draws the
    excerpts the first view leaves undrawn: test_a11y.DRAWN)."""
    controls = (".excerpt-view", ".excerpt__copy", ".reader-search__open")
    seen, places = {}, {}
    for script in (False, True):
        context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                                      java_script_enabled=script)
        page = context.new_page()
        page.goto(server + "fa/papers/kazemi-1403/")
        seen[script] = [page.locator(c).first.is_visible() for c in controls]
        places[script] = page.evaluate("document.querySelector('.excerpt')"
                                       ".getBoundingClientRect().top + scrollY")
        context.close()
    assert seen == {False: [False] * 3, True: [True] * 3}, seen
    assert places[False] == places[True]


#: an excerpt's terms as the screen shows them: (the gap between two chips, or null for a chip
#: that begins a line, the width of the mark between them); and as a copied text reads them
TERMS_SHOWN = """() => [...document.querySelectorAll('.excerpt__terms')].map(terms => {
  const chips = [...terms.querySelectorAll('.excerpt__term')].map(c => c.getBoundingClientRect());
  const marks = [...terms.querySelectorAll('.excerpt__term-sep')].map(m => m.getBoundingClientRect());
  const range = document.createRange();
  range.selectNodeContents(terms);
  getSelection().removeAllRanges();
  getSelection().addRange(range);
  return {gaps: chips.slice(1).map((c, i) => c.top !== chips[i].top ? null :
            Math.max(c.left - chips[i].right, chips[i].left - c.right)),
          marks: marks.map(m => m.width), copied: getSelection().toString()};
})"""


@pytest.mark.parametrize("edition", ["tr", "fa"])
def test_an_excerpts_terms_are_chips_and_copy_as_a_list(browser: Browser, server: str,
                                                        edition: str) -> None:
    """On the screen the terms are chips apart from one another, without the semicolon between
    them, which a copied text keeps (and screen readers read)."""
    from languages import LANGUAGES

    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(server + f"{edition_prefix(edition)}packets/soft-power/")
    shown = page.evaluate(TERMS_SHOWN)
    page.close()
    assert len(shown) >= 5
    for terms in shown:
        assert all(gap is None or gap >= 2 for gap in terms["gaps"]), terms
        assert all(width <= 1 for width in terms["marks"]), terms
        assert terms["copied"].count(LANGUAGES[edition].semicolon) == len(terms["gaps"]), terms


@pytest.mark.parametrize("edition", ["en", "tr", "fa", "ar"])
def test_a_gloss_opens_inside_a_phone_screen(browser: Browser, server: str, edition: str) -> None:
    """On a 390 px touch screen a tapped term's definition stays inside the screen (below the term,
    or above it at the foot of the screen), does not widen the page, and closes with a tap
    elsewhere or Escape."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True,
                                  is_mobile=True)
    page = context.new_page()
    prefix = edition_prefix(edition)
    for url in (f"{prefix}papers/kazemi-1403/", f"{prefix}packets/iran/"):
        page.goto(server + url)
        glosses = page.locator("article.excerpt a.gloss")
        assert glosses.count() > 2, url
        for index, block in [(i, b) for i in (0, glosses.count() // 2, glosses.count() - 1)
                             for b in ("center", "end")]:
            gloss = glosses.nth(index)
            gloss.evaluate("(el, block) => el.scrollIntoView({block: block})", block)
            width_before = page.evaluate("document.documentElement.scrollWidth")
            gloss.tap()
            assert "is-open" in (gloss.get_attribute("class") or ""), url
            box = gloss.evaluate("""el => {
                const s = getComputedStyle(el, '::after');
                return {left: parseFloat(s.left), width: parseFloat(s.width),
                        content: s.content, inner: window.innerWidth};
            }""")
            assert box["content"] not in ("none", "normal", ""), url
            # drawn where it was placed, on top: not held inside its excerpt (an excerpt off the
            # screen is contained, reader.css; one with an open gloss is not)
            hit = gloss.evaluate("""el => {
                const s = getComputedStyle(el, '::after');
                const top = parseFloat(s.top), height = parseFloat(s.height);
                const x = parseFloat(s.left) + parseFloat(s.width) / 2;
                const at = document.elementFromPoint(x, top + 4);
                return {on_top: at === el, top: top, bottom: top + height,
                        inner: window.innerHeight};
            }""")
            assert hit["on_top"] and 0 <= hit["top"] < hit["bottom"] <= hit["inner"], (url, hit)
            assert box["left"] >= 0 and box["left"] + box["width"] <= box["inner"], (url, box)
            assert page.evaluate("document.documentElement.scrollWidth") <= max(
                width_before, page.evaluate("window.innerWidth")), url
            page.keyboard.press("Escape")
            assert "is-open" not in (gloss.get_attribute("class") or ""), url
    context.close()


#: the lines of each element the selector finds on the page: its direction, its text and each
#: line's left and right edge
LINES_OF = """(selector) => [...document.querySelectorAll(selector)].map(run => {
  const range = document.createRange(); range.selectNodeContents(run);
  const lines = {};
  for (const r of range.getClientRects()) {
    if (r.width < 1) continue;
    const top = Math.round(r.top);
    const line = lines[top] || (lines[top] = {left: r.left, right: r.right});
    line.left = Math.min(line.left, r.left); line.right = Math.max(line.right, r.right);
  }
  return {dir: run.getAttribute('dir'), text: run.textContent, lines: Object.values(lines)};
})"""


@pytest.mark.parametrize("edition", ["en", "tr", "fa", "ar"])
def test_a_wrapped_title_of_the_other_direction_starts_each_line_at_its_side(
        browser: Browser, server: str, edition: str) -> None:
    """The table of papers gives each paper's original title: a Persian title that wraps in the
    English table, or a Turkish one in the Persian table, began its second line at the cell's
    side, the first line's end. Each line of a wrapped title starts where its language's lines
    start: a right-to-left title's lines at one right edge, a left-to-right title's at one left
    edge; so does the original title in the record, and its English title (or keywords) in the
    other editions: in the Persian and Arabic record on a phone, the English title's lines
    ended at the right, each starting somewhere else."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{server}{edition_prefix(edition)}papers/")
    titles = page.evaluate(LINES_OF, '.md-content .title-run')
    page.goto(f"{server}{edition_prefix(edition)}papers/kazemi-1403/")
    page.set_viewport_size({"width": 700, "height": 900})
    titles += page.evaluate(LINES_OF, '.md-content .title-run')
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{server}{edition_prefix(edition)}papers/kardeslik/")
    titles += page.evaluate(LINES_OF, '.record__field dd > span[lang][dir]:not(.record__by)')
    page.close()
    wrapped = [t for t in titles if len(t["lines"]) > 1]
    assert len(titles) >= 6 and [t for t in wrapped if t["dir"] != direction(edition)], titles
    if edition != "en":  # the English title of the record is one of them
        assert any(t["text"].startswith("From Brotherhood") for t in wrapped), titles
    for title in wrapped:
        side = "right" if title["dir"] == "rtl" else "left"
        edges = [line[side] for line in title["lines"]]
        assert max(edges) - min(edges) < 2, (edition, title)


LINE_START_DOTS = (Path(__file__).parent / "js" / "line_start_dots.js").read_text(encoding="utf-8")
SPLIT_PAGES = (Path(__file__).parent / "js" / "split_pages.js").read_text(encoding="utf-8")


@pytest.mark.parametrize("edition", ["en", "tr", "fa", "ar"])
def test_no_line_begins_with_a_separator_or_a_labels_page_number(browser: Browser, server: str,
                                                                 corpus, edition: str) -> None:
    """The «·» between the forms of a name, between two headings of a section, between links,
    ends its line: on a phone the English index set «· إلهام علييف» at the start of a line, and
    the narrow table of contents of a desktop «· Çalışmanın Önemi». A citation label that wraps
    keeps "p. 25" (s. 25, «ص. ۲۵») on one line: the Persian and Arabic index and glossary ended
    some 80 lines each on a phone with «ص.», its number beginning the next. So does the editors'
    prose, and it keeps a date with its calendar's mark: a note ended a line with "p." or «1370»
    and began the next with "338" or «هـ.ش»; so did the Solar Hijri dates of the Persian
    timeline, on a desktop, «(۴۵۰–۴۵۱» | «ه‍.ش)»."""
    papers = [f"papers/{key}/" for key in corpus.papers]
    dots = labels = prose = 0
    for width, paths in ((360, ["people-and-places/", "glossary/", "guide/", "timeline/",
                                *papers]),
                         (1280, ["timeline/", *papers])):
        page = browser.new_page(viewport={"width": width, "height": 800})
        for path in paths:
            page.goto(f"{server}{edition_prefix(edition)}{path}")
            dots += page.evaluate("document.querySelector('.md-main').textContent.split('·')"
                                  ".length - 1")
            assert page.evaluate(LINE_START_DOTS) == [], (width, path)
            split, count, places = page.evaluate(SPLIT_PAGES)
            labels, prose = labels + count, prose + places
            assert split == [], (width, path, split[:5])
        page.close()
    assert dots > 1000, dots  # the index, the glossary and the headings have separators
    assert labels > 1000, labels  # and the excerpts' labels, and the links to them
    assert prose > 100, prose  # and the notes their pages and dates


@pytest.mark.parametrize("edition", ["en", "tr", "fa", "ar"])
def test_a_name_in_the_index_is_not_cut_between_two_lines(browser: Browser, server: str,
                                                          edition: str) -> None:
    """On a phone, each form of a name at the head of an index entry moves to the next line
    whole: the Arabic «بندكت أندرسون» in the Turkish index began at the end of one line and ended
    at the start of the next. A form longer than a line starts each of its lines at its side."""
    page = browser.new_page(viewport={"width": 360, "height": 800}, is_mobile=True)
    page.goto(f"{server}{edition_prefix(edition)}people-and-places/")
    names = page.evaluate(LINES_OF, ".entity__name > span[dir]")
    page.close()
    assert len(names) > 300 and {n["dir"] for n in names} == {"ltr", "rtl"}
    for name in (n for n in names if len(n["lines"]) > 1):
        side = "right" if name["dir"] == "rtl" else "left"
        edges = [line[side] for line in name["lines"]]
        assert max(edges) - min(edges) < 2, (edition, name)


@pytest.mark.parametrize("edition", ["en", "tr", "fa", "ar"])
def test_the_record_fits_a_small_phone(browser: Browser, server: str, corpus, edition: str) -> None:
    """At 320 px the record's summary and its list of unstated fields fit the screen; the full
    record opens below them."""
    context = browser.new_context(viewport={"width": 320, "height": 700})
    page = context.new_page()
    prefix = edition_prefix(edition)
    for key in corpus.papers:
        page.goto(server + f"{prefix}papers/{key}/")
        record = page.locator(".record")
        for part in (".record__summary", ".record__missing-list", ".cite"):
            if record.locator(part).count():
                box = record.locator(part).bounding_box()
                assert box["x"] >= 0 and box["x"] + box["width"] <= 320 + 0.5, (key, part, box)
        width = page.evaluate("el => el.scrollWidth", record.locator(".record__summary")
                              .element_handle())
        assert width <= 320, (key, width)
    context.close()


@pytest.mark.parametrize("width", [320, 1280])
def test_the_records_values_start_at_one_edge(browser: Browser, server: str, corpus,
                                              width: int) -> None:
    """The record at a glance reads as two columns, on a phone as on a desktop: every value
    starts at the same edge (the left one, or the right one in Persian and Arabic), after the
    longest field name; a long name wraps rather than pushing its value aside."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    fields = 0
    for edition in ("en", "tr", "fa", "ar"):
        for key in corpus.papers:
            page.goto(server + f"{edition_prefix(edition)}papers/{key}/")
            starts = page.evaluate("""() => [...document.querySelectorAll('.record__field dd')]
                .map(dd => { const r = dd.getBoundingClientRect();
                             return getComputedStyle(dd).direction === 'rtl' ? r.right : r.left; })""")
            fields += len(starts)
            assert max(starts) - min(starts) < 1, (edition, key, width, starts)
    context.close()
    assert fields >= 100


#: the text of each cell of the site's own tables, row by row, as drawn: its start and end edges
#: in the reading direction, and the start edge of its column's heading
TABLE_CELLS = """(selector) => [...document.querySelectorAll(selector)].map(table => {
  const rtl = getComputedStyle(table).direction === 'rtl';
  const box = cell => { const range = document.createRange(); range.selectNodeContents(cell);
    const r = range.getBoundingClientRect();
    return rtl ? [-r.right, -r.left] : [r.left, r.right]; };
  const heads = [...table.querySelectorAll('thead th')].map(box);
  return [...table.querySelectorAll('tbody tr')].map(tr => [...tr.cells].map(
    (cell, i) => [...box(cell), heads.length ? heads[i][0] : null]));
})"""


def test_the_sites_own_tables_part_their_columns(browser: Browser, server: str) -> None:
    """The papers table and the full record have a class, which the theme's table styles leave
    out: on a desktop their columns stand apart (the text of a cell ends well before the next
    one starts, in either direction: not "Persian19", «فارسی۱۹»), and a heading starts where its
    column's text starts, not centred over it."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    rows = 0
    for edition in ("en", "tr", "fa", "ar"):
        for url, selector in ((f"{edition_prefix(edition)}", ".papers-table"),
                              (f"{edition_prefix(edition)}papers/kazemi-1403/", ".record__table")):
            page.goto(server + url)
            page.evaluate("document.querySelectorAll('details.record__full')"
                          ".forEach(d => { d.open = true; })")
            for table in page.evaluate(TABLE_CELLS, selector):
                for row in table:
                    rows += 1
                    for (_, end, _), (start, _, _) in itertools.pairwise(row):
                        assert start - end >= 12, (url, selector, row)
                    for start, _, head in row:
                        if head is not None:
                            assert abs(start - head) < 2, (url, selector, row)
    context.close()
    assert rows >= 4 * (5 + 15)


#: each number in an element's text (a date written with slashes, «۱۲۹۳/۰۵/۰۵», is one: its parts
#: stand left to right in every direction), in the order of the text, with where it is drawn
NUMBERS_DRAWN = """(element) => {
  const found = [];
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const match of node.data.matchAll(/[0-9\u06f0-\u06f9]+(?:[\\/.:][0-9\u06f0-\u06f9]+)*/g)) {
      const range = document.createRange();
      range.setStart(node, match.index); range.setEnd(node, match.index + match[0].length);
      const r = range.getClientRects()[0];
      found.push([match[0], r.top, r.left, r.right]);
    }
  }
  return found;
}"""


@pytest.mark.parametrize("edition", list(EDITIONS))
def test_a_span_of_time_reads_in_order(browser: Browser, server: str, edition: str) -> None:
    """A timeline event's span of time, «28 تموز/يوليو 1914 – 11 تشرين الثاني/نوفمبر 1918», read
    along its lines in the edition's direction, meets its numbers in the order they are written:
    the year of the first date, then the day of the second (not «1914 – 11» isolated as one
    left-to-right range of numbers, which a reader of Arabic read as «11 – 1914»)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(server + f"{edition_prefix(edition)}timeline/")
    spans = 0
    for date in page.locator(".event__date").all():
        numbers = date.evaluate(NUMBERS_DRAWN)
        rtl = date.evaluate("e => getComputedStyle(e).direction") == "rtl"
        if " – " not in (date.text_content() or "") or len(numbers) < 2:
            continue
        spans += 1
        lines: list[list[tuple[float, str, float]]] = []
        for text, top, left, right in numbers:
            if not lines or abs(top - lines[-1][0][0]) > 4:
                lines.append([])
            lines[-1].append((top, text, -right if rtl else left))
        read = [text for line in lines for _, text, _ in sorted(line, key=lambda n: n[2])]
        assert read == [text for text, *_ in numbers], (edition, date.text_content())
    context.close()
    assert spans >= 12


SH_DATES_CUT = (Path(__file__).parent / "js" / "sh_dates_cut.js").read_text(encoding="utf-8")


@pytest.mark.parametrize("width", [1280, 360])
def test_a_solar_hijri_date_of_the_timeline_stays_on_one_line(browser: Browser, server: str,
                                                              width: int) -> None:
    """In the Persian timeline's narrow column of dates on a desktop, «(۴۴۱–۴۴۲ – ۴۵۰–۴۵۱ ه‍.ش)»
    broke inside «۴۵۰–۴۵۱», the two Solar Hijri years that one Gregorian year overlaps. Each
    date now moves to the next line whole."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(server + "fa/timeline/")
    cut, dates = [], 0
    for solar in page.locator(".event__sh").all():
        found, count = solar.evaluate(SH_DATES_CUT)
        cut, dates = cut + found, dates + count
    page.close()
    assert dates > 100 and cut == [], (dates, cut)


def test_a_long_page_draws_its_first_screen_first_then_the_rest(browser: Browser,
                                                                server: str) -> None:
    """The excerpts below the first screen wait for the first view (content-visibility) and are
    all drawn once the page has loaded; the page's height then no longer changes."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.goto(server + "ar/papers/karabakh-war/")
    assert page.evaluate("getComputedStyle(document.querySelector('.excerpt'))"
                         ".contentVisibility") in ("auto", "visible")
    page.wait_for_function("() => document.documentElement.hasAttribute('data-reader-drawn')",
                           timeout=20000)
    states = page.evaluate("[...document.querySelectorAll('.excerpt')]"
                           ".map(e => getComputedStyle(e).contentVisibility)")
    assert len(states) > 20 and set(states) == {"visible"}, states
    height = page.evaluate("document.documentElement.scrollHeight")
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    page.wait_for_timeout(300)
    assert page.evaluate("document.documentElement.scrollHeight") == height
    context.close()


#: The browser's idle periods, replaced by ones whose deadline has a second left for `spare` more
#: checks, then none; each period records how many excerpts it drew.
IDLE_PERIODS = """spare => {
  window.__periods = [];
  window.requestIdleCallback = task => setTimeout(() => {
    const drawn = () => document.querySelectorAll('.excerpt--drawn').length;
    const before = drawn();
    let left = spare;
    task({didTimeout: false, timeRemaining: () => (left-- > 0 ? 1000 : 0)});
    window.__periods.push(drawn() - before);
  }, 0);
}"""


@pytest.mark.parametrize("spare, per_period", [(0, 1), (2, 3)])
def test_the_rest_is_drawn_an_excerpt_at_a_time_while_the_browser_is_idle(
        browser: Browser, server: str, spare: int, per_period: int) -> None:
    """Each idle period draws one excerpt, then another only while the time left in it (its
    deadline's `timeRemaining()`) is longer than the last one took: drawing an excerpt lays it
    out, and two at a time, whatever the time left, kept a phone busy for too long to answer a
    touch at once."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.add_init_script(f"({IDLE_PERIODS})({spare})")
    page.goto(server + "ar/papers/karabakh-war/")
    page.wait_for_function(DRAWN, timeout=20000)
    periods = page.evaluate("window.__periods")
    undrawn = page.evaluate("document.querySelectorAll('.excerpt:not(.excerpt--drawn)').length")
    context.close()
    assert undrawn == 0 and sum(periods) > 20, (undrawn, periods)
    assert all(count == per_period for count in periods[:-1]), periods
    assert 1 <= periods[-1] <= per_period, periods


def test_without_idle_callbacks_the_rest_is_drawn_all_the_same(browser: Browser,
                                                                 server: str) -> None:
    """A browser without `requestIdleCallback` (Safari's, on the iPhone) draws the rest one
    excerpt at a time on a timer: every excerpt is drawn, and the end is marked."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.add_init_script("delete window.requestIdleCallback")
    page.goto(server + "fa/papers/kazemi-1403/")
    page.wait_for_function(DRAWN, timeout=20000)
    counts = page.evaluate("""[document.querySelectorAll('.excerpt').length,
        document.querySelectorAll('.excerpt:not(.excerpt--drawn)').length,
        typeof window.requestIdleCallback]""")
    context.close()
    assert counts[0] > 15 and counts[1:] == [0, "undefined"], counts
