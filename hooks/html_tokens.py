"""Finished page HTML as a stream of tokens, read with the standard library's HTML parser.

The glosses and the bidi isolation change only the text of a page; they walk its tokens with the
stack of open elements and give back the markup unchanged everywhere else.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID_ELEMENTS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                           "meta", "source", "track", "wbr"})


@dataclass
class Token:
    kind: str  #: "start", "end", "empty" (a void or self-closed element), "text" or "other"
    raw: str  #: the markup exactly as written
    name: str = ""
    attrs: dict[str, str | None] = field(default_factory=dict)


class _Tokenizer(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.tokens: list[Token] = []

    def _text(self, raw: str) -> None:
        if self.tokens and self.tokens[-1].kind == "text":
            self.tokens[-1].raw += raw
        else:
            self.tokens.append(Token("text", raw))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        raw = self.get_starttag_text() or f"<{tag}>"
        kind = "empty" if tag in VOID_ELEMENTS else "start"
        self.tokens.append(Token(kind, raw, tag, dict(attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tokens.append(Token("empty", self.get_starttag_text() or f"<{tag}/>", tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        self.tokens.append(Token("end", f"</{tag}>", tag))

    def handle_data(self, data: str) -> None:
        self._text(data)

    def handle_entityref(self, name: str) -> None:
        self._text(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._text(f"&#{name};")

    def handle_comment(self, data: str) -> None:
        self.tokens.append(Token("other", f"<!--{data}-->"))

    def handle_decl(self, decl: str) -> None:
        self.tokens.append(Token("other", f"<!{decl}>"))

    def handle_pi(self, data: str) -> None:
        self.tokens.append(Token("other", f"<?{data}>"))

    def unknown_decl(self, data: str) -> None:
        self.tokens.append(Token("other", f"<![{data}]>"))


def tokenize(markup: str) -> list[Token]:
    parser = _Tokenizer()
    parser.feed(markup)
    parser.close()
    if parser.rawdata:  # an unfinished construct at the very end: keep it as text
        parser.tokens.append(Token("text", parser.rawdata))
    return parser.tokens


#: what a stage makes of a text run: the run unchanged, new text (escaped, perhaps with markup,
#: which is read again), or the tokens it becomes
TextHandler = Callable[[str, list[Token]], "str | list[Token]"]
TagHandler = Callable[[Token, list[Token]], None]


def start_tag(name: str, attrs: dict[str, str | None]) -> str:
    """A start tag written again from its name and attributes (values escaped)."""
    return f"<{name}" + "".join(f' {key}="{html.escape(value or "", quote=True)}"'
                                for key, value in attrs.items()) + ">"


def text_token(text: str) -> Token:
    """Plain text as a text token (escaped)."""
    return Token("text", html.escape(text, quote=False))


def element(name: str, attrs: dict[str, str | None], raw_text: str) -> list[Token]:
    """An element holding one run of text (`raw_text`: already escaped), as tokens: what the
    tokenizer reads from the same markup."""
    return [Token("start", start_tag(name, attrs), name, attrs), Token("text", raw_text),
            Token("end", f"</{name}>", name)]


def joined(tokens: list[Token]) -> list[Token]:
    """The tokens with each run of adjacent text tokens made one, and empty ones left out, as
    the tokenizer gives text."""
    out: list[Token] = []
    for token in tokens:
        if token.kind != "text":
            out.append(token)
        elif token.raw:
            if out and out[-1].kind == "text":
                out[-1] = Token("text", out[-1].raw + token.raw)
            else:
                out.append(token)
    return out


def serialize(tokens: list[Token]) -> str:
    return "".join(token.raw for token in tokens)


def map_text(tokens: list[Token], on_text: TextHandler,
             on_tag: TagHandler | None = None) -> list[Token]:
    """The tokens with each text run replaced by the tokens of `on_text(raw, open_elements)`.

    `on_tag(token, open_elements)` is told of every start and end tag, before the stack changes.
    A stage gives back the tokens a run becomes (`text_token`, `element`), which are not read
    again: a page is tokenized once however many stages change its text. Markup a stage gives
    as a string is read into tokens, so that what follows sees it as elements.
    """
    stack: list[Token] = []
    out: list[Token] = []
    for token in tokens:
        if token.kind == "text":
            new = on_text(token.raw, stack)
            if isinstance(new, list):
                out.extend(joined(new))
            elif new == token.raw:
                out.append(token)
            elif "<" in new:
                out.extend(tokenize(new))
            elif new:
                out.append(Token("text", new))
            continue
        out.append(token)
        if token.kind in ("start", "end") and on_tag is not None:
            on_tag(token, stack)
        if token.kind == "start":
            stack.append(token)
        elif token.kind == "end":
            for i in range(len(stack) - 1, -1, -1):
                if stack[i].name == token.name:
                    del stack[i:]
                    break
    return out
