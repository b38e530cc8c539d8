"""A page's block lines (`page_blocks`): what is named is what the site's Markdown shows as
text, and what is not named is what it reads as the block that was meant."""

from __future__ import annotations

import functools
import logging
from pathlib import Path

import markdown
import material
import pytest
from mkdocs.config import load_config
from page_blocks import ADMONITION_TYPES, block_problems
from reader_syntax import BLOCK_LINE

ROOT = Path(__file__).resolve().parents[1]


@functools.cache
def site_markdown() -> markdown.Markdown:
    """Python-Markdown with the extensions and settings of mkdocs.yml."""
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    config = load_config(str(ROOT / "mkdocs.yml"))
    return markdown.Markdown(extensions=config["markdown_extensions"],
                             extension_configs=config["mdx_configs"])


#: (the page's text, the line named or 0 for none, what the site's Markdown makes of it: the
#: markup it writes for what was meant, and whether it is there): each list, table, nested list,
#: heading or quotation that Markdown would show as text, beside the item above or as a table's
#: row, the ones it reads as meant, and lines that only look like them; and each line it reads as
#: a heading that GitHub's preview shows as text (`#Heading`), or the other way round (an
#: indented heading)
_LIST, _TABLE, _NESTED = "<li>", "<table>", "<li>a<ul>"
SHAPES = [
    ("A paragraph:\n- one\n- two\n", 2, _LIST, False),
    ("A paragraph\n1. one\n2. two\n", 2, _LIST, False),
    ("A paragraph\n* one\n", 2, _LIST, False),
    ("## A heading\nA paragraph\n+ one\n", 3, _LIST, False),
    ("A paragraph:\n\n- one\n- two\n", 0, _LIST, True),
    ("## A heading\n- one\n", 0, _LIST, True),
    ("- one\n  its second line\n- two\n", 0, _LIST, True),
    ("| a | b |\n|---|---|\n| 1 | 2 |\n\n- one\n", 0, _LIST, True),
    ("The war of\n2020. A paragraph\n", 0, _LIST, False),
    ("Selçuklular\n12. yüzyılda geldi.\n", 0, _LIST, False),
    ("A paragraph:\n| a | b |\n|---|---|\n| 1 | 2 |\n", 2, _TABLE, False),
    ("A paragraph:\n|a|b|\n|:--|--:|\n", 2, _TABLE, False),
    ("A paragraph:\n\n| a | b |\n|---|---|\n| 1 | 2 |\n", 0, _TABLE, True),
    ("## A heading\n| a | b |\n|---|---|\n", 0, _TABLE, True),
    ("A choice | of words\nin a paragraph\n", 0, _TABLE, False),
    ("- a\n  - b\n", 2, _NESTED, False),
    ("- a\n   - b\n", 2, _NESTED, False),
    ("1. a\n   - b\n2. c\n", 2, _NESTED, False),
    ("- a\n        - b\n", 2, _NESTED, False),
    ("- a\n    - b\n      - c\n", 3, _NESTED, True),
    ("- a\n    - b\n", 0, _NESTED, True),
    ("1. a\n    - b\n", 0, _NESTED, True),
    ("- a\n    - b\n        - c\n- d\n", 0, _NESTED, True),
    ("- a\n - b\n", 0, _NESTED, False),
    ("- a\n  its second line\n- b\n", 0, _NESTED, False),
    ("- a\n\nA paragraph.\n\n  - b\n", 0, _NESTED, False),
    ("| a | b |\n|---|---|\n| 1 | 2 |\n- one\n", 4, _LIST, False),
    ("| a | b |\n|---|---|\n| 1 | 2 |\n## A heading\n", 4, "<h2", False),
    ("| a | b |\n|---|---|\n| 1 | 2 |\n> A quotation\n", 4, "<blockquote>", False),
    ("| a | b |\n|---|---|\n| 1 | 2 |\n\n## A heading\n", 0, "<h2", True),
    ("| a | b |\n|---|---|\n| 1 | 2 |\nthe last row\n", 0, "<td>the last row</td>", True),
    ("1) one\n2) two\n", 1, "<li>", False),
    ("A paragraph:\n1) one\n   its second line\n2) two\n", 2, "<li>", False),
    ("1) one\n\n2) two\n", 0, "<li>", False),
    ("1) A paragraph of its own.\n", 0, "<li>", False),
    ("A paragraph\n#1 reason is trade\n", 2, "<h1", True),
    ("#Heading\n", 1, "<h1", True),
    ("A paragraph\n\n###Detail\n", 3, "<h3", True),
    ("  # An indented heading\n", 1, "<h1", False),
    ("A paragraph\n   ## Indented\n", 2, "<h2", False),
    ("# A heading\n\n## Its section #2\n", 0, "<h2", True),
    ("\\#1 reason is trade\n", 0, "<h1", False),
    ("A paragraph\n\n<!--\n#note to self\n-->\n", 0, "<h1", False),
    ("A paragraph <!--\n#note to self\n--> ends.\n", 2, "<h1", True),
    ("The # of a channel, #general\n", 0, "<h1", False),
]


@pytest.mark.parametrize("text, line, markup, made", SHAPES)
def test_what_markdown_would_not_make_as_meant_is_named(text: str, line: int, markup: str,
                                                         made: bool) -> None:
    found = [p.line for p in block_problems("docs/tr/x.md", text)]
    assert found == ([line] if line else []), found
    html = site_markdown().reset().convert(text).replace("\n", "")
    assert (markup in html) == made, html


@pytest.mark.parametrize("text, line", [
    (":: glossary\n", 1), ("\n:::: timeline\n", 2), (": papers\n", 1),
    ("::: glossary\n", 0), (":: nothing-we-make\n", 0),
])
def test_a_block_with_two_or_four_colons_is_named(text: str, line: int) -> None:
    found = [p for p in block_problems("docs/en/x.md", text) if "colon" in p.message]
    assert [p.line for p in found] == ([line] if line else [])
    if line:
        assert "`::: " in found[0].fix


@pytest.mark.parametrize("text, line, words", [
    ("::: papers of 2025\n", 1, "«of 2025»"), ("\n::: timeline {: .wide }\n", 2, "«{: .wide }»"),
    ("::: papers\n", 0, ""), ("::: papers  \n", 0, ""), ("::: nothing-we-make here\n", 0, ""),
])
def test_a_block_with_more_than_its_name_on_its_line_is_named(text: str, line: int,
                                                              words: str) -> None:
    found = [p for p in block_problems("docs/en/x.md", text) if "is followed by" in p.message]
    assert [p.line for p in found] == ([line] if line else [])
    if line:
        assert words in found[0].message and "alone on its line" in found[0].fix
        # neither the reader's syntax nor Markdown makes anything of the line: it is shown as typed
        assert not BLOCK_LINE.search(text)
        assert text.strip() in site_markdown().reset().convert(text)


@pytest.mark.parametrize("text, line", [
    ('!!! nte "Not yet checked"\n    Text.\n', 1), ('???+ warnng "Careful"\n    Text.\n', 1),
    ('!!! note "A note"\n    Text.\n', 0), ('??? Tip "Open me"\n    Text.\n', 0),
    ('!!! quote inline end "Said"\n    Text.\n', 0),
])
def test_an_admonition_type_the_theme_does_not_draw_is_named(text: str, line: int) -> None:
    found = [p for p in block_problems("docs/en/x.md", text) if "admonition type" in p.message]
    assert [p.line for p in found] == ([line] if line else [])


def test_the_admonition_types_are_those_the_theme_styles() -> None:
    """Each type named in `ADMONITION_TYPES` has its own colour and icon in the theme's
    stylesheet, and Markdown gives an admonition its type as a class."""
    css = "".join(p.read_text(encoding="utf-8") for p in (
        Path(material.__file__).parent / "templates" / "assets" / "stylesheets").glob("main.*.css"))
    for kind in ADMONITION_TYPES:
        assert f".admonition.{kind}," in css, kind
    html = site_markdown().reset().convert('!!! nte "Not yet checked"\n    Text.\n')
    assert 'class="admonition nte"' in html
