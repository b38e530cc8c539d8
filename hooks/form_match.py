"""Finding the written forms of glossary terms and names in text: one pattern for many forms.

A page is searched for every form of every term at once (about four hundred). One alternation of
all of them makes the regular-expression engine try each form at each character of the page;
here the forms are grouped by their first letter, each group behind a test of that letter and the
whole behind a test of every first letter, so that most places are passed over at once. What is
found, and where, is what the single alternation finds (`tests/test_apparatus.py`).
"""

from __future__ import annotations

import functools
import re

#: the Persian ezafe may be written «ۀ» or «هٔ»; forms are written with «ۀ»
_EZAFE, _EZAFE_SPELT = "ۀ", "هٔ"
#: a form is found only as a whole word: not after or before a letter, digit or ZWNJ
_BEFORE, _AFTER = r"(?<![\w\u200c])", r"(?![\w\u200c])"


def _escaped(form: str) -> str:
    body = re.escape(form).replace(_EZAFE, f"(?:{_EZAFE}|{_EZAFE_SPELT})")
    # a form written with capitals (a title such as "Strategic Depth") matches only as written
    return f"(?-i:{body})" if form != form.lower() else body


def _starts(first: str) -> set[str]:
    """The characters a form beginning with `first` can begin with in the text."""
    out = {first, first.lower()[0], first.upper()[0], first.casefold()[0]}
    return out | ({_EZAFE_SPELT[0]} if first == _EZAFE else set())


def form_key(form: str) -> str:
    """A form as the glossary looks up the text it found: its ezafe as «ۀ», its case folded."""
    return form.replace(_EZAFE_SPELT, _EZAFE).casefold()


@functools.lru_cache(maxsize=4096)
def _same_letter(a: str, b: str) -> bool:
    """Whether the pattern's case-insensitive matching takes letter `a` for `b`."""
    return re.fullmatch(re.escape(a), b, re.I) is not None


def _groups(forms: list[str]) -> list[tuple[set[str], list[str]]]:
    """The forms (longest first) in groups by first letter; letters that match each other when
    case is ignored share a group, so that no two groups can start at the same place."""
    groups: list[tuple[set[str], list[str]]] = []
    for form in forms:
        starts = _starts(form[0])
        found = [g for g in groups if any(_same_letter(a, b) for a in starts for b in g[0])]
        merged: tuple[set[str], list[str]] = (set(starts), [])
        for group in found:
            merged[0].update(group[0])
            merged[1].extend(group[1])
            groups.remove(group)
        merged[1].append(form)
        merged[1].sort(key=len, reverse=True)
        groups.append(merged)
    return groups


def _class(chars: set[str]) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


def form_pattern(forms: list[str]) -> re.Pattern[str] | None:
    """A pattern that finds any of `forms` as whole words, the longest form first where several
    start at the same place; a form in lower case matches in any case."""
    unique = sorted({f.replace(_EZAFE_SPELT, _EZAFE) for f in forms if f}, key=len, reverse=True)
    if not unique:
        return None
    groups = _groups(unique)
    body = "|".join(f"(?={_class(starts)})(?:{'|'.join(map(_escaped, members))})"
                    for starts, members in groups)
    every = _class(set().union(*(starts for starts, _ in groups)))
    return re.compile(f"(?={every}){_BEFORE}(?:{body}){_AFTER}", re.I)
