"""Bidirectional text: isolate runs written against the direction of their surroundings.

Inside right-to-left text, a left-to-right run such as `(Davutoglu, 2016: 129)`, `S-300` or a URL
is wrapped in `<bdi dir="ltr">`, so that it keeps its logical order; inside left-to-right text a
Persian or Arabic run is wrapped in `<bdi dir="rtl">`. Where a run starts and ends is the rule of
`bidi_runs`; which language it is in, that of `run_language`. Content never needs bidi control
characters.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping

from bidi_phrases import phrases
from bidi_runs import UNBROKEN, guillemets, runs
from html_tokens import (
    Token,
    element,
    joined,
    map_text,
    serialize,
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
