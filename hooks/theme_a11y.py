"""The theme's own markup made accessible and valid: what the reader's templates cannot reach.

* `palette_names`: the names of the light/dark switch are the edition's (docs/data/ui.yml,
  `palette_to_dark`, `palette_to_light`), not the English of mkdocs.yml;
* `valid_toggles`: the theme's hidden checkboxes (the drawer and search toggles) lose the
  `autocomplete` attribute, which HTML allows on text-like inputs only (the Nu HTML Checker
  reports it); reader.js unchecks them when a page is shown again instead.
"""

from __future__ import annotations

import re
from typing import Any

#: the key in ui.yml of the name of a palette's switch, by the palette's colour scheme
PALETTE_KEYS = {"default": "palette_to_dark", "slate": "palette_to_light"}

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
