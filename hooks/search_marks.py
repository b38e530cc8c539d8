"""A search record's text as it reads on the page, with the languages the page marks inside it.

A Turkish title in an English note («<span lang="tr">mekanizmalar</span>»), an English book title
in a Turkish event («<span lang="en">Bound to Lead</span>»), the original heading beside its
rendering: the page says the language of each, and the search dialog says it too
(`bidi_isolation.run_offsets`, `docs/assets/js/search.js`). The runs the bidi isolation gives a
language (its `<bdi>`s) are not taken from the page: `run_offsets` finds them again by the same
rules in the text the dialog shows.

`marked_text` reads an element's text with a marker around each such element; `unmark` gives
the text with its whitespace collapsed, and the marked runs (start, end, language) in another
language than the text around them.
"""

from __future__ import annotations

import re

from lxml.etree import _Element

#: (start, end, language): a run of a record's text, in characters
Mark = tuple[int, int, str]
_OPEN, _SEP, _CLOSE = "\ue000", "\ue001", "\ue002"
_MARKERS = re.compile(f"({_OPEN}[^{_SEP}]*{_SEP}|{_CLOSE})")

#: elements inside a line of text: no space is added at their edges ("[<bdi>X</bdi>]" is "[X]",
#: "<a>قره باغ</a>،" is «قره باغ،»); any other element is a block, and its words stay apart
#: from those around it
INLINE = frozenset({"a", "abbr", "b", "bdi", "bdo", "cite", "code", "dfn", "em", "i", "kbd",
                    "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time",
                    "u", "var"})


#: the markers are private-use characters: any the page's own text holds is dropped
_UNMARKED = str.maketrans("", "", _OPEN + _SEP + _CLOSE)


def open_mark(lang: str) -> str:
    return f"{_OPEN}{lang.translate(_UNMARKED)}{_SEP}"


CLOSE_MARK = _CLOSE


def page_text(text: str | None) -> str:
    """Text of the page, without the characters that serve as markers."""
    return (text or "").translate(_UNMARKED)


def marked_text(node: _Element | None) -> str:
    """The node's text, each element inside it that has a `lang` (but a `<bdi>`) between
    markers; its whitespace as written (`unmark` collapses it)."""
    if node is None:
        return ""
    parts: list[str] = []

    def walk(element: _Element, root: bool) -> None:
        block = element.tag not in INLINE
        lang = None if root or element.tag == "bdi" else element.get("lang")
        parts.append(" " if block else "")
        parts.append(open_mark(lang) if lang else "")
        parts.append(page_text(element.text))
        for child in element:
            if isinstance(child.tag, str):  # an element: comments and the like add no text
                walk(child, False)
            parts.append(page_text(child.tail))
        parts.append(_CLOSE if lang else "")
        parts.append(" " if block else "")

    walk(node, True)
    return "".join(parts)


def unmark(marked: str, lang: str) -> tuple[str, list[Mark]]:
    """The text with its whitespace collapsed (as `" ".join(text.split())`), and the runs marked
    in another language than the one around them (`lang` outside every marked run), by start."""
    if _OPEN not in marked:
        return " ".join(marked.split()), []
    out: list[str] = []
    length, pending = 0, False
    open_runs: list[list] = []  # [start or None until its first character, language]
    marks: list[Mark] = []
    for piece in _MARKERS.split(marked):
        if piece.startswith(_OPEN):
            open_runs.append([None, piece[1:-1]])
        elif piece == _CLOSE:
            start, code = open_runs.pop()
            around = open_runs[-1][1] if open_runs else lang
            if start is not None and start < length and code != around:
                marks.append((start, length, code))
        elif piece.split():
            if (pending or piece[0].isspace()) and length:
                out.append(" ")
                length += 1
            for run in open_runs:
                run[0] = length if run[0] is None else run[0]
            words = " ".join(piece.split())
            out.append(words)
            length += len(words)
            pending = piece[-1].isspace()
        elif piece:
            pending = True
    return "".join(out), sorted(marks, key=lambda m: (m[0], -m[1]))
