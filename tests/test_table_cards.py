"""Data tables that read as cards on a phone (hooks/table_cards.py, reader.js, reader.css): each
body cell says its column, and a table too wide for a phone shows each row as a card."""

from __future__ import annotations

from html_tokens import serialize, tokenize
from playwright.sync_api import Browser
from table_cards import card_tables


def labelled(markup: str) -> str:
    return serialize(card_tables(tokenize(markup)))


def test_each_body_cell_carries_its_columns_heading() -> None:
    table = ("<table><thead><tr><th>No.</th><th>Interviewee <em>&amp; role</em></th>"
             "<th>Year</th></tr></thead><tbody><tr><td>1</td><td>Dr Zarif</td><td>1400</td></tr>"
             '<tr><td colspan="2">both</td><td>1403</td></tr></tbody></table>')
    assert labelled(table) == (
        "<table><thead><tr><th>No.</th><th>Interviewee <em>&amp; role</em></th>"
        '<th>Year</th></tr></thead><tbody><tr><td data-label="No.">1</td>'
        '<td data-label="Interviewee &amp; role">Dr Zarif</td><td data-label="Year">1400</td></tr>'
        '<tr><td colspan="2" data-label="No.">both</td><td data-label="Year">1403</td></tr>'
        "</tbody></table>")


def test_tables_without_a_header_row_or_of_the_sites_own_are_left_as_they_are() -> None:
    headless = "<table><tbody><tr><td>a</td><td>b</td></tr></tbody></table>"
    own = ('<table class="papers-table"><thead><tr><th>Paper</th></tr></thead>'
           "<tbody><tr><td>x</td></tr></tbody></table>")
    assert labelled(headless) == headless
    assert labelled(own) == own
    nested = ("<table><thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><td>" + own +
              "</td><td>b</td></tr></tbody></table>")
    assert labelled(nested) == nested.replace("<td><table", '<td data-label="A"><table').replace(
        "</table></td><td>b", '</table></td><td data-label="B">b')


def test_a_column_markdown_aligns_is_aligned_by_a_class_any_other_style_is_left() -> None:
    """Markdown writes a column's alignment as a style, which the sanitiser refuses; the cell is
    given the class of its alignment, to the start or the end of the line. Any other style is
    left for the sanitiser to refuse."""
    table = ('<table><thead><tr><th style="text-align: left;">A</th><th style="text-align: '
             'right;">B</th><th style="text-align: center;" class="x">C</th></tr></thead><tbody>'
             '<tr><td style="text-align: right;">1</td><td style="color: red">2</td>'
             '<td style="text-align: right; color: red">3</td></tr></tbody></table>')
    assert labelled(table) == (
        '<table><thead><tr><th class="align-start">A</th><th class="align-end">B</th>'
        '<th class="x align-center">C</th></tr></thead><tbody><tr>'
        '<td class="align-end" data-label="A">1</td>'
        '<td style="color: red" data-label="B">2</td>'
        '<td style="text-align: right; color: red" data-label="C">3</td></tr></tbody></table>')


def test_an_aligned_column_reads_from_the_start_or_the_end_of_each_editions_lines(
        project_copy, tmp_path, browser: Browser) -> None:
    """`|:--|--:|:-:|` built (the sanitiser lets the page through) and shown by Chromium: the
    first column at the start of the line, the second at its end, in English and in Persian."""
    import shutil

    from conftest import ROOT, mkdocs_build, served

    shutil.copytree(ROOT / "docs" / "assets", project_copy / "docs" / "assets")  # reader.css
    for rel, row in (("en/papers/sample.md", "| One | Two | Three |"),
                     ("fa/papers/nemune.md", "| یک | دو | سه |")):
        page = project_copy / "docs" / rel
        page.write_text(page.read_text(encoding="utf-8") + "\n| A column | B column | C column |"
                        "\n|:--|--:|:-:|\n" + row + "\n", encoding="utf-8")
    built = mkdocs_build(project_copy, tmp_path / "site")
    assert built.returncode == 0, built.stderr[-2000:]
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    with served(tmp_path / "site") as address:
        for url, start, end in (("papers/sample/", "left", "right"),
                                ("fa/papers/nemune/", "right", "left")):
            page.goto(address + url)
            found = page.evaluate("""() => [...[...document.querySelectorAll(
                'article table:not([class])')].pop().querySelectorAll('tbody td')].map(td =>
              { const r = document.createRange(); r.selectNodeContents(td);
                const text = r.getBoundingClientRect(), cell = td.getBoundingClientRect(),
                  pad = parseFloat(getComputedStyle(td).paddingLeft);
                return {left: Math.abs(text.left - cell.left - pad) < 2,
                        right: Math.abs(cell.right - pad - text.right) < 2}; })""")
            assert [cell[start] for cell in found[:1]] == [True], (url, found)
            assert [cell[end] for cell in found[1:2]] == [True], (url, found)
            assert not found[2]["left"] and not found[2]["right"], (url, found)  # centred
    page.close()


CARDS = """() => [...document.querySelectorAll('.md-typeset table:not([class])')].map(t => ({
  cards: t.hasAttribute('data-reader-cards'),
  wide: t.closest('.md-typeset__scrollwrap').scrollWidth > t.closest('.md-typeset__scrollwrap').clientWidth + 1,
  labels: [...t.querySelectorAll('tbody td[data-label]')].filter(td => td.offsetParent)
    .slice(0, 5).map(td => [getComputedStyle(td, '::before').content, td.dataset.label]),
}))"""


def test_a_table_too_wide_for_a_phone_reads_as_cards(browser: Browser, server: str) -> None:
    """On a 390 px screen masoumi's two tables are cards in every edition, each cell after its
    column's heading, and no table of those pages or of the contributing page runs past the
    screen's edge; the guide's table, which fits, stays a table; on a wide screen every table is
    a table."""
    for width in (390, 1400):
        context = browser.new_context(viewport={"width": width, "height": 844},
                                      is_mobile=width < 600)
        page = context.new_page()
        for edition in ("", "tr/", "fa/", "ar/"):
            page.goto(server + edition + "papers/masoumi-2025/")
            tables = page.evaluate(CARDS)
            assert len(tables) == 2, (edition, tables)
            for table in tables:
                assert table["cards"] == (width < 600), (edition, width)
                if table["cards"]:
                    assert table["labels"] and all(shown == f'"{label}: "'
                                                   for shown, label in table["labels"]), table
            page.goto(server + edition + "contributing/")
            tables += page.evaluate(CARDS)
            assert width > 600 or not any(t["wide"] for t in tables), (edition, tables)
            page.goto(server + edition + "guide/")
            assert [t["cards"] for t in page.evaluate(CARDS)] == [False], (edition, width)
        context.close()
