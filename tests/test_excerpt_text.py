"""What an excerpt's texts may hold (`hooks/excerpt_text.py`)."""

from __future__ import annotations

import html
import re

import pytest
from excerpt_text import WORD, joined, open_stars
from model import Corpus
from render import note_markdown

#: karabakh-method's original: the source, printed in visual order, runs together words that are
#: not side by side in the quotation
ORIGINAL = "منهجية البحث: اعتمد الباحث المنهج الوصفي والمنهج التحليلي في دراسة الموضوع."


@pytest.mark.parametrize("form, made", [
    ("الموضوعوالمنهج", True), ("الوصفيمنهجية", True), ("البحثاعتمدالباحث", True),
    ("الموضوعوال", False), ("الموضوع", True), ("", True),
])
def test_a_glued_form_is_made_of_whole_words_of_the_original(form: str, made: bool) -> None:
    assert joined(form, set(WORD.findall(ORIGINAL))) is made


@pytest.mark.parametrize("text, rows", [
    ("Buzan and Wæver (*2003) are cited.", [0]),  # italics opened, never closed
    ("Cited here:\nBuzan and **Wæver (2003).", [1]),  # bold likewise, on the second row
    ("A footnote reads “* Bu çalışma …”.", []),  # a star before a space: the source's mark
    ("*A title* and **a word**, closed.", []),
    ("Code such as `a*b` is left alone.", []),
])
def test_a_star_a_note_leaves_open_is_found_at_its_row(text: str, rows: list[int]) -> None:
    """The rows are those of stars the note's Markdown shows as typed before a word, as the page
    renders it."""
    assert open_stars(text) == rows
    shown = re.sub(r"<code>.*?</code>|<[^>]+>", "", note_markdown(text, Corpus(), lambda i: i))
    assert bool(re.search(r"\*[^\s*]", html.unescape(shown))) is bool(rows)


def test_an_escaped_star_is_the_writers_own() -> None:
    """`\\*` is shown as a star, as the writer asked: it opens nothing."""
    assert open_stars("An escaped \\*star.") == []
    assert "An escaped *star." in note_markdown("An escaped \\*star.", Corpus(), lambda i: i)
