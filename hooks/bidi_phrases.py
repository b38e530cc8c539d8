"""One phrase, one isolate: the isolates of a phrase that inline markup splits (`*Stratejik*
Derinlik`, `H~2~O`) made one around the markup. `bidi_isolation` isolates each text of a page
apart; a phrase whose words stand in several texts would come out in the order of the text
around (*Derinlik Stratejik*, O₂H).
"""

from __future__ import annotations

import html
import re

from bidi_runs import RUN_INSIDE, UNBROKEN
from html_tokens import Token, start_tag

#: the markup a phrase may hold: Markdown's inline elements, without a class of the site's (a
#: button, an anchor or a gloss is an item of its own, isolated alone)
_PHRASE_TAGS = frozenset({"em", "strong", "i", "b", "a", "sub", "sup", "mark", "small", "s",
                          "del", "ins", "u", "abbr"})
#: between two runs of one phrase, by the direction of the runs: what a run of that direction
#: holds between its letters (`bidi_runs.RUN_INSIDE`; no Latin comma between right-to-left runs:
#: "دآوری, داور, داوری" is a list)
_GLUE = {direction: re.compile(f"[{inside}]*") for direction, inside in RUN_INSIDE.items()}


#: glue is short: a longer text between two runs is a sentence of the text around
_GLUE_MOST = 40


def _inline(token: Token) -> bool:
    return token.name in _PHRASE_TAGS and "class" not in token.attrs and token.kind in ("start", "end")


def _unclassed(token: Token) -> dict[str, str | None]:
    return {k: v for k, v in token.attrs.items() if k != "class"}


def _isolate(tokens: list[Token], at: int) -> int | None:
    """The index of the end of the isolate that starts at `at` (a `bdi` around text only)."""
    if tokens[at].kind == "start" and tokens[at].name == "bdi" and at + 2 < len(tokens) \
            and tokens[at + 1].kind == "text" and tokens[at + 2].kind == "end" \
            and tokens[at + 2].name == "bdi":
        return at + 2
    return None


def _phrase_end(tokens: list[Token], first: int) -> int:
    """The end of the last isolate of the phrase that begins with the isolate at `first`: each
    next one of the same direction and language reached over inline markup and glue only."""
    direction, lang = tokens[first].attrs.get("dir"), tokens[first].attrs.get("lang")
    glue = _GLUE.get(str(direction), _GLUE["ltr"])
    last = _isolate(tokens, first) or first
    at, markup = last + 1, False  # the runs of one text `bidi_runs` parted on purpose
    while at < len(tokens):
        token = tokens[at]
        if token.kind == "text" and len(token.raw) <= _GLUE_MOST \
                and glue.fullmatch(html.unescape(token.raw)):
            at += 1
        elif _inline(token):
            at, markup = at + 1, True
        elif markup and token.kind == "start" and token.name == "bdi" and _isolate(tokens, at) \
                and token.attrs.get("dir") == direction \
                and (None in (lang, token.attrs.get("lang")) or lang == token.attrs.get("lang")):
            # a run whose letters do not tell its language (عمق) joins one whose letters do
            lang = lang or token.attrs.get("lang")
            last = at = _isolate(tokens, at) or at
            at, markup = at + 1, False
        else:
            break
    # a number set below or above the phrase's last letters belongs to it (CO₂)
    if last + 3 < len(tokens) and tokens[last + 1].kind == "start" \
            and tokens[last + 1].name in ("sub", "sup") and "class" not in tokens[last + 1].attrs \
            and tokens[last + 2].kind == "text" and re.fullmatch(r"[\d.,]+", tokens[last + 2].raw) \
            and tokens[last + 3].kind == "end" and tokens[last + 3].name == tokens[last + 1].name:
        last += 3
    return last


def _balanced(tokens: list[Token]) -> bool:
    depth: list[str] = []
    for token in tokens:
        if token.kind == "start":
            depth.append(token.name)
        elif token.kind == "end":
            if not depth or depth.pop() != token.name:
                return False
    return not depth


def phrases(tokens: list[Token]) -> list[Token]:
    """The isolates of one phrase that inline markup split (`*Stratejik* Derinlik`, `H~2~O`: an
    isolate in each text), made one isolate around the markup: isolated apart, the words of the
    phrase came out in the order of the text around (*Derinlik Stratejik*, O₂H)."""
    out: list[Token] = []
    at = 0
    while at < len(tokens):
        token = tokens[at]
        isolate = _isolate(tokens, at) if token.name == "bdi" and token.kind == "start" else None
        end = _phrase_end(tokens, at) if isolate else at
        if end == at or isolate == end:
            out.append(token)
            at += 1
            continue
        # the markup the phrase opens before its first run and closes after its last
        start = len(out)
        while start > 0 and _inline(out[start - 1]) and out[start - 1].kind == "start":
            start -= 1
        close = end + 1
        while close < len(tokens) and _inline(tokens[close]) and tokens[close].kind == "end":
            close += 1
        inner = [t for t in [*out[start:], *tokens[at:close]] if t.name != "bdi"]
        if not _balanced(inner):
            out.append(tokens[at])
            at += 1
            continue
        text = "".join(html.unescape(t.raw) for t in inner if t.kind == "text")
        attrs = _unclassed(tokens[at])
        langs = {t.attrs.get("lang") for t in tokens[at:close] if t.name == "bdi"} - {None}
        if langs:
            attrs["lang"] = langs.pop()
        if len(text) <= UNBROKEN:
            attrs["class"] = "unbroken"
        del out[start:]
        out += [Token("start", start_tag("bdi", attrs), "bdi", attrs), *inner,
                Token("end", "</bdi>", "bdi")]
        at = close
    return out
