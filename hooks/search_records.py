"""The units search finds, read from the built pages of one edition: what a reader cites.

Each excerpt (its citation label, original, translation and editor's notes, linked at
`papers/<key>/#<id>`), each glossary entry, each person, organisation or place, each timeline
event, and each section of a page (its heading's anchor). The interface around them is taken out
first: buttons, permalinks, notices, labels, backlinks, edit links, the record's field names.
Reading the built HTML keeps the records exactly what the reader sees, anchors included.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import Comment

#: interface chrome: never indexed
CHROME = (
    "button", "script", "style", "svg", ".headerlink", ".md-content__button", ".excerpt__anchor",
    ".excerpt__id", ".excerpt__head .excerpt__from", ".excerpt__meta", ".excerpt__url",
    ".excerpt__note-label", ".excerpt__note-untranslated", ".excerpt-view", ".fallback-notice",
    ".pdf-download", ".record", ".term__lang", ".term__uses", ".entity__uses", ".event__refs",
    ".event__papers", "[data-search-ignore]", ".downloads",
)
HEADINGS = ("h2", "h3")
#: the longest text kept for showing a section's snippet
SECTION_CHARS = 1600


@dataclass
class Record:
    """One search result: where it leads, what it is, its title and its texts (language, text)."""

    url: str
    kind: str
    title: str
    texts: list[tuple[str, str]] = field(default_factory=list)
    #: searchable, never shown (other names of a term, an excerpt's id)
    hidden: str = ""


def _text(node: Tag | None) -> str:
    return " ".join(node.get_text(" ").split()) if node is not None else ""


def _lang(node: Tag | None, default: str) -> str:
    while node is not None:
        if node.get("lang"):
            return str(node["lang"])
        node = node.parent
    return default


def page_url(site_dir: Path, path: Path) -> str:
    rel = path.relative_to(site_dir).as_posix()
    return rel.removesuffix("index.html")


def site_pages(site_dir: Path) -> Iterator[tuple[str, str, BeautifulSoup]]:
    """(edition, site-relative URL, parsed page) of every page (the edition: `<html lang>`)."""
    for path in sorted(site_dir.rglob("index.html")):
        rel = path.relative_to(site_dir).parts
        if rel[0] in ("assets", "pagefind", "search"):
            continue
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        html = soup.find("html")
        if isinstance(html, Tag) and html.get("lang"):
            yield str(html["lang"]), page_url(site_dir, path), soup


def _excerpt(article: Tag, url: str, edition: str) -> Record:
    original = article.select_one('[data-role="original"]')
    translation = article.select_one('[data-role="translation"]')
    notes = [(_lang(n, edition), _text(n)) for n in article.select(".excerpt__note-text")]
    return Record(url=f"{url}#{article['id']}", kind="excerpt",
                  title=_text(article.select_one(".excerpt__label")),
                  texts=[(_lang(original, edition), _text(original)),
                         ("en", _text(translation)), *notes],
                  hidden=str(article["id"]))


def _entry(node: Tag, url: str, kind: str, title: Tag | None, body: list[Tag | None],
           edition: str) -> Record:
    texts = [(_lang(b, edition), _text(b)) for b in body if b is not None and _text(b)]
    return Record(url=f"{url}#{node['id']}", kind=kind, title=_text(title), texts=texts)


def apparatus(content: Tag, url: str, edition: str) -> list[Record]:
    """Excerpts (on their paper's page), glossary entries, index entries and events; each is
    removed from `content` so that the sections do not hold it again."""
    records = []
    for article in content.select("article.excerpt[id]"):
        if url.endswith(f"papers/{article.get('data-paper')}/") and "excerpt--embedded" not in (
                article.get("class") or []):
            records.append(_excerpt(article, url, edition))
        article.decompose()
    for term in content.select("section.term[id]"):
        forms = _text(term.select_one(".term__forms"))
        record = _entry(term, url, "term", term.select_one(".term__name"),
                        [term.select_one(".term__definition")], edition)
        record.hidden = forms
        records.append(record)
        term.decompose()
    for entity in content.select("li.entity[id]"):
        names = entity.select_one(".entity__names")
        first = names.select_one("span") if names is not None else None
        record = _entry(entity, url, "entity", first, [entity.select_one(".entity__about span")],
                        edition)
        record.hidden = _text(names) + " " + _text(entity.select_one(".entity__translit"))
        records.append(record)
        entity.decompose()
    for event in content.select("li.event[id]"):
        records.append(_entry(event, url, "event", event.select_one(".event__title"),
                              [event.select_one(".event__date")], edition))
        event.decompose()
    return records


def sections(content: Tag, url: str, title: str, edition: str, top: str) -> list[Record]:
    """The page's text, cut at each h2/h3 with an anchor (what is before the first: the page,
    at its title's anchor `top`)."""
    current = Record(url=f"{url}#{top}" if top else url, kind="section", title=title)
    out = [current]
    for node in content.descendants:
        if isinstance(node, Tag) and node.name in HEADINGS and node.get("id"):
            current = Record(url=f"{url}#{node['id']}", kind="section",
                             title=f"{title} › {_text(node)}" if title else _text(node))
            out.append(current)
        elif (isinstance(node, NavigableString) and not isinstance(node, Comment)
              and node.find_parent(["h1", *HEADINGS]) is None and node.strip()):
            current.texts.append((edition, str(node)))
    for record in out:
        text = " ".join(" ".join(t for _, t in record.texts).split())
        record.texts = [(edition, text[:SECTION_CHARS])] if text else []
        record.hidden = text[SECTION_CHARS:]
    return [r for r in out if r.texts or r is not out[0]]


def page_records(url: str, soup: BeautifulSoup, edition: str) -> list[Record]:
    """Every record of one built page."""
    content = soup.select_one("article.md-content__inner")
    if content is None:
        return []
    for node in content.select(", ".join(CHROME)):
        if not node.decomposed:
            node.decompose()
    h1 = content.find("h1")
    title = _text(h1) if isinstance(h1, Tag) else ""
    top = str(h1.get("id") or "") if isinstance(h1, Tag) else ""
    records = apparatus(content, url, edition)
    return records + sections(content, url, title, edition, top)
