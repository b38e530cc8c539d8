"""The language table (`hooks/languages.py`): what each edition writes its numbers in."""

from __future__ import annotations

import pytest
from calendar_sh import digits
from languages import EDITIONS, LANGUAGES


@pytest.mark.parametrize("edition, written", [
    ("en", "¶12, p. 262 (1991–2020)"), ("tr", "¶12, p. 262 (1991–2020)"),
    ("fa", "¶۱۲, p. ۲۶۲ (۱۹۹۱–۲۰۲۰)"), ("ar", "¶12, p. 262 (1991–2020)"),
])
def test_each_edition_writes_numbers_in_its_digits(edition: str, written: str) -> None:
    """Persian digits in the Persian edition; Western digits elsewhere, the Arabic edition's
    included, as the Arabic paper writes them."""
    assert digits("¶12, p. 262 (1991–2020)", edition) == written
    assert LANGUAGES[edition].number("0123456789") == LANGUAGES[edition].digits


def test_the_pdfs_counter_style_writes_the_same_digits() -> None:
    """The PDFs number their pages with the edition's counter style (pdf.css): the CSS counter
    styles `decimal` and `persian` are these digits."""
    styles = {"decimal": "0123456789", "persian": "۰۱۲۳۴۵۶۷۸۹"}
    for edition in EDITIONS:
        assert styles[LANGUAGES[edition].counter_style] == LANGUAGES[edition].digits
