"""Bidirectional text: isolate runs written against the direction of their surroundings.

Inside right-to-left text, a left-to-right run such as `(Davutoglu, 2016: 129)`, `S-300` or a URL
is wrapped in `<bdi dir="ltr">`, so that it keeps its logical order; inside left-to-right text a
Persian or Arabic run is wrapped in `<bdi dir="rtl">`. Content never needs bidi control characters.
"""

from __future__ import annotations

import html
import re
import sys
import unicodedata

from html_tokens import Token, walk


def _char_class(wanted: set[str], letters_only: bool = True) -> str:
    """A regex character class of the code points whose Unicode bidi class is in `wanted`."""
    ranges: list[tuple[int, int]] = []
    for code in range(0x20, min(sys.maxunicode, 0xFFFF) + 1):
        char = chr(code)
        if unicodedata.bidirectional(char) not in wanted:
            continue
        if letters_only and unicodedata.category(char)[0] not in "LM":
            continue
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1] = (ranges[-1][0], code)
        else:
            ranges.append((code, code))
    return "".join(f"\\u{a:04x}" if a == b else f"\\u{a:04x}-\\u{b:04x}" for a, b in ranges)


#: strong left-to-right letters (bidi class L) and right-to-left ones (R, AL), from Unicode data
_LATIN = _char_class({"L"})
_ARABIC = _char_class({"R", "AL"})
#: marks that take the direction of the letter before them (bidi class NSM)
_MARKS = _char_class({"NSM"}, letters_only=False)
#: a left-to-right run: words, or numbers joined by punctuation, with what binds them
_LTR_RUN = re.compile(
    rf"\(?(?:[{_LATIN}][{_LATIN}{_MARKS}0-9\s.,:;'’\-–/&%()+_=?#@~]*[{_LATIN}{_MARKS}0-9)/]"
    rf"|[0-9]+(?:[.,:/\-–][0-9]+)*(?:\s*[:–\-]\s*[0-9]+)+"
    rf"|[{_LATIN}])"
)
_RTL_RUN = re.compile(
    rf"[«(]?[{_ARABIC}](?:[{_ARABIC}{_MARKS}\u200c\s«»()0-9۰-۹.,:;!؟،؛\-–/]*[{_ARABIC}{_MARKS}»)])?"
)
_HAS_LATIN = re.compile(rf"[{_LATIN}]|[0-9][.,:/\-–\s]+[0-9]")
_HAS_ARABIC = re.compile(rf"[{_ARABIC}]")
#: text inside these elements is never changed
_OPAQUE = frozenset({"script", "style", "code", "pre", "bdi", "svg", "textarea", "kbd", "samp",
                     "math"})


def _balance(run: str) -> str:
    """Drop an unmatched bracket at either end of a run so it stays with its surroundings."""
    if run.startswith("(") and run.count("(") > run.count(")"):
        run = run[1:]
    if run.endswith(")") and run.count(")") > run.count("("):
        run = run[:-1]
    return run


def isolate_text(text: str, direction: str, rtl_lang: str | None = None) -> str:
    """Escape plain `text` for HTML, isolating the runs that go against `direction`."""
    if direction == "rtl":
        if not _HAS_LATIN.search(text):
            return html.escape(text, quote=False)
        pattern, wrap = _LTR_RUN, '<bdi dir="ltr">{}</bdi>'
    else:
        if not _HAS_ARABIC.search(text):
            return html.escape(text, quote=False)
        lang = f' lang="{rtl_lang}"' if rtl_lang else ""
        pattern, wrap = _RTL_RUN, f'<bdi dir="rtl"{lang}>{{}}</bdi>'
    out: list[str] = []
    last = 0
    for match in pattern.finditer(text):
        run = match.group()
        run = _balance(run.replace("«", "\x00").replace("»", "\x01"))
        run = run.replace("\x00", "«").replace("\x01", "»")
        if run.startswith("«") and "»" not in run:
            run = run[1:]
        if run.endswith("»") and "«" not in run:
            run = run[:-1]
        if run.isdigit() or not run.strip():
            continue
        start = text.index(run, match.start())
        out.append(html.escape(text[last:start], quote=False))
        out.append(wrap.format(html.escape(run, quote=False)))
        last = start + len(run)
    out.append(html.escape(text[last:], quote=False))
    return "".join(out)


def isolate_html(markup: str, direction: str) -> str:
    """Isolate opposite-direction runs in the text of `markup`, following `dir` attributes."""

    def on_text(raw: str, stack: list[Token]) -> str:
        if any(token.name in _OPAQUE for token in stack):
            return raw
        inner = next((t.attrs.get("dir") for t in reversed(stack)
                      if (t.attrs.get("dir") or "").lower() in ("ltr", "rtl")), None)
        return isolate_text(html.unescape(raw), (inner or direction).lower())

    return walk(markup, on_text)
