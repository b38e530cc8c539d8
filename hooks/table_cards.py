"""Data tables that can read as cards on a phone.

A table wider than a phone (the interview and coding tables of masoumi-2025) runs past the
screen's edge (in a right-to-left edition, its left edge), each row as tall as its longest cell.
Each body cell of a data table (a table of the page's Markdown or of a quoted source, with a
header row) carries its column's heading (`data-label`); where such a table does not fit a phone,
reader.js marks it (`data-reader-cards`) and reader.css shows each row as a card, each cell after
its column's heading. A table that fits, a wide screen and print show the table as it is. Tables
the site draws itself (the papers table) have a class and their own narrow layout. A column that
Markdown aligns (`|--:|`) is aligned by a class (`ALIGN_CLASSES`), not by a style.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from html_tokens import Token, start_tag


@dataclass
class _Table:
    """A table being read: its header row comes before its body, so one pass labels the body."""

    data: bool  #: a data table: no class of the site's own
    headings: list[str] = field(default_factory=list)
    heading: list[str] | None = None  #: the text of the heading cell being read
    in_head: bool = False
    column: int = 0  #: the column of the body cell being read


#: the alignment Markdown's tables give a column (`|:--|--:|:-:|`), as a style the sanitiser
#: refuses; the class that replaces it aligns the cell to the start or the end of its line in the
#: text's direction, so that a translated table mirrors the English one (reader.css, pdf.css)
_ALIGNED = re.compile(r"\s*text-align:\s*(left|right|center)\s*;?\s*")
ALIGN_CLASSES = {"left": "align-start", "right": "align-end", "center": "align-center"}


def _aligned(token: Token) -> Token:
    """A cell with Markdown's alignment style, given its class instead."""
    match = _ALIGNED.fullmatch(str(token.attrs.get("style")))
    if not match:
        return token  # any other style is left to the sanitiser, which refuses it
    attrs = {k: v for k, v in token.attrs.items() if k != "style"}
    attrs["class"] = " ".join(filter(None, [attrs.get("class"), ALIGN_CLASSES[match.group(1)]]))
    return Token("start", start_tag(token.name, attrs), token.name, attrs)


def card_tables(tokens: list[Token]) -> list[Token]:
    """The tokens with the body cells of each data table labelled by their column's heading,
    and each cell Markdown aligns given the class of its alignment."""
    out: list[Token] = []
    open_tables: list[_Table] = []  # innermost last
    for token in tokens:
        if token.kind == "start" and token.name in ("td", "th") and "style" in token.attrs:
            token = _aligned(token)
        if token.name == "table" and token.kind == "start":
            open_tables.append(_Table(data="class" not in token.attrs))
        elif token.name == "table" and token.kind == "end" and open_tables:
            open_tables.pop()
        elif open_tables and open_tables[-1].data:
            token = _read(open_tables[-1], token)
        out.append(token)
    return out


def _read(table: _Table, token: Token) -> Token:
    """The token, a body cell labelled; the table's headings and column kept up to date."""
    if token.name == "thead":
        table.in_head = token.kind == "start"
    elif token.name == "th" and table.in_head:
        if token.kind == "start":
            table.heading = []
        elif table.heading is not None:
            table.headings.append(" ".join(html.unescape("".join(table.heading)).split()))
            table.heading = None
    elif token.kind == "text" and table.heading is not None:
        table.heading.append(token.raw)
    elif token.kind == "start" and token.name == "tr":
        table.column = 0
    elif token.kind == "start" and token.name in ("td", "th"):
        at = table.column
        table.column += _span(token)
        if token.name == "td" and at < len(table.headings) and table.headings[at]:
            return _with(token, {"data-label": table.headings[at]})
    return token


def _span(token: Token) -> int:
    value = str(token.attrs.get("colspan") or "1")
    return int(value) if value.isdigit() and int(value) > 0 else 1


def _with(token: Token, extra: dict[str, str]) -> Token:
    attrs = {**token.attrs, **extra}
    return Token("start", start_tag(token.name, attrs), token.name, attrs)
