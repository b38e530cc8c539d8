"""The edition switch in the header opens the other edition of the page where the reader is: at
the excerpt, glossary entry, index entry, event or section at the top of the screen (reader.js,
`readingPlace`), whose anchor is the same in every edition; elsewhere at the page's top."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import read_html
from languages import EDITIONS, edition_prefix
from playwright.sync_api import Browser, Page
from test_a11y import DRAWN

ROOT = Path(__file__).resolve().parents[1]
READER_JS = ROOT / "docs" / "assets" / "js" / "reader.js"


def _selector(name: str) -> str:
    """A selector string reader.js defines (`var NAME = "…" + "…";`), its parts joined."""
    script = READER_JS.read_text(encoding="utf-8")
    found = re.search(rf"var {name} = (.*?);\n", script, re.S)
    assert found, f"reader.js defines no {name}"
    parts = re.findall(r'"((?:[^"\\]|\\.)*)"|\b([A-Z]+)\b', found.group(1))
    return "".join(text or _selector(ref) for text, ref in parts)


def _switch(page: Page, to: str, phone: bool) -> None:
    """Pick the edition `to` in the header's edition menu, as a reader does: a tap on the button
    on a phone, the pointer over it on a desktop."""
    menu = page.locator(".md-header .md-select").first
    if phone:
        menu.locator("button").tap()
    else:
        menu.hover()
    link = menu.locator(f"a[hreflang={to}]").bounding_box()
    assert link, f"the menu does not show {to}"
    # where the link is drawn (the locator's own click would first scroll the page to it)
    x, y = link["x"] + link["width"] / 2, link["y"] + link["height"] / 2
    with page.expect_navigation():
        if phone:
            page.touchscreen.tap(x, y)
        else:
            page.mouse.click(x, y)
    page.wait_for_function(DRAWN, timeout=20000)


def _open(browser: Browser, server: str, url: str, phone: bool) -> Page:
    context = browser.new_context(viewport={"width": 390 if phone else 1280, "height": 844},
                                  is_mobile=phone, has_touch=phone)
    page = context.new_page()
    page.goto(server + url)
    page.wait_for_function(DRAWN, timeout=20000)
    return page


#: (page, the element scrolled to the top of the screen, edition switched to, anchor opened,
#: on a phone or a desktop): each kind of place, from each edition, with a tap and a pointer
PLACES = [
    ("fa/papers/kazemi-1403/", "#kazemi-shusha", "tr", "kazemi-shusha", True),
    ("papers/karabakh-war/", "#sec-preliminary", "ar", "sec-preliminary", False),
    ("ar/glossary/", "#term-shusha-declaration", "en", "term-shusha-declaration", True),
    ("tr/people-and-places/", "li.entity >> nth=40", "fa", None, False),
    ("timeline/", "li.event >> nth=30", "tr", None, True),
    ("tr/packets/iran/", "article.excerpt >> nth=3", "fa", None, False),
    ("ar/glossary/", ".term li[id] >> nth=20", "tr", None, False),
]


@pytest.mark.parametrize("url, at, to, anchor, phone", PLACES)
def test_the_other_edition_opens_where_the_reader_is(browser: Browser, server: str, url: str,
                                                    at: str, to: str, anchor: str | None,
                                                    phone: bool) -> None:
    page = _open(browser, server, url, phone)
    target = page.locator(at).first
    anchor = anchor or target.get_attribute("id")
    assert anchor
    # the place a little below the header, the end of the one before it still in sight
    target.evaluate("""el => {
        el.scrollIntoView({behavior: 'instant'});
        const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
        window.scrollBy({top: el.getBoundingClientRect().top - header - 30, behavior: 'instant'});
    }""")
    _switch(page, to, phone)
    path = next(url.removeprefix(edition_prefix(e)) for e in reversed(list(EDITIONS))
                if url.startswith(edition_prefix(e)))
    assert page.url == f"{server}{edition_prefix(to)}{path}#{anchor}"
    top = page.evaluate("id => document.getElementById(id).getBoundingClientRect().top", anchor)
    assert 0 <= top < 200, (anchor, top)
    page.context.close()


@pytest.mark.parametrize("url, to", [("fa/papers/masoumi-2025/", "en"), ("tr/guide/", "ar")])
def test_at_a_heading_of_the_pages_own_words_the_other_edition_opens_at_its_top(
        browser: Browser, server: str, url: str, to: str) -> None:
    """A summary's heading (`#خلاصه`, `#ozet`) has no place in the other edition: the other edition
    opens at its top, not at an anchor it lacks; so it does from the top of the page."""
    page = _open(browser, server, url, phone=False)
    _switch(page, to, phone=False)
    assert "#" not in page.url and page.evaluate("window.scrollY") == 0
    page.go_back()
    page.wait_for_function(DRAWN, timeout=20000)
    page.locator(".md-content h2").nth(1).evaluate("""el => {
        el.scrollIntoView({behavior: 'instant'});
        window.scrollBy({top: 100, behavior: 'instant'});
    }""")
    _switch(page, to, phone=False)
    assert "#" not in page.url and page.evaluate("window.scrollY") == 0
    page.context.close()


def test_every_place_the_switch_keeps_is_in_every_edition(site: Path) -> None:
    """Every element the switch takes for a place has its anchor on the same page of every
    edition (a place only one edition has would open the other at a missing anchor)."""
    places = _selector("PLACES")
    assert "article.excerpt" in places and "sec-" in places
    counted = 0
    for page in sorted(site.glob("**/index.html")):
        path = page.relative_to(site).as_posix()
        if path.split("/")[0] in EDITIONS and path.split("/")[0] != "en":
            continue  # read from the English page
        ids = {}
        for edition in EDITIONS:
            content = read_html(site, edition_prefix(edition) + path).select_one(".md-content")
            ids[edition] = {e["id"] for e in content.select(places)} if content else set()
        counted += len(ids["en"])
        for edition, found in ids.items():
            assert found == ids["en"], (path, edition, sorted(found ^ ids["en"])[:5])
    assert counted > 500
