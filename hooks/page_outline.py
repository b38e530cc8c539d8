"""The outline of a page: one title (`# …`, or the theme's from `title:`), and headings that go
down one level at a time (`##`, then `###`), as screen readers and the table of contents read
them. A second title or a skipped level (`##` then `####`) is named at its line.
"""

from __future__ import annotations

import re

from model import Problem

#: a heading written with `#` marks (Markdown's ATX heading): its marks and its text
HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t#]*$")


def _body_lines(text: str) -> list[str]:
    """The page's lines, its front matter blanked (a YAML comment is no heading)."""
    lines = text.split("\n")
    if lines and lines[0].strip() == "---":
        end = next((i for i, line in enumerate(lines[1:], start=1) if line.strip() == "---"), 0)
        lines[:end + 1] = [""] * (end + 1)
    return lines


def outline_problems(rel: str, text: str) -> list[Problem]:
    """A problem for a second title and for each heading more than one level below the one
    before it (`text`: the page with its code blanked)."""
    problems, level, titled = [], 1, False
    for number, line in enumerate(_body_lines(text), start=1):
        match = HEADING.match(line)
        if not match:
            continue
        depth, title = len(match.group(1)), match.group(2) or ""
        if depth == 1 and titled:
            problems.append(Problem(rel, number, f"a second title, `# {title}`: a page "
                                    "has one", "make it a section heading (`## …`)"))
        elif depth > level + 1:
            problems.append(Problem(rel, number, f"the heading `{match.group(1)} {title}` "
                                    f"skips a level: the heading before it is level {level}",
                                    f"make it `{'#' * (level + 1)} {title}`, or add the "
                                    "level between"))
        titled = titled or depth == 1
        level = depth
    return problems
