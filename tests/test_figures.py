"""The papers at a glance: the papers × concepts matrix and the timeline chart.

The expected numbers are computed here from the YAML files themselves, not through the hooks.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from itertools import pairwise
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from conftest import EDITIONS, ROOT, read_html
from figures import _MIN_TICK, Axis, cell_level, tick_years, year_fraction
from nav_file import paper_order
from PIL import Image
from playwright.sync_api import Browser, Locator
from sanitize import UnsafeContent, sanitize

DATA = ROOT / "docs" / "data"
_TO_LATIN = str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789")


def _papers() -> dict[str, dict]:
    """Each paper's data file, in the menu's order, as the site lists the papers."""
    order = paper_order(ROOT)
    out = {}
    for path in sorted((DATA / "papers").glob("*.yml"), key=lambda p: order.index(p.stem)):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        out[data["key"]] = data
    return out


def expected_counts() -> dict[tuple[str, str], int]:
    """(term, paper) -> the number of the paper's excerpts tagged with the term."""
    counts: dict[tuple[str, str], int] = {}
    for key, paper in _papers().items():
        for excerpt in paper["excerpts"]:
            for term in excerpt.get("terms") or []:
                counts[(term, key)] = counts.get((term, key), 0) + 1
    return counts


def excerpt_papers() -> dict[str, str]:
    return {e["id"]: key for key, p in _papers().items() for e in p["excerpts"]}


def events() -> list[dict]:
    return yaml.safe_load((DATA / "events.yml").read_text(encoding="utf-8"))


def page_url(edition: str, name: str) -> str:
    return f"{name}/" if edition == "en" else f"{edition}/{name}/"


def assert_resolves(site: Path, base: str, href: str) -> None:
    """`href`, seen from the page at `base`, leads to an existing page and element id."""
    target = urlsplit(urljoin("http://site/" + base, href))
    assert target.fragment, f"{href} on {base} names no anchor"
    soup = read_html(site, target.path.lstrip("/"))
    assert soup.find(id=target.fragment) is not None, f"{href} on {base}: no #{target.fragment}"


# --- units ------------------------------------------------------------------------------------

def test_the_axis_keeps_the_order_of_time_and_spreads_the_marks() -> None:
    years = [year_fraction(e["date"]) for e in sorted(events(), key=lambda e: e["date"])]
    axis = Axis.spread(years)
    gaps = [b - a for a, b in pairwise(axis.xs)]
    assert min(gaps) >= 9.0 - 1e-9
    ticks = tick_years(axis, int(years[0]), int(years[-1]) + 1)
    positions = [axis.x(float(y)) for y in ticks]
    assert positions == sorted(positions) and len(ticks) >= 5
    assert all(b - a >= _MIN_TICK - 1e-9 for a, b in pairwise(positions))


def test_cell_shades() -> None:
    assert [cell_level(n) for n in (0, 1, 2, 3, 4, 7, 30)] == [0, 1, 2, 2, 3, 4, 4]


FIGURE_SVG = ('<svg class="tl-chart" viewBox="0 0 10 10" width="10" height="10" role="group" '
              'aria-labelledby="c"><g class="tl-events"><a class="tl-event" href="#event-x">'
              '<title>1918</title><line class="tl-stem" x1="1" y1="1" x2="1" y2="5"/>'
              '<circle class="tl-dot tl-p1" cx="1" cy="1" r="4.5"/></a>'
              '<text class="tl-year" x="1" y="9">1918</text></g></svg>')


def test_the_figures_svg_passes_the_allow_list() -> None:
    clean = sanitize(FIGURE_SVG, "docs/en/timeline.md")
    assert 'viewBox="0 0 10 10"' in clean and 'href="#event-x"' in clean and "<circle" in clean


@pytest.mark.parametrize("hostile", [
    '<svg><script>alert(1)</script></svg>',
    '<svg onload="alert(1)"><g></g></svg>',
    '<svg><foreignObject><p>x</p></foreignObject></svg>',
    '<svg><a href="javascript:alert(1)"><circle r="1"/></a></svg>',
    '<svg><a href="jav&#x61;script:alert(1)"><text>x</text></a></svg>',
    '<svg><circle r="1" onclick="alert(1)"/></svg>',
    '<svg><style>circle{}</style></svg>',
    '<svg><circle r="1" style="fill:red"/></svg>',
    '<svg><use href="#x"/></svg>',
    '<svg><image href="https://example.org/x.png"/></svg>',
    '<svg><animate attributeName="href" to="javascript:alert(1)"/></svg>',
])
def test_hostile_svg_is_refused(hostile: str) -> None:
    with pytest.raises(UnsafeContent):
        sanitize(hostile, "docs/en/timeline.md")


# --- the built site ---------------------------------------------------------------------------

@pytest.mark.parametrize("edition", EDITIONS)
def test_matrix_counts_equal_the_data(site: Path, edition: str) -> None:
    counts, papers = expected_counts(), _papers()
    terms = yaml.safe_load((DATA / "glossary.yml").read_text(encoding="utf-8"))
    table = read_html(site, page_url(edition, "glossary")).select_one("figure table.concepts")
    assert table is not None
    heads = [th.get_text(strip=True) for th in table.select("thead th.concepts__paper")]
    assert heads == [p["short_title"][edition] for p in papers.values()]
    rows = {tr["data-term"]: tr for tr in table.select("tbody tr")}
    assert set(rows) == set(terms)
    for term, row in rows.items():
        assert row.th.get_text(strip=True) == terms[term][edition]
        cells = row.select("td.concepts__cell")
        assert [td["data-paper"] for td in cells] == list(papers)
        for td in cells:
            assert int(td.get_text(strip=True).translate(_TO_LATIN)) == counts.get(
                (term, td["data-paper"]), 0), (edition, term, td["data-paper"])
            assert (td.a is not None) == bool(counts.get((term, td["data-paper"])))


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_matrix_link_resolves(site: Path, edition: str) -> None:
    url = page_url(edition, "glossary")
    links = read_html(site, url).select("figure.figure--concepts a[href]")
    assert len(links) > 100
    for link in links:
        assert_resolves(site, url, link["href"])


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_chart_has_one_linked_mark_per_event(site: Path, edition: str) -> None:
    url = page_url(edition, "timeline")
    soup = read_html(site, url)
    marks = soup.select("figure.figure--timeline svg a.tl-event")
    assert [m["data-event"] for m in marks] == [
        e["id"] for e in sorted(events(), key=lambda e: e["date"])]
    owner = excerpt_papers()
    lanes = {key: n + 1 for n, key in enumerate(_papers())}
    for mark, event in zip(marks, sorted(events(), key=lambda e: e["date"]), strict=True):
        assert mark["href"] == f"#event-{event['id']}"
        assert_resolves(site, url, mark["href"])
        dots = {int(c["class"][1].removeprefix("tl-p")) for c in mark.select("circle.tl-dot")}
        assert dots == {lanes[owner[i]] for i in event["excerpts"]}
        assert mark.title and mark.title.get_text(strip=True)
    figure = soup.select_one("figure.figure--timeline")
    assert soup.find(id=figure["aria-describedby"]).name == "ol"


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_chart_is_valid_svg_without_script(site: Path, edition: str) -> None:
    html = (site / page_url(edition, "timeline") / "index.html").read_text(encoding="utf-8")
    found = re.findall(r"<svg class=\"tl-chart\".*?</svg>", html, re.S)
    assert len(found) == 1
    root = ET.fromstring(found[0])  # well-formed XML, or this raises
    names = {el.tag for el in root.iter()}
    assert names <= {"svg", "g", "line", "text", "a", "title", "circle"}, names
    for el in root.iter():
        assert not [k for k in el.attrib if k.lower().startswith("on") or k == "style"]
        assert not el.get("href", "").lower().startswith("javascript")


def test_the_persian_chart_shows_solar_hijri_years(site: Path) -> None:
    soup = read_html(site, page_url("fa", "timeline"))
    gregorian = [t.get_text() for t in soup.select("svg.tl-chart text.tl-year:not(.tl-year--sh)")]
    solar = [t.get_text() for t in soup.select("svg.tl-chart text.tl-year--sh")]
    assert solar and all(re.fullmatch("[۰-۹]+", y) for y in gregorian + solar)
    assert [int(y.translate(_TO_LATIN)) for y in solar] == [
        int(y.translate(_TO_LATIN)) - 621 for y in gregorian]
    assert not read_html(site, "timeline/").select("svg.tl-chart text.tl-year--sh")


@pytest.mark.site
def test_an_event_before_the_solar_hijri_calendar_is_drawn_and_listed(tmp_path: Path) -> None:
    """An event dated before the Solar Hijri calendar's first day (March 622) stopped the build
    with a traceback: the Persian timeline and chart give it no Solar Hijri date, and the other
    events keep theirs."""
    import shutil

    from apparatus_html import timeline_html
    from figures import timeline_chart_html
    from reader_build import ReaderBuild

    shutil.copytree(ROOT / "docs", tmp_path / "docs", ignore=shutil.ignore_patterns("assets"))
    events = tmp_path / "docs" / "data" / "events.yml"
    text = events.read_text(encoding="utf-8")
    assert 'date: "1054"' in text
    events.write_text(text.replace('date: "1054"', 'date: "0500-05-01"', 1), encoding="utf-8")
    build = ReaderBuild.load(tmp_path / "docs")
    for edition in [e for e in EDITIONS if e != "fa"] + ["fa"]:
        build.start_edition(edition)
        chart, listed = timeline_chart_html(build, "timeline/"), timeline_html(build, "timeline/")
        assert 'datetime="0500-05-01"' in listed and "tl-chart" in chart
    solar = [int(t.translate(_TO_LATIN)) for t in re.findall(r'tl-year--sh"[^>]*>([۰-۹]+)<', chart)]
    assert solar and min(solar) >= 1
    event = re.search(r'<li class="event" id="event-seljuk-overlordship-1054".*?</li>', listed, re.S)
    assert event and "event__sh" not in event.group(0)
    assert listed.count("event__sh") == len(build.app.events) - 1


@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("name", ["glossary", "timeline"])
def test_no_page_scroll_on_a_phone(browser: Browser, server: str, edition: str,
                                   name: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.goto(server + page_url(edition, name))
    figure = page.locator("figure.figure").first
    figure.scroll_into_view_if_needed()
    assert figure.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    scroller = figure.locator(".figure__scroll")
    assert scroller.get_attribute("tabindex") == "0" and scroller.get_attribute("aria-labelledby")
    if name == "timeline":  # the chart scrolls inside its own box, not the page
        assert scroller.evaluate("e => e.scrollWidth > e.clientWidth")
        box = scroller.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390
    context.close()


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_keyboard_can_skip_the_timeline_chart(browser: Browser, server: str,
                                                  edition: str) -> None:
    """Before the chart's marks (one link each) a link, out of sight until focused and named in
    the edition's language, leads past them to the list of events."""
    ui = yaml.safe_load((ROOT / "docs" / "data" / "ui.yml").read_text(encoding="utf-8"))
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    page.goto(server + page_url(edition, "timeline"))
    figure = page.locator("figure.figure--timeline")
    skip = figure.locator("a.figure__skip")
    assert figure.locator("a[href], [tabindex]").first.evaluate(
        "(el) => el.classList.contains('figure__skip')")
    assert skip.text_content() == ui[edition]["timeline_chart_skip"]
    hidden = skip.bounding_box()
    assert hidden and hidden["width"] <= 1 and hidden["height"] <= 1
    skip.focus()
    shown = skip.bounding_box()
    assert shown and shown["width"] > 40 and shown["height"] > 8
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('#timeline-list') !== null")
    context.close()


def _edge_shades(scroller: Locator) -> tuple[float, float]:
    """How much darker (or, in the dark palette, lighter) than the page the box's left and right
    edges are drawn, with the figure itself hidden: the shadows alone."""
    scroller.evaluate("e => { e.firstElementChild.style.visibility = 'hidden'; }")
    image = Image.open(io.BytesIO(scroller.screenshot())).convert("L")
    scroller.evaluate("e => { e.firstElementChild.style.visibility = ''; }")
    width, height = image.size
    middle = height // 2
    page = image.getpixel((width // 2, middle))

    def shade(x: int) -> float:
        return abs(float(image.getpixel((x, middle))) - float(page))  # type: ignore[arg-type]
    return shade(1), shade(width - 2)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("edition", EDITIONS)
def test_a_figure_wider_than_its_column_shows_where_more_of_it_lies(
        browser: Browser, server: str, edition: str, scheme: str) -> None:
    """The timeline chart, wider than a desktop's column, scrolls inside its box: a shadow
    marks the side where more of it lies out of sight (its end: the right in English and
    Turkish, the left in Persian and Arabic), and moves to the other side once the reader has
    scrolled to the end."""
    context = browser.new_context(viewport={"width": 1280, "height": 900},
                                  color_scheme="dark" if scheme == "dark" else "light")
    page = context.new_page()
    page.goto(server + page_url(edition, "timeline"))
    assert page.evaluate("document.body.dataset.mdColorScheme") == (
        "slate" if scheme == "dark" else "default")
    scroller = page.locator("figure.figure--timeline .figure__scroll")
    scroller.scroll_into_view_if_needed()
    assert scroller.evaluate("e => e.scrollWidth > e.clientWidth + 100")
    rtl = EDITIONS[edition] == "rtl"
    left, right = _edge_shades(scroller)
    start, end = (right, left) if rtl else (left, right)
    assert end > 12 and start < 3, (start, end)
    scroller.evaluate("e => { e.scrollLeft = e.scrollLeft + (e.dir === 'rtl' || "
                      "getComputedStyle(e).direction === 'rtl' ? -1 : 1) * e.scrollWidth; }")
    left, right = _edge_shades(scroller)
    start, end = (right, left) if rtl else (left, right)
    assert start > 12 and end < 3, (start, end)
    context.close()


_PAPER_HEADS = """() => Array.from(document.querySelectorAll('table.concepts th.concepts__paper'), (th) => {
  const r = th.getBoundingClientRect();
  const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return {top: r.top, bottom: r.bottom, x: r.left + r.width / 2,
          shown: !!hit && hit.closest('th') === th};
})"""
_FOCUSED = "() => { const r = document.activeElement.getBoundingClientRect(); return [r.top, r.bottom]; }"


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("edition", EDITIONS)
def test_the_matrix_keeps_its_papers_in_view(browser: Browser, server: str, edition: str,
                                             width: int) -> None:
    """Down the matrix's seventy rows the header row (the papers) stays in view: on a desktop,
    where the table fits its column, under the theme's header as the page scrolls; on a phone,
    where it does not, at the top of its box, which is no taller than the screen. A link the
    keyboard reaches is never under that row, and on paper the box holds the whole table."""
    page = browser.new_page(viewport={"width": width, "height": 800})
    page.goto(server + page_url(edition, "glossary"))
    page.wait_for_function("() => document.fonts.status === 'loaded'")
    box = page.locator("figure.figure--concepts .figure__scroll")
    header = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
    if width == 1280:
        assert box.get_attribute("data-reader-fits") == "" and box.get_attribute("tabindex") is None
        page.locator("table.concepts tbody tr").nth(35).evaluate(
            "e => e.scrollIntoView({block: 'center'})")
        top, left, right = header, 0, width
    else:
        assert box.get_attribute("data-reader-fits") is None and box.get_attribute("tabindex") == "0"
        # down to the box (scrolling up would bring out the theme's "back to top" button)
        box.evaluate("(e, header) => { e.scrollTop = e.scrollHeight / 2; window.scrollTo(0, "
                     "e.getBoundingClientRect().top + window.scrollY - header); }", header)
        frame = box.bounding_box()
        assert frame and frame["height"] <= 800 - header
        top, left, right = frame["y"], frame["x"], frame["x"] + frame["width"]
    heads = page.evaluate(_PAPER_HEADS)
    assert len(heads) == 5
    heads = [head for head in heads if left < head["x"] < right]  # on a phone, those in sight
    assert len(heads) >= 3
    for head in heads:
        assert head["shown"] and abs(head["top"] - top) <= 1, (head, top)
    page.locator("table.concepts tbody a").last.focus()
    for _ in range(12):
        page.keyboard.press("Shift+Tab")
        focused_top, focused_bottom = page.evaluate(_FOCUSED)
        assert focused_top >= max(head["bottom"] for head in heads) - 1 and focused_bottom <= 800
    page.emulate_media(media="print")
    assert box.evaluate("e => e.clientHeight >= e.querySelector('table').offsetHeight")
    page.close()
