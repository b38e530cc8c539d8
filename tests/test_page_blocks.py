"""A page's block lines (`page_blocks`): what is named is what the site's Markdown shows as
text, and what is not named is what it reads as the block that was meant."""

from __future__ import annotations

import functools
import logging
from pathlib import Path

import markdown
import pytest
from mkdocs.config import load_config
from page_blocks import block_problems

ROOT = Path(__file__).resolve().parents[1]


@functools.cache
def site_markdown() -> markdown.Markdown:
    """Python-Markdown with the extensions and settings of mkdocs.yml."""
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    config = load_config(str(ROOT / "mkdocs.yml"))
    return markdown.Markdown(extensions=config["markdown_extensions"],
                             extension_configs=config["mdx_configs"])


#: (the page's text, the line named or 0 for none, whether Markdown makes a list of it): each
#: list Markdown would swallow, lists it reads, and a line that only looks like an item
LISTS = [
    ("A paragraph:\n- one\n- two\n", 2, False),
    ("A paragraph\n1. one\n2. two\n", 2, False),
    ("A paragraph\n* one\n", 2, False),
    ("## A heading\nA paragraph\n+ one\n", 3, False),
    ("A paragraph:\n\n- one\n- two\n", 0, True),
    ("## A heading\n- one\n", 0, True),
    ("- one\n  its second line\n- two\n", 0, True),
    ("| a | b |\n|---|---|\n| 1 | 2 |\n\n- one\n", 0, True),
    ("The war of\n2020. A paragraph\n", 0, False),
]
#: the same for tables: (text, line named, whether Markdown makes a table of it)
TABLES = [
    ("A paragraph:\n| a | b |\n|---|---|\n| 1 | 2 |\n", 2, False),
    ("A paragraph:\n|a|b|\n|:--|--:|\n", 2, False),
    ("A paragraph:\n\n| a | b |\n|---|---|\n| 1 | 2 |\n", 0, True),
    ("## A heading\n| a | b |\n|---|---|\n", 0, True),
    ("A choice | of words\nin a paragraph\n", 0, False),
]


@pytest.mark.parametrize("text, line, listed", LISTS)
def test_a_list_after_a_paragraphs_line_is_named(text: str, line: int, listed: bool) -> None:
    found = [p.line for p in block_problems("docs/tr/x.md", text)]
    assert found == ([line] if line else []), found


@pytest.mark.parametrize("text, line, listed", LISTS)
def test_what_is_named_is_what_markdown_shows_as_text(text: str, line: int, listed: bool) -> None:
    html = site_markdown().reset().convert(text)
    assert ("<li>" in html) == listed, html


@pytest.mark.parametrize("text, line, tabled", TABLES)
def test_a_table_after_a_paragraphs_line_is_named(text: str, line: int, tabled: bool) -> None:
    found = [p.line for p in block_problems("docs/tr/x.md", text)]
    assert found == ([line] if line else []), found
    assert ("<table>" in site_markdown().reset().convert(text)) == tabled


@pytest.mark.parametrize("text, line", [
    (":: glossary\n", 1), ("\n:::: timeline\n", 2), (": papers\n", 1),
    ("::: glossary\n", 0), (":: nothing-we-make\n", 0),
])
def test_a_block_with_two_or_four_colons_is_named(text: str, line: int) -> None:
    found = [p for p in block_problems("docs/en/x.md", text) if "colon" in p.message]
    assert [p.line for p in found] == ([line] if line else [])
    if line:
        assert "`::: " in found[0].fix


#: (text, line named or 0, whether Markdown nests a list in the first item)
NESTED = [
    ("- a\n  - b\n", 2, False),
    ("- a\n   - b\n", 2, False),
    ("1. a\n   - b\n2. c\n", 2, False),
    ("- a\n        - b\n", 2, False),
    ("- a\n    - b\n      - c\n", 3, True),
    ("- a\n    - b\n", 0, True),
    ("1. a\n    - b\n", 0, True),
    ("- a\n    - b\n        - c\n- d\n", 0, True),
    ("- a\n - b\n", 0, False),
    ("- a\n  its second line\n- b\n", 0, False),
    ("- a\n\nA paragraph.\n\n  - b\n", 0, False),
]


@pytest.mark.parametrize("text, line, nested", NESTED)
def test_an_item_indented_less_than_four_spaces_under_another_is_named(
        text: str, line: int, nested: bool) -> None:
    found = [p.line for p in block_problems("docs/en/x.md", text)]
    assert found == ([line] if line else []), found
    html = site_markdown().reset().convert(text).replace("\n", "")
    assert ("<li>a<ul>" in html) == nested, html
