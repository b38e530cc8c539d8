"""A page's front matter (the YAML between the two `---` lines at its top): the keys a page
takes, what each must hold, and the pages each belongs on.

MkDocs and the theme read the front matter before any check, and take a key they do not know
without a word: `papr: kazemi-1403` left the English paper page without its record and most of
its excerpts, and an icon that does not exist stopped the build with a traceback. Here each
problem is reported at its line, with the fix.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from typing import Any

import yaml
from languages import page_place
from model import Corpus, Problem
from yaml_lines import DUPLICATE_KEY, _LineLoader, checked_yaml, strip_lines, unknown_keys

#: the keys a page's front matter takes, and what each does: the site's own, and those of the
#: theme that take effect on this site
PAGE_KEYS: dict[str, str] = {
    "paper": "on `papers/<key>.md`, the key of the paper the page presents (its file name)",
    "packet": "`true` on a seminar packet, `packets/<name>.md`",
    "terms": "a packet's glossary terms, by id",
    "allow_variants": "spellings of a name the consistency check accepts on this page",
    "title": "the page's title in the navigation and the browser's tab",
    "description": "the page's summary for search engines and link previews",
    "hide": "parts of the theme the page goes without: navigation, toc, footer, path",
    "icon": "an icon of the theme beside the page's name in the navigation, e.g. material/map",
}
#: what `hide:` may list (the theme's other values do nothing on this site)
HIDE = ("navigation", "toc", "footer", "path")
_ICON = re.compile(r"[a-z0-9-]+(/[a-z0-9-]+)+")
_EXAMPLE = "write one `key: value` per line, e.g. `paper: kazemi-1403`"


def _place(rel: str) -> str:
    """Where the page is inside its edition (`papers/kazemi-1403.md`)."""
    return page_place(rel)[1]


def _read(rel: str, text: str) -> tuple[dict[str, Any] | None, list[Problem]]:
    """The front matter as a mapping with the line of each key (None where the page has none)."""
    if not text.startswith("---"):
        return None, []
    front = text.split("---", 2)[1] if text.count("---") >= 2 else ""
    try:
        meta = checked_yaml(front, _LineLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "context_mark", None) or getattr(err, "problem_mark", None)
        why = str(getattr(err, "problem", None) or "")
        fix = "keep one of the two lines" if DUPLICATE_KEY in why else _EXAMPLE
        return None, [Problem(rel, (mark.line + 1) if mark else 1,
                              "the front matter between the `---` lines is not YAML"
                              + (f" ({why})" if why else ""), fix)]
    if meta is not None and not isinstance(meta, dict):
        return None, [Problem(rel, 2, "the front matter between the `---` lines is not "
                              "`key: value` lines", _EXAMPLE)]
    return meta or {}, []


def check_front_matter(rel: str, text: str, corpus: Corpus) -> list[Problem]:
    """The problems of a page's front matter: not YAML, a key no page takes, a value of the
    wrong kind, or a key on a page it does not belong on."""
    meta, problems = _read(rel, text)
    if problems:
        return problems
    meta = meta or {}
    problems = unknown_keys(meta, PAGE_KEYS, rel, "the front matter")
    lines: dict[str, int] = meta.get("__lines__", {})
    plain = strip_lines(meta)
    found = _paper(rel, plain, corpus) + _packet(rel, plain) + _kinds(plain) + _hide(plain) + \
        _icon(plain)
    return problems + [Problem(rel, lines.get(key, 1), message, fix, missing=missing)
                       for key, message, fix, missing in found]


#: a problem before its line is known: (key, message, fix, the paper it finds missing)
_Found = tuple[str, str, str, str | None]


def _paper(rel: str, meta: dict[str, Any], corpus: Corpus) -> list[_Found]:
    """`paper:` names a paper of the corpus, and is on that paper's page, which must have it."""
    place, paper = _place(rel), meta.get("paper")
    stem = place.removeprefix("papers/").removesuffix(".md")
    ours = place.startswith("papers/") and stem in corpus.papers
    if paper is None:
        return [("paper", f"the page of the paper '{stem}' does not say `paper: {stem}` in its "
                 "front matter: it would be published without the paper's record and excerpts",
                 f"begin the page with the line `paper: {stem}` between two `---` lines, as "
                 "every paper's page does", None)] if ours else []
    if str(paper) not in corpus.papers:
        return [("paper", f"unknown paper {paper!r} in the front matter",
                 f"use one of: {', '.join(sorted(corpus.papers))}", str(paper))]
    if place and str(paper) != stem:
        return [("paper", f"`paper: {paper}` is on {place}, but each paper is presented on its "
                 f"own page, papers/{paper}.md",
                 f"write `paper: {stem}`" if ours else "remove the line", None)]
    return []


def _packet(rel: str, meta: dict[str, Any]) -> list[_Found]:
    """`packet: true` on a page of `packets/`; `terms:` only beside it."""
    place = _place(rel)
    out: list[_Found] = []
    if "packet" in meta and meta["packet"] is not True:
        out.append(("packet", f"`packet:` is {meta['packet']!r}; a packet page says `packet: true`",
                    "write `packet: true`, or remove the line from a page that is not a packet",
                    None))
    elif "packet" in meta and place and not place.startswith("packets/"):
        out.append(("packet", f"`packet: true` is on {place}, but the packets are the pages "
                    "of packets/", "move the page to packets/, or remove the line", None))
    if "terms" in meta and meta.get("packet") is not True:
        out.append(("terms", "`terms:` lists a packet's glossary terms, and this page is not "
                    "a packet (no `packet: true`)", "add `packet: true`, or remove the line", None))
    return out


def _kinds(meta: dict[str, Any]) -> list[_Found]:
    """The title and description are text; the variants a list of words."""
    out: list[_Found] = []
    for key in ("title", "description"):
        if key in meta and (not isinstance(meta[key], str) or not meta[key].strip()):
            out.append((key, f"`{key}:` must be words", f'write e.g. `{key}: "…"`, in quotes', None))
    variants = meta.get("allow_variants")
    if "allow_variants" in meta and (not isinstance(variants, list)
                                     or not all(isinstance(v, str) for v in variants)):
        out.append(("allow_variants", "`allow_variants:` must be a list of spellings",
                    'write e.g. `allow_variants: ["İlham"]`', None))
    return out


def _hide(meta: dict[str, Any]) -> list[_Found]:
    if "hide" not in meta:
        return []
    hide = meta["hide"]
    wrong = [str(v) for v in hide if v not in HIDE] if isinstance(hide, list) else [repr(hide)]
    if not wrong:
        return []
    return [("hide", f"`hide:` lists {', '.join(f'`{w}`' for w in wrong)}, which is not a part "
             "of the page that can be hidden", f"list some of {', '.join(HIDE)}, e.g. "
             "`hide: [toc]`", None)]


def theme_icons() -> list[Path]:
    """The folders of icons a page may name: the project's (`overrides/.icons`) and the theme's."""
    theme = importlib.util.find_spec("material")
    folders = [Path(__file__).resolve().parents[1] / "overrides" / ".icons"]
    return folders + ([Path(theme.origin).parent / "templates" / ".icons"]
                      if theme and theme.origin else [])


def _icon(meta: dict[str, Any]) -> list[_Found]:
    if "icon" not in meta:
        return []
    icon = meta["icon"]
    if isinstance(icon, str) and _ICON.fullmatch(icon) and any(
            (folder / f"{icon}.svg").is_file() for folder in theme_icons()):
        return []
    return [("icon", f"the theme has no icon {icon!r}", "name an icon as `set/name` (e.g. "
             "`material/map`), one of those listed at "
             "https://squidfunk.github.io/mkdocs-material/reference/icons-emojis/", None)]
