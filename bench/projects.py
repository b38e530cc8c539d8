"""The projects `make bench` builds beside the real one, each in a folder of its own.

* `bare_project`: the same Markdown, built by Material and mkdocs-static-i18n without the hook
  (the short syntax stays as text);
* `plain_project`: the same words written as plain Markdown: every embedded excerpt, record,
  glossary, index and timeline as the paragraphs, tables and lists an author would type, built
  without the hook and with the theme's own search plugin (the reader's site has a search index
  too, Pagefind's); the site the reader's build is compared with;
* `scaled_project`: the real project with `factor` times the papers (copies of the five with new
  keys and excerpt ids, and their pages in every edition), to see how the build grows.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from model import Excerpt  # noqa: E402
from reader_build import ReaderBuild  # noqa: E402
from yaml_lines import front_matter  # noqa: E402

_HOOKS = re.compile(r"\nhooks:\n(  - .*\n)+")
_EMBED = re.compile(r"^[ \t]*!\[\[([^\]|]+)\]\][ \t]*$", re.M)
_LINK = re.compile(r"\[\[([^\]|]+)(?:\|([^\]]+))?\]\]")
_BLOCK = re.compile(r"^::: *([a-z-]+)[ \t]*$", re.M)


def _copy(tmp: Path, name: str) -> Path:
    project = tmp / name
    shutil.copytree(ROOT / "docs", project / "docs")
    shutil.copytree(ROOT / "overrides", project / "overrides")
    shutil.copytree(ROOT / "hooks", project / "hooks",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "CONTRIBUTING.md", project / "CONTRIBUTING.md")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    return project


def _without_hook(project: Path) -> None:
    config = project / "mkdocs.yml"
    config.write_text(_HOOKS.sub("\n", config.read_text(encoding="utf-8")), encoding="utf-8")


def bare_project(tmp: Path) -> Path:
    project = _copy(tmp, "bare")
    _without_hook(project)
    return project


# --- the same words, as plain Markdown ----------------------------------------------------------

def _excerpt_md(build: ReaderBuild, excerpt: Excerpt, edition: str) -> str:
    lines = [f"**{build.corpus.label(excerpt, edition)}**", "", excerpt.original, "",
             excerpt.translation, ""]
    for note in excerpt.notes:
        lines += [f"> {note.text_in(edition)[1]}", ""]
    return "\n".join(lines)


def _block_md(build: ReaderBuild, name: str, edition: str) -> str:
    app, out = build.app, []
    if name == "glossary":
        for term in app.terms.values():
            out += [f"### {term.names.get(edition, term.names['en'])}", "",
                    term.definition.get(edition, term.definition["en"]), ""]
    elif name == "entities":
        for entity in app.entities.values():
            out += [f"- **{entity.names.get(edition, entity.names['en'])}**: "
                    f"{entity.about.get(edition, entity.about.get('en', ''))}"]
    elif name == "timeline":
        out += [f"- {event.date}: {event.title.get(edition, event.title['en'])}"
                for event in app.events]
    elif name in ("papers", "downloads"):
        out += ["| | |", "|---|---|"]
        out += [f"| {paper.short_titles.get(edition, key)} | {paper.cite_authors} "
                f"{paper.cite_year} |" for key, paper in build.corpus.papers.items()]
    return "\n".join(out) + "\n"


def _paper_md(build: ReaderBuild, key: str, edition: str) -> str:
    paper = build.corpus.papers[key]
    lines = ["| | |", "|---|---|"]
    for field, value in paper.record.model_dump().items():
        if value not in (None, "", [], {}):
            lines.append(f"| {field} | {str(value).replace('|', '/')} |")
    lines.append("")
    for section in paper.sections:
        lines += [f"{'#' * min(2 + section.level, 6)} {section.heading_in(edition)}", ""]
        lines += [_excerpt_md(build, e, edition) for e in paper.excerpts if e.section == section.id]
    return "\n".join(lines)


def _plain_page(build: ReaderBuild, text: str, edition: str) -> str:
    def excerpt(match: re.Match[str]) -> str:
        found = build.corpus.resolve(match.group(1).strip())
        return _excerpt_md(build, found, edition) if found else match.group(0)

    def link(match: re.Match[str]) -> str:
        found = build.corpus.resolve(match.group(1).strip())
        if found is None:  # the syntax shown as an example, in code
            return match.group(0)
        return match.group(2) or build.corpus.label(found, edition)

    meta = front_matter(text)
    text = _BLOCK.sub(lambda m: _block_md(build, m.group(1), edition), text)
    text = _LINK.sub(link, _EMBED.sub(excerpt, text))
    if meta.get("paper"):
        text = text.rstrip() + "\n\n" + _paper_md(build, str(meta["paper"]), edition) + "\n"
    return text


def _with_theme_search(project: Path) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("\nplugins:\n", "\nplugins:\n  - search\n", 1), encoding="utf-8")


def plain_project(tmp: Path, search: bool = True) -> Path:
    project = _copy(tmp, "plain" if search else "plain-unsearched")
    _without_hook(project)
    if search:
        _with_theme_search(project)
    build = ReaderBuild.load(ROOT / "docs")
    for page in (project / "docs").glob("*/**/*.md"):
        edition = page.relative_to(project / "docs").parts[0]
        if edition == "data":
            continue
        page.write_text(_plain_page(build, page.read_text(encoding="utf-8"), edition),
                        encoding="utf-8")
    return project


# --- ten times the content ----------------------------------------------------------------------

def _copy_paper(docs: Path, key: str, n: int) -> str:
    """docs/data/papers/<key>.yml copied as paper `<key>-c<n>`, with its own excerpt ids."""
    new = f"{key}-c{n}"
    text = (docs / "data" / "papers" / f"{key}.yml").read_text(encoding="utf-8")
    text = re.sub(r"^key: .*$", f"key: {new}", text, count=1, flags=re.M)
    head, _, excerpts = text.partition("\nexcerpts:")
    text = head + "\nexcerpts:" + re.sub(r"^(  - id: )([a-z0-9-]+)$",
                                         lambda m: f"{m.group(1)}{m.group(2)}-c{n}",
                                         excerpts, flags=re.M)
    # short titles must stay distinct: number the copy
    text = re.sub(r"^(short_title:\n(?:  [a-z]{2}: .*\n)+)",
                  lambda m: re.sub(r'^(  [a-z]{2}: )"?(.*?)"?$', rf'\1"\2 ({n})"',
                                   m.group(1), flags=re.M),
                  text, count=1, flags=re.M)
    (docs / "data" / "papers" / f"{new}.yml").write_text(text, encoding="utf-8")
    for edition_dir in docs.iterdir():
        page = edition_dir / "papers" / f"{key}.md"
        if edition_dir.name != "data" and page.is_file():
            body = page.read_text(encoding="utf-8").replace(f"paper: {key}", f"paper: {new}", 1)
            (edition_dir / "papers" / f"{new}.md").write_text(body, encoding="utf-8")
    return new


def scaled_project(tmp: Path, factor: int) -> Path:
    """The project with `factor` times its papers, each copy in the menu after the papers (a page
    the menu does not list stops the build)."""
    project = _copy(tmp, f"scaled-{factor}")
    docs = project / "docs"
    keys = sorted(p.stem for p in (docs / "data" / "papers").glob("*.yml"))
    copies = [_copy_paper(docs, key, n) for n in range(1, factor) for key in keys]
    config = project / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").split("\n")
    last = max(n for n, line in enumerate(lines) if re.search(r": papers/[a-z0-9-]+\.md$", line))
    indent = lines[last][: len(lines[last]) - len(lines[last].lstrip())]
    lines[last + 1:last + 1] = [f'{indent}- "{new}": papers/{new}.md' for new in copies]
    config.write_text("\n".join(lines), encoding="utf-8")
    return project
