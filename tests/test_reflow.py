"""In Chromium: pages reflow for a reader who enlarges them. A phone zoomed in lays a page out
narrower (a 390 px phone at 150 % is 260 px wide), a large text size makes every line hold fewer
words; neither may widen the page past the screen, nor run a record's field name into its value.
WCAG's reflow criterion asks for 320 px; a phone's zoom goes further."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import phone_page
from languages import EDITIONS, edition_prefix
from playwright.sync_api import Browser
from test_a11y import DRAWN
from test_search import open_search, run_query
from test_site import edition_urls

WIDER = (Path(__file__).parent / "js" / "wider_than_screen.js").read_text(encoding="utf-8")
WIDEST = (Path(__file__).parent / "js" / "widest_while_drawn.js").read_text(encoding="utf-8")

#: a 390 px phone zoomed to 150 % (Chrome's zoom setting)
ZOOMED = 260

#: Chromium's "very large" text size (the default is 16 px)
LARGE_TEXT = 24


@pytest.mark.parametrize("width,text", [(ZOOMED, 16), (320, LARGE_TEXT)],
                         ids=["zoomed-in", "large-text"])
@pytest.mark.parametrize("edition", list(EDITIONS))
def test_no_page_is_wider_than_a_phone_enlarged(browser: Browser, server: str, site: Path,
                                                edition: str, width: int, text: int) -> None:
    """Every page of the edition fits a phone zoomed in (260 px) or a small phone in very large
    text (320 px, 24 px text), drawn whole and at every frame while it is drawn. A short run kept
    on one line (a title or a citation in a note, `.unbroken`) wider than its line breaks after
    all: kept whole, «KARDEŞLİKTEN STRATEJİK İTTİFAKA» in a note made the Persian and Arabic
    Kardeşlik pages 287 px wide, and the Turkish title of an excerpt's label the Arabic
    disagreements page 261 px. In very large text the header's title kept its margins where it
    had no room left, and its buttons made every page 330 px wide."""
    urls = edition_urls(site, edition)
    assert len(urls) >= 19, urls
    context, page = phone_page(browser, width, 700, text, has_touch=True)
    page.add_init_script(WIDEST)
    wide = []
    for url in urls:
        page.goto(server + url)
        page.wait_for_function(DRAWN, timeout=20000)
        measured, window, found = page.evaluate(WIDER)
        if measured > window:
            wide.append(f"{url}: {measured} px, {found}")
        widest, shift = page.evaluate("window.readerWidest")
        if widest > window or shift:
            wide.append(f"{url}: {widest} px while drawn, {shift} px to the side")
    context.close()
    assert not wide, "\n".join(wide)


#: the white-space of the page's first short run kept on one line
RUN_WRAPPING = "getComputedStyle(document.querySelector('.unbroken')).whiteSpace"

#: a small phone at its usual text size: 22.5em wide, where runs stay whole without JavaScript
SMALL_PHONE = 360


@pytest.mark.parametrize("edition", list(EDITIONS))
def test_without_javascript_no_page_is_wider_than_a_phone_enlarged(browser: Browser, server: str,
                                                                   site: Path,
                                                                   edition: str) -> None:
    """Without JavaScript nothing fits a short run to its line (reader.js). Kept whole, a run
    wider than its line made 14 Persian and Arabic pages up to 369 px wide at 320 px in very large
    text (the title «Kardeşlikten Stratejik İttifaka» in the index, a timeline's dates), and
    Persian and Arabic papers' pages up to 309 px wide at 260 px: on so narrow a screen a run may
    break where its words do. On a small phone at its usual text size the runs stay whole (a
    citation broken in a line of the other direction reads out of order), and no page is wider
    than the screen either."""
    urls = edition_urls(site, edition)
    wide, whole = [], {}
    for width, text in ((ZOOMED, 16), (320, LARGE_TEXT), (SMALL_PHONE, 16)):
        context, page = phone_page(browser, width, 700, text, java_script_enabled=False)
        for url in urls:
            page.goto(server + url)
            measured, window, found = page.evaluate(WIDER)
            if measured > window:
                wide.append(f"{url} at {width} px, {text} px text: {measured} px, {found}")
        page.goto(server + f"{edition_prefix(edition)}papers/kazemi-1403/")
        assert page.evaluate("document.documentElement.className") == "no-js"
        whole[width] = page.evaluate(RUN_WRAPPING) == "nowrap"
        context.close()
    assert not wide, "\n".join(wide)
    assert whole == {ZOOMED: False, 320: False, SMALL_PHONE: True}


def test_a_run_breaks_only_where_it_is_wider_than_its_line(browser: Browser, server: str) -> None:
    """The runs that fit their line stay whole: on a 390 px phone and on a desktop no run of the
    Persian Kardeşlik page may break; at 260 px those wider than their line may, and do so no
    longer once the window is wide again."""
    context = browser.new_context(viewport={"width": ZOOMED, "height": 700})
    page = context.new_page()
    page.goto(server + "fa/papers/kardeslik/")
    page.wait_for_function(DRAWN, timeout=20000)
    marked = "document.querySelectorAll('.unbroken.unbroken--wraps').length"
    assert page.evaluate(marked) > 0
    assert page.evaluate("document.querySelectorAll('.unbroken').length") > page.evaluate(marked)
    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 800})
        page.wait_for_function(f"() => !{marked}", timeout=5000)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
    context.close()


#: two frames of the page drawn
FRAMES = "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"

#: each record field whose name's text runs past its own box, or into its value's text (beside
#: it, or, in a narrow record, above it)
CROWDED_FIELDS = """() => [...document.querySelectorAll('.record__field')].flatMap((field) => {
  const [name, value] = [field.querySelector('dt'), field.querySelector('dd')];
  const text = (e) => { const r = document.createRange(); r.selectNodeContents(e);
                        return r.getBoundingClientRect(); };
  const [n, v] = [text(name), text(value)];
  const apart = n.right <= v.left + 0.5 || v.right <= n.left + 0.5 || n.bottom <= v.top + 0.5;
  return name.scrollWidth > name.clientWidth + 1 || !apart ? [name.textContent.trim()] : [];
})"""

#: a record's dates with a calendar's mark («1403/05/12 SH», glued by a no-break space): each
#: one as [its text, whether the mark is on the date's line]
DATE_MARKS = r"""() => [...document.querySelectorAll('.record__field dd')].flatMap((dd) => {
  const walker = document.createTreeWalker(dd, NodeFilter.SHOW_TEXT);
  const dates = [];
  for (let before = null, node = walker.nextNode(); node; before = node, node = walker.nextNode()) {
    const mark = /^\u00a0(\S+)/.exec(node.data);
    if (!mark || !before || !/\d$/.test(before.data)) continue;
    const range = document.createRange();
    range.setStart(before, before.data.length - 1);
    range.setEnd(node, mark[0].length);
    const tops = [...range.getClientRects()].map((rect) => rect.top);
    dates.push([before.data + node.data, Math.max(...tops) - Math.min(...tops) <= 8]);
  }
  return dates;
})"""


@pytest.mark.parametrize("edition", list(EDITIONS))
def test_a_records_field_names_keep_their_column_in_large_text(browser: Browser, server: str,
                                                               corpus, edition: str) -> None:
    """In Chromium's very large text on a 390 px phone the record at a glance keeps its two
    columns apart: a name's column is at least as wide as its longest word. Squeezed to fit 13em
    of value beside it, the Arabic "(بالإنجليزية)" ran over the English title beside it. At
    320 px each name stands above its value, and a date keeps its calendar's mark on its line:
    beside the names «1403/05/12 SH» broke between S and H."""
    context, page = phone_page(browser, 390, 844, LARGE_TEXT)
    crowded, parted, fields, dated = [], [], 0, 0
    for key in corpus.papers:
        page.goto(server + f"{edition_prefix(edition)}papers/{key}/")
        # the theme's root size is 125 % of the reader's: 20 px at the default text size
        assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "30px"
        fields += page.evaluate("document.querySelectorAll('.record__field').length")
        crowded += [f"{key}: {name}" for name in page.evaluate(CROWDED_FIELDS)]
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, key
        page.set_viewport_size({"width": 320, "height": 844})
        page.evaluate(FRAMES)  # the runs are fitted again on the frame after a resize
        crowded += [f"{key} at 320 px: {name}" for name in page.evaluate(CROWDED_FIELDS)]
        dates = page.evaluate(DATE_MARKS)
        dated += len(dates)
        parted += [f"{key}: {date}" for date, whole in dates if not whole]
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, key
        page.set_viewport_size({"width": 390, "height": 844})
    context.close()
    # (the Persian edition's dates are the papers' own calendar, written without its mark)
    assert fields >= 20 and dated >= (0 if edition == "fa" else 4)
    assert not crowded, crowded
    assert not parted, parted


#: each text of the search's results that runs past its own box
CROWDED_RESULTS = """() => [...document.querySelectorAll('[data-search-results] a *')]
  .filter((e) => getComputedStyle(e).display !== 'inline' && e.scrollWidth > e.clientWidth + 1)
  .map((e) => e.textContent.trim().slice(0, 50))"""


@pytest.mark.parametrize("url", ["fa/papers/kardeslik/", "ar/papers/kazemi-1403/"])
def test_a_page_stays_within_the_screen_while_it_is_drawn(browser: Browser, server: str,
                                                         url: str) -> None:
    """In very large text on a 390 px phone, no frame of the page is wider than the screen while
    its excerpts are drawn. A run was fitted a step after its excerpt was drawn, and not at all
    in an excerpt the browser drew of itself: for up to a second the Persian Kardeşlik page was
    429 px wide and stood 38 px off to the side, the Arabic Kazemi page 393 px."""
    context, page = phone_page(browser, 390, 844, LARGE_TEXT)
    page.add_init_script(WIDEST)
    page.goto(server + url)
    page.wait_for_function(DRAWN, timeout=20000)
    width, shift = page.evaluate("window.readerWidest")
    context.close()
    assert width <= 390 and shift == 0, (url, width, shift)


@pytest.mark.parametrize("edition", ["fa", "ar"])
def test_search_results_fit_a_zoomed_in_phone(browser: Browser, server: str,
                                              edition: str) -> None:
    """At 260 px the search's results fit the dialog: a Turkish title in a label, kept on one
    line, broke out of the result's title on the left («[…deşlikten Stratejik İttifaka]»)."""
    context = browser.new_context(viewport={"width": ZOOMED, "height": 700}, is_mobile=True,
                                  has_touch=True)
    page = context.new_page()
    open_search(page, server, edition, "")
    assert len(run_query(page, "Kardeşlikten Stratejik")) >= 5
    crowded = page.evaluate(CROWDED_RESULTS)
    context.close()
    assert not crowded, crowded


@pytest.mark.parametrize("url", ["fa/papers/kardeslik/#kardeslik-4-1-first-war-reform",
                                 "ar/papers/kardeslik/#kardeslik-2-2-early-policy"])
def test_an_address_opens_at_its_excerpt_on_a_zoomed_in_phone(browser: Browser, server: str,
                                                              url: str) -> None:
    """Opened by its address at 260 px, an excerpt is at the top of the screen once the page is
    drawn: as the excerpts above it were drawn, the browser's scroll anchoring lost it, and the
    page stood 7,000–14,000 px from it."""
    context = browser.new_context(viewport={"width": ZOOMED, "height": 700}, is_mobile=True,
                                  has_touch=True)
    page = context.new_page()
    page.goto(server + url)
    page.wait_for_function(DRAWN, timeout=20000)
    top = page.evaluate("id => document.getElementById(id).getBoundingClientRect().top",
                        url.split("#")[1])
    context.close()
    assert 0 <= top < 200, (url, top)
