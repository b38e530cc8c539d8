"""MkDocs hook: a visible notice on pages an edition has not translated yet.

mkdocs-static-i18n fills an edition's missing pages with the English ones. This hook says so at
the top of such a page, in the edition's language, with a link to where the translation goes, and
points the page's edit button there too.
"""

from __future__ import annotations

from pathlib import Path

from content import read_corpus
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page


def is_fallback(page: Page, edition: str) -> bool:
    """True when the page shown in `edition` comes from another edition's file."""
    locale = getattr(page.file, "locale", None)
    return locale is not None and locale != edition


def translation_path(page: Page, edition: str) -> str:
    """Where in the repository this page's translation into `edition` belongs."""
    norm = getattr(page.file, "norm_src_uri", page.file.src_uri)
    return f"docs/{edition}/{norm}"


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    i18n = config.plugins.get("i18n")
    edition = getattr(i18n, "current_language", "en")
    if not is_fallback(page, edition):
        return markdown
    ui = read_corpus(Path(config.docs_dir))[0].ui[edition]
    target = translation_path(page, edition)
    new_file = f"{(config.repo_url or '').rstrip('/')}/new/main?filename={target}"
    source = f"{(config.repo_url or '').rstrip('/')}/blob/main/docs/{page.file.src_uri}"
    page.edit_url = new_file
    notice = (
        f'<div class="admonition warning fallback-notice" data-fallback="{edition}" '
        f'lang="{edition}" dir="{"rtl" if edition in ("fa", "ar") else "ltr"}">'
        f'<p class="admonition-title">{ui["fallback_title"]}</p>'
        f'<p>{ui["fallback_body"]} <a class="fallback-notice__add" href="{new_file}">'
        f'{ui["fallback_link"]}</a>: <code dir="ltr">{target}</code> '
        f'(<a href="{source}">{ui["source_file"]}</a>)</p></div>'
    )
    return f"{notice}\n\n{markdown}"
