"""Images in pages (`![description](file.png)`): published from the site's own files, in every
edition (one without its own copy shows the English one), shown by Chromium under the site's
Content-Security-Policy and within a phone's width, and printed in the PDFs."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import fitz
from bs4 import BeautifulSoup
from conftest import ROOT, mkdocs_build, served
from PIL import Image
from playwright.sync_api import Browser

IMAGE = "![A grey band as wide as a desktop screen](band.png)"
IMAGE_TR = "![Bir masaüstü ekranı genişliğinde gri bir şerit](band.png)"


def _png(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (120, 120, 120)).save(out, format="PNG")
    return out.getvalue()


def _add_images(project: Path) -> None:
    """The image beside the English paper page only; the Turkish page shows it too. (With the
    site's styles and fonts, which the PDFs need.)"""
    docs = project / "docs"
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets", dirs_exist_ok=True)
    (docs / "en" / "papers" / "band.png").write_bytes(_png(1600, 200))
    for rel, image in (("en/papers/sample.md", IMAGE), ("tr/papers/sample.md", IMAGE_TR)):
        page = docs / rel
        page.write_text(page.read_text(encoding="utf-8").replace(
            "\n## ", f"\n{image}\n\n## ", 1), encoding="utf-8")


def _image(site: Path, url: str) -> tuple[str, Path]:
    soup = BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")
    img = soup.select_one("article img")
    assert img is not None, url
    return str(img["alt"]), (site / url / str(img["src"])).resolve()


def test_an_image_is_published_shown_and_printed(project_copy: Path, tmp_path: Path,
                                                 browser: Browser) -> None:
    _add_images(project_copy)
    out = tmp_path / "site"
    built = mkdocs_build(project_copy, out, pdf="1")
    assert built.returncode == 0, built.stderr[-3000:]
    band = out / "papers" / "band.png"
    assert _image(out, "papers/sample") == (IMAGE[2:IMAGE.index("]")], band)
    assert _image(out, "tr/papers/sample") == (IMAGE_TR[2:IMAGE_TR.index("]")], band)
    assert band.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    for edition in ("en", "tr"):  # drawn once, at its full resolution
        with fitz.open(out / "pdf" / edition / "sample.pdf") as pdf:
            drawn = [(image[2], image[3], all(page.rect.contains(r) for r in rects))
                     for page in pdf for image in page.get_images()
                     for rects in [page.get_image_rects(image[0])] if rects]
            assert drawn == [(1600, 200, True)], edition  # within the page

    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    page = context.new_page()
    refused: list[str] = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security" in m.text else None)
    with served(out) as address:
        for url in ("papers/sample/", "tr/papers/sample/"):
            page.goto(address + url)
            shown = page.evaluate("""() => { const img = document.querySelector('article img');
                img.scrollIntoView();
                return {loaded: img.complete && img.naturalWidth === 1600,
                        right: img.getBoundingClientRect().right,
                        width: document.documentElement.clientWidth}; }""")
            assert shown["loaded"], url
            assert shown["right"] <= shown["width"], (url, shown)  # within the phone's width
    context.close()
    assert refused == []


def test_an_images_path_is_read_as_a_url(tmp_path: Path) -> None:
    """`my%20map.png` is the file `my map.png`, beside the page or the English page; a path
    that climbs out of docs/ is no file of the site."""
    from page_paths import check_images

    (tmp_path / "docs" / "en").mkdir(parents=True)
    (tmp_path / "docs" / "en" / "my map.png").write_bytes(_png(2, 2))
    (tmp_path / "mkdocs.png").write_bytes(_png(2, 2))
    text = ("![A map](my%20map.png)\n![Ein Bild](../../mkdocs.png)\n![A map](<my map.png>)\n"
            "![A map](<my maps.png> \"Maps\")\n")
    for rel in ("docs/en/guide.md", "docs/tr/guide.md"):
        assert [(p.line, p.message) for p in check_images(rel, text, tmp_path)] == [
            (2, "the image `../../mkdocs.png` is not a file of the site"),
            (4, "the image `my maps.png` is not a file of the site")], rel


def test_a_path_in_angle_brackets_is_no_html() -> None:
    """`![…](<my map.png>)` is Markdown's way to write a path with spaces: not the raw HTML
    element `<my>`; a link to another host stays a link to another host, however written."""
    from source_text import scan_markup

    text = ("![A map](<my map.png>) and [the guide](<../guide/my page.md>)\n"
            "[map]: <my map.png>\n<my map.png>\n[x](<https://example.org/a b>)\n")
    assert [(p.line, p.message) for p in scan_markup("docs/en/guide.md", text)] == [
        (3, "raw HTML <my> is not allowed here"), (4, "a link to another site in a page")]


def test_an_image_or_a_page_link_in_a_data_file_is_named() -> None:
    """A note's or an entry's text is shown on many pages: an image or a link to a page of the
    site in it is named; an embedded or linked excerpt (`![[id]]`, `[[id|text]]`), a link to
    another site and code that shows the syntax are not."""
    from source_text import scan_paths

    text = ("See ![[sample-one]], [[sample-one|this]] and `![x](y.png)`.\n![A map](map.png)\n"
            "```\n![x](y.png)\n```\nAlso ![A chart][chart].\n[The source](https://e.org/a) and "
            "<https://e.org/b>\n[the timeline](../timeline.md), [there](#sample-one)\n"
            "[t]: timeline.md\n[u]: https://e.org/c\n[^1]: A footnote.\n")
    found = [(p.line, p.message.split(":")[0]) for p in
             scan_paths("docs/data/glossary.yml", text, 10, "e")]
    assert found == [(11, "an image in a note or an entry"), (15, "an image in a note or an entry"),
                     (17, "a link to `../timeline.md` in a note or an entry"),
                     (17, "a link to `#sample-one` in a note or an entry"),
                     (18, "a link to `timeline.md` in a note or an entry")], found


def test_a_link_to_a_page_that_is_not_there_is_named(tmp_path: Path) -> None:
    """A link leads to a page of the edition, or of the English edition (shown where the
    edition has none); one to no page is named at its line. Anchors, other sites and files that
    are no page are MkDocs' to check."""
    from page_paths import check_links

    for rel in ("docs/en/glossary.md", "docs/en/papers/my paper.md", "docs/tr/papers/index.md"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("# A page\n", encoding="utf-8")
    text = ("[the glossary](../glossary.md#soft-power) and [a paper](<my paper.md>)\n"
            "[missing](../glosary.md), [here](#x), [there](https://e.org/a.md), [a file](x.pdf)\n"
            "[papers](index.md) ![[kazemi-ots]] [[kazemi-ots|this]]\n[def]: gone.md\n")
    for rel in ("docs/en/papers/sample.md", "docs/tr/papers/sample.md"):
        found = [(p.line, p.message) for p in check_links(rel, text, tmp_path)]
        expected = [(2, "the link `../glosary.md` leads to no page"),
                    (4, "the link `gone.md` leads to no page")]
        if rel.startswith("docs/en/"):  # the Turkish edition has its own papers/index.md
            expected.insert(1, (3, "the link `index.md` leads to no page"))
        assert found == expected, (rel, found)
