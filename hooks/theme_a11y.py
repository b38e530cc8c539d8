"""The theme's own markup made accessible and valid: what the reader's templates cannot reach.

* `palette_names`: the names of the light/dark switch are the edition's (docs/data/ui.yml,
  `palette_to_dark`, `palette_to_light`), not the English of mkdocs.yml;
* `valid_toggles`: the theme's hidden checkboxes (the drawer and search toggles) lose the
  `autocomplete` attribute, which HTML allows on text-like inputs only (the Nu HTML Checker
  reports it); reader.js unchecks them when a page is shown again instead;
* `named_section_toggles`: a navigation section with a page of its own ("Papers", "Seminar
  packets") has a link to that page and, beside it, a toggle that opens the section, drawn as
  an arrow only. The toggle gets the section's name, unseen, so that a screen reader names the
  control and the section's navigation landmark, which the theme labels by it (axe:
  `landmark-unique`, two nameless landmarks on a phone).
"""

from __future__ import annotations

import re
from typing import Any

from html_tokens import Token, serialize, tokenize

#: the key in ui.yml of the name of a palette's switch, by the palette's colour scheme
PALETTE_KEYS = {"default": "palette_to_dark", "slate": "palette_to_light"}

#: a section's link and toggle (no element inside is a div)
_CONTAINER = re.compile(r'<div class="md-nav__link md-nav__container">.*?</div>', re.S)
_TOGGLE = re.compile(r'(<input class="md-toggle"[^>]*type="checkbox"[^>]*?)\s+autocomplete="off"')


def palette_names(theme: Any, ui: dict[str, str]) -> None:
    """Give each palette's switch its name in the edition's language, in place."""
    palettes = theme.get("palette") if hasattr(theme, "get") else None
    if not isinstance(palettes, list):
        return
    for palette in palettes:
        toggle = palette.get("toggle") if isinstance(palette, dict) else None
        key = PALETTE_KEYS.get(str(palette.get("scheme", "default")))
        if isinstance(toggle, dict) and key and ui.get(key):
            toggle["name"] = ui[key]


def valid_toggles(page_html: str) -> str:
    """The page without `autocomplete` on the theme's checkbox toggles."""
    return _TOGGLE.sub(r"\1", page_html)


def named_section_toggles(page_html: str) -> str:
    """The page with each section toggle beside a section's link named as the link."""
    return _CONTAINER.sub(lambda match: _named_toggle(match.group(0)), page_html)


def _named_toggle(container: str) -> str:
    tokens = tokenize(container)
    name, in_link, out = [], False, []
    for token in tokens:
        if token.name == "a":
            in_link = token.kind == "start"
        elif in_link and token.kind == "text":
            name.append(token.raw)  # as written: already escaped
        out.append(token)
        if (token.kind == "start" and token.name == "label"
                and str(token.attrs.get("id") or "").endswith("_label")):
            text = " ".join("".join(name).split())
            if text and "visually-hidden" not in container:
                out.append(Token("text", f'<span class="visually-hidden">{text}</span>'))
    return serialize(out)
