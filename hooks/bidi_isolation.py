"""Bidirectional text: isolate runs written against the direction of their surroundings.

Inside right-to-left text, a left-to-right run such as `(Davutoglu, 2016: 129)`, `S-300` or a URL
is wrapped in `<bdi dir="ltr">`, so that it keeps its logical order; inside left-to-right text a
Persian or Arabic run is wrapped in `<bdi dir="rtl">`. Where a run starts and ends is the rule of
`bidi_runs`; which language it is in, that of `run_language`. Content never needs bidi control
characters.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping

from bidi_runs import RUN_INSIDE, UNBROKEN, guillemets, runs
from html_tokens import (
    Token,
    element,
    joined,
    map_text,
    serialize,
    start_tag,
    text_token,
    tokenize,
)
from languages import ORIGINAL_LANGUAGES, RTL_LANGUAGES
from run_language import (
    AROUND_NAME,
    NO_NAMES,
    latin_language,
    quotations,
    run_language,
    title_matches,
    titled,
)

#: text inside these elements is never changed
_OPAQUE = frozenset({"script", "style", "code", "pre", "bdi", "svg", "textarea", "kbd", "samp",
                     "math"})


def isolate_text(text: str, direction: str, language: str = "", quoted: str = "",
                 spellings: Mapping[str, str] = NO_NAMES,
                 titles: Mapping[str, str] = NO_NAMES) -> str:
    """Escape plain `text` for HTML, isolating the runs that go against `direction`
    (`isolated_tokens`, written out)."""
    return serialize(isolated_tokens(text, direction, language, quoted, spellings, titles))


def _marked(pieces: list[tuple[str, str | None]]) -> list[Token]:
    """Pieces of text with their language, each with one in a `<span lang>`."""
    out: list[Token] = []
    for text, lang in pieces:
        out += element("span", {"lang": lang}, html.escape(text, quote=False)) if lang \
            else [text_token(text)]
    return out


def isolated_tokens(text: str, direction: str, language: str = "", quoted: str = "",
                    spellings: Mapping[str, str] = NO_NAMES,
                    titles: Mapping[str, str] = NO_NAMES) -> list[Token]:
    """Plain `text` as tokens, isolating the runs that go against `direction`. A Persian or
    Arabic run inside left-to-right text says its language where its letters or the name it is
    tell it (`run_language`), else `quoted` (the language of the paper an excerpt's note or
    translation quotes; a Latin-script run in Persian or Arabic text that is a whole «quotation»
    of a Turkish paper says it too, `latin_language`), and so does a stretch of right-to-left
    text in the other of the two than `language`, the language around (a screen reader reads
    each in its own voice), and a quotation in it (`quotation_language`: an Arabic phrase a
    Persian note quotes). A paper's title in the Latin script (`titles`) says its language in
    text of another: a Turkish title inside an English label, or isolated inside Persian
    text."""
    against = "ltr" if direction == "rtl" else "rtl"
    out: list[Token] = []
    rtl_quoted = quoted if quoted in RTL_LANGUAGES else ""

    def plain(segment: str) -> list[Token]:
        if direction != "rtl" or not language:
            marked = titled(segment, language, titles) if language and titles else None
            return [text_token(segment)] if marked is None else _marked(marked)
        own = run_language(segment, spellings)
        if own and own != language:
            return _marked([(segment, own)])
        return _marked(quotations(segment, language, rtl_quoted, spellings)) \
            if language in RTL_LANGUAGES else [text_token(segment)]

    last = 0
    for start, end in runs(text, direction):
        run = text[start:end]
        if direction == "ltr":
            spoken = run_language(run, spellings) or rtl_quoted or None
        else:  # a run in the Latin script in right-to-left text: a title, or Turkish words
            # (by its letters only where the text around is Persian or Arabic: inside an element
            # the editors marked English, «different character of ... Türkiye» is English)
            spoken = (titles.get(" ".join(run.strip(AROUND_NAME).split()))
                      or (latin_language(run, quoted, guillemets(text, start, end))
                          if language in RTL_LANGUAGES else None)
                      ) if language else None
            spoken = spoken if spoken != language else None
        attrs: dict[str, str | None] = {"dir": against}
        if spoken:
            attrs["lang"] = spoken
        if end - start <= UNBROKEN:
            attrs["class"] = "unbroken"
        out += [*plain(text[last:start]), *element("bdi", attrs, html.escape(run, quote=False))]
        last = end
    out += plain(text[last:])
    return joined(out)


def run_offsets(text: str, direction: str, quoted: str = "",
                spellings: Mapping[str, str] = NO_NAMES, titles: Mapping[str, str] = NO_NAMES,
                language: str = "", marks: Iterable[tuple[int, int, str]] = ()) -> str:
    """`runs` as the browser counts (UTF-16 code units), "start:end" separated by commas, with
    ":fa" or ":ar" after a Persian or Arabic run in left-to-right text whose letters or name tell
    its language (`run_language`), else `quoted` (the paper the text quotes, as `isolate_text`),
    and ":tr" after a run of Turkish words in right-to-left text (`latin_language`); in
    left-to-right text in `language`, each paper title of another language (`titles`: a Turkish
    title in an English label) with ":tr" too, as the pages mark it (`run_language.titled`):
    what the search dialog isolates in the texts it shows (docs/assets/js/search.js). `marks`
    (start, end, language), in characters: the runs the page marks in another language
    (`search_marks`); one that is such a run gives it its language, one that crosses a run's edge
    is joined with it, any other is added."""
    rtl_quoted = quoted if quoted in RTL_LANGUAGES else ""

    def units(index: int) -> int:
        return len(text[:index].encode("utf-16-le")) // 2

    def offsets(start: int, end: int) -> str:
        spoken = (run_language(text[start:end], spellings) or rtl_quoted or None) \
            if direction == "ltr" else latin_language(text[start:end], quoted,
                                                      guillemets(text, start, end))
        return f"{units(start)}:{units(end)}" + (f":{spoken}" if spoken else "")

    found = {(start, end): offsets(start, end) for start, end in runs(text, direction)}
    if direction == "ltr" and language:
        found.update({match.span(): f"{units(match.start())}:{units(match.end())}:{lang}"
                      for match, lang in title_matches(text, language, titles)})
    for start, end, lang in marks:
        # a run that crosses the marked one's edge (a paragraph's full stop outside the run of
        # its words) becomes one with it
        crossing = [(a, b) for a, b in found if a < end and start < b
                    and not (start <= a and b <= end) and not (a <= start and end <= b)]
        for span in crossing:
            del found[span]
        start, end = min([start, *(a for a, _ in crossing)]), max([end, *(b for _, b in crossing)])
        found[(start, end)] = f"{units(start)}:{units(end)}:{lang}"
    # a run before the runs inside it
    return ",".join(found[span] for span in sorted(found, key=lambda s: (s[0], -s[1])))


def isolate_html(markup: str, direction: str) -> str:
    """Isolate opposite-direction runs in the text of `markup`, following `dir` attributes."""
    return serialize(isolate_tokens(tokenize(markup), direction))


#: what `isolated_tokens` made of a text: by the text, its direction, the language around it and
#: the language it is taken to quote
Isolated = dict[tuple[str, str, str, str], list[Token]]


def isolate_tokens(tokens: list[Token], direction: str, language: str = "",
                   quoted: str = "", spellings: Mapping[str, str] = NO_NAMES,
                   titles: Mapping[str, str] = NO_NAMES,
                   memo: Isolated | None = None) -> list[Token]:
    """`isolate_html` on a page's tokens; in a page in `language`, a text wholly in the other
    right-to-left language (a Persian name in an Arabic page's table) is marked as such. On a
    paper's page, `quoted` is its language: a run no letter or known name (`spellings`, see
    `run_language`) identifies, outside its excerpts too (a summary's note quoting the paper),
    is taken to quote it, and so is a Latin «quotation» in Persian or Arabic text on a Turkish
    paper's page or excerpt. `memo` keeps what each text became for the next page that has it
    (the same `spellings` and `titles`): an excerpt's texts and labels are on many pages."""
    made: Isolated = {} if memo is None else memo

    def on_text(raw: str, stack: list[Token]) -> str | list[Token]:
        if (not raw.strip() and "&" not in raw) or any(token.name in _OPAQUE for token in stack):
            return raw  # the white space between elements, or text left as it is
        inner = next((t.attrs.get("dir") for t in reversed(stack)
                      if (t.attrs.get("dir") or "").lower() in ("ltr", "rtl")), None)
        around = next((t.attrs.get("lang") for t in reversed(stack) if t.attrs.get("lang")),
                      language)
        # inside an excerpt (its note, its translation), a run no letter identifies is taken to
        # quote the excerpt's paper
        paper = next((t.attrs.get("data-lang") for t in reversed(stack)
                      if t.name == "article" and t.attrs.get("data-lang") in ORIGINAL_LANGUAGES),
                     quoted)
        key = (raw, (inner or direction).lower(), around or "", paper or "")
        if key not in made:
            made[key] = isolated_tokens(html.unescape(raw), *key[1:], spellings, titles)
        return list(made[key])

    return phrases(map_text(tokens, on_text))


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
