"""Reading the content files: UTF-8 text, and the scans every text goes through (control
characters, bidi controls, markup), each finding a `Problem` (YAML: `yaml_lines`)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

from languages import (
    LANGUAGES,
    RTL_LANGUAGES,
)
from model import (
    Problem,
)
from sanitize import ATTRIBUTES, NOT_A_PATH, URL_SCHEMES

#: every Unicode Bidi_Control character: ALM, LRM, RLM, the embeddings, overrides and isolates
BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
#: the raw HTML tags a page or a note may use; anything else is reported
ALLOWED_TAGS = {"br", "sup", "sub", "abbr", "kbd", "mark", "small", "span", "cite", "bdi"}
HTML_TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9-]*)(?=[\s/>])[^>]*>")
_INLINE_CODE = re.compile(r"`[^`\n]*`")
#: a link's or an image's path in angle brackets (`](<my map.png>)`, `[map]: <my map.png>`):
#: Markdown's way to write a path with spaces, not an HTML element
_BRACKETED_PATH = re.compile(r"(\]\(\s*|^\s*\[[^\]]+\]:\s*)<[^<>\n]*>")
#: a `lang` attribute, in raw HTML or an attribute list (its quote escaped in a YAML string)
_LANG_ATTR = re.compile(r"""\blang\s*=\s*\\?["']?([^"'\s>}\\]*)""")
#: an attribute list that sets a value (`{: .note lang="en" }`, Markdown's attr_list), and its keys
_ATTR_LIST = re.compile(r"\{:?[ \t]*([^{}\n]*=[^{}\n]*)\}")
_ATTR_KEY = re.compile(r"""(?:^|\s)([^\s=#.'"]+)\s*=""")
_PUBLISHED = frozenset().union(*ATTRIBUTES.values())  # the attributes the sanitiser lets through
#: the scheme of a link's or an image's address: `[x](data:…)`, `[x]: ftp://…`, `<tel:…>`
_SCHEME = r"([a-zA-Z][a-zA-Z0-9+.-]*):"
_LINK_SCHEME = re.compile(rf"\]\(\s*<?\s*{_SCHEME}|^\s*\[(?!\^)[^\]\n]+\]:\s*<?{_SCHEME}|<{_SCHEME}[^\s<>]+>")
_EXTERNAL_LINK = re.compile(r"\]\(\s*<?(https?:)?//|<https?://|^\[[^\]]+\]:\s*(https?:)?//", re.I | re.M)
#: elements no content may hold: `scan_text` names them, `scan_markup` leaves them to it
UNSAFE_TAGS = frozenset({"script", "iframe"})
UNSAFE_HTML = (
    (re.compile(r"<\s*script\b", re.I), "a <script> element"),
    (re.compile(r"<\s*iframe\b", re.I), "an <iframe> element"),
    (re.compile(r"<[^>]*\son[a-z]+\s*=", re.I), "an on…= event handler attribute"),
    (re.compile(r"javascript\s*:", re.I), "a javascript: URL"),
)


def read_text(path: Path, root: Path) -> tuple[str | None, list[Problem]]:
    """A content file as text; bytes that are not UTF-8 become a Problem with their line."""
    rel = _rel(path, root)
    data = path.read_bytes()
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        return None, [Problem(rel, line, f"the file is not UTF-8 (byte 0x{data[err.start]:02x} "
                              "on this line)", "save the file as UTF-8; your editor's "
                              "'Save with encoding' or 'Reopen with encoding' menu does it")]


#: control characters no content file may hold (tab, newline and carriage return are allowed)
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def scan_controls(rel: str, text: str) -> list[Problem]:
    """NUL and other control characters, each with its line."""
    problems = []
    for number, line in enumerate(text.split("\n"), start=1):
        match = _CONTROLS.search(line)
        if match:
            problems.append(Problem(rel, number, f"a control character (U+{ord(match.group()):04X}) "
                                    "is in the text", "delete it; it is invisible in most editors "
                                    "(search for it, or retype the line)"))
    return problems


def scan_text(rel: str, text: str) -> list[Problem]:
    """Line-level checks for any content file: bidi controls and unsafe HTML."""
    problems: list[Problem] = []
    for number, line in enumerate(text.splitlines(), start=1):
        for match in BIDI_CONTROLS.finditer(line):
            problems.append(Problem(
                rel, number,
                f"Unicode bidi control character U+{ord(match.group()):04X} "
                f"({unicodedata.name(match.group(), 'control')})",
                "delete it: the site isolates left-to-right runs inside right-to-left text itself"))
        for pattern, what in UNSAFE_HTML:
            if pattern.search(line):
                problems.append(Problem(rel, number, f"content contains {what}",
                                        "remove it: content may not run scripts or embed pages"))
    return problems


#: a word in the Arabic script; the Arabic letters ي ك and the Persian ی ک پ چ ژ گ
ARABIC_SCRIPT_WORD = re.compile(r"[\u0600-\u06ff\u200c]+")
_ARABIC_ONLY, _PERSIAN_ONLY = frozenset("يك"), frozenset("یکپچژگ")
_QUOTED = re.compile(r"«[^»\n]*»")


def scan_letters(rel: str, text: str, first_line: int = 1,
                 excerpt: str | None = None) -> list[Problem]:
    """Words of editorial text that mix Arabic ي or ك with Persian letters: a keyboard slip
    (Persian is written with ی and ک, Arabic with ي and ك) that also makes the site take the
    word for Arabic. Excerpts and «quotations» are left as they are: they keep the source's
    letters."""
    problems = []
    for offset, line in enumerate(text.split("\n")):
        for word in dict.fromkeys(ARABIC_SCRIPT_WORD.findall(_QUOTED.sub(" ", line))):
            if set(word) & _ARABIC_ONLY and set(word) & _PERSIAN_ONLY:
                persian = word.replace("ي", "ی").replace("ك", "ک")
                arabic = word.replace("ی", "ي").replace("ک", "ك")
                problems.append(Problem(
                    rel, first_line + offset, f"the word «{word}» mixes the Arabic letters ي/ك "
                    "with Persian ones (ی ک پ چ ژ گ)", f"write it «{persian}» in Persian"
                    + ("" if set(arabic) & _PERSIAN_ONLY else f" or «{arabic}» in Arabic")
                    + "; the style guide in CONTRIBUTING.md says which letters each uses",
                    excerpt))
    return problems


def scan_markup(rel: str, text: str, first_line: int = 1, external_links: bool = False,
                excerpt: str | None = None) -> list[Problem]:
    """Raw HTML outside the allow-list, each element once a line (its end tag is no second
    problem; an unsafe element is `scan_text`'s), and (unless allowed) links to other hosts."""
    problems: list[Problem] = []
    for offset, line in enumerate(outside_fences(text).split("\n")):
        plain = _INLINE_CODE.sub("", line)
        written: dict[str, str] = {}
        for match in HTML_TAG.finditer(_BRACKETED_PATH.sub(r"\1", plain)):
            written.setdefault(match.group(1).lower(), match.group(1))
        for name, tag in written.items():
            if name not in ALLOWED_TAGS and name not in UNSAFE_TAGS:
                problems.append(Problem(
                    rel, first_line + offset, f"raw HTML <{tag}> is not allowed here",
                    "write it in Markdown; raw HTML may only use "
                    f"{', '.join(f'<{t}>' for t in sorted(ALLOWED_TAGS))}", excerpt))
        problems += _attribute_lists(rel, first_line + offset, plain, excerpt)
        problems += _raw_attributes(rel, first_line + offset, plain, excerpt)
        problems += _link_schemes(rel, first_line + offset, plain, excerpt)
        for code in dict.fromkeys(_LANG_ATTR.findall(plain)):
            if code not in LANGUAGES:
                problems.append(Problem(
                    rel, first_line + offset, f'lang="{code}" is not a language of the site',
                    "use en (English), tr (Turkish), fa (Persian) or ar (Arabic)", excerpt))
        if not external_links and _EXTERNAL_LINK.search(plain):
            problems.append(Problem(
                rel, first_line + offset, "a link to another site in a page",
                "links to other hosts belong in an excerpt's notes or in the bibliographic "
                "record; link pages of this site with a relative path", excerpt))
    return problems


#: an image in Markdown: `![description](path "title")`, `![description](<path with spaces>)`
#: or `![description][label]` (not `![[id]]`); its description, and its path in group 2 or 3
IMAGE = re.compile(r"!\[([^\[\]\n]*)\](?:\(\s*(?:<([^<>\n]*)>|([^)\s]*))"
                   r"(?:\s+[\"'][^\"']*[\"'])?\s*\)|\[[^\]]*\])")
#: the target of a link: `[text](target)`, `[text](<target with spaces>)` or a link definition
#: `[label]: target` (not `[[id]]`, nor a footnote `[^1]: …`); `link_target` reads it
LINK_TARGET = re.compile(r"(?<![!\[])\[[^\[\]\n]*\]\(\s*(?:<([^<>\n]*)>|([^)\s]*))"
                         r"|^\s*\[(?!\^)[^\]\n]+\]:\s*<?([^\s>]+)")


def link_target(match: re.Match[str]) -> str:
    """The target of a `LINK_TARGET` match."""
    return next((group for group in match.groups() if group is not None), "")


def scan_paths(rel: str, text: str, first_line: int = 1,
               excerpt: str | None = None) -> list[Problem]:
    """An image, or a link to a page of the site, in the Markdown of a data file (a note, an
    entry, an interface string): its text is shown on many pages, in the PDFs and in the corpus,
    where a path written for one page leads nowhere or elsewhere. Links to other sites are
    written in full; an excerpt is linked with `[[id]]`."""
    problems = []
    for offset, line in enumerate(outside_fences(text).split("\n")):
        plain = _INLINE_CODE.sub("", line)
        if IMAGE.search(plain):
            problems.append(Problem(
                rel, first_line + offset, "an image in a note or an entry: its text is shown on "
                "many pages, where the image's path would lead nowhere", "put the image on a page "
                "(`docs/<edition>/…`, with its file beside the page), or say in words what it "
                "shows", excerpt))
        for match in LINK_TARGET.finditer(plain):
            target = link_target(match)
            if not NOT_A_PATH.match(target):
                problems.append(Problem(
                    rel, first_line + offset, f"a link to `{target}` in a note or an entry: its "
                    "text is shown on many pages, where the path would lead nowhere or elsewhere",
                    "link an excerpt with `[[id]]`, name a page of the site in words, or give "
                    "another site's address in full (`https://…`)", excerpt))
    return problems


def _link_schemes(rel: str, line: int, text: str, excerpt: str | None) -> list[Problem]:
    """A link or an image whose address the sanitiser would refuse (`data:`, `ftp:`, `file:`):
    the site links web pages and e-mail addresses only. (`javascript:` is `scan_text`'s.)"""
    schemes = [next(s for s in m.groups() if s) for m in _LINK_SCHEME.finditer(text)]
    return [Problem(rel, line, f"a link to a `{scheme}:` address: the site links web pages "
                    "(`https://…`) and e-mail addresses (`mailto:`) only", "give a web page's "
                    "address, or remove the link", excerpt)
            for scheme in dict.fromkeys(schemes)
            if scheme.lower() not in URL_SCHEMES and scheme.lower() != "javascript"]


def _attribute_lists(rel: str, line: int, text: str, excerpt: str | None) -> list[Problem]:
    """An attribute an attribute list sets that no element of the site publishes (`target`,
    `style`, `onclick`): the build's sanitiser would refuse the page."""
    return [Problem(rel, line, f"the attribute `{key}` of `{{{block.strip()}}}` is not published: "
                    "the build would refuse the page",
                    "remove it: an attribute list may give an id, classes, `lang`, `dir`, `title`, "
                    "`data-` attributes, and an image's `width`, `height` and `loading`", excerpt)
            for block in _ATTR_LIST.findall(text) for key in _ATTR_KEY.findall(block)
            if key.lower() not in _PUBLISHED and not key.lower().startswith("data-")]


#: an attribute of a raw HTML element: `style="…"`, `hidden`
_RAW_ATTRIBUTE = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?""")
_OPENING_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)(\s[^>]*)?>")


def _raw_attributes(rel: str, line: int, text: str, excerpt: str | None) -> list[Problem]:
    """An attribute of an allowed raw HTML element that the site does not publish (`style`,
    `hidden`, `accesskey`): the build's sanitiser would refuse the page. (An event handler is
    `scan_text`'s.)"""
    problems = []
    for match in _OPENING_TAG.finditer(_BRACKETED_PATH.sub(r"\1", text)):
        tag = match.group(1).lower()
        if tag not in ALLOWED_TAGS:
            continue  # `scan_markup` names the element itself
        allowed = ATTRIBUTES["*"] | ATTRIBUTES.get(tag, set())
        for name in dict.fromkeys(_RAW_ATTRIBUTE.findall(match.group(2) or "")):
            key = name.lower()
            if key not in allowed and not key.startswith(("data-", "on")):
                problems.append(Problem(
                    rel, line, f"the attribute `{name}` of `<{match.group(1)}>` is not published: "
                    "the build would refuse the page", "remove it: raw HTML may give "
                    + ", ".join(f"`{a}`" for a in sorted(allowed)) + " and `data-` attributes",
                    excerpt))
    return problems


def script_share(text: str, lang: str) -> float:
    """Share of the letters of `text` written in the script of `lang`."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    if lang in RTL_LANGUAGES:
        good = sum(1 for c in letters if "\u0600" <= c <= "\u06ff" or "\ufb50" <= c <= "\ufeff")
    else:
        good = sum(1 for c in letters if c.isascii() or "\u00c0" <= c <= "\u024f")
    return good / len(letters)


def _rel(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _opt(value: Any) -> str | None:
    if value is None:
        return None
    return str(value).strip() or None


# --- Markdown text ------------------------------------------------------------------------------

#: `![[id]]` on a line of its own: an embedded excerpt
EMBED_RE = re.compile(r"^[ \t]*!\[\[([^\[\]|\n]+)\]\][ \t]*$", re.M)
_FENCE = re.compile(r"^\s*(```|~~~)")


def outside_fences(text: str) -> str:
    """The text with fenced code blocks blanked out, line numbers kept."""
    out, inside = [], False
    for line in text.split("\n"):
        if _FENCE.match(line):
            inside = not inside
            out.append("")
            continue
        out.append("" if inside else line)
    return "\n".join(out)


_CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)")


def without_code(text: str) -> str:
    """The text with fenced code blocks and inline code spans blanked, line numbers kept:
    what the short syntax (`[[id]]`, `![[id]]`, `::: name`) applies to."""
    return _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), outside_fences(text))
