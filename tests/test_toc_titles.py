"""The table of contents shows each heading's own markup (hooks/toc_titles.py)."""

from __future__ import annotations

from dataclasses import dataclass, field

from toc_titles import heading_markup, typeset_toc

PAGE = (
    '<h1 id="title">A title<a class="headerlink" href="#title" title="Link">¶</a></h1>'
    '<h3 id="sec-abstract"><span class="section-original" lang="ar" dir="rtl">(ملخص بدون عنوان)'
    '</span> · <span class="section-en" lang="en" dir="ltr">(Abstract, untitled in the source)'
    '</span><a class="headerlink" href="#sec-abstract" title="Link">¶</a></h3>'
    '<h4 id="sec-linked">The <a class="gloss" href="../glossary/#term-x">Lachin</a> road'
    '<span id="inner"> now</span></h4>'
)


@dataclass
class Entry:
    id: str
    children: list[Entry] = field(default_factory=list)


def test_a_heading_gives_its_markup_without_its_permanent_link_links_or_ids() -> None:
    markup = heading_markup(PAGE)
    assert markup["title"] == "A title"
    assert markup["sec-abstract"] == (
        '<span class="section-original" lang="ar" dir="rtl">(ملخص بدون عنوان)</span> · '
        '<span class="section-en" lang="en" dir="ltr">(Abstract, untitled in the source)</span>')
    assert markup["sec-linked"] == 'The Lachin road<span> now</span>'


def test_entries_with_markup_are_typeset_and_plain_ones_are_left_alone() -> None:
    title, abstract, linked = Entry("title"), Entry("sec-abstract"), Entry("sec-linked")
    title.children = [abstract, linked]
    typeset_toc([title], PAGE)
    assert not hasattr(title, "typeset")
    assert 'lang="ar" dir="rtl"' in abstract.typeset["title"]  # type: ignore[attr-defined]
    assert "<a" not in linked.typeset["title"]  # type: ignore[attr-defined]
