"""What each page tells search engines, indexers and link previews (`overrides/partials/reader-head.html`).

* a description in the edition's language: the page's front matter `description:`, else its
  first paragraph of prose (on a paper page, the first one under its first section heading, the
  summary);
* its editions as absolute `hreflang` alternates (on `site_url`), with `x-default` the English;
* OpenGraph tags, and schema.org JSON-LD: a `ScholarlyArticle` on a paper's pages (the page is
  its `mainEntityOfPage`), a `WebPage` elsewhere;
* the date of its content for the sitemap's `lastmod`: the last commit of its source file (and
  of the paper's data file), not the clock of the build (outside a git checkout, or for a file
  not yet committed, MkDocs' own date stays: `SOURCE_DATE_EPOCH`'s where set).
"""

from __future__ import annotations

import functools
import html
import re
import subprocess
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cite import reference
from languages import DEFAULT_EDITION, EDITIONS
from model import Paper

if TYPE_CHECKING:
    from reader_build import ReaderBuild

DESCRIPTION_LIMIT = 200
#: stylesheets only some pages need, by the class of the element that needs them: a page without
#: a map or a figure does not wait for their rules before it is drawn
PAGE_STYLES = (
    ("assets/css/maps.css", re.compile(r'class="(?:map|locator)[ _"]')),
    ("assets/css/figures.css", re.compile(r'class="(?:figure|concepts)[ _"]')),
)
_SKIP = re.compile(r"^(#|:::|!!!|\?\?\?|\||<|```|~~~|--8<--|!\[|\{%|[-*+] |\d+\. |>)")
_ONLY_REFS = re.compile(r"\s*\((?:\s*\[\[[^\]]+\]\]\s*[,،;؛]?)+\s*\)")


def _plain(markdown: str) -> str:
    text = _ONLY_REFS.sub("", markdown)
    text = re.sub(r"!?\[\[[^\]|]+\|([^\]]+)\]\]", r"\1", text)
    text = re.sub(r"!?\[\[[^\]]+\]\]", "", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\{[:#.][^}]*\}|<[^>]+>|[*_`]", "", text)
    return " ".join(html.unescape(text).split())  # text: the templates escape it


def description(markdown: str, limit: int = DESCRIPTION_LIMIT) -> str | None:
    """The first paragraph of prose, as plain text cut at a word near `limit` characters."""
    for block in re.split(r"\n\s*\n", markdown):
        block = block.strip()
        if not block or _SKIP.match(block):
            continue
        text = _plain(block)
        if len(text) < 40:
            continue
        if len(text) <= limit:
            return text
        cut = text[:limit].rsplit(" ", 1)[0].rstrip(" ,،;:.")
        return cut + "…"
    return None


def page_styles(content: str) -> list[str]:
    """The stylesheets of `PAGE_STYLES` the page's HTML needs."""
    return [style for style, needs in PAGE_STYLES if needs.search(content)]


def first_heading(markdown: str) -> str | None:
    match = re.search(r"^#\s+(.+?)\s*(\{[^}]*\})?\s*$", markdown, re.M)
    return _plain(match.group(1)) if match else None


def page_heading(docs_dir: Path, edition: str, path: str) -> str | None:
    """The title of a page in an edition (`path` as `papers/kazemi-1403`): the first heading of
    its Markdown file, `docs/<edition>/<path>.md`; None where the edition has no such page."""
    source = docs_dir / edition / f"{path}.md"
    return first_heading(source.read_text(encoding="utf-8")) if source.is_file() else None


def paper_title(docs_dir: Path, paper: Paper, edition: str) -> str:
    """The paper's title in an edition: the heading of its page there, else its English or
    descriptive title."""
    return page_heading(docs_dir, edition, f"papers/{paper.key}") or paper.title()


def alternates(build: ReaderBuild, path: str) -> list[tuple[str, str]]:
    """(hreflang, absolute URL) of the page in every edition, then `x-default` (English)."""
    links = [(code, build.public_url(build.page_url(path, code))) for code in EDITIONS]
    return links + [("x-default", build.public_url(build.page_url(path, DEFAULT_EDITION)))]


@functools.lru_cache(maxsize=512)
def _git_date(root: Path, files: tuple[str, ...]) -> str | None:
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%cs", "--", *files], cwd=root,
                             capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    date = out.stdout.strip()
    return date if out.returncode == 0 and re.fullmatch(r"\d{4}-\d{2}-\d{2}", date) else None


def lastmod(build: ReaderBuild, src: str, paper: Paper | None) -> str | None:
    """The date (YYYY-MM-DD) of the last commit to the page's source or its paper's data."""
    files = [src] + ([f"docs/data/papers/{paper.key}.yml"] if paper is not None else [])
    return _git_date(build.docs_dir.parent.resolve(), tuple(files))


def article_ld(paper: Paper, url: str, text: str | None) -> dict[str, Any]:
    """The paper as a schema.org ScholarlyArticle, with only what the source states."""
    ref = reference(paper)
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": "ScholarlyArticle",
                            "name": ref.title_original or f"[{ref.title_supplied}]",
                            "inLanguage": ref.lang, "mainEntityOfPage": url}
    if ref.title_en:
        data["alternativeHeadline"] = ref.title_en
    if ref.authors:
        data["author"] = [{"@type": "Person", "familyName": f, "givenName": g,
                           "name": f"{g} {f}".strip()} for f, g in ref.authors]
    if ref.year:
        data["datePublished"] = str(ref.year)
    if ref.journal:
        part: dict[str, Any] = {"@type": "Periodical", "name": ref.journal}
        if ref.issn:
            part["issn"] = ref.issn
        if ref.volume:
            part = {"@type": "PublicationVolume", "volumeNumber": ref.volume, "isPartOf": part}
        if ref.issue:
            part = {"@type": "PublicationIssue", "issueNumber": ref.issue, "isPartOf": part}
        data["isPartOf"] = part
    if ref.pages:
        data["pageStart"] = ref.pages[0]
        if ref.pages[1]:
            data["pageEnd"] = ref.pages[1]
    if ref.doi:
        data["identifier"] = {"@type": "PropertyValue", "propertyID": "DOI", "value": ref.doi}
        data["sameAs"] = f"https://doi.org/{ref.doi}"
    if ref.keywords:
        data["keywords"] = ref.keywords
    if text:
        data["description"] = text
    return data


def head(build: ReaderBuild, path: str, url: str, markdown: str, meta: Mapping[str, Any],
         site_name: str, paper: Paper | None) -> dict[str, Any]:
    """Everything `reader-head.html` prints for one page of the edition being built."""
    absolute = build.public_url(url)
    prose = markdown.split("\n## ", 1)[1] if paper is not None and "\n## " in markdown else markdown
    text = str(meta["description"]) if meta.get("description") else description(prose)
    title = str(meta.get("title") or first_heading(markdown) or site_name)
    if paper is not None:
        ld = article_ld(paper, absolute, text)
    else:
        ld = {"@context": "https://schema.org", "@type": "WebPage", "name": title,
              "inLanguage": build.edition, "url": absolute,
              "isPartOf": {"@type": "WebSite", "name": site_name,
                           "url": build.public_url("")}}
        if text:
            ld["description"] = text
    og = [("og:type", "article" if paper is not None else "website"), ("og:title", title),
          ("og:url", absolute), ("og:site_name", site_name)]
    if text:
        og.append(("og:description", text))
    return {"description": text, "alternates": alternates(build, path), "og": og,
            "json_ld": ld}
