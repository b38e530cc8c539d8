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
from collections.abc import Iterable, Iterator, Mapping

from html_tokens import Token, element, joined, map_text, serialize, text_token, tokenize
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
#: a right-to-left run inside left-to-right text (a quotation opening with a number, «90-ومنها
#: دبابة تي», is one too, and so is one with an ellipsis, «لردٍّّ … لدعم»); a Latin comma or
#: semicolon ends it: Persian and Arabic write their own (، ؛), so "دآوری, داور, داوری" is a list
#: of the English sentence and «يمكن»; «لردٍّّ» two quotations of it, each a run of its own (one
#: run would show them backwards)
_RTL_RUN = re.compile(
    rf"(?:«[0-9۰-۹]+[\-–](?=[{_ARABIC}])|[«(])?[{_ARABIC}](?:[{_ARABIC}{_MARKS}\u200c\s«»()0-9۰-۹.…:!؟،؛\-–/]*[{_ARABIC}{_MARKS}»)])?"
)
_HAS_LATIN = re.compile(rf"[{_LATIN}]|[0-9][.,:/\-–\s]+[0-9]")
_HAS_ARABIC = re.compile(rf"[{_ARABIC}]")
#: a letter written left to right, and one written right to left (from Unicode data)
LTR_LETTER = re.compile(rf"[{_LATIN}]")
RTL_LETTER = _HAS_ARABIC
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


def _before_unclosed(run: str) -> str:
    """The run up to a bracket it opens but does not close: in «Serzh Sargsyan (9 أبريل 2008- 9
    أبريل 2018)» the parenthesis and the date in it belong to the right-to-left text, and in
    «ال» («المنطقة» kelimesini tamamlayan) the parenthesis belongs to the Turkish sentence."""
    opened: list[int] = []
    for index, char in enumerate(run):
        if char == "(":
            opened.append(index)
        elif char == ")" and opened:
            opened.pop()
    return run[:opened[0]].rstrip() if opened and opened[0] > 0 else run


#: what only right-to-left text writes: its letters and marks, and the Persian and Arabic-Indic
#: digits and the Arabic comma, semicolon and question mark
_RTL_OWN = f"{_ARABIC}{_MARKS}۰-۹٠-٩،؛؟"
_LAST_RTL = re.compile(rf"[{_RTL_OWN}][^{_RTL_OWN}]*$")


def _end_at_letter(run: str) -> str:
    """A right-to-left run ends with its last right-to-left letter, digit or punctuation mark
    («داور، ۱۳۸۹؛ ۳۳۸»), or with the bracket or guillemet closing one opened inside it: Western
    numbers and brackets after the words (a volume and issue, "17(2)") belong to the
    left-to-right text around."""
    last = _LAST_RTL.search(run)
    if last is None:
        return run
    end = last.start() + 1
    for closer, opener in ((")", "("), ("»", "«")):
        if run.startswith(closer, end) and run[:end].count(opener) > run[:end].count(closer):
            end += 1
    return run[:end]


#: quotation marks, each with the mark that closes it
_QUOTES = {"'": "'", '"': '"', "\u2018": "\u2019", "\u201c": "\u201d", "\u2039": "\u203a"}
#: what may stand between the end of a quoted left-to-right run and its closing mark: the
#: quotation's own trailing punctuation ("the coordination of forces ...", "Agency, ...")
_QUOTE_TAIL = re.compile(r"[\s.,;:…]*")


def _quotation(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the run at `text[start:end]`, widened to the quotation marks around it where
    the run is the whole of a quotation ('the the', 'coordination of forces ...'): isolated
    without them, the marks and the quotation's trailing dots take the direction of the text
    around and are drawn on the wrong side of the words."""
    opener = text[start - 1] if start else ""
    if opener not in _QUOTES or (start > 1 and unicodedata.bidirectional(text[start - 2])
                                 in ("L", "EN")):
        return start, end  # no quotation mark, or an apostrophe in Latin (it's)
    tail = _QUOTE_TAIL.match(text, end)
    close = tail.end() if tail else end
    after = text[close + 1:close + 2]
    if text.startswith(_QUOTES[opener], close) and not (after and unicodedata.bidirectional(after)
                                                        in ("L", "EN")):
        return start - 1, close + 1
    return start, end


#: a number before a left-to-right run that belongs to it: joined to it without a space (a DOI,
#: "10.22034/irr…"), or opening the quotation the run is in («19. yüzyıl», "9 Kasım 1991"); a
#: number after a word of the right-to-left text («عام 1994 (Sanal…)») stays with that text
_NUMBER_BEFORE = re.compile(
    r"(?:[0-9]+(?:[.,:\-–][0-9]+)*[/.\-–]"
    r"|(?:^|(?<=[«\"“‘'(]))[0-9]+(?:[.,:/\-–][0-9]+)*\.?\s+)$")


def _with_number_before(text: str, start: int) -> int:
    """Where a left-to-right run starting at `start` starts, with the number that belongs to it."""
    found = _NUMBER_BEFORE.search(text, max(0, start - 40), start)
    return found.start() if found else start


#: a run this short is kept on one line (a citation such as "(Nye, 1990: 153-171)" broken across
#: lines would show each part reordered against its surroundings)
UNBROKEN = 32


def runs(text: str, direction: str) -> Iterator[tuple[int, int]]:
    """The (start, end) of each run of `text` written against `direction`, in order."""
    if direction == "rtl":
        if not _HAS_LATIN.search(text):
            return
        pattern = _LTR_RUN
    else:
        if not _HAS_ARABIC.search(text):
            return
        pattern = _RTL_RUN
    last = at = 0
    while (match := pattern.search(text, at)) is not None:
        at = match.end()
        run = match.group()
        if direction == "ltr":
            run = _end_at_letter(run)
        run = _balance(run.replace("«", "\x00").replace("»", "\x01"))
        run = run.replace("\x00", "«").replace("\x01", "»")
        whole, run = run, _before_unclosed(run)
        if run != whole:  # what follows the bracket is read again, as text of its own
            at = max(match.start() + 1, match.start() + match.group().index(run) + len(run))
        if run.startswith("«") and "»" not in run:
            run = run[1:]
        if run.endswith("»") and "«" not in run:
            run = run[:-1]
        if run.isdigit() or not run.strip():
            continue
        start = text.index(run, match.start())
        if start < last:  # inside the quotation marks of the run before
            continue
        end = start + len(run)
        if direction == "rtl":
            start = max(last, _with_number_before(text, start))
            start, end = _quotation(text, start, end)
        yield start, end
        last = end


def _guillemets(text: str, start: int, end: int) -> bool:
    """Whether the run at `text[start:end]` is the whole of a «quotation»."""
    run = text[start:end]
    return (run.startswith("«") or text[start - 1:start] == "«") and \
        (run.endswith("»") or text[end:end + 1] == "»")


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
                      or (latin_language(run, quoted, _guillemets(text, start, end))
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
                                                      _guillemets(text, start, end))
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


def isolate_tokens(tokens: list[Token], direction: str, language: str = "",
                   quoted: str = "", spellings: Mapping[str, str] = NO_NAMES,
                   titles: Mapping[str, str] = NO_NAMES) -> list[Token]:
    """`isolate_html` on a page's tokens; in a page in `language`, a text wholly in the other
    right-to-left language (a Persian name in an Arabic page's table) is marked as such. On a
    paper's page, `quoted` is its language: a run no letter or known name (`spellings`, see
    `run_language`) identifies, outside its excerpts too (a summary's note quoting the paper),
    is taken to quote it, and so is a Latin «quotation» in Persian or Arabic text on a Turkish
    paper's page or excerpt."""

    def on_text(raw: str, stack: list[Token]) -> str | list[Token]:
        if any(token.name in _OPAQUE for token in stack):
            return raw
        inner = next((t.attrs.get("dir") for t in reversed(stack)
                      if (t.attrs.get("dir") or "").lower() in ("ltr", "rtl")), None)
        around = next((t.attrs.get("lang") for t in reversed(stack) if t.attrs.get("lang")),
                      language)
        # inside an excerpt (its note, its translation), a run no letter identifies is taken to
        # quote the excerpt's paper
        paper = next((t.attrs.get("data-lang") for t in reversed(stack)
                      if t.name == "article" and t.attrs.get("data-lang") in ORIGINAL_LANGUAGES),
                     quoted)
        return isolated_tokens(html.unescape(raw), (inner or direction).lower(), around or "",
                               paper or "", spellings, titles)

    return map_text(tokens, on_text)
