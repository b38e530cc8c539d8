"""The editorial text of the apparatus: an event's title, a term's definition, an entity's line of
identification. Each is one line of inline Markdown in its data file (`docs/data/events.yml`,
`glossary.yml`, `entities.yml`): `*a work's title*` in italics, and words of another language
marked as in notes, `<span lang="en">Bound to Lead</span>`.

* `inline_html`: the text as inline HTML, for the glossary, the index and the timeline (the page
  pipeline sanitises it with the rest of the page);
* `inline_plain`: the same text without its markup, for what shows plain text (a gloss's popup,
  the timeline chart's labels, the corpus export);
* `check_texts`: a cross-reference written in one of them (there is no excerpt page to link it
  from), with the file, the line and the fix; `scan_file`: the data file's lines, as every
  content file's are checked (raw HTML, bidi controls, letters of two keyboards).
"""

from __future__ import annotations

import functools
import html
import re
from typing import Any

import markdown
import nh3
from collation import sort_key
from languages import EDITIONS, english_name
from markupsafe import Markup, escape
from md_labels import label_marks
from model import Problem
from source_text import scan_letters, scan_markup, scan_paths, scan_text
from typography import Glue, glue
from yaml_lines import unknown_keys


def edition_texts(value: Any) -> dict[str, str]:
    """An entry's text in each edition (`{en: ..., tr: ...}`), the empty ones left out."""
    if not isinstance(value, dict):
        return {}
    return {k: str(v).strip() for k, v in value.items()
            if k in EDITIONS and v not in (None, "")}


def edition_name(names: dict[str, str], edition: str) -> tuple[str, str]:
    """An entry's name in the edition's language, or its English name where the edition has none
    yet, with "en" to mark it so (else "")."""
    return (names[edition], "") if names.get(edition) else (names["en"], "en")


def name_order(names: dict[str, str], edition: str, family: dict[str, str] | None = None) -> bytes:
    """Where an entry stands in the edition's lists of names (the glossary, the table of
    concepts, the index): by its name in the edition's language, in that language's alphabetical
    order (`collation`); a person with a `family` name by it, then by the given names ("Aliyev
    Heydar" before "Aliyev Ilham")."""
    name, english = edition_name(names, edition)
    surname = (family or {}).get(english or edition, "")
    if surname and name.endswith(" " + surname):
        name = f"{surname} {name[:-len(surname)].strip()}"
    return sort_key(name, edition)


#: a text without any of these is plain text: it is escaped, not converted
_MARKUP = re.compile(r"[*_<>&`\\\[\]]")
_PARAGRAPH = re.compile(r"^<p>(.*)</p>$", re.S)
#: what would begin a list, heading, quotation or rule: "16. yüzyıl" is an ordinal, not a list
_BLOCK_START = re.compile(r"^(\d+)\.(?=\s)|^([-+*](?=\s)|#|>)")
_markdown = markdown.Markdown(extensions=[Glue()])


def _convert(text: str) -> str:
    """The text on one line, as Markdown makes it a paragraph: a mark that would begin a list,
    a heading or a quotation at its start is taken as the character it is."""
    text = _BLOCK_START.sub(lambda m: f"{m.group(1)}\\." if m.group(1) else f"\\{m.group(2)}",
                            " ".join(text.split()))
    return _markdown.reset().convert(text)


@functools.lru_cache(maxsize=4096)
def inline_html(text: str) -> Markup:
    """One line of the apparatus as inline HTML (raw HTML that would make it a block, which
    `source_text.scan_markup` reports, gives the text alone, escaped)."""
    text = " ".join(text.split())
    if not _MARKUP.search(text):
        return escape(glue(text))
    converted = _convert(text)
    match = _PARAGRAPH.match(converted)
    if match and "<p>" not in match.group(1):
        return Markup(match.group(1))
    return escape(inline_plain(text))


@functools.lru_cache(maxsize=4096)
def inline_plain(text: str) -> str:
    """The text without its markup: `*Bound to Lead*` is "Bound to Lead"."""
    text = " ".join(text.split())
    if not _MARKUP.search(text):
        return text
    converted = _convert(text)
    return " ".join(html.unescape(nh3.clean(converted, tags=set())).split())


def scan_file(rel: str, text: str) -> list[Problem]:
    """The line-level checks of a data file of the apparatus: bidi controls and unsafe HTML, raw
    HTML outside the allow-list, words that mix the Arabic and Persian keyboards."""
    return scan_text(rel, text) + scan_markup(rel, text, external_links=True) + \
        scan_letters(rel, text) + scan_paths(rel, text)


def check_inline(rel: str, line: int, where: str, text: str) -> list[Problem]:
    """A cross-reference, which has no page to link from in `text` (`where` names the field:
    "event 'x', title (tr)"), or a reference link or footnote, whose label a line of text cannot
    define; raw HTML outside the allow-list is `source_text.scan_markup`'s."""
    if "[[" in text:
        return [Problem(rel, line, f"{where}: a cross-reference `[[…]]` cannot be used here",
                        "write the text without it: the glossary, the index and the timeline "
                        "link their excerpts themselves (an excerpt's `terms`, an entity's "
                        "`match` forms, an event's `excerpts`)")]
    marks = label_marks(text)
    if marks:  # one line of text cannot define a label: Markdown shows the brackets as typed
        return [Problem(rel, line, f"{where}: `{marks[0]}` needs a label defined on a line of "
                        "its own, which a text of one line cannot have: it would be shown as "
                        "typed", "write a link inline (`[text](https://…)`), and a footnote's "
                        "words in the text itself")]
    return []


def check_texts(rel: str, entry: dict[str, Any], key: str, where: str) -> list[Problem]:
    """`check_values` on the texts under `key` of a data file's entry (a mapping from
    `source_text.load_yaml`, which knows each value's line), each under a language of the
    site."""
    value = entry.get(key)
    if not isinstance(value, dict):
        return []
    line = entry.get("__lines__", {}).get(key, entry.get("__line__", 1))
    # a language the site does not have (`fs:` for `fa:`) would be dropped without a word
    return unknown_keys(value, EDITIONS, rel, f"{where}, {key}") + \
        check_values(rel, value, line, f"{where}, {key}")


def check_values(rel: str, texts: dict[str, Any], line: int, where: str) -> list[Problem]:
    """Each language's value in `texts` (en, tr, fa, ar; a mapping from `load_yaml`) is text,
    and `check_inline`'s one line of inline Markdown; `line`: where `texts` begins."""
    lines = texts.get("__lines__", {})
    problems = []
    for lang, text in texts.items():
        if lang not in EDITIONS or text is None:
            continue
        if isinstance(text, (list, dict)):
            problems.append(Problem(rel, lines.get(lang, line), f"{where} ({lang}) is not text",
                                    f"write one line of text after `{lang}:` (in quotes if it "
                                    "begins with [ or {)"))
        else:
            problems += check_inline(rel, lines.get(lang, line), f"{where} ({lang})", str(text))
    return problems


def missing_translations(rel: str, line: int, texts: dict[str, str], what: str,
                         key: str | None = None) -> list[Problem]:
    """A warning for each edition an entry's texts (`{en: ..., tr: ...}`, under `key`, or the
    entry's own keys where `key` is None) have no text in yet: that edition shows the English
    there until it is written."""
    where = f"under `{key}:`" if key else "in the entry"
    return [Problem(rel, line, f"{what} has no {english_name(code)} text yet",
                    f"add `{code}: ...` {where}, in {english_name(code)} (the "
                    f"{english_name(code)} edition shows the English until then)", warning=True)
            for code in EDITIONS[1:] if texts.get("en") and not texts.get(code)]
