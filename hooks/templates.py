"""The reader's HTML fragments, from Jinja templates with autoescaping on.

The templates are `overrides/partials/reader/*.html`, beside the theme's own overrides; a value
that is already HTML (a rendered note, a paragraph) is passed as `Markup` and every other value is
escaped by Jinja. One template per element of the HTML contract (README, "HTML contract").
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from jinja2.bccache import Bucket, BytecodeCache
from markupsafe import Markup, escape

FOLDER = Path(__file__).resolve().parent.parent / "overrides" / "partials" / "reader"


class MemoryBytecodeCache(BytecodeCache):
    """Compiled templates kept in memory for the whole run. MkDocs makes a new Jinja environment
    for each of the four editions, which would compile the theme's templates and the reader's four
    times over; Jinja checks each entry against its template's source, so an edited template
    (under `mkdocs serve`) is compiled again."""

    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    @staticmethod
    def _key(bucket: Bucket) -> str:
        # the template (its name and file) and the settings its code was compiled with
        env = bucket.environment
        escape = env.autoescape if isinstance(env.autoescape, bool) else "by-name"
        return f"{bucket.key}:{escape}:{sorted(env.extensions)}:{env.undefined.__name__}"

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._store.get(self._key(bucket))
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._store[self._key(bucket)] = bucket.bytecode_to_string()


#: shared by the reader's environment and the theme's (`reader.on_env`)
BYTECODE = MemoryBytecodeCache()


#: the separator of a list of names or links ("Ilham Aliyev · İlham Aliyev"), the template global
#: `dot`, written before the space that follows it: its no-break space glues it to the item before
#: it, so that a line never begins with it
DOT = "\u00a0·"

#: a range of numbers ("251–278", "۲۵۱–۲۷۸"): a line may not break after its dash
_RANGE = re.compile(r"\d+–\d+")


def keep_ranges(text: str) -> Markup:
    """The filter `keep_ranges`: `text`, escaped, each range of numbers in it kept on one line
    (`<span class="unbroken">`)."""
    return Markup(_RANGE.sub(lambda found: f'<span class="unbroken">{found.group(0)}</span>',
                             str(escape(text))))


@cache
def environment() -> Environment:
    # Templates are read once per build (`reload` starts again when they change under
    # `mkdocs serve`), not checked on disk at every use.
    env = Environment(loader=FileSystemLoader(FOLDER), autoescape=select_autoescape(["html"]),
                      undefined=StrictUndefined, keep_trailing_newline=False, auto_reload=False,
                      bytecode_cache=BYTECODE)
    env.filters["keep_ranges"] = keep_ranges
    env.globals["dot"] = DOT
    return env


def reload() -> None:
    """Read the templates again (a new build, perhaps after an edit)."""
    environment.cache_clear()


def render(name: str, **context: Any) -> str:
    """The template `name` (e.g. "excerpt.html") rendered with `context`, as HTML."""
    return environment().get_template(name).render(**context).strip()


__all__ = ["DOT", "Markup", "render"]
