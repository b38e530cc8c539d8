"""Alphabetical order in the reader's language, wherever the site lists entries by name: the
glossary, the table of concepts, the index of people, organisations and places, and a packet's
reference list.

The order is ICU's collation for the edition's language (CLDR's rules, through PyICU), which
knows each alphabet: Turkish Ç after C, I (ı) before İ (i), Ş after S; Persian پ after ب and گ
after ک, where code points put them after every Arabic letter. A name is sorted from its first
letter (an opening bracket or quotation mark aside) and from the word after an article that
opens it, as indexes in these languages sort: English "The", "A", "An"; the Arabic article «ال»
(«الحكم الذاتي» under ح).
"""

from __future__ import annotations

import functools
import re

from icu import Collator, Locale
from languages import LANGUAGES

#: the marks a name may open with that the order passes over
_OPENING = "[«\"“'(‹ "
#: the article an entry's name may open with, by language: the order starts at the next word
_ARTICLE = {"en": re.compile(r"^(?:The|An|A) "), "ar": re.compile(r"^ال(?=\w{2})")}


@functools.cache
def _collator(lang: str) -> Collator:
    return Collator.createInstance(Locale(LANGUAGES[lang].code))


def sort_key(text: str, lang: str) -> bytes:
    """Where `text` (plain text) stands in an alphabetical list in `lang`'s language."""
    text = text.lstrip(_OPENING)
    article = _ARTICLE.get(lang)
    if article is not None:
        text = article.sub("", text, count=1)
    return bytes(_collator(lang).getSortKey(text))
