"""Lighthouse scores of a built site, for `make bench` (bench/measure.py writes them to bench.json).

Lighthouse (npm, `package.json`) audits four pages with Debian's Chromium in its mobile profile
(simulated slow 4G and a mid-range phone's CPU): the home page, a Persian paper page, an Arabic
paper page and a seminar packet. The site is built for and served from 127.0.0.1 (its site URL is
that address, as the published site's is its own host, so the Content-Security-Policy's 'self'
holds), with gzip as a static host sends text; nothing leaves the machine.
Scores are 0–100 per category; the targets (accessibility and best practices 100, SEO at least 95,
performance at least 90) are printed beside them, not asserted: the scores depend on the machine.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
PAGES = {"home": "", "fa_paper": "fa/papers/kazemi-1403/", "ar_paper": "ar/papers/karabakh-war/",
         "packet": "packets/iran/"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TEXT = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"}
TARGETS = {"performance": 90, "accessibility": 100, "best-practices": 100, "seo": 95}
FLAGS = "--headless=new --no-sandbox --disable-gpu --no-first-run --disable-component-update"


class _Host(http.server.SimpleHTTPRequestHandler):
    """The built site as a static host serves it: text compressed with gzip when asked."""

    def log_message(self, *args: object) -> None:
        pass

    def send_head(self) -> BinaryIO | io.BytesIO | None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not accepts or path.suffix not in TEXT or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@contextmanager
def built_and_served(tmp: Path) -> Iterator[str]:
    """The site built for a local address, served there."""
    site = tmp / "site"
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Host, directory=str(site)))
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_PDF": "0", "SITE_URL": base}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d",
                             str(site)], cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"the build for Lighthouse failed:\n{result.stderr[-2000:]}")
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield base
    finally:
        httpd.shutdown()


def audit(url: str, out: Path) -> dict[str, int]:
    """One page's scores in the four categories."""
    command = [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
               f"--only-categories={','.join(CATEGORIES)}", "--form-factor=mobile",
               f"--chrome-flags={FLAGS}"]
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    if result.returncode != 0 or not out.exists():
        raise SystemExit(f"lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    report = json.loads(out.read_text(encoding="utf-8"))
    return {name: round(100 * (report["categories"][name]["score"] or 0)) for name in CATEGORIES}


def scores() -> dict[str, dict[str, int]]:
    """Scores of each audited page, by page then category."""
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is missing: `make bench` installs it with `npm ci`")
    results = {}
    with tempfile.TemporaryDirectory() as name, built_and_served(Path(name)) as base:
        for page, path in PAGES.items():
            results[page] = audit(base + path, Path(name) / f"{page}.json")
    return results


def report(results: dict[str, dict[str, int]]) -> str:
    """The scores as lines, each with the target it is measured against."""
    return "\n".join(
        f"{page:>16}: " + ", ".join(
            f"{c} {s}{'' if s >= TARGETS[c] else f' (target {TARGETS[c]})'}"
            for c, s in categories.items())
        for page, categories in results.items())


if __name__ == "__main__":
    print(report(scores()))
