"""Bidirectional text: isolate runs written against the direction of their surroundings.

Inside right-to-left text, a left-to-right run such as `(Davutoglu, 2016: 129)`, `S-300` or a URL
is wrapped in `<bdi dir="ltr">`, so that it keeps its logical order; inside left-to-right text a
Persian or Arabic run is wrapped in `<bdi dir="rtl">`. Content never needs bidi control characters.
"""

from __future__ import annotations

import html
import re

_LATIN = "A-Za-z\u00c0-\u024f"
_ARABIC = "\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc"
#: a left-to-right run: Latin words, or numbers joined by punctuation, with what binds them
_LTR_RUN = re.compile(
    rf"\(?(?:[{_LATIN}][{_LATIN}0-9\s.,:;'’\-–/&%()+_=?#@~]*[{_LATIN}0-9)/]"
    rf"|[0-9]+(?:[.,:/\-–][0-9]+)*(?:\s*[:–\-]\s*[0-9]+)+"
    rf"|[{_LATIN}])"
)
_RTL_RUN = re.compile(
    rf"[«(]?[{_ARABIC}](?:[{_ARABIC}\u200c\s«»()0-9۰-۹.,:;!؟،؛\-–/]*[{_ARABIC}»)])?"
)
_HAS_LATIN = re.compile(rf"[{_LATIN}]|[0-9][.,:/\-–\s]+[0-9]")
_HAS_ARABIC = re.compile(rf"[{_ARABIC}]")
TAG_RE = re.compile(r"<!--.*?-->|<[^>]+>", re.S)
_DIR_ATTR = re.compile(r"""\sdir\s*=\s*["']?(rtl|ltr|auto)""", re.I)
NAME_RE = re.compile(r"</?\s*([a-zA-Z][a-zA-Z0-9-]*)")
VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
         "track", "wbr"}
_OPAQUE = {"script", "style", "code", "pre", "bdi", "svg", "textarea", "kbd", "samp", "math"}


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
    stack: list[tuple[str, str | None]] = []
    out: list[str] = []
    last = 0

    def current() -> tuple[str, bool]:
        opaque = any(name in _OPAQUE for name, _ in stack)
        for _, d in reversed(stack):
            if d in ("ltr", "rtl"):
                return d, opaque
        return direction, opaque

    for match in TAG_RE.finditer(markup):
        text = markup[last:match.start()]
        if text:
            d, opaque = current()
            out.append(text if opaque else isolate_text(html.unescape(text), d))
        tag = match.group()
        out.append(tag)
        last = match.end()
        if tag.startswith("<!--") or tag.startswith("<!"):
            continue
        name_match = NAME_RE.match(tag)
        if not name_match:
            continue
        name = name_match.group(1).lower()
        if tag.startswith("</"):
            for i in range(len(stack) - 1, -1, -1):
                if stack[i][0] == name:
                    del stack[i:]
                    break
        elif name not in VOID_ELEMENTS and not tag.endswith("/>"):
            dir_match = _DIR_ATTR.search(tag)
            stack.append((name, dir_match.group(1).lower() if dir_match else None))
    text = markup[last:]
    if text:
        d, opaque = current()
        out.append(text if opaque else isolate_text(html.unescape(text), d))
    return "".join(out)
