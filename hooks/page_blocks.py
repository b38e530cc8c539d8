"""The blocks of a page as its lines write them: the generated blocks it asks for (`::: papers`),
its admonitions (`!!! note "…"`), and its lists, tables and headings, where the site's Markdown
(Python-Markdown) reads them otherwise than GitHub's preview of a pull request: a list or a table
on the line after a paragraph's, a list nested by fewer than four spaces, a heading with no space
after its marks or indented."""

from __future__ import annotations

import re

from languages import DEFAULT_EDITION, english_name, page_place
from model import Problem
from page_outline import HEADING

#: a line that asks for a generated block, and the blocks a page may ask for with `::: name`
BLOCK_LINE = re.compile(r"^[ \t]*:::[ \t]*(\S+)[ \t]*$")
PAGE_BLOCKS = ("papers", "downloads", "glossary", "entities", "timeline", "concepts",
               "timeline-chart", "map-caucasus", "map-corridor")
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


#: an admonition's type: the theme's own (it draws any other word as a plain note, so a misspelt
#: type, `!!! nte`, passed unseen)
_ADMONITION = re.compile(r"^[ \t]*(!!!|\?\?\?\+?)[ \t]+([\w-]+)")
ADMONITION_TYPES = ("note", "abstract", "info", "tip", "success", "question", "warning", "failure",
                    "danger", "bug", "example", "quote")


def _unknown_admonitions(rel: str, body: str) -> list[Problem]:
    return [Problem(rel, number, f"`{match.group(1)} {match.group(2)}` is not an admonition type "
                    "of the theme: it would be drawn as a plain note",
                    f"use one of: {', '.join(ADMONITION_TYPES)}")
            for number, line in enumerate(body.split("\n"), start=1)
            for match in [_ADMONITION.match(line)]
            if match and match.group(2).lower() not in ADMONITION_TYPES]


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


#: a generated block's line with more than its name on it (`::: papers of 2025`): Markdown shows
#: the line as text too
_CROWDED_BLOCK = re.compile(r"^[ \t]*:::[ \t]*([a-z][a-z-]*)[ \t]+(\S.*?)[ \t]*$")


def _crowded_blocks(rel: str, body: str) -> list[Problem]:
    return [Problem(rel, number, f"`::: {match.group(1)}` is followed by «{match.group(2)}» on "
                    f"its line: the page would show the line as text, without the "
                    f"{match.group(1)} block", f"write `::: {match.group(1)}` alone on its line, "
                    "and any words on a line of their own, after a blank line")
            for number, line in enumerate(body.split("\n"), start=1)
            for match in [_CROWDED_BLOCK.match(line)]
            if match and match.group(1) in PAGE_BLOCKS]


def _unknown_blocks(rel: str, body: str) -> list[Problem]:
    return [Problem(rel, number, f"unknown block `::: {match.group(1)}`",
                    f"use one of: {', '.join(PAGE_BLOCKS)}, on a line of its own")
            for number, line in enumerate(body.split("\n"), start=1)
            for match in [BLOCK_LINE.match(line)] if match and match.group(1) not in PAGE_BLOCKS]


#: a line that starts a list item (`- `, `* `, `+ `, `1. `: one or two digits, as a year that
#: begins a line, "2020.", is not an item)
_ITEM = re.compile(r"^[ \t]*(?:\d{1,2}\.|[-*+])[ \t]+\S")
#: a table's row, and the rule under its head (`|---|:--|`)
_TABLE_ROW = re.compile(r"^[ \t]*\|")
_TABLE_RULE = re.compile(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*\|")
_QUOTE = re.compile(r"^[ \t]*>")
#: a line numbered as GitHub's preview (CommonMark) also numbers a list: `1)`
_PARENTHESISED = re.compile(r"^[ \t]*\d{1,9}\)[ \t]+\S")
#: a list item that GitHub's preview starts a list with after a paragraph's line: a bullet, or the
#: number 1 (a line of a paragraph that begins "12. yüzyılda" stays in the paragraph there too)
_INTERRUPTING_ITEM = re.compile(r"^[ \t]*(?:1\.|[-*+])[ \t]+\S")
#: a line that starts a block other than a paragraph: a heading, a table row, a block, an
#: admonition, a quotation, HTML, an embed, an abbreviation's or a link's definition
_OTHER_BLOCK = re.compile(r"^[ \t]*(?:#|\||:::|!!!|\?\?\?|>|<|!\[\[|\*\[|\[[^\]^][^\]]*\]:)")


def _swallowed(line: str, after: str) -> str:
    """What a line of a paragraph starts that Markdown does not see there: "list", "table" or
    ""."""
    if _INTERRUPTING_ITEM.match(line):
        return "list"
    return "table" if _TABLE_ROW.match(line) and _TABLE_RULE.match(after) else ""


def swallowed_blocks(rel: str, body: str, first_line: int = 1,
                     excerpt: str | None = None) -> list[Problem]:
    """Each list or table written on the line after a paragraph's (in a page, or in a note of
    `excerpt` that starts at `first_line`): Markdown continues the paragraph there, and shows the
    items or the rows as its text (editors that preview GitHub's Markdown show a list or a
    table); and each heading, list or quotation on the line after a table's last row, which
    Markdown makes one more row of the table."""
    problems, block = [], ""  # what the block began as: "", "paragraph", "table", "other"
    lines = body.split("\n")
    for number, (line, after) in enumerate(zip(lines, [*lines[1:], ""], strict=True),
                                           start=first_line):
        if block == "table" and line.strip() and not _TABLE_ROW.match(line) and (
                HEADING.match(line) or _ITEM.match(line) or _QUOTE.match(line)):
            problems.append(Problem(
                rel, number, f"this line follows a table's last row: Markdown would show "
                f"`{line.strip()[:40]}` as one more row of the table",
                "leave an empty line between the table and what follows it", excerpt))
            block = "other"  # once for each table
        elif not line.strip() or HEADING.match(line):  # a heading is a block of one line
            block = ""
        elif not block:
            block = "table" if _swallowed(line, after) == "table" else \
                "other" if _ITEM.match(line) or _OTHER_BLOCK.match(line) else "paragraph"
        elif block == "paragraph" and (kind := _swallowed(line, after)):
            problems.append(Problem(
                rel, number, f"this {kind} follows a paragraph's line: Markdown would show "
                f"`{line.strip()[:40]}` as part of the paragraph, not as a {kind}",
                f"leave an empty line between the paragraph and the {kind}", excerpt))
            block = "other"  # once for each list or table
    return problems


#: a line the site's Markdown makes a heading though no space follows its marks (`#Heading`,
#: `#1 reason`), which GitHub's preview shows as text; and a heading indented by one to three
#: spaces, which GitHub's preview shows as a heading and the site's Markdown as text
UNSPACED_HEADING = re.compile(r"^(#{1,6})([^\s#].*)$")
_INDENTED_HEADING = re.compile(r"^ {1,3}#{1,6}(?:[ \t]|$)")
_COMMENT = re.compile(r"^[ \t]*<!--.*?-->", re.S | re.M)


def _without_comments(body: str) -> str:
    """The text with the HTML comments that begin a line blanked, line numbers kept (Markdown
    keeps them whole, and reads no heading in them; a comment that begins inside a line of a
    paragraph is read as text, and a line of it may be a heading)."""
    return _COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), body)


def misread_headings(rel: str, body: str) -> list[Problem]:
    """Each line that the site's Markdown and GitHub's preview read differently: marks with no
    space after them, a heading to the site only; an indented heading, a heading to the preview
    only."""
    problems = []
    for number, line in enumerate(_without_comments(body).split("\n"), start=1):
        if match := UNSPACED_HEADING.match(line):
            problems.append(Problem(
                rel, number, f"`{line.strip()[:40]}`: the site's Markdown would make this line a "
                "heading, though no space follows its `#` (GitHub's preview shows it as text)",
                f"for a heading, put a space after the marks: `{match.group(1)} "
                f"{match.group(2)[:30]}`; to keep the `#` as text, write it `\\#`"))
        elif _INDENTED_HEADING.match(line):
            problems.append(Problem(
                rel, number, f"this heading is indented: the site's Markdown would show "
                f"`{line.strip()[:40]}` as text, not as a heading (GitHub's preview shows a "
                "heading)", "start the line with its `#`"))
    return problems


def _parenthesised_items(rel: str, body: str) -> list[Problem]:
    """The first of two or more lines of a paragraph numbered `1)`, `2)`: GitHub's preview shows
    a list; the site's Markdown numbers a list `1.`, and shows the lines as one paragraph."""
    problems: list[Problem] = []
    first, run = 0, 0  # the paragraph's first line numbered so, and how many are
    for number, line in enumerate(body.split("\n"), start=1):
        if not line.strip() or HEADING.match(line):
            first, run = 0, 0
        elif _PARENTHESISED.match(line):
            first, run = first or number, run + 1
            if run == 2:
                problems.append(Problem(
                    rel, first, "these lines are numbered `1)`, `2)`: the site's Markdown "
                    "would show them as one paragraph, not as a list",
                    "number them `1.`, `2.`, or leave an empty line between them to keep each "
                    "a paragraph of its own"))
    return problems


def _shallow_items(rel: str, body: str) -> list[Problem]:
    """Each list item indented to go under the item above it (as far as that item's text, or
    more), by fewer than four spaces more or by more than seven more: GitHub's preview nests it;
    the site's Markdown nests a list four spaces in, and shows the first as the item's sibling,
    the second as its text."""
    problems, above, text_at = [], -1, 0  # the item above: its indentation, where its text starts
    for number, raw in enumerate(body.split("\n"), start=1):
        line = raw.expandtabs(4)
        if not _ITEM.match(line):
            if line.strip() and not line.startswith(" "):
                above = -1  # a paragraph that ends the list
            continue
        indent = len(line) - len(line.lstrip())
        if above >= 0 and indent >= text_at and indent // 4 != above // 4 + 1:
            problems.append(Problem(
                rel, number, f"this item is indented {indent - above} spaces more than the item "
                "above: the site's Markdown would show it "
                + ("beside that item, not under it" if indent // 4 == above // 4
                   else "as that item's text"),
                f"indent it by four spaces more than the item above ({above // 4 * 4 + 4} in "
                "all) to go under it"))
        above, text_at = indent, len(line) - len(line[indent:].split(None, 1)[1])
    return problems


def block_problems(rel: str, body: str) -> list[Problem]:
    """Problems of the page's block lines (`body`: the page without its front matter and its
    code, line numbers kept)."""
    return (_unknown_blocks(rel, body) + _miscounted_blocks(rel, body) + _crowded_blocks(rel, body)
            + _untitled_blocks(rel, body) + swallowed_blocks(rel, body)
            + _shallow_items(rel, body) + _parenthesised_items(rel, body)
            + _unknown_admonitions(rel, body) + misread_headings(rel, body))
