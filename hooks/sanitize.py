"""The safety of what the site publishes: an allow-list sanitiser on each page's content HTML, and
a Content-Security-Policy on every page.

The content of a page (its Markdown, the excerpts, notes, records, glossary and index entries,
interface strings) is final HTML at the end of the page pipeline. `sanitize` passes it through
`nh3` (Ammonia) with the tags and attributes the reader produces and nothing else: no script, no
event handler, no `style`, no URL scheme but http(s) and mailto (checked after entities are
decoded). Where anything had to be removed, the build stops and names the page and what was
removed: the source checks of `make check` give the file and the line, this is the guarantee.

`content_security_policy` gives each finished page a policy that lets scripts, styles, fonts and
images come from the site only; the theme's inline scripts are allowed by their hashes, so no
inline event handler can run.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import html
import re
from collections import Counter

import nh3
from html_tokens import Token, serialize, tokenize

TAGS = {
    "a", "abbr", "article", "aside", "b", "bdi", "blockquote", "br", "button", "caption", "cite",
    "code", "col", "colgroup", "dd", "del", "details", "div", "dl", "dt", "em", "figcaption",
    "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "i", "input", "ins",
    "kbd", "label", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "section", "small", "span",
    "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time",
    "tr", "u", "ul", "var",
    # an image from the site's own files (a Markdown image; `_site_images` refuses any other)
    "img",
    # the maps' inline SVG (hooks/maps.py): shapes, labels and links only; no <use>, <image>,
    # <foreignObject>, <style>, <animate> or <script>, and no presentation or event attributes
    "svg", "g", "path", "circle", "text", "title",
}
ATTRIBUTES = {
    "*": {"class", "id", "lang", "dir", "title", "role", "aria-label", "aria-hidden",
          "aria-pressed", "aria-describedby", "aria-labelledby", "tabindex"},
    "a": {"href", "download", "hreflang", "rel"},
    "button": {"type"},
    "input": {"type", "name", "checked"},  # the tabs of pymdownx.tabbed
    "label": {"for"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "col": {"span"},
    "ol": {"start"},
    "time": {"datetime"},
    "details": {"open"},
    "img": {"src", "alt", "width", "height", "loading"},
    "svg": {"viewBox"},
    "path": {"d"},
    "circle": {"cx", "cy", "r"},
    "text": {"x", "y"},
}
#: the inline SVG of the figures (hooks/figures.py): lines, dots and text, styled by class, links
#: by `a href` as above; no script, style, event handler, foreignObject, use, image or animation
FIGURE_SVG = {
    "svg": {"viewBox", "width", "height"},
    "g": set(),
    "title": set(),
    "line": {"x1", "y1", "x2", "y2"},
    "circle": {"cx", "cy", "r"},
    "text": {"x", "y"},
}
TAGS |= set(FIGURE_SVG)
for _tag, _attrs in FIGURE_SVG.items():  # merged with the maps' own, never replacing them
    if _attrs:
        ATTRIBUTES[_tag] = ATTRIBUTES.get(_tag, set()) | _attrs
URL_SCHEMES = {"http", "https", "mailto"}


class UnsafeContent(Exception):
    """Content HTML held something the allow-list does not: the message says what."""


def _signature(tokens: list[Token]) -> Counter[tuple[str, tuple[tuple[str, str], ...]]]:
    """Every start tag with its attributes (values decoded, as the tokenizer gives them), as a
    multiset."""
    out: Counter[tuple[str, tuple[tuple[str, str], ...]]] = Counter()
    for token in tokens:
        if token.kind in ("start", "empty"):
            out[(token.name, tuple(sorted((k, v or "") for k, v in token.attrs.items())))] += 1
    return out


#: a start tag as nh3 (html5ever) writes it: attribute values always in double quotes, `"` and
#: `&` in them escaped, and `<` in text escaped, so every `<` of its output opens a tag or ends one
_CLEAN_START = re.compile(r'<([a-zA-Z][^\s/>]*)((?:\s+[^\s=/>]+(?:="[^"]*")?)*)\s*/?>')
_CLEAN_ATTR = re.compile(r'([^\s=/>]+)(?:="([^"]*)")?')


@functools.lru_cache(maxsize=4)
def _clean_tags(clean: str) -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...]:
    """Each start tag of the sanitiser's own output with its attributes (values decoded), read
    from its serialisation directly (once per page: the check of what was removed, of repeated
    ids and MkDocs' list of the page's anchors all read them)."""
    return tuple((match.group(1).lower(), tuple(sorted(
        (k.lower(), html.unescape(v or "")) for k, v in _CLEAN_ATTR.findall(match.group(2)))))
        for match in _CLEAN_START.finditer(clean))


def _clean_signature(clean: str) -> Counter[tuple[str, tuple[tuple[str, str], ...]]]:
    """`_signature` of the sanitiser's own output."""
    return Counter(_clean_tags(clean))


def anchor_ids(clean: str) -> set[str]:
    """The ids of the sanitiser's output (what a link on the page can point at)."""
    return {value for _, attrs in _clean_tags(clean) for name, value in attrs if name == "id"}


def repeated_ids(clean: str) -> list[str]:
    """The ids of the sanitiser's output that more than one element has (a link to one of them
    could lead to either), in the order they first appear."""
    seen = Counter(value for _, attrs in _clean_tags(clean) for name, value in attrs if name == "id")
    return [value for value, count in seen.items() if count > 1]


def _describe(tag: str, attrs: tuple[tuple[str, str], ...]) -> str:
    shown = " ".join(f'{k}="{v[:60]}"' for k, v in attrs)
    return f"<{tag}{' ' + shown if shown else ''}>"


def sanitize(markup: str | list[Token], where: str) -> str:
    """The content HTML (or its tokens), cleaned by the allow-list; UnsafeContent if anything
    was removed."""
    tokens = tokenize(markup) if isinstance(markup, str) else markup
    markup = serialize(tokens)
    if "<img" in markup:
        _site_images(tokens, where)
    clean = nh3.clean(markup, tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES,
                      generic_attribute_prefixes={"data-"}, link_rel=None, strip_comments=True,
                      clean_content_tags={"script", "style"})
    if clean == markup:  # nothing was changed, so nothing was removed
        return clean
    removed = _signature(tokens) - _clean_signature(clean)
    if removed:
        shown = "; ".join(_describe(tag, attrs) for (tag, attrs), _ in removed.most_common(5))
        raise UnsafeContent(
            f"{where}: the page's HTML has markup the site does not publish: {shown}. "
            "How to fix: remove it from the page or the data file it comes from (event handlers, "
            "`style`, scripts, frames, forms and URLs other than http(s) and mailto are refused; "
            "run `make check` for the file and the line)")
    return clean


#: a URL with a scheme (`https:`, `data:`) or a host (`//`): not a file of the site
NOT_A_PATH = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.\s-]*:|[/\\]{2})")


def _site_images(tokens: list[Token], where: str) -> None:
    """UnsafeContent for an image that is not a file of the site: every request stays on it (its
    Content-Security-Policy would block another host's image, and a reader would see a hole)."""
    for token in tokens:
        if token.kind in ("start", "empty") and token.name == "img" and (
                not token.attrs.get("src") or NOT_A_PATH.match(token.attrs["src"] or "")):
            raise UnsafeContent(
                f"{where}: the page shows an image that is not a file of the site: "
                f"{_describe('img', tuple(sorted((k, v or '') for k, v in token.attrs.items())))}. "
                "How to fix: save the image beside the page and give its path relative to the "
                "page, e.g. `![A map of the South Caucasus](map.png)`")


_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)


def content_security_policy(page_html: str) -> str:
    """The policy for one finished page: its own inline scripts allowed by hash, nothing else."""
    hashes = []
    for match in _INLINE_SCRIPT.finditer(page_html):
        attrs = match.group("attrs").lower()
        if "src=" in attrs or "application/json" in attrs or "application/ld+json" in attrs:
            # a data block (JSON-LD, the theme's configuration) is never run: no hash for it
            continue
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        hashes.append(f"'sha256-{base64.b64encode(digest).decode()}'")
    # 'wasm-unsafe-eval': search (Pagefind) compiles its WebAssembly, fetched from the site; it
    # allows no eval() of JavaScript
    scripts = " ".join(["'self'", *sorted(set(hashes)), "'wasm-unsafe-eval'"])
    return ("default-src 'self'; "
            f"script-src {scripts}; "
            "style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
            "object-src 'none'; base-uri 'self'; form-action 'self'; frame-src 'none'")


def with_policy(page_html: str) -> str:
    """The page with its Content-Security-Policy as the first element of <head>."""
    meta = (f'<meta http-equiv="Content-Security-Policy" '
            f'content="{html.escape(content_security_policy(page_html), quote=True)}">')
    return re.sub(r"<head>", lambda m: m.group(0) + meta, page_html, count=1, flags=re.I)
