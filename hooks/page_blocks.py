"""The block lines of a page: the generated blocks it asks for (`::: papers`) and its
admonitions (`!!! note "…"`), each checked on its own line."""

from __future__ import annotations

import re

from languages import DEFAULT_EDITION, english_name, page_place
from model import Problem
from source_text import _BLOCK_LINE, PAGE_BLOCKS

#: an admonition or collapsible block with no title of its own: `!!! note`, `???+ tip inline`
_UNTITLED_BLOCK = re.compile(r"^[ \t]*(!!!|\?\?\?\+?)[ \t]+([\w-]+)(?:[ \t]+[\w-]+)*[ \t]*$")


def _untitled_blocks(rel: str, body: str) -> list[Problem]:
    """In the pages of the editions other than English, each admonition without a title: the
    theme would title it in English (`!!! note` is headed "Note")."""
    edition = page_place(rel)[0]
    if edition in ("", DEFAULT_EDITION):
        return []
    return [Problem(rel, number, f"`{match.group(1)} {match.group(2)}` has no title, and the "
                    f"theme would head it in English (\"{match.group(2).capitalize()}\")",
                    f"give it a title in {english_name(edition)}: "
                    f"`{match.group(1)} {match.group(2)} \"…\"` (or `\"\"` for none)")
            for number, line in enumerate(body.split("\n"), start=1)
            for match in [_UNTITLED_BLOCK.match(line)] if match]


#: a generated block asked for with too few or too many colons (`:: papers`, `:::: papers`):
#: Markdown shows the line as text, and the block is not there
_MISCOUNTED_BLOCK = re.compile(r"^[ \t]*(:{1,2}|:{4,})[ \t]*([a-z][a-z-]*)[ \t]*$")


def _miscounted_blocks(rel: str, body: str) -> list[Problem]:
    return [Problem(rel, number, f"`{match.group(1)} {match.group(2)}` has "
                    f"{len(match.group(1))} colon{'s' if len(match.group(1)) > 1 else ''}: the "
                    f"page would show the line as text, without the {match.group(2)} block",
                    f"write it with three: `::: {match.group(2)}`")
            for number, line in enumerate(body.split("\n"), start=1)
            for match in [_MISCOUNTED_BLOCK.match(line)]
            if match and match.group(2) in PAGE_BLOCKS]


def _unknown_blocks(rel: str, body: str) -> list[Problem]:
    return [Problem(rel, number, f"unknown block `::: {match.group(1)}`",
                    f"use one of: {', '.join(PAGE_BLOCKS)}, on a line of its own")
            for number, line in enumerate(body.split("\n"), start=1)
            for match in [_BLOCK_LINE.match(line)] if match and match.group(1) not in PAGE_BLOCKS]


def block_problems(rel: str, body: str) -> list[Problem]:
    """Problems of the page's block lines (`body`: the page without its code)."""
    return _unknown_blocks(rel, body) + _miscounted_blocks(rel, body) + _untitled_blocks(rel, body)
