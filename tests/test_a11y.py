"""Accessibility and validity of the built site, with the tools auditors use: axe-core in Debian's
Chromium (no violation, whatever its impact) and the Nu HTML Checker (no error), on every page
type of the four editions, in the light and dark palettes, at desktop and phone widths.

axe-core and the Nu checker (vnu.jar) come from npm (`package.json`, installed by `make test`);
the checker runs on Debian's Java runtime (`make system`)."""

from __future__ import annotations

import functools
import json
import re
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import QuietHandler, QuietServer
from playwright.sync_api import Browser, Page

ROOT = Path(__file__).resolve().parents[1]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
PREFIXES = {"en": "", "tr": "tr/", "fa": "fa/", "ar": "ar/"}
#: (palette, width): the four ways a page is audited
COMBOS = [("light", 1400), ("dark", 390), ("dark", 1400), ("light", 390)]
SCHEMES = {"light": "default", "dark": "slate"}
#: axe-core's audit of the page; `selectors`: whether to name each node found by a CSS selector
#: (a fifth of the audit's time, spent only when there is something to report)
RUN_AXE = """async (selectors) => {
  await document.fonts.ready;  // audit the page as it settles, not in the middle of a transition
  await Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)));
  const result = await axe.run(document, {resultTypes: ['violations'], selectors});
  return result.violations.map(v => ({id: v.id, impact: v.impact, count: v.nodes.length,
    first: (v.nodes[0].target || []).join(' '), why: v.nodes[0].failureSummary}));
}"""


def page_types(corpus) -> list[str]:
    """Every kind of page, as a path inside an edition."""
    return ["", "papers/", *[f"papers/{key}/" for key in corpus.papers], "glossary/",
            "people-and-places/", "timeline/", "disagreements/", "packets/",
            *[f"packets/{p.stem}/" for p in sorted((ROOT / "docs" / "en" / "packets").glob("*.md"))
              if p.stem != "index"],
            "guide/", "corpus/", "contributing/"]


def audits(corpus) -> list[tuple[str, int]]:
    """(url, combo): each page type in each edition once, the combos arranged as a Latin square,
    so that every page type is audited in all four combos (one per edition) and every edition in
    all four; the 404 page in every combo."""
    out = [(PREFIXES[edition] + path, (t + e) % len(COMBOS))
           for e, edition in enumerate(PREFIXES) for t, path in enumerate(page_types(corpus))]
    return out + [("404.html", c) for c in range(len(COMBOS))]


class _Site(QuietHandler):
    """The built site, also under the site URL's path, which the 404 page's links use."""
    base = "/"

    def translate_path(self, path: str) -> str:
        if self.base != "/" and path.startswith(self.base):
            path = "/" + path[len(self.base):]
        return super().translate_path(path)


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[str]:
    found = re.search(r'href="(/[^"]*?)assets/stylesheets/main',
                      (site / "404.html").read_text(encoding="utf-8"))
    handler = type("Handler", (_Site,), {"base": found.group(1) if found else "/"})
    httpd = QuietServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


#: axe reads colours from what is drawn: the audit waits until reader.js has drawn the excerpts
#: the first view leaves undrawn (reader.css, `content-visibility`), as it does after loading
DRAWN = "() => document.documentElement.hasAttribute('data-reader-drawn')"


def axe_violations(page: Page, site_page: bool = True) -> list[dict]:
    """The axe-core violations of the page, of any impact, as it stands once drawn (a page of
    the site: reader.js marks it; any other page as it is)."""
    if site_page:
        page.wait_for_function(DRAWN, timeout=20000)
    page.evaluate(AXE.read_text(encoding="utf-8"))  # evaluated, so the page's CSP allows it
    found = page.evaluate(RUN_AXE, False)
    return page.evaluate(RUN_AXE, True) if found else found


@pytest.mark.parametrize("combo", range(len(COMBOS)),
                         ids=[f"{palette}-{width}px" for palette, width in COMBOS])
def test_no_axe_violation(browser: Browser, server: str, corpus, combo: int) -> None:
    assert AXE.exists(), "axe-core is missing: `make test` runs `npm ci`"
    palette, width = COMBOS[combo]
    context = browser.new_context(viewport={"width": width, "height": 844},
                                  color_scheme="dark" if palette == "dark" else "light",
                                  is_mobile=width < 600, has_touch=width < 600)
    page = context.new_page()
    problems, audited = [], 0
    for url, c in audits(corpus):
        if c != combo:
            continue
        page.goto(server + url)
        assert page.evaluate("document.body.dataset.mdColorScheme") == SCHEMES[palette], url
        assert page.evaluate("getComputedStyle(document.body).fontFamily"), url  # styled
        audited += 1
        problems += [f"{url}: {v['impact']} {v['id']} ×{v['count']}: {v['first']}\n  {v['why']}"
                     for v in axe_violations(page)]
    context.close()
    assert audited >= 18
    assert not problems, "\n".join(problems[:30])


def test_axe_finds_what_it_should(browser: Browser) -> None:
    """The audit is not blind: a low-contrast link, an unnamed button and an unlabelled field
    (serious and critical), and two navigation landmarks that a screen reader cannot tell apart
    (moderate)."""
    page = browser.new_page()
    page.set_content('<html lang="en"><body><nav><a href="#a">a</a></nav><nav><a href="#b">b</a>'
                     '</nav><main><p style="color:#777;background:#888">grey</p>'
                     '<button></button><input type="text"></main></body></html>')
    violations = axe_violations(page, site_page=False)
    page.close()
    found = {v["id"]: v["impact"] for v in violations}
    assert {"color-contrast", "button-name", "label", "landmark-unique"} <= set(found)
    assert found["landmark-unique"] == "moderate"
    # each is reported with the element it is found on
    assert {v["id"]: v["first"] for v in violations}["button-name"] == "button"


def run_vnu(files: list[Path]) -> list[dict]:
    """The Nu HTML Checker's messages on the files, in one run of the checker."""
    assert VNU.exists(), "vnu.jar is missing: `make test` runs `npm ci`"
    java = shutil.which("java")
    assert java, "Java is needed for the Nu HTML Checker: `make system` installs it"
    result = subprocess.run([java, "-jar", str(VNU), "--format", "json", "--exit-zero-always",
                             *map(str, files)], capture_output=True, text=True, timeout=600)
    return json.loads(result.stderr)["messages"]


def test_no_nu_html_checker_error(site: Path, corpus) -> None:
    files = [site / "404.html"] + [site / PREFIXES[e] / path / "index.html"
                                   for e in PREFIXES for path in page_types(corpus)]
    assert all(f.exists() for f in files), [str(f) for f in files if not f.exists()]
    messages = run_vnu(files)
    errors = [f"{m.get('url', '')[len(str(site)) + 6:]}:{m.get('lastLine')}: {m['message']}"
              for m in messages if m["type"] in ("error", "non-document-error")]
    assert not errors, f"{len(errors)} errors:\n" + "\n".join(errors[:30])


def test_the_nu_checker_finds_what_it_should(tmp_path: Path) -> None:
    bad = tmp_path / "bad.html"
    bad.write_text('<!doctype html><html lang="en"><title>x</title><div aria-label="x">y</div>'
                   '<input type="checkbox" autocomplete="off">', encoding="utf-8")
    messages = [m["message"] for m in run_vnu([bad]) if m["type"] == "error"]
    assert any("aria-label" in m for m in messages) and any("autocomplete" in m for m in messages)
