"""The short syntax as a Markdown extension: links, embeds and blocks, and what it leaves alone."""

from __future__ import annotations

import markdown
import pytest
from reader_syntax import ReaderSyntax


class Page:
    def link(self, excerpt_id: str) -> tuple[str, str, str]:
        return f"../papers/x/#{excerpt_id}", f"Label of {excerpt_id}", "ltr"

    def embed(self, excerpt_id: str) -> str:
        return f'<article class="excerpt" id="{excerpt_id}"><p>text</p></article>'

    def block(self, name: str) -> str:
        return f'<div class="block-{name}"></div>'


PAGE = Page()


def convert(source: str, context: Page | None = PAGE) -> str:
    syntax = ReaderSyntax()
    md = markdown.Markdown(extensions=[syntax, "pymdownx.superfences", "tables"])
    syntax.context = context
    return md.convert(source)


def test_a_link_gets_the_citation_label_or_its_own_text() -> None:
    html = convert("See [[kazemi-ots]] and [[kazemi-shusha|the declaration]].")
    assert '<a class="excerpt-ref" data-ref="kazemi-ots" dir="ltr" ' \
           'href="../papers/x/#kazemi-ots">Label of kazemi-ots</a>' in html
    assert ">the declaration</a>" in html


def test_a_link_gets_its_address_after_the_links_are_checked() -> None:
    """MkDocs checks a page's links to Markdown files in a tree processor of priority 0 and logs
    a page's URL there as "an unrecognized relative link": it sees the link with an address of
    its own scheme, which it passes over, and the link's text is still Markdown."""
    from markdown.treeprocessors import Treeprocessor

    seen: list[str] = []

    class LinkCheck(Treeprocessor):
        def run(self, root):
            seen.extend(a.get("href") for a in root.iter("a"))

    syntax = ReaderSyntax()
    md = markdown.Markdown(extensions=[syntax])
    md.treeprocessors.register(LinkCheck(md), "relpath", 0)
    syntax.context = PAGE
    html = md.convert("See [[kazemi-ots|the *declaration*]].")
    assert seen == ["reader-excerpt:kazemi-ots"]
    assert 'href="../papers/x/#kazemi-ots">the <em>declaration</em></a>' in html


def test_an_embed_on_its_own_line_becomes_the_excerpt_not_a_paragraph() -> None:
    html = convert("Before.\n![[kazemi-ots]]\nAfter.")
    assert html == ('<p>Before.</p>\n<article class="excerpt" id="kazemi-ots"><p>text</p>'
                    "</article>\n<p>After.</p>")


@pytest.mark.parametrize("name", ["papers", "downloads", "glossary", "entities", "timeline"])
def test_blocks(name: str) -> None:
    assert convert(f"# Title\n\n::: {name}\n") == f'<h1>Title</h1>\n<div class="block-{name}"></div>'


@pytest.mark.parametrize("source", [
    "`[[kazemi-ots]]` in code",
    "```\n![[kazemi-ots]]\n[[kazemi-ots]]\n```",
    "    ![[kazemi-ots]]",
    "an inline ![[kazemi-ots]] is not an embed",
])
def test_code_and_inline_embeds_are_left_as_written(source: str) -> None:
    html = convert(source)
    assert "excerpt-ref" not in html and "<article" not in html
    assert "[[kazemi-ots]]" in html


def test_without_a_page_the_syntax_stays_text() -> None:
    assert convert("[[kazemi-ots]]\n\n![[kazemi-ots]]", context=None).count("[[kazemi-ots]]") == 2


def test_a_link_in_a_table_and_a_list() -> None:
    html = convert("| a |\n|---|\n| [[x-y]] |\n\n- [[y-z]]\n")
    assert html.count('class="excerpt-ref"') == 2
