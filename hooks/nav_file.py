"""The site's menu, `nav:` in mkdocs.yml, against the pages and the editions.

A page that `nav:` does not list is published, but no menu leads to it: `make check` names it
(and the build stops on it: `validation: nav: omitted_files` in mkdocs.yml). A title of the menu
that an edition does not translate under its `nav_translations` is shown there in English, and a
translation of a title the menu no longer has (the English was reworded) is never used: both are
warnings, as for the other strings an edition has not translated yet.

The menu's order of the papers is the site's: every list of them follows it (`paper_order`).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from languages import DEFAULT_EDITION, EDITIONS, english_name
from mkdocs.utils.yaml import yaml_load
from model import Problem

CONFIG = "mkdocs.yml"


def read_config(root: Path) -> tuple[dict[str, Any], list[str], list[Problem]]:
    """mkdocs.yml as MkDocs reads it (its `!ENV` and Python tags too), and its lines."""
    path = root / CONFIG
    try:
        text = path.read_text(encoding="utf-8")
        config = yaml_load(text)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as err:
        return {}, [], [Problem(CONFIG, 1, f"the site's configuration cannot be read: {err}",
                                "compare it with the last version that built")]
    return (config if isinstance(config, dict) else {}), text.split("\n"), []


def nav_items(nav: Any) -> Iterator[tuple[str | None, str | None]]:
    """(title, page) for each entry of `nav:`, depth first: a section has no page, a page listed
    without a title has no title."""
    for item in nav if isinstance(nav, list) else []:
        if isinstance(item, str):
            yield None, item
        elif isinstance(item, dict):
            for title, value in item.items():
                if isinstance(value, str):
                    yield str(title), value
                else:
                    yield str(title), None
                    yield from nav_items(value)


def paper_order(root: Path) -> list[str]:
    """The keys of the papers in the order the menu lists their pages (`papers/<key>.md`): the
    order of every list of the papers on the site. Empty where the project has no `nav:`."""
    config, _, _ = read_config(root)
    pages = [Path(page) for _, page in nav_items(config.get("nav")) if page]
    return [page.stem for page in pages
            if page.parent.as_posix() == "papers" and page.suffix == ".md" and page.stem != "index"]


def _line(lines: list[str], key: str, after: str = "nav:") -> int:
    """The line that gives `key` (`key:` or `"key":`), the first after the line `after`."""
    start = next((n for n, line in enumerate(lines) if line.strip() == after), 0)
    return next((n + 1 for n, line in enumerate(lines[start:], start=start)
                 if f"{key}:" in line or f'{key}":' in line), start + 1)


def omitted_pages(docs_dir: Path, config: dict[str, Any]) -> list[Problem]:
    """Each page of an edition that `nav:` does not list (none when there is no `nav:`, and
    MkDocs lists every page)."""
    if not config.get("nav"):
        return []
    listed = {page for _, page in nav_items(config["nav"]) if page}
    return [Problem(f"docs/{edition}/{page}", 1, "no menu leads to this page: `nav:` in "
                    f"{CONFIG} does not list {page}",
                    f'add `- "<its English title>": {page}` to `nav:` in {CONFIG}, in its '
                    "section, and the title's translation under each edition's `nav_translations`")
            for edition in EDITIONS if (docs_dir / edition).is_dir()
            for page in sorted(p.relative_to(docs_dir / edition).as_posix()
                               for p in (docs_dir / edition).rglob("*.md"))
            if page not in listed]


def _editions(config: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(code, settings) of each edition the i18n plugin builds but the default one."""
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("i18n"), dict):
            for language in plugin["i18n"].get("languages") or []:
                if isinstance(language, dict) and language.get("locale") != DEFAULT_EDITION:
                    yield str(language.get("locale")), language


def title_warnings(config: dict[str, Any], lines: list[str]) -> list[Problem]:
    """A warning for each title of the menu an edition does not translate, and for each
    translation of a title the menu does not have."""
    if not config.get("nav"):  # MkDocs titles each page by its heading: nothing to translate
        return []
    titles = list(dict.fromkeys(t for t, _ in nav_items(config["nav"]) if t))
    out = []
    for code, language in _editions(config):
        translated = language.get("nav_translations") or {}
        name = english_name(code) if code in EDITIONS else code
        out += [Problem(CONFIG, _line(lines, title), f"the menu title {title!r} has no {name} "
                        f"translation: the {name} edition shows it in English",
                        f'add `"{title}": <the title in {name}>` under `nav_translations` of '
                        f"the `{code}` edition", warning=True)
                for title in titles if title not in translated]
        out += [Problem(CONFIG, _line(lines, str(key), after=f"- locale: {code}"),
                        f"the {name} `nav_translations` translate {key!r}, which is not a title "
                        "of the menu (`nav:`): the translation is never shown",
                        "give it the English title as `nav:` now writes it, or remove it",
                        warning=True)
                for key in translated if key not in titles]
    return out


def nav_problems(docs_dir: Path) -> tuple[list[Problem], list[Problem]]:
    """The problems (pages no menu leads to) and the warnings (titles not translated) of the
    menu of the project whose docs are `docs_dir`."""
    config, lines, problems = read_config(docs_dir.parent)
    return problems + omitted_pages(docs_dir, config), title_warnings(config, lines)
