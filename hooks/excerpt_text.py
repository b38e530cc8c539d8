"""What an excerpt's texts may hold, as text: the marks a translation would show as typed, and the
words of an original that `glued_in_source` runs together (`excerpt_file` reports both)."""

from __future__ import annotations

import html
import re

import markdown
import nh3
from source_text import HTML_TAG

#: `*words*` in a translation, set in italics (`render.paragraphs`, on a paragraph's words joined
#: by single spaces)
EMPHASIS = re.compile(r"(?<![\w*])\*([^*\n]+?)\*(?![\w*])")

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

#: a paragraph's words: a run without spaces, or a blank line between two paragraphs
_WORD_OR_BREAK = re.compile(r"\S+|\n[^\S\n]*\n\s*")


def stray_stars(text: str) -> list[int]:
    """The rows (from 0) of `text` that hold a `*` setting no italics, which `render.paragraphs`
    would show as typed: an italic left open, say. The words are joined as that function joins
    them, so that italics may run on from one row to the next. Stars of the marks in `AS_TYPED`
    (bold) are named with those."""
    for pattern, _ in AS_TYPED:
        text = pattern.sub(lambda m: "x" * len(m.group()), text)
    para = ""  # a paragraph's words, joined by single spaces
    rows: list[int] = []  # the row of each of its characters (-1 for a space it adds)
    stray: list[int] = []
    for match in [*_WORD_OR_BREAK.finditer(text), None]:
        if match is None or not match.group().strip():  # a paragraph ends
            marks = {i for m in EMPHASIS.finditer(para) for i in (m.start(), m.end() - 1)}
            stray += [rows[i] for i, char in enumerate(para) if char == "*" and i not in marks]
            para, rows = "", []
            continue
        if para:
            para, rows = para + " ", rows + [-1]
        row = text.count("\n", 0, match.start())
        para, rows = para + match.group(), rows + [row] * len(match.group())
    return list(dict.fromkeys(stray))


#: the Markdown extensions of a note (`render.note_markdown` adds the reader's `[[id]]` and the
#: glue of a page's number to its abbreviation, which set no emphasis)
NOTE_EXTENSIONS = ["abbr", "attr_list", "pymdownx.tilde"]
_note_markdown = markdown.Markdown(extensions=NOTE_EXTENSIONS)
#: a `*` shown as typed before a letter or a mark: Markdown found no end to the emphasis it opens
_SHOWN_STAR = re.compile(r"\*+[^\s*]{1,12}")
_CODE = re.compile(r"<code>.*?</code>", re.S)


def open_stars(text: str) -> list[int]:
    """The rows (from 0) of a note's Markdown that hold a `*` Markdown shows as typed before a
    letter or a mark, «(*2003)» or «**Brzezinski»: emphasis opened and never closed. A `*`
    before a space (a quoted footnote's mark, «“* Bu çalışma …”») and an escaped `\\*` are
    the writer's own."""
    if "*" not in text:
        return []
    text = text.replace("\\*", "x")
    shown = _CODE.sub("", _note_markdown.reset().convert(text))
    shown = html.unescape(nh3.clean(shown, tags=set()))  # its text, as the corpus export reads it
    rows = text.split("\n")
    first = next((n for n, row in enumerate(rows) if _SHOWN_STAR.search(row)), 0)
    return list(dict.fromkeys(  # the row that writes what is shown, else the first that may
        next((n for n, row in enumerate(rows) if m.group() in row), first)
        for m in _SHOWN_STAR.finditer(shown)))


#: a word of an original, as the glued forms are made of them
WORD = re.compile(r"\w+")


def joined(form: str, words: set[str]) -> bool:
    """Whether `form` is words of `words` written one after the other without a space."""
    ends = {0}  # where a run of whole words can end in `form`
    for end in range(1, len(form) + 1):
        if any(form[start:end] in words for start in ends if start < end):
            ends.add(end)
    return len(form) in ends
