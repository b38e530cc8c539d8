"""The units search finds, read from the built pages of one edition: what a reader cites.

Each excerpt (its citation label, original, translation and editor's notes, linked at
`papers/<key>/#<id>`), each glossary entry, each person, organisation or place, each timeline
event, and each section of a page (its heading's anchor). The interface around them is taken out
first: buttons, permalinks, notices, labels, backlinks, edit links, the record's field names.
Reading the built HTML keeps the records exactly what the reader sees, anchors included. The
pages are parsed with lxml (libxml2's HTML parser) and searched with XPath, the chrome in one walk
of each page: the index reads every page of every edition, so this is the search's own hot path.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

import lxml.html
from languages import ORIGINAL_LANGUAGES
from lxml.etree import XPath, _Element
from search_marks import CLOSE_MARK, INLINE, Mark, marked_text, open_mark, page_text, unmark


def _class(name: str) -> str:
    """XPath: the node has class `name` (as CSS's `.name`)."""
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


#: interface chrome: never indexed (as CSS: button, script, style, svg, .headerlink,
#: .excerpt__head .excerpt__from, [data-search-ignore], …); a long page's own contents menu
#: (.page-contents) is navigation, as the theme's table of contents is
CHROME_TAGS = ("button", "script", "style", "svg")
CHROME_CLASSES = (
    "headerlink", "md-content__button", "excerpt__anchor", "excerpt__id", "excerpt__meta",
    "excerpt__url", "excerpt__note-label", "excerpt__note-untranslated", "excerpt-view",
    "fallback-notice", "pdf-download", "record", "term__lang", "term__uses", "entity__uses",
    "event__refs", "event__papers", "downloads", "page-contents",
)
_CHROME_TAGS, _CHROME_CLASSES = frozenset(CHROME_TAGS), frozenset(CHROME_CLASSES)


def _chrome(content: _Element) -> list[_Element]:
    """The interface chrome inside `content`, in document order: one walk of the page, testing
    each element's tag and classes (XPath's class tests, one per class, cost ten times more)."""
    out = []
    for node in content.iterdescendants():
        if not isinstance(node.tag, str):
            continue  # a comment
        classes = (node.get("class") or "").split()
        if (node.tag in _CHROME_TAGS or not _CHROME_CLASSES.isdisjoint(classes)
                or node.get("data-search-ignore") is not None):
            out.append(node)
        elif "excerpt__from" in classes and any(
                "excerpt__head" in (a.get("class") or "").split() for a in node.iterancestors()):
            out.append(node)
    return out


HEADINGS = ("h2", "h3")
#: the longest text kept for showing a section's snippet
SECTION_CHARS = 1600

_CONTENT = XPath(f"//article[{_class('md-content__inner')}]")
_EXCERPTS = XPath(f".//article[{_class('excerpt')} and @id]")
_TERMS = XPath(f".//section[{_class('term')} and @id]")
_ENTITIES = XPath(f".//li[{_class('entity')} and @id]")
_EVENTS = XPath(f".//li[{_class('event')} and @id]")


@cache
def _compiled(selector: str) -> XPath:
    return XPath(selector)


def _select(node: _Element, selector: str | XPath) -> list[_Element]:
    """The elements matching `selector` (XPath relative to `node`), in document order."""
    found = (selector if isinstance(selector, XPath) else _compiled(selector))(node)
    return [item for item in found if isinstance(item, _Element)] if isinstance(found, list) else []


def _first(node: _Element, selector: str) -> _Element | None:
    """The first descendant matching `selector`."""
    found = _select(node, selector)
    return found[0] if found else None


def _by_class(node: _Element | None, name: str, tag: str = "*") -> _Element | None:
    return _first(node, f".//{tag}[{_class(name)}]") if node is not None else None


@dataclass
class Record:
    """One search result: where it leads, what it is, its title and its texts (language, text)."""

    url: str
    kind: str
    title: str
    texts: list[tuple[str, str]] = field(default_factory=list)
    #: searchable, never shown (other names of a term, an excerpt's id)
    hidden: str = ""
    #: the language of the Persian or Arabic paper the record quotes (an excerpt of it, a section
    #: of its page): a right-to-left run no letter identifies is read as that language
    quoted: str = ""
    #: the runs the page marks in another language (`search_marks`), of the title then of each
    #: text
    marks: list[list[Mark]] = field(default_factory=list)
    #: what the result is, where more precise than its kind: an index entry's person,
    #: organisation or place
    caption: str = ""


def _record(url: str, kind: str, title: tuple[str, list[Mark]],
            texts: list[tuple[str, tuple[str, list[Mark]]]], **more: str) -> Record:
    """A record of the title and texts read with `_read` (texts by language); an empty text is
    left out."""
    kept = [(lang, read) for lang, read in texts if read[0]]
    return Record(url=url, kind=kind, title=title[0], texts=[(lang, t) for lang, (t, _) in kept],
                  marks=[title[1], *(m for _, (_, m) in kept)], **more)


def _text(node: _Element | None) -> str:
    """The node's text as it reads, its whitespace collapsed."""
    return unmark(marked_text(node), "")[0]


def _read(node: _Element | None, lang: str) -> tuple[str, list[Mark]]:
    """The node's text, and the runs its page marks in another language than `lang`."""
    return unmark(marked_text(node), lang)


def _lang(node: _Element | None, default: str) -> str:
    while node is not None:
        if node.get("lang"):
            return str(node.get("lang"))
        node = node.getparent()
    return default


def _excerpt(article: _Element, url: str, edition: str) -> Record:
    original = _first(article, './/*[@data-role="original"]')
    translation = _first(article, './/*[@data-role="translation"]')
    texts = [(lang, _read(node, lang)) for lang, node in [
        (_lang(original, edition), original), ("en", translation),
        *((_lang(n, edition), n) for n in _select(article, f".//*[{_class('excerpt__note-text')}]"))]]
    return _record(f"{url}#{article.get('id')}", "excerpt",
                   _read(_by_class(article, "excerpt__label"), edition), texts,
                   hidden=str(article.get("id")), quoted=_quoted(article))


def _quoted(article: _Element | None) -> str:
    """The language of an excerpt's paper (`run_offsets` tells which runs quote it)."""
    lang = str(article.get("data-lang") or "") if article is not None else ""
    return lang if lang in ORIGINAL_LANGUAGES else ""


def _entry(node: _Element, url: str, kind: str, title: _Element | None,
           body: list[_Element | None], edition: str) -> Record:
    texts = [(_lang(b, edition), _read(b, _lang(b, edition))) for b in body if b is not None]
    return _record(f"{url}#{node.get('id')}", kind, _read(title, edition), texts)


def _drop(node: _Element) -> None:
    """Take `node` out of the page, keeping the text that follows it."""
    if isinstance(node, lxml.html.HtmlElement) and node.getparent() is not None:
        node.drop_tree()


def apparatus(content: _Element, url: str, edition: str) -> list[Record]:
    """Excerpts (on their paper's page), glossary entries, index entries and events; each is
    removed from `content` so that the sections do not hold it again."""
    records = []
    for article in _select(content, _EXCERPTS):
        if url.endswith(f"papers/{article.get('data-paper')}/") and "excerpt--embedded" not in (
                article.get("class") or "").split():
            records.append(_excerpt(article, url, edition))
        _drop(article)
    for term in _select(content, _TERMS):
        record = _entry(term, url, "term", _by_class(term, "term__name"),
                        [_by_class(term, "term__definition")], edition)
        record.hidden = _text(_by_class(term, "term__forms"))
        records.append(record)
        _drop(term)
    for entity in _select(content, _ENTITIES):
        names = _by_class(entity, "entity__names")
        about = _by_class(entity, "entity__about")
        # the entry's title: its name in the edition's language (the list starts with it)
        name = None
        if names is not None:
            name = _first(names, f".//span[@lang='{edition}']")
            name = _first(names, ".//span[@lang]") if name is None else name
        record = _entry(entity, url, "entity", name,
                        [_first(about, ".//span") if about is not None else None], edition)
        record.caption = str(entity.get("data-kind") or "")
        translit = _by_class(entity, "entity__translit")  # the spellings, not their labels
        record.hidden = " ".join([_text(names), *(_text(i) for i in (
            translit.iterfind(".//i") if translit is not None else ()))])
        records.append(record)
        _drop(entity)
    for event in _select(content, _EVENTS):
        records.append(_entry(event, url, "event", _by_class(event, "event__title"),
                              [_by_class(event, "event__date")], edition))
        _drop(event)
    return records


@dataclass
class _SectionText:
    """What `sections` has read so far: a record for each heading, and the text of each in
    pieces; the languages marked around the text being read."""

    url: str
    edition: str
    content: _Element
    name: str
    name_marks: list[Mark]
    out: list[Record] = field(default_factory=list)
    pieces: list[list[str]] = field(default_factory=lambda: [[]])
    langs: list[str] = field(default_factory=list)

    def keep(self, text: str | None) -> None:
        # whitespace too: between two links it is all that keeps their words apart
        if text:
            self.pieces[-1].append(page_text(text))

    def heading(self, node: _Element) -> None:
        """A new record from `node`, a heading with an anchor: the page's title › its own."""
        heading, marks = _read(node, self.edition)
        prefix = f"{self.name} › " if self.name else ""
        self.out.append(Record(
            url=f"{self.url}#{node.get('id')}", kind="section", title=prefix + heading,
            marks=[[*(self.name_marks if self.name else []),
                    *((s + len(prefix), e + len(prefix), c) for s, e, c in marks)]]))
        self.pieces[-1].extend(CLOSE_MARK for _ in self.langs)  # a marked run goes on after it
        self.pieces.append([open_mark(lang) for lang in self.langs])

    def visit(self, node: _Element, in_heading: bool) -> None:
        tag = node.tag if isinstance(node.tag, str) else None
        if tag in HEADINGS and node.get("id"):
            self.heading(node)
        inside = in_heading or tag in ("h1", *HEADINGS)
        lang = node.get("lang") if tag not in (None, "bdi") and not inside \
            and node is not self.content else None
        if lang:
            self.pieces[-1].append(open_mark(lang))
            self.langs.append(lang)
        # a block's words stay apart from those around it; an inline element's do not
        # (`"<a>stratejik derinlik</a>",` reads «"stratejik derinlik",»)
        block = " " if tag not in INLINE else ""
        if tag is not None and not inside:
            self.pieces[-1].append(block)
            self.keep(node.text)
        for child in node:
            self.visit(child, inside)
            if not inside:
                self.keep(child.tail)
        if lang:
            self.pieces[-1].append(CLOSE_MARK)
            self.langs.pop()
        if tag is not None and not inside:
            self.pieces[-1].append(block)


def sections(content: _Element, url: str, title: tuple[str, list[Mark]], edition: str,
             top: str) -> list[Record]:
    """The page's text, cut at each h2/h3 with an anchor (what is before the first: the page,
    at its title's anchor `top`); `title`: the page's, read with `_read`."""
    name, name_marks = title
    read = _SectionText(url, edition, content, name, name_marks)
    read.out.append(Record(url=f"{url}#{top}" if top else url, kind="section", title=name,
                           marks=[name_marks]))
    read.visit(content, False)
    for record, parts in zip(read.out, read.pieces, strict=True):
        text, marks = unmark("".join(parts), edition)
        record.texts = [(edition, text[:SECTION_CHARS])] if text else []
        record.hidden = text[SECTION_CHARS:]
        if text:
            record.marks.append([(s, min(e, SECTION_CHARS), c) for s, e, c in marks
                                 if s < SECTION_CHARS])
    return [r for r in read.out if r.texts or r is not read.out[0]]


def page_records(url: str, page: _Element, edition: str) -> list[Record]:
    """Every record of one built page."""
    found = _select(page, _CONTENT)
    if not found:
        return []
    content = found[0]
    for node in _chrome(content):
        _drop(node)
    h1 = _first(content, ".//h1")
    title = _read(h1, edition)
    top = str(h1.get("id") or "") if h1 is not None else ""
    # on a paper's page, its sections quote it as its excerpts do
    own = next((a for a in _select(content, _EXCERPTS)
                if url.endswith(f"papers/{a.get('data-paper')}/")), None)
    records = apparatus(content, url, edition)
    parts = sections(content, url, title, edition, top)
    for record in parts:
        record.quoted = _quoted(own)
    return records + parts
