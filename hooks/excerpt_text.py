"""What an excerpt's texts may hold, as text: the marks a translation would show as typed, and the
words of an original that `glued_in_source` runs together (`excerpt_file` reports both)."""

from __future__ import annotations

import re

from source_text import HTML_TAG

#: Markdown and HTML a translation would show as typed: it is plain text, its only mark
#: `*italics*` (`render.paragraphs`); `[…]` for the translator's words is plain text too
AS_TYPED = (
    (re.compile(r"!?\[\[[^\]\n]*\]\]"), "a cross-reference"),
    (re.compile(r"\[[^\]\n]*\]\([^)\n]*\)"), "a link"),
    (re.compile(r"\*\*[^*\n]+\*\*|(?<!\w)__[^_\n]+__(?!\w)"), "bold"),
    (re.compile(r"(?<!\w)_[^_\n]+_(?!\w)"), "underscores for italics"),
    (re.compile(r"`[^`\n]*`"), "code"),
    (HTML_TAG, "an HTML tag"),  # the scans' own pattern for a tag
)

#: how to mend a translation that holds them
TRANSLATION_FIX = ("write the words alone (a book's title may be set in `*italics*`); a link or a "
                   "remark goes in an editor's note, under `notes:`")

#: a word of an original, as the glued forms are made of them
WORD = re.compile(r"\w+")


def joined(form: str, words: set[str]) -> bool:
    """Whether `form` is words of `words` written one after the other without a space."""
    ends = {0}  # where a run of whole words can end in `form`
    for end in range(1, len(form) + 1):
        if any(form[start:end] in words for start in ends if start < end):
            ends.add(end)
    return len(form) in ends
