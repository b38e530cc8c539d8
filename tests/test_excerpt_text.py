"""What an excerpt's texts may hold (`hooks/excerpt_text.py`)."""

from __future__ import annotations

import pytest
from excerpt_text import WORD, joined

#: karabakh-method's original: the source, printed in visual order, runs together words that are
#: not side by side in the quotation
ORIGINAL = "منهجية البحث: اعتمد الباحث المنهج الوصفي والمنهج التحليلي في دراسة الموضوع."


@pytest.mark.parametrize("form, made", [
    ("الموضوعوالمنهج", True), ("الوصفيمنهجية", True), ("البحثاعتمدالباحث", True),
    ("الموضوعوال", False), ("الموضوع", True), ("", True),
])
def test_a_glued_form_is_made_of_whole_words_of_the_original(form: str, made: bool) -> None:
    assert joined(form, set(WORD.findall(ORIGINAL))) is made
