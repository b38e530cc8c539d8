"""PDFs of every paper page and seminar packet, for printing.

After the last edition is built, each paper page and each seminar packet, in every edition, is
typeset with WeasyPrint from its built HTML and `assets/css/pdf.css`: A4 with binding margins,
running heads, page numbers, a title block with the full reference (in a paper's own edition,
as a reference list in its language writes it: `cite_own`), the contents with the page
of each section, excerpts in parallel columns (the right-to-left one on the right), editor's
notes below each excerpt and each excerpt's address. The text layer is prepared by `pdf_text`;
the PDFs are tagged. Files: `pdf/<edition>/<paper>.pdf` and `pdf/<edition>/packet-<slug>.pdf`.

`SITE_PDF` says who typesets them: unset or `1`, the build; `0`, nobody (quick local builds: the
pages say where the PDF comes from instead of linking it); `later`, a step of its own after the
build (`make pdf`), the pages linking their PDFs as the full build's do. As a command,
`python hooks/pdf.py [SITE]` (`make pdf`) typesets the PDFs of an already built site.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

from apparatus import load_apparatus  # noqa: E402
from bidi_isolation import isolate_html  # noqa: E402
from cite_own import edition_reference, list_order  # noqa: E402
from content import load_corpus  # noqa: E402
from languages import EDITIONS, LANGUAGES, edition_prefix  # noqa: E402
from languages import direction as text_direction  # noqa: E402
from maps_print import with_map_styles  # noqa: E402
from model import Corpus, Paper  # noqa: E402
from page_meta import page_heading, paper_title  # noqa: E402
from pdf_order import lines_as_drawn  # noqa: E402
from pdf_text import prepare as prepare_text_layer  # noqa: E402
from render import reference_html  # noqa: E402
from templates import Markup, render  # noqa: E402

log = logging.getLogger("mkdocs.hooks.pdf")
_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>\s*</div>',
                      re.S)


@dataclass(frozen=True)
class Job:
    """One PDF: the built page it comes from and what its title block says."""

    page: str  #: the page's folder in the site, e.g. "fa/papers/kazemi-1403"
    out: str  #: the PDF's path in the site, e.g. "pdf/fa/kazemi-1403.pdf"
    edition: str
    title: str
    #: (HTML, its language): a paper's reference; a packet's, one per paper it quotes. The runs
    #: in a paper's own language are isolated, as on the page
    references: tuple[tuple[str, str], ...]
    url: str
    site_url: str  #: the published site: links in the PDF lead there, never to a local file
    authors: str = ""  #: for the PDF's metadata, where the source states them
    keywords: str = ""
    sources_label: str = ""  #: a packet's: what its list of references is


def pdf_path(edition: str, name: str) -> str:
    return f"pdf/{edition}/{name}.pdf"


def jobs(docs_dir: Path, site_url: str) -> list[Job]:
    """Every PDF: each paper page and each seminar packet, in every edition."""
    corpus = load_corpus(docs_dir)
    app, _ = load_apparatus(docs_dir, corpus.known_ids())
    out = []
    for paper in corpus.papers.values():
        authors = ", ".join(a.name for a in paper.record.authors or [])
        stated = paper.record.keywords
        for edition in EDITIONS:
            page = f"{edition_prefix(edition)}papers/{paper.key}"
            title = (paper.title("en") if edition == "en" else paper.title("original")
                     if edition == paper.lang else paper_title(docs_dir, paper, edition))
            # the keywords the paper states: in its own language in that edition, else in English
            keywords = ", ".join((stated.original if edition == paper.lang else stated.en) or []
                                 if stated else [])
            out.append(Job(page, pdf_path(edition, paper.key), edition, title,
                           (_reference(docs_dir, corpus, paper, edition),), f"{site_url}{page}/",
                           site_url, authors, keywords))
    for packet in app.packets.values():
        papers = [corpus.papers[k] for k in
                  sorted({corpus.resolve(i).paper for i in packet.excerpts})]  # type: ignore[union-attr]
        for edition in EDITIONS:
            page = f"{edition_prefix(edition)}packets/{packet.id}"
            title = packet.title if edition == "en" else _heading(docs_dir, edition, page,
                                                                   packet.title)
            # those in the edition's language first, as a reference list in it has them, each
            # part in alphabetical order
            sources = sorted((_reference(docs_dir, corpus, paper, edition) for paper in papers),
                             key=lambda ref: (ref[1] != edition, list_order(*ref)))
            out.append(Job(page, pdf_path(edition, f"packet-{packet.id}"), edition, title,
                           tuple(sources), f"{site_url}{page}/", site_url,
                           sources_label=corpus.ui[edition]["packet_sources"]))
    return out


def _reference(docs_dir: Path, corpus: Corpus, paper: Paper, edition: str) -> tuple[str, str]:
    """(HTML, language) of the paper's reference as its page's "How to cite" gives it first: as a
    reference list in the edition's language writes it (`cite_own`), else in English (APA)."""
    parts = edition_reference(paper, edition, corpus.ui[edition],
                              paper_title(docs_dir, paper, edition))
    lang = "en" if parts is None else edition
    # runs of the other direction isolated as on the page ("113–141" in an Arabic reference)
    return isolate_html(str(reference_html(paper, parts)), text_direction(lang)), lang


def _heading(docs_dir: Path, edition: str, page: str, default: str) -> str:
    """The page's title in its edition: the first heading of its Markdown file."""
    return page_heading(docs_dir, edition, page.removeprefix(edition_prefix(edition))) or default


def document(job: Job, site: Path) -> str:
    """The print document: the page's article, without the screen's controls."""
    html = (site / job.page / "index.html").read_text(encoding="utf-8")
    match = _ARTICLE.search(html)
    if not match:
        raise RuntimeError(f"{job.page}/index.html has no article to print")
    body = match.group(1)
    body = re.sub(r"<h1[^>]*>.*?</h1>", "", body, count=1, flags=re.S)
    body = with_map_styles(body, site, job.edition)
    direction = text_direction(job.edition)
    meta = [(name, value) for name, value in (("author", job.authors), ("keywords", job.keywords),
                                              ("dcterms.created", build_date()),
                                              ("dcterms.modified", build_date())) if value]
    references = [(Markup(markup), lang, text_direction(lang)) for markup, lang in job.references]
    return render("pdf-document.html", lang=job.edition, dir=direction, title=job.title,
                  counter_style=LANGUAGES[job.edition].counter_style,
                  meta=meta, site_url=job.site_url, references=references,
                  sources_label=job.sources_label, url=job.url, body=Markup(body))


def build_date() -> str:
    """The PDFs' date, from `SOURCE_DATE_EPOCH` (reproducible builds); none without it."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch.isdigit():
        return ""
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(int(epoch)))


def typeset(job: Job, site: Path, fonts: dict[str, str]) -> tuple[str, float, int]:
    """Typeset one PDF; `fonts`: the print fonts, unpacked once (`unpacked_fonts`). Returns its
    path, the seconds it took and the lines with right-to-left text written as WeasyPrint drew
    them (`pdf_order.lines_as_drawn`: their text layer is not in reading order)."""
    from weasyprint import HTML

    prepare_text_layer()
    lines_as_drawn()
    start = time.monotonic()
    target = site / job.out
    target.parent.mkdir(parents=True, exist_ok=True)
    fetcher = local_fetcher(site, job.site_url, fonts)
    if job.site_url:
        html = HTML(string=document(job, site), base_url=job.url, url_fetcher=fetcher)
    else:  # no published address known: links stay relative to the built folder
        html = HTML(string=document(job, site).replace(
            'href="assets/css/pdf.css"', f'href="{(site / "assets/css/pdf.css").as_uri()}"'),
            base_url=str(site / job.page) + "/", url_fetcher=fetcher)
    # tagged (structure tree, MarkInfo) for screen readers and reflow; no date unless
    # SOURCE_DATE_EPOCH gives one, so two builds of the same content are byte-identical
    html.write_pdf(target, pdf_tags=True)
    return job.out, time.monotonic() - start, lines_as_drawn()


#: the fonts of the print stylesheet (its @font-face rules), relative to it
_FONT_URL = re.compile(r"""url\(["']?([^"')]+\.woff2)["']?\)""")


def unpacked_fonts(site: Path, folder: Path) -> dict[str, str]:
    """The print stylesheet's WOFF2 fonts, each unpacked once into `folder` as the font file
    WeasyPrint would make of it (fontTools' WOFF2 decoder, in Python, takes seconds a font: left
    to WeasyPrint, it ran again for every PDF). The font's URL -> its unpacked copy."""
    from io import BytesIO

    from fontTools.ttLib import woff2

    css = site / "assets" / "css" / "pdf.css"
    out = {}
    for number, rel in enumerate(dict.fromkeys(_FONT_URL.findall(css.read_text("utf-8")))):
        source = (css.parent / rel).resolve()
        unpacked = BytesIO()
        woff2.decompress(BytesIO(source.read_bytes()), unpacked)
        copy = folder / f"{number}-{source.stem}.ttf"
        copy.write_bytes(unpacked.getvalue())
        out[source.as_uri()] = str(copy)
    return out


def local_fetcher(site: Path, site_url: str, fonts: dict[str, str] | None = None) -> Any:
    """Resources of the published site are read from the built folder; nothing else is fetched.

    So the PDF's links lead to the public site (its `site_url`), while typesetting reads the
    stylesheet and fonts locally and never reaches the network. A font of `fonts` is read from
    its unpacked copy.
    """
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    folder = site.resolve().as_uri() + "/"
    unpacked = fonts or {}

    class LocalFetcher(URLFetcher):
        def fetch(self, url: str, headers: Any = None) -> Any:
            if url in unpacked:
                return URLFetcherResponse(url, Path(unpacked[url]).read_bytes(),
                                          {"Content-Type": "font/ttf"})
            if url.startswith(folder):  # a resource that a fetched stylesheet points to
                return super().fetch(url, headers)
            if not site_url or not url.startswith(site_url):
                raise ValueError(f"not fetched: {url} is not a file of the site")
            path = site / unquote(urlsplit(url[len(site_url):]).path)
            if path.is_dir():
                path = path / "index.html"
            return super().fetch(path.resolve().as_uri(), headers)

    return LocalFetcher(allowed_protocols={"file"})


def build_pdfs(site: Path, docs_dir: Path, site_url: str) -> list[tuple[str, float, int]]:
    """Typeset every PDF, two at a time (the machine's cores), largest first."""
    todo = sorted(jobs(docs_dir, site_url),
                  key=lambda j: -(site / j.page / "index.html").stat().st_size)
    with tempfile.TemporaryDirectory(prefix="pdf-fonts-") as folder, \
            ProcessPoolExecutor(max_workers=max(1, min(2, os.cpu_count() or 1))) as pool:
        fonts = unpacked_fonts(site, Path(folder))
        return list(pool.map(typeset, todo, [site] * len(todo), [fonts] * len(todo)))


#: the values of `SITE_PDF`, and who typesets the PDFs for each
SETTINGS = {"1": "build", "true": "build", "yes": "build", "on": "build",
            "0": "nobody", "false": "nobody", "no": "nobody", "off": "nobody", "later": "later"}


def setting() -> str:
    """Who typesets the PDFs: `build`, `later` (`make pdf`, after the build) or `nobody`."""
    value = os.environ.get("SITE_PDF", "1").strip().lower()
    if value not in SETTINGS:
        raise ValueError(f"SITE_PDF={value!r} is not a setting: use 1 (the build typesets the "
                         "PDFs), 0 (no PDFs, a quick preview) or later (the pages link their PDFs, "
                         "`make pdf` typesets them after the build)")
    return SETTINGS[value]


def enabled() -> bool:
    """The pages link their PDFs: the build typesets them, or `make pdf` will."""
    return setting() != "nobody"


def main(argv: list[str]) -> int:
    """`pdf.py [SITE [DOCS [SITE_URL]]]`: typeset the PDFs of a built site."""
    root = Path(__file__).resolve().parent.parent
    site = Path(argv[0]) if argv else root / "site"
    docs = Path(argv[1]) if len(argv) > 1 else root / "docs"
    if len(argv) > 2:
        site_url = argv[2]
    else:
        from mkdocs.config import load_config

        site_url = load_config(str(root / "mkdocs.yml")).site_url or ""
    start = time.monotonic()
    made = build_pdfs(site, docs, site_url)
    total = time.monotonic() - start
    for out, seconds, _ in made:
        print(f"{out} ({seconds:.1f} s)")
    manifest = {"seconds": round(total, 1),
                "files": {out: {"seconds": round(seconds, 1), "bytes": (site / out).stat().st_size,
                                "lines_as_drawn": as_drawn}
                          for out, seconds, as_drawn in made}}
    (site / "pdf" / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    print(f"PDFs typeset in {total:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
