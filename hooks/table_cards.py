"""Data tables that can read as cards on a phone.

A table wider than a phone (the interview and coding tables of masoumi-2025) runs past the
screen's edge (in a right-to-left edition, its left edge), each row as tall as its longest cell.
Each body cell of a data table (a table of the page's Markdown or of a quoted source, with a
header row) carries its column's heading (`data-label`); where such a table does not fit a phone,
reader.js marks it (`data-reader-cards`) and reader.css shows each row as a card, each cell after
its column's heading. A table that fits, a wide screen and print show the table as it is. Tables
the site draws itself (the papers table) have a class and their own narrow layout.
"""

from __future__ import annotations

import html
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


def card_tables(tokens: list[Token]) -> list[Token]:
    """The tokens with the body cells of each data table labelled by their column's heading."""
    out: list[Token] = []
    open_tables: list[_Table] = []  # innermost last
    for token in tokens:
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
