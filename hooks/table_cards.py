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
    data: bool  #: a data table: no class of the site's own
    headings: list[str] = field(default_factory=list)
    heading: list[str] | None = None  # the text of the heading cell being read
    in_head: bool = False


def _headings(tokens: list[Token]) -> dict[int, list[str]]:
    """The column headings of each data table with a header row, by the index of its start
    tag."""
    found: dict[int, list[str]] = {}
    open_tables: list[tuple[int, _Table]] = []
    for index, token in enumerate(tokens):
        if token.name == "table" and token.kind == "start":
            open_tables.append((index, _Table(data="class" not in token.attrs)))
            continue
        if not open_tables:
            continue
        start, table = open_tables[-1]
        if token.name == "table" and token.kind == "end":
            open_tables.pop()
            if table.data and table.headings:
                found[start] = table.headings
        elif token.name == "thead":
            table.in_head = token.kind == "start"
        elif token.name == "th" and table.in_head:
            if token.kind == "start":
                table.heading = []
            elif table.heading is not None:
                table.headings.append(" ".join(html.unescape("".join(table.heading)).split()))
                table.heading = None
        elif token.kind == "text" and table.heading is not None:
            table.heading.append(token.raw)
    return found


def card_tables(tokens: list[Token]) -> list[Token]:
    """The tokens with the body cells of each data table labelled by their column's heading."""
    headings = {start: names for start, names in _headings(tokens).items() if any(names)}
    if not headings:
        return tokens
    out: list[Token] = []
    # the open tables, innermost last: their headings (None: not a data table) and the column of
    # the cell being read
    open_tables: list[tuple[list[str] | None, list[int]]] = []
    for index, token in enumerate(tokens):
        if token.name == "table" and token.kind == "start":
            open_tables.append((headings.get(index), [0]))
        elif token.name == "table" and token.kind == "end" and open_tables:
            open_tables.pop()
        elif open_tables and token.kind == "start" and token.name in ("tr", "td", "th"):
            names, column = open_tables[-1]
            if names is not None:
                token = _labelled(token, names, column)
        out.append(token)
    return out


def _labelled(token: Token, names: list[str], column: list[int]) -> Token:
    """A row starts at the first column; a body cell gets its column's heading."""
    if token.name == "tr":
        column[0] = 0
        return token
    at = column[0]
    column[0] += _span(token)
    if token.name == "td" and at < len(names) and names[at]:
        return _with(token, {"data-label": names[at]})
    return token


def _span(token: Token) -> int:
    value = str(token.attrs.get("colspan") or "1")
    return int(value) if value.isdigit() and int(value) > 0 else 1


def _with(token: Token, extra: dict[str, str]) -> Token:
    attrs = {**token.attrs, **extra}
    return Token("start", start_tag(token.name, attrs), token.name, attrs)
