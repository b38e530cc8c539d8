"""The labels of a Markdown text: a reference link (`[text][label]`) or a footnote (`[^1]`) whose
label the text does not define is shown as typed, brackets and all. Markdown matches labels
without regard to case or spacing, as here.
"""

from __future__ import annotations

import re

from model import Problem

#: a definition: `[label]: target` or a footnote's `[^label]: text`
_DEFINITION = re.compile(r"^[ \t]{0,3}\[(\^?)([^\]\n]+)\]:", re.M)
#: a reference link, full (`[text][label]`) or collapsed (`[label][]`); not `[[id]]`
_REFERENCE = re.compile(r"(?<!\[)\[([^\[\]\n]+)\]\[([^\[\]\n]*)\](?!\])")
#: a footnote's mark in the text, `[^label]` (not its definition)
_FOOTNOTE = re.compile(r"\[\^([^\]\s]+)\](?!:)")


def label_marks(text: str) -> list[str]:
    """The reference links and footnote marks of `text`, as written."""
    return [m.group(0) for pattern in (_REFERENCE, _FOOTNOTE) for m in pattern.finditer(text)]


def _key(label: str) -> str:
    return " ".join(label.split()).casefold()


def undefined_labels(rel: str, text: str, first_line: int = 1,
                     excerpt: str | None = None) -> list[Problem]:
    """A problem for each reference link and footnote mark of `text` (code blanked) whose label
    `text` does not define."""
    defined = {(bool(caret), _key(label)) for caret, label in _DEFINITION.findall(text)}
    problems = []
    for offset, line in enumerate(text.split("\n")):
        for match in _REFERENCE.finditer(line):
            label = match.group(2) or match.group(1)
            if (False, _key(label)) not in defined:
                problems.append(Problem(
                    rel, first_line + offset, f"the link `{match.group(0)}` names the label "
                    f"`{label}`, which is not defined: it would be shown as typed",
                    f"define it on a line of its own (`[{label}]: page.md`), or write the link "
                    "inline (`[text](page.md)`)", excerpt))
        for match in _FOOTNOTE.finditer(line):
            if (True, _key(match.group(1))) not in defined:
                problems.append(Problem(
                    rel, first_line + offset, f"the footnote `{match.group(0)}` has no text: it "
                    "would be shown as typed", f"give its text on a line of its own "
                    f"(`[^{match.group(1)}]: …`), or remove the mark", excerpt))
    return problems
