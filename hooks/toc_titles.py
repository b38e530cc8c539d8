"""The table of contents in the page's own markup.

MkDocs gives each entry of a page's table of contents its heading as flat text. A section heading
of a paper page holds the heading as the paper prints it and its rendering, each with its own
language and direction; flattened, "(ملخص بدون عنوان) · (Abstract, untitled in the source)" is
one run of text, and in a right-to-left edition its brackets and words are drawn out of order
("Abstract,) (untitled in the source"). Each entry is therefore given its heading's markup from
the finished page (sanitised, its runs isolated), under `typeset["title"]`, which the theme's
table of contents (Material's `partials/toc-item.html`) shows in place of the flat title.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from html_tokens import start_tag, tokenize

#: a heading with an id, in finished page HTML (headings do not nest)
_HEADING = re.compile(r"<(h[1-6])\b[^>]*\sid=\"([^\"]+)\"[^>]*>(.*?)</\1>", re.S)


def _entry_markup(inner: str) -> str:
    """A heading's content as an entry shows it: without its permanent link, and without links
    (the entry is a link itself), their text kept."""
    out: list[str] = []
    skipping = 0
    for token in tokenize(inner):
        if token.name == "a":
            classes = (token.attrs.get("class") or "").split()
            if token.kind == "start" and ("headerlink" in classes or skipping):
                skipping += 1
            elif token.kind == "end" and skipping:
                skipping -= 1
            continue
        if skipping:
            continue
        if token.kind == "start" and "id" in token.attrs:  # an entry repeats no id of the page
            out.append(start_tag(token.name, {k: v for k, v in token.attrs.items() if k != "id"}))
        else:
            out.append(token.raw)
    return "".join(out).strip()


def heading_markup(page_html: str) -> dict[str, str]:
    """Each heading's id, with the markup its table-of-contents entry shows."""
    return {match.group(2): _entry_markup(match.group(3)) for match in _HEADING.finditer(page_html)}


def typeset_toc(items: Iterable[Any], page_html: str) -> None:
    """Give each entry of the table of contents `items` (MkDocs' `page.toc`) its heading's
    markup, where the heading holds markup (an entry of plain text stays as it is)."""
    markup = heading_markup(page_html)

    def walk(entries: Iterable[Any]) -> None:
        for entry in entries:
            title = markup.get(entry.id)
            if title is not None and "<" in title:
                entry.typeset = {"title": title}
            walk(entry.children)

    walk(items)
