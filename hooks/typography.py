"""Where a line of the editors' prose may not break: between a page's abbreviation and its number
(«p. 338», «pp. 259», «s. 25», «ss. 61-62», «ص 338», «ص. ۲۵۸») and between a date and the mark of
its calendar («1400 SH», «1403/05/19 SH», «1991 CE», «1403 HŞ», «۱۳۷۰ هـ.ش», «2020 م», «۵ ق»).
A line that began with «338» or «هـ.ش» would part them on a phone.

* `glue(text)`: the text with a no-break space at those places, and only there;
* `Glue`: a Python-Markdown extension that glues the text of a converted page or editor's note,
  leaving code alone. It runs after the table of contents has taken the headings' ids, so no
  anchor changes.

The editors' prose is glued: the pages, the notes, the apparatus (glossary, index, timeline)
and the translations. A quoted original is shown as the source prints it.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

NBSP = "\u00a0"

#: a page's abbreviation (Latin, with its full stop; Persian and Arabic, with or without it)
#: before a number, not the end of a longer word («خاص 12» is not a page)
_PAGE = re.compile(r"(?<![\w.])((?:pp?|ss?|S|Ss)\.|صص?\.?)(?: |\n[ \t]*)(?=\d)")
#: a date (a year, or a date written with slashes) before the mark of its calendar; either
#: after a space, or at the end of a line of the source (which Markdown shows as a space)
_CALENDAR = re.compile(r"(?<=\d)(?: |\n[ \t]*)(?=(?:SH|AH|CE|BCE|AD|BC|HŞ|hş\.|ه[ـ\u200d]?\.[شق]|هـ|ش|م|ق)(?!\w))")
#: elements whose text is code, not prose
_CODE = frozenset({"code", "pre", "kbd", "samp", "script", "style"})


def glue(text: str) -> str:
    """`text` with a no-break space between a page's abbreviation and its number, and between a
    date and its calendar's mark."""
    if " " not in text and "\n" not in text:
        return text
    return _CALENDAR.sub(NBSP, _PAGE.sub(rf"\1{NBSP}", text))


def _glue_tree(element: etree.Element) -> None:
    """Glue the text inside `element` and the text after each of its children, unless it is
    code."""
    if element.tag in _CODE:
        return
    if element.text:
        element.text = type(element.text)(glue(element.text))
    for child in element:
        _glue_tree(child)
        if child.tail:
            child.tail = type(child.tail)(glue(child.tail))


class _GlueProcessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        _glue_tree(root)


class Glue(Extension):
    """The no-break spaces of `glue` in a converted document."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        # after the inline patterns (20) and the table of contents (5), which takes the ids
        md.treeprocessors.register(_GlueProcessor(md), "reader-glue", 1)


def makeExtension(**kwargs: object) -> Glue:  # noqa: N802 (Python-Markdown's name)
    return Glue(**kwargs)
