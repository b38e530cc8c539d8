"""MkDocs hook: right-to-left and left-to-right text in every edition.

Material sets the page direction from the edition's language (fa and ar are right to left). This
hook isolates, in the page content, every run written against the direction around it: Latin
citations, numbers with punctuation and URLs inside Persian or Arabic; Persian or Arabic words
inside English or Turkish. The page title is isolated the same way.
"""

from __future__ import annotations

from bidi import isolate_html
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

RTL_EDITIONS = {"fa", "ar"}


def edition_direction(config: MkDocsConfig) -> str:
    i18n = config.plugins.get("i18n")
    edition = getattr(i18n, "current_language", None) or config.theme.get("language", "en")
    return "rtl" if edition in RTL_EDITIONS else "ltr"


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return isolate_html(html, edition_direction(config))
