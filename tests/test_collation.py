"""Alphabetical order in each edition's language (`hooks/collation.py`)."""

from __future__ import annotations

import pytest
from collation import sort_key


@pytest.mark.parametrize("lang, words", [
    # the Turkish alphabet: c ç d … g ğ h ı i … o ö p … s ş t u ü v; dotless I is ı, not i
    ("tr", ["Cam", "Cem", "Çay", "Dal", "Ilık", "ıraksama", "İnce", "iş", "Oz", "Ozan",
            "Öz", "Sarp", "Şeker", "Uzun", "Ümit"]),
    # the Persian alphabet: پ after ب, چ after ج, ژ after ز, گ after ک (code points put these
    # four after every Arabic letter); آ and ا open the list
    ("fa", ["آتش", "الگو", "ایران", "باکو", "پهپاد", "جنگ", "چین", "حسن", "زنگزور", "ژئوپلیتیک",
            "کرمان", "گنجه", "مسکو"]),
    # Arabic: the article «ال» aside; أ, إ and ا are one letter
    ("ar", ["أرمينيا", "الأمم", "إيران", "البرنامج", "بروتوكول", "الحرب", "حفظ"]),
    # English: an opening article aside, capitals and small letters together
    ("en", ["Ankara", "The Azerbaijan question", "baku", "A Caucasus", "Shusha"]),
])
def test_words_stand_in_the_alphabetical_order_of_their_language(lang: str,
                                                                 words: list[str]) -> None:
    assert sorted(reversed(words), key=lambda w: sort_key(w, lang)) == words


def test_a_bracket_or_quotation_mark_that_opens_a_name_is_passed_over() -> None:
    assert sort_key("[مناقشۀ ارمنستان]", "fa") > sort_key("گرجی", "fa")
    assert sort_key("«کتاب»", "fa") < sort_key("گرجی", "fa")
    assert sort_key("“Zangezur”", "en") > sort_key("Yerevan", "en")


def test_the_order_differs_from_the_order_of_code_points() -> None:
    """What the lists were sorted by before: code points (`casefold`) put Ç after Z and گ after
    ی."""
    assert sorted(["Çay", "Zeytin"], key=str.casefold) == ["Zeytin", "Çay"]
    assert sorted(["Çay", "Zeytin"], key=lambda w: sort_key(w, "tr")) == ["Çay", "Zeytin"]
    assert sorted(["گنجه", "یزد"], key=lambda w: sort_key(w, "fa")) == ["گنجه", "یزد"]
