"""The right-to-left rule: where a run written against the direction of its text starts and ends.

`runs` finds them: inside right-to-left text, a left-to-right run (Latin words with the numbers
and punctuation that bind them, `(Davutoglu, 2016: 129)`, `S-300`, a URL); inside left-to-right
text, a Persian or Arabic run. What a run's letters are comes from the Unicode bidirectional class
of each character (`unicodedata`), not from code-point ranges. `bidi_isolation` wraps each run the
pages show in `<bdi>`; the search dialog isolates the same runs (`bidi_isolation.run_offsets`).
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Iterator


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
#: what a run of each direction holds between its letters besides letters and marks: digits,
#: spaces and punctuation (no Latin comma in a right-to-left run: it ends the run there)
RUN_INSIDE = {"ltr": r"0-9\s.,:;'’\-–/&%()+_=?#@~",
              "rtl": r"\u200c\s«»()0-9۰-۹.…:!؟،؛\-–/"}
#: a year, a dash and a day before a word: the end of one date and the start of the next,
#: «9 أبريل 2008- 9 أبريل 2018», each read in the sentence's direction (isolated as one range of
#: numbers, «2008- 9» was read «9 -2008»)
_TWO_DATES = rf"[0-9]{{4}}\s*[–\-]\s*[0-9]{{1,2}}\s+[{_ARABIC}]"
#: a left-to-right run: words, or numbers joined by punctuation (a range), with what binds them;
#: not two dates (`_TWO_DATES`)
_LTR_RUN = re.compile(
    rf"\(?(?:[{_LATIN}][{_LATIN}{_MARKS}{RUN_INSIDE['ltr']}]*[{_LATIN}{_MARKS}0-9)/]"
    rf"|(?<![0-9])(?!{_TWO_DATES})[0-9]+(?:[.,:/\-–][0-9]+)*(?:\s*[:–\-]\s*[0-9]+)+"
    rf"|[{_LATIN}])"
)
#: a right-to-left run inside left-to-right text (a quotation opening with a number, «90-ومنها
#: دبابة تي», is one too, and so is one with an ellipsis, «لردٍّّ … لدعم»); a Latin comma or
#: semicolon ends it: Persian and Arabic write their own (، ؛), so "دآوری, داور, داوری" is a list
#: of the English sentence and «يمكن»; «لردٍّّ» two quotations of it, each a run of its own (one
#: run would show them backwards)
_RTL_RUN = re.compile(
    rf"(?:«[0-9۰-۹]+[\-–](?=[{_ARABIC}])|[«(])?[{_ARABIC}](?:[{_ARABIC}{_MARKS}{RUN_INSIDE['rtl']}]*[{_ARABIC}{_MARKS}»)])?"
)
_HAS_LATIN = re.compile(rf"[{_LATIN}]|[0-9][.,:/\-–\s]+[0-9]")
_HAS_ARABIC = re.compile(rf"[{_ARABIC}]")
#: a letter written left to right, and one written right to left (from Unicode data)
LTR_LETTER = re.compile(rf"[{_LATIN}]")
RTL_LETTER = _HAS_ARABIC
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


def guillemets(text: str, start: int, end: int) -> bool:
    """Whether the run at `text[start:end]` is the whole of a «quotation»."""
    run = text[start:end]
    return (run.startswith("«") or text[start - 1:start] == "«") and \
        (run.endswith("»") or text[end:end + 1] == "»")
