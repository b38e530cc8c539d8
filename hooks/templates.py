"""The reader's HTML fragments, from Jinja templates with autoescaping on.

The templates are `overrides/partials/reader/*.html`, beside the theme's own overrides; a value
that is already HTML (a rendered note, a paragraph) is passed as `Markup` and every other value is
escaped by Jinja. One template per element of the HTML contract (README, "HTML contract").
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

FOLDER = Path(__file__).resolve().parent.parent / "overrides" / "partials" / "reader"


@cache
def environment() -> Environment:
    # Templates are read once per build (`reload` starts again when they change under
    # `mkdocs serve`), not checked on disk at every use.
    return Environment(loader=FileSystemLoader(FOLDER), autoescape=select_autoescape(["html"]),
                       undefined=StrictUndefined, keep_trailing_newline=False, auto_reload=False)


def reload() -> None:
    """Read the templates again (a new build, perhaps after an edit)."""
    environment.cache_clear()


def render(name: str, **context: Any) -> str:
    """The template `name` (e.g. "excerpt.html") rendered with `context`, as HTML."""
    return environment().get_template(name).render(**context).strip()


__all__ = ["Markup", "render"]
