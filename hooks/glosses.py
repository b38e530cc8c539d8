"""Glosses: the first occurrence of a glossary term in each paragraph links to its entry.

Applied to the finished HTML of excerpts and of the prose of paper pages and packets; the
definition, in the edition's language, shows on hover, focus or tap (reader.js).
"""

from __future__ import annotations

import re

from apparatus_text import inline_plain
from bidi_runs import runs
from form_match import form_key
from html_tokens import Token, element, map_text, serialize, tokenize
from mkdocs.utils import get_relative_url
from reader_build import ReaderBuild
from typography import glue

#: text inside these is never glossed (titles in italics stay whole: no link splits them)
_SKIP = frozenset({"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "cite", "em", "th", "summary",
                   "script", "style", "button", "header", "bdi", "table", "aside", "footer",
                   "details"})
_BLOCKS = frozenset({"p", "li", "dd", "blockquote"})
#: nor text inside elements of these classes: a record or a reference keeps its titles whole
_SKIP_CLASSES = frozenset({"record", "cite", "excerpt__head", "excerpt__meta"})


def _core(text: str, start: int, end: int) -> tuple[int, int]:
    """A run without the brackets, quotation marks and punctuation at its ends, which take the
    direction of what is around them whether or not a link stands beside them."""
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return start, end


def _splits(span: tuple[int, int], against: list[tuple[int, int]]) -> bool:
    """Whether a link over `span` would cut a run written against its surroundings in pieces:
    "(The Middle Corridor)" in Arabic text isolated as "(The" and "Middle Corridor)" reads
    "(Middle Corridor The)". A link over a whole run, or over none, keeps it whole."""
    start, end = span
    return any(start < b and a < end and not (start <= a and b <= end) for a, b in against)


def definition(build: ReaderBuild, term_id: str) -> str:
    """The term's definition as the gloss's popup shows it: plain text, glued as the glossary
    sets it (`typography.glue`)."""
    term = build.app.terms[term_id]
    return glue(inline_plain(term.definition.get(build.edition) or term.definition["en"]))


def gloss_html(markup: str, build: ReaderBuild, page_url: str) -> str:
    """Link the first occurrence of each term in each paragraph to its glossary entry."""
    return serialize(gloss_tokens(tokenize(markup), build, page_url))


def gloss_tokens(tokens: list[Token], build: ReaderBuild, page_url: str) -> list[Token]:
    """`gloss_html` on a page's tokens."""
    pattern = build.gloss_pattern
    if pattern is None:
        return tokens
    target = get_relative_url(build.page_url("glossary.md"), page_url)
    seen: set[str] = set()

    against: list[tuple[int, int]] = []  # the runs of the text being glossed written against it

    def gloss(match: re.Match[str]) -> list[Token]:
        term_id = build.term_by_form.get(form_key(match.group(0)))
        if term_id is None or term_id in seen or _splits(match.span(), against):
            return [Token("text", match.group(0))]
        seen.add(term_id)
        return element("a", {"class": "gloss", "href": f"{target}#term-{term_id}",
                             "data-term": term_id, "data-gloss": definition(build, term_id)},
                       match.group(0))

    def on_tag(token: Token, stack: list[Token]) -> None:
        if token.kind == "end" and token.name in _BLOCKS:
            seen.clear()
        elif token.kind == "start" and (token.name in _BLOCKS or "data-role" in token.attrs):
            seen.clear()

    def on_text(raw: str, stack: list[Token]) -> str | list[Token]:
        names = [t.name for t in stack]
        if any(name in _SKIP for name in names) or any(
                _SKIP_CLASSES.intersection((t.attrs.get("class") or "").split()) for t in stack):
            return raw
        if not any(name in _BLOCKS or name == "div" for name in names):
            return raw
        matches = list(pattern.finditer(raw))
        if not matches:
            return raw
        inner = next((t.attrs.get("dir") for t in reversed(stack)
                      if (t.attrs.get("dir") or "").lower() in ("ltr", "rtl")), None)
        against[:] = [_core(raw, a, b) for a, b in runs(raw, (inner or build.dir).lower())]
        out: list[Token] = []
        last = 0
        for match in matches:
            out += [Token("text", raw[last:match.start()]), *gloss(match)]
            last = match.end()
        return [*out, Token("text", raw[last:])]

    return map_text(tokens, on_text, on_tag)
