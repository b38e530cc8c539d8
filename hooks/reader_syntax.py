"""The reader's short syntax, as a Python-Markdown extension.

* `[[id]]` and `[[id|text]]` (inline): a link to an excerpt, labelled with its citation label or
  with `text`;
* `![[id]]` on a line of its own (block): the whole excerpt, embedded;
* `::: name` on a line of its own (block): a generated block, such as `::: papers`,
  `::: downloads`, `::: glossary`, `::: entities` or `::: timeline`.

Code spans and code blocks are left alone, because Python-Markdown handles them first. What a link
or a block becomes is decided by a `PageContext`, which the page pipeline sets for each page;
without one (a plain Markdown run, or a test) the syntax is left as it is written.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import Protocol

from markdown import Markdown
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor
from markdown.treeprocessors import Treeprocessor

#: `[[id]]` or `[[id|text]]`, not preceded by `!`
REF_PATTERN = r"(?<!!)\[\[([^\[\]|\n]+?)(?:\|([^\[\]\n]+))?\]\]"
#: a line that is only `![[id]]` or `::: name`
BLOCK_LINE = re.compile(r"^[ \t]*(?:!\[\[([^\[\]|\n]+)\]\]|:::[ \t]*([a-z][a-z-]*))[ \t]*$", re.M)


class PageContext(Protocol):
    """What the syntax becomes on one page of one edition."""

    def link(self, excerpt_id: str) -> tuple[str, str, str]:
        """(href, citation label, direction of the label) of an excerpt seen from this page."""

    def embed(self, excerpt_id: str) -> str:
        """The HTML of an embedded excerpt."""

    def block(self, name: str) -> str:
        """The HTML of a `::: name` block."""


#: the address of a cross-reference until `ExcerptLinkResolver` gives it the page's: MkDocs' check
#: of the links to Markdown files passes over an address with a scheme, and would otherwise log
#: each one as "an unrecognized relative link" (the address is a page's URL, not a file's)
PENDING = "reader-excerpt:"


class ExcerptLinkProcessor(InlineProcessor):
    def __init__(self, pattern: str, extension: ReaderSyntax) -> None:
        super().__init__(pattern)
        self.extension = extension

    def handleMatch(self, m: re.Match[str], data: str  # type: ignore[override]
                    ) -> tuple[etree.Element | None, int | None, int | None]:
        context = self.extension.context
        if context is None:
            return None, None, None
        excerpt_id = m.group(1).strip()
        href, label, text_dir = context.link(excerpt_id)
        self.extension.addresses[excerpt_id] = href
        element = etree.Element("a", {"class": "excerpt-ref", "dir": text_dir,
                                      "href": PENDING + excerpt_id, "data-ref": excerpt_id})
        element.text = (m.group(2) or "").strip() or label
        return element, m.start(0), m.end(0)


class ExcerptLinkResolver(Treeprocessor):
    """Each cross-reference gets its address, after MkDocs has checked the page's links."""

    def __init__(self, md: Markdown, extension: ReaderSyntax) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        for link in root.iter("a"):
            href = link.get("href", "")
            if href.startswith(PENDING):
                link.set("href", self.extension.addresses[href.removeprefix(PENDING)])


class ReaderBlockProcessor(BlockProcessor):
    """`![[id]]` and `::: name` lines, as raw HTML kept out of further Markdown processing."""

    def __init__(self, md: Markdown, extension: ReaderSyntax) -> None:
        super().__init__(md.parser)
        self.md = md
        self.extension = extension

    def test(self, parent: etree.Element, block: str) -> bool:
        return self.extension.context is not None and bool(BLOCK_LINE.search(block))

    def run(self, parent: etree.Element, blocks: list[str]) -> bool:
        block = blocks.pop(0)
        match = BLOCK_LINE.search(block)
        assert match is not None and self.extension.context is not None
        if block[: match.start()].strip():  # the text before the line is a block of its own
            blocks[:0] = [block[: match.start()].rstrip("\n"), block[match.start():]]
            return True
        context = self.extension.context
        if match.group(1):
            markup = context.embed(match.group(1).strip())
        else:
            markup = context.block(match.group(2))
        paragraph = etree.SubElement(parent, "p")
        paragraph.text = self.md.htmlStash.store(markup)
        rest = block[match.end():].lstrip("\n")
        if rest.strip():
            blocks.insert(0, rest)
        return True


class ReaderSyntax(Extension):
    """Register with `md.registerExtensions`; set `context` before converting each page."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.context: PageContext | None = None
        self.addresses: dict[str, str] = {}  #: excerpt id -> its address from this page

    def reset(self) -> None:
        self.addresses = {}

    def extendMarkdown(self, md: Markdown) -> None:
        # after code spans (190) and escapes (180), before links (160)
        md.inlinePatterns.register(ExcerptLinkProcessor(REF_PATTERN, self), "reader_ref", 175)
        # after indented code (80), before headings, lists and paragraphs
        md.parser.blockprocessors.register(ReaderBlockProcessor(md, self), "reader_block", 75)
        # after MkDocs' check of the page's links (its "relpath", priority 0)
        md.treeprocessors.register(ExcerptLinkResolver(md, self), "reader_ref_address", -1)
        md.registerExtension(self)


def makeExtension(**kwargs: object) -> ReaderSyntax:
    return ReaderSyntax(**kwargs)
