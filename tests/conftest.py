"""Shared fixtures: the site is built once per test run, into a temporary folder."""

from __future__ import annotations

import contextlib
import fcntl
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

EDITIONS = {"en": "ltr", "tr": "ltr", "fa": "rtl", "ar": "rtl"}
#: fixture builds skip the PDFs; the site fixture makes them, as the real build does
BUILD_ENV = {**os.environ, "SITE_PDF": "0", "NO_MKDOCS_2_WARNING": "1"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark each test by what it needs, unless it is marked where it is written (a test that
    builds a project of its own, reads all of the shipped content or typesets a PDF): `-m unit`
    runs the fast ones in seconds. Then order them for the workers (`pytest -n`): the tests that
    do not need the site first (the unit tests, then those that build a project of their own),
    while one worker's background thread builds the site (`_site_in_background`); then the
    browser tests, the longest, so that the run does not end on one of them; then the rest, and
    last those that read the PDFs, which are typeset once the pages are built."""
    for item in items:
        module = item.module.__name__ if item.module else ""  # type: ignore[attr-defined]
        fixtures = set(getattr(item, "fixturenames", ()))
        if any(item.get_closest_marker(kind) for kind in ("site", "browser", "pdf")):
            continue  # marked where it is written: it builds, reads all content or typesets
        if module.endswith(("test_browser", "test_a11y", "test_a11y_reading")) or \
                "browser" in fixtures:
            item.add_marker(pytest.mark.browser)
        elif module.endswith("test_pdf"):
            item.add_marker(pytest.mark.pdf)
        elif fixtures & {"site", "project_copy", "docs_copy"}:
            item.add_marker(pytest.mark.site)
        else:
            item.add_marker(pytest.mark.unit)
    items.sort(key=_rank)


def _needs_site(item: pytest.Item) -> bool:
    return "site" in getattr(item, "fixturenames", ())


def _rank(item: pytest.Item) -> int:
    if not _needs_site(item):
        return 0 if item.get_closest_marker("unit") else 1
    if "site_pdfs" in getattr(item, "fixturenames", ()):
        return 4  # the PDFs are typeset after the pages
    return 2 if item.get_closest_marker("browser") else 3


def mkdocs_build(project: Path, out: Path, pdf: str = "0") -> subprocess.CompletedProcess[str]:
    """A strict build, as `make build` runs it, with `SITE_PDF=pdf`. Not quiet: MkDocs' `-q` drops
    its warnings before strict mode counts them, so a quiet build passes with a warning that fails
    `make build`."""
    env = {**BUILD_ENV, "SITE_PDF": pdf}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
        cwd=project, env=env, capture_output=True, text=True, timeout=600,
    )


def _shared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder the workers of one run share (each has its own inside it)."""
    return tmp_path_factory.getbasetemp().parent


def _make(folder: Path, make: Callable[[Path], subprocess.CompletedProcess[str]]) -> None:
    """`make(folder)`, leaving `<folder>.built`, or `<folder>.failed` with its output."""
    result = make(folder)
    if result.returncode == 0:
        folder.with_suffix(".built").write_text("built\n", encoding="utf-8")
    else:
        folder.with_suffix(".failed").write_text(result.stdout + result.stderr, encoding="utf-8")


def built_once(tmp_path_factory: pytest.TempPathFactory, worker_id: str, name: str,
               make: Callable[[Path], subprocess.CompletedProcess[str]]) -> Path:
    """The folder `name` made by `make(folder)` once per run, whichever worker asks first (the
    others wait on a lock, then share it: tests only read it)."""
    if worker_id == "master":
        folder = tmp_path_factory.mktemp(name)
        result = make(folder)
        assert result.returncode == 0, result.stdout + result.stderr
        return folder
    folder = _shared(tmp_path_factory) / name
    failed = folder.with_suffix(".failed")
    with open(folder.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not failed.exists() and not folder.with_suffix(".built").exists():
            _make(folder, make)
    assert not failed.exists(), f"{name} could not be built:\n" + failed.read_text("utf-8")[-5000:]
    return folder


def _build_site(out: Path) -> subprocess.CompletedProcess[str]:
    """The pages, linking their PDFs, which `_typeset` makes afterwards (`SITE_PDF=later`): the
    tests that read only the pages start while the PDFs are typeset."""
    return mkdocs_build(ROOT, out, pdf="later")


def _typeset(site: Path) -> subprocess.CompletedProcess[str]:
    """The PDFs of the built site, as `make pdf` typesets them."""
    return subprocess.run([sys.executable, str(ROOT / "hooks" / "cli.py"), "pdf", str(site)],
                          cwd=ROOT, env=BUILD_ENV, capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="session", autouse=True)
def _site_in_background(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
                        worker_id: str) -> Iterator[None]:
    """With several workers, the first to start builds the site in a background thread from the
    start of the run, then typesets its PDFs, holding the locks the `site` and `site_pdfs`
    fixtures wait on, while the tests that do not need them run; the worker waits for the thread
    before it ends."""
    if worker_id == "master" or not any(_needs_site(i) for i in request.session.items):
        yield
        return
    folder = _shared(tmp_path_factory) / "site"
    marker = _shared(tmp_path_factory) / "site-pdfs"
    locks = [open(folder.with_suffix(".lock"), "w"), open(marker.with_suffix(".lock"), "w")]
    try:
        for lock in locks:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:  # another worker builds it
        for lock in locks:
            lock.close()
        yield
        return

    def build() -> None:
        try:
            if not folder.with_suffix(".built").exists():
                _make(folder, _build_site)
        finally:
            fcntl.flock(locks[0], fcntl.LOCK_UN)
            locks[0].close()
        try:
            if folder.with_suffix(".built").exists() and not marker.with_suffix(".built").exists():
                _make(marker, lambda _: _typeset(folder))
        finally:
            fcntl.flock(locks[1], fcntl.LOCK_UN)
            locks[1].close()

    thread = threading.Thread(target=build, name="site-build", daemon=True)
    thread.start()
    yield
    thread.join()


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """The built site, its pages linking their PDFs, built once per run (`built_once`; with
    several workers, from the start of the run: `_site_in_background`). The PDFs may not be
    there yet: a test that reads them asks for `site_pdfs`."""
    return built_once(tmp_path_factory, worker_id, "site", _build_site)


@pytest.fixture(scope="session")
def site_pdfs(site: Path, tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """The built site with its PDFs, typeset once per run, as the full build typesets them."""
    built_once(tmp_path_factory, worker_id, "site-pdfs", lambda _: _typeset(site))
    return site


@pytest.fixture(scope="session")
def corpus():
    from content import load_corpus

    return load_corpus(ROOT / "docs")


def read_html(site: Path, url: str) -> BeautifulSoup:
    """The parsed page (parsed once per run: tests read it, never change it)."""
    path = site / url.split("#")[0]
    if url.endswith("/") or not path.suffix:
        path = path / "index.html"
    return _parse(path, path.stat().st_mtime_ns)


@functools.lru_cache(maxsize=256)
def _parse(path: Path, mtime: int) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture
def project_copy(tmp_path: Path) -> Iterator[Path]:
    """A copy of the project whose docs are the small fixture docs, for failing builds."""
    project = tmp_path / "project"
    project.mkdir()
    for name in ("hooks", "overrides"):
        shutil.copytree(ROOT / name, project / name,
                        ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "tests" / "fixtures" / "docs", project / "docs")
    shutil.copy(ROOT / "docs" / "data" / "ui.yml", project / "docs" / "data" / "ui.yml")
    shutil.copy(ROOT / "docs" / "data" / "search-normalise.yml",
                project / "docs" / "data" / "search-normalise.yml")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:")[0]
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    yield project


# --- the browser tests: Debian's Chromium, and the built site served on localhost --------------

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    """The built site over HTTP, silent when the browser drops a connection it no longer needs
    (a page left before a font or image arrived); any other error is reported."""

    def handle_error(self, request: object, client_address: object) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


@contextlib.contextmanager
def served(folder: Path) -> Iterator[str]:
    """A built site over HTTP on localhost while the block runs: its address."""
    httpd = QuietServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(folder)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[str]:
    with served(site) as address:
        yield address


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert Path(CHROMIUM).exists(), "Debian's chromium is needed: `make system` installs it"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def phone_page(browser: Browser, width: int, height: int, text: int = 16,
               **options: bool) -> tuple[BrowserContext, Page]:
    """A page on a phone `width` px wide, in the reader's text size `text` (Chromium's setting:
    16 px by default, 24 px "very large"); the caller closes the context."""
    context = browser.new_context(viewport={"width": width, "height": height}, is_mobile=True,
                                  **options)
    page = context.new_page()
    session = context.new_cdp_session(page)
    session.send("Page.enable")
    session.send("Page.setFontSizes", {"fontSizes": {"standard": text, "fixed": text}})
    return context, page
