"""The no-break spaces of the editors' prose (`hooks/typography.py`): a page's number stays with
its abbreviation, a date with its calendar's mark; nothing else changes, code is left alone and
no heading's id moves."""

from __future__ import annotations

import markdown
import pytest
from apparatus_text import inline_html, inline_plain
from typography import NBSP, Glue, glue

GLUED = [
    ("Azerbaijan (1389 SH), p. 338.", f"Azerbaijan (1389{NBSP}SH), p.{NBSP}338."),
    ("printed on pp. 259, 261 and 269", f"printed on pp.{NBSP}259, 261 and 269"),
    ("(Mammadov, 2017, ss. 61-62)", f"(Mammadov, 2017, ss.{NBSP}61-62)"),
    ("metin s. 3’ten s. 105’e uzanır", f"metin s.{NBSP}3’ten s.{NBSP}105’e uzanır"),
    ("for example 1403/05/19 SH (= 9 August 2024)",
     f"for example 1403/05/19{NBSP}SH (= 9 August 2024)"),
    ("in 1991 CE, coinciding", f"in 1991{NBSP}CE, coinciding"),
    ("Sonbahar–Kış 1403 hş.", f"Sonbahar–Kış 1403{NBSP}hş."),
    ("1400 HŞ tarihli", f"1400{NBSP}HŞ tarihli"),
    ("مع سنة 1403 هـ.ش. وسنة", f"مع سنة 1403{NBSP}هـ.ش. وسنة"),
    ("در سال ۱۳۷۰ ه.ش و", f"در سال ۱۳۷۰{NBSP}ه.ش و"),
    ("(۴۵۰–۴۵۱ ه\u200d.ش)", f"(۴۵۰–۴۵۱{NBSP}ه\u200d.ش)"),
    ("في عام 2020 م، بعد", f"في عام 2020{NBSP}م، بعد"),
    ("در سده ۱۱ م/۵ ق - به", f"در سده ۱۱{NBSP}م/۵{NBSP}ق - به"),
    ("(1389 هـ.ش)، ص 338. وتكرر", f"(1389{NBSP}هـ.ش)، ص{NBSP}338. وتكرر"),
    ("(ص. ۲۵۸–۲۵۹)؛ سرصفحه", f"(ص.{NBSP}۲۵۸–۲۵۹)؛ سرصفحه"),
    ("صص 251-278", f"صص{NBSP}251-278"),
    ("a source line that ends with p.\n  338 and 1370\nSH", f"a source line that ends with "
     f"p.{NBSP}338 and 1370{NBSP}SH"),
]

UNCHANGED = [
    "the 1990s 2009 census",        # "s" without its full stop is not a page
    "خاص 12 عضواً",                  # a word that ends in «ص» is not a page
    "1994 Bishkek Protocol",        # a year before a word is not a date's mark
    "in 2020 many soldiers",        # «m…» begins a word
    "۱۹۹۱ میلادی",                   # «م» begins a word
    "resolution 822 of the Council",
    "eps. 12",                       # "s." at the end of a longer word
]


@pytest.mark.parametrize(("text", "expected"), GLUED)
def test_a_page_keeps_its_number_and_a_date_its_calendars_mark(text: str, expected: str) -> None:
    assert glue(text) == expected
    assert glue(expected) == expected  # glued once


@pytest.mark.parametrize("text", UNCHANGED)
def test_nothing_else_is_glued(text: str) -> None:
    assert glue(text) == text


def test_the_extension_glues_prose_and_leaves_code_and_ids_alone() -> None:
    source = ("## From 1370 SH to p. 12\n\n"
              "The note, p. 338, and `p. 338` in code; *1400 SH* in italics.\n\n"
              "A source line that ends with p.\n12 goes on.\n\n"
              "    p. 5 in a code block\n")
    html = markdown.markdown(source, extensions=["toc", Glue()])
    assert 'id="from-1370-sh-to-p-12"' in html  # the id the heading had without the glue
    assert f"From 1370{NBSP}SH to p.{NBSP}12</h2>" in html
    assert f"The note, p.{NBSP}338, and <code>p. 338</code> in code" in html
    assert f"<em>1400{NBSP}SH</em>" in html
    assert f"ends with p.{NBSP}12 goes on" in html
    assert "<pre><code>p. 5 in a code block" in html


def test_the_apparatus_is_glued_on_the_page_and_plain_in_the_export() -> None:
    text = "Recognised in 1370 SH (p. 12), as *Bound to Lead* says."
    assert f"1370{NBSP}SH (p.{NBSP}12)" in inline_html(text)
    assert f"1370{NBSP}SH" in inline_html("Recognised in 1370 SH.")  # no markup: escaped only
    assert inline_plain(text) == "Recognised in 1370 SH (p. 12), as Bound to Lead says."


def test_a_glosss_popup_is_glued_as_the_glossary_sets_its_definition() -> None:
    from types import SimpleNamespace

    from glosses import definition
    term = SimpleNamespace(definition={"en": "Signed in 1370 SH; see *Bound to Lead*, p. 12.",
                                       "fa": "امضا در ۱۳۷۰ ه.ش"})
    build = SimpleNamespace(app=SimpleNamespace(terms={"t": term}), edition="en")
    assert definition(build, "t") == (  # type: ignore[arg-type]
        f"Signed in 1370{NBSP}SH; see Bound to Lead, p.{NBSP}12.")
    build.edition = "fa"
    assert definition(build, "t") == f"امضا در ۱۳۷۰{NBSP}ه.ش"  # type: ignore[arg-type]
